//! A participant's copy of a round is active: their name, and what to do next.

use leptos::prelude::*;

use crate::model::Assessment;
use crate::state::use_app;

#[component]
pub fn ParticipantCard() -> impl IntoView {
    let app = use_app();
    // The round of the active assessment when it is a participant's copy (not a merge).
    let round = Memo::new(move |_| {
        app.library
            .current()
            .with(|a| a.as_ref().and_then(|a| a.workshop.as_ref()).filter(|w| !w.is_merge()).map(|w| w.round.clone()))
    });
    let assessor = move || {
        app.library.current().with(|a| a.as_ref().and_then(|a| a.workshop.as_ref()).map(|w| w.assessor.clone()))
    };
    move || {
        round.get().map(|r| {
            view! {
                <div class="card participant" data-testid="workshop-participant">
                    <h3>{move || (app.t().workshop.participant_heading)(&r)}</h3>
                    <label for="workshop-assessor">{app.text(|t| t.workshop.assessor_label)}</label>
                    <input
                        id="workshop-assessor"
                        data-testid="workshop-assessor"
                        maxlength=Assessment::MAX_NAME_CHARS
                        autocomplete="name"
                        prop:value=move || assessor().unwrap_or_default()
                        on:input:target=move |ev| app.library.set_assessor(&ev.target().value(), true)
                        on:change:target=move |ev| app.library.set_assessor(&ev.target().value(), false)
                    />
                    <p class="hint">{app.text(|t| t.workshop.participant_explain)}</p>
                </div>
            }
        })
    }
}
