//! Entries of the later phases: the snapshots kept for evaluation, and the
//! improvement plan.

use serde_json::{Map, Value};

use super::fields::{join, show, Need, Reader};
use super::services::entry_path;
use super::PLAN_ACTION_CHARS;
use crate::model::exchange::error::ProblemKind;
use crate::model::{Assessment, Date, Plan, PlanItem, PlanStatus, Rating, ServiceId, Snapshot, SnapshotId};

impl Reader {
    /// `snapshots`: each with a label, the time taken and its service states; numbered
    /// 1, 2, ... in file order (their [`SnapshotId`]s).
    pub(super) fn snapshots(&mut self, value: Option<&Value>) -> Vec<Snapshot> {
        let mut snapshots = Vec::new();
        let Some(items) = self.array(value, "snapshots", false) else { return snapshots };
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("snapshots[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let label = self.text(obj, "label", &prefix, None, Need::NonEmpty, Assessment::MAX_NAME_CHARS);
            let taken = self.timestamp(obj, "taken", &prefix, true);
            let services = self.services(obj.get("services"), &join(&prefix, "services"), true);
            let plan = match obj.get("plan") {
                None | Some(Value::Null) => None,
                value => Some(self.plan(value, &join(&prefix, "plan"))),
            };
            if let (Some(label), Some(taken)) = (label, taken) {
                let id = SnapshotId(snapshots.len() as u64 + 1);
                snapshots.push(Snapshot { id, label, taken, services, plan });
            }
        }
        snapshots
    }

    /// An improvement plan (the assessment's, `path` "plan", or a snapshot's): one
    /// item per known service, at most once each.
    pub(super) fn plan(&mut self, value: Option<&Value>, path: &str) -> Plan {
        let mut plan = Plan::new();
        let Some(items) = self.array(value, path, false) else { return plan };
        self.start_list();
        let mut prefix = String::new();
        for (i, item) in items.iter().enumerate() {
            entry_path(&mut prefix, path, i);
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.known_unique_id(obj, path, i, &prefix);
            let item = self.plan_item(obj, &prefix, id.as_ref().map(ServiceId::as_str));
            if let Some(id) = id {
                if !item.is_blank() {
                    plan.insert(id, item);
                }
            }
        }
        plan
    }

    /// The fields of one plan entry: action, owner, due date, status and the score
    /// expected once done.
    fn plan_item(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> PlanItem {
        let action = self.text(obj, "action", prefix, sid, Need::Optional, PLAN_ACTION_CHARS);
        let owner = self.text(obj, "owner", prefix, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
        let due = match obj.get("due") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let date = v.as_str().and_then(Date::parse);
                if date.is_none() {
                    self.problem(join(prefix, "due"), sid, ProblemKind::BadDate { found: show(v) });
                }
                date
            }
        };
        let status = match obj.get("status") {
            None | Some(Value::Null) => PlanStatus::Open,
            Some(v) => v.as_str().and_then(PlanStatus::parse).unwrap_or_else(|| {
                self.problem(join(prefix, "status"), sid, ProblemKind::BadPlanStatus { found: show(v) });
                PlanStatus::Open
            }),
        };
        let expected = match obj.get("expected") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let rating = v.as_i64().and_then(Rating::new);
                if rating.is_none() {
                    self.problem(join(prefix, "expected"), sid, ProblemKind::BadExpected { found: show(v) });
                }
                rating
            }
        };
        PlanItem { action: action.unwrap_or_default(), owner: owner.unwrap_or_default(), due, status, expected }
    }
}
