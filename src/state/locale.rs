//! The interface language, kept as a preference.

use leptos::prelude::*;

use super::repo::with_repo;
use crate::i18n::{texts, Texts};
use crate::model::Lang;

#[derive(Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
}

impl Locale {
    /// The stored choice, else the browser's language, else Japanese.
    pub(super) fn load() -> Self {
        let lang = with_repo(|r| r.pref("lang"))
            .or_else(crate::browser::browser_language)
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        Locale { lang: RwSignal::new(lang) }
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The interface text in the current language (reactive).
    pub fn t(&self) -> &'static Texts {
        texts(self.lang.get())
    }

    /// Switches the language and keeps the choice.
    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        // A preference not kept is no loss of data (see `Nav::open`).
        let _ = with_repo(|r| r.set_pref("lang", lang.code()));
    }
}
