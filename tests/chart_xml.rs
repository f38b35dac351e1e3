//! The SVG download of a chart is well-formed XML 1.0 whatever its labels hold:
//! characters XML does not allow (C0 controls other than tab, line feed and carriage
//! return, U+FFFE, U+FFFF) are left out, and markup characters are escaped.

use x1060_assess::chart::{
    is_xml_char, radar_svg, trend_svg, xml_text, RadarSeries, RadarSpec, TrendSeries, TrendSpec,
};

/// Labels as a user could name a custom service or a snapshot.
const HOSTILE: [&str; 6] =
    ["A\u{1}B", "\u{fffe}x\u{ffff}", "tab\there", "A&B <C> \"q\" 'a'", "\u{0}\u{1f}\u{8}\u{b}\u{c}", "]]> &amp;"];

fn radar(family: &str) -> String {
    let labels = HOSTILE.iter().map(|s| s.to_string()).collect();
    let values = vec![Some(1.0); HOSTILE.len()];
    let series =
        vec![RadarSeries::current("cur\u{1}rent", values.clone()), RadarSeries::baseline("<base\u{fffe}>", values)];
    let spec = RadarSpec { font_family: family, ..RadarSpec::new(labels, series) };
    radar_svg(720, 480, &spec).expect("renders")
}

fn trend(family: &str) -> String {
    let labels = HOSTILE.iter().map(|s| s.to_string()).collect();
    let values = vec![Some(2.0); HOSTILE.len()];
    let series = vec![TrendSeries::current("now\u{2}", values.clone()), TrendSeries::target("&target\u{ffff}", values)];
    let spec = TrendSpec { font_family: family, ..TrendSpec::new(labels, series) };
    trend_svg(720, 360, &spec).expect("renders")
}

#[test]
fn charts_with_control_characters_in_labels_are_well_formed_xml() {
    for (what, svg) in [("radar", radar("sans-serif")), ("trend", trend("sans-serif"))] {
        if let Some(bad) = svg.chars().find(|&c| !is_xml_char(c)) {
            panic!("{what}: U+{:04X} is not allowed in XML", bad as u32);
        }
        if let Err(e) = check_well_formed(&svg) {
            panic!("{what}: not well-formed: {e}\n{svg}");
        }
    }
}

#[test]
fn labels_keep_their_other_characters_escaped() {
    for (what, svg) in [("radar", radar("sans-serif")), ("trend", trend("sans-serif"))] {
        assert!(svg.contains(">\nAB\n</text>"), "{what}: U+0001 left out");
        assert!(svg.contains("&amp;amp;"), "{what}: an entity in a label is text");
        assert!(svg.contains("]]&gt;"), "{what}: markup escaped");
    }
    assert!(radar("sans-serif").contains(">\ncurrent\n</text>"), "legend label cleaned");
    assert!(radar("sans-serif").contains(">\n&lt;base&gt;\n</text>"));
    assert!(trend("sans-serif").contains(">\n&amp;target\n</text>"));
    assert!(trend("sans-serif").contains(">\nnow\n</text>"));
}

#[test]
fn a_font_family_with_a_control_character_falls_back_to_sans_serif() {
    for svg in [radar("Noto\u{1}Sans"), trend("Noto\u{1}Sans")] {
        assert!(svg.chars().all(is_xml_char));
        assert!(svg.contains("font-family=\"sans-serif\""));
        assert!(!svg.contains("Noto"));
    }
    assert!(radar("Noto Sans JP").contains("font-family=\"Noto Sans JP\""));
}

#[test]
fn xml_text_drops_only_what_xml_does_not_allow() {
    assert_eq!(xml_text("plain ＆ 日本語 😀"), "plain ＆ 日本語 😀");
    assert!(matches!(xml_text("plain"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(xml_text("a\u{0}b\u{1f}c\u{7f}d\u{fffe}e\u{ffff}f\u{fffd}"), "abc\u{7f}def\u{fffd}");
    assert_eq!(xml_text("\t\n\r"), "\t\n\r");
    for c in ['\u{0}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}', '\u{fffe}', '\u{ffff}'] {
        assert!(!is_xml_char(c), "U+{:04X}", c as u32);
    }
    for c in ['\t', '\n', '\r', ' ', '\u{d7ff}', '\u{e000}', '\u{fffd}', '\u{10000}', '\u{10ffff}'] {
        assert!(is_xml_char(c), "U+{:04X}", c as u32);
    }
}

/// A small well-formedness check, enough for what plotters writes: an optional XML
/// declaration, elements properly nested, attribute values quoted and free of `<`,
/// and in text only `&` starting a predefined or numeric entity and no `<` outside
/// markup.
fn check_well_formed(xml: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml.trim_start();
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = after.split_once("?>").ok_or("unclosed declaration")?.1;
    }
    while !rest.is_empty() {
        match rest.find('<') {
            Some(at) => {
                check_text(&rest[..at])?;
                rest = &rest[at..];
            }
            None => {
                check_text(rest)?;
                break;
            }
        }
        let end = tag_end(rest).ok_or_else(|| format!("unclosed tag at {:?}", &rest[..rest.len().min(40)]))?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().ok_or("empty tag")?;
            check_attributes(&body[name.len()..])?;
            if !self_closing {
                open.push(name);
            }
        }
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed elements {open:?}"))
    }
}

/// The index of the `>` that ends the tag starting at `text[0]`, outside quotes.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn check_attributes(mut text: &str) -> Result<(), String> {
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return Ok(());
        }
        let (name, after) = text.split_once('=').ok_or_else(|| format!("attribute without value: {text:?}"))?;
        if name.trim().is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("bad attribute name {name:?}"));
        }
        let quote = after.chars().next().filter(|c| matches!(c, '"' | '\'')).ok_or("unquoted attribute")?;
        let (value, next) = after[1..].split_once(quote).ok_or("unterminated attribute")?;
        if value.contains('<') {
            return Err(format!("'<' in attribute {name}"));
        }
        check_text(value)?;
        text = next;
    }
}

/// Text and attribute values: `&` only as an entity reference.
fn check_text(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let after = &rest[at + 1..];
        let end = after.find(';').ok_or_else(|| format!("bare & in {text:?}"))?;
        let entity = &after[..end];
        let numeric = entity.strip_prefix("#x").map_or_else(
            || entity.strip_prefix('#').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())),
            |h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()),
        );
        if !(numeric || matches!(entity, "lt" | "gt" | "amp" | "quot" | "apos")) {
            return Err(format!("unknown entity &{entity}; in {text:?}"));
        }
        rest = &after[end + 1..];
    }
    if text.contains('<') {
        return Err(format!("'<' in text {text:?}"));
    }
    Ok(())
}
