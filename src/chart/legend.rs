//! The legend both charts draw in their top-left corner: one row per entry, in order, each
//! a short line (dashed if the entry is) with an optional marker on it, then the label.
//!
//! The layout ([`legend_layout`], [`legend_height`]) is pure and tested natively; the
//! drawing takes the chart's fonts and a plain list of [`LegendEntry`], so it knows
//! nothing of either chart's spec.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::style::{draw_line, draw_marker, line_height, series_color, Fonts};
use super::text::xml_text;

/// Top-left corner of the legend, in pixels.
pub const LEGEND_ORIGIN: (i32, i32) = (12, 12);
/// Length of a row's line (its swatch), in pixels.
pub const LEGEND_SWATCH: i32 = 20;
/// Gap between the end of the swatch and the label, in pixels.
pub(crate) const LABEL_GAP: i32 = 6;
/// Space added to a line of text to make a row, in pixels.
const ROW_PADDING: i32 = 4;

/// One row of a legend: what a series looks like and what it is called.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LegendEntry<'a> {
    /// The series' name (drawn without the characters XML does not allow, see [`xml_text`]).
    pub label: &'a str,
    /// The colour the series is drawn in (already lightened for a dark theme).
    pub color: RGBColor,
    /// The series' line is dashed.
    pub dashed: bool,
    /// The series has value markers: one is drawn on the middle of the swatch.
    pub marker: bool,
}

impl<'a> LegendEntry<'a> {
    /// The entry of a chart's series: drawn in `color` as the chart draws it (lightened
    /// when `dark`, see [`series_color`]), dashed or not, with a marker.
    pub fn series(label: &'a str, color: RGBColor, dashed: bool, dark: bool) -> Self {
        Self { label, color: series_color(color, dark), dashed, marker: true }
    }
}

/// Where one row of the legend goes, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegendRow {
    /// The two ends of the swatch line, left to right.
    pub swatch: [(i32, i32); 2],
    /// The centre of the marker on the swatch, if the entry has one.
    pub marker: Option<(i32, i32)>,
    /// The label's anchor, to be drawn left-aligned and vertically centred.
    pub label: (i32, i32),
}

/// The height of one legend row for text of `font_size` pixels: a line of text, rounded
/// to whole pixels, and `ROW_PADDING` (4 px).
pub fn legend_row_height(font_size: f64) -> i32 {
    line_height(font_size).round() as i32 + ROW_PADDING
}

/// The height of a legend of `rows` rows for text of `font_size` pixels, from
/// [`LEGEND_ORIGIN`] down.
pub fn legend_height(rows: usize, font_size: f64) -> f64 {
    rows as f64 * f64::from(legend_row_height(font_size))
}

/// One row per entry, in order, from [`LEGEND_ORIGIN`] down, [`legend_row_height`] apart,
/// each vertically centred in its row.
pub fn legend_layout(entries: &[LegendEntry], font_size: f64) -> Vec<LegendRow> {
    let (x, y0) = LEGEND_ORIGIN;
    let step = legend_row_height(font_size);
    (0..)
        .zip(entries)
        .map(|(row, entry)| {
            let y = y0 + row * step + step / 2;
            LegendRow {
                swatch: [(x, y), (x + LEGEND_SWATCH, y)],
                marker: entry.marker.then_some((x + LEGEND_SWATCH / 2, y)),
                label: (x + LEGEND_SWATCH + LABEL_GAP, y),
            }
        })
        .collect()
}

/// Draws the legend of `entries` at [`legend_layout`], labels in `fonts.label`.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fonts: &Fonts,
    entries: &[LegendEntry],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = fonts.label.pos(Pos::new(HPos::Left, VPos::Center));
    for (entry, row) in entries.iter().zip(legend_layout(entries, fonts.size)) {
        draw_line(area, row.swatch.to_vec(), entry.color, entry.dashed)?;
        if let Some(at) = row.marker {
            draw_marker(area, at, entry.color)?;
        }
        area.draw_text(&xml_text(entry.label), &style, row.label)?;
    }
    Ok(())
}
