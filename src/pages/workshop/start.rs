//! Starting a round: the template of the active assessment, as a file or a link.

use leptos::prelude::*;

use super::use_workshop;
use crate::model::Assessment;
use crate::state::use_app;

#[component]
pub fn StartRound() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let round = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    let has_active = Memo::new(move |_| app.library.current().with(Option::is_some));
    let blank = move || round.with(|r| crate::model::text::clean_name(r).is_none());
    view! {
        <div class="card">
            <h3>{app.text(|t| t.workshop.start_heading)}</h3>
            <p class="hint">{app.text(|t| t.workshop.start_explain)}</p>
            <Show
                when=move || has_active.get()
                fallback=move || view! { <p class="hint">{app.text(|t| t.workshop.start_needs_active)}</p> }
            >
                <label for="workshop-round">{app.text(|t| t.workshop.round_label)}</label>
                <input
                    id="workshop-round"
                    data-testid="workshop-round"
                    maxlength=Assessment::MAX_NAME_CHARS
                    prop:value=move || round.get()
                    on:input:target=move |ev| {
                        round.set(ev.target().value());
                        link.set(None);
                    }
                />
                <div class="actions">
                    <button
                        type="button"
                        data-testid="workshop-template"
                        disabled=blank
                        on:click=move |_| workshop.download_template(&round.get_untracked())
                    >
                        {app.text(|t| t.workshop.download_template)}
                    </button>
                    <button
                        type="button"
                        data-testid="workshop-template-link"
                        disabled=blank
                        on:click=move |_| link.set(workshop.template_link(&round.get_untracked()))
                    >
                        {app.text(|t| t.workshop.show_link)}
                    </button>
                </div>
                <Show when=move || link.with(Option::is_some)>
                    <label for="workshop-link">{app.text(|t| t.workshop.link_label)}</label>
                    <div class="share-row">
                        <input
                            id="workshop-link"
                            data-testid="workshop-link"
                            readonly
                            prop:value=move || link.get().unwrap_or_default()
                        />
                        <button
                            type="button"
                            on:click=move |_| {
                                if let Some(l) = link.get_untracked() {
                                    app.exports.copy(l)
                                }
                            }
                        >
                            {app.text(|t| t.common.copy)}
                        </button>
                    </div>
                </Show>
            </Show>
        </div>
    }
}
