//! The document header: the root is an object, and its `format`, `version` and
//! `catalogue`. Each problem here stops the reading, as nothing after it can be trusted.

use serde_json::{Map, Value};

use super::fields::{fatal, show};
use crate::model::exchange::error::{Expected, ImportError, JsonKind, ProblemKind};
use crate::model::exchange::migrate::{self, Migration};
use crate::model::exchange::{FORMAT, VERSION};
use crate::model::{Catalogue, CatalogueDef};

/// Checks the header of `root` and migrates it to the current version with `steps`:
/// the document as of [`VERSION`] and the catalogue it names.
pub(super) fn read_header(root: Value, steps: &[Migration]) -> Result<(Map<String, Value>, Catalogue), ImportError> {
    let Value::Object(doc) = root else {
        return Err(fatal("", ProblemKind::WrongType { expected: Expected::Object, found: JsonKind::of(&root) }));
    };
    check_format(&doc)?;
    let oldest = migrate::oldest_readable(steps, VERSION);
    let version = read_version(&doc, oldest)?;
    let Some(doc) = migrate::migrate(doc, version, VERSION, steps) else {
        return Err(fatal("version", ProblemKind::BadVersion { found: version.to_string(), oldest }));
    };
    let catalogue = read_catalogue(&doc)?;
    Ok((doc, catalogue))
}

/// `format` is this format's name.
fn check_format(doc: &Map<String, Value>) -> Result<(), ImportError> {
    match doc.get("format") {
        None => Err(fatal("format", ProblemKind::Missing)),
        Some(Value::String(s)) if s == FORMAT => Ok(()),
        Some(v @ Value::String(_)) => Err(fatal("format", ProblemKind::NotThisFormat { found: show(v) })),
        Some(v) => Err(fatal("format", ProblemKind::WrongType { expected: Expected::String, found: JsonKind::of(v) })),
    }
}

/// `version`: a version from `oldest` to [`VERSION`].
fn read_version(doc: &Map<String, Value>, oldest: u64) -> Result<u64, ImportError> {
    match doc.get("version") {
        None => Err(fatal("version", ProblemKind::Missing)),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > VERSION => Err(fatal("version", ProblemKind::NewerVersion { found: n.to_string() })),
            Some(v) if v >= oldest => Ok(v),
            _ => Err(fatal("version", ProblemKind::BadVersion { found: n.to_string(), oldest })),
        },
        Some(v) => {
            Err(fatal("version", ProblemKind::WrongType { expected: Expected::Integer, found: JsonKind::of(v) }))
        }
    }
}

/// `catalogue`: the id of a catalogue this build knows.
fn read_catalogue(doc: &Map<String, Value>) -> Result<Catalogue, ImportError> {
    match doc.get("catalogue") {
        None => Err(fatal("catalogue", ProblemKind::Missing)),
        Some(v @ Value::String(s)) => {
            CatalogueDef::by_id(s).ok_or_else(|| fatal("catalogue", ProblemKind::UnknownCatalogue { found: show(v) }))
        }
        Some(v) => {
            Err(fatal("catalogue", ProblemKind::WrongType { expected: Expected::String, found: JsonKind::of(v) }))
        }
    }
}
