//! The active assessment: rename, duplicate, delete, share, and on to the catalogue.

use leptos::prelude::*;

use crate::browser;
use crate::model::Assessment;
use crate::split::{deferred_fn, LoadFailed};
use crate::state::{use_app, Alert, AppState, View};

/// The active assessment: rename, duplicate, delete, and on to the catalogue.
#[component]
pub fn ActiveCard() -> impl IntoView {
    let app = use_app();
    let name = move || app.library.current().with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let organisation =
        move || app.library.current().with(|a| a.as_ref().map(|a| a.organisation.clone()).unwrap_or_default());
    let delete = move |_| {
        if browser::confirm(app.t().home.delete_confirm) {
            app.library.delete_active();
        }
    };
    view! {
        <Show when=move || app.library.current().with(Option::is_some)>
            <section class="card active-card" aria-labelledby="active-heading">
                <h2 id="active-heading">{app.text(|t| t.home.active_heading)}</h2>
                <div class="two-fields">
                    <div>
                        <label for="active-name">{app.text(|t| t.home.name_label)}</label>
                        <input
                            id="active-name"
                            data-testid="active-name"
                            maxlength=Assessment::MAX_NAME_CHARS
                            prop:value=name
                            on:input:target=move |ev| {
                                app.library.rename(&ev.target().value(), true);
                            }
                            on:change:target=move |ev| {
                                if !app.library.rename(&ev.target().value(), false) {
                                    ev.target().set_value(&name());
                                }
                            }
                        />
                    </div>
                    <div>
                        <label for="active-org">{app.text(|t| t.home.organisation_label)}</label>
                        <input
                            id="active-org"
                            data-testid="active-organisation"
                            maxlength=Assessment::MAX_NAME_CHARS
                            prop:value=organisation
                            on:input:target=move |ev| app.library.set_organisation(&ev.target().value(), true)
                            on:change:target=move |ev| app.library.set_organisation(&ev.target().value(), false)
                        />
                    </div>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| app.nav.show(View::Catalogue)>
                        {app.text(|t| t.home.next_step)}
                    </button>
                    <button
                        type="button"
                        data-testid="duplicate-assessment"
                        on:click=move |_| app.library.duplicate_active()
                    >
                        {app.text(|t| t.common.duplicate)}
                    </button>
                    <button type="button" class="danger" data-testid="delete-assessment" on:click=delete>
                        {app.text(|t| t.common.delete)}
                    </button>
                </div>
                <ShareLink />
            </section>
        </Show>
    }
}

/// Makes a link carrying the active assessment, shown for copying.
#[component]
pub fn ShareLink() -> impl IntoView {
    let app = use_app();
    let link = RwSignal::new(None::<String>);
    // The link's compression is fetched on first use (deferred_fn! below).
    let make = move |_| {
        leptos::task::spawn_local(async move {
            match share_link(app).await {
                Ok(made) => link.set(made),
                Err(LoadFailed) => app.messages.fail(Alert::PartNotLoaded),
            }
        });
    };
    // A new active assessment or an edit makes the shown link stale.
    Effect::new(move |_| {
        app.library.current().track();
        link.set(None);
    });
    let copy = move |_| {
        if let Some(url) = link.get_untracked() {
            app.exports.copy(url);
        }
    };
    view! {
        <details class="share">
            <summary>{app.text(|t| t.home.share_heading)}</summary>
            <p class="hint">{app.text(|t| t.home.share_explain)}</p>
            <button type="button" data-testid="share-make" on:click=make>
                {app.text(|t| t.home.share_button)}
            </button>
            <Show when=move || link.with(Option::is_some)>
                <label for="share-link">{app.text(|t| t.home.share_link_label)}</label>
                <div class="share-row">
                    <input
                        id="share-link"
                        data-testid="share-link"
                        readonly
                        prop:value=move || link.get().unwrap_or_default()
                    />
                    <button type="button" data-testid="share-copy" on:click=copy>
                        {app.text(|t| t.common.copy)}
                    </button>
                </div>
            </Show>
        </details>
    }
}

deferred_fn!(share: fn share_link(app: AppState) -> Option<String> { app.exports.share_link() });
