//! A chart fits the width the page shows it at (issue 21): its drawing size for that
//! width, and a radar's labels: the full names where they fit around it, else the
//! short labels (id and figures), else the ids, never overlapping each other, the
//! legend or the edge.

mod common;

use common::category_labels;
use x1060_assess::chart::{
    axis_labels, display_size, label_id, labels_for, one_decimal, radar_svg, AxisLabels, RadarSeries, RadarSpec,
    DEFAULT_FONT_SIZE,
};

fn spec<'a>(japanese: bool) -> RadarSpec<'a> {
    let mut spec = RadarSpec::new(
        category_labels(japanese),
        vec![RadarSeries::target("Target", vec![Some(4.0); 9]), RadarSeries::current("Current", vec![Some(2.5); 9])],
    );
    spec.short_labels = Some(('A'..='I').map(|id| format!("{id} 2.5→4.0")).collect());
    spec
}

/// The lines of an SVG document (plotters writes each text on a line of its own).
fn texts(svg: &str) -> Vec<&str> {
    svg.lines().map(str::trim).collect()
}

#[test]
fn a_chart_is_drawn_at_the_width_it_is_shown_at() {
    assert_eq!(display_size((720, 480), 720), (720, 480), "full size: as nominal");
    assert_eq!(display_size((720, 480), 1000), (1000, 667), "wider: the same proportions");
    assert_eq!(display_size((720, 480), 600), (600, 480), "narrower: keeps its height up to square");
    assert_eq!(display_size((720, 480), 369), (369, 369), "a phone: square");
    assert_eq!(display_size((720, 360), 369), (369, 360), "a flat chart: its nominal height at most");
    assert_eq!(display_size((200, 180), 171), (171, 171));
    assert_eq!(display_size((720, 480), 0), (720, 480), "not laid out: nominal");
}

#[test]
fn the_id_of_an_axis_label() {
    assert_eq!(label_id("A Strategic management of CDC"), "A");
    assert_eq!(label_id("B-2 即時分析"), "B-2");
    assert_eq!(label_id("Alone"), "Alone");
    assert_eq!(label_id(""), "");
}

#[test]
fn full_names_where_they_fit() {
    for japanese in [false, true] {
        assert_eq!(axis_labels(&spec(japanese), 720, 480), AxisLabels::Names, "the nominal size (ja: {japanese})");
        assert_eq!(axis_labels(&spec(japanese), 1000, 667), AxisLabels::Names);
    }
}

#[test]
fn on_a_phone_the_id_and_figures_at_13_px() {
    // The dashboard's radar on a 390 px phone: 369 CSS px wide, drawn square, 13 px text.
    assert_eq!(DEFAULT_FONT_SIZE, 13.0, "labels at 13 CSS px (at least 12) on any screen");
    for japanese in [false, true] {
        let s = spec(japanese);
        assert_eq!(axis_labels(&s, 369, 369), AxisLabels::Short, "ja: {japanese}");
        assert_eq!(labels_for(&s, AxisLabels::Short)[0], "A 2.5→4.0");
        let svg = radar_svg(369, 369, &s).expect("renders");
        assert!(texts(&svg).contains(&"A 2.5→4.0"), "the short label is drawn");
        assert!(!svg.contains("Strategic"), "not the name");
    }
}

#[test]
fn ids_where_even_the_short_labels_do_not_fit() {
    let s = spec(false);
    assert_eq!(axis_labels(&s, 171, 171), AxisLabels::Ids, "a roadmap quarter on a phone");
    assert_eq!(labels_for(&s, AxisLabels::Ids), ('A'..='I').map(String::from).collect::<Vec<_>>());
    let plain = RadarSpec { short_labels: None, ..spec(false) };
    assert_eq!(axis_labels(&plain, 369, 369), AxisLabels::Ids, "no short labels: the ids");
    let svg = radar_svg(171, 171, &s).expect("renders");
    assert!(texts(&svg).contains(&"A") && texts(&svg).contains(&"I"), "ids drawn");
}

#[test]
fn a_wide_legend_pushes_names_out() {
    // A legend row as wide as the chart's corner meets the label of the last axis.
    let mut s = spec(false);
    s.series[0].label = "Projected at the end of the second quarter of 2027, with every open action done";
    assert_ne!(axis_labels(&s, 720, 480), AxisLabels::Names);
    s.legend = false;
    assert_eq!(axis_labels(&s, 720, 480), AxisLabels::Names, "without the legend they fit");
}

#[test]
fn figures_with_one_decimal() {
    assert_eq!(one_decimal(2.5), "2.5");
    assert_eq!(one_decimal(4.0), "4.0");
    assert_eq!(one_decimal(3.04), "3.0");
    assert_eq!(one_decimal(3.96), "4.0");
    assert_eq!(one_decimal(2.75), "2.8", "half up");
    assert_eq!(one_decimal(13.0), "13.0");
    assert_eq!(one_decimal(0.04), "0.0");
    assert_eq!(one_decimal(-0.3), "-0.3");
    assert_eq!(one_decimal(f64::NAN), "–");
}
