//! Backups that can always be restored: a damaged member no longer blocks the others
//! (they are offered, the bad ones named), and a backup too large for the import
//! limit is written as several files, each of which can be read back.

mod common;

use common::{read_ok, sample_text, ts};
use x1060_assess::model::exchange::{
    self, read_any, write_backup, write_backups, BackupContents, DamagedMember, Document, ImportError, ProblemKind,
};
use x1060_assess::model::{Assessment, Lang, Level, ServiceId, Timestamp};

const MEMBER_OK: &str =
    r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"ok","services":[]}"#;
const MEMBER_BAD: &str = r#"{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"bad","services":[{"id":"A-1","current":8}]}"#;

fn backup_of_members(members: &[&str]) -> String {
    format!(r#"{{"format":"x1060-backup","version":1,"assessments":[{}]}}"#, members.join(","))
}

#[track_caller]
fn contents(text: &str) -> BackupContents {
    match read_any(text.as_bytes()) {
        Ok(Document::Backup(contents)) => contents,
        other => panic!("expected a backup, got {other:?}"),
    }
}

/// The assessments a part holds: a backup's members, or a lone member's own document.
fn members_of(text: &str) -> Vec<Assessment> {
    match read_any(text.as_bytes()) {
        Ok(Document::Backup(contents)) => contents.members,
        Ok(Document::Assessment(a)) => vec![*a],
        Err(e) => panic!("a part that does not read: {e:?}"),
    }
}

#[test]
fn good_members_are_offered_and_bad_ones_named() {
    let c = contents(&backup_of_members(&[MEMBER_OK, MEMBER_BAD, "7", MEMBER_OK]));
    assert_eq!(c.members.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["ok", "ok"]);
    let named: Vec<(usize, Option<&str>)> = c.damaged.iter().map(|d| (d.position, d.name.as_deref())).collect();
    assert_eq!(named, [(2, Some("bad")), (3, None)]);
    assert_eq!(
        c.damaged[0].message(Lang::En),
        "Assessment 2 of the backup (\"bad\") cannot be restored: it has 1 problem:\n\
services[0].current (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 8"
    );
    assert_eq!(
        c.damaged[0].message(Lang::Ja),
        "バックアップの 2 番目のアセスメント（\"bad\"）は復元できません。問題が 1 件あります:\n\
services[0].current（サービス A-1）: 1〜5 の整数、\"n/a\"、null のいずれかである必要がありますが、8 です"
    );
    assert_eq!(
        c.damaged[1].message(Lang::En),
        "Assessment 3 of the backup cannot be restored: it has 1 problem:\n(top level): must be an object, found a number"
    );
    assert_eq!(
        c.damaged[1].headline(Lang::Ja),
        "バックアップの 3 番目のアセスメントは復元できません。問題が 1 件あります:"
    );
}

#[test]
fn a_damaged_member_keeps_its_own_error() {
    let c = contents(&backup_of_members(&[MEMBER_BAD, MEMBER_OK]));
    let DamagedMember { position, error, .. } = &c.damaged[0];
    assert_eq!(*position, 1);
    let ImportError::Invalid { problems, more: 0 } = error else { panic!("content problems: {error:?}") };
    assert_eq!(problems[0].path, "services[0].current");
    assert_eq!(problems[0].kind, ProblemKind::BadScore { found: "8".to_owned() });
}

#[test]
fn a_member_with_a_newer_version_or_a_bidi_name_is_named_safely() {
    let newer = r#"{"format":"x1060-assessment","version":9,"catalogue":"x1060-2021","name":"new\u202Eer"}"#;
    let c = contents(&backup_of_members(&[MEMBER_OK, newer]));
    assert_eq!(c.damaged[0].name.as_deref(), Some("new\u{202e}er"));
    assert_eq!(
        c.damaged[0].message(Lang::En),
        "Assessment 2 of the backup (\"new\\u202eer\") cannot be restored: it has 1 problem:\n\
version: version 9 is newer than this app can read (up to 1); open the file with a newer version of the app"
    );
}

#[test]
fn every_member_damaged_or_a_broken_envelope_is_still_an_error() {
    let e = read_any(backup_of_members(&[MEMBER_BAD, "[]"]).as_bytes()).expect_err("nothing to restore");
    assert_eq!(
        e.message(Lang::En),
        "The file has 2 problems:\n\
assessments[0].services[0].current (service A-1): must be an integer from 1 to 5, \"n/a\" or null, found 8\n\
assessments[1]: must be an object, found an array"
    );
    let no_list = r#"{"format":"x1060-backup","version":1,"assessments":"x"}"#;
    assert_eq!(
        read_any(no_list.as_bytes()).expect_err("envelope").message(Lang::En),
        "The file has 1 problem:\nassessments: must be an array, found a string"
    );
    // An empty backup is read, with nothing in it.
    assert_eq!(contents(&backup_of_members(&[])), BackupContents { members: vec![], damaged: vec![] });
}

#[test]
fn identical_members_are_all_read_for_restore_items_to_offer_once() {
    let c = contents(&backup_of_members(&[MEMBER_OK, MEMBER_OK]));
    let items = x1060_assess::model::library::restore_items(&[], c.members);
    assert_eq!(items.len(), 1);
}

/// An assessment with `services` filled-in services and a long note on each, so that
/// it takes some room in a file.
fn bulky(name: &str, services: usize) -> Assessment {
    let mut a = Assessment::new(name, "Org", ts("2026-01-01T00:00:00Z"));
    let ids: Vec<&str> = a.catalogue.categories.iter().flat_map(|c| c.services.iter().map(|s| s.id)).collect();
    for id in ids.into_iter().take(services) {
        let id = ServiceId::parse(id).expect("catalogue id");
        a.edit_service(&id, |s| {
            s.level = Some(Level::Standard);
            s.note = format!("{name} {}", "note ".repeat(40));
        });
    }
    a
}

#[track_caller]
fn read_parts(parts: &[String], max: usize) -> Vec<Assessment> {
    let mut all = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        assert!(part.len() <= max, "part {i} is {} bytes, more than {max}", part.len());
        let c = contents(part);
        assert!(c.damaged.is_empty(), "part {i}: {:?}", c.damaged);
        all.extend(c.members);
    }
    all
}

#[test]
fn a_large_backup_is_split_into_parts_that_each_read_back() {
    let list: Vec<Assessment> = (0..40).map(|i| bulky(&format!("A{i}"), 10 + i % 30)).collect();
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    let whole = write_backup(&refs, &now).len();
    let max = whole / 5;
    let parts = write_backups(&refs, &now, max);
    assert!(parts.len() >= 5, "{} parts for {whole} bytes at most {max} each", parts.len());
    assert_eq!(read_parts(&parts, max), list);
}

#[test]
fn parts_are_filled_to_the_byte() {
    // Each part is as full as it can be: the next member would not have fit.
    let list: Vec<Assessment> = (0..12).map(|i| bulky(&format!("B{i}"), 5 + i)).collect();
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    let exact = write_backup(&refs[..3], &now).len();
    let parts = write_backups(&refs, &now, exact);
    assert_eq!(parts[0].len(), exact, "the first three fit exactly");
    assert_eq!(read_parts(&parts, exact), list);
    let one_less = write_backups(&refs, &now, exact - 1);
    assert_eq!(contents(&one_less[0]).members.len(), 2);
    assert_eq!(read_parts(&one_less, exact - 1), list);
}

#[test]
fn one_backup_when_everything_fits_and_for_nothing() {
    let list = [read_ok(&sample_text()), bulky("C", 3)];
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    assert_eq!(write_backups(&refs, &now, exchange::MAX_BYTES), vec![write_backup(&refs, &now)]);
    let empty = write_backups(&[], &now, exchange::MAX_BYTES);
    assert_eq!(empty, vec![write_backup(&[], &now)]);
    assert_eq!(contents(&empty[0]), BackupContents { members: vec![], damaged: vec![] });
}

#[test]
fn an_assessment_too_large_alone_gets_a_part_of_its_own() {
    let list = [bulky("small", 2), bulky("big", 60), bulky("small too", 2)];
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    let max = write_backup(&refs[..1], &now).len() + 100;
    let parts = write_backups(&refs, &now, max);
    assert_eq!(parts.len(), 3);
    assert!(parts[1].len() > max);
    // Too large even compact: the part is the assessment's own document.
    assert_eq!(parts[1], exchange::write(&list[1], exchange::Layout::Compact));
    let back: Vec<Assessment> = parts.iter().flat_map(|p| members_of(p)).collect();
    assert_eq!(back, list);
}

#[test]
fn a_part_never_holds_more_members_than_the_reader_takes() {
    let a = Assessment::new("tiny", "", Timestamp::from_unix_millis(0));
    let refs = vec![&a; exchange::MAX_ENTRIES + 1];
    let parts = write_backups(&refs, &ts("2026-11-26T00:00:00Z"), exchange::MAX_BYTES);
    assert_eq!(parts.len(), 2);
    assert_eq!(read_parts(&parts, exchange::MAX_BYTES).len(), exchange::MAX_ENTRIES + 1);
}

/// The case of the report: more than 16 MiB of assessments (about 20 MB; a few
/// seconds in the debug test profile).
#[test]
fn more_than_the_import_limit_is_split_into_restorable_files() {
    let list: Vec<Assessment> = (0..1400).map(|i| bulky(&format!("D{i}"), 64)).collect();
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    assert!(write_backup(&refs, &now).len() > exchange::MAX_BYTES);
    let parts = write_backups(&refs, &now, exchange::MAX_BYTES);
    assert!(parts.len() >= 2);
    assert_eq!(read_parts(&parts, exchange::MAX_BYTES), list);
}

/// A large assessment within the reader's limit written compactly, but beyond it
/// indented: its part of a backup is written compactly, so it restores.
#[test]
fn a_part_too_large_indented_is_written_compactly_and_restores() {
    let a = bulky("large", 60);
    let compact = exchange::write(&a, exchange::Layout::Compact).len();
    let indented = write_backup(&[&a], &ts("2026-11-26T00:00:00Z")).len();
    assert!(indented > compact + 1000, "indenting adds to it: {compact} -> {indented}");
    // The limit between the two, as a 15 MB assessment sits against 16 MiB.
    let max = compact + 500;
    let parts = write_backups(&[&a], &ts("2026-11-26T00:00:00Z"), max);
    assert_eq!(parts.len(), 1);
    assert!(parts[0].len() <= max, "{} bytes, at most {max}", parts[0].len());
    assert_eq!(read_parts(&parts, max), vec![a]);
}

/// An assessment whose compact document is within the limit but whose backup is
/// not (the envelope's few bytes): its part is its own document, which imports, and
/// the read-back check of the backup accepts it.
#[test]
fn a_member_at_the_limit_is_written_as_its_own_document() {
    let list = [bulky("small", 2), bulky("at the limit", 60)];
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = ts("2026-11-26T00:00:00Z");
    let own = exchange::write(&list[1], exchange::Layout::Compact);
    // Within the limit alone; over it with the backup's envelope, even compact.
    let max = own.len() + 10;
    let compact_backup = serde_json::to_string(
        &serde_json::from_str::<serde_json::Value>(&write_backup(&refs[1..], &now)).expect("a backup"),
    )
    .expect("compact");
    assert!(compact_backup.len() > max, "{} bytes", compact_backup.len());
    let parts = write_backups(&refs, &now, max);
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1], own);
    for part in &parts {
        assert!(part.len() <= max, "{} bytes, at most {max}", part.len());
    }
    match read_any(parts[1].as_bytes()) {
        Ok(Document::Assessment(a)) => assert_eq!(*a, list[1]),
        other => panic!("expected an assessment, got {other:?}"),
    }
    assert_eq!(
        exchange::verify_backup(&parts, &refs).map(|_| ()),
        Ok(()),
        "the backup's read-back check takes the lone document as its member"
    );
}
