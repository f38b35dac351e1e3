//! The page header: title, the active assessment's name, where the data lives (the
//! backup line), the language switch, the views, and the tools (export, the CSV tools).
//!
//! Phone first: on a narrow screen the header is a compact band (style/main.css):
//! title, name and backup line beside the language switch, then the views and the
//! tools each in one row that scrolls sideways inside itself, the open view brought
//! into sight. Every control stays in the page and reachable (no menu to open first).

use leptos::prelude::*;

use super::{run_csv, BackupLine, CsvAction, CsvTools};
use crate::browser;
use crate::state::{use_app, View};

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let no_active = move || app.library.current().with(Option::is_none);
    let subtitle = move || {
        app.library
            .current()
            .with(|a| a.as_ref().map(|a| a.name.clone()))
            .unwrap_or_else(|| app.t().common.app_subtitle.to_owned())
    };
    // Once a view is open (and marked in the views' row): its link in sight in the
    // sideways-scrolling row, and, when another view opened, the page at its top. (Left
    // to itself, the browser keeps the page where it was, or keeps the footer in place:
    // a tap on Home's quick check button would land at the end of the quick check.)
    // The page goes to its top at once, not in the next frame: a frame can come late (a
    // hidden or busy window), and by then the reader, or a WebDriver click that scrolled
    // to its element, has moved on, and the page jumps under them.
    Effect::new(move |before: Option<()>| {
        app.nav.view();
        if before.is_some() {
            browser::scroll_to_top();
        }
        request_animation_frame(browser::scroll_nav_to_current);
    });
    view! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-title">{app.text(|t| t.common.app_title)}</h1>
                <p class="subtitle" class:generic=no_active>
                    <bdi>{subtitle}</bdi>
                </p>
            </div>
            <div class="backup">
                <BackupLine />
            </div>
            <button
                type="button"
                class="lang-toggle"
                data-testid="lang-toggle"
                lang=move || app.lang().other().code()
                title=app.text(|t| t.common.lang_toggle_label)
                on:click=move |_| app.locale.set(app.lang().other())
            >
                {app.text(|t| t.common.lang_toggle)}
            </button>
            <nav aria-label=app
                .text(|t| {
                    t.nav.label
                })>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        // A link: the address names the view, so it opens in a new tab too.
                        view! {
                            <a
                                href=format!("#{}", view.route())
                                class="nav-link"
                                data-testid=format!("nav-{}", view.code())
                                aria-current=move || (app.nav.view() == view).then_some("page")
                            >
                                {move || view.title(app.t())}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="tools">
                <button type="button" data-testid="export-json" disabled=no_active on:click=move |_| app.exports.json()>
                    {app.text(|t| t.common.export_json)}
                </button>
                <button
                    type="button"
                    data-testid="export-csv"
                    disabled=no_active
                    on:click=move |_| run_csv(app, CsvAction::Export)
                >
                    {app.text(|t| t.common.export_csv)}
                </button>
                <CsvTools />
            </div>
        </header>
    }
}
