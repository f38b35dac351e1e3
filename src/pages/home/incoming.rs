//! What a backup file or a share link holds, offered for import; nothing is added
//! until the user confirms.

use leptos::prelude::*;

use crate::state::use_app;

/// What a backup file holds, with a choice of what to add; nothing is added until
/// the user confirms.
#[component]
pub fn RestorePreview() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let t = app.t();
        app.incoming.restore().with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let a = &item.assessment;
                    let id = format!("restore-{i}");
                    let label_for = id.clone();
                    view! {
                        <li data-testid="restore-item">
                            <input
                                type="checkbox"
                                id=id
                                prop:checked=item.selected
                                on:change:target=move |ev| {
                                    let checked = ev.target().checked();
                                    app.incoming.select_restore(i, checked);
                                }
                            />
                            <label for=label_for class="inline">
                                <bdi>{a.name.clone()}</bdi>
                                " — "
                                <bdi>{a.organisation.clone()}</bdi>
                                {format!(" ({})", (t.home.contents)(a.services.len(), a.snapshots.len()))}
                                {item.already_here.then(|| view! { <span class="tag">{t.home.already_here}</span> })}
                            </label>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move || {
        app.incoming.restore().with(|p| p.as_ref().map_or(0, |p| p.items.iter().filter(|i| i.selected).count()))
    };
    view! {
        <Show when=move || app.incoming.restore().with(Option::is_some)>
            <section class="card restore" aria-labelledby="restore-heading" data-testid="restore-preview">
                <h2 id="restore-heading">
                    {app.text(|t| t.home.restore_heading)}": "
                    {move || app.incoming.restore().with(|p| p.as_ref().map(|p| p.file.clone()).unwrap_or_default())}
                </h2>
                <p class="hint">{app.text(|t| t.home.restore_explain)}</p>
                <ul class="plain">{rows}</ul>
                {move || {
                    let lang = app.lang();
                    let damaged: Vec<String> = app
                        .incoming
                        .restore()
                        .with(|p| {
                            p.as_ref().map(|p| p.damaged.iter().map(|d| d.message(lang)).collect()).unwrap_or_default()
                        });
                    (!damaged.is_empty())
                        .then(|| {
                            view! {
                                <div class="alert" role="alert" data-testid="restore-damaged">
                                    <p>{app.t().home.damaged_members}</p>
                                    <ul>{damaged.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                }}
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="restore-confirm"
                        disabled=move || count() == 0
                        on:click=move |_| app.incoming.confirm_restore()
                    >
                        {move || format!("{} ({})", app.t().home.restore_confirm, count())}
                    </button>
                    <button type="button" data-testid="restore-cancel" on:click=move |_| app.incoming.cancel_restore()>
                        {app.text(|t| t.common.cancel)}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// What a share link holds, offered for import; nothing is added until confirmed.
#[component]
pub fn SharePreview() -> impl IntoView {
    let app = use_app();
    let summary = move || {
        app.incoming.share().with(|a| {
            a.as_ref().map(|a| {
                let contents = (app.t().home.contents)(a.services.len(), a.snapshots.len());
                view! {
                    <bdi>{a.name.clone()}</bdi>
                    " — "
                    <bdi>{a.organisation.clone()}</bdi>
                    {format!(" ({contents})")}
                }
            })
        })
    };
    view! {
        <Show when=move || app.incoming.share().with(Option::is_some)>
            <section class="card restore" aria-labelledby="share-heading" data-testid="share-preview">
                <h2 id="share-heading">{app.text(|t| t.home.share_incoming)}</h2>
                <p data-testid="share-summary">{summary}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="share-import"
                        on:click=move |_| app.incoming.accept_share()
                    >
                        {app.text(|t| t.home.share_import)}
                    </button>
                    <button type="button" data-testid="share-dismiss" on:click=move |_| app.incoming.dismiss_share()>
                        {app.text(|t| t.common.cancel)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
