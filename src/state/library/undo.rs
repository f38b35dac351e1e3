//! Undo of the last destructive step: what it removed ([`Undo`], offered through
//! [`Messages`](super::super::Messages)) and how each kind is brought back. A deleted
//! assessment comes back from the trash (`trash.rs`); a deleted snapshot and an applied
//! CSV import are set back by a [`Change`] on the assessment they were made in, which
//! is opened first if another one is active.

use leptos::prelude::*;

use super::Library;
use crate::model::csv::{self, CsvChange};
use crate::model::evidence::EvidenceItem;
use crate::model::{AssessmentId, ServiceId, Snapshot};
use crate::state::Status;
use crate::storage::Change;

/// What the last destructive action removed, so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// An assessment moved to the trash.
    Assessment {
        id: AssessmentId,
        position: usize,
        was_active: bool,
    },
    Snapshot {
        assessment: AssessmentId,
        position: usize,
        snapshot: Snapshot,
    },
    /// The changes a CSV import applied to an assessment.
    CsvImport {
        assessment: AssessmentId,
        changes: Vec<CsvChange>,
    },
    /// An evidence item removed from a service, and where it was in its list.
    Evidence {
        assessment: AssessmentId,
        service: ServiceId,
        position: usize,
        item: EvidenceItem,
    },
}

impl Library {
    /// Brings back what the last deletion removed (or sets back a CSV import).
    pub fn undo_last(&self) {
        match self.messages.take_undo() {
            Some(Undo::Assessment { id, position, was_active }) => self.restore_from_trash(&id, position, was_active),
            Some(Undo::Snapshot { assessment, position, snapshot }) => {
                self.restore_snapshot(&assessment, position, snapshot)
            }
            Some(Undo::CsvImport { assessment, changes }) => self.undo_csv(&assessment, changes),
            Some(Undo::Evidence { assessment, service, position, item }) => {
                self.restore_evidence(&assessment, service, position, item)
            }
            None => {}
        }
    }

    /// Opens the assessment an undo is for, if another is active; false when it cannot
    /// be opened (deleted meanwhile, in this tab or another).
    pub(super) fn open_for_undo(&self, assessment: &AssessmentId) -> bool {
        if self.active.get_untracked().as_ref() != Some(assessment) {
            self.activate(assessment);
        }
        self.active.get_untracked().as_ref() == Some(assessment)
    }

    /// Puts a deleted snapshot back where it was (the undo of [`Library::delete_snapshot`]).
    fn restore_snapshot(&self, assessment: &AssessmentId, position: usize, snapshot: Snapshot) {
        if !self.open_for_undo(assessment) {
            return;
        }
        let label = snapshot.label.clone();
        self.change_active(Change::AddSnapshot { snapshot, position: Some(position) });
        self.messages.done(Status::Restored(label));
    }

    /// Sets back what an applied CSV import changed (its undo), in the assessment it
    /// was applied to, and says what it left because it changed since.
    fn undo_csv(&self, assessment: &AssessmentId, changes: Vec<CsvChange>) {
        if !self.open_for_undo(assessment) {
            return;
        }
        // Only fields that still hold the imported value are set back: one changed since
        // (here or in another tab) is left. The edit checks again on the state it runs
        // on, which may be another tab's newer one.
        let Some(plan) = self.current.with_untracked(|a| a.as_ref().map(|a| csv::undoable(a, &changes))) else {
            return;
        };
        if !plan.undone.is_empty() {
            let undone = plan.undone.clone();
            self.edit_active(move |a| {
                csv::revert(a, &undone);
            });
        }
        let kept = plan.kept.iter().map(|c| (c.service.clone(), c.field())).collect();
        self.messages.done(Status::CsvUndone { undone: plan.undone.len(), kept });
    }
}
