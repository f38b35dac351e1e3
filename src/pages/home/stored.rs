//! Stored entries that could not be read, and the trash.

use leptos::prelude::*;

use crate::browser;
use crate::state::use_app;

#[component]
pub fn UnreadableList() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let lang = app.lang();
        let t = app.t();
        app.library.unreadable().with(|list| {
            list.iter()
                .map(|u| {
                    let key_dl = u.key.clone();
                    let key_rm = u.key.clone();
                    view! {
                        <li data-testid="unreadable-item">
                            <code>{u.key.clone()}</code>
                            <p>{u.error.message(lang)}</p>
                            <button type="button" on:click=move |_| app.exports.unreadable_raw(&key_dl)>
                                {t.home.download_raw}
                            </button>
                            <button
                                type="button"
                                class="danger"
                                on:click=move |_| {
                                    if browser::confirm(t.home.discard_confirm) {
                                        app.library.discard_unreadable(&key_rm);
                                    }
                                }
                            >
                                {t.home.discard}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || app.library.unreadable().with(|l| !l.is_empty())>
            <section class="unreadable" aria-labelledby="unreadable-heading">
                <h2 id="unreadable-heading">{app.text(|t| t.home.unreadable_heading)}</h2>
                <p>{app.text(|t| t.home.unreadable_explain)}</p>
                <ul>{rows}</ul>
            </section>
        </Show>
    }
}

#[component]
pub fn TrashList() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let t = app.t();
        app.library.trash().with(|list| {
            list.iter()
                .map(|item| {
                    let restore_id = item.id.clone();
                    let purge_id = item.id.clone();
                    let when = item.deleted.as_ref().map(|d| d.date().to_owned()).unwrap_or_default();
                    view! {
                        <li data-testid="trash-item">
                            <span>
                                <bdi>{item.assessment.name.clone()}</bdi>
                                " — "
                                <bdi>{item.assessment.organisation.clone()}</bdi>
                                {format!(" ({})", (t.home.deleted_on)(&when))}
                            </span>
                            <button
                                type="button"
                                data-testid="trash-restore"
                                on:click=move |_| app.library.restore_from_trash(&restore_id, usize::MAX, false)
                            >
                                {t.home.restore}
                            </button>
                            <button
                                type="button"
                                class="danger"
                                data-testid="trash-purge"
                                on:click=move |_| {
                                    if browser::confirm(t.home.purge_confirm) {
                                        app.library.purge(&purge_id);
                                    }
                                }
                            >
                                {t.home.purge}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || app.library.trash().with(|l| !l.is_empty())>
            <details class="trash">
                <summary>
                    {move || format!("{} ({})", app.t().home.trash_heading, app.library.trash().with(Vec::len))}
                </summary>
                <p class="hint">{app.text(|t| t.home.trash_explain)}</p>
                <ul class="plain">{rows}</ul>
            </details>
        </Show>
    }
}
