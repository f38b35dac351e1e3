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
use std::rc::Rc;

use leptos::prelude::*;

use super::library::OpenState;
use super::repo::with_repo;
use super::{Alert, Library};
use crate::browser;
use crate::model::{Assessment, ServiceAssessment, ServiceId};
use crate::storage::{Committed, Listing, Revision, StorageError};

type PendingEdit = Rc<dyn Fn(&mut Assessment)>;

/// How many stored revisions of this tab keep their edits, in case another tab that
/// had not seen them yet writes over them (see [`crate::storage::lost_write`]).
const RECENT: usize = 200;

thread_local! {
    /// Edits of the open assessment not stored yet, oldest first.
    static PENDING: RefCell<Vec<PendingEdit>> = const { RefCell::new(Vec::new()) };
    /// The edits of this tab's latest stored revisions of the open assessment.
    static STORED: RefCell<Vec<(Revision, Vec<PendingEdit>)>> = const { RefCell::new(Vec::new()) };
    /// Whether a storage step is already waiting for the lock.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

impl Library {
    /// Changes the active assessment: shown at once, stored in the next storage step.
    /// `edit` may run again (on another tab's newer state), so it must only set what
    /// it means to set.
    pub fn edit_active(&self, edit: impl Fn(&mut Assessment) + 'static) {
        if self.open.with_untracked(Option::is_none) {
            return;
        }
        let now = browser::now();
        let edit: PendingEdit = Rc::new(move |a: &mut Assessment| {
            edit(a);
            a.updated = Some(now.clone());
        });
        self.current_rw.update(|a| {
            if let Some(a) = a {
                edit(a);
            }
        });
        PENDING.with(|p| p.borrow_mut().push(edit));
        self.schedule_flush(false);
    }

    /// Changes one service of the active assessment.
    pub fn edit_service(&self, id: &ServiceId, edit: impl Fn(&mut ServiceAssessment) + 'static) {
        let id = id.clone();
        self.edit_active(move |a| a.edit_service(&id, &edit));
    }

    pub(super) fn has_pending() -> bool {
        PENDING.with(|p| !p.borrow().is_empty())
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

    /// Commits the waiting edits (see the module's documentation).
    fn flush(&self, force: bool) {
        let edits: Vec<PendingEdit> = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        if edits.is_empty() && !force {
            return;
        }
        let Some(state) = self.open.get_untracked() else { return };
        if state.legacy {
            self.move_legacy(&state, edits);
            return;
        }
        let refs: Vec<&dyn Fn(&mut Assessment)> =
            edits.iter().map(|e| e.as_ref() as &dyn Fn(&mut Assessment)).collect();
        let result = self.current.with_untracked(|a| match a {
            Some(a) => with_repo(|r| r.commit(&state.id, state.revision, a, &refs)),
            None => Ok(Committed::Saved { revision: state.revision }),
        });
        match &result {
            Err(_) => {
                // Kept, in order, before any edit made since: the next step tries again.
                PENDING.with(|p| {
                    let mut p = p.borrow_mut();
                    let later = std::mem::take(&mut *p);
                    *p = edits;
                    p.extend(later);
                });
            }
            Ok(Committed::Saved { revision }) => remember(*revision, edits),
            Ok(Committed::Merged(stored)) => remember(stored.revision, edits),
            Ok(Committed::Gone { .. }) => {}
        }
        self.settle(result);
    }

    /// Another tab changed the working entry of the open assessment (`key`, from
    /// `old` to `new`). When it wrote over a revision of this tab that it had not
    /// seen, this tab's edits of that revision and later are applied again on top.
    pub fn on_storage_event(&self, key: &str, old: Option<String>, new: Option<String>) {
        let Some(state) = self.open.get_untracked() else { return };
        if key != crate::storage::work_key(&state.id) {
            return;
        }
        let (Some(old), Some(new)) = (old, new) else { return };
        let Some(from) = crate::storage::lost_write(&super::repo::tab_token(), &old, &new) else { return };
        let lost: Vec<PendingEdit> = STORED.with(|s| {
            s.borrow()
                .iter()
                .filter(|(rev, _)| crate::storage::counter(*rev) >= from)
                .flat_map(|(_, e)| e.iter().cloned())
                .collect()
        });
        PENDING.with(|p| {
            p.borrow_mut().splice(0..0, lost);
        });
        // Whatever this tab thinks the stored revision is, it is not: merge.
        self.open.update(|s| {
            if let Some(s) = s {
                s.revision = Revision::MAX;
            }
        });
        self.schedule_flush(true);
    }

    /// An assessment still in storage layout 1: its first save moves it.
    fn move_legacy(&self, state: &OpenState, edits: Vec<PendingEdit>) {
        let Some(a) = self.current.get_untracked() else { return };
        match with_repo(|r| r.move_from_v1(&state.id, &a)) {
            Ok(stored) => {
                self.legacy.update(|left| left.retain(|(id, _)| id != &state.id));
                self.open.set(Some(OpenState::of(&stored)));
                self.messages.clear_storage_alert();
            }
            Err(e) => {
                PENDING.with(|p| {
                    p.borrow_mut().splice(0..0, edits);
                });
                self.messages.fail(e);
            }
        }
    }

    /// Forgets the edits kept for the assessment that was open.
    pub(super) fn forget_stored_edits() {
        STORED.with(|s| s.borrow_mut().clear());
        PENDING.with(|p| p.borrow_mut().clear());
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
            }
            Ok(Committed::Gone { in_trash }) => {
                PENDING.with(|p| p.borrow_mut().clear());
                self.close();
                self.messages.fail(Alert::DeletedElsewhere { in_trash });
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

/// Keeps the edits stored as `revision`, for [`Library::on_storage_event`].
fn remember(revision: Revision, edits: Vec<PendingEdit>) {
    if edits.is_empty() {
        return;
    }
    STORED.with(|s| {
        let mut s = s.borrow_mut();
        s.push((revision, edits));
        let excess = s.len().saturating_sub(RECENT);
        s.drain(..excess);
    });
}
