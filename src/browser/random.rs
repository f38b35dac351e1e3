//! Random bytes from the browser's cryptographic generator (a hand-in's participant key).

use super::window;

/// `N` random bytes (`crypto.getRandomValues`); should the browser refuse, the
/// page's ordinary generator (`Math.random`), which still tells participants apart.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = window()
        .ok()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}
