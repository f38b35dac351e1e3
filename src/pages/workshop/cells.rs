//! How the assessors and one assessor's answer for a service read in the cells of
//! the workshop's tables.

use leptos::prelude::*;

use crate::i18n::Texts;
use crate::model::{Catalogue, Lang, Score, ServiceAssessment, Sourcing};

/// A level's name in `lang`, or a dash.
pub fn level_text(catalogue: Catalogue, lang: Lang, s: &ServiceAssessment) -> String {
    s.level.map_or("–".to_owned(), |l| catalogue.level(l).map_or(l.as_str(), |d| d.name.get(lang)).to_owned())
}

pub fn sourcing_text(t: &Texts, s: &ServiceAssessment) -> &'static str {
    match s.sourcing {
        Some(Sourcing::Insource) => t.common.insource,
        Some(Sourcing::Outsource) => t.common.outsource,
        None => "–",
    }
}

pub fn score_text(t: &Texts, score: Option<Score>) -> String {
    match score {
        Some(Score::Rated(r)) => r.to_string(),
        Some(Score::NotApplicable) => t.portfolio.score_na.to_owned(),
        None => "–".to_owned(),
    }
}

/// A column head for each assessor; the label is isolated, as a name may be written
/// right to left.
pub fn assessor_heads(labels: &[String]) -> impl IntoView {
    labels
        .iter()
        .map(|l| {
            view! {
                <th scope="col">
                    <bdi>{l.clone()}</bdi>
                </th>
            }
        })
        .collect_view()
}
