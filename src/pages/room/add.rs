//! Adding hand-ins by paste: codes or links separated by any white space. Every one
//! that reads is added; each one that does not is named by its line, and changes
//! nothing. The text stays until everything in it was added.

use leptos::prelude::*;

use crate::state::{use_app, RoomNotice, RoomState};

#[component]
pub fn AddHandIns() -> impl IntoView {
    let app = use_app();
    let room = expect_context::<RoomState>();
    let text = RwSignal::new(String::new());
    let add = move || {
        if room.add_pasted(&text.get_untracked()) {
            text.set(String::new());
        }
    };
    let refusals = move || {
        let lang = app.lang();
        let t = &app.t().room;
        room.refusals.with(|list| {
            let mut lines: Vec<String> = list
                .iter()
                .map(|r| match r.line {
                    Some(line) => (t.refused_line)(line, &r.why.message(lang)),
                    None => (t.refused_link)(&r.why.message(lang)),
                })
                .collect();
            if room.notice.with(|n| *n == Some(RoomNotice::NothingPasted)) {
                lines.push(t.nothing_pasted.to_owned());
            }
            lines
        })
    };
    let has_refusals = move || !refusals().is_empty();
    let added = move || {
        room.notice.with(|n| match n {
            Some(RoomNotice::Added(tally)) => {
                Some((app.t().room.added)(tally.new, tally.replaced, tally.same, tally.older))
            }
            _ => None,
        })
    };
    view! {
        <section class="room-paste card" aria-labelledby="room-add-heading">
            <h3 id="room-add-heading">{app.text(|t| t.room.add_heading)}</h3>
            <form on:submit=move |ev| {
                ev.prevent_default();
                add();
            }>
                <label for="room-paste">{app.text(|t| t.room.paste_label)}</label>
                <p class="hint" id="room-paste-hint">
                    {app.text(|t| t.room.paste_hint)}
                </p>
                <textarea
                    id="room-paste"
                    data-testid="room-paste"
                    rows="4"
                    spellcheck="false"
                    autocapitalize="characters"
                    aria-describedby="room-paste-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <button type="submit" class="primary" data-testid="room-add">
                    {app.text(|t| t.room.add)}
                </button>
            </form>
            <p class="status" role="status" data-testid="room-added">
                {added}
            </p>
            <div class="room-errors" data-testid="room-errors" role=move || has_refusals().then_some("alert")>
                {move || {
                    let lines = refusals();
                    let heading = room.refusals.with(|r| (!r.is_empty()).then(|| (app.t().room.refused)(r.len())));
                    (!lines.is_empty())
                        .then(|| {
                            view! {
                                <div class="alert">
                                    {heading.map(|h| view! { <p>{h}</p> })}
                                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                }}
            </div>
        </section>
    }
}
