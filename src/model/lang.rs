//! The two interface languages and text held in both.

use serde::{Deserialize, Serialize};

/// An interface language. Japanese first: JT-X1060 is the Japanese edition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 code used for `<html lang>` and for storing the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Reads a stored code or a browser language tag (`ja-JP`, `en-GB`, ...).
    /// Japanese for any `ja*` tag, English for every other tag.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    /// Picks the text for this language from a pair.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Like [`Lang::pick`], but falls back to the other language when this one's
    /// text is blank (a custom service named in one language only).
    pub fn pick_filled<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        let first = self.pick(ja, en);
        if first.trim().is_empty() {
            self.other().pick(ja, en)
        } else {
            first
        }
    }
}

/// Owned text in both languages (names of custom services).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalText {
    #[serde(default)]
    pub ja: String,
    #[serde(default)]
    pub en: String,
}

impl LocalText {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        LocalText { ja: ja.into(), en: en.into() }
    }

    /// The text in `lang`, falling back to the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick_filled(&self.ja, &self.en)
    }
}
