//! A trend line chart: how scores on the fixed 0..=5 scale moved over a row of points
//! (snapshots, then the working state).
//!
//! The pure geometry ([`TrendGeometry`], [`TrendMargins`], [`fit_label`]) is separate from
//! the drawing ([`draw_trend`], [`trend_svg`]) and tested natively. Conventions:
//!
//! - Pixel coordinates have the origin at the top-left corner, x to the right, y down.
//! - The y axis is fixed to `0..=SCALE_MAX` whatever the data, so that charts compare by
//!   eye; values outside it are clamped.
//! - The plot width is split into one equal slot per point and each point sits in the middle
//!   of its slot: one point is centred, and every x label has its slot's width to itself.
//! - A missing value (`None`, non-finite, or no entry) breaks the line: the runs between
//!   gaps are drawn as separate lines, and every value has a marker, so an isolated value
//!   still shows.
//!
//! As in [`super::radar`], text is never measured: labels are anchored with a [`Pos`]
//! and their widths are estimated in units ([`wrap_label`]: a CJK character counts 2).
//! The legend, fonts, colours and SVG text compensation are the radar's.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::geometry::{clamp_value, wrap_label, SCALE_MAX};
use super::radar::{
    draw_legend, series_color, Fonts, RadarSeries, RadarSpec, Theme, BASELINE_COLOR, CURRENT_COLOR, DASH,
    DEFAULT_FONT_SIZE, EM_PER_UNIT, LEGEND_ORIGIN, MARKER_RADIUS, SVG_TEXT_SCALE, TARGET_COLOR,
};

/// The horizontal grid lines and y labels: one per whole level, 0 to 5.
pub const Y_LEVELS: [f64; 6] = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];

/// An x label is wrapped to at most this many lines; the rest is cut off with "…".
pub const MAX_X_LABEL_LINES: usize = 2;

/// When a slot is narrower than this many units (a CJK character counts 2), only every
/// k-th x label is drawn (always including the last one), each with k slots of room.
pub const MIN_X_LABEL_UNITS: usize = 6;

/// Gap, in pixels, between the y labels and the left edge of the plot.
pub const Y_LABEL_GAP: f64 = 6.0;

/// Gap, in pixels, between the bottom of the plot and the first line of the x labels.
pub const X_LABEL_GAP: f64 = 6.0;

/// Blank border, in pixels, at the left and bottom edges and above the plot without a legend.
const EDGE: f64 = 8.0;
/// Right margin in pixels (the last x label stays inside its slot, so little is needed).
const RIGHT_MARGIN: f64 = 12.0;
/// Gap in pixels between the bottom of the legend and the top of the plot.
const LEGEND_GAP: f64 = 8.0;
/// Distance between two label lines as a share of the font size, as in the radar.
const LINE_SPACING: f64 = 1.25;
/// The y numbers are drawn at this share of the font size (the radar's ring numbers).
const NUMBER_SCALE: f64 = 0.8;
/// Appended to an x label that had to be cut off.
const ELLIPSIS: char = '…';

/// One data series: a line with one value per x point.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries<'a> {
    /// Shown in the legend.
    pub label: &'a str,
    /// One value per x point on the 0..=5 scale, in x order; `None` where there is none,
    /// which breaks the line. Values are clamped to the scale; non-finite values and missing
    /// entries count as `None`, entries beyond the number of x labels are ignored.
    pub values: Vec<Option<f64>>,
    /// Line and marker colour.
    pub color: RGBColor,
    /// Draw the line dashed, for baseline / comparison series.
    pub dashed: bool,
}

impl<'a> TrendSeries<'a> {
    /// A series in any colour, solid or dashed.
    pub fn new(label: &'a str, values: Vec<Option<f64>>, color: RGBColor, dashed: bool) -> Self {
        Self {
            label,
            values,
            color,
            dashed,
        }
    }

    /// The "current" series: solid, [`CURRENT_COLOR`].
    pub fn current(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self::new(label, values, CURRENT_COLOR, false)
    }

    /// The "target" series: solid, [`TARGET_COLOR`].
    pub fn target(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self::new(label, values, TARGET_COLOR, false)
    }

    /// A comparison series: dashed, [`BASELINE_COLOR`].
    pub fn baseline(label: &'a str, values: Vec<Option<f64>>) -> Self {
        Self::new(label, values, BASELINE_COLOR, true)
    }
}

/// Everything needed to draw one trend chart. The number of x points is the number of
/// x labels.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSpec<'a> {
    /// One label per x point, left to right (e.g. `"FY2024"`, `"2026-04-01"`, `"Now"`).
    /// Passed through unchanged (the backend escapes text where needed); wrapped to the
    /// point's slot and cut to [`MAX_X_LABEL_LINES`] lines (see [`fit_label`]).
    pub x_labels: Vec<String>,
    /// The series, drawn in order (later ones on top); listed in this order in the legend.
    pub series: Vec<TrendSeries<'a>>,
    /// CSS font family, e.g. `"sans-serif"`.
    pub font_family: &'a str,
    /// Font size in pixels for x labels and the legend; y numbers use 80 % of it.
    pub font_size: f64,
    /// Draw the legend in the top-left corner, above the plot (which moves down to make
    /// room); turn off when the page shows its own.
    pub legend: bool,
    /// Dark theme: dark background, light grid and text, lightened series colours.
    pub dark: bool,
}

impl<'a> TrendSpec<'a> {
    /// A light chart with a legend, in `sans-serif` at [`DEFAULT_FONT_SIZE`]; adjust the
    /// public fields as needed.
    pub fn new(x_labels: Vec<String>, series: Vec<TrendSeries<'a>>) -> Self {
        Self {
            x_labels,
            series,
            font_family: "sans-serif",
            font_size: DEFAULT_FONT_SIZE,
            legend: true,
            dark: false,
        }
    }
}

// ---- geometry ----

/// The space, in pixels, between the edges of the drawing area and the plot, which holds
/// the y numbers (left), the x labels (bottom) and the legend (top).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendMargins {
    /// Room for the y numbers 0..5 and their gap.
    pub left: f64,
    /// A small border.
    pub right: f64,
    /// Room for the legend (if any) and half the top y number.
    pub top: f64,
    /// Room for [`MAX_X_LABEL_LINES`] lines of x labels and their gap.
    pub bottom: f64,
}

impl TrendMargins {
    /// Margins for text of `font_size` pixels and a legend of `legend_rows` rows (0: no
    /// legend). A non-finite or negative font size counts as [`DEFAULT_FONT_SIZE`] or 0.
    pub fn new(font_size: f64, legend_rows: usize) -> Self {
        let font = if font_size.is_finite() {
            font_size.max(0.0)
        } else {
            DEFAULT_FONT_SIZE
        };
        let number = NUMBER_SCALE * font;
        let top = if legend_rows == 0 {
            EDGE + number / 2.0
        } else {
            f64::from(LEGEND_ORIGIN.1) + legend_rows as f64 * legend_step(font) + LEGEND_GAP.max(number / 2.0)
        };
        Self {
            left: EDGE + Y_LABEL_GAP + 2.0 * EM_PER_UNIT * number,
            right: RIGHT_MARGIN,
            top,
            bottom: X_LABEL_GAP + MAX_X_LABEL_LINES as f64 * LINE_SPACING * font + EDGE,
        }
    }

    /// The margins [`draw_trend`] uses for `spec`: its font size, and one legend row per
    /// series if [`TrendSpec::legend`].
    pub fn for_spec(spec: &TrendSpec) -> Self {
        let rows = if spec.legend { spec.series.len() } else { 0 };
        Self::new(spec.font_size, rows)
    }
}

impl Default for TrendMargins {
    /// Margins at [`DEFAULT_FONT_SIZE`] without a legend.
    fn default() -> Self {
        Self::new(DEFAULT_FONT_SIZE, 0)
    }
}

/// The height of one legend row, as the radar's legend lays them out.
fn legend_step(font: f64) -> f64 {
    (LINE_SPACING * font).round() + 4.0
}

/// The plot rectangle in whole pixels: value 0 is on `bottom`, value 5 on `top`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlotArea {
    /// Left edge.
    pub left: i32,
    /// Top edge (value [`SCALE_MAX`]).
    pub top: i32,
    /// Right edge.
    pub right: i32,
    /// Bottom edge (value 0).
    pub bottom: i32,
}

/// One x label, fitted to its room: the lines to draw, each centred horizontally on its
/// position and hanging below it (`HPos::Center`, `VPos::Top`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XLabel {
    /// The x point it labels.
    pub index: usize,
    /// The lines, at most [`MAX_X_LABEL_LINES`]; the last ends in "…" if cut off.
    pub lines: Vec<String>,
    /// One position per line: below the plot, on the point's vertical.
    pub positions: Vec<(i32, i32)>,
}

/// The geometry of one trend chart: the plot rectangle and the number of x points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendGeometry {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    points: usize,
}

impl TrendGeometry {
    /// A chart of `points` x points in a `width` × `height` area with the default margins
    /// ([`TrendMargins::default`]: no legend).
    pub fn new(width: u32, height: u32, points: usize) -> Self {
        Self::with_margins(width, height, points, TrendMargins::default())
    }

    /// The geometry [`draw_trend`] uses for `spec` in a `width` × `height` area: one point per
    /// x label, margins from [`TrendMargins::for_spec`]. Use it to hit-test the canvas.
    pub fn for_spec(width: u32, height: u32, spec: &TrendSpec) -> Self {
        Self::with_margins(width, height, spec.x_labels.len(), TrendMargins::for_spec(spec))
    }

    /// A chart with explicit margins. Negative or non-finite margins count as 0; when the
    /// margins do not fit, the plot collapses to a line rather than turning inside out.
    pub fn with_margins(width: u32, height: u32, points: usize, margins: TrendMargins) -> Self {
        let margin = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        let (w, h) = (f64::from(width), f64::from(height));
        let left = margin(margins.left).min(w);
        let top = margin(margins.top).min(h);
        Self {
            left,
            top,
            right: (w - margin(margins.right)).max(left),
            bottom: (h - margin(margins.bottom)).max(top),
            points,
        }
    }

    /// The number of x points.
    pub fn points(&self) -> usize {
        self.points
    }

    /// The plot rectangle, rounded to whole pixels.
    pub fn plot_area(&self) -> PlotArea {
        PlotArea {
            left: to_px(self.left),
            top: to_px(self.top),
            right: to_px(self.right),
            bottom: to_px(self.bottom),
        }
    }

    /// The width of one point's slot in pixels: the plot width over the number of points
    /// (the whole width with no points). Also the distance between two neighbouring points.
    pub fn slot(&self) -> f64 {
        (self.right - self.left) / self.points.max(1) as f64
    }

    /// The pixel column of x point `index`: the middle of its slot. Indexes past the end
    /// continue the spacing (nothing is drawn there).
    pub fn x(&self, index: usize) -> i32 {
        to_px(self.left + (index as f64 + 0.5) * self.slot())
    }

    /// The pixel row of `value` (clamped to `0..=SCALE_MAX`; NaN counts as 0): 0 at the
    /// bottom of the plot, [`SCALE_MAX`] at the top.
    pub fn y(&self, value: f64) -> i32 {
        to_px(self.bottom - (self.bottom - self.top) * clamp_value(value) / SCALE_MAX)
    }

    /// The pixel position of `value` at x point `index`.
    pub fn point(&self, index: usize, value: f64) -> (i32, i32) {
        (self.x(index), self.y(value))
    }

    /// The pieces of a series' line: runs of consecutive points that have a value, split
    /// at every missing one (see [`TrendSeries::values`]). A run of one point (an isolated
    /// value) is included; it has no line, only its marker.
    pub fn segments(&self, values: &[Option<f64>]) -> Vec<Vec<(i32, i32)>> {
        let mut segments = Vec::new();
        let mut run = Vec::new();
        for index in 0..self.points {
            match value_at(values, index) {
                Some(value) => run.push(self.point(index, value)),
                None if run.is_empty() => {}
                None => segments.push(std::mem::take(&mut run)),
            }
        }
        if !run.is_empty() {
            segments.push(run);
        }
        segments
    }

    /// Where to put a marker: every point that has a value, in x order.
    pub fn markers(&self, values: &[Option<f64>]) -> Vec<(i32, i32)> {
        (0..self.points)
            .filter_map(|index| value_at(values, index).map(|value| self.point(index, value)))
            .collect()
    }

    /// The anchor of the y number for `level`: [`Y_LABEL_GAP`] left of the plot on the
    /// level's grid line, to be drawn right-aligned and vertically centred.
    pub fn y_label_pos(&self, level: f64) -> (i32, i32) {
        (to_px(self.left - Y_LABEL_GAP), self.y(level))
    }

    /// How many slots each x label may use with text of `font_size` pixels: 1 when a
    /// slot holds [`MIN_X_LABEL_UNITS`] units (estimated at 0.55 em per unit), otherwise
    /// enough slots for that, and only every that-many-th label is drawn.
    pub fn x_label_step(&self, font_size: f64) -> usize {
        let per_slot = self.slot() / unit_px(font_size);
        if per_slot >= MIN_X_LABEL_UNITS as f64 {
            1
        } else {
            // A float-to-int cast saturates: an empty plot gives usize::MAX (only the last label).
            ((MIN_X_LABEL_UNITS as f64 / per_slot).ceil() as usize).max(1)
        }
    }

    /// The width in units (a CJK character counts 2) that each drawn x label may take at
    /// `font_size`: its [`TrendGeometry::x_label_step`] slots, at least 1.
    pub fn x_label_units(&self, font_size: f64) -> usize {
        let step = self.x_label_step(font_size) as f64;
        ((step * self.slot() / unit_px(font_size)).floor() as usize).max(1)
    }

    /// The x labels to draw with text of `font_size` pixels: every
    /// [`TrendGeometry::x_label_step`]-th one counting back from the last (which is always
    /// drawn), each fitted by [`fit_label`] to [`TrendGeometry::x_label_units`] and
    /// [`MAX_X_LABEL_LINES`], its lines hanging below the plot on the point's vertical.
    /// Labels beyond the number of points are ignored; empty lines are left out.
    pub fn x_labels(&self, labels: &[String], font_size: f64) -> Vec<XLabel> {
        let step = self.x_label_step(font_size);
        let units = self.x_label_units(font_size);
        let line = LINE_SPACING * font_size.max(0.0);
        let first_line = self.bottom + X_LABEL_GAP;
        labels
            .iter()
            .enumerate()
            .take(self.points)
            .filter(|(index, _)| (self.points - 1 - index) % step == 0)
            .map(|(index, label)| {
                let lines: Vec<String> = fit_label(label, units, MAX_X_LABEL_LINES)
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .collect();
                let positions = (0..lines.len())
                    .map(|k| (self.x(index), to_px(first_line + k as f64 * line)))
                    .collect();
                XLabel {
                    index,
                    lines,
                    positions,
                }
            })
            .collect()
    }
}

/// Splits `text` into at most `max_lines` lines of at most `max_units` units each (see
/// [`wrap_label`]: a CJK character counts 2, Latin text breaks at spaces). If more lines
/// would be needed, the last one kept is shortened to leave room for "…" and ends in it.
/// `max_units` below 1 counts as 1; `max_lines == 0` gives no lines.
pub fn fit_label(text: &str, max_units: usize, max_lines: usize) -> Vec<String> {
    let max_units = max_units.max(1);
    let mut lines = wrap_label(text, max_units);
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        let mut cut = if max_units > 1 {
            wrap_label(last, max_units - 1).into_iter().next().unwrap_or_default()
        } else {
            String::new()
        };
        cut.push(ELLIPSIS);
        *last = cut;
    }
    lines
}

/// The value of a series at x point `index`, if it has a finite one.
fn value_at(values: &[Option<f64>], index: usize) -> Option<f64> {
    values.get(index).copied().flatten().filter(|v| v.is_finite())
}

/// The estimated width of one unit of text at `font_size`, in pixels (at least 1).
fn unit_px(font_size: f64) -> f64 {
    let unit = EM_PER_UNIT * font_size;
    if unit.is_finite() {
        unit.max(1.0)
    } else {
        1.0
    }
}

/// Rounds a pixel coordinate to the nearest whole pixel (saturating, NaN to 0).
fn to_px(v: f64) -> i32 {
    v.round() as i32
}

// ---- drawing ----

/// Draws the whole chart, filling `area`: background, a vertical guide per x point,
/// horizontal grid lines at 0..=5 with their numbers, the x labels, the series (lines broken
/// at missing values, solid or dashed, a marker on every value) and, if
/// [`TrendSpec::legend`], the radar's legend in the top-left corner above the plot. The
/// geometry is [`TrendGeometry::for_spec`] on the area's size.
///
/// Text is drawn at [`TrendSpec::font_size`] plotters units, which the canvas backend
/// renders as that many CSS pixels ([`trend_svg`] compensates the SVG backend's scaling).
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_scaled(area, spec, 1.0)
}

/// Renders the chart to a standalone SVG document of `width` × `height` pixels, with the
/// same layout and text size as [`draw_trend`] on a canvas of that size.
pub fn trend_svg(width: u32, height: u32, spec: &TrendSpec) -> Result<String, String> {
    super::radar::render_svg(width, height, |area| draw_scaled(area, spec, SVG_TEXT_SCALE))
}

/// [`draw_trend`] with font sizes handed to plotters multiplied by `text_scale` (the layout
/// always uses [`TrendSpec::font_size`] as pixels).
fn draw_scaled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
    text_scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let theme = Theme::for_mode(spec.dark);
    let legend = legend_spec(spec);
    let fonts = Fonts::new(&legend, &theme, text_scale);
    let (width, height) = area.dim_in_pixel();
    let geometry = TrendGeometry::for_spec(width, height, spec);
    area.fill(&theme.background)?;
    draw_grid(area, &geometry, &theme)?;
    draw_y_labels(area, &geometry, &fonts)?;
    draw_x_labels(area, &geometry, &fonts, spec)?;
    for series in &spec.series {
        draw_line(area, &geometry, series, series_color(series.color, spec.dark))?;
    }
    if spec.legend {
        draw_legend(area, &fonts, &legend)?;
    }
    Ok(())
}

/// The spec in the radar's terms, for its fonts, line height and legend: the same text
/// settings and theme, and per series its label, colour and dash (no values).
fn legend_spec<'a>(spec: &TrendSpec<'a>) -> RadarSpec<'a> {
    let series = spec
        .series
        .iter()
        .map(|s| RadarSeries {
            label: s.label,
            values: Vec::new(),
            color: s.color,
            dashed: s.dashed,
        })
        .collect();
    RadarSpec {
        font_family: spec.font_family,
        font_size: spec.font_size,
        legend: spec.legend,
        dark: spec.dark,
        ..RadarSpec::new(Vec::new(), series)
    }
}

/// A light vertical guide through each x point, then the horizontal grid lines at 0..=5.
fn draw_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &TrendGeometry,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let plot = geometry.plot_area();
    for index in 0..geometry.points() {
        let x = geometry.x(index);
        area.draw(&PathElement::new(vec![(x, plot.top), (x, plot.bottom)], theme.spoke))?;
    }
    for level in Y_LEVELS {
        let y = geometry.y(level);
        area.draw(&PathElement::new(vec![(plot.left, y), (plot.right, y)], theme.ring))?;
    }
    Ok(())
}

/// The numbers 0..=5 left of their grid lines.
fn draw_y_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &TrendGeometry,
    fonts: &Fonts,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = fonts.ring_number.pos(Pos::new(HPos::Right, VPos::Center));
    for level in Y_LEVELS {
        area.draw_text(&format!("{level}"), &style, geometry.y_label_pos(level))?;
    }
    Ok(())
}

/// The x labels below the plot, as laid out by [`TrendGeometry::x_labels`].
fn draw_x_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &TrendGeometry,
    fonts: &Fonts,
    spec: &TrendSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = fonts.label.pos(Pos::new(HPos::Center, VPos::Top));
    for label in geometry.x_labels(&spec.x_labels, spec.font_size) {
        for (line, pos) in label.lines.iter().zip(label.positions) {
            area.draw_text(line, &style, pos)?;
        }
    }
    Ok(())
}

/// One series: each run of two or more points as a line (solid or dashed), then a marker
/// on every value.
fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &TrendGeometry,
    series: &TrendSeries,
    color: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let line = color.stroke_width(2);
    for segment in geometry.segments(&series.values) {
        if segment.len() < 2 {
            continue;
        }
        if series.dashed {
            area.draw(&DashedPathElement::new(segment, DASH.0, DASH.1, line))?;
        } else {
            area.draw(&PathElement::new(segment, line))?;
        }
    }
    for marker in geometry.markers(&series.values) {
        area.draw(&Circle::new(marker, MARKER_RADIUS, color.filled()))?;
    }
    Ok(())
}
