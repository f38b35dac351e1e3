//! CSV export of an assessment for spreadsheet users (Excel, including Japanese Excel).
//!
//! [`services_csv`] writes UTF-8 with a byte order mark (so Japanese Excel does not
//! read the file as Shift_JIS), CRLF line ends (also after the last row) and RFC 4180
//! quoting. The first row is the header, then one row per service: every service of
//! the catalogue and every custom service, in catalogue order (custom services after
//! the built-in ones of their category), whether or not anything is decided for it.
//! Entries for ids the catalogue does not know come last, so no data is ever dropped.
//!
//! | column     | meaning                                                                  |
//! |------------|--------------------------------------------------------------------------|
//! | `id`       | service id (`A-1`, ..., custom ids such as `I-8`)                        |
//! | `category` | category id (`A`..`I`); empty for an id the catalogue does not know      |
//! | `name_ja`  | Japanese service name                                                    |
//! | `name_en`  | English service name                                                     |
//! | `level`    | recommendation level as in the exchange format: `basic`, `standard`, `advanced`, `optional`, `not_required`; empty when not decided |
//! | `sourcing` | `insource` or `outsource`; empty when not decided                        |
//! | `provider` | who provides an outsourced service; may be empty                         |
//! | `current`  | score today: `1`..`5`, `n/a`, or empty when not assessed yet             |
//! | `target`   | score aimed for: `1`..`5`, `n/a`, or empty when not assessed yet         |
//! | `gap`      | `target - current` (e.g. `2`, `0`, `-1`) when both are ratings, else empty |
//! | `note`     | free text note; may hold commas, quotes and line breaks (quoted)         |
//!
//! Spreadsheet formula injection (OWASP "CSV Injection"): a text cell (names, provider,
//! note) that begins with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so the
//! spreadsheet shows it as text instead of evaluating it. Built-in names never begin
//! with those characters, so in practice only user text is changed. Cells computed
//! here (ids, codes, scores, gap) are never prefixed: a gap of `-1` stays a number.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::{Assessment, Level, Score, ServiceAssessment, Sourcing};

/// The byte order mark that starts the file.
const BOM: char = '\u{feff}';

/// The header row's fields, in column order.
const HEADER: [&str; 11] =
    ["id", "category", "name_ja", "name_en", "level", "sourcing", "provider", "current", "target", "gap", "note"];

/// The services of `a` as a CSV document (see the module documentation).
pub fn services_csv(a: &Assessment) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&csv_row(&HEADER));
    let mut listed = BTreeSet::new();
    for s in a.catalogue.all_services(&a.custom_services) {
        listed.insert(s.id);
        out.push_str(&service_row(s.id, s.category, s.name_ja, s.name_en, a.services.get(s.id)));
    }
    for (id, state) in &a.services {
        if !listed.contains(id.as_str()) {
            out.push_str(&service_row(id.as_str(), "", "", "", Some(state)));
        }
    }
    out
}

/// One CSV record: the fields joined by commas, each quoted when needed (RFC 4180),
/// ended by CRLF. Fields are written as given: guard user text with [`text_cell`].
pub fn csv_row(fields: &[&str]) -> String {
    let mut row = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        push_field(&mut row, field);
    }
    row.push_str("\r\n");
    row
}

/// A text cell safe from formula injection: text beginning with `=`, `+`, `-`, `@`,
/// TAB or CR is prefixed with `'`; anything else is returned unchanged.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The columns of the improvement-plan CSV.
const PLAN_HEADER: [&str; 13] = [
    "id", "category", "name_ja", "name_en", "level", "current", "target", "gap", "action", "owner", "due", "status",
    "overdue",
];

/// The improvement plan for spreadsheets: UTF-8 with BOM, CRLF, one row per
/// [`crate::model::plan::plan_rows`] row; `overdue` is `yes` when the item is past
/// its due date on `today` and not done.
pub fn plan_csv(a: &Assessment, today: &crate::model::Date) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&csv_row(&PLAN_HEADER));
    for row in crate::model::plan::plan_rows(a) {
        let code = |s: Option<Score>| s.map(Score::as_code).unwrap_or_default();
        let item = row.item.cloned().unwrap_or_default();
        out.push_str(&csv_row(&[
            row.service.id,
            row.service.category,
            &text_cell(row.service.name_ja),
            &text_cell(row.service.name_en),
            row.level.map_or("", Level::as_str),
            &code(row.current),
            &code(row.target),
            &row.gap.map(|g| g.to_string()).unwrap_or_default(),
            &text_cell(&item.action),
            &text_cell(&item.owner),
            item.due.as_ref().map_or("", |d| d.as_str()),
            if row.item.is_some() { item.status.as_str() } else { "" },
            if item.is_overdue(today) { "yes" } else { "" },
        ]));
    }
    out
}

fn service_row(id: &str, category: &str, name_ja: &str, name_en: &str, state: Option<&ServiceAssessment>) -> String {
    let blank = ServiceAssessment::default();
    let s = state.unwrap_or(&blank);
    let current = s.current.map(Score::as_code).unwrap_or_default();
    let target = s.target.map(Score::as_code).unwrap_or_default();
    let gap = s.gap().map(|g| g.to_string()).unwrap_or_default();
    csv_row(&[
        id,
        category,
        &text_cell(name_ja),
        &text_cell(name_en),
        s.level.map_or("", Level::as_str),
        s.sourcing.map_or("", Sourcing::as_str),
        &text_cell(&s.provider),
        &current,
        &target,
        &gap,
        &text_cell(&s.note),
    ])
}

fn push_field(row: &mut String, field: &str) {
    let quote = field.contains([',', '"', '\r', '\n'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if quote {
        row.push('"');
        row.push_str(&field.replace('"', "\"\""));
        row.push('"');
    } else {
        row.push_str(field);
    }
}
