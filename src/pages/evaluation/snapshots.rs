//! The snapshots of the active assessment: take one, relabel, delete (with undo).

use leptos::prelude::*;

use crate::browser;
use crate::components::TableHead;
use crate::model::{Assessment, Snapshot, SnapshotId};
use crate::state::use_app;

#[component]
pub fn Snapshots() -> impl IntoView {
    let app = use_app();
    let label = RwSignal::new(String::new());
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.library.take_snapshot(&label.get_untracked());
        label.set(String::new());
    };
    // Newest first, keyed by the snapshot's stable id: a row stays while its label is
    // typed (the text is stored as typed), and acts on its own snapshot however the
    // list changes meanwhile (in this tab or another).
    let order = move || {
        app.library.current().with(|a| {
            a.as_ref()
                .map(|a| a.snapshots_newest_first().into_iter().map(|i| a.snapshots[i].id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let row = move |id: SnapshotId| {
        let t = app.t();
        let field = move |f: fn(&Snapshot) -> String| {
            move || app.library.current().with(|a| a.as_ref().and_then(|a| a.snapshot(id)).map(f).unwrap_or_default())
        };
        let delete = move |_| {
            if browser::confirm(t.evaluation.snapshot_delete_confirm) {
                app.library.delete_snapshot(id);
            }
        };
        view! {
            <tr data-testid="snapshot-item">
                <td>
                    <input
                        data-testid=format!("snapshot-label-{id}")
                        maxlength=Assessment::MAX_NAME_CHARS
                        aria-label=move || {
                            format!(
                                "{} ({})",
                                app.t().evaluation.snapshot_rename,
                                field(|s| s.taken.date().to_owned())(),
                            )
                        }
                        prop:value=field(|s| s.label.clone())
                        on:input:target=move |ev| app.library.rename_snapshot(id, &ev.target().value(), true)
                        on:change:target=move |ev| app.library.rename_snapshot(id, &ev.target().value(), false)
                    />
                </td>
                <td>{field(|s| s.taken.as_str().to_owned())}</td>
                <td>
                    <button type="button" class="danger" data-testid=format!("snapshot-delete-{id}") on:click=delete>
                        {app.text(|t| t.common.delete)}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="snapshots-heading">
            <h3 id="snapshots-heading">{app.text(|t| t.evaluation.snapshots_heading)}</h3>
            <form class="inline-form" on:submit=take>
                <label for="snapshot-new-label">{app.text(|t| t.evaluation.snapshot_label)}</label>
                <input
                    id="snapshot-new-label"
                    data-testid="snapshot-new-label"
                    maxlength=Assessment::MAX_NAME_CHARS
                    prop:value=move || label.get()
                    on:input:target=move |ev| label.set(ev.target().value())
                />
                <button type="submit" class="primary" data-testid="snapshot-take">
                    {app.text(|t| t.evaluation.snapshot_take)}
                </button>
            </form>
            <Show
                when=move || app.library.current().with(|a| a.as_ref().is_some_and(|a| !a.snapshots.is_empty()))
                fallback=move || view! { <p class="empty">{app.text(|t| t.evaluation.no_snapshots)}</p> }
            >
                <table class="services">
                    <TableHead columns=|t| vec![t.evaluation.snapshot_rename, t.evaluation.snapshot_taken_at]>
                        <th scope="col">
                            <span class="visually-hidden">{app.text(|t| t.common.delete)}</span>
                        </th>
                    </TableHead>
                    <tbody>
                        <For each=order key=|id| *id children=row />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
