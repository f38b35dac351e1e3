//! Which encoding a CSV file is read in: UTF-8 or Shift_JIS (what Excel on Japanese
//! Windows saves). A file with the UTF-8 byte order mark is UTF-8. Without one, a file
//! may read as both: Shift_JIS half-width katakana pairs are often valid UTF-8 (`ﾉｳﾊｳ`,
//! bytes `C9 B3 CA B3`, is UTF-8 for `ɳʳ`). Then the choice goes on the evidence of
//! both readings (see [`decode`]), and the other reading stays at hand, so that the
//! preview can say which was used and let the user switch.

use super::super::exchange::MAX_BYTES;
use super::error::CsvError;
use super::import::utf8_text;
use super::read;
use super::words::Column;

/// An encoding a CSV file is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    ShiftJis,
}

impl Encoding {
    /// The encoding's name as the interface shows it (the same in both languages).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::ShiftJis => "Shift_JIS",
        }
    }

    pub fn other(self) -> Encoding {
        match self {
            Encoding::Utf8 => Encoding::ShiftJis,
            Encoding::ShiftJis => Encoding::Utf8,
        }
    }
}

/// A file's text in each encoding it can be read in, and the one chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    utf8: Option<String>,
    shift_jis: Option<String>,
    pub chosen: Encoding,
}

impl Decoded {
    /// The text in `encoding`, if the file can be read so.
    pub fn text_in(&self, encoding: Encoding) -> Option<&str> {
        match encoding {
            Encoding::Utf8 => self.utf8.as_deref(),
            Encoding::ShiftJis => self.shift_jis.as_deref(),
        }
    }

    /// The text in the chosen encoding.
    pub fn text(&self) -> &str {
        self.text_in(self.chosen).unwrap_or_default()
    }

    /// The other encoding, when the file can be read in it too as another text: the
    /// user may switch to it.
    pub fn alternative(&self) -> Option<Encoding> {
        let other = self.chosen.other();
        self.text_in(other).filter(|t| Some(*t) != self.text_in(self.chosen)).map(|_| other)
    }
}

impl Decoded {
    /// The same file read in the [`Decoded::alternative`] encoding (the user's switch).
    pub fn switched(&self) -> Option<Decoded> {
        let chosen = self.alternative()?;
        Some(Decoded { chosen, ..self.clone() })
    }
}

/// Whether the page must decode `bytes` as Shift_JIS too before [`decode`]: they have
/// no UTF-8 byte order mark and are not all ASCII (ASCII reads the same in both).
pub fn wants_shift_jis(bytes: &[u8]) -> bool {
    !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.is_ascii() && bytes.len() <= MAX_BYTES
}

/// Reads a file's bytes: over [`MAX_BYTES`] refused; with the UTF-8 byte order mark,
/// UTF-8 (refused if not); else UTF-8 and `shift_jis` (the bytes decoded as Shift_JIS by
/// the page, `None` when they are not Shift_JIS), and when both read, the one the
/// evidence favours:
///
/// 1. the first row reads as the services CSV's header (every heading known, in
///    either language) in one encoding only: that one;
/// 2. else the one with fewer characters that a services CSV would not hold but a
///    misread file does: C1 controls, private-use characters, and letters outside
///    Japanese and ASCII (`ý`, `ɳ`, Greek, Cyrillic, ...) that stand outside a Latin
///    word (a letter next to an ASCII letter, as in `Café`, counts as text);
/// 3. a tie is UTF-8.
pub fn decode(bytes: &[u8], shift_jis: Option<String>) -> Result<Decoded, CsvError> {
    let utf8 = utf8_text(bytes)?.map(str::to_owned);
    let with_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let shift_jis = if with_bom { None } else { shift_jis };
    let chosen = match (&utf8, &shift_jis) {
        (None, None) => return Err(CsvError::NotText),
        (Some(_), None) => Encoding::Utf8,
        (None, Some(_)) => Encoding::ShiftJis,
        (Some(u), Some(s)) => choose(u, s),
    };
    Ok(Decoded { utf8, shift_jis, chosen })
}

/// Which of two readings of the same bytes is the file (see [`decode`]).
pub fn choose(utf8: &str, shift_jis: &str) -> Encoding {
    if utf8 == shift_jis {
        return Encoding::Utf8;
    }
    match (is_header(utf8), is_header(shift_jis)) {
        (true, false) => return Encoding::Utf8,
        (false, true) => return Encoding::ShiftJis,
        _ => {}
    }
    if misread_chars(shift_jis) < misread_chars(utf8) {
        Encoding::ShiftJis
    } else {
        Encoding::Utf8
    }
}

/// Whether the first row that is not blank reads as the header of the services CSV.
fn is_header(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').trim_start_matches(['\r', '\n']);
    let line = first.split(['\r', '\n']).next().unwrap_or_default();
    let Ok(records) = read::records(line) else { return false };
    let Some(header) = records.first() else { return false };
    let named: Vec<&String> = header.cells.iter().filter(|c| !c.trim().is_empty()).collect();
    !named.is_empty() && named.iter().all(|c| Column::from_header(c).is_some())
}

/// How many characters of `text` look like a misread file rather than text.
fn misread_chars(text: &str) -> usize {
    let mut count = 0;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if is_misread(c, prev, next) {
            count += 1;
        }
        prev = c;
    }
    count
}

fn is_misread(c: char, prev: char, next: char) -> bool {
    let u = u32::from(c);
    match u {
        0..=0x7f => false,
        // C1 controls.
        0x80..=0x9f => true,
        // Latin-1 symbols (°, ±, §, ×, ÷, ...), in Shift_JIS's symbols too.
        0xa0..=0xbf | 0xd7 | 0xf7 => false,
        // Letters of Latin-1 to NKo (the range a two-byte UTF-8 sequence covers):
        // text when inside a Latin word, else what half-width katakana misread make.
        0xc0..=0x7ff => !(prev.is_ascii_alphabetic() || next.is_ascii_alphabetic()),
        // Private use (Shift_JIS's user-defined area), specials, the replacement character.
        0xe000..=0xf8ff | 0xfff0..=0xffff => true,
        _ => false,
    }
}
