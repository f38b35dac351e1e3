//! Property tests: the reader never panics on arbitrary or mutated input, and any
//! assessment the model can hold (a quick check included) survives a write and a read
//! unchanged.

mod common;

use common::sample_text;
use proptest::prelude::*;
use x1060_assess::model::exchange::{self, write, Layout};
use x1060_assess::model::{
    Assessment, CatalogueDef, CategoryId, Date, EvidenceItem, Fingerprint, Level, QuickCheck, Rating, Score, ServiceId,
    Sourcing, Timestamp,
};

fn score() -> impl Strategy<Value = Option<Score>> {
    prop_oneof![Just(None), Just(Some(Score::NotApplicable)), (1i64..=5).prop_map(|v| Rating::new(v).map(Score::Rated))]
}

fn level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![Just(None), proptest::sample::select(Level::ALL.to_vec()).prop_map(Some)]
}

fn sourcing() -> impl Strategy<Value = Option<Sourcing>> {
    prop_oneof![Just(None), proptest::sample::select(Sourcing::ALL.to_vec()).prop_map(Some)]
}

/// No quick check, or one with estimates for some categories (any may be blank).
fn quick() -> impl Strategy<Value = Option<QuickCheck>> {
    let ids: Vec<&'static str> = CatalogueDef::latest().categories.iter().map(|c| c.id).collect();
    let estimate = (proptest::sample::select(ids), sourcing(), score(), score());
    let taken = proptest::option::of(0i64..4_000_000_000_000);
    proptest::option::of((taken, proptest::collection::vec(estimate, 0..12))).prop_map(|quick| {
        quick.map(|(taken, estimates)| {
            let mut q = QuickCheck { taken: taken.map(Timestamp::from_unix_millis), ..QuickCheck::default() };
            for (id, sourcing, current, target) in estimates {
                q.edit(&CategoryId::parse(id).expect("catalogue category"), |e| {
                    e.sourcing = sourcing;
                    e.current = current;
                    e.target = target;
                });
            }
            q
        })
    })
}

/// A calendar date, or none.
fn date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(
        (0i64..=9999, 1i64..=12, 1i64..=31).prop_filter_map("a real day", |(y, m, d)| Date::from_ymd(y, m, d)),
    )
}

/// An evidence item as the app can make one: any text (markup and control characters
/// included) with a title that shows something, any dates, a fingerprint or none.
fn evidence_item() -> impl Strategy<Value = EvidenceItem> {
    let digest = proptest::option::of(proptest::collection::vec(any::<u8>(), 0..16));
    (".{0,20}", ".{0,40}", ".{0,12}", date(), date(), digest).prop_map(
        |(title, location, owner, reviewed, review_by, digest)| EvidenceItem {
            title: format!("t{title}"),
            location,
            owner,
            reviewed,
            review_by,
            sha256: digest.map(|bytes| Fingerprint::of(&bytes)),
        },
    )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let ids: Vec<&'static str> =
        CatalogueDef::latest().categories.iter().flat_map(|c| c.services.iter().map(|s| s.id)).collect();
    let entry = (proptest::sample::select(ids.clone()), level(), sourcing(), ".{0,12}", score(), score(), "\\PC{0,20}");
    let evidence = proptest::collection::vec((proptest::sample::select(ids), evidence_item()), 0..8);
    (".{1,30}", ".{0,30}", proptest::collection::vec(entry, 0..40), 0i64..4_000_000_000_000, quick(), evidence)
        .prop_map(|(name, org, entries, ms, quick, evidence)| {
            let name = if name.trim().is_empty() { "x".to_owned() } else { name };
            let mut a = Assessment::new(name, org, Timestamp::from_unix_millis(ms));
            for (id, level, sourcing, provider, current, target, note) in entries {
                let id = ServiceId::parse(id).expect("catalogue id");
                a.edit_service(&id, |s| {
                    s.level = level;
                    s.sourcing = sourcing;
                    s.provider = provider;
                    s.current = current;
                    s.target = target;
                    s.note = note;
                });
            }
            for (id, item) in evidence {
                a.edit_service(&ServiceId::parse(id).expect("catalogue id"), |s| s.evidence.push(item));
            }
            a.quick = quick;
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = exchange::read(&bytes);
    }

    #[test]
    fn mutated_sample_never_panics(cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = sample_text().into_bytes();
        for (at, byte) in cuts {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = exchange::read(&bytes);
    }

    #[test]
    fn truncated_sample_is_an_error(len in 0usize..2000) {
        let text = sample_text();
        let cut = text.char_indices().map(|(i, _)| i).take_while(|i| *i <= len).last().unwrap_or(0);
        prop_assert!(exchange::read(&text.as_bytes()[..cut]).is_err());
    }

    #[test]
    fn any_assessment_round_trips(a in assessment()) {
        for layout in [Layout::Pretty, Layout::Compact] {
            let back = exchange::read(write(&a, layout).as_bytes());
            prop_assert_eq!(back.as_ref(), Ok(&a));
        }
    }
}
