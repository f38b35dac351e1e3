//! Reading a document: every check docs/exchange-format.md asks for, collecting all the
//! problems found (up to [`MAX_PROBLEMS`]) with their places.
//!
//! By concern: `header` (format, version and catalogue, each fatal), `fields` (the
//! shape of single fields, and the problem list), `services` (service and custom
//! service entries) and `plan_and_snapshots` (the later phases' entries).

mod fields;
mod header;
mod plan_and_snapshots;
mod services;

use serde_json::Value;

use super::error::{Expected, ImportError, JsonKind, ProblemKind};
use super::migrate::Migration;
use super::{MAX_ENTRIES, MAX_PROBLEMS, VERSION};
use crate::model::Assessment;
use fields::{fatal, show, Need, Reader};

/// Longest improvement action accepted, in characters.
pub const PLAN_ACTION_CHARS: usize = 2_000;

/// Reads a parsed document, migrating older versions with `steps`.
pub(super) fn read_document(root: Value, steps: &[Migration]) -> Result<Assessment, ImportError> {
    let (doc, catalogue) = header::read_header(root, steps)?;
    let mut r = Reader::new(catalogue);
    let name = r.text(&doc, "name", "", None, Need::NonEmpty, Assessment::MAX_NAME_CHARS);
    let organisation = r.text(&doc, "organisation", "", None, Need::Optional, Assessment::MAX_NAME_CHARS);
    let created = r.timestamp(&doc, "created", "", false);
    let updated = r.timestamp(&doc, "updated", "", false);
    r.custom_services(doc.get("custom_services"));
    let services = r.services(doc.get("services"), "services", true);
    let snapshots = r.snapshots(doc.get("snapshots"));
    let plan = r.plan(doc.get("plan"));

    if r.problems.is_empty() {
        Ok(Assessment {
            catalogue,
            name: name.unwrap_or_default(),
            organisation: organisation.unwrap_or_default(),
            created,
            updated,
            services,
            custom_services: r.custom,
            snapshots,
            plan,
        })
    } else {
        Err(ImportError::Invalid { problems: r.problems, more: r.more })
    }
}

/// Reads a backup: every assessment in it, or every problem of every one (their
/// paths prefixed with `assessments[i].`).
pub(super) fn read_backup(root: Value, steps: &[Migration]) -> Result<Vec<Assessment>, ImportError> {
    match root.get("version") {
        None => return Err(fatal("version", ProblemKind::Missing)),
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > VERSION) => {
            return Err(fatal("version", ProblemKind::NewerVersion { found: n.to_string() }))
        }
        Some(v) => return Err(fatal("version", ProblemKind::BadVersion { found: show(v), oldest: VERSION })),
    }
    let items = match root.get("assessments") {
        None => return Err(fatal("assessments", ProblemKind::Missing)),
        Some(Value::Array(items)) if items.len() > MAX_ENTRIES => {
            return Err(fatal("assessments", ProblemKind::TooMany { len: items.len(), max: MAX_ENTRIES }))
        }
        Some(Value::Array(items)) => items,
        Some(v) => {
            return Err(fatal(
                "assessments",
                ProblemKind::WrongType { expected: Expected::Array, found: JsonKind::of(v) },
            ))
        }
    };
    let mut out = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    let mut more = 0;
    for (i, item) in items.iter().enumerate() {
        match read_document(item.clone(), steps) {
            Ok(a) => out.push(a),
            Err(ImportError::Invalid { problems: found, more: extra }) => {
                more += extra;
                for mut p in found {
                    p.path = if p.path.is_empty() {
                        format!("assessments[{i}]")
                    } else {
                        format!("assessments[{i}].{}", p.path)
                    };
                    if problems.len() < MAX_PROBLEMS {
                        problems.push(p);
                    } else {
                        more += 1;
                    }
                }
            }
            Err(other) => return Err(other),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ImportError::Invalid { problems, more })
    }
}
