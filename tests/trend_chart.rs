//! The trend line chart: pure geometry (fixed 0..=5 y axis, evenly spaced x points, margins,
//! line breaks at missing values, x label fitting) and SVG rendering through plotters.

use x1060_assess::chart::{
    fit_label, series_color, trend_svg, TrendGeometry, TrendMargins, TrendSeries, TrendSpec, BASELINE_COLOR,
    CURRENT_COLOR, MAX_X_LABEL_LINES, X_LABEL_GAP, Y_LABEL_GAP,
};

const W: u32 = 720;
const H: u32 = 360;

/// Four snapshots and the working state.
fn x_labels() -> Vec<String> {
    ["FY2024", "FY2025", "2026-01-15", "2026-04-01", "Now"].map(String::from).to_vec()
}

fn current() -> Vec<Option<f64>> {
    vec![Some(1.0), Some(2.0), Some(2.5), Some(3.0), Some(3.5)]
}

fn target() -> Vec<Option<f64>> {
    vec![Some(3.0); 5]
}

fn spec<'a>(cur: Vec<Option<f64>>) -> TrendSpec<'a> {
    TrendSpec::new(
        x_labels(),
        vec![TrendSeries::current("現状 Current", cur), TrendSeries::target("目標 Target", target())],
    )
}

/// Like [`spec`], without the legend (so every polyline in a series colour is its line).
fn spec_without_legend<'a>(cur: Vec<Option<f64>>) -> TrendSpec<'a> {
    TrendSpec { legend: false, ..spec(cur) }
}

#[track_caller]
fn render(spec: &TrendSpec) -> String {
    trend_svg(W, H, spec).expect("renders")
}

/// Whether the SVG has a `<text>` element whose content is exactly `text`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!(">\n{text}\n</text>"))
}

/// The `<text ...>` opening line of the element whose content is exactly `text`.
fn text_tag<'s>(svg: &'s str, text: &str) -> Option<&'s str> {
    let lines: Vec<&str> = svg.lines().collect();
    lines.windows(2).find(|pair| pair[0].starts_with("<text") && pair[1] == text).map(|pair| pair[0])
}

/// The integer value of attribute `name` in an SVG tag line.
fn attr(tag: &str, name: &str) -> i32 {
    let start = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
    let rest = &tag[start..];
    rest[..rest.find('"').expect("closing quote")].parse().expect("integer")
}

/// Counts `<polyline` elements stroked in `color` (e.g. "#CBD2DB").
fn polylines_in(svg: &str, color: &str) -> usize {
    svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(&format!("stroke=\"{color}\""))).count()
}

/// The `<circle` elements filled in `color`.
fn circles_in<'s>(svg: &'s str, color: &str) -> Vec<&'s str> {
    svg.lines().filter(|l| l.starts_with("<circle") && l.contains(&format!("fill=\"{color}\""))).collect()
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

// ---- geometry ----

#[test]
fn value_zero_is_at_the_bottom_of_the_plot_and_five_at_the_top() {
    let g = TrendGeometry::new(W, H, 5);
    let plot = g.plot_area();
    assert_eq!(g.y(0.0), plot.bottom);
    assert_eq!(g.y(5.0), plot.top);
    assert!((g.y(2.5) - (plot.top + plot.bottom) / 2).abs() <= 1, "linear in between");
}

#[test]
fn y_is_clamped_to_the_fixed_scale() {
    let g = TrendGeometry::new(W, H, 5);
    assert_eq!(g.y(7.0), g.y(5.0), "above");
    assert_eq!(g.y(-1.0), g.y(0.0), "below");
    assert_eq!(g.y(f64::NAN), g.y(0.0), "NaN");
}

#[test]
fn y_scale_does_not_depend_on_the_data_or_the_number_of_points() {
    let few = TrendGeometry::new(W, H, 1);
    let many = TrendGeometry::new(W, H, 12);
    for level in [0.0, 1.0, 3.5, 5.0] {
        assert_eq!(few.y(level), many.y(level), "level {level}");
    }
}

#[test]
fn one_point_is_centred() {
    let g = TrendGeometry::new(W, H, 1);
    let plot = g.plot_area();
    assert!((g.x(0) - (plot.left + plot.right) / 2).abs() <= 1);
}

#[test]
fn two_points_sit_at_a_quarter_and_three_quarters() {
    let g = TrendGeometry::new(W, H, 2);
    let plot = g.plot_area();
    let width = f64::from(plot.right - plot.left);
    assert!((f64::from(g.x(0) - plot.left) - width / 4.0).abs() <= 1.0);
    assert!((f64::from(g.x(1) - plot.left) - 3.0 * width / 4.0).abs() <= 1.0);
}

#[test]
fn five_points_are_evenly_spaced_with_half_a_slot_at_each_end() {
    let g = TrendGeometry::new(W, H, 5);
    let plot = g.plot_area();
    let slot = f64::from(plot.right - plot.left) / 5.0;
    assert!((g.slot() - slot).abs() < 1.0);
    for i in 0..4 {
        assert!((f64::from(g.x(i + 1) - g.x(i)) - slot).abs() <= 1.0, "gap after point {i}");
    }
    assert!(((g.x(0) - plot.left) - (plot.right - g.x(4))).abs() <= 1, "symmetric");
}

#[test]
fn plot_area_lies_inside_the_default_margins() {
    let m = TrendMargins::default();
    let plot = TrendGeometry::new(W, H, 5).plot_area();
    assert_eq!(plot.left, m.left.round() as i32);
    assert_eq!(plot.right, (f64::from(W) - m.right).round() as i32);
    assert_eq!(plot.top, m.top.round() as i32);
    assert_eq!(plot.bottom, (f64::from(H) - m.bottom).round() as i32);
    assert!(m.left > Y_LABEL_GAP, "room for the y numbers");
    assert!(m.bottom > X_LABEL_GAP + MAX_X_LABEL_LINES as f64 * 13.0, "room for two label lines");
    assert!(0 < plot.left && plot.left < plot.right && plot.right < W as i32);
    assert!(0 < plot.top && plot.top < plot.bottom && plot.bottom < H as i32);
}

#[test]
fn legend_rows_move_the_plot_down() {
    let with = TrendGeometry::for_spec(W, H, &spec(current())).plot_area();
    let without = TrendGeometry::for_spec(W, H, &spec_without_legend(current())).plot_area();
    assert!(with.top > without.top, "{with:?} vs {without:?}");
    assert_eq!(without, TrendGeometry::new(W, H, 5).plot_area(), "no legend: default margins");
    let mut three = spec(current());
    three.series.push(TrendSeries::baseline("前回", target()));
    assert!(TrendGeometry::for_spec(W, H, &three).plot_area().top > with.top);
}

#[test]
fn tiny_areas_collapse_without_turning_inside_out() {
    for (w, h) in [(0, 0), (10, 10), (30, 400)] {
        let plot = TrendGeometry::new(w, h, 3).plot_area();
        assert!(plot.left <= plot.right && plot.top <= plot.bottom, "{w}×{h}: {plot:?}");
    }
    assert_eq!(TrendGeometry::new(0, 0, 0).markers(&[Some(1.0)]), vec![]);
}

#[test]
fn a_missing_value_splits_the_segments() {
    let g = TrendGeometry::new(W, H, 5);
    let segments = g.segments(&[Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)]);
    assert_eq!(segments, vec![vec![g.point(0, 1.0), g.point(1, 2.0)], vec![g.point(3, 3.0), g.point(4, 4.0)]]);
}

#[test]
fn isolated_values_are_segments_of_one_point() {
    let g = TrendGeometry::new(W, H, 5);
    let segments = g.segments(&[Some(1.0), None, Some(f64::NAN), Some(3.0)]);
    assert_eq!(
        segments,
        vec![vec![g.point(0, 1.0)], vec![g.point(3, 3.0)]],
        "NaN breaks like None; absent trailing values are missing"
    );
}

#[test]
fn values_beyond_the_points_are_ignored() {
    let g = TrendGeometry::new(W, H, 2);
    assert_eq!(g.segments(&[Some(1.0); 6]), vec![vec![g.point(0, 1.0), g.point(1, 1.0)]]);
    assert_eq!(g.markers(&[Some(1.0); 6]).len(), 2);
}

#[test]
fn markers_sit_on_every_value_and_are_clamped() {
    let g = TrendGeometry::new(W, H, 4);
    assert_eq!(
        g.markers(&[Some(9.0), None, Some(-2.0), Some(2.0)]),
        vec![g.point(0, 5.0), g.point(2, 0.0), g.point(3, 2.0)]
    );
}

#[test]
fn y_numbers_sit_left_of_their_grid_lines() {
    let g = TrendGeometry::new(W, H, 5);
    let plot = g.plot_area();
    for level in [0.0, 5.0] {
        let (x, y) = g.y_label_pos(level);
        assert_eq!(y, g.y(level));
        assert_eq!(x, plot.left - Y_LABEL_GAP.round() as i32);
    }
}

#[test]
fn x_labels_hang_below_the_plot_on_their_point() {
    let g = TrendGeometry::new(W, H, 5);
    let labels = g.x_labels(&x_labels(), 13.0);
    assert_eq!(labels.iter().map(|l| l.index).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    let first = &labels[0];
    assert_eq!(first.lines, ["FY2024"]);
    assert_eq!(first.positions, vec![(g.x(0), g.plot_area().bottom + X_LABEL_GAP.round() as i32)]);
}

#[test]
fn labels_that_fit_are_unchanged() {
    assert_eq!(fit_label("FY2024", 6, 2), ["FY2024"]);
    assert_eq!(fit_label("現在", 4, 1), ["現在"]);
}

#[test]
fn long_labels_wrap_then_end_in_an_ellipsis() {
    assert_eq!(fit_label("Strategic management of the CDC", 12, 2), ["Strategic", "management…"]);
    assert_eq!(
        fit_label("脅威情報の収集および分析と評価", 8, 2),
        ["脅威情報", "の収集…"],
        "CJK characters count two units"
    );
    assert_eq!(fit_label("abcdef", 1, 2), ["a", "…"], "one unit: just the ellipsis");
    assert!(fit_label("abc", 3, 0).is_empty());
}

#[test]
fn narrow_slots_wrap_x_labels_to_two_lines() {
    // 12 points in 720 px: slots of ~57 px, 7 units at 13 px.
    let labels: Vec<String> = (0..12).map(|i| format!("2026-04-{:02}", i + 1)).collect();
    let g = TrendGeometry::new(W, H, 12);
    assert_eq!((g.x_label_step(13.0), g.x_label_units(13.0)), (1, 7));
    let fitted = g.x_labels(&labels, 13.0);
    assert_eq!(fitted.len(), 12, "every label kept");
    assert_eq!(fitted[0].lines, ["2026-04", "-01"]);
    for label in fitted {
        assert!(label.lines.len() <= MAX_X_LABEL_LINES, "{label:?}");
        assert!(label.lines.iter().all(|l| l.chars().count() <= g.x_label_units(13.0)));
    }
}

#[test]
fn crowded_x_labels_are_thinned_keeping_the_last() {
    let labels: Vec<String> = (0..40).map(|i| format!("S{i}")).collect();
    let g = TrendGeometry::new(W, H, 40);
    let step = g.x_label_step(13.0);
    assert!(step > 1, "{} px slots are too narrow", g.slot());
    let shown: Vec<usize> = g.x_labels(&labels, 13.0).iter().map(|l| l.index).collect();
    assert_eq!(shown.last(), Some(&39), "the working state is always labelled");
    assert!(shown.windows(2).all(|w| w[1] - w[0] == step), "{shown:?}");
}

// ---- SVG rendering ----

#[test]
fn renders_an_svg_document() {
    let svg = render(&spec(current()));
    assert!(svg.starts_with("<svg"), "{}", &svg[..60.min(svg.len())]);
    assert!(svg.contains("width=\"720\" height=\"360\""));
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn every_x_label_is_drawn() {
    let svg = render(&spec(current()));
    for label in x_labels() {
        assert!(has_text(&svg, &label), "missing {label:?}");
    }
}

#[test]
fn y_numbers_zero_to_five_are_drawn() {
    let svg = render(&spec(current()));
    for n in 0..=5 {
        assert!(has_text(&svg, &n.to_string()), "y number {n}");
    }
}

#[test]
fn grid_has_six_level_lines_and_a_guide_per_point() {
    let svg = render(&spec(current()));
    assert_eq!(polylines_in(&svg, "#CBD2DB"), 6, "levels 0..=5");
    assert_eq!(polylines_in(&svg, "#DDE2E8"), 5, "one per x point");
}

#[test]
fn series_colours_are_written_in_upper_case_hex() {
    let svg = render(&spec_without_legend(current()));
    for color in ["#1F5FBF", "#D9480F"] {
        assert_eq!(polylines_in(&svg, color), 1, "{color} line");
        assert_eq!(circles_in(&svg, color).len(), 5, "{color} markers");
        assert!(!svg.contains(&color.to_lowercase()), "{color} not lower case");
    }
}

#[test]
fn markers_are_drawn_where_the_geometry_puts_them() {
    let s = spec_without_legend(vec![Some(5.0), Some(0.0), None, None, Some(9.0)]);
    let g = TrendGeometry::for_spec(W, H, &s);
    let drawn: Vec<(i32, i32)> =
        circles_in(&render(&s), "#1F5FBF").iter().map(|c| (attr(c, "cx"), attr(c, "cy"))).collect();
    assert_eq!(drawn, vec![g.point(0, 5.0), g.point(1, 0.0), g.point(4, 5.0)]);
}

#[test]
fn a_missing_value_in_the_middle_splits_the_line_into_two_polylines() {
    let svg = render(&spec_without_legend(vec![Some(1.0), Some(2.0), None, Some(3.0), Some(3.5)]));
    assert_eq!(polylines_in(&svg, "#1F5FBF"), 2);
    assert_eq!(circles_in(&svg, "#1F5FBF").len(), 4);
}

#[test]
fn an_isolated_value_gets_a_marker_but_no_line() {
    let svg = render(&spec_without_legend(vec![None, None, Some(3.0), None, None]));
    assert_eq!(polylines_in(&svg, "#1F5FBF"), 0);
    assert_eq!(circles_in(&svg, "#1F5FBF").len(), 1);
}

#[test]
fn dashed_series_is_drawn_in_many_short_pieces() {
    let mut s = spec_without_legend(current());
    s.series.push(TrendSeries::baseline("前回 Previous", target()));
    let svg = render(&s);
    let color = hex(BASELINE_COLOR);
    assert!(polylines_in(&svg, &color) > 10, "dashes, not one line");
    assert_eq!(polylines_in(&svg, "#D9480F"), 1, "the solid target stays one line");
}

#[test]
fn legend_lists_the_series_labels() {
    let svg = render(&spec(current()));
    assert!(has_text(&svg, "現状 Current"));
    assert!(has_text(&svg, "目標 Target"));
}

#[test]
fn legend_can_be_left_out() {
    let svg = render(&spec_without_legend(current()));
    assert!(!has_text(&svg, "現状 Current"));
    assert!(has_text(&svg, "FY2024"), "x labels still drawn");
}

#[test]
fn legend_sits_above_the_plot() {
    let s = spec(current());
    let top = TrendGeometry::for_spec(W, H, &s).plot_area().top;
    let svg = render(&s);
    for label in ["現状 Current", "目標 Target"] {
        let tag = text_tag(&svg, label).expect("legend entry");
        // Vertically centred text: half a line (≈ 8 px at 13 px) above and below its y.
        assert!(attr(tag, "y") + 8 < top, "{label} at {tag} overlaps the plot from {top}");
    }
}

#[test]
fn japanese_labels_pass_through_unchanged() {
    let s = TrendSpec::new(
        vec!["2025年度".into(), "現在".into()],
        vec![TrendSeries::current("現状", vec![Some(1.0), Some(2.0)])],
    );
    let svg = render(&s);
    for text in ["2025年度", "現在", "現状"] {
        assert!(has_text(&svg, text), "{text}");
    }
}

#[test]
fn markup_in_labels_is_escaped_by_the_backend() {
    let svg = render(&TrendSpec::new(vec!["R&D <x>".into()], vec![]));
    assert!(svg.contains("R&amp;D &lt;x&gt;"));
    assert!(!svg.contains("<x>"));
}

#[test]
fn long_x_labels_are_cut_with_an_ellipsis() {
    let long = "2026-01-15 Strategic management of the CDC after the reorganisation";
    let svg = render(&TrendSpec::new(vec!["FY2024".into(), long.into(), "Now".into()], vec![]));
    assert!(!svg.contains("reorganisation"), "the tail is cut");
    assert!(svg.contains("…\n</text>"), "and marked");
}

#[test]
fn empty_spec_renders() {
    let svg = render(&TrendSpec::new(vec![], vec![]));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(polylines_in(&svg, "#CBD2DB"), 6, "the empty grid is still drawn");
    assert_eq!(polylines_in(&svg, "#DDE2E8"), 0, "no x points");
}

#[test]
fn series_without_points_render() {
    let s = TrendSpec::new(vec![], vec![TrendSeries::current("c", vec![Some(2.0), None])]);
    let svg = render(&s);
    assert_eq!(circles_in(&svg, "#1F5FBF").len(), 1, "only the legend marker");
    assert!(has_text(&svg, "c"), "legend still drawn");
    assert!(trend_svg(0, 0, &spec(current())).is_ok(), "zero-sized area");
}

#[test]
fn constructors_set_colour_and_dash() {
    let series = TrendSeries::new("x", vec![Some(1.0)], CURRENT_COLOR, true);
    assert!(series.dashed);
    assert_eq!(series.color, CURRENT_COLOR);
    assert!(!TrendSeries::current("c", vec![]).dashed);
    assert!(TrendSeries::baseline("b", vec![]).dashed);
}

#[test]
fn dark_mode_uses_a_dark_background_and_lighter_lines() {
    let mut s = spec(current());
    s.dark = true;
    let svg = render(&s);
    assert!(svg.contains("fill=\"#1F242B\""));
    assert!(!svg.contains("fill=\"#FFFFFF\""));
    assert!(polylines_in(&svg, &hex(series_color(CURRENT_COLOR, true))) >= 1);
}

#[test]
fn rendering_is_deterministic_and_follows_the_data() {
    assert_eq!(render(&spec(current())), render(&spec(current())));
    let mut other = current();
    other[0] = Some(4.0);
    assert_ne!(render(&spec(current())), render(&spec(other)));
}
