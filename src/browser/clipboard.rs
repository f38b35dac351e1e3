//! The clipboard.

use wasm_bindgen_futures::JsFuture;

use super::{window, BrowserError};

/// Copies `text` to the clipboard; `Err` when the browser refuses (no permission,
/// an insecure context, the page not focused).
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let promise = window()?.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await?;
    Ok(())
}
