//! Backups: when the active assessment was last exported to a
//! file that read back, the gentle reminder to back up after many changes, and the
//! log behind both (`model::export_log`), kept as the preference `exported`.
//!
//! The log is read again before every change and written whole, so two tabs that
//! export add up; another tab's export reaches this one through the storage event
//! (see `App`). When the preference cannot be written (storage full), this tab still
//! shows the export, and no assessment data is touched.

use leptos::prelude::*;

use super::repo::with_repo;
use super::Library;
use crate::model::export_log::ExportLog;
use crate::model::{AssessmentId, Timestamp};

/// The preference that holds the export log.
const PREF: &str = "exported";

#[derive(Clone, Copy)]
pub struct Backups {
    log: RwSignal<ExportLog>,
    library: Library,
}

impl Backups {
    pub(super) fn load(library: Library) -> Self {
        Backups { log: RwSignal::new(stored_log()), library }
    }

    /// The key of the preference (for telling which storage events concern it).
    pub fn pref_key() -> String {
        crate::storage::pref_key(PREF)
    }

    /// Reads the log again (another tab changed it).
    pub fn reload(&self) {
        self.log.set(stored_log());
    }

    /// When the active assessment was last exported (reactive).
    pub fn last_export(&self) -> Option<Timestamp> {
        let id = self.library.active()?;
        self.log.with(|log| log.last_export(&id))
    }

    /// The active assessment and its revision counter (reactive).
    fn open_revision(&self) -> Option<(AssessmentId, u64)> {
        self.library.open_revision().map(|(id, revision)| (id, crate::storage::counter(revision)))
    }

    /// Whether to remind the user to back up the active assessment (reactive).
    pub fn remind(&self) -> bool {
        self.open_revision().is_some_and(|(id, rev)| self.log.with(|log| log.remind(&id, rev)))
    }

    /// Hides the reminder until as many changes again.
    pub fn dismiss_reminder(&self) {
        if let Some((id, rev)) = self.open_revision() {
            self.change(|log| log.dismissed(&id, rev));
        }
    }

    /// Records verified exports of assessments (id and revision counter).
    pub(super) fn exported(&self, marks: &[(AssessmentId, u64)], at: &Timestamp) {
        self.change(|log| {
            for (id, rev) in marks {
                log.exported(id, at, *rev);
            }
        });
    }

    /// Applies `f` to the stored log (forgetting assessments no longer stored or in
    /// the trash), stores it, and shows it.
    fn change(&self, f: impl FnOnce(&mut ExportLog)) {
        let mut log = stored_log();
        f(&mut log);
        log.retain(&self.library.known_ids());
        // A log not kept is no loss of data: this tab shows it all the same.
        let _ = with_repo(|r| r.set_pref(PREF, &log.write()));
        self.log.set(log);
    }
}

fn stored_log() -> ExportLog {
    ExportLog::read(with_repo(|r| r.pref(PREF)).as_deref())
}
