//! The stored assessments (their listings) and the open, active one: one handle,
//! [`Library`], whose signals are private to this folder; the rest of the app reads
//! through its methods and changes things by calling them. By concern:
//!
//! - here: start-up, creating, opening, duplicating, the sample;
//! - `edits`: the open assessment's name, organisation, quick check, own services;
//! - `evidence`: evidence items of its services (add, change, remove with undo);
//! - `saving`: how every edit is made and stored (the one write path);
//! - `snapshots`: take, relabel, delete;
//! - `trash`: deleting assessments, restoring, purging, entries set aside;
//! - `undo`: what the last destructive step removed, and bringing it back;
//! - `services`: the catalogue's services as views list them;
//! - `sync`: what another tab stored, and entries that do not read.

mod edits;
mod evidence;
mod saving;
mod services;
mod snapshots;
mod sync;
mod trash;
mod undo;

use leptos::prelude::*;

pub use services::ServiceInfo;
pub use undo::Undo;

use super::repo::{is_persistent, with_repo};
use super::{Alert, Locale, Messages, Status};
use crate::browser;
use crate::model::exchange;
use crate::model::library::copy_name;
use crate::model::{Assessment, AssessmentId, Catalogue, CatalogueDef, Lang, Summary};
use crate::storage::{Listing, OpenError, Revision, Stored, Trashed, Unreadable};

/// The sample assessment of a fictional organisation, for a first look, in the
/// interface language.
const SAMPLE_EN: &str = include_str!("../../../docs/sample-assessment.json");
const SAMPLE_JA: &str = include_str!("../../../docs/sample-assessment.ja.json");

/// What the storage steps before start-up did (see [`Library::start_steps`]).
pub(super) struct StartSteps {
    folded: Result<usize, crate::storage::StorageError>,
    moved: Result<crate::storage::Migration, crate::storage::StorageError>,
}

/// What storage knows of the open assessment.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct OpenState {
    pub id: AssessmentId,
    pub revision: Revision,
    /// Still in storage layout 1 (storage was too full to move it): the first save
    /// moves it.
    pub legacy: bool,
}

impl OpenState {
    pub fn of(stored: &Stored) -> Self {
        OpenState { id: stored.id.clone(), revision: stored.revision, legacy: false }
    }
}

#[derive(Clone, Copy)]
pub struct Library {
    listings: RwSignal<Vec<Listing>>,
    active: RwSignal<Option<AssessmentId>>,
    open: RwSignal<Option<OpenState>>,
    current_rw: RwSignal<Option<Assessment>>,
    /// Whether the views of an assessment are shown. Set false before the assessment
    /// goes (`close`), so a view showing it is taken down while what it reads is still
    /// there: a view never runs on an assessment that vanished under it.
    shown: RwSignal<bool>,
    current: ReadSignal<Option<Assessment>>,
    summary: Memo<Option<Summary>>,
    catalogue: Memo<Catalogue>,
    unreadable: RwSignal<Vec<Unreadable>>,
    /// Deleted assessments, most recent first.
    trash: RwSignal<Vec<Trashed>>,
    /// Readable assessments still in storage layout 1 (storage too full to move them).
    legacy: RwSignal<Vec<(AssessmentId, Assessment)>>,
    messages: Messages,
    locale: Locale,
    persistent: bool,
}

impl Library {
    /// Moves storage layout 1 over when it is there, reads the listings and opens the
    /// active assessment; what cannot be read is set aside and reported.
    pub(super) fn load(messages: Messages, locale: Locale, moved: StartSteps) -> Self {
        let current_rw = RwSignal::new(None::<Assessment>);
        let current = current_rw.read_only();
        let summary = Memo::new(move |_| {
            current.with(|a| a.as_ref().map(|a| Summary::of(a.catalogue, &a.custom_services, &a.services)))
        });
        // Compared by address: catalogues are static, and an edit must not compare them deeply.
        let catalogue = Memo::new_with_compare(
            move |_| current.with(|a| a.as_ref().map_or(CatalogueDef::latest(), |a| a.catalogue)),
            |old: Option<&Catalogue>, new: Option<&Catalogue>| !matches!((old, new), (Some(a), Some(b)) if std::ptr::eq(*a, *b)),
        );
        let library = Library {
            listings: RwSignal::new(Vec::new()),
            active: RwSignal::new(None),
            open: RwSignal::new(None),
            current_rw,
            shown: RwSignal::new(false),
            current,
            summary,
            catalogue,
            unreadable: RwSignal::new(Vec::new()),
            trash: RwSignal::new(Vec::new()),
            legacy: RwSignal::new(Vec::new()),
            messages,
            locale,
            persistent: is_persistent(),
        };
        library.start(moved);
        library
    }

    /// The storage steps that come before anything reads a preference: a delete
    /// another tab's late write undid is folded into the trash, and layout 1 is moved
    /// (with its preferences: the language, the last view).
    pub(super) fn start_steps() -> StartSteps {
        StartSteps { folded: with_repo(|r| r.fold_resurrected()), moved: with_repo(|r| r.migrate_v1()) }
    }

    /// Reports the start steps, then reads storage and opens the active assessment.
    fn start(&self, steps: StartSteps) {
        self.report_folded(steps.folded);
        let mut unreadable = Vec::new();
        let mut active_left = None;
        match steps.moved {
            Ok(m) => {
                active_left = m.active_left.clone();
                if !m.newer_kept.is_empty() {
                    self.messages.fail(Alert::NewerKept(m.newer_kept.clone()));
                }
                if let Some(e) = m.stopped {
                    self.messages.fail(Alert::NotMoved { count: m.left.len(), error: e });
                }
                unreadable.extend(m.unreadable);
                self.legacy.set(m.left);
            }
            Err(e) => self.messages.fail(e),
        }
        self.read_storage(true, unreadable, active_left);
        // Every stored working entry is checked once the first view is shown, not
        // before: with many assessments stored that is most of reading storage.
        let this = *self;
        request_animation_frame(move || set_timeout(move || this.set_aside_damaged(), std::time::Duration::ZERO));
    }

    /// Reads the listings, the trash and damaged entries (`unreadable`: those found
    /// already); at start-up also opens the active assessment (`active_left`: the
    /// active one when it is still in layout 1).
    pub(super) fn read_storage(&self, start: bool, mut unreadable: Vec<Unreadable>, active_left: Option<AssessmentId>) {
        // At start-up the working entries' envelopes are checked after the first view.
        let Some(loaded) = self.messages.report(with_repo(|r| if start { r.load_listed() } else { r.load() })) else {
            return;
        };
        unreadable.extend(loaded.unreadable);
        let mut listings = loaded.listings;
        self.legacy.with_untracked(|left| listings.extend(left.iter().map(|(id, a)| Listing::of(id, a))));
        if !unreadable.is_empty() && start {
            self.messages.fail(Alert::Unreadable { count: unreadable.len() });
        }
        self.listings.set(listings);
        self.unreadable.set(unreadable);
        self.trash.set(loaded.trash);
        if start {
            if let Some(id) = loaded.active.or(active_left) {
                self.open_assessment(&id);
            }
        }
    }

    /// The active assessment (reactive).
    pub fn current(&self) -> ReadSignal<Option<Assessment>> {
        self.current
    }

    /// Every number of the dashboard for the active assessment (reactive).
    pub fn summary(&self) -> Memo<Option<Summary>> {
        self.summary
    }

    /// The catalogue of the active assessment, the latest when none is active (reactive).
    pub fn catalogue(&self) -> Memo<Catalogue> {
        self.catalogue
    }

    /// Whether changes outlive the tab (localStorage is available).
    pub fn persistent(&self) -> bool {
        self.persistent
    }

    /// The listings of the stored assessments, in the user's order (reactive).
    pub fn listings(&self) -> ReadSignal<Vec<Listing>> {
        self.listings.read_only()
    }

    /// The id of the active assessment (reactive).
    pub fn active(&self) -> Option<AssessmentId> {
        self.active.get()
    }

    /// Stored entries that could not be read (reactive).
    pub fn unreadable(&self) -> ReadSignal<Vec<Unreadable>> {
        self.unreadable.read_only()
    }

    /// Deleted assessments, most recent first (reactive).
    pub fn trash(&self) -> ReadSignal<Vec<Trashed>> {
        self.trash.read_only()
    }

    /// The id of the active assessment, read without tracking.
    pub fn active_untracked(&self) -> Option<AssessmentId> {
        self.active.get_untracked()
    }

    /// The open assessment's id and the stored revision this tab last read or wrote
    /// (reactive: every save raises it).
    pub fn open_revision(&self) -> Option<(AssessmentId, Revision)> {
        self.open.with(|s| s.as_ref().map(|s| (s.id.clone(), s.revision)))
    }

    /// [`Library::open_revision`], read without tracking.
    pub fn open_revision_untracked(&self) -> Option<(AssessmentId, Revision)> {
        self.open.with_untracked(|s| s.as_ref().map(|s| (s.id.clone(), s.revision)))
    }

    /// The ids of the stored assessments, in the user's order (untracked).
    pub fn stored_ids(&self) -> Vec<AssessmentId> {
        self.listings.with_untracked(|l| l.iter().map(|x| x.id.clone()).collect())
    }

    /// The ids of the stored assessments and of those in the trash (untracked).
    pub fn known_ids(&self) -> Vec<AssessmentId> {
        let mut ids = self.stored_ids();
        self.trash.with_untracked(|t| ids.extend(t.iter().map(|x| x.id.clone())));
        ids
    }

    /// The raw text of a stored entry that could not be read, by its key.
    pub fn unreadable_raw(&self, key: &str) -> Option<String> {
        self.unreadable.with_untracked(|list| list.iter().find(|u| u.key == key).map(|u| u.raw.clone()))
    }

    /// A stored assessment by id, read from storage (or the open one); `None` when it
    /// cannot be read (reported once as unreadable by the listing's own checks).
    pub(in crate::state) fn stored(&self, id: &AssessmentId) -> Option<Assessment> {
        if self.active.get_untracked().as_ref() == Some(id) {
            return self.current.get_untracked();
        }
        self.legacy_copy(id).or_else(|| with_repo(|r| r.open(id)).ok().map(|s| s.assessment))
    }

    /// The assessment `id` when it is still in storage layout 1.
    pub(super) fn legacy_copy(&self, id: &AssessmentId) -> Option<Assessment> {
        self.legacy.with_untracked(|left| left.iter().find(|(i, _)| i == id).map(|(_, a)| a.clone()))
    }

    /// Reads an assessment and makes it the open one (nothing is saved).
    pub(super) fn open_assessment(&self, id: &AssessmentId) -> bool {
        let legacy = self.legacy_copy(id);
        if let Some(a) = legacy {
            let state = OpenState { id: id.clone(), revision: 0, legacy: true };
            self.show_open(state, a);
            return true;
        }
        match with_repo(|r| r.open(id)) {
            Ok(stored) => {
                self.show_stored(stored);
                true
            }
            Err(OpenError::Unreadable(u)) => {
                self.set_aside(vec![u]);
                false
            }
            Err(OpenError::Missing) => {
                self.read_storage(false, Vec::new(), None);
                false
            }
            Err(OpenError::Storage(e)) => {
                self.messages.fail(e);
                false
            }
        }
    }

    /// Shows an assessment just read from storage; its snapshots that did not read
    /// are set aside (the rest of it reads as ever).
    pub(super) fn show_stored(&self, stored: Stored) {
        let state = OpenState::of(&stored);
        self.show_open(state, stored.assessment);
        self.set_aside(stored.damaged);
    }

    pub(super) fn show_open(&self, state: OpenState, assessment: Assessment) {
        if self.open.with_untracked(|s| s.as_ref().map(|s| &s.id) != Some(&state.id)) {
            Self::forget_stored_edits();
        }
        self.active.set(Some(state.id.clone()));
        self.open.set(Some(state));
        self.current_rw.set(Some(assessment));
        self.shown.set(true);
    }

    /// Closes the open assessment: first the views showing it are taken down (they
    /// follow [`Library::shown`]); the assessment itself goes once they are gone,
    /// unless another one was opened meanwhile.
    pub(super) fn close(&self) {
        Self::forget_stored_edits();
        self.active.set(None);
        self.open.set(None);
        self.shown.set(false);
        let this = *self;
        set_timeout(
            move || {
                if this.open.with_untracked(Option::is_none) {
                    this.current_rw.set(None);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Whether the views of an assessment are shown (reactive): false as soon as the
    /// open assessment is closing, before it is gone.
    pub fn shown(&self) -> bool {
        self.shown.get()
    }

    /// Makes an assessment the active one (saving what the open one has pending first).
    pub fn activate(&self, id: &AssessmentId) {
        if self.active.get_untracked().as_ref() == Some(id) {
            return;
        }
        self.flush_now();
        if self.open_assessment(id) {
            self.messages.report(with_repo(|r| r.set_active(Some(id))));
        }
    }

    /// Stores a new assessment and makes it the active one.
    pub(super) fn add(&self, assessment: Assessment, status: Status) {
        if let Err(e) = assessment.check_limits() {
            self.messages.fail(e);
            return;
        }
        self.flush_now();
        let id = browser::new_assessment_id();
        let Some(stored) = self.messages.report(with_repo(|r| r.create(&id, &assessment, None))) else { return };
        self.listings.update(|list| list.push(Listing::of(&id, &assessment)));
        self.show_open(OpenState::of(&stored), stored.assessment);
        self.messages.report(with_repo(|r| r.set_active(Some(&id))));
        self.messages.clear_alert();
        self.messages.done(status);
    }

    /// Stores an assessment as a new entry without opening it (a backup's member, a
    /// workshop copy): its id, or `None` after reporting a failed save.
    pub(super) fn store_new(&self, assessment: Assessment) -> Option<AssessmentId> {
        if let Err(e) = assessment.check_limits() {
            self.messages.fail(e);
            return None;
        }
        let id = browser::new_assessment_id();
        self.messages.report(with_repo(|r| r.create(&id, &assessment, None)))?;
        self.listings.update(|list| list.push(Listing::of(&id, &assessment)));
        Some(id)
    }

    /// Creates an assessment (the name tidied: see [`crate::model::text::clean_name`]).
    pub fn create(&self, name: &str, organisation: &str) {
        let Some(name) = crate::model::text::clean_name(name) else { return };
        let organisation: String = organisation.trim().chars().take(Assessment::MAX_NAME_CHARS).collect();
        let assessment = Assessment::new(name, organisation, browser::now());
        let status = Status::Created(assessment.name.clone());
        self.add(assessment, status);
    }

    /// Creates an assessment holding an empty quick check and makes it active.
    pub fn start_quick(&self) {
        let t = crate::i18n::texts(self.locale.lang_untracked());
        let now = browser::now();
        let name = format!("{} {}", t.quick.default_name, now.date());
        let assessment = Assessment::new_quick(name, "", now);
        let status = Status::Created(assessment.name.clone());
        self.add(assessment, status);
    }

    /// Adds a copy of the active assessment and makes it active.
    pub fn duplicate_active(&self) {
        let Some(mut copy) = self.current.get_untracked() else { return };
        copy.name = copy_name(&copy.name, crate::i18n::texts(self.locale.lang_untracked()).home.copy_suffix);
        copy.created = Some(browser::now());
        copy.updated = copy.created.clone();
        let status = Status::Duplicated(copy.name.clone());
        self.add(copy, status);
    }

    /// Opens the built-in sample, in the interface language, as a new assessment.
    pub fn open_sample(&self) {
        let text = match self.locale.lang_untracked() {
            Lang::Ja => SAMPLE_JA,
            Lang::En => SAMPLE_EN,
        };
        match exchange::read_str(text) {
            Ok(sample) => {
                let status = Status::Created(sample.name.clone());
                self.add(sample, status);
            }
            Err(error) => self.messages.fail(Alert::Import { file: "sample".to_owned(), error }),
        }
    }

    /// Every readable stored assessment (for backups, and to tell whether a backup's
    /// member is already here): what is open, as it is now.
    pub(super) fn all(&self) -> Option<Vec<Assessment>> {
        Some(self.all_with_ids()?.into_iter().map(|(_, _, a)| a).collect())
    }

    /// [`Library::all`] with each one's id and revision counter (0 in layout 1).
    pub(super) fn all_with_ids(&self) -> Option<Vec<(AssessmentId, u64, Assessment)>> {
        self.flush_now();
        let stored = self.messages.report(with_repo(|r| r.all()))?;
        let mut all: Vec<_> =
            stored.into_iter().map(|s| (s.id, crate::storage::counter(s.revision), s.assessment)).collect();
        self.legacy.with_untracked(|left| all.extend(left.iter().map(|(id, a)| (id.clone(), 0, a.clone()))));
        Some(all)
    }
}
