//! Taking in what storage holds beyond this tab's own steps: what another tab stored
//! (the `storage` event), deletes another tab's late write undid, and entries that
//! do not read (set aside and listed on Home).

use leptos::prelude::*;

use super::Library;
use crate::browser;
use crate::model::AssessmentId;
use crate::state::repo::with_repo;
use crate::state::{Alert, Status};
use crate::storage::Unreadable;

impl Library {
    /// Says how many assessments another tab wrote again after their delete (folded
    /// into the trash), or why folding failed.
    pub(super) fn report_folded(&self, folded: Result<usize, crate::storage::StorageError>) {
        match self.messages.report(folded) {
            Some(count) if count > 0 => self.messages.fail(Alert::Folded { count }),
            _ => {}
        }
    }

    /// Sets aside the working entries that do not read (found after start-up's
    /// listing, `Repository::damaged_entries`), and says so.
    pub(super) fn set_aside_damaged(&self) {
        let Some(damaged) = self.messages.report(with_repo(|r| r.damaged_entries())) else { return };
        let known = self.unreadable.with_untracked(|u| u.iter().map(|x| x.key.clone()).collect::<Vec<_>>());
        let new: Vec<Unreadable> = damaged.into_iter().filter(|d| !known.contains(&d.key)).collect();
        if new.is_empty() {
            return;
        }
        let ids: Vec<AssessmentId> = new.iter().filter_map(|u| u.work_id()).collect();
        self.listings.update(|l| l.retain(|x| !ids.contains(&x.id)));
        self.unreadable.update(|u| u.extend(new));
        self.messages.fail(Alert::Unreadable { count: self.unreadable.with_untracked(Vec::len) });
    }

    /// Lists stored entries that do not read (an assessment's working state, or one
    /// of its snapshots) on Home, and says so.
    pub(super) fn set_aside(&self, damaged: Vec<Unreadable>) {
        let mut added = 0;
        self.unreadable.update(|list| {
            for u in damaged {
                if !list.iter().any(|x| x.key == u.key) {
                    list.push(u);
                    added += 1;
                }
            }
        });
        if added > 0 {
            self.messages.fail(Alert::Unreadable { count: added });
        }
    }

    /// Picks up what another tab stored (the `storage` event): the listings, the
    /// trash, and the open assessment when another tab wrote it. Edits of this tab not
    /// yet stored are never dropped: they are applied again on top.
    pub fn sync_from_storage(&self) {
        self.read_storage(false, Vec::new(), None);
        // Deleted elsewhere, then brought back there (undo, restore): open it again
        // here, and stop saying it was deleted.
        if let Some(id) = self.messages.deleted_elsewhere() {
            if self.active.get_untracked().is_none() && self.listings.with_untracked(|l| l.iter().any(|x| x.id == id)) {
                self.messages.clear_alert();
                self.open_assessment(&id);
            }
        }
        let resurrected = self
            .listings
            .with_untracked(|l| self.trash.with_untracked(|t| t.iter().any(|x| l.iter().any(|y| y.id == x.id))));
        if resurrected {
            // A tab that had not seen a delete wrote the assessment again: fold it into
            // the trash (the delete stands, the writes are kept), under the lock.
            let this = *self;
            browser::with_storage_lock(move || {
                this.report_folded(with_repo(|r| r.fold_resurrected()));
                this.sync_lists();
            });
        }
        let Some(state) = self.open.get_untracked() else { return };
        if state.legacy {
            return;
        }
        let listed = self.listings.with_untracked(|l| l.iter().any(|x| x.id == state.id));
        if !listed || Self::has_pending() {
            // Deleted elsewhere, or edits waiting: the next storage step settles it.
            self.schedule_flush(!listed);
            return;
        }
        let stored_revision = with_repo(|r| r.revision(&state.id)).ok().flatten();
        if stored_revision.is_some_and(|r| r != state.revision) {
            // Written by a tab that had not seen this tab's last write (this event may
            // be for another key of that write, the working entry's event still to
            // come): this tab's changes are committed again on top, not dropped.
            let entry = with_repo(|r| r.store().get(&crate::storage::work_key(&state.id))).ok().flatten();
            if entry.is_some_and(|e| Self::unseen_write_of(state.revision, &e)) {
                self.merge_lost();
                return;
            }
            if let Ok(stored) = with_repo(|r| r.open(&state.id)) {
                self.show_stored(stored);
                self.messages.done(Status::SyncedFromOtherTab);
            }
        }
    }
}
