//! The category means behind the category radar (the `score-*` hooks), with the
//! quick check's estimate beside them when there is one.

use leptos::prelude::*;

use crate::components::{category_title, NumCell, TableHead};
use crate::state::use_app;

/// The numbers behind the category radar: `score-current-{C}`, `score-target-{C}`.
#[component]
pub fn ScoreTable() -> impl IntoView {
    let app = use_app();
    // Per category key (and "overall"): the quick estimate as "current / target".
    let quick = Memo::new(move |_| {
        let catalogue = app.library.catalogue().get();
        app.library.current().with(|a| {
            let q = a.as_ref().filter(|a| a.has_service_data())?.quick.as_ref()?;
            let mut cells: Vec<(String, String)> = q
                .per_category(catalogue)
                .into_iter()
                .map(|(id, c, t)| (id.to_owned(), format!("{} / {}", c.text(), t.text())))
                .collect();
            let (c, t) = q.overall();
            cells.push(("overall".to_owned(), format!("{} / {}", c.text(), t.text())));
            Some(cells)
        })
    });
    let quick_cell = move |key: &str| {
        quick.with(|q| {
            q.as_ref().map(|cells| cells.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default())
        })
    };
    let rows = move || {
        let lang = app.lang();
        let t = app.t();
        app.library.summary().with(|s| {
            let Some(s) = s else { return Vec::new() };
            let catalogue = app.library.catalogue().get();
            let mut rows: Vec<_> = s
                .categories
                .iter()
                .map(|c| {
                    let label = category_title(catalogue, c.category, lang);
                    (c.category.to_owned(), label, c.current, c.target, c.counts)
                })
                .collect();
            rows.push(("overall".to_owned(), t.common.overall.to_owned(), s.current, s.target, s.counts));
            rows.into_iter()
                .map(|(key, label, current, target, counts)| {
                    view! {
                        <tr class:overall=key == "overall">
                            <th scope="row">{label}</th>
                            <NumCell testid=format!("score-current-{key}")>{current.text()}</NumCell>
                            <NumCell testid=format!("score-target-{key}")>{target.text()}</NumCell>
                            <td class="num">{counts.in_scope}</td>
                            <td class="num">{counts.assessed}</td>
                            {quick_cell(&key)
                                .map(|v| {
                                    view! {
                                        <td class="num quick" data-testid=format!("quick-estimate-{key}")>
                                            {v}
                                        </td>
                                    }
                                })}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="scores" data-testid="score-table">
            <caption>{app.text(|t| t.dashboard.table_caption)}</caption>
            <TableHead columns=|t| {
                vec![t.col.category, t.col.current, t.col.target, t.col.in_scope, t.col.assessed]
            }>
                {move || {
                    quick
                        .with(Option::is_some)
                        .then(|| {
                            view! {
                                <th scope="col" class="quick">
                                    {app.t().quick.col}
                                </th>
                            }
                        })
                }}
            </TableHead>
            <tbody>{rows}</tbody>
        </table>
    }
}
