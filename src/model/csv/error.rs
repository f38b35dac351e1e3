//! Why a CSV file cannot be read into the assessment, in both languages, each problem
//! named by row and column as a spreadsheet shows them (`row 7, column E (level)`).

use std::fmt;

use super::super::exchange::MAX_BYTES;
use super::super::limits::LimitError;
use super::super::{Catalogue, Lang};
use super::change::CsvField;
use super::read::SyntaxErrorKind;
use super::words;

/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// Why a file was refused. Nothing is changed by a refused file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// More than [`MAX_BYTES`], refused before it is read.
    TooLarge { bytes: usize },
    /// The file starts with a UTF-8 byte order mark but is not UTF-8 from `offset` on.
    BadUtf8 { offset: usize },
    /// Neither UTF-8 nor Shift_JIS text.
    NotText,
    /// No header row.
    Empty,
    /// The first [`MAX_PROBLEMS`] problems found, and how many more there are.
    Problems { problems: Vec<CsvProblem>, more: usize },
    /// Applied, the assessment would be more than the reader accepts.
    Limit(LimitError),
    /// The preview was made for an assessment that is no longer the active one.
    OtherAssessment,
    /// The assessment changed after the preview was shown: the preview now shows
    /// what the file changes in it, to be checked again.
    ChangedSincePreview,
}

/// One problem of a file: where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The spreadsheet row (the header is row 1).
    pub row: usize,
    /// The column, from 1 (`A` is 1), and its heading; `None` for a problem of the
    /// whole row.
    pub column: Option<(usize, Heading)>,
    pub kind: CsvProblemKind,
}

/// What names the column of a problem in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heading {
    /// The column's heading as the file writes it.
    Named(String),
    /// The column has no heading (an empty header cell, or a cell beyond the header).
    None,
    /// The problem is in the header row itself, so no heading can be read.
    HeaderRow,
}

impl Heading {
    /// `name` as a heading: [`Heading::None`] when empty (or only spaces).
    pub fn of(name: &str) -> Heading {
        if name.trim().is_empty() {
            Heading::None
        } else {
            Heading::Named(name.to_owned())
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblemKind {
    Syntax(SyntaxErrorKind),
    /// A header the import does not know.
    UnknownHeader,
    /// The same column a second time; the first is at this column number.
    DuplicateHeader {
        first: usize,
    },
    /// The header has no id column.
    NoIdColumn,
    /// A row with another number of cells than the header.
    CellCount {
        found: usize,
        expected: usize,
    },
    /// A row with data and no service id.
    NoId,
    /// A service id that is neither in the catalogue nor a custom service.
    UnknownService(String),
    /// An id that matches no service exactly and, ignoring upper and lower case,
    /// more than one (ids are case-sensitive: `a-1` and `A-1` may both exist).
    AmbiguousService {
        id: String,
        matches: Vec<String>,
    },
    /// A service listed a second time; first at row `first`.
    DuplicateService {
        id: String,
        first: usize,
    },
    /// A value that is not one its column accepts.
    BadValue {
        field: CsvField,
        value: String,
    },
    /// A text longer than the reader accepts.
    TooLong {
        len: usize,
        max: usize,
    },
}

/// `1` → `A`, `27` → `AA`: the spreadsheet's name of a column.
pub fn column_letters(mut n: usize) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl CsvProblem {
    /// Where and what, in `lang`; `catalogue` names the accepted level words.
    pub fn message(&self, catalogue: Catalogue, lang: Lang) -> String {
        let heading = |h: &Heading| match (h, lang) {
            (Heading::Named(name), _) => name.clone(),
            (Heading::None, Lang::En) => "no heading".to_owned(),
            (Heading::None, Lang::Ja) => "見出しなし".to_owned(),
            (Heading::HeaderRow, Lang::En) => "in the header row".to_owned(),
            (Heading::HeaderRow, Lang::Ja) => "見出しの行".to_owned(),
        };
        let place = match (&self.column, lang) {
            (None, Lang::En) => format!("Row {}", self.row),
            (None, Lang::Ja) => format!("{} 行目", self.row),
            (Some((n, h)), Lang::En) => format!("Row {}, column {} ({})", self.row, column_letters(*n), heading(h)),
            (Some((n, h)), Lang::Ja) => format!("{} 行目、{} 列（{}）", self.row, column_letters(*n), heading(h)),
        };
        format!("{place}: {}", self.kind.message(catalogue, lang))
    }
}

impl CsvProblemKind {
    fn message(&self, catalogue: Catalogue, lang: Lang) -> String {
        use CsvProblemKind as K;
        let en = lang == Lang::En;
        match self {
            K::Syntax(SyntaxErrorKind::UnclosedQuote) if en => {
                "a quoted cell starts here and its closing quote (\") is missing, so the cell runs to the end of the file.".to_owned()
            }
            K::Syntax(SyntaxErrorKind::UnclosedQuote) => {
                "ここで始まる引用符（\"）が閉じられていないため、セルがファイルの最後まで続いています。".to_owned()
            }
            K::Syntax(SyntaxErrorKind::TextAfterQuote) if en => {
                "text follows the closing quote; a quote inside a quoted cell is written twice (\"\").".to_owned()
            }
            K::Syntax(SyntaxErrorKind::TextAfterQuote) => {
                "閉じ引用符の後に文字があります。引用符の中の \" は 2 つ重ねて（\"\"）書きます。".to_owned()
            }
            K::UnknownHeader if en => {
                let known: Vec<&str> = words::Column::ALL.iter().map(|c| c.code()).collect();
                format!("not a column of the services CSV (expected: {}).", known.join(", "))
            }
            K::UnknownHeader => {
                let known: Vec<&str> = words::Column::ALL.iter().map(|c| c.header(Lang::Ja)).collect();
                format!("サービス CSV の列ではありません（使える見出し: {}）。", known.join("、"))
            }
            K::DuplicateHeader { first } if en => format!("the same column as column {}.", column_letters(*first)),
            K::DuplicateHeader { first } => format!("{} 列と同じ列です。", column_letters(*first)),
            K::NoIdColumn if en => {
                "the header has no id column (ID), so rows cannot be matched to services.".to_owned()
            }
            K::NoIdColumn => "見出しに id（ID）列がないため、行をサービスに対応付けられません。".to_owned(),
            K::CellCount { found, expected } if en => {
                format!("{found} cells, but the header has {expected}.")
            }
            K::CellCount { found, expected } => format!("セルが {found} 個あります（見出しは {expected} 個）。"),
            K::NoId if en => "the row has data but no service id.".to_owned(),
            K::NoId => "データがあるのにサービス ID がありません。".to_owned(),
            K::UnknownService(id) if en => {
                format!("no service “{id}” in this assessment (neither in the catalogue nor added).")
            }
            K::UnknownService(id) => {
                format!("このアセスメントにサービス「{id}」はありません（カタログにも追加サービスにもありません）。")
            }
            K::AmbiguousService { id, matches } if en => format!(
                "“{id}” matches no service exactly, and {} if upper and lower case are ignored: write the id exactly as the app shows it.",
                matches.join(", ")
            ),
            K::AmbiguousService { id, matches } => format!(
                "「{id}」と完全に一致するサービスはなく、大文字と小文字を区別しなければ {} が当てはまります。ID はアプリの表示どおりに書いてください。",
                matches.join("、")
            ),
            K::DuplicateService { id, first } if en => format!("service {id} is already listed in row {first}."),
            K::DuplicateService { id, first } => format!("サービス {id} は {first} 行目にもあります。"),
            K::BadValue { field, value } => {
                let choices = match field {
                    CsvField::Level => words::level_choices(catalogue, lang),
                    CsvField::Sourcing => words::sourcing_choices(lang),
                    _ => words::score_choices(lang),
                };
                if en {
                    format!("“{value}” is not a value of this column. Use {choices}, or leave it empty (not set).")
                } else {
                    format!("「{value}」はこの列の値として読めません。{choices} のいずれかにするか、空欄（未設定）にしてください。")
                }
            }
            K::TooLong { len, max } if en => format!("{len} characters; at most {max} can be kept."),
            K::TooLong { len, max } => format!("{len} 文字あります。保存できるのは {max} 文字までです。"),
        }
    }
}

impl CsvError {
    /// What is wrong, in `lang`: the first line of the message.
    pub fn headline(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            CsvError::TooLarge { bytes } if en => {
                format!("The file is too large: {bytes} bytes, and at most {MAX_BYTES} bytes (16 MiB) can be read.")
            }
            CsvError::TooLarge { bytes } => {
                format!("ファイルが大きすぎます（{bytes} バイト。読み込めるのは {MAX_BYTES} バイト（16 MiB）までです）。")
            }
            CsvError::BadUtf8 { offset } if en => {
                format!("The file starts as UTF-8 (byte order mark) but is not UTF-8 text at byte {offset}.")
            }
            CsvError::BadUtf8 { offset } => {
                format!("ファイルは UTF-8（BOM 付き）で始まっていますが、{offset} バイト目が UTF-8 の文字ではありません。")
            }
            CsvError::NotText if en => "The file is neither UTF-8 nor Shift_JIS text: save it as CSV.".to_owned(),
            CsvError::NotText => "ファイルが UTF-8 でも Shift_JIS でもありません。CSV 形式で保存してください。".to_owned(),
            CsvError::Empty if en => "The file is empty: its first row must be the header.".to_owned(),
            CsvError::Empty => "ファイルが空です。1 行目は見出しの行です。".to_owned(),
            CsvError::Problems { problems, more } => {
                let n = problems.len() + more;
                if en {
                    format!("{n} problem(s) in the file:")
                } else {
                    format!("ファイルに {n} 件の問題があります:")
                }
            }
            CsvError::Limit(e) => e.message(lang),
            CsvError::OtherAssessment if en => {
                "The preview was made for another assessment than the active one: read the file again.".to_owned()
            }
            CsvError::OtherAssessment => {
                "プレビューは現在のアセスメントとは別のアセスメントに対するものです。ファイルをもう一度読み込んでください。"
                    .to_owned()
            }
            CsvError::ChangedSincePreview if en => {
                "The assessment changed after the preview was shown (in another tab?): the preview now shows what the file changes. Check it and apply again.".to_owned()
            }
            CsvError::ChangedSincePreview => {
                "プレビューの表示後にアセスメントが変更されました（別のタブ？）。プレビューを更新したので、確認してもう一度適用してください。".to_owned()
            }
        }
    }

    /// Each problem on a line of its own (and how many more were not listed).
    pub fn details(&self, catalogue: Catalogue, lang: Lang) -> Vec<String> {
        let CsvError::Problems { problems, more } = self else { return Vec::new() };
        let mut lines: Vec<String> = problems.iter().map(|p| p.message(catalogue, lang)).collect();
        if *more > 0 {
            lines.push(match lang {
                Lang::Ja => format!("ほか {more} 件。"),
                Lang::En => format!("And {more} more."),
            });
        }
        lines
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(Lang::En))?;
        for line in self.details(super::super::CatalogueDef::latest(), Lang::En) {
            write!(f, "\n{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvError {}
