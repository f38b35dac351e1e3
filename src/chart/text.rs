//! Text fit for a chart: every label is drawn through [`xml_text`], so that the SVG
//! download is always well-formed XML 1.0, whatever a user named a service or a
//! snapshot. (plotters' SVG backend escapes `&`, `<`, `>`, `"` and `'`, but writes
//! every other character as it is.)

use std::borrow::Cow;

/// Whether XML 1.0 allows `c` in a document: tab, line feed, carriage return,
/// U+0020 to U+D7FF, U+E000 to U+FFFD and U+10000 up (surrogates never occur in a
/// Rust string). So C0 control characters other than those three, U+FFFE and U+FFFF
/// are not allowed.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 does not allow ([`is_xml_char`]); borrowed
/// when there is none.
pub fn xml_text(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}
