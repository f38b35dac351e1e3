//! When each assessment was last exported to a file that read back, and how many saves
//! it has had since: the "last exported" line and the gentle reminder to back up.
//!
//! Changes are counted with the assessment's stored revision (every save raises it,
//! in whichever tab), so nothing is written per edit: an export records the revision
//! it saw, and the changes since are the difference. Kept as one small preference,
//! JSON `{"<id>": {"at": "<time>", "rev": <n>, "quiet": <n>}}`; a preference that
//! cannot be read is taken as empty (no assessment data is in it).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AssessmentId, Timestamp};

/// The reminder to back up shows after this many saves since the last export (or
/// since it was dismissed).
pub const REMIND_AFTER: u64 = 20;

/// What is known of one assessment's exports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Mark {
    /// When it was last exported (and verified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<String>,
    /// Its revision counter then.
    #[serde(default)]
    rev: u64,
    /// Its revision counter when the reminder was last dismissed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quiet: Option<u64>,
}

/// The export marks of every assessment, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportLog {
    marks: BTreeMap<String, Mark>,
}

impl ExportLog {
    /// The log stored as `text`; empty when there is none or it cannot be read.
    pub fn read(text: Option<&str>) -> ExportLog {
        let marks = text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        ExportLog { marks }
    }

    /// The log as stored.
    pub fn write(&self) -> String {
        serde_json::to_string(&self.marks).unwrap_or_else(|_| "{}".to_owned())
    }

    /// `id` was exported at `at`, at revision counter `rev`.
    pub fn exported(&mut self, id: &AssessmentId, at: &Timestamp, rev: u64) {
        let mark = self.marks.entry(id.as_str().to_owned()).or_default();
        mark.at = Some(at.as_str().to_owned());
        mark.rev = rev;
        mark.quiet = None;
    }

    /// The reminder for `id` was dismissed at revision counter `rev`.
    pub fn dismissed(&mut self, id: &AssessmentId, rev: u64) {
        self.marks.entry(id.as_str().to_owned()).or_default().quiet = Some(rev);
    }

    /// When `id` was last exported.
    pub fn last_export(&self, id: &AssessmentId) -> Option<Timestamp> {
        self.marks.get(id.as_str()).and_then(|m| m.at.as_deref()).and_then(Timestamp::parse)
    }

    /// Saves of `id` since its last export (since it was created when never
    /// exported), its revision counter being `rev` now.
    pub fn changes_since(&self, id: &AssessmentId, rev: u64) -> u64 {
        let mark = self.marks.get(id.as_str()).filter(|m| m.at.is_some());
        rev.saturating_sub(mark.map_or(0, |m| m.rev))
    }

    /// Whether to remind to back up `id` (revision counter `rev` now): at least
    /// [`REMIND_AFTER`] saves since the last export, and as many since the reminder
    /// was last dismissed.
    pub fn remind(&self, id: &AssessmentId, rev: u64) -> bool {
        let quiet = self.marks.get(id.as_str()).and_then(|m| m.quiet);
        self.changes_since(id, rev) >= REMIND_AFTER && quiet.is_none_or(|q| rev.saturating_sub(q) >= REMIND_AFTER)
    }

    /// Forgets the assessments not in `ids` (deleted for good).
    pub fn retain(&mut self, ids: &[AssessmentId]) {
        self.marks.retain(|id, _| ids.iter().any(|i| i.as_str() == id));
    }
}
