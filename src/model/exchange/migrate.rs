//! Upgrading files written by older versions of the format, one version at a time.
//!
//! Version 1 is the first published version, so [`STEPS`] is empty today. When the
//! format changes, add a step from the previous version here and raise
//! [`super::VERSION`]; the chain is checked by tests to have no holes.

use serde_json::{Map, Value};

/// Turns a document of version `from` into one of version `from + 1`.
#[derive(Clone, Copy)]
pub struct Migration {
    pub from: u64,
    pub step: fn(Map<String, Value>) -> Map<String, Value>,
}

/// Every migration, oldest first.
pub const STEPS: &[Migration] = &[];

/// The oldest version this build reads.
pub fn oldest_readable(steps: &[Migration], current: u64) -> u64 {
    let mut oldest = current;
    while let Some(m) = steps.iter().find(|m| m.from + 1 == oldest) {
        oldest = m.from;
    }
    oldest
}

/// Applies `steps` until the document reaches version `to`. Returns `None` when a
/// step is missing (the version is too old to read).
pub fn migrate(
    mut doc: Map<String, Value>,
    mut version: u64,
    to: u64,
    steps: &[Migration],
) -> Option<Map<String, Value>> {
    while version < to {
        let m = steps.iter().find(|m| m.from == version)?;
        doc = (m.step)(doc);
        version += 1;
        doc.insert("version".to_owned(), Value::from(version));
    }
    Some(doc)
}
