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
/// members, every assessment in exactly one of them, in order; one assessment is
/// never split. An assessment too large for `max_bytes` on its own, indented, gets a
/// part of its own written compactly; when even that is over the limit (the
/// envelope's few bytes on a document at the limit), the part is the assessment's
/// own document, compact, as *Export JSON* writes it, which imports like any (the
/// app keeps every stored assessment's compact document within the limit). Beyond
/// that (an assessment over the limit on its own, which storage refuses to write),
/// the part is written all the same: a file is better than nothing. With no
/// assessment at all, one empty backup.
pub fn write_backups(all: &[&Assessment], now: &Timestamp, max_bytes: usize) -> Vec<String> {
    let envelope = backup_text(vec![Value::Null], now).len().saturating_sub("null".len());
    // The members of each part, as a range of `all`.
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut size = 0;
    let docs: Vec<Value> = all.iter().map(|a| member(a)).collect();
    for (i, doc) in docs.iter().enumerate() {
        let len = nested_len(doc);
        let count = i - start;
        let grown = if count == 0 { envelope + len } else { size + SEPARATOR + len };
        if count > 0 && (grown > max_bytes || count >= MAX_ENTRIES) {
            ranges.push(start..i);
            start = i;
            size = envelope + len;
        } else {
            size = grown;
        }
    }
    if start < all.len() || ranges.is_empty() {
        ranges.push(start..all.len());
    }
    let mut docs = docs.into_iter();
    ranges
        .into_iter()
        .map(|range| {
            let part: Vec<Value> = docs.by_ref().take(range.len()).collect();
            let text = backup_text(part, now);
            if text.len() <= max_bytes {
                return text;
            }
            // Too large indented (one large assessment: indenting can add a quarter):
            // compact, so that it reads back like any backup of that size; a lone
            // member still too large, as its own document.
            let compact = serde_json::from_str::<Value>(&text).and_then(|v| serde_json::to_string(&v)).unwrap_or(text);
            match &all[range] {
                [a] if compact.len() > max_bytes => {
                    let own = write(a, Layout::Compact);
                    if own.len() < compact.len() {
                        own
                    } else {
                        compact
                    }
                }
                _ => compact,
            }
        })
        .collect()
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
