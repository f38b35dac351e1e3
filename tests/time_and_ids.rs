//! Time stamps and ids.

use x1060_assess::model::{AssessmentId, IdError, Lang, Score, ServiceId, Timestamp};

#[test]
fn timestamps_parse_and_order_by_instant() {
    let utc = Timestamp::parse("2025-04-01T09:00:00Z").expect("utc");
    let jst = Timestamp::parse("2025-04-01T17:30:00+09:00").expect("offset");
    let frac = Timestamp::parse("2025-04-01T09:00:00.5z").expect("fraction");
    assert_eq!(utc.unix_millis(), 1_743_498_000_000);
    assert_eq!(jst.unix_millis(), utc.unix_millis() - 30 * 60 * 1000, "17:30 in Japan is 08:30 UTC");
    assert_eq!(frac.unix_millis(), utc.unix_millis() + 500);
    assert!(jst < utc && utc < frac);
    assert_eq!(jst.as_str(), "2025-04-01T17:30:00+09:00", "kept as written");
    assert_eq!(jst.date(), "2025-04-01");
}

#[test]
fn invalid_timestamps_are_refused() {
    for bad in [
        "2025-02-29T00:00:00Z",
        "2025-04-01",
        "2025-04-01T24:00:00Z",
        "2025-04-01T09:00:00",
        "2025-04-01T09:00:00+9:00",
        "２０２５-04-01T09:00:00Z",
        "",
    ] {
        assert!(Timestamp::parse(bad).is_none(), "{bad}");
    }
    assert!(Timestamp::parse("2024-02-29T00:00:00Z").is_some(), "leap day");
}

#[test]
fn from_unix_millis_round_trips() {
    for ms in [0, 1_743_498_000_000, 1_743_498_000_123, -86_400_000, 4_102_444_800_000] {
        let t = Timestamp::from_unix_millis(ms);
        assert_eq!(Timestamp::parse(t.as_str()).map(|p| p.unix_millis()), Some(ms), "{t}");
    }
    assert_eq!(Timestamp::from_unix_millis(1_743_498_000_000).as_str(), "2025-04-01T09:00:00Z");
}

#[test]
fn service_ids_are_checked() {
    assert_eq!(ServiceId::parse("A-1").map(|i| i.to_string()), Ok("A-1".to_owned()));
    assert_eq!(ServiceId::parse(""), Err(IdError::Empty));
    assert_eq!(ServiceId::parse("A 1"), Err(IdError::BadCharacter { found: ' ' }));
    assert_eq!(ServiceId::parse("A-1\"><script>"), Err(IdError::BadCharacter { found: '"' }));
    assert_eq!(ServiceId::parse(&"x".repeat(17)), Err(IdError::TooLong { max: 16 }));
    assert!(AssessmentId::parse(&"x".repeat(64)).is_ok());
}

#[test]
fn score_codes() {
    assert_eq!(Score::from_code("n/a"), Some(Score::NotApplicable));
    assert_eq!(Score::from_code("3").map(Score::as_code).as_deref(), Some("3"));
    assert_eq!(Score::from_code("0"), None);
    assert_eq!(Score::from_code(""), None);
    let codes: Vec<String> = Score::choices().map(Score::as_code).collect();
    assert_eq!(codes, ["5", "4", "3", "2", "1", "n/a"]);
}

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("ja-JP"), Lang::Ja);
    assert_eq!(Lang::from_tag("JA"), Lang::Ja);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag("fr"), Lang::En);
    assert_eq!(Lang::Ja.other().code(), "en");
}

#[test]
fn generated_assessment_ids_are_valid() {
    let id = AssessmentId::generate(1_743_498_000_000, 0xabcdef12);
    assert_eq!(id.as_str(), "a195f0943680cdef12");
    assert!(AssessmentId::parse(id.as_str()).is_ok());
}

#[test]
fn file_names_from_titles() {
    use x1060_assess::model::exchange::file_name;
    assert_eq!(file_name("Example SOC FY2026", "json"), "Example-SOC-FY2026.json");
    assert_eq!(file_name("  ../<script> 日本 CDC!  ", "csv"), "script-日本-CDC.csv");
    assert_eq!(file_name("///", "json"), "assessment.json");
}
