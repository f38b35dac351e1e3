//! Drawing the trend chart on any plotters backend, and rendering it to SVG.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{TrendGeometry, TrendSeries, TrendSpec, Y_LEVELS};
use crate::chart::legend::{draw_legend, LegendEntry};
use crate::chart::style::{draw_line, draw_marker, render_svg, series_color, Fonts, Theme};
use crate::chart::text::xml_text;

/// Draws the whole chart, filling `area`: background, a vertical guide per x point,
/// horizontal grid lines at 0..=5 with their numbers, the x labels, the series (lines broken
/// at missing values, solid or dashed, a marker on every value) and, if
/// [`TrendSpec::legend`], the legend in the top-left corner above the plot. The
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
    render_svg(width, height, |area, text_scale| draw_scaled(area, spec, text_scale))
}

/// [`draw_trend`] with font sizes handed to plotters multiplied by `text_scale` (the layout
/// always uses [`TrendSpec::font_size`] as pixels).
fn draw_scaled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
    text_scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let spec = &xml_spec(spec);
    let theme = Theme::for_mode(spec.dark);
    let fonts = Fonts::new(spec.font_family, spec.font_size, &theme, text_scale);
    let (width, height) = area.dim_in_pixel();
    let geometry = TrendGeometry::for_spec(width, height, spec);
    area.fill(&theme.background)?;
    draw_grid(area, &geometry, &theme)?;
    draw_y_labels(area, &geometry, &fonts)?;
    draw_x_labels(area, &geometry, &fonts, spec)?;
    for series in &spec.series {
        draw_series(area, &geometry, series, series_color(series.color, spec.dark))?;
    }
    if spec.legend {
        let entries = spec.series.iter().map(|s| LegendEntry::series(s.label, s.color, s.dashed, spec.dark));
        draw_legend(area, &fonts, &entries.collect::<Vec<_>>())?;
    }
    Ok(())
}

/// The spec with x labels fit for XML ([`xml_text`]); series labels are made so by the
/// legend.
fn xml_spec<'a>(spec: &TrendSpec<'a>) -> TrendSpec<'a> {
    TrendSpec { x_labels: spec.x_labels.iter().map(|l| xml_text(l).into_owned()).collect(), ..spec.clone() }
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
    let style = fonts.number.pos(Pos::new(HPos::Right, VPos::Center));
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
fn draw_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    geometry: &TrendGeometry,
    series: &TrendSeries,
    color: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for segment in geometry.segments(&series.values) {
        if segment.len() >= 2 {
            draw_line(area, segment, color, series.dashed)?;
        }
    }
    for marker in geometry.markers(&series.values) {
        draw_marker(area, marker, color)?;
    }
    Ok(())
}
