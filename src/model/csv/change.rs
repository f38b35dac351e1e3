//! A change a CSV file makes to one field of one service, and applying or undoing a
//! list of them.

use super::super::aggregate::NO_VALUE;
use super::super::{Assessment, Catalogue, Lang, Level, Score, ServiceAssessment, ServiceId, Sourcing};
use super::words::{self, Column};

/// A field of a service that the CSV import sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CsvField {
    Level,
    Sourcing,
    Provider,
    Current,
    Target,
    Note,
}

impl CsvField {
    pub const ALL: [CsvField; 6] =
        [CsvField::Level, CsvField::Sourcing, CsvField::Provider, CsvField::Current, CsvField::Target, CsvField::Note];

    /// The column that holds the field.
    pub fn column(self) -> Column {
        match self {
            CsvField::Level => Column::Level,
            CsvField::Sourcing => Column::Sourcing,
            CsvField::Provider => Column::Provider,
            CsvField::Current => Column::Current,
            CsvField::Target => Column::Target,
            CsvField::Note => Column::Note,
        }
    }

    /// The field a column sets; `None` for the columns the import does not use.
    pub fn of_column(column: Column) -> Option<CsvField> {
        CsvField::ALL.into_iter().find(|f| f.column() == column)
    }

    /// The exchange-format name (`level`, `current`, ...).
    pub fn code(self) -> &'static str {
        self.column().code()
    }

    /// The field's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.column().label(lang)
    }
}

/// The value of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    Level(Option<Level>),
    Sourcing(Option<Sourcing>),
    Provider(String),
    Current(Option<Score>),
    Target(Option<Score>),
    Note(String),
}

impl FieldValue {
    /// The value of `field` in `state`.
    pub fn of(field: CsvField, state: &ServiceAssessment) -> FieldValue {
        match field {
            CsvField::Level => FieldValue::Level(state.level),
            CsvField::Sourcing => FieldValue::Sourcing(state.sourcing),
            CsvField::Provider => FieldValue::Provider(state.provider.clone()),
            CsvField::Current => FieldValue::Current(state.current),
            CsvField::Target => FieldValue::Target(state.target),
            CsvField::Note => FieldValue::Note(state.note.clone()),
        }
    }

    pub fn field(&self) -> CsvField {
        match self {
            FieldValue::Level(_) => CsvField::Level,
            FieldValue::Sourcing(_) => CsvField::Sourcing,
            FieldValue::Provider(_) => CsvField::Provider,
            FieldValue::Current(_) => CsvField::Current,
            FieldValue::Target(_) => CsvField::Target,
            FieldValue::Note(_) => CsvField::Note,
        }
    }

    /// Sets this value in `state`.
    fn set(&self, state: &mut ServiceAssessment) {
        match self {
            FieldValue::Level(v) => state.level = *v,
            FieldValue::Sourcing(v) => state.sourcing = *v,
            FieldValue::Provider(v) => state.provider.clone_from(v),
            FieldValue::Current(v) => state.current = *v,
            FieldValue::Target(v) => state.target = *v,
            FieldValue::Note(v) => state.note.clone_from(v),
        }
    }

    /// The value as the interface shows it in `lang` (level and sourcing names,
    /// `適用外` / `n/a`); [`NO_VALUE`] when not set.
    pub fn display(&self, catalogue: Catalogue, lang: Lang) -> String {
        let text = match self {
            FieldValue::Level(l) => {
                l.and_then(|l| catalogue.level(l)).map(|d| d.name.get(lang).to_owned()).unwrap_or_default()
            }
            FieldValue::Sourcing(s) => s.map(|s| words::sourcing_name(s, lang)).unwrap_or_default().to_owned(),
            FieldValue::Current(s) | FieldValue::Target(s) => words::score_word(*s, lang),
            FieldValue::Provider(t) | FieldValue::Note(t) => t.clone(),
        };
        if text.is_empty() {
            NO_VALUE.to_owned()
        } else {
            text
        }
    }
}

/// One field of one service that a file changes: what it is and what it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvChange {
    pub service: ServiceId,
    /// The spreadsheet row that asks for the change.
    pub row: usize,
    pub old: FieldValue,
    pub new: FieldValue,
}

impl CsvChange {
    pub fn field(&self) -> CsvField {
        self.new.field()
    }
}

/// Sets every change's new value (the import). Only the fields named are set, so this
/// may run again on a newer state of the assessment.
pub fn apply(a: &mut Assessment, changes: &[CsvChange]) {
    for c in changes {
        a.edit_service(&c.service, |s| c.new.set(s));
    }
}

/// What undoing an import does to an assessment: the changes set back, and those
/// left as they are because their field was changed since the import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvUndo {
    /// Set back to the value before the import (or holding it already).
    pub undone: Vec<CsvChange>,
    /// Their field holds neither the imported value nor the one before: changed since
    /// the import (in this tab or another), so the undo leaves it.
    pub kept: Vec<CsvChange>,
}

/// What [`revert`] would do to `a`, without doing it.
pub fn undoable(a: &Assessment, changes: &[CsvChange]) -> CsvUndo {
    let mut out = CsvUndo::default();
    for c in changes {
        let now = FieldValue::of(c.field(), &a.service(c.service.as_str()));
        if now == c.new || now == c.old {
            out.undone.push(c.clone());
        } else {
            out.kept.push(c.clone());
        }
    }
    out
}

/// The undo of [`apply`]: sets back the old value of every change whose field still
/// holds the imported value; a field changed since the import keeps what it holds
/// now. Only those fields are set, so this may run again on a newer state of the
/// assessment (another tab's), and checks again there.
pub fn revert(a: &mut Assessment, changes: &[CsvChange]) -> CsvUndo {
    let out = undoable(a, changes);
    for c in out.undone.iter().rev() {
        if FieldValue::of(c.field(), &a.service(c.service.as_str())) == c.new {
            a.edit_service(&c.service, |s| c.old.set(s));
        }
    }
    out
}
