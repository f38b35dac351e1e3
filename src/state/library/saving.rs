//! Editing the open assessment and storing the edits.
//!
//! An edit shows at once (it changes the assessment in memory) and is kept as a
//! function until stored. Storing is one step under the storage lock shared by every
//! tab: the edits kept so far are committed against the revision this tab last read;
//! when another tab wrote since, they are applied again to what it wrote, so edits
//! of two tabs to different services both survive, and a change from another tab
//! never discards text being typed here. What is not stored yet is written when the
//! page is hidden or closed.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::Library;
use super::OpenState;
use crate::browser;
use crate::model::{Assessment, ServiceAssessment, ServiceId};
use crate::state::repo::with_repo;
use crate::state::Alert;
use crate::storage::{Change, Committed, Listing, Revision, StorageError, WriteQueue};

thread_local! {
    /// The changes of the open assessment: waiting to be stored, and stored recently.
    static QUEUE: RefCell<WriteQueue> = RefCell::new(WriteQueue::new());
    /// Whether a storage step is already waiting for the lock.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

fn with_queue<R>(f: impl FnOnce(&mut WriteQueue) -> R) -> R {
    QUEUE.with(|q| f(&mut q.borrow_mut()))
}

impl Library {
    /// Changes the active assessment: shown at once, stored in the next storage step.
    /// `edit` may run again (on another tab's newer state), so it must only set what
    /// it means to set.
    pub fn edit_active(&self, edit: impl Fn(&mut Assessment) + 'static) {
        let now = browser::now();
        self.change_active(Change::edit(move |a: &mut Assessment| {
            edit(a);
            a.updated = Some(now.clone());
        }));
    }

    /// Applies a change to the active assessment on screen and keeps it for the next
    /// storage step: the one way every change of an assessment is made.
    pub(super) fn change_active(&self, change: Change) {
        if self.open.with_untracked(Option::is_none) {
            return;
        }
        self.current_rw.update(|a| {
            if let Some(a) = a {
                change.apply(a);
            }
        });
        with_queue(|q| q.push(change));
        self.schedule_flush(false);
    }

    /// Changes one service of the active assessment.
    pub fn edit_service(&self, id: &ServiceId, edit: impl Fn(&mut ServiceAssessment) + 'static) {
        let id = id.clone();
        self.edit_active(move |a| a.edit_service(&id, &edit));
    }

    pub(super) fn has_pending() -> bool {
        with_queue(|q| q.has_pending())
    }

    /// Runs a storage step soon, under the lock (`force`: even with no edit waiting,
    /// to learn what became of the open assessment).
    pub(super) fn schedule_flush(&self, force: bool) {
        if SCHEDULED.with(Cell::get) || !(force || Self::has_pending()) {
            return;
        }
        SCHEDULED.with(|s| s.set(true));
        let this = *self;
        browser::with_storage_lock(move || {
            SCHEDULED.with(|s| s.set(false));
            this.flush(force);
        });
    }

    /// Stores now, without waiting for the lock (the page is being hidden or left,
    /// or another step needs the open assessment stored first; the revision check
    /// still guards against overwriting another tab's write).
    pub fn flush_now(&self) {
        self.flush(false);
    }

    /// Commits the waiting changes (see the module's documentation).
    fn flush(&self, force: bool) {
        let Some(state) = self.open.get_untracked() else { return };
        if state.legacy {
            if Self::has_pending() {
                self.move_legacy(&state);
            }
            return;
        }
        let result = self.current.with_untracked(|a| {
            let a = a.as_ref()?;
            with_repo(|r| with_queue(|q| q.flush(r, &state.id, state.revision, a, force)))
        });
        let Some(result) = result else { return };
        if let Err(StorageError::Limit(_)) = &result {
            // Refused whole: what is stored is shown again, and the reason.
            self.reopen(&state.id);
        }
        self.settle(result);
    }

    /// Shows the stored state of the open assessment again (after a refused write).
    fn reopen(&self, id: &crate::model::AssessmentId) {
        if let Ok(stored) = with_repo(|r| r.open(id)) {
            self.show_stored(stored);
        }
    }

    /// Another tab changed the working entry of the open assessment (`key`, from
    /// `old` to `new`). When it wrote over a revision of this tab that it had not
    /// seen, this tab's changes of that revision and later are committed again on top.
    pub fn on_storage_event(&self, key: &str, old: Option<String>, new: Option<String>) {
        let Some(state) = self.open.get_untracked() else { return };
        if key != crate::storage::work_key(&state.id) {
            return;
        }
        let (Some(old), Some(new)) = (old, new) else { return };
        if with_queue(|q| q.lost(&crate::state::repo::tab_token(), state.revision, &old, &new)) {
            self.merge_lost();
        }
    }

    /// Whether the stored working entry `entry` was written over this tab's changes
    /// unseen; if so, they wait to be committed again ([`WriteQueue::unseen`]).
    pub(super) fn unseen_write_of(known: Revision, entry: &str) -> bool {
        with_queue(|q| q.unseen(&crate::state::repo::tab_token(), known, entry))
    }

    /// Commits this tab's lost changes again on top of what is stored: whatever this
    /// tab thinks the stored revision is, it is not.
    pub(super) fn merge_lost(&self) {
        self.open.update(|s| {
            if let Some(s) = s {
                s.revision = Revision::MAX;
            }
        });
        self.schedule_flush(true);
    }

    /// An assessment still in storage layout 1: its first save moves it (the state
    /// on screen, with the changes waiting, is what is moved).
    fn move_legacy(&self, state: &OpenState) {
        let Some(a) = self.current.get_untracked() else { return };
        let changes = with_queue(WriteQueue::take_pending);
        match with_repo(|r| r.move_from_v1(&state.id, &a)) {
            Ok(stored) => {
                self.legacy.update(|left| left.retain(|(id, _)| id != &state.id));
                self.open.set(Some(OpenState::of(&stored)));
                self.messages.clear_storage_alert();
                // Committed on what was moved (or found moved already by another tab).
                with_queue(|q| q.put_back(changes));
                self.schedule_flush(false);
            }
            Err(e) => {
                with_queue(|q| q.put_back(changes));
                self.messages.fail(e);
            }
        }
    }

    /// Forgets the changes kept for the assessment that was open.
    pub(super) fn forget_stored_edits() {
        with_queue(WriteQueue::clear);
    }

    /// Takes in what became of a storage step on the open assessment.
    pub(super) fn settle(&self, result: Result<Committed, StorageError>) {
        match result {
            Ok(Committed::Saved { revision }) => {
                self.open.update(|s| {
                    if let Some(s) = s {
                        s.revision = revision;
                    }
                });
                self.messages.clear_storage_alert();
            }
            Ok(Committed::Merged(stored)) => {
                let stored = *stored;
                self.open.set(Some(OpenState::of(&stored)));
                self.current_rw.set(Some(stored.assessment));
                self.messages.clear_storage_alert();
                self.set_aside(stored.damaged);
            }
            Ok(Committed::Gone { in_trash }) => {
                let id = self.open.with_untracked(|s| s.as_ref().map(|s| s.id.clone()));
                self.close();
                if let Some(id) = id {
                    self.messages.fail(Alert::DeletedElsewhere { id, in_trash });
                }
                self.sync_lists();
                return;
            }
            Err(e) => {
                self.messages.fail(e);
                return;
            }
        }
        self.relist();
    }

    /// Updates the open assessment's listing from what is on screen.
    fn relist(&self) {
        let Some(id) = self.open.with_untracked(|s| s.as_ref().map(|s| s.id.clone())) else { return };
        let listing = self.current.with_untracked(|a| a.as_ref().map(|a| Listing::of(&id, a)));
        let Some(listing) = listing else { return };
        self.listings.update(|list| {
            if let Some(l) = list.iter_mut().find(|l| l.id == id) {
                if *l != listing {
                    *l = listing;
                }
            }
        });
    }

    /// Reads the listings and the trash again.
    pub(super) fn sync_lists(&self) {
        if let Some(loaded) = self.messages.report(with_repo(|r| r.load())) {
            let mut listings = loaded.listings;
            self.legacy.with_untracked(|left| listings.extend(left.iter().map(|(id, a)| Listing::of(id, a))));
            self.listings.set(listings);
            self.trash.set(loaded.trash);
        }
    }
}
