//! The workshop: the facilitator's picks, the comparison of the picked assessments,
//! the decisions over the proposals, the merge, round templates, and the returned
//! copies imported (the same assessor's copy twice is noticed and offered as a
//! replacement). The rules themselves are in `crate::model::workshop`.

use leptos::prelude::*;

use super::repo::with_repo;
use super::{Alert, BrowserTask, Exports, Library, Messages, Status};
use crate::browser;
use crate::model::exchange::{self, Document, ImportError, MAX_BYTES};
use crate::model::workshop::{self, Comparison, Decisions, Intake, MergeRequest, Participant};
use crate::model::{Assessment, AssessmentId, ServiceAssessment, ServiceId, Timestamp};

/// A returned copy whose assessor already has one stored: replace it or keep both.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub incoming: Assessment,
    pub stored: AssessmentId,
    pub stored_name: String,
}

#[derive(Clone, Copy)]
pub struct Workshop {
    /// The picked assessments, in the order picked.
    picked: RwSignal<Vec<AssessmentId>>,
    /// The picked assessments' documents, in pick order (re-read when a listing changes).
    pub loaded: Memo<Vec<Assessment>>,
    /// The comparison of the picked assessments.
    pub comparison: Memo<Comparison>,
    /// The facilitator's values and rationales over the proposals.
    pub decisions: RwSignal<Decisions>,
    /// Take a snapshot of the merged result at once.
    pub snapshot_on_merge: RwSignal<bool>,
    /// Copies waiting for the replace-or-keep choice.
    pub replacements: RwSignal<Vec<Replacement>>,
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
        let picked = RwSignal::new(Vec::<AssessmentId>::new());
        // The picked assessments other than the open one, read from storage again only
        // when one of their listings changes (another tab saved it), not on every edit.
        let others = Memo::new(move |_| {
            let active = library.active.get();
            picked.with(|ids| {
                library.listings.with(|l| {
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
            let active = library.active.get();
            picked.with(|ids| {
                ids.iter()
                    .filter_map(|id| {
                        if active.as_ref() == Some(id) {
                            return library.current.get();
                        }
                        stored.with(|s| s.iter().find(|(x, _)| x == id).map(|(_, a)| a.clone()))
                    })
                    .collect::<Vec<_>>()
            })
        });
        let comparison = Memo::new(move |_| {
            loaded.with(|all| workshop::compare(&all.iter().map(Participant::of).collect::<Vec<_>>()))
        });
        Workshop {
            picked,
            loaded,
            comparison,
            decisions: RwSignal::new(Decisions::default()),
            snapshot_on_merge: RwSignal::new(true),
            replacements: RwSignal::new(Vec::new()),
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
        self.picked.update(|p| {
            p.retain(|x| x != id);
            if picked {
                p.push(id.clone());
            }
        });
    }

    /// Sets the facilitator's value for a service (starting from the proposal).
    pub fn decide(&self, id: &ServiceId, edit: impl FnOnce(&mut ServiceAssessment)) {
        let Some(mut state) = self.merged_state(id) else { return };
        edit(&mut state);
        self.decisions.update(|d| {
            d.values.insert(id.clone(), state);
        });
    }

    /// The value the merge will take for a service (reactive).
    pub fn merged_state(&self, id: &ServiceId) -> Option<ServiceAssessment> {
        if let Some(state) = self.decisions.with(|d| d.values.get(id.as_str()).cloned()) {
            return Some(state);
        }
        self.comparison.with(|c| c.rows.iter().find(|r| &r.id == id).map(|r| r.proposal.state()))
    }

    pub fn set_rationale(&self, id: &ServiceId, text: &str) {
        let text: String = text.chars().take(Assessment::MAX_NOTE_CHARS).collect();
        self.decisions.update(|d| {
            d.rationale.insert(id.clone(), text);
        });
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
        self.library.current.with_untracked(|a| a.as_ref().map(|a| workshop::template(a, &round, now)))
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

    /// Reads the returned copies the facilitator chose, one after another.
    pub fn import_files(&self, files: Vec<web_sys::File>) {
        let this = *self;
        leptos::task::spawn_local(async move {
            // What is stored, read once for the whole choice of files (and kept up to
            // date as copies are added, so a file chosen twice is noticed too).
            let ids: Vec<AssessmentId> =
                this.library.listings.with_untracked(|l| l.iter().map(|x| x.id.clone()).collect());
            let mut stored: Vec<(AssessmentId, Assessment)> =
                ids.into_iter().filter_map(|id| this.library.stored(&id).map(|a| (id, a))).collect();
            for file in files {
                let name = file.name();
                if file.size() as usize > MAX_BYTES {
                    let error = ImportError::TooLarge { bytes: file.size() as usize };
                    this.messages.fail(Alert::Import { file: name, error });
                    continue;
                }
                match browser::read_file(&file).await {
                    Ok(bytes) => this.take_copy(name, &bytes, &mut stored),
                    Err(e) => this.messages.browser_failed(BrowserTask::ReadFile, e),
                }
            }
        });
    }

    /// One returned copy: added and picked, or noticed as already stored (same
    /// content), or offered as a replacement (same assessor, other content).
    fn take_copy(&self, file: String, bytes: &[u8], stored: &mut Vec<(AssessmentId, Assessment)>) {
        match exchange::read_any(bytes) {
            Ok(Document::Assessment(a)) => self.take_assessment(*a, stored),
            // A backup of several copies: each member is taken like a file of its own.
            Ok(Document::Backup(contents)) => {
                for a in contents.members {
                    self.take_assessment(a, stored);
                }
                if let Some(damaged) = contents.damaged.into_iter().next() {
                    self.messages.fail(Alert::Import { file, error: damaged.error });
                }
            }
            Err(error) => self.messages.fail(Alert::Import { file, error }),
        }
    }

    fn take_assessment(&self, incoming: Assessment, stored: &mut Vec<(AssessmentId, Assessment)>) {
        let refs: Vec<&Assessment> = stored.iter().map(|(_, a)| a).collect();
        match workshop::intake(&refs, &incoming) {
            Intake::Identical(i) => {
                let (id, a) = &stored[i];
                self.pick(id, true);
                self.messages.done(Status::AlreadyStored(a.name.clone()));
            }
            Intake::SameAssessor(i) => {
                let (id, a) = &stored[i];
                let offer = Replacement { incoming, stored: id.clone(), stored_name: a.name.clone() };
                self.replacements.update(|r| r.push(offer));
            }
            Intake::New => {
                if let Some(id) = self.add_copy(incoming.clone()) {
                    stored.push((id, incoming));
                }
            }
        }
    }

    /// Stores a copy as a new assessment and picks it (the active one stays active).
    fn add_copy(&self, copy: Assessment) -> Option<AssessmentId> {
        let name = copy.name.clone();
        let id = self.library.store_new(copy)?;
        self.pick(&id, true);
        self.messages.done(Status::Imported(name));
        Some(id)
    }

    /// Settles the first waiting replacement: `replace` moves the stored copy to the
    /// trash (restorable) and adds the new one; otherwise both are kept.
    pub fn settle_replacement(&self, index: usize, replace: bool) {
        let Some(offer) = self.replacements.with_untracked(|r| r.get(index).cloned()) else { return };
        self.replacements.update(|r| {
            r.remove(index);
        });
        if replace {
            self.pick(&offer.stored, false);
            self.library.delete(&offer.stored);
        }
        self.add_copy(offer.incoming);
    }

    /// Drops a waiting replacement: the file is not added.
    pub fn skip_replacement(&self, index: usize) {
        self.replacements.update(|r| {
            if index < r.len() {
                r.remove(index);
            }
        });
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
    /// A stored assessment by id, read from storage (or the open one); `None` when it
    /// cannot be read (reported once as unreadable by the listing's own checks).
    pub(super) fn stored(&self, id: &AssessmentId) -> Option<Assessment> {
        if self.active.get_untracked().as_ref() == Some(id) {
            return self.current.get_untracked();
        }
        self.legacy_copy(id).or_else(|| with_repo(|r| r.open(id)).ok().map(|s| s.assessment))
    }

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
