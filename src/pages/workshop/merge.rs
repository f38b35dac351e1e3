//! Merging: the name of the new assessment, the snapshot choice, the merge button,
//! and the report (printed alone) and CSV of the comparison.

use leptos::prelude::*;

use super::use_workshop;
use crate::model::Assessment;
use crate::state::use_app;

#[component]
pub fn MergeSection() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    // The round of the first compared copy names the default.
    let round = Memo::new(move |_| {
        workshop.loaded.with(|all| {
            workshop.comparison.with(|c| {
                c.picked.first().and_then(|&i| all.get(i)).and_then(|a| a.workshop.as_ref()).map(|w| w.round.clone())
            })
        })
    });
    let typed = RwSignal::new(None::<String>);
    let name = move || {
        typed.get().unwrap_or_else(|| {
            let base = round.get().unwrap_or_else(|| app.t().nav.workshop.to_owned());
            (app.t().workshop.merge_default_name)(&base)
        })
    };
    let blank = move || crate::model::text::clean_name(&name()).is_none();
    view! {
        <div class="card merge no-print">
            <h3>{app.text(|t| t.workshop.merge_heading)}</h3>
            <label for="workshop-merge-name">{app.text(|t| t.workshop.merge_name_label)}</label>
            <input
                id="workshop-merge-name"
                data-testid="workshop-merge-name"
                maxlength=Assessment::MAX_NAME_CHARS
                prop:value=name
                on:input:target=move |ev| typed.set(Some(ev.target().value()))
            />
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="workshop-merge-snapshot"
                    prop:checked=move || workshop.snapshot_on_merge.get()
                    on:change:target=move |ev| workshop.snapshot_on_merge.set(ev.target().checked())
                />
                " "
                {app.text(|t| t.workshop.merge_snapshot)}
            </label>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    data-testid="workshop-merge"
                    disabled=blank
                    on:click=move |_| workshop.merge(&name())
                >
                    {app.text(|t| t.workshop.merge_button)}
                </button>
                <button type="button" data-testid="workshop-print" on:click=move |_| workshop.print_report()>
                    {app.text(|t| t.workshop.print_report)}
                </button>
                <button type="button" data-testid="workshop-csv" on:click=move |_| workshop.download_csv()>
                    {app.text(|t| t.workshop.download_csv)}
                </button>
            </div>
        </div>
    }
}
