//! Every message a file can get, asserted verbatim (English, and Japanese for a
//! selection), with its place: line and column, or field path and service id.

mod common;

use common::{assert_error, doc, read_err};
use x1060_assess::model::exchange::{self, ImportError};
use x1060_assess::model::Lang;

const HEAD: &str = r#""format":"x1060-assessment","version":1,"catalogue":"x1060-2021""#;

#[test]
fn empty_file() {
    assert_error("", "The file is empty.");
    assert_error("\u{feff} \r\n", "The file is empty.");
}

#[test]
fn binary_data_is_not_utf8() {
    let e = exchange::read(b"{\"name\": \"\xff\xfe\"}").expect_err("binary");
    assert_eq!(e.message(Lang::En), "The file is not UTF-8 text: the byte at offset 10 is not valid UTF-8.");
    assert_eq!(e.message(Lang::Ja), "UTF-8 のテキストファイルではありません（10 バイト目が UTF-8 として不正です）。");
}

#[test]
fn syntax_errors_give_line_and_column() {
    assert_error("{\n  \"format\": \"x\",\n  \"version\" 1\n}", "Line 3, column 13: not valid JSON (expected `:`).");
    assert_error("{\"a\": [1, 2,]}", "Line 1, column 13: not valid JSON (trailing comma).");
    assert_error("{\"a\": 1", "Line 1, column 7: not valid JSON (EOF while parsing an object).");
    assert_eq!(
        read_err("{\"a\": 1").message(Lang::Ja),
        "1 行 7 列: JSON として正しくありません（EOF while parsing an object）。"
    );
}

#[test]
fn truncated_file_is_a_syntax_error() {
    let text = doc(r#"[{"id":"A-1","level":"basic"}]"#);
    assert!(matches!(read_err(&text[..text.len() - 10]), ImportError::Syntax { line: 1, .. }));
}

#[test]
fn too_deep() {
    assert_error(&"[".repeat(200), "Line 1, column 128: the JSON is nested too deeply.");
}

#[test]
fn root_must_be_object() {
    assert_error("[1,2]", "The file has 1 problem:\n(top level): must be an object, found an array");
    assert_eq!(
        read_err("42").message(Lang::Ja),
        "ファイルに 1 件の問題があります:\n（ファイル全体）: オブジェクトである必要がありますが、数値です"
    );
}

#[test]
fn format_missing_wrong_type_or_other() {
    assert_error(r#"{"version":1}"#, "The file has 1 problem:\nformat: is required but missing");
    assert_error(r#"{"format":7}"#, "The file has 1 problem:\nformat: must be a string, found a number");
    assert_error(
        r#"{"format":"soc-cmm","version":1}"#,
        "The file has 1 problem:\nformat: this is not an X.1060 assessment file (format is \"soc-cmm\", expected \"x1060-assessment\")",
    );
}

#[test]
fn newer_version_says_so() {
    let text = r#"{"format":"x1060-assessment","version":2,"catalogue":"x1060-2021","name":"x","services":[]}"#;
    assert_error(
        text,
        "The file has 1 problem:\nversion: version 2 is newer than this app can read (up to 1); open the file with a newer version of the app",
    );
    assert_eq!(
        read_err(text).message(Lang::Ja),
        "ファイルに 1 件の問題があります:\nversion: バージョン 2 はこのアプリが読める形式（1 まで）より新しいものです。新しい版のアプリで開いてください"
    );
}

#[test]
fn bad_versions() {
    let e = |v: &str| format!(r#"{{"format":"x1060-assessment","version":{v}}}"#);
    assert_error(&e("\"1\""), "The file has 1 problem:\nversion: must be an integer, found a string");
    assert_error(
        &e("1.5"),
        "The file has 1 problem:\nversion: is not a version this app can read (it reads versions 1 to 1), found 1.5",
    );
    assert_error(
        &e("-1"),
        "The file has 1 problem:\nversion: is not a version this app can read (it reads versions 1 to 1), found -1",
    );
    assert_error(r#"{"format":"x1060-assessment"}"#, "The file has 1 problem:\nversion: is required but missing");
}

#[test]
fn unknown_catalogue() {
    assert_error(
        r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2099","name":"x","services":[]}"#,
        "The file has 1 problem:\ncatalogue: unknown catalogue \"x1060-2099\" (this app knows x1060-2021)",
    );
    assert_error(
        r#"{"format":"x1060-assessment","version":1}"#,
        "The file has 1 problem:\ncatalogue: is required but missing",
    );
}

#[test]
fn name_and_services_required() {
    assert_error(
        &format!("{{{HEAD}}}"),
        "The file has 2 problems:\nname: is required but missing\nservices: is required but missing",
    );
    assert_error(
        &format!(r#"{{{HEAD},"name":"  ","services":{{}}}}"#),
        "The file has 2 problems:\nname: must not be empty\nservices: must be an array, found an object",
    );
}

#[test]
fn unknown_service_names_id_and_place() {
    assert_error(
        &doc(r#"[{"id":"A-1"},{"id":"Z-9","level":"basic"}]"#),
        "The file has 1 problem:\nservices[1].id: unknown service id \"Z-9\": it is neither in catalogue x1060-2021 nor in custom_services",
    );
    assert_eq!(
        read_err(&doc(r#"[{"id":"Z-9"}]"#)).message(Lang::Ja),
        "ファイルに 1 件の問題があります:\nservices[0].id: 不明なサービス ID \"Z-9\" です（カタログ x1060-2021 にも custom_services にもありません）"
    );
}

#[test]
fn duplicate_service() {
    assert_error(
        &doc(r#"[{"id":"A-1"},{"id":"A-2"},{"id":"A-1","level":"basic"}]"#),
        "The file has 1 problem:\nservices[2].id: service \"A-1\" appears more than once (first at services[0])",
    );
}

#[test]
fn scores_out_of_range_or_wrong_type() {
    assert_error(
        &doc(
            r#"[{"id":"A-1","current":0,"target":6},{"id":"A-2","current":3.5,"target":"3"},{"id":"A-3","current":"N/A","target":true}]"#,
        ),
        "The file has 6 problems:\n\
services[0].current (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 0\n\
services[0].target (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 6\n\
services[1].current (service A-2): must be an integer from 1 to 5, \"n/a\" or null, found 3.5\n\
services[1].target (service A-2): must be an integer from 1 to 5, \"n/a\" or null, found \"3\"\n\
services[2].current (service A-3): must be an integer from 1 to 5, \"n/a\" or null, found \"N/A\"\n\
services[2].target (service A-3): must be an integer from 1 to 5, \"n/a\" or null, found true",
    );
}

#[test]
fn bad_level_and_sourcing() {
    assert_error(
        &doc(r#"[{"id":"B-2","level":"Basic","sourcing":"external"}]"#),
        "The file has 2 problems:\n\
services[0].level (service B-2): must be one of \"not_required\", \"basic\", \"standard\", \"advanced\", \"optional\", found \"Basic\"\n\
services[0].sourcing (service B-2): must be \"insource\" or \"outsource\", found \"external\"",
    );
}

#[test]
fn entry_shape_problems() {
    assert_error(
        &doc(r#"[7,{"level":"basic"},{"id":12},{"id":"A 1"},{"id":"A-1","note":["x"]}]"#),
        "The file has 5 problems:\n\
services[0]: must be an object, found a number\n\
services[1].id: is required but missing\n\
services[2].id: must be a string, found a number\n\
services[3].id: must be an id of 1 to 16 letters, digits, \"-\", \"_\" or \".\", found \"A 1\"\n\
services[4].note (service A-1): must be a string, found an array",
    );
}

#[test]
fn too_long_text() {
    let long = "x".repeat(201);
    assert_error(
        &format!(r#"{{{HEAD},"name":"{long}","services":[]}}"#),
        "The file has 1 problem:\nname: is too long (201 characters, at most 200)",
    );
}

#[test]
fn markup_and_control_characters_in_found_values_are_escaped() {
    assert_error(
        &doc(r#"[{"id":"A-1","level":"<script>alert(1)</script>\u0007"}]"#),
        "The file has 1 problem:\nservices[0].level (service A-1): must be one of \"not_required\", \"basic\", \"standard\", \"advanced\", \"optional\", found \"<script>alert(1)</script>\\u0007\"",
    );
    let long = "y".repeat(100);
    assert_error(
        &doc(&format!(r#"[{{"id":"A-1","sourcing":"{long}"}}]"#)),
        &format!("The file has 1 problem:\nservices[0].sourcing (service A-1): must be \"insource\" or \"outsource\", found \"{}…", "y".repeat(38)),
    );
}

#[test]
fn timestamps() {
    assert_error(
        &format!(r#"{{{HEAD},"name":"x","updated":"2026-02-30T00:00:00Z","created":"yesterday","services":[]}}"#),
        "The file has 2 problems:\n\
created: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"yesterday\"\n\
updated: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"2026-02-30T00:00:00Z\"",
    );
}

#[test]
fn custom_service_problems() {
    assert_error(
        &format!(
            r#"{{{HEAD},"name":"x","services":[],"custom_services":[
            {{"id":"A-1","category":"A","name":{{"en":"Clash"}}}},
            {{"id":"J-1","category":"J","name":{{"en":"No such category"}}}},
            {{"id":"I-8","category":"I","name":{{"ja":"","en":" "}}}},
            {{"id":"I-9","category":"I","name":"plain"}},
            {{"id":"I-10","category":"I","name":{{"en":"ok"}}}},
            {{"id":"I-10","category":"I","name":{{"en":"again"}}}}]}}"#
        ),
        "The file has 5 problems:\n\
custom_services[0].id: custom service id \"A-1\" is already used by another service\n\
custom_services[1].category (service J-1): unknown category \"J\"\n\
custom_services[2].name (service I-8): must not be empty\n\
custom_services[3].name (service I-9): must be an object, found a string\n\
custom_services[5].id: custom service id \"I-10\" is already used by another service",
    );
}

#[test]
fn snapshot_problems_carry_their_path() {
    assert_error(
        &format!(
            r#"{{{HEAD},"name":"x","services":[],"snapshots":[{{"taken":"2025-01-01T00:00:00Z","services":[{{"id":"A-1","current":9}}]}},{{"label":"L","taken":"2025-13-01T00:00:00Z"}}]}}"#
        ),
        "The file has 4 problems:\n\
snapshots[0].label: is required but missing\n\
snapshots[0].services[0].current (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 9\n\
snapshots[1].taken: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"2025-13-01T00:00:00Z\"\n\
snapshots[1].services: is required but missing",
    );
}

#[test]
fn problems_are_capped_and_counted() {
    // 26 entries with three problems each: 78 problems, 50 listed and 28 counted.
    let ids = (1..=13).flat_map(|i| [format!("A-{i}"), format!("G-{i}")]);
    let entries: Vec<String> = ids.map(|id| format!(r#"{{"id":"{id}","current":0,"target":0,"level":"x"}}"#)).collect();
    let e = read_err(&doc(&format!("[{}]", entries.join(","))));
    let ImportError::Invalid { problems, more } = &e else { panic!("expected content problems, got {e}") };
    assert_eq!(problems.len(), exchange::MAX_PROBLEMS);
    assert_eq!(*more, 28);
    assert!(e.message(Lang::En).starts_with("The file has 78 problems:\n"));
    assert!(e.message(Lang::En).ends_with("\n… and 28 more"));
    assert!(e.message(Lang::Ja).ends_with("\n… ほか 28 件"));
}

#[test]
fn plan_problems() {
    assert_error(
        &format!(
            r#"{{{HEAD},"name":"x","services":[],"plan":[
            {{"id":"A-1","due":"30/09/2026","status":"doing"}},
            {{"id":"Q-1","action":"x"}},
            {{"id":"A-1","action":"again"}},
            {{"id":"A-2","owner":7}}]}}"#
        ),
        "The file has 5 problems:\n\
plan[0].due (service A-1): must be a date such as \"2026-09-30\", found \"30/09/2026\"\n\
plan[0].status (service A-1): must be \"open\", \"in_progress\" or \"done\", found \"doing\"\n\
plan[1].id: unknown service id \"Q-1\": it is neither in catalogue x1060-2021 nor in custom_services\n\
plan[2].id: service \"A-1\" appears more than once (first at plan[0])\n\
plan[3].owner (service A-2): must be a string, found a number",
    );
}

#[test]
fn an_error_at_a_line_break_is_placed_at_the_end_of_its_line() {
    assert_error("[\n", "Line 1, column 1: not valid JSON (EOF while parsing a list).");
    assert_error("{\"a\": [1,\r\n  2.\r\n]}", "Line 2, column 5: not valid JSON (invalid number).");
}

#[test]
fn right_to_left_marks_in_found_values_are_escaped() {
    assert_error(
        "{\"format\":\"\u{202e}gpj.exe\"}",
        "The file has 1 problem:\nformat: this is not an X.1060 assessment file (format is \"\\u202egpj.exe\", expected \"x1060-assessment\")",
    );
}
