//! The QR code of a hand-in link (docs/room.md, "QR code"). The link is written in
//! two segments: the app's address and `#h=` in byte mode, then the code in the QR
//! alphanumeric mode (5.5 bits a character instead of 8), which the code's upper-case
//! base32 allows. That keeps the code small: version 4 (33 × 33 modules) for an
//! address of up to 35 characters and version 5 (37 × 37) up to 57, at error
//! correction level M.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment};

use super::handin::FRAGMENT_KEY;

/// The longest app address (before `#`) whose hand-in links fit a version 5 QR code
/// at level M.
pub const MAX_ADDRESS_CHARS_V5: usize = 57;

/// The QR code of `link` at error correction level M (or higher when that fits in
/// the same version); `None` when it is too long for any QR code. A hand-in link's
/// code goes in alphanumeric mode; any other text is encoded as it is.
pub fn link_qr(link: &str) -> Option<QrCode> {
    QrCode::encode_segments(&segments(link), QrCodeEcc::Medium).ok()
}

/// The QR version (1..40) of `link`'s code, as [`link_qr`] makes it.
pub fn link_qr_version(link: &str) -> Option<u8> {
    link_qr(link).map(|qr| qr.version().value())
}

/// The segments of `link`: byte mode up to and including `#h=`, alphanumeric mode
/// for the code when it is all upper-case base32 (as [`super::link`] writes it).
pub fn segments(link: &str) -> Vec<QrSegment> {
    if let Some(hash) = link.rfind('#') {
        let split = hash + 1 + FRAGMENT_KEY.len();
        if let (Some(head), Some(code)) = (link.get(..split), link.get(split..)) {
            if head.ends_with(&format!("#{FRAGMENT_KEY}")) && !code.is_empty() && QrSegment::is_alphanumeric(code) {
                return vec![QrSegment::make_bytes(head.as_bytes()), QrSegment::make_alphanumeric(code)];
            }
        }
    }
    QrSegment::make_segments(link)
}
