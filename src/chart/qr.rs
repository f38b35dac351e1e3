//! A QR code of a text (the app's address on the quick check's handout, a hand-in
//! link), as an SVG path of its dark modules, made in the page: no request, no image
//! file.

use std::fmt::Write;

/// The dark modules of a QR code as one SVG path, on a grid of `size` × `size`
/// modules (draw it with a quiet zone of four modules around).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    pub size: u32,
    pub path: String,
}

/// The QR code of `text` (error correction level M), or `None` when the text is
/// too long for any QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
    Some(qr_code_path(&qr))
}

/// A QR code made elsewhere (a hand-in link's, `model::room::qr::link_qr`) as a path.
pub fn qr_code_path(qr: &qrcodegen::QrCode) -> QrPath {
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                // Writing to a String cannot fail.
                let _ = write!(path, "M{x} {y}h1v1h-1z");
            }
        }
    }
    // A QR code is 21 to 177 modules a side.
    QrPath { size: size.unsigned_abs(), path }
}
