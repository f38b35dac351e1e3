//! A radar chart on a `<canvas>`: current and target polygons drawn with plotters
//! (`crate::chart::radar`), redrawn in an effect whenever its data or the language
//! change. Drawing failures are shown, never swallowed.

use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::radar::{draw_radar, RadarSeries, RadarSpec};
use crate::state::use_app;

/// Whether the page is shown in a dark colour scheme.
fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
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
    /// A third, dashed series (a baseline), when given.
    #[prop(optional, into)]
    baseline: Option<Signal<Vec<Option<f64>>>>,
    /// Legend text of the baseline series.
    #[prop(optional, into)]
    baseline_label: Option<Signal<String>>,
) -> impl IntoView {
    let app = use_app();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let t = app.t();
        let (labels, current, target) = (labels.get(), current.get(), target.get());
        let baseline = baseline.map(|b| b.get());
        let baseline_label = baseline_label.map(|l| l.get()).unwrap_or_default();
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            error.set(Some("canvas 2D context unavailable".to_owned()));
            return;
        };
        let mut series = Vec::with_capacity(3);
        if let Some(values) = baseline {
            series.push(RadarSeries::baseline(&baseline_label, values));
        }
        series.push(RadarSeries::target(t.legend_target, target));
        series.push(RadarSeries::current(t.legend_current, current));
        let mut spec = RadarSpec::new(labels, series);
        spec.dark = prefers_dark();
        let area = backend.into_drawing_area();
        let drawn = draw_radar(&area, &spec).and_then(|()| area.present());
        error.set(drawn.err().map(|e| e.to_string()));
    });
    view! {
        <canvas
            node_ref=canvas_ref
            data-testid=testid
            width=width
            height=height
            role="img"
            aria-label=move || app.t().radar_alt
        ></canvas>
        {move || error.get().map(|e| view! { <p class="alert" role="alert">{format!("{} {e}", app.t().chart_failed)}</p> })}
    }
}
