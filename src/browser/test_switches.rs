//! Switches for end-to-end tests, only in the build made for them (the `crash-test`
//! feature, `make dist-crash`). The published build has none: there, these functions
//! change nothing.

/// The text of an exported file; cut in half when a test has asked for a broken
/// export by setting `window.x1060CorruptExports = true` (the test of the check that
/// reads every export back).
#[cfg(feature = "crash-test")]
pub fn test_corruption(text: String) -> String {
    let asked = super::window()
        .ok()
        .and_then(|w| js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str("x1060CorruptExports")).ok())
        .is_some_and(|v| v.is_truthy());
    if !asked {
        return text;
    }
    let half = (0..=text.len() / 2).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    text[..half].to_owned()
}

/// The text of an exported file, as it is.
#[cfg(not(feature = "crash-test"))]
pub fn test_corruption(text: String) -> String {
    text
}
