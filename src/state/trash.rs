//! Deleting assessments (to the trash, with undo), restoring and purging them, and
//! the stored entries that could not be read.

use leptos::prelude::*;

use super::repo::with_repo;
use super::{Library, Status, Undo};
use crate::browser;
use crate::storage::StoredAssessment;

impl Library {
    /// Moves an assessment to the trash; [`Library::undo_last`] brings it back.
    pub fn delete(&self, id: &crate::model::AssessmentId) {
        let Some((position, name)) = self
            .assessments
            .with_untracked(|list| list.iter().position(|s| &s.id == id).map(|i| (i, list[i].assessment.name.clone())))
        else {
            return;
        };
        if self.messages.report(with_repo(|r| r.delete(id, &browser::now()))).is_none() {
            return;
        }
        let was_active = self.active.get_untracked().as_ref() == Some(id);
        self.assessments.update(|list| list.retain(|s| &s.id != id));
        if was_active {
            self.active.set(None);
        }
        self.reload_trash();
        self.messages.done(Status::Deleted(name));
        self.messages.offer_undo(Undo::Assessment { id: id.clone(), position, was_active });
    }

    /// Moves the active assessment to the trash.
    pub fn delete_active(&self) {
        if let Some(id) = self.active.get_untracked() {
            self.delete(&id);
        }
    }

    fn reload_trash(&self) {
        if let Some(list) = self.messages.report(with_repo(|r| r.trash())) {
            self.trash.set(list);
        }
    }

    /// Takes an assessment out of the trash, back into the list at `position`.
    pub fn restore_from_trash(&self, id: &crate::model::AssessmentId, position: usize, activate: bool) {
        let Some(assessment) = self.messages.report(with_repo(|r| r.restore_from_trash(id, position))) else { return };
        let name = assessment.name.clone();
        self.assessments.update(|list| {
            let at = position.min(list.len());
            list.insert(at, StoredAssessment { id: id.clone(), assessment });
        });
        if activate {
            self.activate(id);
        }
        self.reload_trash();
        self.messages.done(Status::Restored(name));
    }

    /// Deletes an assessment from the trash for good.
    pub fn purge(&self, id: &crate::model::AssessmentId) {
        if self.messages.report(with_repo(|r| r.purge(id))).is_some() {
            self.trash.update(|list| list.retain(|t| &t.id != id));
        }
    }

    /// Brings back what the last deletion removed.
    pub fn undo_last(&self) {
        match self.messages.take_undo() {
            Some(Undo::Assessment { id, position, was_active }) => self.restore_from_trash(&id, position, was_active),
            Some(Undo::Snapshot { assessment, position, snapshot }) => {
                self.restore_snapshot(&assessment, position, snapshot)
            }
            None => {}
        }
    }

    /// Removes a damaged stored entry for good.
    pub fn discard_unreadable(&self, key: &str) {
        if self.messages.report(with_repo(|r| r.discard(key))).is_some() {
            self.unreadable.update(|list| list.retain(|u| u.key != key));
        }
    }
}
