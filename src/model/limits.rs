//! The sizes the reader accepts, defined once for the reader and for the places
//! where data is created, so that nothing is ever saved that would be refused when
//! read back: at most [`MAX_ENTRIES`] entries in any list, names and notes of at most
//! [`Assessment::MAX_NAME_CHARS`] and [`Assessment::MAX_NOTE_CHARS`] characters,
//! improvement actions of at most [`MAX_PLAN_ACTION_CHARS`], evidence items of at most
//! [`MAX_EVIDENCE_PER_SERVICE`] per service and [`MAX_EVIDENCE`] per list of services,
//! and a document of at most [`exchange::MAX_BYTES`].

use std::fmt;

use super::evidence::{MAX_LOCATION_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use super::exchange::{self, Layout, Problem, ProblemKind};
use super::{Assessment, Lang, Plan, ServiceStates};

/// At most this many entries in any one list of a document (services, custom
/// services, snapshots, a snapshot's services, the plan, the quick check's
/// categories, a backup's assessments).
pub const MAX_ENTRIES: usize = 10_000;

/// Longest improvement action accepted, in characters.
pub const MAX_PLAN_ACTION_CHARS: usize = 2_000;

/// At most this many evidence items per service.
pub const MAX_EVIDENCE_PER_SERVICE: usize = 100;

/// At most this many evidence items in one list of services (the working state, or a
/// snapshot's services), all services together.
pub const MAX_EVIDENCE: usize = MAX_ENTRIES;

/// A list that can be full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limited {
    /// The snapshots of an assessment.
    Snapshots,
    /// The items of the improvement plan.
    PlanItems,
    /// The evidence items of one service.
    Evidence,
    /// The evidence items of all services of the working state.
    EvidenceTotal,
}

/// Why data cannot be added or kept: the reader would refuse the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitError {
    /// The list already holds `max` entries, as many as the reader takes.
    TooMany { list: Limited, max: usize },
    /// A list or text goes beyond what the reader takes: the problem it would report.
    Exceeds(Problem),
    /// The document, written compactly, would be `bytes` long, more than `max`.
    TooLarge { bytes: usize, max: usize },
}

impl LimitError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LimitError::TooMany { list: Limited::Snapshots, max }, Lang::En) => {
                format!("No more snapshots can be taken: an assessment keeps at most {max} snapshots.")
            }
            (LimitError::TooMany { list: Limited::Snapshots, max }, Lang::Ja) => {
                format!("これ以上スナップショットを取れません（1 つのアセスメントに保存できるのは {max} 件までです）。")
            }
            (LimitError::TooMany { list: Limited::PlanItems, max }, Lang::En) => {
                format!("No more improvement actions can be added: a plan holds at most {max} items.")
            }
            (LimitError::TooMany { list: Limited::PlanItems, max }, Lang::Ja) => {
                format!("これ以上改善計画の項目を追加できません（計画に入れられるのは {max} 件までです）。")
            }
            (LimitError::TooMany { list: Limited::Evidence, max }, Lang::En) => {
                format!("No more evidence can be added to this service: a service holds at most {max} items.")
            }
            (LimitError::TooMany { list: Limited::Evidence, max }, Lang::Ja) => {
                format!("このサービスにはこれ以上エビデンスを追加できません（1 つのサービスに登録できるのは {max} 件までです）。")
            }
            (LimitError::TooMany { list: Limited::EvidenceTotal, max }, Lang::En) => {
                format!("No more evidence can be added: an assessment holds at most {max} items in all.")
            }
            (LimitError::TooMany { list: Limited::EvidenceTotal, max }, Lang::Ja) => {
                format!("これ以上エビデンスを追加できません（1 つのアセスメントに登録できるのは合計 {max} 件までです）。")
            }
            (LimitError::Exceeds(problem), Lang::En) => {
                format!("The assessment could not be read back once saved: {}", problem.message(lang))
            }
            (LimitError::Exceeds(problem), Lang::Ja) => {
                format!("このアセスメントは保存すると読み込めなくなります: {}", problem.message(lang))
            }
            (LimitError::TooLarge { bytes, max }, Lang::En) => format!(
                "The assessment would be too large to be read back: {bytes} bytes, and at most {max} bytes (16 MiB) can be read."
            ),
            (LimitError::TooLarge { bytes, max }, Lang::Ja) => format!(
                "アセスメントが大きすぎて読み込めなくなります（{bytes} バイト。読み込めるのは {max} バイト（16 MiB）までです）。"
            ),
        }
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LimitError {}

impl Assessment {
    /// Whether the reader would accept this assessment's sizes once written: the
    /// length of every list (the quick check's estimates and each service's evidence
    /// included), name, label, note, provider, plan action and owner, evidence title,
    /// location and owner, the evidence of each list of services in all, and the
    /// length of the compact document (what the browser stores; an indented export
    /// is longer). The first size found too large is the error, named as the reader
    /// would name it. Other checks of the reader (such as a name that is not empty, or
    /// a known category) are not made here.
    pub fn check_limits(&self) -> Result<(), LimitError> {
        self.check_counts_and_texts()?;
        check_size(self)
    }

    /// [`Assessment::check_limits`] but for the length of the whole document (which
    /// storage checks from the parts it writes, without writing the whole).
    pub fn check_counts_and_texts(&self) -> Result<(), LimitError> {
        let name = Assessment::MAX_NAME_CHARS;
        check_text("name", None, &self.name, name)?;
        check_text("organisation", None, &self.organisation, name)?;
        self.check_states("services", &self.services)?;
        check_count("custom_services", self.custom_services.len())?;
        for (i, c) in self.custom_services.iter().enumerate() {
            let service = Some(c.id.as_str());
            check_text(&format!("custom_services[{i}].name.ja"), service, &c.name.ja, name)?;
            check_text(&format!("custom_services[{i}].name.en"), service, &c.name.en, name)?;
        }
        check_count("snapshots", self.snapshots.len())?;
        for (i, s) in self.snapshots.iter().enumerate() {
            check_text(&format!("snapshots[{i}].label"), None, &s.label, name)?;
            self.check_states(&format!("snapshots[{i}].services"), &s.services)?;
        }
        self.check_plan()?;
        if let Some(w) = &self.workshop {
            check_text("workshop.round", None, &w.round, name)?;
            check_text("workshop.assessor", None, &w.assessor, name)?;
            check_count("workshop.assessors", w.assessors.len())?;
            for (i, a) in w.assessors.iter().enumerate() {
                check_text(&format!("workshop.assessors[{i}]"), None, a, name)?;
            }
        }
        if let Some(quick) = &self.quick {
            check_count("quick.categories", quick.categories.values().filter(|e| !e.is_blank()).count())?;
        }
        Ok(())
    }

    /// A list of service states at `path`, entries in the order they are written.
    fn check_states(&self, path: &str, states: &ServiceStates) -> Result<(), LimitError> {
        check_count(path, states.len())?;
        let mut evidence = 0;
        for (i, (id, state)) in exchange::ordered(self.catalogue, &self.custom_services, states).into_iter().enumerate()
        {
            let service = Some(id);
            check_text(&format!("{path}[{i}].provider"), service, &state.provider, Assessment::MAX_NAME_CHARS)?;
            check_text(&format!("{path}[{i}].note"), service, &state.note, Assessment::MAX_NOTE_CHARS)?;
            let items = &state.evidence;
            if items.len() > MAX_EVIDENCE_PER_SERVICE {
                let kind = ProblemKind::TooMany { len: items.len(), max: MAX_EVIDENCE_PER_SERVICE };
                return Err(exceeds(&format!("{path}[{i}].evidence"), service, kind));
            }
            for (k, item) in items.iter().enumerate() {
                let texts = [
                    ("title", &item.title, MAX_TITLE_CHARS),
                    ("location", &item.location, MAX_LOCATION_CHARS),
                    ("owner", &item.owner, MAX_OWNER_CHARS),
                ];
                // The path is written out only for a text that may be too long.
                for (field, text, max) in texts.into_iter().filter(|(_, text, max)| text.len() > *max) {
                    check_text(&format!("{path}[{i}].evidence[{k}].{field}"), service, text, max)?;
                }
            }
            evidence += items.len();
        }
        if evidence > MAX_EVIDENCE {
            return Err(exceeds(path, None, ProblemKind::TooMuchEvidence { len: evidence, max: MAX_EVIDENCE }));
        }
        Ok(())
    }

    /// The plan, items in the order they are written.
    fn check_plan(&self) -> Result<(), LimitError> {
        self.check_plan_at("plan", &self.plan)?;
        for (i, s) in self.snapshots.iter().enumerate() {
            if let Some(plan) = &s.plan {
                self.check_plan_at(&format!("snapshots[{i}].plan"), plan)?;
            }
        }
        Ok(())
    }

    /// The limits of a plan (the assessment's or a snapshot's) at `path`.
    fn check_plan_at(&self, path: &str, plan: &Plan) -> Result<(), LimitError> {
        check_count(path, plan.len())?;
        for (i, (id, item)) in exchange::ordered(self.catalogue, &self.custom_services, plan).into_iter().enumerate() {
            check_text(&format!("{path}[{i}].action"), Some(id), &item.action, MAX_PLAN_ACTION_CHARS)?;
            check_text(&format!("{path}[{i}].owner"), Some(id), &item.owner, Assessment::MAX_NAME_CHARS)?;
        }
        Ok(())
    }
}

/// The list at `path` has at most [`MAX_ENTRIES`] entries.
fn check_count(path: &str, len: usize) -> Result<(), LimitError> {
    if len > MAX_ENTRIES {
        return Err(exceeds(path, None, ProblemKind::TooMany { len, max: MAX_ENTRIES }));
    }
    Ok(())
}

/// The text at `path` has at most `max` characters.
fn check_text(path: &str, service: Option<&str>, text: &str, max: usize) -> Result<(), LimitError> {
    // Characters are never more than bytes: count them only when it matters.
    if text.len() > max {
        let len = text.chars().count();
        if len > max {
            return Err(exceeds(path, service, ProblemKind::TooLong { len, max }));
        }
    }
    Ok(())
}

/// The compact document is at most [`exchange::MAX_BYTES`] long.
pub(crate) fn check_size(a: &Assessment) -> Result<(), LimitError> {
    let bytes = exchange::write(a, Layout::Compact).len();
    if bytes > exchange::MAX_BYTES {
        return Err(LimitError::TooLarge { bytes, max: exchange::MAX_BYTES });
    }
    Ok(())
}

fn exceeds(path: &str, service: Option<&str>, kind: ProblemKind) -> LimitError {
    LimitError::Exceeds(Problem { path: path.to_owned(), service: service.map(str::to_owned), kind })
}
