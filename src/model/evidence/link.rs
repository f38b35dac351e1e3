//! When an evidence location may become a link.

/// `location` as a link target, when it is an http or https URL; `None` for anything
/// else, which is then shown as text only: `javascript:`, `data:`, `file:` and other
/// schemes, paths (`\\server\share`, `/srv/docs`), protocol-relative `//host` links.
///
/// The scheme is matched without regard to case (`HTTPS://`) and must stand at the very
/// start: white space or an invisible character before it gives `None` (browsers drop
/// leading blanks and control characters from a URL, so ` javascript:` would run).
/// A location holding any control character (tab, line break, NUL, DEL, C1) or a
/// character that reorders text (bidirectional controls, which could make the link
/// read as another address) gives `None` too. White space at the end is dropped.
pub fn safe_link(location: &str) -> Option<&str> {
    let location = location.trim_end_matches(|c: char| c.is_whitespace() && !c.is_control());
    let rest =
        strip_prefix_ignore_case(location, "https://").or_else(|| strip_prefix_ignore_case(location, "http://"))?;
    // A host must follow (`https:///x` or `https://` alone is no address).
    if rest.is_empty() || rest.starts_with(['/', '\\']) {
        return None;
    }
    if location.chars().any(|c| c.is_control() || is_reordering(c)) {
        return None;
    }
    Some(location)
}

/// `text` without `prefix` (ASCII, matched without regard to case).
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Characters that reorder or hide text: the bidirectional marks, embeddings,
/// overrides and isolates, and the zero-width characters.
fn is_reordering(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn http_and_https_become_links_in_any_case() {
        for url in [
            "https://intranet.example/ir/runbook-v3.pdf",
            "http://10.0.0.5/share/report.pdf",
            "HTTPS://INTRANET.EXAMPLE/A.PDF",
            "HtTp://example.com",
            "https://example.com/a b.pdf",
            "https://例え.jp/資料.pdf",
        ] {
            assert_eq!(safe_link(url), Some(url), "{url}");
        }
        assert_eq!(safe_link("https://example.com/a.pdf  "), Some("https://example.com/a.pdf"));
    }

    #[test]
    fn other_schemes_and_paths_stay_text() {
        for text in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "javascript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.com/a",
            "//evil.example/x",
            "/srv/docs/runbook.pdf",
            "\\\\fileserver\\ir\\runbook.pdf",
            "C:\\docs\\runbook.pdf",
            "runbook.pdf",
            "https:example.com",
            "https:/example.com",
            "https://",
            "https:///example.com",
            "http:\\\\example.com",
            "ｈｔｔｐｓ://example.com",
            "",
        ] {
            assert_eq!(safe_link(text), None, "{text}");
        }
    }

    #[test]
    fn leading_blanks_and_hidden_characters_stay_text() {
        for text in [
            " https://example.com",
            "\thttps://example.com",
            "\nhttps://example.com",
            "\u{0}https://example.com",
            "\u{FEFF}https://example.com",
            "\u{200B}https://example.com",
            "\u{3000}https://example.com",
            "https://exa\nmple.com",
            "https://exa\tmple.com",
            "https://example.com/\u{7f}",
            "https://example.com/\u{85}",
            "https://example.com/\u{202E}fdp.exe",
            "https://example.com/a\u{2066}b",
            "https://example.com\n",
            "https://example.com\r\n",
        ] {
            assert_eq!(safe_link(text), None, "{text:?}");
        }
    }
}
