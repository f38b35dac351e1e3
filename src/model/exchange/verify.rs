//! Reading an exported file back before trusting it: the text just written for a
//! download goes through the same reader as an imported file, and must give back
//! exactly what was written. A silent failure of an export (a file that cannot be
//! imported, or one that holds something else) is named instead.

use super::{read, read_any, DamagedMember, Document, ImportError};
use crate::model::{Assessment, Lang};

/// What an exported file reads back as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verified {
    /// One assessment: its name and how many services have a decision.
    Assessment { name: String, services: usize },
    /// A backup, in one file or several: how many files and assessments.
    Backup { files: usize, assessments: usize },
}

/// Why an exported file cannot be trusted.
#[derive(Clone, Debug, PartialEq)]
pub enum VerifyError {
    /// The reader refuses the file (the reason is the import's own message).
    Unreadable { file: usize, error: ImportError },
    /// It reads, but not as what was written.
    Differs { file: usize },
    /// A backup's member that cannot be read back.
    Damaged { file: usize, member: Box<DamagedMember> },
    /// The backup files hold another number of assessments than were written.
    Count { written: usize, read: usize },
}

/// Checks the text of an exported assessment file against the assessment written.
pub fn verify_assessment(text: &str, written: &Assessment) -> Result<Verified, VerifyError> {
    let back = read(text.as_bytes()).map_err(|error| VerifyError::Unreadable { file: 1, error })?;
    if back != *written {
        return Err(VerifyError::Differs { file: 1 });
    }
    Ok(Verified::Assessment { name: back.name, services: back.services.len() })
}

/// Checks the texts of backup files (in order) against the assessments written.
pub fn verify_backup(parts: &[String], written: &[&Assessment]) -> Result<Verified, VerifyError> {
    let mut read_back: Vec<Assessment> = Vec::with_capacity(written.len());
    // How many assessments the files up to each one hold, to name the file of a member.
    let mut ends = Vec::with_capacity(parts.len());
    for (i, text) in parts.iter().enumerate() {
        let file = i + 1;
        match read_any(text.as_bytes()) {
            Ok(Document::Backup(contents)) => {
                if let Some(member) = contents.damaged.into_iter().next() {
                    return Err(VerifyError::Damaged { file, member: Box::new(member) });
                }
                read_back.extend(contents.members);
                ends.push(read_back.len());
            }
            // A lone member too large for a backup's envelope is written as its own
            // document (`write_backups`).
            Ok(Document::Assessment(a)) => {
                read_back.push(*a);
                ends.push(read_back.len());
            }
            Err(error) => return Err(VerifyError::Unreadable { file, error }),
        }
    }
    if read_back.len() != written.len() {
        return Err(VerifyError::Count { written: written.len(), read: read_back.len() });
    }
    if let Some(i) = read_back.iter().zip(written).position(|(back, a)| back != *a) {
        return Err(VerifyError::Differs { file: ends.iter().take_while(|end| **end <= i).count() + 1 });
    }
    Ok(Verified::Backup { files: parts.len(), assessments: read_back.len() })
}

impl VerifyError {
    /// One line saying what is wrong with the exported file `name` (for a backup of
    /// several files, the file's number is named).
    pub fn headline(&self, lang: Lang, name: &str) -> String {
        let what = match self {
            VerifyError::Unreadable { error, .. } => match lang {
                Lang::En => format!("it cannot be imported: {}", error.headline(lang)),
                Lang::Ja => format!("インポートできません: {}", error.headline(lang)),
            },
            VerifyError::Differs { .. } => match lang {
                Lang::En => "it reads back, but not as what is stored in the app.".to_owned(),
                Lang::Ja => "読み戻せますが、アプリに保存されている内容と一致しません。".to_owned(),
            },
            VerifyError::Damaged { member, .. } => member.headline(lang),
            VerifyError::Count { written, read } => match lang {
                Lang::En => format!("{written} assessments were written but {read} read back."),
                Lang::Ja => format!("{written} 件のアセスメントを書き出しましたが、読み戻せたのは {read} 件です。"),
            },
        };
        let file = match self {
            VerifyError::Unreadable { file, .. }
            | VerifyError::Differs { file }
            | VerifyError::Damaged { file, .. } => Some(*file),
            VerifyError::Count { .. } => None,
        };
        match (lang, file) {
            (Lang::En, Some(n)) if n > 1 => format!("The exported file “{name}” (part {n}) did not verify: {what}"),
            (Lang::Ja, Some(n)) if n > 1 => {
                format!("書き出したファイル「{name}」（パート {n}）を確認できませんでした: {what}")
            }
            (Lang::En, _) => format!("The exported file “{name}” did not verify: {what}"),
            (Lang::Ja, _) => format!("書き出したファイル「{name}」を確認できませんでした: {what}"),
        }
    }

    /// Further lines: each problem the reader found.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            VerifyError::Unreadable { error, .. } => error.details(lang),
            VerifyError::Damaged { member, .. } => member.details(lang),
            _ => Vec::new(),
        }
    }
}
