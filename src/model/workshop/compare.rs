//! Two or more assessments side by side: the spread of the category means, and for
//! every service who said what, the disagreements and the merge proposal.

use std::collections::{BTreeMap, BTreeSet};

use super::own::{Clash, ClashKey, Gathered, IdMap, Renamed};
use super::propose::{judge, Disagreement, Proposal};
use crate::model::aggregate::{format_hundredths, NO_VALUE};
use crate::model::{
    Assessment, Catalogue, CustomService, Lang, Mean, ServiceAssessment, ServiceId, ServiceStates, Summary,
};

/// One picked assessment and the name it goes by in the comparison.
#[derive(Clone, Copy, Debug)]
pub struct Participant<'a> {
    /// The assessor's name, or the assessment's when it names none.
    pub label: &'a str,
    pub assessment: &'a Assessment,
}

impl<'a> Participant<'a> {
    /// The label an assessment goes by: its assessor, else its name.
    pub fn of(assessment: &'a Assessment) -> Self {
        let label = assessment
            .workshop
            .as_ref()
            .map(|w| w.assessor.as_str())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&assessment.name);
        Participant { label, assessment }
    }
}

/// Why a picked assessment cannot be compared with the first one picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unmatched {
    /// It is on another catalogue.
    OtherCatalogue { label: String, catalogue: &'static str, expected: &'static str },
    /// It has a custom service whose id the first one uses in another category.
    CustomConflict { label: String, id: String, category: String, expected: String },
}

impl Unmatched {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unmatched::OtherCatalogue { label, catalogue, expected }, Lang::En) => {
                format!("“{label}” uses the catalogue {catalogue}, the first picked uses {expected}: not compared.")
            }
            (Unmatched::OtherCatalogue { label, catalogue, expected }, Lang::Ja) => {
                format!("「{label}」はカタログ {catalogue}、最初に選んだものは {expected} のため比較しません。")
            }
            (Unmatched::CustomConflict { label, id, category, expected }, Lang::En) => format!(
                "“{label}” has its own service {id} in category {category}, the first picked has {id} in {expected}: not compared."
            ),
            (Unmatched::CustomConflict { label, id, category, expected }, Lang::Ja) => format!(
                "「{label}」の独自サービス {id} はカテゴリ {category}、最初に選んだものでは {expected} のため比較しません。"
            ),
        }
    }
}

/// The spread of one category's means over the compared assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategorySpread {
    pub category: &'static str,
    /// Each assessor's category mean, in pick order.
    pub current: Vec<Mean>,
    pub target: Vec<Mean>,
    /// Services of the category with anything set by anyone, and how many of them
    /// are disagreements.
    pub services: u32,
    pub disagreements: u32,
}

impl CategorySpread {
    /// The smallest and largest of the rounded means (hundredths); `None` when no
    /// assessor has a value. Rounding keeps order, so these are the rounded minimum
    /// and maximum of the exact means.
    pub fn range(means: &[Mean]) -> Option<(i64, i64)> {
        let values: Vec<i64> = means.iter().filter_map(|m| m.hundredths()).collect();
        Some((*values.iter().min()?, *values.iter().max()?))
    }

    /// Minimum and maximum as text, two decimals, or the no-value mark.
    pub fn range_text(means: &[Mean]) -> (String, String) {
        match Self::range(means) {
            Some((min, max)) => (format_hundredths(min, false), format_hundredths(max, false)),
            None => (NO_VALUE.to_owned(), NO_VALUE.to_owned()),
        }
    }

    /// Services on which the assessors agree.
    pub fn agreements(&self) -> u32 {
        self.services - self.disagreements
    }
}

/// One service: what each assessor said, where they disagree, what is proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRow {
    pub id: ServiceId,
    pub category: String,
    /// Each assessor's state, in pick order (blank where they set nothing).
    pub states: Vec<ServiceAssessment>,
    pub disagreement: Disagreement,
    pub proposal: Proposal,
}

/// The comparison of the assessments that can be compared with the first picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessorComparison {
    pub catalogue: Catalogue,
    /// The compared assessors' labels, in pick order, made unique (`Bo (2)`).
    pub labels: Vec<String>,
    /// Index into the picked list of each compared assessment.
    pub picked: Vec<usize>,
    /// The custom services of all compared assessments (first one's first), each
    /// service once, under the id it is compared (and merged) as.
    pub custom: Vec<CustomService>,
    pub categories: Vec<CategorySpread>,
    /// Each assessor's overall means (all in-scope services), in pick order.
    pub overall_current: Vec<Mean>,
    pub overall_target: Vec<Mean>,
    /// Every service that anyone set anything for, in catalogue order.
    pub rows: Vec<ServiceRow>,
    /// Picked assessments left out, and why.
    pub unmatched: Vec<Unmatched>,
    /// Labels of compared assessments that are not copies of the first one's round.
    pub other_round: Vec<String>,
    /// Own services of two assessments with one id and different names.
    pub clashes: Vec<Clash>,
    /// Own services compared under another's id, having its name.
    pub renamed: Vec<Renamed>,
    /// Per compared assessment: how its own service ids read in the comparison.
    pub id_maps: Vec<IdMap>,
}

impl AssessorComparison {
    /// Whether at least two assessments can be compared.
    pub fn comparable(&self) -> bool {
        self.labels.len() >= 2
    }

    /// The rows, disagreements first, each group in catalogue order.
    pub fn rows_disagreements_first(&self) -> impl Iterator<Item = &ServiceRow> {
        let (split, rest): (Vec<&ServiceRow>, Vec<&ServiceRow>) = self.rows.iter().partition(|r| r.disagreement.any());
        split.into_iter().chain(rest)
    }

    pub fn disagreement_count(&self) -> usize {
        self.rows.iter().filter(|r| r.disagreement.any()).count()
    }
}

/// Checks `candidate` against the first picked and the own services gathered so
/// far (see [`super::own`]): how its own service ids read in the comparison.
fn admit(first: &Assessment, candidate: &Participant, gathered: &mut Gathered) -> Result<IdMap, Unmatched> {
    let a = candidate.assessment;
    if a.catalogue.id != first.catalogue.id {
        let (catalogue, expected) = (a.catalogue.id, first.catalogue.id);
        return Err(Unmatched::OtherCatalogue { label: candidate.label.to_owned(), catalogue, expected });
    }
    gathered.admit(candidate.label, a)
}

/// `states` with the own service ids as `map` reads them (other ids as they are).
pub(super) fn remapped<V: Clone>(states: &BTreeMap<ServiceId, V>, map: &IdMap) -> BTreeMap<ServiceId, V> {
    states.iter().map(|(id, s)| (map.get(id.as_str()).unwrap_or(id).clone(), s.clone())).collect()
}

/// `label`, or `label (n)` when it is taken already.
fn unique_label(label: &str, taken: &[String]) -> String {
    let mut candidate = label.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{label} ({n})");
        n += 1;
    }
    candidate
}

/// Compares the picked assessments (in pick order; the first is the reference the
/// others must match), no clash of own services said to be one service.
pub fn compare(picked: &[Participant]) -> AssessorComparison {
    compare_with(picked, &BTreeSet::new())
}

/// Compares the picked assessments, the clashes of own services in `same` taken as
/// one service each (see [`super::own`]).
pub fn compare_with(picked: &[Participant], same: &BTreeSet<ClashKey>) -> AssessorComparison {
    let Some(first) = picked.first() else {
        return AssessorComparison {
            catalogue: crate::model::CatalogueDef::latest(),
            labels: Vec::new(),
            picked: Vec::new(),
            custom: Vec::new(),
            categories: Vec::new(),
            overall_current: Vec::new(),
            overall_target: Vec::new(),
            rows: Vec::new(),
            unmatched: Vec::new(),
            other_round: Vec::new(),
            clashes: Vec::new(),
            renamed: Vec::new(),
            id_maps: Vec::new(),
        };
    };
    let catalogue = first.assessment.catalogue;
    let all: Vec<&Assessment> = picked.iter().map(|p| p.assessment).collect();
    let mut gathered = Gathered::new(catalogue, &all, same);
    let (mut labels, mut indices, mut unmatched, mut other_round) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut id_maps = Vec::new();
    for (i, p) in picked.iter().enumerate() {
        match admit(first.assessment, p, &mut gathered) {
            Ok(map) => {
                let label = unique_label(p.label, &labels);
                let same = match (&first.assessment.workshop, &p.assessment.workshop) {
                    (Some(a), Some(b)) => a.same_round(b),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    other_round.push(label.clone());
                }
                labels.push(label);
                indices.push(i);
                id_maps.push(map);
            }
            Err(why) => unmatched.push(why),
        }
    }
    let Gathered { custom, clashes, renamed, .. } = gathered;
    let compared: Vec<ServiceStates> =
        indices.iter().zip(&id_maps).map(|(&i, map)| remapped(&picked[i].assessment.services, map)).collect();
    let rows = service_rows(catalogue, &custom, &compared);
    let summaries: Vec<Summary> = compared.iter().map(|s| Summary::of(catalogue, &custom, s)).collect();
    let categories = catalogue
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let in_category = rows.iter().filter(|r| r.category == category.id);
            CategorySpread {
                category: category.id,
                current: summaries.iter().map(|s| s.categories.get(i).map(|c| c.current).unwrap_or_default()).collect(),
                target: summaries.iter().map(|s| s.categories.get(i).map(|c| c.target).unwrap_or_default()).collect(),
                services: in_category.clone().count() as u32,
                disagreements: in_category.filter(|r| r.disagreement.any()).count() as u32,
            }
        })
        .collect();
    AssessorComparison {
        catalogue,
        labels,
        picked: indices,
        custom,
        categories,
        overall_current: summaries.iter().map(|s| s.current).collect(),
        overall_target: summaries.iter().map(|s| s.target).collect(),
        rows,
        unmatched,
        other_round,
        clashes,
        renamed,
        id_maps,
    }
}

/// A row for every service that any compared assessment set anything for.
fn service_rows(catalogue: Catalogue, custom: &[CustomService], compared: &[ServiceStates]) -> Vec<ServiceRow> {
    let blank = ServiceAssessment::default();
    catalogue
        .all_services(custom)
        .filter_map(|service| {
            let states: Vec<&ServiceAssessment> =
                compared.iter().map(|s| s.get(service.id).unwrap_or(&blank)).collect();
            if states.iter().all(|s| s.is_blank()) {
                return None;
            }
            let (disagreement, proposal) = judge(&states);
            Some(ServiceRow {
                id: ServiceId::parse(service.id).ok()?,
                category: service.category.to_owned(),
                states: states.into_iter().cloned().collect(),
                disagreement,
                proposal,
            })
        })
        .collect()
}
