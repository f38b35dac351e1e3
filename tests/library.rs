//! The assessments of the browser as a whole: names of duplicates and what a backup
//! restore offers.

mod common;

use common::ts;
use x1060_assess::model::library::{copy_name, restore_items, RestoreItem};
use x1060_assess::model::{Assessment, Level, ServiceId};

const MAX: usize = Assessment::MAX_NAME_CHARS;

fn assessment(name: &str) -> Assessment {
    Assessment::new(name, "Example Corp", ts("2026-04-01T09:00:00Z"))
}

/// `assessment(name)` with one decision, so it differs from it in content only.
fn edited(name: &str) -> Assessment {
    let mut a = assessment(name);
    a.edit_service(&ServiceId::parse("A-1").expect("id"), |s| s.level = Some(Level::Basic));
    a
}

/// Each item's name, whether it is already here, and whether it is selected.
fn summary(items: &[RestoreItem]) -> Vec<(&str, bool, bool)> {
    items.iter().map(|i| (i.assessment.name.as_str(), i.already_here, i.selected)).collect()
}

#[test]
fn copy_name_appends_the_suffix_to_a_short_name() {
    assert_eq!(copy_name("SOC FY2026", " (copy)"), "SOC FY2026 (copy)");
}

#[test]
fn copy_name_of_a_long_name_cuts_the_name_and_keeps_the_suffix() {
    let name = "あ".repeat(MAX);
    assert_eq!(copy_name(&name, "（コピー）"), format!("{}（コピー）", "あ".repeat(MAX - 5)));
}

#[test]
fn copy_name_counts_characters_not_bytes() {
    let name = "評".repeat(MAX - 1);
    assert_eq!(copy_name(&name, "（コピー）").chars().count(), MAX);
}

#[test]
fn copy_name_keeps_a_name_that_just_fits_whole() {
    let name = "x".repeat(MAX - 7);
    assert_eq!(copy_name(&name, " (copy)"), format!("{name} (copy)"));
}

#[test]
fn copy_name_drops_a_blank_left_at_the_cut() {
    let name = format!("{} {}", "a".repeat(MAX - 8), "b".repeat(20));
    assert_eq!(copy_name(&name, " (copy)"), format!("{} (copy)", "a".repeat(MAX - 8)));
}

#[test]
fn copy_name_cuts_a_suffix_longer_than_the_limit() {
    assert_eq!(copy_name("x", &"s".repeat(MAX + 50)), "s".repeat(MAX));
}

#[test]
fn restore_offers_new_assessments_selected() {
    let items = restore_items(&[], vec![assessment("A"), assessment("B")]);
    assert_eq!(summary(&items), [("A", false, true), ("B", false, true)]);
}

#[test]
fn restore_marks_identical_stored_assessments_and_leaves_them_unselected() {
    let stored = assessment("A");
    let items = restore_items(&[&stored], vec![assessment("B"), assessment("A")]);
    assert_eq!(summary(&items), [("B", false, true), ("A", true, false)]);
}

#[test]
fn restore_tells_apart_assessments_that_differ_only_in_content() {
    let stored = assessment("A");
    let items = restore_items(&[&stored], vec![edited("A")]);
    assert_eq!(summary(&items), [("A", false, true)]);
}

#[test]
fn restore_offers_identical_backup_members_once_keeping_the_first() {
    let items = restore_items(&[], vec![assessment("A"), edited("B"), assessment("A"), edited("B"), assessment("C")]);
    assert_eq!(summary(&items), [("A", false, true), ("B", false, true), ("C", false, true)]);
}

#[test]
fn restore_keeps_backup_members_that_share_a_name_but_differ() {
    let items = restore_items(&[], vec![assessment("A"), edited("A")]);
    assert_eq!(items.iter().map(|i| i.assessment.clone()).collect::<Vec<_>>(), [assessment("A"), edited("A")]);
}

#[test]
fn restore_of_a_large_backup_into_a_full_browser_finds_every_stored_one() {
    let stored: Vec<Assessment> = (0..5_000).map(|i| assessment(&format!("SOC {i}"))).collect();
    let existing: Vec<&Assessment> = stored.iter().collect();
    let items = restore_items(&existing, stored.iter().rev().cloned().collect());
    assert_eq!(items.iter().filter(|i| i.already_here && !i.selected).count(), 5_000);
}
