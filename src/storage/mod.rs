//! Where assessments live between visits: the storage layout over a key-value
//! store (the browser's localStorage in the page, memory in native tests).
//!
//! Layout 2 (keys start with `x1060.v2.`):
//! - `index`: the listings (name, organisation, last change, counts) in the user's
//!   order, so Home lists assessments without reading their documents;
//! - `work.<id>`: an assessment's working state, an exchange-format document without
//!   its snapshots, with a revision raised by every write and the keys of its
//!   snapshots; an edit rewrites only this entry;
//! - `snap.<id>.<n>`: one snapshot, `n` its stable id, written once when taken
//!   (again only when relabelled); the keys hold the snapshots, the working entry's
//!   list only their order (`snapshots.rs`);
//! - `trash.<id>`: a deleted assessment, `{"deleted": <time>, "document": <text>}`;
//! - `active`, `pref.<name>`: the active assessment and small preferences (the
//!   language, `pref.exported`: when each assessment was last exported).
//!
//! Entries are read with the same reader as imported files. One that no longer reads
//! is set aside: left untouched under its key, listed with its raw text (which the
//! user can download), never overwritten. Layout 1 is moved over at start-up
//! (`legacy`). Every step leaves the store consistent when it fails.

mod change;
mod commit;
mod entries;
mod keys;
mod legacy;
mod listings;
mod queue;
mod repository;
mod revision;
mod snapshots;
mod trash;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use crate::model::{Lang, LimitError};

pub use change::Change;
pub use entries::Listing;
pub use legacy::Migration;
pub use queue::WriteQueue;
pub use repository::{Committed, EntryError, Loaded, OpenError, Repository, Stored, Trashed, Unreadable};
pub use revision::{counter, lost_write, unseen_write, Revision};

/// The key of an assessment's working state (for telling which storage events
/// concern the open assessment).
pub fn work_key(id: &crate::model::AssessmentId) -> String {
    keys::work(id)
}

/// The key of a preference (for telling which storage events concern it).
pub fn pref_key(name: &str) -> String {
    keys::pref(name)
}

/// Every key of every layout of this app starts with this.
pub const PREFIX: &str = "x1060.";

/// Whether a change to `key` (by another tab) can change the assessments, the trash
/// or the active one: every key of layout 2 but preferences, and layout 1's data
/// (an older release open in another tab).
pub fn holds_assessment_data(key: &str) -> bool {
    (key.starts_with(keys::V2) && !key.starts_with(keys::PREF))
        || key.starts_with(keys::v1::ASSESSMENT)
        || key.starts_with(keys::v1::TRASH)
}

/// What can go wrong when storing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, or a sandboxed frame).
    Unavailable,
    /// The browser refused the write: its storage for this site is full.
    QuotaExceeded { bytes: usize },
    /// The stored copy is damaged, so nothing was written over it.
    Damaged(String),
    /// The assessment to restore is no longer in the trash (restored or purged in
    /// another tab).
    NotInTrash,
    /// The assessment would no longer read back once written, so nothing was.
    Limit(LimitError),
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
            (StorageError::Damaged(detail), Lang::En) => format!(
                "The stored copy of this assessment is damaged, so nothing was saved over it ({detail}). Export what is on screen to keep it."
            ),
            (StorageError::Damaged(detail), Lang::Ja) => format!(
                "このアセスメントの保存データが壊れているため、上書き保存しませんでした（{detail}）。画面の内容をエクスポートして保管してください。"
            ),
            (StorageError::NotInTrash, Lang::En) => {
                "That assessment is no longer in the trash: it was restored or deleted for good, perhaps in another tab.".to_owned()
            }
            (StorageError::NotInTrash, Lang::Ja) => {
                "そのアセスメントはもうごみ箱にありません。別のタブで元に戻されたか、完全に削除された可能性があります。".to_owned()
            }
            (StorageError::Limit(e), lang) => e.message(lang),
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

/// A store behind a reference (two repositories over one store: two tabs, in tests)
/// or a box (the page's store chosen at start-up) is that store.
macro_rules! forward_store {
    ($($wrapper:ty),*) => {$(
        impl<T: KeyValueStore + ?Sized> KeyValueStore for $wrapper {
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
    )*};
}

forward_store!(&T, Box<T>);

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
