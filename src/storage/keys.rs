//! The keys of the storage layouts. Every key starts with `x1060.`; a layout's keys
//! with `x1060.v<N>.`, so layouts sit side by side and an older release, which reads
//! only its own layout's keys, never sees (or touches) a newer one's.

use crate::model::{AssessmentId, SnapshotId};

/// Layout 2 (this release).
pub const V2: &str = "x1060.v2.";
/// The listings of the assessments, in the user's order.
pub const INDEX: &str = "x1060.v2.index";
pub const ACTIVE: &str = "x1060.v2.active";
pub const PREF: &str = "x1060.v2.pref.";
/// The working state of an assessment, with its revision and its snapshots' keys.
pub const WORK: &str = "x1060.v2.work.";
/// One snapshot: `x1060.v2.snap.<id>.<n>`, `n` its [`SnapshotId`] in decimal. Ids
/// may hold `.`, so a key is read from its end ([`snapshot_of_key`]).
pub const SNAP: &str = "x1060.v2.snap.";
pub const TRASH: &str = "x1060.v2.trash.";

/// Layout 1 (releases before storage layout 2), read once to move its data over.
pub mod v1 {
    pub const PREFIX: &str = "x1060.v1.";
    pub const INDEX: &str = "x1060.v1.index";
    pub const ACTIVE: &str = "x1060.v1.active";
    pub const ASSESSMENT: &str = "x1060.v1.assessment.";
    pub const PREF: &str = "x1060.v1.pref.";
    pub const TRASH: &str = "x1060.v1.trash.";
}

pub fn work(id: &AssessmentId) -> String {
    format!("{WORK}{id}")
}

pub fn snapshot(id: &AssessmentId, n: SnapshotId) -> String {
    format!("{SNAP}{id}.{n}")
}

/// The assessment and the snapshot a snapshot key names. Read from the end, so the
/// keys of an assessment `a` are never taken for those of `a.b` (a prefix would).
pub fn snapshot_of_key(key: &str) -> Option<(AssessmentId, SnapshotId)> {
    let (id, n) = key.strip_prefix(SNAP)?.rsplit_once('.')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((AssessmentId::parse(id).ok()?, SnapshotId(n.parse().ok()?)))
}

pub fn trash(id: &AssessmentId) -> String {
    format!("{TRASH}{id}")
}

pub fn pref(name: &str) -> String {
    format!("{PREF}{name}")
}

pub fn v1_assessment(id: &AssessmentId) -> String {
    format!("{}{id}", v1::ASSESSMENT)
}

/// The id in a key that starts with `prefix`, if it is one.
pub fn id_after(key: &str, prefix: &str) -> Option<AssessmentId> {
    key.strip_prefix(prefix).and_then(|s| AssessmentId::parse(s).ok())
}
