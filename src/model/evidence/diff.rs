//! Lists of evidence compared ([`changes`], for the evaluation view) and put together
//! ([`merged`], for the workshop merge), items told apart by
//! [`EvidenceItem::same_item`].

use super::EvidenceItem;
use crate::model::{CatalogueDef, CustomService, ServiceAssessment, ServiceId, ServiceStates};

/// The evidence of one service that differs between a baseline and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceChange {
    pub service: ServiceId,
    pub category: String,
    /// Items now that the baseline did not have, in the order listed now.
    pub added: Vec<EvidenceItem>,
    /// Items of the baseline that are no longer listed, in the baseline's order.
    pub gone: Vec<EvidenceItem>,
}

/// Every service whose evidence was added or is gone between `base` and `now`, in
/// catalogue order (custom services after the built-in ones of their category); ids in
/// neither the catalogue nor `custom` are ignored. An item kept with other details (a
/// new review date, an owner) is neither added nor gone; a file fingerprinted anew with
/// another digest is (the old one gone, the new one added).
pub fn changes(
    catalogue: &CatalogueDef,
    custom: &[CustomService],
    base: &ServiceStates,
    now: &ServiceStates,
) -> Vec<EvidenceChange> {
    let blank = ServiceAssessment::default();
    let mut out = Vec::new();
    for service in catalogue.all_services(custom) {
        let Some(id) = now.get_key_value(service.id).or_else(|| base.get_key_value(service.id)).map(|(k, _)| k) else {
            continue;
        };
        let b = &base.get(service.id).unwrap_or(&blank).evidence;
        let n = &now.get(service.id).unwrap_or(&blank).evidence;
        let added = missing_from(n, b);
        let gone = missing_from(b, n);
        if !added.is_empty() || !gone.is_empty() {
            out.push(EvidenceChange { service: id.clone(), category: service.category.to_owned(), added, gone });
        }
    }
    out
}

/// The items of `from` that `other` does not hold.
fn missing_from(from: &[EvidenceItem], other: &[EvidenceItem]) -> Vec<EvidenceItem> {
    from.iter().filter(|item| !other.iter().any(|o| o.same_item(item))).cloned().collect()
}

/// The items of all `lists` (in order), each once: an item the same as one already
/// kept is dropped, except that an item with a fingerprint takes the place of a kept
/// one without (the same title and location), so no fingerprint is lost.
pub fn merged<'a>(lists: impl IntoIterator<Item = &'a [EvidenceItem]>) -> Vec<EvidenceItem> {
    let mut kept: Vec<EvidenceItem> = Vec::new();
    for item in lists.into_iter().flatten() {
        // The same file is kept once, whatever the other items it matches by name.
        if item.sha256.is_some() && kept.iter().any(|k| k.sha256 == item.sha256) {
            continue;
        }
        match kept.iter_mut().find(|k| k.same_item(item)) {
            Some(k) if k.sha256.is_none() && item.sha256.is_some() => *k = item.clone(),
            Some(_) => {}
            None => kept.push(item.clone()),
        }
    }
    kept
}
