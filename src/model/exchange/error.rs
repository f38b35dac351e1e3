//! What can be wrong with a file, and the messages that say so in both languages.
//! The English texts are asserted verbatim in `tests/exchange_errors.rs`.

use std::fmt;

use serde_json::Value;

use super::{FORMAT, MAX_BYTES, VERSION};
use crate::model::{CatalogueDef, Lang};

/// The kinds of JSON value, named in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            JsonKind::Null => lang.pick("null", "null"),
            JsonKind::Bool => lang.pick("真偽値", "true or false"),
            JsonKind::Number => lang.pick("数値", "a number"),
            JsonKind::String => lang.pick("文字列", "a string"),
            JsonKind::Array => lang.pick("配列", "an array"),
            JsonKind::Object => lang.pick("オブジェクト", "an object"),
        }
    }
}

/// What a field should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    Integer,
}

impl Expected {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Expected::Object => lang.pick("オブジェクト", "an object"),
            Expected::Array => lang.pick("配列", "an array"),
            Expected::String => lang.pick("文字列", "a string"),
            Expected::Integer => lang.pick("整数", "an integer"),
        }
    }
}

/// One thing wrong with the content of a file. `found` values are shown as JSON,
/// shortened, so control characters and markup are escaped or harmless.
/// `DuplicateKey`: the key that ends the problem's path was already given in the
/// same object; `line` and `column` (in characters, both from 1) say where the
/// second one starts. `DuplicateCategory`: a category given a second time in the
/// same list (the quick check's); `first` is the path of the entry that gave it first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    WrongType {
        expected: Expected,
        found: JsonKind,
    },
    Empty,
    TooLong {
        len: usize,
        max: usize,
    },
    TooMany {
        len: usize,
        max: usize,
    },
    NotThisFormat {
        found: String,
    },
    NewerVersion {
        found: String,
    },
    BadVersion {
        found: String,
        oldest: u64,
    },
    UnknownCatalogue {
        found: String,
    },
    UnknownService {
        id: String,
        catalogue: String,
    },
    DuplicateService {
        id: String,
        first: String,
    },
    BadId {
        found: String,
    },
    IdTaken {
        id: String,
    },
    UnknownCategory {
        found: String,
    },
    DuplicateCategory {
        id: String,
        first: String,
    },
    BadLevel {
        found: String,
    },
    BadSourcing {
        found: String,
    },
    BadScore {
        found: String,
    },
    /// A plan item's expected score: 1..5 or null (never n/a).
    BadExpected {
        found: String,
    },
    BadTimestamp {
        found: String,
    },
    BadDate {
        found: String,
    },
    BadPlanStatus {
        found: String,
    },
    /// An evidence item's fingerprint: 64 lowercase hexadecimal digits.
    BadSha256 {
        found: String,
    },
    /// A list of services holds more evidence items, all services together, than `max`.
    TooMuchEvidence {
        len: usize,
        max: usize,
    },
    DuplicateKey {
        line: usize,
        column: usize,
    },
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (self, lang) {
            (Missing, Lang::En) => "is required but missing".to_owned(),
            (Missing, Lang::Ja) => "必須ですが、ありません".to_owned(),
            (WrongType { expected, found }, Lang::En) => {
                format!("must be {}, found {}", expected.name(lang), found.name(lang))
            }
            (WrongType { expected, found }, Lang::Ja) => {
                format!("{}である必要がありますが、{}です", expected.name(lang), found.name(lang))
            }
            (Empty, Lang::En) => "must not be empty".to_owned(),
            (Empty, Lang::Ja) => "空にはできません".to_owned(),
            (TooLong { len, max }, Lang::En) => format!("is too long ({len} characters, at most {max})"),
            (TooLong { len, max }, Lang::Ja) => format!("長すぎます（{len} 文字、上限は {max} 文字）"),
            (TooMany { len, max }, Lang::En) => format!("has too many entries ({len}, at most {max})"),
            (TooMany { len, max }, Lang::Ja) => format!("項目が多すぎます（{len} 件、上限は {max} 件）"),
            (NotThisFormat { found }, Lang::En) => format!(
                "this is not an X.1060 assessment file (format is {found}, expected \"{FORMAT}\")"
            ),
            (NotThisFormat { found }, Lang::Ja) => format!(
                "X.1060 アセスメントのファイルではありません（format が {found} です。\"{FORMAT}\" であるべきです）"
            ),
            (NewerVersion { found }, Lang::En) => format!(
                "version {found} is newer than this app can read (up to {VERSION}); open the file with a newer version of the app"
            ),
            (NewerVersion { found }, Lang::Ja) => format!(
                "バージョン {found} はこのアプリが読める形式（{VERSION} まで）より新しいものです。新しい版のアプリで開いてください"
            ),
            (BadVersion { found, oldest }, Lang::En) => format!(
                "is not a version this app can read (it reads versions {oldest} to {VERSION}), found {found}"
            ),
            (BadVersion { found, oldest }, Lang::Ja) => format!(
                "このアプリが読めるバージョンではありません（読めるのは {oldest} から {VERSION}）。{found} です"
            ),
            (UnknownCatalogue { found }, Lang::En) => {
                format!("unknown catalogue {found} (this app knows {})", CatalogueDef::known_ids())
            }
            (UnknownCatalogue { found }, Lang::Ja) => {
                format!("不明なカタログ {found} です（このアプリが扱えるのは {}）", CatalogueDef::known_ids())
            }
            (UnknownService { id, catalogue }, Lang::En) => {
                format!("unknown service id {id}: it is neither in catalogue {catalogue} nor in custom_services")
            }
            (UnknownService { id, catalogue }, Lang::Ja) => {
                format!("不明なサービス ID {id} です（カタログ {catalogue} にも custom_services にもありません）")
            }
            (DuplicateService { id, first }, Lang::En) => {
                format!("service {id} appears more than once (first at {first})")
            }
            (DuplicateService { id, first }, Lang::Ja) => {
                format!("サービス {id} が重複しています（最初は {first}）")
            }
            (BadId { found }, Lang::En) => format!(
                "must be an id of 1 to 16 letters, digits, \"-\", \"_\" or \".\", found {found}"
            ),
            (BadId { found }, Lang::Ja) => {
                format!("英数字と「-」「_」「.」からなる 1〜16 文字の ID である必要がありますが、{found} です")
            }
            (IdTaken { id }, Lang::En) => format!("custom service id {id} is already used by another service"),
            (IdTaken { id }, Lang::Ja) => format!("カスタムサービスの ID {id} は他のサービスと重複しています"),
            (UnknownCategory { found }, Lang::En) => format!("unknown category {found}"),
            (UnknownCategory { found }, Lang::Ja) => format!("不明なカテゴリー {found} です"),
            (DuplicateCategory { id, first }, Lang::En) => {
                format!("category {id} appears more than once (first at {first})")
            }
            (DuplicateCategory { id, first }, Lang::Ja) => {
                format!("カテゴリー {id} が重複しています（最初は {first}）")
            }
            (BadLevel { found }, Lang::En) => format!(
                "must be one of \"not_required\", \"basic\", \"standard\", \"advanced\", \"optional\", found {found}"
            ),
            (BadLevel { found }, Lang::Ja) => format!(
                "\"not_required\"、\"basic\"、\"standard\"、\"advanced\"、\"optional\" のいずれかである必要がありますが、{found} です"
            ),
            (BadSourcing { found }, Lang::En) => {
                format!("must be \"insource\" or \"outsource\", found {found}")
            }
            (BadSourcing { found }, Lang::Ja) => {
                format!("\"insource\" か \"outsource\" である必要がありますが、{found} です")
            }
            (BadScore { found }, Lang::En) => {
                format!("must be an integer from 1 to 5, \"n/a\" or null, found {found}")
            }
            (BadScore { found }, Lang::Ja) => {
                format!("1〜5 の整数、\"n/a\"、null のいずれかである必要がありますが、{found} です")
            }
            (BadExpected { found }, Lang::En) => format!("must be an integer from 1 to 5 or null, found {found}"),
            (BadExpected { found }, Lang::Ja) => {
                format!("1〜5 の整数か null である必要がありますが、{found} です")
            }
            (BadTimestamp { found }, Lang::En) => {
                format!("must be a date and time such as \"2026-04-01T09:00:00Z\", found {found}")
            }
            (BadTimestamp { found }, Lang::Ja) => {
                format!("\"2026-04-01T09:00:00Z\" のような日時である必要がありますが、{found} です")
            }
            (BadDate { found }, Lang::En) => format!("must be a date such as \"2026-09-30\", found {found}"),
            (BadDate { found }, Lang::Ja) => {
                format!("\"2026-09-30\" のような日付である必要がありますが、{found} です")
            }
            (BadPlanStatus { found }, Lang::En) => {
                format!("must be \"open\", \"in_progress\" or \"done\", found {found}")
            }
            (BadPlanStatus { found }, Lang::Ja) => {
                format!("\"open\"、\"in_progress\"、\"done\" のいずれかである必要がありますが、{found} です")
            }
            (BadSha256 { found }, Lang::En) => format!("must be 64 lowercase hexadecimal digits, found {found}"),
            (BadSha256 { found }, Lang::Ja) => format!("64 桁の小文字の 16 進数である必要がありますが、{found} です"),
            (TooMuchEvidence { len, max }, Lang::En) => format!("has too many evidence items ({len}, at most {max})"),
            (TooMuchEvidence { len, max }, Lang::Ja) => format!("エビデンスが多すぎます（合計 {len} 件、上限は {max} 件）"),
            (DuplicateKey { line, column }, Lang::En) => format!(
                "is given more than once in the same object (again at line {line}, column {column}); each field may appear only once"
            ),
            (DuplicateKey { line, column }, Lang::Ja) => format!(
                "同じオブジェクトの中に 2 回以上あります（{line} 行 {column} 列で再び出てきます）。各フィールドは 1 回しか書けません"
            ),
        }
    }
}

/// A problem and where it is: a field path such as `services[3].current`, and the
/// service id when the problem is inside a service entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub service: Option<String>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() { lang.pick("（ファイル全体）", "(top level)") } else { &self.path };
        match (&self.service, lang) {
            (Some(id), Lang::En) => format!("{path} (service {id}): {}", self.kind.message(lang)),
            (Some(id), Lang::Ja) => format!("{path}（サービス {id}）: {}", self.kind.message(lang)),
            (None, _) => format!("{path}: {}", self.kind.message(lang)),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Where a document being read came from, as its messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    File,
    /// The data of a share link.
    Link,
}

impl Source {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Source::File, Lang::En) => "The file",
            (Source::File, Lang::Ja) => "ファイル",
            (Source::Link, Lang::En) => "The link's data",
            (Source::Link, Lang::Ja) => "リンクのデータ",
        }
    }
}

/// Why a file could not be read. Whatever the error, nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotUtf8 {
        offset: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    /// Content problems; at most [`super::MAX_PROBLEMS`] are listed, `more` counts the rest.
    Invalid {
        problems: Vec<Problem>,
        more: usize,
    },
}

impl ImportError {
    /// A one-line summary.
    pub fn headline(&self, lang: Lang) -> String {
        self.headline_of(Source::File, lang)
    }

    /// A one-line summary naming where the document came from.
    pub fn headline_of(&self, source: Source, lang: Lang) -> String {
        let what = source.name(lang);
        match (self, lang) {
            (ImportError::TooLarge { bytes }, Lang::En) => {
                format!("{what} is too large: {bytes} bytes, and at most {MAX_BYTES} bytes (16 MiB) can be imported.")
            }
            (ImportError::TooLarge { bytes }, Lang::Ja) => {
                format!("{what}が大きすぎます（{bytes} バイト）。読み込めるのは {MAX_BYTES} バイト（16 MiB）までです。")
            }
            (ImportError::Empty, Lang::En) => format!("{what} is empty."),
            (ImportError::Empty, Lang::Ja) => format!("{what}が空です。"),
            (ImportError::NotUtf8 { offset }, Lang::En) => {
                format!("{what} is not UTF-8 text: the byte at offset {offset} is not valid UTF-8.")
            }
            (ImportError::NotUtf8 { offset }, Lang::Ja) => match source {
                Source::File => {
                    format!("UTF-8 のテキストファイルではありません（{offset} バイト目が UTF-8 として不正です）。")
                }
                Source::Link => {
                    format!("{what}が UTF-8 のテキストではありません（{offset} バイト目が UTF-8 として不正です）。")
                }
            },
            (ImportError::Syntax { line, column, detail }, Lang::En) => {
                format!("Line {line}, column {column}: not valid JSON ({detail}).")
            }
            (ImportError::Syntax { line, column, detail }, Lang::Ja) => {
                format!("{line} 行 {column} 列: JSON として正しくありません（{detail}）。")
            }
            (ImportError::TooDeep { line, column }, Lang::En) => {
                format!("Line {line}, column {column}: the JSON is nested too deeply.")
            }
            (ImportError::TooDeep { line, column }, Lang::Ja) => {
                format!("{line} 行 {column} 列: JSON の入れ子が深すぎます。")
            }
            (ImportError::Invalid { problems, more }, Lang::En) => {
                let n = problems.len() + more;
                if n == 1 {
                    format!("{what} has 1 problem:")
                } else {
                    format!("{what} has {n} problems:")
                }
            }
            (ImportError::Invalid { problems, more }, Lang::Ja) => {
                format!("{what}に {} 件の問題があります:", problems.len() + more)
            }
        }
    }

    /// The problems to list under the headline (content problems only).
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            ImportError::Invalid { problems, more } => {
                let mut lines: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                if *more > 0 {
                    lines.push(match lang {
                        Lang::En => format!("… and {more} more"),
                        Lang::Ja => format!("… ほか {more} 件"),
                    });
                }
                lines
            }
            _ => Vec::new(),
        }
    }

    /// Headline and details, one per line.
    pub fn message(&self, lang: Lang) -> String {
        self.message_of(Source::File, lang)
    }

    /// Headline (naming where the document came from) and details, one per line.
    pub fn message_of(&self, source: Source, lang: Lang) -> String {
        std::iter::once(self.headline_of(source, lang)).chain(self.details(lang)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}
