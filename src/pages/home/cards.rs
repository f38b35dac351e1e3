//! The cards of Home: create, import a file, open the sample, back up.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::model::Assessment;
use crate::state::use_app;

#[component]
pub fn CreateForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if crate::model::text::clean_name(&n).is_none() {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        app.library.create(&n, &organisation.get_untracked());
        name.set(String::new());
        organisation.set(String::new());
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="create-heading">
            <h2 id="create-heading">{app.text(|t| t.home.create_heading)}</h2>
            <label for="new-name">{app.text(|t| t.home.name_label)}</label>
            <input
                id="new-name"
                data-testid="new-name"
                maxlength=Assessment::MAX_NAME_CHARS
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby="new-name-error"
                prop:value=move || name.get()
                on:input:target=move |ev| name.set(ev.target().value())
                placeholder=app.text(|t| t.home.default_name)
            />
            <p id="new-name-error" class="field-error">
                {move || invalid.get().then(|| app.t().home.name_required)}
            </p>
            <label for="new-org">{app.text(|t| t.home.organisation_label)}</label>
            <input
                id="new-org"
                data-testid="new-organisation"
                maxlength=Assessment::MAX_NAME_CHARS
                prop:value=move || organisation.get()
                on:input:target=move |ev| organisation.set(ev.target().value())
            />
            <button type="submit" class="primary" data-testid="create-assessment">
                {app.text(|t| t.home.create_button)}
            </button>
        </form>
    }
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let app = use_app();
    let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        app.incoming.import_file(file);
    };
    view! {
        <div class="card">
            <h2>{app.text(|t| t.home.import_heading)}</h2>
            <label for="import-file">{app.text(|t| t.home.import_label)}</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                data-testid="import-input"
                aria-describedby="import-hint"
                on:change:target=on_change
            />
            <p id="import-hint" class="hint">
                {app.text(|t| t.home.import_hint)}
            </p>
            <p class="hint" aria-live="polite">
                {move || app.incoming.busy().then(|| app.t().home.importing)}
            </p>
        </div>
    }
}

#[component]
pub fn SampleCard() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="card">
            <h2>{app.text(|t| t.home.sample_heading)}</h2>
            <p class="hint">{app.text(|t| t.home.sample_explain)}</p>
            <button type="button" data-testid="open-sample" on:click=move |_| app.library.open_sample()>
                {app.text(|t| t.home.sample_button)}
            </button>
        </div>
    }
}

#[component]
pub fn BackupCard() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="card">
            <h2>{app.text(|t| t.home.backup_heading)}</h2>
            <p class="hint">{app.text(|t| t.home.backup_explain)}</p>
            <button
                type="button"
                data-testid="backup-all"
                disabled=move || app.library.listings().with(Vec::is_empty)
                on:click=move |_| app.exports.backup()
            >
                {app.text(|t| t.home.backup_button)}
            </button>
        </div>
    }
}

/// Starts a quick check: a category-level estimate in five minutes.
#[component]
pub fn QuickStartCard() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="card quick-start">
            <h2>{app.text(|t| t.quick.start)}</h2>
            <p class="hint">{app.text(|t| t.quick.start_explain)}</p>
            <button type="button" class="primary" data-testid="quick-start" on:click=move |_| app.start_quick()>
                {app.text(|t| t.quick.start)}
            </button>
        </div>
    }
}
