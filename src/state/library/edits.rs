//! Edits of the open assessment's own fields: its name and organisation, the quick
//! check, and services of the user's own. Each is made and stored by
//! [`Library::edit_active`] (`saving.rs`).

use leptos::prelude::*;

use super::Library;
use crate::browser;
use crate::model::{Assessment, CategoryId, CustomService, LocalText, QuickCheck, QuickEstimate};

impl Library {
    /// Changes the quick-check estimate of one category of the active assessment.
    pub fn edit_quick(&self, category: &CategoryId, edit: impl Fn(&mut QuickEstimate) + 'static) {
        let category = category.clone();
        let now = browser::now();
        self.edit_active(move |a| {
            a.quick.get_or_insert_with(|| QuickCheck::new(now.clone())).edit(&category, &edit);
        });
    }

    /// Renames the active assessment; a name with nothing visible is refused
    /// (`false`). While `typing`, the text is kept as typed (spaces and all); when the
    /// field is left, it is tidied (trimmed).
    pub fn rename(&self, name: &str, typing: bool) -> bool {
        let Some(clean) = crate::model::text::clean_name(name) else { return false };
        let name = if typing { name.chars().take(Assessment::MAX_NAME_CHARS).collect() } else { clean };
        if self.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.name == name)) {
            return true;
        }
        self.edit_active(move |a| a.name = name.clone());
        true
    }

    /// Sets the organisation of the active assessment (as typed while `typing`).
    pub fn set_organisation(&self, organisation: &str, typing: bool) {
        let text = if typing { organisation } else { organisation.trim() };
        let organisation: String = text.chars().take(Assessment::MAX_NAME_CHARS).collect();
        if self.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.organisation == organisation)) {
            return;
        }
        self.edit_active(move |a| a.organisation = organisation.clone());
    }

    /// Adds a service of the user's own to a category of the active assessment, with
    /// the next free id of that category. Checked on the state on screen first, so a
    /// refusal is reported; applied again after another tab's write, a service whose
    /// id is taken there by then is left out (that tab's service shows instead).
    pub fn add_custom_service(&self, category: &CategoryId, name: LocalText) {
        let checked = self.current.with_untracked(|a| {
            let a = a.as_ref()?;
            Some(a.catalogue.next_custom_id(&a.custom_services, category).and_then(|id| {
                let service = CustomService { id, category: category.clone(), name };
                a.catalogue.check_custom(&a.custom_services, &service.id, &service.category).map(|()| service)
            }))
        });
        let Some(Some(service)) = checked.map(|r| self.messages.report(r)) else { return };
        self.edit_active(move |a| {
            let _ = a.add_custom_service(service.clone());
        });
    }
}
