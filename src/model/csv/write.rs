use std::borrow::Cow;
use std::collections::BTreeSet;

use super::super::{Assessment, Lang, Level, Score, ServiceAssessment};
use super::words::{self, Column};

/// The byte order mark that starts the file.
const BOM: char = '\u{feff}';

/// The characters that make a spreadsheet read a cell as a formula.
pub(super) const FORMULA_CHARS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The services of `a` as a CSV document with the codes of the exchange format
/// (see the module documentation): what `export-csv` downloads.
pub fn services_csv(a: &Assessment) -> String {
    services_csv_in(a, Lang::En)
}

/// The services of `a` as a CSV document: with the codes of the exchange format
/// (`Lang::En`), or with Japanese headers and Japanese words for level, sourcing and
/// n/a (`Lang::Ja`: `推奨レベル`, `ベーシック`, `内製`, `適用外`). Both read back.
pub fn services_csv_in(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&csv_row(&Column::ALL.map(|c| c.header(lang))));
    let mut listed = BTreeSet::new();
    let row =
        |id: &str, category, name_ja, name_en, state| service_row(a, lang, [id, category, name_ja, name_en], state);
    for s in a.catalogue.all_services(&a.custom_services) {
        listed.insert(s.id);
        out.push_str(&row(s.id, s.category, s.name_ja, s.name_en, a.services.get(s.id)));
    }
    for (id, state) in &a.services {
        if !listed.contains(id.as_str()) {
            out.push_str(&row(id.as_str(), "", "", "", Some(state)));
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
/// TAB or CR is prefixed with `'`; so is text beginning with `'`, so that the import
/// can take the prefix off again and read back exactly the text written. Anything
/// else is returned unchanged.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_CHARS) || text.starts_with('\'') {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The columns of the improvement-plan CSV.
const PLAN_HEADER: [&str; 14] = [
    "id", "category", "name_ja", "name_en", "level", "current", "target", "gap", "action", "owner", "due", "status",
    "overdue", "expected",
];

/// The improvement plan for spreadsheets: UTF-8 with BOM, CRLF, one row per
/// [`crate::model::plan::plan_rows`] row; `overdue` is `yes` when the item is past
/// its due date on `today` and not done; `expected` is the item's expected score
/// (empty: the target).
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
            &item.expected.map(|r| r.value().to_string()).unwrap_or_default(),
        ]));
    }
    out
}

/// One service's row; `names` are its id, category and names.
fn service_row(a: &Assessment, lang: Lang, names: [&str; 4], state: Option<&ServiceAssessment>) -> String {
    let blank = ServiceAssessment::default();
    let s = state.unwrap_or(&blank);
    let [id, category, name_ja, name_en] = names;
    let current = words::score_word(s.current, lang);
    let target = words::score_word(s.target, lang);
    let gap = s.gap().map(|g| g.to_string()).unwrap_or_default();
    let titles: Vec<&str> = s.evidence.iter().map(|e| e.title.as_str()).collect();
    csv_row(&[
        id,
        category,
        &text_cell(name_ja),
        &text_cell(name_en),
        words::level_word(a.catalogue, s.level, lang),
        words::sourcing_word(s.sourcing, lang),
        &text_cell(&s.provider),
        &current,
        &target,
        &gap,
        &text_cell(&s.note),
        &s.evidence.len().to_string(),
        &text_cell(&titles.join("\n")),
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
