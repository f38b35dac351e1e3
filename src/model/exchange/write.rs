//! Writing an assessment as an exchange-format document. Field order follows
//! docs/exchange-format.md so files are easy to read and diff; services come in catalogue order.

use std::collections::BTreeMap;

use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;

use super::{FORMAT, VERSION};
use crate::model::{
    Assessment, CatalogueDef, CustomService, EvidenceItem, LocalText, Plan, Rating, Score, ServiceId, ServiceStates,
    Snapshot,
};

#[derive(DeriveSerialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    catalogue: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    organisation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    services: Vec<ServiceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    custom_services: Vec<CustomOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    snapshots: Vec<SnapshotOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    plan: Vec<PlanOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quick: Option<QuickOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workshop: Option<WorkshopOut<'a>>,
}

/// The workshop round, when the assessment belongs to one.
#[derive(DeriveSerialize)]
struct WorkshopOut<'a> {
    round: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    assessor: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    assessors: &'a [String],
}

/// The quick check: written whenever the assessment has one, even with no estimate
/// (`"categories": []`), so an empty quick check reads back as one.
#[derive(DeriveSerialize)]
struct QuickOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    taken: Option<&'a str>,
    categories: Vec<EstimateOut<'a>>,
}

#[derive(DeriveSerialize)]
struct EstimateOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sourcing: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<ScoreOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<ScoreOut>,
}

#[derive(DeriveSerialize)]
struct PlanOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    action: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<&'a str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<u8>,
}

#[derive(DeriveSerialize)]
struct ServiceOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sourcing: Option<&'static str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    provider: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<ScoreOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<ScoreOut>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceOut<'a>>,
}

/// An evidence item of a service.
#[derive(DeriveSerialize)]
struct EvidenceOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    location: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
}

impl<'a> EvidenceOut<'a> {
    fn of(item: &'a EvidenceItem) -> EvidenceOut<'a> {
        EvidenceOut {
            title: &item.title,
            location: &item.location,
            owner: &item.owner,
            reviewed: item.reviewed.as_ref().map(|d| d.as_str()),
            review_by: item.review_by.as_ref().map(|d| d.as_str()),
            sha256: item.sha256.map(|f| f.to_hex()),
        }
    }
}

#[derive(DeriveSerialize)]
struct CustomOut<'a> {
    id: &'a str,
    category: &'a str,
    name: &'a LocalText,
}

#[derive(DeriveSerialize)]
struct SnapshotOut<'a> {
    label: &'a str,
    taken: &'a str,
    services: Vec<ServiceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<Vec<PlanOut<'a>>>,
}

/// A score as the format writes it: a number, or the string `"n/a"`.
struct ScoreOut(Score);

impl Serialize for ScoreOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Score::Rated(r) => serializer.serialize_u8(r.value()),
            Score::NotApplicable => serializer.serialize_str(Score::NOT_APPLICABLE),
        }
    }
}

/// The entries of a map keyed by service in catalogue order (custom services after
/// the built-in ones of their category); any id unknown to both comes last, so
/// nothing is dropped.
pub fn ordered<'a, V>(
    catalogue: &'a CatalogueDef,
    custom: &'a [CustomService],
    states: &'a BTreeMap<ServiceId, V>,
) -> Vec<(&'a str, &'a V)> {
    let mut out: Vec<(&str, &V)> = catalogue
        .all_services(custom)
        .filter_map(|s| states.get_key_value(s.id).map(|(id, st)| (id.as_str(), st)))
        .collect();
    if out.len() < states.len() {
        let index = catalogue.index(custom);
        for (id, st) in states {
            if !index.contains(id.as_str()) {
                out.push((id.as_str(), st));
            }
        }
    }
    out
}

fn services_out<'a>(a: &'a Assessment, states: &'a ServiceStates) -> Vec<ServiceOut<'a>> {
    ordered(a.catalogue, &a.custom_services, states)
        .into_iter()
        .map(|(id, s)| ServiceOut {
            id,
            level: s.level.map(|l| l.as_str()),
            sourcing: s.sourcing.map(|x| x.as_str()),
            provider: &s.provider,
            current: s.current.map(ScoreOut),
            target: s.target.map(ScoreOut),
            note: &s.note,
            evidence: s.evidence.iter().map(EvidenceOut::of).collect(),
        })
        .collect()
}

/// Plan items in catalogue order.
fn plan_out<'a>(a: &'a Assessment, plan: &'a Plan) -> Vec<PlanOut<'a>> {
    ordered(a.catalogue, &a.custom_services, plan)
        .into_iter()
        .map(|(id, p)| PlanOut {
            id,
            action: &p.action,
            owner: &p.owner,
            due: p.due.as_ref().map(|d| d.as_str()),
            status: p.status.as_str(),
            expected: p.expected.map(Rating::value),
        })
        .collect()
}

/// The quick check, estimates in catalogue order, blank ones left out.
fn quick_out(a: &Assessment) -> Option<QuickOut<'_>> {
    let quick = a.quick.as_ref()?;
    let categories = quick
        .ordered(a.catalogue)
        .into_iter()
        .filter(|(_, e)| !e.is_blank())
        .map(|(id, e)| EstimateOut {
            id: id.as_str(),
            sourcing: e.sourcing.map(|x| x.as_str()),
            current: e.current.map(ScoreOut),
            target: e.target.map(ScoreOut),
        })
        .collect();
    Some(QuickOut { taken: quick.taken.as_ref().map(|t| t.as_str()), categories })
}

fn file_out(a: &Assessment) -> FileOut<'_> {
    FileOut { snapshots: snapshots_out(a), ..working_out(a) }
}

/// Everything but the snapshots (the quick check included).
fn working_out(a: &Assessment) -> FileOut<'_> {
    FileOut {
        format: FORMAT,
        version: VERSION,
        catalogue: a.catalogue.id,
        name: &a.name,
        organisation: &a.organisation,
        created: a.created.as_ref().map(|t| t.as_str()),
        updated: a.updated.as_ref().map(|t| t.as_str()),
        services: services_out(a, &a.services),
        custom_services: a
            .custom_services
            .iter()
            .map(|c| CustomOut { id: c.id.as_str(), category: c.category.as_str(), name: &c.name })
            .collect(),
        snapshots: Vec::new(),
        plan: plan_out(a, &a.plan),
        quick: quick_out(a),
        workshop: a.workshop.as_ref().map(|w| WorkshopOut {
            round: &w.round,
            started: w.started.as_ref().map(|t| t.as_str()),
            assessor: &w.assessor,
            assessors: &w.assessors,
        }),
    }
}

fn snapshot_out<'a>(a: &'a Assessment, s: &'a Snapshot) -> SnapshotOut<'a> {
    SnapshotOut {
        label: &s.label,
        taken: s.taken.as_str(),
        services: services_out(a, &s.services),
        plan: s.plan.as_ref().map(|plan| plan_out(a, plan)),
    }
}

fn snapshots_out(a: &Assessment) -> Vec<SnapshotOut<'_>> {
    a.snapshots.iter().map(|s| snapshot_out(a, s)).collect()
}

/// How a document is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Indented, for files people save and read.
    Pretty,
    /// One line, for localStorage.
    Compact,
}

/// The assessment as a format-v1 document.
pub fn write(a: &Assessment, layout: Layout) -> String {
    let out = file_out(a);
    // Serialising plain structs of strings and numbers into a String cannot fail.
    let result = match layout {
        Layout::Pretty => serde_json::to_string_pretty(&out),
        Layout::Compact => serde_json::to_string(&out),
    };
    result.unwrap_or_default()
}

/// The working state of an assessment (everything but its snapshots), compact. The
/// browser storage keeps each snapshot under a key of its own, so an edit rewrites
/// only this part; [`join_parts`] puts a document back together.
pub fn write_working(a: &Assessment) -> String {
    serde_json::to_string(&working_out(a)).unwrap_or_default()
}

/// One snapshot of `a`, compact, as an entry of a document's `snapshots` list.
pub fn write_snapshot(a: &Assessment, s: &Snapshot) -> String {
    serde_json::to_string(&snapshot_out(a, s)).unwrap_or_default()
}

/// A whole document from a working state written by [`write_working`] and snapshots
/// written by [`write_snapshot`], for the reader to check as any other document.
/// Text that is not of that shape gives a document the reader refuses.
pub fn join_parts(working: &str, snapshots: &[String]) -> String {
    let body = working.trim_end().strip_suffix('}').unwrap_or(working);
    if snapshots.is_empty() {
        return format!("{body}}}");
    }
    let mut out = String::with_capacity(body.len() + snapshots.iter().map(|s| s.len() + 1).sum::<usize>() + 16);
    out.push_str(body);
    out.push_str(",\"snapshots\":[");
    for (i, s) in snapshots.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(s);
    }
    out.push_str("]}");
    out
}
