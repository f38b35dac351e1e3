//! Checking a folder of files against every fingerprint of an assessment: which items
//! are found, which are missing, and which files match nothing.

use std::collections::{BTreeMap, BTreeSet};

use super::EvidenceItem;
use crate::model::{CatalogueDef, CustomService, Fingerprint, ServiceId, ServiceStates};

/// An item with a fingerprint, and the files (by name) that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderMatch {
    pub service: ServiceId,
    pub item: EvidenceItem,
    /// The names of the files with the item's digest; empty: missing from the folder.
    pub files: Vec<String>,
}

/// What a folder holds against an assessment's fingerprints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderCheck {
    /// Every item with a fingerprint, in catalogue order, then in the service's order.
    pub items: Vec<FolderMatch>,
    /// The files whose digest is no item's, in the order given.
    pub unmatched: Vec<String>,
}

impl FolderCheck {
    /// The items found in the folder.
    pub fn found(&self) -> impl Iterator<Item = &FolderMatch> + '_ {
        self.items.iter().filter(|m| !m.files.is_empty())
    }

    /// The items not found in the folder.
    pub fn missing(&self) -> impl Iterator<Item = &FolderMatch> + '_ {
        self.items.iter().filter(|m| m.files.is_empty())
    }
}

/// Matches `files` (each a name and its digest) against the fingerprinted items of
/// `states`. Items without a fingerprint are not listed: a folder cannot show them.
pub fn check_folder(
    catalogue: &CatalogueDef,
    custom: &[CustomService],
    states: &ServiceStates,
    files: &[(String, Fingerprint)],
) -> FolderCheck {
    let mut by_digest: BTreeMap<Fingerprint, Vec<&str>> = BTreeMap::new();
    for (name, digest) in files {
        by_digest.entry(*digest).or_default().push(name);
    }
    let mut check = FolderCheck::default();
    let mut matched = BTreeSet::new();
    for service in catalogue.all_services(custom) {
        let Some((id, state)) = states.get_key_value(service.id) else { continue };
        for item in &state.evidence {
            let Some(digest) = item.sha256 else { continue };
            let names = by_digest.get(&digest).map(|names| names.iter().map(|n| n.to_string()).collect());
            if names.is_some() {
                matched.insert(digest);
            }
            check.items.push(FolderMatch { service: id.clone(), item: item.clone(), files: names.unwrap_or_default() });
        }
    }
    check.unmatched = files.iter().filter(|(_, d)| !matched.contains(d)).map(|(name, _)| name.clone()).collect();
    check
}
