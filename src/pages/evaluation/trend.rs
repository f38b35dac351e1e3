//! The trend of a chosen category (chart) and of every category (table) over all
//! snapshots and the working state.

use leptos::prelude::*;

use crate::components::TrendChart;
use crate::model::evaluation::{trend, OVERALL};
use crate::state::use_app;

/// The trend of a chosen category (chart) and of every category (table).
#[component]
pub fn Trend() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(OVERALL);
    let points = Memo::new(move |_| app.library.current().with(|a| a.as_ref().map(trend).unwrap_or_default()));
    let labels = Signal::derive(move || {
        let t = app.t();
        points.with(|p| {
            p.iter().map(|p| p.label.clone().unwrap_or_else(|| t.evaluation.now_label.to_owned())).collect::<Vec<_>>()
        })
    });
    let series = move |current: bool| {
        Signal::derive(move || {
            let key = chosen.get();
            points.with(|p| {
                p.iter()
                    .map(|p| {
                        let (c, t) = if key == OVERALL {
                            (p.current, p.target)
                        } else {
                            p.category(key).map(|m| (m.current, m.target)).unwrap_or_default()
                        };
                        if current {
                            c.as_f64()
                        } else {
                            t.as_f64()
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let table_rows = move || {
        let t = app.t();
        points.with(|p| {
            p.iter()
                .map(|p| {
                    let label = p.label.clone().unwrap_or_else(|| t.evaluation.now_label.to_owned());
                    let cells = p.categories.iter().map(|m| (m.current, m.target)).chain([(p.current, p.target)]);
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {cells
                                .map(|(c, t)| view! { <td class="num">{format!("{} / {}", c.text(), t.text())}</td> })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let alt = Signal::derive(move || app.t().evaluation.eval_trend.to_owned());
    view! {
        <section aria-labelledby="eval-trend-heading">
            <h3 id="eval-trend-heading">{app.text(|t| t.evaluation.eval_trend)}</h3>
            <label for="trend-category">{app.text(|t| t.evaluation.trend_category)}</label>
            <select
                id="trend-category"
                data-testid="trend-category"
                on:change:target=move |ev| {
                    let v = ev.target().value();
                    chosen
                        .set(
                            app
                                .library
                                .catalogue()
                                .get_untracked()
                                .categories
                                .iter()
                                .map(|c| c.id)
                                .find(|c| *c == v)
                                .unwrap_or(OVERALL),
                        );
                }
            >
                <option value=OVERALL>{app.text(|t| t.common.overall)}</option>
                {move || {
                    let lang = app.lang();
                    app.library
                        .catalogue()
                        .get()
                        .categories
                        .iter()
                        .map(|c| view! { <option value=c.id>{c.title(lang)}</option> })
                        .collect_view()
                }}
            </select>
            <figure class="chart">
                <TrendChart
                    testid="trend-chart"
                    width=720
                    height=360
                    labels=labels
                    current=series(true)
                    target=series(false)
                    alt=alt
                />
            </figure>
            <div class="table-scroll">
                <table class="scores" data-testid="trend-table">
                    <caption>{move || format!("{} / {}", app.t().col.current, app.t().col.target)}</caption>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            {app
                                .library
                                .catalogue()
                                .get_untracked()
                                .categories
                                .iter()
                                .map(|c| view! { <th scope="col">{c.id}</th> })
                                .collect_view()}
                            <th scope="col">{app.text(|t| t.common.overall)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
