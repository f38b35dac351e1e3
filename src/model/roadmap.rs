//! The roadmap: where the improvement plan takes the current scores, quarter by
//! quarter (docs/exchange-format.md, "Roadmap").
//!
//! - A plan item's action brings its service's current score to the item's
//!   `expected` score once done (the target when it has none).
//! - The projected current score of a service at a date is that score when the item
//!   is not done, is due on or before the date, and the current score is an integer
//!   or absent; never lower than the current score; otherwise the current score.
//!   Items marked done are taken to be in the current score already.
//! - The roadmap lists calendar quarters from today's up to the one of the latest
//!   due date, at most [`MAX_QUARTERS`].
//! - Projected means are the dashboard's (`Summary`) over the projected scores.
//!
//! A due date is a calendar date, not an instant: "today" is the user's own date,
//! and a quarter ends on its last calendar day whatever the time zone.

use std::fmt;

use super::{Assessment, Date, Plan, PlanItem, PlanStatus, Rating, Score, ServiceAssessment, ServiceId, Snapshot};
use super::{Mean, ServiceStates, Summary};

/// The roadmap shows at most this many quarters (three years).
pub const MAX_QUARTERS: usize = 12;

/// A calendar quarter: `2027-Q1` is January to March 2027.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i64,
    /// 1..=4.
    number: u8,
}

impl Quarter {
    /// The quarter a date falls in.
    pub fn of(date: &Date) -> Quarter {
        let (year, month, _) = date.ymd();
        Quarter { year, number: ((month - 1) / 3 + 1) as u8 }
    }

    /// `2027-Q1`; `None` for anything else, or a year outside 0..=9999.
    pub fn parse(text: &str) -> Option<Quarter> {
        let (year, number) = text.split_once("-Q")?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || number.len() != 1 {
            return None;
        }
        let number: u8 = number.parse().ok().filter(|n| (1..=4).contains(n))?;
        Some(Quarter { year: year.parse().ok()?, number })
    }

    pub fn year(self) -> i64 {
        self.year
    }

    /// 1..=4.
    pub fn number(self) -> u8 {
        self.number
    }

    /// Its first day.
    pub fn first_day(self) -> Option<Date> {
        Date::from_ymd(self.year, i64::from(self.number) * 3 - 2, 1)
    }

    /// Its last day (March 31, June 30, September 30, December 31).
    pub fn last_day(self) -> Option<Date> {
        let day = if self.number == 1 || self.number == 4 { 31 } else { 30 };
        Date::from_ymd(self.year, i64::from(self.number) * 3, day)
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter { year: self.year + 1, number: 1 }
        } else {
            Quarter { year: self.year, number: self.number + 1 }
        }
    }

    /// Whether `date` falls in this quarter.
    pub fn holds(self, date: &Date) -> bool {
        Quarter::of(date) == self
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.number)
    }
}

/// The quarters a roadmap lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarters {
    /// Today's quarter first, in order; at least one.
    pub list: Vec<Quarter>,
    /// Due dates fall after the last quarter listed (more than [`MAX_QUARTERS`]).
    pub cut: bool,
}

/// Today's quarter and every following one up to the quarter of the latest due date
/// in `plan` (at most [`MAX_QUARTERS`]).
pub fn quarters(plan: &Plan, today: &Date) -> Quarters {
    let first = Quarter::of(today);
    let last = plan.values().filter_map(|item| item.due.as_ref()).map(Quarter::of).max().unwrap_or(first);
    let mut list = vec![first];
    let mut quarter = first;
    while quarter < last && list.len() < MAX_QUARTERS {
        quarter = quarter.next();
        list.push(quarter);
    }
    Quarters { list, cut: quarter < last }
}

/// The score the item's action brings the service to once done: its expected
/// score, or the target when that is an integer.
pub fn expected_score(state: Option<&ServiceAssessment>, item: &PlanItem) -> Option<Rating> {
    item.expected.or_else(|| state.and_then(|s| s.target).and_then(Score::rating))
}

/// Whether the item counts at `at`: not done, and due on or before it.
fn counts_at(item: &PlanItem, at: &Date) -> bool {
    item.status != PlanStatus::Done && item.due.as_ref().is_some_and(|due| due <= at)
}

/// The projected current score of a service at `at` (see the module's rules).
pub fn projected_score(state: Option<&ServiceAssessment>, item: Option<&PlanItem>, at: &Date) -> Option<Score> {
    let current = state.and_then(|s| s.current);
    let Some(item) = item.filter(|item| counts_at(item, at)) else { return current };
    if current == Some(Score::NotApplicable) {
        return current;
    }
    let Some(expected) = expected_score(state, item) else { return current };
    let now = current.and_then(Score::rating);
    Some(Score::Rated(now.map_or(expected, |now| now.max(expected))))
}

/// The service states with each current score projected to `at` (targets, levels
/// and everything else unchanged).
pub fn projected_states(services: &ServiceStates, plan: &Plan, at: &Date) -> ServiceStates {
    let mut out = services.clone();
    for (id, item) in plan {
        let state = services.get(id);
        let projected = projected_score(state, Some(item), at);
        if projected != state.and_then(|s| s.current) {
            out.entry(id.clone()).or_default().current = projected;
        }
    }
    out
}

/// The dashboard's figures of `a` as the plan projects them at `at`.
pub fn projection(a: &Assessment, at: &Date) -> Summary {
    Summary::of(a.catalogue, &a.custom_services, &projected_states(&a.services, &a.plan, at))
}

/// One row of a roadmap's table of means: a category (or the overall).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeanRow {
    /// The category's id, or [`OVERALL`].
    pub id: &'static str,
    /// Today's current mean, the current mean of each projection in order, and the
    /// target mean.
    pub means: Vec<Mean>,
}

/// The id of the overall row of [`mean_rows`].
pub const OVERALL: &str = "overall";

/// The rows of a table of means: one per category of `today`, then the overall;
/// each today's current, then each of `projected` (projections of the same
/// assessment, so their categories are today's), then the target.
pub fn mean_rows(today: &Summary, projected: &[Summary]) -> Vec<MeanRow> {
    let row = |id, now: Mean, then: &dyn Fn(&Summary) -> Mean, target: Mean| MeanRow {
        id,
        means: std::iter::once(now).chain(projected.iter().map(then)).chain(std::iter::once(target)).collect(),
    };
    let mut rows: Vec<MeanRow> = today
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let then = move |p: &Summary| p.categories.get(i).map(|x| x.current).unwrap_or_default();
            row(c.category, c.current, &then, c.target)
        })
        .collect();
    rows.push(row(OVERALL, today.current, &|p: &Summary| p.current, today.target));
    rows
}

/// A plan item that falls due in a quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueAction {
    pub service: ServiceId,
    pub due: Date,
    /// Past its due date on `today` and not done.
    pub overdue: bool,
    pub done: bool,
}

/// The items due in `quarter`; for today's quarter, also those due before it (all
/// of them are due by its end). In order of due date, then service.
pub fn due_in(plan: &Plan, quarter: Quarter, today: &Date) -> Vec<DueAction> {
    let first = Quarter::of(today) == quarter;
    let mut out: Vec<DueAction> = plan
        .iter()
        .filter_map(|(id, item)| {
            let due = item.due.clone()?;
            let here = quarter.holds(&due) || (first && Quarter::of(&due) < quarter);
            here.then(|| DueAction {
                service: id.clone(),
                overdue: item.is_overdue(today),
                done: item.status == PlanStatus::Done,
                due,
            })
        })
        .collect();
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.service.cmp(&b.service)));
    out
}

/// Plan against reality for one quarter: what an earlier snapshot's plan projected
/// for the quarter's end, beside what a snapshot taken after that end holds.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanCheck {
    pub quarter: Quarter,
    /// The earlier snapshot's scores projected by its plan to the quarter's end.
    pub projected: Summary,
    /// The later snapshot's figures.
    pub actual: Summary,
    /// Services whose action was due by the quarter's end, not done at the earlier
    /// snapshot, and neither marked done in the later one nor at its expected score
    /// there.
    pub late: Vec<ServiceId>,
}

/// The quarters that end after `earlier` was taken and on or before the day
/// `later` was taken, each checked; empty when the earlier snapshot kept no plan.
pub fn plan_against_reality(a: &Assessment, earlier: &Snapshot, later: &Snapshot) -> Vec<PlanCheck> {
    let Some(plan) = &earlier.plan else { return Vec::new() };
    let (from, until) = (Date::of(&earlier.taken), Date::of(&later.taken));
    let actual = Summary::of(a.catalogue, &a.custom_services, &later.services);
    let mut out = Vec::new();
    let mut quarter = Quarter::of(&from);
    while let Some(end) = quarter.last_day().filter(|end| *end < until) {
        let states = projected_states(&earlier.services, plan, &end);
        let late = plan
            .iter()
            .filter(|(id, item)| {
                counts_at(item, &end) && !reached(later, id, expected_score(earlier.services.get(*id), item))
            })
            .map(|(id, _)| id.clone())
            .collect();
        out.push(PlanCheck {
            quarter,
            projected: Summary::of(a.catalogue, &a.custom_services, &states),
            actual: actual.clone(),
            late,
        });
        quarter = quarter.next();
        if out.len() >= MAX_QUARTERS {
            break;
        }
    }
    out
}

/// Whether `snapshot` marks the service's action done or holds the expected score.
fn reached(snapshot: &Snapshot, id: &ServiceId, expected: Option<Rating>) -> bool {
    let done = snapshot.plan.as_ref().and_then(|p| p.get(id)).is_some_and(|item| item.status == PlanStatus::Done);
    let current = snapshot.services.get(id).and_then(|s| s.current).and_then(Score::rating);
    done || matches!((current, expected), (Some(now), Some(expected)) if now >= expected)
}
