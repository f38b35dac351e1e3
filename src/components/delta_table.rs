//! Category means of a baseline and a compared state with their exact deltas
//! (evaluation and report).

use leptos::prelude::*;

use crate::components::{category_title, TableHead};
use crate::model::aggregate::NO_VALUE;
use crate::model::evaluation::{SnapshotComparison, OVERALL};
use crate::model::Delta;
use crate::state::use_app;

/// Category means of the baseline and the compared state, and their exact deltas
/// (`delta-current-{C}`, `delta-target-{C}`, C = A..I and `overall`).
#[component]
pub fn DeltaTable(comparison: Memo<Option<SnapshotComparison>>) -> impl IntoView {
    let app = use_app();
    // The category ids are the same in every catalogue: read once, untracked.
    let categories: Vec<&'static str> =
        app.library.catalogue().get_untracked().categories.iter().map(|c| c.id).chain([OVERALL]).collect();
    let cell = move |key: &'static str, f: fn(&crate::model::evaluation::CategoryDelta) -> String| {
        move || {
            comparison.with(|c| c.as_ref().and_then(|c| c.category(key)).map(f).unwrap_or_else(|| NO_VALUE.to_owned()))
        }
    };
    let rows = categories
        .into_iter()
        .map(|key| {
            let name = move || {
                let lang = app.lang();
                if key == OVERALL {
                    app.t().common.overall.to_owned()
                } else {
                    category_title(app.library.catalogue().get(), key, lang)
                }
            };
            view! {
                <tr class:overall=key == OVERALL>
                    <th scope="row">{name}</th>
                    <td class="num base">{cell(key, |d| d.base_current.text())}</td>
                    <td class="num">{cell(key, |d| d.now_current.text())}</td>
                    <td class="num delta" data-testid=format!("delta-current-{key}")>
                        {cell(key, |d| delta_text(d.current))}
                    </td>
                    <td class="num base">{cell(key, |d| d.base_target.text())}</td>
                    <td class="num">{cell(key, |d| d.now_target.text())}</td>
                    <td class="num delta" data-testid=format!("delta-target-{key}")>
                        {cell(key, |d| delta_text(d.target))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="scores" data-testid="delta-table">
            <TableHead columns=|t| vec![t.col.category]>
                <th scope="col" class="base">
                    {move || format!("{} ({})", app.t().col.current, app.t().col.before)}
                </th>
                <th scope="col">{move || format!("{} ({})", app.t().col.current, app.t().col.after)}</th>
                <th scope="col">{app.text(|t| t.col.delta_current)}</th>
                <th scope="col" class="base">
                    {move || format!("{} ({})", app.t().col.target, app.t().col.before)}
                </th>
                <th scope="col">{move || format!("{} ({})", app.t().col.target, app.t().col.after)}</th>
                <th scope="col">{app.text(|t| t.col.delta_target)}</th>
            </TableHead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn delta_text(d: Option<Delta>) -> String {
    d.map(Delta::display).unwrap_or_else(|| NO_VALUE.to_owned())
}
