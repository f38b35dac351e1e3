//! The order of an assessment's snapshots, newest first.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::Assessment;

/// An assessment with snapshots taken at `times`, in that order.
fn taken_at(times: &[&str]) -> Assessment {
    let mut a = Assessment::new("S", "", ts("2025-01-01T00:00:00Z"));
    for (i, t) in times.iter().enumerate() {
        a.take_snapshot(&format!("snapshot {i}"), ts(t)).expect("room for a snapshot");
    }
    a
}

#[test]
fn newest_first_orders_by_time_taken() {
    let a = taken_at(&["2025-10-01T00:00:00Z", "2025-04-01T00:00:00Z", "2026-04-01T00:00:00Z"]);
    assert_eq!(a.snapshots_newest_first(), [2, 0, 1]);
}

#[test]
fn newest_first_compares_instants_across_offsets() {
    let a = taken_at(&["2025-04-01T08:00:00Z", "2025-04-01T10:00:00+09:00"]);
    assert_eq!(a.snapshots_newest_first(), [0, 1], "10:00 in Japan is 01:00 UTC");
}

#[test]
fn newest_first_puts_the_later_of_equal_times_first() {
    let a = taken_at(&["2025-04-01T00:00:00Z", "2026-04-01T00:00:00Z", "2025-04-01T00:00:00Z"]);
    assert_eq!(a.snapshots_newest_first(), [1, 2, 0]);
}

#[test]
fn newest_first_is_oldest_first_reversed() {
    let a = taken_at(&["2025-04-01T00:00:00Z", "2026-04-01T00:00:00Z", "2025-04-01T00:00:00Z", "2024-01-01T00:00:00Z"]);
    let labels =
        |order: Vec<usize>| -> Vec<String> { order.into_iter().map(|i| a.snapshots[i].label.clone()).collect() };
    let mut oldest_first: Vec<String> = a.snapshots_by_date().iter().map(|s| s.label.clone()).collect();
    oldest_first.reverse();
    assert_eq!(labels(a.snapshots_newest_first()), oldest_first);
}

#[test]
fn newest_snapshot_is_the_first_of_newest_first() {
    let a = taken_at(&["2025-04-01T00:00:00Z", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", "2024-01-01T00:00:00Z"]);
    assert_eq!(a.newest_snapshot(), Some(2));
}

#[test]
fn no_snapshots_means_no_newest_snapshot() {
    assert_eq!(taken_at(&[]).newest_snapshot(), None);
}

#[test]
fn sample_newest_snapshot_is_its_only_one() {
    assert_eq!(read_ok(&sample_text()).newest_snapshot(), Some(0));
}
