//! The roadmap (between the management and evaluation processes): where the
//! improvement plan takes the current scores, quarter by quarter, by the rules of
//! `model::roadmap` (docs/exchange-format.md, "Roadmap").
//!
//! - `mod.rs`: the quarter picker, the radar and means of the chosen quarter;
//! - `strip`: one small radar per quarter, and the actions falling due;
//! - `reality`: plan against reality between two snapshots.

mod reality;
mod strip;

use leptos::prelude::*;

use crate::browser;
use crate::components::{category_title, RadarChart, TableHead};
use crate::model::roadmap::{mean_rows, projection, quarters, Quarter, Quarters, OVERALL};
use crate::model::{Delta, Mean, Summary};
use crate::state::{use_app, View};

/// A category's (or the overall) row of the table: its label and its means today,
/// projected and as targeted.
#[derive(Clone, Debug, PartialEq)]
struct MeanRow {
    /// `A`..`I`, or `overall`.
    id: &'static str,
    label: String,
    today: Mean,
    projected: Mean,
    target: Mean,
}

#[component]
pub fn Roadmap() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let listed = {
        let today = today.clone();
        Memo::new(move |_| {
            app.library.current().with(|a| {
                a.as_ref()
                    .map(|a| quarters(&a.plan, &today))
                    .unwrap_or_else(|| Quarters { list: vec![Quarter::of(&today)], cut: false })
            })
        })
    };
    let has_dates = Memo::new(move |_| {
        app.library.current().with(|a| a.as_ref().is_some_and(|a| a.plan.values().any(|i| i.due.is_some())))
    });
    let picked = RwSignal::new(None::<Quarter>);
    // The picked quarter while it is listed, else today's.
    let this_quarter = Quarter::of(&today);
    let quarter = Memo::new(move |_| {
        let list = listed.with(|q| q.list.clone());
        picked.get().filter(|q| list.contains(q)).or_else(|| list.first().copied()).unwrap_or(this_quarter)
    });
    let projected = Memo::new(move |_| {
        let end = quarter.get().last_day();
        app.library.current().with(|a| Some(projection(a.as_ref()?, &end?)))
    });
    let rows = Memo::new(move |_| {
        let lang = app.lang();
        let catalogue = app.library.catalogue().get();
        let overall = app.t().roadmap.overall;
        app.library.summary().with(|today| {
            projected.with(|p| match (today, p) {
                (Some(today), Some(p)) => mean_rows(today, std::slice::from_ref(p))
                    .into_iter()
                    .map(|r| MeanRow {
                        id: r.id,
                        label: if r.id == OVERALL { overall.to_owned() } else { category_title(catalogue, r.id, lang) },
                        today: r.means[0],
                        projected: r.means[1],
                        target: r.means[2],
                    })
                    .collect(),
                _ => Vec::new(),
            })
        })
    });
    let quarter_choices = move || {
        let t = app.t();
        listed.with(|q| {
            q.list
                .iter()
                .map(|q| {
                    let end = q.last_day().map(|d| d.to_string()).unwrap_or_default();
                    (q.to_string(), (t.roadmap.quarter_option)(&q.to_string(), &end))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="view roadmap" data-view="roadmap" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.roadmap)}</h2>
            <p class="intro">{app.text(|t| t.roadmap.intro)}</p>
            <Show when=move || !has_dates.get()>
                <p class="empty" data-testid="roadmap-no-dates">
                    {app.text(|t| t.roadmap.no_dates)}
                    " "
                    <button type="button" class="link" on:click=move |_| app.nav.show(View::Plan)>
                        {app.text(|t| t.roadmap.open_plan)}
                    </button>
                </p>
            </Show>
            <div class="field">
                <label for="roadmap-quarter">{app.text(|t| t.roadmap.quarter_label)}</label>
                <select
                    id="roadmap-quarter"
                    data-testid="roadmap-quarter"
                    prop:value=move || quarter.get().to_string()
                    on:change:target=move |ev| picked.set(Quarter::parse(&ev.target().value()))
                >
                    {move || {
                        let chosen = quarter.get().to_string();
                        quarter_choices()
                            .into_iter()
                            .map(|(value, text)| {
                                let selected = value == chosen;
                                view! {
                                    <option value=value selected=selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <Show when=move || listed.with(|q| q.cut)>
                <p class="note" data-testid="roadmap-cut">
                    {move || (app.t().roadmap.cut_note)(crate::model::roadmap::MAX_QUARTERS)}
                </p>
            </Show>
            <ProjectedRadar quarter=quarter projected=projected />
            <MeansTable rows=rows />
            <strip::Strip listed=listed quarter=quarter picked=picked today=today />
            <reality::Reality />
        </section>
    }
}

/// The radar of today's current means (dashed), the projected ones and the target.
#[component]
fn ProjectedRadar(quarter: Memo<Quarter>, projected: Memo<Option<Summary>>) -> impl IntoView {
    let app = use_app();
    let labels = Memo::new(move |_| {
        let lang = app.lang();
        let catalogue = app.library.catalogue().get();
        catalogue.categories.iter().map(|c| c.axis_label(lang)).collect::<Vec<_>>()
    });
    let series = move |pick: fn(&crate::model::CategorySummary) -> Mean, from: Option<Summary>| {
        from.map(|s| s.categories.iter().map(|c| pick(c).as_f64()).collect::<Vec<_>>()).unwrap_or_default()
    };
    view! {
        <figure class="chart">
            <figcaption>{app.text(|t| t.roadmap.radar_heading)}</figcaption>
            <RadarChart
                testid="roadmap-radar"
                width=720
                height=480
                file_stem="x1060-roadmap"
                labels=Signal::derive(move || labels.get())
                current=Signal::derive(move || series(|c| c.current, projected.get()))
                current_label=Signal::derive(move || (app.t().roadmap.legend_projected)(&quarter.get().to_string()))
                target=Signal::derive(move || series(|c| c.target, app.library.summary().get()))
                baseline=Signal::derive(move || Some(series(|c| c.current, app.library.summary().get())))
                baseline_label=Signal::derive(move || app.t().roadmap.legend_today.to_owned())
            />
            <p class="hint">{app.text(|t| t.common.scale_note)}</p>
        </figure>
    }
}

/// Today, projected (the `roadmap-mean-{C}` hooks), change and target per category.
#[component]
fn MeansTable(rows: Memo<Vec<MeanRow>>) -> impl IntoView {
    let app = use_app();
    view! {
        <h3>{app.text(|t| t.roadmap.means_heading)}</h3>
        <table class="services roadmap-means" data-testid="roadmap-means">
            <TableHead columns=|t| {
                let r = &t.roadmap;
                vec![r.col_category, r.col_today, r.col_projected, r.col_change, r.col_target]
            } />
            <tbody>
                <For
                    each=move || rows.get()
                    key=|r| format!("{r:?}")
                    children=move |r| {
                        let change = Delta::between(r.projected, r.today).map(Delta::display);
                        view! {
                            <tr class:overall=r.id == OVERALL>
                                <th scope="row">{r.label.clone()}</th>
                                <td class="num">{r.today.text()}</td>
                                <td class="num" data-testid=format!("roadmap-mean-{}", r.id)>
                                    {r.projected.text()}
                                </td>
                                <td class="num">{change.unwrap_or_else(|| Mean::default().text())}</td>
                                <td class="num">{r.target.text()}</td>
                            </tr>
                        }
                    }
                />
            </tbody>
        </table>
    }
}
