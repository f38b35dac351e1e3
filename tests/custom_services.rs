//! Ids for services an organisation adds to a category.

use x1060_assess::model::catalogue::CustomServiceError;
use x1060_assess::model::{Assessment, CatalogueDef, CategoryId, CustomService, LocalText, ServiceId, Timestamp};

fn category(s: &str) -> CategoryId {
    CategoryId::parse(s).expect("category id")
}

fn custom(id: &str, in_category: &str) -> CustomService {
    let id = ServiceId::parse(id).expect("service id");
    CustomService { id, category: category(in_category), name: LocalText::new("追加", "Extra") }
}

/// The next id of category `cat` given custom services `ids` (all in `cat`).
fn next_id(ids: &[&str], cat: &str) -> Result<String, CustomServiceError> {
    let custom: Vec<CustomService> = ids.iter().map(|id| custom(id, cat)).collect();
    CatalogueDef::latest().next_custom_id(&custom, &category(cat)).map(|id| id.to_string())
}

#[test]
fn first_custom_id_follows_the_built_in_services() {
    assert_eq!(next_id(&[], "I"), Ok("I-8".to_owned()));
}

#[test]
fn first_custom_id_of_the_largest_category_is_a_14() {
    assert_eq!(next_id(&[], "A"), Ok("A-14".to_owned()));
}

#[test]
fn next_custom_id_skips_custom_ids_taken() {
    assert_eq!(next_id(&["I-8", "I-9"], "I"), Ok("I-10".to_owned()));
}

#[test]
fn next_custom_id_fills_the_smallest_gap() {
    assert_eq!(next_id(&["I-9", "I-11"], "I"), Ok("I-8".to_owned()));
}

#[test]
fn next_custom_id_is_not_taken_by_numbers_written_with_a_leading_zero() {
    assert_eq!(next_id(&["I-08"], "I"), Ok("I-8".to_owned()));
}

#[test]
fn next_custom_id_avoids_an_id_used_in_another_category() {
    let custom = [custom("I-8", "A")];
    let next = CatalogueDef::latest().next_custom_id(&custom, &category("I"));
    assert_eq!(next.map(|id| id.to_string()), Ok("I-9".to_owned()));
}

#[test]
fn next_custom_id_of_an_unknown_category_is_refused() {
    assert_eq!(next_id(&[], "J"), Err(CustomServiceError::UnknownCategory(category("J"))));
}

#[test]
fn next_custom_id_is_accepted_when_added() {
    let mut a = Assessment::new("S", "", Timestamp::from_unix_millis(0));
    a.add_custom_service(custom("I-8", "I")).expect("first custom service");
    let next = a.catalogue.next_custom_id(&a.custom_services, &category("I")).expect("next id");
    let service = CustomService { id: next, category: category("I"), name: LocalText::new("次", "Next") };
    assert_eq!(a.add_custom_service(service), Ok(()));
}

/// Custom services `I-8` up to `I-10007`, without `I-{gap}`.
fn ten_thousand_in_i(gap: Option<u32>) -> Vec<CustomService> {
    (8..10_008).filter(|n| Some(*n) != gap).map(|n| custom(&format!("I-{n}"), "I")).collect()
}

#[test]
fn next_custom_id_after_ten_thousand_custom_services() {
    let custom = ten_thousand_in_i(None);
    let next = CatalogueDef::latest().next_custom_id(&custom, &category("I"));
    assert_eq!(next.map(|id| id.to_string()), Ok("I-10008".to_owned()));
}

#[test]
fn next_custom_id_finds_the_one_gap_in_ten_thousand_custom_services() {
    let custom = ten_thousand_in_i(Some(5_000));
    let next = CatalogueDef::latest().next_custom_id(&custom, &category("I"));
    assert_eq!(next.map(|id| id.to_string()), Ok("I-5000".to_owned()));
}
