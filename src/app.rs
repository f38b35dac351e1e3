//! The app shell: state provider, header, messages and the open view; it follows the
//! page's address (views and share links) and what other tabs save.

use leptos::prelude::*;

use crate::browser;
use crate::components::{CsvPreview, Header, Messages, NeedsAssessment};
use crate::pages::Home;
use crate::split::{Deferred, DeferredView};
use crate::state::{use_app, AppState, Backups, View};

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::load();
    provide_context(app);
    // Keep <html lang> and the title in step with the language and view.
    Effect::new(move |_| {
        let t = app.t();
        browser::set_document_lang(app.lang().code());
        browser::set_title(&format!("{} · {}", app.nav.view().title(t), t.common.app_title));
    });
    browser::on_address_change(move |hash| app.follow_address(&hash));
    // Anything not stored yet is written before the page is hidden or left.
    browser::on_page_hidden(move || app.library.flush_now());
    listen_to_other_tabs(app);
    view! {
        <a
            class="skip"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                browser::focus_main();
            }
        >
            {app.text(|t| t.common.skip_to_content)}
        </a>
        <Header />
        <main id="main" tabindex="-1">
            <Messages />
            <CsvPreview />
            <Show when=move || !app.library.persistent()>
                <p class="warning">{app.text(|t| t.common.storage_unavailable_note)}</p>
            </Show>
            <CurrentView />
        </main>
        <footer>
            <p>{app.text(|t| t.common.privacy_note)}</p>
        </footer>
    }
}

/// The open view; views of an assessment ask for one when none is active.
#[component]
fn CurrentView() -> impl IntoView {
    let app = use_app();
    // Memos, so an edit (which changes `current`) does not rebuild the whole view:
    // only a change of view, or of having an active assessment, does.
    // `shown` turns false before the assessment goes (Library::close), so a view is
    // taken down while what it reads is still there.
    let has_active = Memo::new(move |_| app.library.shown());
    let view = Memo::new(move |_| app.nav.view());
    move || {
        let view = view.get();
        if view.needs_assessment() && !has_active.get() {
            return view! { <NeedsAssessment view=view /> }.into_any();
        }
        match view {
            // Home is in the main module; every other view's code is a module of its own
            // (src/split/views.rs), which the loader (scripts/boot.js) fetches beside the
            // main module when the app opens on it.
            View::Home => out_of_line(|| view! { <Home /> }.into_any()),
            View::Quick => view! { <DeferredView view=Deferred::Quick /> }.into_any(),
            View::Catalogue => view! { <DeferredView view=Deferred::Catalogue /> }.into_any(),
            View::Profile => view! { <DeferredView view=Deferred::Profile /> }.into_any(),
            View::Portfolio => view! { <DeferredView view=Deferred::Portfolio /> }.into_any(),
            View::Dashboard => view! { <DeferredView view=Deferred::Dashboard /> }.into_any(),
            View::Plan => view! { <DeferredView view=Deferred::Plan /> }.into_any(),
            View::Roadmap => view! { <DeferredView view=Deferred::Roadmap /> }.into_any(),
            View::Evaluation => view! { <DeferredView view=Deferred::Evaluation /> }.into_any(),
            View::Report => view! { <DeferredView view=Deferred::Report /> }.into_any(),
            View::Workshop => view! { <DeferredView view=Deferred::Workshop /> }.into_any(),
            View::Room => view! { <DeferredView view=Deferred::Room /> }.into_any(),
        }
    }
}

/// Builds Home in a function of its own. Otherwise the optimiser inlines it into the
/// match above, and the browser, which compiles a wasm function whole when it first
/// runs, compiles that whole match at start-up.
#[inline(never)]
fn out_of_line(build: impl FnOnce() -> AnyView) -> AnyView {
    build()
}

/// Another tab saved something: read it (the `storage` event fires only in the
/// other tabs of this origin).
fn listen_to_other_tabs(app: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // Another tab's export: the "last exported" line follows.
        if ev.key().is_none_or(|k| k == Backups::pref_key()) {
            app.backups.reload();
        }
        // A cleared storage (no key) or a change to our data; other preferences are this tab's own.
        let ours = ev.key().is_none_or(|k| crate::storage::holds_assessment_data(&k));
        if ours {
            if let Some(key) = ev.key() {
                app.library.on_storage_event(&key, ev.old_value(), ev.new_value());
            }
            app.library.sync_from_storage();
        }
    });
    on_cleanup(move || handle.remove());
}
