//! The room's figures per category: how many gave each answer, the medians, the
//! largest gaps, and a quick check of the medians (docs/room.md, "Figures").
//! Everything is counted in one pass over the participants, so a room of thousands
//! costs a few thousand steps.

use super::handin::CATEGORIES;
use super::Room;
use crate::model::{QuickCheck, Rating, Score, Sourcing, Timestamp};

/// How many participants gave each answer for one score of one category:
/// `[n1, n2, n3, n4, n5, nna, nunset]`, the order of the `data-counts` hook.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Distribution(pub [usize; 7]);

impl Distribution {
    /// Index of `"n/a"` and of "no answer" in the counts.
    pub const NA: usize = 5;
    pub const UNSET: usize = 6;

    /// Counts one answer.
    pub fn count(&mut self, score: Option<Score>) {
        let slot = match score {
            Some(Score::Rated(r)) => usize::from(r.value()) - 1,
            Some(Score::NotApplicable) => Self::NA,
            None => Self::UNSET,
        };
        self.0[slot] += 1;
    }

    /// How many gave an integer value (1..5).
    pub fn rated(&self) -> usize {
        self.0[..5].iter().sum()
    }

    /// The median of the integer values given: the lower middle one when their count
    /// is even; `None` when nobody gave an integer value. `n/a` and no answer are left out.
    pub fn median(&self) -> Option<Rating> {
        let rated = self.rated();
        if rated == 0 {
            return None;
        }
        // The position of the lower middle value in the sorted values, from 0.
        let middle = (rated - 1) / 2;
        let mut seen = 0;
        for (value, &n) in (1..=5).zip(&self.0[..5]) {
            seen += n;
            if seen > middle {
                return Rating::new(value);
            }
        }
        None
    }

    /// The counts as the `data-counts` attribute writes them: `"n1,n2,n3,n4,n5,nna,nunset"`.
    pub fn data_counts(&self) -> String {
        self.0.map(|n| n.to_string()).join(",")
    }
}

/// The figures of one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryFigures {
    /// The category's id (`A`..`I`).
    pub id: &'static str,
    /// How many said insource, outsource, and nothing.
    pub sourcing: [usize; 3],
    pub current: Distribution,
    pub target: Distribution,
}

impl CategoryFigures {
    /// The sourcing most participants gave; a tie (nobody included) is `None`.
    pub fn sourcing_most(&self) -> Option<Sourcing> {
        let [inside, outside, _] = self.sourcing;
        match inside.cmp(&outside) {
            std::cmp::Ordering::Greater => Some(Sourcing::Insource),
            std::cmp::Ordering::Less => Some(Sourcing::Outsource),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A category whose median current and median target are both figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub id: &'static str,
    pub current: Rating,
    pub target: Rating,
}

impl Gap {
    /// Median target − median current (negative when the room aims lower than today).
    pub fn gap(&self) -> i8 {
        self.target.value() as i8 - self.current.value() as i8
    }
}

impl Room {
    /// The figures of each category, in category order (`A`..`I`).
    pub fn figures(&self) -> Vec<CategoryFigures> {
        let mut figures: Vec<CategoryFigures> = CATEGORIES
            .iter()
            .map(|&id| CategoryFigures {
                id,
                sourcing: [0; 3],
                current: Distribution::default(),
                target: Distribution::default(),
            })
            .collect();
        for handin in self.handins() {
            for (f, answer) in figures.iter_mut().zip(&handin.answers) {
                let slot = match answer.sourcing {
                    Some(Sourcing::Insource) => 0,
                    Some(Sourcing::Outsource) => 1,
                    None => 2,
                };
                f.sourcing[slot] += 1;
                f.current.count(answer.current);
                f.target.count(answer.target);
            }
        }
        figures
    }

    /// The categories with both medians, by gap (median target − median current),
    /// largest first; equal gaps in category order. Categories lacking a median are
    /// left out.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self
            .figures()
            .iter()
            .filter_map(|f| Some(Gap { id: f.id, current: f.current.median()?, target: f.target.median()? }))
            .collect();
        // A stable sort keeps category order among equal gaps.
        gaps.sort_by_key(|g| std::cmp::Reverse(g.gap()));
        gaps
    }

    /// A quick check of the room, taken at `taken`: per category the median current
    /// and target; where nobody gave an integer value but someone said n/a, n/a;
    /// sourcing the answer most gave (a tie: unset). Categories with nothing are left
    /// out, as the quick check keeps no blank estimate.
    pub fn to_quick(&self, taken: Timestamp) -> QuickCheck {
        let mut quick = QuickCheck::new(taken);
        for f in self.figures() {
            let pick = |d: &Distribution| match d.median() {
                Some(r) => Some(Score::Rated(r)),
                None if d.0[Distribution::NA] > 0 => Some(Score::NotApplicable),
                None => None,
            };
            let (current, target, sourcing) = (pick(&f.current), pick(&f.target), f.sourcing_most());
            if let Ok(id) = crate::model::CategoryId::parse(f.id) {
                quick.edit(&id, |e| {
                    e.sourcing = sourcing;
                    e.current = current;
                    e.target = target;
                });
            }
        }
        quick
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[Option<Score>]) -> Distribution {
        let mut d = Distribution::default();
        values.iter().for_each(|&v| d.count(v));
        d
    }

    fn r(v: i64) -> Option<Score> {
        Rating::new(v).map(Score::Rated)
    }

    #[test]
    fn the_median_is_the_lower_middle_of_the_integer_values() {
        assert_eq!(of(&[]).median(), None);
        assert_eq!(of(&[Some(Score::NotApplicable), None]).median(), None);
        assert_eq!(of(&[r(4)]).median().map(Rating::value), Some(4));
        assert_eq!(of(&[r(5), r(1), r(3)]).median().map(Rating::value), Some(3));
        assert_eq!(of(&[r(4), r(2)]).median().map(Rating::value), Some(2));
        assert_eq!(
            of(&[r(1), r(5), r(2), r(4), None, Some(Score::NotApplicable)]).median().map(Rating::value),
            Some(2)
        );
        assert_eq!(of(&[r(3), r(3), r(5), r(5)]).median().map(Rating::value), Some(3));
        assert_eq!(of(&[r(1), r(5), Some(Score::NotApplicable), None]).data_counts(), "1,0,0,0,1,1,1");
    }
}
