//! The words of the services CSV in both languages: the column headers and the
//! values of the level, sourcing and score columns. The export writes one spelling
//! (the codes of the exchange format, or the Japanese words); the import reads every
//! spelling listed here, whatever the interface language, so a file read back is
//! understood however it was written or retyped.

use super::super::{Catalogue, Lang, Level, Rating, Score, Sourcing};

/// A cell that is none of the words its column accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAWord;

/// A column of the services CSV, in the order the export writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Id,
    Category,
    NameJa,
    NameEn,
    Level,
    Sourcing,
    Provider,
    Current,
    Target,
    Gap,
    Note,
    /// How many evidence items the service lists (not read back).
    EvidenceCount,
    /// The titles of its evidence items, one per line (not read back).
    EvidenceTitles,
}

impl Column {
    pub const ALL: [Column; 13] = [
        Column::Id,
        Column::Category,
        Column::NameJa,
        Column::NameEn,
        Column::Level,
        Column::Sourcing,
        Column::Provider,
        Column::Current,
        Column::Target,
        Column::Gap,
        Column::Note,
        Column::EvidenceCount,
        Column::EvidenceTitles,
    ];

    /// The header of the code layout (`level`, `name_ja`, ...).
    pub fn code(self) -> &'static str {
        self.spellings()[0]
    }

    /// The header the export writes: codes for English, Japanese words for Japanese.
    pub fn header(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.code(),
            Lang::Ja => self.spellings()[1],
        }
    }

    /// The column's name in a message or the preview.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.spellings()[1], self.spellings()[2])
    }

    /// Code, Japanese header, English label, then other accepted spellings.
    fn spellings(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["id", "ID", "ID", "サービスID"],
            Column::Category => &["category", "カテゴリー", "Category", "カテゴリ"],
            Column::NameJa => &["name_ja", "サービス名（日本語）", "Name (Japanese)"],
            Column::NameEn => &["name_en", "サービス名（英語）", "Name (English)"],
            Column::Level => &["level", "推奨レベル", "Recommendation level", "レベル", "Level"],
            Column::Sourcing => &["sourcing", "実施形態", "Sourcing"],
            Column::Provider => &["provider", "委託先", "Provider", "委託先（任意）", "Provider (optional)"],
            Column::Current => &["current", "現在", "Current", "現在のスコア", "Current score"],
            Column::Target => &["target", "目標", "Target", "目標スコア", "Target score"],
            Column::Gap => &["gap", "ギャップ", "Gap"],
            Column::Note => &["note", "メモ", "Note", "備考"],
            Column::EvidenceCount => &["evidence_count", "エビデンス件数", "Evidence items"],
            Column::EvidenceTitles => &["evidence_titles", "エビデンスのタイトル", "Evidence titles"],
        }
    }

    /// The column a header cell names, in either language.
    pub fn from_header(cell: &str) -> Option<Column> {
        let cell = fold(cell);
        Column::ALL.into_iter().find(|c| c.spellings().iter().any(|s| fold(s) == cell))
    }
}

/// A cell as compared with the words: [`fold_width`], then ASCII lower case.
pub fn fold(cell: &str) -> String {
    fold_width(cell).to_ascii_lowercase()
}

/// A cell with spaces around it dropped and full-width ASCII (`３`, `Ｎ／Ａ`, `（`)
/// and the ideographic space read as ASCII; case is kept.
pub fn fold_width(cell: &str) -> String {
    cell.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Words accepted for "in-house" and "outsourced" besides the codes; the first of each
/// language is the one written.
const INSOURCE: [&str; 4] = ["内製", "In-house", "内製（インソース）", "インソース"];
const OUTSOURCE: [&str; 4] = ["外部委託", "Outsourced", "外部委託（アウトソース）", "アウトソース"];
/// Words accepted for "not applicable" besides `n/a`.
const NOT_APPLICABLE: [&str; 3] = ["適用外", "not applicable", "n/a（適用外）"];

/// How the export writes a level: the exchange-format code, or the catalogue's
/// Japanese name; empty when not decided.
pub fn level_word(catalogue: Catalogue, level: Option<Level>, lang: Lang) -> &'static str {
    match (level, lang) {
        (None, _) => "",
        (Some(l), Lang::En) => l.as_str(),
        (Some(l), Lang::Ja) => catalogue.level(l).map_or(l.as_str(), |d| d.name.ja),
    }
}

/// How the export writes a sourcing.
pub fn sourcing_word(sourcing: Option<Sourcing>, lang: Lang) -> &'static str {
    match (sourcing, lang) {
        (None, _) => "",
        (Some(s), Lang::En) => s.as_str(),
        (Some(s), Lang::Ja) => sourcing_name(s, Lang::Ja),
    }
}

/// A sourcing as the interface names it in `lang` (`内製`, `Outsourced`).
pub fn sourcing_name(sourcing: Sourcing, lang: Lang) -> &'static str {
    let words = match sourcing {
        Sourcing::Insource => &INSOURCE,
        Sourcing::Outsource => &OUTSOURCE,
    };
    lang.pick(words[0], words[1])
}

/// How the export writes a score: `1`..`5`, and `n/a` or `適用外`.
pub fn score_word(score: Option<Score>, lang: Lang) -> String {
    match (score, lang) {
        (None, _) => String::new(),
        (Some(Score::NotApplicable), Lang::Ja) => NOT_APPLICABLE[0].to_owned(),
        (Some(s), _) => s.as_code(),
    }
}

/// Reads a level cell: empty is "not decided"; `Err` for a word that is no level.
pub fn parse_level(catalogue: Catalogue, cell: &str) -> Result<Option<Level>, NotAWord> {
    let cell = fold(cell);
    if cell.is_empty() {
        return Ok(None);
    }
    Level::ALL
        .into_iter()
        .find(|&l| {
            l.as_str() == cell || catalogue.level(l).is_some_and(|d| fold(d.name.ja) == cell || fold(d.name.en) == cell)
        })
        .map(Some)
        .ok_or(NotAWord)
}

/// Reads a sourcing cell: empty is "not assigned".
pub fn parse_sourcing(cell: &str) -> Result<Option<Sourcing>, NotAWord> {
    let cell = fold(cell);
    if cell.is_empty() {
        return Ok(None);
    }
    let is = |words: &[&str]| words.iter().any(|w| fold(w) == cell);
    Sourcing::ALL
        .into_iter()
        .find(|&s| {
            s.as_str() == cell
                || match s {
                    Sourcing::Insource => is(&INSOURCE),
                    Sourcing::Outsource => is(&OUTSOURCE),
                }
        })
        .map(Some)
        .ok_or(NotAWord)
}

/// Reads a score cell: empty is "not assessed yet".
pub fn parse_score(cell: &str) -> Result<Option<Score>, NotAWord> {
    let cell = fold(cell);
    if cell.is_empty() {
        return Ok(None);
    }
    if cell == Score::NOT_APPLICABLE || NOT_APPLICABLE.iter().any(|w| fold(w) == cell) {
        return Ok(Some(Score::NotApplicable));
    }
    match cell.as_bytes() {
        [d @ b'1'..=b'5'] => Rating::new(i64::from(d - b'0')).map(|r| Some(Score::Rated(r))).ok_or(NotAWord),
        _ => Err(NotAWord),
    }
}

/// The words a level cell accepts, for a message: codes, then names in `lang`.
pub fn level_choices(catalogue: Catalogue, lang: Lang) -> String {
    let codes = Level::ALL.map(Level::as_str).join(", ");
    let names: Vec<&str> =
        Level::ALL.into_iter().filter_map(|l| catalogue.level(l).map(|d| d.name.get(lang))).collect();
    format!("{codes} / {}", names.join(lang.pick("、", ", ")))
}

/// The words a sourcing cell accepts, for a message.
pub fn sourcing_choices(lang: Lang) -> String {
    let words = lang.pick("内製、外部委託", "In-house, Outsourced");
    format!("insource, outsource / {words}")
}

/// The words a score cell accepts, for a message.
pub fn score_choices(lang: Lang) -> String {
    lang.pick("1〜5、n/a、適用外", "1 to 5, n/a").to_owned()
}
