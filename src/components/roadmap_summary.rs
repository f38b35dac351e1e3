//! The roadmap for the printed report: category and overall means today, projected
//! by the improvement plan to the end of this quarter and the next, and the target;
//! then the overdue actions (rules: `model::roadmap`).

use leptos::prelude::*;

use crate::browser;
use crate::components::{category_title, TableHead};
use crate::model::roadmap::{mean_rows, projection, Quarter, OVERALL};
use crate::model::Mean;
use crate::state::use_app;

/// One row: a category (or the overall) and its means.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: &'static str,
    label: String,
    means: Vec<Mean>,
}

#[component]
pub fn RoadmapSummary() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let first = Quarter::of(&today);
    let quarters = [first, first.next()];
    let rows = Memo::new(move |_| {
        let lang = app.lang();
        let t = app.t();
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            let Some(now) = app.library.summary().get() else { return Vec::new() };
            let ahead: Vec<_> = quarters.iter().filter_map(|q| Some(projection(a, &q.last_day()?))).collect();
            mean_rows(&now, &ahead)
                .into_iter()
                .map(|r| Row {
                    id: r.id,
                    label: if r.id == OVERALL {
                        t.roadmap.overall.to_owned()
                    } else {
                        category_title(a.catalogue, r.id, lang)
                    },
                    means: r.means,
                })
                .collect()
        })
    });
    let late = {
        let today = today.clone();
        Memo::new(move |_| {
            let lang = app.lang();
            app.library.current().with(|a| {
                let Some(a) = a else { return Vec::new() };
                let index = a.catalogue.index(&a.custom_services);
                a.plan
                    .iter()
                    .filter(|(_, item)| item.is_overdue(&today))
                    .map(|(id, item)| {
                        let name = index.get(id.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                        let due = item.due.as_ref().map(|d| d.to_string()).unwrap_or_default();
                        format!("{id} {name}: {} ({due})", item.action)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="report-roadmap" data-testid="report-roadmap">
            <h3>{app.text(|t| t.roadmap.report_heading)}</h3>
            <p class="hint">{app.text(|t| t.roadmap.report_explain)}</p>
            <table class="services">
                <TableHead
                    columns=|t| vec![t.roadmap.col_category, t.roadmap.col_today]
                    after=|t| vec![t.roadmap.col_target]
                >
                    {quarters
                        .iter()
                        .map(|q| {
                            let q = q.to_string();
                            view! { <th scope="col">{move || (app.t().roadmap.report_end_of)(&q)}</th> }
                        })
                        .collect_view()}
                </TableHead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|r| format!("{r:?}")
                        children=move |r| {
                            let id = r.id;
                            view! {
                                <tr>
                                    <th scope="row">{r.label.clone()}</th>
                                    {r
                                        .means
                                        .iter()
                                        .enumerate()
                                        .map(|(i, m)| {
                                            view! {
                                                <td class="num" data-testid=format!("report-roadmap-{id}-{i}")>
                                                    {m.text()}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            <h4>{app.text(|t| t.roadmap.report_late_heading)}</h4>
            <Show
                when=move || !late.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.roadmap.late_none)}</p> }
            >
                <ul data-testid="report-roadmap-late">
                    {move || late.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
