//! The `evidence` of a service entry: at most [`MAX_EVIDENCE_PER_SERVICE`] items, each
//! with a title, and optionally a location, an owner, review dates and a SHA-256
//! fingerprint.

use serde_json::{Map, Value};

use super::fields::{join, show, Need, Reader};
use crate::model::evidence::{EvidenceItem, MAX_LOCATION_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use crate::model::exchange::error::{Expected, ProblemKind};
use crate::model::limits::{MAX_EVIDENCE, MAX_EVIDENCE_PER_SERVICE};
use crate::model::{Date, Fingerprint, ServiceAssessment};

impl Reader {
    /// The `evidence` of the service entry at `prefix`: absent or `null` is none.
    pub(super) fn evidence(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> Vec<EvidenceItem> {
        let items = match obj.get("evidence") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(v) => {
                self.wrong_type(join(prefix, "evidence"), sid, Expected::Array, v);
                return Vec::new();
            }
        };
        if items.len() > MAX_EVIDENCE_PER_SERVICE {
            let kind = ProblemKind::TooMany { len: items.len(), max: MAX_EVIDENCE_PER_SERVICE };
            self.problem(join(prefix, "evidence"), sid, kind);
            return Vec::new();
        }
        let mut out = Vec::with_capacity(items.len());
        for (k, item) in items.iter().enumerate() {
            let at = format!("{prefix}.evidence[{k}]");
            let Value::Object(fields) = item else {
                self.wrong_type(at, sid, Expected::Object, item);
                continue;
            };
            if let Some(item) = self.evidence_item(fields, &at, sid) {
                out.push(item);
            }
        }
        out
    }

    /// One item; `None` (with a problem) when it has no title.
    fn evidence_item(&mut self, obj: &Map<String, Value>, prefix: &str, sid: Option<&str>) -> Option<EvidenceItem> {
        let title = self.text(obj, "title", prefix, sid, Need::NonEmpty, MAX_TITLE_CHARS);
        let location = self.text(obj, "location", prefix, sid, Need::Optional, MAX_LOCATION_CHARS);
        let owner = self.text(obj, "owner", prefix, sid, Need::Optional, MAX_OWNER_CHARS);
        let reviewed = self.date(obj, "reviewed", prefix, sid);
        let review_by = self.date(obj, "review_by", prefix, sid);
        let sha256 = match obj.get("sha256") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let digest = v.as_str().and_then(Fingerprint::parse);
                if digest.is_none() {
                    self.problem(join(prefix, "sha256"), sid, ProblemKind::BadSha256 { found: show(v) });
                }
                digest
            }
        };
        Some(EvidenceItem {
            title: title?,
            location: location.unwrap_or_default(),
            owner: owner.unwrap_or_default(),
            reviewed,
            review_by,
            sha256,
        })
    }

    /// A date field (`YYYY-MM-DD`); absent or `null` is none.
    fn date(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str, sid: Option<&str>) -> Option<Date> {
        let v = obj.get(key).filter(|v| !v.is_null())?;
        let date = v.as_str().and_then(Date::parse);
        if date.is_none() {
            self.problem(join(prefix, key), sid, ProblemKind::BadDate { found: show(v) });
        }
        date
    }

    /// The evidence of a whole list of services at `path`: at most [`MAX_EVIDENCE`] items.
    pub(super) fn evidence_total<'s>(&mut self, path: &str, states: impl Iterator<Item = &'s ServiceAssessment>) {
        let len: usize = states.map(|s| s.evidence.len()).sum();
        if len > MAX_EVIDENCE {
            self.problem(path.to_owned(), None, ProblemKind::TooMuchEvidence { len, max: MAX_EVIDENCE });
        }
    }
}
