//! Two tabs racing over one assessment, as browsers really behave: each tab reads
//! localStorage from its own copy, which another tab's write reaches a moment later
//! (with the storage event), so a tab can take the storage lock right after another
//! wrote and still read the revision before. Every pair of a snapshot step and an
//! edit, in both orders, twenty times each: nothing either tab did is lost, the
//! assessment always reads whole, and both tabs end up showing what is stored.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;

use common::ts;
use x1060_assess::model::{Assessment, AssessmentId, Level, ServiceId, Snapshot, SnapshotId};
use x1060_assess::storage::{
    work_key, Change, Committed, KeyValueStore, OpenError, Repository, Revision, StorageError, Stored, WriteQueue,
};

/// A storage event: key, old value, new value.
type Event = (String, Option<String>, Option<String>);

/// What a tab has of the storage: its copy, and the events not delivered to it yet.
type TabCopy = (BTreeMap<String, String>, Vec<Event>);

/// The browser's storage: what is stored, and what each tab has seen of it.
#[derive(Default)]
struct Browser {
    stored: RefCell<BTreeMap<String, String>>,
    tabs: RefCell<Vec<TabCopy>>,
    /// The old value of a storage event is the value the writing tab replaced in its
    /// own copy, as Firefox sends it, not the value stored before (as Chromium).
    old_from_writer: bool,
}

impl Browser {
    fn open_tab(&self) -> TabStore<'_> {
        let mut tabs = self.tabs.borrow_mut();
        tabs.push((self.stored.borrow().clone(), Vec::new()));
        TabStore { browser: self, n: tabs.len() - 1 }
    }

    fn write(&self, from: usize, key: &str, value: Option<&str>) {
        let stored_old = match value {
            Some(v) => self.stored.borrow_mut().insert(key.to_owned(), v.to_owned()),
            None => self.stored.borrow_mut().remove(key),
        };
        let old = if self.old_from_writer { self.tabs.borrow()[from].0.get(key).cloned() } else { stored_old };
        for (n, (copy, inbox)) in self.tabs.borrow_mut().iter_mut().enumerate() {
            if n == from {
                match value {
                    Some(v) => copy.insert(key.to_owned(), v.to_owned()),
                    None => copy.remove(key),
                };
            } else {
                inbox.push((key.to_owned(), old.clone(), value.map(str::to_owned)));
            }
        }
    }
}

/// One tab's view of the storage.
struct TabStore<'a> {
    browser: &'a Browser,
    n: usize,
}

impl TabStore<'_> {
    /// Delivers the next event waiting for this tab, if any: its copy catches up with
    /// that one write (a browser delivers them one by one, and the page may read
    /// storage in between).
    fn deliver_one(&self) -> Option<Event> {
        let mut tabs = self.browser.tabs.borrow_mut();
        let (copy, inbox) = &mut tabs[self.n];
        if inbox.is_empty() {
            return None;
        }
        let event = inbox.remove(0);
        match &event.2 {
            Some(v) => copy.insert(event.0.clone(), v.clone()),
            None => copy.remove(&event.0),
        };
        Some(event)
    }
}

impl KeyValueStore for TabStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.browser.tabs.borrow()[self.n].0.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.browser.write(self.n, key, Some(value));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.browser.write(self.n, key, None);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.browser.tabs.borrow()[self.n].0.keys().cloned().collect())
    }
}

fn id() -> AssessmentId {
    AssessmentId::parse("shared").expect("id")
}

/// A tab with the assessment open: the app's state layer, without the page.
struct Tab<'a> {
    repo: Repository<TabStore<'a>>,
    writer: &'static str,
    queue: WriteQueue,
    open: Stored,
}

impl<'a> Tab<'a> {
    fn new(browser: &'a Browser, writer: &'static str) -> Self {
        let repo = Repository::with_writer(browser.open_tab(), writer);
        let open = repo.open(&id()).expect("open");
        Tab { repo, writer, queue: WriteQueue::new(), open }
    }

    fn change(&mut self, change: Change) {
        change.apply(&mut self.open.assessment);
        self.queue.push(change);
    }

    fn flush(&mut self, force: bool) {
        match self.queue.flush(&self.repo, &id(), self.open.revision, &self.open.assessment, force) {
            None => {}
            Some(Ok(Committed::Saved { revision })) => self.open.revision = revision,
            Some(Ok(Committed::Merged(stored))) => self.open = *stored,
            Some(other) => panic!("{}: {other:?}", self.writer),
        }
    }

    /// Takes in the storage events that reached this tab one by one, as the app does
    /// (`App`'s storage listener): a lost write of this tab is committed again, then
    /// what is stored is read (`Library::sync_from_storage`).
    fn receive(&mut self) -> bool {
        let mut changed = false;
        while let Some((key, old, new)) = self.repo.store().deliver_one() {
            changed = true;
            if key == work_key(&id()) {
                if let (Some(old), Some(new)) = (&old, &new) {
                    if self.queue.lost(self.writer, self.open.revision, old, new) {
                        self.open.revision = Revision::MAX;
                        self.flush(true);
                    }
                }
            }
            self.sync();
        }
        changed
    }

    /// `Library::sync_from_storage` for the open assessment: another tab's write is
    /// shown, unless it was built on a revision this tab had not reached (then this
    /// tab's changes are committed again on top).
    fn sync(&mut self) {
        if self.queue.has_pending() {
            self.flush(false);
            return;
        }
        let stored = self.repo.revision(&id()).expect("revision");
        if stored.is_none() || stored == Some(self.open.revision) {
            return;
        }
        let entry = self.repo.store().get(&work_key(&id())).expect("read").expect("entry");
        if self.queue.unseen(self.writer, self.open.revision, &entry) {
            self.open.revision = Revision::MAX;
            self.flush(true);
            return;
        }
        self.open = self.repo.open(&id()).expect("reopen");
    }
}

fn sid(s: &str) -> ServiceId {
    ServiceId::parse(s).expect("service id")
}

fn set_level(service: &str, level: Level) -> Change {
    let service = sid(service);
    Change::edit(move |a: &mut Assessment| a.edit_service(&service, |s| s.level = Some(level)))
}

fn snapshot(a: &Assessment, id: u64, label: &str) -> Snapshot {
    Snapshot {
        id: SnapshotId(id),
        label: label.to_owned(),
        taken: ts("2026-03-01T00:00:00Z"),
        services: a.services.clone(),
        plan: None,
    }
}

/// A snapshot step of tab A, made on the assessment that holds snapshots 1 and 2.
#[derive(Clone, Copy, Debug)]
enum Step {
    Take,
    Relabel,
    Delete,
}

impl Step {
    fn change(self, a: &Assessment, trial: u64) -> Change {
        match self {
            Step::Take => Change::AddSnapshot { snapshot: snapshot(a, 100 + trial, "taken"), position: None },
            Step::Relabel => Change::RelabelSnapshot { id: SnapshotId(1), label: format!("relabelled {trial}") },
            Step::Delete => Change::DeleteSnapshot { id: SnapshotId(2) },
        }
    }

    fn holds(self, a: &Assessment, trial: u64) -> bool {
        match self {
            Step::Take => a.snapshot(SnapshotId(100 + trial)).is_some_and(|s| s.label == "taken"),
            Step::Relabel => a.snapshot(SnapshotId(1)).is_some_and(|s| s.label == format!("relabelled {trial}")),
            Step::Delete => a.snapshot(SnapshotId(2)).is_none(),
        }
    }
}

/// What the other tab does at the same time.
#[derive(Clone, Copy, Debug)]
enum Other {
    Edit,
    TakeToo,
}

fn start(old_from_writer: bool) -> Browser {
    let browser = Browser { old_from_writer, ..Browser::default() };
    let setup = Repository::new(browser.open_tab());
    let mut a = Assessment::new("Shared", "Org", ts("2026-01-01T00:00:00Z"));
    a.snapshots.push(snapshot(&a, 1, "one"));
    a.snapshots.push(snapshot(&a, 2, "two"));
    setup.create(&id(), &a, None).expect("create");
    browser
}

/// Tab A's step and tab B's action, the second made while its tab has not yet seen
/// the first's writes; `a_first` says whose write lands first.
fn race(step: Step, other: Other, a_first: bool, trial: u64, old_from_writer: bool) {
    let browser = start(old_from_writer);
    let mut a = Tab::new(&browser, "tab-a");
    let mut b = Tab::new(&browser, "tab-b");
    let service = ["A-1", "B-2", "C-3", "D-4", "E-5"][trial as usize % 5];
    let level = if trial % 2 == 0 { Level::Basic } else { Level::Advanced };
    let step_change = step.change(&a.open.assessment, trial);
    let other_change = match other {
        Other::Edit => set_level(service, level),
        Other::TakeToo => {
            Change::AddSnapshot { snapshot: snapshot(&b.open.assessment, 200 + trial, "b's"), position: None }
        }
    };
    a.change(step_change);
    b.change(other_change);
    // Both flush before either has seen the other's write.
    if a_first {
        a.flush(false);
        b.flush(false);
    } else {
        b.flush(false);
        a.flush(false);
    }
    // The events arrive; each tab takes them in until nothing more happens.
    for _ in 0..10 {
        let moved = a.receive() | b.receive();
        if !moved {
            break;
        }
    }
    let engine = if old_from_writer { "old value from the writer" } else { "old value as stored" };
    let label = format!("{step:?} vs {other:?}, {} first, trial {trial}, {engine}", if a_first { "A" } else { "B" });
    let check = Repository::new(browser.open_tab());
    let stored = match check.open(&id()) {
        Ok(s) => s,
        Err(OpenError::Unreadable(u)) => panic!("{label}: the assessment no longer reads: {:?}", u.error),
        Err(e) => panic!("{label}: {e:?}"),
    };
    assert!(stored.damaged.is_empty(), "{label}: damaged snapshots {:?}", stored.damaged);
    let s = &stored.assessment;
    assert!(step.holds(s, trial), "{label}: tab A's {step:?} is lost: {:?}", s.snapshots);
    match other {
        Other::Edit => assert_eq!(s.service(service).level, Some(level), "{label}: tab B's edit is lost"),
        Other::TakeToo => assert!(s.snapshot(SnapshotId(200 + trial)).is_some(), "{label}: tab B's snapshot is lost"),
    }
    let untouched = if matches!(step, Step::Delete) { 1 } else { 2 };
    assert!(s.snapshot(SnapshotId(untouched)).is_some(), "{label}: a snapshot nobody touched is gone");
    assert_eq!(a.open.assessment, *s, "{label}: tab A shows what is stored");
    assert_eq!(b.open.assessment, *s, "{label}: tab B shows what is stored");
}

#[test]
fn every_snapshot_step_racing_an_edit_in_another_tab_loses_nothing() {
    for old_from_writer in [false, true] {
        for step in [Step::Take, Step::Relabel, Step::Delete] {
            for a_first in [true, false] {
                for trial in 0..20 {
                    race(step, Other::Edit, a_first, trial, old_from_writer);
                }
            }
        }
    }
}

#[test]
fn two_tabs_taking_snapshots_at_once_keep_both() {
    for old_from_writer in [false, true] {
        for a_first in [true, false] {
            for trial in 0..20 {
                race(Step::Take, Other::TakeToo, a_first, trial, old_from_writer);
            }
        }
    }
}

#[test]
fn snapshot_ids_made_by_two_tabs_never_clash() {
    let browser = start(false);
    let a = Repository::with_writer(browser.open_tab(), "tab-a");
    let b = Repository::with_writer(browser.open_tab(), "tab-b");
    let ids: std::collections::BTreeSet<u64> =
        (0..1000).flat_map(|_| [a.new_snapshot_id().0, b.new_snapshot_id().0]).collect();
    assert_eq!(ids.len(), 2000);
    assert!(ids.iter().all(|n| *n > 1 << 32 && *n < 1 << 53), "never a file's 1, 2, ...; exact in JavaScript");
}
