//! The pure X.1060 domain: catalogue, assessment, scoring, aggregation, time stamps and
//! the exchange format. No browser or UI crate is used here, so all of it is built and
//! tested natively with `cargo test`.

pub mod aggregate;
pub mod assessment;
pub mod catalogue;
pub mod csv;
pub mod evaluation;
pub mod evidence;
pub mod exchange;
pub mod export_log;
pub mod fingerprint;
pub mod ids;
pub mod lang;
pub mod library;
pub mod limits;
pub mod plan;
pub mod quick;
pub mod roadmap;
pub mod room;
pub mod scale;
pub mod share;
pub mod text;
pub mod time;
pub mod workshop;

pub use aggregate::{CategorySummary, Counts, Delta, GapEntry, Mean, Summary};
pub use assessment::{
    Assessment, CustomService, Plan, PlanItem, PlanStatus, ServiceAssessment, ServiceStates, Snapshot,
};
pub use catalogue::{Catalogue, CatalogueDef, ServiceIndex, ServiceRef};
pub use evaluation::{
    CategoryDelta, LevelChange, LevelChangeKind, Movement, MovementCounts, ScoreChange, SnapshotComparison,
    SourcingChange, SourcingChangeKind, TrendPoint,
};
pub use evidence::{EvidenceError, EvidenceItem};
pub use fingerprint::{Fingerprint, Hasher};
pub use ids::{AssessmentId, CategoryId, IdError, ServiceId, SnapshotId};
pub use lang::{Lang, LocalText};
pub use limits::{LimitError, Limited};
pub use quick::{QuickCheck, QuickEstimate};
pub use scale::{Level, Rating, Score, ScoreSide, Scored, Sourcing};
pub use time::{Date, Timestamp};
pub use workshop::WorkshopInfo;
