//! The built-in catalogue against the reference data it was made from.

use serde_json::Value;
use x1060_assess::model::catalogue::EnNameSource;
use x1060_assess::model::{CatalogueDef, Lang, Level, Rating, Score, Sourcing};

fn reference() -> Value {
    let text = include_str!("../src/model/catalogue/x1060-2021.json");
    serde_json::from_str(text).expect("reference JSON")
}

#[test]
fn has_nine_categories_and_64_services() {
    let c = CatalogueDef::latest();
    assert_eq!(c.id, "x1060-2021");
    let ids: Vec<&str> = c.categories.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    let per_category: Vec<usize> = c.categories.iter().map(|c| c.services.len()).collect();
    assert_eq!(per_category, [13, 4, 4, 7, 9, 5, 13, 2, 7]);
    assert_eq!(c.service_count(), 64);
}

#[test]
fn service_ids_are_category_letter_and_sequence() {
    for category in CatalogueDef::latest().categories {
        for (i, s) in category.services.iter().enumerate() {
            assert_eq!(s.id, format!("{}-{}", category.id, i + 1));
        }
    }
}

#[test]
fn matches_reference_data_field_by_field() {
    let r = reference();
    let c = CatalogueDef::latest();
    assert_eq!(r["catalogue"], c.id);
    assert_eq!(r["title"]["ja"], c.title.ja);
    assert_eq!(r["title"]["en"], c.title.en);
    let cats = r["categories"].as_array().expect("categories");
    assert_eq!(cats.len(), c.categories.len());
    for (rc, cc) in cats.iter().zip(c.categories) {
        assert_eq!(rc["id"], cc.id);
        assert_eq!(rc["name"]["ja"], cc.name.ja);
        assert_eq!(rc["name"]["en"], cc.name.en);
        let rs = rc["services"].as_array().expect("services");
        assert_eq!(rs.len(), cc.services.len(), "category {}", cc.id);
        for (r, s) in rs.iter().zip(cc.services) {
            assert_eq!(r["id"], s.id);
            assert_eq!(r["name"]["ja"], s.name.ja, "{}", s.id);
            assert_eq!(r["name"]["en"], s.name.en, "{}", s.id);
            let source = match s.en_source {
                EnNameSource::ItuToc => "itu-toc",
                EnNameSource::Translation => "translation",
            };
            assert_eq!(r["en_name_source"], source, "{}", s.id);
        }
    }
}

#[test]
fn levels_match_reference_in_order() {
    let r = reference();
    let levels = r["levels"].as_array().expect("levels");
    let c = CatalogueDef::latest();
    assert_eq!(levels.len(), 5);
    for (rl, l) in levels.iter().zip(c.levels) {
        assert_eq!(rl["id"], l.level.as_str());
        assert_eq!(rl["ja"], l.name.ja);
        assert_eq!(rl["en"], l.name.en);
        assert_eq!(rl["meaning_ja"], l.meaning.ja);
        assert_eq!(rl["meaning_en"], l.meaning.en);
    }
    assert_eq!(c.level(Level::Basic).map(|l| l.name.get(Lang::Ja)), Some("ベーシック"));
}

#[test]
fn score_criteria_match_reference_for_both_sourcings() {
    let r = reference();
    let c = CatalogueDef::latest();
    for sourcing in Sourcing::ALL {
        let rows = r["score_table"][sourcing.as_str()].as_array().expect("score table");
        assert_eq!(rows.len(), 6);
        for row in rows {
            let score = match &row["score"] {
                Value::String(s) if s == "n/a" => Score::NotApplicable,
                v => Score::Rated(Rating::new(v.as_i64().expect("int")).expect("1..5")),
            };
            let text = c.criterion(sourcing, score).expect("criterion");
            assert_eq!(row["ja"], text.ja);
            assert_eq!(row["en"], text.en);
        }
    }
}

#[test]
fn insource_and_outsource_criteria_differ() {
    let c = CatalogueDef::latest();
    let five = Score::Rated(Rating::new(5).expect("5"));
    assert_ne!(c.criterion(Sourcing::Insource, five), c.criterion(Sourcing::Outsource, five));
    // JT-X1060: the service is not to be performed by outsourcing ("Decided not to
    // outsource it" read as "do it in-house").
    assert_eq!(
        c.criterion(Sourcing::Outsource, Score::NotApplicable).map(|t| t.en),
        Some("Decided not to have it performed by outsourcing")
    );
}

/// The UI adds the "n/a" label itself, so no criterion may carry it too (X.1060 table 3
/// words the n/a rows as the decision only).
#[test]
fn no_criterion_text_carries_the_not_applicable_label() {
    let c = CatalogueDef::latest();
    let labelled: Vec<&str> = Sourcing::ALL
        .into_iter()
        .flat_map(|s| c.criteria(s))
        .flat_map(|row| [row.text.ja, row.text.en])
        .filter(|text| text.contains("適用外") || text.to_lowercase().contains("not applicable"))
        .collect();
    assert!(labelled.is_empty(), "criteria carrying the n/a label: {labelled:?}");
}

#[test]
fn not_applicable_rows_use_the_exact_x1060_wording() {
    let c = CatalogueDef::latest();
    let ja: Vec<Option<&str>> =
        Sourcing::ALL.into_iter().map(|s| c.criterion(s, Score::NotApplicable).map(|t| t.ja)).collect();
    assert_eq!(ja, [Some("インソースとしては実施しないと決めた"), Some("アウトソースとしては実施しないと決めた")]);
}

#[test]
fn lookups_find_services_and_categories() {
    let c = CatalogueDef::latest();
    let (cat, s) = c.service("G-13").expect("G-13");
    assert_eq!(cat.id, "G");
    assert_eq!(s.id, "G-13");
    assert!(c.service("G-14").is_none());
    assert!(c.category("J").is_none());
    assert!(CatalogueDef::by_id("x1060-2021").is_some());
    assert!(CatalogueDef::by_id("x1060-2026").is_none());
}
