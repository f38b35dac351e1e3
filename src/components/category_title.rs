//! A category's letter and name in the current language: "A. CDCの戦略マネジメント".

use leptos::prelude::*;

use crate::model::catalogue::CategoryDef;
use crate::model::{Catalogue, Lang};
use crate::state::use_app;

#[component]
pub fn CategoryTitle(category: &'static CategoryDef) -> impl IntoView {
    let app = use_app();
    move || category.title(app.lang())
}

/// The title of the category `id` ("A. CDCの戦略マネジメント"), or the id alone when
/// the catalogue has no such category.
pub fn category_title(catalogue: Catalogue, id: &str, lang: Lang) -> String {
    catalogue.category(id).map_or_else(|| id.to_owned(), |d| d.title(lang))
}
