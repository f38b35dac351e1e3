//! For a newcomer: what X.1060 is for and how the build process goes, with the way
//! to start. Open on a first visit (no assessment yet), folded afterwards.

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn Intro() -> impl IntoView {
    let app = use_app();
    let first_visit = move || app.library.listings().with(Vec::is_empty);
    view! {
        <details class="intro-card card" data-testid="intro" prop:open=first_visit>
            <summary>{app.text(|t| t.home.intro_heading)}</summary>
            <p>{app.text(|t| t.home.intro_what)}</p>
            <p>{app.text(|t| t.home.intro_cycle)}</p>
            <ol class="steps">
                {move || app.t().home.intro_steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
            </ol>
            <p class="hint">{app.text(|t| t.home.intro_start)}</p>
        </details>
    }
}
