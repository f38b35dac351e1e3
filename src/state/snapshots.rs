//! Snapshots of the active assessment (the evaluation process): take, relabel,
//! delete with undo. Each snapshot is stored under a key of its own, once; the steps
//! run under the storage lock after the edits waiting before them.

use leptos::prelude::*;

use super::library::OpenState;
use super::repo::with_repo;
use super::{Library, Status, Undo};
use crate::browser;
use crate::model::{Assessment, AssessmentId, Snapshot};
use crate::storage::{Committed, StorageError};

impl Library {
    /// Runs `step` on the open assessment under the storage lock, after the edits
    /// waiting; on `Saved`, `saved` updates what this tab knows of the storage.
    fn snapshot_step(
        &self,
        step: impl FnOnce(&OpenState, &Assessment) -> Result<Committed, StorageError> + 'static,
        saved: impl FnOnce(&mut OpenState) + 'static,
    ) {
        let this = *self;
        browser::with_storage_lock(move || {
            this.flush_now();
            let Some(state) = this.open.get_untracked() else { return };
            if state.legacy {
                // Not in layout 2 yet: the next save moves it, snapshots and all.
                return;
            }
            let result = this.current.with_untracked(|a| match a {
                Some(a) => step(&state, a),
                None => Ok(Committed::Saved { revision: state.revision }),
            });
            if let Ok(Committed::Saved { revision }) = result {
                this.open.update(|s| {
                    if let Some(s) = s {
                        saved(s);
                        s.revision = revision;
                    }
                });
            }
            this.settle(result);
        });
    }

    /// Saves the working state of the active assessment as a snapshot (labelled
    /// with today's date when `label` is blank).
    pub fn take_snapshot(&self, label: &str) {
        let mut taken = None;
        self.current_rw.update(|a| {
            if let Some(a) = a {
                taken = Some(a.take_snapshot(label, browser::now()).map(|()| a.snapshots.last().cloned()));
            }
        });
        let snapshot = match taken {
            Some(Ok(Some(s))) => s,
            Some(Err(e)) => return self.messages.fail(e),
            _ => return,
        };
        self.messages.done(Status::SnapshotTaken(snapshot.label.clone()));
        self.store_snapshot(snapshot, None);
    }

    /// Stores a snapshot already in memory at `position` (else last).
    fn store_snapshot(&self, snapshot: Snapshot, position: Option<usize>) {
        let key = std::rc::Rc::new(std::cell::Cell::new(0u64));
        let key_out = key.clone();
        self.snapshot_step(
            move |state, a| {
                let (done, n) = with_repo(|r| r.add_snapshot(&state.id, state.revision, a, &snapshot, position))?;
                key.set(n);
                Ok(done)
            },
            move |s| {
                let at = position.unwrap_or(s.snapshot_keys.len()).min(s.snapshot_keys.len());
                s.snapshot_keys.insert(at, key_out.get());
            },
        );
    }

    /// Relabels a snapshot; a blank label is ignored.
    pub fn rename_snapshot(&self, index: usize, label: &str) {
        let label: String = label.trim().chars().take(Assessment::MAX_NAME_CHARS).collect();
        if label.is_empty() {
            return;
        }
        let Some(n) = self.open.with_untracked(|s| s.as_ref().and_then(|s| s.snapshot_keys.get(index).copied())) else {
            return;
        };
        let mut renamed = None;
        self.current_rw.update(|a| {
            if let Some(s) = a.as_mut().and_then(|a| a.snapshots.get_mut(index)) {
                if s.label != label {
                    s.label = label;
                    renamed = Some(s.clone());
                }
            }
        });
        let Some(snapshot) = renamed else { return };
        self.snapshot_step(
            move |state, a| with_repo(|r| r.rewrite_snapshot(&state.id, state.revision, n, a, &snapshot)),
            |_| {},
        );
    }

    /// Deletes a snapshot of the active assessment; [`Library::undo_last`] brings it back.
    pub fn delete_snapshot(&self, index: usize) {
        let Some(state) = self.open.get_untracked() else { return };
        let Some(n) = state.snapshot_keys.get(index).copied() else { return };
        let mut removed = None;
        self.current_rw.update(|a| {
            if let Some(a) = a {
                if index < a.snapshots.len() {
                    removed = Some(a.snapshots.remove(index));
                }
            }
        });
        let Some(snapshot) = removed else { return };
        self.snapshot_step(
            move |state, _| with_repo(|r| r.delete_snapshot(&state.id, state.revision, n)),
            move |s| s.snapshot_keys.retain(|k| *k != n),
        );
        self.messages.done(Status::Deleted(snapshot.label.clone()));
        self.messages.offer_undo(Undo::Snapshot { assessment: state.id, position: index, snapshot });
    }

    /// Puts a deleted snapshot back where it was (the undo of [`Library::delete_snapshot`]).
    pub(super) fn restore_snapshot(&self, assessment: &AssessmentId, position: usize, snapshot: Snapshot) {
        if self.active.get_untracked().as_ref() != Some(assessment) {
            self.activate(assessment);
        }
        if self.active.get_untracked().as_ref() != Some(assessment) {
            return;
        }
        let label = snapshot.label.clone();
        let mut at = position;
        self.current_rw.update(|a| {
            if let Some(a) = a {
                at = position.min(a.snapshots.len());
                a.snapshots.insert(at, snapshot.clone());
            }
        });
        self.store_snapshot(snapshot, Some(at));
        self.messages.done(Status::Restored(label));
    }
}
