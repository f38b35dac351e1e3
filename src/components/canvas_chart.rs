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
use crate::chart::{display_size, one_decimal, DEFAULT_FONT_SIZE};
use crate::state::{use_app, BrowserTask};
use leptos::html::Canvas;

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
    let shown = follow_width(canvas_ref);
    // Only the call of `draw` is generic: the rest is in `prepare` (one copy for every chart).
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(area) = prepare(canvas, (width, height), shown.get()) else {
            error.set(Some("canvas 2D context unavailable".to_owned()));
            return;
        };
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
            class="chart-canvas"
            data-testid=testid
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

/// The width the canvas is shown at, in CSS pixels (0 until it is laid out): measured
/// once it is in the page and whenever the window's size changes.
fn follow_width(canvas_ref: NodeRef<Canvas>) -> RwSignal<u32> {
    let shown = RwSignal::new(0u32);
    // Also runs in the frame after the view was left: its node and signal are gone
    // then (a plain `get_untracked` panics, and a panic ends the app), so it stops.
    let measure = move || {
        let Some(Some(canvas)) = canvas_ref.try_get_untracked() else { return };
        let width = browser::inner_width(&canvas);
        if width > 0 && shown.try_get_untracked().is_some_and(|w| w != width) {
            shown.set(width);
        }
    };
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    shown
}

/// Readies `canvas` for a chart of `nominal` size shown `shown` CSS pixels wide (0: not
/// laid out yet, drawn at its nominal size): its buffer sized for that width at the
/// screen's pixel density, `data-label-px` set, and the drawing area in CSS pixels (the
/// backend's size is the buffer's; the context scales CSS pixels to device pixels).
fn prepare(canvas: web_sys::HtmlCanvasElement, nominal: (u32, u32), shown: u32) -> Option<CanvasArea> {
    let (size, ratio) =
        if shown > 0 { (display_size(nominal, shown), browser::device_pixel_ratio()) } else { (nominal, 1.0) };
    browser::size_canvas(&canvas, size, ratio);
    if shown > 0 {
        let label_px = DEFAULT_FONT_SIZE * f64::from(shown) / f64::from(size.0.max(1));
        browser::set_attribute(&canvas, "data-label-px", &one_decimal(label_px));
    }
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    Some(backend.into_drawing_area().shrink((0, 0), size))
}
