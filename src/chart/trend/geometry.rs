//! The pure geometry of the trend chart: margins, the plot rectangle, where each point,
//! line piece, marker and label goes, and how x labels are fitted to their room.

use super::{TrendSpec, MAX_X_LABEL_LINES, MIN_X_LABEL_UNITS, X_LABEL_GAP, Y_LABEL_GAP};
use crate::chart::geometry::{clamp_value, wrap_label, SCALE_MAX};
use crate::chart::legend::{legend_height, LEGEND_ORIGIN};
use crate::chart::style::{line_height, number_size, DEFAULT_FONT_SIZE, EM_PER_UNIT};

/// Blank border, in pixels, at the left and bottom edges and above the plot without a legend.
const EDGE: f64 = 8.0;
/// Right margin in pixels (the last x label stays inside its slot, so little is needed).
const RIGHT_MARGIN: f64 = 12.0;
/// Gap in pixels between the bottom of the legend and the top of the plot.
const LEGEND_GAP: f64 = 8.0;
/// Appended to an x label that had to be cut off.
const ELLIPSIS: char = '…';

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
        let font = if font_size.is_finite() { font_size.max(0.0) } else { DEFAULT_FONT_SIZE };
        let number = number_size(font);
        let top = if legend_rows == 0 {
            EDGE + number / 2.0
        } else {
            f64::from(LEGEND_ORIGIN.1) + legend_height(legend_rows, font) + LEGEND_GAP.max(number / 2.0)
        };
        Self {
            left: EDGE + Y_LABEL_GAP + 2.0 * EM_PER_UNIT * number,
            right: RIGHT_MARGIN,
            top,
            bottom: X_LABEL_GAP + MAX_X_LABEL_LINES as f64 * line_height(font) + EDGE,
        }
    }

    /// The margins [`draw_trend`](super::draw_trend) uses for `spec`: its font size, and one legend row per
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

    /// The geometry [`draw_trend`](super::draw_trend) uses for `spec` in a `width` × `height` area: one point per
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
        PlotArea { left: to_px(self.left), top: to_px(self.top), right: to_px(self.right), bottom: to_px(self.bottom) }
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
    /// at every missing one (see [`TrendSeries::values`](super::TrendSeries::values)). A run of one point (an isolated
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
        (0..self.points).filter_map(|index| value_at(values, index).map(|value| self.point(index, value))).collect()
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
        let line = line_height(font_size.max(0.0));
        let first_line = self.bottom + X_LABEL_GAP;
        labels
            .iter()
            .enumerate()
            .take(self.points)
            .filter(|(index, _)| (self.points - 1 - index) % step == 0)
            .map(|(index, label)| {
                let lines: Vec<String> =
                    fit_label(label, units, MAX_X_LABEL_LINES).into_iter().filter(|l| !l.is_empty()).collect();
                let positions =
                    (0..lines.len()).map(|k| (self.x(index), to_px(first_line + k as f64 * line))).collect();
                XLabel { index, lines, positions }
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
