//! Snapshots under keys of their own, one per snapshot, named by the snapshot's
//! stable id (`x1060.v2.snap.<assessment>.<snapshot id>`). The working entry lists
//! them in order, but the keys are what holds them: a snapshot stored under a key
//! the list does not name (another tab, not yet aware of it, wrote the list again)
//! is read all the same, after the listed ones; a listed one whose key is gone (it
//! was deleted) is left out and named; one that does not read is set aside on its
//! own, and the rest of the assessment reads as ever.

use std::collections::BTreeSet;

use super::entries::WorkEntry;
use super::keys;
use super::repository::{EntryError, OpenError, Repository, Stored, Unreadable};
use super::{KeyValueStore, StorageError};
use crate::model::exchange;
use crate::model::{AssessmentId, SnapshotId};

/// The snapshot entries stored for an assessment, as text.
pub(super) struct SnapshotTexts {
    pub ids: Vec<SnapshotId>,
    pub texts: Vec<String>,
    /// Listed in the working entry, but no longer stored.
    pub missing: Vec<SnapshotId>,
}

impl<S: KeyValueStore> Repository<S> {
    /// The ids of the snapshot entries stored for `id`, found by their keys.
    pub(super) fn snapshot_keys_of(&self, id: &AssessmentId, all_keys: &[String]) -> BTreeSet<SnapshotId> {
        all_keys
            .iter()
            .filter_map(|k| keys::snapshot_of_key(k))
            .filter(|(owner, _)| owner == id)
            .map(|(_, n)| n)
            .collect()
    }

    /// The snapshot entries of `id`: those the working entry lists, in its order,
    /// then any stored that it does not list, by id. `all_keys`: the store's keys when
    /// the caller has them already (a step over every assessment lists them once).
    pub(super) fn snapshot_texts(
        &self,
        id: &AssessmentId,
        entry: &WorkEntry,
        all_keys: Option<&[String]>,
    ) -> Result<SnapshotTexts, StorageError> {
        let mut unlisted = match all_keys {
            Some(keys) => self.snapshot_keys_of(id, keys),
            None => self.snapshot_keys_of(id, &self.store().keys()?),
        };
        let mut out = SnapshotTexts { ids: Vec::new(), texts: Vec::new(), missing: Vec::new() };
        let mut seen = BTreeSet::new();
        for n in entry.snapshots.iter().map(|n| SnapshotId(*n)) {
            if !seen.insert(n) {
                continue;
            }
            unlisted.remove(&n);
            match self.store().get(&keys::snapshot(id, n))? {
                Some(text) => {
                    out.ids.push(n);
                    out.texts.push(text);
                }
                None => out.missing.push(n),
            }
        }
        for n in unlisted {
            if let Some(text) = self.store().get(&keys::snapshot(id, n))? {
                out.ids.push(n);
                out.texts.push(text);
            }
        }
        Ok(out)
    }

    /// Reads `id` with its snapshots one by one, after the whole did not read: a
    /// snapshot that does not read is set aside, the rest is kept. Unreadable when the
    /// working state itself does not read.
    pub(super) fn open_apart(
        &self,
        id: &AssessmentId,
        raw: String,
        entry: &WorkEntry,
        snapshots: SnapshotTexts,
    ) -> Result<Stored, OpenError> {
        let mut assessment = match exchange::read_str(&exchange::join_parts(&entry.document, &[])) {
            Ok(a) => a,
            Err(error) => {
                // What the user downloads to mend by hand: the document with its
                // snapshots, not the entry around it.
                let raw = recovery_text(&entry.document, &snapshots.texts).unwrap_or(raw);
                return Err(OpenError::Unreadable(Unreadable {
                    key: keys::work(id),
                    raw,
                    error: EntryError::Document(error),
                }));
            }
        };
        let mut damaged = Vec::new();
        for (n, text) in snapshots.ids.into_iter().zip(snapshots.texts) {
            let one = exchange::read_str(&exchange::join_parts(&entry.document, std::slice::from_ref(&text)));
            match one {
                Ok(mut one) if one.snapshots.len() == 1 => {
                    let mut s = one.snapshots.remove(0);
                    s.id = n;
                    assessment.snapshots.push(s);
                }
                Ok(_) => damaged.push(Unreadable {
                    key: keys::snapshot(id, n),
                    raw: text,
                    error: EntryError::Envelope("not a snapshot".to_owned()),
                }),
                Err(error) => {
                    // Not JSON on its own: the reader's position is in this entry's text.
                    let error = match exchange::read_str(&text) {
                        Err(syntax) if serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err() => syntax,
                        _ => error,
                    };
                    damaged.push(Unreadable {
                        key: keys::snapshot(id, n),
                        raw: text,
                        error: EntryError::Document(error),
                    })
                }
            }
        }
        Ok(Stored { id: id.clone(), assessment, revision: entry.rev, missing: snapshots.missing, damaged })
    }
}

/// The stored document of a damaged working state with its snapshots, as one text
/// (what the user downloads to mend by hand and import): `None` when the document is
/// not even an object.
fn recovery_text(document: &str, snapshots: &[String]) -> Option<String> {
    document.trim_end().ends_with('}').then(|| exchange::join_parts(document, snapshots))
}
