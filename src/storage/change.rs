//! A change to a stored assessment: every step that writes an assessment is made of
//! these, so one write path ([`super::Repository::commit`]) stores them all, and the
//! same change can be applied again to a newer state that another tab wrote.

use std::fmt;
use std::rc::Rc;

use crate::model::{Assessment, Snapshot, SnapshotId};

/// One change to an assessment. Each only sets what it means to set, so applying it
/// again (to a state that already holds it, or to another tab's newer state) does
/// what it did the first time: edits set fields, and snapshots are named by their
/// stable id, never by their place in a list another tab may have changed.
#[derive(Clone)]
pub enum Change {
    /// An edit of the working state (services, names, plan, quick check, ...).
    Edit(Rc<dyn Fn(&mut Assessment)>),
    /// A new snapshot, at `position` among the snapshots (else last). Nothing when a
    /// snapshot with its id is already there.
    AddSnapshot { snapshot: Snapshot, position: Option<usize> },
    /// A snapshot's new label. Nothing when the snapshot is gone.
    RelabelSnapshot { id: SnapshotId, label: String },
    /// Removes a snapshot. Nothing when it is gone already.
    DeleteSnapshot { id: SnapshotId },
}

impl Change {
    /// An edit of the working state.
    pub fn edit(f: impl Fn(&mut Assessment) + 'static) -> Change {
        Change::Edit(Rc::new(f))
    }

    /// Applies the change to `a`.
    pub fn apply(&self, a: &mut Assessment) {
        match self {
            Change::Edit(f) => f(a),
            Change::AddSnapshot { snapshot, position } => {
                if a.snapshot(snapshot.id).is_none() {
                    let at = position.unwrap_or(a.snapshots.len()).min(a.snapshots.len());
                    a.snapshots.insert(at, snapshot.clone());
                }
            }
            Change::RelabelSnapshot { id, label } => {
                if let Some(s) = a.snapshots.iter_mut().find(|s| s.id == *id) {
                    label.clone_into(&mut s.label);
                }
            }
            Change::DeleteSnapshot { id } => a.snapshots.retain(|s| s.id != *id),
        }
    }

    /// The snapshot whose stored entry this change writes or removes.
    pub(super) fn snapshot_written(&self) -> Option<SnapshotId> {
        match self {
            Change::Edit(_) => None,
            Change::AddSnapshot { snapshot, .. } => Some(snapshot.id),
            Change::RelabelSnapshot { id, .. } | Change::DeleteSnapshot { id } => Some(*id),
        }
    }
}

impl fmt::Debug for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Edit(_) => f.write_str("Edit"),
            Change::AddSnapshot { snapshot, position } => {
                write!(f, "AddSnapshot({}, {:?}, at {position:?})", snapshot.id, snapshot.label)
            }
            Change::RelabelSnapshot { id, label } => write!(f, "RelabelSnapshot({id}, {label:?})"),
            Change::DeleteSnapshot { id } => write!(f, "DeleteSnapshot({id})"),
        }
    }
}
