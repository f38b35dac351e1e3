//! Where assessments live between visits. The only module that touches
//! localStorage; everything above it talks to a [`Repository`].
//!
//! Layout (all keys start with [`PREFIX`], so a future layout can sit beside this one):
//! - `x1060.v1.assessment.<id>`: one assessment, as an exchange-format v1 document;
//! - `x1060.v1.index`: the ids in the order the user sees them (JSON array);
//! - `x1060.v1.active`: the id of the active assessment;
//! - `x1060.v1.pref.<name>`: small preferences (language, view);
//! - `x1060.v1.trash.<id>`: a deleted assessment, `{"deleted": <time>, "document": <text>}`,
//!   kept until the user restores it or empties the trash.
//!
//! Entries are read with the same reader as imported files. One that no longer
//! reads is set aside: left untouched under its key, listed as unreadable with its
//! raw text (which the user can download), and never overwritten.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use crate::model::exchange::{self, ImportError, Layout};
use crate::model::{Assessment, AssessmentId, Lang, Timestamp};

pub const PREFIX: &str = "x1060.v1.";

/// Whether a change to `key` (by another tab) can change the assessments, the trash
/// or the active one: every key of this layout except preferences.
pub fn holds_assessment_data(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(PREF_PREFIX)
}
const INDEX_KEY: &str = "x1060.v1.index";
const ACTIVE_KEY: &str = "x1060.v1.active";
const ASSESSMENT_PREFIX: &str = "x1060.v1.assessment.";
const PREF_PREFIX: &str = "x1060.v1.pref.";
const TRASH_PREFIX: &str = "x1060.v1.trash.";

/// What can go wrong when storing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, or a sandboxed frame).
    Unavailable,
    /// The browser refused the write: its storage for this site is full.
    QuotaExceeded { bytes: usize },
    /// Any other refusal, with the browser's words.
    Other(String),
}

impl StorageError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StorageError::Unavailable, Lang::En) => {
                "This browser does not let the page keep data (localStorage is unavailable). Export your work to a file to keep it.".to_owned()
            }
            (StorageError::Unavailable, Lang::Ja) => {
                "このブラウザではページがデータを保存できません（localStorage が使えません）。作業内容はファイルにエクスポートして保管してください。".to_owned()
            }
            (StorageError::QuotaExceeded { bytes }, Lang::En) => format!(
                "The browser's storage for this page is full, so the change ({bytes} bytes) was not saved; what was saved before is intact. Export to a file, then delete assessments or snapshots you no longer need."
            ),
            (StorageError::QuotaExceeded { bytes }, Lang::Ja) => format!(
                "このページのブラウザ保存領域がいっぱいのため、変更（{bytes} バイト）を保存できませんでした。以前に保存した内容はそのままです。ファイルにエクスポートしてから、不要なアセスメントやスナップショットを削除してください。"
            ),
            (StorageError::Other(detail), Lang::En) => format!("The browser refused to save: {detail}"),
            (StorageError::Other(detail), Lang::Ja) => format!("ブラウザが保存を拒否しました: {detail}"),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StorageError {}

/// A string key-value store: the browser's localStorage, or memory.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Must leave the old value in place when it fails.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// A store in memory, with an optional quota in bytes (UTF-16 code units × 2, as
/// browsers count). Used by tests, and by the app when localStorage is unavailable.
#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(bytes: usize) -> Self {
        MemoryStore { map: RefCell::default(), quota: Some(bytes) }
    }

    fn size(key: &str, value: &str) -> usize {
        (key.encode_utf16().count() + value.encode_utf16().count()) * 2
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut map = self.map.borrow_mut();
        if let Some(quota) = self.quota {
            let used: usize = map.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| Self::size(k, v)).sum();
            if used + Self::size(key, value) > quota {
                return Err(StorageError::QuotaExceeded { bytes: value.len() });
            }
        }
        map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// A stored assessment that could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAssessment {
    pub id: AssessmentId,
    pub assessment: Assessment,
}

/// A stored entry that could not be read, set aside untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: ImportError,
}

/// An assessment in the trash.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    pub id: AssessmentId,
    pub deleted: Option<Timestamp>,
    pub assessment: Assessment,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct TrashEntry {
    deleted: String,
    document: String,
}

fn trash_key(id: &AssessmentId) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// Everything found in storage at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub assessments: Vec<StoredAssessment>,
    pub unreadable: Vec<Unreadable>,
    /// The active assessment, if it is among `assessments`.
    pub active: Option<AssessmentId>,
    /// Deleted assessments, most recently deleted first.
    pub trash: Vec<Trashed>,
}

pub struct Repository<S> {
    store: S,
}

fn assessment_key(id: &AssessmentId) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

impl<S: KeyValueStore> Repository<S> {
    pub fn new(store: S) -> Self {
        Repository { store }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// The ids in the user's order: the index, then any stored entry the index
    /// misses (left by an interrupted save), so nothing stored is ever hidden.
    fn ids(&self) -> Result<Vec<AssessmentId>, StorageError> {
        let mut ids: Vec<AssessmentId> = self
            .store
            .get(INDEX_KEY)?
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .unwrap_or_default()
            .iter()
            .filter_map(|s| AssessmentId::parse(s).ok())
            .collect();
        let mut stored: Vec<AssessmentId> = self
            .store
            .keys()?
            .iter()
            .filter_map(|k| k.strip_prefix(ASSESSMENT_PREFIX))
            .filter_map(|s| AssessmentId::parse(s).ok())
            .collect();
        stored.sort();
        ids.retain(|id| stored.contains(id));
        ids.dedup();
        for id in stored {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Reads every stored assessment; unreadable ones are reported, not dropped.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        let mut loaded = Loaded::default();
        for id in self.ids()? {
            let key = assessment_key(&id);
            let Some(raw) = self.store.get(&key)? else { continue };
            match exchange::read_str(&raw) {
                Ok(assessment) => loaded.assessments.push(StoredAssessment { id, assessment }),
                Err(error) => loaded.unreadable.push(Unreadable { key, raw, error }),
            }
        }
        loaded.trash = self.trash()?;
        loaded.active = self
            .store
            .get(ACTIVE_KEY)?
            .and_then(|s| AssessmentId::parse(&s).ok())
            .filter(|id| loaded.assessments.iter().any(|a| &a.id == id));
        Ok(loaded)
    }

    fn write_index(&self, ids: &[AssessmentId]) -> Result<(), StorageError> {
        let list: Vec<&str> = ids.iter().map(AssessmentId::as_str).collect();
        let text = serde_json::to_string(&list).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.set(INDEX_KEY, &text)
    }

    /// Saves one assessment (new ones go to the end of the list). On failure
    /// nothing stored before is changed.
    pub fn save(&self, id: &AssessmentId, assessment: &Assessment) -> Result<(), StorageError> {
        self.save_at(id, assessment, None)
    }

    /// Puts a deleted assessment back at its old place in the list.
    pub fn restore(&self, id: &AssessmentId, assessment: &Assessment, position: usize) -> Result<(), StorageError> {
        self.save_at(id, assessment, Some(position))
    }

    fn save_at(&self, id: &AssessmentId, assessment: &Assessment, position: Option<usize>) -> Result<(), StorageError> {
        let key = assessment_key(id);
        let ids = self.ids()?;
        if ids.contains(id) {
            // Listed already: one write, which the store leaves undone if it fails.
            return self.store.set(&key, &exchange::write(assessment, Layout::Compact));
        }
        // New to the list: the entry, then the index; if the index cannot be written,
        // put back what was under the key, so a failed save leaves no trace.
        let previous = self.store.get(&key)?;
        self.store.set(&key, &exchange::write(assessment, Layout::Compact))?;
        let mut new_ids = ids;
        let at = position.unwrap_or(new_ids.len()).min(new_ids.len());
        new_ids.insert(at, id.clone());
        if let Err(e) = self.write_index(&new_ids) {
            let _ = match &previous {
                Some(old) => self.store.set(&key, old),
                None => self.store.remove(&key),
            };
            return Err(e);
        }
        Ok(())
    }

    /// Moves an assessment to the trash. Space is freed before the trash entry is
    /// written, so deleting works even when storage is full; on any failure the
    /// assessment is put back where it was.
    pub fn delete(&self, id: &AssessmentId, now: &Timestamp) -> Result<(), StorageError> {
        let key = assessment_key(id);
        let Some(raw) = self.store.get(&key)? else { return Ok(()) };
        let old_ids = self.ids()?;
        let ids: Vec<AssessmentId> = old_ids.iter().filter(|i| *i != id).cloned().collect();
        self.write_index(&ids)?;
        self.store.remove(&key)?;
        let entry = TrashEntry { deleted: now.as_str().to_owned(), document: raw };
        let text = serde_json::to_string(&entry).map_err(|e| StorageError::Other(e.to_string()))?;
        if let Err(e) = self.store.set(&trash_key(id), &text) {
            let _ = self.store.set(&key, &entry.document);
            let _ = self.write_index(&old_ids);
            return Err(e);
        }
        if self.store.get(ACTIVE_KEY)?.as_deref() == Some(id.as_str()) {
            self.store.remove(ACTIVE_KEY)?;
        }
        Ok(())
    }

    /// The trash, most recently deleted first. Entries that no longer read are skipped
    /// (left in place).
    pub fn trash(&self) -> Result<Vec<Trashed>, StorageError> {
        let mut list = Vec::new();
        for key in self.store.keys()? {
            let Some(id) = key.strip_prefix(TRASH_PREFIX).and_then(|s| AssessmentId::parse(s).ok()) else { continue };
            let Some(text) = self.store.get(&key)? else { continue };
            let Ok(entry) = serde_json::from_str::<TrashEntry>(&text) else { continue };
            let Ok(assessment) = exchange::read_str(&entry.document) else { continue };
            list.push(Trashed { id, deleted: Timestamp::parse(&entry.deleted), assessment });
        }
        list.sort_by(|a, b| b.deleted.cmp(&a.deleted));
        Ok(list)
    }

    /// Takes an assessment out of the trash, back into the list at `position`.
    pub fn restore_from_trash(&self, id: &AssessmentId, position: usize) -> Result<Assessment, StorageError> {
        let text =
            self.store.get(&trash_key(id))?.ok_or_else(|| StorageError::Other(format!("{id} is not in the trash")))?;
        let entry: TrashEntry = serde_json::from_str(&text).map_err(|e| StorageError::Other(e.to_string()))?;
        let assessment = exchange::read_str(&entry.document).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.remove(&trash_key(id))?;
        if let Err(e) = self.restore(id, &assessment, position) {
            let _ = self.store.set(&trash_key(id), &text);
            return Err(e);
        }
        Ok(assessment)
    }

    /// Deletes an assessment from the trash for good.
    pub fn purge(&self, id: &AssessmentId) -> Result<(), StorageError> {
        self.store.remove(&trash_key(id))
    }

    /// Removes an unreadable entry the user chose to discard.
    pub fn discard(&self, key: &str) -> Result<(), StorageError> {
        if key.starts_with(ASSESSMENT_PREFIX) {
            self.store.remove(key)?;
        }
        Ok(())
    }

    pub fn set_active(&self, id: Option<&AssessmentId>) -> Result<(), StorageError> {
        match id {
            Some(id) => self.store.set(ACTIVE_KEY, id.as_str()),
            None => self.store.remove(ACTIVE_KEY),
        }
    }

    pub fn pref(&self, name: &str) -> Option<String> {
        self.store.get(&format!("{PREF_PREFIX}{name}")).ok().flatten()
    }

    pub fn set_pref(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.store.set(&format!("{PREF_PREFIX}{name}"), value)
    }
}
