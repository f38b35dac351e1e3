//! Pure radar-chart geometry: where axes, rings, data points and labels go, in pixels.
//!
//! Nothing here knows about plotters or the browser, so every position the chart uses is
//! tested natively. Conventions:
//!
//! - Pixel coordinates have the origin at the top-left corner, x to the right, y down.
//! - Axis 0 points straight up (12 o'clock); the others follow clockwise, evenly spaced:
//!   `angle_i = -PI/2 + i * 2PI/n` (in screen coordinates, where positive angles turn
//!   clockwise because y points down).
//! - The radial scale is fixed to `0..=SCALE_MAX` whatever the data, so two charts can be
//!   compared by eye. Values outside the scale are clamped; a missing value sits at the centre.

use std::f64::consts::PI;

/// The top of the radial scale (maturity level 5). The scale always starts at 0.
pub const SCALE_MAX: f64 = 5.0;

/// The grid rings drawn by the chart: one per whole level.
pub const RING_LEVELS: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];

/// The chart radius as a share of the smaller side of the drawing area; the rest is margin
/// for the axis labels.
pub const RADIUS_SHARE: f64 = 0.32;

/// The largest chart radius as a share of the width, so that square or portrait areas keep
/// at least a quarter of the width on each side for labels.
pub const RADIUS_MAX_WIDTH_SHARE: f64 = 0.25;

/// Distance in pixels between the end of a spoke and its label anchor.
pub const LABEL_GAP: f64 = 8.0;

/// Above this share of the unit direction, a label is pushed to that side rather than centred.
const ALIGN_THRESHOLD: f64 = 0.3;

/// Horizontal alignment of a label relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    /// The text starts at the anchor and runs to the right.
    Left,
    /// The text is centred on the anchor.
    Center,
    /// The text ends at the anchor.
    Right,
}

/// Vertical alignment of a label relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VAlign {
    /// The top of the text is at the anchor; the text hangs below it.
    Top,
    /// The text is vertically centred on the anchor.
    Middle,
    /// The bottom of the text is at the anchor; the text sits above it.
    Bottom,
}

/// Where and how to place an axis label so that it stays outside the plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelAnchor {
    /// The anchor point, just beyond the end of the spoke.
    pub pos: (i32, i32),
    /// Horizontal alignment to the anchor.
    pub h: HAlign,
    /// Vertical alignment to the anchor.
    pub v: VAlign,
}

impl LabelAnchor {
    /// Anchor points for a label of `lines` lines, `line_height` pixels apart, each to be
    /// drawn with this anchor's alignment. The block grows away from the chart: downwards
    /// for [`VAlign::Top`], upwards for [`VAlign::Bottom`], both ways for [`VAlign::Middle`].
    pub fn line_positions(&self, lines: usize, line_height: f64) -> Vec<(i32, i32)> {
        let (x, y) = self.pos;
        let last = lines.saturating_sub(1) as f64;
        (0..lines)
            .map(|k| {
                let k = k as f64;
                let offset = match self.v {
                    VAlign::Top => k * line_height,
                    VAlign::Middle => (k - last / 2.0) * line_height,
                    VAlign::Bottom => (k - last) * line_height,
                };
                (x, to_px(f64::from(y) + offset))
            })
            .collect()
    }
}

/// The geometry of one radar chart: its centre, radius and number of axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadarGeometry {
    center: (f64, f64),
    radius: f64,
    axes: usize,
}

impl RadarGeometry {
    /// A chart centred in a `width` × `height` drawing area, with a radius of
    /// [`RADIUS_SHARE`] of the smaller side, but at most [`RADIUS_MAX_WIDTH_SHARE`] of the
    /// width, so that labels fit around it.
    ///
    /// In a 720 × 480 area the radius is 153.6 px, leaving about 200 px on each side: room
    /// for 12 CJK characters (or ~27 Latin ones) per line at 13 px.
    pub fn new(width: u32, height: u32, axes: usize) -> Self {
        let (w, h) = (f64::from(width), f64::from(height));
        let radius = (RADIUS_SHARE * w.min(h)).min(RADIUS_MAX_WIDTH_SHARE * w);
        Self::new_with((w / 2.0, h / 2.0), radius, axes)
    }

    /// A chart with an explicit centre and radius (in pixels). A negative or non-finite
    /// radius is treated as 0, and a non-finite centre as the origin.
    pub fn new_with(center: (f64, f64), radius: f64, axes: usize) -> Self {
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        Self { center: (finite(center.0), finite(center.1)), radius: finite(radius).max(0.0), axes }
    }

    /// The horizontal room, in pixels, for the label of a horizontal axis in an area
    /// `width` pixels wide: from its anchor to the edge (at least 0).
    pub fn label_room(&self, width: u32) -> f64 {
        let right = f64::from(width) - self.center.0 - self.radius - LABEL_GAP;
        let left = self.center.0 - self.radius - LABEL_GAP;
        right.min(left).max(0.0)
    }

    /// The centre, in (fractional) pixels.
    pub fn center(&self) -> (f64, f64) {
        self.center
    }

    /// The centre, rounded to whole pixels.
    pub fn center_px(&self) -> (i32, i32) {
        (to_px(self.center.0), to_px(self.center.1))
    }

    /// The radius of the outer ring (value [`SCALE_MAX`]), in pixels.
    pub fn radius(&self) -> f64 {
        self.radius
    }

    /// The number of axes.
    pub fn axes(&self) -> usize {
        self.axes
    }

    /// The angle of `axis` in radians, screen coordinates: axis 0 at `-PI/2` (straight up),
    /// then clockwise. With no axes, every angle is `-PI/2`.
    pub fn angle(&self, axis: usize) -> f64 {
        if self.axes == 0 {
            return -PI / 2.0;
        }
        -PI / 2.0 + axis as f64 * 2.0 * PI / self.axes as f64
    }

    /// The distance from the centre, in pixels, of a value on the fixed scale (clamped).
    pub fn distance(&self, value: f64) -> f64 {
        self.radius * clamp_value(value) / SCALE_MAX
    }

    /// The pixel position of `value` (clamped to `0..=SCALE_MAX`) on `axis`.
    pub fn point(&self, axis: usize, value: f64) -> (i32, i32) {
        self.at(axis, self.distance(value))
    }

    /// The outer end of the spoke for `axis` (the point for [`SCALE_MAX`]).
    pub fn spoke_end(&self, axis: usize) -> (i32, i32) {
        self.point(axis, SCALE_MAX)
    }

    /// The vertices of the grid ring at `level` (clamped), one per axis in axis order.
    /// The first vertex is not repeated; use [`closed`] to get a closed outline.
    /// Fewer than 3 axes give a degenerate ring (0, 1 or 2 points); draw a circle of
    /// radius [`RadarGeometry::distance`] instead.
    pub fn ring(&self, level: f64) -> Vec<(i32, i32)> {
        (0..self.axes).map(|axis| self.point(axis, level)).collect()
    }

    /// The vertices of a data polygon, one per axis in axis order. A missing value (`None`,
    /// a non-finite number, or no entry because `values` is too short) is placed at the
    /// centre; values beyond the number of axes are ignored.
    pub fn polygon(&self, values: &[Option<f64>]) -> Vec<(i32, i32)> {
        (0..self.axes).map(|axis| self.point(axis, values.get(axis).copied().flatten().unwrap_or(0.0))).collect()
    }

    /// Where to put the small numeric label of ring `level`: just right of and below the
    /// top of the ring (on the vertical through the centre), to be drawn left- and
    /// top-aligned. Inside the ring, so it never meets the top axis label.
    pub fn ring_label_pos(&self, level: f64) -> (i32, i32) {
        let (cx, cy) = self.center;
        (to_px(cx + 3.0), to_px(cy - self.distance(level) + 2.0))
    }

    /// The anchor for the label of `axis`: [`LABEL_GAP`] pixels beyond the spoke end,
    /// aligned so that the text extends away from the chart (centred and above for the top
    /// axis, left-aligned on the right-hand side, right-aligned on the left-hand side, centred
    /// and below for the bottom axis).
    pub fn label_anchor(&self, axis: usize) -> LabelAnchor {
        let angle = self.angle(axis);
        let (dx, dy) = (angle.cos(), angle.sin());
        let h = if dx > ALIGN_THRESHOLD {
            HAlign::Left
        } else if dx < -ALIGN_THRESHOLD {
            HAlign::Right
        } else {
            HAlign::Center
        };
        let v = if dy < -ALIGN_THRESHOLD {
            VAlign::Bottom
        } else if dy > ALIGN_THRESHOLD {
            VAlign::Top
        } else {
            VAlign::Middle
        };
        LabelAnchor { pos: self.at(axis, self.radius + LABEL_GAP), h, v }
    }

    /// The pixel `distance` pixels from the centre along `axis`.
    fn at(&self, axis: usize, distance: f64) -> (i32, i32) {
        let angle = self.angle(axis);
        let (cx, cy) = self.center;
        (to_px(cx + distance * angle.cos()), to_px(cy + distance * angle.sin()))
    }
}

/// Clamps a value to the fixed scale `0..=SCALE_MAX`; NaN becomes 0.
pub fn clamp_value(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, SCALE_MAX)
    }
}

/// The same points with the first one repeated at the end, for drawing a closed outline
/// as a path. Empty input gives empty output.
pub fn closed(points: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut out = points.to_vec();
    if let Some(&first) = points.first() {
        out.push(first);
    }
    out
}

/// Splits a label into lines of at most `max_units` width units, without measuring text:
/// a wide (CJK, full-width) character counts 2 units, any other character 1. Explicit
/// `'\n'` always breaks. Latin text breaks at spaces; CJK text may break between any two
/// characters, except before closing punctuation (`、` `。` `・` `）` …), `ー` or small kana. A word
/// longer than a line is split. `max_units == 0` means no wrapping (only `'\n'` breaks).
pub fn wrap_label(text: &str, max_units: usize) -> Vec<String> {
    text.split('\n').flat_map(|line| wrap_line(line, max_units)).collect()
}

/// Wraps one line (no `'\n'`) greedily; see [`wrap_label`].
fn wrap_line(line: &str, max_units: usize) -> Vec<String> {
    if max_units == 0 {
        return vec![line.trim().to_owned()];
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    for token in tokens(line) {
        let is_space = token.chars().all(char::is_whitespace);
        if units(&current) + units(token) <= max_units {
            if !(is_space && current.is_empty()) {
                current.push_str(token);
            }
            continue;
        }
        push_line(&mut lines, &mut current);
        if is_space {
            continue;
        }
        for c in token.chars() {
            if !current.is_empty() && units(&current) + char_units(c) > max_units {
                push_line(&mut lines, &mut current);
            }
            current.push(c);
        }
    }
    push_line(&mut lines, &mut current);
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Moves `current` (trimmed) into `lines` if it has any content.
fn push_line(lines: &mut Vec<String>, current: &mut String) {
    let line = current.trim();
    if !line.is_empty() {
        lines.push(line.to_owned());
    }
    current.clear();
}

/// Splits a line into unbreakable tokens: runs of spaces, runs of narrow non-space
/// characters (words), and single wide characters with any following closing punctuation.
fn tokens(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(p) = prev {
            if is_break_between(p, c) {
                out.push(line.get(start..i).unwrap_or_default());
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(line.get(start..).unwrap_or_default());
    }
    out
}

/// Whether a line may break between `a` and `b`.
fn is_break_between(a: char, b: char) -> bool {
    if is_no_break_before(b) {
        return false;
    }
    a.is_whitespace() != b.is_whitespace() || is_wide(a) || is_wide(b)
}

/// Closing punctuation that must not start a line.
fn is_no_break_before(c: char) -> bool {
    matches!(c, '、' | '。' | '・' | 'ー' | '）' | '」' | '』' | '，' | '．' | ')' | ',' | '.' | '!' | '?' | ':' | ';')
        || "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ".contains(c)
}

/// The width of a text in units, as [`wrap_label`] counts it: a wide (CJK, full-width)
/// character counts 2, any other 1.
pub fn text_units(s: &str) -> usize {
    units(s)
}

/// The width of a string in units (wide characters count 2).
fn units(s: &str) -> usize {
    s.chars().map(char_units).sum()
}

/// The width of one character in units.
fn char_units(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

/// Whether a character is wide (CJK ideographs, kana, hangul, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Rounds a pixel coordinate to the nearest whole pixel (saturating, NaN to 0).
fn to_px(v: f64) -> i32 {
    v.round() as i32
}
