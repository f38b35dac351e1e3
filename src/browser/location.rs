//! The page's address: the fragment that names the view (`#/dashboard`) or carries
//! a share link (`#share=…`), and changes to it (back, forward, a pasted address).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::window;

/// The fragment of the page's address, with its `#` (empty when there is none).
pub fn location_hash() -> String {
    window().ok().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Moves to `#fragment`, as a new entry in the browser's history (so the back
/// button returns here), when the address is not already there.
pub fn set_hash(fragment: &str) {
    if location_hash().trim_start_matches('#') == fragment {
        return;
    }
    if let Ok(w) = window() {
        let _ = w.location().set_hash(fragment);
    }
}

/// Replaces the `#...` part of the page's address without a new history entry
/// (`None`: removes it), without reloading.
pub fn clear_hash(replacement: Option<&str>) {
    if let Ok(w) = window() {
        let location = w.location();
        let mut url = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
        if let Some(fragment) = replacement {
            url = format!("{url}#{fragment}");
        }
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// Loads the page again (the latest release, when the service worker has one), at
/// the same address. Everything typed is stored already (state/library/saving.rs writes what is
/// waiting when the page is left).
pub fn reload() {
    if let Ok(w) = window() {
        let _ = w.location().reload();
    }
}

/// This page's address (without any `#...`) followed by `#fragment`.
pub fn page_url_with_hash(fragment: &str) -> String {
    let base = window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Calls `f` with the new fragment whenever the address's fragment changes (back,
/// forward, a link, an address typed or pasted into this tab), until the owner is
/// cleaned up.
pub fn on_address_change(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| f(location_hash()));
    on_cleanup(move || handle.remove());
}
