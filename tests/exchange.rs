//! Reading and writing the exchange format: round trips, tolerated variations,
//! the sample file, and migration.

mod common;

use common::{doc, read_ok, sample_text, ts};
use serde_json::{Map, Value};
use x1060_assess::model::exchange::{self, migrate, write, ImportError, Layout};
use x1060_assess::model::{
    Assessment, CategoryId, CustomService, Lang, Level, LocalText, Rating, Score, ServiceId, Sourcing,
};

fn id(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("id")
}

fn rich_assessment() -> Assessment {
    let mut a = Assessment::new("SOC <b>FY2026</b>", "Example \"Corp\"", ts("2026-04-01T09:00:00Z"));
    a.add_custom_service(CustomService {
        id: id("I-8"),
        category: CategoryId::parse("I").expect("category"),
        name: LocalText::new("追加", "Extra"),
    })
    .expect("custom");
    a.edit_service(&id("A-1"), |s| {
        s.level = Some(Level::Basic);
        s.sourcing = Some(Sourcing::Insource);
        s.current = Some(Score::Rated(Rating::new(3).expect("3")));
        s.target = Some(Score::Rated(Rating::new(4).expect("4")));
        s.note = "line 1\r\nline 2 — 日本語 \u{202E}rtl".to_owned();
    });
    a.edit_service(&id("B-1"), |s| {
        s.level = Some(Level::Standard);
        s.sourcing = Some(Sourcing::Outsource);
        s.provider = "MSS vendor".to_owned();
        s.current = Some(Score::NotApplicable);
    });
    a.edit_service(&id("C-2"), |s| s.level = Some(Level::NotRequired));
    a.edit_service(&id("I-8"), |s| s.level = Some(Level::Optional));
    a.take_snapshot("FY2025", ts("2025-04-01T09:00:00+09:00")).expect("snapshot");
    a.edit_service(&id("A-1"), |s| s.current = Some(Score::Rated(Rating::new(4).expect("4"))));
    a
}

#[test]
fn round_trip_pretty_and_compact_is_exact() {
    let a = rich_assessment();
    for layout in [Layout::Pretty, Layout::Compact] {
        let text = write(&a, layout);
        assert_eq!(read_ok(&text), a, "{layout:?}");
        assert_eq!(write(&read_ok(&text), layout), text, "writing is stable");
    }
}

#[test]
fn written_document_has_contract_field_names_and_values() {
    let v: Value = serde_json::from_str(&write(&rich_assessment(), Layout::Compact)).expect("json");
    assert_eq!(v["format"], "x1060-assessment");
    assert_eq!(v["version"], 1);
    assert_eq!(v["catalogue"], "x1060-2021");
    let services = v["services"].as_array().expect("services");
    let ids: Vec<&str> = services.iter().map(|s| s["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["A-1", "B-1", "C-2", "I-8"], "catalogue order, custom last in its category");
    assert_eq!(services[0]["current"], 4);
    assert_eq!(services[1]["current"], "n/a");
    assert_eq!(services[1]["provider"], "MSS vendor");
    assert!(services[1].get("target").is_none(), "not assessed is absent");
    assert_eq!(services[2], serde_json::json!({"id": "C-2", "level": "not_required"}));
    assert_eq!(v["snapshots"][0]["label"], "FY2025");
    assert_eq!(v["snapshots"][0]["services"][0]["current"], 3);
    assert_eq!(v["custom_services"][0]["name"]["ja"], "追加");
}

#[test]
fn accepts_bom_and_crlf() {
    let text = format!("\u{feff}{}", doc("[\r\n {\"id\":\"A-1\",\r\n \"level\":\"basic\"}\r\n]").replace(',', ",\r\n"));
    let a = read_ok(&text);
    assert_eq!(a.service("A-1").level, Some(Level::Basic));
}

#[test]
fn ignores_unknown_fields_everywhere() {
    let a = read_ok(
        r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"T","extra":{"deep":[1,2]},
        "services":[{"id":"A-1","level":"basic","colour":"red"}],
        "snapshots":[{"label":"S","taken":"2025-01-01T00:00:00Z","services":[],"by":"me"}]}"#,
    );
    assert_eq!(a.service("A-1").level, Some(Level::Basic));
    assert_eq!(a.snapshots.len(), 1);
}

#[test]
fn null_scores_mean_not_assessed() {
    let a = read_ok(&doc(r#"[{"id":"A-1","level":"basic","current":null,"target":null,"sourcing":null}]"#));
    assert_eq!(a.service("A-1").current, None);
    assert_eq!(a.service("A-1").sourcing, None);
}

#[test]
fn sample_file_parses_and_round_trips() {
    let a = read_ok(&sample_text());
    assert_eq!(a.organisation, "Sakura Logistics (fictional)");
    assert_eq!(a.services.len(), 65);
    assert_eq!(a.custom_services.len(), 1);
    assert_eq!(a.snapshots.len(), 1);
    assert_eq!(read_ok(&write(&a, Layout::Pretty)), a);
}

#[test]
fn contract_example_parses() {
    let a = read_ok(
        r#"{
  "format": "x1060-assessment", "version": 1, "catalogue": "x1060-2021",
  "name": "Example SOC FY2026", "organisation": "Example Corp", "updated": "2026-04-01T09:00:00Z",
  "services": [
    {"id": "A-1", "level": "basic", "sourcing": "insource", "current": 3, "target": 4, "note": "..."},
    {"id": "B-1", "level": "standard", "sourcing": "outsource", "provider": "MSS vendor", "current": 2, "target": 5},
    {"id": "C-2", "level": "not_required"},
    {"id": "E-6", "level": "advanced", "sourcing": "insource", "current": "n/a", "target": "n/a"}
  ],
  "custom_services": [{"id": "I-8", "category": "I", "name": {"ja": "...", "en": "..."}}],
  "snapshots": [{"label": "FY2025", "taken": "2025-04-01T09:00:00Z", "services": [{"id": "A-1", "level": "basic"}]}]
}"#,
    );
    assert_eq!(a.service("E-6").current, Some(Score::NotApplicable));
    assert_eq!(a.service("B-1").provider, "MSS vendor");
}

#[test]
fn blank_service_entries_are_dropped_on_edit() {
    let mut a = rich_assessment();
    a.edit_service(&id("C-2"), |s| s.level = None);
    assert!(!a.services.contains_key("C-2"));
}

#[test]
fn snapshot_label_defaults_to_date() {
    let mut a = rich_assessment();
    a.take_snapshot("  ", ts("2026-11-26T10:00:00Z")).expect("snapshot");
    assert_eq!(a.snapshots.last().map(|s| s.label.as_str()), Some("2026-11-26"));
    let order: Vec<&str> = a.snapshots_by_date().iter().map(|s| s.label.as_str()).collect();
    assert_eq!(order, ["FY2025", "2026-11-26"]);
}

fn rename_items(mut doc: Map<String, Value>) -> Map<String, Value> {
    if let Some(items) = doc.remove("items") {
        doc.insert("services".to_owned(), items);
    }
    doc
}

#[test]
fn migration_chain_upgrades_older_versions() {
    // A made-up version 0 that called the list "items", to exercise the mechanism.
    let steps = [migrate::Migration { from: 0, step: rename_items }];
    let v0 = r#"{"format":"x1060-assessment","version":0,"catalogue":"x1060-2021","name":"Old","items":[{"id":"A-1","level":"basic"}]}"#;
    let a = exchange::read_with(v0.as_bytes(), &steps).expect("migrated");
    assert_eq!(a.service("A-1").level, Some(Level::Basic));
    assert_eq!(migrate::oldest_readable(&steps, 1), 0);
    // Without the step, version 0 cannot be read.
    let e = exchange::read_with(v0.as_bytes(), &[]).expect_err("no step");
    assert_eq!(
        e.message(Lang::En),
        "The file has 1 problem:\nversion: is not a version this app can read (it reads versions 1 to 1), found 0"
    );
}

#[test]
fn shipped_migration_chain_has_no_holes() {
    let oldest = migrate::oldest_readable(migrate::STEPS, exchange::VERSION);
    for v in oldest..exchange::VERSION {
        assert!(migrate::STEPS.iter().any(|m| m.from == v), "missing step from {v}");
    }
    assert_eq!(oldest, 1, "version 1 is the first version");
}

#[test]
fn hostile_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(exchange::read(deep.as_bytes()), Err(ImportError::TooDeep { line: 1, .. })));
    let deep_obj = format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"x","services":[],"x":{}1{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(matches!(exchange::read(deep_obj.as_bytes()), Err(ImportError::TooDeep { .. })));
}

#[test]
fn too_large_is_refused_before_parsing() {
    let big = vec![b' '; exchange::MAX_BYTES + 1];
    assert_eq!(
        exchange::read(&big).expect_err("too large").message(Lang::En),
        "The file is too large: 16777217 bytes, and at most 16777216 bytes (16 MiB) can be imported."
    );
}

#[test]
fn plan_round_trips_and_is_optional() {
    use x1060_assess::model::{Date, PlanStatus};
    let mut a = rich_assessment();
    a.edit_plan(&id("A-1"), |p| {
        p.action = "Document the runbook, =approve with CISO".to_owned();
        p.owner = "SOC lead".to_owned();
        p.due = Date::parse("2026-09-30");
        p.status = PlanStatus::InProgress;
    })
    .expect("plan item");
    a.edit_plan(&id("I-8"), |p| p.action = "Pilot".to_owned()).expect("plan item");
    let text = write(&a, Layout::Pretty);
    assert_eq!(read_ok(&text), a);
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(
        v["plan"],
        serde_json::json!([
            {"id": "A-1", "action": "Document the runbook, =approve with CISO", "owner": "SOC lead", "due": "2026-09-30", "status": "in_progress"},
            {"id": "I-8", "action": "Pilot", "status": "open"}
        ])
    );
    a.edit_plan(&id("I-8"), |p| p.action.clear()).expect("blank item dropped");
    assert!(!a.plan.contains_key("I-8"), "a blank item is dropped");
    assert!(serde_json::from_str::<Value>(&write(&rich_assessment(), Layout::Compact))
        .expect("json")
        .get("plan")
        .is_none());
}

#[test]
fn overdue_means_past_due_and_not_done() {
    use x1060_assess::model::{Date, PlanItem, PlanStatus};
    let today = Date::parse("2026-11-26").expect("date");
    let item = |due: &str, status| PlanItem { due: Date::parse(due), status, ..PlanItem::default() };
    assert!(item("2026-11-25", PlanStatus::Open).is_overdue(&today));
    assert!(item("2026-11-25", PlanStatus::InProgress).is_overdue(&today));
    assert!(!item("2026-11-25", PlanStatus::Done).is_overdue(&today));
    assert!(!item("2026-11-26", PlanStatus::Open).is_overdue(&today), "due today is not overdue");
    assert!(!PlanItem::default().is_overdue(&today), "no due date");
    assert_eq!(Date::of(&ts("2026-11-26T23:59:59Z")), today);
    assert!(Date::parse("2026-02-29").is_none());
    assert!(Date::parse("2026-2-1").is_none());
}
