//! Evidence items of the open assessment's services: add, change, remove with undo.
//! Each is checked on the state on screen first, so a refusal is reported and nothing
//! changes, then made by [`Library::edit_active`] (`saving.rs`, the one write path)
//! with the model's own edit, which finds items by content: applied again on another
//! tab's newer state, it changes the item meant or nothing.

use leptos::prelude::*;

use super::{Library, Undo};
use crate::model::evidence::{EvidenceError, EvidenceItem};
use crate::model::{Assessment, AssessmentId, ServiceId};
use crate::state::Status;

impl Library {
    /// Tries `edit` on a copy of the active assessment: its error, if it refuses.
    fn check_evidence(
        &self,
        edit: impl FnOnce(&mut Assessment) -> Result<(), EvidenceError>,
    ) -> Result<(), EvidenceError> {
        self.current.with_untracked(|a| match a {
            Some(a) => edit(&mut a.clone()),
            None => Ok(()),
        })
    }

    /// Adds `item` to service `id` of the active assessment; refused (nothing
    /// changed) with the reason when the model refuses it.
    pub fn add_evidence(&self, id: &ServiceId, item: EvidenceItem) -> Result<(), EvidenceError> {
        let item = item.cleaned()?;
        self.check_evidence(|a| a.add_evidence(id, item.clone()))?;
        let title = item.title.clone();
        let id = id.clone();
        self.edit_active(move |a| {
            let _ = a.add_evidence(&id, item.clone());
        });
        self.messages.done(Status::EvidenceAdded(title));
        Ok(())
    }

    /// Puts `new` in place of `old` in service `id` (a new review-by date).
    pub fn replace_evidence(&self, id: &ServiceId, old: EvidenceItem, new: EvidenceItem) -> Result<(), EvidenceError> {
        let new = new.cleaned()?;
        if old == new {
            return Ok(());
        }
        self.check_evidence(|a| a.replace_evidence(id, &old, new.clone()))?;
        let title = new.title.clone();
        let id = id.clone();
        self.edit_active(move |a| {
            let _ = a.replace_evidence(&id, &old, new.clone());
        });
        self.messages.done(Status::EvidenceUpdated(title));
        Ok(())
    }

    /// Removes `item` from service `id`; [`Library::undo_last`] puts it back.
    pub fn remove_evidence(&self, id: &ServiceId, item: EvidenceItem) {
        let Some(assessment) = self.active.get_untracked() else { return };
        let position = self
            .current
            .with_untracked(|a| a.as_ref()?.services.get(id.as_str())?.evidence.iter().position(|i| *i == item));
        let Some(position) = position else { return };
        let (service, removed) = (id.clone(), item.clone());
        self.edit_active(move |a| {
            a.remove_evidence(&service, &removed);
        });
        self.messages.done(Status::EvidenceRemoved(item.title.clone()));
        self.messages.offer_undo(Undo::Evidence { assessment, service: id.clone(), position, item });
    }

    /// Puts a removed item back where it was (the undo of [`Library::remove_evidence`]),
    /// unless the service is full by now (the reason is shown).
    pub(super) fn restore_evidence(
        &self,
        assessment: &AssessmentId,
        service: ServiceId,
        position: usize,
        item: EvidenceItem,
    ) {
        if !self.open_for_undo(assessment) {
            return;
        }
        if let Err(e) = self.check_evidence(|a| a.add_evidence(&service, item.clone())) {
            return self.messages.fail(e);
        }
        let title = item.title.clone();
        self.edit_active(move |a| {
            if a.add_evidence(&service, item.clone()).is_ok() {
                a.edit_service(&service, |s| {
                    if let Some(back) = s.evidence.pop() {
                        s.evidence.insert(position.min(s.evidence.len()), back);
                    }
                });
            }
        });
        self.messages.done(Status::Restored(title));
    }
}
