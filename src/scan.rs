//! QR codes read from a picture: the room's camera (docs/room.md) hands each video
//! frame here, in the page, since browsers' own `BarcodeDetector` is missing in Firefox
//! and on Linux. Pure (no browser API), so it is tested natively on the very QR codes
//! the app draws (tests/room_scan.rs); the web build fetches it with the camera's code
//! only when the camera starts (the `camera` split point, src/pages/room/camera.rs).

/// The longest side a frame is read at: a hand-in's QR code of 33 to 37 modules still
/// has several pixels a module when it fills a fifth of the picture, and a larger
/// frame only costs time. Larger frames are read at every second (third, …) pixel.
pub const MAX_SIDE: usize = 800;

/// The texts of the QR codes found in a frame of `width` × `height` pixels given as
/// RGBA bytes (a canvas's `ImageData`), in the order found; codes that are seen but do
/// not decode are left out. A buffer shorter than the frame reads as nothing.
pub fn read_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    let Some(len) = width.checked_mul(height).and_then(|n| n.checked_mul(4)) else { return Vec::new() };
    if rgba.len() < len {
        return Vec::new();
    }
    // Luma (ITU-R BT.601, integer weights): green counts most.
    read_with(width, height, |x, y| {
        let i = (y * width + x) * 4;
        let (r, g, b) = (u32::from(rgba[i]), u32::from(rgba[i + 1]), u32::from(rgba[i + 2]));
        ((r * 77 + g * 150 + b * 29) >> 8) as u8
    })
}

/// Like [`read_rgba`], for one byte of grey (0 black, 255 white) a pixel.
pub fn read_grey(width: usize, height: usize, grey: &[u8]) -> Vec<String> {
    match width.checked_mul(height) {
        Some(len) if grey.len() >= len => read_with(width, height, |x, y| grey[y * width + x]),
        _ => Vec::new(),
    }
}

/// Reads a picture given pixel by pixel, at most [`MAX_SIDE`] pixels a side.
fn read_with(width: usize, height: usize, pixel: impl Fn(usize, usize) -> u8) -> Vec<String> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let step = width.max(height).div_ceil(MAX_SIDE).max(1);
    let (w, h) = (width / step, height / step);
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixel(x * step, y * step));
    image.detect_grids().iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}
