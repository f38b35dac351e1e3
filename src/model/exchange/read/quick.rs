//! The quick check: an optional object with the time it was `taken` and one estimate
//! per category of the catalogue, each category at most once.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::fields::{join, show, Reader};
use crate::model::exchange::error::{Expected, ProblemKind};
use crate::model::{CategoryId, QuickCheck, QuickEstimate};

/// The path of the quick check's list of estimates.
const CATEGORIES: &str = "quick.categories";

impl Reader {
    /// `quick`: absent or `null` is no quick check. Otherwise an object whose
    /// `categories` (required, a list) hold the estimates; blank estimates are left
    /// out, as the writer leaves them out.
    pub(super) fn quick(&mut self, value: Option<&Value>) -> Option<QuickCheck> {
        let value = value.filter(|v| !v.is_null())?;
        let obj = self.object(value, "quick")?;
        let taken = self.timestamp(obj, "taken", "quick", false);
        let mut quick = QuickCheck { taken, categories: BTreeMap::new() };
        let Some(items) = self.array(obj.get("categories"), CATEGORIES, true) else { return Some(quick) };
        // Where each category was first given in the list.
        let mut first_at: BTreeMap<CategoryId, usize> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("{CATEGORIES}[{i}]");
            let Some(obj) = self.object(item, &prefix) else { continue };
            let id = self.quick_category(obj, &prefix).and_then(|id| match first_at.get(id.as_str()) {
                Some(first) => {
                    let kind = ProblemKind::DuplicateCategory {
                        id: show(&Value::from(id.as_str())),
                        first: format!("{CATEGORIES}[{first}]"),
                    };
                    self.problem(join(&prefix, "id"), None, kind);
                    None
                }
                None => {
                    first_at.insert(id.clone(), i);
                    Some(id)
                }
            });
            let estimate = QuickEstimate {
                sourcing: self.sourcing(obj, &prefix, None),
                current: self.score(obj, "current", &prefix, None),
                target: self.score(obj, "target", &prefix, None),
            };
            if let Some(id) = id {
                if !estimate.is_blank() {
                    quick.categories.insert(id, estimate);
                }
            }
        }
        Some(quick)
    }

    /// The `id` of a quick check entry: a category of the catalogue.
    fn quick_category(&mut self, obj: &Map<String, Value>, prefix: &str) -> Option<CategoryId> {
        let path = || join(prefix, "id");
        match obj.get("id") {
            None | Some(Value::Null) => {
                self.problem(path(), None, ProblemKind::Missing);
                None
            }
            Some(v @ Value::String(s)) => match CategoryId::parse(s) {
                Ok(c) if self.catalogue.category(c.as_str()).is_some() => Some(c),
                _ => {
                    self.problem(path(), None, ProblemKind::UnknownCategory { found: show(v) });
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
