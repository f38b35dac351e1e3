//! SHA-256 fingerprints of evidence files (docs/exchange-format.md, “Evidence”).
//!
//! The page reads a picked file in pieces and feeds each to a [`Hasher`], so a file of
//! any size is hashed without being held in memory whole; only the digest is kept, as a
//! [`Fingerprint`]. The hashing is the `sha2` crate (pure Rust), not Web Crypto: the
//! browser's `crypto.subtle` exists only in secure contexts (not on a page served over
//! plain http from a LAN address) and cannot hash incrementally.

use std::fmt;

use sha2::{Digest, Sha256};

/// A SHA-256 digest. Written as 64 lowercase hexadecimal digits, as `sha256sum` prints
/// it and as the exchange format stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// Characters of the written form.
    pub const HEX_LEN: usize = 64;

    /// The digest written as the format requires: exactly 64 digits `0`-`9`, `a`-`f`.
    /// Anything else (upper case, white space, another length) is `None`.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let b = text.as_bytes();
        if b.len() != Self::HEX_LEN {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(b.chunks_exact(2)) {
            *byte = (lower_hex(pair[0])? << 4) | lower_hex(pair[1])?;
        }
        Some(Fingerprint(bytes))
    }

    /// A digest as a person may paste it: white space around it is dropped, upper-case
    /// digits are read as lower case, and a line of `sha256sum` output (`<digest>  <file
    /// name>`, or `<digest> *<file name>`) gives its digest.
    pub fn parse_typed(text: &str) -> Option<Fingerprint> {
        let first = text.split_whitespace().next()?;
        Fingerprint::parse(&first.to_ascii_lowercase())
    }

    /// The digest of `bytes` held in memory (a file is hashed with a [`Hasher`]).
    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut hasher = Hasher::new();
        hasher.update(bytes);
        hasher.finish()
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The written form: 64 lowercase hexadecimal digits.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }

    /// The digest shortened for the eye: its first and last 8 digits (`f2091b02…75184bef`).
    pub fn short(&self) -> String {
        let hex = self.to_hex();
        format!("{}…{}", &hex[..8], &hex[Self::HEX_LEN - 8..])
    }
}

/// A file's size as the progress of its fingerprinting shows it: `950 B`, `2.8 KB`,
/// `134.2 MB`, `2.1 GB` (powers of 1000, one decimal).
pub fn size_text(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// The value of a lowercase hexadecimal digit.
fn lower_hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// A SHA-256 computation fed piece by piece: [`Hasher::update`] with each piece of a
/// file in order, then [`Hasher::finish`]. Pieces may be of any size; the digest is the
/// same however the data is cut.
#[derive(Clone, Debug, Default)]
pub struct Hasher {
    sha: Sha256,
    bytes: u64,
}

impl Hasher {
    pub fn new() -> Hasher {
        Hasher::default()
    }

    /// Hashes the next piece of the data.
    pub fn update(&mut self, piece: &[u8]) {
        self.sha.update(piece);
        self.bytes = self.bytes.saturating_add(piece.len() as u64);
    }

    /// How many bytes have been hashed so far (for a progress bar).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The digest of everything hashed.
    pub fn finish(self) -> Fingerprint {
        Fingerprint(self.sha.finalize().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_takes_only_64_lowercase_hex_digits() {
        let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let f = Fingerprint::parse(hex).expect("a digest");
        assert_eq!(f.to_hex(), hex);
        assert_eq!(Fingerprint::parse(&hex.to_uppercase()), None);
        assert_eq!(Fingerprint::parse(&hex[1..]), None);
        assert_eq!(Fingerprint::parse(&format!("{hex}0")), None);
        assert_eq!(Fingerprint::parse(&format!(" {}", &hex[1..])), None);
        assert_eq!(Fingerprint::parse(&hex.replace('9', "g")), None);
        // Multi-byte characters never panic the slicing.
        assert_eq!(Fingerprint::parse(&"é".repeat(32)), None);
        assert_eq!(Fingerprint::parse(""), None);
    }

    #[test]
    fn parse_typed_reads_pasted_digests() {
        let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let f = Fingerprint::parse(hex);
        assert_eq!(Fingerprint::parse_typed(&format!("  {}\n", hex.to_uppercase())), f);
        assert_eq!(Fingerprint::parse_typed(&format!("{hex}  runbook.pdf")), f);
        assert_eq!(Fingerprint::parse_typed(&format!("{hex} *runbook.pdf")), f);
        assert_eq!(Fingerprint::parse_typed("   "), None);
    }

    #[test]
    fn short_form_and_sizes() {
        let f = Fingerprint::of(b"test");
        assert_eq!(f.short(), "9f86d081…b0f00a08");
        assert_eq!(size_text(0), "0 B");
        assert_eq!(size_text(999), "999 B");
        assert_eq!(size_text(2_845), "2.8 KB");
        assert_eq!(size_text(128 << 20), "134.2 MB");
        assert_eq!(size_text(2 << 30), "2.1 GB");
        assert_eq!(size_text(u64::MAX), "18446744.1 TB");
    }

    #[test]
    fn hasher_counts_the_bytes_fed() {
        let mut h = Hasher::new();
        h.update(b"ab");
        h.update(b"");
        h.update(b"c");
        assert_eq!(h.bytes(), 3);
        assert_eq!(h.finish(), Fingerprint::of(b"abc"));
    }
}
