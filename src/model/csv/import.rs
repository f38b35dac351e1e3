//! Reading a services CSV back into an assessment: the file's bytes to text, the text
//! to what each row asks for, and that to the list of changes a preview shows.
//!
//! The whole file is checked before anything is proposed: any problem refuses it
//! (every problem is named by row and column, up to [`MAX_PROBLEMS`]).

use std::collections::BTreeMap;

use super::super::exchange::MAX_BYTES;
use super::super::{Assessment, ServiceId};
use super::change::{self, CsvChange, CsvField, FieldValue};
use super::error::{CsvError, CsvProblem, CsvProblemKind, Heading, MAX_PROBLEMS};
use super::read::{self, Record};
use super::words::{self, Column, NotAWord};
use super::FORMULA_CHARS;

/// The file's text when it is UTF-8: with a byte order mark it must be UTF-8;
/// without, `None` when it is not UTF-8 (then it is read as Shift_JIS, which the
/// browser decodes). A file over [`MAX_BYTES`] is refused before anything else.
pub fn utf8_text(bytes: &[u8]) -> Result<Option<&str>, CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::TooLarge { bytes: bytes.len() });
    }
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return std::str::from_utf8(rest)
            .map(Some)
            .map_err(|e| CsvError::BadUtf8 { offset: e.valid_up_to() + BOM.len() });
    }
    Ok(std::str::from_utf8(bytes).ok())
}

/// What the rows of a file ask for: the value of each field it holds, by service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvUpdate {
    rows: Vec<(usize, ServiceId, Vec<FieldValue>)>,
}

/// A file read and checked against an assessment: what it asks for, and the changes
/// that makes to the assessment as it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPreview {
    pub update: CsvUpdate,
    pub changes: Vec<CsvChange>,
}

/// Reads `text` for `a`: the changes it makes, or why it is refused. The changes
/// applied must leave the assessment within the reader's limits.
pub fn preview(text: &str, a: &Assessment) -> Result<CsvPreview, CsvError> {
    let update = read_update(text, a)?;
    let changes = update.checked_changes(a)?;
    Ok(CsvPreview { update, changes })
}

impl CsvUpdate {
    /// [`CsvUpdate::changes`], refused when applying them would leave `a` beyond the
    /// reader's limits.
    pub fn checked_changes(&self, a: &Assessment) -> Result<Vec<CsvChange>, CsvError> {
        let changes = self.changes(a);
        let mut after = a.clone();
        change::apply(&mut after, &changes);
        after.check_limits().map_err(CsvError::Limit)?;
        Ok(changes)
    }

    /// Every field whose value in the file differs from its value in `a`, in the
    /// order of the file's rows and columns.
    pub fn changes(&self, a: &Assessment) -> Vec<CsvChange> {
        let mut out = Vec::new();
        for (row, service, values) in &self.rows {
            let state = a.service(service.as_str());
            for new in values {
                let old = FieldValue::of(new.field(), &state);
                if &old != new {
                    out.push(CsvChange { service: service.clone(), row: *row, old, new: new.clone() });
                }
            }
        }
        out
    }
}

/// Collects problems, up to [`MAX_PROBLEMS`], and counts the rest.
#[derive(Default)]
struct Problems {
    list: Vec<CsvProblem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, row: usize, column: Option<(usize, &str)>, kind: CsvProblemKind) {
        if self.list.len() < MAX_PROBLEMS {
            let column = column.map(|(n, name)| (n, Heading::of(name)));
            self.list.push(CsvProblem { row, column, kind });
        } else {
            self.more += 1;
        }
    }

    fn into_result<T>(self, value: T) -> Result<T, CsvError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(CsvError::Problems { problems: self.list, more: self.more })
        }
    }
}

/// Reads every row of `text` (see the module documentation).
pub fn read_update(text: &str, a: &Assessment) -> Result<CsvUpdate, CsvError> {
    let (records, broken) = read::records_until_error(text);
    if let Some(e) = broken {
        // The heading of the broken cell's column, when the header row came before it.
        let heading = match records.iter().find(|r| !r.is_blank()) {
            Some(header) => Heading::of(header.cells.get(e.column - 1).map_or("", String::as_str)),
            None => Heading::HeaderRow,
        };
        let problem =
            CsvProblem { row: e.row, column: Some((e.column, heading)), kind: CsvProblemKind::Syntax(e.kind) };
        return Err(CsvError::Problems { problems: vec![problem], more: 0 });
    }
    let mut records = records.into_iter().filter(|r| !r.is_blank());
    let header = records.next().ok_or(CsvError::Empty)?;
    let mut problems = Problems::default();
    let columns = read_header(&header, &mut problems);
    if !problems.list.is_empty() {
        return problems.into_result(CsvUpdate { rows: Vec::new() });
    }
    let known = Known::of(a);
    let mut seen: BTreeMap<ServiceId, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for record in records {
        if let Some(row) = read_row(&record, &header.cells, &columns, a, &known, &mut seen, &mut problems) {
            rows.push(row);
        }
    }
    problems.into_result(CsvUpdate { rows })
}

/// The column of each header cell (`None`: an empty header, a column not used).
fn read_header(header: &Record, problems: &mut Problems) -> Vec<Option<Column>> {
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, cell) in header.cells.iter().enumerate() {
        let place = Some((i + 1, cell.as_str()));
        let column = if words::fold(cell).is_empty() { None } else { Column::from_header(cell) };
        match column {
            None if !words::fold(cell).is_empty() => problems.add(header.row, place, CsvProblemKind::UnknownHeader),
            Some(c) => {
                if let Some(first) = columns.iter().position(|&k| k == Some(c)) {
                    problems.add(header.row, place, CsvProblemKind::DuplicateHeader { first: first + 1 });
                }
            }
            None => {}
        }
        columns.push(column);
    }
    if problems.list.is_empty() && !columns.contains(&Some(Column::Id)) {
        problems.add(header.row, None, CsvProblemKind::NoIdColumn);
    }
    columns
}

/// Every id the file may name: the catalogue's, the custom services' and any other id
/// the assessment holds (the export lists those too). Ids are case-sensitive in the
/// app, but a spreadsheet user may retype `i-8` for `I-8`: a cell is matched exactly
/// first, then ignoring ASCII case when that names one service only.
struct Known {
    exact: BTreeMap<String, ServiceId>,
    /// By the id in lower case: every id so spelt.
    folded: BTreeMap<String, Vec<ServiceId>>,
}

impl Known {
    fn of(a: &Assessment) -> Known {
        let mut exact = BTreeMap::new();
        for s in a.catalogue.all_services(&a.custom_services) {
            if let Ok(id) = ServiceId::parse(s.id) {
                exact.insert(s.id.to_owned(), id);
            }
        }
        for id in a.services.keys() {
            exact.entry(id.as_str().to_owned()).or_insert_with(|| id.clone());
        }
        let mut folded: BTreeMap<String, Vec<ServiceId>> = BTreeMap::new();
        for (spelling, id) in &exact {
            folded.entry(spelling.to_ascii_lowercase()).or_default().push(id.clone());
        }
        Known { exact, folded }
    }

    /// The service a (width-folded) id cell names, or why none.
    fn find(&self, cell: &str) -> Result<&ServiceId, CsvProblemKind> {
        if let Some(id) = self.exact.get(cell) {
            return Ok(id);
        }
        match self.folded.get(&cell.to_ascii_lowercase()).map(Vec::as_slice) {
            Some([id]) => Ok(id),
            Some(ids) if !ids.is_empty() => Err(CsvProblemKind::AmbiguousService {
                id: cell.to_owned(),
                matches: ids.iter().map(|i| i.as_str().to_owned()).collect(),
            }),
            _ => Err(CsvProblemKind::UnknownService(cell.to_owned())),
        }
    }
}

/// What one row asks for; `None` after noting its problems.
fn read_row(
    record: &Record,
    header: &[String],
    columns: &[Option<Column>],
    a: &Assessment,
    known: &Known,
    seen: &mut BTreeMap<ServiceId, usize>,
    problems: &mut Problems,
) -> Option<(usize, ServiceId, Vec<FieldValue>)> {
    let row = record.row;
    if record.cells.len() != columns.len() {
        let n = record.cells.len().min(columns.len()) + 1;
        let name = header.get(n - 1).map_or("", String::as_str);
        let kind = CsvProblemKind::CellCount { found: record.cells.len(), expected: columns.len() };
        problems.add(row, Some((n, name)), kind);
        return None;
    }
    let cell_of = |column: Column| columns.iter().position(|&c| c == Some(column));
    let id_at = cell_of(Column::Id)?;
    let id_place = Some((id_at + 1, header[id_at].as_str()));
    let id_cell = words::fold_width(&record.cells[id_at]);
    let mut ok = true;
    let service = if id_cell.is_empty() {
        problems.add(row, id_place, CsvProblemKind::NoId);
        None
    } else {
        match known.find(&id_cell) {
            Ok(service) => {
                if let Some(&first) = seen.get(service) {
                    let id = service.as_str().to_owned();
                    problems.add(row, id_place, CsvProblemKind::DuplicateService { id, first });
                    ok = false;
                } else {
                    seen.insert(service.clone(), row);
                }
                Some(service.clone())
            }
            Err(kind) => {
                problems.add(row, id_place, kind);
                None
            }
        }
    };
    let mut values = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let Some(field) = column.and_then(CsvField::of_column) else { continue };
        match read_value(field, &record.cells[i], a) {
            Ok(value) => values.push(value),
            Err(kind) => {
                problems.add(row, Some((i + 1, header[i].as_str())), kind);
                ok = false;
            }
        }
    }
    Some((row, service.filter(|_| ok)?, values))
}

/// The value of one cell of `field`.
fn read_value(field: CsvField, cell: &str, a: &Assessment) -> Result<FieldValue, CsvProblemKind> {
    let bad = |NotAWord| CsvProblemKind::BadValue { field, value: cell.trim().to_owned() };
    Ok(match field {
        CsvField::Level => FieldValue::Level(words::parse_level(a.catalogue, cell).map_err(bad)?),
        CsvField::Sourcing => FieldValue::Sourcing(words::parse_sourcing(cell).map_err(bad)?),
        CsvField::Current => FieldValue::Current(words::parse_score(cell).map_err(bad)?),
        CsvField::Target => FieldValue::Target(words::parse_score(cell).map_err(bad)?),
        CsvField::Provider => FieldValue::Provider(text(cell, Assessment::MAX_NAME_CHARS)?),
        CsvField::Note => FieldValue::Note(text(cell, Assessment::MAX_NOTE_CHARS)?),
    })
}

/// A text cell as the user typed it: the `'` the export puts before text that a
/// spreadsheet would take for a formula is taken off (see [`super::text_cell`]).
fn text(cell: &str, max: usize) -> Result<String, CsvProblemKind> {
    let text = unguard(cell);
    let len = text.chars().count();
    if len > max {
        return Err(CsvProblemKind::TooLong { len, max });
    }
    Ok(text.to_owned())
}

/// The inverse of [`super::text_cell`]: one leading `'` is dropped when the export
/// would have added it (before a formula character or another `'`).
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_CHARS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}
