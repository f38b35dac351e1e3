//! Storage layout 2 over an in-memory store: listings, working states with
//! revisions, snapshots under keys of their own, merges of concurrent edits, the
//! trash, damaged entries, quota failures that change nothing.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::{Assessment, AssessmentId, Level, ServiceId, Snapshot, SnapshotId};
use x1060_assess::storage::{
    holds_assessment_data, Change, Committed, EntryError, KeyValueStore, MemoryStore, Repository, StorageError, Stored,
};

fn id(s: &str) -> AssessmentId {
    AssessmentId::parse(s).expect("id")
}

fn sid(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("service id")
}

fn named(name: &str) -> Assessment {
    Assessment::new(name, "Org", ts("2026-01-01T00:00:00Z"))
}

fn snapshot_of(a: &Assessment, id: SnapshotId, label: &str) -> Snapshot {
    Snapshot {
        id,
        label: label.to_owned(),
        taken: ts("2026-02-01T00:00:00Z"),
        services: a.services.clone(),
        plan: None,
    }
}

fn keys_of(repo: &Repository<MemoryStore>) -> Vec<String> {
    repo.store().keys().expect("keys")
}

fn set_level(service: &'static str, level: Level) -> Change {
    Change::edit(move |a: &mut Assessment| a.edit_service(&sid(service), |s| s.level = Some(level)))
}

#[test]
fn creates_lists_and_opens_in_order_with_active() {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("b"), &named("Second"), None).expect("create");
    repo.create(&id("a"), &named("First"), None).expect("create");
    repo.create(&id("c"), &named("Zeroth"), Some(0)).expect("create at the top");
    repo.set_active(Some(&id("a"))).expect("active");
    let loaded = repo.load().expect("load");
    let names: Vec<&str> = loaded.listings.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Zeroth", "Second", "First"]);
    assert_eq!(loaded.active, Some(id("a")));
    assert!(loaded.unreadable.is_empty());
    assert_eq!(repo.open(&id("a")).expect("open").assessment, named("First"));
}

#[test]
fn an_assessment_is_a_working_entry_and_one_key_per_snapshot() {
    let repo = Repository::new(MemoryStore::default());
    let sample = read_ok(&sample_text());
    assert!(!sample.snapshots.is_empty());
    let stored = repo.create(&id("s"), &sample, None).expect("create");
    let mut expected = vec!["x1060.v2.index".to_owned(), "x1060.v2.work.s".to_owned()];
    expected.extend((1..=sample.snapshots.len()).map(|n| format!("x1060.v2.snap.s.{n}")));
    expected.sort();
    assert_eq!(keys_of(&repo), expected);
    assert_eq!(stored.revision, 1);
    let opened = repo.open(&id("s")).expect("open");
    assert_eq!(opened.assessment, sample, "a stored assessment reads back whole");
    let listing = &repo.load().expect("load").listings[0];
    assert_eq!((listing.services, listing.snapshots), (sample.services.len(), sample.snapshots.len()));
}

#[test]
fn an_edit_rewrites_the_working_entry_and_the_index_only() {
    let repo = Repository::new(MemoryStore::default());
    let mut a = read_ok(&sample_text());
    let stored = repo.create(&id("s"), &a, None).expect("create");
    let snap_before = repo.store().get("x1060.v2.snap.s.1").expect("get");
    let edit = set_level("A-1", Level::Advanced);
    edit.apply(&mut a);
    let done = repo.commit(&id("s"), stored.revision, &a, std::slice::from_ref(&edit)).expect("commit");
    assert_eq!(done, Committed::Saved { revision: 2 });
    assert_eq!(repo.store().get("x1060.v2.snap.s.1").expect("get"), snap_before, "snapshots untouched");
    assert_eq!(repo.open(&id("s")).expect("open").assessment, a);
}

#[test]
fn two_tabs_editing_different_services_keep_both_edits() {
    let repo = Repository::new(MemoryStore::default());
    let base = repo.create(&id("x"), &named("Shared"), None).expect("create");
    // Both tabs read revision 1; tab A writes first.
    let (mut in_a, mut in_b) = (base.assessment.clone(), base.assessment.clone());
    let edit_a = set_level("A-1", Level::Basic);
    let edit_b = set_level("B-1", Level::Standard);
    edit_a.apply(&mut in_a);
    edit_b.apply(&mut in_b);
    assert_eq!(
        repo.commit(&id("x"), 1, &in_a, std::slice::from_ref(&edit_a)).expect("a"),
        Committed::Saved { revision: 2 }
    );
    let merged = match repo.commit(&id("x"), 1, &in_b, std::slice::from_ref(&edit_b)).expect("b") {
        Committed::Merged(s) => *s,
        other => panic!("expected a merge, got {other:?}"),
    };
    assert_eq!(merged.revision, 3);
    for a in [&merged.assessment, &repo.open(&id("x")).expect("open").assessment] {
        assert_eq!(a.service("A-1").level, Some(Level::Basic), "tab A's edit survives");
        assert_eq!(a.service("B-1").level, Some(Level::Standard), "tab B's edit survives");
    }
}

#[test]
fn twenty_interleavings_of_two_tabs_lose_nothing() {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("x"), &named("Shared"), None).expect("create");
    let services = ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8", "A-9", "A-10"];
    let (mut a, mut b) = (repo.open(&id("x")).expect("open"), repo.open(&id("x")).expect("open"));
    for round in 0..20 {
        let level = if round % 2 == 0 { Level::Basic } else { Level::Advanced };
        let ea = set_level(services[round % 10], level);
        let eb = set_level(["B-1", "B-2", "B-3", "B-4"][round % 4], level);
        ea.apply(&mut a.assessment);
        eb.apply(&mut b.assessment);
        // Alternate who writes first; the other always has a stale revision.
        let commit = |tab: &mut Stored, edit: &Change| match repo
            .commit(&id("x"), tab.revision, &tab.assessment, std::slice::from_ref(edit))
            .expect("commit")
        {
            Committed::Saved { revision } => tab.revision = revision,
            Committed::Merged(s) => *tab = *s,
            Committed::Gone { .. } => panic!("not deleted"),
        };
        if round % 3 == 0 {
            commit(&mut b, &eb);
            commit(&mut a, &ea);
        } else {
            commit(&mut a, &ea);
            commit(&mut b, &eb);
        }
        let stored = repo.open(&id("x")).expect("open").assessment;
        assert_eq!(stored.service(services[round % 10]).level, Some(level), "round {round}: tab A's edit");
        assert_eq!(stored.service(["B-1", "B-2", "B-3", "B-4"][round % 4]).level, Some(level), "round {round}: B");
    }
}

#[test]
fn quota_failure_leaves_previous_state_intact() {
    let small = named("Small");
    let probe = Repository::new(MemoryStore::default());
    probe.create(&id("a"), &small, None).expect("create");
    let used: usize =
        keys_of(&probe).iter().map(|k| (k.len() + probe.store().get(k).expect("get").map_or(0, |v| v.len())) * 2).sum();
    let repo = Repository::new(MemoryStore::with_quota(used + 2_000));
    let stored = repo.create(&id("a"), &small, None).expect("fits");
    let before = repo.store().keys().expect("keys");
    let big = read_ok(&sample_text());
    let err = repo.commit(&id("a"), stored.revision, &big, &[]).expect_err("too big for the quota");
    assert!(matches!(err, StorageError::QuotaExceeded { .. }));
    assert!(err.to_string().starts_with("The browser's storage for this page is full"));
    assert_eq!(repo.open(&id("a")).expect("open").assessment, small, "old value kept");
    assert_eq!(repo.store().keys().expect("keys"), before);
}

#[test]
fn a_failed_create_leaves_nothing_behind() {
    let repo = Repository::new(MemoryStore::with_quota(4_000));
    let err = repo.create(&id("new"), &read_ok(&sample_text()), None).expect_err("does not fit");
    assert!(matches!(err, StorageError::QuotaExceeded { .. }));
    assert!(keys_of(&repo).is_empty(), "nothing left behind: {:?}", keys_of(&repo));
}

/// "Good", and "Bad" whose working entry was then cut off (returned as it was stored).
fn good_and_damaged() -> (Repository<MemoryStore>, Stored) {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("good"), &named("Good"), None).expect("create");
    let bad = repo.create(&id("bad"), &named("Bad"), None).expect("create");
    repo.store().set("x1060.v2.work.bad", "{\"rev\": 1, trunc").expect("corrupt it");
    (repo, bad)
}

#[test]
fn start_up_lists_first_and_finds_damaged_entries_after() {
    let (repo, _) = good_and_damaged();
    // Listed from the index, without reading the working entries…
    let listed = repo.load_listed().expect("load listed");
    assert_eq!(listed.listings.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Good", "Bad"]);
    assert!(listed.unreadable.is_empty());
    // …then the check finds the damaged one, as the full load does, and changes nothing.
    let before = keys_of(&repo);
    let damaged = repo.damaged_entries().expect("check");
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].key, "x1060.v2.work.bad");
    assert_eq!(damaged[0].work_id(), Some(id("bad")));
    assert_eq!(damaged, repo.load().expect("load").unreadable);
    assert_eq!(keys_of(&repo), before);
    // A working entry the index does not name is still read (and checked) at once.
    repo.store().set("x1060.v2.index", "[]").expect("an index naming none");
    let listed = repo.load_listed().expect("load listed");
    assert_eq!(listed.listings.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Good"]);
    assert_eq!(listed.unreadable.len(), 1);
}

#[test]
fn damaged_working_entry_is_set_aside_and_never_overwritten() {
    let (repo, bad) = good_and_damaged();
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.listings.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Good"]);
    assert_eq!(loaded.unreadable.len(), 1, "set aside at start-up");
    let u = match repo.open(&id("bad")) {
        Err(x1060_assess::storage::OpenError::Unreadable(u)) => u,
        other => panic!("expected unreadable, got {other:?}"),
    };
    assert_eq!(u, loaded.unreadable[0]);
    assert_eq!(u.key, "x1060.v2.work.bad");
    assert_eq!(
        u.error.message(x1060_assess::model::Lang::En),
        "Line 1, column 12: not valid JSON (key must be a string)."
    );
    // Envelopes that parse as JSON but not as a working entry are set aside at
    // start-up too (start-up checks them without reading the documents).
    for damaged in
        ["{\"rev\": 1}", "{\"rev\": 1, \"document\": 7}", "{\"rev\": 1, \"next\": \"x\", \"document\": \"{}\"}"]
    {
        repo.store().set("x1060.v2.work.bad", damaged).expect("a damaged envelope");
        let loaded = repo.load().expect("load");
        assert_eq!(loaded.listings.len(), 1, "{damaged}");
        assert_eq!(loaded.unreadable.len(), 1, "{damaged}");
    }
    repo.store().set("x1060.v2.work.bad", "{\"rev\": 1}").expect("a damaged envelope");
    assert!(matches!(
        repo.open(&id("bad")),
        Err(x1060_assess::storage::OpenError::Unreadable(x1060_assess::storage::Unreadable {
            error: EntryError::Envelope(_),
            ..
        }))
    ));
    repo.store().set("x1060.v2.work.bad", "{\"rev\": 1, trunc").expect("corrupt it again");
    let err = repo.commit(&id("bad"), bad.revision, &named("Over it"), &[]).expect_err("not over a damaged entry");
    assert!(matches!(err, StorageError::Damaged(_)));
    assert_eq!(repo.store().get("x1060.v2.work.bad").expect("get").as_deref(), Some("{\"rev\": 1, trunc"));
    repo.discard(&u.key).expect("discard");
    assert_eq!(repo.load().expect("load").listings.len(), 1);
}

#[test]
fn unlisted_and_damaged_documents_are_found_when_the_index_is_lost() {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("a"), &named("A"), None).expect("create");
    repo.create(&id("b"), &named("B"), None).expect("create");
    repo.store().set("x1060.v2.index", "not json").expect("corrupt");
    let names: Vec<String> = repo.load().expect("load").listings.into_iter().map(|l| l.name).collect();
    assert_eq!(names, ["A", "B"]);
    let entry = repo.store().get("x1060.v2.work.b").expect("get").expect("stored");
    repo.store().set("x1060.v2.work.b", &entry.replace("x1060-assessment", "something-else")).expect("damage");
    repo.store().remove("x1060.v2.index").expect("lose the index");
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.listings.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(matches!(loaded.unreadable[0].error, EntryError::Document(_)));
}

#[test]
fn snapshots_are_added_relabelled_and_deleted_by_their_id() {
    let repo = Repository::new(MemoryStore::default());
    let stored = repo.create(&id("s"), &named("S"), None).expect("create");
    let mut a = stored.assessment.clone();
    let first = snapshot_of(&a, SnapshotId(7), "First");
    let add = Change::AddSnapshot { snapshot: first, position: None };
    add.apply(&mut a);
    assert_eq!(repo.commit(&id("s"), 1, &a, &[add]).expect("add"), Committed::Saved { revision: 2 });
    assert_eq!(keys_of(&repo).iter().filter(|k| k.starts_with("x1060.v2.snap.s.")).count(), 1);
    assert!(keys_of(&repo).contains(&"x1060.v2.snap.s.7".to_owned()), "keyed by the snapshot's id");
    let relabel = Change::RelabelSnapshot { id: SnapshotId(7), label: "Renamed".to_owned() };
    relabel.apply(&mut a);
    assert_eq!(repo.commit(&id("s"), 2, &a, &[relabel]).expect("relabel"), Committed::Saved { revision: 3 });
    let opened = repo.open(&id("s")).expect("open").assessment;
    assert_eq!((opened.snapshots[0].id, opened.snapshots[0].label.as_str()), (SnapshotId(7), "Renamed"));
    assert_eq!(repo.load().expect("load").listings[0].snapshots, 1);
    let delete = Change::DeleteSnapshot { id: SnapshotId(7) };
    delete.apply(&mut a);
    assert_eq!(repo.commit(&id("s"), 3, &a, &[delete]).expect("delete"), Committed::Saved { revision: 4 });
    assert!(repo.open(&id("s")).expect("open").assessment.snapshots.is_empty());
    assert!(!keys_of(&repo).iter().any(|k| k.starts_with("x1060.v2.snap.")));
}

#[test]
fn a_snapshot_step_on_a_stale_revision_is_applied_to_the_stored_state() {
    let repo = Repository::new(MemoryStore::default());
    let stored = repo.create(&id("s"), &named("S"), None).expect("create");
    let edit = set_level("C-1", Level::Optional);
    let mut other = stored.assessment.clone();
    edit.apply(&mut other);
    repo.commit(&id("s"), 1, &other, &[edit]).expect("another tab edits");
    let mut mine = stored.assessment.clone();
    let add = Change::AddSnapshot { snapshot: snapshot_of(&mine, SnapshotId(9), "Mine"), position: None };
    add.apply(&mut mine);
    let Committed::Merged(now) = repo.commit(&id("s"), 1, &mine, &[add]).expect("add") else {
        panic!("expected the stored state")
    };
    assert_eq!(now.assessment.service("C-1").level, Some(Level::Optional));
    assert_eq!(now.assessment.snapshots.len(), 1);
    assert_eq!(repo.open(&id("s")).expect("open").assessment, now.assessment);
}

#[test]
fn delete_moves_to_the_trash_and_clears_active() {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("a"), &read_ok(&sample_text()), None).expect("create");
    repo.create(&id("b"), &named("B"), None).expect("create");
    repo.set_active(Some(&id("a"))).expect("active");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete");
    let loaded = repo.load().expect("load");
    assert_eq!(loaded.listings.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(loaded.active, None);
    assert_eq!(loaded.trash.len(), 1);
    assert_eq!(loaded.trash[0].assessment, read_ok(&sample_text()), "the whole assessment, snapshots too");
    assert!(!keys_of(&repo).iter().any(|k| k.contains(".a") && !k.starts_with("x1060.v2.trash.")));
}

#[test]
fn an_edit_racing_a_delete_goes_into_the_trash_copy() {
    let repo = Repository::new(MemoryStore::default());
    let stored = repo.create(&id("a"), &named("A"), None).expect("create");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("another tab deletes");
    let edit = set_level("D-1", Level::Advanced);
    let mut mine = stored.assessment.clone();
    edit.apply(&mut mine);
    assert_eq!(
        repo.commit(&id("a"), 1, &mine, std::slice::from_ref(&edit)).expect("commit"),
        Committed::Gone { in_trash: true }
    );
    let loaded = repo.load().expect("load");
    assert!(loaded.listings.is_empty(), "not live again");
    assert_eq!(loaded.trash[0].assessment.service("D-1").level, Some(Level::Advanced), "the edit is kept");
}

#[test]
fn restoring_never_overwrites_a_live_assessment() {
    let repo = Repository::new(MemoryStore::default());
    repo.create(&id("a"), &named("Old"), None).expect("create");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete");
    repo.create(&id("a"), &named("Live under the same id"), None).expect("create again");
    let restored = repo.restore_from_trash(&id("a"), &id("fresh"), 0).expect("restore");
    assert_eq!(restored.id, id("fresh"));
    let loaded = repo.load().expect("load");
    let listed: Vec<(&str, &str)> = loaded.listings.iter().map(|l| (l.id.as_str(), l.name.as_str())).collect();
    assert_eq!(listed, [("fresh", "Old"), ("a", "Live under the same id")]);
    assert!(loaded.trash.is_empty());
    assert_eq!(repo.restore_from_trash(&id("a"), &id("z"), 0).expect_err("gone"), StorageError::NotInTrash);
}

#[test]
fn delete_works_when_storage_is_full() {
    let sample = read_ok(&sample_text());
    let probe = Repository::new(MemoryStore::default());
    probe.create(&id("a"), &sample, None).expect("create");
    let used: usize =
        keys_of(&probe).iter().map(|k| (k.len() + probe.store().get(k).expect("get").map_or(0, |v| v.len())) * 2).sum();
    let repo = Repository::new(MemoryStore::with_quota(used + 600));
    repo.create(&id("a"), &sample, None).expect("fits");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete frees space first");
    assert_eq!(repo.load().expect("load").trash.len(), 1);
}

#[test]
fn damaged_trash_entries_are_listed_and_can_be_discarded() {
    let repo = Repository::new(MemoryStore::default());
    repo.store().set("x1060.v2.trash.t", "{broken").expect("set");
    let loaded = repo.load().expect("load");
    assert!(loaded.trash.is_empty());
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, "x1060.v2.trash.t");
    repo.discard("x1060.v2.trash.t").expect("discard");
    assert!(keys_of(&repo).is_empty());
}

#[test]
fn preferences_round_trip() {
    let repo = Repository::new(MemoryStore::default());
    assert_eq!(repo.pref("lang"), None);
    repo.set_pref("lang", "en").expect("set");
    assert_eq!(repo.pref("lang").as_deref(), Some("en"));
}

#[test]
fn only_data_keys_concern_other_tabs() {
    assert!(holds_assessment_data("x1060.v2.work.a"));
    assert!(holds_assessment_data("x1060.v2.index"));
    assert!(holds_assessment_data("x1060.v2.trash.a"));
    assert!(holds_assessment_data("x1060.v1.assessment.a"), "an older release in another tab");
    assert!(!holds_assessment_data("x1060.v2.pref.lang"));
    assert!(!holds_assessment_data("other.app"));
}

#[test]
fn a_working_state_written_again_after_its_delete_is_folded_into_the_trash() {
    let repo = Repository::new(MemoryStore::default());
    let stored = repo.create(&id("a"), &read_ok(&sample_text()), None).expect("create");
    let work = repo.store().get("x1060.v2.work.a").expect("get").expect("work");
    repo.delete(&id("a"), &ts("2026-02-01T00:00:00Z")).expect("delete");
    // A tab that had not seen the delete yet writes its (edited) working state back.
    let mut late = stored.assessment.clone();
    late.edit_service(&sid("A-1"), |s| s.level = Some(Level::Optional));
    let entry = work.replacen("\"rev\":1", "\"rev\":2", 1);
    repo.store().set("x1060.v2.work.a", &entry).expect("resurrect");
    repo.commit(&id("a"), 2, &late, &[]).expect("its commit");
    assert_eq!(repo.fold_resurrected().expect("fold"), 1);
    let loaded = repo.load().expect("load");
    assert!(loaded.listings.is_empty(), "the delete stands");
    assert_eq!(loaded.trash.len(), 1, "in one place");
    assert_eq!(loaded.trash[0].assessment.service("A-1").level, Some(Level::Optional), "the late edit is kept");
    assert_eq!(loaded.trash[0].assessment.snapshots, stored.assessment.snapshots, "snapshots too");
    assert_eq!(repo.fold_resurrected().expect("again"), 0);
}

#[test]
fn a_write_over_this_tabs_revision_by_a_tab_that_had_not_seen_it_is_detected() {
    use x1060_assess::storage::lost_write;
    let entry = |rev: u64, writer: &str| format!("{{\"rev\":{rev},\"writer\":\"{writer}\",\"document\":\"{{}}\"}}");
    // Tab "b" wrote revision 5 over "a"'s revision 5: it had read revision 4.
    assert_eq!(lost_write("a", &entry(5, "a"), &entry(5, "b")), Some(5));
    assert_eq!(lost_write("a", &entry(5, "a"), &entry(4, "b")), Some(4));
    // Built on "a"'s revision: nothing lost.
    assert_eq!(lost_write("a", &entry(5, "a"), &entry(6, "b")), None);
    // Not "a"'s write that was replaced, or "a"'s own write.
    assert_eq!(lost_write("a", &entry(5, "c"), &entry(5, "b")), None);
    assert_eq!(lost_write("a", &entry(5, "a"), &entry(5, "a")), None);
    assert_eq!(lost_write("a", "not json", &entry(5, "b")), None);
}

#[test]
fn a_higher_revision_not_built_on_this_tabs_write_is_detected_by_its_base() {
    use x1060_assess::storage::lost_write;
    let entry = |rev: u64, base: u64, writer: &str| {
        format!("{{\"rev\":{rev},\"base\":{base},\"writer\":\"{writer}\",\"document\":\"{{}}\"}}")
    };
    // "b" wrote 7 over "a"'s 6: it was built on its own 6, having seen neither "a"'s 6
    // nor perhaps "a"'s 5. The counters alone (7 > 6) would not tell; the base does:
    // every edit of "a" from counter 6 is applied again.
    let (a6, b6) = ((1 << 32) | 6, (2 << 32) | 6);
    assert_eq!(lost_write("a", &entry(a6, 5, "a"), &entry(7, b6, "b")), Some(6));
    // Built on "a"'s 6: nothing lost.
    assert_eq!(lost_write("a", &entry(a6, 5, "a"), &entry(7, a6, "b")), None);
    // Built on an older revision: the edits from there.
    assert_eq!(lost_write("a", &entry(a6, 5, "a"), &entry(7, 4, "b")), Some(4));
}

/// Firefox's storage event carries, as the old value, what the writing tab replaced
/// in its own view: a stale tab's event names its stale revision, not this tab's. The
/// revision this tab knows is the test then.
#[test]
fn a_write_not_built_on_the_revision_this_tab_knows_is_detected_whatever_the_old_value() {
    use x1060_assess::storage::unseen_write;
    let entry = |rev: u64, base: u64, writer: &str| {
        format!("{{\"rev\":{rev},\"base\":{base},\"writer\":\"{writer}\",\"document\":\"{{}}\"}}")
    };
    let (a6, b6) = ((1 << 32) | 6, (2 << 32) | 6);
    // "a" wrote 6 (and knows it); "b", having read 5, wrote its own 6 on 5.
    assert_eq!(unseen_write("a", a6, &entry(b6, 5, "b")), Some(5));
    // Built on what "a" knows, or the very revision "a" knows (read already): fine.
    assert_eq!(unseen_write("a", a6, &entry(7, a6, "b")), None);
    assert_eq!(unseen_write("a", b6, &entry(b6, 5, "b")), None);
    // "a"'s own write, a merge under way, an entry from a release without `base`.
    assert_eq!(unseen_write("a", a6, &entry(7, 5, "a")), None);
    assert_eq!(unseen_write("a", u64::MAX, &entry(b6, 5, "b")), None);
    assert_eq!(unseen_write("a", a6, &entry(b6, 0, "b")), None);
    assert_eq!(unseen_write("a", a6, "not json"), None);
}

#[test]
fn every_write_records_the_revision_it_was_built_on() {
    let store = MemoryStore::default();
    let repo = Repository::with_writer(&store, "tab-a");
    let a = Assessment::new("Base", "", ts("2026-01-01T00:00:00Z"));
    let stored = repo.create(&id("a"), &a, None).expect("create");
    let base_of = || {
        let raw = store.get("x1060.v2.work.a").expect("read").expect("entry");
        serde_json::from_str::<serde_json::Value>(&raw).expect("json")["base"].as_u64().unwrap_or(0)
    };
    assert_eq!(base_of(), 0, "a new entry is built on nothing");
    let mut edited = stored.assessment.clone();
    edited.name = "Edited".into();
    let Committed::Saved { revision } = repo.commit(&id("a"), stored.revision, &edited, &[]).expect("commit") else {
        panic!("saved")
    };
    assert_eq!(base_of(), stored.revision);
    let add = Change::AddSnapshot { snapshot: snapshot_of(&edited, SnapshotId(1), "S"), position: None };
    add.apply(&mut edited);
    repo.commit(&id("a"), revision, &edited, &[add]).expect("snapshot");
    assert_eq!(base_of(), revision, "a snapshot step too");
}

#[test]
fn two_tabs_writing_the_revision_after_the_same_one_are_told_apart() {
    // Tab "b" read a stale revision 1 and wrote its "revision 2" over tab "a"'s: "a"
    // must not take "b"'s revision for its own and write over "b"'s edits.
    let store = MemoryStore::default();
    let a = Repository::with_writer(&store, "tab-a");
    let b = Repository::with_writer(&store, "tab-b");
    let first = a.create(&id("x"), &named("Shared"), None).expect("create");
    let mut in_a = first.assessment.clone();
    let edit_a = set_level("A-1", Level::Basic);
    edit_a.apply(&mut in_a);
    let Committed::Saved { revision: a_rev } =
        a.commit(&id("x"), first.revision, &in_a, std::slice::from_ref(&edit_a)).expect("a")
    else {
        panic!("a saves")
    };
    // "b" writes its revision as if built on the first one (what a stale read looks like).
    let stale = store.get("x1060.v2.work.x").expect("get").expect("entry");
    let mut in_b = first.assessment.clone();
    let edit_b = set_level("B-1", Level::Standard);
    edit_b.apply(&mut in_b);
    let b_entry = stale.replacen(&format!("\"rev\":{a_rev}"), &format!("\"rev\":{}", first.revision), 1);
    store.set("x1060.v2.work.x", &b_entry).expect("stale base");
    let Committed::Saved { revision: b_rev } =
        b.commit(&id("x"), first.revision, &in_b, std::slice::from_ref(&edit_b)).expect("b")
    else {
        panic!("b saves over its stale base")
    };
    assert_ne!(a_rev, b_rev, "the same counter, different writers");
    // "a" edits again: its base is its own revision, which is not what is stored.
    let edit_a2 = set_level("C-1", Level::Advanced);
    edit_a2.apply(&mut in_a);
    let done = a.commit(&id("x"), a_rev, &in_a, std::slice::from_ref(&edit_a2)).expect("a again");
    assert!(matches!(done, Committed::Merged(_)), "merged, not written over: {done:?}");
    let stored = a.open(&id("x")).expect("open").assessment;
    assert_eq!(stored.service("B-1").level, Some(Level::Standard), "b's edit survives");
    assert_eq!(stored.service("C-1").level, Some(Level::Advanced));
}

/// An assessment with three snapshots, the second of which is then damaged.
fn with_a_damaged_snapshot() -> Repository<MemoryStore> {
    let repo = Repository::new(MemoryStore::default());
    let mut a = named("Snapshots");
    for label in ["one", "two", "three"] {
        a.take_snapshot(label, ts("2026-02-01T00:00:00Z")).expect("take");
    }
    repo.create(&id("s"), &a, None).expect("create");
    repo.store().set("x1060.v2.snap.s.2", "{\"label\": \"two\",\n \"taken\": oops}").expect("damage it");
    repo
}

#[test]
fn a_damaged_snapshot_is_set_aside_alone_and_the_rest_reads() {
    let repo = with_a_damaged_snapshot();
    let opened = repo.open(&id("s")).expect("the assessment still reads");
    let labels: Vec<&str> = opened.assessment.snapshots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["one", "three"], "the intact snapshots are kept");
    assert_eq!(opened.damaged.len(), 1);
    let damaged = &opened.damaged[0];
    assert_eq!(damaged.key, "x1060.v2.snap.s.2");
    assert_eq!(damaged.raw, "{\"label\": \"two\",\n \"taken\": oops}", "its own text, to download");
    // The position is in that entry's own text, not in a document put together inside.
    assert_eq!(
        damaged.error.message(x1060_assess::model::Lang::En),
        "Line 2, column 11: not valid JSON (expected value)."
    );
    assert!(repo.load().expect("load").listings.iter().any(|l| l.name == "Snapshots"), "still listed");
    // Discarding it removes that entry only; an edit meanwhile never writes over it.
    let mut a = opened.assessment.clone();
    let edit = set_level("A-1", Level::Basic);
    edit.apply(&mut a);
    repo.commit(&id("s"), opened.revision, &a, &[edit]).expect("an edit");
    assert!(repo.store().get("x1060.v2.snap.s.2").expect("get").is_some(), "kept until discarded");
    repo.discard("x1060.v2.snap.s.2").expect("discard");
    let after = repo.open(&id("s")).expect("open");
    assert!(after.damaged.is_empty());
    assert_eq!(after.assessment.snapshots.len(), 2);
    assert_eq!(after.assessment.service("A-1").level, Some(Level::Basic));
}

#[test]
fn a_damaged_working_state_offers_its_document_with_its_snapshots() {
    let repo = with_a_damaged_snapshot();
    repo.discard("x1060.v2.snap.s.2").expect("discard the damaged snapshot");
    let raw = repo.store().get("x1060.v2.work.s").expect("get").expect("stored");
    // A document the reader refuses (an unknown catalogue), in a sound envelope.
    repo.store().set("x1060.v2.work.s", &raw.replace("x1060-2021", "x1060-1999")).expect("damage");
    let Err(x1060_assess::storage::OpenError::Unreadable(u)) = repo.open(&id("s")) else { panic!("set aside") };
    // What the user downloads is the whole document, snapshots and all, as a file.
    let doc: serde_json::Value = serde_json::from_str(&u.raw).expect("a JSON document");
    assert_eq!(doc["format"], "x1060-assessment");
    assert_eq!(doc["snapshots"].as_array().map(Vec::len), Some(2));
    // Mended by hand (the catalogue put right), it imports whole.
    let mended = read_ok(&u.raw.replace("x1060-1999", "x1060-2021"));
    assert_eq!(mended.snapshots.len(), 2);
}

#[test]
fn discarding_an_assessment_never_touches_another_whose_id_it_begins() {
    let repo = Repository::new(MemoryStore::default());
    let mut a = named("A");
    a.take_snapshot("a's", ts("2026-02-01T00:00:00Z")).expect("take");
    repo.create(&id("a"), &a, None).expect("create a");
    repo.create(&id("a.1"), &a, None).expect("create a.1");
    repo.discard("x1060.v2.work.a").expect("discard a");
    assert_eq!(repo.open(&id("a.1")).expect("a.1 is whole").assessment.snapshots.len(), 1);
    assert!(!keys_of(&repo).contains(&"x1060.v2.snap.a.1".to_owned()), "a's own snapshot went");
    assert!(keys_of(&repo).contains(&"x1060.v2.snap.a.1.1".to_owned()), "a.1's stayed");
}

#[test]
fn a_write_that_would_not_read_back_is_refused_whole_on_every_path() {
    use x1060_assess::model::{CategoryId, CustomService, LocalText};
    // 10,000 own services in category I (as many as a list holds), then "set all" of
    // the category: 10,007 service states, one list longer than the reader takes.
    let repo = Repository::new(MemoryStore::default());
    let mut a = named("Many");
    for n in 0..10_000 {
        a.custom_services.push(CustomService {
            id: sid(&format!("I-{}", n + 8)),
            category: CategoryId::parse("I").expect("category"),
            name: LocalText::new(format!("独自 {n}"), format!("Own {n}")),
        });
    }
    let stored = repo.create(&id("m"), &a, None).expect("create");
    let before = repo.store().get("x1060.v2.work.m").expect("get");
    let ids: Vec<ServiceId> =
        (1..=7).map(|n| sid(&format!("I-{n}"))).chain(a.custom_services.iter().map(|c| c.id.clone())).collect();
    let set_all = Change::edit(move |a: &mut Assessment| {
        for id in &ids {
            a.edit_service(id, |s| s.level = Some(Level::Basic));
        }
    });
    let mut next = stored.assessment.clone();
    set_all.apply(&mut next);
    let err = repo.commit(&id("m"), stored.revision, &next, &[set_all]).expect_err("refused");
    assert!(matches!(err, StorageError::Limit(_)), "{err:?}");
    assert!(
        err.message(x1060_assess::model::Lang::En).contains("services: has too many entries (10007, at most 10000)"),
        "{err}"
    );
    assert_eq!(repo.store().get("x1060.v2.work.m").expect("get"), before, "nothing written");
    assert!(repo.open(&id("m")).is_ok(), "the assessment still reads");
}

/// The page's loader (scripts/boot.js) reads the last view used, to fetch its module
/// beside the main one: under the key the app stores it.
#[test]
fn the_page_loader_reads_the_last_view_under_the_apps_key() {
    let loader = include_str!("../scripts/boot.js");
    let key = x1060_assess::storage::pref_key("view");
    assert!(loader.contains(&format!("localStorage.getItem('{key}')")), "scripts/boot.js reads {key}");
}
