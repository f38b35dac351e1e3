//! Both charts render byte for byte as recorded: a fixed set of radar and trend specs
//! (light and dark, with and without a legend, Japanese labels, several series including a
//! dashed baseline, an odd font) is drawn to SVG and compared with tests/golden/chart/*.svg.
//!
//! The goldens pin the whole picture, so a refactoring of the drawing code must leave them
//! unchanged. After a deliberate change of the look, record them again with
//! `UPDATE_GOLDEN=1 cargo test --test chart_golden` and review the diff.

mod common;

use std::path::PathBuf;

use common::category_labels;
use x1060_assess::chart::{radar_svg, trend_svg, RadarSeries, RadarSpec, TrendSeries, TrendSpec};

fn current9() -> Vec<Option<f64>> {
    vec![Some(1.0), Some(2.5), Some(3.0), None, Some(4.0), Some(0.0), Some(5.0), Some(2.0), Some(1.5)]
}

fn target9() -> Vec<Option<f64>> {
    vec![Some(3.0), Some(3.5), Some(4.0), Some(3.0), Some(4.5), Some(2.0), Some(5.0), Some(3.0), Some(2.5)]
}

fn baseline9() -> Vec<Option<f64>> {
    vec![Some(0.5), Some(2.0), Some(2.0), Some(1.0), None, Some(0.0), Some(4.0), Some(1.0), Some(1.0)]
}

/// Baseline, target and current, in the order the app's radar draws them.
fn radar_three<'a>(japanese: bool) -> RadarSpec<'a> {
    let (base, target, current) =
        if japanese { ("前回 2025-04-01", "目標", "現状") } else { ("Baseline 2025-04-01", "Target", "Current") };
    RadarSpec::new(
        category_labels(japanese),
        vec![
            RadarSeries::baseline(base, baseline9()),
            RadarSeries::target(target, target9()),
            RadarSeries::current(current, current9()),
        ],
    )
}

/// Four assessors of a workshop, as the spread page draws them.
fn radar_peers<'a>() -> RadarSpec<'a> {
    let series = ["佐藤", "Suzuki", "高橋 T.", "Tanaka"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let values = (0..9).map(|axis| Some(((axis * 7 + i * 3) % 11) as f64 / 2.0)).collect();
            RadarSeries::peer(name, values, i)
        })
        .collect();
    RadarSpec::new(category_labels(false), series)
}

/// Four snapshots and the working state.
fn trend_labels(japanese: bool) -> Vec<String> {
    let labels: [&str; 5] = if japanese {
        ["2024年度", "2025年度", "2026-01-15 監査前", "2026-04-01", "現在"]
    } else {
        ["FY2024", "FY2025", "2026-01-15 before the audit", "2026-04-01", "Now"]
    };
    labels.map(String::from).to_vec()
}

/// Target, current (with a gap) and a dashed baseline.
fn trend_three<'a>(japanese: bool) -> TrendSpec<'a> {
    let (target, current, base) =
        if japanese { ("目標", "現状", "比較 基準") } else { ("Target", "Current", "Baseline") };
    TrendSpec::new(
        trend_labels(japanese),
        vec![
            TrendSeries::target(target, vec![Some(3.0); 5]),
            TrendSeries::current(current, vec![Some(1.0), Some(2.0), None, Some(3.0), Some(3.5)]),
            TrendSeries::baseline(base, vec![Some(1.5), Some(1.5), Some(2.0), None, Some(2.5)]),
        ],
    )
}

/// Twelve points in a small area: x labels thinned, one isolated value.
fn trend_crowded<'a>() -> TrendSpec<'a> {
    let labels = (1..=12).map(|m| format!("2025-{m:02}")).collect();
    let current = (0..12).map(|i| if i == 5 { None } else { Some(f64::from(i) * 0.45) }).collect();
    let isolated = (0..12).map(|i| if i == 8 { Some(4.2) } else { None }).collect();
    TrendSpec::new(
        labels,
        vec![
            TrendSeries::current("Current", current),
            TrendSeries::new("Isolated", isolated, plotters::style::RGBColor(0, 158, 115), false),
        ],
    )
}

/// The cases: name, and the SVG the current code renders for it.
fn cases() -> Vec<(&'static str, String)> {
    let radar = |w, h, spec: RadarSpec| radar_svg(w, h, &spec).expect("radar renders");
    let trend = |w, h, spec: TrendSpec| trend_svg(w, h, &spec).expect("trend renders");
    vec![
        ("radar-light-en-legend", radar(720, 480, radar_three(false))),
        ("radar-dark-ja-legend", radar(720, 480, RadarSpec { dark: true, ..radar_three(true) })),
        ("radar-light-ja-no-legend", radar(480, 480, RadarSpec { legend: false, ..radar_three(true) })),
        ("radar-dark-peers", radar(600, 420, RadarSpec { dark: true, ..radar_peers() })),
        (
            "radar-odd-font",
            radar(
                520,
                400,
                RadarSpec { font_family: "Noto\u{1}Sans", font_size: 16.0, label_wrap: 0, ..radar_three(false) },
            ),
        ),
        (
            "radar-two-axes",
            radar(
                360,
                300,
                RadarSpec::new(
                    vec!["A <one> & \"two\"".into(), "B".into()],
                    vec![RadarSeries::current("now\u{2}", vec![Some(2.0), None])],
                ),
            ),
        ),
        ("trend-light-en-legend", trend(720, 360, trend_three(false))),
        ("trend-dark-ja-legend", trend(720, 360, TrendSpec { dark: true, ..trend_three(true) })),
        ("trend-light-ja-no-legend", trend(640, 300, TrendSpec { legend: false, ..trend_three(true) })),
        ("trend-dark-crowded", trend(320, 220, TrendSpec { dark: true, ..trend_crowded() })),
        ("trend-odd-font", trend(560, 320, TrendSpec { font_family: "serif", font_size: 17.0, ..trend_three(false) })),
    ]
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden").join("chart")
}

/// The first line where `a` and `b` differ, as it is in each.
fn first_difference(a: &str, b: &str) -> String {
    let (mut lines_a, mut lines_b) = (a.lines(), b.lines());
    for number in 1.. {
        match (lines_a.next(), lines_b.next()) {
            (Some(x), Some(y)) if x == y => {}
            (None, None) => break,
            (x, y) => return format!("line {number}:\nexpected {x:?}\nrendered {y:?}"),
        }
    }
    "only in line endings".to_owned()
}

#[test]
fn charts_render_as_recorded() {
    let dir = golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for (name, svg) in cases() {
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::create_dir_all(&dir).expect("golden dir");
            std::fs::write(&path, &svg).expect("write golden");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == svg => {}
            Ok(expected) => failures.push(format!("{name}: differs at {}", first_difference(&expected, &svg))),
            Err(e) => failures.push(format!("{name}: cannot read {}: {e}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the charts differ from tests/golden/chart (UPDATE_GOLDEN=1 records them again):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_golden_file_is_a_case() {
    let names: Vec<String> = cases().into_iter().map(|(name, _)| format!("{name}.svg")).collect();
    let Ok(entries) = std::fs::read_dir(golden_dir()) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        assert!(names.contains(&file), "tests/golden/chart/{file} belongs to no case; remove it");
    }
}
