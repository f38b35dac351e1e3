//! Drawing a radar chart on any plotters backend.
//!
//! [`draw_radar`] is generic over [`DrawingBackend`]: the web app draws on a `<canvas>`
//! through `plotters-canvas`, and [`radar_svg`] renders the same picture to an SVG string
//! (used by the native tests and for "download chart as SVG").
//!
//! Text is never measured: every label is placed at an anchor point computed by
//! [`RadarGeometry`] and drawn with a [`Pos`] alignment, which the SVG backend writes as
//! `text-anchor` / `dy` and the canvas backend as `textAlign` / `textBaseline`. So the
//! chart renders natively with plotters' default features off (no font files) and in the
//! browser alike. Long labels are wrapped by character count ([`wrap_label`]).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::fit::{axis_labels, labels_for, AxisLabels};
use super::geometry::{closed, wrap_label, HAlign, RadarGeometry, VAlign, RING_LEVELS};
use super::legend::{draw_legend, LegendEntry};
use super::style::{
    draw_line, draw_marker, render_svg, series_color, Fonts, Theme, BASELINE_COLOR, CURRENT_COLOR, DEFAULT_FONT_SIZE,
    EM_PER_UNIT, LINE_WIDTH, PALETTE, TARGET_COLOR,
};
use super::text::xml_text;

/// Default wrap width for axis labels, in units (a CJK character is 2): 12 CJK characters.
pub const DEFAULT_LABEL_WRAP: usize = 24;
/// Labels are never wrapped narrower than this many units, however small the area.
pub const MIN_LABEL_WRAP: usize = 8;
/// Opacity of a series' fill.
const FILL_OPACITY: f64 = 0.18;
/// Radius of the hollow "missing value" marker at the centre, in pixels.
const MISSING_MARKER_RADIUS: i32 = 5;

/// One data series: a polygon with one value per axis.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries<'a> {
    /// Shown in the legend (without the characters XML does not allow, see [`xml_text`]).
    pub label: &'a str,
    /// One value per axis on the 0..=5 scale, in axis order; `None` when not assessed.
    /// Values are clamped to the scale; missing entries count as `None`.
    pub values: Vec<Option<f64>>,
    /// Line, marker and (translucent) fill colour.
    pub color: RGBColor,
    /// Draw the outline dashed, for baseline / comparison overlays.
    pub dashed: bool,
}

impl<'a> RadarSeries<'a> {
    /// The `n`th of several peer series: dashed, in the [`PALETTE`] colour of `n`.
    pub fn peer(label: &'a str, values: Vec<Option<f64>>, n: usize) -> Self {
        Self { label, values, color: PALETTE[n % PALETTE.len()], dashed: true }
    }

    /// The "current" series: solid, [`CURRENT_COLOR`].
    pub fn current(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self { label, values, color: CURRENT_COLOR, dashed: false }
    }

    /// The "target" series: solid, [`TARGET_COLOR`].
    pub fn target(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self { label, values, color: TARGET_COLOR, dashed: false }
    }

    /// A comparison overlay: dashed, [`BASELINE_COLOR`].
    pub fn baseline(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self { label, values, color: BASELINE_COLOR, dashed: true }
    }
}

/// Everything needed to draw one radar chart. The number of axes is the number of labels.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSpec<'a> {
    /// One label per axis, clockwise from the top. Drawn without the characters XML
    /// does not allow ([`xml_text`]; the backend escapes markup); wrapped to
    /// [`RadarSpec::label_wrap`] and at `'\n'`.
    pub axis_labels: Vec<String>,
    /// The series, drawn in order (later ones on top); listed in this order in the legend.
    pub series: Vec<RadarSeries<'a>>,
    /// CSS font family, e.g. `"sans-serif"`.
    pub font_family: &'a str,
    /// Font size in pixels for axis labels and the legend; ring numbers use
    /// [`NUMBER_SCALE`](super::style::NUMBER_SCALE) of it (80 %).
    pub font_size: f64,
    /// Wrap width of axis labels in units (a CJK character counts 2); 0 disables wrapping.
    /// Narrowed automatically when the area leaves less room (see [`effective_label_wrap`]).
    pub label_wrap: usize,
    /// Labels to draw instead of [`RadarSpec::axis_labels`] where those do not fit (a
    /// phone): one line each, e.g. the id and the figures ("A 2.4→3.8"). Without them,
    /// or where they do not fit either, the ids are drawn ([`super::fit::axis_labels`]).
    pub short_labels: Option<Vec<String>>,
    /// Draw the legend in the top-left corner; turn off when the page shows its own.
    pub legend: bool,
    /// Dark theme: dark background, light grid and text, lightened series colours.
    pub dark: bool,
}

impl<'a> RadarSpec<'a> {
    /// A light chart with a legend, in `sans-serif` at [`DEFAULT_FONT_SIZE`], wrapping labels
    /// at [`DEFAULT_LABEL_WRAP`]; adjust the public fields as needed.
    pub fn new(axis_labels: Vec<String>, series: Vec<RadarSeries<'a>>) -> Self {
        Self {
            axis_labels,
            series,
            font_family: "sans-serif",
            font_size: DEFAULT_FONT_SIZE,
            label_wrap: DEFAULT_LABEL_WRAP,
            short_labels: None,
            legend: true,
            dark: false,
        }
    }
}

/// Draws the whole chart, filling `area`: background, grid rings at 1..=5 with their
/// numbers, spokes, axis labels, the series (translucent fill, solid or dashed outline,
/// markers; a hollow marker at the centre if any value is missing) and, if
/// [`RadarSpec::legend`], a legend in the top-left corner. The geometry comes from
/// [`RadarGeometry::new`] on the area's size; the labels are the full names, wrapped at
/// [`effective_label_wrap`], where they fit, else short labels or ids ([`axis_labels`]).
///
/// Text is drawn at [`RadarSpec::font_size`] plotters units, which the canvas backend
/// renders as that many CSS pixels. (The SVG backend writes `size / 1.24`; [`radar_svg`]
/// compensates, so both show the same text size.)
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &RadarSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_scaled(area, spec, 1.0)
}

/// Renders the chart to a standalone SVG document of `width` × `height` pixels, with the
/// same layout and text size as [`draw_radar`] on a canvas of that size.
pub fn radar_svg(width: u32, height: u32, spec: &RadarSpec) -> Result<String, String> {
    render_svg(width, height, |area, text_scale| draw_scaled(area, spec, text_scale))
}

/// [`draw_radar`] with font sizes handed to plotters multiplied by `text_scale` (the layout
/// itself always uses [`RadarSpec::font_size`] as pixels).
fn draw_scaled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &RadarSpec,
    text_scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let theme = Theme::for_mode(spec.dark);
    let fonts = Fonts::new(spec.font_family, spec.font_size, &theme, text_scale);
    let (width, height) = area.dim_in_pixel();
    let geometry = RadarGeometry::new(width, height, spec.axis_labels.len());
    area.fill(&theme.background)?;
    draw_grid(area, &geometry, &theme)?;
    draw_ring_numbers(area, &geometry, &fonts)?;
    let which = axis_labels(spec, width, height);
    let wrap = if which == AxisLabels::Names { effective_label_wrap(spec, &geometry, width) } else { 0 };
    draw_axis_labels(area, &geometry, &fonts, &labels_for(spec, which), wrap)?;
    draw_series(area, &geometry, spec)?;
    if spec.legend {
        let entries = spec.series.iter().map(|s| LegendEntry::series(s.label, s.color, s.dashed, spec.dark));
        draw_legend(area, &fonts, &entries.collect::<Vec<_>>())?;
    }
    Ok(())
}

/// The wrap width actually used for axis labels in an area `width` pixels wide: the spec's
/// [`RadarSpec::label_wrap`], narrowed to what fits beside the chart (estimated at
/// 0.55 em per unit), but not narrowed below [`MIN_LABEL_WRAP`]. 0 stays 0 (no wrapping).
pub fn effective_label_wrap(spec: &RadarSpec, geometry: &RadarGeometry, width: u32) -> usize {
    if spec.label_wrap == 0 {
        return 0;
    }
    let unit = (EM_PER_UNIT * spec.font_size).max(1.0);
    let fits = (geometry.label_room(width) / unit).floor().max(0.0) as usize;
    spec.label_wrap.min(fits.max(MIN_LABEL_WRAP))
}

/// Grid rings (polygons, or circles with fewer than 3 axes) and spokes.
fn draw_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &RadarGeometry,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for axis in 0..geometry.axes() {
        area.draw(&PathElement::new(vec![geometry.center_px(), geometry.spoke_end(axis)], theme.spoke))?;
    }
    for level in RING_LEVELS {
        if geometry.axes() >= 3 {
            area.draw(&PathElement::new(closed(&geometry.ring(level)), theme.ring))?;
        } else {
            let radius = geometry.distance(level).round() as i32;
            area.draw(&Circle::new(geometry.center_px(), radius, theme.ring))?;
        }
    }
    Ok(())
}

/// The numbers 1..=5 next to the rings, along the top (axis 0).
fn draw_ring_numbers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &RadarGeometry,
    fonts: &Fonts,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = fonts.number.pos(Pos::new(HPos::Left, VPos::Top));
    for level in RING_LEVELS {
        area.draw_text(&format!("{level}"), &style, geometry.ring_label_pos(level))?;
    }
    Ok(())
}

/// Each axis label, wrapped at `wrap` units, outside the outer ring.
fn draw_axis_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &RadarGeometry,
    fonts: &Fonts,
    labels: &[String],
    wrap: usize,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for (axis, label) in labels.iter().enumerate() {
        let anchor = geometry.label_anchor(axis);
        let style = fonts.label.pos(pos_of(anchor.h, anchor.v));
        let lines = wrap_label(&xml_text(label), wrap);
        let positions = anchor.line_positions(lines.len(), fonts.line_height());
        for (line, pos) in lines.iter().zip(positions) {
            area.draw_text(line, &style, pos)?;
        }
    }
    Ok(())
}

/// All series: first every fill, then every outline with its markers, so that no fill
/// hides another series' line.
fn draw_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &RadarGeometry,
    spec: &RadarSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if geometry.axes() == 0 {
        return Ok(());
    }
    for series in &spec.series {
        let color = series_color(series.color, spec.dark);
        area.draw(&Polygon::new(geometry.polygon(&series.values), color.mix(FILL_OPACITY).filled()))?;
    }
    for series in &spec.series {
        draw_outline(area, geometry, series, series_color(series.color, spec.dark))?;
    }
    Ok(())
}

/// One series' outline (solid or dashed), value markers and missing-value marker.
fn draw_outline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &RadarGeometry,
    series: &RadarSeries,
    color: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_line(area, closed(&geometry.polygon(&series.values)), color, series.dashed)?;
    let mut missing = false;
    for axis in 0..geometry.axes() {
        match series.values.get(axis).copied().flatten().filter(|v| v.is_finite()) {
            Some(value) => draw_marker(area, geometry.point(axis, value), color)?,
            None => missing = true,
        }
    }
    if missing {
        area.draw(&Circle::new(geometry.center_px(), MISSING_MARKER_RADIUS, color.stroke_width(LINE_WIDTH)))?;
    }
    Ok(())
}

/// The plotters text anchor for a label alignment.
fn pos_of(h: HAlign, v: VAlign) -> Pos {
    let h = match h {
        HAlign::Left => HPos::Left,
        HAlign::Center => HPos::Center,
        HAlign::Right => HPos::Right,
    };
    let v = match v {
        VAlign::Top => VPos::Top,
        VAlign::Middle => VPos::Center,
        VAlign::Bottom => VPos::Bottom,
    };
    Pos::new(h, v)
}
