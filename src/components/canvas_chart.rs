//! A chart on a `<canvas>`: a draw function over plotters' canvas backend, run in
//! an effect whenever the signals it reads change. Drawing failures are shown in
//! an alert, never swallowed. The chart modules (`crate::chart`) do the drawing.
//!
//! The canvas is shown at its nominal width, or narrower where the page is
//! (style/main.css), and drawn in CSS pixels at the width it is shown at
//! ([`display_size`]), sharp at the screen's pixel density: its text is the chart's
//! font size in CSS pixels on any screen (`data-label-px`), not scaled down on a
//! phone. It is drawn again when the window's size changes.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

use crate::browser::{self, BrowserError};
use crate::chart::{display_size, DEFAULT_FONT_SIZE};
use crate::state::{use_app, BrowserTask};

/// The canvas drawing area handed to a draw function.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

#[component]
pub fn CanvasChart<F>(
    /// The `data-testid` hook of the canvas.
    testid: &'static str,
    /// The nominal size in CSS pixels: the size on a wide screen, and of the downloads.
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
    /// Shown right below the canvas (a radar's key).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    F: Fn(&CanvasArea) -> Result<(), String> + 'static,
{
    let app = use_app();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let error = RwSignal::new(None::<String>);
    // The width the canvas is shown at (CSS pixels) and the screen's pixel density,
    // once it is laid out; until then it is drawn at its nominal size.
    let shown = RwSignal::new(None::<(u32, f64)>);
    let measure = move || {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        let width = browser::inner_width(&canvas);
        let now = (width > 0).then(|| (width, browser::device_pixel_ratio()));
        if now.is_some() && shown.get_untracked() != now {
            shown.set(now);
        }
    };
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // The text size on screen, in CSS pixels (the `data-label-px` hook).
    let label_px = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else { return };
        let (size, ratio) = match shown.get() {
            Some((shown_width, ratio)) => (display_size((width, height), shown_width), ratio),
            None => ((width, height), 1.0),
        };
        browser::size_canvas(&canvas, size, ratio);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            error.set(Some("canvas 2D context unavailable".to_owned()));
            return;
        };
        // The backend's size is the buffer's (device pixels); the chart is laid out in
        // CSS pixels, which the context scales to device pixels.
        let area = backend.into_drawing_area().shrink((0, 0), size);
        let drawn = draw(&area).and_then(|()| area.present().map_err(|e| e.to_string()));
        error.set(drawn.err());
        label_px.set(shown.get_untracked().map(|(w, _)| DEFAULT_FONT_SIZE * f64::from(w) / f64::from(size.0.max(1))));
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
            class="chart-canvas"
            data-testid=testid
            data-label-px=move || label_px.get().map(|px| format!("{px:.1}"))
            width=width
            height=height
            role="img"
            aria-label=move || alt.get()
        ></canvas>
        {children.map(|c| c())}
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
