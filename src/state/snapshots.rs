//! Snapshots of the active assessment (the evaluation process): take, rename,
//! delete with undo.

use leptos::prelude::*;

use super::{Library, Status, Undo};
use crate::browser;
use crate::model::{Assessment, AssessmentId, Snapshot};

impl Library {
    /// Saves the working state of the active assessment as a snapshot (labelled
    /// with today's date when `label` is blank).
    pub fn take_snapshot(&self, label: &str) {
        let mut taken = None;
        self.edit_active(|a| {
            a.take_snapshot(label, browser::now());
            taken = a.snapshots.last().map(|s| s.label.clone());
        });
        if let Some(label) = taken {
            self.messages.done(Status::SnapshotTaken(label));
        }
    }

    /// Relabels a snapshot; a blank label is ignored.
    pub fn rename_snapshot(&self, index: usize, label: &str) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        self.edit_active(|a| {
            if let Some(s) = a.snapshots.get_mut(index) {
                s.label = label.chars().take(Assessment::MAX_NAME_CHARS).collect();
            }
        });
    }

    /// Deletes a snapshot of the active assessment; [`Library::undo_last`] brings it back.
    pub fn delete_snapshot(&self, index: usize) {
        let Some(assessment) = self.active.get_untracked() else { return };
        let mut removed = None;
        self.edit_active(|a| {
            if index < a.snapshots.len() {
                removed = Some(a.snapshots.remove(index));
            }
        });
        if let Some(snapshot) = removed {
            self.messages.done(Status::Deleted(snapshot.label.clone()));
            self.messages.offer_undo(Undo::Snapshot { assessment, position: index, snapshot });
        }
    }

    /// Puts a deleted snapshot back where it was (the undo of [`Library::delete_snapshot`]).
    pub(super) fn restore_snapshot(&self, assessment: &AssessmentId, position: usize, snapshot: Snapshot) {
        if self.active.get_untracked().as_ref() != Some(assessment) {
            self.activate(assessment);
        }
        let label = snapshot.label.clone();
        self.edit_active(|a| {
            let at = position.min(a.snapshots.len());
            a.snapshots.insert(at, snapshot);
        });
        self.messages.done(Status::Restored(label));
    }
}
