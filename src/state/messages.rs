//! What the app tells the user: one alert (`role="alert"`, what failed and why), one
//! status line (`role="status"`, what was done), and the last destructive action,
//! which can be undone. Every failure in the state reaches the user through
//! [`Messages::report`] or [`Messages::fail`].

use leptos::prelude::*;

use super::Undo;

use crate::browser::BrowserError;
use crate::i18n::texts;
use crate::model::catalogue::CustomServiceError;
use crate::model::csv::{CsvError, CsvField};
use crate::model::evidence::EvidenceError;
use crate::model::exchange::{ImportError, Verified, VerifyError};
use crate::model::limits::LimitError;
use crate::model::share::ShareError;
use crate::model::{AssessmentId, Catalogue, CatalogueDef, Lang, ServiceId};
use crate::storage::StorageError;

/// What the browser was asked to do when it refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserTask {
    ReadFile,
    Download,
    ChartDownload,
    Copy,
    Print,
}

/// An error shown to the user in a `role="alert"` element.
#[derive(Clone, Debug, PartialEq)]
pub enum Alert {
    Import {
        file: String,
        error: ImportError,
    },
    Share(ShareError),
    Storage(StorageError),
    Unreadable {
        count: usize,
    },
    Browser {
        task: BrowserTask,
        error: BrowserError,
    },
    CustomService(CustomServiceError),
    /// More would be more than the reader accepts.
    Limit(LimitError),
    /// Assessments left in the older storage layout: storage too full to move them.
    NotMoved {
        count: usize,
        error: StorageError,
    },
    /// The open assessment (`id`) was deleted in another tab.
    DeletedElsewhere {
        id: AssessmentId,
        in_trash: bool,
    },
    /// A file just exported did not read back as what was written.
    ExportNotVerified {
        file: String,
        error: VerifyError,
    },
    /// A CSV file refused (nothing changed); `catalogue` names the words it accepts.
    Csv {
        file: String,
        error: CsvError,
        catalogue: Option<Catalogue>,
    },
    /// The code of an action fetched on first use did not arrive (src/split/views.rs).
    PartNotLoaded,
    /// The page's address names no view (`#/…`).
    UnknownAddress(String),
    /// Assessments an older release had changed after they were moved: its newer
    /// state was kept.
    NewerKept(Vec<String>),
    /// Assessments deleted in one tab that another wrote again: folded into the trash.
    Folded {
        count: usize,
    },
    /// An evidence item refused (nothing changed).
    Evidence(EvidenceError),
}

impl From<LimitError> for Alert {
    fn from(e: LimitError) -> Self {
        Alert::Limit(e)
    }
}

impl From<StorageError> for Alert {
    fn from(e: StorageError) -> Self {
        Alert::Storage(e)
    }
}

impl From<ShareError> for Alert {
    fn from(e: ShareError) -> Self {
        Alert::Share(e)
    }
}

impl From<EvidenceError> for Alert {
    fn from(e: EvidenceError) -> Self {
        Alert::Evidence(e)
    }
}

impl From<CustomServiceError> for Alert {
    fn from(e: CustomServiceError) -> Self {
        Alert::CustomService(e)
    }
}

impl Alert {
    /// What failed, in the interface language.
    pub fn headline(&self, lang: Lang) -> String {
        let t = &texts(lang).status;
        match self {
            Alert::Import { file, error } => format!("{} {}", (t.import_failed)(&isolate(file)), error.headline(lang)),
            Alert::Storage(e) => e.message(lang),
            Alert::Share(e) => e.message(lang),
            Alert::Unreadable { count } => (t.unreadable)(*count),
            Alert::Browser { task, error } => {
                let what = match task {
                    BrowserTask::ReadFile => t.file_read_failed,
                    BrowserTask::Download => t.download_failed,
                    BrowserTask::ChartDownload => t.chart_download_failed,
                    BrowserTask::Copy => t.copy_failed,
                    BrowserTask::Print => t.print_failed,
                };
                format!("{what} ({})", error.0)
            }
            Alert::CustomService(e) => format!("{} {}", t.custom_failed, e.message(lang)),
            Alert::Limit(e) => e.message(lang),
            Alert::NotMoved { count, error } => format!("{} {}", (t.not_moved)(*count), error.message(lang)),
            Alert::DeletedElsewhere { in_trash: true, .. } => t.deleted_elsewhere_kept.to_owned(),
            Alert::DeletedElsewhere { in_trash: false, .. } => t.deleted_elsewhere.to_owned(),
            Alert::ExportNotVerified { file, error } => error.headline(lang, &isolate(file)),
            Alert::Csv { file, error, .. } => format!("{} {}", (t.import_failed)(&isolate(file)), error.headline(lang)),
            Alert::PartNotLoaded => texts(lang).common.part_load_failed.to_owned(),
            Alert::UnknownAddress(address) => (t.unknown_address)(&isolate(address)),
            Alert::NewerKept(names) => {
                (t.newer_kept)(&names.iter().map(|n| format!("“{}”", isolate(n))).collect::<Vec<_>>().join(", "))
            }
            Alert::Folded { count } => (t.folded)(*count),
            Alert::Evidence(e) => e.message(lang),
        }
    }

    /// Further lines (each problem of an imported file).
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            Alert::Import { error, .. } => error.details(lang),
            Alert::ExportNotVerified { error, .. } => error.details(lang),
            Alert::Csv { error, catalogue, .. } => error.details(catalogue.unwrap_or_else(CatalogueDef::latest), lang),
            _ => Vec::new(),
        }
    }
}

/// A confirmation shown in a `role="status"` element.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Created(String),
    Imported(String),
    Duplicated(String),
    Deleted(String),
    Restored(String),
    SnapshotTaken(String),
    RestoredBackup(usize),
    SyncedFromOtherTab,
    Copied,
    /// A workshop merge created this assessment.
    Merged(String),
    /// A returned copy is stored already (same content): not added again.
    AlreadyStored(String),
    /// A workshop copy (`old`, now in the trash) was replaced by a returned one.
    Replaced {
        old: String,
        new: String,
    },
    /// An exported file or backup read back as what was written.
    Verified(Verified),
    /// A CSV file that changes nothing.
    CsvNoChanges(String),
    CsvApplied {
        file: String,
        count: usize,
    },
    /// A CSV import undone: how many changes were set back, and the fields left as
    /// they were because they changed since the import.
    CsvUndone {
        undone: usize,
        kept: Vec<(ServiceId, CsvField)>,
    },
    /// An evidence item added, changed, removed (its title).
    EvidenceAdded(String),
    EvidenceUpdated(String),
    EvidenceRemoved(String),
}

/// User text inside a message, isolated (U+2068 … U+2069) so that right-to-left
/// characters or bidirectional controls in it cannot reorder the words around it.
fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

impl Status {
    pub fn message(&self, lang: Lang) -> String {
        let t = &texts(lang).status;
        match self {
            Status::Created(name) => (t.created)(&isolate(name)),
            Status::Imported(name) => (t.imported)(&isolate(name)),
            Status::Duplicated(name) => (t.duplicated)(&isolate(name)),
            Status::Deleted(name) => (t.deleted)(&isolate(name)),
            Status::Restored(name) => (t.restored)(&isolate(name)),
            Status::SnapshotTaken(label) => (t.snapshot_taken)(&isolate(label)),
            Status::RestoredBackup(n) => (t.restored_backup)(*n),
            Status::SyncedFromOtherTab => t.synced_from_other_tab.to_owned(),
            Status::Copied => t.copied.to_owned(),
            Status::Merged(name) => (texts(lang).workshop.merged)(&isolate(name)),
            Status::AlreadyStored(name) => (texts(lang).workshop.already_stored)(&isolate(name)),
            Status::Replaced { old, new } => (texts(lang).workshop.replaced)(&isolate(old), &isolate(new)),
            Status::Verified(Verified::Assessment { name, services }) => (t.verified)(&isolate(name), *services),
            Status::Verified(Verified::Backup { files, assessments }) => (t.verified_backup)(*files, *assessments),
            Status::CsvNoChanges(file) => (texts(lang).csv.no_changes)(&isolate(file)),
            Status::CsvApplied { file, count } => (texts(lang).csv.applied)(&isolate(file), *count),
            Status::CsvUndone { undone, kept } if kept.is_empty() => (texts(lang).csv.undone)(*undone),
            Status::CsvUndone { undone, kept } => {
                (texts(lang).csv.undone_partly)(*undone, kept.len(), &csv_fields(kept, lang))
            }
            Status::EvidenceAdded(title) => (texts(lang).evidence.added)(&isolate(title)),
            Status::EvidenceUpdated(title) => (texts(lang).evidence.updated)(&isolate(title)),
            Status::EvidenceRemoved(title) => (texts(lang).evidence.removed)(&isolate(title)),
        }
    }
}

/// Fields of services as a list: `A-1 Note, A-3 Current` (the first ten, then `…`).
fn csv_fields(fields: &[(ServiceId, CsvField)], lang: Lang) -> String {
    const SHOWN: usize = 10;
    let mut list: Vec<String> = fields.iter().take(SHOWN).map(|(id, f)| format!("{id} {}", f.label(lang))).collect();
    if fields.len() > SHOWN {
        list.push("…".to_owned());
    }
    list.join(lang.pick("、", ", "))
}

/// The message area's state.
#[derive(Clone, Copy)]
pub struct Messages {
    alert: RwSignal<Option<Alert>>,
    status: RwSignal<Option<Status>>,
    undo: RwSignal<Option<Undo>>,
}

impl Messages {
    pub(super) fn new(alert: Option<Alert>) -> Self {
        Messages { alert: RwSignal::new(alert), status: RwSignal::new(None), undo: RwSignal::new(None) }
    }

    /// The alert shown (reactive).
    pub fn alert(&self) -> Option<Alert> {
        self.alert.get()
    }

    /// The status line (reactive).
    pub fn status(&self) -> Option<Status> {
        self.status.get()
    }

    /// Whether there is something to undo (reactive).
    pub fn can_undo(&self) -> bool {
        self.undo.with(Option::is_some)
    }

    /// Shows an alert; the status line is cleared, so an old success does not
    /// stand beside a new failure.
    pub fn fail(&self, alert: impl Into<Alert>) {
        self.status.set(None);
        self.alert.set(Some(alert.into()));
    }

    /// A browser API refused `task`.
    pub fn browser_failed(&self, task: BrowserTask, error: BrowserError) {
        self.fail(Alert::Browser { task, error });
    }

    /// Shows a confirmation.
    pub fn done(&self, status: Status) {
        self.status.set(Some(status));
    }

    /// The value of `result`, or `None` after showing its error as an alert.
    pub fn report<T, E: Into<Alert>>(&self, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.fail(e);
                None
            }
        }
    }

    /// Closes the alert.
    pub fn dismiss(&self) {
        self.alert.set(None);
    }

    /// Closes the alert if it is a storage failure (a later save worked).
    pub(super) fn clear_storage_alert(&self) {
        if matches!(self.alert.get_untracked(), Some(Alert::Storage(_))) {
            self.alert.set(None);
        }
    }

    /// The assessment the alert says was deleted elsewhere, if it says so.
    pub(super) fn deleted_elsewhere(&self) -> Option<AssessmentId> {
        match self.alert.get_untracked() {
            Some(Alert::DeletedElsewhere { id, .. }) => Some(id),
            _ => None,
        }
    }

    pub(super) fn clear_alert(&self) {
        self.alert.set(None);
    }

    pub(super) fn clear_status(&self) {
        self.status.set(None);
    }

    pub(super) fn offer_undo(&self, undo: Undo) {
        self.undo.set(Some(undo));
    }

    pub(super) fn take_undo(&self) -> Option<Undo> {
        let undo = self.undo.get_untracked();
        self.undo.set(None);
        undo
    }
}
