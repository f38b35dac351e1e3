//! After a panic. The notice itself is `public/crash.js` (a plain script of the page):
//! the release build aborts at once on a panic, and the trap reaches that script as a
//! `WebAssembly.RuntimeError`, with no Rust code running any more. Builds whose panics
//! run a hook first (`make dev`; not the release build) leave the panic's message
//! for the notice to show.

use wasm_bindgen::JsValue;

/// Keeps a panic's message in `window.x1060PanicMessage`, which the crash notice
/// shows as its detail (the trap that follows the hook shows the notice).
pub fn note_panic(message: &str) {
    if let Ok(window) = super::window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("x1060PanicMessage"), &JsValue::from_str(message));
    }
}
