//! The improvement plan: which services it lists, in which order, and its CSV.

mod common;

use common::{read_ok, sample_text};
use x1060_assess::model::csv::plan_csv;
use x1060_assess::model::plan::plan_rows;
use x1060_assess::model::{Date, PlanStatus};

const HEAD: &str = r#""format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"P""#;

#[test]
fn lists_gaps_largest_first_then_other_items() {
    let a = read_ok(&format!(
        r#"{{{HEAD},"services":[
        {{"id":"A-1","level":"optional","current":1,"target":3}},
        {{"id":"A-2","level":"basic","current":1,"target":3}},
        {{"id":"B-1","level":"standard","current":1,"target":5}},
        {{"id":"C-1","level":"basic","current":3,"target":3}},
        {{"id":"C-2","level":"not_required","current":1,"target":5}}],
        "plan":[{{"id":"C-1","action":"Keep it up","status":"done"}},{{"id":"A-2","action":"Write it down"}}]}}"#
    ));
    let rows = plan_rows(&a);
    let ids: Vec<(&str, bool)> = rows.iter().map(|r| (r.service.id, r.has_gap)).collect();
    assert_eq!(ids, [("B-1", true), ("A-2", true), ("A-1", true), ("C-1", false)]);
    assert_eq!(rows[1].item.map(|i| i.action.as_str()), Some("Write it down"));
    assert_eq!(rows[0].gap, Some(4));
    assert_eq!(rows[3].item.map(|i| i.status), Some(PlanStatus::Done));
}

#[test]
fn plan_csv_has_bom_header_and_marks_overdue() {
    let a = read_ok(&format!(
        r#"{{{HEAD},"services":[{{"id":"A-2","level":"basic","current":1,"target":3}},{{"id":"B-1","level":"basic","current":2,"target":3}}],
        "plan":[{{"id":"A-2","action":"=cmd, \"quoted\"","owner":"SOC","due":"2026-01-31","status":"in_progress","expected":2}}]}}"#
    ));
    let csv = plan_csv(&a, &Date::parse("2026-11-26").expect("date"));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}id,category,name_ja,name_en,level,current,target,gap,action,owner,due,status,overdue,expected"
    );
    assert_eq!(
        lines[1],
        "A-2,A,リスクアセスメント,Risk assessment,basic,1,3,2,\"'=cmd, \"\"quoted\"\"\",SOC,2026-01-31,in_progress,yes,2"
    );
    assert_eq!(lines[2], "B-1,B,リアルタイム監視,Real time asset monitoring,basic,2,3,1,,,,,,");
    assert_eq!(lines[3], "", "ends with CRLF");
    assert_eq!(lines.len(), 4);
}

#[test]
fn sample_plan_rows_include_items_without_a_gap() {
    let a = read_ok(&sample_text());
    let rows = plan_rows(&a);
    // The penetration test, done: E-5 is at its target.
    let e5 = rows.iter().find(|r| r.service.id == "E-5").expect("E-5 has a plan item");
    assert!(!e5.has_gap);
    assert!(rows.iter().filter(|r| r.has_gap).all(|r| r.gap.is_some_and(|g| g > 0)));
}
