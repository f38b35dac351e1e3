//! Adding, changing and removing evidence items, refusing what the reader would
//! refuse, so that nothing is kept that could not be read back.

use std::fmt;

use super::{EvidenceItem, MAX_LOCATION_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use crate::model::limits::{self, LimitError, Limited, MAX_EVIDENCE, MAX_EVIDENCE_PER_SERVICE};
use crate::model::text::is_invisible;
use crate::model::{Assessment, Lang, ServiceId};

/// A text field of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    Title,
    Location,
    Owner,
}

impl EvidenceField {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            EvidenceField::Title => lang.pick("タイトル", "title"),
            EvidenceField::Location => lang.pick("場所", "location"),
            EvidenceField::Owner => lang.pick("管理者", "owner"),
        }
    }
}

/// Why an item cannot be kept. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceError {
    /// The title is empty, or only blanks and invisible characters.
    NoTitle,
    /// A text is longer than the reader takes (never cut: nothing typed is lost).
    TooLong { field: EvidenceField, len: usize, max: usize },
    /// No such item (another tab removed it meanwhile).
    NoSuchItem,
    /// The service or the assessment holds as many items as the reader takes, or the
    /// document would grow too large.
    Limit(LimitError),
}

impl EvidenceError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EvidenceError::NoTitle, Lang::En) => "An evidence item needs a title.".to_owned(),
            (EvidenceError::NoTitle, Lang::Ja) => "エビデンスにはタイトルが必要です。".to_owned(),
            (EvidenceError::TooLong { field, len, max }, Lang::En) => {
                format!("The {} is too long: {len} characters, and at most {max} can be kept.", field.name(lang))
            }
            (EvidenceError::TooLong { field, len, max }, Lang::Ja) => {
                format!("{}が長すぎます（{len} 文字。保存できるのは {max} 文字までです）。", field.name(lang))
            }
            (EvidenceError::NoSuchItem, Lang::En) => {
                "That evidence item is no longer there (it was changed in another tab).".to_owned()
            }
            (EvidenceError::NoSuchItem, Lang::Ja) => {
                "そのエビデンスはもうありません（別のタブで変更されました）。".to_owned()
            }
            (EvidenceError::Limit(e), _) => e.message(lang),
        }
    }
}

impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EvidenceError {}

impl From<LimitError> for EvidenceError {
    fn from(e: LimitError) -> Self {
        EvidenceError::Limit(e)
    }
}

/// `text` trimmed, refused when longer than `max` characters.
fn trimmed(text: &str, field: EvidenceField, max: usize) -> Result<String, EvidenceError> {
    let text = text.trim();
    let len = text.chars().count();
    if len > max {
        return Err(EvidenceError::TooLong { field, len, max });
    }
    Ok(text.to_owned())
}

impl EvidenceItem {
    /// The item as typed, made fit to keep: title, location and owner trimmed; refused
    /// when the title shows nothing ([`is_invisible`] characters only) or a text is
    /// longer than the reader takes. Markup and other characters are kept as text.
    pub fn cleaned(self) -> Result<EvidenceItem, EvidenceError> {
        let title = trimmed(&self.title, EvidenceField::Title, MAX_TITLE_CHARS)?;
        if title.chars().all(is_invisible) {
            return Err(EvidenceError::NoTitle);
        }
        Ok(EvidenceItem {
            title,
            location: trimmed(&self.location, EvidenceField::Location, MAX_LOCATION_CHARS)?,
            owner: trimmed(&self.owner, EvidenceField::Owner, MAX_OWNER_CHARS)?,
            ..self
        })
    }
}

impl Assessment {
    /// Evidence items in the working state, all services together.
    pub fn evidence_count(&self) -> usize {
        self.services.values().map(|s| s.evidence.len()).sum()
    }

    /// Adds `item` ([`EvidenceItem::cleaned`]) to service `id`. Refused, and nothing
    /// changed, when the service already has [`MAX_EVIDENCE_PER_SERVICE`] items, the
    /// working state [`MAX_EVIDENCE`], or the document would grow too large.
    pub fn add_evidence(&mut self, id: &ServiceId, item: EvidenceItem) -> Result<(), EvidenceError> {
        let item = item.cleaned()?;
        let held = self.services.get(id.as_str()).map_or(0, |s| s.evidence.len());
        if held >= MAX_EVIDENCE_PER_SERVICE {
            return Err(LimitError::TooMany { list: Limited::Evidence, max: MAX_EVIDENCE_PER_SERVICE }.into());
        }
        if self.evidence_count() >= MAX_EVIDENCE {
            return Err(LimitError::TooMany { list: Limited::EvidenceTotal, max: MAX_EVIDENCE }.into());
        }
        self.edit_service(id, |s| s.evidence.push(item));
        limits::check_size(self).map_err(|e| {
            self.edit_service(id, |s| {
                s.evidence.pop();
            });
            e.into()
        })
    }

    /// Puts `new` ([`EvidenceItem::cleaned`]) in place of the first item of service `id`
    /// equal to `old` (to record a new review date or fingerprint). Items are found by
    /// content, not by place, so an edit applied again on top of another tab's changes
    /// changes the item meant or nothing. Refused, and nothing changed, when there is no
    /// such item or the document would grow too large.
    pub fn replace_evidence(
        &mut self,
        id: &ServiceId,
        old: &EvidenceItem,
        new: EvidenceItem,
    ) -> Result<(), EvidenceError> {
        let new = new.cleaned()?;
        let items = self.services.get_mut(id.as_str()).map(|s| &mut s.evidence);
        let Some((index, slot)) = items.and_then(|items| items.iter_mut().enumerate().find(|(_, item)| *item == old))
        else {
            return Err(EvidenceError::NoSuchItem);
        };
        *slot = new;
        limits::check_size(self).map_err(|e| {
            if let Some(slot) = self.services.get_mut(id.as_str()).and_then(|s| s.evidence.get_mut(index)) {
                *slot = old.clone();
            }
            e.into()
        })
    }

    /// Removes the first item of service `id` equal to `item` (the service's entry too
    /// when nothing else is decided for it); whether there was one. Found by content,
    /// as [`Assessment::replace_evidence`].
    pub fn remove_evidence(&mut self, id: &ServiceId, item: &EvidenceItem) -> bool {
        let Some(index) = self.services.get(id.as_str()).and_then(|s| s.evidence.iter().position(|i| i == item)) else {
            return false;
        };
        self.edit_service(id, |s| {
            s.evidence.remove(index);
        });
        true
    }
}
