//! The evaluation process (X.1060 clause 11): comparing a state with a baseline
//! snapshot, and the means over time.

mod common;

use common::{doc, read_ok, ts};
use x1060_assess::model::evaluation::{compare, trend, CategoryMeans, OVERALL};
use x1060_assess::model::{
    Assessment, CatalogueDef, Level, LevelChangeKind, Mean, Movement, MovementCounts, Rating, Score, ServiceId,
    ServiceStates, SnapshotComparison, Sourcing, SourcingChangeKind, Summary,
};

/// The services of a minimal document with this `services` array.
#[track_caller]
fn states(services: &str) -> ServiceStates {
    read_ok(&doc(services)).services
}

/// Compares `now` with `base` (both `services` arrays) on the latest catalogue.
#[track_caller]
fn diff(base: &str, now: &str) -> SnapshotComparison {
    compare(CatalogueDef::latest(), &[], &states(base), &states(now))
}

/// An assessment with these `custom_services`, `services` and `snapshots` arrays.
#[track_caller]
fn assessment(custom: &str, services: &str, snapshots: &str) -> Assessment {
    read_ok(&format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"T",
        "custom_services":{custom},"services":{services},"snapshots":{snapshots}}}"#
    ))
}

fn rated(v: i64) -> Option<Score> {
    Rating::new(v).map(Score::Rated)
}

fn id(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("valid id in test")
}

/// `(service, kind)` of every level change.
fn level_kinds(c: &SnapshotComparison) -> Vec<(&str, LevelChangeKind)> {
    c.levels.iter().map(|l| (l.service.as_str(), l.kind)).collect()
}

/// `(service, kind)` of every sourcing change.
fn sourcing_kinds(c: &SnapshotComparison) -> Vec<(&str, SourcingChangeKind)> {
    c.sourcing.iter().map(|s| (s.service.as_str(), s.kind)).collect()
}

/// The displayed current and target deltas of category `id` (or `overall`).
#[track_caller]
fn deltas(c: &SnapshotComparison, id: &str) -> (Option<String>, Option<String>) {
    let d = c.category(id).unwrap_or_else(|| panic!("no category {id}"));
    (d.current.map(|d| d.display()), d.target.map(|d| d.display()))
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

// Catalogue evaluation (11.2)

#[test]
fn unset_or_not_required_to_a_level_entered_scope() {
    let c = diff(
        r#"[{"id":"A-2","level":"not_required"}]"#,
        r#"[{"id":"A-1","level":"basic"},{"id":"A-2","level":"standard"}]"#,
    );
    assert_eq!(level_kinds(&c), [("A-1", LevelChangeKind::EnteredScope), ("A-2", LevelChangeKind::EnteredScope)]);
    assert_eq!((c.levels[0].from, c.levels[0].to), (None, Some(Level::Basic)));
    assert_eq!((c.levels[1].from, c.levels[1].to), (Some(Level::NotRequired), Some(Level::Standard)));
    assert_eq!(c.levels[1].category, "A");
}

#[test]
fn level_to_not_required_or_unset_left_scope() {
    let c = diff(
        r#"[{"id":"B-1","level":"basic"},{"id":"B-2","level":"advanced"}]"#,
        r#"[{"id":"B-1","level":"not_required"}]"#,
    );
    assert_eq!(level_kinds(&c), [("B-1", LevelChangeKind::LeftScope), ("B-2", LevelChangeKind::LeftScope)]);
    assert_eq!(c.levels[0].to, Some(Level::NotRequired));
    assert_eq!((c.levels[1].from, c.levels[1].to), (Some(Level::Advanced), None));
}

#[test]
fn different_level_within_scope_is_changed_and_same_level_is_not_listed() {
    let c = diff(
        r#"[{"id":"C-1","level":"basic"},{"id":"C-2","level":"standard"}]"#,
        r#"[{"id":"C-1","level":"optional"},{"id":"C-2","level":"standard","current":3}]"#,
    );
    assert_eq!(level_kinds(&c), [("C-1", LevelChangeKind::Changed)]);
    assert_eq!((c.levels[0].from, c.levels[0].to), (Some(Level::Basic), Some(Level::Optional)));
}

#[test]
fn change_between_unset_and_not_required_is_other() {
    let c = diff(
        r#"[{"id":"D-1","note":"undecided"},{"id":"D-2","level":"not_required"}]"#,
        r#"[{"id":"D-1","level":"not_required"}]"#,
    );
    assert_eq!(level_kinds(&c), [("D-1", LevelChangeKind::Other), ("D-2", LevelChangeKind::Other)]);
    assert_eq!((c.levels[1].from, c.levels[1].to), (Some(Level::NotRequired), None));
}

#[test]
fn level_changes_follow_catalogue_order_not_id_order() {
    // Ids sort as text ("A-10" < "A-2"); the catalogue puts A-2 first.
    let c = diff("[]", r#"[{"id":"B-1","level":"basic"},{"id":"A-10","level":"basic"},{"id":"A-2","level":"basic"}]"#);
    let order: Vec<&str> = c.levels.iter().map(|l| l.service.as_str()).collect();
    assert_eq!(order, ["A-2", "A-10", "B-1"]);
}

// Profile evaluation (11.3)

#[test]
fn insource_to_outsource_is_moved() {
    let c = diff(
        r#"[{"id":"A-1","level":"basic","sourcing":"insource"}]"#,
        r#"[{"id":"A-1","level":"basic","sourcing":"outsource","provider":"MSS vendor"}]"#,
    );
    assert_eq!(sourcing_kinds(&c), [("A-1", SourcingChangeKind::Moved)]);
    let s = &c.sourcing[0];
    assert_eq!((s.from, s.to), (Some(Sourcing::Insource), Some(Sourcing::Outsource)));
    assert_eq!((s.provider_from.as_str(), s.provider_to.as_str()), ("", "MSS vendor"));
}

#[test]
fn sourcing_where_there_was_none_is_assigned() {
    let c = diff(r#"[{"id":"A-1","level":"basic"}]"#, r#"[{"id":"A-1","level":"basic","sourcing":"insource"}]"#);
    assert_eq!(sourcing_kinds(&c), [("A-1", SourcingChangeKind::Assigned)]);
    assert_eq!((c.sourcing[0].from, c.sourcing[0].to), (None, Some(Sourcing::Insource)));
}

#[test]
fn sourcing_removed_is_unassigned() {
    let c = diff(
        r#"[{"id":"A-1","level":"basic","sourcing":"outsource","provider":"Vendor"}]"#,
        r#"[{"id":"A-1","level":"basic"}]"#,
    );
    assert_eq!(sourcing_kinds(&c), [("A-1", SourcingChangeKind::Unassigned)]);
    assert_eq!(c.sourcing[0].provider_from, "Vendor");
    assert_eq!(c.sourcing[0].to, None);
}

#[test]
fn other_provider_with_same_sourcing_is_provider_changed() {
    let c = diff(
        r#"[{"id":"A-1","level":"basic","sourcing":"outsource","provider":"Vendor A"}]"#,
        r#"[{"id":"A-1","level":"basic","sourcing":"outsource","provider":"Vendor B"}]"#,
    );
    assert_eq!(sourcing_kinds(&c), [("A-1", SourcingChangeKind::ProviderChanged)]);
    assert_eq!((c.sourcing[0].provider_from.as_str(), c.sourcing[0].provider_to.as_str()), ("Vendor A", "Vendor B"));
}

#[test]
fn sourcing_changes_include_out_of_scope_services_with_a_flag() {
    let c = diff(
        r#"[{"id":"A-1","level":"not_required","sourcing":"insource"},{"id":"A-2","level":"basic"}]"#,
        r#"[{"id":"A-1","level":"not_required","sourcing":"outsource"},{"id":"A-2","level":"basic","sourcing":"insource"}]"#,
    );
    let flags: Vec<(&str, bool)> = c.sourcing.iter().map(|s| (s.service.as_str(), s.in_scope_now)).collect();
    assert_eq!(flags, [("A-1", false), ("A-2", true)]);
}

// Portfolio evaluation (11.4), service by service

#[test]
fn higher_current_is_improved_with_both_deltas() {
    let c = diff(
        r#"[{"id":"E-1","level":"basic","current":2,"target":5}]"#,
        r#"[{"id":"E-1","level":"basic","current":4,"target":4}]"#,
    );
    let s = &c.scores[0];
    assert_eq!(s.service, id("E-1"));
    assert_eq!((s.current_from, s.current_to), (rated(2), rated(4)));
    assert_eq!((s.target_from, s.target_to), (rated(5), rated(4)));
    assert_eq!((s.current_delta, s.target_delta), (Some(2), Some(-1)));
    assert_eq!(s.movement, Movement::Improved);
}

#[test]
fn lower_current_is_worsened() {
    let c = diff(r#"[{"id":"E-1","level":"basic","current":4}]"#, r#"[{"id":"E-1","level":"basic","current":1}]"#);
    assert_eq!((c.scores[0].current_delta, c.scores[0].movement), (Some(-3), Movement::Worsened));
    assert_eq!(c.scores[0].target_delta, None, "no target on either side");
}

#[test]
fn target_change_alone_leaves_current_unchanged() {
    let c = diff(
        r#"[{"id":"E-1","level":"basic","current":3,"target":4}]"#,
        r#"[{"id":"E-1","level":"basic","current":3,"target":5}]"#,
    );
    assert_eq!(c.scores.len(), 1);
    assert_eq!((c.scores[0].current_delta, c.scores[0].target_delta), (Some(0), Some(1)));
    assert_eq!(c.scores[0].movement, Movement::Unchanged);
}

#[test]
fn na_and_unassessed_current_scores_are_not_comparable() {
    let c = diff(
        r#"[{"id":"F-1","level":"basic","current":"n/a"},{"id":"F-2","level":"basic","current":3},{"id":"F-3","level":"basic"}]"#,
        r#"[{"id":"F-1","level":"basic","current":3},{"id":"F-2","level":"basic","current":"n/a"},{"id":"F-3","level":"basic","current":2}]"#,
    );
    type Row<'a> = (&'a str, Option<Score>, Option<Score>, Option<i8>, Movement);
    let rows: Vec<Row> = c
        .scores
        .iter()
        .map(|s| (s.service.as_str(), s.current_from, s.current_to, s.current_delta, s.movement))
        .collect();
    assert_eq!(
        rows,
        [
            ("F-1", Some(Score::NotApplicable), rated(3), None, Movement::NotComparable),
            ("F-2", rated(3), Some(Score::NotApplicable), None, Movement::NotComparable),
            ("F-3", None, rated(2), None, Movement::NotComparable),
        ]
    );
}

#[test]
fn identical_states_give_an_empty_comparison_with_zero_deltas() {
    let services = r#"[{"id":"A-1","level":"basic","sourcing":"insource","current":2,"target":4}]"#;
    let c = diff(services, services);
    assert!(c.is_empty());
    assert_eq!(deltas(&c, "A"), (some("0.00"), some("0.00")));
    assert_eq!(c.counts, MovementCounts { unchanged: 1, ..MovementCounts::default() });
}

#[test]
fn movement_counts_only_services_in_scope_on_both_sides() {
    let c = diff(
        r#"[{"id":"A-1","level":"basic","current":2},{"id":"A-2","level":"basic","current":3},
            {"id":"A-3","level":"basic","current":3},{"id":"A-4","level":"basic","current":"n/a"},
            {"id":"A-5","level":"not_required","current":1},{"id":"A-6","current":1},
            {"id":"A-7","level":"basic","current":1},{"id":"A-8","level":"basic"}]"#,
        r#"[{"id":"A-1","level":"basic","current":3},{"id":"A-2","level":"basic","current":1},
            {"id":"A-3","level":"standard","current":3},{"id":"A-4","level":"basic","current":4},
            {"id":"A-5","level":"basic","current":5},{"id":"A-6","level":"basic","current":5},
            {"id":"A-7","level":"not_required","current":5},{"id":"A-8","level":"basic"}]"#,
    );
    // A-5, A-6 entered scope and A-7 left it: their improvements are listed, not counted.
    assert_eq!(c.counts, MovementCounts { improved: 1, worsened: 1, unchanged: 1, not_comparable: 2 });
    assert_eq!(c.counts.total(), 5);
    let improved: Vec<&str> =
        c.scores.iter().filter(|s| s.movement == Movement::Improved).map(|s| s.service.as_str()).collect();
    assert_eq!(improved, ["A-1", "A-5", "A-6", "A-7"]);
}

// Baselines

#[test]
fn empty_baseline_every_in_scope_service_entered_scope_and_deltas_have_no_value() {
    let now = states(
        r#"[{"id":"A-1","level":"basic","current":3,"target":4},{"id":"B-1","level":"standard","current":2,"target":5},
            {"id":"C-1","level":"not_required"}]"#,
    );
    let c = compare(CatalogueDef::latest(), &[], &ServiceStates::new(), &now);
    let entered: Vec<&str> = c.levels_of(LevelChangeKind::EnteredScope).map(|l| l.service.as_str()).collect();
    assert_eq!(entered, ["A-1", "B-1"]);
    assert_eq!(level_kinds(&c).last(), Some(&("C-1", LevelChangeKind::Other)));
    assert_eq!(deltas(&c, "A"), (None, None));
    assert_eq!(deltas(&c, OVERALL), (None, None));
    assert_eq!(c.category("A").map(|a| a.now_current), Some(Mean { sum: 3, count: 1 }));
    assert_eq!(c.counts.total(), 0);
}

#[test]
fn custom_service_only_in_working_state_entered_scope_and_counts_in_its_category() {
    let a = assessment(
        r#"[{"id":"I-8","category":"I","name":{"en":"Extra"}}]"#,
        r#"[{"id":"I-1","level":"basic","current":2},{"id":"I-8","level":"basic","current":4}]"#,
        "[]",
    );
    let base = states(r#"[{"id":"I-1","level":"basic","current":2}]"#);
    let c = compare(a.catalogue, &a.custom_services, &base, &a.services);
    assert_eq!(level_kinds(&c), [("I-8", LevelChangeKind::EnteredScope)]);
    assert_eq!(c.levels[0].category, "I");
    let i = c.category("I").expect("I");
    assert_eq!((i.base_current, i.now_current), (Mean { sum: 2, count: 1 }, Mean { sum: 6, count: 2 }));
    assert_eq!(deltas(&c, "I").0, some("+1.00"));
}

#[test]
fn snapshot_then_edit_shows_only_the_edit() {
    let mut a = Assessment::new("T", "Org", ts("2026-01-01T00:00:00Z"));
    a.edit_service(&id("G-1"), |s| {
        s.level = Some(Level::Basic);
        s.current = rated(2);
    });
    a.take_snapshot("FY2025", ts("2026-01-02T00:00:00Z")).expect("snapshot");
    a.edit_service(&id("G-1"), |s| s.current = rated(3));
    let c = compare(a.catalogue, &a.custom_services, &a.snapshots[0].services, &a.services);
    assert!(c.levels.is_empty() && c.sourcing.is_empty());
    assert_eq!(c.scores.len(), 1);
    assert_eq!(c.scores[0].movement, Movement::Improved);
    assert_eq!(deltas(&c, "G"), (some("+1.00"), None));
}

// Category and overall deltas (docs/exchange-format.md (“How the numbers are computed”))

#[test]
fn category_delta_is_exact_not_the_difference_of_rounded_means() {
    // Base A 5/3 = 1.666.. (shown 1.67), now 4/3 = 1.333.. (shown 1.33):
    // exact -1/3 -> -0.33, though 1.33 - 1.67 = -0.34.
    let c = diff(
        r#"[{"id":"A-1","level":"basic","current":1},{"id":"A-2","level":"basic","current":2},{"id":"A-3","level":"basic","current":2}]"#,
        r#"[{"id":"A-1","level":"basic","current":1},{"id":"A-2","level":"basic","current":1},{"id":"A-3","level":"basic","current":2}]"#,
    );
    let a = c.category("A").expect("A");
    assert_eq!((a.base_current.text(), a.now_current.text()), ("1.67".to_owned(), "1.33".to_owned()));
    assert_eq!(deltas(&c, "A"), (some("-0.33"), None));
}

#[test]
fn delta_of_101_over_40_against_5_over_2_is_plus_0_03() {
    let ids: Vec<&str> =
        CatalogueDef::latest().categories.iter().flat_map(|c| c.services.iter().map(|s| s.id)).take(40).collect();
    let now: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| format!(r#"{{"id":"{id}","level":"standard","current":{}}}"#, if i < 21 { 3 } else { 2 }))
        .collect();
    let c = diff(
        r#"[{"id":"A-1","level":"standard","current":2},{"id":"A-2","level":"standard","current":3}]"#,
        &format!("[{}]", now.join(",")),
    );
    assert_eq!(c.overall.now_current, Mean { sum: 101, count: 40 });
    assert_eq!(c.overall.base_current, Mean { sum: 5, count: 2 });
    assert_eq!(deltas(&c, OVERALL).0, some("+0.03"));
}

#[test]
fn equal_means_give_unsigned_zero_delta() {
    let c = diff(
        r#"[{"id":"B-1","level":"basic","current":2,"target":5},{"id":"B-2","level":"basic","current":4,"target":3}]"#,
        r#"[{"id":"B-1","level":"basic","current":3,"target":4},{"id":"B-2","level":"basic","current":3,"target":4}]"#,
    );
    assert_eq!(deltas(&c, "B"), (some("0.00"), some("0.00")));
}

#[test]
fn overall_delta_is_over_services_not_category_means() {
    // Base: A 1, B 5 -> overall 3.00. Now: A 1, B 5,5,5 -> overall 16/4 = 4.00.
    // Category deltas are both 0.00, so a mean of category means would show no change.
    let c = diff(
        r#"[{"id":"A-1","level":"basic","current":1},{"id":"B-1","level":"basic","current":5}]"#,
        r#"[{"id":"A-1","level":"basic","current":1},{"id":"B-1","level":"basic","current":5},
            {"id":"B-2","level":"basic","current":5},{"id":"B-3","level":"basic","current":5}]"#,
    );
    assert_eq!(deltas(&c, "A").0, some("0.00"));
    assert_eq!(deltas(&c, "B").0, some("0.00"));
    assert_eq!(deltas(&c, OVERALL).0, some("+1.00"));
}

#[test]
fn categories_are_in_catalogue_order_and_lookup_knows_overall() {
    let c = diff("[]", "[]");
    let order: Vec<&str> = c.categories.iter().map(|d| d.category).collect();
    assert_eq!(order, ["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    assert_eq!(c.category(OVERALL), Some(&c.overall));
    assert_eq!(c.category("Z"), None);
}

// Trend

#[test]
fn trend_orders_snapshots_by_the_instant_taken_then_the_working_state() {
    // Stored out of order; 10:00+09:00 is 01:00Z, before 09:00Z, though its text sorts after.
    let a = assessment(
        "[]",
        "[]",
        r#"[{"label":"late","taken":"2025-04-01T09:00:00Z","services":[]},
            {"label":"tokyo","taken":"2025-04-01T10:00:00+09:00","services":[]},
            {"label":"first","taken":"2024-10-01T00:00:00Z","services":[]}]"#,
    );
    let points = trend(&a);
    let labels: Vec<Option<&str>> = points.iter().map(|p| p.label.as_deref()).collect();
    assert_eq!(labels, [Some("first"), Some("tokyo"), Some("late"), None]);
    assert_eq!(points[1].taken, Some(ts("2025-04-01T10:00:00+09:00")));
}

#[test]
fn trend_last_point_is_the_working_state() {
    let a = assessment(
        "[]",
        r#"[{"id":"A-1","level":"basic","current":4,"target":5},{"id":"B-1","level":"basic","current":2}]"#,
        r#"[{"label":"FY2025","taken":"2025-04-01T09:00:00Z","services":[{"id":"A-1","level":"basic","current":1}]}]"#,
    );
    let points = trend(&a);
    let working: Vec<bool> = points.iter().map(|p| p.working).collect();
    assert_eq!(working, [false, true]);
    let last = points.last().expect("working point");
    assert_eq!((last.label.as_deref(), last.taken.as_ref()), (None, None));
    let summary = Summary::of(a.catalogue, &a.custom_services, &a.services);
    assert_eq!((last.current, last.target), (summary.current, summary.target));
    assert_eq!(last.current, Mean { sum: 6, count: 2 });
}

#[test]
fn trend_points_hold_each_states_category_means() {
    let a = assessment(
        "[]",
        r#"[{"id":"A-1","level":"basic","current":4,"target":5}]"#,
        r#"[{"label":"FY2025","taken":"2025-04-01T09:00:00Z","services":[{"id":"A-1","level":"basic","current":2,"target":5}]}]"#,
    );
    let points = trend(&a);
    let a_means: Vec<Option<&CategoryMeans>> = points.iter().map(|p| p.category("A")).collect();
    assert_eq!(a_means[0].map(|m| (m.current, m.target)), Some((Mean { sum: 2, count: 1 }, Mean { sum: 5, count: 1 })));
    assert_eq!(a_means[1].map(|m| m.current), Some(Mean { sum: 4, count: 1 }));
    assert_eq!(points[0].categories.len(), 9);
    assert_eq!(points[0].category("B").map(|m| m.current.display()), Some(None));
}

#[test]
fn trend_without_snapshots_is_the_working_state_alone() {
    let a = Assessment::new("T", "Org", ts("2026-01-01T00:00:00Z"));
    let points = trend(&a);
    assert_eq!(points.len(), 1);
    assert!(points[0].working);
    assert_eq!(points[0].current, Mean::default());
}
