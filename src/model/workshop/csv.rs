//! The per-service comparison as CSV for spreadsheets: one row per service and
//! field, one column per assessor, then the merged value and whether it is a
//! disagreement. UTF-8 with a byte order mark and CRLF, like the services CSV.

use super::compare::AssessorComparison;
use super::merge::{merged_states, Decisions};
use crate::model::csv::{csv_row, text_cell};
use crate::model::{Level, Score, ServiceAssessment, Sourcing};

/// The fields compared, by their exchange-format names.
const FIELDS: [&str; 4] = ["level", "sourcing", "current", "target"];

fn value(state: &ServiceAssessment, field: &str) -> String {
    let score = |s: Option<Score>| s.map(Score::as_code).unwrap_or_default();
    match field {
        "level" => state.level.map(Level::as_str).unwrap_or_default().to_owned(),
        "sourcing" => state.sourcing.map(Sourcing::as_str).unwrap_or_default().to_owned(),
        "current" => score(state.current),
        _ => score(state.target),
    }
}

/// The comparison as CSV (see the module documentation).
pub fn comparison_csv(comparison: &AssessorComparison, decisions: &Decisions) -> String {
    let merged = merged_states(comparison, decisions);
    let labels: Vec<String> = comparison.labels.iter().map(|l| text_cell(l).into_owned()).collect();
    let mut header: Vec<&str> = vec!["id", "category", "field"];
    header.extend(labels.iter().map(String::as_str));
    header.extend(["merged", "disagreement"]);
    let mut out = String::from('\u{feff}');
    out.push_str(&csv_row(&header));
    let blank = ServiceAssessment::default();
    for row in &comparison.rows {
        let merged_state = merged.get(row.id.as_str()).unwrap_or(&blank);
        let d = row.disagreement;
        for (field, differs) in FIELDS.into_iter().zip([d.level, d.sourcing, d.current, d.target]) {
            let mut cells: Vec<String> = vec![row.id.to_string(), row.category.clone(), field.to_owned()];
            cells.extend(row.states.iter().map(|s| value(s, field)));
            cells.push(value(merged_state, field));
            cells.push(if differs { "yes".to_owned() } else { String::new() });
            out.push_str(&csv_row(&cells.iter().map(String::as_str).collect::<Vec<_>>()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::{compare, template, Participant};
    use crate::model::{Assessment, Rating, ServiceId, Timestamp};

    #[test]
    fn one_column_per_assessor_and_the_merged_value() {
        let now = Timestamp::parse("2026-01-01T00:00:00Z").expect("a valid time");
        let base = template(&Assessment::new("x", "", now.clone()), "R", now);
        let with = |who: &str, current: i64| {
            let mut a = base.clone();
            a.workshop.as_mut().expect("a workshop copy").assessor = who.into();
            a.services.insert(
                ServiceId::parse("A-1").expect("a valid service id"),
                ServiceAssessment {
                    level: Some(Level::Basic),
                    current: Some(Score::Rated(Rating::new(current).expect("a rating 1 to 5"))),
                    ..Default::default()
                },
            );
            a
        };
        let (a, b) = (with("=Ann", 1), with("Bo, Jr", 4));
        let c = compare(&[Participant::of(&a), Participant::of(&b)]);
        let csv = comparison_csv(&c, &Decisions::default());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        // The label that looks like a formula is made text; the comma quoted.
        assert_eq!(lines[0], "id,category,field,'=Ann,\"Bo, Jr\",merged,disagreement");
        assert_eq!(lines[1], "A-1,A,level,basic,basic,basic,");
        // 1 and 4: span 3, lower median 1.
        assert_eq!(lines[3], "A-1,A,current,1,4,1,yes");
        assert_eq!(lines.len(), 6);
    }
}
