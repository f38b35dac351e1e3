//! The page header: title, the active assessment's name, the views, export, the CSV
//! import, the language switch, and where the data lives (the backup line).

use leptos::prelude::*;

use super::{run_csv, BackupLine, CsvAction, CsvTools};
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
    view! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-title">{app.text(|t| t.common.app_title)}</h1>
                <p class="subtitle">
                    <bdi>{subtitle}</bdi>
                </p>
            </div>
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
            </div>
            <div class="backup">
                <BackupLine />
            </div>
        </header>
    }
}
