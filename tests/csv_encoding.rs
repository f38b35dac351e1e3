//! Which encoding a services CSV is read in (issue 20, finding 1.9): a Shift_JIS file
//! whose bytes happen to be valid UTF-8 (half-width katakana) was read as UTF-8 and
//! previewed garbled. Both readings are now weighed, the preview says which was used,
//! and the other stays at hand. The page's Shift_JIS decoding is simulated here for
//! ASCII and half-width katakana, whose Shift_JIS bytes are arithmetic.

mod common;

use common::empty;
use x1060_assess::model::csv::{choose, decode, preview, wants_shift_jis, CsvError, Encoding, FieldValue};

/// `text` in Shift_JIS, for ASCII and half-width katakana (U+FF61..U+FF9F are the
/// single bytes 0xA1..0xDF).
fn sjis(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match u32::from(c) {
            u @ 0..=0x7f => u as u8,
            u @ 0xff61..=0xff9f => (u - 0xff61 + 0xa1) as u8,
            _ => panic!("not in the test's Shift_JIS: {c:?}"),
        })
        .collect()
}

/// The bytes read as the browser's `TextDecoder('shift_jis', {fatal: true})` would,
/// for the bytes [`sjis`] makes.
fn as_sjis(bytes: &[u8]) -> Option<String> {
    bytes
        .iter()
        .map(|&b| match b {
            0..=0x7f => Some(char::from(b)),
            0xa1..=0xdf => char::from_u32(u32::from(b) - 0xa1 + 0xff61),
            _ => None,
        })
        .collect()
}

#[test]
fn half_width_katakana_that_is_valid_utf8_is_read_as_shift_jis() {
    for kana in ["ﾉｳﾊｳ", "ﾃｽﾄｰ", "ﾏｲﾅｽ", "ﾊｲﾃｸ"] {
        let text = format!("id,note\r\nA-1,{kana}\r\n");
        let bytes = sjis(&text);
        let utf8 = std::str::from_utf8(&bytes).expect("these Shift_JIS bytes are valid UTF-8 too");
        assert_ne!(utf8, text, "and read as UTF-8 they are other text");
        assert!(wants_shift_jis(&bytes));
        let decoded = decode(&bytes, as_sjis(&bytes)).expect("read");
        assert_eq!(decoded.chosen, Encoding::ShiftJis, "{kana} read as {utf8:?}");
        assert_eq!(decoded.text(), text);
        assert_eq!(decoded.alternative(), Some(Encoding::Utf8), "the user may switch");
        assert_eq!(decoded.text_in(Encoding::Utf8), Some(utf8));
        let p = preview(decoded.text(), &empty()).expect("preview");
        assert_eq!(p.changes[0].new, FieldValue::Note(kana.to_owned()));
    }
    // `ﾃｽﾄ` at the end of a cell is not UTF-8 (C3 BD C4, then a line end): Shift_JIS only.
    let bytes = sjis("id,note\r\nA-1,ﾃｽﾄ\r\n");
    assert!(std::str::from_utf8(&bytes).is_err());
    let decoded = decode(&bytes, as_sjis(&bytes)).expect("read");
    assert_eq!((decoded.chosen, decoded.alternative()), (Encoding::ShiftJis, None));
}

#[test]
fn utf8_text_that_also_reads_as_shift_jis_stays_utf8() {
    // `Café`: C3 A9 reads as `ﾃｩ` in Shift_JIS, but `é` stands inside a Latin word.
    let text = "id,provider,note\r\nA-1,Café Ltd,naïve\r\n";
    let bytes = text.as_bytes();
    let sjis = as_sjis(bytes).expect("these UTF-8 bytes are half-width katakana in Shift_JIS");
    assert_eq!(sjis, "id,provider,note\r\nA-1,Cafﾃｩ Ltd,naﾃｯve\r\n");
    let decoded = decode(bytes, Some(sjis)).expect("read");
    assert_eq!((decoded.chosen, decoded.alternative()), (Encoding::Utf8, Some(Encoding::ShiftJis)));
    assert_eq!(decoded.text(), text);
    // UTF-8 Japanese read as Shift_JIS: the header row decides.
    assert_eq!(choose("ID,メモ\r\nA-1,メモ\r\n", "ID,繝｡繝｢\r\nA-1,繝｡繝｢\r\n"), Encoding::Utf8);
    assert_eq!(choose("ID,ﾒﾓ\r\n", "ID,メモ\r\n"), Encoding::ShiftJis, "the app's heading in one reading only");
    // ASCII: the same either way, nothing to switch to.
    let decoded = decode(b"id,note\r\nA-1,x\r\n", None).expect("read");
    assert_eq!((decoded.chosen, decoded.alternative()), (Encoding::Utf8, None));
    assert!(!wants_shift_jis(b"id,note"));
    assert!(!wants_shift_jis("\u{feff}id,メモ".as_bytes()), "a byte order mark says UTF-8");
}

#[test]
fn a_byte_order_mark_is_utf8_and_a_file_that_is_neither_is_refused() {
    let bytes = "\u{feff}id,note\r\nA-1,ɳʳ\r\n".as_bytes();
    let decoded = decode(bytes, Some("ignored".to_owned())).expect("read");
    assert_eq!((decoded.chosen, decoded.alternative()), (Encoding::Utf8, None));
    assert_eq!(decode(b"\xEF\xBB\xBFid,\x83\x81", None), Err(CsvError::BadUtf8 { offset: 6 }));
    assert_eq!(decode(b"id,\xFF\xFF", None), Err(CsvError::NotText));
    // "メモ" in Shift_JIS is not UTF-8: Shift_JIS.
    let decoded = decode(b"id,\x83\x81\x83\x82", Some("id,メモ".to_owned())).expect("read");
    assert_eq!((decoded.chosen, decoded.text()), (Encoding::ShiftJis, "id,メモ"));
}
