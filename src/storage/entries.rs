//! What the keys hold, as JSON.

use serde::{Deserialize, Serialize};

use crate::model::{Assessment, AssessmentId, Timestamp};

/// `x1060.v2.work.<id>`: the working state (an exchange-format document without its
/// snapshots), the keys of its snapshots in order, and a revision that every write
/// raises, so a tab can tell another tab wrote since it read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkEntry {
    pub rev: u64,
    #[serde(default)]
    pub snapshots: Vec<u64>,
    /// The number the next snapshot key gets.
    #[serde(default)]
    pub next: u64,
    /// The tab that wrote this revision (see [`crate::storage::lost_write`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub writer: String,
    /// The revision this one was built on (0: none, or written by an older release).
    /// Another tab whose write is replaced by one not built on it can tell its write
    /// was lost, whatever the revision numbers (see [`crate::storage::lost_write`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub base: u64,
    pub document: String,
}

/// A working entry's envelope with its document skipped: what start-up checks of
/// every entry (the same fields must be there as for [`WorkEntry`]).
#[derive(Deserialize)]
pub(super) struct WorkHead {
    #[serde(rename = "rev")]
    _rev: u64,
    #[serde(default, rename = "snapshots")]
    _snapshots: Vec<u64>,
    #[serde(default, rename = "next")]
    _next: u64,
    #[serde(default, rename = "writer")]
    _writer: String,
    #[serde(default, rename = "base")]
    _base: u64,
    #[serde(rename = "document")]
    _document: IgnoredString,
}

/// A string read and dropped without being copied (serde's `IgnoredAny` would take
/// any value; the envelope needs a string).
struct IgnoredString;

impl<'de> Deserialize<'de> for IgnoredString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = IgnoredString;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<IgnoredString, E> {
                Ok(IgnoredString)
            }
        }
        d.deserialize_str(Visit)
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl WorkEntry {
    /// Makes this entry the next revision, `rev`, written by `writer` and built on
    /// the revision it was.
    pub(super) fn advance(&mut self, rev: u64, writer: &str) {
        self.base = self.rev;
        self.rev = rev;
        writer.clone_into(&mut self.writer);
    }
}

/// `x1060.v2.trash.<id>`: a deleted assessment as a whole document,
/// `{"deleted": <time>, "document": <the document>}`. The document is written as it
/// is (an object), not as an escaped string, so the entry is hardly larger than the
/// assessment it holds and a delete still fits when storage is full. Layout 1's
/// entries, with the document as a string, read as well.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashEntry {
    pub deleted: String,
    pub document: String,
}

impl TrashEntry {
    pub fn write(&self) -> Result<String, serde_json::Error> {
        Ok(format!("{{\"deleted\":{},\"document\":{}}}", serde_json::to_string(&self.deleted)?, self.document))
    }

    pub fn read(text: &str) -> Result<TrashEntry, serde_json::Error> {
        #[derive(Deserialize)]
        struct Raw<'a> {
            deleted: String,
            #[serde(borrow)]
            document: &'a serde_json::value::RawValue,
        }
        let raw: Raw = serde_json::from_str(text)?;
        let doc = raw.document.get();
        let document = if doc.starts_with('"') { serde_json::from_str::<String>(doc)? } else { doc.to_owned() };
        Ok(TrashEntry { deleted: raw.deleted, document })
    }
}

/// What Home lists of an assessment, kept in the index so that listing does not
/// read and check every document.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    pub id: AssessmentId,
    pub name: String,
    pub organisation: String,
    pub updated: Option<Timestamp>,
    /// Services with any decision.
    pub services: usize,
    pub snapshots: usize,
    /// A quick check with no service-level data yet.
    pub quick: bool,
}

impl Listing {
    pub fn of(id: &AssessmentId, a: &Assessment) -> Listing {
        Listing {
            id: id.clone(),
            name: a.name.clone(),
            organisation: a.organisation.clone(),
            updated: a.updated.clone(),
            services: a.services.len(),
            snapshots: a.snapshots.len(),
            quick: a.quick.is_some() && !a.has_service_data(),
        }
    }
}

/// A listing as stored.
#[derive(Serialize, Deserialize)]
pub struct ListingEntry {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default)]
    pub services: usize,
    #[serde(default)]
    pub snapshots: usize,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quick: bool,
}

impl From<&Listing> for ListingEntry {
    fn from(l: &Listing) -> Self {
        ListingEntry {
            id: l.id.as_str().to_owned(),
            name: l.name.clone(),
            organisation: l.organisation.clone(),
            updated: l.updated.as_ref().map(|t| t.as_str().to_owned()),
            services: l.services,
            snapshots: l.snapshots,
            quick: l.quick,
        }
    }
}

impl ListingEntry {
    pub fn into_listing(self) -> Option<Listing> {
        Some(Listing {
            id: AssessmentId::parse(&self.id).ok()?,
            name: self.name,
            organisation: self.organisation,
            updated: self.updated.as_deref().and_then(Timestamp::parse),
            services: self.services,
            snapshots: self.snapshots,
            quick: self.quick,
        })
    }
}
