//! How one assessor's answer for a service reads in a table cell.

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
