//! Nothing is created that the reader would refuse: the list limits of the reader
//! are enforced where snapshots, custom services and plan items are made, and
//! `Assessment::check_limits` says whether the reader would accept an assessment's
//! sizes (checked against the reader itself by a property test).

mod common;

use common::ts;
use proptest::prelude::*;
use x1060_assess::model::catalogue::CustomServiceError;
use x1060_assess::model::evidence::{MAX_LOCATION_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use x1060_assess::model::exchange::{self, ImportError, Layout, Problem, ProblemKind, MAX_ENTRIES};
use x1060_assess::model::limits::{MAX_ENTRIES as LIMIT, MAX_PLAN_ACTION_CHARS};
use x1060_assess::model::{
    Assessment, CatalogueDef, CategoryId, CustomService, EvidenceItem, Lang, LimitError, Limited, LocalText, ServiceId,
    Snapshot, SnapshotId, Timestamp,
};

fn id(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("service id")
}

fn custom(n: usize) -> CustomService {
    CustomService {
        id: id(&format!("I-{}", 100 + n)),
        category: CategoryId::parse("I").expect("I"),
        name: LocalText::new("", "x"),
    }
}

fn empty_snapshot(i: usize) -> Snapshot {
    Snapshot {
        id: SnapshotId(i as u64 + 1),
        label: format!("s{i}"),
        taken: Timestamp::from_unix_millis(i as i64),
        services: Default::default(),
        plan: None,
    }
}

#[test]
fn the_reader_and_the_model_share_one_limit() {
    assert_eq!(MAX_ENTRIES, LIMIT);
    assert_eq!(LIMIT, 10_000);
    let long = "x".repeat(MAX_PLAN_ACTION_CHARS + 1);
    let doc = format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"n","services":[],"plan":[{{"id":"A-1","action":"{long}"}}]}}"#
    );
    let e = exchange::read_str(&doc).expect_err("too long");
    assert_eq!(e.details(Lang::En), ["plan[0].action (service A-1): is too long (2001 characters, at most 2000)"]);
}

#[test]
fn the_10001st_snapshot_is_refused_and_nothing_changes() {
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    a.snapshots = (0..LIMIT - 1).map(empty_snapshot).collect();
    a.take_snapshot("last", ts("2026-02-01T00:00:00Z")).expect("the 10,000th is taken");
    assert_eq!(a.snapshots.len(), LIMIT);
    let e = a.take_snapshot("one more", ts("2026-03-01T00:00:00Z")).expect_err("full");
    assert_eq!(e, LimitError::TooMany { list: Limited::Snapshots, max: LIMIT });
    assert_eq!(a.snapshots.len(), LIMIT);
    assert_eq!(e.message(Lang::En), "No more snapshots can be taken: an assessment keeps at most 10000 snapshots.");
    assert_eq!(
        e.message(Lang::Ja),
        "これ以上スナップショットを取れません（1 つのアセスメントに保存できるのは 10000 件までです）。"
    );
    assert_eq!(a.check_limits(), Ok(()));
    let back = exchange::read_str(&exchange::write(&a, Layout::Compact)).expect("a full assessment is read back");
    assert_eq!(back.snapshots.len(), LIMIT);
}

#[test]
fn a_snapshot_that_would_make_the_document_too_large_is_refused() {
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    let ids: Vec<ServiceId> = a.catalogue.categories.iter().flat_map(|c| c.services.iter().map(|s| id(s.id))).collect();
    for service in &ids {
        a.edit_service(service, |s| s.note = "n".repeat(Assessment::MAX_NOTE_CHARS));
    }
    // About 640 KB a copy of the working state: the 27th snapshot would pass 16 MiB.
    let copy = Snapshot {
        id: SnapshotId(1),
        label: "s".to_owned(),
        taken: ts("2026-01-02T00:00:00Z"),
        services: a.services.clone(),
        plan: None,
    };
    a.snapshots = vec![copy; 24];
    let mut taken = 24;
    let refused = loop {
        match a.take_snapshot("s", ts("2026-02-01T00:00:00Z")) {
            Ok(()) => taken += 1,
            Err(e) => break e,
        }
        assert!(taken < 40, "never refused");
    };
    assert!(matches!(refused, LimitError::TooLarge { max: exchange::MAX_BYTES, .. }), "{refused:?}");
    assert_eq!(a.snapshots.len(), taken);
    assert!(exchange::write(&a, Layout::Compact).len() <= exchange::MAX_BYTES);
    assert_eq!(a.check_limits(), Ok(()));
    let LimitError::TooLarge { bytes, .. } = refused else { unreachable!() };
    assert_eq!(
        refused.message(Lang::En),
        format!("The assessment would be too large to be read back: {bytes} bytes, and at most 16777216 bytes (16 MiB) can be read.")
    );
    assert_eq!(
        refused.message(Lang::Ja),
        format!("アセスメントが大きすぎて読み込めなくなります（{bytes} バイト。読み込めるのは 16777216 バイト（16 MiB）までです）。")
    );
}

#[test]
fn snapshot_labels_are_cleaned_names() {
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    a.take_snapshot("\u{200b}\u{200d}", ts("2026-11-26T10:00:00Z")).expect("snapshot");
    a.take_snapshot(&"L".repeat(300), ts("2026-11-27T10:00:00Z")).expect("snapshot");
    assert_eq!(a.snapshots[0].label, "2026-11-26");
    assert_eq!(a.snapshots[1].label.chars().count(), Assessment::MAX_NAME_CHARS);
    assert_eq!(a.check_limits(), Ok(()));
}

#[test]
fn custom_services_stop_where_every_service_still_fits_in_a_list() {
    let catalogue = CatalogueDef::latest();
    let max = catalogue.max_custom_services();
    assert_eq!(max, LIMIT - 64);
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    a.custom_services = (0..max - 1).map(custom).collect();
    a.add_custom_service(custom(max - 1)).expect("the last one fits");
    let e = a.add_custom_service(custom(max)).expect_err("full");
    assert_eq!(e, CustomServiceError::TooMany { max });
    assert_eq!(a.custom_services.len(), max);
    assert_eq!(
        e.message(Lang::En),
        "no more services can be added: an assessment holds at most 9936 services of its own"
    );
    assert_eq!(
        e.message(Lang::Ja),
        "これ以上サービスを追加できません（追加できるサービスは 1 つのアセスメントにつき 9936 件までです）"
    );
    assert_eq!(e.to_string(), e.message(Lang::En));
    // Every service with a state: the list has exactly as many entries as the reader takes.
    let all: Vec<ServiceId> = catalogue.all_services(&a.custom_services).map(|s| id(s.id)).collect();
    for service in &all {
        a.edit_service(service, |s| s.note = "x".to_owned());
    }
    assert_eq!(a.services.len(), LIMIT);
    assert_eq!(a.check_limits(), Ok(()));
    assert_eq!(exchange::read_str(&exchange::write(&a, Layout::Compact)).as_ref(), Ok(&a));
}

#[test]
fn custom_service_errors_have_both_languages() {
    let taken = CustomServiceError::IdTaken(id("A-1"));
    assert_eq!(taken.message(Lang::En), "service id \"A-1\" is already taken");
    assert_eq!(taken.message(Lang::Ja), "サービス ID「A-1」は既に使われています");
    let unknown = CustomServiceError::UnknownCategory(CategoryId::parse("J").expect("J"));
    assert_eq!(unknown.message(Lang::En), "unknown category \"J\"");
    assert_eq!(unknown.message(Lang::Ja), "不明なカテゴリー「J」です");
}

/// An assessment whose plan is full: one item for every service (64 built in, the
/// rest custom).
fn full_plan() -> Assessment {
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    a.custom_services = (0..a.catalogue.max_custom_services()).map(custom).collect();
    let all: Vec<ServiceId> = a.catalogue.all_services(&a.custom_services).map(|s| id(s.id)).collect();
    for service in &all {
        a.edit_plan(service, |p| p.action = "a".to_owned()).expect("room in the plan");
    }
    a
}

#[test]
fn a_plan_item_beyond_the_limit_is_refused_but_existing_ones_can_change() {
    let mut a = full_plan();
    assert_eq!(a.plan.len(), LIMIT);
    let e = a.edit_plan(&id("Z-1"), |p| p.action = "new".to_owned()).expect_err("full");
    assert_eq!(e, LimitError::TooMany { list: Limited::PlanItems, max: LIMIT });
    assert!(!a.plan.contains_key("Z-1"));
    assert_eq!(e.message(Lang::En), "No more improvement actions can be added: a plan holds at most 10000 items.");
    assert_eq!(
        e.message(Lang::Ja),
        "これ以上改善計画の項目を追加できません（計画に入れられるのは 10000 件までです）。"
    );
    a.edit_plan(&id("A-1"), |p| p.owner = "me".to_owned()).expect("an existing item changes");
    assert_eq!(a.plan.get("A-1").map(|p| p.owner.as_str()), Some("me"));
    a.edit_plan(&id("A-1"), |p| *p = Default::default()).expect("an item is cleared");
    a.edit_plan(&id("Z-1"), |p| p.action = "new".to_owned()).expect("room again");
    // Editing an absent item into a blank one is no new item.
    a.edit_plan(&id("Z-2"), |_| {}).expect("nothing created");
    assert_eq!(a.plan.len(), LIMIT);
}

#[track_caller]
fn exceeds(a: &Assessment) -> Problem {
    match a.check_limits() {
        Err(LimitError::Exceeds(p)) => p,
        other => panic!("expected a size problem, got {other:?}"),
    }
}

#[test]
fn check_limits_names_what_is_too_long_as_the_reader_would() {
    let mut a = Assessment::new("x".repeat(201), "", ts("2026-01-01T00:00:00Z"));
    let e = a.check_limits().expect_err("name");
    assert_eq!(
        e.message(Lang::En),
        "The assessment could not be read back once saved: name: is too long (201 characters, at most 200)"
    );
    assert_eq!(
        e.message(Lang::Ja),
        "このアセスメントは保存すると読み込めなくなります: name: 長すぎます（201 文字、上限は 200 文字）"
    );
    a.name = "日".repeat(200);
    assert_eq!(a.check_limits(), Ok(()), "characters are counted, not bytes");
    a.edit_service(&id("B-2"), |s| s.note = "n".repeat(Assessment::MAX_NOTE_CHARS + 1));
    a.edit_service(&id("A-1"), |s| s.provider = "p".to_owned());
    assert_eq!(
        exceeds(&a).message(Lang::En),
        "services[1].note (service B-2): is too long (10001 characters, at most 10000)"
    );
    a.edit_service(&id("B-2"), |s| s.note.clear());
    a.snapshots.push(Snapshot { label: "L".repeat(201), ..empty_snapshot(0) });
    assert_eq!(exceeds(&a).message(Lang::En), "snapshots[0].label: is too long (201 characters, at most 200)");
    a.snapshots[0].label = "L".to_owned();
    a.edit_plan(&id("C-1"), |p| p.action = "a".repeat(MAX_PLAN_ACTION_CHARS + 1)).expect("plan");
    assert_eq!(
        exceeds(&a).message(Lang::En),
        "plan[0].action (service C-1): is too long (2001 characters, at most 2000)"
    );
    a.plan.clear();
    a.custom_services.push(CustomService { name: LocalText::new("", "e".repeat(201)), ..custom(1) });
    assert_eq!(
        exceeds(&a).message(Lang::En),
        "custom_services[0].name.en (service I-101): is too long (201 characters, at most 200)"
    );
    a.custom_services.clear();
    a.snapshots = (0..=LIMIT).map(empty_snapshot).collect();
    assert_eq!(exceeds(&a).message(Lang::En), "snapshots: has too many entries (10001, at most 10000)");
}

#[test]
fn check_limits_finds_a_document_too_large() {
    let mut a = Assessment::new("S", "", ts("2026-01-01T00:00:00Z"));
    a.custom_services = (0..1_700).map(custom).collect();
    let all: Vec<ServiceId> = a.custom_services.iter().map(|c| c.id.clone()).collect();
    for service in &all {
        a.edit_service(service, |s| s.note = "n".repeat(Assessment::MAX_NOTE_CHARS));
    }
    let bytes = exchange::write(&a, Layout::Compact).len();
    assert_eq!(a.check_limits(), Err(LimitError::TooLarge { bytes, max: exchange::MAX_BYTES }));
    assert!(matches!(exchange::read_str(&exchange::write(&a, Layout::Compact)), Err(ImportError::TooLarge { .. })));
}

// ---------------------------------------------------------------------------------
// check_limits agrees with the reader.

/// Lengths around each limit.
fn around(limit: usize) -> impl Strategy<Value = usize> {
    prop_oneof![Just(0), Just(1), Just(limit - 1), Just(limit), Just(limit + 1)]
}

fn text(len: usize, c: char) -> String {
    std::iter::repeat_n(c, len).collect()
}

prop_compose! {
    fn sized_assessment()(
        name in 1usize..=Assessment::MAX_NAME_CHARS + 1,
        org in around(Assessment::MAX_NAME_CHARS),
        notes in proptest::collection::vec((0usize..64, around(Assessment::MAX_NOTE_CHARS), around(Assessment::MAX_NAME_CHARS)), 0..6),
        labels in proptest::collection::vec(1usize..=Assessment::MAX_NAME_CHARS + 1, 0..3),
        plan in proptest::collection::vec((0usize..64, 1usize..=MAX_PLAN_ACTION_CHARS + 1, around(Assessment::MAX_NAME_CHARS)), 0..4),
        custom_names in proptest::collection::vec(1usize..=Assessment::MAX_NAME_CHARS + 1, 0..3),
        evidence in proptest::collection::vec((0usize..64, 1usize..=MAX_TITLE_CHARS + 1, around(MAX_LOCATION_CHARS), around(MAX_OWNER_CHARS)), 0..4),
    ) -> Assessment {
        let mut a = Assessment::new(text(name, 'n'), text(org, 'é'), Timestamp::from_unix_millis(0));
        let ids: Vec<ServiceId> = a.catalogue.categories.iter().flat_map(|c| c.services.iter().map(|s| id(s.id))).collect();
        for (k, len) in custom_names.into_iter().enumerate() {
            a.custom_services.push(CustomService { name: LocalText::new(text(len, '名'), ""), ..custom(k) });
        }
        for (at, note, provider) in notes {
            a.edit_service(&ids[at], |s| { s.note = text(note, 'x'); s.provider = text(provider, 'p'); });
        }
        for (at, title, location, owner) in evidence {
            let item = EvidenceItem { location: text(location, 'l'), owner: text(owner, 'o'), ..EvidenceItem::titled(text(title, 't')) };
            a.edit_service(&ids[at], |s| s.evidence.push(item));
        }
        for (i, len) in labels.into_iter().enumerate() {
            a.snapshots.push(Snapshot { label: text(len, 'l'), services: a.services.clone(), ..empty_snapshot(i) });
        }
        for (at, action, owner) in plan {
            let _ = a.edit_plan(&ids[at], |p| { p.action = text(action, 'a'); p.owner = text(owner, 'o'); });
        }
        a
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Within the limits, the written document is read back unchanged; beyond them,
    /// the reader refuses it with the very problem check_limits names.
    #[test]
    fn check_limits_agrees_with_the_reader(a in sized_assessment()) {
        let written = exchange::write(&a, Layout::Compact);
        match (a.check_limits(), exchange::read_str(&written)) {
            (Ok(()), Ok(back)) => prop_assert_eq!(back, a),
            (Ok(()), Err(e)) => prop_assert!(false, "check_limits passed, the reader refused: {}", e),
            (Err(LimitError::Exceeds(p)), Err(ImportError::Invalid { problems, .. })) => {
                prop_assert!(problems.contains(&p), "{:?} not among {:?}", p, problems);
                let too_long = matches!(p.kind, ProblemKind::TooLong { .. });
                prop_assert!(too_long, "{:?}", p);
            }
            (limit, read) => prop_assert!(false, "check_limits {:?}, reader {:?}", limit, read.map(|_| ())),
        }
    }
}

// ---------------------------------------------------------------------------------
// Every limited text, exactly at its limit and one character beyond. The inputs of the
// views take these same constants as their `maxlength`, so none accepts more than the
// reader takes.

/// A limited text of a document: where it is, the service the reader names with it,
/// its limit, how to put a text there, and where the read assessment keeps it.
struct LimitedText {
    path: &'static str,
    service: Option<&'static str>,
    max: usize,
    put: fn(&mut serde_json::Value, &str),
    get: fn(&Assessment) -> Option<&str>,
}

fn limited_texts() -> Vec<LimitedText> {
    use serde_json::json;
    let name = Assessment::MAX_NAME_CHARS;
    let note = Assessment::MAX_NOTE_CHARS;
    vec![
        LimitedText {
            path: "name",
            service: None,
            max: name,
            put: |d, s| d["name"] = json!(s),
            get: |a| Some(&a.name),
        },
        LimitedText {
            path: "organisation",
            service: None,
            max: name,
            put: |d, s| d["organisation"] = json!(s),
            get: |a| Some(&a.organisation),
        },
        LimitedText {
            path: "custom_services[0].name.ja",
            service: Some("I-8"),
            max: name,
            put: |d, s| d["custom_services"] = json!([{"id": "I-8", "category": "I", "name": {"ja": s, "en": "x"}}]),
            get: |a| a.custom_services.first().map(|c| c.name.ja.as_str()),
        },
        LimitedText {
            path: "custom_services[0].name.en",
            service: Some("I-8"),
            max: name,
            put: |d, s| d["custom_services"] = json!([{"id": "I-8", "category": "I", "name": {"ja": "x", "en": s}}]),
            get: |a| a.custom_services.first().map(|c| c.name.en.as_str()),
        },
        LimitedText {
            path: "services[0].provider",
            service: Some("A-1"),
            max: name,
            put: |d, s| d["services"] = json!([{"id": "A-1", "provider": s}]),
            get: |a| a.services.get("A-1").map(|s| s.provider.as_str()),
        },
        LimitedText {
            path: "services[0].note",
            service: Some("A-1"),
            max: note,
            put: |d, s| d["services"] = json!([{"id": "A-1", "note": s}]),
            get: |a| a.services.get("A-1").map(|s| s.note.as_str()),
        },
        LimitedText {
            path: "snapshots[0].label",
            service: None,
            max: name,
            put: |d, s| d["snapshots"] = json!([{"label": s, "taken": "2026-01-01T00:00:00Z", "services": []}]),
            get: |a| a.snapshots.first().map(|s| s.label.as_str()),
        },
        LimitedText {
            path: "plan[0].action",
            service: Some("A-1"),
            max: MAX_PLAN_ACTION_CHARS,
            put: |d, s| d["plan"] = json!([{"id": "A-1", "action": s}]),
            get: |a| a.plan.get("A-1").map(|p| p.action.as_str()),
        },
        LimitedText {
            path: "plan[0].owner",
            service: Some("A-1"),
            max: name,
            put: |d, s| d["plan"] = json!([{"id": "A-1", "owner": s}]),
            get: |a| a.plan.get("A-1").map(|p| p.owner.as_str()),
        },
        LimitedText {
            path: "workshop.round",
            service: None,
            max: name,
            put: |d, s| d["workshop"] = json!({"round": s}),
            get: |a| a.workshop.as_ref().map(|w| w.round.as_str()),
        },
        LimitedText {
            path: "workshop.assessor",
            service: None,
            max: name,
            put: |d, s| d["workshop"] = json!({"round": "R", "assessor": s}),
            get: |a| a.workshop.as_ref().map(|w| w.assessor.as_str()),
        },
        LimitedText {
            path: "workshop.assessors[0]",
            service: None,
            max: name,
            put: |d, s| d["workshop"] = json!({"round": "R", "assessors": [s]}),
            get: |a| a.workshop.as_ref().and_then(|w| w.assessors.first()).map(String::as_str),
        },
    ]
}

#[test]
fn every_limited_text_is_read_at_its_limit_and_refused_one_character_beyond() {
    assert_eq!((Assessment::MAX_NAME_CHARS, Assessment::MAX_NOTE_CHARS, MAX_PLAN_ACTION_CHARS), (200, 10_000, 2_000));
    for field in limited_texts() {
        let doc_with = |text: &str| {
            let mut doc = serde_json::json!({
                "format": "x1060-assessment", "version": 1, "catalogue": "x1060-2021", "name": "n", "services": []
            });
            (field.put)(&mut doc, text);
            doc.to_string()
        };
        // Characters are counted, not bytes: '日' is three bytes in UTF-8.
        let at_limit = text(field.max, '日');
        let read = exchange::read_str(&doc_with(&at_limit))
            .unwrap_or_else(|e| panic!("{}: {} characters are refused: {e}", field.path, field.max));
        assert_eq!((field.get)(&read), Some(at_limit.as_str()), "{}", field.path);
        let beyond = text(field.max + 1, 'x');
        match exchange::read_str(&doc_with(&beyond)) {
            Err(ImportError::Invalid { problems, more: 0 }) => assert_eq!(
                problems,
                [Problem {
                    path: field.path.to_owned(),
                    service: field.service.map(str::to_owned),
                    kind: ProblemKind::TooLong { len: field.max + 1, max: field.max },
                }],
                "{}",
                field.path
            ),
            other => panic!("{}: {} characters: {:?}", field.path, field.max + 1, other.map(|_| ())),
        }
    }
}
