//! Text typed by people, made fit to be kept as a name.

use super::Assessment;

/// `input` as a name: white space trimmed from both ends and cut to
/// [`Assessment::MAX_NAME_CHARS`] characters (then trimmed at the end again, so a cut
/// never leaves a dangling blank). `None` when nothing visible is left: only white
/// space and [invisible characters](is_invisible), such as a name of zero-width
/// spaces, which would show as an empty name.
pub fn clean_name(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let cut = match trimmed.char_indices().nth(Assessment::MAX_NAME_CHARS) {
        Some((end, _)) => trimmed[..end].trim_end(),
        None => trimmed,
    };
    cut.chars().any(|c| !is_invisible(c)).then(|| cut.to_owned())
}

/// Characters that show nothing by themselves: white space, the zero-width
/// characters (U+200B to U+200D, U+2060 word joiner, U+FEFF), and the bidirectional
/// controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}
