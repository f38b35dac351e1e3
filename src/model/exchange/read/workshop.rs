//! The workshop round: an optional object naming the round, when it started, the
//! participant who scored this copy, and (in a merged result) the assessors merged.

use serde_json::Value;

use super::fields::{join, Need, Reader};
use crate::model::exchange::error::{Expected, ProblemKind};
use crate::model::{Assessment, WorkshopInfo};

impl Reader {
    /// `workshop`: absent or `null` is none. Otherwise an object with `round`
    /// (required, not empty), `started`, `assessor` and `assessors` (a list of names).
    pub(super) fn workshop(&mut self, value: Option<&Value>) -> Option<WorkshopInfo> {
        let value = value.filter(|v| !v.is_null())?;
        let obj = self.object(value, "workshop")?;
        let max = Assessment::MAX_NAME_CHARS;
        let round = self.text(obj, "round", "workshop", None, Need::NonEmpty, max);
        let started = self.timestamp(obj, "started", "workshop", false);
        let assessor = self.text(obj, "assessor", "workshop", None, Need::Optional, max);
        let mut assessors = Vec::new();
        let path = join("workshop", "assessors");
        if let Some(items) = self.array(obj.get("assessors"), &path, false) {
            // The list's length is checked by `array`.
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                match item {
                    Value::String(s) if s.chars().count() > max => {
                        self.problem(at, None, ProblemKind::TooLong { len: s.chars().count(), max })
                    }
                    Value::String(s) => assessors.push(s.clone()),
                    v => self.wrong_type(at, None, Expected::String, v),
                }
            }
        }
        Some(WorkshopInfo {
            round: round.unwrap_or_default(),
            started,
            assessor: assessor.unwrap_or_default(),
            assessors,
        })
    }
}
