//! A category's letter and name in the current language: "A. CDCの戦略マネジメント".

use leptos::prelude::*;

use crate::model::CatalogueDef;
use crate::state::use_app;

#[component]
pub fn CategoryTitle(category: &'static str) -> impl IntoView {
    let app = use_app();
    let def = CatalogueDef::latest().category(category);
    move || format!("{category}. {}", def.map(|d| d.name.get(app.lang.get())).unwrap_or_default())
}
