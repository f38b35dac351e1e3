//! The form that adds an evidence item to the open service: title, where it lives,
//! owner, dates, and a file fingerprinted in the page. What was typed stays in the
//! form until the item is added; a refusal names what is wrong beside the button.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::progress::HashProgress;
use crate::model::evidence::{EvidenceError, EvidenceItem};
use crate::model::{Date, ServiceId};
use crate::state::{use_app, HashJob, Hashed};

#[component]
pub fn AddEvidence(service: ServiceId) -> impl IntoView {
    let app = use_app();
    let [title, location, owner, reviewed, review_by] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<EvidenceError>);
    let job = HashJob::new();
    on_cleanup(move || job.cancel());
    let digest = move || match job.outcome() {
        Some(Hashed::Done { file, digest }) => Some((file, digest)),
        _ => None,
    };
    let on_file = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // The page keeps no hold on the file; the same one can be picked again.
        input.set_value("");
        job.start(file);
    };
    let id = service.clone();
    let add = move || {
        let item = EvidenceItem {
            title: title.get_untracked(),
            location: location.get_untracked(),
            owner: owner.get_untracked(),
            reviewed: Date::parse(&reviewed.get_untracked()),
            review_by: Date::parse(&review_by.get_untracked()),
            sha256: digest().map(|(_, d)| d),
        };
        match app.library.add_evidence(&id, item) {
            Ok(()) => {
                for field in [title, location, owner, reviewed, review_by] {
                    field.set(String::new());
                }
                error.set(None);
                job.clear();
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let ids = |what: &str| format!("evidence-{what}-{service}");
    let (location_hint, file_hint, heading) = (ids("location-hint"), ids("file-hint"), ids("add-heading"));
    let (labelled_by, location_ref, file_ref) = (heading.clone(), location_hint.clone(), file_hint.clone());
    let field = move |signal: RwSignal<String>,
                      testid: &'static str,
                      kind: &'static str,
                      label: fn(&'static crate::i18n::Texts) -> &'static str,
                      hint: Option<String>| {
        view! {
            <label class="evidence-field">
                <span>{app.text(label)}</span>
                <input
                    type=kind
                    data-testid=testid
                    aria-describedby=hint
                    prop:value=move || signal.get()
                    on:input:target=move |ev| signal.set(ev.target().value())
                />
            </label>
        }
    };
    view! {
        <form
            class="evidence-form"
            data-testid="evidence-form"
            aria-labelledby=labelled_by
            on:submit=move |ev| {
                ev.prevent_default();
                add();
            }
        >
            <h6 id=heading>{app.text(|t| t.evidence.add_heading)}</h6>
            {field(title, "evidence-title", "text", |t| t.evidence.title_label, None)}
            {field(location, "evidence-location", "text", |t| t.evidence.location_label, Some(location_ref))}
            <small id=location_hint class="hint">
                {app.text(|t| t.evidence.location_hint)}
            </small>
            {field(owner, "evidence-owner", "text", |t| t.evidence.owner_label, None)}
            <div class="evidence-dates">
                {field(reviewed, "evidence-reviewed", "date", |t| t.evidence.reviewed_label, None)}
                {field(review_by, "evidence-review-by", "date", |t| t.evidence.review_by_field, None)}
            </div>
            <label class="file-button">
                <input
                    type="file"
                    class="visually-hidden"
                    data-testid="evidence-file"
                    aria-describedby=file_ref
                    on:change:target=on_file
                />
                {app.text(|t| t.evidence.file_label)}
            </label>
            <small id=file_hint class="hint">
                {app.text(|t| t.evidence.file_hint)}
            </small>
            <HashProgress job=job />
            {move || {
                digest()
                    .map(|(file, digest)| {
                        view! {
                            <p class="new-sha">
                                <span>{move || (app.t().evidence.new_fingerprint)(&file)}</span>
                                " "
                                <code data-testid="evidence-new-sha256">{digest.to_hex()}</code>
                            </p>
                        }
                    })
            }}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="error" role="alert" data-testid="evidence-error">
                                {e.message(app.lang())}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="primary" data-testid="evidence-add" disabled=move || job.running()>
                {app.text(|t| t.evidence.add)}
            </button>
        </form>
    }
}
