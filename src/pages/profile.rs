//! Service profile (X.1060 clause 9.3): in-house or outsourced for every service
//! in scope, with the provider, and the split per category.

use leptos::prelude::*;

use crate::components::{CategoryTitle, Choice, ChoiceSelect};
use crate::i18n::Texts;
use crate::model::{CatalogueDef, Sourcing};
use crate::state::{use_app, ServiceInfo};

pub fn sourcing_choices(t: &Texts) -> Vec<Choice> {
    vec![
        Choice::new("", t.sourcing_unset),
        Choice::new(Sourcing::Insource.as_str(), t.insource),
        Choice::new(Sourcing::Outsource.as_str(), t.outsource),
    ]
}

/// The in-scope services of a category (reactive), for the profile and portfolio.
pub fn in_scope_of(category: &'static str) -> Memo<Vec<ServiceInfo>> {
    let app = use_app();
    Memo::new(move |_| {
        let services = app.services_of(category);
        app.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            services.into_iter().filter(|s| a.services.get(s.id.as_str()).is_some_and(|x| x.in_scope())).collect()
        })
    })
}

/// A sourcing picker bound to one service.
#[component]
pub fn SourcingSelect(service: ServiceInfo, #[prop(into)] testid: String) -> impl IntoView {
    let app = use_app();
    let state = app.service_state(service.id.clone());
    let id = service.id.clone();
    view! {
        <ChoiceSelect
            testid=testid
            label=Signal::derive(move || format!("{} {}: {}", service.id, service.name(app.lang.get()), app.t().col_sourcing))
            choices=Signal::derive(move || sourcing_choices(app.t()))
            selected=Signal::derive(move || state.get().sourcing.map(|s| s.as_str().to_owned()).unwrap_or_default())
            on_pick=Callback::new(move |v: String| {
                let sourcing = Sourcing::parse(&v);
                app.edit_service(&id, |s| s.sourcing = sourcing);
            })
        />
    }
}

#[component]
pub fn Profile() -> impl IntoView {
    let app = use_app();
    let any_in_scope = move || app.summary.with(|s| s.as_ref().is_some_and(|s| s.counts.in_scope > 0));
    view! {
        <section class="view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || app.t().nav_profile}</h2>
            <p class="intro">{move || app.lang.get().pick(
                "X.1060 9.3：対象の各サービスを内製（インソース）で行うか、外部委託（アウトソース）するかを決めます。",
                "X.1060 clause 9.3: for each service in scope, decide whether it is done in-house (insource) or outsourced.",
            )}</p>
            <Show when=any_in_scope fallback=move || view! { <p class="empty">{move || app.t().empty_scope}</p> }>
                <SplitTable/>
            </Show>
            {CatalogueDef::latest().categories.iter().map(|c| view! { <ProfileCategory category=c.id/> }).collect_view()}
        </section>
    }
}

#[component]
pub fn SplitTable(
    /// Category letters only (for the one-page report).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let app = use_app();
    view! {
        <table class="counts" data-testid="profile-split">
            <caption>{move || app.t().split_heading}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || app.t().col_category}</th>
                    <th scope="col">{move || app.t().col_in_scope}</th>
                    <th scope="col">{move || app.t().col_insource}</th>
                    <th scope="col">{move || app.t().col_outsource}</th>
                    <th scope="col">{move || app.t().col_unassigned}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = app.lang.get();
                    let t = app.t();
                    app.summary.with(|s| {
                        let Some(s) = s else { return Vec::new() };
                        let catalogue = CatalogueDef::latest();
                        let mut rows: Vec<_> = s.categories.iter().map(|c| {
                            let name = catalogue.category(c.category).map(|d| d.name.get(lang)).unwrap_or_default();
                            let label = if compact { c.category.to_owned() } else { format!("{}. {name}", c.category) };
                            (label, c.category.to_owned(), c.counts)
                        }).collect();
                        rows.push((t.col_total.to_owned(), "total".to_owned(), s.counts));
                        rows.into_iter().map(|(label, key, n)| view! {
                            <tr data-testid=format!("split-{key}")>
                                <th scope="row">{label}</th>
                                <td>{n.in_scope}</td>
                                <td>{n.insource}</td>
                                <td>{n.outsource}</td>
                                <td>{n.sourcing_unset}</td>
                            </tr>
                        }).collect::<Vec<_>>()
                    })
                }}
            </tbody>
        </table>
    }
}

#[component]
fn ProfileCategory(category: &'static str) -> impl IntoView {
    let app = use_app();
    let services = in_scope_of(category);
    view! {
        <Show when=move || services.with(|s| !s.is_empty())>
            <section class="category">
                <h3><CategoryTitle category=category/></h3>
                <table class="services">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().col_id}</th>
                            <th scope="col">{move || app.t().col_service}</th>
                            <th scope="col">{move || app.t().col_sourcing}</th>
                            <th scope="col">{move || app.t().col_provider}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || services.get() key=|s| s.id.clone() children=move |s| view! { <ProfileRow service=s/> }/>
                    </tbody>
                </table>
            </section>
        </Show>
    }
}

#[component]
fn ProfileRow(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let state = app.service_state(service.id.clone());
    let id = service.id.clone();
    let name_service = service.clone();
    let label_service = service.clone();
    view! {
        <tr>
            <th scope="row">{service.id.to_string()}</th>
            <td>{move || name_service.name(app.lang.get()).to_owned()}</td>
            <td><SourcingSelect service=service.clone() testid=format!("sourcing-{}", service.id)/></td>
            <td>
                <input
                    data-testid=format!("provider-{}", service.id)
                    maxlength="200"
                    aria-label=move || format!("{} {}: {}", label_service.id, label_service.name(app.lang.get()), app.t().col_provider)
                    prop:value=move || state.get().provider
                    on:change:target=move |ev| {
                        let provider = ev.target().value();
                        app.edit_service(&id, |s| s.provider = provider.trim().to_owned());
                    }
                />
            </td>
        </tr>
    }
}
