//! The services of the active assessment's catalogue, as views list them.

use leptos::prelude::*;

use super::Library;
use crate::model::catalogue::CategoryDef;
use crate::model::{Lang, ServiceAssessment, ServiceId};

/// A service of the active assessment's catalogue (built in or custom), owned so
/// views can keep it in keyed lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceInfo {
    pub id: ServiceId,
    pub category: &'static str,
    pub name_ja: String,
    pub name_en: String,
    pub custom: bool,
}

impl ServiceInfo {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick_filled(&self.name_ja, &self.name_en)
    }
}

impl Library {
    /// The services of one category of the active assessment (reactive).
    pub fn services_of(&self, category: &'static CategoryDef) -> Vec<ServiceInfo> {
        self.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            a.catalogue
                .services_of(category, &a.custom_services)
                .filter_map(|s| {
                    Some(ServiceInfo {
                        id: ServiceId::parse(s.id).ok()?,
                        category: category.id,
                        name_ja: s.name_ja.to_owned(),
                        name_en: s.name_en.to_owned(),
                        custom: s.custom,
                    })
                })
                .collect()
        })
    }

    /// The state of one service, as a memo: views bound to it update only when
    /// that service changes.
    pub fn service_state(&self, id: ServiceId) -> Memo<ServiceAssessment> {
        let current = self.current;
        Memo::new(move |_| current.with(|a| a.as_ref().map(|a| a.service(id.as_str())).unwrap_or_default()))
    }

    /// The in-scope services of a category (reactive), for the profile and portfolio.
    pub fn in_scope_of(&self, category: &'static CategoryDef) -> Memo<Vec<ServiceInfo>> {
        let this = *self;
        Memo::new(move |_| {
            let services = this.services_of(category);
            this.current.with(|a| {
                let Some(a) = a else { return Vec::new() };
                services.into_iter().filter(|s| a.services.get(s.id.as_str()).is_some_and(|x| x.in_scope())).collect()
            })
        })
    }
}
