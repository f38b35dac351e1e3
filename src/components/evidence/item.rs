//! One evidence item: its title, where it lives (text, a link only for http and
//! https), owner, dates (stale marked; the review-by date can be changed), its
//! fingerprint, the check of a file against it, and Remove (undoable).

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::progress::HashProgress;
use crate::model::evidence::{safe_link, EvidenceItem};
use crate::model::{Date, Fingerprint, ServiceId};
use crate::state::{use_app, HashJob, Hashed};

#[component]
pub fn EvidenceEntry(service: ServiceId, item: EvidenceItem, today: Date, removed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let stale = item.is_stale(&today);
    let sha = item.sha256.map(|f| f.to_hex()).unwrap_or_default();
    let title = item.title.clone();
    let facts = facts(&item);
    let review_by = {
        let (service, item) = (service.clone(), item.clone());
        let title = title.clone();
        view! {
            <dt>{app.text(|t| t.evidence.review_by)}</dt>
            <dd>
                <input
                    type="date"
                    data-testid="evidence-item-review-by"
                    aria-label=move || (app.t().evidence.review_by_label)(&title)
                    prop:value=item.review_by.as_ref().map(|d| d.to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let new = EvidenceItem {
                            review_by: Date::parse(&ev.target().value()),
                            ..item.clone()
                        };
                        if let Err(e) = app.library.replace_evidence(&service, item.clone(), new) {
                            app.messages.fail(e);
                        }
                    }
                />
                {stale
                    .then(|| {
                        view! {
                            " "
                            <span class="tag warn" data-testid="evidence-stale">
                                {app.text(|t| t.evidence.stale)}
                            </span>
                        }
                    })}
            </dd>
        }
    };
    let fingerprint = item.sha256.map(|digest| fingerprint_view(digest, title.clone()));
    let verify = item.sha256.map(|digest| view! { <Verify digest=digest title=title.clone() /> });
    let remove_label = title.clone();
    view! {
        <li
            class="evidence-item"
            class:stale=stale
            data-testid="evidence-item"
            data-sha256=sha
            data-stale=stale.to_string()
        >
            <p class="evidence-title">
                <bdi>{title}</bdi>
            </p>
            <dl class="evidence-facts">
                {facts} {review_by} <dt>{app.text(|t| t.evidence.fingerprint)}</dt>
                <dd>
                    {fingerprint
                        .unwrap_or_else(|| {
                            view! { <span>{app.text(|t| t.evidence.not_fingerprinted)}</span> }.into_any()
                        })}
                </dd>
            </dl>
            {verify}
            <button
                type="button"
                class="link"
                data-testid="evidence-remove"
                aria-label=move || (app.t().evidence.remove_label)(&remove_label)
                on:click=move |_| {
                    app.library.remove_evidence(&service, item.clone());
                    removed.run(());
                }
            >
                {app.text(|t| t.evidence.remove)}
            </button>
        </li>
    }
}

/// Where it lives, the owner and the review date, each when given.
fn facts(item: &EvidenceItem) -> impl IntoView {
    let app = use_app();
    let location = (!item.location.is_empty()).then(|| {
        let location = item.location.clone();
        let shown = match safe_link(&location) {
            Some(url) => view! {
                <a href=url.to_owned() target="_blank" rel="noopener noreferrer">
                    <bdi>{location.clone()}</bdi>
                    <span class="visually-hidden">" " {app.text(|t| t.evidence.new_tab)}</span>
                </a>
            }
            .into_any(),
            None => view! { <bdi>{location.clone()}</bdi> }.into_any(),
        };
        view! {
            <dt>{app.text(|t| t.evidence.location)}</dt>
            <dd class="evidence-location" data-testid="evidence-location">
                {shown}
            </dd>
        }
    });
    let owner = (!item.owner.is_empty()).then(|| {
        view! {
            <dt>{app.text(|t| t.evidence.owner)}</dt>
            <dd>
                <bdi>{item.owner.clone()}</bdi>
            </dd>
        }
    });
    let reviewed = item.reviewed.as_ref().map(|d| {
        view! {
            <dt>{app.text(|t| t.evidence.reviewed)}</dt>
            <dd>{d.to_string()}</dd>
        }
    });
    view! {
        {location}
        {owner}
        {reviewed}
    }
}

/// A fingerprint shortened, the whole of it in the tooltip and copied by a button.
fn fingerprint_view(digest: Fingerprint, title: String) -> AnyView {
    let app = use_app();
    let hex = digest.to_hex();
    let copied = hex.clone();
    view! {
        <code class="sha" title=hex.clone() data-testid="evidence-sha256">
            {digest.short()}
        </code>
        " "
        <button
            type="button"
            class="link"
            data-testid="evidence-copy"
            aria-label=move || format!("{} {}: {title}", app.t().evidence.copy, app.t().evidence.fingerprint)
            on:click=move |_| app.exports.copy(copied.clone())
        >
            {app.text(|t| t.evidence.copy)}
        </button>
    }
    .into_any()
}

/// Picks a file and says whether it is the one recorded.
#[component]
fn Verify(digest: Fingerprint, title: String) -> impl IntoView {
    let app = use_app();
    let job = HashJob::new();
    on_cleanup(move || job.cancel());
    let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // The same file can be checked again.
        input.set_value("");
        job.start(file);
    };
    let result = move || match job.outcome() {
        Some(Hashed::Done { file, digest: found }) => {
            let matched = found == digest;
            let text = if matched {
                (app.t().evidence.verify_match)(&file)
            } else {
                (app.t().evidence.verify_differs)(&file, &found.to_hex())
            };
            Some(view! {
                <span
                    class=if matched { "verify-result match" } else { "verify-result differs" }
                    data-testid="evidence-verify-result"
                    data-match=matched.to_string()
                >
                    {text}
                </span>
            })
        }
        _ => None,
    };
    view! {
        <div class="evidence-verify">
            <label class="file-button">
                <input
                    type="file"
                    class="visually-hidden"
                    data-testid="evidence-verify"
                    aria-label=move || (app.t().evidence.verify_label)(&title)
                    on:change:target=on_change
                />
                {app.text(|t| t.evidence.verify)}
            </label>
            <HashProgress job=job />
            <p class="verify-status" role="status">
                {result}
            </p>
        </div>
    }
}
