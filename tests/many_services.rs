//! Assessments with as many custom services as a file may hold: every step (reading,
//! writing, the dashboard numbers, the evaluation, the CSV files, the plan, share
//! links) takes time about linear in the number of services. Before, service look-ups
//! went through every custom service, so reading such a file took minutes; these tests
//! finish in a few seconds in the debug test profile (they assert no timing).

mod common;

use common::ts;
use x1060_assess::model::aggregate::ranked_gaps;
use x1060_assess::model::csv::{plan_csv, services_csv};
use x1060_assess::model::evaluation::{compare, trend};
use x1060_assess::model::exchange::{self, Layout};
use x1060_assess::model::plan::plan_rows;
use x1060_assess::model::share;
use x1060_assess::model::{
    Assessment, CategoryId, CustomService, Date, Level, LocalText, Rating, Score, ServiceId, Snapshot, SnapshotId,
    Summary,
};

/// How many custom services the reader takes in a file.
const MANY: usize = exchange::MAX_ENTRIES;

fn rated(v: i64) -> Option<Score> {
    Rating::new(v).map(Score::Rated)
}

/// `n` custom services spread over the categories (ids such as `C-1000`, after the
/// built-in ones), each in scope with scores, so every service has an entry.
fn with_custom(n: usize) -> Assessment {
    let mut a = Assessment::new("Many", "Org", ts("2026-01-01T00:00:00Z"));
    let categories: Vec<&str> = a.catalogue.categories.iter().map(|c| c.id).collect();
    for i in 0..n {
        let cat = categories[i % categories.len()];
        let id = ServiceId::parse(&format!("{cat}-{}", 1000 + i)).expect("id");
        let category = CategoryId::parse(cat).expect("category");
        a.custom_services.push(CustomService { id, category, name: LocalText::new("", format!("Service {i}")) });
    }
    let ids: Vec<ServiceId> = a.custom_services.iter().map(|c| c.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        a.edit_service(id, |s| {
            s.level = Some(Level::Standard);
            s.current = rated(1 + (i % 3) as i64);
            s.target = rated(3 + (i % 3) as i64);
            s.note = format!("note {i}");
        });
    }
    a
}

/// [`with_custom`] with a snapshot of the scores before, and a plan item for every
/// tenth service.
fn evaluated(n: usize) -> Assessment {
    let mut a = with_custom(n);
    let mut before = a.services.clone();
    for state in before.values_mut() {
        state.current = rated(1);
    }
    a.snapshots.push(Snapshot {
        id: SnapshotId(1),
        label: "FY2025".to_owned(),
        taken: ts("2025-04-01T00:00:00Z"),
        services: before,
        plan: None,
    });
    let ids: Vec<ServiceId> = a.custom_services.iter().step_by(10).map(|c| c.id.clone()).collect();
    for id in ids {
        a.edit_plan(&id, |p| {
            p.action = "Do it".to_owned();
            p.due = Date::parse("2026-09-30");
        })
        .expect("plan item");
    }
    a
}

#[test]
fn a_file_with_as_many_custom_services_as_allowed_is_read_back() {
    let a = evaluated(MANY);
    let text = exchange::write(&a, Layout::Compact);
    let back = exchange::read_str(&text).expect("read back");
    assert_eq!(back.custom_services.len(), MANY);
    assert_eq!(back, a);
    assert_eq!(exchange::read(exchange::write(&a, Layout::Pretty).as_bytes()).as_ref(), Ok(&a));
}

#[test]
fn an_unknown_id_among_many_is_still_found() {
    let a = with_custom(MANY);
    let text = exchange::write(&a, Layout::Compact).replacen("\"id\":\"A-1000\"", "\"id\":\"A-99999\"", 1);
    let e = exchange::read_str(&text).expect_err("unknown id");
    let first = e.details(x1060_assess::model::Lang::En).remove(0);
    assert!(
        first.ends_with("unknown service id \"A-99999\": it is neither in catalogue x1060-2021 nor in custom_services"),
        "{first}"
    );
}

#[test]
fn the_dashboard_numbers_count_every_service() {
    let a = with_custom(MANY);
    let summary = Summary::of(a.catalogue, &a.custom_services, &a.services);
    assert_eq!(summary.counts.total as usize, a.catalogue.service_count() + MANY);
    assert_eq!(summary.counts.in_scope as usize, MANY);
    assert_eq!(summary.current.count as usize, MANY);
    let gaps = ranked_gaps(a.catalogue, &a.custom_services, &a.services);
    assert_eq!(gaps.len(), MANY);
}

#[test]
fn the_evaluation_compares_every_service() {
    let a = evaluated(MANY);
    let c = compare(a.catalogue, &a.custom_services, &a.snapshots[0].services, &a.services);
    // Current scores were 1 before: two thirds of the services improved.
    assert_eq!(c.counts.total() as usize, MANY);
    assert_eq!(c.scores.len(), MANY - MANY.div_ceil(3));
    assert_eq!(trend(&a).len(), 2);
}

#[test]
fn the_csv_files_list_every_service() {
    let a = evaluated(MANY);
    let services = services_csv(&a);
    assert_eq!(services.matches("\r\n").count(), 1 + a.catalogue.service_count() + MANY);
    let plan = plan_csv(&a, &Date::parse("2026-01-01").expect("date"));
    assert_eq!(plan.matches("\r\n").count(), 1 + MANY);
    let rows = plan_rows(&a);
    assert_eq!(rows.len(), MANY);
    assert_eq!(rows.iter().filter(|r| r.item.is_some()).count(), MANY.div_ceil(10));
}

#[test]
fn look_ups_agree_with_the_index() {
    let a = with_custom(2_000);
    let index = a.catalogue.index(&a.custom_services);
    assert_eq!(index.len(), a.catalogue.service_count() + 2_000);
    for id in ["A-1", "I-7", "A-1000", "I-2999", "Z-1", "A-99999"] {
        assert_eq!(index.get(id), a.catalogue.find(&a.custom_services, id), "{id}");
    }
    let all: Vec<_> = a.catalogue.all_services(&a.custom_services).collect();
    let by_category: Vec<_> =
        a.catalogue.services_by_category(&a.custom_services).into_iter().flat_map(|(_, s)| s).collect();
    assert_eq!(all, by_category);
    for category in a.catalogue.categories {
        let of: Vec<_> = a.catalogue.services_of(category, &a.custom_services).collect();
        assert_eq!(of, all.iter().copied().filter(|s| s.category == category.id).collect::<Vec<_>>());
    }
}

#[test]
fn a_share_link_near_its_limit_opens() {
    // Short names compress well: many services fit in a link of at most 32,000 characters.
    let mut n = 4_000;
    let link = loop {
        match share::encode(&with_custom(n)) {
            Ok(link) => break link,
            Err(_) => n -= 500,
        }
    };
    assert!(link.len() > share::MAX_LINK_CHARS / 2, "{} characters for {n} services", link.len());
    assert_eq!(share::decode(&link).map(|a| a.custom_services.len()), Ok(n));
}

/// A file of almost 16 MiB (the import limit) with as many custom services as allowed.
fn near_the_size_limit() -> String {
    let mut a = evaluated(MANY);
    for state in a.services.values_mut() {
        state.note = "x".repeat(1_300);
    }
    let text = exchange::write(&a, Layout::Compact);
    assert!(text.len() > exchange::MAX_BYTES - 2_000_000 && text.len() <= exchange::MAX_BYTES, "{} bytes", text.len());
    text
}

#[test]
fn a_file_near_the_size_limit_is_read() {
    let text = near_the_size_limit();
    assert_eq!(exchange::read_str(&text).map(|a| a.custom_services.len()), Ok(MANY));
}

/// The heaviest valid files for the reader, timed (printed, not asserted): run with
/// `cargo test --release --test many_services -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement; run in a release build"]
fn time_reading_the_heaviest_files() {
    let heavy = [("custom services and long notes", near_the_size_limit()), ("tiny snapshot entries", tiny_entries())];
    for (what, text) in heavy {
        let start = std::time::Instant::now();
        let value = serde_json::from_str::<serde_json::Value>(&text).map(|_| ());
        println!("{what}: serde_json alone {:?} ({value:?})", start.elapsed());
        let start = std::time::Instant::now();
        let read = exchange::read_str(&text);
        println!("{what}: {} bytes read in {:?} ({})", text.len(), start.elapsed(), read.is_ok());
    }
}

/// As many snapshots of bare service entries (`{"id":"A-1"}`) as fit in 16 MiB.
fn tiny_entries() -> String {
    let a = with_custom(MANY);
    let entries: Vec<String> =
        a.catalogue.all_services(&a.custom_services).map(|s| format!("{{\"id\":\"{}\"}}", s.id)).collect();
    let snapshot =
        format!("{{\"label\":\"s\",\"taken\":\"2026-01-01T00:00:00Z\",\"services\":[{}]}}", entries[..MANY].join(","));
    let mut text = exchange::write(&a, Layout::Compact);
    text.pop();
    text.push_str(",\"snapshots\":[");
    text.push_str(&snapshot);
    while text.len() + snapshot.len() + 3 < exchange::MAX_BYTES {
        text.push(',');
        text.push_str(&snapshot);
    }
    text.push_str("]}");
    text
}

/// Ids clashing with a built-in one (which `check_custom` refuses, but a model built
/// by hand can hold): the look-up finds the first in catalogue order, as before, and
/// the index agrees.
#[test]
fn clashing_ids_are_found_in_catalogue_order() {
    let mut a = Assessment::new("Clash", "", ts("2026-01-01T00:00:00Z"));
    let clash = |id: &str, cat: &str| CustomService {
        id: ServiceId::parse(id).expect("id"),
        category: CategoryId::parse(cat).expect("category"),
        name: LocalText::new("", "custom"),
    };
    a.custom_services =
        vec![clash("B-1", "A"), clash("A-1", "B"), clash("Z-1", "Z"), clash("C-99", "D"), clash("C-99", "C")];
    let index = a.catalogue.index(&a.custom_services);
    let found = |id: &str| a.catalogue.find(&a.custom_services, id).map(|s| (s.custom, s.category));
    assert_eq!(found("B-1"), Some((true, "A")), "category A comes before B");
    assert_eq!(found("A-1"), Some((false, "A")));
    assert_eq!(found("Z-1"), None, "a custom service of an unknown category is not listed");
    assert_eq!(found("C-99"), Some((true, "C")));
    for id in ["B-1", "A-1", "Z-1", "C-99"] {
        assert_eq!(index.get(id), a.catalogue.find(&a.custom_services, id), "{id}");
    }
}
