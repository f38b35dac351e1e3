//! The repository over storage layout 2: list, open, create, commit edits with a
//! revision check, snapshots under keys of their own, the trash (listings.rs: the
//! listings and what start-up reads; commit.rs: the one write path; trash.rs: the
//! trash; snapshots.rs).
//!
//! Every method is one synchronous step that leaves the store consistent when it
//! fails: what it wrote is put back, or nothing was written yet. The app runs each
//! step under a lock shared by its tabs (the Web Locks API), so steps of different
//! tabs never interleave; the revision check finds what another tab wrote since this
//! tab read, and [`Repository::commit`] then re-applies this tab's edits to that
//! newer state instead of overwriting it.

use super::entries::{Listing, WorkEntry, WorkHead};
use super::keys::{self, id_after};
pub use super::revision::Revision;
use super::revision::{counter, mark, snapshot_mark};
use super::{KeyValueStore, StorageError};
use crate::model::exchange::{self, ImportError};
use crate::model::{Assessment, AssessmentId, Lang, SnapshotId, Timestamp};

/// An assessment read from storage, with what a later write must know.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub id: AssessmentId,
    /// Its snapshots' ids are those of their storage keys.
    pub assessment: Assessment,
    pub revision: Revision,
    /// Snapshots the working entry lists that are no longer stored (deleted).
    pub missing: Vec<SnapshotId>,
    /// Snapshot entries that do not read, set aside (the rest reads as ever).
    pub damaged: Vec<Unreadable>,
}

/// A stored entry that could not be read, set aside untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: EntryError,
}

impl Unreadable {
    /// The assessment whose working entry this is (none for other entries).
    pub fn work_id(&self) -> Option<AssessmentId> {
        id_after(&self.key, keys::WORK)
    }
}

/// Why a stored entry could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    /// The document in it is not one the reader accepts.
    Document(ImportError),
    /// The entry around the document is damaged.
    Envelope(String),
    /// A snapshot listed in it is missing.
    MissingSnapshot,
}

impl EntryError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EntryError::Document(e), _) => e.message(lang),
            (EntryError::Envelope(detail), Lang::En) => format!("The stored entry is damaged: {detail}"),
            (EntryError::Envelope(detail), Lang::Ja) => format!("保存データが壊れています: {detail}"),
            (EntryError::MissingSnapshot, Lang::En) => {
                "A snapshot of this assessment is missing from the browser's storage.".to_owned()
            }
            (EntryError::MissingSnapshot, Lang::Ja) => {
                "このアセスメントのスナップショットがブラウザの保存領域から失われています。".to_owned()
            }
        }
    }
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// An assessment in the trash.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    pub id: AssessmentId,
    pub deleted: Option<Timestamp>,
    pub assessment: Assessment,
}

/// What start-up finds, without reading any document but the listings'.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub listings: Vec<Listing>,
    /// The active assessment, if it is listed.
    pub active: Option<AssessmentId>,
    /// Entries that could not be read (assessments and trash), set aside.
    pub unreadable: Vec<Unreadable>,
    /// Deleted assessments, most recently deleted first.
    pub trash: Vec<Trashed>,
}

/// What became of a write.
#[derive(Clone, Debug, PartialEq)]
pub enum Committed {
    /// Written; the state in memory is the stored one, at this revision.
    Saved { revision: Revision },
    /// Another tab had written since: its state, with this tab's edits applied again
    /// on top, is what was stored (and what the tab should show now).
    Merged(Box<Stored>),
    /// The assessment is no longer live (deleted in another tab). The edits went into
    /// its trash copy when there is one (`in_trash`), so restoring brings them back.
    Gone { in_trash: bool },
}

/// Why an assessment could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Not stored (deleted in another tab).
    Missing,
    Unreadable(Unreadable),
    Storage(StorageError),
}

impl From<StorageError> for OpenError {
    fn from(e: StorageError) -> Self {
        OpenError::Storage(e)
    }
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StorageError> {
    serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))
}

pub struct Repository<S> {
    store: S,
    /// Who writes: a token of this tab, kept in each working entry it writes.
    pub(super) writer: String,
    /// How many snapshot ids this repository has made.
    snapshots_made: std::cell::Cell<u32>,
}

impl<S: KeyValueStore> Repository<S> {
    pub fn new(store: S) -> Self {
        Repository { store, writer: String::new(), snapshots_made: std::cell::Cell::new(0) }
    }

    /// A repository whose writes are marked as `writer`'s.
    pub fn with_writer(store: S, writer: impl Into<String>) -> Self {
        Repository { store, writer: writer.into(), snapshots_made: std::cell::Cell::new(0) }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// The revision this repository writes after `base`.
    pub(super) fn next(&self, base: Revision) -> Revision {
        mark(&self.writer) | (counter(base) + 1)
    }

    /// An id for a new snapshot, unique across the tabs (each has its own writer
    /// token) and never one a file's snapshots are numbered with (1, 2, ...).
    pub fn new_snapshot_id(&self) -> SnapshotId {
        let made = self.snapshots_made.get().wrapping_add(1);
        self.snapshots_made.set(made);
        SnapshotId::unique(snapshot_mark(&self.writer), made)
    }

    // ---- one assessment ----

    /// Whether a working entry is there and its envelope reads, without keeping its
    /// document (start-up checks every entry; the documents are read when opened).
    pub(super) fn check_work(&self, id: &AssessmentId) -> Result<Option<()>, OpenError> {
        let key = keys::work(id);
        let Some(raw) = self.store.get(&key)? else { return Ok(None) };
        if serde_json::from_str::<WorkHead>(&raw).is_ok() {
            return Ok(Some(()));
        }
        // Damaged: read it the full way, for the message that says what is wrong.
        self.read_work(id).map(|found| found.map(|_| ()))
    }

    pub(super) fn read_work(&self, id: &AssessmentId) -> Result<Option<(String, WorkEntry)>, OpenError> {
        let key = keys::work(id);
        let Some(raw) = self.store.get(&key)? else { return Ok(None) };
        match serde_json::from_str::<WorkEntry>(&raw) {
            Ok(entry) => Ok(Some((raw, entry))),
            Err(e) => {
                // Not JSON at all: the reader's message says where (line and column).
                let error = match exchange::read_str(&raw) {
                    Err(syntax) if serde_json::from_str::<serde::de::IgnoredAny>(&raw).is_err() => {
                        EntryError::Document(syntax)
                    }
                    _ => EntryError::Envelope(e.to_string()),
                };
                Err(OpenError::Unreadable(Unreadable { key, raw, error }))
            }
        }
    }

    /// Reads and checks one assessment with its snapshots. A snapshot that does not
    /// read is set aside ([`Stored::damaged`]); the rest reads as ever.
    pub fn open(&self, id: &AssessmentId) -> Result<Stored, OpenError> {
        self.open_with_keys(id, None)
    }

    /// [`Repository::open`], with the store's keys when the caller listed them already.
    fn open_with_keys(&self, id: &AssessmentId, all_keys: Option<&[String]>) -> Result<Stored, OpenError> {
        let Some((raw, entry)) = self.read_work(id)? else { return Err(OpenError::Missing) };
        let snapshots = self.snapshot_texts(id, &entry, all_keys)?;
        match exchange::read_str(&exchange::join_parts(&entry.document, &snapshots.texts)) {
            Ok(mut assessment) if assessment.snapshots.len() == snapshots.ids.len() => {
                for (s, n) in assessment.snapshots.iter_mut().zip(&snapshots.ids) {
                    s.id = *n;
                }
                Ok(Stored {
                    id: id.clone(),
                    assessment,
                    revision: entry.rev,
                    missing: snapshots.missing,
                    damaged: Vec::new(),
                })
            }
            _ => self.open_apart(id, raw, &entry, snapshots),
        }
    }

    /// Stores a new assessment under `id` (at `position` in the list, else at the
    /// end). On failure nothing is left behind.
    pub fn create(&self, id: &AssessmentId, a: &Assessment, position: Option<usize>) -> Result<Stored, StorageError> {
        let mut written: Vec<String> = Vec::new();
        let result = self.create_keys(id, a, position, &mut written);
        if result.is_err() {
            for key in written {
                let _ = self.store.remove(&key);
            }
        }
        result
    }

    fn create_keys(
        &self,
        id: &AssessmentId,
        a: &Assessment,
        position: Option<usize>,
        written: &mut Vec<String>,
    ) -> Result<Stored, StorageError> {
        // Snapshot ids are unique within an assessment; a copy made elsewhere may
        // repeat one, so repeats are numbered anew.
        let mut a = a.clone();
        let mut seen = std::collections::BTreeSet::new();
        let mut next = a.next_snapshot_id().0;
        for s in &mut a.snapshots {
            if !seen.insert(s.id) {
                s.id = SnapshotId(next);
                next += 1;
                seen.insert(s.id);
            }
        }
        let a = &a;
        for s in &a.snapshots {
            let key = keys::snapshot(id, s.id);
            self.store.set(&key, &exchange::write_snapshot(a, s))?;
            written.push(key);
        }
        let ids: Vec<u64> = a.snapshots.iter().map(|s| s.id.0).collect();
        let entry = WorkEntry {
            rev: self.next(0),
            next: ids.iter().max().map_or(1, |m| m + 1),
            snapshots: ids,
            writer: self.writer.clone(),
            base: 0,
            document: exchange::write_working(a),
        };
        let key = keys::work(id);
        self.store.set(&key, &to_json(&entry)?)?;
        written.push(key);
        let all_keys = self.store.keys()?;
        let mut listings = self.checked_listings(&all_keys)?;
        listings.retain(|l| &l.id != id);
        let at = position.unwrap_or(listings.len()).min(listings.len());
        listings.insert(at, Listing::of(id, a));
        self.write_index(&listings)?;
        Ok(Stored {
            id: id.clone(),
            assessment: a.clone(),
            revision: entry.rev,
            missing: Vec::new(),
            damaged: Vec::new(),
        })
    }

    /// Updates the listing of `id` in the index (or adds it).
    pub(super) fn relist(&self, id: &AssessmentId, a: &Assessment) -> Result<(), StorageError> {
        let mut listings = self.read_index()?.unwrap_or_default();
        let listing = Listing::of(id, a);
        match listings.iter_mut().find(|l| &l.id == id) {
            Some(l) if *l == listing => return Ok(()),
            Some(l) => *l = listing,
            None => listings.push(listing),
        }
        self.write_index(&listings)
    }

    /// The stored revision of `id`, if it is stored and readable: cheap, for telling
    /// whether another tab wrote.
    pub fn revision(&self, id: &AssessmentId) -> Result<Option<Revision>, StorageError> {
        match self.read_work(id) {
            Ok(entry) => Ok(entry.map(|(_, e)| e.rev)),
            Err(OpenError::Storage(e)) => Err(e),
            Err(_) => Ok(None),
        }
    }

    /// Every readable stored assessment, in the user's order (for backups, and for
    /// telling whether a backup's member is already here).
    pub fn all(&self) -> Result<Vec<Stored>, StorageError> {
        let all_keys = self.store.keys()?;
        let listings = self.checked_listings(&all_keys)?;
        let mut out = Vec::with_capacity(listings.len());
        for l in listings {
            match self.open_with_keys(&l.id, Some(&all_keys)) {
                Ok(s) => out.push(s),
                Err(OpenError::Storage(e)) => return Err(e),
                Err(_) => {}
            }
        }
        Ok(out)
    }

    // ---- the active one, preferences ----

    pub fn set_active(&self, id: Option<&AssessmentId>) -> Result<(), StorageError> {
        match id {
            Some(id) => self.store.set(keys::ACTIVE, id.as_str()),
            None => self.store.remove(keys::ACTIVE),
        }
    }

    pub fn pref(&self, name: &str) -> Option<String> {
        self.store.get(&keys::pref(name)).ok().flatten()
    }

    pub fn set_pref(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.store.set(&keys::pref(name), value)
    }
}
