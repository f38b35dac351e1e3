//! The facilitator's work in the workshop, kept in the browser between visits: the
//! picked assessments, the fields they set over the proposals, their rationales,
//! and the clashes of own services they said are one service. Stored as a small
//! versioned JSON text (docs/test-hooks.md, “Workshop”):
//!
//! ```json
//! {"format": "x1060-workshop", "version": 1,
//!  "picked": ["<assessment id>", "…"],
//!  "services": {"A-1": {"current": 3, "level": null, "rationale": "…"}},
//!  "same": [{"id": "I-8", "first": "threat hunting", "other": "hunting"}]}
//! ```
//!
//! A field of a service is there when the facilitator set it (`null`: set to
//! nothing); scores are 1 to 5 or `"n/a"`, as in the exchange format. Unknown fields
//! are ignored, so a later version can add some. A text that is not such a
//! document, or has a field of the wrong kind, is refused whole with the reason
//! ([`SavedError`]): it holds no assessment data, and reading half of it would
//! show decisions the facilitator did not make.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::merge::{Chosen, Decisions};
use super::own::ClashKey;
use crate::model::{Assessment, AssessmentId, Lang, Level, Rating, Score, ServiceId, Sourcing};

/// The value of `format`.
pub const FORMAT: &str = "x1060-workshop";
/// The version written; later ones are refused (their meaning is unknown here).
pub const VERSION: u64 = 1;

/// The facilitator's work (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedWorkshop {
    /// The picked assessments, in pick order.
    pub picked: Vec<AssessmentId>,
    pub decisions: Decisions,
    pub same: BTreeSet<ClashKey>,
}

/// Why a stored text is not read as the workshop's work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a saved workshop (`format` missing or another).
    Foreign,
    /// Saved by a later version of the app.
    Newer { version: u64 },
    /// A field of the wrong kind, by its path (`services.A-1.current`).
    Bad { path: String },
}

impl SavedError {
    pub fn message(&self, lang: Lang) -> String {
        let why = match (self, lang) {
            (SavedError::NotJson, Lang::En) => "it is not JSON".to_owned(),
            (SavedError::NotJson, Lang::Ja) => "JSONではありません".to_owned(),
            (SavedError::Foreign, Lang::En) => "it is not a saved workshop".to_owned(),
            (SavedError::Foreign, Lang::Ja) => "保存されたワークショップではありません".to_owned(),
            (SavedError::Newer { version }, Lang::En) => {
                format!("it was saved by a newer version of the app ({version})")
            }
            (SavedError::Newer { version }, Lang::Ja) => format!("新しい版のアプリで保存されています（{version}）"),
            (SavedError::Bad { path }, Lang::En) => format!("{path} is not valid"),
            (SavedError::Bad { path }, Lang::Ja) => format!("{path} が正しくありません"),
        };
        match lang {
            Lang::En => format!(
                "The workshop work kept in this browser (picks, decisions, rationales) could not be read: {why}. It is left aside; your next change in the workshop replaces it."
            ),
            Lang::Ja => format!(
                "このブラウザに保存されていたワークショップの作業（選択、決定、根拠）を読み込めませんでした：{why}。使わずに置いておき、ワークショップで次に変更したときに置き換えます。"
            ),
        }
    }
}

fn bad(path: impl Into<String>) -> SavedError {
    SavedError::Bad { path: path.into() }
}

impl SavedWorkshop {
    /// Nothing picked, decided or said.
    pub fn is_empty(&self) -> bool {
        self == &SavedWorkshop::default()
    }

    /// Drops the picks of assessments not in `stored` (deleted since): how many.
    pub fn keep_stored(&mut self, stored: &[AssessmentId]) -> usize {
        let before = self.picked.len();
        self.picked.retain(|id| stored.contains(id));
        before - self.picked.len()
    }

    /// The text stored (see the module documentation).
    pub fn write(&self) -> String {
        let mut services: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
        for (id, chosen) in &self.decisions.values {
            let entry = services.entry(id.as_str()).or_default();
            let text = |v: Option<&'static str>| v.map_or(Value::Null, Value::from);
            if let Some(v) = chosen.level {
                entry.insert("level".into(), text(v.map(Level::as_str)));
            }
            if let Some(v) = chosen.sourcing {
                entry.insert("sourcing".into(), text(v.map(Sourcing::as_str)));
            }
            if let Some(v) = chosen.current {
                entry.insert("current".into(), score_value(v));
            }
            if let Some(v) = chosen.target {
                entry.insert("target".into(), score_value(v));
            }
        }
        for (id, text) in self.decisions.rationale.iter().filter(|(_, t)| !t.is_empty()) {
            services.entry(id.as_str()).or_default().insert("rationale".into(), Value::from(text.as_str()));
        }
        let same: Vec<Value> =
            self.same.iter().map(|k| json!({"id": k.id, "first": k.first, "other": k.other})).collect();
        let picked: Vec<&str> = self.picked.iter().map(AssessmentId::as_str).collect();
        json!({"format": FORMAT, "version": VERSION, "picked": picked, "services": services, "same": same}).to_string()
    }

    /// Reads [`SavedWorkshop::write`]'s text back, or says why not.
    pub fn read(text: &str) -> Result<SavedWorkshop, SavedError> {
        let value: Value = serde_json::from_str(text).map_err(|_| SavedError::NotJson)?;
        let doc = value.as_object().filter(|o| o.get("format") == Some(&Value::from(FORMAT)));
        let doc = doc.ok_or(SavedError::Foreign)?;
        match doc.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(version) if version > VERSION => return Err(SavedError::Newer { version }),
            _ => return Err(bad("version")),
        }
        let mut saved = SavedWorkshop::default();
        for (i, id) in list(doc, "picked")?.iter().enumerate() {
            let id =
                id.as_str().and_then(|s| AssessmentId::parse(s).ok()).ok_or_else(|| bad(format!("picked[{i}]")))?;
            if !saved.picked.contains(&id) {
                saved.picked.push(id);
            }
        }
        let services = match doc.get("services") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(o)) => o.clone(),
            Some(_) => return Err(bad("services")),
        };
        for (key, entry) in &services {
            let path = format!("services.{key}");
            let id = ServiceId::parse(key).map_err(|_| bad(path.clone()))?;
            let entry = entry.as_object().ok_or_else(|| bad(path.clone()))?;
            let chosen = Chosen {
                level: field(entry, &path, "level", |v| v.as_str().and_then(Level::parse))?,
                sourcing: field(entry, &path, "sourcing", |v| v.as_str().and_then(Sourcing::parse))?,
                current: field(entry, &path, "current", read_score)?,
                target: field(entry, &path, "target", read_score)?,
            };
            if !chosen.is_empty() {
                saved.decisions.values.insert(id.clone(), chosen);
            }
            match entry.get("rationale") {
                None | Some(Value::Null) => {}
                Some(Value::String(text)) => {
                    let text: String = text.chars().take(Assessment::MAX_NOTE_CHARS).collect();
                    saved.decisions.rationale.insert(id, text);
                }
                Some(_) => return Err(bad(format!("{path}.rationale"))),
            }
        }
        for (i, entry) in list(doc, "same")?.iter().enumerate() {
            let text = |k: &str| entry.get(k).and_then(Value::as_str).map(str::to_owned);
            match (text("id"), text("first"), text("other")) {
                (Some(id), Some(first), Some(other)) => saved.same.insert(ClashKey { id, first, other }),
                _ => return Err(bad(format!("same[{i}]"))),
            };
        }
        Ok(saved)
    }
}

fn score_value(score: Option<Score>) -> Value {
    match score {
        Some(Score::Rated(r)) => Value::from(r.value()),
        Some(Score::NotApplicable) => Value::from(Score::NOT_APPLICABLE),
        None => Value::Null,
    }
}

fn read_score(v: &Value) -> Option<Score> {
    match v {
        Value::String(s) if s == Score::NOT_APPLICABLE => Some(Score::NotApplicable),
        v => v.as_i64().and_then(Rating::new).map(Score::Rated),
    }
}

/// A list field (absent or `null`: empty).
fn list<'a>(doc: &'a Map<String, Value>, name: &str) -> Result<&'a [Value], SavedError> {
    match doc.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(bad(name)),
    }
}

/// A chosen field: absent, not chosen; `null`, chosen unset; else read by `parse`.
fn field<T>(
    entry: &Map<String, Value>,
    path: &str,
    name: &str,
    parse: impl Fn(&Value) -> Option<T>,
) -> Result<Option<Option<T>>, SavedError> {
    match entry.get(name) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(v) => parse(v).map(|v| Some(Some(v))).ok_or_else(|| bad(format!("{path}.{name}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> AssessmentId {
        AssessmentId::parse(s).expect("a valid assessment id")
    }

    fn sid(s: &str) -> ServiceId {
        ServiceId::parse(s).expect("a valid service id")
    }

    fn sample() -> SavedWorkshop {
        let mut s = SavedWorkshop { picked: vec![id("a1"), id("b2")], ..Default::default() };
        let three = Score::Rated(Rating::new(3).expect("a rating 1 to 5"));
        s.decisions.values.insert(
            sid("A-1"),
            Chosen {
                current: Some(Some(three)),
                level: Some(None),
                target: Some(Some(Score::NotApplicable)),
                ..Default::default()
            },
        );
        s.decisions
            .values
            .insert(sid("I-9"), Chosen { sourcing: Some(Some(Sourcing::Outsource)), ..Default::default() });
        s.decisions.rationale.insert(sid("A-1"), "Log coverage \"partial\"\n— 3 agreed".into());
        s.decisions.rationale.insert(sid("B-2"), "未決".into());
        s.same.insert(ClashKey { id: "I-8".into(), first: "hunting".into(), other: "threat hunting".into() });
        s
    }

    #[test]
    fn round_trips_every_kind_of_decision() {
        let s = sample();
        let text = s.write();
        assert_eq!(SavedWorkshop::read(&text), Ok(s));
        // The fields chosen are there, `null` for one chosen unset; others absent.
        let v: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["services"]["A-1"]["current"], json!(3));
        assert_eq!(v["services"]["A-1"]["target"], json!("n/a"));
        assert_eq!(v["services"]["A-1"]["level"], Value::Null);
        assert!(v["services"]["A-1"].get("sourcing").is_none());
        assert_eq!(SavedWorkshop::read(&SavedWorkshop::default().write()), Ok(SavedWorkshop::default()));
    }

    #[test]
    fn damaged_or_foreign_text_is_refused_with_the_reason() {
        let refused = |t: &str| SavedWorkshop::read(t).expect_err("refused");
        assert_eq!(refused("{\"format\":\"x1060-workshop\",\"version\":1,"), SavedError::NotJson);
        assert_eq!(refused(""), SavedError::NotJson);
        assert_eq!(refused("[1,2]"), SavedError::Foreign);
        assert_eq!(refused("{\"picked\":[]}"), SavedError::Foreign);
        assert_eq!(refused(r#"{"format":"x1060-assessment","version":1}"#), SavedError::Foreign);
        assert_eq!(refused(r#"{"format":"x1060-workshop","version":2}"#), SavedError::Newer { version: 2 });
        assert_eq!(refused(r#"{"format":"x1060-workshop","version":"1"}"#), bad("version"));
        let doc = |rest: &str| format!(r#"{{"format":"x1060-workshop","version":1,{rest}}}"#);
        assert_eq!(refused(&doc(r#""picked":["ok","no spaces"]"#)), bad("picked[1]"));
        assert_eq!(refused(&doc(r#""picked":"a1""#)), bad("picked"));
        assert_eq!(refused(&doc(r#""services":{"A-1":{"current":6}}"#)), bad("services.A-1.current"));
        assert_eq!(refused(&doc(r#""services":{"A-1":{"level":"great"}}"#)), bad("services.A-1.level"));
        assert_eq!(refused(&doc(r#""services":{"A-1":{"rationale":3}}"#)), bad("services.A-1.rationale"));
        assert_eq!(refused(&doc(r#""services":{"A 1":{}}"#)), bad("services.A 1"));
        assert_eq!(refused(&doc(r#""services":[]"#)), bad("services"));
        assert_eq!(refused(&doc(r#""same":[{"id":"I-8"}]"#)), bad("same[0]"));
        // Messages name the reason, in both languages.
        assert_eq!(
            bad("services.A-1.current").message(Lang::En),
            "The workshop work kept in this browser (picks, decisions, rationales) could not be read: services.A-1.current is not valid. It is left aside; your next change in the workshop replaces it."
        );
        assert_eq!(
            SavedError::Foreign.message(Lang::Ja),
            "このブラウザに保存されていたワークショップの作業（選択、決定、根拠）を読み込めませんでした：保存されたワークショップではありません。使わずに置いておき、ワークショップで次に変更したときに置き換えます。"
        );
    }

    #[test]
    fn unknown_fields_are_ignored_and_long_rationales_cut() {
        let long = "x".repeat(Assessment::MAX_NOTE_CHARS + 5);
        let text = format!(
            r#"{{"format":"x1060-workshop","version":1,"later":{{"a":1}},"picked":["a1","a1"],"services":{{"A-1":{{"rationale":"{long}","colour":"red"}}}}}}"#
        );
        let s = SavedWorkshop::read(&text).expect("read");
        assert_eq!(s.picked, [id("a1")]);
        assert_eq!(s.decisions.rationale["A-1"].chars().count(), Assessment::MAX_NOTE_CHARS);
        assert!(s.decisions.values.is_empty());
    }

    #[test]
    fn picks_of_deleted_assessments_are_dropped() {
        let mut s = sample();
        assert_eq!(s.keep_stored(&[id("b2"), id("c3")]), 1);
        assert_eq!(s.picked, [id("b2")]);
        assert!(!s.is_empty());
    }
}
