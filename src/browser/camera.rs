//! The device's camera for the room's QR codes: a live preview in a `<video>`, and its
//! frames copied out as RGBA bytes for reading in the page (`crate::scan`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{document, window};

/// Why the camera did not start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The browser offers no camera to this page (no `mediaDevices`: an old browser,
    /// or an address that is not https://).
    Unsupported,
    /// The user (or the browser's settings) refused the camera.
    Denied,
    /// No camera, or it is in use by another app.
    NoCamera,
    /// Something else, in the browser's words.
    Other(String),
}

/// A started camera: its stream, shown in a `<video>`, and a canvas to copy frames on.
pub struct Camera {
    stream: web_sys::MediaStream,
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
}

/// Asks for the camera (the one facing away from the user, where there are two) and
/// shows it in `video`.
pub async fn start_camera(video: &web_sys::HtmlVideoElement) -> Result<Camera, CameraError> {
    let navigator = window().map_err(|_| CameraError::Unsupported)?.navigator();
    let devices = navigator.media_devices().map_err(|_| CameraError::Unsupported)?;
    if JsValue::from(&devices).is_undefined() {
        return Err(CameraError::Unsupported);
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_wanted = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video_wanted, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video_wanted);
    constraints.set_audio_bool(false);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(refusal)?;
    let stream: web_sys::MediaStream = JsFuture::from(promise).await.map_err(refusal)?.unchecked_into();
    let (canvas, context) = frame_canvas().map_err(|e| CameraError::Other(super::BrowserError::from(e).0))?;
    let camera = Camera { stream, canvas, context };
    video.set_muted(true);
    video.set_src_object(Some(&camera.stream));
    if let Ok(playing) = video.play() {
        // A preview that does not play still gives frames once it does; not an error.
        let _ = JsFuture::from(playing).await;
    }
    Ok(camera)
}

impl Camera {
    /// The frame `video` shows now, at most `max_side` pixels a side: width, height
    /// and RGBA bytes. `None` before the first frame.
    pub fn frame(&self, video: &web_sys::HtmlVideoElement, max_side: u32) -> Option<(u32, u32, Vec<u8>)> {
        let (w, h) = (video.video_width(), video.video_height());
        if w == 0 || h == 0 {
            return None;
        }
        let scale = (f64::from(max_side) / f64::from(w.max(h))).min(1.0);
        let (cw, ch) = (((f64::from(w) * scale) as u32).max(1), ((f64::from(h) * scale) as u32).max(1));
        if self.canvas.width() != cw || self.canvas.height() != ch {
            self.canvas.set_width(cw);
            self.canvas.set_height(ch);
        }
        let (fw, fh) = (f64::from(cw), f64::from(ch));
        self.context.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, fw, fh).ok()?;
        let data = self.context.get_image_data(0.0, 0.0, fw, fh).ok()?;
        Some((cw, ch, data.data().0))
    }

    /// Turns the camera off (its light goes out).
    pub fn stop(&self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// A canvas outside the page for copying frames, read often (so the browser keeps it
/// in memory rather than on the graphics card).
fn frame_canvas() -> Result<(web_sys::HtmlCanvasElement, web_sys::CanvasRenderingContext2d), JsValue> {
    let canvas: web_sys::HtmlCanvasElement =
        document().map_err(|e| JsValue::from_str(&e.0))?.create_element("canvas")?.dyn_into()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE)?;
    let context =
        canvas.get_context_with_context_options("2d", &options)?.ok_or_else(|| JsValue::from_str("no 2d context"))?;
    Ok((canvas, context.dyn_into()?))
}

/// What a refused `getUserMedia` means, by the error's name.
fn refusal(error: JsValue) -> CameraError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraError::Denied,
        "NotFoundError" | "OverconstrainedError" | "NotReadableError" | "AbortError" => CameraError::NoCamera,
        _ => CameraError::Other(super::BrowserError::from(error).0),
    }
}
