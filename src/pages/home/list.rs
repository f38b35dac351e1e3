//! The stored assessments; a click makes one active.

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn AssessmentList() -> impl IntoView {
    let app = use_app();
    let items = move || {
        let active = app.library.active();
        let t = app.t();
        app.library.listings().with(|list| {
            list.iter()
                .map(|a| {
                    let id = a.id.clone();
                    let is_active = active.as_ref() == Some(&a.id);
                    let updated = a.updated.as_ref().map(|u| u.date().to_owned()).unwrap_or_default();
                    let decided = a.services;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="assessment-item"
                                class:active=is_active
                                aria-current=if is_active { Some("true") } else { None }
                                data-testid="assessment-item"
                                on:click=move |_| app.library.activate(&id)
                            >
                                <bdi class="item-name">{a.name.clone()}</bdi>
                                <bdi class="item-org">{a.organisation.clone()}</bdi>
                                <span class="item-meta">{(t.home.item_meta)(&updated, decided)}</span>
                                {a
                                    .quick
                                    .then(|| {
                                        view! {
                                            <span class="tag" data-testid="quick-marker">
                                                {t.quick.marker}
                                            </span>
                                        }
                                    })}
                                // Fixed for this rendering (the list is rendered again when the
                                // active one changes), so no reactive `Show` per item.
                                {is_active.then(|| view! { <span class="badge">{t.home.active_marker}</span> })}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{app.text(|t| t.home.your_assessments)}</h2>
            <Show
                when=move || app.library.listings().with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{app.text(|t| t.home.no_assessments)}</p> }
            >
                <ul class="assessment-list">{items}</ul>
            </Show>
        </section>
    }
}
