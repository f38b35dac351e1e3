//! The alert (errors, `role="alert"`) and status (confirmations, `role="status"`)
//! regions under the header.

use leptos::prelude::*;

use crate::state::{use_app, Status};

#[component]
pub fn Messages() -> impl IntoView {
    let app = use_app();
    let alert = move || {
        app.messages.alert().map(|alert| {
            let lang = app.lang();
            let details = alert.details(lang);
            view! {
                <div class="alert" role="alert" data-testid="alert">
                    <p class="alert-headline">{alert.headline(lang)}</p>
                    <Show when={
                        let empty = details.is_empty();
                        move || !empty
                    }>
                        <ul class="alert-details">
                            {details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                        </ul>
                    </Show>
                    <button type="button" class="link" on:click=move |_| app.messages.dismiss()>
                        {app.text(|t| t.common.dismiss)}
                    </button>
                </div>
            }
        })
    };
    // A verified export carries its own hook, so a test can tell it from other news.
    let status = move || {
        app.messages.status().map(|s| {
            let text = s.message(app.lang());
            match s {
                Status::Verified(_) => view! { <span data-testid="export-verified">{text}</span> }.into_any(),
                _ => text.into_any(),
            }
        })
    };
    view! {
        {alert}
        <div class="status-line">
            <p class="status" role="status" data-testid="status">
                {status}
            </p>
            <Show when=move || app.messages.can_undo()>
                <button type="button" data-testid="undo" on:click=move |_| app.library.undo_last()>
                    {app.text(|t| t.common.undo)}
                </button>
            </Show>
        </div>
    }
}
