//! The spread per category: each assessor's means, the minimum and maximum, the
//! agreement counts, and a radar of every assessor's current means with the merged
//! result's.

use leptos::prelude::*;

use super::cells::assessor_heads;
use super::use_workshop;
use crate::browser::prefers_dark;
use crate::chart::fit::{axis_labels, AxisLabels};
use crate::chart::radar::{draw_radar, radar_svg, RadarSeries, RadarSpec};
use crate::components::{category_title, CanvasChart, NumCell, TableHead};
use crate::i18n::Texts;
use crate::model::workshop::{merged_states, CategorySpread};
use crate::model::{Mean, Summary};
use crate::state::use_app;

/// The heads after each assessor's: the range of the means, and the agreement counts.
fn range_columns(t: &'static Texts) -> Vec<&'static str> {
    let w = &t.workshop;
    vec![w.col_min_current, w.col_max_current, w.col_min_target, w.col_max_target, w.col_agree, w.col_disagree]
}

/// One row of the spread table: a label, each assessor's means, min/max hooks.
fn spread_row(
    key: &'static str,
    title: String,
    current: Vec<Mean>,
    target: Vec<Mean>,
    counts: Option<(u32, u32)>,
) -> impl IntoView {
    let (min_c, max_c) = CategorySpread::range_text(&current);
    let (min_t, max_t) = CategorySpread::range_text(&target);
    let each = current
        .iter()
        .zip(&target)
        .map(|(c, t)| view! { <td class="num">{c.text()} " / " {t.text()}</td> })
        .collect_view();
    let (agree, disagree) = counts.map_or((String::new(), String::new()), |(a, d)| (a.to_string(), d.to_string()));
    view! {
        <tr>
            <th scope="row">{title}</th>
            {each}
            <NumCell testid=format!("workshop-min-current-{key}")>{min_c}</NumCell>
            <NumCell testid=format!("workshop-max-current-{key}")>{max_c}</NumCell>
            <NumCell testid=format!("workshop-min-target-{key}")>{min_t}</NumCell>
            <NumCell testid=format!("workshop-max-target-{key}")>{max_t}</NumCell>
            <NumCell testid=format!("workshop-agree-{key}")>{agree}</NumCell>
            <NumCell testid=format!("workshop-disagree-{key}")>{disagree}</NumCell>
        </tr>
    }
}

#[component]
pub fn Spread() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let table = move || {
        let lang = app.lang();
        workshop.comparison.with(|c| {
            let heads = assessor_heads(&c.labels);
            let rows = c
                .categories
                .iter()
                .map(|s| {
                    let title = category_title(c.catalogue, s.category, lang);
                    spread_row(
                        s.category,
                        title,
                        s.current.clone(),
                        s.target.clone(),
                        Some((s.agreements(), s.disagreements)),
                    )
                })
                .collect_view();
            let overall = spread_row(
                "overall",
                app.t().common.overall.to_owned(),
                c.overall_current.clone(),
                c.overall_target.clone(),
                None,
            );
            view! {
                <div class="table-scroll">
                    <table class="spread" data-testid="workshop-spread">
                        <TableHead columns=|t| vec![t.workshop.col_category] after=range_columns>
                            {heads}
                        </TableHead>
                        <tbody>{rows}{overall}</tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <div class="card">
            <h3>{app.text(|t| t.workshop.spread_heading)}</h3>
            {table}
            <h4>{app.text(|t| t.workshop.radar_heading)}</h4>
            <WorkshopRadar />
        </div>
    }
}

/// What the radar shows: axis labels, each assessor's current means, the merged ones.
#[derive(Clone, PartialEq)]
struct RadarData {
    labels: Vec<String>,
    assessors: Vec<(String, Vec<Option<f64>>)>,
    merged: Vec<Option<f64>>,
}

impl RadarData {
    fn spec<'a>(&'a self, merged_label: &'a str, dark: bool) -> RadarSpec<'a> {
        let mut series: Vec<RadarSeries> =
            self.assessors.iter().enumerate().map(|(i, (l, v))| RadarSeries::peer(l, v.clone(), i)).collect();
        series.push(RadarSeries::current(merged_label, self.merged.clone()));
        let mut spec = RadarSpec::new(self.labels.clone(), series);
        spec.dark = dark;
        spec
    }
}

#[component]
fn WorkshopRadar() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let data = Memo::new(move |_| {
        let lang = app.lang();
        workshop.comparison.with(|c| {
            let merged = workshop.decisions.with(|d| merged_states(c, d));
            let summary = Summary::of(c.catalogue, &c.custom, &merged);
            RadarData {
                // "A CDCの戦略マネジメント", as the dashboard's radar: ids alone on a phone,
                // with the names in a key below.
                labels: c
                    .categories
                    .iter()
                    .map(|s| {
                        c.catalogue.category(s.category).map_or_else(|| s.category.to_owned(), |d| d.axis_label(lang))
                    })
                    .collect(),
                assessors: c
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        (l.clone(), c.categories.iter().map(|s| s.current.get(i).and_then(|m| m.as_f64())).collect())
                    })
                    .collect(),
                merged: summary.categories.iter().map(|s| s.current.as_f64()).collect(),
            }
        })
    });
    // Whether the canvas shows the categories' ids instead of their names (a phone):
    // then the names are listed below it.
    let key_shown = RwSignal::new(false);
    let draw = move |area: &crate::components::CanvasArea| {
        let d = data.get();
        let spec = d.spec(app.t().workshop.legend_merged, prefers_dark());
        let (w, h) = area.dim_in_pixel();
        let ids = axis_labels(&spec, w, h) != AxisLabels::Names;
        key_shown.maybe_update(|k| std::mem::replace(k, ids) != ids);
        draw_radar(area, &spec).map_err(|e| e.to_string())
    };
    let svg = Callback::new(move |()| {
        let d = data.get_untracked();
        radar_svg(720, 480, &d.spec(app.t().workshop.legend_merged, false))
    });
    view! {
        <CanvasChart
            testid="workshop-radar"
            width=720
            height=480
            alt=Signal::derive(move || app.t().common.radar_alt.to_owned())
            draw=draw
            file_stem=Some("x1060-workshop")
            svg=Some(svg)
        >
            {move || {
                key_shown
                    .get()
                    .then(|| {
                        let labels = data.with(|d| d.labels.clone());
                        view! {
                            <ul class="chart-key" data-testid="workshop-radar-key">
                                {labels.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </CanvasChart>
    }
}
