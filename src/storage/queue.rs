//! The changes of one tab to its open assessment, from the moment they are made
//! until no other tab can still write over them.
//!
//! A change shows at once (the tab applies it to the assessment in memory) and
//! waits here until the next storage step commits it ([`WriteQueue::flush`]). Once
//! stored, it is kept a while longer: browsers show one tab's localStorage write to
//! the others a moment later, so a tab that takes the storage lock right after
//! another wrote can still read the revision before and write over it. The tab whose
//! write was lost learns it from the storage event ([`WriteQueue::lost`]) and its
//! changes from that revision on are committed again, on top of what the other tab
//! wrote. Every change (edits and snapshot steps alike) goes this one way.

use std::collections::VecDeque;

use super::revision::{counter, lost_write, unseen_write};
use super::{Change, Committed, KeyValueStore, Repository, Revision, StorageError};
use crate::model::{Assessment, AssessmentId};

/// How many stored revisions keep their changes, in case another tab that had not
/// seen them yet writes over them.
const RECENT: usize = 200;

#[derive(Default)]
pub struct WriteQueue {
    /// Changes not stored yet, oldest first.
    pending: Vec<Change>,
    /// The changes of this tab's latest stored revisions, oldest first.
    recent: VecDeque<(Revision, Vec<Change>)>,
}

impl WriteQueue {
    pub fn new() -> Self {
        WriteQueue::default()
    }

    /// Keeps a change (already applied to the state in memory) until it is stored.
    pub fn push(&mut self, change: Change) {
        self.pending.push(change);
    }

    /// Whether changes wait to be stored.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Forgets everything (another assessment is opened, or this one is gone).
    pub fn clear(&mut self) {
        self.pending.clear();
        self.recent.clear();
    }

    /// Takes the waiting changes, to commit them another way (a step that moves the
    /// assessment first); [`WriteQueue::put_back`] returns them when that fails.
    pub fn take_pending(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.pending)
    }

    /// Puts changes back before any made since, in order.
    pub fn put_back(&mut self, changes: Vec<Change>) {
        self.pending.splice(0..0, changes);
    }

    /// Commits the waiting changes of assessment `id` (`current`: the state in memory,
    /// `base`: the revision it was built on), with `force` even when none waits (to
    /// learn what became of the stored assessment). On a storage failure they wait
    /// for the next step; changes that would not read back ([`StorageError::Limit`])
    /// are dropped, and the tab should show the stored state again.
    pub fn flush<S: KeyValueStore>(
        &mut self,
        repo: &Repository<S>,
        id: &AssessmentId,
        base: Revision,
        current: &Assessment,
        force: bool,
    ) -> Option<Result<Committed, StorageError>> {
        if self.pending.is_empty() && !force {
            return None;
        }
        let changes = self.take_pending();
        let result = repo.commit(id, base, current, &changes);
        match &result {
            Err(StorageError::Limit(_)) => {}
            Err(_) => self.put_back(changes),
            Ok(Committed::Saved { revision }) => self.remember(*revision, changes),
            Ok(Committed::Merged(stored)) => self.remember(stored.revision, changes),
            Ok(Committed::Gone { .. }) => self.clear(),
        }
        Some(result)
    }

    fn remember(&mut self, revision: Revision, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        self.recent.push_back((revision, changes));
        while self.recent.len() > RECENT {
            self.recent.pop_front();
        }
    }

    /// Another tab changed the working entry of the open assessment from `old` to
    /// `new` (the raw values of a storage event). When it wrote over a revision of
    /// this tab (`writer`) that it had not seen, the changes of that revision and
    /// later wait to be committed again (before any waiting now) and `true` is
    /// returned: the tab must then commit against the stored state, whatever
    /// revision it thinks is stored. `known` is the revision this tab last wrote or
    /// read: a write built on another one had not seen it (see [`unseen_write`]),
    /// whatever the event's old value says.
    pub fn lost(&mut self, writer: &str, known: Revision, old: &str, new: &str) -> bool {
        match lost_write(writer, old, new) {
            Some(from) => {
                let lost = self.written_from(from, None);
                self.put_back(lost);
                true
            }
            None => self.unseen(writer, known, new),
        }
    }

    /// The stored working entry `entry` was written by another tab on a revision other
    /// than `known`, the one this tab last wrote or read ([`unseen_write`]): this tab's
    /// changes from that revision on wait to be committed again, and `true` is
    /// returned (the tab must commit against the stored state). `false` when nothing of
    /// this tab's is missing. A tab that takes in another tab's write by reading
    /// storage (a storage event of another key came first) checks with this before
    /// showing it.
    pub fn unseen(&mut self, writer: &str, known: Revision, entry: &str) -> bool {
        let Some(base) = unseen_write(writer, known, entry) else { return false };
        let lost = self.written_from(counter(base), Some(base));
        if lost.is_empty() {
            return false;
        }
        self.put_back(lost);
        true
    }

    /// The changes of this tab's recent revisions whose counter is `from` or more,
    /// but for revision `except` (one the other tab did build on).
    fn written_from(&self, from: u64, except: Option<Revision>) -> Vec<Change> {
        self.recent
            .iter()
            .filter(|(rev, _)| counter(*rev) >= from && Some(*rev) != except)
            .flat_map(|(_, changes)| changes.iter().cloned())
            .collect()
    }
}
