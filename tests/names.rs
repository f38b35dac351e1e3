//! Names typed by people (`clean_name`): trimmed, cut to the limit, and refused when
//! nothing visible is left, such as a name of zero-width spaces or bidi controls.

use x1060_assess::model::text::{clean_name, is_invisible};
use x1060_assess::model::Assessment;

#[test]
fn white_space_is_trimmed() {
    assert_eq!(clean_name("  SOC review \t\n"), Some("SOC review".to_owned()));
    assert_eq!(clean_name("\u{3000}社内 SOC\u{3000}"), Some("社内 SOC".to_owned()));
    assert_eq!(clean_name(""), None);
    assert_eq!(clean_name(" \t\r\n\u{3000}"), None);
}

#[test]
fn names_of_only_invisible_characters_are_empty() {
    for name in [
        "\u{200b}",
        "\u{200b}\u{200c}\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\u{200e}\u{200f}",
        "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}",
        "\u{2066}\u{2067}\u{2068}\u{2069}",
        " \u{200b} \u{feff} ",
        "\u{61c}",
    ] {
        assert_eq!(clean_name(name), None, "{:?}", name);
    }
}

#[test]
fn invisible_characters_around_visible_text_are_kept() {
    assert_eq!(clean_name("\u{200b}a"), Some("\u{200b}a".to_owned()));
    assert_eq!(clean_name(" \u{2067}שלום\u{2069} "), Some("\u{2067}שלום\u{2069}".to_owned()));
    assert_eq!(clean_name("a\u{200d}b"), Some("a\u{200d}b".to_owned()));
}

#[test]
fn long_names_are_cut_to_the_limit_in_characters() {
    let max = Assessment::MAX_NAME_CHARS;
    assert_eq!(clean_name(&"名".repeat(max + 50)), Some("名".repeat(max)));
    assert_eq!(clean_name(&"x".repeat(max)), Some("x".repeat(max)));
    // A cut never leaves a blank at the end.
    let spaced = format!("{} {}", "a".repeat(max - 1), "b".repeat(10));
    assert_eq!(clean_name(&spaced), Some("a".repeat(max - 1)));
    // What is left after the cut must be visible.
    let hidden = format!("{}visible", "\u{200b}".repeat(max));
    assert_eq!(clean_name(&hidden), None);
}

#[test]
fn invisible_means_white_space_zero_width_or_bidi_control() {
    for c in [
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{feff}', '\u{202a}', '\u{202e}',
        '\u{2066}', '\u{2069}', ' ', '\u{3000}', '\n',
    ] {
        assert!(is_invisible(c), "U+{:04X}", c as u32);
    }
    for c in ['a', '名', '\u{2061}', '\u{202f}' /* narrow no-break space is white space */] {
        assert_eq!(is_invisible(c), c.is_whitespace(), "U+{:04X}", c as u32);
    }
}
