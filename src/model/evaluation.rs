//! The evaluation process of X.1060 clause 11: after each build phase, the working
//! state (or a snapshot) is compared with a chosen baseline snapshot.
//!
//! - Catalogue evaluation (11.2): which services changed level, entered or left scope
//!   ([`SnapshotComparison::levels`]).
//! - Profile evaluation (11.3): services moved between insource and outsource, or whose
//!   provider changed ([`SnapshotComparison::sourcing`]).
//! - Portfolio evaluation (11.4): how scores moved and whether targets changed
//!   ([`SnapshotComparison::scores`], [`SnapshotComparison::categories`], [`SnapshotComparison::overall`],
//!   [`SnapshotComparison::counts`]), and the evidence added or gone
//!   ([`SnapshotComparison::evidence`]).
//!
//! Everything here is pure and computed exactly as docs/exchange-format.md (“How the numbers are computed”) says: means come
//! from [`Summary::of`] on each side, and a delta is [`Delta::between`] the two
//! unrounded means.

use super::evidence::{self, EvidenceChange};
use super::{
    Assessment, CatalogueDef, CustomService, Delta, Level, Mean, Score, ServiceAssessment, ServiceId, ServiceStates,
    Snapshot, Sourcing, Summary, Timestamp,
};

/// The category id [`SnapshotComparison::overall`] carries, and that
/// [`SnapshotComparison::category`] accepts for it; the test hooks spell the overall
/// column the same way (`delta-current-overall`).
pub const OVERALL: &str = "overall";

/// How a service's recommendation level changed (catalogue evaluation, 11.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LevelChangeKind {
    /// Out of scope before (no level, or "not required"), in scope now.
    EnteredScope,
    /// In scope before, out of scope now.
    LeftScope,
    /// In scope on both sides, with a different level.
    Changed,
    /// Out of scope on both sides but different, such as unset -> "not required".
    Other,
}

impl LevelChangeKind {
    /// The kind of change from `from` to `to`; `None` when the level is the same.
    pub fn of(from: Option<Level>, to: Option<Level>) -> Option<LevelChangeKind> {
        if from == to {
            return None;
        }
        let in_scope = |l: Option<Level>| l.is_some_and(Level::in_scope);
        Some(match (in_scope(from), in_scope(to)) {
            (false, true) => LevelChangeKind::EnteredScope,
            (true, false) => LevelChangeKind::LeftScope,
            (true, true) => LevelChangeKind::Changed,
            (false, false) => LevelChangeKind::Other,
        })
    }
}

/// One service whose level differs between the baseline and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelChange {
    pub service: ServiceId,
    /// The category id the service belongs to (built in or custom).
    pub category: String,
    /// Level in the baseline; `None` when unset.
    pub from: Option<Level>,
    /// Level now; `None` when unset.
    pub to: Option<Level>,
    pub kind: LevelChangeKind,
}

/// How a service's sourcing or provider changed (profile evaluation, 11.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourcingChangeKind {
    /// Insource <-> outsource (the provider may have changed too).
    Moved,
    /// No sourcing before, one now.
    Assigned,
    /// A sourcing before, none now.
    Unassigned,
    /// Same sourcing (possibly none) on both sides, different provider.
    ProviderChanged,
}

impl SourcingChangeKind {
    /// The kind of change between two (sourcing, provider) pairs; `None` when both
    /// are the same. Providers are compared exactly as stored.
    pub fn of(from: (Option<Sourcing>, &str), to: (Option<Sourcing>, &str)) -> Option<SourcingChangeKind> {
        match (from.0, to.0) {
            (Some(a), Some(b)) if a != b => Some(SourcingChangeKind::Moved),
            (None, Some(_)) => Some(SourcingChangeKind::Assigned),
            (Some(_), None) => Some(SourcingChangeKind::Unassigned),
            _ if from.1 != to.1 => Some(SourcingChangeKind::ProviderChanged),
            _ => None,
        }
    }
}

/// One service whose sourcing or provider differs between the baseline and now.
/// Every service is considered, in scope or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcingChange {
    pub service: ServiceId,
    pub category: String,
    pub from: Option<Sourcing>,
    pub to: Option<Sourcing>,
    /// Provider in the baseline; empty when not given.
    pub provider_from: String,
    /// Provider now; empty when not given.
    pub provider_to: String,
    pub kind: SourcingChangeKind,
    /// The service is in scope in the state compared (not the baseline).
    pub in_scope_now: bool,
}

/// Which way a current score moved (portfolio evaluation, 11.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Movement {
    /// Both sides rated, higher now.
    Improved,
    /// Both sides rated, lower now.
    Worsened,
    /// Both sides rated, equal.
    Unchanged,
    /// A side is unassessed (`None`) or n/a, so there is nothing to compare.
    NotComparable,
}

impl Movement {
    /// The movement from `from` to `to`: only two ratings compare.
    pub fn between(from: Option<Score>, to: Option<Score>) -> Movement {
        match rating_delta(from, to) {
            Some(d) if d > 0 => Movement::Improved,
            Some(d) if d < 0 => Movement::Worsened,
            Some(_) => Movement::Unchanged,
            None => Movement::NotComparable,
        }
    }
}

/// `to - from` when both are ratings.
fn rating_delta(from: Option<Score>, to: Option<Score>) -> Option<i8> {
    let from = from?.rating()?.value();
    let to = to?.rating()?.value();
    Some(to as i8 - from as i8)
}

/// One service whose current or target score differs between the baseline and now.
/// Every service is considered, in scope or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    pub service: ServiceId,
    pub category: String,
    pub current_from: Option<Score>,
    pub current_to: Option<Score>,
    pub target_from: Option<Score>,
    pub target_to: Option<Score>,
    /// `current_to - current_from` when both are ratings (0 when equal).
    pub current_delta: Option<i8>,
    /// `target_to - target_from` when both are ratings (0 when equal).
    pub target_delta: Option<i8>,
    /// How the current score moved.
    pub movement: Movement,
    /// The service is in scope in the state compared (not the baseline).
    pub in_scope_now: bool,
}

/// The means of one category (or overall, see [`OVERALL`]) on both sides, and their
/// deltas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDelta {
    /// The category id, or [`OVERALL`].
    pub category: &'static str,
    pub base_current: Mean,
    pub base_target: Mean,
    pub now_current: Mean,
    pub now_target: Mean,
    /// `now_current - base_current`, exact then rounded; `None` when a side has no value.
    pub current: Option<Delta>,
    /// `now_target - base_target`, exact then rounded; `None` when a side has no value.
    pub target: Option<Delta>,
}

impl CategoryDelta {
    fn new(category: &'static str, base: (Mean, Mean), now: (Mean, Mean)) -> CategoryDelta {
        CategoryDelta {
            category,
            base_current: base.0,
            base_target: base.1,
            now_current: now.0,
            now_target: now.1,
            current: Delta::between(now.0, base.0),
            target: Delta::between(now.1, base.1),
        }
    }
}

/// How the current scores of the services in scope on both sides moved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MovementCounts {
    pub improved: u32,
    pub worsened: u32,
    /// Equal ratings on both sides.
    pub unchanged: u32,
    /// Unassessed or n/a on either side.
    pub not_comparable: u32,
}

impl MovementCounts {
    fn add(&mut self, movement: Movement) {
        match movement {
            Movement::Improved => self.improved += 1,
            Movement::Worsened => self.worsened += 1,
            Movement::Unchanged => self.unchanged += 1,
            Movement::NotComparable => self.not_comparable += 1,
        }
    }

    /// Services counted: those in scope on both sides.
    pub fn total(&self) -> u32 {
        self.improved + self.worsened + self.unchanged + self.not_comparable
    }
}

/// Everything that differs between a baseline and a later state. The per-service
/// lists are in catalogue order (custom services after the built-in ones of their
/// category) and hold only services that differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotComparison {
    /// Catalogue evaluation (11.2).
    pub levels: Vec<LevelChange>,
    /// Profile evaluation (11.3).
    pub sourcing: Vec<SourcingChange>,
    /// Portfolio evaluation (11.4), service by service.
    pub scores: Vec<ScoreChange>,
    /// One per catalogue category, in catalogue order.
    pub categories: Vec<CategoryDelta>,
    /// Over all in-scope services (not a mean of category means); its category is
    /// [`OVERALL`].
    pub overall: CategoryDelta,
    /// Current-score movement of the services in scope on both sides.
    pub counts: MovementCounts,
    /// Services whose evidence items were added or are gone (see [`evidence::changes`]).
    pub evidence: Vec<EvidenceChange>,
}

impl SnapshotComparison {
    /// The deltas of category `id`; [`OVERALL`] gives [`SnapshotComparison::overall`].
    pub fn category(&self, id: &str) -> Option<&CategoryDelta> {
        self.categories.iter().find(|c| c.category == id).or_else(|| (id == OVERALL).then_some(&self.overall))
    }

    /// No service differs in level, sourcing, provider, score or evidence.
    pub fn is_empty(&self) -> bool {
        self.levels.is_empty() && self.sourcing.is_empty() && self.scores.is_empty() && self.evidence.is_empty()
    }

    /// The level changes of one kind, in catalogue order.
    pub fn levels_of(&self, kind: LevelChangeKind) -> impl Iterator<Item = &LevelChange> + '_ {
        self.levels.iter().filter(move |c| c.kind == kind)
    }
}

/// Compares `now` with the baseline `base`, both against `catalogue` plus `custom`.
/// Entries of either map for ids that are in neither the catalogue nor `custom` are
/// ignored, as [`Summary::of`] does.
pub fn compare(
    catalogue: &CatalogueDef,
    custom: &[CustomService],
    base: &ServiceStates,
    now: &ServiceStates,
) -> SnapshotComparison {
    let blank = ServiceAssessment::default();
    let mut levels = Vec::new();
    let mut sourcing = Vec::new();
    let mut scores = Vec::new();
    let mut counts = MovementCounts::default();
    for service in catalogue.all_services(custom) {
        // A service absent from both maps is blank on both sides: nothing differs.
        let Some(id) = now.get_key_value(service.id).or_else(|| base.get_key_value(service.id)).map(|(k, _)| k) else {
            continue;
        };
        let b = base.get(service.id).unwrap_or(&blank);
        let n = now.get(service.id).unwrap_or(&blank);
        let category = service.category;
        if let Some(kind) = LevelChangeKind::of(b.level, n.level) {
            levels.push(LevelChange {
                service: id.clone(),
                category: category.to_owned(),
                from: b.level,
                to: n.level,
                kind,
            });
        }
        if let Some(kind) = SourcingChangeKind::of((b.sourcing, &b.provider), (n.sourcing, &n.provider)) {
            sourcing.push(SourcingChange {
                service: id.clone(),
                category: category.to_owned(),
                from: b.sourcing,
                to: n.sourcing,
                provider_from: b.provider.clone(),
                provider_to: n.provider.clone(),
                kind,
                in_scope_now: n.in_scope(),
            });
        }
        let movement = Movement::between(b.current, n.current);
        if b.current != n.current || b.target != n.target {
            scores.push(ScoreChange {
                service: id.clone(),
                category: category.to_owned(),
                current_from: b.current,
                current_to: n.current,
                target_from: b.target,
                target_to: n.target,
                current_delta: rating_delta(b.current, n.current),
                target_delta: rating_delta(b.target, n.target),
                movement,
                in_scope_now: n.in_scope(),
            });
        }
        if b.in_scope() && n.in_scope() {
            counts.add(movement);
        }
    }
    let base_summary = Summary::of(catalogue, custom, base);
    let now_summary = Summary::of(catalogue, custom, now);
    let categories = base_summary
        .categories
        .iter()
        .zip(&now_summary.categories)
        .map(|(b, n)| CategoryDelta::new(n.category, (b.current, b.target), (n.current, n.target)))
        .collect();
    let overall = CategoryDelta::new(
        OVERALL,
        (base_summary.current, base_summary.target),
        (now_summary.current, now_summary.target),
    );
    let evidence = evidence::changes(catalogue, custom, base, now);
    SnapshotComparison { levels, sourcing, scores, categories, overall, counts, evidence }
}

/// The current and target means of one category at one point of a [`trend`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryMeans {
    pub category: &'static str,
    pub current: Mean,
    pub target: Mean,
}

/// The means at one snapshot, or of the working state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    /// The snapshot's label; `None` for the working state.
    pub label: Option<String>,
    /// When the snapshot was taken; `None` for the working state.
    pub taken: Option<Timestamp>,
    /// This point is the working state (always the last point).
    pub working: bool,
    /// One per catalogue category, in catalogue order.
    pub categories: Vec<CategoryMeans>,
    /// Over all in-scope services (not a mean of category means).
    pub current: Mean,
    pub target: Mean,
}

impl TrendPoint {
    /// The point of `snapshot`, or of the working state when `None`.
    fn of(a: &Assessment, snapshot: Option<&Snapshot>) -> TrendPoint {
        let services = snapshot.map_or(&a.services, |s| &s.services);
        let summary = Summary::of(a.catalogue, &a.custom_services, services);
        TrendPoint {
            label: snapshot.map(|s| s.label.clone()),
            taken: snapshot.map(|s| s.taken.clone()),
            working: snapshot.is_none(),
            categories: summary
                .categories
                .iter()
                .map(|c| CategoryMeans { category: c.category, current: c.current, target: c.target })
                .collect(),
            current: summary.current,
            target: summary.target,
        }
    }

    /// The means of category `id`.
    pub fn category(&self, id: &str) -> Option<&CategoryMeans> {
        self.categories.iter().find(|c| c.category == id)
    }
}

/// The means over time: one point per snapshot, oldest first by the instant it was
/// taken, then the working state as the last point. Every point uses the
/// assessment's catalogue and its current custom services.
pub fn trend(a: &Assessment) -> Vec<TrendPoint> {
    a.snapshots_by_date()
        .into_iter()
        .map(|s| TrendPoint::of(a, Some(s)))
        .chain(std::iter::once(TrendPoint::of(a, None)))
        .collect()
}
