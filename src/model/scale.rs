//! The scales an assessment uses: recommendation level, sourcing, and scores.

use std::fmt;

/// Recommendation level of a service in the service catalogue (X.1060 clause 9.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    NotRequired,
    Basic,
    Standard,
    Advanced,
    Optional,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::NotRequired, Level::Basic, Level::Standard, Level::Advanced, Level::Optional];

    /// The exchange-format value (`"not_required"`, `"basic"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::NotRequired => "not_required",
            Level::Basic => "basic",
            Level::Standard => "standard",
            Level::Advanced => "advanced",
            Level::Optional => "optional",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// A level puts its service in scope unless it is "not required".
    pub fn in_scope(self) -> bool {
        self != Level::NotRequired
    }

    /// Priority used to break ties when ranking gaps: basic services come first
    /// (they are the minimum a CDC should have), then standard, advanced, optional.
    pub fn priority(self) -> u8 {
        match self {
            Level::Basic => 0,
            Level::Standard => 1,
            Level::Advanced => 2,
            Level::Optional => 3,
            Level::NotRequired => 4,
        }
    }
}

/// Who performs a service (X.1060 clause 9.3, service profile).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sourcing {
    Insource,
    Outsource,
}

impl Sourcing {
    pub const ALL: [Sourcing; 2] = [Sourcing::Insource, Sourcing::Outsource];

    pub fn as_str(self) -> &'static str {
        match self {
            Sourcing::Insource => "insource",
            Sourcing::Outsource => "outsource",
        }
    }

    pub fn parse(s: &str) -> Option<Sourcing> {
        Sourcing::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A score from 1 to 5. The meaning of each value depends on the sourcing
/// (X.1060 table 3; see [`crate::model::Catalogue::criterion`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(value: i64) -> Option<Rating> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Some(Rating(value as u8))
        } else {
            None
        }
    }

    /// For static data only: a value out of range fails the build.
    pub const fn new_const(value: u8) -> Rating {
        assert!(value >= Self::MIN && value <= Self::MAX, "rating out of range");
        Rating(value)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn all() -> impl DoubleEndedIterator<Item = Rating> {
        (Self::MIN..=Self::MAX).map(Rating)
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A decided score: a rating, or "n/a" (適用外: decided not to perform the service
/// with this sourcing). "Not assessed yet" is the absence of a score (`Option<Score>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Score {
    Rated(Rating),
    NotApplicable,
}

impl Score {
    /// The exchange-format spelling of "not applicable".
    pub const NOT_APPLICABLE: &'static str = "n/a";

    pub fn rating(self) -> Option<Rating> {
        match self {
            Score::Rated(r) => Some(r),
            Score::NotApplicable => None,
        }
    }

    /// The value used in `<select>` options and CSV cells: `"1"`..`"5"` or `"n/a"`.
    pub fn as_code(self) -> String {
        match self {
            Score::Rated(r) => r.to_string(),
            Score::NotApplicable => Self::NOT_APPLICABLE.to_owned(),
        }
    }

    /// Reads [`Score::as_code`] back; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Score> {
        if code == Self::NOT_APPLICABLE {
            return Some(Score::NotApplicable);
        }
        code.parse::<i64>().ok().and_then(Rating::new).map(Score::Rated)
    }

    /// Every choice a score picker offers, best first as in the standard's table.
    pub fn choices() -> impl Iterator<Item = Score> {
        Rating::all().rev().map(Score::Rated).chain(std::iter::once(Score::NotApplicable))
    }
}

/// Which of the two scores, today's or the one aimed for, of anything that has both
/// (a service's state, a quick check's estimate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreSide {
    Current,
    Target,
}

/// Something with a current and a target score.
pub trait Scored {
    fn scores_mut(&mut self) -> (&mut Option<Score>, &mut Option<Score>);
    fn scores(&self) -> (Option<Score>, Option<Score>);
}

impl ScoreSide {
    /// As in the exchange format and the `current-{ID}` / `target-{ID}` hooks.
    pub fn code(self) -> &'static str {
        match self {
            ScoreSide::Current => "current",
            ScoreSide::Target => "target",
        }
    }

    pub fn get(self, s: &impl Scored) -> Option<Score> {
        let (current, target) = s.scores();
        match self {
            ScoreSide::Current => current,
            ScoreSide::Target => target,
        }
    }

    pub fn set(self, s: &mut impl Scored, score: Option<Score>) {
        let (current, target) = s.scores_mut();
        match self {
            ScoreSide::Current => *current = score,
            ScoreSide::Target => *target = score,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QuickEstimate, ServiceAssessment};

    #[test]
    fn a_score_side_reads_and_sets_its_own_score_only() {
        let three = Some(Score::Rated(Rating(3)));
        let mut s = ServiceAssessment::default();
        ScoreSide::Target.set(&mut s, three);
        assert_eq!((s.current, s.target), (None, three));
        assert_eq!(ScoreSide::Target.get(&s), three);
        let mut e = QuickEstimate::default();
        ScoreSide::Current.set(&mut e, Some(Score::NotApplicable));
        assert_eq!((ScoreSide::Current.get(&e), e.target), (Some(Score::NotApplicable), None));
        assert_eq!((ScoreSide::Current.code(), ScoreSide::Target.code()), ("current", "target"));
    }
}
