//! The shape of single fields (strings, time stamps, arrays, objects, ids), the list
//! of problems found so far, and how values found in a file are quoted in messages.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::model::exchange::error::{Expected, ImportError, JsonKind, Problem, ProblemKind};
use crate::model::exchange::{MAX_ENTRIES, MAX_PROBLEMS};
use crate::model::{Catalogue, CustomService, ServiceId, Timestamp};

/// Shows a value found in a file: JSON text, shortened. Containers are not spelled out.
pub(in crate::model::exchange) fn show(value: &Value) -> String {
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

/// A problem that stops the reading at once.
pub(in crate::model::exchange) fn fatal(path: &str, kind: ProblemKind) -> ImportError {
    ImportError::Invalid { problems: vec![Problem { path: path.to_owned(), service: None, kind }], more: 0 }
}

/// Writes the characters that reorder text (right-to-left marks, embeddings,
/// overrides, isolates) as `\uXXXX`, so a value quoted in a message cannot flip
/// how the message reads.
fn escape_bidi(text: &str) -> String {
    let is_bidi =
        |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(is_bidi) {
        return text.to_owned();
    }
    text.chars().map(|c| if is_bidi(c) { format!("\\u{:04x}", c as u32) } else { c.to_string() }).collect()
}

/// The path of field `key` inside the entry at `prefix`.
pub(super) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Whether a string field must hold something.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Optional,
    NonEmpty,
}

/// The state of one reading: the catalogue, the custom services read so far, and the
/// problems found (the first [`MAX_PROBLEMS`], then a count). Each entry of a list of
/// services is checked in logarithmic time: the known ids are numbered in a map, and
/// where each was first seen in the list being read is kept by number.
pub(super) struct Reader {
    pub(super) catalogue: Catalogue,
    pub(super) custom: Vec<CustomService>,
    pub(super) problems: Vec<Problem>,
    pub(super) more: usize,
    /// The ids of the catalogue's services and of `custom`, each with its number.
    known: BTreeMap<String, usize>,
    /// By number: the list (see `list`) and the index where the service was last
    /// seen; a list other than the current one means not seen in it yet.
    seen: Vec<(usize, usize)>,
    /// The number of the list being read, from 1.
    list: usize,
}

impl Reader {
    /// A reading against `catalogue` with nothing found yet.
    pub(super) fn new(catalogue: Catalogue) -> Self {
        let ids = catalogue.categories.iter().flat_map(|c| c.services.iter().map(|s| s.id.to_owned()));
        let known: BTreeMap<String, usize> = ids.enumerate().map(|(number, id)| (id, number)).collect();
        let seen = vec![(0, 0); known.len()];
        Reader { catalogue, custom: Vec::new(), problems: Vec::new(), more: 0, known, seen, list: 0 }
    }

    /// The number of a service of the catalogue or a custom one read so far.
    pub(super) fn known(&self, id: &str) -> Option<usize> {
        self.known.get(id).copied()
    }

    /// Adds a custom service whose id is not known yet.
    pub(super) fn add_custom(&mut self, service: CustomService) {
        self.known.insert(service.id.as_str().to_owned(), self.seen.len());
        self.seen.push((0, 0));
        self.custom.push(service);
    }

    /// Starts reading a new list of services: none seen in it yet.
    pub(super) fn start_list(&mut self) {
        self.list += 1;
    }

    /// Notes that service `number` is at `index` of the list being read; the index
    /// where it was seen before in this list, if it was.
    pub(super) fn seen_at(&mut self, number: usize, index: usize) -> Option<usize> {
        let slot = self.seen.get_mut(number)?;
        if slot.0 == self.list {
            return Some(slot.1);
        }
        *slot = (self.list, index);
        None
    }

    pub(super) fn problem(&mut self, path: String, service: Option<&str>, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path, service: service.map(str::to_owned), kind });
        } else {
            self.more += 1;
        }
    }

    pub(super) fn wrong_type(&mut self, path: String, service: Option<&str>, expected: Expected, found: &Value) {
        self.problem(path, service, ProblemKind::WrongType { expected, found: JsonKind::of(found) });
    }

    /// A string field. Absent or `null` is fine unless `need` is `NonEmpty`.
    pub(super) fn text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        prefix: &str,
        service: Option<&str>,
        need: Need,
        max: usize,
    ) -> Option<String> {
        // The path is only written out for a problem.
        let path = || join(prefix, key);
        match obj.get(key) {
            None | Some(Value::Null) => {
                if need == Need::NonEmpty {
                    self.problem(path(), service, ProblemKind::Missing);
                }
                None
            }
            Some(Value::String(s)) => {
                // Characters are never more than bytes: count them only when it matters.
                let len = if s.len() > max { s.chars().count() } else { s.len() };
                if len > max {
                    self.problem(path(), service, ProblemKind::TooLong { len, max });
                    None
                } else if need == Need::NonEmpty && s.trim().is_empty() {
                    self.problem(path(), service, ProblemKind::Empty);
                    None
                } else {
                    Some(s.clone())
                }
            }
            Some(v) => {
                self.wrong_type(path(), service, Expected::String, v);
                None
            }
        }
    }

    pub(super) fn timestamp(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        prefix: &str,
        required: bool,
    ) -> Option<Timestamp> {
        let path = || join(prefix, key);
        match obj.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(path(), None, ProblemKind::Missing);
                }
                None
            }
            Some(v @ Value::String(s)) => {
                let t = Timestamp::parse(s);
                if t.is_none() {
                    self.problem(path(), None, ProblemKind::BadTimestamp { found: show(v) });
                }
                t
            }
            Some(v) => {
                self.wrong_type(path(), None, Expected::String, v);
                None
            }
        }
    }

    /// An array field; `None` (with a problem when `required`) if absent or not an array.
    pub(super) fn array<'v>(&mut self, value: Option<&'v Value>, path: &str, required: bool) -> Option<&'v [Value]> {
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

    pub(super) fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(o) => Some(o),
            v => {
                self.wrong_type(path.to_owned(), None, Expected::Object, v);
                None
            }
        }
    }

    /// The `id` of an entry, checked for shape only.
    pub(super) fn id(&mut self, obj: &Map<String, Value>, prefix: &str) -> Option<ServiceId> {
        let path = || join(prefix, "id");
        match obj.get("id") {
            None | Some(Value::Null) => {
                self.problem(path(), None, ProblemKind::Missing);
                None
            }
            Some(v @ Value::String(s)) => match ServiceId::parse(s) {
                Ok(id) => Some(id),
                Err(_) => {
                    self.problem(path(), None, ProblemKind::BadId { found: show(v) });
                    None
                }
            },
            Some(v) => {
                self.wrong_type(path(), None, Expected::String, v);
                None
            }
        }
    }
}
