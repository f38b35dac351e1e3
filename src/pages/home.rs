//! Home: the stored assessments, creating one, importing and exporting files, and
//! entries that could not be read.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::browser;
use crate::model::exchange::MAX_BYTES;
use crate::model::exchange::ImportError;
use crate::state::{use_app, Alert, View};

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="home">
            <AssessmentList/>
            <ActiveCard/>
            <SharePreview/>
            <RestorePreview/>
            <div class="cards">
                <CreateForm/>
                <ImportCard/>
                <SampleCard/>
                <BackupCard/>
            </div>
            <UnreadableList/>
            <TrashList/>
        </section>
    }
}

#[component]
fn AssessmentList() -> impl IntoView {
    let app = use_app();
    let items = move || {
        let active = app.active.get();
        let t = app.t();
        app.assessments.with(|list| {
            list.iter()
                .map(|stored| {
                    let id = stored.id.clone();
                    let is_active = active.as_ref() == Some(&stored.id);
                    let a = &stored.assessment;
                    let updated = a.updated.as_ref().map(|u| u.date().to_owned()).unwrap_or_default();
                    let decided = a.services.len();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="assessment-item"
                                class:active=is_active
                                aria-current=if is_active { Some("true") } else { None }
                                data-testid="assessment-item"
                                on:click=move |_| app.activate(&id)
                            >
                                <span class="item-name">{a.name.clone()}</span>
                                <span class="item-org">{a.organisation.clone()}</span>
                                <span class="item-meta">
                                    {format!("{} {updated} · {decided} {}", t.updated, t.services_decided)}
                                </span>
                                <Show when=move || is_active>
                                    <span class="badge">{t.active_marker}</span>
                                </Show>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{move || app.t().your_assessments}</h2>
            <Show
                when=move || app.assessments.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{move || app.t().no_assessments}</p> }
            >
                <ul class="assessment-list">{items}</ul>
            </Show>
        </section>
    }
}

#[component]
fn CreateForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        app.create(&n, &organisation.get_untracked());
        name.set(String::new());
        organisation.set(String::new());
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="create-heading">
            <h2 id="create-heading">{move || app.t().create_heading}</h2>
            <label for="new-name">{move || app.t().name_label}</label>
            <input
                id="new-name"
                data-testid="new-name"
                maxlength="200"
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby="new-name-error"
                prop:value=move || name.get()
                on:input:target=move |ev| name.set(ev.target().value())
                placeholder=move || app.t().default_name
            />
            <p id="new-name-error" class="field-error">
                {move || invalid.get().then(|| app.t().name_required)}
            </p>
            <label for="new-org">{move || app.t().organisation_label}</label>
            <input
                id="new-org"
                data-testid="new-organisation"
                maxlength="200"
                prop:value=move || organisation.get()
                on:input:target=move |ev| organisation.set(ev.target().value())
            />
            <button type="submit" class="primary" data-testid="create-assessment">
                {move || app.t().create_button}
            </button>
        </form>
    }
}

#[component]
fn ImportCard() -> impl IntoView {
    let app = use_app();
    let busy = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        let name = file.name();
        let size = file.size() as usize;
        if size > MAX_BYTES {
            app.status.set(None);
            app.alert.set(Some(Alert::Import { file: name, error: ImportError::TooLarge { bytes: size } }));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => app.import_bytes(name, &bytes),
                Err(e) => app.alert.set(Some(Alert::Browser(e.0))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="card">
            <h2>{move || app.t().import_heading}</h2>
            <label for="import-file">{move || app.t().import_label}</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                data-testid="import-input"
                aria-describedby="import-hint"
                on:change:target=on_change
            />
            <p id="import-hint" class="hint">{move || app.t().import_hint}</p>
            <p class="hint" aria-live="polite">{move || busy.get().then(|| app.t().importing)}</p>
        </div>
    }
}

#[component]
fn SampleCard() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="card">
            <h2>{move || app.t().sample_heading}</h2>
            <p class="hint">{move || app.t().sample_explain}</p>
            <button type="button" data-testid="open-sample" on:click=move |_| app.open_sample()>
                {move || app.t().sample_button}
            </button>
        </div>
    }
}

/// The active assessment: rename, duplicate, delete, and on to the catalogue.
#[component]
fn ActiveCard() -> impl IntoView {
    let app = use_app();
    let name = move || app.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let organisation = move || app.current.with(|a| a.as_ref().map(|a| a.organisation.clone()).unwrap_or_default());
    let delete = move |_| {
        let Some(id) = app.active.get_untracked() else { return };
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(app.t().delete_confirm).ok())
            .unwrap_or(false);
        if confirmed {
            app.delete(&id);
        }
    };
    view! {
        <Show when=move || app.current.with(Option::is_some)>
            <section class="card active-card" aria-labelledby="active-heading">
                <h2 id="active-heading">{move || app.t().active_heading}</h2>
                <div class="two-fields">
                    <div>
                        <label for="active-name">{move || app.t().name_label}</label>
                        <input
                            id="active-name"
                            data-testid="active-name"
                            maxlength="200"
                            prop:value=name
                            on:change:target=move |ev| {
                                let value = ev.target().value();
                                if value.trim().is_empty() {
                                    ev.target().set_value(&name());
                                } else {
                                    app.edit_active(|a| a.name = value.trim().to_owned());
                                }
                            }
                        />
                    </div>
                    <div>
                        <label for="active-org">{move || app.t().organisation_label}</label>
                        <input
                            id="active-org"
                            data-testid="active-organisation"
                            maxlength="200"
                            prop:value=organisation
                            on:change:target=move |ev| {
                                let value = ev.target().value();
                                app.edit_active(|a| a.organisation = value.trim().to_owned());
                            }
                        />
                    </div>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| app.show(View::Catalogue)>
                        {move || app.t().next_step}
                    </button>
                    <button type="button" data-testid="duplicate-assessment" on:click=move |_| app.duplicate_active()>
                        {move || app.t().duplicate}
                    </button>
                    <button type="button" class="danger" data-testid="delete-assessment" on:click=delete>
                        {move || app.t().delete}
                    </button>
                </div>
                <ShareLink/>
            </section>
        </Show>
    }
}

#[component]
fn UnreadableList() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let lang = app.lang.get();
        let t = app.t();
        app.unreadable.with(|list| {
            list.iter()
                .map(|u| {
                    let key_dl = u.key.clone();
                    let key_rm = u.key.clone();
                    view! {
                        <li data-testid="unreadable-item">
                            <code>{u.key.clone()}</code>
                            <p>{u.error.message(lang)}</p>
                            <button type="button" on:click=move |_| app.download_unreadable(&key_dl)>
                                {t.download_raw}
                            </button>
                            <button
                                type="button"
                                class="danger"
                                on:click=move |_| {
                                    let ok = web_sys::window()
                                        .and_then(|w| w.confirm_with_message(t.discard_confirm).ok())
                                        .unwrap_or(false);
                                    if ok {
                                        app.discard_unreadable(&key_rm);
                                    }
                                }
                            >
                                {t.discard}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || app.unreadable.with(|l| !l.is_empty())>
            <section class="unreadable" aria-labelledby="unreadable-heading">
                <h2 id="unreadable-heading">{move || app.t().unreadable_heading}</h2>
                <p>{move || app.t().unreadable_explain}</p>
                <ul>{rows}</ul>
            </section>
        </Show>
    }
}

#[component]
fn BackupCard() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="card">
            <h2>{move || app.t().backup_heading}</h2>
            <p class="hint">{move || app.t().backup_explain}</p>
            <button
                type="button"
                data-testid="backup-all"
                disabled=move || app.assessments.with(Vec::is_empty)
                on:click=move |_| app.backup_all()
            >
                {move || app.t().backup_button}
            </button>
        </div>
    }
}

/// What a backup file holds, with a choice of what to add; nothing is added until
/// the user confirms.
#[component]
fn RestorePreview() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let t = app.t();
        app.pending_restore.with(|p| {
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
                                    app.pending_restore.update(|p| {
                                        if let Some(item) = p.as_mut().and_then(|p| p.items.get_mut(i)) {
                                            item.selected = checked;
                                        }
                                    });
                                }
                            />
                            <label for=label_for class="inline">
                                {format!("{} — {} ({} · {})", a.name, a.organisation, a.services.len(), a.snapshots.len())}
                                {item.already_here.then(|| view! { <span class="tag">{t.already_here}</span> })}
                            </label>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move || app.pending_restore.with(|p| p.as_ref().map_or(0, |p| p.items.iter().filter(|i| i.selected).count()));
    view! {
        <Show when=move || app.pending_restore.with(Option::is_some)>
            <section class="card restore" aria-labelledby="restore-heading" data-testid="restore-preview">
                <h2 id="restore-heading">
                    {move || app.t().restore_heading}": "
                    {move || app.pending_restore.with(|p| p.as_ref().map(|p| p.file.clone()).unwrap_or_default())}
                </h2>
                <p class="hint">{move || app.t().restore_explain}</p>
                <ul class="plain">{rows}</ul>
                <div class="actions">
                    <button type="button" class="primary" data-testid="restore-confirm" disabled=move || count() == 0
                        on:click=move |_| app.confirm_restore()>
                        {move || format!("{} ({})", app.t().restore_confirm, count())}
                    </button>
                    <button type="button" data-testid="restore-cancel" on:click=move |_| app.pending_restore.set(None)>
                        {move || app.t().cancel}
                    </button>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn TrashList() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let t = app.t();
        app.trash.with(|list| {
            list.iter()
                .map(|item| {
                    let restore_id = item.id.clone();
                    let purge_id = item.id.clone();
                    let when = item.deleted.as_ref().map(|d| d.date().to_owned()).unwrap_or_default();
                    view! {
                        <li data-testid="trash-item">
                            <span>{format!("{} — {} ({} {when})", item.assessment.name, item.assessment.organisation, t.deleted_at)}</span>
                            <button type="button" data-testid="trash-restore"
                                on:click=move |_| app.restore_from_trash(&restore_id, usize::MAX, false)>
                                {t.restore}
                            </button>
                            <button type="button" class="danger" data-testid="trash-purge" on:click=move |_| {
                                let ok = web_sys::window().and_then(|w| w.confirm_with_message(t.purge_confirm).ok()).unwrap_or(false);
                                if ok {
                                    app.purge(&purge_id);
                                }
                            }>
                                {t.purge}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || app.trash.with(|l| !l.is_empty())>
            <details class="trash">
                <summary>{move || format!("{} ({})", app.t().trash_heading, app.trash.with(Vec::len))}</summary>
                <p class="hint">{move || app.t().trash_explain}</p>
                <ul class="plain">{rows}</ul>
            </details>
        </Show>
    }
}

/// Makes a link carrying the active assessment, shown for copying.
#[component]
fn ShareLink() -> impl IntoView {
    let app = use_app();
    let link = RwSignal::new(None::<String>);
    let make = move |_| match app.share_link() {
        Some(Ok(url)) => {
            link.set(Some(url));
            app.alert.set(None);
        }
        Some(Err(e)) => {
            link.set(None);
            app.alert.set(Some(Alert::Share(e)));
        }
        None => {}
    };
    // A new active assessment or an edit makes the shown link stale.
    Effect::new(move |_| {
        app.current.track();
        link.set(None);
    });
    let copy = move |_| {
        if let (Some(url), Some(w)) = (link.get_untracked(), web_sys::window()) {
            let _ = w.navigator().clipboard().write_text(&url);
            app.status.set(Some(crate::state::Status::Copied));
        }
    };
    view! {
        <details class="share">
            <summary>{move || app.t().share_heading}</summary>
            <p class="hint">{move || app.t().share_explain}</p>
            <button type="button" data-testid="share-make" on:click=make>{move || app.t().share_button}</button>
            <Show when=move || link.with(Option::is_some)>
                <label for="share-link">{move || app.t().share_link_label}</label>
                <div class="share-row">
                    <input id="share-link" data-testid="share-link" readonly prop:value=move || link.get().unwrap_or_default()/>
                    <button type="button" data-testid="share-copy" on:click=copy>{move || app.t().copy}</button>
                </div>
            </Show>
        </details>
    }
}

/// What a share link holds, offered for import; nothing is added until confirmed.
#[component]
fn SharePreview() -> impl IntoView {
    let app = use_app();
    let summary = move || {
        app.pending_share.with(|a| {
            a.as_ref().map(|a| {
                let t = app.t();
                format!(
                    "{} — {} · {} {} · {} {}",
                    a.name,
                    a.organisation,
                    a.services.len(),
                    t.services_decided,
                    a.snapshots.len(),
                    t.snapshots_heading
                )
            })
        })
    };
    view! {
        <Show when=move || app.pending_share.with(Option::is_some)>
            <section class="card restore" aria-labelledby="share-heading" data-testid="share-preview">
                <h2 id="share-heading">{move || app.t().share_incoming}</h2>
                <p data-testid="share-summary">{summary}</p>
                <div class="actions">
                    <button type="button" class="primary" data-testid="share-import" on:click=move |_| app.accept_share()>
                        {move || app.t().share_import}
                    </button>
                    <button type="button" data-testid="share-dismiss" on:click=move |_| app.pending_share.set(None)>
                        {move || app.t().cancel}
                    </button>
                </div>
            </section>
        </Show>
    }
}
