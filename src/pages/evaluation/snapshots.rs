//! The snapshots of the active assessment: take one, relabel, delete (with undo).

use leptos::prelude::*;

use crate::browser;
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
    let rows = move || {
        let t = app.t();
        app.library.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            a.snapshots_newest_first()
                .into_iter()
                .map(|i| {
                    let s = &a.snapshots[i];
                    let id = s.id;
                    let delete = move |_| {
                        if browser::confirm(t.evaluation.snapshot_delete_confirm) {
                            app.library.delete_snapshot(id);
                        }
                    };
                    view! {
                        <tr data-testid="snapshot-item">
                            <td>
                                <input
                                    data-testid=format!("snapshot-label-{i}")
                                    maxlength="200"
                                    aria-label=format!("{} ({})", t.evaluation.snapshot_rename, s.taken.date())
                                    prop:value=s.label.clone()
                                    on:change:target=move |ev| app.library.rename_snapshot(id, &ev.target().value())
                                />
                            </td>
                            <td>{s.taken.as_str().to_owned()}</td>
                            <td>
                                <button type="button" class="danger" data-testid=format!("snapshot-delete-{i}") on:click=delete>
                                    {t.common.delete}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="snapshots-heading">
            <h3 id="snapshots-heading">{app.text(|t| t.evaluation.snapshots_heading)}</h3>
            <form class="inline-form" on:submit=take>
                <label for="snapshot-new-label">{app.text(|t| t.evaluation.snapshot_label)}</label>
                <input id="snapshot-new-label" data-testid="snapshot-new-label" maxlength="200"
                    prop:value=move || label.get() on:input:target=move |ev| label.set(ev.target().value())/>
                <button type="submit" class="primary" data-testid="snapshot-take">{app.text(|t| t.evaluation.snapshot_take)}</button>
            </form>
            <Show when=move || app.library.current.with(|a| a.as_ref().is_some_and(|a| !a.snapshots.is_empty()))
                fallback=move || view! { <p class="empty">{app.text(|t| t.evaluation.no_snapshots)}</p> }>
                <table class="services">
                    <thead>
                        <tr>
                            <th scope="col">{app.text(|t| t.evaluation.snapshot_rename)}</th>
                            <th scope="col">{app.text(|t| t.evaluation.snapshot_taken_at)}</th>
                            <th scope="col"><span class="visually-hidden">{app.text(|t| t.common.delete)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
