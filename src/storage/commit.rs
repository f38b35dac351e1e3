//! The one write path of an assessment: [`Repository::commit`] stores a tab's
//! changes ([`Change`]) against the revision the tab read, applying them again to
//! the stored state when another tab wrote since, with the snapshot entries they
//! name, after checking the reader's limits.

use super::entries::{TrashEntry, WorkEntry};
use super::keys;
use super::repository::{to_json, Committed, OpenError, Repository, Revision};
use super::{Change, KeyValueStore, StorageError};
use crate::model::exchange;
use crate::model::{Assessment, AssessmentId, Lang, LimitError, SnapshotId};

impl<S: KeyValueStore> Repository<S> {
    /// The one write path of an assessment. Writes `current` (this tab's state, with
    /// `changes` applied) as the revision after `base` when the stored revision is
    /// still `base`; otherwise applies `changes` again to the stored state and writes
    /// that. Either way the snapshot entries the changes name are written or
    /// removed, and the result is checked against the reader's limits first: what
    /// would not read back is refused ([`StorageError::Limit`]) and nothing written.
    pub fn commit(
        &self,
        id: &AssessmentId,
        base: Revision,
        current: &Assessment,
        changes: &[Change],
    ) -> Result<Committed, StorageError> {
        let entry = match self.read_work(id) {
            Ok(Some((_, entry))) => entry,
            Ok(None) | Err(OpenError::Missing) => return self.commit_to_trash(id, changes),
            // A damaged stored state is never overwritten: it is set aside as it is.
            Err(OpenError::Unreadable(u)) => return Err(StorageError::Damaged(u.error.message(Lang::En))),
            Err(OpenError::Storage(e)) => return Err(e),
        };
        if entry.rev == base {
            let revision = self.write_state(id, entry, current, changes)?;
            return Ok(Committed::Saved { revision });
        }
        let mut stored = match self.open(id) {
            Ok(s) => s,
            Err(OpenError::Storage(e)) => return Err(e),
            Err(OpenError::Missing) => return self.commit_to_trash(id, changes),
            Err(OpenError::Unreadable(u)) => return Err(StorageError::Damaged(u.error.message(Lang::En))),
        };
        for change in changes {
            change.apply(&mut stored.assessment);
        }
        stored.revision = self.write_state(id, entry, &stored.assessment, changes)?;
        Ok(Committed::Merged(Box::new(stored)))
    }

    /// Writes `next` over the working entry `entry` (read under the lock), with the
    /// snapshot entries `changes` name; returns the new revision. On failure, what
    /// was written is put back.
    fn write_state(
        &self,
        id: &AssessmentId,
        entry: WorkEntry,
        next: &Assessment,
        changes: &[Change],
    ) -> Result<Revision, StorageError> {
        next.check_counts_and_texts().map_err(StorageError::Limit)?;
        let document = exchange::write_working(next);
        let written_snapshots: std::collections::BTreeSet<SnapshotId> =
            changes.iter().filter_map(Change::snapshot_written).collect();
        let mut put_back: Vec<(String, Option<String>)> = Vec::new();
        let mut removed = Vec::new();
        let result = (|| {
            for n in &written_snapshots {
                let key = keys::snapshot(id, *n);
                match next.snapshot(*n) {
                    Some(s) => {
                        let old = self.store().get(&key)?;
                        self.store().set(&key, &exchange::write_snapshot(next, s))?;
                        put_back.push((key, old));
                    }
                    None => removed.push(key),
                }
            }
            self.check_size(id, &document, next)?;
            let rev = self.next(entry.rev);
            let ids: Vec<u64> = next.snapshots.iter().map(|s| s.id.0).collect();
            let mut work = WorkEntry {
                next: entry.next.max(ids.iter().max().map_or(1, |m| m + 1)),
                snapshots: ids,
                document,
                ..entry
            };
            work.advance(rev, &self.writer);
            self.store().set(&keys::work(id), &to_json(&work)?)?;
            Ok(work.rev)
        })();
        match result {
            Ok(rev) => {
                for key in removed {
                    self.store().remove(&key)?;
                }
                self.relist(id, next)?;
                Ok(rev)
            }
            Err(e) => {
                for (key, old) in put_back.into_iter().rev() {
                    let _ = match old {
                        Some(text) => self.store().set(&key, &text),
                        None => self.store().remove(&key),
                    };
                }
                Err(e)
            }
        }
    }

    /// The whole document (working state and stored snapshots) stays within what the
    /// reader takes.
    fn check_size(&self, id: &AssessmentId, document: &str, next: &Assessment) -> Result<(), StorageError> {
        let mut bytes = document.len();
        // Snapshot entries are read only when the working state alone is large enough
        // for them to matter (a snapshot is about the size of the working state).
        if document.len().saturating_mul(next.snapshots.len() + 1) > exchange::MAX_BYTES {
            for s in &next.snapshots {
                bytes += self.store().get(&keys::snapshot(id, s.id))?.map_or(0, |t| t.len() + 1);
            }
            bytes += 14;
        }
        if bytes > exchange::MAX_BYTES {
            return Err(StorageError::Limit(LimitError::TooLarge { bytes, max: exchange::MAX_BYTES }));
        }
        Ok(())
    }

    /// The assessment was deleted (by another tab) before `edits` were stored: they go
    /// into its trash copy, so they come back with it.
    fn commit_to_trash(&self, id: &AssessmentId, changes: &[Change]) -> Result<Committed, StorageError> {
        let key = keys::trash(id);
        let Some(text) = self.store().get(&key)? else { return Ok(Committed::Gone { in_trash: false }) };
        let Ok(mut entry) = TrashEntry::read(&text) else {
            return Ok(Committed::Gone { in_trash: false });
        };
        let Ok(mut a) = exchange::read_str(&entry.document) else { return Ok(Committed::Gone { in_trash: false }) };
        for change in changes {
            change.apply(&mut a);
        }
        if a.check_limits().is_err() {
            // What would not read back is not written, not even into the trash.
            return Ok(Committed::Gone { in_trash: false });
        }
        entry.document = exchange::write(&a, exchange::Layout::Compact);
        self.store().set(&key, &entry.write().map_err(|e| StorageError::Other(e.to_string()))?)?;
        Ok(Committed::Gone { in_trash: true })
    }
}
