//! The repository over storage layout 2: list, open, create, commit edits with a
//! revision check, snapshots under keys of their own, the trash (listings.rs: the
//! listings and what start-up reads; trash.rs: the trash; snapshots.rs).
//!
//! Every method is one synchronous step that leaves the store consistent when it
//! fails: what it wrote is put back, or nothing was written yet. The app runs each
//! step under a lock shared by its tabs (the Web Locks API), so steps of different
//! tabs never interleave; the revision check finds what another tab wrote since this
//! tab read, and [`Repository::commit`] then re-applies this tab's edits to that
//! newer state instead of overwriting it.

use super::entries::{Listing, TrashEntry, WorkEntry, WorkHead};
use super::keys::{self, id_after};
pub use super::revision::Revision;
use super::revision::{counter, mark};
use super::{KeyValueStore, StorageError};
use crate::model::exchange::{self, ImportError};
use crate::model::{Assessment, AssessmentId, Lang, Timestamp};

/// An edit of an assessment, kept so it can be applied again to a newer state.
pub type Edit<'a> = &'a dyn Fn(&mut Assessment);

/// An assessment read from storage, with what a later write must know.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub id: AssessmentId,
    pub assessment: Assessment,
    pub revision: Revision,
    /// The key number of each of `assessment.snapshots`, in the same order.
    pub snapshot_keys: Vec<u64>,
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
}

impl<S: KeyValueStore> Repository<S> {
    pub fn new(store: S) -> Self {
        Repository { store, writer: String::new() }
    }

    /// A repository whose writes are marked as `writer`'s.
    pub fn with_writer(store: S, writer: impl Into<String>) -> Self {
        Repository { store, writer: writer.into() }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// The revision this repository writes after `base`.
    pub(super) fn next(&self, base: Revision) -> Revision {
        mark(&self.writer) | (counter(base) + 1)
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

    /// The whole document of a working state and its snapshots, as text.
    fn document_text(&self, id: &AssessmentId, entry: &WorkEntry) -> Result<String, StorageError> {
        let mut parts = Vec::with_capacity(entry.snapshots.len());
        for n in &entry.snapshots {
            // A missing snapshot key is found by the count check of `open`.
            if let Some(text) = self.store.get(&keys::snapshot(id, *n))? {
                parts.push(text);
            }
        }
        Ok(exchange::join_parts(&entry.document, &parts))
    }

    /// Reads and checks one assessment with its snapshots.
    pub fn open(&self, id: &AssessmentId) -> Result<Stored, OpenError> {
        let Some((raw, entry)) = self.read_work(id)? else { return Err(OpenError::Missing) };
        let text = self.document_text(id, &entry)?;
        match exchange::read_str(&text) {
            Ok(assessment) if assessment.snapshots.len() == entry.snapshots.len() => {
                Ok(Stored { id: id.clone(), assessment, revision: entry.rev, snapshot_keys: entry.snapshots })
            }
            Ok(_) => {
                Err(OpenError::Unreadable(Unreadable { key: keys::work(id), raw, error: EntryError::MissingSnapshot }))
            }
            Err(error) => {
                Err(OpenError::Unreadable(Unreadable { key: keys::work(id), raw, error: EntryError::Document(error) }))
            }
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
        let mut snapshot_keys = Vec::with_capacity(a.snapshots.len());
        for (i, s) in a.snapshots.iter().enumerate() {
            let n = i as u64 + 1;
            let key = keys::snapshot(id, n);
            self.store.set(&key, &exchange::write_snapshot(a, s))?;
            written.push(key);
            snapshot_keys.push(n);
        }
        let entry = WorkEntry {
            rev: self.next(0),
            snapshots: snapshot_keys.clone(),
            next: snapshot_keys.len() as u64 + 1,
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
        Ok(Stored { id: id.clone(), assessment: a.clone(), revision: entry.rev, snapshot_keys })
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

    /// Writes `current` as the revision after `base` of the working state of `id`, when the
    /// stored revision is still `base`; otherwise applies `edits` again to the stored
    /// state and writes that. Snapshots are not touched (they have their own steps).
    pub fn commit(
        &self,
        id: &AssessmentId,
        base: Revision,
        current: &Assessment,
        edits: &[Edit<'_>],
    ) -> Result<Committed, StorageError> {
        let entry = match self.read_work(id) {
            Ok(Some((_, entry))) => entry,
            Ok(None) => return self.commit_to_trash(id, edits),
            // A damaged stored state is never overwritten: it is set aside as it is.
            Err(OpenError::Unreadable(u)) => return Err(StorageError::Damaged(u.error.message(Lang::En))),
            Err(OpenError::Missing) => return self.commit_to_trash(id, edits),
            Err(OpenError::Storage(e)) => return Err(e),
        };
        if entry.rev == base {
            let rev = self.next(base);
            let mut next = WorkEntry { document: exchange::write_working(current), ..entry };
            next.advance(rev, &self.writer);
            self.store.set(&keys::work(id), &to_json(&next)?)?;
            self.relist(id, current)?;
            return Ok(Committed::Saved { revision: next.rev });
        }
        let mut stored = match self.open(id) {
            Ok(s) => s,
            Err(OpenError::Storage(e)) => return Err(e),
            Err(OpenError::Missing) => return self.commit_to_trash(id, edits),
            Err(OpenError::Unreadable(u)) => return Err(StorageError::Damaged(u.error.message(Lang::En))),
        };
        for edit in edits {
            edit(&mut stored.assessment);
        }
        let rev = self.next(entry.rev);
        let mut next = WorkEntry { document: exchange::write_working(&stored.assessment), ..entry };
        next.advance(rev, &self.writer);
        self.store.set(&keys::work(id), &to_json(&next)?)?;
        self.relist(id, &stored.assessment)?;
        stored.revision = next.rev;
        Ok(Committed::Merged(Box::new(stored)))
    }

    /// The assessment was deleted (by another tab) before `edits` were stored: they go
    /// into its trash copy, so they come back with it.
    fn commit_to_trash(&self, id: &AssessmentId, edits: &[Edit<'_>]) -> Result<Committed, StorageError> {
        let key = keys::trash(id);
        let Some(text) = self.store.get(&key)? else { return Ok(Committed::Gone { in_trash: false }) };
        let Ok(mut entry) = TrashEntry::read(&text) else {
            return Ok(Committed::Gone { in_trash: false });
        };
        let Ok(mut a) = exchange::read_str(&entry.document) else { return Ok(Committed::Gone { in_trash: false }) };
        for edit in edits {
            edit(&mut a);
        }
        entry.document = exchange::write(&a, exchange::Layout::Compact);
        self.store.set(&key, &entry.write().map_err(|e| StorageError::Other(e.to_string()))?)?;
        Ok(Committed::Gone { in_trash: true })
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
            match self.open(&l.id) {
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
