//! Layout facts and small layout moves: the screen's pixel density, an element's
//! width on screen, a canvas made sharp for its size, a scrolling strip brought to
//! its current item, the page back to its top.

use wasm_bindgen::JsCast;

use super::{document, window};

/// Device pixels per CSS pixel (`window.devicePixelRatio`), at least 1.
pub fn device_pixel_ratio() -> f64 {
    window().map(|w| w.device_pixel_ratio()).ok().filter(|r| r.is_finite() && *r >= 1.0).unwrap_or(1.0)
}

/// The element's inner width in CSS pixels (`clientWidth`: without border and
/// scroll bar); 0 while it is not laid out (not in the page, or hidden).
pub fn inner_width(element: &web_sys::Element) -> u32 {
    u32::try_from(element.client_width()).unwrap_or(0)
}

/// Gives `canvas` a drawing buffer of `size` CSS pixels at `ratio` device pixels each
/// (so it is sharp on screen), and sets its 2D context to draw in CSS pixels. The
/// buffer is only replaced (which clears it) when its size changes.
pub fn size_canvas(canvas: &web_sys::HtmlCanvasElement, size: (u32, u32), ratio: f64) {
    let device = |css: u32| (f64::from(css) * ratio).round().clamp(1.0, 16_384.0) as u32;
    let (width, height) = (device(size.0), device(size.1));
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let context =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    if let Some(context) = context {
        // Scales by exactly the buffer's share of the CSS size, so the drawing fills it.
        let sx = f64::from(width) / f64::from(size.0.max(1));
        let sy = f64::from(height) / f64::from(size.1.max(1));
        let _ = context.set_transform(sx, 0.0, 0.0, sy, 0.0, 0.0);
    }
}

/// Scrolls the page's navigation (`header nav`), where it scrolls sideways, so that its
/// item marked `aria-current` is in view (centred where it can be).
pub fn scroll_nav_to_current() {
    let strip = document().ok().and_then(|d| d.query_selector("header nav").ok().flatten());
    let Some(strip) = strip.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let Some(item) = strip.query_selector("[aria-current]").ok().flatten() else { return };
    let Ok(item) = item.dyn_into::<web_sys::HtmlElement>() else { return };
    if strip.scroll_width() <= strip.client_width() {
        return;
    }
    // offsetLeft is measured from the strip (it is the items' offset parent).
    let left = item.offset_left() - (strip.client_width() - item.offset_width()) / 2;
    strip.set_scroll_left(left.max(0));
}

/// Sets an attribute (a name and value that are always valid, so it cannot fail).
pub fn set_attribute(element: &web_sys::Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Scrolls the page to its top (a newly opened view starts at its beginning).
pub fn scroll_to_top() {
    if let Ok(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
