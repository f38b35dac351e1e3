//! The two sample assessments: the English one and its Japanese counterpart, which
//! holds the same decisions with every free text written in Japanese.

mod common;

use common::{read_ok, sample_ja_text, sample_text};
use x1060_assess::model::evaluation::compare;
use x1060_assess::model::exchange::{write, Layout};
use x1060_assess::model::{
    Assessment, CatalogueDef, Level, LevelChangeKind, Score, ServiceAssessment, ServiceStates, Sourcing,
    SourcingChangeKind,
};

/// Hiragana, katakana, CJK ideographs or full-width forms.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}')
}

fn has_japanese(text: &str) -> bool {
    text.chars().any(is_japanese)
}

fn blank_services(services: &mut ServiceStates) {
    for s in services.values_mut() {
        s.provider.clear();
        s.note.clear();
    }
}

/// The assessment with every free text emptied: what is left are the decisions.
fn without_free_text(mut a: Assessment) -> Assessment {
    a.name.clear();
    a.organisation.clear();
    blank_services(&mut a.services);
    for s in &mut a.snapshots {
        s.label.clear();
        blank_services(&mut s.services);
    }
    for item in a.plan.values_mut() {
        item.action.clear();
        item.owner.clear();
    }
    a
}

/// The provider and note of every service in `states`.
fn service_texts(states: &ServiceStates) -> impl Iterator<Item = &str> {
    states.values().flat_map(|s| [s.provider.as_str(), s.note.as_str()])
}

/// Every free text of `a` that is not empty.
fn free_texts(a: &Assessment) -> Vec<&str> {
    let mut texts = vec![a.name.as_str(), a.organisation.as_str()];
    texts.extend(service_texts(&a.services));
    for s in &a.snapshots {
        texts.push(&s.label);
        texts.extend(service_texts(&s.services));
    }
    texts.extend(a.plan.values().flat_map(|p| [p.action.as_str(), p.owner.as_str()]));
    texts.into_iter().filter(|t| !t.is_empty()).collect()
}

#[test]
fn japanese_sample_is_read() {
    assert_eq!(read_ok(&sample_ja_text()).services.len(), 65);
}

#[test]
fn samples_hold_the_same_decisions() {
    let en = without_free_text(read_ok(&sample_text()));
    let ja = without_free_text(read_ok(&sample_ja_text()));
    assert_eq!(ja, en);
}

#[test]
fn samples_have_free_text_in_the_same_places() {
    let en = read_ok(&sample_text());
    let ja = read_ok(&sample_ja_text());
    assert_eq!(free_texts(&ja).len(), free_texts(&en).len());
}

#[test]
fn japanese_sample_name_is_japanese() {
    assert!(has_japanese(&read_ok(&sample_ja_text()).name));
}

#[test]
fn every_free_text_of_the_japanese_sample_is_japanese() {
    let a = read_ok(&sample_ja_text());
    let english: Vec<&str> = free_texts(&a).into_iter().filter(|t| !has_japanese(t)).collect();
    assert!(english.is_empty(), "free text left in English: {english:?}");
}

/// The app's pretty layout, then a final line break (an export of the sample equals it).
#[test]
fn samples_are_laid_out_as_the_app_writes_them() {
    for text in [sample_text(), sample_ja_text()] {
        assert!(write(&read_ok(&text), Layout::Pretty) + "\n" == text, "rewrite the file with the app's pretty layout");
    }
}

#[test]
fn japanese_sample_is_valid_for_the_published_schema() {
    let schema_text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/x1060-assessment.schema.json"));
    let schema: serde_json::Value = serde_json::from_str(&schema_text.expect("schema file")).expect("schema is JSON");
    let sample: serde_json::Value = serde_json::from_str(&sample_ja_text()).expect("Japanese sample is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sample).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

// ---------------------------------------------------------------------------------
// The samples teach the framework: what they show must be what X.1060 and its
// table 3 say.

/// The working state and every snapshot of both samples, each with a label.
fn every_state() -> Vec<(String, ServiceStates)> {
    let mut out = Vec::new();
    for (file, text) in [("sample", sample_text()), ("Japanese sample", sample_ja_text())] {
        let a = read_ok(&text);
        for snap in &a.snapshots {
            out.push((format!("{file}, snapshot {}", snap.label), snap.services.clone()));
        }
        out.push((format!("{file}, now"), a.services));
    }
    out
}

fn rating(score: Option<Score>) -> Option<u8> {
    score?.rating().map(|r| r.value())
}

/// Targets fit the level and the criteria: "not performed" (1) is no target; a basic
/// service, the minimum every CDC should have, aims at least at 4 (documented so that
/// others can take over, or an outsourced service understood); an outsourced target
/// is understood (4 or 5): below that, the content or the results are not.
#[test]
fn targets_fit_the_level_and_the_criteria() {
    let mut wrong = Vec::new();
    for (state, services) in every_state() {
        for (id, s) in services.iter().filter(|(_, s)| s.in_scope()) {
            let Some(target) = rating(s.target) else { continue };
            let floor = match (s.level, s.sourcing) {
                (Some(Level::Basic), _) | (_, Some(Sourcing::Outsource)) => 4,
                _ => 2,
            };
            if target < floor {
                wrong.push(format!("{state}: {id} ({:?}, {:?}) aims at {target}", s.level, s.sourcing));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// n/a means "decided not to perform it" by that sourcing (in-house, or by
/// outsourcing): such a service names no provider.
#[test]
fn a_service_scored_na_names_no_provider() {
    for (state, services) in every_state() {
        for (id, s) in &services {
            let na = [s.current, s.target].contains(&Some(Score::NotApplicable));
            assert!(!na || s.provider.is_empty(), "{state}: {id} is n/a but provided by {}", s.provider);
        }
    }
}

/// Advanced operation needs the basic operation of the same products, and an
/// incident is contained before it is recovered from, after it is handled.
#[test]
fn services_that_build_on_each_other_are_in_scope_together() {
    let needs = [("G-3", "G-2"), ("G-5", "G-4"), ("G-7", "G-6"), ("G-10", "G-9"), ("D-4", "D-2"), ("D-5", "D-4")];
    let blank = ServiceAssessment::default();
    for (state, services) in every_state() {
        let in_scope = |id: &str| services.get(id).unwrap_or(&blank).in_scope();
        for (service, needed) in needs {
            assert!(!in_scope(service) || in_scope(needed), "{state}: {service} in scope without {needed}");
        }
    }
}

/// A plan item naming a catalogue service is filed under it (the penetration test
/// under E-5, not E-1), and an action that writes a runbook (table 3's 4: documented,
/// others can take over) or has the operation approved by the CISO (5) fits the
/// service's target.
#[test]
fn plan_items_fit_their_service_and_target() {
    let a = read_ok(&sample_text());
    let catalogue = CatalogueDef::latest();
    for (id, item) in &a.plan {
        let action = item.action.to_lowercase();
        for service in catalogue.all_services(&a.custom_services) {
            if action.contains(&service.name_en.to_lowercase()) {
                assert_eq!(id.as_str(), service.id, "“{}” is filed under {id}", item.action);
            }
        }
        let target = rating(a.service(id.as_str()).target).unwrap_or(0);
        for (words, score) in [("runbook", 4), ("approved by the ciso", 5)] {
            assert!(
                !action.contains(words) || target >= score,
                "{id}: “{}” aims at {score}, target {target}",
                item.action
            );
        }
    }
    assert!(a.plan.get("E-5").is_some_and(|p| p.action.contains("penetration test")), "the penetration test is E-5");
}

/// The evaluation view has something to show for each question: a level changed
/// since the snapshot (catalogue evaluation, 11.2) and a service moved between
/// in-house and outsourced (profile evaluation, 11.3).
#[test]
fn the_evaluation_shows_a_level_change_and_a_sourcing_move() {
    for text in [sample_text(), sample_ja_text()] {
        let a = read_ok(&text);
        let base = &a.snapshots.last().expect("a snapshot").services;
        let c = compare(CatalogueDef::latest(), &a.custom_services, base, &a.services);
        let changed: Vec<(&str, Option<Level>, Option<Level>)> =
            c.levels_of(LevelChangeKind::Changed).map(|l| (l.service.as_str(), l.from, l.to)).collect();
        assert_eq!(changed, [("D-4", Some(Level::Standard), Some(Level::Basic))]);
        let moved: Vec<(&str, Option<Sourcing>, Option<Sourcing>)> = c
            .sourcing
            .iter()
            .filter(|m| m.kind == SourcingChangeKind::Moved)
            .map(|m| (m.service.as_str(), m.from, m.to))
            .collect();
        assert_eq!(moved, [("C-1", Some(Sourcing::Insource), Some(Sourcing::Outsource))]);
    }
}
