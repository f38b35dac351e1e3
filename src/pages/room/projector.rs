//! Projector mode: the room's figures alone, in large type, light on black (a dark
//! room), over the whole window. A dialog: focus goes to its close button, Esc or the
//! button leaves, and focus returns to the button that opened it.

use leptos::prelude::*;

use super::figures::RoomFigures;
use crate::state::use_app;

#[component]
pub fn Projector(
    open: RwSignal<bool>,
    /// Set on leaving: the page's projector button takes the focus back when it is there again.
    back: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let leave = move || {
        back.set(true);
        open.set(false);
    };
    Effect::new(move |_| {
        if let Some(b) = close_button.get() {
            let _ = b.focus();
        }
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            leave();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div
            class="room-projector"
            data-testid="room-projector-view"
            role="dialog"
            aria-modal="true"
            aria-labelledby="room-projector-heading"
        >
            <div class="projector-bar">
                <h2 id="room-projector-heading">{app.text(|t| t.room.nav)}</h2>
                <button
                    type="button"
                    node_ref=close_button
                    data-testid="room-projector-leave"
                    on:click=move |_| leave()
                >
                    {app.text(|t| t.room.projector_leave)}
                </button>
            </div>
            <RoomFigures large=true />
        </div>
    }
}
