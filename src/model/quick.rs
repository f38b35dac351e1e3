//! The quick check: a category-level estimate a first-time user makes in a few
//! minutes (current and target per category of the catalogue, and who mostly does
//! it). It is kept beside the service-level data of an assessment and never turned
//! into service scores, nor changed by them (docs/exchange-format.md, "Quick check").

use std::collections::BTreeMap;

use super::aggregate::Mean;
use super::{CatalogueDef, CategoryId, Score, Sourcing, Timestamp};

/// One category's estimate. Every field may be unset: a category starts with nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickEstimate {
    /// Who mostly performs the category's services; only picks which X.1060 table 3
    /// criteria are shown.
    pub sourcing: Option<Sourcing>,
    /// Estimated score today; `None` is "not estimated yet".
    pub current: Option<Score>,
    /// Score aimed for.
    pub target: Option<Score>,
}

impl super::scale::Scored for QuickEstimate {
    fn scores_mut(&mut self) -> (&mut Option<Score>, &mut Option<Score>) {
        (&mut self.current, &mut self.target)
    }
    fn scores(&self) -> (Option<Score>, Option<Score>) {
        (self.current, self.target)
    }
}

impl QuickEstimate {
    /// Nothing estimated at all: such an entry is not stored.
    pub fn is_blank(&self) -> bool {
        *self == QuickEstimate::default()
    }

    /// Both scores decided (a rating or n/a).
    pub fn is_answered(&self) -> bool {
        self.current.is_some() && self.target.is_some()
    }
}

/// A quick check: category-level estimates, kept beside the service-level data,
/// never turned into service scores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickCheck {
    /// When the quick check was started; optional in files.
    pub taken: Option<Timestamp>,
    /// The estimate of each category that has anything decided, by id; a category not
    /// here is not estimated yet. Blank estimates are never kept.
    pub categories: BTreeMap<CategoryId, QuickEstimate>,
}

impl QuickCheck {
    /// An empty quick check started at `taken`.
    pub fn new(taken: Timestamp) -> Self {
        QuickCheck { taken: Some(taken), categories: BTreeMap::new() }
    }

    /// The estimate of a category (blank when not estimated yet).
    pub fn estimate(&self, category: &str) -> QuickEstimate {
        self.categories.get(category).cloned().unwrap_or_default()
    }

    /// Changes one category's estimate; a blank estimate is removed.
    pub fn edit(&mut self, category: &CategoryId, edit: impl FnOnce(&mut QuickEstimate)) {
        let mut estimate = self.estimate(category.as_str());
        edit(&mut estimate);
        if estimate.is_blank() {
            self.categories.remove(category.as_str());
        } else {
            self.categories.insert(category.clone(), estimate);
        }
    }

    /// Quick overall current and target: the mean of the integer values over the
    /// estimated categories (`n/a` and unset values left out), kept exact like the
    /// dashboard's means ([`Mean`]), so it is rounded the same way; no integer value
    /// gives a mean with nothing counted (no figure).
    pub fn overall(&self) -> (Mean, Mean) {
        let current = Mean::of(self.categories.values().filter_map(|e| rating(e.current)));
        let target = Mean::of(self.categories.values().filter_map(|e| rating(e.target)));
        (current, target)
    }

    /// Per category of `catalogue`, in catalogue order: the category id, the current
    /// estimate as a mean of its one integer value (nothing counted when it is unset
    /// or `n/a`), and the target likewise. For drawing and listing beside the
    /// service-level means.
    pub fn per_category(&self, catalogue: &CatalogueDef) -> Vec<(&'static str, Mean, Mean)> {
        catalogue
            .categories
            .iter()
            .map(|category| {
                let estimate = self.categories.get(category.id);
                let current = Mean::of(estimate.and_then(|e| rating(e.current)));
                let target = Mean::of(estimate.and_then(|e| rating(e.target)));
                (category.id, current, target)
            })
            .collect()
    }

    /// How many of the catalogue's categories have both current and target decided
    /// (an integer or n/a).
    pub fn answered(&self, catalogue: &CatalogueDef) -> usize {
        catalogue
            .categories
            .iter()
            .filter(|category| self.categories.get(category.id).is_some_and(QuickEstimate::is_answered))
            .count()
    }

    /// The estimates in the order they are written: the catalogue's categories in
    /// catalogue order, then any category the catalogue does not have (so nothing is
    /// dropped; the reader refuses those).
    pub fn ordered<'a>(&'a self, catalogue: &CatalogueDef) -> Vec<(&'a CategoryId, &'a QuickEstimate)> {
        let mut out: Vec<(&CategoryId, &QuickEstimate)> =
            catalogue.categories.iter().filter_map(|c| self.categories.get_key_value(c.id)).collect();
        if out.len() < self.categories.len() {
            out.extend(self.categories.iter().filter(|(id, _)| catalogue.category(id.as_str()).is_none()));
        }
        out
    }
}

/// The integer value of a score, if it has one.
fn rating(score: Option<Score>) -> Option<u8> {
    score.and_then(Score::rating).map(|r| r.value())
}
