//! The only layer that talks to browser APIs other than through Leptos: each API is a
//! small function (or a signal) here, so the state and the views never reach for
//! `web_sys::window()` themselves.

mod camera;
mod clipboard;
#[cfg(not(panic = "immediate-abort"))]
mod crash;
mod document;
mod files;
mod layout;
mod local_store;
mod location;
mod locks;
mod media;
mod random;
mod test_switches;

use wasm_bindgen::JsValue;

use crate::model::{AssessmentId, Date, Timestamp};

pub use camera::{start_camera, Camera, CameraError};
pub use clipboard::copy_text;
#[cfg(not(panic = "immediate-abort"))]
pub use crash::note_panic;
pub use document::{browser_language, confirm, focus_main, print, print_marked, set_document_lang, set_title};
pub use files::{decode_shift_jis, download, download_url, file_facts, read_file, read_in_pieces};
pub use layout::{device_pixel_ratio, inner_width, scroll_nav_to_current, scroll_to_top, set_attribute, size_canvas};
pub use local_store::LocalStore;
pub use location::{clear_hash, location_hash, on_address_change, page_url_with_hash, reload, set_hash};
pub use locks::{on_page_hidden, with_storage_lock};
pub use media::prefers_dark;
pub use random::random_bytes;
pub use test_switches::test_corruption;

/// Why a browser API refused: its own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowserError(pub String);

impl From<JsValue> for BrowserError {
    fn from(value: JsValue) -> Self {
        BrowserError(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    }
}

fn window() -> Result<web_sys::Window, BrowserError> {
    web_sys::window().ok_or_else(|| BrowserError("no window".to_owned()))
}

fn document() -> Result<web_sys::Document, BrowserError> {
    window()?.document().ok_or_else(|| BrowserError("no document".to_owned()))
}

pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// The user's own calendar date (the device's time zone): due dates are calendar
/// dates, so "overdue" and the roadmap's quarters follow the user's day, not UTC's.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    Date::from_ymd(i64::from(y), i64::from(m), i64::from(day)).unwrap_or_else(|| Date::of(&now()))
}

/// A fresh id for a stored assessment: time and randomness, so two tabs do not clash.
pub fn new_assessment_id() -> AssessmentId {
    let ms = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * f64::from(0xff_ffff)) as u32;
    AssessmentId::generate(ms, random)
}
