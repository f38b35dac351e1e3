//! A trend line chart: how scores on the fixed 0..=5 scale moved over a row of points
//! (snapshots, then the working state).
//!
//! The pure geometry (module `geometry`: [`TrendGeometry`], [`TrendMargins`], [`fit_label`])
//! is separate from the drawing (module `draw`: [`draw_trend`], [`trend_svg`]) and tested
//! natively. Conventions:
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
//! As in [`super::radar`], text is never measured: labels are anchored with a
//! [`Pos`](plotters::style::text_anchor::Pos) and their widths are estimated in units
//! ([`wrap_label`](super::wrap_label): a CJK character counts 2).
//! The theme, colours, fonts and SVG text compensation ([`super::style`]) and the legend
//! ([`super::legend`]) are the ones the radar uses too.

use plotters::style::RGBColor;

use super::style::{BASELINE_COLOR, CURRENT_COLOR, DEFAULT_FONT_SIZE, TARGET_COLOR};

mod draw;
mod geometry;

pub use draw::{draw_trend, trend_svg};
pub use geometry::{fit_label, PlotArea, TrendGeometry, TrendMargins, XLabel};

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
        Self { label, values, color, dashed }
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
    /// Drawn without the characters XML does not allow ([`xml_text`](super::xml_text);
    /// the backend escapes markup); wrapped to the point's slot and cut to
    /// [`MAX_X_LABEL_LINES`] lines (see [`fit_label`]).
    pub x_labels: Vec<String>,
    /// The series, drawn in order (later ones on top); listed in this order in the legend.
    pub series: Vec<TrendSeries<'a>>,
    /// CSS font family, e.g. `"sans-serif"`.
    pub font_family: &'a str,
    /// Font size in pixels for x labels and the legend; y numbers use
    /// [`NUMBER_SCALE`](super::style::NUMBER_SCALE) of it (80 %).
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
        Self { x_labels, series, font_family: "sans-serif", font_size: DEFAULT_FONT_SIZE, legend: true, dark: false }
    }
}
