//! Why a hand-in, or the room kept in the browser, is refused: typed, with a message
//! in English and Japanese that says why and what to do.

use std::fmt;

use crate::model::Lang;

/// Why a text is not read as a hand-in. Nothing in the room changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandInError {
    /// Neither a hand-in code nor a hand-in link: another app's QR code, a link to
    /// some page, random text.
    NotAHandIn,
    /// A link to share a whole assessment (`#share=`), not a hand-in.
    OtherFormat,
    /// Looks like a hand-in but its check value or its length is wrong: a character
    /// was changed, added or lost on the way.
    Damaged,
    /// A hand-in made by a newer version of the app (its format `version`).
    Newer { version: u8 },
    /// The text is `chars` characters long, more than any hand-in link (`max`).
    TooLong { chars: usize, max: usize },
}

impl HandInError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (HandInError::NotAHandIn, Lang::En) => "This is not a hand-in: it is neither a hand-in code nor a hand-in link from this app's quick check.".to_owned(),
            (HandInError::NotAHandIn, Lang::Ja) => "提出データではありません（このアプリのクイックチェックの提出コードでも提出リンクでもありません）。".to_owned(),
            (HandInError::OtherFormat, Lang::En) => "This is a link to a whole assessment, not a hand-in: open it in the app to import the assessment. To hand in, use \"Hand in to the room\" in the quick check.".to_owned(),
            (HandInError::OtherFormat, Lang::Ja) => "これはアセスメント全体の共有リンクで、提出データではありません。アセスメントを取り込むにはアプリで開いてください。提出するにはクイックチェックの「ルームに提出」を使ってください。".to_owned(),
            (HandInError::Damaged, Lang::En) => "This hand-in is damaged: a character is wrong, missing or extra. Scan the QR code again, or copy the whole code again.".to_owned(),
            (HandInError::Damaged, Lang::Ja) => "提出データが壊れています（文字の誤り、欠け、余分な文字があります）。QR コードをもう一度読み取るか、コード全体をもう一度コピーしてください。".to_owned(),
            (HandInError::Newer { version }, Lang::En) => format!(
                "This hand-in was made by a newer version of the app (format {version}; this app reads format 1). Reload this page to get the newer version, then add it again."
            ),
            (HandInError::Newer { version }, Lang::Ja) => format!(
                "この提出データは新しい版のアプリで作られています（形式 {version}。このアプリが読めるのは形式 1）。このページを再読み込みして新しい版にしてから、もう一度追加してください。"
            ),
            (HandInError::TooLong { chars, max }, Lang::En) => format!(
                "This text is too long to be a hand-in ({chars} characters; a hand-in link has at most {max})."
            ),
            (HandInError::TooLong { chars, max }, Lang::Ja) => format!(
                "提出データとしては長すぎます（{chars} 文字。提出リンクは最大 {max} 文字です）。"
            ),
        }
    }
}

impl fmt::Display for HandInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for HandInError {}

/// The room already holds as many participants as it can; a new one is not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoomFull {
    pub max: usize,
}

impl RoomFull {
    pub fn message(&self, lang: Lang) -> String {
        let max = self.max;
        match lang {
            Lang::En => format!("The room is full: it holds at most {max} participants. Nothing was added."),
            Lang::Ja => format!("ルームがいっぱいです（参加者は最大 {max} 人）。追加しませんでした。"),
        }
    }
}

impl fmt::Display for RoomFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RoomFull {}

/// Why the room kept in the browser could not be read. It is then left as it is
/// (never overwritten by an empty room), and the facilitator is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomReadError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a saved room (`format` missing or another).
    Foreign,
    /// Saved by a newer version of the app.
    Newer { version: u64 },
    /// A field missing or of the wrong kind, by its name.
    Bad { path: String },
    /// More hand-ins than a room holds.
    TooMany { count: usize, max: usize },
    /// The hand-in at `index` (from 0) cannot be read.
    HandIn { index: usize, error: HandInError },
}

impl RoomReadError {
    pub fn message(&self, lang: Lang) -> String {
        let why = match (self, lang) {
            (RoomReadError::NotJson, Lang::En) => "it is not JSON".to_owned(),
            (RoomReadError::NotJson, Lang::Ja) => "JSONではありません".to_owned(),
            (RoomReadError::Foreign, Lang::En) => "it is not a saved room".to_owned(),
            (RoomReadError::Foreign, Lang::Ja) => "保存されたルームではありません".to_owned(),
            (RoomReadError::Newer { version }, Lang::En) => {
                format!("it was saved by a newer version of the app ({version})")
            }
            (RoomReadError::Newer { version }, Lang::Ja) => format!("新しい版のアプリで保存されています（{version}）"),
            (RoomReadError::Bad { path }, Lang::En) => format!("{path} is missing or not valid"),
            (RoomReadError::Bad { path }, Lang::Ja) => format!("{path} がないか正しくありません"),
            (RoomReadError::TooMany { count, max }, Lang::En) => {
                format!("it holds {count} hand-ins, more than the {max} a room holds")
            }
            (RoomReadError::TooMany { count, max }, Lang::Ja) => {
                format!("提出が {count} 件あり、ルームの上限 {max} 件を超えています")
            }
            (RoomReadError::HandIn { index, error }, Lang::En) => {
                format!("hand-in {} cannot be read ({})", index + 1, error.message(lang))
            }
            (RoomReadError::HandIn { index, error }, Lang::Ja) => {
                format!("{} 件目の提出を読み込めません（{}）", index + 1, error.message(lang))
            }
        };
        match lang {
            Lang::En => format!(
                "The room kept in this browser could not be read: {why}. It is left as it is; nothing was changed."
            ),
            Lang::Ja => format!(
                "このブラウザに保存されていたルームを読み込めませんでした：{why}。そのまま残してあり、何も変更していません。"
            ),
        }
    }
}

impl fmt::Display for RoomReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RoomReadError {}
