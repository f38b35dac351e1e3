//! The rules of a workshop comparison for one service (docs/exchange-format.md,
//! “Workshop rounds”): when assessors disagree, and what the merge proposes.
//!
//! Only the assessors who set a field count for it: one who left a score open
//! neither pulls the median nor makes a disagreement.

use std::collections::BTreeMap;

use crate::model::{Level, Rating, Score, ServiceAssessment, Sourcing};

/// Where the assessors of one service disagree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Disagreement {
    /// Two or more different levels among those who set one.
    pub level: bool,
    /// Both sourcings among those who set one.
    pub sourcing: bool,
    /// The integer current scores span 2 or more (max - min >= 2).
    pub current: bool,
    /// Likewise the target scores.
    pub target: bool,
}

impl Disagreement {
    pub fn any(self) -> bool {
        self.level || self.sourcing || self.current || self.target
    }
}

/// The merge proposal for one service.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    /// The level most assessors chose; `None` when nobody set one or on a tie.
    pub level: Option<Level>,
    /// The most chosen levels tie: left for the facilitator to decide.
    pub level_tie: bool,
    pub sourcing: Option<Sourcing>,
    pub sourcing_tie: bool,
    /// The provider named most often (ties: the first named, in pick order).
    pub provider: String,
    /// The median of the integer scores (the lower middle one on an even count), or
    /// n/a when more than half of those who set the score chose n/a.
    pub current: Option<Score>,
    pub target: Option<Score>,
}

impl Proposal {
    /// The proposal as a service state (no note).
    pub fn state(&self) -> ServiceAssessment {
        ServiceAssessment {
            level: self.level,
            sourcing: self.sourcing,
            provider: self.provider.clone(),
            current: self.current,
            target: self.target,
            note: String::new(),
            evidence: Vec::new(),
        }
    }

    /// A tie left for the facilitator to decide.
    pub fn undecided(&self) -> bool {
        self.level_tie || self.sourcing_tie
    }
}

/// The lower middle of `values` (the median for an odd count; for an even count the
/// smaller of the two middle values: conservative). `None` for no values.
pub fn median_low(values: &[u8]) -> Option<u8> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let len = sorted.len();
    (len > 0).then(|| sorted[(len - 1) / 2])
}

/// What most of those who chose a value chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Majority<T> {
    Nobody,
    Chosen(T),
    Tie,
}

/// The value chosen most often among `values` (unset ones not counted); a tie
/// between the most chosen values is [`Majority::Tie`].
fn plurality<T: Ord + Copy>(values: impl Iterator<Item = Option<T>>) -> Majority<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values.flatten() {
        *counts.entry(v).or_default() += 1;
    }
    let Some(top) = counts.values().copied().max() else { return Majority::Nobody };
    let mut most = counts.into_iter().filter(|(_, n)| *n == top);
    match (most.next(), most.next()) {
        (Some((v, _)), None) => Majority::Chosen(v),
        _ => Majority::Tie,
    }
}

/// The integer ratings among `scores`.
fn ratings(scores: &[Option<Score>]) -> Vec<u8> {
    scores.iter().filter_map(|s| s.and_then(Score::rating)).map(Rating::value).collect()
}

/// The proposed score: n/a when more than half of those who set the score chose
/// it, otherwise the lower median of the ratings; `None` when nobody set it.
pub fn proposed_score(scores: &[Option<Score>]) -> Option<Score> {
    let set = scores.iter().flatten().count();
    let not_applicable = scores.iter().flatten().filter(|s| **s == Score::NotApplicable).count();
    if not_applicable * 2 > set {
        return Some(Score::NotApplicable);
    }
    median_low(&ratings(scores)).and_then(|v| Rating::new(i64::from(v))).map(Score::Rated)
}

/// Whether the ratings among `scores` span 2 or more.
fn spread_wide(scores: &[Option<Score>]) -> bool {
    let r = ratings(scores);
    match (r.iter().min(), r.iter().max()) {
        (Some(min), Some(max)) => max - min >= 2,
        _ => false,
    }
}

/// Whether those who set a value chose more than one.
fn differ<T: PartialEq + Copy>(values: impl Iterator<Item = Option<T>>) -> bool {
    let mut set = values.flatten();
    match set.next() {
        Some(first) => set.any(|v| v != first),
        None => false,
    }
}

/// The provider named most often; ties go to the first named.
fn provider(states: &[&ServiceAssessment]) -> String {
    let named: Vec<&str> = states.iter().map(|s| s.provider.trim()).filter(|p| !p.is_empty()).collect();
    let count = |p: &str| named.iter().filter(|q| **q == p).count();
    let mut best: Option<(&str, usize)> = None;
    for p in &named {
        let n = count(p);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((p, n));
        }
    }
    best.map(|(p, _)| p.to_owned()).unwrap_or_default()
}

/// The disagreements and the proposal for one service, from each assessor's state
/// (a blank state for an assessor who set nothing).
pub fn judge(states: &[&ServiceAssessment]) -> (Disagreement, Proposal) {
    let levels = || states.iter().map(|s| s.level);
    let sourcings = || states.iter().map(|s| s.sourcing);
    let current: Vec<Option<Score>> = states.iter().map(|s| s.current).collect();
    let target: Vec<Option<Score>> = states.iter().map(|s| s.target).collect();
    let disagreement = Disagreement {
        level: differ(levels()),
        sourcing: differ(sourcings()),
        current: spread_wide(&current),
        target: spread_wide(&target),
    };
    let (level, level_tie) = decided(plurality(levels()));
    let (sourcing, sourcing_tie) = decided(plurality(sourcings()));
    let proposal = Proposal {
        level,
        level_tie,
        sourcing,
        sourcing_tie,
        provider: provider(states),
        current: proposed_score(&current),
        target: proposed_score(&target),
    };
    (disagreement, proposal)
}

/// A majority as a proposed value and whether it was a tie.
fn decided<T>(m: Majority<T>) -> (Option<T>, bool) {
    match m {
        Majority::Nobody => (None, false),
        Majority::Chosen(v) => (Some(v), false),
        Majority::Tie => (None, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: u8) -> Option<Score> {
        Some(Score::Rated(Rating::new(i64::from(v)).expect("a rating 1 to 5")))
    }
    const NA: Option<Score> = Some(Score::NotApplicable);

    fn state(level: Option<Level>, sourcing: Option<Sourcing>, current: Option<Score>) -> ServiceAssessment {
        ServiceAssessment { level, sourcing, current, ..Default::default() }
    }

    #[test]
    fn median_takes_the_lower_middle_on_even_counts() {
        assert_eq!(median_low(&[]), None);
        assert_eq!(median_low(&[4]), Some(4));
        assert_eq!(median_low(&[5, 1, 3]), Some(3));
        // 2 and 4 in the middle: the lower one.
        assert_eq!(median_low(&[4, 2]), Some(2));
        assert_eq!(median_low(&[1, 5, 2, 4]), Some(2));
        assert_eq!(median_low(&[3, 3, 5, 5]), Some(3));
    }

    #[test]
    fn scores_unset_do_not_count_and_na_needs_more_than_half() {
        assert_eq!(proposed_score(&[None, None]), None);
        assert_eq!(proposed_score(&[r(2), None, r(4)]), r(2));
        // One n/a of three: the median of the ratings 2 and 5 (lower middle).
        assert_eq!(proposed_score(&[NA, r(2), r(5)]), r(2));
        // Two n/a of three set (the unset one does not count): n/a.
        assert_eq!(proposed_score(&[NA, NA, r(5), None]), NA);
        // Exactly half is not most: the ratings decide.
        assert_eq!(proposed_score(&[NA, NA, r(3), r(4)]), r(3));
        assert_eq!(proposed_score(&[NA]), NA);
    }

    #[test]
    fn disagreements_follow_the_rule() {
        let basic = Some(Level::Basic);
        let standard = Some(Level::Standard);
        let a = state(basic, Some(Sourcing::Insource), r(2));
        let b = state(basic, None, r(3));
        let c = state(None, Some(Sourcing::Insource), NA);
        let (d, _) = judge(&[&a, &b, &c]);
        // Unset fields and n/a do not disagree; a span of 1 is not a disagreement.
        assert_eq!(d, Disagreement::default());
        assert!(!d.any());
        let e = state(standard, Some(Sourcing::Outsource), r(4));
        let (d, _) = judge(&[&a, &b, &e]);
        assert_eq!(d, Disagreement { level: true, sourcing: true, current: true, target: false });
    }

    #[test]
    fn level_and_sourcing_by_majority_ties_left_open() {
        let basic = Some(Level::Basic);
        let adv = Some(Level::Advanced);
        let a = state(basic, Some(Sourcing::Insource), None);
        let b = state(adv, Some(Sourcing::Outsource), None);
        let c = state(basic, None, None);
        let (_, p) = judge(&[&a, &b, &c]);
        assert_eq!((p.level, p.level_tie), (basic, false));
        // One insource, one outsource, one unset: a tie.
        assert_eq!((p.sourcing, p.sourcing_tie), (None, true));
        assert!(p.undecided());
        let (_, p) = judge(&[&a, &b]);
        assert_eq!((p.level, p.level_tie), (None, true));
        let blank = ServiceAssessment::default();
        let (_, p) = judge(&[&blank, &blank]);
        assert_eq!((p.level, p.level_tie, p.sourcing, p.sourcing_tie), (None, false, None, false));
    }

    #[test]
    fn provider_most_named_then_first() {
        let with = |p: &str| ServiceAssessment { provider: p.into(), ..Default::default() };
        let (a, b, c) = (with("Acme"), with(" MSS "), with("MSS"));
        assert_eq!(provider(&[&a, &b, &c]), "MSS");
        assert_eq!(provider(&[&a, &b]), "Acme");
        assert_eq!(provider(&[&with(""), &with("  ")]), "");
    }
}
