//! The look both charts share: the [`Theme`] (light or dark), the series colours, how a
//! series' line and markers are drawn, the text sizes and styles (`Fonts`), and the SVG
//! backend with its text compensation (`SVG_TEXT_SCALE`).
//!
//! # Text sizes
//!
//! Every text size of a chart derives from one font size, [`DEFAULT_FONT_SIZE`] unless a
//! spec sets its own: axis labels, x labels and the legend are drawn at it, the ring and y
//! numbers at [`NUMBER_SCALE`] of it ([`number_size`]), and lines of text are
//! [`LINE_SPACING`] of it apart ([`line_height`]). The margins of the trend chart, the
//! legend's rows and the wrap width of labels all follow from it, so making chart text
//! larger is a change of [`DEFAULT_FONT_SIZE`] (and [`NUMBER_SCALE`]) here only.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::text::is_xml_char;

/// Default font size in pixels for axis labels, x labels and the legend: the one knob for
/// the size of chart text (see the module documentation).
pub const DEFAULT_FONT_SIZE: f64 = 13.0;
/// The ring and y numbers are drawn at this share of the font size.
pub const NUMBER_SCALE: f64 = 0.8;
/// Distance between the baselines of two lines of text, as a share of the font size.
pub const LINE_SPACING: f64 = 1.25;
/// Average advance of one width unit, as a share of the font size (a CJK character is
/// 2 units ≈ 1 em; Latin text averages a little over half an em per character).
pub(crate) const EM_PER_UNIT: f64 = 0.55;
/// plotters' SVG backend writes `font-size` as `size / 1.24`; this undoes it.
pub(crate) const SVG_TEXT_SCALE: f64 = 1.24;

/// Colour of the "current" series (#1F5FBF).
pub const CURRENT_COLOR: RGBColor = RGBColor(31, 95, 191);
/// Colour of the "target" series (#D9480F).
pub const TARGET_COLOR: RGBColor = RGBColor(217, 72, 15);
/// Colour of a dashed baseline overlay, e.g. an earlier assessment (#7048A8).
pub const BASELINE_COLOR: RGBColor = RGBColor(112, 72, 168);

/// Colours for series that are told apart only by colour and order (one per
/// assessor in a workshop), chosen to differ in hue and lightness.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(230, 159, 0),
    RGBColor(100, 100, 100),
    RGBColor(153, 102, 51),
];

/// Width of a series' line, in pixels.
pub(crate) const LINE_WIDTH: u32 = 2;
/// Dash length and gap of a dashed line, in pixels.
const DASH: (i32, i32) = (6, 4);
/// Radius of a value marker, in pixels.
const MARKER_RADIUS: i32 = 3;

/// The non-data colours of a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Fills the whole drawing area.
    pub background: RGBColor,
    /// Grid rings (radar) and level lines (trend).
    pub ring: RGBColor,
    /// Spokes from the centre to the outer ring (radar) and point guides (trend).
    pub spoke: RGBColor,
    /// Labels and legend text.
    pub text: RGBColor,
    /// Ring and y numbers.
    pub muted: RGBColor,
}

impl Theme {
    /// White background (#FFFFFF), light grey grid.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        ring: RGBColor(203, 210, 219),
        spoke: RGBColor(221, 226, 232),
        text: RGBColor(31, 41, 51),
        muted: RGBColor(107, 119, 133),
    };

    /// Dark background (#1F242B), light grid and text.
    pub const DARK: Theme = Theme {
        background: RGBColor(31, 36, 43),
        ring: RGBColor(84, 96, 111),
        spoke: RGBColor(62, 71, 83),
        text: RGBColor(230, 234, 240),
        muted: RGBColor(154, 165, 177),
    };

    /// The theme for `dark` mode or not.
    pub fn for_mode(dark: bool) -> Theme {
        if dark {
            Self::DARK
        } else {
            Self::LIGHT
        }
    }
}

/// The colour a series is drawn in: unchanged on light backgrounds, mixed 40 % with white
/// on dark ones so that lines stay readable.
pub fn series_color(color: RGBColor, dark: bool) -> RGBColor {
    if !dark {
        return color;
    }
    let lighten = |c: u8| -> u8 {
        let mixed = f64::from(c) * 0.6 + 255.0 * 0.4;
        mixed.round().clamp(0.0, 255.0) as u8
    };
    RGBColor(lighten(color.0), lighten(color.1), lighten(color.2))
}

/// The size of the ring and y numbers for text of `font_size` pixels.
pub fn number_size(font_size: f64) -> f64 {
    NUMBER_SCALE * font_size
}

/// Distance between the baselines of two lines of text of `font_size` pixels.
pub fn line_height(font_size: f64) -> f64 {
    LINE_SPACING * font_size
}

/// The two text styles of a chart, before anchoring, and the size the layout uses.
pub(crate) struct Fonts<'a> {
    /// Labels and legend.
    pub(crate) label: TextStyle<'a>,
    /// Ring and y numbers: smaller and muted.
    pub(crate) number: TextStyle<'a>,
    /// The font size in pixels, as the layout uses it (not scaled for the backend).
    pub(crate) size: f64,
}

impl<'a> Fonts<'a> {
    /// Styles in `family` (`sans-serif` instead of a family with a character XML does not
    /// allow) at `size` pixels and [`number_size`], in the theme's text and muted colours;
    /// the sizes handed to the backend are multiplied by `text_scale` (see [`render_svg`]).
    pub(crate) fn new(family: &'a str, size: f64, theme: &Theme, text_scale: f64) -> Self {
        let family = if family.chars().all(is_xml_char) { family } else { "sans-serif" };
        let style = |size: f64, color: &RGBColor| {
            let mut style = TextStyle::from((family, size * text_scale).into_font());
            // Set directly: `TextStyle::color` wants the colour borrowed for the font's lifetime.
            style.color = color.to_backend_color();
            style
        };
        Self { label: style(size, &theme.text), number: style(number_size(size), &theme.muted), size }
    }

    /// Distance between the baselines of two label lines, in pixels.
    pub(crate) fn line_height(&self) -> f64 {
        line_height(self.size)
    }
}

/// A series' line through `points` in `color`: solid, or dashed for baselines and peers.
pub(crate) fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: Vec<(i32, i32)>,
    color: RGBColor,
    dashed: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = color.stroke_width(LINE_WIDTH);
    if dashed {
        area.draw(&DashedPathElement::new(points, DASH.0, DASH.1, style))
    } else {
        area.draw(&PathElement::new(points, style))
    }
}

/// A value marker: a filled dot in `color` centred on `at`.
pub(crate) fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    color: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Circle::new(at, MARKER_RADIUS, color.filled()))
}

/// Runs `draw` on an SVG drawing area of `width` × `height` pixels and returns the
/// document; shared by every chart's SVG download. `draw` gets the text scale to hand to
/// [`Fonts::new`] ([`SVG_TEXT_SCALE`]), so that the SVG shows text at the size a canvas does.
pub(crate) fn render_svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>, f64) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&area, SVG_TEXT_SCALE).map_err(|e| e.to_string())?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}
