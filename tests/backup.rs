//! Backup files: many assessments in one file, read back exactly; problems named
//! with the assessment they are in.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::exchange::{read_any, write_backup, BackupContents, Document};
use x1060_assess::model::{Assessment, Lang};

fn backup_of(list: &[&Assessment]) -> String {
    write_backup(list, &ts("2026-11-26T00:00:00Z"))
}

#[test]
fn backup_round_trips_every_assessment() {
    let sample = read_ok(&sample_text());
    let empty = Assessment::new("Empty", "Org", ts("2026-01-01T00:00:00Z"));
    let text = backup_of(&[&sample, &empty]);
    let Ok(Document::Backup(contents)) = read_any(text.as_bytes()) else { panic!("expected a backup") };
    assert_eq!(contents, BackupContents { members: vec![sample, empty], damaged: Vec::new() });
}

#[test]
fn read_any_reads_a_single_assessment_too() {
    let Ok(Document::Assessment(a)) = read_any(sample_text().as_bytes()) else { panic!("expected an assessment") };
    assert_eq!(a.organisation, "Sakura Logistics (fictional)");
}

#[test]
fn backup_problems_name_the_assessment_when_none_can_be_read() {
    let text = r#"{"format":"x1060-backup","version":1,"assessments":[
        {"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"bad","services":[{"id":"A-1","current":8}]},
        7]}"#;
    let e = read_any(text.as_bytes()).expect_err("invalid");
    assert_eq!(
        e.message(Lang::En),
        "The file has 2 problems:\n\
assessments[0].services[0].current (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 8\n\
assessments[1]: must be an object, found a number"
    );
}

#[test]
fn backup_header_problems() {
    let e = |t: &str| read_any(t.as_bytes()).expect_err("invalid").message(Lang::En);
    assert_eq!(e(r#"{"format":"x1060-backup","version":2,"assessments":[]}"#), "The file has 1 problem:\nversion: version 2 is newer than this app can read (up to 1); open the file with a newer version of the app");
    assert_eq!(
        e(r#"{"format":"x1060-backup","version":1}"#),
        "The file has 1 problem:\nassessments: is required but missing"
    );
    assert_eq!(
        e(r#"{"format":"x1060-backup","version":1,"assessments":{}}"#),
        "The file has 1 problem:\nassessments: must be an array, found an object"
    );
}
