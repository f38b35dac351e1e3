//! A line chart of means over snapshots and the working state, drawn by
//! `crate::chart::trend` on a canvas.

use leptos::prelude::*;

use super::canvas_chart::{CanvasArea, CanvasChart};
use crate::browser::prefers_dark;
use crate::chart::trend::{draw_trend, trend_svg, TrendSeries, TrendSpec};
use crate::state::use_app;

#[component]
pub fn TrendChart(
    testid: &'static str,
    width: u32,
    height: u32,
    /// One label per point, oldest first.
    #[prop(into)]
    labels: Signal<Vec<String>>,
    #[prop(into)] current: Signal<Vec<Option<f64>>>,
    #[prop(into)] target: Signal<Vec<Option<f64>>>,
    #[prop(into)] alt: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let spec = move |dark: bool| {
        let t = app.t();
        let series = vec![
            TrendSeries::target(t.common.legend_target, target.get()),
            TrendSeries::current(t.common.legend_current, current.get()),
        ];
        let mut spec = TrendSpec::new(labels.get(), series);
        spec.dark = dark;
        spec
    };
    let draw = move |area: &CanvasArea| draw_trend(area, &spec(prefers_dark())).map_err(|e| e.to_string());
    let svg = Callback::new(move |()| trend_svg(width, height, &spec(false)));
    view! {
        <CanvasChart
            testid=testid
            width=width
            height=height
            alt=alt
            draw=draw
            file_stem=Some("x1060-trend")
            svg=Some(svg)
        />
    }
}
