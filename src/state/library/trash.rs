//! Deleting assessments (to the trash, with undo), restoring and purging them, and
//! the stored entries that could not be read.

use leptos::prelude::*;

use super::OpenState;
use super::{Library, Undo};
use crate::browser;
use crate::model::AssessmentId;
use crate::state::repo::with_repo;
use crate::state::Status;

impl Library {
    /// Moves an assessment to the trash; [`Library::undo_last`] brings it back. Runs
    /// under the storage lock, so it never interleaves with another tab's save.
    pub fn delete(&self, id: &AssessmentId) {
        let messages = self.messages;
        self.delete_then(id, move |name| {
            if let Some(name) = name {
                messages.done(Status::Deleted(name));
            }
        });
    }

    /// Moves an assessment to the trash like [`Library::delete`] (with undo), then,
    /// in the same storage step, calls `then` with its name, or with `None` when it
    /// was not moved (gone already, or the storage failed, which is reported). Says
    /// nothing itself: `then` says what was done (a workshop copy replaced).
    pub(in crate::state) fn delete_then(&self, id: &AssessmentId, then: impl FnOnce(Option<String>) + 'static) {
        let (this, id) = (*self, id.clone());
        browser::with_storage_lock(move || then(this.delete_now(&id)));
    }

    fn delete_now(&self, id: &AssessmentId) -> Option<String> {
        let (position, name) = self
            .listings
            .with_untracked(|list| list.iter().position(|l| &l.id == id).map(|i| (i, list[i].name.clone())))?;
        let was_active = self.active.get_untracked().as_ref() == Some(id);
        if was_active {
            self.flush_now();
        }
        let legacy = self.legacy.with_untracked(|left| left.iter().any(|(i, _)| i == id));
        // Still in layout 1 (storage was too full to move it): straight to the trash,
        // not moved first, which would need room storage does not have.
        let deleted = if legacy {
            with_repo(|r| r.delete_v1(id, &browser::now()))
        } else {
            with_repo(|r| r.delete(id, &browser::now()))
        };
        self.messages.report(deleted)?;
        if legacy {
            self.legacy.update(|left| left.retain(|(i, _)| i != id));
        }
        self.listings.update(|list| list.retain(|l| &l.id != id));
        if was_active {
            self.close();
        }
        self.reload_trash();
        self.messages.offer_undo(Undo::Assessment { id: id.clone(), position, was_active });
        Some(name)
    }

    /// Moves the active assessment to the trash.
    pub fn delete_active(&self) {
        if let Some(id) = self.active.get_untracked() {
            self.delete(&id);
        }
    }

    fn reload_trash(&self) {
        if let Some((trash, _damaged)) = self.messages.report(with_repo(|r| r.trash())) {
            self.trash.set(trash);
        }
    }

    /// Takes an assessment out of the trash, back into the list at `position`. When
    /// its id is live again (another tab), it comes back under a new id: a restore
    /// never overwrites a live assessment.
    pub fn restore_from_trash(&self, id: &AssessmentId, position: usize, activate: bool) {
        let (this, id) = (*self, id.clone());
        browser::with_storage_lock(move || this.restore_now(&id, position, activate));
    }

    fn restore_now(&self, id: &AssessmentId, position: usize, activate: bool) {
        let fresh = browser::new_assessment_id();
        let Some(stored) = self.messages.report(with_repo(|r| r.restore_from_trash(id, &fresh, position))) else {
            self.sync_lists();
            return;
        };
        let name = stored.assessment.name.clone();
        self.sync_lists();
        if activate {
            self.flush_now();
            let new_id = stored.id.clone();
            self.show_open(OpenState::of(&stored), stored.assessment);
            self.messages.report(with_repo(|r| r.set_active(Some(&new_id))));
        }
        self.messages.done(Status::Restored(name));
    }

    /// Deletes an assessment from the trash for good.
    pub fn purge(&self, id: &AssessmentId) {
        if self.messages.report(with_repo(|r| r.purge(id))).is_some() {
            self.trash.update(|list| list.retain(|t| &t.id != id));
        }
    }

    /// Removes a damaged stored entry for good.
    pub fn discard_unreadable(&self, key: &str) {
        if self.messages.report(with_repo(|r| r.discard(key))).is_some() {
            self.unreadable.update(|list| list.retain(|u| u.key != key));
        }
    }
}
