//! Storage layout 1 (releases before layout 2): one whole document per key. Its
//! data is moved to layout 2 at start-up, one assessment at a time, each removed
//! from layout 1 only once it is stored in layout 2. When storage is too full to
//! move one, it stays where it is, readable, and the app says so; the next start
//! tries again. Entries of layout 1 that do not read stay untouched and are listed
//! as damaged. An older release running beside this one reads and writes only
//! layout 1's keys, so it never changes layout 2's data.

use std::collections::BTreeSet;

use super::keys::{self, id_after, v1};
use super::repository::{EntryError, Repository, Stored, Unreadable};
use super::{Change, KeyValueStore, StorageError};
use crate::model::exchange;
use crate::model::{Assessment, AssessmentId};

/// What moving layout 1's data found and did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Migration {
    /// Assessments moved to layout 2.
    pub moved: usize,
    /// Readable assessments that stay in layout 1 for now (storage full).
    pub left: Vec<(AssessmentId, Assessment)>,
    /// Layout 1 entries that do not read, left untouched.
    pub unreadable: Vec<Unreadable>,
    /// Why moving stopped, when it did.
    pub stopped: Option<StorageError>,
    /// Layout 1's active assessment, when it is among those left.
    pub active_left: Option<AssessmentId>,
    /// Assessments moved already that an older release, still open in another tab,
    /// had changed since in layout 1: its newer state was taken over (the user is told).
    pub newer_kept: Vec<String>,
}

impl<S: KeyValueStore> Repository<S> {
    /// Layout 1's assessment ids in its index's order, then any it missed.
    fn v1_ids(&self, all_keys: &[String]) -> Result<Vec<AssessmentId>, StorageError> {
        let stored: Vec<AssessmentId> = all_keys.iter().filter_map(|k| id_after(k, v1::ASSESSMENT)).collect();
        let stored_set: BTreeSet<&AssessmentId> = stored.iter().collect();
        let mut seen = BTreeSet::new();
        let mut ids: Vec<AssessmentId> = self
            .store()
            .get(v1::INDEX)?
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .unwrap_or_default()
            .iter()
            .filter_map(|s| AssessmentId::parse(s).ok())
            .filter(|id| stored_set.contains(id) && seen.insert(id.clone()))
            .collect();
        let mut rest: Vec<AssessmentId> = stored.iter().filter(|id| !seen.contains(*id)).cloned().collect();
        rest.sort();
        ids.extend(rest);
        Ok(ids)
    }

    /// Moves what layout 1 holds into layout 2 (see the module's documentation).
    /// Safe to run again, and in two tabs at once: a moved assessment keeps its id,
    /// and one already in layout 2 is not written twice.
    pub fn migrate_v1(&self) -> Result<Migration, StorageError> {
        let all_keys = self.store().keys()?;
        if !all_keys.iter().any(|k| k.starts_with(v1::PREFIX)) {
            return Ok(Migration::default());
        }
        let mut migration = Migration::default();
        for id in self.v1_ids(&all_keys)? {
            let key = keys::v1_assessment(&id);
            let Some(raw) = self.store().get(&key)? else { continue };
            let assessment = match exchange::read_str(&raw) {
                Ok(a) => a,
                Err(e) => {
                    migration.unreadable.push(Unreadable { key, raw, error: EntryError::Document(e) });
                    continue;
                }
            };
            if migration.stopped.is_some() {
                migration.left.push((id, assessment));
                continue;
            }
            let in_v2 = self.store().get(&keys::work(&id))?.is_some();
            let moved = if in_v2 {
                // Moved before, and written again by an older release open in another
                // tab: never dropped unread. The newer of the two states is kept.
                self.take_newer_from_v1(&id, &assessment).map(|newer| {
                    if newer {
                        migration.newer_kept.push(assessment.name.clone());
                    }
                })
            } else {
                self.create(&id, &assessment, None).map(|_| ())
            };
            match moved {
                Ok(()) => {
                    self.store().remove(&key)?;
                    migration.moved += 1;
                }
                Err(e) => {
                    migration.stopped = Some(e);
                    migration.left.push((id, assessment));
                }
            }
        }
        self.migrate_v1_rest(&all_keys, &migration)?;
        let active = self.store().get(v1::ACTIVE)?.and_then(|s| AssessmentId::parse(&s).ok());
        migration.active_left = active.filter(|id| migration.left.iter().any(|(left, _)| left == id));
        Ok(migration)
    }

    /// The trash, the active id and the preferences of layout 1, then its index once
    /// no assessment of it is left. Each is removed from layout 1 only once copied;
    /// one that does not fit (storage full) stays where it is for the next start.
    fn migrate_v1_rest(&self, all_keys: &[String], migration: &Migration) -> Result<(), StorageError> {
        for key in all_keys {
            let target = if let Some(id) = id_after(key, v1::TRASH) {
                // A damaged trash entry is moved as it is: the trash lists it as damaged.
                keys::trash(&id)
            } else if let Some(name) = key.strip_prefix(v1::PREF) {
                keys::pref(name)
            } else {
                continue;
            };
            self.move_key(key, &target)?;
        }
        if migration.left.is_empty() {
            self.move_key(v1::ACTIVE, keys::ACTIVE)?;
            if migration.unreadable.is_empty() {
                self.store().remove(v1::INDEX)?;
            }
        }
        Ok(())
    }

    /// Takes over layout 1's state of `id` (`v1`) when it is newer than the stored one
    /// (by `updated`): its working state replaces the stored one, and its snapshots
    /// that the stored one lacks are added. Whether it was newer.
    fn take_newer_from_v1(&self, id: &AssessmentId, v1: &Assessment) -> Result<bool, StorageError> {
        let stored = match self.open(id) {
            Ok(s) => s,
            Err(super::repository::OpenError::Storage(e)) => return Err(e),
            // Damaged or gone meanwhile: layout 1's copy is all there is; left as it is.
            Err(_) => return Err(StorageError::Damaged(format!("{id} could not be read to compare"))),
        };
        let newer = match (&v1.updated, &stored.assessment.updated) {
            (Some(old_release), Some(this)) => old_release > this,
            (Some(_), None) => true,
            _ => false,
        };
        if !newer {
            return Ok(false);
        }
        let mut changes = vec![Change::edit({
            let v1 = v1.clone();
            move |a: &mut Assessment| {
                let snapshots = std::mem::take(&mut a.snapshots);
                *a = Assessment { snapshots, ..v1.clone() };
            }
        })];
        for s in &v1.snapshots {
            let known = stored.assessment.snapshots.iter().any(|x| x.label == s.label && x.taken == s.taken);
            if !known {
                let mut s = s.clone();
                s.id = self.new_snapshot_id();
                changes.push(Change::AddSnapshot { snapshot: s, position: None });
            }
        }
        let mut next = stored.assessment.clone();
        for c in &changes {
            c.apply(&mut next);
        }
        self.commit(id, stored.revision, &next, &changes)?;
        Ok(true)
    }

    /// Copies `from` to `to` unless `to` is already set, then removes `from`; a copy
    /// that does not fit leaves `from` in place.
    fn move_key(&self, from: &str, to: &str) -> Result<(), StorageError> {
        let Some(value) = self.store().get(from)? else { return Ok(()) };
        if self.store().get(to)?.is_none() && self.store().set(to, &value).is_err() {
            return Ok(());
        }
        self.store().remove(from)
    }

    /// Moves an assessment still in layout 1 (storage was too full to move it) straight
    /// to the trash: its document is taken as it is, after its own entry is removed to
    /// make room, so a delete works however full storage is (it needs no more room
    /// than the assessment had). On failure the entry is put back.
    pub fn delete_v1(&self, id: &AssessmentId, now: &crate::model::Timestamp) -> Result<(), StorageError> {
        let key = keys::v1_assessment(id);
        let Some(text) = self.store().get(&key)? else { return Ok(()) };
        let trash = super::entries::TrashEntry { deleted: now.as_str().to_owned(), document: text.trim().to_owned() }
            .write()
            .map_err(|e| StorageError::Other(e.to_string()))?;
        self.store().remove(&key)?;
        if let Err(e) = self.store().set(&keys::trash(id), &trash) {
            let _ = self.store().set(&key, &text);
            return Err(e);
        }
        if self.store().get(v1::ACTIVE)?.as_deref() == Some(id.as_str()) {
            self.store().remove(v1::ACTIVE)?;
        }
        Ok(())
    }

    /// Moves one assessment left in layout 1 (its state `a` as on screen) once there
    /// is room; its id stays. One already in layout 2 is opened, not written again.
    pub fn move_from_v1(&self, id: &AssessmentId, a: &Assessment) -> Result<Stored, StorageError> {
        let stored = match self.open(id) {
            Ok(stored) => stored,
            Err(_) => self.create(id, a, None)?,
        };
        self.store().remove(&keys::v1_assessment(id))?;
        Ok(stored)
    }
}
