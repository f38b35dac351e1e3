//! A chart on a `<canvas>`: a draw function over plotters' canvas backend, run in
//! an effect whenever the signals it reads change. Drawing failures are shown in
//! an alert, never swallowed. The chart modules (`crate::chart`) do the drawing.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

use crate::browser::{self, BrowserError};
use crate::state::{use_app, BrowserTask};

/// The canvas drawing area handed to a draw function.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

#[component]
pub fn CanvasChart<F>(
    /// The `data-testid` hook of the canvas.
    testid: &'static str,
    /// Size in canvas pixels (CSS scales it down on narrow screens).
    width: u32,
    height: u32,
    /// The text alternative; the numbers are also in a table next to the chart.
    #[prop(into)]
    alt: Signal<String>,
    /// Draws the chart; reads the signals it depends on.
    draw: F,
    /// The file name (without extension) for "download as PNG / SVG"; no buttons without it.
    #[prop(default = None)]
    file_stem: Option<&'static str>,
    /// Renders the same chart as SVG text, for "download as SVG".
    #[prop(default = None)]
    svg: Option<Callback<(), Result<String, String>>>,
) -> impl IntoView
where
    F: Fn(&CanvasArea) -> Result<(), String> + 'static,
{
    let app = use_app();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            error.set(Some("canvas 2D context unavailable".to_owned()));
            return;
        };
        let area = backend.into_drawing_area();
        let drawn = draw(&area).and_then(|()| area.present().map_err(|e| e.to_string()));
        error.set(drawn.err());
    });
    // A failed download is the download's failure, not the drawing's.
    let saved = move |result: Result<(), BrowserError>| {
        if let Err(e) = result {
            app.messages.browser_failed(BrowserTask::ChartDownload, e);
        }
    };
    let png = move |_| {
        let (Some(canvas), Some(stem)) = (canvas_ref.get_untracked(), file_stem) else { return };
        saved(
            canvas
                .to_data_url_with_type("image/png")
                .map_err(BrowserError::from)
                .and_then(|url| browser::download_url(&format!("{stem}.png"), &url)),
        );
    };
    let svg_download = move |_| {
        let (Some(render), Some(stem)) = (svg, file_stem) else { return };
        saved(
            render
                .run(())
                .map_err(BrowserError)
                .and_then(|text| browser::download(&format!("{stem}.svg"), "image/svg+xml", &text)),
        );
    };
    view! {
        <canvas
            node_ref=canvas_ref
            data-testid=testid
            width=width
            height=height
            role="img"
            aria-label=move || alt.get()
        ></canvas>
        {file_stem
            .map(|_| {
                view! {
                    <div class="chart-downloads no-print">
                        <span class="hint">{app.text(|t| t.common.download_chart)}</span>
                        <button type="button" data-testid=format!("{testid}-png") on:click=png>
                            {app.text(|t| t.common.download_png)}
                        </button>
                        {svg
                            .map(|_| {
                                view! {
                                    <button type="button" data-testid=format!("{testid}-svg") on:click=svg_download>
                                        {app.text(|t| t.common.download_svg)}
                                    </button>
                                }
                            })}
                    </div>
                }
            })}
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <p class="alert" role="alert">
                            {format!("{} {e}", app.t().common.chart_failed)}
                        </p>
                    }
                })
        }}
    }
}
