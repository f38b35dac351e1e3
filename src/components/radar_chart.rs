//! A radar chart of current and target (and optionally a dashed baseline) on a
//! canvas, drawn by `crate::chart::radar`.

use leptos::prelude::*;

use super::canvas_chart::CanvasChart;
use crate::browser::prefers_dark;
use crate::chart::radar::{draw_radar, radar_svg, RadarSeries, RadarSpec};
use crate::state::use_app;

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
    /// A third, dashed series (a baseline's current values), when given.
    #[prop(optional, into)]
    baseline: Option<Signal<Vec<Option<f64>>>>,
    /// File name for the PNG and SVG downloads; no download buttons without it.
    #[prop(optional)]
    file_stem: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    // One spec for the canvas and the SVG download, so both show the same chart.
    let spec = move |dark: bool| {
        let t = app.t();
        let mut series = Vec::with_capacity(3);
        if let Some(values) = baseline.map(|b| b.get()) {
            series.push(RadarSeries::baseline(t.evaluation.baseline_legend, values));
        }
        series.push(RadarSeries::target(t.common.legend_target, target.get()));
        series.push(RadarSeries::current(t.common.legend_current, current.get()));
        let mut spec = RadarSpec::new(labels.get(), series);
        spec.dark = dark;
        spec
    };
    let draw = move |area: &super::canvas_chart::CanvasArea| {
        draw_radar(area, &spec(prefers_dark())).map_err(|e| e.to_string())
    };
    let svg = Callback::new(move |()| radar_svg(width, height, &spec(false)));
    view! {
        <CanvasChart testid=testid width=width height=height alt=Signal::derive(move || app.t().common.radar_alt.to_owned())
            draw=draw file_stem=file_stem svg=Some(svg)/>
    }
}
