//! The app shell: state provider, header with navigation, export and language
//! switch, messages, and the current view.

use leptos::prelude::*;

use crate::browser;
use crate::components::Messages;
use crate::pages::{Catalogue, Dashboard, Evaluation, Home, Plan, Portfolio, Profile, Report};
use crate::state::{use_app, AppState, View};

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::load();
    provide_context(app);
    // Keep <html lang> and the title in step with the language and view.
    Effect::new(move |_| {
        let lang = app.lang.get();
        let t = crate::i18n::texts(lang);
        browser::set_document_lang(lang.code());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{} · {}", app.view.get().title(t), t.app_title));
        }
    });
    listen_to_other_tabs(app);
    app.open_share_link();
    view! {
        <a class="skip" href="#main">{move || app.t().skip_to_content}</a>
        <Header/>
        <main id="main" tabindex="-1">
            <Messages/>
            <Show when=move || !app.persistent>
                <p class="warning">{move || app.t().storage_unavailable_note}</p>
            </Show>
            <CurrentView/>
        </main>
        <footer>
            <p>{move || app.t().privacy_note}</p>
        </footer>
    }
}

/// The open view; views of an assessment ask for one when none is active.
#[component]
fn CurrentView() -> impl IntoView {
    let app = use_app();
    // Memos, so an edit (which changes `current`) does not rebuild the whole view:
    // only a change of view, or of having an active assessment, does.
    let has_active = Memo::new(move |_| app.current.with(Option::is_some));
    let view = Memo::new(move |_| app.view.get());
    move || {
        if view.get() != View::Home && !has_active.get() {
            return view! {
                <section class="view">
                    <p class="empty">{move || app.t().no_active}</p>
                    <button type="button" on:click=move |_| app.show(View::Home)>{move || app.t().go_home}</button>
                </section>
            }
            .into_any();
        }
        match view.get() {
            View::Home => view! { <Home/> }.into_any(),
            View::Catalogue => view! { <Catalogue/> }.into_any(),
            View::Profile => view! { <Profile/> }.into_any(),
            View::Portfolio => view! { <Portfolio/> }.into_any(),
            View::Dashboard => view! { <Dashboard/> }.into_any(),
            View::Plan => view! { <Plan/> }.into_any(),
            View::Evaluation => view! { <Evaluation/> }.into_any(),
            View::Report => view! { <Report/> }.into_any(),
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let no_active = move || app.active.get().is_none();
    view! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-title">{move || app.t().app_title}</h1>
                <p class="subtitle">
                    {move || app.current.with(|a| a.as_ref().map(|a| a.name.clone())).unwrap_or_else(|| app.t().app_subtitle.to_owned())}
                </p>
            </div>
            <nav aria-label=move || app.t().nav_label>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        view! {
                            <button
                                type="button"
                                data-testid=format!("nav-{}", view.code())
                                aria-current=move || (app.view.get() == view).then_some("page")
                                on:click=move |_| app.show(view)
                            >
                                {move || view.title(app.t())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="tools">
                <button type="button" data-testid="export-json" disabled=no_active on:click=move |_| app.export_active_json()>
                    {move || app.t().export_json}
                </button>
                <button type="button" data-testid="export-csv" disabled=no_active on:click=move |_| app.export_active_csv()>
                    {move || app.t().export_csv}
                </button>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    lang=move || app.lang.get().other().code()
                    title=move || app.t().lang_toggle_label
                    on:click=move |_| app.set_lang(app.lang.get().other())
                >
                    {move || app.t().lang_toggle}
                </button>
            </div>
        </header>
    }
}

/// Another tab saved something: read it (the `storage` event fires only in the
/// other tabs of this origin).
fn listen_to_other_tabs(app: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // A cleared storage (no key) or a change to our data; preferences are this tab's own.
        let ours = ev.key().is_none_or(|k| crate::storage::holds_assessment_data(&k));
        if ours {
            app.sync_from_storage();
        }
    });
    on_cleanup(move || handle.remove());
}
