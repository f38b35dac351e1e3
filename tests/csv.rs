//! The CSV export for spreadsheet users: BOM, header, one row per service, RFC 4180
//! quoting and formula-injection guarding. A small strict CSV reader below checks
//! that every document splits back into the fields that were written.

mod common;

use common::{empty, id, rated, read_ok, sample_text};
use x1060_assess::model::csv::{csv_row, services_csv, text_cell};
use x1060_assess::model::{CategoryId, CustomService, Level, LocalText, Score, ServiceAssessment, Sourcing};

const HEADER: &str =
    "id,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note,evidence_count,evidence_titles";

/// The CSV of an otherwise empty assessment where `service` was edited.
fn csv_with(service: &str, edit: impl FnOnce(&mut ServiceAssessment)) -> String {
    let mut a = empty();
    a.edit_service(&id(service), edit);
    services_csv(&a)
}

/// The CSV of an assessment with one note on A-1.
fn csv_with_note(note: &str) -> String {
    csv_with("A-1", |s| s.note = note.to_owned())
}

/// One record as read back: its raw text (without the CRLF) and its fields.
struct Record<'a> {
    raw: &'a str,
    fields: Vec<String>,
}

/// A strict, test-only RFC 4180 reader: BOM required, every record ends with CRLF,
/// quotes only around whole fields.
fn records(csv: &str) -> Vec<Record<'_>> {
    let text = csv.strip_prefix('\u{feff}').expect("starts with a BOM");
    let (mut out, mut fields, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut start) = (false, 0);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                assert!(chars.peek().is_none_or(|&(_, n)| n == ',' || n == '\r'), "text after a closing quote");
            }
            (false, '"') => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next().map(|(_, n)| n), Some('\n'), "CR without LF outside quotes");
                fields.push(std::mem::take(&mut field));
                out.push(Record { raw: &text[start..i], fields: std::mem::take(&mut fields) });
                start = i + 2;
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (_, c) => field.push(c),
        }
    }
    assert!(!quoted && start == text.len(), "the last record must end with CRLF");
    out
}

/// The raw text of the row of service `service_id`.
#[track_caller]
fn row(csv: &str, service_id: &str) -> String {
    match records(csv).into_iter().find(|r| r.fields[0] == service_id) {
        Some(r) => r.raw.to_owned(),
        None => panic!("no row for {service_id}"),
    }
}

/// The value of column `column` in the row of `service_id`, as read back.
#[track_caller]
fn cell(csv: &str, service_id: &str, column: &str) -> String {
    let col = HEADER.split(',').position(|h| h == column).expect("known column");
    let record = records(csv).into_iter().find(|r| r.fields[0] == service_id).expect("row");
    record.fields[col].clone()
}

fn ids(csv: &str) -> Vec<String> {
    records(csv).into_iter().skip(1).map(|r| r.fields[0].clone()).collect()
}

#[test]
fn starts_with_bom_and_exact_header() {
    assert!(services_csv(&empty()).starts_with(&format!("\u{feff}{HEADER}\r\n")));
}

#[test]
fn ends_with_crlf_after_the_last_row() {
    assert!(services_csv(&empty())
        .ends_with("I-7,I,幹部向けセキュリティ報告,Security reporting to executives,,,,,,,,0,\r\n"));
}

#[test]
fn empty_assessment_has_header_and_a_row_for_each_of_the_64_services() {
    let csv = services_csv(&empty());
    let a = empty();
    let expected: Vec<&str> = a.catalogue.all_services(&[]).map(|s| s.id).collect();
    assert_eq!(records(&csv).len(), 65);
    assert_eq!(ids(&csv), expected, "catalogue order");
}

#[test]
fn undecided_service_has_names_and_empty_cells() {
    assert_eq!(row(&services_csv(&empty()), "A-1"), "A-1,A,リスクマネジメント,Risk management,,,,,,,,0,");
}

#[test]
fn custom_service_row_follows_the_builtin_services_of_its_category() {
    let mut a = empty();
    let name = LocalText::new("サプライチェーン評価", "Supplier assessment");
    a.add_custom_service(CustomService { id: id("I-8"), category: CategoryId::parse("I").expect("cat"), name })
        .expect("custom");
    let csv = services_csv(&a);
    assert_eq!(&ids(&csv)[63..], ["I-7", "I-8"]);
    assert_eq!(row(&csv, "I-8"), "I-8,I,サプライチェーン評価,Supplier assessment,,,,,,,,0,");
}

#[test]
fn custom_service_in_an_earlier_category_comes_before_the_next_category() {
    let mut a = empty();
    let name = LocalText::new("追加", "Extra");
    a.add_custom_service(CustomService { id: id("A-14"), category: CategoryId::parse("A").expect("cat"), name })
        .expect("custom");
    let csv = services_csv(&a);
    assert_eq!(&ids(&csv)[12..15], ["A-13", "A-14", "B-1"]);
}

#[test]
fn scored_insourced_service_row() {
    let csv = csv_with("A-1", |s| {
        s.level = Some(Level::Basic);
        s.sourcing = Some(Sourcing::Insource);
        s.current = Some(rated(3));
        s.target = Some(rated(5));
        s.note = "Reviewed quarterly".to_owned();
    });
    assert_eq!(
        row(&csv, "A-1"),
        "A-1,A,リスクマネジメント,Risk management,basic,insource,,3,5,2,Reviewed quarterly,0,"
    );
}

#[test]
fn outsourced_service_row_has_its_provider() {
    let csv = csv_with("B-1", |s| {
        s.level = Some(Level::Standard);
        s.sourcing = Some(Sourcing::Outsource);
        s.provider = "Example MSS Co.".to_owned();
        s.current = Some(rated(2));
        s.target = Some(rated(2));
    });
    assert_eq!(
        row(&csv, "B-1"),
        "B-1,B,リアルタイム監視,Real time asset monitoring,standard,outsource,Example MSS Co.,2,2,0,,0,"
    );
}

#[test]
fn not_required_service_row() {
    let csv = csv_with("C-2", |s| s.level = Some(Level::NotRequired));
    assert_eq!(row(&csv, "C-2"), "C-2,C,検体解析,Malware sample analysis,not_required,,,,,,,0,");
}

#[test]
fn not_applicable_score_is_n_a_and_leaves_the_gap_empty() {
    let csv = csv_with("D-1", |s| {
        s.level = Some(Level::Advanced);
        s.sourcing = Some(Sourcing::Outsource);
        s.current = Some(Score::NotApplicable);
        s.target = Some(rated(3));
    });
    assert_eq!(
        row(&csv, "D-1"),
        "D-1,D,インシデント報告受付,Incident report acceptance,advanced,outsource,,n/a,3,,,0,"
    );
}

#[test]
fn one_score_only_leaves_the_gap_empty() {
    let csv = csv_with("E-1", |s| s.current = Some(rated(4)));
    assert_eq!(row(&csv, "E-1"), "E-1,E,ネットワーク情報収集,Network information collection,,,,4,,,,0,");
}

#[test]
fn negative_gap_is_a_plain_number_without_prefix() {
    let csv = csv_with("A-2", |s| {
        s.level = Some(Level::Optional);
        s.current = Some(rated(4));
        s.target = Some(rated(3));
    });
    assert_eq!(row(&csv, "A-2"), "A-2,A,リスクアセスメント,Risk assessment,optional,,,4,3,-1,,0,");
}

#[test]
fn note_is_quoted_per_rfc_4180() {
    let cases = [
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line 1\nline 2", "\"line 1\nline 2\""),
        ("line 1\r\nline 2", "\"line 1\r\nline 2\""),
        ("ends with CR\r", "\"ends with CR\r\""),
        (" padded ", "\" padded \""),
        ("trailing ", "\"trailing \""),
        ("plain text", "plain text"),
    ];
    for (note, expected) in cases {
        let expected_row = format!("A-1,A,リスクマネジメント,Risk management,,,,,,,{expected},0,");
        assert_eq!(row(&csv_with_note(note), "A-1"), expected_row, "{note:?}");
    }
}

#[test]
fn quoted_notes_read_back_unchanged() {
    for note in ["a,b", "say \"hi\"", "x\r\ny\nz\r", " both ", "\"\",\"\"", "日本語、\"引用\"\r\n次の行"] {
        assert_eq!(cell(&csv_with_note(note), "A-1", "note"), note);
    }
}

#[test]
fn formula_in_note_is_prefixed_with_a_quote() {
    for note in ["=SUM(A1)", "+1", "-2", "@x"] {
        assert_eq!(cell(&csv_with_note(note), "A-1", "note"), format!("'{note}"));
    }
}

#[test]
fn note_starting_with_tab_or_cr_is_prefixed() {
    assert_eq!(row(&csv_with_note("\tx"), "A-1"), "A-1,A,リスクマネジメント,Risk management,,,,,,,'\tx,0,");
    assert_eq!(row(&csv_with_note("\r=1"), "A-1"), "A-1,A,リスクマネジメント,Risk management,,,,,,,\"'\r=1\",0,");
}

#[test]
fn formula_in_provider_is_prefixed_with_a_quote() {
    for provider in ["=SUM(A1)", "+1", "-2", "@x"] {
        let csv = csv_with("B-1", |s| s.provider = provider.to_owned());
        assert_eq!(cell(&csv, "B-1", "provider"), format!("'{provider}"));
    }
}

#[test]
fn formula_in_custom_service_names_is_prefixed() {
    let mut a = empty();
    let name = LocalText::new("=HYPERLINK(\"x\")", "@cmd");
    a.add_custom_service(CustomService { id: id("I-8"), category: CategoryId::parse("I").expect("cat"), name })
        .expect("custom");
    assert_eq!(row(&services_csv(&a), "I-8"), "I-8,I,\"'=HYPERLINK(\"\"x\"\")\",'@cmd,,,,,,,,0,");
}

#[test]
fn formula_characters_inside_text_are_left_alone() {
    assert_eq!(cell(&csv_with_note("a=b, c-d @e"), "A-1", "note"), "a=b, c-d @e");
}

#[test]
fn text_cell_guards_only_leading_formula_characters() {
    assert_eq!(text_cell("-1"), "'-1");
    assert_eq!(text_cell("1-"), "1-");
    assert_eq!(text_cell(""), "");
}

#[test]
fn japanese_text_passes_through_unquoted() {
    let note = "四半期ごとに見直し、全角カンマ「，」も可";
    let csv = csv_with("A-1", |s| {
        s.provider = "サクラ警備株式会社".to_owned();
        s.note = note.to_owned();
    });
    assert_eq!(row(&csv, "A-1"), format!("A-1,A,リスクマネジメント,Risk management,,,サクラ警備株式会社,,,,{note},0,"));
}

#[test]
fn unknown_service_ids_are_kept_after_the_catalogue() {
    let mut a = empty();
    a.services.insert(id("Z-1"), ServiceAssessment { level: Some(Level::Basic), ..ServiceAssessment::default() });
    let csv = services_csv(&a);
    assert_eq!(ids(&csv).last().map(String::as_str), Some("Z-1"));
    assert_eq!(row(&csv, "Z-1"), "Z-1,,,,basic,,,,,,,0,");
}

#[test]
fn csv_row_quotes_fields_and_ends_with_crlf() {
    assert_eq!(csv_row(&["a", "b,c", "", "d\"e"]), "a,\"b,c\",,\"d\"\"e\"\r\n");
    assert_eq!(csv_row(&["-1", "=x"]), "-1,=x\r\n", "csv_row itself does not guard formulas");
}

#[test]
fn sample_gives_header_and_65_lines_of_13_fields() {
    let csv = services_csv(&read_ok(&sample_text()));
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 66);
    let records = records(&csv);
    assert_eq!(records.len(), 66);
    assert!(records.iter().all(|r| r.fields.len() == 13), "every record has 13 fields");
    assert_eq!(records[0].fields.join(","), HEADER);
}

#[test]
fn sample_rows_carry_the_decisions() {
    let csv = services_csv(&read_ok(&sample_text()));
    assert_eq!(row(&csv, "A-3"), "A-3,A,ポリシーの企画立案,Policy planning,basic,insource,,3,5,2,,0,");
    assert_eq!(cell(&csv, "C-1", "sourcing"), "outsource");
    assert_eq!(cell(&csv, "D-4", "level"), "basic");
    assert_eq!(cell(&csv, "A-6", "provider"), "Example MSS Co. (fictional)");
    assert_eq!(cell(&csv, "I-8", "name_en"), "Supplier security assessment");
}
