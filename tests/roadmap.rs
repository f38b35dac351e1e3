//! The roadmap: quarters, the projection rule and plan against reality, with every
//! figure worked out by hand in the comments (docs/exchange-format.md, "Roadmap").

mod common;

use common::{id, read_err, read_ok};
use x1060_assess::model::exchange::{self, Layout};
use x1060_assess::model::roadmap::{
    due_in, plan_against_reality, projected_score, projection, quarters, Quarter, MAX_QUARTERS,
};
use x1060_assess::model::{Assessment, Date, Lang, PlanItem, PlanStatus, Rating, Score, ServiceAssessment};

fn date(s: &str) -> Date {
    Date::parse(s).expect("a date in test")
}

fn quarter(s: &str) -> Quarter {
    Quarter::parse(s).expect("a quarter in test")
}

fn rating(n: i64) -> Option<Rating> {
    Rating::new(n)
}

fn rated(n: i64) -> Option<Score> {
    rating(n).map(Score::Rated)
}

fn document(services: &str, plan: &str) -> String {
    format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"R",
        "services":{services},"plan":{plan}}}"#
    )
}

/// The scenario of the tests below; today is 2027-01-05 (2027-Q1).
///
/// | service | level | current | target | plan item |
/// | --- | --- | --- | --- | --- |
/// | A-1 | basic | 2 | 4 | due 2027-02-15, open, expected 3 |
/// | A-2 | basic | 1 | 3 | due 2027-05-10, in progress (target: 3) |
/// | A-3 | basic | 4 | 5 | due 2027-01-10, expected 2 (below the current: stays 4) |
/// | A-4 | basic | n/a | 3 | due 2027-01-01 (n/a stays n/a) |
/// | A-5 | basic | — | 2 | due 2027-08-01 (absent current: becomes 2) |
/// | A-6 | basic | 3 | n/a | due 2027-01-01 (no integer target, no expected: stays 3) |
/// | A-7 | basic | 1 | 5 | done, due 2027-01-01, expected 5 (done: in the current already) |
/// | B-1 | basic | 2 | 4 | due 2027-03-31 (the quarter's last day), expected 4 |
/// | B-2 | not required | 1 | — | due 2027-01-01, expected 5 (out of scope) |
fn scenario() -> Assessment {
    read_ok(&document(
        r#"[
        {"id":"A-1","level":"basic","current":2,"target":4},
        {"id":"A-2","level":"basic","current":1,"target":3},
        {"id":"A-3","level":"basic","current":4,"target":5},
        {"id":"A-4","level":"basic","current":"n/a","target":3},
        {"id":"A-5","level":"basic","target":2},
        {"id":"A-6","level":"basic","current":3,"target":"n/a"},
        {"id":"A-7","level":"basic","current":1,"target":5},
        {"id":"B-1","level":"basic","current":2,"target":4},
        {"id":"B-2","level":"not_required","current":1}]"#,
        r#"[
        {"id":"A-1","action":"a","due":"2027-02-15","status":"open","expected":3},
        {"id":"A-2","action":"a","due":"2027-05-10","status":"in_progress"},
        {"id":"A-3","action":"a","due":"2027-01-10","status":"open","expected":2},
        {"id":"A-4","action":"a","due":"2027-01-01","status":"open"},
        {"id":"A-5","action":"a","due":"2027-08-01","status":"open"},
        {"id":"A-6","action":"a","due":"2027-01-01","status":"open"},
        {"id":"A-7","action":"a","due":"2027-01-01","status":"done","expected":5},
        {"id":"B-1","action":"a","due":"2027-03-31","status":"open","expected":4},
        {"id":"B-2","action":"a","due":"2027-01-01","status":"open","expected":5}]"#,
    ))
}

/// Category A's, category B's and the overall projected current means at `at`.
fn means(a: &Assessment, at: &str) -> (String, String, String) {
    let s = projection(a, &date(at));
    let text = |c: &str| s.category(c).and_then(|c| c.current.display()).unwrap_or_default();
    (text("A"), text("B"), s.current.display().unwrap_or_default())
}

fn owned(a: &str, b: &str, o: &str) -> (String, String, String) {
    (a.to_owned(), b.to_owned(), o.to_owned())
}

#[test]
fn quarters_are_calendar_quarters() {
    assert_eq!(Quarter::of(&date("2027-03-31")), quarter("2027-Q1"));
    assert_eq!(Quarter::of(&date("2027-04-01")), quarter("2027-Q2"));
    assert_eq!(Quarter::of(&date("2027-12-31")), quarter("2027-Q4"));
    let last = |q: &str| quarter(q).last_day().map(|d| d.to_string());
    assert_eq!(last("2027-Q1").as_deref(), Some("2027-03-31"));
    assert_eq!(last("2027-Q2").as_deref(), Some("2027-06-30"));
    assert_eq!(last("2027-Q3").as_deref(), Some("2027-09-30"));
    assert_eq!(last("2027-Q4").as_deref(), Some("2027-12-31"));
    assert_eq!(quarter("2028-Q1").first_day().map(|d| d.to_string()).as_deref(), Some("2028-01-01"));
    assert!(quarter("2028-Q1").holds(&date("2028-02-29")), "a leap day is in its quarter");
    assert_eq!(quarter("2027-Q4").next(), quarter("2028-Q1"));
    assert_eq!(quarter("2027-Q2").to_string(), "2027-Q2");
    for bad in ["2027-Q0", "2027-Q5", "27-Q1", "2027-q1", "2027-Q1x", "2027Q1", "", "abcd-Q1"] {
        assert_eq!(Quarter::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn the_roadmap_runs_from_today_to_the_latest_due_date() {
    let a = scenario();
    let q = quarters(&a.plan, &date("2027-01-05"));
    assert_eq!(q.list, vec![quarter("2027-Q1"), quarter("2027-Q2"), quarter("2027-Q3")]);
    assert!(!q.cut);
    // No plan, or due dates only in the past: today's quarter alone.
    assert_eq!(quarters(&Default::default(), &date("2027-01-05")).list, vec![quarter("2027-Q1")]);
    let past = read_ok(&document("[]", r#"[{"id":"A-1","action":"a","due":"2020-01-01"}]"#));
    assert_eq!(quarters(&past.plan, &date("2027-01-05")).list, vec![quarter("2027-Q1")]);
}

#[test]
fn more_than_twelve_quarters_are_cut_and_said() {
    let far = read_ok(&document("[]", r#"[{"id":"A-1","action":"a","due":"2031-01-01"}]"#));
    let q = quarters(&far.plan, &date("2027-01-05"));
    assert_eq!(q.list.len(), MAX_QUARTERS);
    assert_eq!(q.list.last(), Some(&quarter("2029-Q4")));
    assert!(q.cut);
    // Exactly twelve: 2027-Q1 .. 2029-Q4.
    let twelve = read_ok(&document("[]", r#"[{"id":"A-1","action":"a","due":"2029-12-31"}]"#));
    let q = quarters(&twelve.plan, &date("2027-01-05"));
    assert_eq!((q.list.len(), q.cut), (12, false));
}

#[test]
fn projected_means_per_quarter_worked_by_hand() {
    let a = scenario();
    // Today: A = (2+1+4+3+1)/5 = 11/5 = 2.20; B = 2/1; overall 13/6 = 2.1666… → 2.17.
    assert_eq!(means(&a, "2027-01-04"), owned("2.20", "2.00", "2.17"));
    // 2027-Q1 ends 03-31: A-1 → 3, B-1 → 4 (due that very day), A-3 stays 4 (expected 2 is
    // lower), A-4 stays n/a, A-6 stays 3, A-7 done. A = (3+1+4+3+1)/5 = 2.40;
    // overall (12+4)/6 = 2.666… → 2.67.
    assert_eq!(means(&a, "2027-03-31"), owned("2.40", "4.00", "2.67"));
    // The day before B-1 is due, it is still 2.
    assert_eq!(means(&a, "2027-03-30"), owned("2.40", "2.00", "2.33"));
    // 2027-Q2: A-2 → its target 3. A = (3+3+4+3+1)/5 = 2.80; overall 18/6 = 3.00.
    assert_eq!(means(&a, "2027-06-30"), owned("2.80", "4.00", "3.00"));
    // 2027-Q3: A-5 (no current) → its target 2, now counted. A = 16/6 = 2.666… → 2.67;
    // overall 20/7 = 2.857… → 2.86.
    assert_eq!(means(&a, "2027-09-30"), owned("2.67", "4.00", "2.86"));
    // Targets never move.
    let today = projection(&a, &date("2027-01-04"));
    let later = projection(&a, &date("2027-09-30"));
    assert_eq!(today.target, later.target);
}

#[test]
fn the_projection_rule_case_by_case() {
    let state =
        |current: Option<Score>, target: Option<Score>| ServiceAssessment { current, target, ..Default::default() };
    let item = |expected: Option<Rating>, status: PlanStatus, due: Option<&str>| PlanItem {
        action: "a".to_owned(),
        due: due.map(date),
        status,
        expected,
        ..Default::default()
    };
    let at = date("2027-03-31");
    let open = |expected| item(expected, PlanStatus::Open, Some("2027-03-31"));
    let p = |s: &ServiceAssessment, i: &PlanItem| projected_score(Some(s), Some(i), &at);
    assert_eq!(p(&state(rated(2), rated(4)), &open(None)), rated(4), "the target when no expected");
    assert_eq!(p(&state(rated(2), rated(4)), &open(rating(3))), rated(3), "the expected score");
    assert_eq!(p(&state(rated(4), rated(5)), &open(rating(2))), rated(4), "never lowered");
    assert_eq!(p(&state(None, rated(3)), &open(None)), rated(3), "absent current");
    assert_eq!(p(&state(Some(Score::NotApplicable), rated(3)), &open(rating(5))), Some(Score::NotApplicable));
    assert_eq!(p(&state(rated(2), Some(Score::NotApplicable)), &open(None)), rated(2), "no integer target");
    assert_eq!(p(&state(None, None), &open(None)), None, "nothing to go to");
    assert_eq!(p(&state(rated(2), rated(4)), &item(None, PlanStatus::Done, Some("2027-01-01"))), rated(2), "done");
    assert_eq!(p(&state(rated(2), rated(4)), &item(None, PlanStatus::Open, None)), rated(2), "no due date");
    assert_eq!(
        p(&state(rated(2), rated(4)), &item(None, PlanStatus::Open, Some("2027-04-01"))),
        rated(2),
        "due the day after"
    );
    assert_eq!(projected_score(None, Some(&open(rating(3))), &at), rated(3), "a service with no state yet");
}

#[test]
fn due_actions_per_quarter_with_overdue_ones_marked() {
    let a = scenario();
    let today = date("2027-01-05");
    let q1 = due_in(&a.plan, quarter("2027-Q1"), &today);
    let listed: Vec<(&str, bool, bool)> = q1.iter().map(|d| (d.service.as_str(), d.overdue, d.done)).collect();
    assert_eq!(
        listed,
        [
            ("A-4", true, false),
            ("A-6", true, false),
            ("A-7", false, true),
            ("B-2", true, false),
            ("A-3", false, false),
            ("A-1", false, false),
            ("B-1", false, false)
        ]
    );
    let q2: Vec<String> = due_in(&a.plan, quarter("2027-Q2"), &today).iter().map(|d| d.service.to_string()).collect();
    assert_eq!(q2, ["A-2"]);
    let q3: Vec<String> = due_in(&a.plan, quarter("2027-Q3"), &today).iter().map(|d| d.service.to_string()).collect();
    assert_eq!(q3, ["A-5"]);
}

/// Two snapshots: the first with its plan, the second taken after 2027-Q1 ended.
fn with_snapshots(later_taken: &str) -> Assessment {
    read_ok(&format!(
        r#"{{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"R",
        "services":[],
        "snapshots":[
          {{"label":"Jan","taken":"2027-01-05T09:00:00+09:00","services":[
            {{"id":"A-1","level":"basic","current":2,"target":4}},
            {{"id":"A-2","level":"basic","current":1,"target":3}},
            {{"id":"B-1","level":"basic","current":2,"target":4}}],
           "plan":[
            {{"id":"A-1","action":"a","due":"2027-02-15","expected":3}},
            {{"id":"A-2","action":"a","due":"2027-05-10"}},
            {{"id":"B-1","action":"a","due":"2027-03-31","expected":4}}]}},
          {{"label":"Apr","taken":"{later_taken}","services":[
            {{"id":"A-1","level":"basic","current":3,"target":4}},
            {{"id":"A-2","level":"basic","current":1,"target":3}},
            {{"id":"B-1","level":"basic","current":2,"target":4}}],
           "plan":[]}}]}}"#
    ))
}

#[test]
fn plan_against_reality_for_a_quarter_that_ended_between_two_snapshots() {
    let a = with_snapshots("2027-04-02T09:00:00Z");
    let checks = plan_against_reality(&a, &a.snapshots[0], &a.snapshots[1]);
    assert_eq!(checks.len(), 1);
    let c = &checks[0];
    assert_eq!(c.quarter, quarter("2027-Q1"));
    // Projected at 03-31 from January: A-1 3, A-2 1 (due in May), B-1 4: (3+1+4)/3 = 2.67.
    assert_eq!(c.projected.current.display().as_deref(), Some("2.67"));
    // April holds A-1 3, A-2 1, B-1 2: 6/3 = 2.00.
    assert_eq!(c.actual.current.display().as_deref(), Some("2.00"));
    // A-1 reached its expected 3; B-1 was due and is still 2; A-2 was not due yet.
    assert_eq!(c.late, vec![id("B-1")]);
    // Taken on the quarter's last day: the quarter has not ended, nothing to check.
    let same_day = with_snapshots("2027-03-31T20:00:00Z");
    assert!(plan_against_reality(&same_day, &same_day.snapshots[0], &same_day.snapshots[1]).is_empty());
    // A snapshot without a plan projects nothing.
    let mut without = a.clone();
    without.snapshots[0].plan = None;
    assert!(plan_against_reality(&without, &without.snapshots[0], &without.snapshots[1]).is_empty());
}

#[test]
fn expected_scores_and_snapshot_plans_round_trip() {
    let mut a = with_snapshots("2027-04-02T09:00:00Z");
    a.plan = scenario().plan;
    for layout in [Layout::Pretty, Layout::Compact] {
        let back = read_ok(&exchange::write(&a, layout));
        assert_eq!(back, a);
    }
    assert_eq!(a.plan[&id("A-1")].expected, rating(3));
    assert_eq!(a.snapshots[1].plan.as_ref().map(|p| p.len()), Some(0), "an empty plan is kept as empty");
    // A snapshot taken in the app keeps the plan as it was.
    let mut b = scenario();
    b.take_snapshot("now", common::ts("2027-01-06T00:00:00Z")).expect("within the limits");
    assert_eq!(b.snapshots[0].plan.as_ref(), Some(&b.plan));
}

#[test]
fn a_bad_expected_score_is_refused_with_its_path() {
    for (bad, shown) in [("\"n/a\"", "\"n/a\""), ("0", "0"), ("6", "6"), ("2.5", "2.5"), ("\"3\"", "\"3\"")] {
        let e = read_err(&document("[]", &format!(r#"[{{"id":"A-1","action":"a","expected":{bad}}}]"#)));
        let message = e.message(Lang::En);
        assert!(
            message.contains(&format!(
                "plan[0].expected (service A-1): must be an integer from 1 to 5 or null, found {shown}"
            )),
            "{message}"
        );
        assert!(e.message(Lang::Ja).contains("1〜5 の整数か null"), "{}", e.message(Lang::Ja));
    }
    let e = read_err(
        r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"R","services":[],
        "snapshots":[{"label":"s","taken":"2027-01-01T00:00:00Z","services":[],
        "plan":[{"id":"Z-9","action":"a"}]}]}"#,
    );
    assert!(e.message(Lang::En).contains("snapshots[0].plan[0].id"), "{}", e.message(Lang::En));
    // null is no expected score.
    let a = read_ok(&document("[]", r#"[{"id":"A-1","action":"a","expected":null}]"#));
    assert_eq!(a.plan[&id("A-1")].expected, None);
}

#[test]
fn the_table_of_means_lists_categories_then_the_overall_today_each_projection_target() {
    use x1060_assess::model::roadmap::{mean_rows, OVERALL};
    let a = scenario();
    let today = projection(&a, &date("2027-01-04"));
    let ahead = [projection(&a, &date("2027-03-31")), projection(&a, &date("2027-06-30"))];
    let rows = mean_rows(&today, &ahead);
    let ids: Vec<&str> = rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["A", "B", "C", "D", "E", "F", "G", "H", "I", OVERALL]);
    let text = |id: &str| -> Vec<String> {
        rows.iter().find(|r| r.id == id).map(|r| r.means.iter().map(|m| m.text()).collect()).unwrap_or_default()
    };
    // A: today 2.20, Q1 2.40, Q2 2.80 (as worked above), target (4+3+5+3+2+5)/6 = 3.67.
    assert_eq!(text("A"), ["2.20", "2.40", "2.80", "3.67"]);
    // Overall: 2.17, 2.67, 3.00, target (22+4)/7 = 3.71.
    assert_eq!(text(OVERALL), ["2.17", "2.67", "3.00", "3.71"]);
}
