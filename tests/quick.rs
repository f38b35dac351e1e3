//! The quick check (src/model/quick.rs): its overall figures (exact, rounded as the
//! dashboard's means), editing, the `quick` field of the exchange format (round
//! trips, every refusal verbatim), and that it travels in share links and stored
//! parts while staying independent of the service-level data.

mod common;

use common::{doc, read_err, read_ok, ts};
use serde_json::{json, Value};
use x1060_assess::model::aggregate::NO_VALUE;
use x1060_assess::model::exchange::{self, join_parts, write, write_snapshot, write_working, Layout};
use x1060_assess::model::share;
use x1060_assess::model::{
    Assessment, CatalogueDef, CategoryId, CustomService, Lang, Level, LocalText, Mean, PlanItem, QuickCheck,
    QuickEstimate, Rating, Score, ServiceAssessment, ServiceId, Sourcing,
};

fn cat(s: &str) -> CategoryId {
    CategoryId::parse(s).expect("category id")
}

fn rated(v: i64) -> Option<Score> {
    Some(Score::Rated(Rating::new(v).expect("rating 1..5")))
}

/// A quick check with `current` estimates for categories A, B, C, … in order (`0`
/// stands for n/a), and no target.
fn with_currents(values: &[i64]) -> QuickCheck {
    let mut q = QuickCheck::new(ts("2026-12-01T10:00:00Z"));
    for (category, &value) in CatalogueDef::latest().categories.iter().zip(values) {
        q.edit(&cat(category.id), |e| e.current = if value == 0 { Some(Score::NotApplicable) } else { rated(value) });
    }
    q
}

fn overall_current(values: &[i64]) -> Option<String> {
    with_currents(values).overall().0.display()
}

/// A quick check with every kind of estimate: all fields, n/a, a sourcing alone.
fn full_quick() -> QuickCheck {
    let mut q = QuickCheck::new(ts("2026-12-01T10:00:00Z"));
    q.edit(&cat("H"), |e| {
        e.current = Some(Score::NotApplicable);
        e.target = Some(Score::NotApplicable);
    });
    q.edit(&cat("A"), |e| {
        e.sourcing = Some(Sourcing::Insource);
        e.current = rated(2);
        e.target = rated(4);
    });
    q.edit(&cat("C"), |e| e.sourcing = Some(Sourcing::Outsource));
    q.edit(&cat("I"), |e| e.target = rated(5));
    q
}

fn quick_assessment() -> Assessment {
    let mut a = Assessment::new_quick("Study session", "Example Corp", ts("2026-12-01T10:00:00Z"));
    a.quick = Some(full_quick());
    a
}

/// A minimal document with the given `quick` value (JSON text).
fn quick_doc(quick: &str) -> String {
    format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"Test","services":[],"quick":{quick}}}"#
    )
}

#[track_caller]
fn quick_error(quick: &str, expected: &str) {
    assert_eq!(read_err(&quick_doc(quick)).message(Lang::En), expected);
}

#[track_caller]
fn round_trips(a: &Assessment) {
    for layout in [Layout::Pretty, Layout::Compact] {
        let text = write(a, layout);
        assert_eq!(&read_ok(&text), a, "{layout:?}:\n{text}");
        assert_eq!(write(&read_ok(&text), layout), text, "writing is stable ({layout:?})");
    }
}

fn written(a: &Assessment) -> Value {
    serde_json::from_str(&write(a, Layout::Compact)).expect("written JSON")
}

// ---------------------------------------------------------------------------------
// The model.

#[test]
fn overall_is_the_exact_mean_of_the_integer_values() {
    assert_eq!(overall_current(&[2, 3, 3]).as_deref(), Some("2.67"));
    assert_eq!(overall_current(&[1, 2]).as_deref(), Some("1.50"));
    assert_eq!(overall_current(&[4]).as_deref(), Some("4.00"));
    assert_eq!(overall_current(&[1, 2, 3, 4, 5, 5, 5, 5, 5]).as_deref(), Some("3.89"));
    assert_eq!(with_currents(&[2, 3, 3]).overall().0, Mean { sum: 8, count: 3 });
}

#[test]
fn overall_rounds_half_away_from_zero_where_floating_point_does_not() {
    // 9/8 = 1.125 and 25/8 = 3.125 are exact in binary; formatting the float with two
    // decimals rounds them half to even (1.12, 3.12). The quick overall says 1.13, 3.13.
    assert_eq!(format!("{:.2}", 9.0_f64 / 8.0), "1.12");
    assert_eq!(overall_current(&[1, 1, 1, 1, 1, 1, 1, 2]).as_deref(), Some("1.13"));
    assert_eq!(overall_current(&[3, 3, 3, 3, 3, 3, 3, 4]).as_deref(), Some("3.13"));
    assert_eq!(overall_current(&[1, 1, 1, 1, 1, 2, 2, 2]).as_deref(), Some("1.38"));
}

#[test]
fn overall_leaves_out_not_applicable_and_unset_values() {
    // A n/a, B 2, C n/a, D 4: (2 + 4) / 2.
    assert_eq!(overall_current(&[0, 2, 0, 4]).as_deref(), Some("3.00"));
    let mut q = with_currents(&[0, 2, 0, 4]);
    q.edit(&cat("E"), |e| e.sourcing = Some(Sourcing::Insource));
    assert_eq!(q.overall().0, Mean { sum: 6, count: 2 });
}

#[test]
fn overall_without_an_integer_value_has_no_figure() {
    let (current, target) = QuickCheck::default().overall();
    assert_eq!((current.display(), target.display()), (None, None));
    assert_eq!(current.text(), NO_VALUE);
    let only_na = with_currents(&[0, 0, 0]);
    assert_eq!(only_na.overall().0.display(), None);
    // Targets are counted on their own: none set here.
    assert_eq!(with_currents(&[3, 4]).overall().1.display(), None);
}

#[test]
fn overall_target_is_separate_from_current() {
    let q = full_quick();
    let (current, target) = q.overall();
    assert_eq!(current, Mean { sum: 2, count: 1 });
    // A 4, I 5 (H is n/a).
    assert_eq!(target, Mean { sum: 9, count: 2 });
    assert_eq!(target.display().as_deref(), Some("4.50"));
}

#[test]
fn per_category_lists_every_category_in_catalogue_order() {
    let q = full_quick();
    let rows = q.per_category(CatalogueDef::latest());
    let ids: Vec<&str> = rows.iter().map(|(id, _, _)| *id).collect();
    assert_eq!(ids, ["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    let none = Mean::default();
    assert_eq!(rows[0], ("A", Mean { sum: 2, count: 1 }, Mean { sum: 4, count: 1 }));
    assert_eq!(rows[1], ("B", none, none));
    assert_eq!(rows[2], ("C", none, none), "sourcing alone gives no value");
    assert_eq!(rows[7], ("H", none, none), "n/a gives no value");
    assert_eq!(rows[8], ("I", none, Mean { sum: 5, count: 1 }));
}

#[test]
fn answered_counts_categories_with_both_scores_decided() {
    let catalogue = CatalogueDef::latest();
    assert_eq!(QuickCheck::default().answered(catalogue), 0);
    // A (2 and 4) and H (n/a and n/a); C has a sourcing only, I a target only.
    assert_eq!(full_quick().answered(catalogue), 2);
    let mut q = full_quick();
    q.edit(&cat("I"), |e| e.current = Some(Score::NotApplicable));
    assert_eq!(q.answered(catalogue), 3);
}

#[test]
fn edit_keeps_estimates_and_removes_a_blank_one() {
    let mut q = QuickCheck::new(ts("2026-12-01T10:00:00Z"));
    assert_eq!(q.estimate("A"), QuickEstimate::default());
    assert!(q.estimate("A").is_blank());
    q.edit(&cat("A"), |e| e.current = rated(3));
    assert_eq!(q.estimate("A"), QuickEstimate { sourcing: None, current: rated(3), target: None });
    assert_eq!(q.categories.len(), 1);
    q.edit(&cat("A"), |e| e.sourcing = Some(Sourcing::Outsource));
    q.edit(&cat("A"), |e| e.current = None);
    assert_eq!(q.categories.len(), 1, "the sourcing is still decided");
    q.edit(&cat("A"), |e| e.sourcing = None);
    assert!(q.categories.is_empty(), "a blank estimate is removed");
    // Editing a category to blank that was never estimated stores nothing either.
    q.edit(&cat("B"), |_| {});
    assert!(q.categories.is_empty());
    assert_eq!(q.taken, Some(ts("2026-12-01T10:00:00Z")));
}

#[test]
fn new_leaves_quick_unset_and_new_quick_starts_an_empty_one() {
    let now = ts("2026-12-01T10:00:00Z");
    let plain = Assessment::new("A", "", now.clone());
    assert_eq!(plain.quick, None);
    let quick = Assessment::new_quick("Study session", "Example Corp", now.clone());
    assert_eq!(quick.quick, Some(QuickCheck { taken: Some(now.clone()), categories: Default::default() }));
    assert_eq!(quick.name, "Study session");
    assert_eq!(quick.organisation, "Example Corp");
    assert_eq!((quick.created.as_ref(), quick.updated.as_ref()), (Some(&now), Some(&now)));
    assert_eq!(quick.catalogue.id, CatalogueDef::latest().id);
    assert!(!quick.has_service_data());
}

#[test]
fn has_service_data_means_any_service_level_decision() {
    let fresh = || Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z"));
    let mut a = fresh();
    a.quick = Some(full_quick());
    assert!(!a.has_service_data(), "quick estimates are not service data");

    let mut blank_entry = fresh();
    blank_entry.services.insert(ServiceId::parse("A-1").expect("id"), ServiceAssessment::default());
    assert!(!blank_entry.has_service_data(), "a blank entry is ignored");

    let mut scored = fresh();
    scored.edit_service(&ServiceId::parse("A-1").expect("id"), |s| s.level = Some(Level::Basic));
    assert!(scored.has_service_data());

    let mut custom = fresh();
    custom
        .add_custom_service(CustomService {
            id: ServiceId::parse("I-8").expect("id"),
            category: cat("I"),
            name: LocalText::new("追加", "Extra"),
        })
        .expect("custom service");
    assert!(custom.has_service_data());

    let mut snapshot = fresh();
    snapshot.take_snapshot("S", ts("2026-12-02T10:00:00Z")).expect("snapshot");
    assert!(snapshot.has_service_data());

    let mut planned = fresh();
    planned.edit_plan(&ServiceId::parse("A-1").expect("id"), |p| p.action = "Do it".to_owned()).expect("plan");
    assert!(planned.has_service_data());
    let mut blank_plan = fresh();
    blank_plan.plan.insert(ServiceId::parse("A-1").expect("id"), PlanItem::default());
    assert!(!blank_plan.has_service_data(), "a blank plan item is ignored");
}

#[test]
fn scoring_services_never_changes_quick() {
    let mut a = quick_assessment();
    let before = a.quick.clone();
    a.edit_service(&ServiceId::parse("A-1").expect("id"), |s| {
        s.level = Some(Level::Basic);
        s.sourcing = Some(Sourcing::Outsource);
        s.current = rated(5);
        s.target = rated(5);
    });
    a.take_snapshot("After", ts("2026-12-02T10:00:00Z")).expect("snapshot");
    assert_eq!(a.quick, before);
    // And the quick check makes no service scores.
    assert_eq!(quick_assessment().services.len(), 0);
}

#[test]
fn check_limits_accepts_a_quick_check() {
    assert_eq!(quick_assessment().check_limits(), Ok(()));
    assert_eq!(Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z")).check_limits(), Ok(()));
}

#[test]
fn check_limits_refuses_more_estimates_than_the_reader_takes() {
    let mut a = Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z"));
    if let Some(q) = a.quick.as_mut() {
        for i in 0..=exchange::MAX_ENTRIES {
            q.edit(&cat(&format!("Z{i}")), |e| e.current = rated(1));
        }
    }
    let error = a.check_limits().expect_err("too many");
    assert_eq!(
        error.message(Lang::En),
        "The assessment could not be read back once saved: quick.categories: has too many entries (10001, at most 10000)"
    );
}

// ---------------------------------------------------------------------------------
// Writing and reading.

#[test]
fn a_full_quick_check_round_trips_in_both_layouts() {
    round_trips(&quick_assessment());
    let mut with_services = quick_assessment();
    with_services.edit_service(&ServiceId::parse("B-1").expect("id"), |s| s.current = rated(2));
    with_services.edit_plan(&ServiceId::parse("B-1").expect("id"), |p| p.owner = "SOC".to_owned()).expect("plan");
    with_services.take_snapshot("S", ts("2026-12-02T10:00:00Z")).expect("snapshot");
    round_trips(&with_services);
}

#[test]
fn an_empty_quick_check_round_trips_as_an_empty_one() {
    let a = Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z"));
    round_trips(&a);
    assert_eq!(written(&a)["quick"], json!({"taken": "2026-12-01T10:00:00Z", "categories": []}));
    let mut untimed = a.clone();
    untimed.quick = Some(QuickCheck::default());
    round_trips(&untimed);
    assert_eq!(written(&untimed)["quick"], json!({"categories": []}));
    assert_eq!(read_ok(&quick_doc(r#"{"categories":[]}"#)).quick, Some(QuickCheck::default()));
}

#[test]
fn quick_is_written_after_plan_in_catalogue_order_without_blank_estimates() {
    let mut a = quick_assessment();
    if let Some(q) = a.quick.as_mut() {
        // A blank estimate put in directly is not written.
        q.categories.insert(cat("B"), QuickEstimate::default());
    }
    a.edit_plan(&ServiceId::parse("A-1").expect("id"), |p| p.action = "x".to_owned()).expect("plan");
    let text = write(&a, Layout::Compact);
    let plan_at = text.find(r#""plan":"#).expect("plan written");
    let quick_at = text.find(r#""quick":"#).expect("quick written");
    assert!(plan_at < quick_at, "{text}");
    assert!(text.ends_with(
        r#""quick":{"taken":"2026-12-01T10:00:00Z","categories":[{"id":"A","sourcing":"insource","current":2,"target":4},{"id":"C","sourcing":"outsource"},{"id":"H","current":"n/a","target":"n/a"},{"id":"I","target":5}]}}"#
    ), "{text}");
}

#[test]
fn an_assessment_without_quick_writes_no_quick_field() {
    let a = Assessment::new("Plain", "", ts("2026-12-01T10:00:00Z"));
    assert!(written(&a).get("quick").is_none());
    assert!(!write(&a, Layout::Pretty).contains("quick"));
    // Older files have none and read as before.
    assert_eq!(read_ok(&doc("[]")).quick, None);
    round_trips(&a);
}

#[test]
fn quick_null_is_no_quick_check_and_unknown_fields_are_ignored() {
    assert_eq!(read_ok(&quick_doc("null")).quick, None);
    let a = read_ok(&quick_doc(
        r#"{"later":1,"taken":null,"categories":[{"id":"B","current":null,"target":3,"sourcing":null,"why":"x"}]}"#,
    ));
    let mut expected = QuickCheck::default();
    expected.edit(&cat("B"), |e| e.target = rated(3));
    assert_eq!(a.quick, Some(expected));
}

#[test]
fn an_entry_with_nothing_but_its_id_is_dropped() {
    let a = read_ok(&quick_doc(r#"{"categories":[{"id":"A"},{"id":"B","current":1}]}"#));
    let q = a.quick.expect("quick check");
    assert_eq!(q.categories.keys().map(CategoryId::as_str).collect::<Vec<_>>(), ["B"]);
    // Still given once only: the blank entry counts for the duplicate check.
    quick_error(
        r#"{"categories":[{"id":"A"},{"id":"A","current":1}]}"#,
        "The file has 1 problem:\nquick.categories[1].id: category \"A\" appears more than once (first at quick.categories[0])",
    );
}

#[test]
fn the_contract_example_reads() {
    let q = read_ok(&quick_doc(
        r#"{"taken":"2026-12-01T10:00:00Z","categories":[{"id":"A","sourcing":"insource","current":2,"target":4},{"id":"H","current":"n/a","target":"n/a"}]}"#,
    ))
    .quick
    .expect("quick check");
    assert_eq!(q.taken, Some(ts("2026-12-01T10:00:00Z")));
    assert_eq!(
        q.estimate("A"),
        QuickEstimate { sourcing: Some(Sourcing::Insource), current: rated(2), target: rated(4) }
    );
    assert_eq!(
        q.estimate("H"),
        QuickEstimate { sourcing: None, current: Some(Score::NotApplicable), target: Some(Score::NotApplicable) }
    );
    assert_eq!(q.overall().0.display().as_deref(), Some("2.00"));
}

#[test]
fn the_written_quick_field_is_valid_for_the_published_schema() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/x1060-assessment.schema.json"))
        .expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for a in [quick_assessment(), Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z"))] {
        let errors: Vec<String> = validator.iter_errors(&written(&a)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn stored_parts_carry_the_quick_check() {
    let mut a = quick_assessment();
    a.take_snapshot("S", ts("2026-12-02T10:00:00Z")).expect("snapshot");
    let snapshots: Vec<String> = a.snapshots.iter().map(|s| write_snapshot(&a, s)).collect();
    assert_eq!(read_ok(&join_parts(&write_working(&a), &snapshots)), a);
}

#[test]
fn a_share_link_carries_the_quick_check() {
    for a in [quick_assessment(), Assessment::new_quick("Q", "", ts("2026-12-01T10:00:00Z"))] {
        let link = share::encode(&a).expect("link");
        assert_eq!(share::decode(&link), Ok(a));
    }
    let plain = Assessment::new("Plain", "", ts("2026-12-01T10:00:00Z"));
    let back = share::decode(&share::encode(&plain).expect("link")).expect("read back");
    assert_eq!(back.quick, None);
}

#[test]
fn a_backup_carries_the_quick_check() {
    let a = quick_assessment();
    let backup = exchange::write_backup(&[&a], &ts("2026-12-03T10:00:00Z"));
    match exchange::read_any(backup.as_bytes()) {
        Ok(exchange::Document::Backup(contents)) => assert_eq!(contents.members, vec![a]),
        other => panic!("expected a backup, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------
// Refusals, verbatim.

#[test]
fn quick_must_be_an_object_with_a_list_of_categories() {
    quick_error("[]", "The file has 1 problem:\nquick: must be an object, found an array");
    quick_error("\"A\"", "The file has 1 problem:\nquick: must be an object, found a string");
    quick_error("{}", "The file has 1 problem:\nquick.categories: is required but missing");
    quick_error(r#"{"categories":null}"#, "The file has 1 problem:\nquick.categories: is required but missing");
    quick_error(
        r#"{"categories":{"A":{"current":1}}}"#,
        "The file has 1 problem:\nquick.categories: must be an array, found an object",
    );
    quick_error(
        r#"{"categories":["A",null]}"#,
        "The file has 2 problems:\nquick.categories[0]: must be an object, found a string\nquick.categories[1]: must be an object, found null",
    );
}

#[test]
fn unknown_category_is_refused_at_its_id() {
    quick_error(
        r#"{"categories":[{"id":"A","current":1},{"id":"J","current":2}]}"#,
        "The file has 1 problem:\nquick.categories[1].id: unknown category \"J\"",
    );
    quick_error(
        r#"{"categories":[{"id":"A-1"},{"id":"a"},{"id":""},{"id":"<b>"}]}"#,
        "The file has 4 problems:\n\
quick.categories[0].id: unknown category \"A-1\"\n\
quick.categories[1].id: unknown category \"a\"\n\
quick.categories[2].id: unknown category \"\"\n\
quick.categories[3].id: unknown category \"<b>\"",
    );
}

#[test]
fn missing_or_mistyped_id_is_refused() {
    quick_error(
        r#"{"categories":[{"current":1},{"id":null},{"id":1},{"id":["A"]}]}"#,
        "The file has 4 problems:\n\
quick.categories[0].id: is required but missing\n\
quick.categories[1].id: is required but missing\n\
quick.categories[2].id: must be a string, found a number\n\
quick.categories[3].id: must be a string, found an array",
    );
}

#[test]
fn a_category_twice_is_refused_with_both_places() {
    quick_error(
        r#"{"categories":[{"id":"A","current":1},{"id":"B"},{"id":"A","current":2},{"id":"A","target":3}]}"#,
        "The file has 2 problems:\n\
quick.categories[2].id: category \"A\" appears more than once (first at quick.categories[0])\n\
quick.categories[3].id: category \"A\" appears more than once (first at quick.categories[0])",
    );
}

#[test]
fn scores_out_of_range_or_of_the_wrong_type_are_refused() {
    quick_error(
        r#"{"categories":[{"id":"A","current":0,"target":6},{"id":"B","current":2.5,"target":"3"},{"id":"C","current":"N/A","target":true}]}"#,
        "The file has 6 problems:\n\
quick.categories[0].current: must be an integer from 1 to 5, \"n/a\" or null, found 0\n\
quick.categories[0].target: must be an integer from 1 to 5, \"n/a\" or null, found 6\n\
quick.categories[1].current: must be an integer from 1 to 5, \"n/a\" or null, found 2.5\n\
quick.categories[1].target: must be an integer from 1 to 5, \"n/a\" or null, found \"3\"\n\
quick.categories[2].current: must be an integer from 1 to 5, \"n/a\" or null, found \"N/A\"\n\
quick.categories[2].target: must be an integer from 1 to 5, \"n/a\" or null, found true",
    );
}

#[test]
fn bad_sourcing_is_refused() {
    quick_error(
        r#"{"categories":[{"id":"A","sourcing":"external"},{"id":"B","sourcing":1}]}"#,
        "The file has 2 problems:\n\
quick.categories[0].sourcing: must be \"insource\" or \"outsource\", found \"external\"\n\
quick.categories[1].sourcing: must be \"insource\" or \"outsource\", found 1",
    );
}

#[test]
fn bad_taken_is_refused() {
    quick_error(
        r#"{"taken":"yesterday","categories":[]}"#,
        "The file has 1 problem:\nquick.taken: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"yesterday\"",
    );
    quick_error(
        r#"{"taken":"2026-02-30T10:00:00Z","categories":[]}"#,
        "The file has 1 problem:\nquick.taken: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"2026-02-30T10:00:00Z\"",
    );
    quick_error(
        r#"{"taken":20261201,"categories":[]}"#,
        "The file has 1 problem:\nquick.taken: must be a string, found a number",
    );
}

#[test]
fn too_many_entries_are_refused() {
    let entries = vec![r#"{"id":"A"}"#; exchange::MAX_ENTRIES + 1].join(",");
    quick_error(
        &format!(r#"{{"categories":[{entries}]}}"#),
        "The file has 1 problem:\nquick.categories: has too many entries (10001, at most 10000)",
    );
}

#[test]
fn a_key_twice_inside_quick_is_refused_at_its_path() {
    quick_error(
        r#"{"categories":[{"id":"A","current":1,"current":2}]}"#,
        "The file has 1 problem:\nquick.categories[0].current: is given more than once in the same object (again at line 1, column 140); each field may appear only once",
    );
}

#[test]
fn quick_problems_are_reported_with_every_other_problem() {
    let text = r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":" ","services":[{"id":"Z-9"}],"plan":[{"id":"A-1","status":"doing"}],"quick":{"taken":"now","categories":[{"id":"J"},{"id":"A","current":9}]}}"#;
    assert_eq!(
        read_err(text).message(Lang::En),
        "The file has 6 problems:\n\
name: must not be empty\n\
services[0].id: unknown service id \"Z-9\": it is neither in catalogue x1060-2021 nor in custom_services\n\
plan[0].status (service A-1): must be \"open\", \"in_progress\" or \"done\", found \"doing\"\n\
quick.taken: must be a date and time such as \"2026-04-01T09:00:00Z\", found \"now\"\n\
quick.categories[0].id: unknown category \"J\"\n\
quick.categories[1].current: must be an integer from 1 to 5, \"n/a\" or null, found 9"
    );
}

#[test]
fn refusals_in_japanese() {
    let ja = |quick: &str| read_err(&quick_doc(quick)).message(Lang::Ja);
    assert_eq!(
        ja(r#"{"categories":[{"id":"A","current":1},{"id":"J"}]}"#),
        "ファイルに 1 件の問題があります:\nquick.categories[1].id: 不明なカテゴリー \"J\" です"
    );
    assert_eq!(
        ja(r#"{"categories":[{"id":"A","current":1},{"id":"A","current":2}]}"#),
        "ファイルに 1 件の問題があります:\nquick.categories[1].id: カテゴリー \"A\" が重複しています（最初は quick.categories[0]）"
    );
    assert_eq!(
        ja(r#"{"categories":[{"id":"A","current":6,"sourcing":"x"}]}"#),
        "ファイルに 2 件の問題があります:\n\
quick.categories[0].sourcing: \"insource\" か \"outsource\" である必要がありますが、\"x\" です\n\
quick.categories[0].current: 1〜5 の整数、\"n/a\"、null のいずれかである必要がありますが、6 です"
    );
    assert_eq!(ja("[]"), "ファイルに 1 件の問題があります:\nquick: オブジェクトである必要がありますが、配列です");
    assert_eq!(ja("{}"), "ファイルに 1 件の問題があります:\nquick.categories: 必須ですが、ありません");
}

#[test]
fn a_refused_share_link_names_the_quick_problem() {
    let mut a = quick_assessment();
    if let Some(q) = a.quick.as_mut() {
        q.categories.insert(cat("Z"), QuickEstimate { sourcing: None, current: rated(1), target: None });
    }
    // The writer keeps an unknown category (last), and the reader refuses it.
    let written = write(&a, Layout::Compact);
    assert!(written.contains(r#"{"id":"I","target":5},{"id":"Z","current":1}]"#), "{written}");
    let error = share::decode(&share::encode(&a).expect("link")).expect_err("refused");
    assert_eq!(
        error.message(Lang::En),
        "The link does not hold an assessment this app can read.\nThe link's data has 1 problem:\nquick.categories[4].id: unknown category \"Z\""
    );
}
