//! Reading a document: every check docs/exchange-format.md asks for, collecting all the
//! problems found (up to [`MAX_PROBLEMS`]) with their places.
//!
//! By concern: `header` (format, version and catalogue, each fatal), `fields` (the
//! shape of single fields, and the problem list), `services` (service and custom
//! service entries), `evidence` (a service's evidence items), `plan_and_snapshots`
//! (the later phases' entries), `quick` (the category-level quick check) and
//! `workshop` (the round it belongs to).

mod evidence;
mod fields;
mod header;
mod plan_and_snapshots;
mod quick;
mod services;
mod workshop;

use serde_json::Value;

use super::backup::{BackupContents, DamagedMember};
use super::error::{Expected, ImportError, JsonKind, ProblemKind};
use super::migrate::Migration;
use super::{MAX_ENTRIES, MAX_PROBLEMS, VERSION};
use crate::model::Assessment;
pub(super) use fields::fatal;
pub(super) use fields::show;
use fields::{Need, Reader};

/// Longest improvement action accepted, in characters (defined with the other limits).
use crate::model::limits::MAX_PLAN_ACTION_CHARS as PLAN_ACTION_CHARS;

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
    let plan = r.plan(doc.get("plan"), "plan");
    let quick = r.quick(doc.get("quick"));
    let workshop = r.workshop(doc.get("workshop"));

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
            quick,
            workshop,
        })
    } else {
        Err(ImportError::Invalid { problems: r.problems, more: r.more })
    }
}

/// Reads a backup: every member that can be read, and the others named. Its
/// envelope must be right, and at least one member readable; otherwise the error
/// lists every problem of every member, their paths prefixed with `assessments[i].`.
pub(super) fn read_backup(root: Value, steps: &[Migration]) -> Result<BackupContents, ImportError> {
    check_backup_version(&root)?;
    let items = backup_items(root)?;
    read_members(items.into_iter().map(Ok).collect(), steps)
}

/// [`read_backup`] for a backup whose members were parsed one by one: `members` holds
/// each member's value, or its name (when it can be found) and why it could not be parsed.
pub(super) fn read_backup_parsed(
    envelope: Value,
    members: Vec<Result<Value, (Option<String>, ImportError)>>,
    steps: &[Migration],
) -> Result<BackupContents, ImportError> {
    check_backup_version(&envelope)?;
    if members.len() > MAX_ENTRIES {
        return Err(fatal("assessments", ProblemKind::TooMany { len: members.len(), max: MAX_ENTRIES }));
    }
    read_members(members, steps)
}

/// Every member that can be read, and the others named.
fn read_members(
    items: Vec<Result<Value, (Option<String>, ImportError)>>,
    steps: &[Migration],
) -> Result<BackupContents, ImportError> {
    let mut contents = BackupContents { members: Vec::with_capacity(items.len()), damaged: Vec::new() };
    for (i, item) in items.into_iter().enumerate() {
        let read = item.and_then(|item| {
            let name = item.get("name").and_then(Value::as_str).map(str::to_owned);
            read_document(item, steps).map_err(|error| (name, error))
        });
        match read {
            Ok(a) => contents.members.push(a),
            Err((name, error)) => contents.damaged.push(DamagedMember { position: i + 1, name, error }),
        }
    }
    if contents.members.is_empty() && !contents.damaged.is_empty() {
        return Err(all_damaged(contents.damaged));
    }
    Ok(contents)
}

/// The backup's `version`: this build's.
fn check_backup_version(root: &Value) -> Result<(), ImportError> {
    match root.get("version") {
        None => Err(fatal("version", ProblemKind::Missing)),
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => Ok(()),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > VERSION) => {
            Err(fatal("version", ProblemKind::NewerVersion { found: n.to_string() }))
        }
        Some(v) => Err(fatal("version", ProblemKind::BadVersion { found: show(v), oldest: VERSION })),
    }
}

/// The backup's `assessments`: a list of at most [`MAX_ENTRIES`] entries.
fn backup_items(root: Value) -> Result<Vec<Value>, ImportError> {
    let list = match root {
        Value::Object(mut fields) => fields.remove("assessments"),
        _ => None,
    };
    match list {
        None => Err(fatal("assessments", ProblemKind::Missing)),
        Some(Value::Array(items)) if items.len() > MAX_ENTRIES => {
            Err(fatal("assessments", ProblemKind::TooMany { len: items.len(), max: MAX_ENTRIES }))
        }
        Some(Value::Array(items)) => Ok(items),
        Some(v) => {
            Err(fatal("assessments", ProblemKind::WrongType { expected: Expected::Array, found: JsonKind::of(&v) }))
        }
    }
}

/// One error for a backup none of whose members can be read: every problem of every
/// member (the first [`MAX_PROBLEMS`], then a count), paths prefixed with the member's.
fn all_damaged(damaged: Vec<DamagedMember>) -> ImportError {
    let mut problems = Vec::new();
    let mut more = 0;
    for member in damaged {
        let i = member.position.saturating_sub(1);
        let ImportError::Invalid { problems: found, more: extra } = member.error else {
            return member.error;
        };
        more += extra;
        for mut p in found {
            p.path =
                if p.path.is_empty() { format!("assessments[{i}]") } else { format!("assessments[{i}].{}", p.path) };
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            } else {
                more += 1;
            }
        }
    }
    ImportError::Invalid { problems, more }
}
