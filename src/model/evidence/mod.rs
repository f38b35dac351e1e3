//! Evidence: what backs each score (docs/exchange-format.md, “Evidence”).
//!
//! A service lists the documents, tickets and reports that show why it got its score.
//! The app never stores or uploads a file: an item keeps a title, where the file lives
//! (a URL or a path: shown, never fetched), who owns it, when it was reviewed and is
//! due for review, and the file's SHA-256 [`Fingerprint`] computed in the page.
//!
//! - [`EvidenceItem`] is one item; [`EvidenceItem::new`] makes one from what a person
//!   typed, refusing what the reader would refuse.
//! - [`coverage`] counts, per category, the in-scope services with current evidence,
//!   and lists those whose score rests on no or stale evidence.
//! - [`changes`] says which items were added or are gone since a baseline snapshot.
//! - [`check_folder`] matches a folder of files against every fingerprint.
//! - [`safe_link`] is the location when it may become a link (http or https only).

pub mod coverage;
pub mod diff;
mod edit;
pub mod folder;
mod link;

pub use coverage::{coverage, unbacked, EvidenceCoverage, Unbacked, UnbackedService};
pub use diff::{changes, merged, EvidenceChange};
pub use edit::{EvidenceError, EvidenceField};
pub use folder::{check_folder, FolderCheck, FolderMatch};
pub use link::safe_link;

use super::fingerprint::Fingerprint;
use super::time::Date;
use super::Assessment;

/// Longest title accepted, in characters.
pub const MAX_TITLE_CHARS: usize = Assessment::MAX_NAME_CHARS;
/// Longest location (URL or path) accepted, in characters.
pub const MAX_LOCATION_CHARS: usize = 2_000;
/// Longest owner accepted, in characters.
pub const MAX_OWNER_CHARS: usize = Assessment::MAX_NAME_CHARS;

/// One piece of evidence for a service. The title is never blank; every other field
/// may be empty or unset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceItem {
    pub title: String,
    /// Where the file lives: a URL or a path, kept as text (see [`safe_link`]).
    pub location: String,
    pub owner: String,
    pub reviewed: Option<Date>,
    /// When the item is due for review again; after that day it is stale.
    pub review_by: Option<Date>,
    /// The file's SHA-256, when it was fingerprinted.
    pub sha256: Option<Fingerprint>,
}

impl EvidenceItem {
    /// An item with a title only.
    pub fn titled(title: impl Into<String>) -> EvidenceItem {
        EvidenceItem {
            title: title.into(),
            location: String::new(),
            owner: String::new(),
            reviewed: None,
            review_by: None,
            sha256: None,
        }
    }

    /// Stale on `today`: its review-by date is before `today` (both calendar dates, so
    /// an item is current through the whole of its review-by day). An item without a
    /// review-by date is never stale.
    pub fn is_stale(&self, today: &Date) -> bool {
        self.review_by.as_ref().is_some_and(|by| by < today)
    }

    /// Whether `other` is the same piece of evidence, when lists are compared or
    /// merged: by fingerprint when both have one (the same file, whatever it is called;
    /// another file under the same name is another item), else by title and location as
    /// written (so an item fingerprinted since is still the same item).
    pub fn same_item(&self, other: &EvidenceItem) -> bool {
        match (self.sha256, other.sha256) {
            (Some(a), Some(b)) => a == b,
            _ => self.title == other.title && self.location == other.location,
        }
    }
}

/// Whether any of `items` is current (not stale) on `today`.
pub fn has_current(items: &[EvidenceItem], today: &Date) -> bool {
    items.iter().any(|item| !item.is_stale(today))
}
