//! An assessment: the working state of one organisation's service catalogue,
//! profile and portfolio, and the snapshots taken of it.

use std::collections::BTreeMap;

use super::catalogue::CustomServiceError;
use super::evidence::EvidenceItem;
use super::limits::{self, LimitError, Limited, MAX_ENTRIES};
use super::quick::QuickCheck;
use super::text::clean_name;
use super::time::Date;
use super::workshop::WorkshopInfo;
use super::{
    Catalogue, CatalogueDef, CategoryId, Level, LocalText, Rating, Score, ServiceId, SnapshotId, Sourcing, Timestamp,
};

/// What has been decided for one service. Every field may be unset: a service
/// starts with nothing and is filled in phase by phase.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceAssessment {
    /// Recommendation level (catalogue phase).
    pub level: Option<Level>,
    /// In-house or outsourced (profile phase).
    pub sourcing: Option<Sourcing>,
    /// Who provides an outsourced service; empty when not given.
    pub provider: String,
    /// Score today (portfolio phase); `None` is "not assessed yet".
    pub current: Option<Score>,
    /// Score aimed for.
    pub target: Option<Score>,
    pub note: String,
    /// What backs the score (portfolio phase), in the order added.
    pub evidence: Vec<EvidenceItem>,
}

impl ServiceAssessment {
    /// In scope: a level is set and it is not "not required" (docs/exchange-format.md (“How the numbers are computed”)).
    pub fn in_scope(&self) -> bool {
        self.level.is_some_and(Level::in_scope)
    }

    /// Both scores decided (a rating or n/a).
    pub fn is_assessed(&self) -> bool {
        self.current.is_some() && self.target.is_some()
    }

    /// Target minus current, when both are ratings.
    pub fn gap(&self) -> Option<i8> {
        let current = self.current?.rating()?;
        let target = self.target?.rating()?;
        Some(target.value() as i8 - current.value() as i8)
    }

    /// Nothing decided at all: such an entry need not be stored.
    pub fn is_blank(&self) -> bool {
        *self == ServiceAssessment::default()
    }
}

impl super::scale::Scored for ServiceAssessment {
    fn scores_mut(&mut self) -> (&mut Option<Score>, &mut Option<Score>) {
        (&mut self.current, &mut self.target)
    }
    fn scores(&self) -> (Option<Score>, Option<Score>) {
        (self.current, self.target)
    }
}

/// The state of every service that has anything decided, by id.
pub type ServiceStates = BTreeMap<ServiceId, ServiceAssessment>;

/// A service the organisation added to a category ("一覧になれば追加しても良い").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomService {
    pub id: ServiceId,
    pub category: CategoryId,
    pub name: LocalText,
}

/// Where an improvement action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Open, PlanStatus::InProgress, PlanStatus::Done];

    /// The exchange-format value.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Open => "open",
            PlanStatus::InProgress => "in_progress",
            PlanStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// An improvement action for one service (the management process, X.1060 clause 10).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanItem {
    pub action: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: PlanStatus,
    /// The score the action should bring the service's current score to once done;
    /// `None`: the target (see `model::roadmap`).
    pub expected: Option<Rating>,
}

impl PlanItem {
    /// Nothing written: such an item need not be stored.
    pub fn is_blank(&self) -> bool {
        *self == PlanItem::default()
    }

    /// Past its due date and not done.
    pub fn is_overdue(&self, today: &Date) -> bool {
        self.status != PlanStatus::Done && self.due.as_ref().is_some_and(|due| due < today)
    }
}

/// The improvement plan, by service.
pub type Plan = BTreeMap<ServiceId, PlanItem>;

/// The whole working state at one moment, kept for the evaluation process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Stable for the snapshot's life (see [`SnapshotId`]).
    pub id: SnapshotId,
    pub label: String,
    pub taken: Timestamp,
    pub services: ServiceStates,
    /// The improvement plan as it was (for the roadmap's plan against reality);
    /// `None` in snapshots kept before plans were (or files without one).
    pub plan: Option<Plan>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub catalogue: Catalogue,
    pub name: String,
    pub organisation: String,
    pub created: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub services: ServiceStates,
    pub custom_services: Vec<CustomService>,
    pub snapshots: Vec<Snapshot>,
    /// Improvement actions (management process).
    pub plan: Plan,
    /// The category-level quick check, when one was started. Independent of the
    /// service-level data: scoring services never changes it, and it never makes
    /// service scores.
    pub quick: Option<QuickCheck>,
    /// The workshop round this assessment belongs to (a participant's copy or a
    /// merged result), when it does.
    pub workshop: Option<WorkshopInfo>,
}

impl Assessment {
    /// Longest name or organisation accepted, in characters.
    pub const MAX_NAME_CHARS: usize = 200;
    /// Longest note accepted, in characters.
    pub const MAX_NOTE_CHARS: usize = 10_000;

    /// A new, empty assessment against the latest catalogue.
    pub fn new(name: impl Into<String>, organisation: impl Into<String>, now: Timestamp) -> Self {
        Assessment {
            catalogue: CatalogueDef::latest(),
            name: name.into(),
            organisation: organisation.into(),
            created: Some(now.clone()),
            updated: Some(now),
            services: ServiceStates::new(),
            custom_services: Vec::new(),
            snapshots: Vec::new(),
            plan: Plan::new(),
            quick: None,
            workshop: None,
        }
    }

    /// A new assessment against the latest catalogue holding an empty quick check
    /// started at `now`, and no service-level data.
    pub fn new_quick(name: impl Into<String>, organisation: impl Into<String>, now: Timestamp) -> Self {
        let quick = Some(QuickCheck::new(now.clone()));
        Assessment { quick, ..Assessment::new(name, organisation, now) }
    }

    /// Whether anything was decided at the service level: a service with any
    /// decision (blank entries ignored), a custom service, a snapshot or a plan item
    /// (blank items ignored). The quick check does not count.
    pub fn has_service_data(&self) -> bool {
        self.services.values().any(|s| !s.is_blank())
            || !self.custom_services.is_empty()
            || !self.snapshots.is_empty()
            || self.plan.values().any(|p| !p.is_blank())
    }

    /// The state of a service; blank when nothing is decided yet.
    pub fn service(&self, id: &str) -> ServiceAssessment {
        self.services.get(id).cloned().unwrap_or_default()
    }

    /// Changes one service and drops its entry when nothing is left decided.
    pub fn edit_service(&mut self, id: &ServiceId, edit: impl FnOnce(&mut ServiceAssessment)) {
        let mut state = self.service(id.as_str());
        edit(&mut state);
        if state.is_blank() {
            self.services.remove(id.as_str());
        } else {
            self.services.insert(id.clone(), state);
        }
    }

    /// Changes the plan item of one service and drops it when left blank. A new item
    /// is refused, and nothing changed, when the plan already has [`MAX_ENTRIES`] items.
    pub fn edit_plan(&mut self, id: &ServiceId, edit: impl FnOnce(&mut PlanItem)) -> Result<(), LimitError> {
        let existing = self.plan.get(id.as_str());
        let is_new = existing.is_none();
        let mut item = existing.cloned().unwrap_or_default();
        edit(&mut item);
        if item.is_blank() {
            self.plan.remove(id.as_str());
        } else if is_new && self.plan.len() >= MAX_ENTRIES {
            return Err(LimitError::TooMany { list: Limited::PlanItems, max: MAX_ENTRIES });
        } else {
            self.plan.insert(id.clone(), item);
        }
        Ok(())
    }

    /// Adds a service of the organisation's own to a category (see
    /// [`CatalogueDef::check_custom`] for what is refused).
    pub fn add_custom_service(&mut self, service: CustomService) -> Result<(), CustomServiceError> {
        self.catalogue.check_custom(&self.custom_services, &service.id, &service.category)?;
        self.custom_services.push(service);
        Ok(())
    }

    /// Saves the working state as a snapshot labelled `label` ([`clean_name`]: trimmed
    /// and cut to [`Assessment::MAX_NAME_CHARS`]; the date when nothing visible is
    /// left). Refused, and nothing changed, when there are already [`MAX_ENTRIES`]
    /// snapshots, or when the compact document would grow beyond
    /// [`crate::model::exchange::MAX_BYTES`] (the check writes the document once).
    /// The snapshot gets the next free id of this assessment; the app names it with an
    /// id unique across tabs instead ([`Assessment::take_snapshot_as`]).
    pub fn take_snapshot(&mut self, label: &str, now: Timestamp) -> Result<(), LimitError> {
        self.take_snapshot_as(self.next_snapshot_id(), label, now)
    }

    /// [`Assessment::take_snapshot`] with the snapshot's id given.
    pub fn take_snapshot_as(&mut self, id: SnapshotId, label: &str, now: Timestamp) -> Result<(), LimitError> {
        if self.snapshots.len() >= MAX_ENTRIES {
            return Err(LimitError::TooMany { list: Limited::Snapshots, max: MAX_ENTRIES });
        }
        let label = clean_name(label).unwrap_or_else(|| now.date().to_owned());
        self.snapshots.push(Snapshot {
            id,
            label,
            taken: now,
            services: self.services.clone(),
            plan: Some(self.plan.clone()),
        });
        limits::check_size(self).inspect_err(|_| {
            self.snapshots.pop();
        })
    }

    /// One more than the largest snapshot id (1 when there is none).
    pub fn next_snapshot_id(&self) -> SnapshotId {
        SnapshotId(self.snapshots.iter().map(|s| s.id.0).max().unwrap_or(0).saturating_add(1).min(SnapshotId::MAX))
    }

    /// The snapshot with id `id`.
    pub fn snapshot(&self, id: SnapshotId) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// Snapshots ordered by the time they were taken, oldest first.
    pub fn snapshots_by_date(&self) -> Vec<&Snapshot> {
        let mut list: Vec<&Snapshot> = self.snapshots.iter().collect();
        list.sort_by(|a, b| a.taken.cmp(&b.taken));
        list
    }

    /// Indices of the snapshots, newest first by the time they were taken (the order
    /// of [`Timestamp`]); of two with equal times, the later in the list (added last)
    /// comes first. This is the order of [`Assessment::snapshots_by_date`] reversed.
    pub fn snapshots_newest_first(&self) -> Vec<usize> {
        let mut order: Vec<(&Timestamp, usize)> = self.snapshot_keys().collect();
        order.sort_by(|a, b| b.cmp(a));
        order.into_iter().map(|(_, index)| index).collect()
    }

    /// The index of the newest snapshot (the first of
    /// [`Assessment::snapshots_newest_first`]), `None` when there is none.
    pub fn newest_snapshot(&self) -> Option<usize> {
        self.snapshot_keys().max().map(|(_, index)| index)
    }

    /// Each snapshot's time taken and index: ordering these orders the snapshots by
    /// time, then by their place in the list.
    fn snapshot_keys(&self) -> impl Iterator<Item = (&Timestamp, usize)> + '_ {
        self.snapshots.iter().enumerate().map(|(index, s)| (&s.taken, index))
    }
}
