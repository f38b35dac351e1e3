//! The listings of stored assessments: the index, checked against the working
//! entries, and what start-up reads (all of it, or the index first and the working
//! entries' envelopes once the first view is shown).

use std::collections::BTreeSet;

use super::entries::{Listing, ListingEntry};
use super::keys::{self, id_after};
use super::repository::{to_json, Loaded, OpenError, Repository, Unreadable};
use super::{KeyValueStore, StorageError};
use crate::model::AssessmentId;

/// Whether the working entries' envelopes are checked while listing, or later.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checks {
    Now,
    Later,
}

impl<S: KeyValueStore> Repository<S> {
    pub(super) fn read_index(&self) -> Result<Option<Vec<Listing>>, StorageError> {
        let Some(text) = self.store().get(keys::INDEX)? else { return Ok(None) };
        Ok(serde_json::from_str::<Vec<ListingEntry>>(&text)
            .ok()
            .map(|list| list.into_iter().filter_map(ListingEntry::into_listing).collect()))
    }

    pub(super) fn write_index(&self, listings: &[Listing]) -> Result<(), StorageError> {
        let entries: Vec<ListingEntry> = listings.iter().map(ListingEntry::from).collect();
        self.store().set(keys::INDEX, &to_json(&entries)?)
    }

    /// Every working entry looked at (its envelope, not its document): the ids of
    /// those that read, and the damaged ones apart.
    fn checked_work(&self, all_keys: &[String]) -> Result<(Vec<AssessmentId>, Vec<Unreadable>), StorageError> {
        let (mut fine, mut damaged) = (Vec::new(), Vec::new());
        for id in all_keys.iter().filter_map(|k| id_after(k, keys::WORK)) {
            match self.check_work(&id) {
                Ok(Some(())) => fine.push(id),
                Ok(None) | Err(OpenError::Missing) => {}
                Err(OpenError::Unreadable(u)) => damaged.push(u),
                Err(OpenError::Storage(e)) => return Err(e),
            }
        }
        Ok((fine, damaged))
    }

    /// The listings, in the user's order. The index is checked against the stored
    /// working states: a listing without one is dropped, a working state without a
    /// listing (left by an interrupted write, or a damaged index) is listed from its
    /// document, so nothing stored is ever hidden. Damaged working states are
    /// returned apart. With `Checks::Later`, listed working states are taken as they
    /// are named (their envelopes are left to [`Repository::damaged_entries`]).
    fn listings(&self, all_keys: &[String], checks: Checks) -> Result<(Vec<Listing>, Vec<Unreadable>), StorageError> {
        let (stored, mut unreadable) = match checks {
            Checks::Now => self.checked_work(all_keys)?,
            Checks::Later => (all_keys.iter().filter_map(|k| id_after(k, keys::WORK)).collect(), Vec::new()),
        };
        let stored_set: BTreeSet<&AssessmentId> = stored.iter().collect();
        let mut listings = self.read_index()?.unwrap_or_default();
        let mut seen = BTreeSet::new();
        listings.retain(|l| stored_set.contains(&l.id) && seen.insert(l.id.clone()));
        for id in stored {
            if seen.contains(&id) {
                continue;
            }
            match self.open(&id) {
                Ok(s) => listings.push(Listing::of(&id, &s.assessment)),
                Err(OpenError::Unreadable(u)) => unreadable.push(u),
                Err(OpenError::Missing) => {}
                Err(OpenError::Storage(e)) => return Err(e),
            }
        }
        Ok((listings, unreadable))
    }

    /// The listings for a step that rewrites the index.
    pub(super) fn checked_listings(&self, all_keys: &[String]) -> Result<Vec<Listing>, StorageError> {
        self.listings(all_keys, Checks::Now).map(|(l, _)| l)
    }

    /// The listings, the active id, damaged entries and the trash. Reads the index
    /// and every working entry's envelope, not the documents (but for unlisted ones).
    pub fn load(&self) -> Result<Loaded, StorageError> {
        self.load_checking(Checks::Now)
    }

    /// What the first view needs, sooner: as [`Repository::load`], but the working
    /// entries named by the index are not read; [`Repository::damaged_entries`] checks
    /// them afterwards (start-up, once the first view is shown).
    pub fn load_listed(&self) -> Result<Loaded, StorageError> {
        self.load_checking(Checks::Later)
    }

    /// The working entries whose envelope does not read, each with what is wrong.
    pub fn damaged_entries(&self) -> Result<Vec<Unreadable>, StorageError> {
        self.checked_work(&self.store().keys()?).map(|(_, damaged)| damaged)
    }

    fn load_checking(&self, checks: Checks) -> Result<Loaded, StorageError> {
        let all_keys = self.store().keys()?;
        let (listings, mut unreadable) = self.listings(&all_keys, checks)?;
        let (trash, damaged_trash) = self.trash_of(&all_keys)?;
        unreadable.extend(damaged_trash);
        let active = self
            .store()
            .get(keys::ACTIVE)?
            .and_then(|s| AssessmentId::parse(&s).ok())
            .filter(|id| listings.iter().any(|l| &l.id == id));
        Ok(Loaded { listings, active, unreadable, trash })
    }
}
