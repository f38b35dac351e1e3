//! Own (custom) services of the compared assessments, matched by what they are and
//! not only by id (docs/exchange-format.md, “Workshop rounds”). Own service ids are
//! numbered per category from the first free number, so two participants who each
//! add one service both get `I-8`, for two different services; and two who add the
//! same service may give it different ids.
//!
//! - The same category and the same name (in either language, compared
//!   [normalised](normalise)): the same service, whatever its id.
//! - The same id and another name: a [`Clash`]. The two are kept apart (the later
//!   one is compared, and merged, under a new free id) unless the facilitator says
//!   they are the same service ([`ClashKey`]).
//! - The same id in another category: the assessment is not compared
//!   ([`super::Unmatched::CustomConflict`]).

use std::collections::{BTreeMap, BTreeSet};

use super::compare::Unmatched;
use crate::model::{Assessment, Catalogue, CustomService, Lang, LocalText, ServiceId};

/// A name as compared: full-width ASCII letters, digits and signs as their
/// half-width forms, lower case, runs of white space as one space, trimmed.
pub fn normalise(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalised names of a service, both languages, blanks left out.
fn name_keys(name: &LocalText) -> BTreeSet<String> {
    [&name.ja, &name.en].into_iter().map(|n| normalise(n)).filter(|n| !n.is_empty()).collect()
}

/// The names of a service as one text: its normalised names joined by ` / `.
fn name_key(name: &LocalText) -> String {
    name_keys(name).into_iter().collect::<Vec<_>>().join(" / ")
}

/// Which clash the facilitator said is one service: the id both use, and the
/// normalised names of the one compared first and of the other.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClashKey {
    pub id: String,
    pub first: String,
    pub other: String,
}

/// Two own services with one id and different names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub key: ClashKey,
    pub category: String,
    /// Who has the one compared first, and its name.
    pub first_label: String,
    pub first_name: LocalText,
    /// Who has the other one, and its name.
    pub other_label: String,
    pub other_name: LocalText,
    /// The facilitator said they are the same service: compared and merged as one.
    pub same: bool,
    /// The id the other one has in the comparison and the merge: `key.id` when
    /// they are the same, else a new free id of its category.
    pub compared_as: ServiceId,
}

impl Clash {
    /// What the workshop view says of the clash.
    pub fn message(&self, lang: Lang) -> String {
        let (id, as_id) = (&self.key.id, self.compared_as.as_str());
        let (first, other) = (self.first_name.get(lang), self.other_name.get(lang));
        let (a, b) = (&self.first_label, &self.other_label);
        match (lang, self.same) {
            (Lang::En, false) => format!(
                "Own service {id}: “{a}” has “{first}”, “{b}” has “{other}”. Compared as two services; “{b}”'s is {as_id} in the comparison and the merge."
            ),
            (Lang::En, true) => format!(
                "Own service {id}: “{a}” has “{first}”, “{b}” has “{other}”. Compared as one service, as you said."
            ),
            (Lang::Ja, false) => format!(
                "独自サービス {id}：「{a}」は「{first}」、「{b}」は「{other}」です。別のサービスとして比較し、「{b}」のものは比較と統合で {as_id} になります。"
            ),
            (Lang::Ja, true) => format!(
                "独自サービス {id}：「{a}」は「{first}」、「{b}」は「{other}」です。指定どおり同じサービスとして比較します。"
            ),
        }
    }
}

/// An own service matched by its name to one compared under another id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    pub label: String,
    pub id: ServiceId,
    pub name: LocalText,
    pub compared_as: ServiceId,
}

impl Renamed {
    pub fn message(&self, lang: Lang) -> String {
        let (label, id, as_id, name) = (&self.label, &self.id, &self.compared_as, self.name.get(lang));
        match lang {
            Lang::En => format!(
                "“{label}”'s own service {id} “{name}” has the name of {as_id}: compared as one service, {as_id}."
            ),
            Lang::Ja => format!(
                "「{label}」の独自サービス {id}「{name}」は {as_id} と同じ名前のため、{as_id} として比較します。"
            ),
        }
    }
}

/// The own services gathered so far, and what is known of each.
pub(super) struct Gathered<'a> {
    catalogue: Catalogue,
    /// Every own service id of every picked assessment: a new id is none of them.
    reserved: Vec<CustomService>,
    /// The facilitator's word on clashes.
    same: &'a BTreeSet<ClashKey>,
    /// The own services compared, first one's first; each with the label of who
    /// has it and the normalised names it goes by (its own, and those of the
    /// services said to be the same).
    pub custom: Vec<CustomService>,
    owners: Vec<String>,
    aliases: Vec<BTreeSet<String>>,
    pub clashes: Vec<Clash>,
    pub renamed: Vec<Renamed>,
}

/// How a compared assessment's own service ids read in the comparison.
pub type IdMap = BTreeMap<String, ServiceId>;

impl<'a> Gathered<'a> {
    pub(super) fn new(catalogue: Catalogue, picked: &[&Assessment], same: &'a BTreeSet<ClashKey>) -> Self {
        let reserved = picked.iter().flat_map(|a| a.custom_services.iter().cloned()).collect();
        Gathered {
            catalogue,
            reserved,
            same,
            custom: Vec::new(),
            owners: Vec::new(),
            aliases: Vec::new(),
            clashes: Vec::new(),
            renamed: Vec::new(),
        }
    }

    /// Matches the own services of `a` (labelled `label`) with those gathered: the
    /// id each has in the comparison, or why `a` cannot be compared. Nothing is
    /// gathered from an assessment that cannot be compared.
    pub(super) fn admit(&mut self, label: &str, a: &Assessment) -> Result<IdMap, Unmatched> {
        // Same id in another category: not compared (checked first, so a refused
        // assessment leaves nothing behind).
        for c in &a.custom_services {
            if let Some(g) = self.custom.iter().find(|g| g.id == c.id && g.category != c.category) {
                return Err(Unmatched::CustomConflict {
                    label: label.to_owned(),
                    id: c.id.to_string(),
                    category: c.category.to_string(),
                    expected: g.category.to_string(),
                });
            }
        }
        let mut map = IdMap::new();
        // Gathered services this assessment's services are matched to already: two
        // of its own are never made one.
        let mut taken = BTreeSet::new();
        for c in &a.custom_services {
            let keys = name_keys(&c.name);
            let by_name = (0..self.custom.len()).find(|&i| {
                !taken.contains(&i) && self.custom[i].category == c.category && !self.aliases[i].is_disjoint(&keys)
            });
            let by_id = self.custom.iter().position(|g| g.id == c.id);
            let index = match (by_name, by_id) {
                (Some(i), _) => {
                    if self.custom[i].id != c.id {
                        let (id, compared_as) = (c.id.clone(), self.custom[i].id.clone());
                        self.renamed.push(Renamed { label: label.to_owned(), id, name: c.name.clone(), compared_as });
                    }
                    i
                }
                // Matched to another of its own already: never one with it.
                (None, Some(i)) => self.clash(i, label, c, keys, !taken.contains(&i))?,
                (None, None) => self.push(c.clone(), label, keys),
            };
            taken.insert(index);
            map.insert(c.id.to_string(), self.custom[index].id.clone());
        }
        Ok(map)
    }

    /// `c` has the id of the gathered service `i` and another name: one service if
    /// the facilitator said so (and `may_join`), else `c` under a new id. The index
    /// `c` is compared as.
    fn clash(
        &mut self,
        i: usize,
        label: &str,
        c: &CustomService,
        keys: BTreeSet<String>,
        may_join: bool,
    ) -> Result<usize, Unmatched> {
        let first = &self.custom[i];
        let key = ClashKey { id: c.id.to_string(), first: name_key(&first.name), other: name_key(&c.name) };
        let same = may_join && self.same.contains(&key);
        let index = if same {
            self.aliases[i].extend(keys);
            i
        } else {
            let mut taken = self.reserved.clone();
            taken.extend(self.custom.iter().cloned());
            // Fails only for a category the catalogue lacks, which the reader refuses.
            let id = self.catalogue.next_custom_id(&taken, &c.category).map_err(|_| Unmatched::CustomConflict {
                label: label.to_owned(),
                id: c.id.to_string(),
                category: c.category.to_string(),
                expected: c.category.to_string(),
            })?;
            self.push(CustomService { id, ..c.clone() }, label, keys)
        };
        self.clashes.push(Clash {
            key,
            category: c.category.to_string(),
            first_label: self.owners[i].clone(),
            first_name: self.custom[i].name.clone(),
            other_label: label.to_owned(),
            other_name: c.name.clone(),
            same,
            compared_as: self.custom[index].id.clone(),
        });
        Ok(index)
    }

    fn push(&mut self, c: CustomService, label: &str, keys: BTreeSet<String>) -> usize {
        self.custom.push(c);
        self.owners.push(label.to_owned());
        self.aliases.push(keys);
        self.custom.len() - 1
    }
}
