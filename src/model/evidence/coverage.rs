//! How much of the portfolio rests on current evidence: per category for the
//! dashboard, and the services without it for the report.

use super::has_current;
use crate::model::{CatalogueDef, CustomService, Date, Score, ServiceId, ServiceStates};

/// The evidence of one category's in-scope services on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceCoverage {
    pub category: &'static str,
    /// In-scope services of the category.
    pub in_scope: u32,
    /// Of those, the services with at least one item that is not stale (the
    /// dashboard's `evidence-count-{C}`).
    pub current: u32,
}

/// Per category, in catalogue order (custom services counted in their category): how
/// many services are in scope, and how many of those have at least one item that is not
/// stale on `today`.
pub fn coverage(
    catalogue: &CatalogueDef,
    custom: &[CustomService],
    states: &ServiceStates,
    today: &Date,
) -> Vec<EvidenceCoverage> {
    catalogue
        .services_by_category(custom)
        .into_iter()
        .map(|(category, services)| {
            let mut counts = EvidenceCoverage { category: category.id, in_scope: 0, current: 0 };
            for state in services.iter().filter_map(|s| states.get(s.id)).filter(|s| s.in_scope()) {
                counts.in_scope += 1;
                if has_current(&state.evidence, today) {
                    counts.current += 1;
                }
            }
            counts
        })
        .collect()
}

/// Why a score rests on no current evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unbacked {
    /// The service lists no evidence.
    NoEvidence,
    /// Every item is stale; `since` is the latest of their review-by dates.
    Stale { items: usize, since: Date },
}

/// An in-scope service whose current score rests on no or stale evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnbackedService {
    pub service: ServiceId,
    pub category: String,
    pub current: Score,
    pub why: Unbacked,
}

/// The in-scope services with a current rating (1 to 5) and no item that is current
/// on `today`, in catalogue order. Services without a current score, or scored `n/a`,
/// rest on nothing and are left out.
pub fn unbacked(
    catalogue: &CatalogueDef,
    custom: &[CustomService],
    states: &ServiceStates,
    today: &Date,
) -> Vec<UnbackedService> {
    let mut out = Vec::new();
    for service in catalogue.all_services(custom) {
        let Some((id, state)) = states.get_key_value(service.id) else { continue };
        let Some(current @ Score::Rated(_)) = state.current else { continue };
        if !state.in_scope() || has_current(&state.evidence, today) {
            continue;
        }
        // Every item is stale, so every item has a review-by date.
        let since = state.evidence.iter().filter_map(|item| item.review_by.clone()).max();
        let why = match since {
            Some(since) => Unbacked::Stale { items: state.evidence.len(), since },
            None => Unbacked::NoEvidence,
        };
        out.push(UnbackedService { service: id.clone(), category: service.category.to_owned(), current, why });
    }
    out
}
