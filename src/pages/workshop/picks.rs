//! Returned copies in (several files at once; the same assessor's copy twice is
//! offered as a replacement) and the picks of what to compare.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::use_workshop;
use crate::state::use_app;

#[component]
pub fn ReturnedCopies() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        workshop.import_files(files);
    };
    let offers = move || {
        workshop
            .replacements
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, offer)| {
                let name = offer.stored_name.clone();
                view! {
                    <div class="replacement" role="group" data-testid="workshop-replacement">
                        <p>{move || (app.t().workshop.replace_prompt)(&name)}</p>
                        <button
                            type="button"
                            data-testid="workshop-replace"
                            on:click=move |_| workshop.settle_replacement(i, true)
                        >
                            {app.text(|t| t.workshop.replace)}
                        </button>
                        <button
                            type="button"
                            data-testid="workshop-keep-both"
                            on:click=move |_| workshop.settle_replacement(i, false)
                        >
                            {app.text(|t| t.workshop.keep_both)}
                        </button>
                        <button
                            type="button"
                            data-testid="workshop-skip"
                            on:click=move |_| workshop.skip_replacement(i)
                        >
                            {app.text(|t| t.workshop.skip)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="card no-print">
            <h3>{app.text(|t| t.workshop.import_heading)}</h3>
            <label for="workshop-import">{app.text(|t| t.workshop.import_label)}</label>
            <input
                id="workshop-import"
                type="file"
                multiple
                accept=".json,application/json"
                data-testid="workshop-import"
                aria-describedby="workshop-import-hint"
                on:change:target=on_change
            />
            <p id="workshop-import-hint" class="hint">
                {app.text(|t| t.workshop.import_hint)}
            </p>
            {offers}
        </div>
    }
}

#[component]
pub fn Picks() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let boxes = move || {
        app.library
            .listings()
            .get()
            .into_iter()
            .map(|l| {
                let id = l.id.clone();
                let checked = {
                    let id = id.clone();
                    move || workshop.is_picked(&id)
                };
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-testid="workshop-pick"
                                prop:checked=checked
                                on:change:target=move |ev| workshop.pick(&id, ev.target().checked())
                            />
                            " "
                            <bdi>{l.name}</bdi>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let notes = move || {
        let lang = app.lang();
        workshop.comparison.with(|c| {
            let mut lines: Vec<String> = c.unmatched.iter().map(|u| u.message(lang)).collect();
            lines.extend(c.renamed.iter().map(|r| r.message(lang)));
            if !c.other_round.is_empty() {
                lines.push((app.t().workshop.other_round)(&c.other_round.join(", ")));
            }
            lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()
        })
    };
    let assessors = move || {
        workshop.comparison.with(|c| (c.labels.len() >= 2).then(|| (app.t().workshop.assessors)(&c.labels.join(", "))))
    };
    view! {
        <div class="card">
            <h3>{app.text(|t| t.workshop.pick_heading)}</h3>
            <ul class="picks no-print">{boxes}</ul>
            <p class="assessors" data-testid="workshop-assessors">
                {assessors}
            </p>
            <ul class="notes" data-testid="workshop-notes">
                {notes}
            </ul>
            <Clashes />
        </div>
    }
}

/// Own services of two copies with one id and different names: kept apart unless
/// the facilitator says they are one service.
#[component]
fn Clashes() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    move || {
        let lang = app.lang();
        workshop.comparison.with(|c| {
            (!c.clashes.is_empty()).then(|| {
                let items = c
                    .clashes
                    .iter()
                    .map(|clash| {
                        let key = clash.key.clone();
                        let checked = {
                            let key = key.clone();
                            move || workshop.is_same(&key)
                        };
                        view! {
                            <li class="warn" data-testid="workshop-clash" data-service=clash.key.id.clone()>
                                {clash.message(lang)}
                                " "
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        data-testid="workshop-clash-same"
                                        prop:checked=checked
                                        on:change:target=move |ev| workshop.set_same(&key, ev.target().checked())
                                    />
                                    " "
                                    {app.text(|t| t.workshop.clash_same)}
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="notes clashes" data-testid="workshop-clashes">
                        {items}
                    </ul>
                }
            })
        })
    }
}
