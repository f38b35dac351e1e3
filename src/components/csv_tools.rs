//! The spreadsheet round trip in the page: the header's CSV tools (import, and the
//! CSV with Japanese headings) and the preview of a file's changes, which takes the
//! focus when it opens and is applied or cancelled with its two buttons.
//!
//! The CSV code (writing, reading, the preview) is fetched the first time one of the
//! tools is used: the release build splits it out at `csv_action` and `csv_panel`, as
//! it does the rarely opened views (src/split/views.rs, docs/wasm-split.md).

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::components::TableHead;
use crate::model::csv::CsvChange;
use crate::model::{Assessment, Lang};
use crate::split::{deferred_fn, LoadFailed};
use crate::state::{use_app, Alert, AppState, PendingCsv};

/// The CSV tools beside `export-csv`.
#[component]
pub fn CsvTools() -> impl IntoView {
    let app = use_app();
    let no_active = move || app.library.current().with(Option::is_none);
    let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, HtmlInputElement>| {
        let input: HtmlInputElement = ev.target();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        run_csv(app, CsvAction::Read(file));
    };
    view! {
        <button
            type="button"
            data-testid="export-csv-ja"
            disabled=no_active
            title=app.text(|t| t.csv.export_ja_hint)
            on:click=move |_| run_csv(app, CsvAction::ExportJapanese)
        >
            {app.text(|t| t.csv.export_ja)}
        </button>
        <label class="file-button" class:disabled=no_active title=app.text(|t| t.csv.import_hint)>
            <input
                type="file"
                class="visually-hidden"
                accept=".csv,text/csv"
                data-testid="import-csv"
                aria-describedby="csv-import-hint"
                disabled=no_active
                on:change:target=on_change
            />
            {app.text(|t| t.csv.import_button)}
        </label>
        <span id="csv-import-hint" class="visually-hidden">
            {app.text(|t| t.csv.import_hint)}
        </span>
        <span class="visually-hidden" aria-live="polite">
            {move || app.csv.busy().then(|| app.t().csv.reading)}
        </span>
    }
}

/// The changes of a CSV file, shown before anything is applied.
#[component]
pub fn CsvPreview() -> impl IntoView {
    let app = use_app();
    move || app.csv.pending().get().map(csv_preview_panel)
}

/// The preview itself, built in the CSV tools' module (`csv_panel` below).
#[component]
fn CsvPreviewPanel(pending: PendingCsv) -> impl IntoView {
    let app = use_app();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Opened (or worked out again): the keyboard and screen reader go to it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let count = pending.changes.len();
    let encoding = pending.decoded.chosen.name();
    let switch = pending.decoded.alternative().map(|other| {
        view! {
            " "
            <button type="button" data-testid="csv-switch-encoding" on:click=move |_| app.csv.switch_encoding()>
                {move || (app.t().csv.read_as_other)(other.name())}
            </button>
            <br />
            <small>{app.text(|t| t.csv.either_encoding)}</small>
        }
    });
    let file = pending.file.clone();
    let changes = pending.changes;
    let rows = move || {
        let lang = app.lang();
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            changes.iter().map(|c| change_row(c, a, lang)).collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card csv-preview" aria-labelledby="csv-preview-heading" data-testid="csv-preview">
            <h2 id="csv-preview-heading" tabindex="-1" node_ref=heading>
                {move || (app.t().csv.preview_heading)(&file)}
            </h2>
            <p>{move || (app.t().csv.preview_intro)(count)}</p>
            <p class="csv-encoding">
                <span data-testid="csv-encoding">{move || (app.t().csv.read_as)(encoding)}</span>
                {switch}
            </p>
            <div class="table-scroll">
                <table class="csv-changes">
                    <caption>{app.text(|t| t.csv.caption)}</caption>
                    <TableHead columns=|t| vec![t.csv.col_service, t.csv.col_field, t.csv.col_old, t.csv.col_new] />
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="tools">
                <button
                    type="button"
                    class="primary"
                    data-testid="csv-apply"
                    on:click=move |_| run_csv(app, CsvAction::Apply)
                >
                    {app.text(|t| t.csv.apply)}
                </button>
                <button type="button" data-testid="csv-cancel" on:click=move |_| app.csv.cancel()>
                    {app.text(|t| t.csv.cancel)}
                </button>
            </div>
        </section>
    }
}

/// One change: service (id and name), field, value now, value from the file.
fn change_row(c: &CsvChange, a: &Assessment, lang: Lang) -> impl IntoView {
    let id = c.service.as_str().to_owned();
    let name = a.catalogue.index(&a.custom_services).get(&id).map(|s| s.name(lang).to_owned()).unwrap_or_default();
    let field = c.field();
    let service = id.clone();
    view! {
        <tr data-testid="csv-change" data-service=service data-field=field.code()>
            <th scope="row">{id}" "<bdi>{name}</bdi></th>
            <td>{field.label(lang)}</td>
            <td class="csv-value">
                <bdi>{c.old.display(a.catalogue, lang)}</bdi>
            </td>
            <td class="csv-value">
                <bdi>{c.new.display(a.catalogue, lang)}</bdi>
            </td>
        </tr>
    }
}

/// What the CSV tools do; each runs with the CSV module loaded.
pub enum CsvAction {
    /// The services CSV (English headings, `export-csv`).
    Export,
    /// The services CSV with Japanese headings (`export-csv-ja`).
    ExportJapanese,
    /// Read a chosen file and preview its changes.
    Read(web_sys::File),
    /// Apply the previewed changes.
    Apply,
}

/// Runs a CSV action once its code is there; if the code does not arrive, an alert
/// says so and nothing changes.
pub fn run_csv(app: AppState, action: CsvAction) {
    leptos::task::spawn_local(async move {
        if csv_action(app, action).await.is_err() {
            app.messages.fail(Alert::PartNotLoaded);
        }
    });
}

/// The preview of a CSV file's changes (only ever shown after a CSV action, so its
/// code is there by then).
fn csv_preview_panel(pending: PendingCsv) -> impl IntoView {
    Suspend::new(async move { csv_panel(pending).await.unwrap_or_else(|LoadFailed| ().into_any()) })
}

fn do_csv(app: AppState, action: CsvAction) {
    match action {
        CsvAction::Export => app.exports.services_csv(),
        CsvAction::ExportJapanese => app.exports.services_csv_ja(),
        CsvAction::Read(file) => app.csv.read_file(file),
        CsvAction::Apply => app.csv.apply(),
    }
}

deferred_fn!(csv: fn csv_action(app: AppState, action: CsvAction) { do_csv(app, action) });
deferred_fn!(csv: fn csv_panel(pending: PendingCsv) -> AnyView { view! { <CsvPreviewPanel pending=pending/> }.into_any() });
