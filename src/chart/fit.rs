//! How a chart fits the space it is shown in: the size it is drawn at for the width the
//! page gives it ([`display_size`]), and which axis labels of a radar fit around it
//! ([`AxisLabels`], [`axis_labels`]).
//!
//! A chart on a page is drawn in CSS pixels at the width it is shown at, so its text is
//! [`RadarSpec::font_size`] CSS pixels on screen whatever that width (13 px by default,
//! never scaled down with the chart). On a phone the full names of the axes then no
//! longer fit beside the radar: the chart shows the short labels of the spec (the id and
//! the figures), or else the ids alone, and the page shows the names in a key.

use super::geometry::{text_units, HAlign, LabelAnchor, RadarGeometry, VAlign};
use super::legend::{legend_height, LABEL_GAP as LEGEND_TEXT_GAP, LEGEND_ORIGIN, LEGEND_SWATCH};
use super::radar::{effective_label_wrap, RadarSpec};
use super::style::{line_height, EM_PER_UNIT};
use super::text::xml_text;
use super::wrap_label;

/// The size in CSS pixels to draw a chart at that is `nominal` (width, height) at full
/// size and shown `width` CSS pixels wide: the nominal proportions, but on a narrower
/// screen at least as tall as wide (up to the nominal height), so that a radar keeps
/// room for its labels above and below. A width of 0 gives the nominal size.
pub fn display_size(nominal: (u32, u32), width: u32) -> (u32, u32) {
    let (nw, nh) = nominal;
    if width == 0 || nw == 0 {
        return nominal;
    }
    let scaled = (f64::from(nh) * f64::from(width) / f64::from(nw)).round() as u32;
    (width, scaled.max(nh.min(width)).max(1))
}

/// A figure with one decimal ("2.5", "-0.3"), written with integers (float formatting
/// with a precision would add its code to the first download); "–" for a non-finite one.
pub fn one_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10)
}

/// Which labels a radar draws at its axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisLabels {
    /// The full labels ([`RadarSpec::axis_labels`]), wrapped.
    Names,
    /// The spec's short labels ([`RadarSpec::short_labels`]), one line each.
    Short,
    /// The ids alone (each label's first word, [`label_id`]).
    Ids,
}

/// The id of an axis label written "id name" ("A Strategic management of CDC" → "A",
/// "B-2 …" → "B-2"): its first word, or the whole label if it has one word.
pub fn label_id(label: &str) -> &str {
    let label = label.trim();
    label.split_whitespace().next().unwrap_or(label)
}

/// The labels a radar of `spec` draws in an area of `width` × `height` pixels: the full
/// names if they fit, else the short labels if the spec has them and they fit on one
/// line each, else the ids. Labels fit when, as estimated without measuring text
/// ([`EM_PER_UNIT`] per unit), each is inside the area, clear of the others and of the
/// legend.
pub fn axis_labels(spec: &RadarSpec, width: u32, height: u32) -> AxisLabels {
    let geometry = RadarGeometry::new(width, height, spec.axis_labels.len());
    let names = fits(spec, &geometry, (width, height), &spec.axis_labels, effective_label_wrap(spec, &geometry, width));
    if names {
        AxisLabels::Names
    } else if spec.short_labels.as_deref().is_some_and(|short| fits(spec, &geometry, (width, height), short, 0)) {
        AxisLabels::Short
    } else {
        AxisLabels::Ids
    }
}

/// A box in pixels: left, top, right, bottom.
type Box = (f64, f64, f64, f64);

/// Whether `labels`, wrapped at `wrap` units, fit around the chart (see [`axis_labels`]).
fn fits(
    spec: &RadarSpec,
    geometry: &RadarGeometry,
    (width, height): (u32, u32),
    labels: &[String],
    wrap: usize,
) -> bool {
    let unit = EM_PER_UNIT * spec.font_size;
    let line = line_height(spec.font_size);
    let boxes: Vec<Box> = labels
        .iter()
        .enumerate()
        .map(|(axis, label)| {
            let lines = wrap_label(&xml_text(label), wrap);
            let w = lines.iter().map(|l| text_units(l)).max().unwrap_or(0) as f64 * unit;
            label_box(geometry.label_anchor(axis), w, lines.len() as f64 * line)
        })
        .collect();
    let legend = spec.legend.then(|| {
        let w = spec.series.iter().map(|s| text_units(&xml_text(s.label))).max().unwrap_or(0) as f64 * unit;
        let (x, y) = LEGEND_ORIGIN;
        let right = f64::from(x + LEGEND_SWATCH + LEGEND_TEXT_GAP) + w;
        (f64::from(x), f64::from(y), right, f64::from(y) + legend_height(spec.series.len(), spec.font_size))
    });
    let inside = |b: &Box| b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= f64::from(width) && b.3 <= f64::from(height);
    boxes.iter().enumerate().all(|(i, b)| {
        inside(b)
            && boxes.iter().skip(i + 1).all(|other| !overlap(b, other))
            && legend.as_ref().is_none_or(|l| !overlap(b, l))
    })
}

/// The box of a label block `w` × `h` pixels drawn at `anchor` (as the radar draws it:
/// growing away from the chart, see [`super::LabelAnchor::line_positions`]).
fn label_box(anchor: LabelAnchor, w: f64, h: f64) -> Box {
    let (x, y) = (f64::from(anchor.pos.0), f64::from(anchor.pos.1));
    let left = match anchor.h {
        HAlign::Left => x,
        HAlign::Center => x - w / 2.0,
        HAlign::Right => x - w,
    };
    let top = match anchor.v {
        VAlign::Top => y,
        VAlign::Middle => y - h / 2.0,
        VAlign::Bottom => y - h,
    };
    (left, top, left + w, top + h)
}

/// Whether two boxes overlap (touching is not overlapping).
fn overlap(a: &Box, b: &Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The labels to draw for `which`: the full ones, the short ones (the full ones where
/// the spec has none), or the ids.
pub fn labels_for(spec: &RadarSpec, which: AxisLabels) -> Vec<String> {
    match (which, &spec.short_labels) {
        (AxisLabels::Names, _) | (AxisLabels::Short, None) => spec.axis_labels.clone(),
        (AxisLabels::Short, Some(short)) => short.clone(),
        (AxisLabels::Ids, _) => spec.axis_labels.iter().map(|l| label_id(l).to_owned()).collect(),
    }
}
