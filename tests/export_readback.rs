//! Exports read back: an exported file is read back through the importer and must give
//! back what was written (with corrupt text named, never passed), and the export log
//! behind "last exported" and the reminder to back up.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::exchange::{
    verify_assessment, verify_backup, write, write_backup, write_backups, Layout, Verified, VerifyError,
};
use x1060_assess::model::export_log::{ExportLog, REMIND_AFTER};
use x1060_assess::model::{Assessment, AssessmentId, Lang};

fn sample() -> Assessment {
    read_ok(&sample_text())
}

fn id(s: &str) -> AssessmentId {
    AssessmentId::parse(s).expect("valid id in test")
}

#[test]
fn an_exported_assessment_verifies_with_its_name_and_services() {
    let a = sample();
    let text = write(&a, Layout::Pretty);
    assert_eq!(
        verify_assessment(&text, &a),
        Ok(Verified::Assessment { name: a.name.clone(), services: a.services.len() })
    );
    assert!(a.services.len() > 10, "the sample has decisions");
}

#[test]
fn truncated_export_text_is_named_with_the_importers_message() {
    let a = sample();
    let text = write(&a, Layout::Pretty);
    let cut = &text[..text.len() / 2];
    let e = verify_assessment(cut, &a).expect_err("a truncated file must not verify");
    assert!(matches!(e, VerifyError::Unreadable { file: 1, .. }), "{e:?}");
    let headline = e.headline(Lang::En, "plan.json");
    assert!(
        headline.starts_with("The exported file “plan.json” did not verify: it cannot be imported: "),
        "{headline}"
    );
    assert!(headline.contains("Line "), "names where: {headline}");
    assert!(e
        .headline(Lang::Ja, "plan.json")
        .starts_with("書き出したファイル「plan.json」を確認できませんでした: インポートできません: "));
}

#[test]
fn export_text_that_reads_as_something_else_is_refused() {
    let a = sample();
    let other = write(&a, Layout::Pretty).replacen(&a.name, "Someone else", 1);
    let e = verify_assessment(&other, &a).expect_err("another assessment must not verify");
    assert_eq!(e, VerifyError::Differs { file: 1 });
    assert_eq!(
        e.headline(Lang::En, "x.json"),
        "The exported file “x.json” did not verify: it reads back, but not as what is stored in the app."
    );
    assert_eq!(e.details(Lang::En), Vec::<String>::new());
}

#[test]
fn content_errors_are_listed_as_details() {
    let a = sample();
    let bad = write(&a, Layout::Pretty).replacen("\"version\": 1", "\"version\": 99", 1);
    let e = verify_assessment(&bad, &a).expect_err("a newer version must not verify");
    assert!(matches!(e, VerifyError::Unreadable { file: 1, .. }), "{e:?}");
    let details = e.details(Lang::En);
    assert!(details.iter().any(|d| d.starts_with("version")), "{details:?}");
}

#[test]
fn a_backup_verifies_with_its_files_and_assessments() {
    let a = sample();
    let b = Assessment::new("Second", "Org", ts("2026-01-01T00:00:00Z"));
    let parts = write_backups(&[&a, &b], &ts("2026-11-27T00:00:00Z"), usize::MAX);
    assert_eq!(verify_backup(&parts, &[&a, &b]), Ok(Verified::Backup { files: 1, assessments: 2 }));
}

#[test]
fn a_backup_in_parts_names_the_part_that_differs() {
    let a = sample();
    let b = Assessment::new("Second", "Org", ts("2026-01-01T00:00:00Z"));
    let now = ts("2026-11-27T00:00:00Z");
    let mut parts = write_backups(&[&a, &b], &now, 1);
    assert_eq!(parts.len(), 2);
    assert_eq!(verify_backup(&parts, &[&a, &b]), Ok(Verified::Backup { files: 2, assessments: 2 }));
    parts[1] = parts[1].replacen("Second", "Changed", 1);
    let e = verify_backup(&parts, &[&a, &b]).expect_err("a changed member must not verify");
    assert_eq!(e, VerifyError::Differs { file: 2 });
    assert_eq!(
        e.headline(Lang::En, "backup.json"),
        "The exported file “backup.json” (part 2) did not verify: it reads back, but not as what is stored in the app."
    );
}

#[test]
fn a_backup_missing_an_assessment_or_with_a_damaged_one_is_refused() {
    let a = sample();
    let b = Assessment::new("Second", "Org", ts("2026-01-01T00:00:00Z"));
    let now = ts("2026-11-27T00:00:00Z");
    let one = vec![write_backup(&[&a], &now)];
    let e = verify_backup(&one, &[&a, &b]).expect_err("one of two");
    assert_eq!(e, VerifyError::Count { written: 2, read: 1 });
    assert_eq!(
        e.headline(Lang::En, "backup.json"),
        "The exported file “backup.json” did not verify: 2 assessments were written but 1 read back."
    );
    let damaged = vec![write_backup(&[&a, &b], &now).replacen("\"Second\"", "5", 1)];
    let e = verify_backup(&damaged, &[&a, &b]).expect_err("a damaged member");
    assert!(matches!(e, VerifyError::Damaged { file: 1, .. }), "{e:?}");
    assert!(
        e.headline(Lang::En, "b.json").contains("Assessment 2 of the backup"),
        "{}",
        e.headline(Lang::En, "b.json")
    );
    assert!(!e.details(Lang::En).is_empty());
    // A part may be a lone member's own document (too large for a backup's envelope):
    // it verifies when it is what was written, and not otherwise.
    let single = vec![write(&a, Layout::Pretty)];
    assert!(verify_backup(&single, &[&a]).is_ok());
    assert!(matches!(verify_backup(&single, &[&b]), Err(VerifyError::Differs { .. })), "another assessment");
}

#[test]
fn export_log_counts_saves_since_the_last_export() {
    let x = id("a1");
    let mut log = ExportLog::default();
    assert_eq!(log.last_export(&x), None);
    assert_eq!(log.changes_since(&x, 7), 7, "never exported: every save counts");
    log.exported(&x, &ts("2026-11-27T10:00:00Z"), 7);
    assert_eq!(log.last_export(&x), Some(ts("2026-11-27T10:00:00Z")));
    assert_eq!(log.changes_since(&x, 7), 0);
    assert_eq!(log.changes_since(&x, 12), 5);
    assert_eq!(log.changes_since(&x, 3), 0, "a lower revision (restored elsewhere) is no negative count");
}

#[test]
fn the_reminder_comes_after_many_saves_and_keeps_quiet_after_dismissal() {
    let x = id("a1");
    let mut log = ExportLog::default();
    assert!(!log.remind(&x, REMIND_AFTER - 1));
    assert!(log.remind(&x, REMIND_AFTER));
    log.dismissed(&x, REMIND_AFTER);
    assert!(!log.remind(&x, REMIND_AFTER + 5), "dismissed: quiet");
    assert!(log.remind(&x, 2 * REMIND_AFTER), "as many saves again: shown again");
    log.exported(&x, &ts("2026-11-27T10:00:00Z"), 2 * REMIND_AFTER);
    assert!(!log.remind(&x, 2 * REMIND_AFTER + 1));
    assert!(log.remind(&x, 3 * REMIND_AFTER), "an export clears the dismissal");
}

#[test]
fn export_log_survives_being_stored_and_forgets_deleted_assessments() {
    let (x, y) = (id("a1"), id("b2"));
    let mut log = ExportLog::default();
    log.exported(&x, &ts("2026-11-27T10:00:00Z"), 3);
    log.dismissed(&y, 40);
    let text = log.write();
    assert_eq!(text, r#"{"a1":{"at":"2026-11-27T10:00:00Z","rev":3},"b2":{"rev":0,"quiet":40}}"#);
    let back = ExportLog::read(Some(&text));
    assert_eq!(back, log);
    assert!(!back.remind(&y, 45));
    let mut pruned = back.clone();
    pruned.retain(std::slice::from_ref(&y));
    assert_eq!(pruned.last_export(&x), None);
    assert_eq!(ExportLog::read(Some("not json")), ExportLog::default());
    assert_eq!(ExportLog::read(None), ExportLog::default());
}
