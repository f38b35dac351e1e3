//! The two sample assessments: the English one and its Japanese counterpart, which
//! holds the same decisions with every free text written in Japanese.

mod common;

use common::{read_ok, sample_ja_text, sample_text};
use x1060_assess::model::exchange::{write, Layout};
use x1060_assess::model::{Assessment, ServiceStates};

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

/// As the English sample: the app's pretty layout, then a final line break.
#[test]
fn japanese_sample_is_laid_out_as_the_app_writes_it() {
    let text = sample_ja_text();
    assert!(write(&read_ok(&text), Layout::Pretty) + "\n" == text, "rewrite the file with the app's pretty layout");
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
