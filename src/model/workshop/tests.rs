//! Comparison and merge of workshop copies, with every figure worked out by hand in
//! the comments (not by the code under test).

use super::*;
use crate::model::exchange::{self, Layout};
use crate::model::{
    Assessment, CategoryId, CustomService, Level, LocalText, Rating, Score, ServiceAssessment, ServiceId, Sourcing,
    Timestamp,
};

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a valid time")
}

fn r(v: i64) -> Option<Score> {
    Some(Score::Rated(Rating::new(v).expect("a rating 1 to 5")))
}

const NA: Option<Score> = Some(Score::NotApplicable);

/// A participant's copy of round "R1" with the given (service, level, current, target).
fn copy(assessor: &str, rows: &[(&str, Level, Option<Score>, Option<Score>)]) -> Assessment {
    let mut a = Assessment::new(participant_name("R1", assessor), "Org", ts("2026-01-01T00:00:00Z"));
    a.workshop = Some(WorkshopInfo {
        round: "R1".into(),
        started: Some(ts("2026-01-01T00:00:00Z")),
        assessor: assessor.into(),
        assessors: Vec::new(),
    });
    for (id, level, current, target) in rows {
        a.services.insert(
            ServiceId::parse(id).expect("a valid service id"),
            ServiceAssessment {
                level: Some(*level),
                sourcing: Some(Sourcing::Insource),
                current: *current,
                target: *target,
                ..Default::default()
            },
        );
    }
    a
}

fn three() -> Vec<Assessment> {
    use Level::*;
    vec![
        copy("Ann", &[("A-1", Basic, r(1), r(4)), ("A-2", Basic, r(3), r(3)), ("B-1", Standard, NA, r(5))]),
        copy("Bo", &[("A-1", Basic, r(2), r(4)), ("A-2", Standard, r(4), r(4)), ("B-1", Standard, NA, NA)]),
        copy("Cy", &[("A-1", Basic, r(4), None), ("A-2", Basic, r(3), r(4)), ("B-1", Standard, r(2), NA)]),
    ]
}

fn compare_all(all: &[Assessment]) -> AssessorComparison {
    let picked: Vec<Participant> = all.iter().map(Participant::of).collect();
    compare(&picked)
}

#[test]
fn spreads_of_category_means() {
    let c = compare_all(&three());
    assert_eq!(c.labels, ["Ann", "Bo", "Cy"]);
    let a = &c.categories[0];
    assert_eq!(a.category, "A");
    // Current means in A: Ann (1+3)/2 = 2.00, Bo (2+4)/2 = 3.00, Cy (4+3)/2 = 3.50.
    assert_eq!(CategorySpread::range_text(&a.current), ("2.00".into(), "3.50".into()));
    // Target: Ann 3.50, Bo 4.00, Cy 4/1 = 4.00.
    assert_eq!(CategorySpread::range_text(&a.target), ("3.50".into(), "4.00".into()));
    let b = &c.categories[1];
    // Current in B: only Cy rated (2); the n/a of Ann and Bo count nowhere.
    assert_eq!(CategorySpread::range_text(&b.current), ("2.00".into(), "2.00".into()));
    // Target in B: Ann 5; Bo and Cy n/a.
    assert_eq!(CategorySpread::range_text(&b.target), ("5.00".into(), "5.00".into()));
    // Overall current: Ann (1+3)/2 = 2.00 (n/a left out), Bo 3.00, Cy (4+3+2)/3 = 3.00.
    assert_eq!(CategorySpread::range_text(&c.overall_current), ("2.00".into(), "3.00".into()));
    // C: nobody set anything.
    assert_eq!(CategorySpread::range_text(&c.categories[2].current), ("–".into(), "–".into()));
}

#[test]
fn disagreements_and_agreement_counts() {
    let c = compare_all(&three());
    let listed: Vec<&str> =
        c.rows_disagreements_first().filter(|r| r.disagreement.any()).map(|r| r.id.as_str()).collect();
    // A-1: current 1, 2, 4 span 3. A-2: levels basic/standard. B-1: one rating only, levels equal.
    assert_eq!(listed, ["A-1", "A-2"]);
    let a = &c.categories[0];
    assert_eq!((a.services, a.disagreements, a.agreements()), (2, 2, 0));
    let b = &c.categories[1];
    assert_eq!((b.services, b.disagreements, b.agreements()), (1, 0, 1));
    assert_eq!(c.disagreement_count(), 2);
    // Disagreements come first, then the rest in catalogue order.
    let order: Vec<&str> = c.rows_disagreements_first().map(|r| r.id.as_str()).collect();
    assert_eq!(order, ["A-1", "A-2", "B-1"]);
}

#[test]
fn proposals_follow_the_rules() {
    let c = compare_all(&three());
    let p = |id: &str| c.rows.iter().find(|r| r.id.as_str() == id).expect("a compared service").proposal.clone();
    // A-1 current 1, 2, 4: median 2. Target 4, 4 (Cy unset): lower middle 4.
    assert_eq!((p("A-1").current, p("A-1").target), (r(2), r(4)));
    // A-2 current 3, 4, 3: 3. Level basic twice, standard once: basic.
    assert_eq!((p("A-2").current, p("A-2").level), (r(3), Some(Level::Basic)));
    // A-2 target 3, 4, 4: 4.
    assert_eq!(p("A-2").target, r(4));
    // B-1 current n/a, n/a, 2: n/a (2 of 3). Target 5, n/a, n/a: n/a.
    assert_eq!((p("B-1").current, p("B-1").target), (NA, NA));
}

#[test]
fn even_counts_take_the_lower_middle() {
    use Level::*;
    let all = vec![
        copy("Ann", &[("C-1", Advanced, r(1), r(5))]),
        copy("Bo", &[("C-1", Basic, r(4), r(2))]),
        copy("Cy", &[("C-1", Advanced, r(2), r(3))]),
        copy("Di", &[("C-1", Basic, r(5), NA)]),
    ];
    let c = compare_all(&all);
    let row = &c.rows[0];
    // Current 1, 4, 2, 5 → sorted 1 2 4 5 → 2. Target 5, 2, 3 (n/a 1 of 4) → 2 3 5 → 3.
    assert_eq!((row.proposal.current, row.proposal.target), (r(2), r(3)));
    // Levels two against two: a tie, left to decide.
    assert_eq!((row.proposal.level, row.proposal.level_tie), (None, true));
    assert!(row.disagreement.level && row.disagreement.current && row.disagreement.target);
    // Category C current means 1, 4, 2, 5 → min 1.00, max 5.00.
    assert_eq!(CategorySpread::range_text(&c.categories[2].current), ("1.00".into(), "5.00".into()));
}

#[test]
fn other_catalogue_or_conflicting_custom_service_is_not_compared() {
    let mut all = three();
    let custom = |cat: &str| CustomService {
        id: ServiceId::parse("I-8").expect("a valid service id"),
        category: CategoryId::parse(cat).expect("a valid category id"),
        name: LocalText { ja: "独自".into(), en: "Own".into() },
    };
    all[0].custom_services.push(custom("I"));
    all[1].custom_services.push(custom("H"));
    all[2].custom_services.push(custom("I"));
    let c = compare_all(&all);
    assert_eq!(c.labels, ["Ann", "Cy"]);
    assert_eq!(c.picked, [0, 2]);
    assert!(matches!(&c.unmatched[..], [Unmatched::CustomConflict { label, id, .. }] if label == "Bo" && id == "I-8"));
    assert!(c.unmatched[0].message(crate::model::Lang::En).contains("I-8"));
    assert_eq!(c.custom.len(), 1);
    // One left: nothing to compare.
    let c = compare_all(&all[..2]);
    assert!(!c.comparable());
}

#[test]
fn copies_of_another_round_are_compared_and_named() {
    let mut all = three();
    all[2].workshop.as_mut().expect("a workshop copy").round = "R2".into();
    all[1].workshop.as_mut().expect("a workshop copy").assessor = "Ann".into();
    let c = compare_all(&all);
    assert_eq!(c.labels, ["Ann", "Ann (2)", "Cy"]);
    assert_eq!(c.other_round, ["Cy"]);
}

#[test]
fn merge_uses_decisions_keeps_rationale_and_leaves_sources_alone() {
    let mut all = three();
    all[0].services.get_mut("A-1").expect("A-1 scored").note = "logs only".into();
    all[0].take_snapshot("FY25", ts("2025-04-01T00:00:00Z")).expect("room for a snapshot");
    all[1].snapshots = all[0].snapshots.clone();
    let before = all.clone();
    let c = compare_all(&all);
    let mut d = Decisions::default();
    let a1 = ServiceId::parse("A-1").expect("a valid service id");
    d.values.insert(a1.clone(), Chosen { current: Some(r(3)), ..Default::default() });
    d.rationale.insert(a1, "Agreed 3 after discussing the log coverage.".into());
    let picked: Vec<&Assessment> = all.iter().collect();
    let request = MergeRequest {
        picked: &picked,
        name: "R1 — merged",
        round: "R1",
        snapshot: true,
        now: ts("2026-02-01T00:00:00Z"),
    };
    let m = merge(&c, &d, &request).expect("within the limits");
    assert_eq!(all, before);
    assert_eq!(m.name, "R1 — merged");
    assert_eq!(m.organisation, "Org");
    let a1 = &m.services["A-1"];
    assert_eq!((a1.current, a1.target), (r(3), r(4)));
    assert_eq!(a1.note, "Agreed 3 after discussing the log coverage.\n\nAnn: logs only");
    assert_eq!(m.services["B-1"].current, NA);
    let w = m.workshop.as_ref().expect("a workshop field");
    assert_eq!((w.round.as_str(), w.assessors.clone()), ("R1", vec!["Ann".to_owned(), "Bo".into(), "Cy".into()]));
    // The shared FY25 snapshot once, then the merged one.
    let labels: Vec<&str> = m.snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["FY25", "R1"]);
    assert_eq!(m.snapshots[1].services, m.services);
    // Merged dashboard: A current 3 (A-1) and 3 (A-2) → 3.00.
    let s = crate::model::Summary::of(m.catalogue, &m.custom_services, &m.services);
    assert_eq!(s.category("A").expect("category A").current.text(), "3.00");
    // The merged file reads back the same.
    let text = exchange::write(&m, Layout::Pretty);
    assert_eq!(exchange::read(text.as_bytes()).expect("reads back"), m);
}

#[test]
fn template_and_participant_round_trip_through_the_format() {
    let t = template(&three()[0], "R9", ts("2026-03-01T00:00:00Z"));
    let text = exchange::write(&t, Layout::Pretty);
    assert!(text.contains("\"workshop\""));
    let mut back = exchange::read(text.as_bytes()).expect("reads back");
    assert_eq!(back, t);
    back.workshop.as_mut().expect("a workshop copy").assessor = "Ann".into();
    let again = exchange::read(exchange::write(&back, Layout::Compact).as_bytes()).expect("reads back");
    assert_eq!(again.workshop.expect("a workshop field").assessor, "Ann");
}

#[test]
fn reader_refuses_bad_workshop_fields_with_paths() {
    let bad = r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"x","services":[],
        "workshop":{"round":"","started":"yesterday","assessors":["a",3]}}"#;
    let err = exchange::read(bad.as_bytes()).unwrap_err().message(crate::model::Lang::En);
    for path in ["workshop.round", "workshop.started", "workshop.assessors[1]"] {
        assert!(err.contains(path), "{path} not in {err}");
    }
}
