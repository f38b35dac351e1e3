//! Helpers shared by the native integration tests: each keeps a test to one line.
#![allow(dead_code)]

use x1060_assess::model::exchange::{self, ImportError};
use x1060_assess::model::{Assessment, Lang, Rating, Score, ServiceId, Timestamp};

/// A minimal valid document with the given `services` array (JSON text).
pub fn doc(services: &str) -> String {
    format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"Test","services":{services}}}"#
    )
}

#[track_caller]
pub fn read_ok(text: &str) -> Assessment {
    match exchange::read(text.as_bytes()) {
        Ok(a) => a,
        Err(e) => panic!("expected the document to be read, got:\n{e}"),
    }
}

#[track_caller]
pub fn read_err(text: &str) -> ImportError {
    match exchange::read(text.as_bytes()) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

/// Asserts the full English message of the error `text` gives.
#[track_caller]
pub fn assert_error(text: &str, expected: &str) {
    assert_eq!(read_err(text).message(Lang::En), expected);
}

pub fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("valid timestamp in test")
}

pub fn id(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("id")
}

pub fn rated(n: i64) -> Score {
    Score::Rated(Rating::new(n).expect("rating"))
}

/// A new assessment with nothing decided.
pub fn empty() -> Assessment {
    Assessment::new("Test", "Org", ts("2026-04-01T09:00:00Z"))
}

pub fn sample_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-assessment.json")).expect("sample file")
}

/// The Japanese sample (`docs/sample-assessment.ja.json`): the English sample's
/// decisions with every free text in Japanese.
pub fn sample_ja_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-assessment.ja.json"))
        .expect("Japanese sample file")
}

/// The nine X.1060 categories with their letters, Japanese or English: chart labels that
/// stay fixed whatever the catalogue says.
pub fn category_labels(japanese: bool) -> Vec<String> {
    let ja = [
        "CDCの戦略マネジメント",
        "即時分析",
        "深堀分析",
        "インシデント対応",
        "診断と評価",
        "脅威情報の収集および分析と評価",
        "CDCプラットフォームの開発・保守",
        "内部不正対応支援",
        "外部組織との積極的連携",
    ];
    let en = [
        "Strategic management of CDC",
        "Real-time analysis",
        "Deep analysis",
        "Incident response",
        "Checking and evaluating",
        "Collection, analysis and evaluation threat intelligence",
        "Development and maintenance of CDC platforms",
        "Support of internal fraud response",
        "Active relationship with external parties",
    ];
    let pick = if japanese { ja } else { en };
    pick.iter().zip('A'..).map(|(name, id)| format!("{id} {name}")).collect()
}
