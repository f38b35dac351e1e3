//! The workshop: the facilitator's picks, the comparison of the picked assessments,
//! the decisions over the proposals, the merge, round templates, and the returned
//! copies imported (`import`: the same assessor's copy twice is noticed and offered
//! as a replacement). The rules themselves are in `crate::model::workshop`.
//!
//! The facilitator's work (picks, decisions, rationales, clashes said to be one
//! service) is kept as the preference `workshop` as it changes, every key typed, and
//! read back when the view first opens (`model::workshop::saved`). Two tabs write
//! the same preference: the last change wins.

mod import;

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::repo::with_repo;
use super::{BrowserTask, Exports, Library, Messages, Status};
use crate::browser;
use crate::model::exchange;
use crate::model::workshop::{
    self, AssessorComparison, Chosen, ClashKey, Decisions, MergeRequest, Participant, SavedError, SavedWorkshop,
};
use crate::model::{Assessment, AssessmentId, ServiceAssessment, ServiceId, Timestamp};

pub use import::Replacement;

/// The preference that keeps the facilitator's work.
const PREF: &str = "workshop";

#[derive(Clone, Copy)]
pub struct Workshop {
    /// The picked assessments, in the order picked.
    picked: RwSignal<Vec<AssessmentId>>,
    /// The picked assessments' documents, in pick order (re-read when a listing changes).
    pub loaded: Memo<Vec<Assessment>>,
    /// The comparison of the picked assessments.
    pub comparison: Memo<AssessorComparison>,
    /// The facilitator's values and rationales over the proposals.
    pub decisions: RwSignal<Decisions>,
    /// Take a snapshot of the merged result at once.
    pub snapshot_on_merge: RwSignal<bool>,
    /// Copies waiting for the replace-or-keep choice.
    pub replacements: RwSignal<Vec<Replacement>>,
    /// The clashes of own services the facilitator said are one service.
    same: RwSignal<BTreeSet<ClashKey>>,
    /// Returned copies being read: how many are read, of how many chosen. The
    /// comparison waits until all are read.
    pub reading: RwSignal<Option<(usize, usize)>>,
    /// Why the work kept from an earlier visit was not read, if it was not.
    pub restore_problem: RwSignal<Option<SavedError>>,
    /// The last write of the work failed (reported once, until one works again).
    save_failed: StoredValue<bool>,
    /// The round last started here and when: the file and the link of one round
    /// carry the same start, so copies from either are copies of the same round.
    started: RwSignal<Option<(String, Timestamp)>>,
    exports: Exports,
    library: Library,
    messages: Messages,
}

impl Workshop {
    /// Made by the workshop view when it first opens (`AppState::workshop`).
    pub fn new(library: Library, messages: Messages, exports: Exports) -> Self {
        let (saved, restore_problem) = match with_repo(|r| r.pref(PREF)).map(|text| SavedWorkshop::read(&text)) {
            None => (SavedWorkshop::default(), None),
            Some(Ok(mut saved)) => {
                // Assessments deleted since are no longer picked.
                saved.keep_stored(&library.stored_ids());
                (saved, None)
            }
            Some(Err(e)) => (SavedWorkshop::default(), Some(e)),
        };
        let SavedWorkshop { picked, decisions, same } = saved;
        let picked = RwSignal::new(picked);
        let same = RwSignal::new(same);
        // The picked assessments other than the open one, read from storage again only
        // when one of their listings changes (another tab saved it), not on every edit.
        let others = Memo::new(move |_| {
            let active = library.active();
            picked.with(|ids| {
                library.listings().with(|l| {
                    l.iter()
                        .filter(|x| ids.contains(&x.id) && active.as_ref() != Some(&x.id))
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        });
        let stored = Memo::new(move |_| {
            others
                .with(|l| l.iter().filter_map(|x| library.stored(&x.id).map(|a| (x.id.clone(), a))).collect::<Vec<_>>())
        });
        // In pick order, the open one as it is now.
        let loaded = Memo::new(move |_| {
            let active = library.active();
            picked.with(|ids| {
                ids.iter()
                    .filter_map(|id| {
                        if active.as_ref() == Some(id) {
                            return library.current().get();
                        }
                        stored.with(|s| s.iter().find(|(x, _)| x == id).map(|(_, a)| a.clone()))
                    })
                    .collect::<Vec<_>>()
            })
        });
        let comparison = Memo::new(move |_| {
            loaded.with(|all| {
                same.with(|same| workshop::compare_with(&all.iter().map(Participant::of).collect::<Vec<_>>(), same))
            })
        });
        Workshop {
            picked,
            loaded,
            comparison,
            decisions: RwSignal::new(decisions),
            snapshot_on_merge: RwSignal::new(true),
            replacements: RwSignal::new(Vec::new()),
            same,
            reading: RwSignal::new(None),
            restore_problem: RwSignal::new(restore_problem),
            save_failed: StoredValue::new(false),
            started: RwSignal::new(None),
            exports,
            library,
            messages,
        }
    }

    /// Whether `id` is picked (reactive).
    pub fn is_picked(&self, id: &AssessmentId) -> bool {
        self.picked.with(|p| p.contains(id))
    }

    /// Picks or unpicks an assessment.
    pub fn pick(&self, id: &AssessmentId, picked: bool) {
        self.pick_all(std::slice::from_ref(id), picked);
    }

    /// Picks or unpicks assessments, in one change (one comparison).
    fn pick_all(&self, ids: &[AssessmentId], picked: bool) {
        self.picked.update(|p| {
            for id in ids {
                p.retain(|x| x != id);
                if picked {
                    p.push(id.clone());
                }
            }
        });
        self.keep();
    }

    /// Sets fields of the facilitator's value for a service (the others follow the proposal).
    pub fn decide(&self, id: &ServiceId, edit: impl FnOnce(&mut Chosen)) {
        self.decisions.update(|d| edit(d.values.entry(id.clone()).or_default()));
        self.keep();
    }

    /// The value the merge will take for a service (reactive).
    pub fn merged_state(&self, id: &ServiceId) -> Option<ServiceAssessment> {
        self.comparison.with(|c| c.rows.iter().find(|r| &r.id == id).map(|row| self.decisions.with(|d| d.state(row))))
    }

    pub fn set_rationale(&self, id: &ServiceId, text: &str) {
        let text: String = text.chars().take(Assessment::MAX_NOTE_CHARS).collect();
        self.decisions.update(|d| {
            d.rationale.insert(id.clone(), text);
        });
        self.keep();
    }

    /// Whether the facilitator said a clash of own services is one service (reactive).
    pub fn is_same(&self, key: &ClashKey) -> bool {
        self.same.with(|s| s.contains(key))
    }

    /// The facilitator says a clash of own services is one service, or two.
    pub fn set_same(&self, key: &ClashKey, same: bool) {
        self.same.update(|s| {
            if same {
                s.insert(key.clone());
            } else {
                s.remove(key);
            }
        });
        self.keep();
    }

    /// Stores the facilitator's work as it is now (picks of assessments no longer
    /// stored left out). A failed write is reported once, until one works again.
    fn keep(&self) {
        let mut saved = SavedWorkshop {
            picked: self.picked.get_untracked(),
            decisions: self.decisions.get_untracked(),
            same: self.same.get_untracked(),
        };
        saved.keep_stored(&self.library.stored_ids());
        match with_repo(|r| r.set_pref(PREF, &saved.write())) {
            Ok(()) => self.save_failed.set_value(false),
            Err(e) if !self.save_failed.get_value() => {
                self.save_failed.set_value(true);
                self.messages.fail(e);
            }
            Err(_) => {}
        }
    }

    /// Creates the merged assessment (made active); the picked ones are not changed.
    pub fn merge(&self, name: &str) {
        let Some(name) = crate::model::text::clean_name(name) else { return };
        let loaded = self.loaded.get_untracked();
        let picked: Vec<&Assessment> = loaded.iter().collect();
        let comparison = self.comparison.get_untracked();
        if !comparison.comparable() {
            return;
        }
        let round = picked
            .get(comparison.picked.first().copied().unwrap_or(0))
            .and_then(|a| a.workshop.as_ref())
            .map(|w| w.round.clone())
            .unwrap_or_default();
        let request = MergeRequest {
            picked: &picked,
            name: &name,
            round: &round,
            snapshot: self.snapshot_on_merge.get_untracked(),
            now: browser::now(),
        };
        let decisions = self.decisions.get_untracked();
        if let Some(merged) = self.messages.report(workshop::merge(&comparison, &decisions, &request)) {
            self.library.add(merged, Status::Merged(name));
        }
    }

    /// The template of a new round made from the active assessment.
    fn template(&self, round: &str) -> Option<Assessment> {
        let round = crate::model::text::clean_name(round)?;
        let now = match self.started.get_untracked() {
            Some((name, at)) if name == round => at,
            _ => {
                let now = browser::now();
                self.started.set(Some((round.clone(), now.clone())));
                now
            }
        };
        self.library.current().with_untracked(|a| a.as_ref().map(|a| workshop::template(a, &round, now)))
    }

    /// Downloads the template of a new round, to send to participants.
    pub fn download_template(&self, round: &str) {
        if let Some(t) = self.template(round) {
            self.exports.json_unstored(&t);
        }
    }

    /// A share link carrying the template of a new round; `None` after reporting why not.
    pub fn template_link(&self, round: &str) -> Option<String> {
        let t = self.template(round)?;
        let link = self.messages.report(crate::model::share::encode(&t))?;
        Some(browser::page_url_with_hash(&link))
    }

    /// The per-service comparison as CSV (one column per assessor).
    pub fn download_csv(&self) {
        let text =
            self.comparison.with_untracked(|c| self.decisions.with_untracked(|d| workshop::comparison_csv(c, d)));
        self.exports.download(&exchange::file_name("workshop comparison", "csv"), "text/csv;charset=utf-8", &text);
    }

    /// Prints the workshop report alone.
    pub fn print_report(&self) {
        if let Err(e) = browser::print_marked("print-workshop") {
            self.messages.browser_failed(BrowserTask::Print, e);
        }
    }
}

impl Library {
    /// Sets the assessor of the active assessment (a participant's copy of a round)
    /// and names the copy after round and assessor.
    pub fn set_assessor(&self, assessor: &str, typing: bool) {
        let text = if typing { assessor } else { assessor.trim() };
        let assessor: String = text.chars().take(Assessment::MAX_NAME_CHARS).collect();
        self.edit_active(move |a| {
            let Some(w) = a.workshop.as_mut() else { return };
            w.assessor = assessor.clone();
            let name = match crate::model::text::clean_name(&assessor) {
                Some(who) => workshop::participant_name(&w.round, &who),
                None => w.round.clone(),
            };
            a.name = name.chars().take(Assessment::MAX_NAME_CHARS).collect();
        });
    }
}
