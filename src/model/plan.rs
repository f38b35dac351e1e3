//! The improvement plan as the views and the plan CSV list it: every in-scope
//! service whose target is above its current score, largest gap first (ties by
//! level, basic first, then catalogue order), then any other service that has a
//! plan item, in catalogue order, so nothing written is hidden.

use std::collections::BTreeSet;

use super::aggregate::ranked_gaps;
use super::limits::MAX_PLAN_ACTION_CHARS;
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

/// `action` with `line` added on a line of its own (the plan's "renew the evidence"),
/// unless it holds it already; what is written stays, and what would not fit in
/// [`MAX_PLAN_ACTION_CHARS`] of the line is left out.
pub fn with_line(action: &str, line: &str) -> String {
    let action = action.trim_end();
    if action.contains(line) {
        return action.to_owned();
    }
    let joined = if action.is_empty() { line.to_owned() } else { format!("{action}\n{line}") };
    joined.chars().take(MAX_PLAN_ACTION_CHARS.max(action.chars().count())).collect()
}

#[cfg(test)]
mod tests {
    use super::with_line;
    use crate::model::limits::MAX_PLAN_ACTION_CHARS;

    #[test]
    fn a_line_is_added_and_what_was_written_kept() {
        assert_eq!(with_line("", "Renew the evidence: A"), "Renew the evidence: A");
        assert_eq!(with_line("Hire an analyst\n", "Renew the evidence: A"), "Hire an analyst\nRenew the evidence: A");
        assert_eq!(with_line("x\nRenew the evidence: A", "Renew the evidence: A"), "x\nRenew the evidence: A");
        let long = "a".repeat(MAX_PLAN_ACTION_CHARS - 3);
        assert_eq!(with_line(&long, "Renew"), format!("{long}\nRe"));
    }
}
