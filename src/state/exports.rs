//! What goes out: downloads (JSON, CSV, the plan, a backup, a damaged entry's raw
//! text) and share links. Each failure says what could not be done. Every JSON file
//! and backup is read back through the importer after it is written: the user is
//! told it verified, or what is wrong with it.

use leptos::prelude::*;

use super::{Alert, Backups, BrowserTask, Library, Messages, Status};
use crate::browser;
use crate::model::exchange::{self, Layout, Verified, VerifyError};
use crate::model::{Assessment, AssessmentId};

#[derive(Clone, Copy)]
pub struct Exports {
    library: Library,
    messages: Messages,
    backups: Backups,
}

impl Exports {
    pub(super) fn new(library: Library, messages: Messages, backups: Backups) -> Self {
        Exports { library, messages, backups }
    }

    /// Downloads `text`; `false` after reporting that the browser refused.
    pub(super) fn download(&self, file_name: &str, mime: &str, text: &str) -> bool {
        match browser::download(file_name, mime, text) {
            Ok(()) => true,
            Err(e) => {
                self.messages.browser_failed(BrowserTask::Download, e);
                false
            }
        }
    }

    /// Says how the files just written read back; a verified export of stored
    /// assessments (`marks`: their ids and revision counters) is recorded for the
    /// "last exported" line.
    fn report_verified(&self, file: String, result: Result<Verified, VerifyError>, marks: &[(AssessmentId, u64)]) {
        match result {
            Ok(verified) => {
                if !marks.is_empty() {
                    self.backups.exported(marks, &browser::now());
                }
                self.messages.clear_alert();
                self.messages.done(Status::Verified(verified));
            }
            Err(error) => self.messages.fail(Alert::ExportNotVerified { file, error }),
        }
    }

    fn with_active(&self, f: impl FnOnce(&Assessment)) {
        self.library.current().with_untracked(|a| {
            if let Some(a) = a {
                f(a);
            }
        });
    }

    /// The active assessment as an exchange-format file, then read back.
    pub fn json(&self) {
        // Stored first, so the revision recorded is the one exported.
        self.library.flush_now();
        let Some((id, rev)) = self.library.open_revision_untracked() else { return };
        self.with_active(|a| {
            if let Some((name, result)) = self.download_json(a) {
                self.report_verified(name, result, &[(id, crate::storage::counter(rev))]);
            }
        });
    }

    /// An assessment that is not stored work (a workshop round's template) as a
    /// file, read back like any export; "last exported" is not changed by it.
    pub(super) fn json_unstored(&self, a: &Assessment) {
        if let Some((name, result)) = self.download_json(a) {
            self.report_verified(name, result, &[]);
        }
    }

    /// `a` as an exchange-format file, then its text read back through the importer:
    /// the file's name and what reading it back found; `None` when the browser
    /// refused the download (reported).
    fn download_json(&self, a: &Assessment) -> Option<(String, Result<Verified, VerifyError>)> {
        let name = exchange::file_name(&a.name, "json");
        let text = browser::test_corruption(exchange::write(a, Layout::Pretty));
        self.download(&name, "application/json", &text).then(|| {
            let result = exchange::verify_assessment(&text, a);
            (name, result)
        })
    }

    /// The active assessment's services as CSV for spreadsheets.
    pub fn services_csv(&self) {
        self.with_active(|a| {
            let text = crate::model::csv::services_csv(a);
            self.download(&exchange::file_name(&a.name, "csv"), "text/csv;charset=utf-8", &text);
        });
    }

    /// The same CSV with Japanese headings and words (both read back).
    pub fn services_csv_ja(&self) {
        self.with_active(|a| {
            let text = crate::model::csv::services_csv_in(a, crate::model::Lang::Ja);
            self.download(&exchange::file_name(&format!("{} ja", a.name), "csv"), "text/csv;charset=utf-8", &text);
        });
    }

    /// The improvement plan as CSV, with overdue items marked as of today.
    pub fn plan_csv(&self) {
        self.with_active(|a| {
            let today = browser::today();
            let text = crate::model::csv::plan_csv(a, &today);
            self.download(&exchange::file_name(&format!("{} plan", a.name), "csv"), "text/csv;charset=utf-8", &text);
        });
    }

    /// Every stored assessment in backup files: one, or as many as needed for each to
    /// stay within the import limit, so that every backup written can be restored.
    /// Then read back, every file.
    pub fn backup(&self) {
        let now = browser::now();
        let Some(all) = self.library.all_with_ids() else { return };
        let refs: Vec<&Assessment> = all.iter().map(|(_, _, a)| a).collect();
        let parts: Vec<String> = exchange::write_backups(&refs, &now, exchange::MAX_BYTES)
            .into_iter()
            .map(browser::test_corruption)
            .collect();
        let count = parts.len();
        let mut first = None;
        for (i, text) in parts.iter().enumerate() {
            let name = if count == 1 {
                format!("x1060-backup-{}.json", now.date())
            } else {
                format!("x1060-backup-{}-part{}-of-{count}.json", now.date(), i + 1)
            };
            if !self.download(&name, "application/json", text) {
                return;
            }
            first.get_or_insert(name);
        }
        let marks: Vec<(AssessmentId, u64)> = all.iter().map(|(id, rev, _)| (id.clone(), *rev)).collect();
        let file = first.unwrap_or_default();
        self.report_verified(file, exchange::verify_backup(&parts, &refs), &marks);
    }

    /// The raw text of a stored entry that could not be read.
    pub fn unreadable_raw(&self, key: &str) {
        if let Some(raw) = self.library.unreadable_raw(key) {
            self.download(&exchange::file_name(key, "txt"), "text/plain", &raw);
        }
    }

    /// A link to this page carrying the active assessment; `None` after reporting
    /// why there cannot be one.
    pub fn share_link(&self) -> Option<String> {
        let a = self.library.current().get_untracked()?;
        let link = self.messages.report(crate::model::share::encode(&a))?;
        self.messages.dismiss();
        Some(browser::page_url_with_hash(&link))
    }

    /// Copies `text` to the clipboard and says whether that worked.
    pub fn copy(&self, text: String) {
        let messages = self.messages;
        leptos::task::spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => messages.done(Status::Copied),
                Err(e) => messages.browser_failed(BrowserTask::Copy, e),
            }
        });
    }

    /// Prints the quick check's handout alone (the print stylesheet shows only it
    /// while the page is marked so).
    pub fn print_handout(&self) {
        if let Err(e) = browser::print_marked("print-handout") {
            self.messages.browser_failed(BrowserTask::Print, e);
        }
    }

    /// Opens the print dialog (the report).
    pub fn print(&self) {
        if let Err(e) = browser::print() {
            self.messages.browser_failed(BrowserTask::Print, e);
        }
    }
}
