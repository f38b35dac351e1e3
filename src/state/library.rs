//! The stored assessments and the active one: creating, importing, editing (saved at
//! once), duplicating, and picking up what another tab saved. Deleting and the trash
//! are in `trash.rs`, snapshots in `snapshots.rs`.

use leptos::prelude::*;

use super::repo::{is_persistent, with_repo};
use super::{Alert, Locale, Messages, Status};
use crate::browser;
use crate::model::exchange;
use crate::model::library::copy_name;
use crate::model::{
    Assessment, AssessmentId, Catalogue, CatalogueDef, CategoryId, CustomService, LocalText, ServiceAssessment,
    ServiceId, Summary,
};
use crate::storage::{StoredAssessment, Trashed, Unreadable};

/// The sample assessment of a fictional organisation, for a first look, in the
/// interface language.
const SAMPLE_EN: &str = include_str!("../../docs/sample-assessment.json");
const SAMPLE_JA: &str = include_str!("../../docs/sample-assessment.ja.json");

#[derive(Clone, Copy)]
pub struct Library {
    pub(super) assessments: RwSignal<Vec<StoredAssessment>>,
    pub(super) active: RwSignal<Option<AssessmentId>>,
    pub(super) unreadable: RwSignal<Vec<Unreadable>>,
    /// Deleted assessments, most recent first.
    pub(super) trash: RwSignal<Vec<Trashed>>,
    /// The active assessment (a copy, recomputed when it changes).
    pub current: Memo<Option<Assessment>>,
    /// Every number of the dashboard for the active assessment.
    pub summary: Memo<Option<Summary>>,
    /// The catalogue of the active assessment (the latest when none is active).
    pub catalogue: Memo<Catalogue>,
    pub(super) messages: Messages,
    pub(super) locale: Locale,
    /// Whether changes outlive the tab (localStorage is available).
    pub persistent: bool,
}

impl Library {
    /// Reads storage; entries that cannot be read are set aside and reported.
    pub(super) fn load(messages: Messages, locale: Locale) -> Self {
        let loaded = match with_repo(|r| r.load()) {
            Ok(loaded) => {
                if !loaded.unreadable.is_empty() {
                    messages.fail(Alert::Unreadable { count: loaded.unreadable.len() });
                }
                loaded
            }
            Err(e) => {
                messages.fail(e);
                Default::default()
            }
        };
        let assessments = RwSignal::new(loaded.assessments);
        let active = RwSignal::new(loaded.active);
        let current = Memo::new(move |_| {
            let id = active.get()?;
            assessments.with(|list| list.iter().find(|s| s.id == id).map(|s| s.assessment.clone()))
        });
        let summary = Memo::new(move |_| {
            current.with(|a| a.as_ref().map(|a| Summary::of(a.catalogue, &a.custom_services, &a.services)))
        });
        // Compared by address: catalogues are static, and an edit must not compare them deeply.
        let catalogue = Memo::new_with_compare(
            move |_| current.with(|a| a.as_ref().map_or(CatalogueDef::latest(), |a| a.catalogue)),
            |old: Option<&Catalogue>, new: Option<&Catalogue>| !matches!((old, new), (Some(a), Some(b)) if std::ptr::eq(*a, *b)),
        );
        Library {
            assessments,
            active,
            unreadable: RwSignal::new(loaded.unreadable),
            trash: RwSignal::new(loaded.trash),
            current,
            summary,
            catalogue,
            messages,
            locale,
            persistent: is_persistent(),
        }
    }

    /// The stored assessments, in the user's order (reactive).
    pub fn assessments(&self) -> ReadSignal<Vec<StoredAssessment>> {
        self.assessments.read_only()
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

    /// Adds a new assessment, saves it and makes it the active one.
    pub(super) fn add(&self, assessment: Assessment, status: Status) {
        let id = browser::new_assessment_id();
        if self.messages.report(with_repo(|r| r.save(&id, &assessment))).is_some() {
            self.assessments.update(|list| list.push(StoredAssessment { id: id.clone(), assessment }));
            self.activate(&id);
            self.messages.clear_alert();
            self.messages.done(status);
        }
    }

    pub fn create(&self, name: &str, organisation: &str) {
        let assessment = Assessment::new(name.trim(), organisation.trim(), browser::now());
        let status = Status::Created(assessment.name.clone());
        self.add(assessment, status);
    }

    pub fn activate(&self, id: &AssessmentId) {
        self.active.set(Some(id.clone()));
        self.messages.report(with_repo(|r| r.set_active(Some(id))));
    }

    /// Changes the active assessment and saves it at once. When the save fails the
    /// change stays on screen (so it can be exported) and the alert says so.
    pub fn edit_active(&self, edit: impl FnOnce(&mut Assessment)) {
        let Some(id) = self.active.get_untracked() else { return };
        let mut saved = None;
        self.assessments.update(|list| {
            if let Some(stored) = list.iter_mut().find(|s| s.id == id) {
                edit(&mut stored.assessment);
                stored.assessment.updated = Some(browser::now());
                saved = Some(with_repo(|r| r.save(&id, &stored.assessment)));
            }
        });
        match saved {
            Some(Err(e)) => self.messages.fail(e),
            Some(Ok(())) => self.messages.clear_storage_alert(),
            None => {}
        }
    }

    /// Changes one service of the active assessment.
    pub fn edit_service(&self, id: &ServiceId, edit: impl FnOnce(&mut ServiceAssessment)) {
        self.edit_active(|a| a.edit_service(id, edit));
    }

    /// Renames the active assessment; a blank name is refused (`false`).
    pub fn rename(&self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        self.edit_active(|a| a.name = name.chars().take(Assessment::MAX_NAME_CHARS).collect());
        true
    }

    pub fn set_organisation(&self, organisation: &str) {
        self.edit_active(|a| a.organisation = organisation.trim().chars().take(Assessment::MAX_NAME_CHARS).collect());
    }

    /// Adds a service of the user's own to a category of the active assessment, with
    /// the next free id of that category.
    pub fn add_custom_service(&self, category: &CategoryId, name: LocalText) {
        let mut result = Ok(());
        self.edit_active(|a| {
            result = a
                .catalogue
                .next_custom_id(&a.custom_services, category)
                .and_then(|id| a.add_custom_service(CustomService { id, category: category.clone(), name }));
        });
        self.messages.report(result);
    }

    /// Adds a copy of the active assessment and makes it active.
    pub fn duplicate_active(&self) {
        let Some(mut copy) = self.current.get_untracked() else { return };
        copy.name = copy_name(&copy.name, self.locale_texts().home.copy_suffix);
        copy.created = Some(browser::now());
        copy.updated = copy.created.clone();
        let status = Status::Duplicated(copy.name.clone());
        self.add(copy, status);
    }

    /// Opens the built-in sample, in the interface language, as a new assessment.
    pub fn open_sample(&self) {
        let text = match self.locale.lang_untracked() {
            crate::model::Lang::Ja => SAMPLE_JA,
            crate::model::Lang::En => SAMPLE_EN,
        };
        match exchange::read_str(text) {
            Ok(sample) => {
                let status = Status::Created(sample.name.clone());
                self.add(sample, status);
            }
            Err(error) => self.messages.fail(Alert::Import { file: "sample".to_owned(), error }),
        }
    }

    /// Picks up what another tab stored (the `storage` event): the list, the trash and
    /// the active assessment are read again. Every change here is saved at once, so
    /// nothing unsaved is lost; the last writer wins, and a notice says so.
    pub fn sync_from_storage(&self) {
        let Some(loaded) = self.messages.report(with_repo(|r| r.load())) else { return };
        let changed = self.assessments.with_untracked(|list| *list != loaded.assessments);
        if changed {
            let active = self.active.get_untracked().filter(|id| loaded.assessments.iter().any(|s| &s.id == id));
            self.assessments.set(loaded.assessments);
            self.active.set(active);
            self.messages.done(Status::SyncedFromOtherTab);
        }
        self.unreadable.set(loaded.unreadable);
        self.trash.set(loaded.trash);
    }

    /// The state of one service, as a memo: views bound to it update only when
    /// that service changes.
    pub fn service_state(&self, id: ServiceId) -> Memo<ServiceAssessment> {
        let current = self.current;
        Memo::new(move |_| current.with(|a| a.as_ref().map(|a| a.service(id.as_str())).unwrap_or_default()))
    }

    fn locale_texts(&self) -> &'static crate::i18n::Texts {
        crate::i18n::texts(self.locale.lang_untracked())
    }
}

impl Library {
    /// Stores an assessment as a new entry without making it active (a backup's
    /// member); `false` after reporting a failed save.
    pub(super) fn store_new(&self, assessment: Assessment) -> bool {
        let id = browser::new_assessment_id();
        let saved = self.messages.report(with_repo(|r| r.save(&id, &assessment))).is_some();
        if saved {
            self.assessments.update(|list| list.push(StoredAssessment { id, assessment }));
        }
        saved
    }
}
