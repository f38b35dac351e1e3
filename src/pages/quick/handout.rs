//! A one-page handout for whoever leads a study session: the steps of a ten-minute
//! self-check in both languages (scan to start; hand in to the room at the end), and
//! the app's address as a QR code made in the page.

use leptos::prelude::*;

use crate::browser;
use crate::chart::qr::qr_path;
use crate::components::QrCode;
use crate::i18n::{EN, JA};
use crate::state::use_app;

#[component]
pub fn Handout() -> impl IntoView {
    let app = use_app();
    let address = browser::page_url_with_hash("");
    let address = address.trim_end_matches('#').to_owned();
    let qr = qr_path(&address);
    let (en, ja) = (&EN.quick, &JA.quick);
    view! {
        <details class="handout-wrap no-print-summary">
            <summary>{app.text(|t| t.quick.handout)}</summary>
            <button
                type="button"
                class="no-print"
                data-testid="handout-print"
                on:click=move |_| app.exports.print_handout()
            >
                {app.text(|t| t.quick.handout_print)}
            </button>
            <article class="handout" data-testid="handout">
                <h2 lang="ja">{ja.handout_title}</h2>
                <ol lang="ja">{steps(ja.handout_steps, JA.room.handout_step)}</ol>
                <h2 lang="en">{en.handout_title}</h2>
                <ol lang="en">{steps(en.handout_steps, EN.room.handout_step)}</ol>
                {qr
                    .map(|qr| {
                        let label = address.clone();
                        view! { <QrCode qr=qr testid="handout-qr" label=Signal::derive(move || label.clone()) /> }
                    })}
                <p class="address" data-testid="handout-address">
                    <code>{address.clone()}</code>
                </p>
            </article>
        </details>
    }
}

/// The quick check's steps with handing in to the room before the last (keep going
/// later).
fn steps(quick: [&'static str; 4], hand_in: &'static str) -> impl IntoView {
    let [a, b, c, d] = quick;
    [a, b, c, hand_in, d].into_iter().map(|s| view! { <li>{s}</li> }).collect_view()
}
