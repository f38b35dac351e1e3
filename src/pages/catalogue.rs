//! Service catalogue (X.1060 clause 9.2): a recommendation level for every
//! service, a whole category at once, and services of the organisation's own.

use leptos::prelude::*;

use crate::components::{field_label, level_choices, CategoryTitle, ChoiceSelect, ServiceLabel, TableHead};
use crate::model::catalogue::CategoryDef;
use crate::model::{Assessment, CategoryId, Level, LocalText, ServiceId};
use crate::state::{use_app, ServiceInfo};

#[component]
pub fn Catalogue() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="view" data-view="catalogue" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.catalogue)}</h2>
            <p class="intro">{app.text(|t| t.catalogue.intro)}</p>
            <LevelLegend />
            <LevelCounts />
            {move || {
                app.library
                    .catalogue()
                    .get()
                    .categories
                    .iter()
                    .map(|c| view! { <CategorySection category=c /> })
                    .collect_view()
            }}
            <CustomServiceForm />
        </section>
    }
}

#[component]
fn LevelLegend() -> impl IntoView {
    let app = use_app();
    view! {
        <details class="legend">
            <summary>{app.text(|t| t.catalogue.level_legend)}</summary>
            <dl>
                {move || {
                    let lang = app.lang();
                    app.library
                        .catalogue()
                        .get()
                        .levels
                        .iter()
                        .map(|l| {
                            view! {
                                <dt>{l.name.get(lang)}</dt>
                                <dd>{l.meaning.get(lang)}</dd>
                            }
                        })
                        .collect_view()
                }}
            </dl>
        </details>
    }
}

/// How many services have each level, in the whole catalogue.
#[component]
fn LevelCounts() -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        app.library.current().with(|a| {
            let mut counts = [0u32; 6];
            if let Some(a) = a {
                for s in a.catalogue.all_services(&a.custom_services) {
                    let slot = match a.services.get(s.id).and_then(|x| x.level) {
                        None => 0,
                        Some(l) => 1 + Level::ALL.iter().position(|x| *x == l).unwrap_or(0),
                    };
                    counts[slot] += 1;
                }
            }
            counts
        })
    });
    view! {
        <table class="counts" data-testid="level-counts">
            <caption>{app.text(|t| t.catalogue.counts_heading)}</caption>
            <thead>
                <tr>
                    {move || {
                        let lang = app.lang();
                        level_choices(app.library.catalogue().get(), lang, app.t())
                            .into_iter()
                            .map(|c| view! { <th scope="col">{c.text}</th> })
                            .collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                <tr>{move || counts.get().into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}</tr>
            </tbody>
        </table>
    }
}

#[component]
fn CategorySection(category: &'static CategoryDef) -> impl IntoView {
    let app = use_app();
    let services = Memo::new(move |_| app.library.services_of(category));
    let bulk = RwSignal::new(String::new());
    let apply = move |_| {
        let level = Level::parse(&bulk.get_untracked());
        let ids: Vec<ServiceId> = services.get_untracked().into_iter().map(|s| s.id).collect();
        app.library.edit_active(move |a| {
            for id in &ids {
                a.edit_service(id, |s| s.level = level);
            }
        });
    };
    let heading_id = format!("cat-{}", category.id);
    let heading_ref = heading_id.clone();
    let bulk_id = format!("bulk-{}", category.id);
    let bulk_for = bulk_id.clone();
    view! {
        <section class="category" aria-labelledby=heading_ref data-testid=format!("category-{}", category.id)>
            <h3 id=heading_id>
                <CategoryTitle category=category />
            </h3>
            <div class="bulk">
                <label for=bulk_for>{app.text(|t| t.catalogue.set_all)}</label>
                <select
                    id=bulk_id
                    data-testid=format!("bulk-level-{}", category.id)
                    on:change:target=move |ev| bulk.set(ev.target().value())
                >
                    {move || {
                        level_choices(app.library.catalogue().get(), app.lang(), app.t())
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option value=c.value.clone() selected=move || bulk.get() == c.value>
                                        {c.text.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" data-testid=format!("bulk-apply-{}", category.id) on:click=apply>
                    {app.text(|t| t.common.apply)}
                </button>
            </div>
            <table class="services">
                <TableHead columns=|t| vec![t.col.id, t.col.service, t.col.level] />
                <tbody>
                    <For
                        each=move || services.get()
                        key=|s| s.id.clone()
                        children=move |s| view! { <LevelRow service=s /> }
                    />
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn LevelRow(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let state = app.library.service_state(service.id.clone());
    let id = service.id.clone();
    view! {
        <tr>
            <ServiceLabel service=service.clone() />
            <td>
                <ChoiceSelect
                    testid=format!("level-{}", service.id)
                    label=Signal::derive(field_label(service.clone(), |t| t.col.level))
                    choices=Signal::derive(move || level_choices(app.library.catalogue().get(), app.lang(), app.t()))
                    selected=Signal::derive(move || {
                        state.get().level.map(|l| l.as_str().to_owned()).unwrap_or_default()
                    })
                    on_pick=Callback::new(move |v: String| {
                        let level = Level::parse(&v);
                        app.library.edit_service(&id, move |s| s.level = level);
                    })
                />
            </td>
        </tr>
    }
}

/// Adds a service to a category, with the next free id (`I-8` after `I-7`).
#[component]
fn CustomServiceForm() -> impl IntoView {
    let app = use_app();
    let category = RwSignal::new("A".to_owned());
    let name_ja = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (ja, en) = (name_ja.get_untracked(), name_en.get_untracked());
        if ja.trim().is_empty() && en.trim().is_empty() {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        let cat = category.get_untracked();
        if let Ok(category) = CategoryId::parse(&cat) {
            app.library.add_custom_service(&category, LocalText::new(ja.trim(), en.trim()));
        }
        name_ja.set(String::new());
        name_en.set(String::new());
    };
    view! {
        <form class="card custom" on:submit=submit aria-labelledby="custom-heading">
            <h3 id="custom-heading">{app.text(|t| t.catalogue.custom_heading)}</h3>
            <label for="custom-category">{app.text(|t| t.catalogue.custom_category)}</label>
            <select
                id="custom-category"
                data-testid="custom-category"
                on:change:target=move |ev| category.set(ev.target().value())
            >
                {move || {
                    let lang = app.lang();
                    app.library
                        .catalogue()
                        .get()
                        .categories
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.id selected=move || category.get() == c.id>
                                    {c.title(lang)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <label for="custom-name-ja">{app.text(|t| t.catalogue.custom_name_ja)}</label>
            <input
                id="custom-name-ja"
                data-testid="custom-name-ja"
                lang="ja"
                maxlength=Assessment::MAX_NAME_CHARS
                prop:value=move || name_ja.get()
                on:input:target=move |ev| name_ja.set(ev.target().value())
            />
            <label for="custom-name-en">{app.text(|t| t.catalogue.custom_name_en)}</label>
            <input
                id="custom-name-en"
                data-testid="custom-name-en"
                lang="en"
                maxlength=Assessment::MAX_NAME_CHARS
                prop:value=move || name_en.get()
                on:input:target=move |ev| name_en.set(ev.target().value())
            />
            {move || {
                invalid
                    .get()
                    .then(|| {
                        view! {
                            <p class="field-error" role="alert">
                                {app.t().catalogue.custom_name_required}
                            </p>
                        }
                    })
            }}
            <button type="submit" data-testid="custom-add">
                {app.text(|t| t.common.add)}
            </button>
        </form>
    }
}
