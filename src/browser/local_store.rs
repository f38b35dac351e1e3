//! The browser's localStorage as a [`KeyValueStore`]: the storage layer's
//! [`Repository`](crate::storage::Repository) runs over it in the page and over a
//! memory store in native tests.

use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::storage::{KeyValueStore, StorageError};

#[wasm_bindgen]
extern "C" {
    /// `web_sys::Storage`, for a `getItem` whose value stays a JS string.
    #[wasm_bindgen(js_name = Storage)]
    type StorageArea;

    /// `localStorage.getItem`, its value left a JS string (see [`LocalStore::get`]).
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &StorageArea, key: &str) -> Result<Option<JsString>, JsValue>;

    /// The browser's `TextEncoder` (UTF-8).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// The UTF-8 bytes of a JS string, copied into wasm memory in one piece.
    #[wasm_bindgen(method, js_name = encode)]
    fn encode(this: &Utf8Encoder, text: &JsString) -> Vec<u8>;
}

pub struct LocalStore {
    storage: web_sys::Storage,
    encoder: Utf8Encoder,
}

impl LocalStore {
    /// `Err(Unavailable)` when the browser gives the page no localStorage.
    pub fn open() -> Result<Self, StorageError> {
        let storage =
            super::window().ok().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageError::Unavailable)?;
        Ok(LocalStore { storage, encoder: Utf8Encoder::new() })
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
    /// The value is brought over by the browser's `TextEncoder` rather than
    /// wasm-bindgen's string passing, whose character-by-character copy in script is
    /// the larger part of reading storage at start-up (every working entry is read).
    /// Both make the same UTF-8 (a lone surrogate becomes U+FFFD).
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let Some(value) = self.storage.unchecked_ref::<StorageArea>().get_item_js(key).map_err(|e| classify(e, 0))?
        else {
            return Ok(None);
        };
        let bytes = self.encoder.encode(&value);
        String::from_utf8(bytes).map(Some).map_err(|e| StorageError::Other(e.to_string()))
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
