//! How a service is named in a row of a table, and in the accessible names of its
//! fields, in the current language.

use leptos::prelude::*;

use crate::i18n::Texts;
use crate::state::{use_app, ServiceInfo};

/// A service's row label: its id as the row's head and its name beside it, marked
/// when it is one of the organisation's own services:
/// `<th scope="row">I-8</th><td>Name<span class="tag">own</span></td>`.
#[component]
pub fn ServiceLabel(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let id = service.id.to_string();
    let custom = service.custom;
    view! {
        <th scope="row">{id}</th>
        <td>
            {move || service.name(app.lang()).to_owned()}
            {custom.then(|| view! { <span class="tag">{app.text(|t| t.catalogue.custom_badge)}</span> })}
        </td>
    }
}

/// The accessible name of one of a service's fields: "A-1 Name: Provider".
pub fn field_label(
    service: ServiceInfo,
    field: impl Fn(&'static Texts) -> &'static str + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let app = use_app();
    move || format!("{} {}: {}", service.id, service.name(app.lang()), field(app.t()))
}
