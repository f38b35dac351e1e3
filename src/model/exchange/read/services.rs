//! Service entries: the custom services an organisation added, and the state of each
//! service (level, sourcing, provider, scores, note, evidence), in the working state or
//! a snapshot.

use serde_json::{Map, Value};

use super::fields::{join, show, Need, Reader};
use crate::model::exchange::error::{Expected, ProblemKind};
use crate::model::{
    Assessment, CategoryId, CustomService, Level, LocalText, Rating, Score, ServiceAssessment, ServiceId,
    ServiceStates, Sourcing,
};

impl Reader {
    /// The `id` of entry `index` of the list at `path` (the entry `obj` at `prefix`):
    /// a service of the catalogue or a custom one, not seen earlier in the same list
    /// (call [`Reader::start_list`] before each list).
    pub(super) fn known_unique_id(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        index: usize,
        prefix: &str,
    ) -> Option<ServiceId> {
        let id = self.id(obj, prefix)?;
        let quoted = || show(&Value::from(id.as_str()));
        let Some(number) = self.known(id.as_str()) else {
            let kind = ProblemKind::UnknownService { id: quoted(), catalogue: self.catalogue.id.to_owned() };
            self.problem(join(prefix, "id"), None, kind);
            return None;
        };
        match self.seen_at(number, index) {
            Some(first) => {
                let kind = ProblemKind::DuplicateService { id: quoted(), first: format!("{path}[{first}]") };
                self.problem(join(prefix, "id"), None, kind);
                None
            }
            None => Some(id),
        }
    }

    /// `custom_services`: each entry with a new id, a category of the catalogue and a
    /// name, added to the custom services known to the rest of the reading.
    pub(super) fn custom_services(&mut self, value: Option<&Value>) {
        let Some(items) = self.array(value, "custom_services", false) else { return };
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("custom_services[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.id(obj, &prefix);
            let sid = id.as_ref().map(ServiceId::as_str);
            let category = self.custom_category(obj, &prefix, sid);
            let name = self.custom_name(obj, &prefix, sid);
            if let Some(id) = &id {
                if self.known(id.as_str()).is_some() {
                    self.problem(
                        join(&prefix, "id"),
                        None,
                        ProblemKind::IdTaken { id: show(&Value::from(id.as_str())) },
                    );
                    continue;
                }
            }
            if let (Some(id), Some(category), Some(name)) = (id, category, name) {
                self.add_custom(CustomService { id, category, name });
            }
        }
    }

    /// The `category` of a custom service: one of the catalogue's.
    fn custom_category(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> Option<CategoryId> {
        match obj.get("category") {
            None | Some(Value::Null) => {
                self.problem(join(prefix, "category"), sid, ProblemKind::Missing);
                None
            }
            Some(v @ Value::String(s)) => match CategoryId::parse(s) {
                Ok(c) if self.catalogue.category(c.as_str()).is_some() => Some(c),
                _ => {
                    self.problem(join(prefix, "category"), sid, ProblemKind::UnknownCategory { found: show(v) });
                    None
                }
            },
            Some(v) => {
                self.wrong_type(join(prefix, "category"), sid, Expected::String, v);
                None
            }
        }
    }

    /// The `name` of a custom service: `{"ja": ..., "en": ...}`, at least one not blank.
    fn custom_name(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> Option<LocalText> {
        let name_path = join(prefix, "name");
        match obj.get("name") {
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
        }
    }

    /// A list of service states at `path`: one entry per known service, at most once each.
    pub(super) fn services(&mut self, value: Option<&Value>, path: &str, required: bool) -> ServiceStates {
        // Collected, then built at once: faster than inserting entries one by one.
        let mut states = Vec::new();
        let Some(items) = self.array(value, path, required) else { return ServiceStates::new() };
        self.start_list();
        // One buffer for every entry's path: no allocation per entry.
        let mut prefix = String::new();
        for (i, item) in items.iter().enumerate() {
            entry_path(&mut prefix, path, i);
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.known_unique_id(obj, path, i, &prefix);
            let state = self.service_fields(obj, &prefix, id.as_ref().map(ServiceId::as_str));
            if let Some(id) = id {
                states.push((id, state));
            }
        }
        self.evidence_total(path, states.iter().map(|(_, state)| state));
        states.into_iter().collect()
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
        let sourcing = self.sourcing(obj, prefix, sid);
        let provider = self.text(obj, "provider", prefix, sid, Need::Optional, Assessment::MAX_NAME_CHARS);
        let current = self.score(obj, "current", prefix, sid);
        let target = self.score(obj, "target", prefix, sid);
        let note = self.text(obj, "note", prefix, sid, Need::Optional, Assessment::MAX_NOTE_CHARS);
        let evidence = self.evidence(obj, prefix, sid);
        ServiceAssessment {
            level,
            sourcing,
            provider: provider.unwrap_or_default(),
            current,
            target,
            note: note.unwrap_or_default(),
            evidence,
        }
    }

    /// The `sourcing` of an entry: `insource`, `outsource`, or absent / `null`.
    pub(super) fn sourcing(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> Option<Sourcing> {
        match obj.get("sourcing") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let sourcing = v.as_str().and_then(Sourcing::parse);
                if sourcing.is_none() {
                    self.problem(join(prefix, "sourcing"), sid, ProblemKind::BadSourcing { found: show(v) });
                }
                sourcing
            }
        }
    }

    /// A score field: an integer 1 to 5, `"n/a"`, or absent / `null`.
    pub(super) fn score(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        prefix: &str,
        sid: Option<&str>,
    ) -> Option<Score> {
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
}

/// Writes the path of entry `index` of the list at `path` into `buffer`, such as
/// `services[3]`.
pub(super) fn entry_path(buffer: &mut String, path: &str, index: usize) {
    use std::fmt::Write as _;
    buffer.clear();
    // Writing into a String cannot fail.
    let _ = write!(buffer, "{path}[{index}]");
}
