//! Own services compared by what they are (issue 20, 1.8): two participants who each
//! added a service got the same id for different services, or different ids for
//! the same one.

use std::collections::BTreeSet;

use super::*;
use crate::model::{
    Assessment, CategoryId, CustomService, Lang, LocalText, Rating, Score, ServiceAssessment, ServiceId, Timestamp,
};

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a valid time")
}

fn r(v: i64) -> Option<Score> {
    Some(Score::Rated(Rating::new(v).expect("a rating 1 to 5")))
}

fn sid(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("a valid service id")
}

/// A copy with own services of category I: (id, Japanese name, English name, current).
fn with_own(assessor: &str, own: &[(&str, &str, &str, i64)]) -> Assessment {
    let mut a = Assessment::new(participant_name("R1", assessor), "Org", ts("2026-01-01T00:00:00Z"));
    a.workshop = Some(WorkshopInfo { round: "R1".into(), assessor: assessor.into(), ..Default::default() });
    for (id, ja, en, current) in own {
        a.custom_services.push(CustomService {
            id: sid(id),
            category: CategoryId::parse("I").expect("a valid category"),
            name: LocalText::new(*ja, *en),
        });
        a.services.insert(sid(id), ServiceAssessment { current: r(*current), ..Default::default() });
    }
    a
}

fn compare_all(all: &[Assessment], same: &BTreeSet<ClashKey>) -> AssessorComparison {
    let picked: Vec<Participant> = all.iter().map(Participant::of).collect();
    compare_with(&picked, same)
}

fn current_of(c: &AssessorComparison, id: &str) -> Vec<Option<Score>> {
    c.rows.iter().find(|row| row.id == id).map(|row| row.states.iter().map(|s| s.current).collect()).unwrap_or_default()
}

fn merged(c: &AssessorComparison, all: &[Assessment]) -> Assessment {
    let picked: Vec<&Assessment> = all.iter().collect();
    let request =
        MergeRequest { picked: &picked, name: "merged", round: "R1", snapshot: false, now: ts("2026-02-01T00:00:00Z") };
    merge(c, &Decisions::default(), &request).expect("within the limits")
}

#[test]
fn same_id_other_name_is_a_clash_kept_apart() {
    // Ann and Bo each added one service to I: both got I-8.
    let all = [with_own("Ann", &[("I-8", "", "Threat hunting", 2)]), with_own("Bo", &[("I-8", "", "Purple team", 5)])];
    let c = compare_all(&all, &BTreeSet::new());
    assert_eq!(c.labels, ["Ann", "Bo"], "both compared");
    // Bo's is compared (and merged) as I-9, the first free number of I (I-1..I-7 built in).
    let ids: Vec<(&str, &str)> = c.custom.iter().map(|s| (s.id.as_str(), s.name.en.as_str())).collect();
    assert_eq!(ids, [("I-8", "Threat hunting"), ("I-9", "Purple team")]);
    // Each keeps its own scores: nothing pooled.
    assert_eq!(current_of(&c, "I-8"), [r(2), None]);
    assert_eq!(current_of(&c, "I-9"), [None, r(5)]);
    assert_eq!(c.clashes.len(), 1);
    let clash = &c.clashes[0];
    assert_eq!((clash.key.id.as_str(), clash.compared_as.as_str(), clash.same), ("I-8", "I-9", false));
    assert_eq!(
        clash.message(Lang::En),
        "Own service I-8: “Ann” has “Threat hunting”, “Bo” has “Purple team”. Compared as two services; “Bo”'s is I-9 in the comparison and the merge."
    );
    assert_eq!(
        clash.message(Lang::Ja),
        "独自サービス I-8：「Ann」は「Threat hunting」、「Bo」は「Purple team」です。別のサービスとして比較し、「Bo」のものは比較と統合で I-9 になります。"
    );
    let m = merged(&c, &all);
    assert_eq!(m.custom_services, c.custom);
    assert_eq!((m.services["I-8"].current, m.services["I-9"].current), (r(2), r(5)));
}

#[test]
fn the_facilitator_can_say_a_clash_is_one_service() {
    let all = [with_own("Ann", &[("I-8", "", "Threat hunting", 2)]), with_own("Bo", &[("I-8", "", "Hunting", 4)])];
    let key = compare_all(&all, &BTreeSet::new()).clashes[0].key.clone();
    assert_eq!(key, ClashKey { id: "I-8".into(), first: "threat hunting".into(), other: "hunting".into() });
    let c = compare_all(&all, &BTreeSet::from([key]));
    // One service, the first name kept, the scores pooled (2 and 4: lower median 2).
    assert_eq!(c.custom.len(), 1);
    assert_eq!(c.custom[0].name.en, "Threat hunting");
    assert_eq!(current_of(&c, "I-8"), [r(2), r(4)]);
    assert!(c.clashes[0].same);
    assert!(c.clashes[0].message(Lang::En).ends_with("Compared as one service, as you said."));
    assert_eq!(merged(&c, &all).services["I-8"].current, r(2));
}

#[test]
fn same_name_other_id_is_the_same_service() {
    // Ann added two services (I-8, I-9); Bo added one of them first, so his is I-8 too
    // but for the service Ann has as I-9: matched by name, in either language,
    // whatever the case, spacing or width of the letters.
    let all = [
        with_own("Ann", &[("I-8", "", "Threat hunting", 1), ("I-9", "パープルチーム", "", 2)]),
        with_own("Bo", &[("I-8", "パープルチーム", "Purple  TEAM", 4)]),
        with_own("Cy", &[("I-12", "", "Ｔｈｒｅａｔ　Ｈｕｎｔｉｎｇ", 3)]),
    ];
    let c = compare_all(&all, &BTreeSet::new());
    assert!(c.clashes.is_empty(), "{:?}", c.clashes);
    assert_eq!(c.custom.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["I-8", "I-9"]);
    assert_eq!(current_of(&c, "I-8"), [r(1), None, r(3)]);
    assert_eq!(current_of(&c, "I-9"), [r(2), r(4), None]);
    let notes: Vec<String> = c.renamed.iter().map(|n| n.message(Lang::En)).collect();
    assert_eq!(
        notes,
        [
            "“Bo”'s own service I-8 “Purple  TEAM” has the name of I-9: compared as one service, I-9.",
            "“Cy”'s own service I-12 “Ｔｈｒｅａｔ　Ｈｕｎｔｉｎｇ” has the name of I-8: compared as one service, I-8."
        ]
    );
    assert_eq!(
        c.renamed[0].message(Lang::Ja),
        "「Bo」の独自サービス I-8「パープルチーム」は I-9 と同じ名前のため、I-9 として比較します。"
    );
}

#[test]
fn a_later_copy_joins_a_service_renumbered_before_and_new_ids_avoid_every_copy() {
    // Bo's I-8 clashes with Ann's; Cy has I-9 for something else, so Bo's gets I-10;
    // Di has Bo's service as I-8 as well: it joins Bo's, not Ann's.
    let all = [
        with_own("Ann", &[("I-8", "", "Hunting", 1)]),
        with_own("Bo", &[("I-8", "", "Purple team", 2)]),
        with_own("Cy", &[("I-9", "", "Deception", 3)]),
        with_own("Di", &[("I-8", "", "purple team", 4)]),
    ];
    let c = compare_all(&all, &BTreeSet::new());
    let ids: Vec<(&str, &str)> = c.custom.iter().map(|s| (s.id.as_str(), s.name.en.as_str())).collect();
    assert_eq!(ids, [("I-8", "Hunting"), ("I-10", "Purple team"), ("I-9", "Deception")]);
    assert_eq!(current_of(&c, "I-10"), [None, r(2), None, r(4)]);
    assert_eq!(c.clashes.len(), 1, "Di's is Bo's by name: no second clash");
}

#[test]
fn two_own_services_of_one_copy_are_never_made_one() {
    // Bo's I-9 has the name of Ann's I-8, and his I-8 another name: his I-8 cannot be
    // Ann's I-8 too (taken by his I-9), even when said to be the same.
    let all = [
        with_own("Ann", &[("I-8", "", "Hunting", 1)]),
        with_own("Bo", &[("I-9", "", "Hunting", 2), ("I-8", "", "Deception", 5)]),
    ];
    let key = ClashKey { id: "I-8".into(), first: "hunting".into(), other: "deception".into() };
    let c = compare_all(&all, &BTreeSet::from([key]));
    assert_eq!(current_of(&c, "I-8"), [r(1), r(2)]);
    let deception = c.custom.iter().find(|s| s.name.en == "Deception").expect("kept apart");
    assert_eq!(current_of(&c, deception.id.as_str()), [None, r(5)]);
}

#[test]
fn merged_snapshots_use_the_ids_compared() {
    let mut all = [with_own("Ann", &[("I-8", "", "Hunting", 1)]), with_own("Bo", &[("I-8", "", "Purple team", 2)])];
    all[1].take_snapshot("before", ts("2026-01-05T00:00:00Z")).expect("room for a snapshot");
    let c = compare_all(&all, &BTreeSet::new());
    let m = merged(&c, &all);
    let snapshot = &m.snapshots[0];
    assert_eq!(snapshot.services.keys().map(ServiceId::as_str).collect::<Vec<_>>(), ["I-9"]);
}

#[test]
fn names_are_compared_normalised() {
    assert_eq!(own::normalise("  Threat\u{3000}ＨＵＮＴＩＮＧ \n"), "threat hunting");
    assert_eq!(own::normalise("脅威 ハンティング"), "脅威 ハンティング");
}
