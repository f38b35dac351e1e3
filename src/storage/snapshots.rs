//! Snapshots under keys of their own: each written once when taken (again only when
//! relabelled), listed in order in the working entry.

use super::entries::WorkEntry;
use super::keys;
use super::repository::{to_json, Committed, OpenError, Repository, Revision};
use super::{KeyValueStore, StorageError};
use crate::model::exchange;
use crate::model::{Assessment, AssessmentId, Lang, Snapshot};

impl<S: KeyValueStore> Repository<S> {
    /// The stored working entry of `id`, or why there is none.
    fn entry_for_snapshots(&self, id: &AssessmentId) -> Result<Option<WorkEntry>, StorageError> {
        match self.read_work(id) {
            Ok(entry) => Ok(entry.map(|(_, e)| e)),
            Err(OpenError::Storage(e)) => Err(e),
            Err(OpenError::Unreadable(u)) => Err(StorageError::Damaged(u.error.message(Lang::En))),
            Err(OpenError::Missing) => Ok(None),
        }
    }

    /// After a snapshot step: `Saved` when this tab was up to date (`base`), else the
    /// stored state, read again.
    fn after_snapshot_step(
        &self,
        id: &AssessmentId,
        base: Revision,
        written: Revision,
    ) -> Result<Committed, StorageError> {
        if written == self.next(base) {
            return Ok(Committed::Saved { revision: written });
        }
        match self.open(id) {
            Ok(s) => Ok(Committed::Merged(Box::new(s))),
            Err(OpenError::Storage(e)) => Err(e),
            Err(OpenError::Missing) => Ok(Committed::Gone { in_trash: false }),
            Err(OpenError::Unreadable(u)) => Err(StorageError::Damaged(u.error.message(Lang::En))),
        }
    }

    /// Stores `snapshot` (of `owner`, for the catalogue order and custom services) as
    /// a new snapshot of `id`, at `position` among its snapshots (else last); also
    /// returns the snapshot's key number.
    pub fn add_snapshot(
        &self,
        id: &AssessmentId,
        base: Revision,
        owner: &Assessment,
        snapshot: &Snapshot,
        position: Option<usize>,
    ) -> Result<(Committed, u64), StorageError> {
        let Some(mut entry) = self.entry_for_snapshots(id)? else {
            return Ok((Committed::Gone { in_trash: false }, 0));
        };
        let n = entry.next.max(entry.snapshots.iter().max().map_or(1, |m| m + 1));
        let key = keys::snapshot(id, n);
        self.store().set(&key, &exchange::write_snapshot(owner, snapshot))?;
        let at = position.unwrap_or(entry.snapshots.len()).min(entry.snapshots.len());
        entry.snapshots.insert(at, n);
        entry.next = n + 1;
        entry.advance(self.next(entry.rev), &self.writer);
        if let Err(e) = self.store().set(&keys::work(id), &to_json(&entry)?) {
            let _ = self.store().remove(&key);
            return Err(e);
        }
        self.relist_counts(id, entry.snapshots.len())?;
        Ok((self.after_snapshot_step(id, base, entry.rev)?, n))
    }

    /// Removes the snapshot with key number `n` from `id`.
    pub fn delete_snapshot(&self, id: &AssessmentId, base: Revision, n: u64) -> Result<Committed, StorageError> {
        let Some(mut entry) = self.entry_for_snapshots(id)? else { return Ok(Committed::Gone { in_trash: false }) };
        entry.snapshots.retain(|k| *k != n);
        entry.advance(self.next(entry.rev), &self.writer);
        self.store().set(&keys::work(id), &to_json(&entry)?)?;
        self.store().remove(&keys::snapshot(id, n))?;
        self.relist_counts(id, entry.snapshots.len())?;
        self.after_snapshot_step(id, base, entry.rev)
    }

    /// Writes the snapshot with key number `n` again (after a new label).
    pub fn rewrite_snapshot(
        &self,
        id: &AssessmentId,
        base: Revision,
        n: u64,
        owner: &Assessment,
        snapshot: &Snapshot,
    ) -> Result<Committed, StorageError> {
        let Some(mut entry) = self.entry_for_snapshots(id)? else { return Ok(Committed::Gone { in_trash: false }) };
        if !entry.snapshots.contains(&n) {
            return self.after_snapshot_step(id, base, entry.rev);
        }
        self.store().set(&keys::snapshot(id, n), &exchange::write_snapshot(owner, snapshot))?;
        entry.advance(self.next(entry.rev), &self.writer);
        self.store().set(&keys::work(id), &to_json(&entry)?)?;
        self.after_snapshot_step(id, base, entry.rev)
    }

    fn relist_counts(&self, id: &AssessmentId, snapshots: usize) -> Result<(), StorageError> {
        let mut listings = self.read_index()?.unwrap_or_default();
        if let Some(l) = listings.iter_mut().find(|l| &l.id == id) {
            if l.snapshots != snapshots {
                l.snapshots = snapshots;
                return self.write_index(&listings);
            }
        }
        Ok(())
    }
}
