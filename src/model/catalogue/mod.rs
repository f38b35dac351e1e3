//! Service catalogues: the categories and services of an edition of X.1060, the
//! recommendation levels, and the score criteria. Catalogues are versioned data:
//! an assessment names the catalogue it was made against, and a later edition is
//! added as another [`CatalogueDef`] in [`CatalogueDef::ALL`].

mod x1060_2021;

use std::collections::HashSet;

use super::{CategoryId, CustomService, IdError, Lang, Level, Score, ServiceId, Sourcing};

/// Static text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub ja: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.ja, self.en)
    }
}

/// Where a built-in service's English name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnNameSource {
    /// The exact wording of the ITU-T table of contents.
    ItuToc,
    /// A rendering of the Japanese name, not checked against the Recommendation.
    Translation,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ServiceDef {
    pub id: &'static str,
    pub name: Text,
    pub en_source: EnNameSource,
}

#[derive(Debug, PartialEq, Eq)]
pub struct CategoryDef {
    pub id: &'static str,
    pub name: Text,
    pub services: &'static [ServiceDef],
}

#[derive(Debug, PartialEq, Eq)]
pub struct LevelDef {
    pub level: Level,
    pub name: Text,
    pub meaning: Text,
}

/// What a score means for one sourcing (X.1060 table 3).
#[derive(Debug, PartialEq, Eq)]
pub struct Criterion {
    pub score: Score,
    pub text: Text,
}

/// One edition of the framework.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogueDef {
    pub id: &'static str,
    pub title: Text,
    pub levels: &'static [LevelDef],
    pub insource_criteria: &'static [Criterion],
    pub outsource_criteria: &'static [Criterion],
    pub categories: &'static [CategoryDef],
}

/// A handle on a built-in catalogue.
pub type Catalogue = &'static CatalogueDef;

/// A service as the views see it: built in or custom, with its category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceRef<'a> {
    pub id: &'a str,
    pub category: &'a str,
    pub name_ja: &'a str,
    pub name_en: &'a str,
    pub custom: bool,
}

impl ServiceRef<'_> {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick_filled(self.name_ja, self.name_en)
    }
}

impl CatalogueDef {
    /// Every catalogue this build knows, oldest first.
    pub const ALL: &'static [&'static CatalogueDef] = &[&x1060_2021::X1060_2021];

    /// The catalogue new assessments use.
    pub fn latest() -> Catalogue {
        &x1060_2021::X1060_2021
    }

    pub fn by_id(id: &str) -> Option<Catalogue> {
        Self::ALL.iter().copied().find(|c| c.id == id)
    }

    /// The ids of every known catalogue, for messages.
    pub fn known_ids() -> String {
        Self::ALL.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
    }

    pub fn category(&self, id: &str) -> Option<&'static CategoryDef> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn service(&self, id: &str) -> Option<(&'static CategoryDef, &'static ServiceDef)> {
        self.categories.iter().find_map(|c| c.services.iter().find(|s| s.id == id).map(|s| (c, s)))
    }

    pub fn service_count(&self) -> usize {
        self.categories.iter().map(|c| c.services.len()).sum()
    }

    pub fn level(&self, level: Level) -> Option<&'static LevelDef> {
        self.levels.iter().find(|l| l.level == level)
    }

    pub fn criteria(&self, sourcing: Sourcing) -> &'static [Criterion] {
        match sourcing {
            Sourcing::Insource => self.insource_criteria,
            Sourcing::Outsource => self.outsource_criteria,
        }
    }

    /// What `score` means for a service with this `sourcing`.
    pub fn criterion(&self, sourcing: Sourcing, score: Score) -> Option<Text> {
        self.criteria(sourcing).iter().find(|c| c.score == score).map(|c| c.text)
    }

    /// The services of one category, built-in first then custom ones, in order.
    pub fn services_of<'a>(
        &'a self,
        category: &'a CategoryDef,
        custom: &'a [CustomService],
    ) -> impl Iterator<Item = ServiceRef<'a>> + 'a {
        let builtin = category.services.iter().map(move |s| ServiceRef {
            id: s.id,
            category: category.id,
            name_ja: s.name.ja,
            name_en: s.name.en,
            custom: false,
        });
        let added = custom.iter().filter(move |c| c.category == category.id).map(|c| ServiceRef {
            id: c.id.as_str(),
            category: c.category.as_str(),
            name_ja: &c.name.ja,
            name_en: &c.name.en,
            custom: true,
        });
        builtin.chain(added)
    }

    /// Every service, category by category.
    pub fn all_services<'a>(&'a self, custom: &'a [CustomService]) -> impl Iterator<Item = ServiceRef<'a>> + 'a {
        self.categories.iter().flat_map(move |c| self.services_of(c, custom))
    }

    /// Looks up a built-in or custom service.
    pub fn find<'a>(&'a self, custom: &'a [CustomService], id: &str) -> Option<ServiceRef<'a>> {
        self.all_services(custom).find(|s| s.id == id)
    }

    /// Checks that a custom service could be added: a valid id not already taken, in
    /// an existing category.
    pub fn check_custom(
        &self,
        custom: &[CustomService],
        id: &ServiceId,
        category: &CategoryId,
    ) -> Result<(), CustomServiceError> {
        if self.category(category.as_str()).is_none() {
            return Err(CustomServiceError::UnknownCategory(category.clone()));
        }
        if self.find(custom, id.as_str()).is_some() {
            return Err(CustomServiceError::IdTaken(id.clone()));
        }
        Ok(())
    }

    /// The id for the next custom service of `category`: the smallest `{category}-{n}`,
    /// `n` from 1, that no built-in or custom service has (for X.1060 category `I`,
    /// whose built-in services are `I-1` to `I-7`, the first is `I-8`). Takes time
    /// linear in the number of services.
    pub fn next_custom_id(
        &self,
        custom: &[CustomService],
        category: &CategoryId,
    ) -> Result<ServiceId, CustomServiceError> {
        if self.category(category.as_str()).is_none() {
            return Err(CustomServiceError::UnknownCategory(category.clone()));
        }
        let builtin = self.categories.iter().flat_map(|c| c.services.iter().map(|s| s.id));
        let ids = builtin.chain(custom.iter().map(|c| c.id.as_str()));
        let taken: HashSet<u64> = ids.filter_map(|id| number_in(id, category.as_str())).collect();
        // Ends by taken.len() + 1: of the numbers 1 to that, at least one is free.
        let mut n: u64 = 1;
        while taken.contains(&n) {
            n += 1;
        }
        ServiceId::parse(&format!("{category}-{n}"))
            .map_err(|error| CustomServiceError::NoValidId { category: category.clone(), error })
    }
}

/// `n` when `id` is `{category}-{n}` with `n` written plainly (digits, no leading zero).
fn number_in(id: &str, category: &str) -> Option<u64> {
    let digits = id.strip_prefix(category)?.strip_prefix('-')?;
    let plain = !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| digits.parse().ok()).flatten()
}

/// Why a custom service cannot be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CustomServiceError {
    /// The category is not one of the catalogue's.
    UnknownCategory(CategoryId),
    /// A built-in or custom service already has this id.
    IdTaken(ServiceId),
    /// The next id of the category would not be a valid service id (too long).
    NoValidId { category: CategoryId, error: IdError },
}

impl std::fmt::Display for CustomServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CustomServiceError::UnknownCategory(c) => write!(f, "unknown category \"{c}\""),
            CustomServiceError::IdTaken(id) => write!(f, "service id \"{id}\" is already taken"),
            CustomServiceError::NoValidId { category, error } => {
                write!(f, "no valid id is left for a new service in category \"{category}\": {error}")
            }
        }
    }
}

impl std::error::Error for CustomServiceError {}
