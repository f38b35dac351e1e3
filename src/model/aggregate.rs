//! Every number on the dashboard, computed exactly as docs/exchange-format.md (“How the numbers are computed”) says: means are
//! kept as integer sums and counts, and rounded to hundredths (half away from zero)
//! in integer arithmetic, so 101/40 shows 2.53 where floating point would give 2.52.

use super::{CatalogueDef, CustomService, Level, ServiceStates};

/// The mark shown where there is no value (no in-scope service with a rating).
pub const NO_VALUE: &str = "–";

/// `num / den` in hundredths, rounded half away from zero. `den` must be positive.
pub fn hundredths(num: i64, den: i64) -> i64 {
    debug_assert!(den > 0);
    let scaled = num.unsigned_abs() as i128 * 100 * 2 + den as i128;
    let magnitude = (scaled / (2 * den as i128)) as i64;
    if num < 0 {
        -magnitude
    } else {
        magnitude
    }
}

/// Formats hundredths with two decimals: `253` is `2.53`. With `signed`, a positive
/// value gets a `+` (zero never has a sign): `+0.50`, `-0.25`, `0.00`.
pub fn format_hundredths(value: i64, signed: bool) -> String {
    let sign = match value {
        v if v < 0 => "-",
        v if v > 0 && signed => "+",
        _ => "",
    };
    let abs = value.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// An exact arithmetic mean of ratings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mean {
    pub sum: u32,
    pub count: u32,
}

impl Mean {
    pub fn of(values: impl IntoIterator<Item = u8>) -> Mean {
        let mut mean = Mean::default();
        for v in values {
            mean.add(v);
        }
        mean
    }

    pub fn add(&mut self, value: u8) {
        self.sum += u32::from(value);
        self.count += 1;
    }

    pub fn merge(self, other: Mean) -> Mean {
        Mean { sum: self.sum + other.sum, count: self.count + other.count }
    }

    /// Rounded to hundredths; `None` when nothing was counted.
    pub fn hundredths(self) -> Option<i64> {
        (self.count > 0).then(|| hundredths(i64::from(self.sum), i64::from(self.count)))
    }

    /// Two decimals (`"2.53"`), or `None`.
    pub fn display(self) -> Option<String> {
        self.hundredths().map(|h| format_hundredths(h, false))
    }

    /// Two decimals, or [`NO_VALUE`].
    pub fn text(self) -> String {
        self.display().unwrap_or_else(|| NO_VALUE.to_owned())
    }

    /// For drawing only; every number shown as text comes from [`Mean::display`].
    pub fn as_f64(self) -> Option<f64> {
        (self.count > 0).then(|| f64::from(self.sum) / f64::from(self.count))
    }
}

/// The exact difference of two means (`now - base`), rounded like a mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delta {
    pub hundredths: i64,
}

impl Delta {
    /// `None` when either side has no value.
    pub fn between(now: Mean, base: Mean) -> Option<Delta> {
        if now.count == 0 || base.count == 0 {
            return None;
        }
        let num = i64::from(now.sum) * i64::from(base.count) - i64::from(base.sum) * i64::from(now.count);
        let den = i64::from(now.count) * i64::from(base.count);
        Some(Delta { hundredths: hundredths(num, den) })
    }

    /// Signed, two decimals: `+0.50`, `-0.25`, `0.00`.
    pub fn display(self) -> String {
        format_hundredths(self.hundredths, true)
    }
}

/// How many services are where in the build process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Every service of the catalogue plus custom ones.
    pub total: u32,
    /// No level chosen yet.
    pub level_unset: u32,
    pub not_required: u32,
    /// Level set and not "not required".
    pub in_scope: u32,
    /// In scope with no sourcing yet.
    pub sourcing_unset: u32,
    pub insource: u32,
    pub outsource: u32,
    /// In scope with both current and target decided (a rating or n/a).
    pub assessed: u32,
    /// In scope with current or target still open.
    pub not_assessed: u32,
}

impl Counts {
    fn merge(self, o: Counts) -> Counts {
        Counts {
            total: self.total + o.total,
            level_unset: self.level_unset + o.level_unset,
            not_required: self.not_required + o.not_required,
            in_scope: self.in_scope + o.in_scope,
            sourcing_unset: self.sourcing_unset + o.sourcing_unset,
            insource: self.insource + o.insource,
            outsource: self.outsource + o.outsource,
            assessed: self.assessed + o.assessed,
            not_assessed: self.not_assessed + o.not_assessed,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategorySummary {
    pub category: &'static str,
    pub current: Mean,
    pub target: Mean,
    pub counts: Counts,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub categories: Vec<CategorySummary>,
    /// Mean over all in-scope services (not a mean of category means).
    pub current: Mean,
    pub target: Mean,
    pub counts: Counts,
}

impl Summary {
    /// The summary of `services` against `catalogue` plus `custom`, in time about
    /// linear in the number of services.
    pub fn of(catalogue: &CatalogueDef, custom: &[CustomService], services: &ServiceStates) -> Summary {
        let categories: Vec<CategorySummary> = catalogue
            .services_by_category(custom)
            .into_iter()
            .map(|(category, in_category)| {
                let mut summary = CategorySummary {
                    category: category.id,
                    current: Mean::default(),
                    target: Mean::default(),
                    counts: Counts::default(),
                };
                for service in in_category {
                    let state = services.get(service.id);
                    let counts = &mut summary.counts;
                    counts.total += 1;
                    let Some(state) = state.filter(|s| s.in_scope()) else {
                        match state.and_then(|s| s.level) {
                            Some(Level::NotRequired) => counts.not_required += 1,
                            _ => counts.level_unset += 1,
                        }
                        continue;
                    };
                    counts.in_scope += 1;
                    match state.sourcing {
                        None => counts.sourcing_unset += 1,
                        Some(super::Sourcing::Insource) => counts.insource += 1,
                        Some(super::Sourcing::Outsource) => counts.outsource += 1,
                    }
                    if state.is_assessed() {
                        counts.assessed += 1;
                    } else {
                        counts.not_assessed += 1;
                    }
                    if let Some(r) = state.current.and_then(|s| s.rating()) {
                        summary.current.add(r.value());
                    }
                    if let Some(r) = state.target.and_then(|s| s.rating()) {
                        summary.target.add(r.value());
                    }
                }
                summary
            })
            .collect();
        let (current, target, counts) =
            categories.iter().fold((Mean::default(), Mean::default(), Counts::default()), |(c, t, n), s| {
                (c.merge(s.current), t.merge(s.target), n.merge(s.counts))
            });
        Summary { categories, current, target, counts }
    }

    pub fn category(&self, id: &str) -> Option<&CategorySummary> {
        self.categories.iter().find(|c| c.category == id)
    }
}

/// One in-scope service whose target is above its current score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapEntry {
    pub service: String,
    pub category: String,
    pub level: Level,
    pub current: u8,
    pub target: u8,
    pub gap: u8,
}

/// In-scope services with a positive gap, largest first; ties by level (basic
/// first) and then catalogue order.
pub fn ranked_gaps(catalogue: &CatalogueDef, custom: &[CustomService], services: &ServiceStates) -> Vec<GapEntry> {
    let mut gaps: Vec<(usize, GapEntry)> = catalogue
        .all_services(custom)
        .enumerate()
        .filter_map(|(order, service)| {
            let state = services.get(service.id)?;
            let level = state.level.filter(|l| l.in_scope())?;
            let gap = state.gap().filter(|g| *g > 0)?;
            Some((
                order,
                GapEntry {
                    service: service.id.to_owned(),
                    category: service.category.to_owned(),
                    level,
                    current: state.current?.rating()?.value(),
                    target: state.target?.rating()?.value(),
                    gap: gap as u8,
                },
            ))
        })
        .collect();
    gaps.sort_by(|(oa, a), (ob, b)| {
        b.gap.cmp(&a.gap).then(a.level.priority().cmp(&b.level.priority())).then(oa.cmp(ob))
    });
    gaps.into_iter().map(|(_, g)| g).collect()
}
