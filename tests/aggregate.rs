//! Aggregation as docs/exchange-format.md (“How the numbers are computed”) defines it.

mod common;

use common::{doc, read_ok};
use x1060_assess::model::aggregate::{format_hundredths, hundredths, ranked_gaps, NO_VALUE};
use x1060_assess::model::{CatalogueDef, Delta, Level, Mean, Summary};

fn summary(services: &str) -> Summary {
    let a = read_ok(&doc(services));
    Summary::of(a.catalogue, &a.custom_services, &a.services)
}

#[test]
fn mean_of_101_over_40_rounds_half_up_to_2_53() {
    // 2.525 exactly: floating point gives 2.52.
    assert_eq!(Mean { sum: 101, count: 40 }.display().as_deref(), Some("2.53"));
    assert_eq!(format!("{:.2}", 101.0_f64 / 40.0), "2.52", "the float case this guards against");
}

#[test]
fn rounding_is_half_away_from_zero_for_negatives() {
    assert_eq!(hundredths(-101, 40), -253);
    assert_eq!(hundredths(1, 3), 33);
    assert_eq!(hundredths(2, 3), 67);
    assert_eq!(hundredths(-1, 8), -13);
    assert_eq!(format_hundredths(-13, true), "-0.13");
    assert_eq!(format_hundredths(0, true), "0.00");
    assert_eq!(format_hundredths(50, true), "+0.50");
    assert_eq!(format_hundredths(500, false), "5.00");
}

#[test]
fn empty_mean_has_no_value() {
    assert_eq!(Mean::default().display(), None);
    assert_eq!(Mean::default().text(), NO_VALUE);
}

#[test]
fn category_mean_uses_in_scope_rated_services_only() {
    let s = summary(
        r#"[
        {"id":"A-1","level":"basic","sourcing":"insource","current":3,"target":4},
        {"id":"A-2","level":"standard","sourcing":"insource","current":2,"target":5},
        {"id":"A-3","level":"not_required","current":5,"target":5},
        {"id":"A-4","current":1,"target":1},
        {"id":"A-5","level":"advanced","sourcing":"outsource","current":"n/a","target":"n/a"},
        {"id":"A-6","level":"optional","sourcing":"insource"}
    ]"#,
    );
    let a = s.category("A").expect("A");
    assert_eq!(a.current, Mean { sum: 5, count: 2 });
    assert_eq!(a.current.text(), "2.50");
    assert_eq!(a.target.text(), "4.50");
    assert_eq!(a.counts.in_scope, 4);
    assert_eq!(a.counts.assessed, 3, "n/a counts as decided");
    assert_eq!(a.counts.not_assessed, 1);
    assert_eq!(a.counts.not_required, 1);
    assert_eq!(a.counts.level_unset, 13 - 5);
    assert_eq!(a.counts.insource, 3);
    assert_eq!(a.counts.outsource, 1);
}

#[test]
fn category_without_rated_services_has_no_value() {
    let s = summary(r#"[{"id":"B-1","level":"basic","current":"n/a","target":"n/a"}]"#);
    assert_eq!(s.category("B").expect("B").current.display(), None);
    assert_eq!(s.category("C").expect("C").target.display(), None);
    assert_eq!(s.current.display(), None);
}

#[test]
fn current_and_target_are_counted_independently() {
    let s = summary(r#"[{"id":"C-1","level":"basic","current":2},{"id":"C-2","level":"basic","target":4}]"#);
    let c = s.category("C").expect("C");
    assert_eq!(c.current.text(), "2.00");
    assert_eq!(c.target.text(), "4.00");
    assert_eq!(c.counts.not_assessed, 2);
}

#[test]
fn overall_is_mean_over_services_not_mean_of_category_means() {
    // A: 1 service at 1. B: 3 services at 5. Mean of means 3.00; overall (1+15)/4 = 4.00.
    let s = summary(
        r#"[{"id":"A-1","level":"basic","current":1},
            {"id":"B-1","level":"basic","current":5},{"id":"B-2","level":"basic","current":5},{"id":"B-3","level":"basic","current":5}]"#,
    );
    assert_eq!(s.current.text(), "4.00");
    assert_eq!(s.counts.in_scope, 4);
    assert_eq!(s.counts.total, 64);
}

#[test]
fn overall_101_over_40_case_through_the_summary() {
    // 40 in-scope services whose current scores sum to 101.
    let mut entries = Vec::new();
    let ids: Vec<&str> =
        CatalogueDef::latest().categories.iter().flat_map(|c| c.services.iter().map(|s| s.id)).take(40).collect();
    for (i, id) in ids.iter().enumerate() {
        let score = if i < 21 { 3 } else { 2 }; // 21*3 + 19*2 = 101
        entries.push(format!(r#"{{"id":"{id}","level":"standard","current":{score}}}"#));
    }
    let s = summary(&format!("[{}]", entries.join(",")));
    assert_eq!(s.current, Mean { sum: 101, count: 40 });
    assert_eq!(s.current.text(), "2.53");
}

#[test]
fn custom_services_count_in_their_category() {
    let a = read_ok(
        r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"T",
        "custom_services":[{"id":"I-8","category":"I","name":{"en":"Extra"}}],
        "services":[{"id":"I-8","level":"basic","current":4,"target":5},{"id":"I-1","level":"basic","current":2,"target":5}]}"#,
    );
    let s = Summary::of(a.catalogue, &a.custom_services, &a.services);
    let i = s.category("I").expect("I");
    assert_eq!(i.counts.total, 8);
    assert_eq!(i.current.text(), "3.00");
    assert_eq!(s.counts.total, 65);
}

#[test]
fn delta_is_exact_difference_of_unrounded_means() {
    // now 2/3 = 0.666.., base 1/2: exact difference 1/6 = 0.1666 -> +0.17;
    // the difference of the rounded means (0.67 - 0.50) is also 0.17 here.
    assert_eq!(
        Delta::between(Mean { sum: 2, count: 3 }, Mean { sum: 1, count: 2 }).map(Delta::display).as_deref(),
        Some("+0.17")
    );
    // now 101/40 = 2.525 (shown 2.53), base 2.5: exact +0.025 -> +0.03 (rounded means differ by 0.03 too).
    assert_eq!(
        Delta::between(Mean { sum: 101, count: 40 }, Mean { sum: 5, count: 2 }).map(Delta::display).as_deref(),
        Some("+0.03")
    );
    // now 1/3 = 0.333 (0.33), base 2/3 = 0.667 (0.67): exact -0.3333 -> -0.33, though 0.33 - 0.67 = -0.34.
    assert_eq!(
        Delta::between(Mean { sum: 1, count: 3 }, Mean { sum: 2, count: 3 }).map(Delta::display).as_deref(),
        Some("-0.33")
    );
    assert_eq!(
        Delta::between(Mean { sum: 6, count: 2 }, Mean { sum: 3, count: 1 }).map(Delta::display).as_deref(),
        Some("0.00")
    );
    assert_eq!(Delta::between(Mean::default(), Mean { sum: 3, count: 1 }), None);
}

#[test]
fn gaps_are_ranked_by_size_then_level_then_catalogue_order() {
    let a = read_ok(&doc(r#"[
        {"id":"A-1","level":"optional","current":1,"target":3},
        {"id":"A-2","level":"basic","current":1,"target":3},
        {"id":"B-1","level":"standard","current":1,"target":5},
        {"id":"B-2","level":"not_required","current":1,"target":5},
        {"id":"C-1","level":"basic","current":3,"target":3},
        {"id":"C-2","level":"basic","current":4,"target":2},
        {"id":"C-3","level":"basic","current":"n/a","target":5}
    ]"#));
    let gaps = ranked_gaps(a.catalogue, &a.custom_services, &a.services);
    let order: Vec<(&str, u8)> = gaps.iter().map(|g| (g.service.as_str(), g.gap)).collect();
    assert_eq!(order, [("B-1", 4), ("A-2", 2), ("A-1", 2)]);
    assert_eq!(gaps[1].level, Level::Basic);
}
