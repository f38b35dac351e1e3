//! Reading the services CSV back (the spreadsheet round trip): the RFC 4180 reader with
//! row and column positions, the headers and words of both languages, the changes a
//! file makes and their undo, and every refusal named by row and column.

mod common;

use common::{empty, id, rated, read_ok, sample_ja_text, sample_text};
use x1060_assess::model::csv::{
    apply, column_letters, preview, records, revert, services_csv, services_csv_in, undoable, unguard, utf8_text,
    CsvChange, CsvError, CsvField, FieldValue, SyntaxErrorKind,
};
use x1060_assess::model::{
    Assessment, CategoryId, CustomService, Lang, Level, LocalText, Score, ServiceAssessment, Sourcing,
};

const HEADER: &str = "id,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note";
const HEADER_JA: &str =
    "ID,カテゴリー,サービス名（日本語）,サービス名（英語）,推奨レベル,実施形態,委託先,現在,目標,ギャップ,メモ";

/// Texts that need quoting, guarding, or both, to survive a spreadsheet.
const TRICKY: [&str; 8] = [
    "line one\r\nline \"two\"\nthree",
    "=SUM(A1)",
    "'quoted'",
    "'=already",
    " spaces around ",
    "a,b;\"c\"",
    "-1",
    "日本語、\"引用\"\r\n次の行",
];

/// An assessment holding every kind of value: levels, both sourcings, n/a, tricky
/// texts, a custom service and an id the catalogue does not know.
fn rich() -> Assessment {
    let mut a = empty();
    let name = LocalText::new("追加サービス", "Added service");
    a.add_custom_service(CustomService { id: id("I-8"), category: CategoryId::parse("I").expect("cat"), name })
        .expect("custom");
    for (i, text) in TRICKY.iter().enumerate() {
        let service = ["A-1", "A-2", "B-1", "B-2", "C-1", "E-6", "H-1", "I-8"][i];
        a.edit_service(&id(service), |s| {
            s.level = Some(Level::ALL[i % 5]);
            s.sourcing = Some(Sourcing::ALL[i % 2]);
            s.provider = if i % 2 == 1 { (*text).to_owned() } else { String::new() };
            s.current = Some(if i == 5 { Score::NotApplicable } else { rated(1 + (i as i64 % 5)) });
            s.target = Some(if i == 5 { Score::NotApplicable } else { rated(5 - (i as i64 % 3)) });
            s.note = (*text).to_owned();
        });
    }
    a.services.insert(id("Z-1"), ServiceAssessment { level: Some(Level::Basic), ..ServiceAssessment::default() });
    a
}

#[track_caller]
fn changes(text: &str, a: &Assessment) -> Vec<CsvChange> {
    match preview(text, a) {
        Ok(p) => p.changes,
        Err(e) => panic!("expected the file to be read, got:\n{e}"),
    }
}

/// The English messages of a refused file, one per line after the headline.
#[track_caller]
fn refusal(text: &str, a: &Assessment) -> String {
    match preview(text, a) {
        Ok(p) => panic!("expected a refusal, got {} changes", p.changes.len()),
        Err(e) => e.to_string(),
    }
}

fn fields(changes: &[CsvChange]) -> Vec<(String, CsvField)> {
    changes.iter().map(|c| (c.service.as_str().to_owned(), c.field())).collect()
}

#[test]
fn reader_keeps_quoted_line_ends_commas_and_doubled_quotes() {
    let text = "a,\"b,\"\"c\"\"\r\nd\",e\r\n\"\",x\"y\n";
    let rs = records(text).expect("csv");
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0].cells, ["a", "b,\"c\"\r\nd", "e"]);
    assert_eq!(rs[1].cells, ["", "x\"y"], "an empty quoted cell, and a quote inside an unquoted one is text");
    assert_eq!((rs[0].row, rs[1].row), (1, 2), "rows as a spreadsheet numbers them, not lines");
}

#[test]
fn reader_takes_crlf_lf_and_cr_with_or_without_a_last_line_end() {
    for text in ["x,y\r\n1,2\r\n", "x,y\n1,2\n", "x,y\r1,2\r", "x,y\n1,2", "\u{feff}x,y\r\n1,2"] {
        let cells: Vec<Vec<String>> = records(text).expect("csv").into_iter().map(|r| r.cells).collect();
        assert_eq!(cells, [["x", "y"], ["1", "2"]], "{text:?}");
    }
    assert_eq!(
        records("a\n\nb\n").expect("csv").iter().map(|r| r.is_blank()).collect::<Vec<_>>(),
        [false, true, false]
    );
}

#[test]
fn reader_names_row_and_column_of_a_broken_quote() {
    let e = records("id,note\r\nA-1,\"open\r\nstill open").expect_err("unclosed");
    assert_eq!((e.row, e.column, e.kind), (2, 2, SyntaxErrorKind::UnclosedQuote));
    let e = records("id,note\nA-1,ok\nA-2,\"a\"b\"").expect_err("text after quote");
    assert_eq!((e.row, e.column, e.kind), (3, 2, SyntaxErrorKind::TextAfterQuote));
    let msg = refusal("id,note\r\nA-1,\"open", &empty());
    assert!(msg.contains("Row 2, column B"), "{msg}");
    assert!(msg.contains("closing quote"), "{msg}");
}

/// Issue 20, finding 1.10: a broken quote was placed as "column B ()".
#[test]
fn a_broken_quote_names_its_column_by_heading_or_says_it_has_none() {
    let problem = |text: &str, lang| preview(text, &empty()).expect_err("refused").details(empty().catalogue, lang);
    assert_eq!(
        problem("id,note\r\nA-1,\"open\r\nA-2,x", Lang::En),
        ["Row 2, column B (note): a quoted cell starts here and its closing quote (\") is missing, so the cell runs to the end of the file."]
    );
    assert_eq!(
        problem("ID,メモ\r\nA-1,\"open", Lang::Ja),
        ["2 行目、B 列（メモ）: ここで始まる引用符（\"）が閉じられていないため、セルがファイルの最後まで続いています。"]
    );
    assert_eq!(
        problem("id,note,\r\nA-1,x,\"a\"b", Lang::En),
        ["Row 2, column C (no heading): text follows the closing quote; a quote inside a quoted cell is written twice (\"\")."]
    );
    assert_eq!(problem("\r\nid,note\r\nA-1,x,y,\"a", Lang::Ja)[0], "3 行目、D 列（見出しなし）: ここで始まる引用符（\"）が閉じられていないため、セルがファイルの最後まで続いています。");
    assert!(problem("id,\"note\r\nA-1,x", Lang::En)[0]
        .starts_with("Row 1, column B (in the header row): a quoted cell starts here"),);
    assert!(problem("id,\"note", Lang::Ja)[0].starts_with("1 行目、B 列（見出しの行）: "));
    // Any other problem of a column without heading says so too.
    assert!(refusal("id,note\r\nA-1,x,y\r\n", &empty())
        .contains("Row 2, column C (no heading): 3 cells, but the header has 2."));
}

/// A custom service whose id has lower-case letters (as an exchange file may hold).
fn with_lower_case_ids() -> Assessment {
    let mut a = empty();
    for (custom, category) in [("i-extra", "I"), ("Soc-ops", "A"), ("a-1", "A")] {
        let name = LocalText::new("追加", "Added");
        let category = CategoryId::parse(category).expect("cat");
        a.add_custom_service(CustomService { id: id(custom), category, name }).expect("custom");
    }
    a.edit_service(&id("i-extra"), |s| {
        s.level = Some(Level::Basic);
        s.current = Some(rated(2));
        s.note = "lower".to_owned();
    });
    a.edit_service(&id("a-1"), |s| s.note = "custom a-1".to_owned());
    a.edit_service(&id("A-1"), |s| s.note = "built-in A-1".to_owned());
    a
}

/// Issue 20, finding 1.9: the import folded ids to upper case and then looked them up
/// exactly, so it refused the app's own export of a service id with lower-case letters.
#[test]
fn own_export_with_lower_case_ids_reads_back() {
    let a = with_lower_case_ids();
    for lang in Lang::ALL {
        let csv = services_csv_in(&a, lang);
        assert!(csv.contains("\r\ni-extra,I,"), "{csv}");
        assert_eq!(changes(&csv, &a), [], "{lang:?}: the own export reads back as no change");
        let mut target = empty();
        target.custom_services = a.custom_services.clone();
        let found = changes(&csv, &target);
        apply(&mut target, &found);
        assert_eq!(target.services, a.services, "{lang:?}: every value recreated, a-1 and A-1 apart");
    }
}

#[test]
fn ids_match_exactly_first_then_ignoring_case_when_only_one_service_fits() {
    let a = with_lower_case_ids();
    let csv = "id,note\r\nI-EXTRA,x\r\nsoc-ops,y\r\na-1,z\r\nA-1,w\r\n";
    let found = changes(csv, &a);
    let set: Vec<(&str, &FieldValue)> = found.iter().map(|c| (c.service.as_str(), &c.new)).collect();
    assert_eq!(
        set,
        [
            ("i-extra", &FieldValue::Note("x".into())),
            ("Soc-ops", &FieldValue::Note("y".into())),
            ("a-1", &FieldValue::Note("z".into())),
            ("A-1", &FieldValue::Note("w".into())),
        ]
    );
    // `i-extra` twice, spelt differently: the same service.
    let msg = refusal("id,note\r\ni-extra,x\r\nI-Extra,y\r\n", &a);
    assert!(msg.contains("Row 3, column A (id): service i-extra is already listed in row 2."), "{msg}");
    assert_eq!(changes("id,note\r\nＡ－１,x\r\n", &a)[0].service.as_str(), "A-1", "full-width is read as ASCII");
    // `SOC-OPS` and `Soc-ops` both exist: a third spelling names neither.
    let mut b = a.clone();
    b.custom_services.retain(|c| c.id.as_str() != "Soc-ops");
    let name = LocalText::new("追加", "Added");
    b.add_custom_service(CustomService { id: id("SOC-OPS"), category: CategoryId::parse("A").expect("cat"), name })
        .expect("custom");
    b.add_custom_service(CustomService {
        id: id("Soc-ops"),
        category: CategoryId::parse("A").expect("cat"),
        name: LocalText::new("追加", "Added"),
    })
    .expect("custom");
    let e = preview("id,note\r\nsoc-ops,x\r\n", &b).expect_err("ambiguous");
    assert_eq!(
        e.details(b.catalogue, Lang::En),
        ["Row 2, column A (id): “soc-ops” matches no service exactly, and SOC-OPS, Soc-ops if upper and lower case are ignored: write the id exactly as the app shows it."]
    );
    assert_eq!(
        e.details(b.catalogue, Lang::Ja),
        ["2 行目、A 列（id）: 「soc-ops」と完全に一致するサービスはなく、大文字と小文字を区別しなければ SOC-OPS、Soc-ops が当てはまります。ID はアプリの表示どおりに書いてください。"]
    );
}

#[test]
fn exported_file_read_back_changes_nothing_in_either_language() {
    for a in [rich(), read_ok(&sample_text()), read_ok(&sample_ja_text())] {
        for lang in Lang::ALL {
            let csv = services_csv_in(&a, lang);
            assert_eq!(changes(&csv, &a), [], "{lang:?}");
        }
    }
}

#[test]
fn exported_file_read_into_a_blank_assessment_recreates_every_value() {
    for lang in Lang::ALL {
        let source = rich();
        let mut target = empty();
        target.custom_services = source.custom_services.clone();
        target.services.insert(id("Z-1"), ServiceAssessment::default());
        let found = changes(&services_csv_in(&source, lang), &target);
        apply(&mut target, &found);
        assert_eq!(target.services, source.services, "{lang:?}");
        let notes: Vec<&str> = TRICKY.to_vec();
        let read: Vec<&str> = ["A-1", "A-2", "B-1", "B-2", "C-1", "E-6", "H-1", "I-8"]
            .iter()
            .map(|s| target.services[*s].note.as_str())
            .collect();
        assert_eq!(read, notes, "notes read back exactly");
    }
}

#[test]
fn japanese_header_and_words_are_read_whatever_the_export_wrote() {
    let a = empty();
    let text = format!(
        "{HEADER_JA}\r\nA-1,A,,,ベーシック,内製,,３,５,,メモ\r\nA-2,A,,,Advanced,外部委託（アウトソース）,ベンダー,適用外,n/a,,\r\nB-1,B,,,不要,In-house,,1,2,,\r\n"
    );
    let found = changes(&text, &a);
    let mut after = a.clone();
    apply(&mut after, &found);
    let s = |i: &str| after.service(i);
    assert_eq!((s("A-1").level, s("A-1").sourcing), (Some(Level::Basic), Some(Sourcing::Insource)));
    assert_eq!((s("A-1").current, s("A-1").target), (Some(rated(3)), Some(rated(5))), "full-width digits");
    assert_eq!(s("A-1").note, "メモ");
    assert_eq!((s("A-2").level, s("A-2").sourcing), (Some(Level::Advanced), Some(Sourcing::Outsource)));
    assert_eq!((s("A-2").current, s("A-2").target), (Some(Score::NotApplicable), Some(Score::NotApplicable)));
    assert_eq!(s("A-2").provider, "ベンダー");
    assert_eq!((s("B-1").level, s("B-1").sourcing), (Some(Level::NotRequired), Some(Sourcing::Insource)));
}

#[test]
fn changes_name_service_field_old_and_new_and_undo_restores() {
    let a = rich();
    let csv = services_csv(&a).replace(
        "A-1,A,リスクマネジメント,Risk management,not_required,",
        "A-1,A,リスクマネジメント,Risk management,standard,",
    );
    let found = changes(&csv, &a);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].service.as_str(), found[0].field(), found[0].row), ("A-1", CsvField::Level, 2));
    assert_eq!(found[0].old, FieldValue::Level(Some(Level::NotRequired)));
    assert_eq!(found[0].new, FieldValue::Level(Some(Level::Standard)));
    assert_eq!(found[0].new.display(a.catalogue, Lang::Ja), "スタンダード");
    assert_eq!(found[0].old.display(a.catalogue, Lang::En), "Not required");
    let mut after = a.clone();
    apply(&mut after, &found);
    assert_eq!(after.service("A-1").level, Some(Level::Standard));
    revert(&mut after, &found);
    assert_eq!(after, a, "undo gives back exactly what was there");
}

/// Issue 20, finding 1.7: the undo set every field back to its value before the
/// import, overwriting what was changed since (in this tab or another).
#[test]
fn undo_sets_back_only_fields_that_still_hold_the_imported_value() {
    let a = rich();
    let csv = "id,level,current,note\r\nA-1,advanced,5,from the file\r\nB-1,basic,1,\r\n";
    let found = changes(csv, &a);
    assert_eq!(found.len(), 6);
    let mut after = a.clone();
    apply(&mut after, &found);
    // Changed since the import: A-1's note edited, B-1's level set back by hand.
    after.edit_service(&id("A-1"), |s| s.note = "typed later".to_owned());
    after.edit_service(&id("B-1"), |s| s.level = a.service("B-1").level);
    let plan = undoable(&after, &found);
    let mut undone = after.clone();
    let report = revert(&mut undone, &found);
    assert_eq!(report, plan, "the plan is what the undo does");
    let kept: Vec<(&str, CsvField)> = report.kept.iter().map(|c| (c.service.as_str(), c.field())).collect();
    assert_eq!(kept, [("A-1", CsvField::Note)], "the later note is left, and named");
    assert_eq!(report.undone.len(), 5, "a field holding its old value again counts as undone");
    assert_eq!(undone.service("A-1").note, "typed later");
    let mut expected = a.clone();
    expected.edit_service(&id("A-1"), |s| s.note = "typed later".to_owned());
    assert_eq!(undone.services, expected.services, "everything else is as before the import");
    // Run again (as an edit is, on another tab's newer state): nothing more changes,
    // and a field another tab changed meanwhile is left too.
    let mut again = undone.clone();
    revert(&mut again, &report.undone);
    assert_eq!(again, undone);
    let mut other_tab = after.clone();
    other_tab.edit_service(&id("B-1"), |s| s.current = Some(rated(4)));
    let report = revert(&mut other_tab, &found);
    assert_eq!(other_tab.service("B-1").current, Some(rated(4)));
    assert_eq!(report.kept.len(), 2);
}

#[test]
fn an_emptied_cell_clears_the_value_and_a_missing_column_leaves_it() {
    let a = rich();
    let csv = format!("id,current\r\nE-6,\r\nA-1,{}\r\n", "");
    let found = changes(&csv, &a);
    assert_eq!(fields(&found), [("E-6".to_owned(), CsvField::Current), ("A-1".to_owned(), CsvField::Current)]);
    assert_eq!(found[0].new, FieldValue::Current(None));
    let mut after = a.clone();
    apply(&mut after, &found);
    assert_eq!(after.service("E-6").target, Some(Score::NotApplicable), "no target column: target kept");
}

#[test]
fn custom_services_and_unknown_catalogue_ids_held_by_the_assessment_are_matched() {
    let a = rich();
    let csv = format!("{HEADER}\r\ni-8,I,,,basic,,,,,,\r\nZ-1,,,,,,,,,,x\r\n");
    let found = changes(&csv, &a);
    assert!(fields(&found).contains(&("I-8".to_owned(), CsvField::Level)), "ids read in any case");
    assert!(fields(&found).contains(&("Z-1".to_owned(), CsvField::Note)));
}

#[test]
fn blank_rows_and_columns_without_a_header_are_skipped() {
    let a = empty();
    let csv = "\u{feff}id,current,\r\nA-1,2,\r\n,,\r\n\r\n";
    assert_eq!(fields(&changes(csv, &a)), [("A-1".to_owned(), CsvField::Current)]);
}

#[test]
fn unknown_id_refuses_the_file_naming_row_and_column() {
    let csv = format!("{HEADER}\r\nA-1,A,,,basic,,,,,,\r\nX-9,X,,,basic,,,,,,\r\n");
    let msg = refusal(&csv, &empty());
    assert!(msg.contains("Row 3, column A (id): no service “X-9”"), "{msg}");
    let e = preview(&csv, &empty()).expect_err("refused");
    assert!(e.details(empty().catalogue, Lang::Ja)[0].starts_with("3 行目、A 列（id）"), "{e:?}");
}

#[test]
fn every_bad_value_is_named_with_its_row_and_column() {
    let csv = format!("{HEADER_JA}\r\nA-1,A,,,ベーシク,社内,,6,0,,\r\nA-1,A,,,,,,,,,\r\nA-2,A,,,basic,,,,\r\n");
    let msg = refusal(&csv, &empty());
    for expected in [
        "6 problem(s)",
        "Row 4, column J (ギャップ): 9 cells, but the header has 11.",
        "Row 2, column E (推奨レベル): “ベーシク” is not a value of this column. Use not_required, basic",
        "Row 2, column F (実施形態): “社内”",
        "Row 2, column H (現在): “6”",
        "Row 2, column I (目標): “0”",
        "Row 3, column A (ID): service A-1 is already listed in row 2.",
    ] {
        assert!(msg.contains(expected), "missing {expected:?} in:\n{msg}");
    }
    let msg = refusal(&format!("{HEADER}\r\nA-2,A,,,basic,,,,\r\n"), &empty());
    assert!(msg.contains("Row 2, column J (gap): 9 cells, but the header has 11."), "{msg}");
}

#[test]
fn header_problems_are_named() {
    let msg = refusal("id,level,levle\r\nA-1,basic,x\r\n", &empty());
    assert!(msg.contains("Row 1, column C (levle): not a column"), "{msg}");
    let msg = refusal("id,推奨レベル,level\r\n", &empty());
    assert!(msg.contains("Row 1, column C (level): the same column as column B."), "{msg}");
    let msg = refusal("category,level\r\nA,basic\r\n", &empty());
    assert!(msg.contains("Row 1: the header has no id column"), "{msg}");
    assert_eq!(preview("\r\n,,\r\n", &empty()), Err(CsvError::Empty));
}

#[test]
fn too_many_problems_are_counted() {
    let mut csv = format!("{HEADER}\r\n");
    for n in 1..=30 {
        csv.push_str(&format!("Q-{n},,,,,,,,,,\r\n"));
    }
    let msg = refusal(&csv, &empty());
    assert!(msg.starts_with("30 problem(s)"), "{msg}");
    assert!(msg.ends_with("And 10 more."), "{msg}");
}

#[test]
fn too_long_note_is_refused() {
    let note = "x".repeat(Assessment::MAX_NOTE_CHARS + 1);
    let msg = refusal(&format!("id,note\r\nA-1,{note}\r\n"), &empty());
    assert!(msg.contains("Row 2, column B (note): 10001 characters; at most 10000 can be kept."), "{msg}");
}

#[test]
fn formula_guard_comes_off_only_where_the_export_put_it() {
    assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
    assert_eq!(unguard("''quoted'"), "'quoted'");
    assert_eq!(unguard("'plain"), "'plain");
    assert_eq!(unguard("plain"), "plain");
}

#[test]
fn encoding_bom_utf8_or_else_shift_jis() {
    assert_eq!(utf8_text("\u{feff}id\r\n".as_bytes()), Ok(Some("id\r\n")));
    assert_eq!(utf8_text("id,メモ".as_bytes()), Ok(Some("id,メモ")));
    // "メモ" in Shift_JIS: not UTF-8, so the page decodes it as Shift_JIS.
    assert_eq!(utf8_text(b"id,\x83\x81\x83\x82"), Ok(None));
    assert_eq!(utf8_text(b"\xEF\xBB\xBFid,\x83\x81"), Err(CsvError::BadUtf8 { offset: 6 }));
    let big = vec![b'a'; x1060_assess::model::exchange::MAX_BYTES + 1];
    assert!(matches!(utf8_text(&big), Err(CsvError::TooLarge { .. })));
}

#[test]
fn column_letters_follow_the_spreadsheet() {
    assert_eq!([1, 11, 26, 27, 52, 53].map(column_letters), ["A", "K", "Z", "AA", "AZ", "BA"]);
}

mod props {
    use proptest::prelude::*;

    use super::*;

    /// Text made of the characters that matter to CSV and to spreadsheets.
    fn text() -> impl Strategy<Value = String> {
        let chars =
            proptest::sample::select(vec!['a', ' ', ',', '"', '\r', '\n', '\'', '=', '+', '-', '@', '\t', 'あ']);
        proptest::collection::vec(chars, 0..12).prop_map(|c| c.into_iter().collect())
    }

    fn score() -> impl Strategy<Value = Option<Score>> {
        prop_oneof![Just(None), Just(Some(Score::NotApplicable)), (1i64..=5).prop_map(|v| Some(rated(v)))]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

        #[test]
        fn any_values_read_back_exactly_in_both_languages(
            level in proptest::option::of(proptest::sample::select(Level::ALL.to_vec())),
            sourcing in proptest::option::of(proptest::sample::select(Sourcing::ALL.to_vec())),
            (current, target) in (score(), score()),
            (provider, note) in (text(), text()),
            lang in proptest::sample::select(Lang::ALL.to_vec()),
        ) {
            let mut source = empty();
            source.edit_service(&id("C-3"), |s| {
                *s = ServiceAssessment { level, sourcing, provider: provider.clone(), current, target, note: note.clone(), evidence: Vec::new() };
            });
            let mut target_a = empty();
            let found = changes(&services_csv_in(&source, lang), &target_a);
            apply(&mut target_a, &found);
            prop_assert_eq!(&target_a.services, &source.services);
            prop_assert_eq!(changes(&services_csv_in(&source, lang), &source), vec![]);
        }

        #[test]
        fn any_text_after_a_header_is_read_or_refused_without_panic(
            body in proptest::collection::vec(
                proptest::sample::select(vec!["A-1", "I-8", ",", "\"", "\r\n", "\n", "basic", "適用外", "3", "'", "x"]),
                0..40,
            ),
            lang in proptest::sample::select(Lang::ALL.to_vec()),
        ) {
            let a = rich();
            let header = if lang == Lang::En { HEADER } else { HEADER_JA };
            let text = format!("{header}\r\n{}", body.concat());
            if let Ok(p) = preview(&text, &a) {
                let mut after = a.clone();
                apply(&mut after, &p.changes);
                revert(&mut after, &p.changes);
                prop_assert_eq!(after, a);
            }
        }
    }
}
