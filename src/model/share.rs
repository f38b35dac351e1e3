//! Sharing an assessment in a link, without a server.
//!
//! The link carries the assessment in its fragment (the part after `#`), which
//! browsers never send to a server. The fragment is
//!
//! ```text
//! share=v1.<payload>
//! ```
//!
//! where `<payload>` is, from the inside out:
//!
//! 1. the exchange-format document ([`exchange::write`] with [`Layout::Compact`]),
//! 2. compressed as a **zlib** stream (RFC 1950: DEFLATE, RFC 1951, with a two-byte
//!    header and an Adler-32 checksum of the document). zlib rather than raw DEFLATE:
//!    the six extra bytes buy a checksum, so a link damaged in transit (one character
//!    changed) is refused instead of importing a silently altered assessment, and it is
//!    the format browsers' `DecompressionStream("deflate")` reads;
//! 3. written in base64url without padding (RFC 4648 §5: `A`–`Z`, `a`–`z`, `0`–`9`,
//!    `-`, `_`), so the payload needs no percent-encoding in a URL. Decoding is strict:
//!    `=` padding, white space and non-zero unused bits are refused.
//!
//! A link is untrusted input: [`decode`] checks the prefix and the length before any
//! work, bounds the decompressed size by [`exchange::MAX_BYTES`] (a small link cannot
//! unpack into gigabytes), then reads the document with every check of
//! [`exchange::read`]. It never panics, whatever the string.

use std::fmt;

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::exchange::{self, ImportError, Layout, Source};
use super::{Assessment, Lang};

/// The key that starts a share fragment.
pub const FRAGMENT_KEY: &str = "share=";

/// The version of the link format, written after [`FRAGMENT_KEY`] and followed by `.`.
pub const LINK_VERSION: &str = "v1";

/// The longest fragment (without the `#`) that [`encode`] makes and [`decode`] reads,
/// in characters.
///
/// Browsers accept far longer URLs, but a link has to survive being sent: mail
/// programs wrap or cut long lines, chat tools cap the length of a message at some
/// tens of thousands of characters, and a very long link is easily copied in part.
/// 32,000 characters is about 24 KB of compressed data, roughly 200 KB of typical
/// compact document (the sample assessment, 11.7 KB, makes a link of about 1,700
/// characters); anything larger is better sent as a JSON file.
/// [`decode`] applies the same limit, so every link this app makes opens, and an
/// over-long string is refused before any decoding work.
pub const MAX_LINK_CHARS: usize = 32_000;

/// miniz's best compression (`0`–`10`); documents are small, so time does not matter.
const COMPRESSION_LEVEL: u8 = 10;

/// Why an assessment could not be put in a link, or a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment does not start with `share=`.
    NotAShareLink,
    /// The fragment is `share=` with nothing after it: a link cut off, or copied
    /// without its data.
    Empty,
    /// The fragment starts with `share=` but not with a version this app reads
    /// (`found` is what stands before the `.`, shortened to at most 16 characters).
    UnknownVersion { found: String },
    /// The fragment is (or would be) longer than `max` characters.
    TooLong { chars: usize, max: usize },
    /// A character of the payload is not base64url, or the payload does not end as
    /// base64url can. `position` counts characters from 1 at the first character
    /// after `share=v1.`.
    BadEncoding { position: usize },
    /// The payload is not a complete, intact zlib stream (damaged or cut off).
    BadCompression,
    /// The document would be larger than [`exchange::MAX_BYTES`] once decompressed.
    TooLarge,
    /// The document was unpacked but is not a readable assessment.
    Invalid(ImportError),
}

/// The fragment for `a` (without the leading `#`): `share=v1.` and the payload
/// described in the module documentation.
///
/// Errors: [`ShareError::TooLong`] when the fragment would be longer than
/// [`MAX_LINK_CHARS`]; [`ShareError::TooLarge`] when the document itself is larger
/// than [`exchange::MAX_BYTES`] (such a link could not be read back).
pub fn encode(a: &Assessment) -> Result<String, ShareError> {
    let document = exchange::write(a, Layout::Compact);
    if document.len() > exchange::MAX_BYTES {
        return Err(ShareError::TooLarge);
    }
    let packed = compress_to_vec_zlib(document.as_bytes(), COMPRESSION_LEVEL);
    let chars = prefix_len() + base64url_len(packed.len());
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars, max: MAX_LINK_CHARS });
    }
    let mut fragment = String::with_capacity(chars);
    fragment.push_str(FRAGMENT_KEY);
    fragment.push_str(LINK_VERSION);
    fragment.push('.');
    push_base64url(&mut fragment, &packed);
    Ok(fragment)
}

/// Whether a page address's fragment (`#share=…`, with or without the `#`) is a
/// share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(FRAGMENT_KEY)
}

/// Reads the assessment in a share fragment.
///
/// Accepts the fragment with or without its leading `#`, surrounded by white space,
/// or a whole link (everything up to the first `#` is ignored). Checks, in order: the
/// key ([`ShareError::NotAShareLink`]), the version ([`ShareError::UnknownVersion`]),
/// the length ([`ShareError::TooLong`]), base64url ([`ShareError::BadEncoding`]),
/// decompression, bounded by [`exchange::MAX_BYTES`] ([`ShareError::BadCompression`],
/// [`ShareError::TooLarge`]), then the document ([`ShareError::Invalid`]).
pub fn decode(fragment: &str) -> Result<Assessment, ShareError> {
    let fragment = fragment.trim();
    let fragment = match fragment.split_once('#') {
        Some((_, after)) => after,
        None => fragment,
    };
    let rest = fragment.strip_prefix(FRAGMENT_KEY).ok_or(ShareError::NotAShareLink)?;
    let (version, payload) = rest.split_once('.').unwrap_or((rest, ""));
    if rest.trim().is_empty() {
        return Err(ShareError::Empty);
    }
    if version != LINK_VERSION {
        return Err(ShareError::UnknownVersion { found: shorten(version, 16) });
    }
    // Bytes are never fewer than characters: count characters only when it matters.
    if fragment.len() > MAX_LINK_CHARS {
        let chars = fragment.chars().count();
        if chars > MAX_LINK_CHARS {
            return Err(ShareError::TooLong { chars, max: MAX_LINK_CHARS });
        }
    }
    let packed = decode_base64url(payload).map_err(|position| ShareError::BadEncoding { position })?;
    let document = inflate_limited(&packed, exchange::MAX_BYTES)?;
    exchange::read(&document).map_err(ShareError::Invalid)
}

impl ShareError {
    /// What went wrong and what to do, in `lang`. [`ShareError::Invalid`] adds the
    /// importer's message (headline and problems, one per line) below its own line.
    pub fn message(&self, lang: Lang) -> String {
        let max_bytes = exchange::MAX_BYTES;
        match (self, lang) {
            (ShareError::NotAShareLink, Lang::En) => format!(
                "This is not an assessment link: its part after \"#\" should start with \"{FRAGMENT_KEY}\"."
            ),
            (ShareError::NotAShareLink, Lang::Ja) => format!(
                "アセスメントの共有リンクではありません（「#」の後が「{FRAGMENT_KEY}」で始まっていません）。"
            ),
            (ShareError::Empty, Lang::En) => format!(
                "The link holds no assessment: nothing follows \"{FRAGMENT_KEY}\". It was probably cut off when it was copied or sent; copy the whole link again, or ask for a JSON file instead."
            ),
            (ShareError::Empty, Lang::Ja) => format!(
                "このリンクにはアセスメントが入っていません（「{FRAGMENT_KEY}」の後が空です）。コピーや送信の途中で切れた可能性があります。リンク全体をもう一度コピーするか、JSON ファイルで送ってもらってください。"
            ),
            (ShareError::UnknownVersion { found }, Lang::En) => format!(
                "This link is in a format this app cannot read (\"{found}\"; this app reads \"{LINK_VERSION}\"). It may have been made by a newer version of the app: open it there, or ask for a JSON file instead."
            ),
            (ShareError::UnknownVersion { found }, Lang::Ja) => format!(
                "このリンクはこのアプリが読めない形式です（「{found}」。読めるのは「{LINK_VERSION}」）。新しい版のアプリで作られた可能性があります。その版で開くか、JSON ファイルで送ってもらってください。"
            ),
            (ShareError::TooLong { chars, max }, Lang::En) => format!(
                "The assessment is too large for a link ({chars} characters; at most {max}). Export it as a JSON file and send the file instead."
            ),
            (ShareError::TooLong { chars, max }, Lang::Ja) => format!(
                "アセスメントが大きすぎてリンクにできません（{chars} 文字、上限は {max} 文字）。JSON ファイルに書き出して、ファイルを送ってください。"
            ),
            (ShareError::BadEncoding { position }, Lang::En) => format!(
                "The link is damaged: character {position} after \"{FRAGMENT_KEY}{LINK_VERSION}.\" is not valid. Copy the whole link again, or ask for a JSON file instead."
            ),
            (ShareError::BadEncoding { position }, Lang::Ja) => format!(
                "リンクが壊れています（「{FRAGMENT_KEY}{LINK_VERSION}.」の後の {position} 文字目が正しくありません）。リンク全体をもう一度コピーするか、JSON ファイルで送ってもらってください。"
            ),
            (ShareError::BadCompression, Lang::En) => "The link is damaged or incomplete: its data cannot be unpacked. It may have been cut off when it was sent; copy the whole link again, or ask for a JSON file instead.".to_owned(),
            (ShareError::BadCompression, Lang::Ja) => "リンクが壊れているか途中で切れているため、データを展開できません。リンク全体をもう一度コピーするか、JSON ファイルで送ってもらってください。".to_owned(),
            (ShareError::TooLarge, Lang::En) => format!(
                "The link's data is too large: unpacked, it is more than {max_bytes} bytes (16 MiB), the most that can be imported."
            ),
            (ShareError::TooLarge, Lang::Ja) => format!(
                "リンクのデータが大きすぎます。展開すると {max_bytes} バイト（16 MiB）を超え、読み込める上限を超えています。"
            ),
            (ShareError::Invalid(e), Lang::En) => {
                format!("The link does not hold an assessment this app can read.\n{}", e.message_of(Source::Link, lang))
            }
            (ShareError::Invalid(e), Lang::Ja) => {
                format!("リンクの内容をアセスメントとして読み込めません。\n{}", e.message_of(Source::Link, lang))
            }
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ShareError::Invalid(e) => Some(e),
            _ => None,
        }
    }
}

/// Characters of `share=v1.`.
fn prefix_len() -> usize {
    FRAGMENT_KEY.len() + LINK_VERSION.len() + 1
}

/// At most `max` characters of `text`, with `…` when shortened.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Length of `bytes` bytes in unpadded base64: 4 characters per 3 bytes, 2 or 3 for
/// a last group of 1 or 2 bytes.
fn base64url_len(bytes: usize) -> usize {
    bytes / 3 * 4 + [0, 2, 3][bytes % 3]
}

/// `bytes` in base64url without padding, the alphabet of a link's payload.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64url_len(bytes.len()));
    push_base64url(&mut out, bytes);
    out
}

/// Appends `bytes` in base64url without padding.
fn push_base64url(out: &mut String, bytes: &[u8]) {
    for group in bytes.chunks(3) {
        let (word, chars) = match *group {
            [a] => (u32::from(a) << 16, 2),
            [a, b] => (u32::from(a) << 16 | u32::from(b) << 8, 3),
            [a, b, c] => (u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c), 4),
            _ => continue,
        };
        for i in 0..chars {
            let sextet = (word >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(BASE64URL[sextet as usize]));
        }
    }
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Strict unpadded base64url. On error, the 1-based character position of the first
/// character that is not base64url, or of the last character when the text cannot end
/// there (a lone last character, or unused bits that are not zero).
fn decode_base64url(text: &str) -> Result<Vec<u8>, usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, &c) in bytes.iter().enumerate() {
        // Every byte before `i` is ASCII, so byte index `i` is character `i + 1`.
        let value = sextet(c).ok_or(i + 1)?;
        acc = acc << 6 | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Left over: 0, 4 or 2 bits of padding, which must be zero; 6 bits is a lone
    // character that cannot end a base64 text.
    if bits >= 6 || acc != 0 {
        return Err(bytes.len());
    }
    Ok(out)
}

/// Decompresses a zlib stream into at most `limit` bytes. The output buffer starts
/// small and doubles up to `limit`, so a bomb costs at most `limit` bytes (plus the
/// buffer being grown), never its unpacked size. Data after the end of the stream,
/// a bad checksum or a truncated stream are [`ShareError::BadCompression`].
fn inflate_limited(packed: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut out = Vec::new();
    // JSON compresses about tenfold: a power of two, so that doubling lands on `limit`
    // when `limit` is one (as `MAX_BYTES` is).
    let first = packed.len().saturating_mul(8).next_power_of_two().clamp(4096, limit.max(1));
    grow(&mut out, first)?;
    let mut input = packed;
    let mut written = 0;
    loop {
        let (status, read, wrote) = decompress(&mut decompressor, input, &mut out, written, flags);
        written += wrote;
        input = input.get(read..).unwrap_or_default();
        match status {
            TINFLStatus::Done if input.is_empty() => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(ShareError::TooLarge);
                }
                let doubled = out.len().saturating_mul(2).min(limit);
                grow(&mut out, doubled)?;
            }
            _ => return Err(ShareError::BadCompression),
        }
    }
}

/// Zero-fills `out` to `len` bytes; an allocation failure is [`ShareError::TooLarge`]
/// rather than an abort.
fn grow(out: &mut Vec<u8>, len: usize) -> Result<(), ShareError> {
    out.try_reserve_exact(len.saturating_sub(out.len())).map_err(|_| ShareError::TooLarge)?;
    out.resize(len, 0);
    Ok(())
}
