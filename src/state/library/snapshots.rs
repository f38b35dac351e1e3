//! Snapshots of the active assessment (the evaluation process): take, relabel,
//! delete with undo. Each is a [`Change`] naming the snapshot by its stable id, made
//! and stored like any edit (one write path, `saving.rs`), so a step another tab
//! races is applied again on top of what that tab wrote, never lost.

use leptos::prelude::*;

use super::{Library, Undo};
use crate::browser;
use crate::model::{Assessment, SnapshotId};
use crate::state::repo::with_repo;
use crate::state::Status;
use crate::storage::Change;

impl Library {
    /// Saves the working state of the active assessment as a snapshot (labelled
    /// with today's date when `label` is blank).
    pub fn take_snapshot(&self, label: &str) {
        let id = with_repo(|r| r.new_snapshot_id());
        // Made (and its limits checked) on the state itself, then taken off again
        // untracked, so nothing redraws and no copy of the assessment is made; the
        // change below adds it the one way every change is made.
        let taken = self
            .current_rw
            .try_update_untracked(|a| {
                let a = a.as_mut()?;
                Some(a.take_snapshot_as(id, label, browser::now()).map(|()| a.snapshots.pop()))
            })
            .flatten();
        let snapshot = match taken {
            Some(Ok(Some(s))) => s,
            Some(Err(e)) => return self.messages.fail(e),
            _ => return,
        };
        self.messages.done(Status::SnapshotTaken(snapshot.label.clone()));
        self.change_active(Change::AddSnapshot { snapshot, position: None });
    }

    /// Relabels a snapshot; a label with nothing visible is ignored. While `typing`,
    /// the text is kept as typed (so nothing typed is lost to a reload before the
    /// field is left); when the field is left, it is tidied (trimmed).
    pub fn rename_snapshot(&self, id: SnapshotId, label: &str, typing: bool) {
        let Some(clean) = crate::model::text::clean_name(label) else { return };
        let label: String = if typing { label.chars().take(Assessment::MAX_NAME_CHARS).collect() } else { clean };
        let unchanged =
            self.current.with_untracked(|a| a.as_ref().and_then(|a| a.snapshot(id)).is_none_or(|s| s.label == label));
        if unchanged {
            return;
        }
        self.change_active(Change::RelabelSnapshot { id, label });
    }

    /// Deletes a snapshot of the active assessment; [`Library::undo_last`] brings it back.
    pub fn delete_snapshot(&self, id: SnapshotId) {
        let Some(assessment) = self.active.get_untracked() else { return };
        let found = self.current.with_untracked(|a| {
            let a = a.as_ref()?;
            a.snapshots.iter().position(|s| s.id == id).map(|i| (i, a.snapshots[i].clone()))
        });
        let Some((position, snapshot)) = found else { return };
        self.change_active(Change::DeleteSnapshot { id });
        self.messages.done(Status::Deleted(snapshot.label.clone()));
        self.messages.offer_undo(Undo::Snapshot { assessment, position, snapshot });
    }
}
