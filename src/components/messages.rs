//! The alert (errors, `role="alert"`) and status (confirmations, `role="status"`)
//! regions under the header.

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn Messages() -> impl IntoView {
    let app = use_app();
    let alert = move || {
        app.alert.get().map(|alert| {
            let lang = app.lang.get();
            let details = alert.details(lang);
            view! {
                <div class="alert" role="alert" data-testid="alert">
                    <p class="alert-headline">{alert.headline(lang)}</p>
                    <Show when={let empty = details.is_empty(); move || !empty}>
                        <ul class="alert-details">
                            {details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                        </ul>
                    </Show>
                    <button type="button" class="link" on:click=move |_| app.alert.set(None)>
                        {move || app.t().dismiss}
                    </button>
                </div>
            }
        })
    };
    let status = move || app.status.get().map(|s| s.message(app.lang.get()));
    view! {
        {alert}
        <div class="status-line">
            <p class="status" role="status" data-testid="status">{status}</p>
            <Show when=move || app.undo.with(Option::is_some)>
                <button type="button" data-testid="undo" on:click=move |_| app.undo_delete()>{move || app.t().undo}</button>
            </Show>
        </div>
    }
}
