//! The exchange format, version 1 (docs/exchange-format.md; published in
//! `docs/exchange-format.md` with a JSON Schema). The same documents are what the app
//! keeps in localStorage, so a stored entry is checked exactly like an imported file.

mod backup;
mod error;
mod json;
pub mod migrate;
mod read;
mod verify;
mod write;

pub use backup::{write_backup, write_backups, BackupContents, DamagedMember};
pub use error::{Expected, ImportError, JsonKind, Problem, ProblemKind, Source};
pub use verify::{verify_assessment, verify_backup, Verified, VerifyError};
pub use write::{join_parts, ordered, write, write_snapshot, write_working, Layout};

use crate::model::Assessment;

/// The value of the `format` field.
pub const FORMAT: &str = "x1060-assessment";
/// The `format` of a backup file holding many assessments.
pub const BACKUP_FORMAT: &str = "x1060-backup";
/// The newest version this build writes and reads.
pub const VERSION: u64 = 1;
/// Larger files are refused before they are parsed.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;
/// At most this many entries in any one array (defined with the other limits).
pub use crate::model::limits::MAX_ENTRIES;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a file's bytes: size limit, UTF-8 (a leading BOM is skipped), JSON syntax,
/// then every content check. Never panics, whatever the input.
pub fn read(bytes: &[u8]) -> Result<Assessment, ImportError> {
    read_with(bytes, migrate::STEPS)
}

/// [`read`] with a given migration chain (tests use their own).
pub fn read_with(bytes: &[u8], steps: &[migrate::Migration]) -> Result<Assessment, ImportError> {
    read::read_document(parse(bytes)?, steps)
}

/// What a file holds: one assessment, or a backup of many.
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    Assessment(Box<Assessment>),
    /// The members read, and those that could not be (at least one was read).
    Backup(BackupContents),
}

/// Reads an assessment file or a backup file (`"format": "x1060-backup"`). A backup
/// is read member by member: the members that cannot be read are named in
/// [`BackupContents::damaged`] and the others offered. It is an error as a whole when
/// its envelope is wrong (version, `assessments` list) or when every member is
/// damaged (then with every member's problems, their paths prefixed with
/// `assessments[i].`).
pub fn read_any(bytes: &[u8]) -> Result<Document, ImportError> {
    let text = text_of(bytes)?;
    let value = match json::parse(text) {
        Ok(value) => value,
        // A key given twice inside a member of a backup refuses that member only.
        Err(e @ json::ParseError::DuplicateKey { .. }) if e.in_backup_member() => {
            return match backup_by_member(text) {
                Some(contents) => contents.map(Document::Backup),
                None => Err(parse_error(text, e)),
            };
        }
        Err(e) => return Err(parse_error(text, e)),
    };
    if value.get("format").and_then(serde_json::Value::as_str) == Some(BACKUP_FORMAT) {
        read::read_backup(value, migrate::STEPS).map(Document::Backup)
    } else {
        read::read_document(value, migrate::STEPS).map(|a| Document::Assessment(Box::new(a)))
    }
}

/// A backup read member by member: its envelope, then each member parsed on its own
/// (a member that gives a key twice is damaged, with the key's place in the file).
/// `None` when `text` is not a backup that can be split so.
fn backup_by_member(text: &str) -> Option<Result<BackupContents, ImportError>> {
    let split = json::split_backup(text)?;
    if split.envelope.get("format").and_then(serde_json::Value::as_str) != Some(BACKUP_FORMAT) {
        return None;
    }
    let members = split
        .members
        .iter()
        .map(|&(member, start)| {
            json::parse(member).map_err(|e| {
                // Its name as a lenient reading finds it (the last of a repeated key).
                let name = serde_json::from_str::<serde_json::Value>(member)
                    .ok()
                    .and_then(|v| v.get("name").and_then(serde_json::Value::as_str).map(str::to_owned));
                (name, parse_error(member, e.shifted(text, start)))
            })
        })
        .collect();
    Some(read::read_backup_parsed(serde_json::Value::Object(split.envelope), members, migrate::STEPS))
}

/// Size limit, UTF-8 (a leading BOM skipped) and JSON syntax.
fn parse(bytes: &[u8]) -> Result<serde_json::Value, ImportError> {
    let text = text_of(bytes)?;
    json::parse(text).map_err(|e| parse_error(text, e))
}

/// The text of a file: size limit, UTF-8 (a leading BOM skipped), not empty.
fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let (skipped, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(body).map_err(|e| ImportError::NotUtf8 { offset: skipped + e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Why `text` is not JSON, as the reader reports it.
fn parse_error(text: &str, e: json::ParseError) -> ImportError {
    match e {
        json::ParseError::DuplicateKey { path, line, column } => {
            read::fatal(&path, ProblemKind::DuplicateKey { line, column })
        }
        json::ParseError::Json(e) => syntax_error(text, &e),
    }
}

/// A syntax error (or nesting too deep) at its place.
fn syntax_error(text: &str, e: &serde_json::Error) -> ImportError {
    let (line, column) = place(text, e.line(), e.column());
    // serde_json stops at 128 levels of nesting and says so in its message.
    if e.to_string().starts_with("recursion limit exceeded") {
        ImportError::TooDeep { line, column }
    } else {
        let text = e.to_string();
        let detail = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        ImportError::Syntax { line, column, detail }
    }
}

/// serde_json reports an error found at a line break as column 0 of the next line;
/// say instead the end of the line where the problem is.
fn place(text: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 || line < 2 {
        return (line, column.max(1));
    }
    let previous = text.split('\n').nth(line - 2).unwrap_or_default().trim_end_matches('\r');
    (line - 1, previous.chars().count().max(1))
}

/// Reads text (for example a stored entry).
pub fn read_str(text: &str) -> Result<Assessment, ImportError> {
    read(text.as_bytes())
}

/// A file name for saving `title`: letters (any script), digits and dashes, at most
/// 60 characters before the extension, never empty.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if stem.chars().count() >= 60 {
            break;
        }
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "assessment" } else { stem };
    format!("{stem}.{extension}")
}
