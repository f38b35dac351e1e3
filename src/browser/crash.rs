//! The notice that replaces the page after a crash (a panic).

use wasm_bindgen::JsValue;

use crate::i18n::{EN, JA};

/// Replaces the page with a notice after a crash, in both languages, with a link
/// that downloads everything the app keeps in this browser, so nothing is lost even
/// though the app has stopped. Uses only the DOM: no app code runs after this.
pub fn show_crash_notice(detail: &str) {
    let Ok(window) = super::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    let (en, ja) = (&EN.crash, &JA.crash);
    body.set_inner_html(&format!(
        "<main class=\"crash\" role=\"alert\" data-testid=\"crash-notice\">\
         <h1>{} / {}</h1><p lang=\"en\">{}</p><p lang=\"ja\">{}</p>\
         <p><a id=\"crash-download\" data-testid=\"crash-download\">{} / {}</a></p>\
         <pre id=\"crash-detail\"></pre></main>",
        en.heading, ja.heading, en.explain, ja.explain, en.download, ja.download
    ));
    if let Some(pre) = document.get_element_by_id("crash-detail") {
        pre.set_text_content(Some(detail));
    }
    let parts = js_sys::Array::of1(&JsValue::from_str(&stored_data(&window)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok());
    if let (Some(url), Some(link)) = (url, document.get_element_by_id("crash-download")) {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", "x1060-stored-data.json");
    }
}

/// Every entry of this app in localStorage, as one JSON object of raw texts.
fn stored_data(window: &web_sys::Window) -> String {
    let mut data = serde_json::Map::new();
    if let Ok(Some(storage)) = window.local_storage() {
        for i in 0..storage.length().unwrap_or(0) {
            let Ok(Some(key)) = storage.key(i) else { continue };
            if key.starts_with(crate::storage::PREFIX) {
                if let Ok(Some(value)) = storage.get_item(&key) {
                    data.insert(key, serde_json::Value::String(value));
                }
            }
        }
    }
    serde_json::to_string_pretty(&data).unwrap_or_default()
}
