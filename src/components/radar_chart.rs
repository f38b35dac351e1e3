//! A radar chart of current and target (and optionally a dashed baseline) on a
//! canvas, drawn by `crate::chart::radar`.
//!
//! Where the axes' names do not fit beside the chart (a phone), it shows each axis's
//! id with its current and target ("A 2.4→3.8"), or the id alone, and a key of the
//! ids' names below it (the `{testid}-key` hook).

use leptos::prelude::*;

use super::canvas_chart::CanvasChart;
use crate::browser::prefers_dark;
use crate::chart::radar::{draw_radar, radar_svg, RadarSeries, RadarSpec};
use crate::chart::{axis_labels, label_id, one_decimal, AxisLabels};
use crate::state::use_app;

/// Sets `*slot` to `value`; whether that changed it (for `maybe_update`).
fn replace(slot: &mut bool, value: bool) -> bool {
    std::mem::replace(slot, value) != value
}

#[component]
pub fn RadarChart(
    /// The `data-testid` hook of the canvas.
    testid: &'static str,
    width: u32,
    height: u32,
    /// One label per axis, clockwise from the top.
    #[prop(into)]
    labels: Signal<Vec<String>>,
    /// Current values on the 0..5 scale, one per axis; `None` where there is none.
    #[prop(into)]
    current: Signal<Vec<Option<f64>>>,
    /// Target values, like `current`.
    #[prop(into)]
    target: Signal<Vec<Option<f64>>>,
    /// A third, dashed series (a baseline's current values), when there is one.
    #[prop(optional, into)]
    baseline: Signal<Option<Vec<Option<f64>>>>,
    /// The dashed series' name in the legend (default: the baseline's).
    #[prop(optional, into)]
    baseline_label: Option<Signal<String>>,
    /// The solid series' name in the legend (default: the current scores').
    #[prop(optional, into)]
    current_label: Option<Signal<String>>,
    /// A small chart without a legend (the legend is beside it).
    #[prop(optional)]
    compact: bool,
    /// Drawn in the dark scheme whatever the system's (the room's projector mode).
    #[prop(optional)]
    dark: bool,
    /// File name for the PNG and SVG downloads; no download buttons without it.
    #[prop(optional)]
    file_stem: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    // One spec for the canvas and the SVG download, so both show the same chart.
    let dashed_name =
        move || baseline_label.map(|l| l.get()).unwrap_or_else(|| app.t().evaluation.baseline_legend.to_owned());
    let inputs = move || Inputs {
        t: app.t(),
        labels: labels.get(),
        current: current.get(),
        current_name: current_label.map(|l| l.get()),
        target: target.get(),
        dashed: baseline.get(),
        legend: !compact,
    };
    // Whether the canvas shows ids (with figures) instead of names: then a key below it.
    let key_shown = RwSignal::new(false);
    let figures_shown = RwSignal::new(false);
    let draw = move |area: &super::canvas_chart::CanvasArea| {
        let name = dashed_name();
        let inputs = inputs();
        let spec = inputs.spec(&name, dark || prefers_dark());
        let (w, h) = area.dim_in_pixel();
        let which = axis_labels(&spec, w, h);
        key_shown.maybe_update(|k| replace(k, which != AxisLabels::Names));
        figures_shown.maybe_update(|f| replace(f, which == AxisLabels::Short));
        draw_radar(area, &spec).map_err(|e| e.to_string())
    };
    let svg = Callback::new(move |()| {
        let name = dashed_name();
        radar_svg(width, height, &inputs().spec(&name, false))
    });
    view! {
        <CanvasChart
            testid=testid
            width=width
            height=height
            alt=Signal::derive(move || app.t().common.radar_alt.to_owned())
            draw=draw
            file_stem=file_stem
            svg=Some(svg)
        >
            {move || {
                (key_shown.get() && !compact)
                    .then(|| {
                        let t = app.t();
                        let figures = figures_shown
                            .get()
                            .then(|| {
                                let current = current_label
                                    .map_or_else(|| t.common.legend_current.to_owned(), |l| l.get());
                                view! { <li>{format!("x→y: {current} → {}", t.common.legend_target)}</li> }
                            });
                        view! {
                            <ul class="chart-key" data-testid=format!("{testid}-key")>
                                {figures}
                                {labels.get().into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </CanvasChart>
    }
}

/// What a radar is drawn from, read from the signals.
struct Inputs {
    t: &'static crate::i18n::Texts,
    labels: Vec<String>,
    current: Vec<Option<f64>>,
    current_name: Option<String>,
    target: Vec<Option<f64>>,
    dashed: Option<Vec<Option<f64>>>,
    legend: bool,
}

impl Inputs {
    /// The chart, its dashed series (if any) named `dashed_name`.
    fn spec<'a>(&'a self, dashed_name: &'a str, dark: bool) -> RadarSpec<'a> {
        let mut series = Vec::with_capacity(3);
        if let Some(values) = &self.dashed {
            series.push(RadarSeries::baseline(dashed_name, values.clone()));
        }
        series.push(RadarSeries::target(self.t.common.legend_target, self.target.clone()));
        let current_name = self.current_name.as_deref().unwrap_or(self.t.common.legend_current);
        series.push(RadarSeries::current(current_name, self.current.clone()));
        let mut spec = RadarSpec::new(self.labels.clone(), series);
        // For a narrow chart: each axis's id with its current and target.
        let figure = |v: Option<&Option<f64>>| v.copied().flatten().map_or_else(|| "–".to_owned(), one_decimal);
        spec.short_labels = Some(
            self.labels
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{} {}→{}", label_id(l), figure(self.current.get(i)), figure(self.target.get(i))))
                .collect(),
        );
        spec.dark = dark;
        spec.legend = self.legend;
        spec
    }
}
