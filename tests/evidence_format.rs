//! Evidence in the exchange format: written and read back unchanged (in the working
//! state and in snapshots), malformed items refused with their path in both languages,
//! and the limits: the reader takes everything the app can create, and no more.

mod common;

use common::{doc, id, read_err, read_ok, ts};
use serde_json::{json, Value};
use x1060_assess::model::evidence::{EvidenceField, MAX_LOCATION_CHARS, MAX_TITLE_CHARS};
use x1060_assess::model::exchange::{self, ImportError, Layout, Problem, ProblemKind};
use x1060_assess::model::limits::{MAX_EVIDENCE, MAX_EVIDENCE_PER_SERVICE};
use x1060_assess::model::{
    Assessment, CategoryId, CustomService, Date, EvidenceError, EvidenceItem, Fingerprint, Lang, LimitError, Limited,
    LocalText, ServiceId,
};

const DIGEST: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).expect("a valid date"))
}

fn runbook() -> EvidenceItem {
    EvidenceItem {
        title: "Incident response runbook v3".into(),
        location: "https://intranet.example/ir/runbook-v3.pdf".into(),
        owner: "CSIRT lead".into(),
        reviewed: date("2026-10-01"),
        review_by: date("2027-04-01"),
        sha256: Fingerprint::parse(DIGEST),
    }
}

fn with_evidence() -> Assessment {
    let mut a = common::empty();
    a.edit_service(&id("D-1"), |s| s.current = Some(common::rated(3)));
    a.add_evidence(&id("D-1"), runbook()).expect("room for an item");
    a.add_evidence(&id("D-1"), EvidenceItem::titled("<b>Ticket</b> export\u{7}")).expect("room for an item");
    a.add_evidence(&id("A-1"), EvidenceItem::titled("SOC charter")).expect("room for an item");
    a
}

#[test]
fn evidence_round_trips_in_services_and_snapshots() {
    let mut a = with_evidence();
    a.take_snapshot("FY26", ts("2026-11-01T00:00:00Z")).expect("room for a snapshot");
    // Changed after the snapshot: the snapshot keeps the evidence as it was.
    assert!(a.remove_evidence(&id("D-1"), &runbook()));
    assert_eq!(a.snapshots[0].services["D-1"].evidence.len(), 2);
    assert_eq!(a.services["D-1"].evidence.len(), 1);
    for layout in [Layout::Pretty, Layout::Compact] {
        let text = exchange::write(&a, layout);
        assert_eq!(read_ok(&text), a);
    }
}

#[test]
fn items_are_written_in_the_documented_shape() {
    let a = with_evidence();
    let written: Value = serde_json::from_str(&exchange::write(&a, Layout::Compact)).expect("JSON");
    let d1 = written["services"].as_array().expect("services").iter().find(|s| s["id"] == "D-1").expect("D-1");
    assert_eq!(
        d1["evidence"],
        json!([
            {"title": "Incident response runbook v3", "location": "https://intranet.example/ir/runbook-v3.pdf",
             "owner": "CSIRT lead", "reviewed": "2026-10-01", "review_by": "2027-04-01", "sha256": DIGEST},
            {"title": "<b>Ticket</b> export\u{7}"}
        ])
    );
    // A service without evidence has no field at all: older readers see nothing new.
    let a1 = written["services"].as_array().expect("services").iter().find(|s| s["id"] == "A-2");
    assert!(a1.is_none_or(|s| s.get("evidence").is_none()));
}

#[test]
fn absent_null_and_empty_evidence_read_as_none() {
    for evidence in ["", r#","evidence":null"#, r#","evidence":[]"#] {
        let a = read_ok(&doc(&format!(r#"[{{"id":"D-1","current":3{evidence}}}]"#)));
        assert!(a.services["D-1"].evidence.is_empty());
    }
}

/// The messages of a document whose D-1 entry (the fourth) holds `evidence`.
fn problems(evidence: &str, lang: Lang) -> Vec<String> {
    let services = format!(r#"[{{"id":"A-1"}},{{"id":"B-1"}},{{"id":"C-1"}},{{"id":"D-1","evidence":{evidence}}}]"#);
    read_err(&doc(&services)).details(lang)
}

#[test]
fn a_malformed_fingerprint_is_refused_with_its_path() {
    let upper = DIGEST.to_uppercase();
    let evidence = format!(r#"[{{"title":"ok"}},{{"title":"Runbook","sha256":"{upper}"}}]"#);
    assert_eq!(
        problems(&evidence, Lang::En),
        [
            "services[3].evidence[1].sha256 (service D-1): must be 64 lowercase hexadecimal digits, found \"9F86D081884C7D659A2FEAA0C55AD015A3BF4F…"
        ]
    );
    assert_eq!(
        problems(&evidence, Lang::Ja),
        [
            "services[3].evidence[1].sha256（サービス D-1）: 64 桁の小文字の 16 進数である必要がありますが、\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F… です"
        ]
    );
    assert_eq!(
        problems(r#"[{"title":"x","sha256":12}]"#, Lang::En),
        ["services[3].evidence[0].sha256 (service D-1): must be 64 lowercase hexadecimal digits, found 12"]
    );
    let short = &DIGEST[..63];
    assert_eq!(
        problems(&format!(r#"[{{"title":"x","sha256":"{short} "}}]"#), Lang::En).len(),
        1,
        "63 digits and a blank"
    );
}

#[test]
fn malformed_items_are_refused_with_their_paths() {
    let evidence = r#"[{"location":"x"},{"title":"  "},{"title":"t","reviewed":"2026-02-30","review_by":20270401},
        "a string",{"title":"t","owner":5}]"#;
    assert_eq!(
        problems(evidence, Lang::En),
        [
            "services[3].evidence[0].title (service D-1): is required but missing",
            "services[3].evidence[1].title (service D-1): must not be empty",
            "services[3].evidence[2].reviewed (service D-1): must be a date such as \"2026-09-30\", found \"2026-02-30\"",
            "services[3].evidence[2].review_by (service D-1): must be a date such as \"2026-09-30\", found 20270401",
            "services[3].evidence[3] (service D-1): must be an object, found a string",
            "services[3].evidence[4].owner (service D-1): must be a string, found a number",
        ]
    );
    assert_eq!(
        problems(r#"{"title":"t"}"#, Lang::Ja),
        ["services[3].evidence（サービス D-1）: 配列である必要がありますが、オブジェクトです"]
    );
    let long = "t".repeat(MAX_TITLE_CHARS + 1);
    assert_eq!(
        problems(&format!(r#"[{{"title":"{long}"}}]"#), Lang::En),
        ["services[3].evidence[0].title (service D-1): is too long (201 characters, at most 200)"]
    );
}

#[test]
fn snapshot_evidence_is_checked_too() {
    let text = r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"T","services":[],
        "snapshots":[{"label":"FY25","taken":"2025-04-01T00:00:00Z","services":[{"id":"B-2","evidence":[{"title":"t","review_by":"soon"}]}]}]}"#;
    assert_eq!(
        read_err(text).details(Lang::En),
        ["snapshots[0].services[0].evidence[0].review_by (service B-2): must be a date such as \"2026-09-30\", found \"soon\""]
    );
}

fn items(n: usize) -> String {
    let list: Vec<String> = (0..n).map(|i| format!(r#"{{"title":"item {i}"}}"#)).collect();
    format!("[{}]", list.join(","))
}

#[test]
fn a_service_holds_at_most_the_limit() {
    let a = read_ok(&doc(&format!(r#"[{{"id":"D-1","evidence":{}}}]"#, items(MAX_EVIDENCE_PER_SERVICE))));
    assert_eq!(a.services["D-1"].evidence.len(), MAX_EVIDENCE_PER_SERVICE);
    assert_eq!(
        problems(&items(MAX_EVIDENCE_PER_SERVICE + 1), Lang::En),
        ["services[3].evidence (service D-1): has too many entries (101, at most 100)"]
    );
}

/// An assessment with `n` services of its own, each with `per` items.
fn many(n: usize, per: usize) -> Assessment {
    let mut a = common::empty();
    for k in 0..n {
        let service = ServiceId::parse(&format!("I-{}", 100 + k)).expect("an id");
        let name = LocalText::new("", "x");
        let category = CategoryId::parse("I").expect("I");
        a.add_custom_service(CustomService { id: service.clone(), category, name }).expect("room for a service");
        a.services.entry(service).or_default().evidence =
            (0..per).map(|i| EvidenceItem::titled(format!("{i}"))).collect();
    }
    a
}

#[test]
fn an_assessment_holds_at_most_the_total_limit() {
    let mut a = many(MAX_EVIDENCE / MAX_EVIDENCE_PER_SERVICE, MAX_EVIDENCE_PER_SERVICE);
    assert_eq!(a.evidence_count(), MAX_EVIDENCE);
    assert_eq!(a.check_limits(), Ok(()));
    assert_eq!(read_ok(&exchange::write(&a, Layout::Compact)), a);
    // The app refuses one more, and so would the reader.
    let refused = a.add_evidence(&id("A-1"), EvidenceItem::titled("one more"));
    let full = LimitError::TooMany { list: Limited::EvidenceTotal, max: MAX_EVIDENCE };
    assert_eq!(refused, Err(EvidenceError::Limit(full)));
    a.services.entry(id("A-1")).or_default().evidence.push(EvidenceItem::titled("one more"));
    let over = Problem {
        path: "services".into(),
        service: None,
        kind: ProblemKind::TooMuchEvidence { len: MAX_EVIDENCE + 1, max: MAX_EVIDENCE },
    };
    assert_eq!(a.check_limits(), Err(LimitError::Exceeds(over.clone())));
    let ImportError::Invalid { problems, .. } = read_err(&exchange::write(&a, Layout::Compact)) else {
        panic!("content problems expected")
    };
    assert_eq!(problems, std::slice::from_ref(&over));
    assert_eq!(over.message(Lang::En), "services: has too many evidence items (10001, at most 10000)");
    assert_eq!(over.message(Lang::Ja), "services: エビデンスが多すぎます（合計 10001 件、上限は 10000 件）");
}

#[test]
fn the_app_refuses_what_the_reader_would() {
    let mut a = common::empty();
    for i in 0..MAX_EVIDENCE_PER_SERVICE {
        a.add_evidence(&id("D-1"), EvidenceItem::titled(format!("{i}"))).expect("within the limit");
    }
    let full = LimitError::TooMany { list: Limited::Evidence, max: MAX_EVIDENCE_PER_SERVICE };
    let refused = a.add_evidence(&id("D-1"), EvidenceItem::titled("one more"));
    assert_eq!(refused, Err(EvidenceError::Limit(full)));
    assert_eq!(
        refused.expect_err("refused").message(Lang::En),
        "No more evidence can be added to this service: a service holds at most 100 items."
    );
    assert_eq!(a.services["D-1"].evidence.len(), MAX_EVIDENCE_PER_SERVICE);
    assert_eq!(read_ok(&exchange::write(&a, Layout::Compact)), a);

    let blank = a.add_evidence(&id("A-1"), EvidenceItem::titled(" \u{200B}\t"));
    assert_eq!(blank, Err(EvidenceError::NoTitle));
    assert_eq!(EvidenceError::NoTitle.message(Lang::Ja), "エビデンスにはタイトルが必要です。");
    let long = EvidenceItem { location: "l".repeat(MAX_LOCATION_CHARS + 1), ..EvidenceItem::titled("t") };
    let too_long = EvidenceError::TooLong { field: EvidenceField::Location, len: 2001, max: 2000 };
    assert_eq!(a.add_evidence(&id("A-1"), long), Err(too_long.clone()));
    assert_eq!(too_long.message(Lang::En), "The location is too long: 2001 characters, and at most 2000 can be kept.");
    assert_eq!(too_long.message(Lang::Ja), "場所が長すぎます（2001 文字。保存できるのは 2000 文字までです）。");
    assert!(!a.services.contains_key("A-1"), "nothing was changed");
}

#[test]
fn typed_items_are_trimmed_and_kept_as_text() {
    let mut a = common::empty();
    let typed = EvidenceItem {
        title: "  <script>alert(1)</script>\u{1b}[31m  ".into(),
        location: " javascript:alert(1) ".into(),
        owner: " \"Ann\" & <Bo> ".into(),
        ..EvidenceItem::titled("")
    };
    a.add_evidence(&id("A-1"), typed).expect("text is text");
    let kept = &a.services["A-1"].evidence[0];
    assert_eq!(kept.title, "<script>alert(1)</script>\u{1b}[31m");
    assert_eq!(kept.location, "javascript:alert(1)");
    assert_eq!(kept.owner, "\"Ann\" & <Bo>");
    assert_eq!(read_ok(&exchange::write(&a, Layout::Pretty)), a);
}

#[test]
fn replace_and_remove_find_the_item_by_content() {
    let mut a = with_evidence();
    let renewed = EvidenceItem { review_by: date("2028-04-01"), ..runbook() };
    a.replace_evidence(&id("D-1"), &runbook(), renewed.clone()).expect("the item is there");
    assert_eq!(a.services["D-1"].evidence[0], renewed);
    // Applied again (another tab's edit replayed): the old item is gone, nothing changes.
    let before = a.clone();
    assert_eq!(a.replace_evidence(&id("D-1"), &runbook(), renewed.clone()), Err(EvidenceError::NoSuchItem));
    assert_eq!(
        EvidenceError::NoSuchItem.message(Lang::En),
        "That evidence item is no longer there (it was changed in another tab)."
    );
    let too_long = EvidenceItem { owner: "o".repeat(201), ..renewed.clone() };
    let refused = a.replace_evidence(&id("D-1"), &renewed, too_long);
    assert_eq!(refused, Err(EvidenceError::TooLong { field: EvidenceField::Owner, len: 201, max: 200 }));
    assert_eq!(a, before);
    assert!(!a.remove_evidence(&id("A-1"), &runbook()));
    assert!(a.remove_evidence(&id("A-1"), &EvidenceItem::titled("SOC charter")));
    // Nothing else was decided for A-1: its entry goes.
    assert!(!a.services.contains_key("A-1"));
}
