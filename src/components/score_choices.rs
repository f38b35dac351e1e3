//! The score options (1..5, n/a), each with its X.1060 table 3 criterion for the
//! chosen sourcing (portfolio and quick check).

use crate::components::Choice;
use crate::i18n::Texts;
use crate::model::{Catalogue, Lang, Score, ScoreSide, Sourcing};

/// Score options; with a sourcing, each carries the criterion text.
pub fn score_choices(catalogue: Catalogue, lang: Lang, t: &Texts, sourcing: Option<Sourcing>) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.portfolio.score_unset))
        .chain(Score::choices().map(|score| {
            let short = match score {
                Score::Rated(r) => r.to_string(),
                Score::NotApplicable => t.portfolio.score_na.to_owned(),
            };
            let text = match sourcing.and_then(|s| catalogue.criterion(s, score)) {
                Some(c) => format!("{short}: {}", c.get(lang)),
                None => short,
            };
            Choice::new(score.as_code(), text)
        }))
        .collect()
}

/// The column title of a score side: "Current" / "Target".
pub fn side_title(side: ScoreSide, t: &Texts) -> &'static str {
    match side {
        ScoreSide::Current => t.col.current,
        ScoreSide::Target => t.col.target,
    }
}
