//! Service profile (X.1060 clause 9.3): in-house or outsourced for every service
//! in scope, with the provider, and the split per category.

use leptos::prelude::*;

use crate::components::{field_label, CategoryTitle, ServiceLabel, SourcingSelect, SplitTable, TableHead};
use crate::model::catalogue::CategoryDef;
use crate::model::Assessment;
use crate::state::{use_app, ServiceInfo};

#[component]
pub fn Profile() -> impl IntoView {
    let app = use_app();
    let any_in_scope = move || app.library.summary().with(|s| s.as_ref().is_some_and(|s| s.counts.in_scope > 0));
    view! {
        <section class="view" data-view="profile" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.profile)}</h2>
            <p class="intro">{app.text(|t| t.profile.intro)}</p>
            <Show
                when=any_in_scope
                fallback=move || view! { <p class="empty">{app.text(|t| t.portfolio.empty_scope)}</p> }
            >
                <SplitTable />
            </Show>
            {move || {
                app.library
                    .catalogue()
                    .get()
                    .categories
                    .iter()
                    .map(|c| view! { <ProfileCategory category=c /> })
                    .collect_view()
            }}
        </section>
    }
}

#[component]
fn ProfileCategory(category: &'static CategoryDef) -> impl IntoView {
    let app = use_app();
    let services = app.library.in_scope_of(category);
    view! {
        <Show when=move || services.with(|s| !s.is_empty())>
            <section class="category">
                <h3>
                    <CategoryTitle category=category />
                </h3>
                <table class="services">
                    <TableHead columns=|t| vec![t.col.id, t.col.service, t.col.sourcing, t.col.provider] />
                    <tbody>
                        <For
                            each=move || services.get()
                            key=|s| s.id.clone()
                            children=move |s| view! { <ProfileRow service=s /> }
                        />
                    </tbody>
                </table>
            </section>
        </Show>
    }
}

#[component]
fn ProfileRow(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let state = app.library.service_state(service.id.clone());
    let id = service.id.clone();
    view! {
        <tr>
            <ServiceLabel service=service.clone() />
            <td>
                <SourcingSelect service=service.clone() testid=format!("sourcing-{}", service.id) />
            </td>
            <td>
                <input
                    data-testid=format!("provider-{}", service.id)
                    maxlength=Assessment::MAX_NAME_CHARS
                    aria-label=field_label(service.clone(), |t| t.col.provider)
                    prop:value=move || state.get().provider
                    on:input:target={
                        let id = id.clone();
                        move |ev| {
                            let provider = ev.target().value();
                            app.library.edit_service(&id, move |s| s.provider = provider.clone());
                        }
                    }
                    on:change:target=move |ev| {
                        let provider = ev.target().value().trim().to_owned();
                        app.library.edit_service(&id, move |s| s.provider = provider.clone());
                    }
                />
            </td>
        </tr>
    }
}
