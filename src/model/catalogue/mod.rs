//! Service catalogues: the categories and services of an edition of X.1060, the
//! recommendation levels, and the score criteria. Catalogues are versioned data:
//! an assessment names the catalogue it was made against, and a later edition is
//! added as another [`CatalogueDef`] in [`CatalogueDef::ALL`].

mod x1060_2021;

use std::collections::{BTreeMap, BTreeSet};

use super::limits::MAX_ENTRIES;
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

impl CategoryDef {
    /// As a heading or an option: "A. CDCの戦略マネジメント".
    pub fn title(&self, lang: Lang) -> String {
        format!("{}. {}", self.id, self.name.get(lang))
    }

    /// As a chart axis: "A CDCの戦略マネジメント".
    pub fn axis_label(&self, lang: Lang) -> String {
        format!("{} {}", self.id, self.name.get(lang))
    }
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

    /// The services of one category, built-in first then custom ones, in order. Takes
    /// time linear in the number of custom services: to go through every category, use
    /// [`CatalogueDef::all_services`] or [`CatalogueDef::services_by_category`], which
    /// group the custom services by category once.
    pub fn services_of<'a>(
        &'a self,
        category: &'a CategoryDef,
        custom: &'a [CustomService],
    ) -> impl Iterator<Item = ServiceRef<'a>> + 'a {
        let added = custom.iter().filter(move |c| c.category == category.id);
        builtin_refs(category).chain(added.map(custom_ref))
    }

    /// Every service, category by category (built-in then custom ones, in order), in
    /// time linear in the number of services.
    pub fn all_services<'a>(&'a self, custom: &'a [CustomService]) -> impl Iterator<Item = ServiceRef<'a>> + 'a {
        let groups = self.custom_by_category(custom);
        self.categories
            .iter()
            .zip(groups)
            .flat_map(|(category, added)| builtin_refs(category).chain(added.into_iter().map(custom_ref)))
    }

    /// Each category with its services (built-in then custom ones, in order), in
    /// catalogue order, in time linear in the number of services.
    pub fn services_by_category<'a>(
        &'a self,
        custom: &'a [CustomService],
    ) -> Vec<(&'static CategoryDef, Vec<ServiceRef<'a>>)> {
        let groups = self.custom_by_category(custom);
        self.categories
            .iter()
            .zip(groups)
            .map(|(category, added)| {
                (category, builtin_refs(category).chain(added.into_iter().map(custom_ref)).collect())
            })
            .collect()
    }

    /// The custom services of each category, one list per category in catalogue
    /// order; those of a category the catalogue does not have are left out.
    fn custom_by_category<'a>(&self, custom: &'a [CustomService]) -> Vec<Vec<&'a CustomService>> {
        let mut groups: Vec<Vec<&CustomService>> = vec![Vec::new(); self.categories.len()];
        for service in custom {
            let place = self.categories.iter().position(|c| c.id == service.category.as_str());
            if let Some(group) = place.and_then(|i| groups.get_mut(i)) {
                group.push(service);
            }
        }
        groups
    }

    /// Looks up a built-in or custom service: the first with this id in the order of
    /// [`CatalogueDef::all_services`]. Takes time linear in the number of custom
    /// services; for many look-ups, build a [`ServiceIndex`] once.
    pub fn find<'a>(&'a self, custom: &'a [CustomService], id: &str) -> Option<ServiceRef<'a>> {
        // Of a built-in and a custom service with the same id (which check_custom
        // refuses), the one of the earlier category; in the same category the built-in one.
        [self.find_builtin(id), self.find_custom(custom, id)]
            .into_iter()
            .flatten()
            .min_by_key(|(place, _)| *place)
            .map(|(_, service)| service)
    }

    /// The built-in service with this id, and the place of its category.
    fn find_builtin(&self, id: &str) -> Option<(usize, ServiceRef<'_>)> {
        self.categories.iter().enumerate().find_map(|(place, category)| {
            category.services.iter().find(|s| s.id == id).map(|s| (place, builtin_ref(category, s)))
        })
    }

    /// The custom service with this id of the earliest category (the first in the
    /// list among those of that category), and the place of its category; a custom
    /// service of a category the catalogue does not have is never found.
    fn find_custom<'a>(&self, custom: &'a [CustomService], id: &str) -> Option<(usize, ServiceRef<'a>)> {
        custom
            .iter()
            .filter(|c| c.id == id)
            .filter_map(|c| self.categories.iter().position(|k| k.id == c.category.as_str()).map(|place| (place, c)))
            .min_by_key(|(place, _)| *place)
            .map(|(place, c)| (place, custom_ref(c)))
    }

    /// An index of every built-in and custom service by id, for looking up many
    /// services in logarithmic time each.
    pub fn index<'a>(&'a self, custom: &'a [CustomService]) -> ServiceIndex<'a> {
        ServiceIndex::new(self, custom)
    }

    /// How many custom services an assessment against this catalogue may have: so
    /// many that, with every built-in service, a list of service states stays within
    /// the reader's [`MAX_ENTRIES`] (10,000 less the built-in services).
    pub fn max_custom_services(&self) -> usize {
        MAX_ENTRIES.saturating_sub(self.service_count())
    }

    /// Checks that a custom service could be added: room for one more (see
    /// [`CatalogueDef::max_custom_services`]), a valid id not already taken, in an
    /// existing category.
    pub fn check_custom(
        &self,
        custom: &[CustomService],
        id: &ServiceId,
        category: &CategoryId,
    ) -> Result<(), CustomServiceError> {
        let max = self.max_custom_services();
        if custom.len() >= max {
            return Err(CustomServiceError::TooMany { max });
        }
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
        let taken: BTreeSet<u64> = ids.filter_map(|id| number_in(id, category.as_str())).collect();
        // Ends by taken.len() + 1: of the numbers 1 to that, at least one is free.
        let mut n: u64 = 1;
        while taken.contains(&n) {
            n += 1;
        }
        ServiceId::parse(&format!("{category}-{n}"))
            .map_err(|error| CustomServiceError::NoValidId { category: category.clone(), error })
    }
}

/// The built-in services of `category` as the views see them.
fn builtin_refs<'a>(category: &'a CategoryDef) -> impl Iterator<Item = ServiceRef<'a>> + 'a {
    category.services.iter().map(move |s| builtin_ref(category, s))
}

fn builtin_ref<'a>(category: &'a CategoryDef, s: &'a ServiceDef) -> ServiceRef<'a> {
    ServiceRef { id: s.id, category: category.id, name_ja: s.name.ja, name_en: s.name.en, custom: false }
}

fn custom_ref(c: &CustomService) -> ServiceRef<'_> {
    ServiceRef {
        id: c.id.as_str(),
        category: c.category.as_str(),
        name_ja: &c.name.ja,
        name_en: &c.name.en,
        custom: true,
    }
}

/// Every service of a catalogue plus custom ones, by id: built once in time about
/// linear in the number of services, then each look-up takes logarithmic time (a
/// B-tree: std's hash maps need randomness the browser build does not have, see
/// clippy.toml). A look-up finds what [`CatalogueDef::find`] finds.
#[derive(Clone, Debug)]
pub struct ServiceIndex<'a> {
    by_id: BTreeMap<&'a str, ServiceRef<'a>>,
}

impl<'a> ServiceIndex<'a> {
    /// The index of `catalogue`'s services and the `custom` ones.
    pub fn new(catalogue: &'a CatalogueDef, custom: &'a [CustomService]) -> Self {
        let mut by_id = BTreeMap::new();
        for service in catalogue.all_services(custom) {
            by_id.entry(service.id).or_insert(service);
        }
        ServiceIndex { by_id }
    }

    /// The service with this id, built in or custom.
    pub fn get(&self, id: &str) -> Option<ServiceRef<'a>> {
        self.by_id.get(id).copied()
    }

    /// A service has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// How many distinct services there are.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// No service at all.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
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
    /// The assessment already has `max` custom services, as many as the reader takes
    /// (see [`CatalogueDef::max_custom_services`]).
    TooMany { max: usize },
}

impl CustomServiceError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CustomServiceError::UnknownCategory(c), Lang::En) => format!("unknown category \"{c}\""),
            (CustomServiceError::UnknownCategory(c), Lang::Ja) => format!("不明なカテゴリー「{c}」です"),
            (CustomServiceError::IdTaken(id), Lang::En) => format!("service id \"{id}\" is already taken"),
            (CustomServiceError::IdTaken(id), Lang::Ja) => format!("サービス ID「{id}」は既に使われています"),
            (CustomServiceError::NoValidId { category, error }, Lang::En) => {
                format!("no valid id is left for a new service in category \"{category}\": {error}")
            }
            (CustomServiceError::NoValidId { category, .. }, Lang::Ja) => {
                format!("カテゴリー「{category}」に新しいサービスの ID を付けられません（ID が長くなりすぎます）")
            }
            (CustomServiceError::TooMany { max }, Lang::En) => {
                format!("no more services can be added: an assessment holds at most {max} services of its own")
            }
            (CustomServiceError::TooMany { max }, Lang::Ja) => {
                format!("これ以上サービスを追加できません（追加できるサービスは 1 つのアセスメントにつき {max} 件までです）")
            }
        }
    }
}

impl std::fmt::Display for CustomServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CustomServiceError {}
