//! Backups: many assessments in one file, `{"format": "x1060-backup", "version": 1,
//! "created": ..., "assessments": [ format-v1 documents ]}`. Writing splits a backup
//! that would be too large to be read back into several files; reading offers every
//! member that can be read and names the others.

use serde_json::Value;

use super::read::show;
use super::{write, ImportError, Layout, BACKUP_FORMAT, MAX_ENTRIES, VERSION};
use crate::model::{Assessment, Lang, Timestamp};

/// What a backup holds: the members that were read, in the backup's order, and those
/// that could not be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupContents {
    pub members: Vec<Assessment>,
    pub damaged: Vec<DamagedMember>,
}

/// A member of a backup that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedMember {
    /// Its place in the backup's list, from 1.
    pub position: usize,
    /// Its `name`, when it has one that is a string (as found: it may be empty or
    /// hold any character).
    pub name: Option<String>,
    /// Why it could not be read; the paths of its problems are within the member.
    pub error: ImportError,
}

impl DamagedMember {
    /// One line saying which member was left out and how many problems it has.
    pub fn headline(&self, lang: Lang) -> String {
        let n = self.position;
        let name = self.name.as_ref().map(|name| show(&Value::from(name.as_str())));
        let count = match &self.error {
            ImportError::Invalid { problems, more } => problems.len() + more,
            _ => 1,
        };
        match (name, lang) {
            (Some(name), Lang::En) => {
                format!("Assessment {n} of the backup ({name}) cannot be restored: {}", count_en(count))
            }
            (None, Lang::En) => format!("Assessment {n} of the backup cannot be restored: {}", count_en(count)),
            (Some(name), Lang::Ja) => {
                format!("バックアップの {n} 番目のアセスメント（{name}）は復元できません。問題が {count} 件あります:")
            }
            (None, Lang::Ja) => {
                format!("バックアップの {n} 番目のアセスメントは復元できません。問題が {count} 件あります:")
            }
        }
    }

    /// The problems, one per line (see [`ImportError::details`]).
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match &self.error {
            ImportError::Invalid { .. } => self.error.details(lang),
            other => vec![other.headline(lang)],
        }
    }

    /// Headline and details, one per line.
    pub fn message(&self, lang: Lang) -> String {
        std::iter::once(self.headline(lang)).chain(self.details(lang)).collect::<Vec<_>>().join("\n")
    }
}

fn count_en(count: usize) -> String {
    if count == 1 {
        "it has 1 problem:".to_owned()
    } else {
        format!("it has {count} problems:")
    }
}

/// A backup of `assessments`, indented, each member a format-v1 document.
pub fn write_backup(assessments: &[&Assessment], created: &Timestamp) -> String {
    backup_text(assessments.iter().map(|a| member(a)).collect(), created)
}

/// Backups of `all`, as few as can be: each at most `max_bytes` long (pass
/// [`super::MAX_BYTES`], so that each can be restored) with at most [`MAX_ENTRIES`]
/// members, every assessment in exactly one of them, in order. An assessment too
/// large for `max_bytes` on its own, indented, gets a backup of its own written
/// compactly (which its compact size, within the reader's limit, keeps within it
/// but for the envelope's few bytes); one assessment is never split. (Such an assessment could not have
/// been imported either, but edits in the browser can make one that large, and its
/// file is better written than lost.) With no assessment at all, one empty backup.
pub fn write_backups(all: &[&Assessment], now: &Timestamp, max_bytes: usize) -> Vec<String> {
    let envelope = backup_text(vec![Value::Null], now).len().saturating_sub("null".len());
    let mut parts = Vec::new();
    let mut part: Vec<Value> = Vec::new();
    let mut size = 0;
    for a in all {
        let doc = member(a);
        let len = nested_len(&doc);
        let grown = if part.is_empty() { envelope + len } else { size + SEPARATOR + len };
        if !part.is_empty() && (grown > max_bytes || part.len() >= MAX_ENTRIES) {
            parts.push(backup_text(std::mem::take(&mut part), now));
            size = envelope + len;
        } else {
            size = grown;
        }
        part.push(doc);
    }
    if !part.is_empty() || parts.is_empty() {
        parts.push(backup_text(part, now));
    }
    // A part too large indented (one large assessment: indenting can add a quarter)
    // is written compactly, so that it reads back like any backup of that size.
    for text in parts.iter_mut() {
        if text.len() > max_bytes {
            if let Ok(compact) = serde_json::from_str::<Value>(text).and_then(|v| serde_json::to_string(&v)) {
                *text = compact;
            }
        }
    }
    parts
}

/// Bytes between two members of an indented backup: `,`, a line break and the
/// indent of the `assessments` list's entries.
const SEPARATOR: usize = 6;

/// An assessment as a member of a backup.
fn member(a: &Assessment) -> Value {
    serde_json::from_str(&write(a, Layout::Compact)).unwrap_or(Value::Null)
}

/// The length of `doc` indented as a member of a backup: two levels deep, so every
/// line after the first has four more spaces (strings never hold a raw line break).
fn nested_len(doc: &Value) -> usize {
    let text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.len() + 4 * text.matches('\n').count()
}

/// The backup document holding `docs`.
fn backup_text(docs: Vec<Value>, created: &Timestamp) -> String {
    let backup = serde_json::json!({
        "format": BACKUP_FORMAT,
        "version": VERSION,
        "created": created.as_str(),
        "assessments": docs,
    });
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}
