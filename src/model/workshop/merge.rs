//! The merged result of a workshop: a new assessment made from the proposals, as the
//! facilitator changed them, with each rationale kept in the service's note.

use std::collections::BTreeMap;

use super::compare::{remapped, AssessorComparison, ServiceRow};
use super::WorkshopInfo;
use crate::model::evidence;
use crate::model::{
    Assessment, Level, LimitError, Score, ServiceAssessment, ServiceId, ServiceStates, Snapshot, Sourcing, Timestamp,
};

/// The fields of one service the facilitator set, each instead of the proposal's:
/// `Some(value)` where they chose (`Some(None)`: chose to leave it unset), `None`
/// where the proposal stands. A field chosen stays chosen when the proposal changes
/// (another copy picked); the others follow the proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chosen {
    pub level: Option<Option<Level>>,
    pub sourcing: Option<Option<Sourcing>>,
    pub current: Option<Option<Score>>,
    pub target: Option<Option<Score>>,
}

impl Chosen {
    /// `state` with the chosen fields set.
    pub fn apply(&self, mut state: ServiceAssessment) -> ServiceAssessment {
        if let Some(v) = self.level {
            state.level = v;
        }
        if let Some(v) = self.sourcing {
            state.sourcing = v;
        }
        if let Some(v) = self.current {
            state.current = v;
        }
        if let Some(v) = self.target {
            state.target = v;
        }
        state
    }

    /// Nothing chosen.
    pub fn is_empty(&self) -> bool {
        self == &Chosen::default()
    }
}

/// What the facilitator decided over the proposals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// The fields the facilitator set, per service (by the id it is compared as).
    pub values: BTreeMap<ServiceId, Chosen>,
    /// Why, per service; kept at the head of the merged note.
    pub rationale: BTreeMap<ServiceId, String>,
}

impl Decisions {
    /// The merged state of a service (no note): the proposal with the chosen fields.
    pub fn state(&self, row: &ServiceRow) -> ServiceAssessment {
        let proposal = row.proposal.state();
        match self.values.get(row.id.as_str()) {
            Some(chosen) => chosen.apply(proposal),
            None => proposal,
        }
    }
}

/// The merged state of every compared service (notes aside): the facilitator's
/// value where there is one, else the proposal. What the merged dashboard will show.
pub fn merged_states(comparison: &AssessorComparison, decisions: &Decisions) -> ServiceStates {
    let mut states = ServiceStates::new();
    for row in &comparison.rows {
        let state = decisions.state(row);
        if !state.is_blank() {
            states.insert(row.id.clone(), state);
        }
    }
    states
}

/// Everything a merge needs besides the comparison.
pub struct MergeRequest<'a> {
    /// The compared assessments, in pick order (as given to `compare`).
    pub picked: &'a [&'a Assessment],
    pub name: &'a str,
    /// The round, when the first compared assessment belongs to one.
    pub round: &'a str,
    /// Take a snapshot of the merged state at once, labelled with the round.
    pub snapshot: bool,
    pub now: Timestamp,
}

/// The note of a merged service: the rationale, then each assessor's note.
fn merged_note(rationale: Option<&String>, labels: &[String], states: &[ServiceAssessment]) -> String {
    let mut parts: Vec<String> =
        rationale.map(|r| r.trim()).filter(|r| !r.is_empty()).map(str::to_owned).into_iter().collect();
    for (label, state) in labels.iter().zip(states) {
        let note = state.note.trim();
        if !note.is_empty() {
            parts.push(format!("{label}: {note}"));
        }
    }
    let note = parts.join("\n\n");
    match note.char_indices().nth(Assessment::MAX_NOTE_CHARS) {
        // Cut with an ellipsis: the assessors' own files keep their notes whole.
        Some(_) => {
            let cut: String = note.chars().take(Assessment::MAX_NOTE_CHARS - 1).collect();
            format!("{cut}…")
        }
        None => note,
    }
}

/// The merged assessment: one service state per compared service (the decision or
/// the proposal), notes with the rationale and the assessors' notes, every assessor's
/// evidence items, each once ([`evidence::merged`], in pick order), the custom
/// services and snapshots of all compared assessments (each snapshot once), and,
/// when asked, a snapshot of the merged state. The compared assessments are not
/// touched. Refused when the result would break a limit.
pub fn merge(
    comparison: &AssessorComparison,
    decisions: &Decisions,
    request: &MergeRequest,
) -> Result<Assessment, LimitError> {
    let compared: Vec<&Assessment> = comparison.picked.iter().filter_map(|&i| request.picked.get(i).copied()).collect();
    let first = compared.first().copied();
    let mut merged =
        Assessment::new(request.name, first.map(|a| a.organisation.clone()).unwrap_or_default(), request.now.clone());
    merged.catalogue = comparison.catalogue;
    merged.custom_services = comparison.custom.clone();
    let mut states = merged_states(comparison, decisions);
    for row in &comparison.rows {
        let note = merged_note(decisions.rationale.get(row.id.as_str()), &comparison.labels, &row.states);
        if !note.is_empty() {
            states.entry(row.id.clone()).or_default().note = note;
        }
        let evidence = evidence::merged(row.states.iter().map(|s| s.evidence.as_slice()));
        if !evidence.is_empty() {
            states.entry(row.id.clone()).or_default().evidence = evidence;
        }
    }
    merged.services = states;
    // Each compared assessment's snapshots with its own services as compared.
    let snapshots: Vec<Vec<Snapshot>> = compared
        .iter()
        .zip(&comparison.id_maps)
        .map(|(a, map)| {
            a.snapshots
                .iter()
                .map(|s| Snapshot {
                    services: remapped(&s.services, map),
                    plan: s.plan.as_ref().map(|plan| remapped(plan, map)),
                    ..s.clone()
                })
                .collect()
        })
        .collect();
    merged.snapshots = distinct_snapshots(&snapshots);
    merged.workshop = Some(WorkshopInfo {
        round: request.round.to_owned(),
        started: first.and_then(|a| a.workshop.as_ref()).and_then(|w| w.started.clone()),
        assessor: String::new(),
        assessors: comparison.labels.clone(),
    });
    if request.snapshot {
        let label = if request.round.is_empty() { request.name } else { request.round };
        merged.take_snapshot(label, request.now.clone())?;
    }
    merged.check_limits()?;
    Ok(merged)
}

/// The snapshots of all `compared`, each (same time, label and services) once,
/// oldest first. Snapshots are grouped by time and label first, so only those that
/// share both are compared whole.
fn distinct_snapshots(compared: &[Vec<Snapshot>]) -> Vec<Snapshot> {
    let mut by_key: BTreeMap<(i64, &str), Vec<&Snapshot>> = BTreeMap::new();
    for snapshot in compared.iter().flatten() {
        let same = by_key.entry((snapshot.taken.unix_millis(), snapshot.label.as_str())).or_default();
        if !same.contains(&snapshot) {
            same.push(snapshot);
        }
    }
    by_key.into_values().flatten().cloned().collect()
}
