//! The spreadsheet round trip: a services CSV read back into the active assessment.
//! The file is read and checked whole, its changes are shown, and nothing changes
//! before the user applies them; an applied import is an edit like any other (stored
//! under the storage lock, merged with other tabs' edits) and can be undone.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Alert, BrowserTask, Library, Messages, Status, Undo};
use crate::browser;
use crate::model::csv::{self, CsvChange, CsvError, CsvUpdate, Decoded};
use crate::model::exchange::MAX_BYTES;
use crate::model::AssessmentId;

/// A file read and checked, its changes waiting for the user to apply or cancel them.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingCsv {
    pub file: String,
    /// The assessment the changes were worked out for.
    pub assessment: AssessmentId,
    pub update: CsvUpdate,
    pub changes: Vec<CsvChange>,
    /// The file's text in the encoding read, and in the other one when it reads so too.
    pub decoded: Arc<Decoded>,
}

#[derive(Clone, Copy)]
pub struct CsvImport {
    pending: RwSignal<Option<PendingCsv>>,
    busy: RwSignal<bool>,
    library: Library,
    messages: Messages,
}

impl CsvImport {
    pub(super) fn new(library: Library, messages: Messages) -> Self {
        CsvImport { pending: RwSignal::new(None), busy: RwSignal::new(false), library, messages }
    }

    /// The changes waiting for confirmation (reactive).
    pub fn pending(&self) -> ReadSignal<Option<PendingCsv>> {
        self.pending.read_only()
    }

    /// Whether a chosen file is being read (reactive).
    pub fn busy(&self) -> bool {
        self.busy.get()
    }

    fn refuse(&self, file: String, error: CsvError) {
        let catalogue = self.library.current().with_untracked(|a| a.as_ref().map(|a| a.catalogue));
        self.messages.fail(Alert::Csv { file, error, catalogue });
    }

    /// Reads a CSV the user chose for the active assessment and shows its changes; a
    /// file over the size limit is refused before it is read.
    pub fn read_file(&self, file: web_sys::File) {
        let name = file.name();
        let size = file.size() as usize;
        if size > MAX_BYTES {
            self.refuse(name, CsvError::TooLarge { bytes: size });
            return;
        }
        self.busy.set(true);
        let this = *self;
        leptos::task::spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => this.read_bytes(name, &bytes),
                Err(e) => this.messages.browser_failed(BrowserTask::ReadFile, e),
            }
            this.busy.set(false);
        });
    }

    /// Decodes a file (UTF-8 with a BOM; without, UTF-8 or Shift_JIS, whichever the
    /// evidence of both readings favours: [`csv::decode`]) and previews it.
    fn read_bytes(&self, file: String, bytes: &[u8]) {
        let shift_jis = if csv::wants_shift_jis(bytes) { browser::decode_shift_jis(bytes).ok() } else { None };
        match csv::decode(bytes, shift_jis) {
            Ok(decoded) => self.show(file, Arc::new(decoded)),
            Err(e) => self.refuse(file, e),
        }
    }

    /// Reads the previewed file again in the other encoding (the preview's switch).
    pub fn switch_encoding(&self) {
        let Some(pending) = self.pending.get_untracked() else { return };
        if let Some(switched) = pending.decoded.switched() {
            self.show(pending.file, Arc::new(switched));
        }
    }

    /// Previews a decoded file's changes to the active assessment.
    fn show(&self, file: String, decoded: Arc<Decoded>) {
        let Some(assessment) = self.library.active_untracked() else { return };
        let preview = self.library.current().with_untracked(|a| a.as_ref().map(|a| csv::preview(decoded.text(), a)));
        match preview {
            None => {}
            Some(Err(e)) => self.refuse(file, e),
            Some(Ok(p)) if p.changes.is_empty() => {
                self.messages.clear_alert();
                self.pending.set(None);
                self.messages.done(Status::CsvNoChanges(file));
            }
            Some(Ok(p)) => {
                self.messages.clear_alert();
                self.messages.clear_status();
                self.pending.set(Some(PendingCsv { file, assessment, update: p.update, changes: p.changes, decoded }));
            }
        }
    }

    /// Applies the previewed changes to the active assessment. When it changed since
    /// the preview (another tab), nothing is applied: the preview is worked out again
    /// for the user to check.
    pub fn apply(&self) {
        let Some(mut pending) = self.pending.get_untracked() else { return };
        if self.library.active_untracked().as_ref() != Some(&pending.assessment) {
            self.pending.set(None);
            return self.refuse(pending.file, CsvError::OtherAssessment);
        }
        let now = self.library.current().with_untracked(|a| a.as_ref().map(|a| pending.update.checked_changes(a)));
        match now {
            None => {}
            Some(Err(e)) => {
                self.pending.set(None);
                self.refuse(pending.file, e);
            }
            Some(Ok(changes)) if changes != pending.changes => {
                pending.changes = changes;
                let file = pending.file.clone();
                self.pending.set(Some(pending));
                self.refuse(file, CsvError::ChangedSincePreview);
            }
            Some(Ok(changes)) => {
                self.pending.set(None);
                let count = changes.len();
                let edit = changes.clone();
                self.library.edit_active(move |a| csv::apply(a, &edit));
                self.messages.clear_alert();
                self.messages.done(Status::CsvApplied { file: pending.file, count });
                self.messages.offer_undo(Undo::CsvImport { assessment: pending.assessment, changes });
            }
        }
    }

    /// Closes the preview; nothing changes.
    pub fn cancel(&self) {
        self.pending.set(None);
    }
}
