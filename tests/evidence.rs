//! Evidence wherever the data goes: staleness on calendar dates, the dashboard's counts
//! and the report's list, the evaluation's added and gone items, the workshop merge,
//! the services CSV and share links.

mod common;

use common::{empty, id, rated, ts};
use x1060_assess::model::csv::{preview, services_csv, services_csv_in};
use x1060_assess::model::evaluation::compare;
use x1060_assess::model::evidence::{
    check_folder, coverage, merged, unbacked, EvidenceChange, FolderMatch, Unbacked, UnbackedService,
};
use x1060_assess::model::workshop::{self, Decisions, MergeRequest, Participant};
use x1060_assess::model::{share, Assessment, Date, EvidenceItem, Fingerprint, Lang, Level};

fn date(s: &str) -> Date {
    Date::parse(s).expect("a valid date")
}

fn due(title: &str, review_by: &str) -> EvidenceItem {
    EvidenceItem { review_by: Some(date(review_by)), ..EvidenceItem::titled(title) }
}

fn hashed(title: &str, data: &[u8]) -> EvidenceItem {
    EvidenceItem { sha256: Some(Fingerprint::of(data)), ..EvidenceItem::titled(title) }
}

#[test]
fn stale_is_review_by_before_today() {
    let item = due("Runbook", "2027-04-01");
    assert!(!item.is_stale(&date("2027-03-31")), "the day before");
    assert!(!item.is_stale(&date("2027-04-01")), "the review-by day itself");
    assert!(item.is_stale(&date("2027-04-02")), "the day after");
    assert!(!EvidenceItem::titled("no date").is_stale(&date("9999-12-31")));
    // A leap day: current through February 29, stale on March 1.
    let leap = due("Leap", "2028-02-29");
    assert!(!leap.is_stale(&date("2028-02-28")));
    assert!(!leap.is_stale(&date("2028-02-29")));
    assert!(leap.is_stale(&date("2028-03-01")));
    // Without a leap day, February 28 is followed by March 1.
    assert!(due("Plain", "2027-02-28").is_stale(&date("2027-03-01")));
    assert_eq!(Date::parse("2027-02-29"), None);
    // 2100 is no leap year, 2000 was: the day after February 28 is March 1 in 2100.
    assert!(due("Century", "2100-02-28").is_stale(&date("2100-03-01")));
    assert!(!due("Millennium", "2000-02-29").is_stale(&date("2000-02-29")));
    // Across a year: compared as days, not as text of another shape.
    assert!(due("New year", "2026-12-31").is_stale(&date("2027-01-01")));
}

/// A-1 .. A-4 in scope and scored 3, B-1 in scope, C-1 not required, each with `items`.
fn portfolio(items: &[(&str, Vec<EvidenceItem>)]) -> Assessment {
    let mut a = empty();
    for s in ["A-1", "A-2", "A-3", "A-4", "B-1"] {
        a.edit_service(&id(s), |x| {
            x.level = Some(Level::Basic);
            x.current = Some(rated(3));
        });
    }
    a.edit_service(&id("C-1"), |x| x.level = Some(Level::NotRequired));
    a.edit_service(&id("A-4"), |x| x.current = None);
    for (s, list) in items {
        a.edit_service(&id(s), |x| x.evidence = list.clone());
    }
    a
}

fn example() -> Assessment {
    portfolio(&[
        ("A-1", vec![due("current", "2027-04-01"), due("stale", "2027-01-01")]),
        ("A-2", vec![due("stale", "2026-12-31"), due("older", "2026-06-30")]),
        ("B-1", vec![EvidenceItem::titled("undated")]),
        // Out of scope: never counted, whatever its evidence.
        ("C-1", vec![EvidenceItem::titled("charter")]),
    ])
}

#[test]
fn coverage_counts_in_scope_services_with_current_evidence() {
    let a = example();
    let today = date("2027-04-01");
    let counts = coverage(a.catalogue, &a.custom_services, &a.services, &today);
    let of = |c: &str| counts.iter().find(|x| x.category == c).map(|x| (x.in_scope, x.current));
    assert_eq!(counts.len(), a.catalogue.categories.len());
    // A: A-1 has a current item; A-2 only stale ones; none.
    assert_eq!(of("A"), Some((4, 1)));
    assert_eq!(of("B"), Some((1, 1)));
    assert_eq!(of("C"), Some((0, 0)));
    // A day later A-1's current item is stale too.
    let later = coverage(a.catalogue, &a.custom_services, &a.services, &date("2027-04-02"));
    assert_eq!(later[0].current, 0);
}

#[test]
fn unbacked_lists_scores_on_no_or_stale_evidence() {
    let a = example();
    let list = unbacked(a.catalogue, &a.custom_services, &a.services, &date("2027-04-01"));
    let row = |s: &str, why| UnbackedService { service: id(s), category: "A".into(), current: rated(3), why };
    // A-4 has no score: nothing rests on it. B-1's undated item is never stale.
    assert_eq!(
        list,
        [row("A-2", Unbacked::Stale { items: 2, since: date("2026-12-31") }), row("A-3", Unbacked::NoEvidence)]
    );
}

#[test]
fn comparison_says_which_items_were_added_or_are_gone() {
    let runbook = hashed("Runbook", b"v1");
    let mut a = portfolio(&[
        ("A-1", vec![runbook.clone(), EvidenceItem::titled("Charter")]),
        ("A-2", vec![EvidenceItem::titled("Log review")]),
        ("B-1", vec![EvidenceItem::titled("Old report")]),
    ]);
    a.take_snapshot("FY26", ts("2026-04-01T00:00:00Z")).expect("room");
    // Since: the runbook renamed and renewed (the same file), the charter and the log
    // review fingerprinted (the same title and location), the old report gone, one item
    // added to A-3.
    a.edit_service(&id("A-1"), |s| {
        s.evidence = vec![
            EvidenceItem { title: "Runbook v1".into(), review_by: Some(date("2028-01-01")), ..runbook.clone() },
            hashed("Charter", b"charter"),
        ];
    });
    a.edit_service(&id("A-2"), |s| s.evidence = vec![hashed("Log review", b"2027")]);
    a.edit_service(&id("B-1"), |s| s.evidence.clear());
    a.edit_service(&id("A-3"), |s| s.evidence.push(EvidenceItem::titled("New SOP")));
    let base = &a.snapshots[0].services;
    let c = compare(a.catalogue, &a.custom_services, base, &a.services);
    let change = |s: &str, category: &str, added: Vec<EvidenceItem>, gone: Vec<EvidenceItem>| EvidenceChange {
        service: id(s),
        category: category.into(),
        added,
        gone,
    };
    assert_eq!(
        c.evidence,
        [
            change("A-3", "A", vec![EvidenceItem::titled("New SOP")], vec![]),
            change("B-1", "B", vec![], vec![EvidenceItem::titled("Old report")]),
        ]
    );
    assert!(!c.is_empty());
    // Another file under the same title: the old one gone, the new one added.
    let mut b = a.clone();
    b.edit_service(&id("A-1"), |s| s.evidence[0] = hashed("Runbook v1", b"v2"));
    let c = compare(b.catalogue, &b.custom_services, &a.services, &b.services);
    assert_eq!(
        c.evidence,
        [change("A-1", "A", vec![hashed("Runbook v1", b"v2")], vec![a.services["A-1"].evidence[0].clone()])]
    );
}

#[test]
fn merged_keeps_each_item_once_fingerprints_first() {
    let named = EvidenceItem { location: "//srv/ir".into(), ..EvidenceItem::titled("Runbook") };
    let with_sha = EvidenceItem { sha256: Some(Fingerprint::of(b"rb")), ..named.clone() };
    let same_file_renamed = EvidenceItem { title: "IR runbook".into(), ..with_sha.clone() };
    let other = EvidenceItem::titled("Charter");
    let ann = vec![named.clone(), other.clone()];
    let bo = vec![with_sha.clone(), other.clone()];
    let cy = vec![same_file_renamed, EvidenceItem { location: "elsewhere".into(), ..named.clone() }];
    let all = merged([ann.as_slice(), bo.as_slice(), cy.as_slice()]);
    // Ann's unfingerprinted runbook gives way to Bo's fingerprinted one, in its place;
    // Cy's renamed copy of the same file is dropped; a runbook elsewhere is another item.
    assert_eq!(all, [with_sha, other, EvidenceItem { location: "elsewhere".into(), ..named }]);
}

#[test]
fn workshop_merge_keeps_every_assessors_items_once() {
    let source = portfolio(&[("A-1", vec![EvidenceItem::titled("Charter")])]);
    // The template keeps the evidence (it is no one's answer), clears the scores.
    let template = workshop::template(&source, "R1", ts("2026-05-01T00:00:00Z"));
    assert_eq!(template.services["A-1"].evidence, [EvidenceItem::titled("Charter")]);
    let copy = |who: &str, extra: Vec<EvidenceItem>| {
        let mut a = template.clone();
        a.workshop.as_mut().expect("a workshop copy").assessor = who.into();
        a.edit_service(&id("A-1"), |s| {
            s.current = Some(rated(2));
            s.evidence.extend(extra.clone());
        });
        a
    };
    let ann = copy("Ann", vec![hashed("Ticket export", b"t"), EvidenceItem::titled("Ann only")]);
    let bo = copy("Bo", vec![hashed("Tickets (export)", b"t")]);
    let picked = [&ann, &bo];
    let participants: Vec<Participant> = picked.iter().map(|a| Participant::of(a)).collect();
    let comparison = workshop::compare(&participants);
    let request = MergeRequest {
        picked: &picked,
        name: "R1 merged",
        round: "R1",
        snapshot: true,
        now: ts("2026-06-01T00:00:00Z"),
    };
    let m = workshop::merge(&comparison, &Decisions::default(), &request).expect("within the limits");
    let expected = [EvidenceItem::titled("Charter"), hashed("Ticket export", b"t"), EvidenceItem::titled("Ann only")];
    assert_eq!(m.services["A-1"].evidence, expected);
    // The merged snapshot keeps them too.
    assert_eq!(m.snapshots.last().expect("the merge's snapshot").services["A-1"].evidence, expected);
}

#[test]
fn services_csv_has_count_and_titles_and_import_ignores_them() {
    let mut a =
        portfolio(&[("A-1", vec![EvidenceItem::titled("=HYPERLINK(\"x\")"), EvidenceItem::titled("Charter, v2")])]);
    let csv = services_csv(&a);
    let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some("id,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note,evidence_count,evidence_titles")
    );
    let a1 = lines.next().expect("A-1's row");
    // Guarded against formula injection, one title per line.
    assert!(a1.ends_with(",,,2,\"'=HYPERLINK(\"\"x\"\")\nCharter, v2\""), "{a1}");
    assert!(lines.next().expect("A-2's row").ends_with(",0,"));
    let ja = services_csv_in(&a, Lang::Ja);
    assert!(ja.lines().next().expect("header").ends_with(",メモ,エビデンス件数,エビデンスのタイトル"));
    // Read back: nothing changes; an edited evidence cell is ignored, as `gap` is.
    assert_eq!(preview(&csv, &a).expect("reads back").changes, []);
    let edited = csv.replace(",2,\"'=HYPERLINK", ",7,\"other titles");
    assert_eq!(preview(&edited, &a).expect("reads back").changes, []);
    a.edit_service(&id("A-1"), |s| s.evidence.clear());
    assert_eq!(preview(&csv, &a).expect("reads back").changes, [], "the import never adds evidence");
}

#[test]
fn share_links_carry_evidence() {
    let mut a = portfolio(&[("A-1", vec![hashed("Runbook", b"rb"), due("Charter", "2027-01-01")])]);
    a.edit_service(&id("A-1"), |s| s.evidence[0].location = "https://intranet.example/rb.pdf".into());
    let link = share::encode(&a).expect("small enough for a link");
    assert_eq!(share::decode(&link).expect("reads back"), a);
}

#[test]
fn a_folder_is_matched_against_every_fingerprint() {
    let a = portfolio(&[
        ("A-1", vec![hashed("Runbook", b"rb"), EvidenceItem::titled("No digest")]),
        ("B-1", vec![hashed("Report", b"report"), hashed("Charter", b"charter")]),
    ]);
    let files = [
        ("runbook.pdf".to_owned(), Fingerprint::of(b"rb")),
        ("holiday.jpg".to_owned(), Fingerprint::of(b"other")),
        ("copy of runbook.pdf".to_owned(), Fingerprint::of(b"rb")),
        ("charter.docx".to_owned(), Fingerprint::of(b"charter")),
    ];
    let check = check_folder(a.catalogue, &a.custom_services, &a.services, &files);
    let m = |s: &str, item: EvidenceItem, files: &[&str]| FolderMatch {
        service: id(s),
        item,
        files: files.iter().map(|f| f.to_string()).collect(),
    };
    assert_eq!(
        check.items,
        [
            m("A-1", hashed("Runbook", b"rb"), &["runbook.pdf", "copy of runbook.pdf"]),
            m("B-1", hashed("Report", b"report"), &[]),
            m("B-1", hashed("Charter", b"charter"), &["charter.docx"]),
        ]
    );
    assert_eq!(check.found().count(), 2);
    assert_eq!(check.missing().map(|m| m.item.title.as_str()).collect::<Vec<_>>(), ["Report"]);
    assert_eq!(check.unmatched, ["holiday.jpg"]);
}
