//! Moving storage layout 1 (releases before layout 2) to layout 2: nothing lost,
//! safe to run twice, one assessment at a time when storage is nearly full, and
//! layout 2 out of reach of an older release.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::exchange::{self, Layout};
use x1060_assess::model::{Assessment, AssessmentId};
use x1060_assess::storage::{KeyValueStore, MemoryStore, Repository};

fn id(s: &str) -> AssessmentId {
    AssessmentId::parse(s).expect("id")
}

fn named(name: &str) -> Assessment {
    Assessment::new(name, "Org", ts("2026-01-01T00:00:00Z"))
}

/// What a release before layout 2 left in the browser.
fn layout_1(store: &MemoryStore, assessments: &[(&str, &Assessment)]) {
    for (i, a) in assessments {
        store.set(&format!("x1060.v1.assessment.{i}"), &exchange::write(a, Layout::Compact)).expect("set");
    }
    let ids: Vec<&str> = assessments.iter().map(|(i, _)| *i).collect();
    store.set("x1060.v1.index", &serde_json::to_string(&ids).expect("json")).expect("set");
    store.set("x1060.v1.active", ids[0]).expect("set");
    store.set("x1060.v1.pref.lang", "en").expect("set");
    let trash = serde_json::json!({"deleted": "2026-01-02T00:00:00Z", "document": exchange::write(&named("Binned"), Layout::Compact)});
    store.set("x1060.v1.trash.old", &trash.to_string()).expect("set");
}

fn keys(repo: &Repository<MemoryStore>) -> Vec<String> {
    repo.store().keys().expect("keys")
}

#[test]
fn everything_moves_in_order_with_active_preferences_and_trash() {
    let sample = read_ok(&sample_text());
    let store = MemoryStore::default();
    layout_1(&store, &[("z", &named("First")), ("a", &sample)]);
    let repo = Repository::new(store);
    let m = repo.migrate_v1().expect("migrate");
    assert_eq!((m.moved, m.left.len(), m.unreadable.len(), m.stopped), (2, 0, 0, None));
    let loaded = repo.load().expect("load");
    let names: Vec<&str> = loaded.listings.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["First", sample.name.as_str()], "layout 1's order");
    assert_eq!(loaded.active, Some(id("z")));
    assert_eq!(repo.pref("lang").as_deref(), Some("en"));
    assert_eq!(loaded.trash[0].assessment.name, "Binned");
    assert_eq!(repo.open(&id("a")).expect("open").assessment, sample, "snapshots and all");
    assert!(!keys(&repo).iter().any(|k| k.starts_with("x1060.v1.")), "layout 1 emptied: {:?}", keys(&repo));
}

#[test]
fn running_twice_or_in_two_tabs_changes_nothing_more() {
    let store = MemoryStore::default();
    layout_1(&store, &[("a", &named("A")), ("b", &named("B"))]);
    let repo = Repository::new(store);
    repo.migrate_v1().expect("first tab");
    let after_first: Vec<(String, Option<String>)> =
        keys(&repo).into_iter().map(|k| (k.clone(), repo.store().get(&k).expect("get"))).collect();
    let again = repo.migrate_v1().expect("second tab");
    assert_eq!(again.moved, 0);
    let after_second: Vec<(String, Option<String>)> =
        keys(&repo).into_iter().map(|k| (k.clone(), repo.store().get(&k).expect("get"))).collect();
    assert_eq!(after_first, after_second);
}

#[test]
fn a_second_tab_that_already_moved_one_is_not_written_twice() {
    let store = MemoryStore::default();
    layout_1(&store, &[("a", &named("A")), ("b", &named("B"))]);
    let repo = Repository::new(store);
    // The other tab moved "a" (stored it in layout 2) but had not removed it from layout 1 yet.
    repo.create(&id("a"), &named("A"), None).expect("create");
    let m = repo.migrate_v1().expect("migrate");
    assert_eq!(m.moved, 2);
    let names: Vec<String> = repo.load().expect("load").listings.into_iter().map(|l| l.name).collect();
    assert_eq!(names, ["A", "B"], "listed once each");
}

#[test]
fn storage_full_half_way_leaves_the_rest_readable_where_it_was() {
    let sample = read_ok(&sample_text());
    let store = MemoryStore::default();
    layout_1(&store, &[("a", &named("A")), ("b", &sample), ("c", &named("C"))]);
    let used: usize = store
        .keys()
        .expect("keys")
        .iter()
        .map(|k| (k.len() + store.get(k).expect("get").map_or(0, |v| v.len())) * 2)
        .sum();
    // Room to copy the small one, not the sample: other data fills the rest.
    let junk = "x".repeat(40_000);
    let tight = MemoryStore::with_quota(used + 3_000 + ("junk".len() + junk.len()) * 2);
    for k in store.keys().expect("keys") {
        tight.set(&k, &store.get(&k).expect("get").expect("value")).expect("copy");
    }
    tight.set("junk", &junk).expect("other data");
    let repo = Repository::new(tight);
    let m = repo.migrate_v1().expect("migrate");
    assert_eq!(m.moved, 1);
    assert!(m.stopped.is_some(), "says why it stopped");
    let left: Vec<(&str, &str)> = m.left.iter().map(|(i, a)| (i.as_str(), a.name.as_str())).collect();
    assert_eq!(left, [("b", sample.name.as_str()), ("c", "C")]);
    assert!(repo.store().get("x1060.v1.assessment.b").expect("get").is_some(), "the old data stays");
    assert!(repo.store().get("x1060.v1.assessment.c").expect("get").is_some());
    assert!(repo.store().get("x1060.v1.index").expect("get").is_some());
    assert_eq!(read_ok(&repo.store().get("x1060.v1.assessment.b").expect("get").expect("raw")), sample);
    // Too full to move "b", but deleting it works: straight to the trash, whole.
    repo.delete_v1(&id("b"), &ts("2026-03-01T00:00:00Z")).expect("delete works when storage is full");
    assert!(repo.store().get("x1060.v1.assessment.b").expect("get").is_none());
    let (trash, damaged) = repo.trash().expect("trash");
    assert!(damaged.is_empty());
    assert_eq!(trash.iter().find(|t| t.id == id("b")).map(|t| &t.assessment), Some(&sample), "nothing lost");
    repo.restore_from_trash(&id("b"), &id("b2"), 0).expect_err("no room to restore it yet: said, nothing lost");
    assert!(repo.trash().expect("trash").0.iter().any(|t| t.id == id("b")), "still in the trash");
    // Space freed: the next start moves the rest, and "b" comes back from the trash.
    repo.store().remove("junk").expect("free space");
    let m = repo.migrate_v1().expect("again");
    assert_eq!((m.moved, m.left.len()), (1, 0));
    repo.restore_from_trash(&id("b"), &id("b2"), 0).expect("restore");
    assert_eq!(repo.open(&id("b")).expect("open").assessment, sample);
}

#[test]
fn damaged_layout_1_entries_stay_untouched_and_are_reported() {
    let store = MemoryStore::default();
    layout_1(&store, &[("a", &named("A"))]);
    store.set("x1060.v1.assessment.bad", "{not json").expect("set");
    let repo = Repository::new(store);
    let m = repo.migrate_v1().expect("migrate");
    assert_eq!(m.moved, 1);
    assert_eq!(m.unreadable.len(), 1);
    assert_eq!(m.unreadable[0].key, "x1060.v1.assessment.bad");
    assert_eq!(repo.store().get("x1060.v1.assessment.bad").expect("get").as_deref(), Some("{not json"));
    repo.discard("x1060.v1.assessment.bad").expect("discard");
}

#[test]
fn layout_2_keys_are_out_of_reach_of_an_older_release() {
    // A release before layout 2 reads and writes only keys under "x1060.v1." (its
    // one storage prefix), so none of layout 2's data can be read over or removed.
    let store = MemoryStore::default();
    layout_1(&store, &[("a", &read_ok(&sample_text()))]);
    let repo = Repository::new(store);
    repo.migrate_v1().expect("migrate");
    let stored = repo.open(&id("a")).expect("open");
    repo.commit(&id("a"), stored.revision, &stored.assessment, &[]).expect("commit");
    for key in keys(&repo) {
        assert!(key.starts_with("x1060.v2."), "{key} is in layout 2's namespace");
    }
    // And an older release writing layout 1 again later is picked up on the next start.
    repo.store()
        .set("x1060.v1.assessment.n", &exchange::write(&named("Made by the old release"), Layout::Compact))
        .expect("set");
    let m = repo.migrate_v1().expect("migrate again");
    assert_eq!(m.moved, 1);
    assert_eq!(repo.load().expect("load").listings.len(), 2);
}

#[test]
fn an_older_release_writing_a_moved_assessment_again_is_compared_not_dropped() {
    let store = MemoryStore::default();
    let mut first = named("Shared");
    first.take_snapshot("FY25", ts("2026-01-05T00:00:00Z")).expect("take");
    layout_1(&store, &[("a", &first)]);
    let repo = Repository::new(store);
    assert!(repo.migrate_v1().expect("migrate").newer_kept.is_empty());
    // The older release, still open in another tab, goes on writing layout 1: a newer
    // state, with a snapshot of its own.
    let mut old_release = first.clone();
    old_release.name = "Renamed by the old release".to_owned();
    old_release.organisation = "Changed there".to_owned();
    old_release.updated = Some(ts("2026-02-01T00:00:00Z"));
    old_release.take_snapshot("Taken there", ts("2026-02-01T00:00:00Z")).expect("take");
    let v1_key = "x1060.v1.assessment.a";
    repo.store().set(v1_key, &exchange::write(&old_release, Layout::Compact)).expect("set");
    let m = repo.migrate_v1().expect("next start");
    assert_eq!(m.newer_kept, ["Renamed by the old release"], "the user is told");
    let now = repo.open(&id("a")).expect("open").assessment;
    assert_eq!((now.name.as_str(), now.organisation.as_str()), ("Renamed by the old release", "Changed there"));
    let labels: Vec<&str> = now.snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["FY25", "Taken there"], "snapshots of both, each once");
    assert!(repo.store().get(v1_key).expect("get").is_none(), "moved, after it was read");
    // An older state written there is read too, and the newer one here stays.
    let mut stale = first.clone();
    stale.name = "Stale".to_owned();
    stale.updated = Some(ts("2026-01-01T00:00:00Z"));
    repo.store().set(v1_key, &exchange::write(&stale, Layout::Compact)).expect("set");
    assert!(repo.migrate_v1().expect("again").newer_kept.is_empty());
    assert_eq!(repo.open(&id("a")).expect("open").assessment.name, "Renamed by the old release");
}
