//! The room view (issue 22, docs/room.md): a study session's quick checks gathered on
//! the facilitator's device without a server. Sections: add hand-ins (paste, camera;
//! opened hand-in links arrive here too), the room's figures (count, radar of the
//! medians, answers per category, largest gaps), and what to do with the room (clear
//! and undo, CSV, print, projector mode, start an assessment from it).

mod add;
mod camera;
mod figures;
mod projector;

use leptos::prelude::*;

use crate::browser;
use crate::state::{use_app, RoomNotice, RoomState};
use add::AddHandIns;
use camera::CameraScan;
use figures::RoomFigures;
use projector::Projector;

#[component]
pub fn RoomView() -> impl IntoView {
    let app = use_app();
    // Made the first time the view opens (its code comes with the view's module) and
    // kept by the app, so the room outlives a switch to another view.
    let room = app.room.get_or_init(|| RoomState::new(app.library, app.messages, app.nav));
    provide_context(room);
    // Hand-in links opened in this tab (src/state/mod.rs routes `#h=` here).
    Effect::new(move |_| {
        let links = app.incoming.take_handin_links();
        for link in links {
            room.add_link(&link);
        }
    });
    // Another tab (a hand-in link opened there) changed the room: follow it.
    let key = RoomState::storage_key();
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(key.as_str()) {
            room.follow_storage(ev.new_value());
        }
    });
    on_cleanup(move || handle.remove());
    let projector = RwSignal::new(false);
    let back = RwSignal::new(false);
    let unreadable = move || {
        room.unreadable.get().map(|u| {
            view! {
                <div class="notice warn" data-testid="room-kept-unreadable">
                    <p>{u.error.message(app.lang())}</p>
                    <p>{app.text(|t| t.room.unreadable_note)}</p>
                </div>
            }
        })
    };
    // Projector mode shows the figures alone: the page's own (and the camera) are
    // taken down meanwhile, so every hook is in the page once.
    view! {
        <section
            class="view room"
            data-view="room"
            aria-labelledby=move || if projector.get() { "room-projector-heading" } else { "view-heading" }
        >
            <Show when=move || !projector.get() fallback=move || view! { <Projector open=projector back=back /> }>
                <h2 id="view-heading">{app.text(|t| t.room.nav)}</h2>
                <p class="intro no-print">{app.text(|t| t.room.intro)}</p>
                {unreadable}
                <div class="room-add no-print">
                    <AddHandIns />
                    <CameraScan />
                </div>
                <div class="room-print">
                    <h2 class="print-only">{app.text(|t| t.room.print_title)}</h2>
                    <RoomFigures large=false />
                </div>
                <RoomActions projector=projector back=back />
            </Show>
        </section>
    }
}

/// Clear (and undo), CSV, print, projector mode, and a new assessment from the room.
#[component]
fn RoomActions(projector: RwSignal<bool>, back: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let room = expect_context::<RoomState>();
    // Back from projector mode: the focus returns to the button that opened it.
    let opener = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = opener.get() {
            if back.get_untracked() {
                back.set(false);
                let _ = button.focus();
            }
        }
    });
    let empty = move || room.count() == 0;
    let export = move |_| {
        if let Err(e) = browser::download("x1060-room.csv", "text/csv;charset=utf-8", &room.csv()) {
            app.messages.browser_failed(crate::state::BrowserTask::Download, e);
        }
    };
    let print = move |_| {
        if let Err(e) = browser::print_marked("print-room") {
            app.messages.browser_failed(crate::state::BrowserTask::Print, e);
        }
    };
    let start = move |_| {
        let now = browser::now();
        let name = (app.t().room.start_name)(now.date());
        room.start_assessment(name, now);
    };
    let notice = move || {
        room.notice.get().and_then(|n| match n {
            RoomNotice::Cleared => Some(app.t().room.cleared),
            RoomNotice::Restored => Some(app.t().room.restored),
            RoomNotice::Elsewhere => Some(app.t().room.updated_elsewhere),
            _ => None,
        })
    };
    view! {
        <section class="room-actions card no-print" aria-labelledby="room-actions-heading">
            <h3 id="room-actions-heading">{app.text(|t| t.room.actions_heading)}</h3>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    node_ref=opener
                    data-testid="room-projector"
                    on:click=move |_| projector.set(true)
                >
                    {app.text(|t| t.room.projector)}
                </button>
                <button type="button" data-testid="room-export-csv" disabled=empty on:click=export>
                    {app.text(|t| t.room.export_csv)}
                </button>
                <button type="button" data-testid="room-print" on:click=print>
                    {app.text(|t| t.room.print)}
                </button>
                <button type="button" data-testid="room-clear" disabled=empty on:click=move |_| room.clear()>
                    {app.text(|t| t.room.clear)}
                </button>
                <Show when=move || room.can_undo()>
                    <button type="button" data-testid="room-undo" on:click=move |_| room.undo_clear()>
                        {app.text(|t| t.common.undo)}
                    </button>
                </Show>
            </div>
            <p class="status" role="status" data-testid="room-status">
                {notice}
            </p>
            <p class="hint">{app.text(|t| t.room.start_explain)}</p>
            <button type="button" data-testid="room-start" disabled=empty on:click=start>
                {app.text(|t| t.room.start)}
            </button>
        </section>
    }
}
