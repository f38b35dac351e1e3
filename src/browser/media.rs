//! Media queries as signals.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::window;

thread_local! {
    // Reference-counted, not owned by whichever view first asked: it lives as long
    // as the page.
    static DARK: ArcRwSignal<bool> = dark_signal();
}

/// Whether the system asks for a dark colour scheme: a signal that follows the
/// system's switch while the page is open (charts redraw when it changes).
pub fn prefers_dark() -> bool {
    DARK.with(|dark| dark.get())
}

fn dark_signal() -> ArcRwSignal<bool> {
    let query = window().ok().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    let dark = ArcRwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let dark = dark.clone();
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
            dark.set(ev.matches());
        });
        if query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref()).is_ok() {
            // Lives as long as the page: the query is never dropped.
            listener.forget();
        }
    }
    dark
}
