//! Glue to browser APIs other than storage: files in and out, the clock, the
//! document's language.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{AssessmentId, Timestamp};

/// Why a download or upload did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowserError(pub String);

impl From<JsValue> for BrowserError {
    fn from(value: JsValue) -> Self {
        BrowserError(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    }
}

pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// A fresh id for a stored assessment: time and randomness, so two tabs do not clash.
pub fn new_assessment_id() -> AssessmentId {
    let ms = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * f64::from(0xff_ffff)) as u32;
    AssessmentId::generate(ms, random)
}

/// The browser's preferred language tag (`navigator.language`).
pub fn browser_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Sets `<html lang>`.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Saves `contents` as a file named `file_name` through the browser's download.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let clicked = download_url(file_name, &url);
    web_sys::Url::revoke_object_url(&url)?;
    clicked
}

/// Removes the `#...` part of the page's address without reloading.
pub fn clear_hash() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default();
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
}

/// This page's address (without any `#...`) followed by `#fragment`.
pub fn page_url_with_hash(fragment: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
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

/// Saves a URL (a `data:` or `blob:` URL of the page's own making) as a file.
pub fn download_url(file_name: &str, url: &str) -> Result<(), BrowserError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| BrowserError("no document".to_owned()))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into().map_err(JsValue::from)?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// Reads a chosen file's bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, BrowserError> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Replaces the page with a notice after a crash (a panic), with a link that
/// downloads everything the app keeps in this browser, so nothing is lost even
/// though the app has stopped. Uses only the DOM: no app code runs after this.
pub fn show_crash_notice(detail: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    let mut data = serde_json::Map::new();
    if let Ok(Some(storage)) = window.local_storage() {
        let n = storage.length().unwrap_or(0);
        for i in 0..n {
            if let Ok(Some(key)) = storage.key(i) {
                if key.starts_with(crate::storage::PREFIX) {
                    if let Ok(Some(value)) = storage.get_item(&key) {
                        data.insert(key, serde_json::Value::String(value));
                    }
                }
            }
        }
    }
    let dump = serde_json::to_string_pretty(&data).unwrap_or_default();
    body.set_inner_html(
        "<main class=\"crash\" role=\"alert\" data-testid=\"crash-notice\">\
         <h1>Something went wrong / 問題が発生しました</h1>\
         <p>The app stopped because of an internal error. Your data is still stored in this browser. \
         Download a copy of it below, then reload the page.</p>\
         <p>内部エラーのためアプリが停止しました。データはこのブラウザに保存されたままです。\
         下のリンクから控えをダウンロードしてから、ページを再読み込みしてください。</p>\
         <p><a id=\"crash-download\" data-testid=\"crash-download\">Download stored data / 保存データをダウンロード</a></p>\
         <pre id=\"crash-detail\"></pre></main>",
    );
    if let Some(pre) = document.get_element_by_id("crash-detail") {
        pre.set_text_content(Some(detail));
    }
    let parts = js_sys::Array::of1(&JsValue::from_str(&dump));
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
