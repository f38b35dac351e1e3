//! JSON text to a [`Value`], as `serde_json::from_str` does, except that an object
//! that gives a key twice is refused (serde_json would keep the last value silently).
//! The check costs one map look-up per key, so reading stays linear in the text.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer as _;
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

use super::read::show;

/// Why text could not be parsed.
#[derive(Debug)]
pub(super) enum ParseError {
    /// Not JSON (or nested too deeply): serde_json's error.
    Json(serde_json::Error),
    /// An object gives a key twice: the path of the second one, and where it starts
    /// (line from 1, column in characters from 1).
    DuplicateKey { path: String, line: usize, column: usize },
}

impl ParseError {
    /// Whether this is a key given twice inside a member of a root `assessments`
    /// list (a backup's member, if the file is a backup).
    pub(super) fn in_backup_member(&self) -> bool {
        matches!(self, ParseError::DuplicateKey { path, .. } if path.starts_with("assessments["))
    }

    /// The error of a part of `text` that starts at byte `start`, placed in `text`
    /// (line from 1, column in characters from 1). A syntax error is left as it is
    /// (the split that gives the parts has checked their syntax).
    pub(super) fn shifted(self, text: &str, start: usize) -> ParseError {
        let ParseError::DuplicateKey { path, line, column } = self else { return self };
        let before = text.get(..start).unwrap_or_default();
        let lines_before = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column_before = before.get(line_start..).map_or(0, |s| s.chars().count());
        let column = if line == 1 { column_before + column } else { column };
        ParseError::DuplicateKey { path, line: line + lines_before, column }
    }
}

/// Parses `text` as one JSON value with nothing but white space after it.
pub(super) fn parse(text: &str) -> Result<Value, ParseError> {
    let duplicate = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let root = Path { parent: None, step: Step::Root };
    let result =
        ValueSeed { path: &root, duplicate: &duplicate }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    result.map_err(|e| match duplicate.take() {
        Some(path) => {
            let (line, column) = key_place(text, e.line(), e.column());
            ParseError::DuplicateKey { path, line, column }
        }
        None => ParseError::Json(e),
    })
}

/// A backup's envelope read with its members left as text: each member is then parsed
/// on its own, so that a member giving a key twice refuses that member only.
pub(super) struct Split<'t> {
    /// The envelope's other fields (`format`, `version`, ...).
    pub envelope: Map<String, Value>,
    /// Each member of `assessments`: its text, and the byte where it starts in the file.
    pub members: Vec<(&'t str, usize)>,
}

/// `text` as a backup's envelope and its members' texts; `None` when it is not JSON,
/// not an object with an `assessments` list, or gives a key of the envelope twice.
pub(super) fn split_backup(text: &str) -> Option<Split<'_>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let found = de.deserialize_map(EnvelopeVisitor).ok().flatten()?;
    de.end().ok()?;
    let (envelope, raw) = found;
    let start = text.as_ptr() as usize;
    let members = raw.into_iter().map(|m| (m.get(), (m.get().as_ptr() as usize).saturating_sub(start))).collect();
    Some(Split { envelope, members })
}

/// The envelope's fields (keys checked for repeats) and the raw members.
struct EnvelopeVisitor;

type Envelope<'de> = Option<(Map<String, Value>, Vec<&'de RawValue>)>;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a backup")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Envelope<'de>, A::Error> {
        let root = Path { parent: None, step: Step::Root };
        let duplicate = Cell::new(None);
        let mut map = Map::new();
        let mut members: Option<Vec<&'de RawValue>> = None;
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) || (key == "assessments" && members.is_some()) {
                return Ok(None);
            }
            if key == "assessments" {
                let raw: &'de RawValue = access.next_value()?;
                match serde_json::from_str::<Vec<&'de RawValue>>(raw.get()) {
                    Ok(list) => members = Some(list),
                    Err(_) => return Ok(None),
                }
            } else {
                let path = Path { parent: Some(&root), step: Step::Key(&key) };
                let value = access.next_value_seed(ValueSeed { path: &path, duplicate: &duplicate })?;
                map.insert(key, value);
            }
        }
        Ok(members.map(|m| (map, m)))
    }
}

/// Where a value is, as a chain from the root, rendered only when a duplicate is found.
struct Path<'p> {
    parent: Option<&'p Path<'p>>,
    step: Step<'p>,
}

enum Step<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

impl fmt::Display for Path<'_> {
    /// The path as the reader's messages write it: `services[3].level`; a key that is
    /// not a plain name is quoted as JSON, as in `services[3]["a b"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.step {
            Step::Root => Ok(()),
            Step::Index(i) => write!(f, "[{i}]"),
            Step::Key(key) if is_plain(key) => match self.parent {
                Some(Path { step: Step::Root, .. }) | None => f.write_str(key),
                Some(_) => write!(f, ".{key}"),
            },
            Step::Key(key) => write!(f, "[{}]", show(&Value::from(key))),
        }
    }
}

/// A key written as it is in a path: letters, digits, `_` and `-` only.
fn is_plain(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Builds a [`Value`] at `path`, noting the path of the first duplicate key in
/// `duplicate` (and then failing, which stops the parse).
struct ValueSeed<'p, 'd> {
    path: &'p Path<'p>,
    duplicate: &'d Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            let path = Path { parent: Some(self.path), step: Step::Index(items.len()) };
            match seq.next_element_seed(ValueSeed { path: &path, duplicate: self.duplicate })? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let path = Path { parent: Some(self.path), step: Step::Key(&key) };
            if map.contains_key(&key) {
                self.duplicate.set(Some(path.to_string()));
                return Err(de::Error::custom("duplicate key"));
            }
            let value = access.next_value_seed(ValueSeed { path: &path, duplicate: self.duplicate })?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// Where the duplicate key starts. serde_json reports the error where it stopped:
/// after the key's closing quote and any white space (`line` from 1, `column` in
/// bytes before that point on the line); from there the opening quote is found.
/// Falls back to serde_json's place if the text is not as expected.
fn key_place(text: &str, line: usize, column: usize) -> (usize, usize) {
    let line_start = match line {
        0 | 1 => Some(0),
        n => text.match_indices('\n').nth(n - 2).map(|(i, _)| i + 1),
    };
    let start = line_start.and_then(|s| key_start(text.as_bytes(), s + column));
    match start.and_then(|i| text.get(..i).map(|before| (before, i))) {
        Some((before, _)) => {
            let line = 1 + before.matches('\n').count();
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
            (line, column)
        }
        None => (line.max(1), column.max(1)),
    }
}

/// The index of the opening quote of the key that ends, before white space, at
/// `end`: the nearest quote before the closing one that is not escaped (not after an
/// odd number of backslashes).
fn key_start(bytes: &[u8], end: usize) -> Option<usize> {
    let before = bytes.get(..end)?;
    let closing = before.iter().rposition(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))?;
    if before.get(closing) != Some(&b'"') {
        return None;
    }
    let mut searched = before.get(..closing)?;
    loop {
        let quote = searched.iter().rposition(|&b| b == b'"')?;
        let head = searched.get(..quote)?;
        let backslashes = head.iter().rev().take_while(|&&b| b == b'\\').count();
        if backslashes % 2 == 0 {
            return Some(quote);
        }
        searched = head;
    }
}
