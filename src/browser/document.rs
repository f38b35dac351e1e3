//! The document and the window's dialogs: language, title, confirm, print.

use super::{document, window};

/// The browser's preferred language tag (`navigator.language`).
pub fn browser_language() -> Option<String> {
    window().ok()?.navigator().language()
}

/// Sets `<html lang>`.
pub fn set_document_lang(code: &str) {
    if let Some(root) = document().ok().and_then(|d| d.document_element()) {
        // Setting an attribute on the root element cannot fail for a valid name.
        let _ = root.set_attribute("lang", code);
    }
}

/// Sets the document's title (the tab's and the history entry's name).
pub fn set_title(title: &str) {
    if let Ok(doc) = document() {
        doc.set_title(title);
    }
}

/// Asks the user to confirm; `false` when they cancel or the browser shows no dialog.
pub fn confirm(question: &str) -> bool {
    window().ok().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Opens the browser's print dialog (the report's A4 layout is in the print stylesheet).
pub fn print() -> Result<(), super::BrowserError> {
    window()?.print().map_err(Into::into)
}

/// Moves keyboard focus to the main content (the skip link's target).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().ok().and_then(|d| d.get_element_by_id("main")) {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Prints with `class` on `<html>` (for a print stylesheet that shows one part of the
/// page), removed again when the print dialog closes.
pub fn print_marked(class: &str) -> Result<(), super::BrowserError> {
    let root = document()?.document_element().ok_or_else(|| super::BrowserError("no root element".to_owned()))?;
    root.class_list().add_1(class)?;
    let printed = window()?.print().map_err(Into::into);
    root.class_list().remove_1(class)?;
    printed
}
