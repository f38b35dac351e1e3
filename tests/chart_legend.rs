//! The legend both charts share: its rows follow the entries in order, one text line and a
//! little padding apart; dashed entries are drawn dashed, solid ones as one line; the trend
//! chart leaves exactly the legend's height above its plot.

use plotters::style::RGBColor;
use x1060_assess::chart::{
    legend_height, legend_layout, legend_row_height, radar_svg, series_color, trend_svg, LegendEntry, RadarSeries,
    RadarSpec, TrendMargins, TrendSeries, TrendSpec, BASELINE_COLOR, CURRENT_COLOR, DEFAULT_FONT_SIZE, LEGEND_ORIGIN,
    TARGET_COLOR,
};

fn entry(label: &str, color: RGBColor, dashed: bool, marker: bool) -> LegendEntry<'_> {
    LegendEntry { label, color, dashed, marker }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Counts `<polyline` elements stroked in `color`.
fn polylines_in(svg: &str, color: RGBColor) -> usize {
    let stroke = format!("stroke=\"{}\"", hex(color));
    svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(&stroke)).count()
}

/// The y of the `<text>` element whose content is exactly `text`.
fn text_y(svg: &str, text: &str) -> i32 {
    let lines: Vec<&str> = svg.lines().collect();
    let tag = lines.windows(2).find(|pair| pair[0].starts_with("<text") && pair[1] == text).expect(text)[0];
    let start = tag.find(" y=\"").expect("y") + 4;
    tag[start..].split('"').next().and_then(|y| y.parse().ok()).expect("integer y")
}

#[test]
fn rows_follow_the_entries_in_order_one_row_height_apart() {
    let entries = [
        entry("Baseline", BASELINE_COLOR, true, true),
        entry("Target", TARGET_COLOR, false, true),
        entry("Current", CURRENT_COLOR, false, false),
    ];
    let rows = legend_layout(&entries, DEFAULT_FONT_SIZE);
    assert_eq!(legend_row_height(DEFAULT_FONT_SIZE), 20, "16.25 px of text rounded, and 4 px");
    let (x, top) = LEGEND_ORIGIN;
    assert_eq!(rows.len(), 3);
    for (k, row) in (0..).zip(&rows) {
        let y = top + 20 * k + 10;
        assert_eq!(row.swatch, [(x, y), (x + 20, y)], "row {k}: the swatch, centred in its row");
        assert_eq!(row.label, (x + 26, y), "row {k}: the label after the swatch");
    }
    assert_eq!(rows[0].marker, Some((x + 10, top + 10)), "marker on the middle of the swatch");
    assert_eq!(rows[2].marker, None, "an entry without a marker gets none");
    assert_eq!(legend_height(3, DEFAULT_FONT_SIZE), 60.0);
    assert!(legend_layout(&[], DEFAULT_FONT_SIZE).is_empty());
}

#[test]
fn rows_grow_with_the_font_size() {
    assert_eq!(legend_row_height(20.0), 29, "25 px of text and 4 px");
    let rows = legend_layout(&[entry("a", CURRENT_COLOR, false, true), entry("b", CURRENT_COLOR, false, true)], 20.0);
    assert_eq!(rows[1].label.1 - rows[0].label.1, 29);
}

#[test]
fn the_trend_plot_starts_below_the_legend() {
    let font = DEFAULT_FONT_SIZE;
    for rows in [1, 2, 5] {
        let below = f64::from(LEGEND_ORIGIN.1) + legend_height(rows, font);
        let top = TrendMargins::new(font, rows).top;
        assert!(top >= below + 8.0, "{rows} rows: plot at {top}, legend down to {below}");
    }
}

/// A chart with no axes or points draws nothing but the grid and its legend.
fn legend_only(dark: bool) -> [String; 2] {
    let radar = RadarSpec {
        dark,
        ..RadarSpec::new(
            vec![],
            vec![
                RadarSeries::baseline("基準", vec![]),
                RadarSeries::target("目標", vec![]),
                RadarSeries::current("現状", vec![]),
            ],
        )
    };
    let trend = TrendSpec {
        dark,
        ..TrendSpec::new(
            vec![],
            vec![
                TrendSeries::baseline("基準", vec![]),
                TrendSeries::target("目標", vec![]),
                TrendSeries::current("現状", vec![]),
            ],
        )
    };
    [radar_svg(400, 300, &radar).expect("radar"), trend_svg(400, 300, &trend).expect("trend")]
}

#[test]
fn both_charts_list_the_series_in_order_dashed_ones_dashed() {
    for dark in [false, true] {
        for svg in legend_only(dark) {
            let ys = ["基準", "目標", "現状"].map(|label| text_y(&svg, label));
            assert!(ys[0] < ys[1] && ys[1] < ys[2], "in order, top down: {ys:?}");
            let color = |c| series_color(c, dark);
            assert_eq!(polylines_in(&svg, color(CURRENT_COLOR)), 1, "solid: one line");
            assert_eq!(polylines_in(&svg, color(TARGET_COLOR)), 1, "solid: one line");
            assert!(polylines_in(&svg, color(BASELINE_COLOR)) >= 2, "dashed: several pieces");
        }
    }
}
