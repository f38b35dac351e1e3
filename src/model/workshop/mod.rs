//! Workshops: several assessors score the same CDC blind, each on their own device,
//! and a facilitator compares their files and merges them into one agreed result
//! (docs/exchange-format.md, “Workshop rounds”).
//!
//! - [`WorkshopInfo`] is what an assessment says about the round it belongs to.
//! - [`template`] makes the file sent to participants: the catalogue and profile
//!   kept, the scores cleared.
//! - [`compare`] puts two or more assessments side by side: spreads per category,
//!   who said what per service, the disagreements, and a proposal per service.
//! - [`own`] matches the participants' own services by what they are, not only by id.
//! - [`merge`] turns the proposals (as the facilitator changed them) into a new
//!   assessment; the compared ones are never changed.
//! - [`saved`] is the facilitator's work (picks, decisions, rationales) as kept in
//!   the browser between visits.

pub mod compare;
pub mod csv;
pub mod merge;
pub mod own;
#[cfg(test)]
mod own_tests;
pub mod propose;
pub mod saved;
#[cfg(test)]
mod tests;

pub use compare::{compare, compare_with, AssessorComparison, CategorySpread, Participant, ServiceRow, Unmatched};
pub use csv::comparison_csv;
pub use merge::{merge, merged_states, Chosen, Decisions, MergeRequest};
pub use own::{Clash, ClashKey, Renamed};
pub use propose::{median_low, Disagreement, Proposal};
pub use saved::{SavedError, SavedWorkshop};

use super::{Assessment, Timestamp};

/// Which workshop round an assessment belongs to, and whose it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkshopInfo {
    /// The round's name, as the facilitator gave it.
    pub round: String,
    /// When the round was started (the template was made); tells two rounds of the
    /// same name apart.
    pub started: Option<Timestamp>,
    /// The participant who scored this copy; empty in a template not yet claimed.
    pub assessor: String,
    /// In a merged result: the assessors whose copies were merged, in pick order.
    pub assessors: Vec<String>,
}

impl WorkshopInfo {
    /// Whether two assessments are copies of the same round (same name, same start).
    pub fn same_round(&self, other: &WorkshopInfo) -> bool {
        self.round == other.round && self.started == other.started
    }

    /// A merged result (it names the assessors merged).
    pub fn is_merge(&self) -> bool {
        !self.assessors.is_empty()
    }
}

/// The template of a new round made from `source`: catalogue, levels, sourcing,
/// providers, evidence (no one's answer) and custom services kept; scores, notes, the plan and the quick check
/// cleared, so nobody sees another's answers; snapshots kept, so the next merged
/// result can be compared with earlier rounds. Named after the round.
pub fn template(source: &Assessment, round: &str, now: Timestamp) -> Assessment {
    let mut services = source.services.clone();
    for state in services.values_mut() {
        state.current = None;
        state.target = None;
        state.note.clear();
    }
    services.retain(|_, s| !s.is_blank());
    Assessment {
        name: round.to_owned(),
        created: Some(now.clone()),
        updated: Some(now.clone()),
        services,
        plan: Default::default(),
        quick: None,
        workshop: Some(WorkshopInfo { round: round.to_owned(), started: Some(now), ..WorkshopInfo::default() }),
        ..source.clone()
    }
}

/// How an incoming file relates to the assessments already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intake {
    /// Nothing like it is stored.
    New,
    /// The same content (times aside) is stored at this position: not added again.
    Identical(usize),
    /// The same assessor's copy of the same round is stored at this position, with
    /// other content: the user chooses to replace it or keep both.
    SameAssessor(usize),
}

/// How `incoming` relates to `stored`: the same content (creation and update times
/// aside) first, then the same round and assessor (names compared trimmed and
/// without regard to case).
pub fn intake(stored: &[&Assessment], incoming: &Assessment) -> Intake {
    let timeless = |a: &Assessment| Assessment { created: None, updated: None, ..a.clone() };
    let bare = timeless(incoming);
    if let Some(i) = stored.iter().position(|a| timeless(a) == bare) {
        return Intake::Identical(i);
    }
    let who = |a: &Assessment| {
        a.workshop
            .as_ref()
            .filter(|w| !w.assessor.trim().is_empty())
            .map(|w| (w.clone(), w.assessor.trim().to_lowercase()))
    };
    let Some((info, name)) = who(incoming) else { return Intake::New };
    stored
        .iter()
        .position(|a| who(a).is_some_and(|(w, n)| n == name && w.same_round(&info)))
        .map_or(Intake::New, Intake::SameAssessor)
}

/// The name a participant's copy gets once they enter theirs: "round — assessor".
pub fn participant_name(round: &str, assessor: &str) -> String {
    format!("{round} — {assessor}")
}

#[cfg(test)]
mod template_tests {
    use super::*;
    use crate::model::{Level, Rating, Score, ServiceAssessment, ServiceId, Sourcing};

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).expect("a valid time")
    }

    #[test]
    fn template_keeps_the_profile_and_clears_the_scores() {
        let mut a = Assessment::new("SOC FY26", "Example", ts("2026-01-01T00:00:00Z"));
        a.services.insert(
            ServiceId::parse("A-1").expect("a valid service id"),
            ServiceAssessment {
                level: Some(Level::Basic),
                sourcing: Some(Sourcing::Outsource),
                provider: "MSS".into(),
                current: Some(Score::Rated(Rating::new(3).expect("a rating 1 to 5"))),
                target: Some(Score::NotApplicable),
                note: "secret view".into(),
                evidence: Vec::new(),
            },
        );
        // Only scored: nothing left after clearing, so the entry goes.
        a.services.insert(
            ServiceId::parse("A-2").expect("a valid service id"),
            ServiceAssessment {
                current: Some(Score::Rated(Rating::new(2).expect("a rating 1 to 5"))),
                ..Default::default()
            },
        );
        a.take_snapshot("FY25", ts("2026-01-02T00:00:00Z")).expect("room for a snapshot");
        let t = template(&a, "Round 1", ts("2026-02-01T00:00:00Z"));
        assert_eq!(t.name, "Round 1");
        assert_eq!(t.organisation, "Example");
        let s = &t.services["A-1"];
        assert_eq!((s.level, s.sourcing, s.provider.as_str()), (Some(Level::Basic), Some(Sourcing::Outsource), "MSS"));
        assert_eq!((s.current, s.target, s.note.as_str()), (None, None, ""));
        assert!(!t.services.contains_key("A-2"));
        assert_eq!(t.snapshots.len(), 1);
        let info = t.workshop.expect("a workshop field");
        assert_eq!(info.round, "Round 1");
        assert_eq!(info.started, Some(ts("2026-02-01T00:00:00Z")));
        assert!(info.assessor.is_empty() && !info.is_merge());
    }

    #[test]
    fn intake_tells_identical_and_same_assessor_apart() {
        let mut ann = template(&Assessment::new("x", "", ts("2026-01-01T00:00:00Z")), "R", ts("2026-01-02T00:00:00Z"));
        ann.workshop.as_mut().expect("a workshop copy").assessor = "Ann".into();
        let mut bo = ann.clone();
        bo.workshop.as_mut().expect("a workshop copy").assessor = "Bo".into();
        let stored = [&bo, &ann];
        // The same file again, saved later: identical.
        let again = Assessment { updated: Some(ts("2026-05-01T00:00:00Z")), ..ann.clone() };
        assert_eq!(intake(&stored, &again), Intake::Identical(1));
        // Ann's copy with a change, her name typed differently: the same assessor.
        let mut changed = ann.clone();
        changed.organisation = "changed".into();
        changed.workshop.as_mut().expect("a workshop copy").assessor = " ANN ".into();
        assert_eq!(intake(&stored, &changed), Intake::SameAssessor(1));
        // Another round: new.
        changed.workshop.as_mut().expect("a workshop copy").started = None;
        assert_eq!(intake(&stored, &changed), Intake::New);
        // No assessor: only identical content counts.
        let mut plain = Assessment::new("plain", "", ts("2026-01-01T00:00:00Z"));
        assert_eq!(intake(&stored, &plain), Intake::New);
        plain.name = "x".into();
        assert_eq!(intake(&[&plain], &Assessment { updated: None, ..plain.clone() }), Intake::Identical(0));
    }

    #[test]
    fn same_round_needs_name_and_start() {
        let a = WorkshopInfo { round: "R".into(), started: Some(ts("2026-01-01T00:00:00Z")), ..Default::default() };
        let b = WorkshopInfo { assessor: "Bo".into(), ..a.clone() };
        let c = WorkshopInfo { started: Some(ts("2026-01-02T00:00:00Z")), ..a.clone() };
        assert!(a.same_round(&b));
        assert!(!a.same_round(&c));
    }
}
