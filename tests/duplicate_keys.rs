//! A file whose objects give a key twice is refused (the last would silently win),
//! wherever the object is, with the key's path and the place of the second key.

mod common;

use common::{assert_error, doc, read_err, read_ok};
use x1060_assess::model::exchange::{self, Document};
use x1060_assess::model::Lang;

const HEAD: &str = r#""format":"x1060-assessment","version":1,"catalogue":"x1060-2021""#;

#[test]
fn a_repeated_top_level_list_is_refused() {
    let text = format!(r#"{{{HEAD},"name":"n","services":[],"services":[{{"id":"A-1"}}]}}"#);
    assert_error(
        &text,
        "The file has 1 problem:\nservices: is given more than once in the same object (again at line 1, column 92); each field may appear only once",
    );
    assert_eq!(
        read_err(&text).message(Lang::Ja),
        "ファイルに 1 件の問題があります:\nservices: 同じオブジェクトの中に 2 回以上あります（1 行 92 列で再び出てきます）。各フィールドは 1 回しか書けません"
    );
}

#[test]
fn repeated_keys_in_entries_name_the_entry() {
    assert_error(
        &doc(r#"[{"id":"A-1"},{"id":"A-2","current":1,"current":5}]"#),
        "The file has 1 problem:\nservices[1].current: is given more than once in the same object (again at line 1, column 130); each field may appear only once",
    );
    let text = format!(
        "{{{HEAD},\n\"name\":\"n\",\"services\":[],\n\"custom_services\":[{{\"id\":\"I-8\",\"category\":\"I\",\n  \"name\":{{\"en\":\"a\",\"en\":\"b\"}}}}]}}"
    );
    assert_error(
        &text,
        "The file has 1 problem:\ncustom_services[0].name.en: is given more than once in the same object (again at line 4, column 20); each field may appear only once",
    );
}

#[test]
fn the_column_counts_characters_and_points_at_the_second_key() {
    // Japanese before the key: columns count characters, not bytes.
    let text = format!("{{{HEAD},\"name\":\"日本語\",\"name\":\"x\",\"services\":[]}}");
    assert_error(
        &text,
        "The file has 1 problem:\nname: is given more than once in the same object (again at line 1, column 80); each field may appear only once",
    );
    // The colon on the next line, white space around.
    let text = format!("{{{HEAD},\"name\":\"a\",\n   \"name\"\n   :\"b\",\"services\":[]}}");
    assert_error(
        &text,
        "The file has 1 problem:\nname: is given more than once in the same object (again at line 2, column 4); each field may appear only once",
    );
}

#[test]
fn keys_are_compared_after_unescaping() {
    let text = format!(r#"{{{HEAD},"name":"a","n\u0061me":"b","services":[]}}"#);
    assert_error(
        &text,
        "The file has 1 problem:\nname: is given more than once in the same object (again at line 1, column 78); each field may appear only once",
    );
    // Keys that differ only in case, or keys ending in an escaped quote or backslash, are distinct.
    let distinct = format!(r#"{{{HEAD},"name":"a","Name":"b","x\"":1,"x\\":2,"x":3,"services":[]}}"#);
    assert_eq!(read_ok(&distinct).name, "a");
}

#[test]
fn unusual_keys_are_quoted_in_the_path() {
    let text = format!(
        r#"{{{HEAD},"name":"n","services":[{{"id":"A-1","x":{{"a b":1,"a b":2}}}}],"z":{{"":[{{"\u202e\"":0,"\u202e\"":1}}]}}}}"#
    );
    assert_eq!(
        read_err(&text).details(Lang::En),
        ["services[0].x[\"a b\"]: is given more than once in the same object (again at line 1, column 115); each field may appear only once"]
    );
    let text = format!(r#"{{{HEAD},"name":"n","services":[],"z":{{"":[{{"\u202e\"\\":0,"\u202e\"\\":1}}]}}}}"#);
    assert_eq!(
        read_err(&text).details(Lang::En),
        ["z[\"\"][0][\"\\u202e\\\"\\\\\"]: is given more than once in the same object (again at line 1, column 117); each field may appear only once"]
    );
    let text = format!(r#"{{{HEAD},"name":"n","services":[],"":1,"":2}}"#);
    assert_eq!(
        read_err(&text).details(Lang::En),
        ["[\"\"]: is given more than once in the same object (again at line 1, column 97); each field may appear only once"]
    );
}

#[test]
fn a_repeated_key_in_a_backup_member_or_its_envelope_is_refused() {
    let member = format!(r#"{{{HEAD},"name":"n","services":[],"plan":[{{"id":"A-1","action":"a","action":"b"}}]}}"#);
    let text = format!(r#"{{"format":"x1060-backup","version":1,"assessments":[{member}]}}"#);
    let e = exchange::read_any(text.as_bytes()).expect_err("refused");
    assert_eq!(
        e.details(Lang::En),
        ["assessments[0].plan[0].action: is given more than once in the same object (again at line 1, column 177); each field may appear only once"]
    );
    let text = r#"{"format":"x1060-backup","version":1,"assessments":[],"assessments":[]}"#;
    let e = exchange::read_any(text.as_bytes()).expect_err("refused");
    assert_eq!(
        e.details(Lang::En),
        ["assessments: is given more than once in the same object (again at line 1, column 55); each field may appear only once"]
    );
}

/// Issue 20, finding 1.9: a backup member with a repeated key got the whole backup
/// refused; now that member is named (position, name, the key's place in the file)
/// and the good members are offered, as for any other damaged member.
#[test]
fn a_repeated_key_in_one_backup_member_leaves_the_others_offered() {
    let bad = format!("{{{HEAD},\n  \"name\":\"twice\",\"services\":[],\n  \"plan\":[{{\"id\":\"A-1\",\"action\":\"a\",\"action\":\"b\"}}]}}");
    let good = format!(r#"{{{HEAD},"name":"good","services":[{{"id":"A-1","level":"basic"}}]}}"#);
    let text = format!("{{\"format\":\"x1060-backup\",\"version\":1,\"assessments\":[\n{good},\n{bad},\n{good}]}}");
    let Ok(Document::Backup(contents)) = exchange::read_any(text.as_bytes()) else {
        panic!("the good members are offered: {:?}", exchange::read_any(text.as_bytes()))
    };
    assert_eq!(contents.members.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["good", "good"]);
    assert_eq!(contents.damaged.len(), 1);
    let damaged = &contents.damaged[0];
    assert_eq!((damaged.position, damaged.name.as_deref()), (2, Some("twice")));
    assert_eq!(
        damaged.message(Lang::En),
        "Assessment 2 of the backup (\"twice\") cannot be restored: it has 1 problem:\n\
plan[0].action: is given more than once in the same object (again at line 5, column 36); each field may appear only once"
    );
    assert_eq!(text.lines().nth(4).map(|l| &l[35..43]), Some("\"action\""), "the place is in the whole file");
    // The other members' own repeated keys, and the envelope's, are still refused.
    let text = format!("{{\"format\":\"x1060-backup\",\"version\":1,\"version\":1,\"assessments\":[{bad},{good}]}}");
    assert!(exchange::read_any(text.as_bytes()).is_err());
    let text = format!(
        "{{\"format\":\"x1060-backup\",\"version\":1,\"assessments\":[{bad},{good}],\"x\":{{\"a\":1,\"a\":2}}}}"
    );
    assert!(exchange::read_any(text.as_bytes()).is_err());
    let text = format!("{{\"format\":\"x1060-backup\",\"version\":1,\"assessments\":[{bad},{good}] x");
    assert!(exchange::read_any(text.as_bytes()).is_err(), "later syntax errors too");
    // Not a backup: the file is refused as before.
    let text = format!("{{{HEAD},\"name\":\"n\",\"services\":[],\"assessments\":[{bad}]}}");
    assert!(exchange::read_any(text.as_bytes()).is_err());
}

#[test]
fn syntax_errors_and_nesting_are_reported_as_before() {
    assert_error("{\"a\": 1,}", "Line 1, column 9: not valid JSON (trailing comma).");
    assert_error(&"[".repeat(200), "Line 1, column 128: the JSON is nested too deeply.");
    assert_error("{\"a\": 1} x", "Line 1, column 10: not valid JSON (trailing characters).");
    // The file is read in order: what comes first is reported.
    assert_error("{\"a\": 1,, \"a\": 2}", "Line 1, column 9: not valid JSON (key must be a string).");
    assert_error(
        "{\"a\": 1, \"a\" 2}",
        "The file has 1 problem:\na: is given more than once in the same object (again at line 1, column 10); each field may appear only once",
    );
    // Without repeats everything is read as before.
    let text = format!(
        r#"{{{HEAD},"name":"n","services":[{{"id":"A-1","level":"basic"}}],"extra":{{"k":[1,2.5,-3,true,null,"s"]}}}}"#
    );
    assert_eq!(read_ok(&text).name, "n");
    let backup =
        format!(r#"{{"format":"x1060-backup","version":1,"assessments":[{{{HEAD},"name":"n","services":[]}}]}}"#);
    assert!(matches!(exchange::read_any(backup.as_bytes()), Ok(Document::Backup(_))));
}
