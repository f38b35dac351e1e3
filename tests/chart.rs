//! The radar chart: pure geometry (axes, fixed 0..=5 scale, rings, label anchors, missing
//! values, degenerate axis counts, label wrapping) and SVG rendering through plotters.

mod common;

use common::category_labels;
use x1060_assess::chart::{
    effective_label_wrap, radar_svg, series_color, wrap_label, HAlign, LabelAnchor, RadarGeometry, RadarSeries,
    RadarSpec, VAlign, BASELINE_COLOR, CURRENT_COLOR, LABEL_GAP, MIN_LABEL_WRAP, SCALE_MAX,
};

/// A 400 × 400 area centred at (200, 200) with radius 100, for round numbers.
fn geo(axes: usize) -> RadarGeometry {
    RadarGeometry::new_with((200.0, 200.0), 100.0, axes)
}

#[track_caller]
fn assert_anchor(anchor: LabelAnchor, h: HAlign, v: VAlign) {
    assert_eq!((anchor.h, anchor.v), (h, v), "anchor at {:?}", anchor.pos);
}

fn current() -> Vec<Option<f64>> {
    vec![Some(1.0), Some(2.5), Some(3.0), None, Some(4.0), Some(0.0), Some(5.0), Some(2.0), Some(1.5)]
}

fn target() -> Vec<Option<f64>> {
    vec![Some(3.0); 9]
}

fn spec<'a>(japanese: bool, cur: Vec<Option<f64>>) -> RadarSpec<'a> {
    RadarSpec::new(
        category_labels(japanese),
        vec![RadarSeries::current("現状 Current", cur), RadarSeries::target("目標 Target", target())],
    )
}

#[track_caller]
fn render(spec: &RadarSpec) -> String {
    radar_svg(720, 480, spec).expect("renders")
}

/// Whether the SVG has a `<text>` element whose content is exactly `text`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!(">\n{text}\n</text>"))
}

/// Counts the SVG elements of kind `tag` (e.g. "<circle") having `attr` (e.g. `fill="#1F5FBF"`).
fn elements_with(svg: &str, tag: &str, attr: &str) -> usize {
    svg.lines().filter(|l| l.starts_with(tag) && l.contains(attr)).count()
}

/// Counts `<polyline` elements stroked in `color` (e.g. "#CBD2DB").
fn polylines_in(svg: &str, color: &str) -> usize {
    svg.lines().filter(|l| l.contains("<polyline") && l.contains(&format!("stroke=\"{color}\""))).count()
}

// ---- geometry ----

#[test]
fn axis_zero_points_straight_up() {
    assert_eq!(geo(9).spoke_end(0), (200, 100));
    assert_eq!(geo(9).point(0, 2.5), (200, 150));
}

#[test]
fn axes_go_clockwise_evenly() {
    let g = geo(4);
    assert_eq!(g.spoke_end(1), (300, 200), "a quarter turn is to the right");
    assert_eq!(g.spoke_end(2), (200, 300));
    assert_eq!(g.spoke_end(3), (100, 200));
}

#[test]
fn scale_is_fixed_zero_to_five() {
    let g = geo(4);
    assert_eq!(SCALE_MAX, 5.0);
    assert_eq!(g.point(1, 5.0), g.spoke_end(1), "5 is on the outer ring");
    assert_eq!(g.point(1, 0.0), (200, 200), "0 is the centre");
    assert_eq!(g.point(1, 7.0), g.point(1, 5.0), "clamped above");
    assert_eq!(g.point(1, -1.0), g.point(1, 0.0), "clamped below");
    assert_eq!(g.point(1, f64::NAN), (200, 200), "NaN is the centre");
}

#[test]
fn new_centres_the_chart_and_leaves_margins() {
    let g = RadarGeometry::new(720, 480, 9);
    assert_eq!(g.center(), (360.0, 240.0));
    assert!((g.radius() - 0.32 * 480.0).abs() < 1e-9);
}

#[test]
fn narrow_areas_keep_a_quarter_of_the_width_for_labels() {
    let g = RadarGeometry::new(400, 400, 9);
    assert!((g.radius() - 100.0).abs() < 1e-9);
    assert!((g.label_room(400) - (100.0 - LABEL_GAP)).abs() < 1e-9);
    assert_eq!(RadarGeometry::new(0, 0, 9).radius(), 0.0);
}

#[test]
fn label_wrap_narrows_to_the_room_beside_the_chart() {
    let s = spec(true, current());
    assert_eq!(effective_label_wrap(&s, &RadarGeometry::new(720, 480, 9), 720), 24, "fits: as asked");
    assert_eq!(effective_label_wrap(&s, &RadarGeometry::new(400, 400, 9), 400), 12, "92 px / 7.15 px");
    assert_eq!(effective_label_wrap(&s, &RadarGeometry::new(100, 100, 9), 100), MIN_LABEL_WRAP);
    let unwrapped = RadarSpec { label_wrap: 0, ..spec(true, current()) };
    assert_eq!(effective_label_wrap(&unwrapped, &RadarGeometry::new(100, 100, 9), 100), 0);
    let narrow = RadarSpec { label_wrap: 4, ..spec(true, current()) };
    assert_eq!(effective_label_wrap(&narrow, &RadarGeometry::new(720, 480, 9), 720), 4, "narrower by choice");
}

#[test]
fn rings_scale_with_level() {
    let g = geo(4);
    assert_eq!(g.ring(5.0), vec![(200, 100), (300, 200), (200, 300), (100, 200)]);
    assert_eq!(g.ring(1.0), vec![(200, 180), (220, 200), (200, 220), (180, 200)]);
    assert_eq!(g.ring(9.0), g.ring(5.0), "clamped");
    assert_eq!(g.ring_label_pos(5.0), (203, 102), "inside the ring, right of the top spoke");
}

#[test]
fn label_anchors_sit_outside_on_each_side() {
    let g = geo(4);
    let gap = LABEL_GAP as i32;
    let [top, right, bottom, left] = [0, 1, 2, 3].map(|axis| g.label_anchor(axis));
    assert_anchor(top, HAlign::Center, VAlign::Bottom);
    assert_anchor(right, HAlign::Left, VAlign::Middle);
    assert_anchor(bottom, HAlign::Center, VAlign::Top);
    assert_anchor(left, HAlign::Right, VAlign::Middle);
    assert_eq!(top.pos, (200, 100 - gap));
    assert_eq!(right.pos, (300 + gap, 200));
}

#[test]
fn diagonal_label_anchors_point_away_from_the_centre() {
    let g = geo(8);
    assert_anchor(g.label_anchor(1), HAlign::Left, VAlign::Bottom);
    assert_anchor(g.label_anchor(3), HAlign::Left, VAlign::Top);
    assert_anchor(g.label_anchor(5), HAlign::Right, VAlign::Top);
    assert_anchor(g.label_anchor(7), HAlign::Right, VAlign::Bottom);
}

#[test]
fn multi_line_labels_grow_away_from_the_chart() {
    let anchor = |v| LabelAnchor { pos: (50, 100), h: HAlign::Center, v };
    assert_eq!(anchor(VAlign::Top).line_positions(2, 10.0), vec![(50, 100), (50, 110)]);
    assert_eq!(anchor(VAlign::Bottom).line_positions(2, 10.0), vec![(50, 90), (50, 100)]);
    assert_eq!(anchor(VAlign::Middle).line_positions(3, 10.0), vec![(50, 90), (50, 100), (50, 110)]);
    assert!(anchor(VAlign::Top).line_positions(0, 10.0).is_empty());
}

#[test]
fn missing_values_sit_at_the_centre() {
    let g = geo(4);
    let poly = g.polygon(&[Some(5.0), None, Some(5.0)]);
    assert_eq!(poly, vec![(200, 100), (200, 200), (200, 300), (200, 200)], "None and absent → centre");
    assert_eq!(g.polygon(&[Some(1.0); 6]).len(), 4, "extra values ignored");
}

#[test]
fn degenerate_axis_counts_do_not_panic() {
    assert!(geo(0).ring(5.0).is_empty());
    assert!(geo(0).polygon(&[Some(3.0)]).is_empty());
    assert_eq!(geo(0).point(3, 5.0), (200, 100));
    assert_eq!(geo(1).polygon(&[Some(5.0)]), vec![(200, 100)]);
    assert_eq!(geo(2).ring(5.0), vec![(200, 100), (200, 300)]);
    assert_anchor(geo(2).label_anchor(1), HAlign::Center, VAlign::Top);
    assert_eq!(geo(9).ring(5.0).len(), 9);
    assert_eq!(RadarGeometry::new_with((f64::NAN, 0.0), -3.0, 3).spoke_end(1), (0, 0));
}

#[test]
fn labels_wrap_by_width_units() {
    assert_eq!(wrap_label("Strategic management of CDC", 24), ["Strategic management of", "CDC"]);
    assert_eq!(wrap_label("CDCプラットフォームの開発・保守", 24), ["CDCプラットフォームの開", "発・保守"]);
    assert_eq!(wrap_label("即時分析", 24), ["即時分析"]);
    assert_eq!(wrap_label("a\nb", 0), ["a", "b"]);
    assert_eq!(wrap_label("abcdefgh", 3), ["abc", "def", "gh"]);
    assert_eq!(wrap_label("", 24), [""]);
}

#[test]
fn wrapping_keeps_closing_marks_with_the_previous_character() {
    let lines = wrap_label("データ・セキュリティ", 6);
    assert!(lines.iter().all(|l| !l.starts_with(['・', 'ー'])), "{lines:?}");
    assert_eq!(lines.concat(), "データ・セキュリティ");
}

// ---- SVG rendering ----

#[test]
fn renders_an_svg_document_with_every_label() {
    for japanese in [true, false] {
        let svg = render(&spec(japanese, current()));
        assert!(svg.starts_with("<svg"), "{}", &svg[..60.min(svg.len())]);
        assert!(svg.trim_end().ends_with("</svg>"));
        for label in category_labels(japanese) {
            for line in wrap_label(&label, 24) {
                assert!(has_text(&svg, &line), "missing label line {line:?}");
            }
        }
    }
}

#[test]
fn japanese_labels_pass_through_unchanged() {
    let svg = render(&RadarSpec::new(vec!["CDCの戦略マネジメント".into(), "B".into(), "C".into()], vec![]));
    assert!(has_text(&svg, "CDCの戦略マネジメント"));
}

#[test]
fn markup_in_labels_is_escaped_by_the_backend() {
    let svg = render(&RadarSpec::new(vec!["R&D <x>".into(), "B".into(), "C".into()], vec![]));
    assert!(svg.contains("R&amp;D &lt;x&gt;"));
    assert!(!svg.contains("<x>"));
}

#[test]
fn both_series_are_drawn_in_their_colours() {
    let svg = render(&spec(true, current()));
    for color in ["#1F5FBF", "#D9480F"] {
        assert_eq!(elements_with(&svg, "<polygon", &format!("fill=\"{color}\"")), 1, "{color} fill");
        assert!(polylines_in(&svg, color) >= 2, "{color} outline and legend swatch");
        assert!(elements_with(&svg, "<circle", &format!("fill=\"{color}\"")) >= 8, "{color} markers");
    }
    assert_eq!(elements_with(&svg, "<circle", "stroke=\"#1F5FBF\""), 1, "hollow marker for the missing value");
}

#[test]
fn legend_lists_the_series_labels() {
    let svg = render(&spec(false, current()));
    assert!(has_text(&svg, "現状 Current"));
    assert!(has_text(&svg, "目標 Target"));
}

#[test]
fn legend_can_be_left_out() {
    let s = RadarSpec { legend: false, ..spec(false, current()) };
    let svg = render(&s);
    assert!(!has_text(&svg, "現状 Current"));
    assert!(has_text(&svg, "A Strategic management"), "labels still drawn");
}

#[test]
fn draws_five_rings_with_their_numbers() {
    let svg = render(&spec(false, current()));
    assert_eq!(polylines_in(&svg, "#CBD2DB"), 5, "rings");
    assert_eq!(polylines_in(&svg, "#DDE2E8"), 9, "spokes");
    for n in 1..=5 {
        assert!(has_text(&svg, &n.to_string()), "ring number {n}");
    }
}

#[test]
fn different_values_give_different_svg() {
    let mut other = current();
    other[0] = Some(4.5);
    assert_ne!(render(&spec(true, current())), render(&spec(true, other)));
    assert_eq!(render(&spec(true, current())), render(&spec(true, current())), "deterministic");
}

#[test]
fn all_missing_values_still_render() {
    let svg = render(&spec(true, vec![None; 9]));
    assert_eq!(elements_with(&svg, "<polygon", "fill=\"#1F5FBF\""), 1, "degenerate polygon");
    assert_eq!(elements_with(&svg, "<circle", "stroke=\"#1F5FBF\""), 1, "hollow centre marker");
    assert_eq!(elements_with(&svg, "<circle", "fill=\"#1F5FBF\""), 1, "only the legend marker is filled");
}

#[test]
fn baseline_series_is_dashed() {
    let mut s = spec(false, current());
    s.series.push(RadarSeries::baseline("前回 Previous", target()));
    let svg = render(&s);
    let color = format!("#{:02X}{:02X}{:02X}", BASELINE_COLOR.0, BASELINE_COLOR.1, BASELINE_COLOR.2);
    assert!(polylines_in(&svg, &color) > 9, "dashes are many short segments");
    assert!(has_text(&svg, "前回 Previous"));
}

#[test]
fn dark_mode_uses_a_dark_background() {
    let mut s = spec(true, current());
    s.dark = true;
    let svg = render(&s);
    assert!(svg.contains("fill=\"#1F242B\""));
    assert!(!svg.contains("fill=\"#FFFFFF\""));
    assert!(svg.contains("fill=\"#799FD9\""), "series lightened: {:?}", series_color(CURRENT_COLOR, true));
}

#[test]
fn degenerate_charts_render() {
    for n in [0, 1, 2] {
        let labels = (0..n).map(|i| format!("L{i}")).collect();
        let svg = render(&RadarSpec::new(labels, vec![RadarSeries::current("c", vec![Some(2.0); n])]));
        assert!(svg.contains("</svg>"), "{n} axes");
    }
    assert!(radar_svg(0, 0, &spec(true, current())).is_ok(), "zero-sized area");
}
