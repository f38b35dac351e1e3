//! The reading of a file being fingerprinted: a progress bar with the bytes read of
//! the file's size and a Cancel button while it goes on, then what became of it when
//! it was cancelled or failed (a digest is shown by the form or the item).

use leptos::prelude::*;

use crate::model::fingerprint::size_text;
use crate::state::{use_app, HashJob, Hashed, Reading};

#[component]
pub fn HashProgress(job: HashJob) -> impl IntoView {
    let app = use_app();
    // Built once per reading, updated in place: the Cancel button keeps the focus.
    let part = move |f: fn(&Reading) -> u64| move || job.reading().as_ref().map_or(0, f);
    let (done, total) = (part(|r| r.done), part(|r| r.total));
    let text = move || {
        let file = job.reading().map(|r| r.file).unwrap_or_default();
        (app.t().evidence.reading)(&file, &size_text(done()), &size_text(total()))
    };
    let reading = view! {
        <Show when=move || job.running()>
            <div class="hash-progress" data-testid="evidence-progress">
                <progress
                    max=move || total().max(1) as f64
                    value=move || done() as f64
                    aria-label=app.text(|t| t.evidence.progress_label)
                    aria-valuetext=text
                ></progress>
                <span>{text}</span>
                <button type="button" data-testid="evidence-cancel" on:click=move |_| job.cancel()>
                    {app.text(|t| t.evidence.cancel)}
                </button>
            </div>
        </Show>
    };
    let cancelled = move || match job.outcome() {
        Some(Hashed::Cancelled { file }) => Some((app.t().evidence.cancelled)(&file)),
        _ => None,
    };
    let failed = move || match job.outcome() {
        Some(Hashed::Failed { file, error }) => Some(view! {
            <p class="error" role="alert" data-testid="evidence-file-error">
                {(app.t().evidence.read_failed)(&file, &error.0)}
            </p>
        }),
        _ => None,
    };
    view! {
        {reading}
        <p class="hash-status" role="status">
            {cancelled}
        </p>
        {failed}
    }
}
