//! Files in and out: downloads made in the page, reading a chosen file, and decoding
//! Shift_JIS text with the browser's own decoder (so the app carries no tables).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{document, BrowserError};

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

/// Saves a URL (a `data:` or `blob:` URL of the page's own making) as a file.
pub fn download_url(file_name: &str, url: &str) -> Result<(), BrowserError> {
    let anchor: web_sys::HtmlAnchorElement = document()?.create_element("a")?.dyn_into().map_err(JsValue::from)?;
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

/// Decodes Shift_JIS bytes with the browser's `TextDecoder`; `Err` when they are not
/// Shift_JIS (the decoder is strict: it refuses instead of inserting U+FFFD).
pub fn decode_shift_jis(bytes: &[u8]) -> Result<String, BrowserError> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options)?;
    Ok(decoder.decode_with_u8_array(bytes)?)
}
