//! The improvement plan as the views and the plan CSV list it: every in-scope
//! service whose target is above its current score, largest gap first (ties by
//! level, basic first, then catalogue order), then any other service that has a
//! plan item, in catalogue order, so nothing written is hidden.

use std::collections::BTreeSet;

use super::aggregate::ranked_gaps;
use super::{Assessment, Level, PlanItem, Score, ServiceRef};

/// One line of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow<'a> {
    pub service: ServiceRef<'a>,
    pub level: Option<Level>,
    pub current: Option<Score>,
    pub target: Option<Score>,
    /// Target minus current, when both are ratings.
    pub gap: Option<i8>,
    /// Whether the service is in scope with a positive gap (the plan's main list).
    pub has_gap: bool,
    pub item: Option<&'a PlanItem>,
}

/// The plan's rows, in the order described in the module docs, in time about linear
/// in the number of services.
pub fn plan_rows(a: &Assessment) -> Vec<PlanRow<'_>> {
    let gaps = ranked_gaps(a.catalogue, &a.custom_services, &a.services);
    let index = a.catalogue.index(&a.custom_services);
    let mut rows: Vec<PlanRow<'_>> =
        gaps.iter().filter_map(|g| index.get(&g.service)).map(|s| plan_row(a, s, true)).collect();
    let with_gap: BTreeSet<&str> = gaps.iter().map(|g| g.service.as_str()).collect();
    for service in a.catalogue.all_services(&a.custom_services) {
        if a.plan.contains_key(service.id) && !with_gap.contains(service.id) {
            rows.push(plan_row(a, service, false));
        }
    }
    rows
}

fn plan_row<'a>(a: &'a Assessment, service: ServiceRef<'a>, has_gap: bool) -> PlanRow<'a> {
    let state = a.services.get(service.id);
    PlanRow {
        level: state.and_then(|s| s.level),
        current: state.and_then(|s| s.current),
        target: state.and_then(|s| s.target),
        gap: state.and_then(|s| s.gap()),
        has_gap,
        item: a.plan.get(service.id),
        service,
    }
}
