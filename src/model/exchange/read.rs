//! Reading a document: every check CONTRACT.md §1 asks for, collecting all the
//! problems found (up to [`MAX_PROBLEMS`]) with their places.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::error::{Expected, ImportError, JsonKind, Problem, ProblemKind};
use super::migrate::{self, Migration};
use super::{FORMAT, MAX_ENTRIES, MAX_PROBLEMS, VERSION};
use crate::model::{
    Assessment, Catalogue, CatalogueDef, CategoryId, CustomService, Date, Level, LocalText, Plan, PlanItem, PlanStatus,
    Rating, Score, ServiceAssessment, ServiceId, ServiceStates, Snapshot, Sourcing, Timestamp,
};

/// Shows a value found in a file: JSON text, shortened. Containers are not spelled out.
fn show(value: &Value) -> String {
    const MAX: usize = 40;
    match value {
        Value::Array(_) => "[…]".to_owned(),
        Value::Object(_) => "{…}".to_owned(),
        _ => {
            let text = escape_bidi(&value.to_string());
            if text.chars().count() > MAX {
                let mut short: String = text.chars().take(MAX - 1).collect();
                short.push('…');
                short
            } else {
                text
            }
        }
    }
}

/// Longest improvement action accepted, in characters.
pub const PLAN_ACTION_CHARS: usize = 2_000;

/// A problem that stops the reading at once.
fn fatal(path: &str, kind: ProblemKind) -> ImportError {
    ImportError::Invalid { problems: vec![Problem { path: path.to_owned(), service: None, kind }], more: 0 }
}

/// Writes the characters that reorder text (right-to-left marks, embeddings,
/// overrides, isolates) as `\uXXXX`, so a value quoted in a message cannot flip
/// how the message reads.
fn escape_bidi(text: &str) -> String {
    let is_bidi = |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(is_bidi) {
        return text.to_owned();
    }
    text.chars().map(|c| if is_bidi(c) { format!("\\u{:04x}", c as u32) } else { c.to_string() }).collect()
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Reads a parsed document, migrating older versions with `steps`.
pub(super) fn read_document(root: Value, steps: &[Migration]) -> Result<Assessment, ImportError> {
    let Value::Object(doc) = root else {
        return Err(fatal("", ProblemKind::WrongType { expected: Expected::Object, found: JsonKind::of(&root) }));
    };
    // Header: each of these stops the reading, as nothing after it can be trusted.
    match doc.get("format") {
        None => return Err(fatal("format", ProblemKind::Missing)),
        Some(Value::String(s)) if s == FORMAT => {}
        Some(v @ Value::String(_)) => return Err(fatal("format", ProblemKind::NotThisFormat { found: show(v) })),
        Some(v) => {
            return Err(fatal("format", ProblemKind::WrongType { expected: Expected::String, found: JsonKind::of(v) }))
        }
    }
    let oldest = migrate::oldest_readable(steps, VERSION);
    let version = match doc.get("version") {
        None => return Err(fatal("version", ProblemKind::Missing)),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > VERSION => return Err(fatal("version", ProblemKind::NewerVersion { found: n.to_string() })),
            Some(v) if v >= oldest => v,
            _ => return Err(fatal("version", ProblemKind::BadVersion { found: n.to_string(), oldest })),
        },
        Some(v) => {
            return Err(fatal("version", ProblemKind::WrongType { expected: Expected::Integer, found: JsonKind::of(v) }))
        }
    };
    let Some(doc) = migrate::migrate(doc, version, VERSION, steps) else {
        return Err(fatal("version", ProblemKind::BadVersion { found: version.to_string(), oldest }));
    };
    let catalogue = match doc.get("catalogue") {
        None => return Err(fatal("catalogue", ProblemKind::Missing)),
        Some(v @ Value::String(s)) => match CatalogueDef::by_id(s) {
            Some(c) => c,
            None => return Err(fatal("catalogue", ProblemKind::UnknownCatalogue { found: show(v) })),
        },
        Some(v) => {
            return Err(fatal("catalogue", ProblemKind::WrongType { expected: Expected::String, found: JsonKind::of(v) }))
        }
    };

    let mut r = Reader { catalogue, custom: Vec::new(), problems: Vec::new(), more: 0 };
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
        Some(v) => return Err(fatal("assessments", ProblemKind::WrongType { expected: Expected::Array, found: JsonKind::of(v) })),
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
                    p.path = if p.path.is_empty() { format!("assessments[{i}]") } else { format!("assessments[{i}].{}", p.path) };
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Optional,
    NonEmpty,
}

struct Reader {
    catalogue: Catalogue,
    custom: Vec<CustomService>,
    problems: Vec<Problem>,
    more: usize,
}

impl Reader {
    fn problem(&mut self, path: String, service: Option<&str>, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path, service: service.map(str::to_owned), kind });
        } else {
            self.more += 1;
        }
    }

    fn wrong_type(&mut self, path: String, service: Option<&str>, expected: Expected, found: &Value) {
        self.problem(path, service, ProblemKind::WrongType { expected, found: JsonKind::of(found) });
    }

    /// A string field. Absent or `null` is fine unless `need` is `NonEmpty`.
    fn text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        prefix: &str,
        service: Option<&str>,
        need: Need,
        max: usize,
    ) -> Option<String> {
        let path = join(prefix, key);
        match obj.get(key) {
            None | Some(Value::Null) => {
                if need == Need::NonEmpty {
                    self.problem(path, service, ProblemKind::Missing);
                }
                None
            }
            Some(Value::String(s)) => {
                let len = s.chars().count();
                if len > max {
                    self.problem(path, service, ProblemKind::TooLong { len, max });
                    None
                } else if need == Need::NonEmpty && s.trim().is_empty() {
                    self.problem(path, service, ProblemKind::Empty);
                    None
                } else {
                    Some(s.clone())
                }
            }
            Some(v) => {
                self.wrong_type(path, service, Expected::String, v);
                None
            }
        }
    }

    fn timestamp(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str, required: bool) -> Option<Timestamp> {
        let path = join(prefix, key);
        match obj.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(path, None, ProblemKind::Missing);
                }
                None
            }
            Some(v @ Value::String(s)) => {
                let t = Timestamp::parse(s);
                if t.is_none() {
                    self.problem(path, None, ProblemKind::BadTimestamp { found: show(v) });
                }
                t
            }
            Some(v) => {
                self.wrong_type(path, None, Expected::String, v);
                None
            }
        }
    }

    /// An array field; `None` (with a problem when `required`) if absent or not an array.
    fn array<'v>(&mut self, value: Option<&'v Value>, path: &str, required: bool) -> Option<&'v [Value]> {
        match value {
            None | Some(Value::Null) => {
                if required {
                    self.problem(path.to_owned(), None, ProblemKind::Missing);
                }
                None
            }
            Some(Value::Array(items)) if items.len() > MAX_ENTRIES => {
                self.problem(path.to_owned(), None, ProblemKind::TooMany { len: items.len(), max: MAX_ENTRIES });
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(v) => {
                self.wrong_type(path.to_owned(), None, Expected::Array, v);
                None
            }
        }
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(o) => Some(o),
            v => {
                self.wrong_type(path.to_owned(), None, Expected::Object, v);
                None
            }
        }
    }

    /// The `id` of an entry, checked for shape only.
    fn id(&mut self, obj: &Map<String, Value>, prefix: &str) -> Option<ServiceId> {
        let path = join(prefix, "id");
        match obj.get("id") {
            None | Some(Value::Null) => {
                self.problem(path, None, ProblemKind::Missing);
                None
            }
            Some(v @ Value::String(s)) => match ServiceId::parse(s) {
                Ok(id) => Some(id),
                Err(_) => {
                    self.problem(path, None, ProblemKind::BadId { found: show(v) });
                    None
                }
            },
            Some(v) => {
                self.wrong_type(path, None, Expected::String, v);
                None
            }
        }
    }

    /// The `id` of entry `index` of the list at `path`: a service of the catalogue or
    /// a custom one, not seen earlier in the same list.
    fn known_unique_id(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        index: usize,
        first_seen: &mut HashMap<ServiceId, usize>,
    ) -> Option<ServiceId> {
        let prefix = format!("{path}[{index}]");
        let id = self.id(obj, &prefix)?;
        let quoted = show(&Value::from(id.as_str()));
        if self.catalogue.find(&self.custom, id.as_str()).is_none() {
            let kind = ProblemKind::UnknownService { id: quoted, catalogue: self.catalogue.id.to_owned() };
            self.problem(join(&prefix, "id"), None, kind);
            None
        } else if let Some(first) = first_seen.get(&id) {
            let kind = ProblemKind::DuplicateService { id: quoted, first: format!("{path}[{first}]") };
            self.problem(join(&prefix, "id"), None, kind);
            None
        } else {
            first_seen.insert(id.clone(), index);
            Some(id)
        }
    }

    fn custom_services(&mut self, value: Option<&Value>) {
        let Some(items) = self.array(value, "custom_services", false) else { return };
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("custom_services[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.id(obj, &prefix);
            let sid = id.as_ref().map(|i| i.as_str().to_owned());
            let sid = sid.as_deref();
            let category = match obj.get("category") {
                None | Some(Value::Null) => {
                    self.problem(join(&prefix, "category"), sid, ProblemKind::Missing);
                    None
                }
                Some(v @ Value::String(s)) => match CategoryId::parse(s) {
                    Ok(c) if self.catalogue.category(c.as_str()).is_some() => Some(c),
                    _ => {
                        self.problem(join(&prefix, "category"), sid, ProblemKind::UnknownCategory { found: show(v) });
                        None
                    }
                },
                Some(v) => {
                    self.wrong_type(join(&prefix, "category"), sid, Expected::String, v);
                    None
                }
            };
            let name_path = join(&prefix, "name");
            let name = match obj.get("name") {
                None | Some(Value::Null) => {
                    self.problem(name_path, sid, ProblemKind::Missing);
                    None
                }
                Some(Value::Object(n)) => {
                    let ja = self.text(n, "ja", &name_path, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
                    let en = self.text(n, "en", &name_path, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
                    let name = LocalText::new(ja.unwrap_or_default(), en.unwrap_or_default());
                    if name.ja.trim().is_empty() && name.en.trim().is_empty() {
                        self.problem(name_path, sid, ProblemKind::Empty);
                        None
                    } else {
                        Some(name)
                    }
                }
                Some(v) => {
                    self.wrong_type(name_path, sid, Expected::Object, v);
                    None
                }
            };
            if let Some(id) = &id {
                if self.catalogue.find(&self.custom, id.as_str()).is_some() {
                    self.problem(join(&prefix, "id"), None, ProblemKind::IdTaken { id: show(&Value::from(id.as_str())) });
                    continue;
                }
            }
            if let (Some(id), Some(category), Some(name)) = (id, category, name) {
                self.custom.push(CustomService { id, category, name });
            }
        }
    }

    fn services(&mut self, value: Option<&Value>, path: &str, required: bool) -> ServiceStates {
        let mut states = ServiceStates::new();
        let Some(items) = self.array(value, path, required) else { return states };
        let mut first_seen: HashMap<ServiceId, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("{path}[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.known_unique_id(obj, path, i, &mut first_seen);
            let sid = id.as_ref().map(|s| s.as_str().to_owned());
            let state = self.service_fields(obj, &prefix, sid.as_deref());
            if let Some(id) = id {
                states.insert(id, state);
            }
        }
        states
    }

    fn service_fields(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> ServiceAssessment {
        let level = match obj.get("level") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let level = v.as_str().and_then(Level::parse);
                if level.is_none() {
                    self.problem(join(prefix, "level"), sid, ProblemKind::BadLevel { found: show(v) });
                }
                level
            }
        };
        let sourcing = match obj.get("sourcing") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let sourcing = v.as_str().and_then(Sourcing::parse);
                if sourcing.is_none() {
                    self.problem(join(prefix, "sourcing"), sid, ProblemKind::BadSourcing { found: show(v) });
                }
                sourcing
            }
        };
        let provider = self.text(obj, "provider", prefix, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
        let current = self.score(obj, "current", prefix, sid);
        let target = self.score(obj, "target", prefix, sid);
        let note = self.text(obj, "note", prefix, sid, Need::Optional, Assessment::MAX_NOTE_CHARS);
        ServiceAssessment {
            level,
            sourcing,
            provider: provider.unwrap_or_default(),
            current,
            target,
            note: note.unwrap_or_default(),
        }
    }

    fn score(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str, sid: Option<&str>) -> Option<Score> {
        let value = obj.get(key)?;
        let score = match value {
            Value::Null => return None,
            Value::Number(n) => n.as_i64().and_then(Rating::new).map(Score::Rated),
            Value::String(s) if s == Score::NOT_APPLICABLE => Some(Score::NotApplicable),
            _ => None,
        };
        if score.is_none() {
            self.problem(join(prefix, key), sid, ProblemKind::BadScore { found: show(value) });
        }
        score
    }

    fn snapshots(&mut self, value: Option<&Value>) -> Vec<Snapshot> {
        let mut snapshots = Vec::new();
        let Some(items) = self.array(value, "snapshots", false) else { return snapshots };
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("snapshots[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let label = self.text(obj, "label", &prefix, None, Need::NonEmpty, Assessment::MAX_NAME_CHARS);
            let taken = self.timestamp(obj, "taken", &prefix, true);
            let services = self.services(obj.get("services"), &join(&prefix, "services"), true);
            if let (Some(label), Some(taken)) = (label, taken) {
                snapshots.push(Snapshot { label, taken, services });
            }
        }
        snapshots
    }

    /// The improvement plan: one item per known service, at most once each.
    fn plan(&mut self, value: Option<&Value>) -> Plan {
        let mut plan = Plan::new();
        let Some(items) = self.array(value, "plan", false) else { return plan };
        let mut first_seen: HashMap<ServiceId, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("plan[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.known_unique_id(obj, "plan", i, &mut first_seen);
            let sid = id.as_ref().map(|s| s.as_str().to_owned());
            let sid = sid.as_deref();
            let action = self.text(obj, "action", &prefix, sid, Need::Optional, PLAN_ACTION_CHARS);
            let owner = self.text(obj, "owner", &prefix, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
            let due = match obj.get("due") {
                None | Some(Value::Null) => None,
                Some(v) => {
                    let date = v.as_str().and_then(Date::parse);
                    if date.is_none() {
                        self.problem(join(&prefix, "due"), sid, ProblemKind::BadDate { found: show(v) });
                    }
                    date
                }
            };
            let status = match obj.get("status") {
                None | Some(Value::Null) => PlanStatus::Open,
                Some(v) => v.as_str().and_then(PlanStatus::parse).unwrap_or_else(|| {
                    self.problem(join(&prefix, "status"), sid, ProblemKind::BadPlanStatus { found: show(v) });
                    PlanStatus::Open
                }),
            };
            let item = PlanItem { action: action.unwrap_or_default(), owner: owner.unwrap_or_default(), due, status };
            if let Some(id) = id {
                if !item.is_blank() {
                    plan.insert(id, item);
                }
            }
        }
        plan
    }
}
