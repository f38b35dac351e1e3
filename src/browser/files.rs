//! Files in and out: downloads made in the page, reading a chosen file (whole, or in
//! pieces for a file of any size), and decoding Shift_JIS text with the browser's own
//! decoder (so the app carries no tables).

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

/// A chosen file's name and size in bytes.
pub fn file_facts(file: &web_sys::File) -> (String, u64) {
    (file.name(), file.size() as u64)
}

/// Reads a chosen file `piece` bytes at a time (the last piece shorter), handing each
/// piece to `take` with the bytes read so far and the file's size; never more than one
/// piece is held, so a file of any size can be read. Stops when `take` says `false`:
/// `Ok(false)`; `Ok(true)` when the whole file was read. A file that changed or
/// vanished since it was picked gives the browser's reason.
pub async fn read_in_pieces(
    file: &web_sys::File,
    piece: u64,
    mut take: impl FnMut(&[u8], u64, u64) -> bool,
) -> Result<bool, BrowserError> {
    let total = file.size() as u64;
    let mut buffer = Vec::new();
    let mut done = 0u64;
    while done < total {
        let end = done.saturating_add(piece.max(1)).min(total);
        let blob = file.slice_with_f64_and_f64(done as f64, end as f64).map_err(reason)?;
        let bytes = JsFuture::from(blob.array_buffer()).await.map_err(reason)?;
        let array = js_sys::Uint8Array::new(&bytes);
        if array.length() == 0 {
            return Err(BrowserError("the file ended early".to_owned()));
        }
        buffer.resize(array.length() as usize, 0);
        array.copy_to(&mut buffer);
        done += buffer.len() as u64;
        if !take(&buffer, done, total) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A refusal in the browser's own words: a `DOMException`'s name and message (such as
/// `NotReadableError: …`) rather than its debug form.
fn reason(value: JsValue) -> BrowserError {
    match value.dyn_ref::<js_sys::Error>() {
        Some(e) => BrowserError(format!("{}: {}", String::from(e.name()), String::from(e.message()))),
        None => BrowserError::from(value),
    }
}

/// Decodes Shift_JIS bytes with the browser's `TextDecoder`; `Err` when they are not
/// Shift_JIS (the decoder is strict: it refuses instead of inserting U+FFFD).
pub fn decode_shift_jis(bytes: &[u8]) -> Result<String, BrowserError> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options)?;
    Ok(decoder.decode_with_u8_array(bytes)?)
}
