//! The app shell: state provider, header with navigation and language switch,
//! messages, and the current view.

use leptos::prelude::*;

use crate::browser;
use crate::components::Messages;
use crate::pages::Home;
use crate::state::{use_app, AppState};

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::load();
    provide_context(app);
    // Keep <html lang> and the title in step with the language.
    Effect::new(move |_| {
        let lang = app.lang.get();
        browser::set_document_lang(lang.code());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(crate::i18n::texts(lang).app_title);
        }
    });
    view! {
        <a class="skip" href="#main">{move || app.t().skip_to_content}</a>
        <Header/>
        <main id="main" tabindex="-1">
            <Messages/>
            <Show when=move || !app.persistent>
                <p class="warning">{move || app.t().storage_unavailable_note}</p>
            </Show>
            <Home/>
        </main>
        <footer>
            <p>{move || app.t().privacy_note}</p>
        </footer>
    }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || app.t().app_title}</h1>
                <p class="subtitle">{move || app.t().app_subtitle}</p>
            </div>
            <nav aria-label=move || app.t().nav_label>
                <button type="button" data-testid="nav-home" aria-current="page">
                    {move || app.t().nav_home}
                </button>
            </nav>
            <button
                type="button"
                class="lang-toggle"
                data-testid="lang-toggle"
                aria-label=move || app.t().lang_toggle_label
                on:click=move |_| app.set_lang(app.lang.get().other())
            >
                {move || app.t().lang_toggle}
            </button>
        </header>
    }
}
