//! Hand in to the room (docs/room.md): a card with the QR code of the hand-in link
//! (coarse: a small QR version at level M, drawn large, so a phone across a dim room
//! reads it), the link itself, and the short code grouped for reading aloud. It follows
//! the answers: a changed answer shows a new hand-in at once.

use leptos::prelude::*;

use crate::browser;
use crate::chart::qr::qr_code_path;
use crate::components::QrCode;
use crate::model::room::{encode, link, qr::link_qr};
use crate::state::{current_handin, use_app};

/// The code in groups of four to eleven characters for reading aloud (`-` is ignored
/// when the code is read back).
fn grouped(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(11).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

#[component]
pub fn HandInCard() -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(false);
    // Only while the card is shown: making a hand-in draws the key and keeps it.
    let handin = Memo::new(move |_| {
        if !shown.get() {
            return None;
        }
        let id = app.library.active()?;
        app.library.current().with(|a| a.as_ref()?.quick.as_ref().map(|q| current_handin(&id, q)))
    });
    let card = move || {
        handin.get().map(|h| {
            let code = encode(&h);
            let address = link(&browser::page_url_with_hash(""), &h);
            let qr = link_qr(&address).map(|qr| qr_code_path(&qr));
            view! {
                <div class="handin-card" data-testid="quick-handin-card">
                    <h3 id="handin-heading">{app.text(|t| t.room.handin_heading)}</h3>
                    {qr
                        .map(|qr| {
                            view! {
                                <QrCode
                                    qr=qr
                                    class="handin-qr"
                                    testid="quick-handin-qr"
                                    label=Signal::derive(move || app.t().room.handin_qr_alt.to_owned())
                                />
                            }
                        })}
                    <p class="hint">{app.text(|t| t.room.handin_explain)}</p>
                    <dl class="handin-text">
                        <dt>{app.text(|t| t.room.handin_code)}</dt>
                        <dd>
                            <code class="handin-code" data-testid="quick-handin-code">
                                {grouped(&code)}
                            </code>
                        </dd>
                        <dt>{app.text(|t| t.room.handin_link)}</dt>
                        <dd>
                            <a class="handin-link" data-testid="quick-handin-link" href=address.clone()>
                                {address.clone()}
                            </a>
                        </dd>
                    </dl>
                    <button type="button" data-testid="quick-handin-hide" on:click=move |_| shown.set(false)>
                        {app.text(|t| t.room.handin_hide)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="card handin" aria-labelledby="handin-button">
            <button
                type="button"
                class="primary"
                id="handin-button"
                data-testid="quick-handin"
                aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.set(true)
            >
                {app.text(|t| t.room.handin)}
            </button>
            {card}
        </section>
    }
}
