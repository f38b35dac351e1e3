//! A category's letter and name in the current language: "A. CDCの戦略マネジメント".

use leptos::prelude::*;

use crate::model::catalogue::CategoryDef;
use crate::state::use_app;

#[component]
pub fn CategoryTitle(category: &'static CategoryDef) -> impl IntoView {
    let app = use_app();
    move || category.title(app.lang())
}
