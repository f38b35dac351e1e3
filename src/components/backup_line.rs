//! Where the data lives, shown at all times under the header: saved in this browser
//! only, and when the active assessment was last exported; after many changes since,
//! a gentle reminder to keep a copy in a file, which the user can put off.

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn BackupLine() -> impl IntoView {
    let app = use_app();
    let t = move || &app.t().backup;
    let saved_where = move || if app.library.persistent() { t().saved_here } else { t().saved_nowhere };
    let has_active = move || app.library.current().with(Option::is_some);
    let last_export = move || match app.backups.last_export() {
        Some(at) => (t().last_exported)(at.date()),
        None => t().never_exported.to_owned(),
    };
    view! {
        <p class="backup-line" title=move || t().explain>
            <span data-testid="saved-where">{saved_where}</span>
            <Show when=has_active>" · " <span data-testid="last-export">{last_export}</span></Show>
        </p>
        <Show when=move || app.backups.remind()>
            <p class="backup-hint" data-testid="backup-hint">
                <span>{move || t().remind}</span>
                " "
                <button
                    type="button"
                    class="link"
                    data-testid="backup-hint-export"
                    on:click=move |_| app.exports.json()
                >
                    {move || t().remind_export}
                </button>
                " "
                <button type="button" class="link" on:click=move |_| app.exports.backup()>
                    {move || t().remind_backup}
                </button>
                " "
                <button
                    type="button"
                    class="link"
                    data-testid="backup-hint-dismiss"
                    on:click=move |_| app.backups.dismiss_reminder()
                >
                    {move || t().remind_dismiss}
                </button>
            </p>
        </Show>
    }
}
