//! The recommendation level options (catalogue view and its counts).

use crate::components::Choice;
use crate::model::{Catalogue, Lang, Level};

/// The level options: unset, then the five levels in the standard's order.
pub fn level_choices(catalogue: Catalogue, lang: Lang, t: &crate::i18n::Texts) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.catalogue.level_unset))
        .chain(Level::ALL.into_iter().map(|l| {
            let name = catalogue.level(l).map(|d| d.name.get(lang)).unwrap_or(l.as_str());
            Choice::new(l.as_str(), name)
        }))
        .collect()
}
