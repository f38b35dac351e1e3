//! The browser's localStorage as a [`KeyValueStore`]: the storage layer's
//! [`Repository`](crate::storage::Repository) runs over it in the page and over a
//! memory store in native tests.

use wasm_bindgen::JsCast;

use crate::storage::{KeyValueStore, StorageError};

pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// `Err(Unavailable)` when the browser gives the page no localStorage.
    pub fn open() -> Result<Self, StorageError> {
        let storage =
            super::window().ok().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageError::Unavailable)?;
        Ok(LocalStore { storage })
    }
}

fn classify(err: wasm_bindgen::JsValue, bytes: usize) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded { bytes },
        Some(e) => StorageError::Other(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Other(format!("{err:?}")),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| classify(e, 0))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| classify(e, value.len()))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| classify(e, 0))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(|e| classify(e, 0))?;
        Ok((0..n).filter_map(|i| self.storage.key(i).ok().flatten()).collect())
    }
}
