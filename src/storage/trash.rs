//! Deleting assessments to the trash, restoring and purging them, and discarding
//! damaged entries.

use super::entries::{Listing, TrashEntry, WorkEntry};
use super::keys::{self, id_after};
use super::repository::{EntryError, Repository, Stored, Trashed, Unreadable};
use super::{KeyValueStore, StorageError};
use crate::model::exchange;
use crate::model::{AssessmentId, Timestamp};

impl<S: KeyValueStore> Repository<S> {
    /// The trash, most recently deleted first, and its entries that no longer read
    /// (listed, so they can be downloaded or discarded).
    pub(super) fn trash_of(&self, all_keys: &[String]) -> Result<(Vec<Trashed>, Vec<Unreadable>), StorageError> {
        let mut list = Vec::new();
        let mut damaged = Vec::new();
        for key in all_keys {
            let Some(id) = id_after(key, keys::TRASH) else { continue };
            let Some(raw) = self.store().get(key)? else { continue };
            let entry = match TrashEntry::read(&raw) {
                Ok(entry) => entry,
                Err(e) => {
                    damaged.push(Unreadable { key: key.clone(), raw, error: EntryError::Envelope(e.to_string()) });
                    continue;
                }
            };
            match exchange::read_str(&entry.document) {
                Ok(assessment) => list.push(Trashed { id, deleted: Timestamp::parse(&entry.deleted), assessment }),
                Err(e) => damaged.push(Unreadable { key: key.clone(), raw, error: EntryError::Document(e) }),
            }
        }
        list.sort_by(|a, b| b.deleted.cmp(&a.deleted));
        Ok((list, damaged))
    }

    /// The trash (most recently deleted first) and its damaged entries.
    pub fn trash(&self) -> Result<(Vec<Trashed>, Vec<Unreadable>), StorageError> {
        self.trash_of(&self.store().keys()?)
    }

    /// Moves an assessment to the trash: one whole document under the trash key. Space
    /// is freed first, so deleting works even when storage is full; on any failure
    /// everything is put back as it was. An id is then only in the trash.
    pub fn delete(&self, id: &AssessmentId, now: &Timestamp) -> Result<(), StorageError> {
        let work_key = keys::work(id);
        let Some(work_raw) = self.store().get(&work_key)? else { return Ok(()) };
        let entry: WorkEntry = serde_json::from_str(&work_raw).map_err(|e| StorageError::Damaged(e.to_string()))?;
        let stored = self.snapshot_texts(id, &entry, None)?;
        let snapshots: Vec<(String, String)> =
            stored.ids.iter().zip(stored.texts).map(|(n, text)| (keys::snapshot(id, *n), text)).collect();
        let texts: Vec<String> = snapshots.iter().map(|(_, t)| t.clone()).collect();
        let trash =
            TrashEntry { deleted: now.as_str().to_owned(), document: exchange::join_parts(&entry.document, &texts) };
        let trash_text = trash.write().map_err(|e| StorageError::Other(e.to_string()))?;
        let old_index = self.store().get(keys::INDEX)?;
        let put_back = |this: &Self| {
            let _ = this.store().set(&work_key, &work_raw);
            for (key, text) in &snapshots {
                let _ = this.store().set(key, text);
            }
            if let Some(index) = &old_index {
                let _ = this.store().set(keys::INDEX, index);
            }
        };
        let freed = self.unlist(id).and_then(|()| {
            self.store().remove(&work_key)?;
            snapshots.iter().try_for_each(|(key, _)| self.store().remove(key))
        });
        if let Err(e) = freed.and_then(|()| self.store().set(&keys::trash(id), &trash_text)) {
            put_back(self);
            return Err(e);
        }
        if self.store().get(keys::ACTIVE)?.as_deref() == Some(id.as_str()) {
            self.store().remove(keys::ACTIVE)?;
        }
        Ok(())
    }

    fn unlist(&self, id: &AssessmentId) -> Result<(), StorageError> {
        let all_keys = self.store().keys()?;
        let mut listings: Vec<Listing> = self.checked_listings(&all_keys)?;
        listings.retain(|l| &l.id != id);
        self.write_index(&listings)
    }

    /// Takes an assessment out of the trash, back into the list at `position`. It
    /// never overwrites a live assessment: when `id` is live again (another tab), it
    /// comes back as `fresh_id`.
    pub fn restore_from_trash(
        &self,
        id: &AssessmentId,
        fresh_id: &AssessmentId,
        position: usize,
    ) -> Result<Stored, StorageError> {
        let key = keys::trash(id);
        let text = self.store().get(&key)?.ok_or(StorageError::NotInTrash)?;
        let entry = TrashEntry::read(&text).map_err(|e| StorageError::Damaged(e.to_string()))?;
        let assessment = exchange::read_str(&entry.document)
            .map_err(|e| StorageError::Damaged(e.headline(crate::model::Lang::En)))?;
        let live = self.store().get(&keys::work(id))?.is_some();
        let target = if live { fresh_id } else { id };
        // The trash entry goes first, to make room; it is put back if the restore fails.
        self.store().remove(&key)?;
        match self.create(target, &assessment, Some(position)) {
            Ok(stored) => Ok(stored),
            Err(e) => {
                let _ = self.store().set(&key, &text);
                Err(e)
            }
        }
    }

    /// Deletes an assessment from the trash for good.
    pub fn purge(&self, id: &AssessmentId) -> Result<(), StorageError> {
        self.store().remove(&keys::trash(id))
    }

    /// Removes a damaged entry the user chose to discard (an assessment's working
    /// state with its snapshots, a trash entry, or an entry of the older layout).
    pub fn discard(&self, key: &str) -> Result<(), StorageError> {
        if let Some(id) = id_after(key, keys::WORK) {
            // Its own snapshot keys only (read from their end: `a.b`'s are not `a`'s).
            for n in self.snapshot_keys_of(&id, &self.store().keys()?) {
                self.store().remove(&keys::snapshot(&id, n))?;
            }
            self.store().remove(key)?;
            return self.unlist(&id);
        }
        if key.starts_with(keys::TRASH)
            || keys::snapshot_of_key(key).is_some()
            || key.starts_with(keys::v1::ASSESSMENT)
            || key.starts_with(keys::v1::TRASH)
        {
            self.store().remove(key)?;
        }
        Ok(())
    }
}

impl<S: KeyValueStore> Repository<S> {
    /// Ids both live and in the trash: a tab that had not yet seen a delete wrote the
    /// working state again. The delete stands, and nothing written is lost: the live
    /// state (the newer) becomes the trash copy, and the live keys go. Returns how
    /// many were folded.
    pub fn fold_resurrected(&self) -> Result<usize, StorageError> {
        let all_keys = self.store().keys()?;
        let live: Vec<AssessmentId> = all_keys.iter().filter_map(|k| id_after(k, keys::WORK)).collect();
        let mut folded = 0;
        for id in live {
            let Some(text) = self.store().get(&keys::trash(&id))? else { continue };
            let Ok(mut trash) = TrashEntry::read(&text) else { continue };
            let Some(work_raw) = self.store().get(&keys::work(&id))? else { continue };
            let Ok(entry) = serde_json::from_str::<WorkEntry>(&work_raw) else { continue };
            let stored = self.snapshot_texts(&id, &entry, Some(&all_keys))?;
            let Ok(mut live) = exchange::read_str(&exchange::join_parts(&entry.document, &stored.texts)) else {
                continue;
            };
            if !stored.missing.is_empty() {
                // The delete took the snapshot keys: the trash copy has the snapshots.
                if let Ok(deleted) = exchange::read_str(&trash.document) {
                    live.snapshots = deleted.snapshots;
                }
            }
            trash.document = exchange::write(&live, exchange::Layout::Compact);
            self.store().set(&keys::trash(&id), &trash.write().map_err(|e| StorageError::Other(e.to_string()))?)?;
            self.unlist(&id)?;
            self.store().remove(&keys::work(&id))?;
            for n in &stored.ids {
                self.store().remove(&keys::snapshot(&id, *n))?;
            }
            folded += 1;
        }
        Ok(folded)
    }
}
