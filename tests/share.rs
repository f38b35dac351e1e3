//! Share links: an assessment in the URL fragment, compressed (src/model/share.rs).
//! Payloads for the error cases are built here with an independent base64url encoder,
//! so the tests also pin the documented format (zlib, then unpadded base64url).

mod common;

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::decompress_to_vec_zlib;
use proptest::prelude::*;
use x1060_assess::model::exchange::{self, ImportError, Layout, Source};
use x1060_assess::model::share::{self, ShareError, FRAGMENT_KEY, MAX_LINK_CHARS};
use x1060_assess::model::{Assessment, Lang};

/// Counts the heap memory each thread holds, to show that a decompression bomb is
/// refused without being unpacked in full.
mod meter {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Meter;

    thread_local! {
        static LIVE: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(bytes: isize) {
        let _ = LIVE.try_with(|live| {
            let now = live.get() + bytes;
            live.set(now);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        });
    }

    // SAFETY: every call is passed on to the system allocator unchanged.
    unsafe impl GlobalAlloc for Meter {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) };
            add(-(layout.size() as isize));
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                add(new_size as isize - layout.size() as isize);
            }
            p
        }
    }

    /// Runs `f`; also returns the most heap this thread held at once during it, above
    /// what it held before.
    pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let base = LIVE.with(Cell::get);
        PEAK.with(|peak| peak.set(base));
        let result = f();
        let peak = PEAK.with(Cell::get);
        (result, (peak - base).max(0) as usize)
    }
}

#[global_allocator]
static METER: meter::Meter = meter::Meter;

const PREFIX: &str = "share=v1.";

fn sample() -> Assessment {
    common::read_ok(&common::sample_text())
}

/// Unpadded base64url, written independently of the crate's.
fn b64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    let mut bits = 0u32;
    let mut acc = 0u32;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(ALPHABET[((acc >> bits) & 63) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (6 - bits)) & 63) as usize] as char);
    }
    out
}

fn unb64(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => panic!("not base64url: {c}"),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A fragment holding `document`, zlib-compressed.
fn link_of(document: &[u8]) -> String {
    format!("{PREFIX}{}", b64(&compress_to_vec_zlib(document, 6)))
}

#[track_caller]
fn decode_err(fragment: &str) -> ShareError {
    match share::decode(fragment) {
        Ok(_) => panic!("expected an error for {fragment:.80}"),
        Err(e) => e,
    }
}

#[track_caller]
fn encode_ok(a: &Assessment) -> String {
    match share::encode(a) {
        Ok(f) => f,
        Err(e) => panic!("expected a link, got: {e}"),
    }
}

/// Notes of `len` pseudo-random letters and digits (a 64-bit LCG): they hardly compress.
fn noise(seed: &mut u64, len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..len)
        .map(|_| {
            *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            CHARS[((*seed >> 33) % CHARS.len() as u64) as usize] as char
        })
        .collect()
}

// --- Round trip and format ---

#[test]
fn the_sample_survives_a_round_trip() {
    let a = sample();
    assert_eq!(share::decode(&encode_ok(&a)), Ok(a));
}

#[test]
fn a_new_empty_assessment_survives_a_round_trip() {
    let a = Assessment::new("Empty", "", common::ts("2026-04-01T09:00:00Z"));
    assert_eq!(share::decode(&encode_ok(&a)), Ok(a));
}

#[test]
fn the_fragment_is_the_key_the_version_and_base64url() {
    let fragment = encode_ok(&sample());
    assert_eq!(FRAGMENT_KEY, "share=");
    let payload = fragment.strip_prefix(PREFIX).expect("share=v1. prefix");
    assert!(!payload.is_empty());
    assert!(
        payload.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
        "payload outside the base64url alphabet: {payload}"
    );
    assert_ne!(payload.len() % 4, 1, "no unpadded base64 text has this length");
}

#[test]
fn the_payload_is_zlib_of_the_compact_document() {
    let a = sample();
    let fragment = encode_ok(&a);
    let packed = unb64(&fragment[PREFIX.len()..]);
    let document = decompress_to_vec_zlib(&packed).expect("a zlib stream");
    assert_eq!(String::from_utf8(document).expect("UTF-8"), exchange::write(&a, Layout::Compact));
}

#[test]
fn links_made_by_another_zlib_encoder_are_read() {
    let a = sample();
    let document = exchange::write(&a, Layout::Compact);
    for level in [0, 1, 6, 9] {
        let fragment = format!("{PREFIX}{}", b64(&compress_to_vec_zlib(document.as_bytes(), level)));
        assert_eq!(share::decode(&fragment).as_ref(), Ok(&a), "level {level}");
    }
}

#[test]
fn the_sample_link_is_well_under_the_limit() {
    let fragment = encode_ok(&sample());
    let chars = fragment.chars().count();
    assert!(chars <= MAX_LINK_CHARS / 4, "{chars} characters for the sample");
    // Compression pays: the link is shorter than the compact document itself.
    assert!(chars < exchange::write(&sample(), Layout::Compact).len() / 2);
}

#[test]
fn the_limit_is_about_32000_characters() {
    assert_eq!(MAX_LINK_CHARS, 32_000);
}

#[test]
fn a_leading_hash_white_space_and_a_whole_link_are_accepted() {
    let a = sample();
    let fragment = encode_ok(&a);
    for text in [
        format!("#{fragment}"),
        format!("  {fragment}\n"),
        format!("https://example.org/x1060/#{fragment}"),
        format!("https://example.org/x1060/?lang=en#{fragment}"),
    ] {
        assert_eq!(share::decode(&text).as_ref(), Ok(&a), "{text:.60}");
    }
}

// --- Errors, each with its exact English message ---

#[test]
fn a_fragment_without_the_key_is_not_a_share_link() {
    for text in ["", "#", "#top", "share", "#Share=v1.AAAA", "https://example.org/", "?share=v1.AAAA"] {
        assert_eq!(decode_err(text), ShareError::NotAShareLink, "{text}");
    }
    assert_eq!(
        ShareError::NotAShareLink.message(Lang::En),
        "This is not an assessment link: its part after \"#\" should start with \"share=\"."
    );
}

#[test]
fn an_empty_link_says_it_is_empty_not_newer() {
    for fragment in ["share=", "#share=", "  share=  ", "https://host/app/#share="] {
        assert_eq!(decode_err(fragment), ShareError::Empty, "{fragment:?}");
    }
    assert_eq!(
        ShareError::Empty.message(Lang::En),
        "The link holds no assessment: nothing follows \"share=\". It was probably cut off when it was copied or sent; copy the whole link again, or ask for a JSON file instead."
    );
    assert!(!ShareError::Empty.message(Lang::Ja).contains("新しい版"));
}

#[test]
fn an_unknown_version_is_named() {
    let e = decode_err("#share=v2.eJwLAQ");
    assert_eq!(e, ShareError::UnknownVersion { found: "v2".to_owned() });
    assert_eq!(
        e.message(Lang::En),
        "This link is in a format this app cannot read (\"v2\"; this app reads \"v1\"). It may have been made by a newer version of the app: open it there, or ask for a JSON file instead."
    );
    assert_eq!(decode_err("share=V1.AAAA"), ShareError::UnknownVersion { found: "V1".to_owned() });
    // What is echoed is shortened.
    let long = format!("share={}.AAAA", "x".repeat(1000));
    assert_eq!(decode_err(&long), ShareError::UnknownVersion { found: format!("{}…", "x".repeat(16)) });
}

#[test]
fn a_too_long_fragment_is_refused_before_decoding() {
    // Characters that are not even base64url: the length is checked first.
    let fragment = format!("#{PREFIX}{}", "!".repeat(MAX_LINK_CHARS));
    let e = decode_err(&fragment);
    assert_eq!(e, ShareError::TooLong { chars: MAX_LINK_CHARS + PREFIX.len(), max: MAX_LINK_CHARS });
    assert_eq!(
        e.message(Lang::En),
        "The assessment is too large for a link (32009 characters; at most 32000). Export it as a JSON file and send the file instead."
    );
    // Counted in characters, not bytes.
    let exactly = format!("{PREFIX}{}", "あ".repeat(MAX_LINK_CHARS - PREFIX.len()));
    assert_eq!(decode_err(&exactly), ShareError::BadEncoding { position: 1 });
}

#[test]
fn the_too_long_message_in_japanese() {
    assert_eq!(
        ShareError::TooLong { chars: 40_123, max: 32_000 }.message(Lang::Ja),
        "アセスメントが大きすぎてリンクにできません（40123 文字、上限は 32000 文字）。JSON ファイルに書き出して、ファイルを送ってください。"
    );
}

#[test]
fn a_character_outside_base64url_is_located() {
    let e = decode_err("#share=v1.eJwL$AQ");
    assert_eq!(e, ShareError::BadEncoding { position: 5 });
    assert_eq!(
        e.message(Lang::En),
        "The link is damaged: character 5 after \"share=v1.\" is not valid. Copy the whole link again, or ask for a JSON file instead."
    );
    // Standard base64's "+" and "/", padding, white space and non-ASCII are refused.
    assert_eq!(decode_err("share=v1.ab+d"), ShareError::BadEncoding { position: 3 });
    assert_eq!(decode_err("share=v1.ab/d"), ShareError::BadEncoding { position: 3 });
    assert_eq!(decode_err("share=v1.abc="), ShareError::BadEncoding { position: 4 });
    assert_eq!(decode_err("share=v1.ab cd"), ShareError::BadEncoding { position: 3 });
    assert_eq!(decode_err("share=v1.abé"), ShareError::BadEncoding { position: 3 });
    assert_eq!(decode_err("share=v1.abc%41"), ShareError::BadEncoding { position: 4 });
}

#[test]
fn a_payload_that_cannot_end_where_it_does_is_bad_encoding() {
    // 5 characters: a lone last character.
    assert_eq!(decode_err("share=v1.AAAAA"), ShareError::BadEncoding { position: 5 });
    // Unused bits must be zero ("AB" would be 0x00 with bits left over).
    assert_eq!(decode_err("share=v1.AB"), ShareError::BadEncoding { position: 2 });
    assert_eq!(decode_err("share=v1.AAB"), ShareError::BadEncoding { position: 3 });
}

#[test]
fn damaged_or_cut_off_data_is_bad_compression() {
    let fragment = encode_ok(&sample());
    let e = decode_err(&format!("{PREFIX}AAAA"));
    assert_eq!(e, ShareError::BadCompression);
    assert_eq!(
        e.message(Lang::En),
        "The link is damaged or incomplete: its data cannot be unpacked. It may have been cut off when it was sent; copy the whole link again, or ask for a JSON file instead."
    );
    // Empty, cut off (at a whole group of 4, so the base64url is still valid).
    assert_eq!(decode_err(PREFIX), ShareError::BadCompression);
    assert_eq!(decode_err("share=v1"), ShareError::BadCompression);
    let payload = &fragment[PREFIX.len()..];
    let cut = payload.len() / 2 / 4 * 4;
    assert_eq!(decode_err(&format!("{PREFIX}{}", &payload[..cut])), ShareError::BadCompression);
    // Raw DEFLATE without the zlib wrapper.
    let raw = miniz_oxide::deflate::compress_to_vec(common::sample_text().as_bytes(), 6);
    assert_eq!(decode_err(&format!("{PREFIX}{}", b64(&raw))), ShareError::BadCompression);
    // Data after the end of the stream.
    let mut packed = unb64(payload);
    packed.extend_from_slice(b"more");
    assert_eq!(decode_err(&format!("{PREFIX}{}", b64(&packed))), ShareError::BadCompression);
}

#[test]
fn a_changed_byte_is_caught_by_the_checksum() {
    let mut packed = unb64(&encode_ok(&sample())[PREFIX.len()..]);
    let last = packed.len() - 1;
    packed[last] ^= 1; // The last byte of the Adler-32.
    assert_eq!(decode_err(&format!("{PREFIX}{}", b64(&packed))), ShareError::BadCompression);
}

#[test]
fn a_decompression_bomb_is_refused_without_unpacking_it() {
    // The biggest run of zeros whose link still fits in the limit (about 1000:1),
    // well over `exchange::MAX_BYTES` (16 MiB) once unpacked.
    let size = 22_000_000;
    let fragment = link_of(&vec![0u8; size]);
    assert!(fragment.len() <= MAX_LINK_CHARS, "{} characters", fragment.len());
    let (result, peak) = meter::peak_during(|| share::decode(&fragment));
    let e = result.expect_err("a bomb");
    assert_eq!(e, ShareError::TooLarge);
    assert!(peak <= exchange::MAX_BYTES + (1 << 20), "held {peak} bytes at once");
    assert!(peak < size);
    assert_eq!(
        e.message(Lang::En),
        "The link's data is too large: unpacked, it is more than 16777216 bytes (16 MiB), the most that can be imported."
    );
}

#[test]
fn a_document_of_exactly_the_limit_is_unpacked_and_one_byte_more_is_not() {
    // Zeros are not JSON, so what passes the size limit fails as a document.
    let at_limit = link_of(&vec![b' '; exchange::MAX_BYTES]);
    assert_eq!(decode_err(&at_limit), ShareError::Invalid(ImportError::Empty));
    let over = link_of(&vec![b' '; exchange::MAX_BYTES + 1]);
    assert_eq!(decode_err(&over), ShareError::TooLarge);
}

#[test]
fn a_bigger_bomb_does_not_even_fit_in_a_link() {
    let fragment = link_of(&vec![0u8; 50_000_000]);
    assert!(matches!(decode_err(&fragment), ShareError::TooLong { max: MAX_LINK_CHARS, .. }));
}

#[test]
fn an_unreadable_document_carries_the_import_error() {
    let e = decode_err(&link_of(b""));
    assert_eq!(e, ShareError::Invalid(ImportError::Empty));
    // A link's errors speak of the link, never of a file.
    assert_eq!(
        e.message(Lang::En),
        "The link does not hold an assessment this app can read.\nThe link's data is empty."
    );
    assert_eq!(e.message(Lang::Ja), "リンクの内容をアセスメントとして読み込めません。\nリンクのデータが空です。");

    let e = decode_err(&link_of(common::doc(r#"[{"id":"A-1","current":7}]"#).as_bytes()));
    let ShareError::Invalid(inner) = &e else { panic!("expected Invalid, got {e:?}") };
    assert_eq!(
        e.message(Lang::En),
        format!(
            "The link does not hold an assessment this app can read.\n{}",
            inner.message_of(Source::Link, Lang::En)
        )
    );
    assert!(e.message(Lang::En).contains("The link's data has 1 problem:"), "{e}");
    assert!(!e.message(Lang::En).contains("file has"), "{e}");
    assert!(e.message(Lang::En).contains("services[0].current (service A-1): must be an integer from 1 to 5"), "{e}");
    assert!(std::error::Error::source(&e).is_some());

    assert!(matches!(decode_err(&link_of(b"{not json")), ShareError::Invalid(ImportError::Syntax { .. })));
    assert!(matches!(decode_err(&link_of(b"\xff\xfe")), ShareError::Invalid(ImportError::NotUtf8 { offset: 0 })));
}

#[test]
fn display_is_the_english_message() {
    for e in [
        ShareError::NotAShareLink,
        ShareError::UnknownVersion { found: "v9".to_owned() },
        ShareError::TooLong { chars: 50_000, max: MAX_LINK_CHARS },
        ShareError::BadEncoding { position: 3 },
        ShareError::BadCompression,
        ShareError::TooLarge,
        ShareError::Invalid(ImportError::Empty),
    ] {
        assert_eq!(e.to_string(), e.message(Lang::En));
        assert_ne!(e.message(Lang::Ja), e.message(Lang::En));
        assert!(!e.message(Lang::Ja).is_empty());
    }
}

#[test]
fn an_assessment_too_large_for_a_link_is_refused_with_its_length() {
    let mut a = sample();
    let mut seed = 2026;
    let ids: Vec<_> = a.services.keys().take(12).cloned().collect();
    assert_eq!(ids.len(), 12);
    for id in &ids {
        let note = noise(&mut seed, Assessment::MAX_NOTE_CHARS);
        a.edit_service(id, |s| s.note = note);
    }
    // Still a valid assessment: it round-trips through the exchange format.
    assert_eq!(common::read_ok(&exchange::write(&a, Layout::Compact)), a);
    let e = share::encode(&a).expect_err("too long for a link");
    let ShareError::TooLong { chars, max } = e else { panic!("expected TooLong, got {e:?}") };
    assert_eq!(max, MAX_LINK_CHARS);
    // 120,000 random characters of 62 kinds hardly compress: about 4/3 × 6/8 of a byte each.
    assert!(chars > 100_000, "{chars}");
    assert!(e
        .message(Lang::En)
        .starts_with(&format!("The assessment is too large for a link ({chars} characters; at most 32000).")));

    // Two such notes still fit.
    let mut b = sample();
    for id in &ids[..2] {
        let note = noise(&mut seed, Assessment::MAX_NOTE_CHARS);
        b.edit_service(id, |s| s.note = note);
    }
    assert_eq!(share::decode(&encode_ok(&b)), Ok(b));
}

// --- Untrusted input never panics ---

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_is_refused_or_read_without_panic(text in any::<String>()) {
        let _ = share::decode(&text);
        let _ = share::decode(&format!("#share=v1.{text}"));
    }

    #[test]
    fn any_base64url_payload_is_refused_without_panic(payload in "[A-Za-z0-9_-]{0,400}") {
        let fragment = format!("share=v1.{payload}");
        prop_assert!(share::decode(&fragment).is_err());
    }

    #[test]
    fn any_zlib_header_and_bytes_are_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut packed = vec![0x78, 0xda];
        packed.extend(bytes);
        let _ = share::decode(&format!("share=v1.{}", b64(&packed)));
    }

    #[test]
    fn a_changed_character_never_imports_something_else(at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
        let a = sample();
        let fragment = encode_ok(&a);
        let i = PREFIX.len() + at.index(fragment.len() - PREFIX.len());
        let changed = format!("{}{c}{}", &fragment[..i], &fragment[i + 1..]);
        if let Ok(b) = share::decode(&changed) {
            prop_assert_eq!(b, a);
        }
    }
}

#[test]
fn share_fragments_are_told_from_view_addresses() {
    use x1060_assess::model::share::is_share_fragment;
    assert!(is_share_fragment("#share=v1.abc"));
    assert!(is_share_fragment("share=v1."));
    assert!(!is_share_fragment("#/dashboard"));
    assert!(!is_share_fragment(""));
}
