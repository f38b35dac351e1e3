//! The repository over an in-memory store: many assessments, the index, the active
//! id, quota failures that change nothing, and unreadable entries set aside.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::{Assessment, AssessmentId};
use x1060_assess::storage::{KeyValueStore, MemoryStore, Repository, StorageError};

fn id(s: &str) -> AssessmentId {
    AssessmentId::parse(s).expect("id")
}

fn named(name: &str) -> Assessment {
    Assessment::new(name, "Org", ts("2026-01-01T00:00:00Z"))
}

#[test]
fn saves_and_loads_many_in_order_with_active() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("b"), &named("Second")).expect("save");
    repo.save(&id("a"), &named("First")).expect("save");
    repo.save(&id("b"), &named("Second, renamed")).expect("save again");
    repo.set_active(Some(&id("a"))).expect("active");
    let loaded = repo.load().expect("load");
    let names: Vec<&str> = loaded.assessments.iter().map(|s| s.assessment.name.as_str()).collect();
    assert_eq!(names, ["Second, renamed", "First"], "index order is save order");
    assert_eq!(loaded.active, Some(id("a")));
    assert!(loaded.unreadable.is_empty());
}

#[test]
fn each_assessment_has_its_own_versioned_key() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("x1"), &named("One")).expect("save");
    let keys = repo.store().keys().expect("keys");
    assert_eq!(keys, ["x1060.v1.assessment.x1", "x1060.v1.index"]);
    let raw = repo.store().get("x1060.v1.assessment.x1").expect("get").expect("stored");
    assert_eq!(read_ok(&raw).name, "One", "stored entries are exchange-format documents");
}

#[test]
fn quota_failure_leaves_previous_state_intact() {
    let repo = Repository::new(MemoryStore::with_quota(20_000));
    let small = named("Small");
    repo.save(&id("a"), &small).expect("fits");
    let before = repo.store().keys().expect("keys");
    let big = read_ok(&sample_text());
    let err = repo.save(&id("a"), &big).expect_err("too big for the quota");
    assert!(matches!(err, StorageError::QuotaExceeded { .. }));
    assert!(err.to_string().starts_with("The browser's storage for this page is full"));
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.assessments[0].assessment, small, "old value kept");
    assert_eq!(repo.store().keys().expect("keys"), before);
}

#[test]
fn failed_index_write_rolls_back_the_new_entry() {
    // Room for the entry but not for the index that would list it.
    let entry_size = {
        let probe = Repository::new(MemoryStore::default());
        probe.save(&id("new"), &named("N")).expect("save");
        let raw = probe.store().get("x1060.v1.assessment.new").expect("get").expect("raw");
        ("x1060.v1.assessment.new".len() + raw.len()) * 2
    };
    let store = MemoryStore::with_quota(entry_size + 10);
    let repo = Repository::new(store);
    let err = repo.save(&id("new"), &named("N")).expect_err("index does not fit");
    assert!(matches!(err, StorageError::QuotaExceeded { .. }));
    assert!(repo.store().keys().expect("keys").is_empty(), "nothing left behind");
}

#[test]
fn unreadable_entry_is_set_aside_with_raw_text_and_others_load() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("good"), &named("Good")).expect("save");
    repo.save(&id("bad"), &named("Bad")).expect("save");
    repo.store().set("x1060.v1.assessment.bad", "{\"format\": \"x1060-assessment\", trunc").expect("corrupt it");
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    let u = &loaded.unreadable[0];
    assert_eq!(u.key, "x1060.v1.assessment.bad");
    assert_eq!(u.raw, "{\"format\": \"x1060-assessment\", trunc");
    assert_eq!(u.error.to_string(), "Line 1, column 32: not valid JSON (key must be a string).");
    // Loading again changes nothing: the raw text is still there.
    assert_eq!(repo.store().get("x1060.v1.assessment.bad").expect("get").as_deref(), Some(u.raw.as_str()));
    repo.discard(&u.key).expect("discard");
    assert!(repo.load().expect("load").unreadable.is_empty());
}

#[test]
fn corrupt_index_is_rebuilt_from_stored_entries() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("a"), &named("A")).expect("save");
    repo.save(&id("b"), &named("B")).expect("save");
    repo.store().set("x1060.v1.index", "not json").expect("corrupt");
    let names: Vec<String> = repo.load().expect("load").assessments.into_iter().map(|s| s.assessment.name).collect();
    assert_eq!(names, ["A", "B"]);
}

#[test]
fn delete_removes_entry_index_and_active() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("a"), &named("A")).expect("save");
    repo.save(&id("b"), &named("B")).expect("save");
    repo.set_active(Some(&id("a"))).expect("active");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete");
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.active, None);
    assert_eq!(repo.store().get("x1060.v1.index").expect("get").as_deref(), Some("[\"b\"]"));
    assert_eq!(loaded.trash.len(), 1, "deleted assessments go to the trash");
    assert_eq!(loaded.trash[0].assessment.name, "A");
}

#[test]
fn active_id_of_a_missing_assessment_is_ignored() {
    let repo = Repository::new(MemoryStore::default());
    repo.set_active(Some(&id("gone"))).expect("active");
    assert_eq!(repo.load().expect("load").active, None);
}

#[test]
fn preferences_round_trip() {
    let repo = Repository::new(MemoryStore::default());
    assert_eq!(repo.pref("lang"), None);
    repo.set_pref("lang", "en").expect("pref");
    assert_eq!(repo.pref("lang").as_deref(), Some("en"));
}

#[test]
fn restore_puts_a_deleted_assessment_back_in_place() {
    let repo = Repository::new(MemoryStore::default());
    for (i, name) in ["A", "B", "C"].iter().enumerate() {
        repo.save(&id(&format!("x{i}")), &named(name)).expect("save");
    }
    repo.delete(&id("x1"), &ts("2026-02-01T00:00:00Z")).expect("delete");
    repo.restore(&id("x1"), &named("B"), 1).expect("restore");
    let names: Vec<String> = repo.load().expect("load").assessments.into_iter().map(|s| s.assessment.name).collect();
    assert_eq!(names, ["A", "B", "C"]);
}

#[test]
fn trash_restore_and_purge() {
    let repo = Repository::new(MemoryStore::default());
    repo.save(&id("a"), &named("A")).expect("save");
    repo.save(&id("b"), &named("B")).expect("save");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete a");
    repo.delete(&id("b"), &ts("2026-03-01T00:00:00Z")).expect("delete b");
    let trash = repo.trash().expect("trash");
    let names: Vec<&str> = trash.iter().map(|t| t.assessment.name.as_str()).collect();
    assert_eq!(names, ["B", "A"], "most recently deleted first");
    assert_eq!(repo.restore_from_trash(&id("a"), 0).expect("restore").name, "A");
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.trash.len(), 1);
    repo.purge(&id("b")).expect("purge");
    assert!(repo.trash().expect("trash").is_empty());
    assert_eq!(repo.store().keys().expect("keys"), ["x1060.v1.assessment.a", "x1060.v1.index"]);
}

#[test]
fn delete_works_when_storage_is_full() {
    // Fill the quota to the last byte: deleting frees space before it writes the trash entry.
    let probe = Repository::new(MemoryStore::default());
    probe.save(&id("a"), &named("A")).expect("save");
    let used: usize = probe
        .store()
        .keys()
        .expect("keys")
        .iter()
        .map(|k| {
            let v = probe.store().get(k).expect("get").expect("value");
            (k.encode_utf16().count() + v.encode_utf16().count()) * 2
        })
        .sum();
    let repo = Repository::new(MemoryStore::with_quota(used + 200));
    repo.save(&id("a"), &named("A")).expect("save");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete in a full store");
    assert_eq!(repo.trash().expect("trash").len(), 1);
    assert!(repo.load().expect("load").assessments.is_empty());
}

#[test]
fn only_data_keys_concern_other_tabs() {
    use x1060_assess::storage::holds_assessment_data;
    assert!(holds_assessment_data("x1060.v1.assessment.a1"));
    assert!(holds_assessment_data("x1060.v1.index"));
    assert!(holds_assessment_data("x1060.v1.trash.a1"));
    assert!(!holds_assessment_data("x1060.v1.pref.lang"));
    assert!(!holds_assessment_data("other-app"));
}
