//! The application state, provided as context: signals over the model, and the
//! actions that change it. Every change to an assessment goes through here, is
//! saved at once, and reports failures as an [`Alert`].

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{texts, Texts};
use crate::model::exchange::{self, Document, ImportError, Layout};
use crate::model::{Assessment, AssessmentId, Lang, ServiceAssessment, ServiceId, Snapshot, Summary};
use crate::storage::{KeyValueStore, MemoryStore, Repository, StorageError, StoredAssessment, Trashed, Unreadable};

type Repo = Repository<Box<dyn KeyValueStore>>;

/// The sample assessment of a fictional organisation, for a first look.
const SAMPLE: &str = include_str!("../docs/sample-assessment.json");

thread_local! {
    static REPO: (Repo, bool) = open_repository();
}

/// localStorage when the browser offers it, memory otherwise (and says so).
fn open_repository() -> (Repo, bool) {
    match crate::storage::browser::LocalStore::open() {
        Ok(store) => (Repository::new(Box::new(store) as Box<dyn KeyValueStore>), true),
        Err(_) => (Repository::new(Box::new(MemoryStore::default()) as Box<dyn KeyValueStore>), false),
    }
}

fn with_repo<R>(f: impl FnOnce(&Repo) -> R) -> R {
    REPO.with(|(repo, _)| f(repo))
}

/// An error shown to the user in a `role="alert"` element.
#[derive(Clone, Debug, PartialEq)]
pub enum Alert {
    Import { file: String, error: ImportError },
    Share(crate::model::share::ShareError),
    Storage(StorageError),
    Unreadable { count: usize },
    Browser(String),
}

impl Alert {
    pub fn headline(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            Alert::Import { file, error } => format!("{} {file}: {}", t.import_failed, error.headline(lang)),
            Alert::Storage(e) => e.message(lang),
            Alert::Share(e) => e.message(lang),
            Alert::Unreadable { count } => match lang {
                Lang::En if *count == 1 => format!(
                    "1 stored entry could not be read and was set aside untouched; the rest loaded normally. See “{}” below.",
                    t.unreadable_heading
                ),
                Lang::En => format!(
                    "{count} stored entries could not be read and were set aside untouched; the rest loaded normally. See “{}” below.",
                    t.unreadable_heading
                ),
                Lang::Ja => format!("保存データ {count} 件が読めなかったため、そのまま別に取り分けました。その他は通常どおり読み込みました。下の「{}」を参照してください。", t.unreadable_heading),
            },
            Alert::Browser(detail) => format!("{} {detail}", t.file_read_failed),
        }
    }

    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            Alert::Import { error, .. } => error.details(lang),
            _ => Vec::new(),
        }
    }
}

/// A confirmation shown in a `role="status"` element.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Created(String),
    Imported(String),
    Duplicated(String),
    Deleted(String),
    Restored(String),
    SnapshotTaken(String),
    RestoredBackup(usize),
    SyncedFromOtherTab,
    Copied,
}

impl Status {
    pub fn message(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            Status::Created(name) => format!("{}: {name}", t.created),
            Status::Imported(name) => format!("{}: {name}", t.imported),
            Status::Duplicated(name) => format!("{}: {name}", t.duplicated),
            Status::Deleted(name) => format!("{}: {name}", t.deleted),
            Status::Restored(name) => format!("{}: {name}", t.restored),
            Status::SnapshotTaken(label) => format!("{}: {label}", t.snapshot_taken),
            Status::RestoredBackup(n) => (t.restored_backup)(*n),
            Status::SyncedFromOtherTab => t.synced_from_other_tab.to_owned(),
            Status::Copied => t.copied.to_owned(),
        }
    }
}

/// One assessment of a backup being restored.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreItem {
    pub assessment: Assessment,
    /// An identical assessment is already stored.
    pub already_here: bool,
    /// Whether to add it.
    pub selected: bool,
}

/// A backup read from a file, shown for the user to choose what to add.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingRestore {
    pub file: String,
    pub items: Vec<RestoreItem>,
}

/// The views of an assessment, in the order of the build process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Home,
    Catalogue,
    Profile,
    Portfolio,
    Dashboard,
    Plan,
    Evaluation,
    Report,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Home,
        View::Catalogue,
        View::Profile,
        View::Portfolio,
        View::Dashboard,
        View::Plan,
        View::Evaluation,
        View::Report,
    ];

    /// Stored as a preference, and used in the `nav-*` test hooks.
    pub fn code(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Catalogue => "catalogue",
            View::Profile => "profile",
            View::Portfolio => "portfolio",
            View::Dashboard => "dashboard",
            View::Plan => "plan",
            View::Evaluation => "evaluation",
            View::Report => "report",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            View::Home => t.nav_home,
            View::Catalogue => t.nav_catalogue,
            View::Profile => t.nav_profile,
            View::Portfolio => t.nav_portfolio,
            View::Dashboard => t.nav_dashboard,
            View::Plan => t.nav_plan,
            View::Evaluation => t.nav_evaluation,
            View::Report => t.nav_report,
        }
    }
}

/// What the last destructive action removed, so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// An assessment moved to the trash.
    Assessment { id: AssessmentId, position: usize, was_active: bool },
    Snapshot { assessment: AssessmentId, position: usize, snapshot: Snapshot },
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub assessments: RwSignal<Vec<StoredAssessment>>,
    pub active: RwSignal<Option<AssessmentId>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// Deleted assessments, most recent first.
    pub trash: RwSignal<Vec<Trashed>>,
    /// An assessment carried by a share link, waiting for the user to import it.
    pub pending_share: RwSignal<Option<Assessment>>,
    /// A backup file read and waiting for the user to choose what to add.
    pub pending_restore: RwSignal<Option<PendingRestore>>,
    pub alert: RwSignal<Option<Alert>>,
    pub status: RwSignal<Option<Status>>,
    pub view: RwSignal<View>,
    pub undo: RwSignal<Option<Undo>>,
    /// The active assessment (a copy, recomputed when it changes).
    pub current: Memo<Option<Assessment>>,
    /// Every number of the dashboard for the active assessment.
    pub summary: Memo<Option<Summary>>,
    /// Whether changes outlive the tab (localStorage is available).
    pub persistent: bool,
}

/// The state provided by [`crate::app::App`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Reads storage and the language preference. Called once, by the app.
    pub fn load() -> AppState {
        let persistent = REPO.with(|(_, persistent)| *persistent);
        let lang = with_repo(|r| r.pref("lang"))
            .or_else(browser::browser_language)
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        let (loaded, alert) = match with_repo(|r| r.load()) {
            Ok(loaded) => {
                let alert = (!loaded.unreadable.is_empty()).then_some(Alert::Unreadable { count: loaded.unreadable.len() });
                (loaded, alert)
            }
            Err(e) => (Default::default(), Some(Alert::Storage(e))),
        };
        let view = with_repo(|r| r.pref("view")).and_then(|v| View::from_code(&v)).unwrap_or(View::Home);
        let assessments = RwSignal::new(loaded.assessments);
        let active = RwSignal::new(loaded.active);
        let current = Memo::new(move |_| {
            let id = active.get()?;
            assessments.with(|list| list.iter().find(|s| s.id == id).map(|s| s.assessment.clone()))
        });
        let summary = Memo::new(move |_| {
            current.with(|a| a.as_ref().map(|a| Summary::of(a.catalogue, &a.custom_services, &a.services)))
        });
        AppState {
            lang: RwSignal::new(lang),
            assessments,
            active,
            unreadable: RwSignal::new(loaded.unreadable),
            trash: RwSignal::new(loaded.trash),
            pending_restore: RwSignal::new(None),
            pending_share: RwSignal::new(None),
            alert: RwSignal::new(alert),
            status: RwSignal::new(None),
            view: RwSignal::new(view),
            undo: RwSignal::new(None),
            current,
            summary,
            persistent,
        }
    }

    /// The interface text in the current language (reactive).
    pub fn t(&self) -> &'static Texts {
        texts(self.lang.get())
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Err(e) = with_repo(|r| r.set_pref("lang", lang.code())) {
            self.alert.set(Some(Alert::Storage(e)));
        }
    }

    /// Adds a new assessment, saves it and makes it the active one.
    fn add(&self, assessment: Assessment, status: Status) {
        let id = browser::new_assessment_id();
        match with_repo(|r| r.save(&id, &assessment)) {
            Ok(()) => {
                self.assessments.update(|list| list.push(StoredAssessment { id: id.clone(), assessment }));
                self.activate(&id);
                self.alert.set(None);
                self.status.set(Some(status));
            }
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }

    pub fn create(&self, name: &str, organisation: &str) {
        let assessment = Assessment::new(name.trim(), organisation.trim(), browser::now());
        let status = Status::Created(assessment.name.clone());
        self.add(assessment, status);
    }

    /// Imports a file's bytes as a new assessment; an invalid file changes nothing.
    pub fn import_bytes(&self, file: String, bytes: &[u8]) {
        match exchange::read_any(bytes) {
            Ok(Document::Assessment(assessment)) => {
                let status = Status::Imported(assessment.name.clone());
                self.add(*assessment, status);
            }
            Ok(Document::Backup(list)) => {
                let items = self.assessments.with_untracked(|existing| {
                    list.into_iter()
                        .map(|assessment| {
                            let already_here = existing.iter().any(|s| s.assessment == assessment);
                            RestoreItem { assessment, already_here, selected: !already_here }
                        })
                        .collect()
                });
                self.alert.set(None);
                self.status.set(None);
                self.pending_restore.set(Some(PendingRestore { file, items }));
            }
            Err(error) => {
                self.status.set(None);
                self.alert.set(Some(Alert::Import { file, error }));
            }
        }
    }

    pub fn activate(&self, id: &AssessmentId) {
        self.active.set(Some(id.clone()));
        if let Err(e) = with_repo(|r| r.set_active(Some(id))) {
            self.alert.set(Some(Alert::Storage(e)));
        }
    }

    pub fn show(&self, view: View) {
        self.view.set(view);
        if let Err(e) = with_repo(|r| r.set_pref("view", view.code())) {
            self.alert.set(Some(Alert::Storage(e)));
        }
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
            Some(Err(e)) => self.alert.set(Some(Alert::Storage(e))),
            Some(Ok(())) => {
                if matches!(self.alert.get_untracked(), Some(Alert::Storage(_))) {
                    self.alert.set(None);
                }
            }
            None => {}
        }
    }

    /// Changes one service of the active assessment.
    pub fn edit_service(&self, id: &ServiceId, edit: impl FnOnce(&mut ServiceAssessment)) {
        self.edit_active(|a| a.edit_service(id, edit));
    }

    /// Adds a copy of the active assessment and makes it active.
    pub fn duplicate_active(&self) {
        let Some(mut copy) = self.current.get_untracked() else { return };
        copy.name = format!("{}{}", copy.name, texts(self.lang.get_untracked()).copy_suffix);
        copy.name = copy.name.chars().take(Assessment::MAX_NAME_CHARS).collect();
        copy.created = Some(browser::now());
        copy.updated = copy.created.clone();
        let status = Status::Duplicated(copy.name.clone());
        self.add(copy, status);
    }

    /// Opens the built-in sample as a new assessment (a copy each time).
    pub fn open_sample(&self) {
        match exchange::read_str(SAMPLE) {
            Ok(sample) => {
                let status = Status::Created(sample.name.clone());
                self.add(sample, status);
            }
            Err(error) => self.alert.set(Some(Alert::Import { file: "sample".to_owned(), error })),
        }
    }

    /// Moves an assessment to the trash; [`AppState::undo_delete`] brings it back.
    pub fn delete(&self, id: &AssessmentId) {
        let Some((position, name)) = self
            .assessments
            .with_untracked(|list| list.iter().position(|s| &s.id == id).map(|i| (i, list[i].assessment.name.clone())))
        else {
            return;
        };
        if let Err(e) = with_repo(|r| r.delete(id, &browser::now())) {
            self.alert.set(Some(Alert::Storage(e)));
            return;
        }
        let was_active = self.active.get_untracked().as_ref() == Some(id);
        self.assessments.update(|list| list.retain(|s| &s.id != id));
        if was_active {
            self.active.set(None);
        }
        self.reload_trash();
        self.status.set(Some(Status::Deleted(name)));
        self.undo.set(Some(Undo::Assessment { id: id.clone(), position, was_active }));
    }

    fn reload_trash(&self) {
        match with_repo(|r| r.trash()) {
            Ok(list) => self.trash.set(list),
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }

    /// Takes an assessment out of the trash, back into the list.
    pub fn restore_from_trash(&self, id: &AssessmentId, position: usize, activate: bool) {
        match with_repo(|r| r.restore_from_trash(id, position)) {
            Ok(assessment) => {
                let name = assessment.name.clone();
                self.assessments.update(|list| {
                    let at = position.min(list.len());
                    list.insert(at, StoredAssessment { id: id.clone(), assessment });
                });
                if activate {
                    self.activate(id);
                }
                self.reload_trash();
                self.status.set(Some(Status::Restored(name)));
            }
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }

    /// Deletes an assessment from the trash for good.
    pub fn purge(&self, id: &AssessmentId) {
        match with_repo(|r| r.purge(id)) {
            Ok(()) => self.trash.update(|list| list.retain(|t| &t.id != id)),
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }

    /// Brings back what the last deletion removed.
    pub fn undo_delete(&self) {
        let Some(undo) = self.undo.get_untracked() else { return };
        self.undo.set(None);
        match undo {
            Undo::Assessment { id, position, was_active } => self.restore_from_trash(&id, position, was_active),
            Undo::Snapshot { assessment, position, snapshot } => {
                if self.active.get_untracked().as_ref() != Some(&assessment) {
                    self.activate(&assessment);
                }
                let label = snapshot.label.clone();
                self.edit_active(|a| {
                    let at = position.min(a.snapshots.len());
                    a.snapshots.insert(at, snapshot);
                });
                self.status.set(Some(Status::Restored(label)));
            }
        }
    }

    /// Reads a share link in the page's address (`#share=v1....`), then removes it
    /// from the address so a reload does not offer it again.
    pub fn open_share_link(&self) {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if !hash.starts_with(&format!("#{}", crate::model::share::FRAGMENT_KEY)) {
            return;
        }
        match crate::model::share::decode(&hash) {
            Ok(a) => self.pending_share.set(Some(a)),
            Err(e) => self.alert.set(Some(Alert::Share(e))),
        }
        browser::clear_hash();
        self.show(View::Home);
    }

    /// Imports the assessment of a share link as a new one.
    pub fn accept_share(&self) {
        if let Some(a) = self.pending_share.get_untracked() {
            self.pending_share.set(None);
            let status = Status::Imported(a.name.clone());
            self.add(a, status);
        }
    }

    /// A link to this page carrying the active assessment, or why there cannot be one.
    pub fn share_link(&self) -> Option<Result<String, crate::model::share::ShareError>> {
        let a = self.current.get_untracked()?;
        Some(crate::model::share::encode(&a).map(|fragment| browser::page_url_with_hash(&fragment)))
    }

    /// Downloads every stored assessment in one backup file.
    pub fn backup_all(&self) {
        let now = browser::now();
        let text = self.assessments.with_untracked(|list| {
            let all: Vec<&Assessment> = list.iter().map(|s| &s.assessment).collect();
            exchange::write_backup(&all, &now)
        });
        let name = format!("x1060-backup-{}.json", now.date());
        if let Err(e) = browser::download(&name, "application/json", &text) {
            self.alert.set(Some(Alert::Browser(e.0)));
        }
    }

    /// Adds the chosen assessments of a pending backup, each as a new one.
    pub fn confirm_restore(&self) {
        let Some(pending) = self.pending_restore.get_untracked() else { return };
        self.pending_restore.set(None);
        let mut added = 0usize;
        for item in pending.items.into_iter().filter(|i| i.selected) {
            let id = browser::new_assessment_id();
            match with_repo(|r| r.save(&id, &item.assessment)) {
                Ok(()) => {
                    self.assessments.update(|list| list.push(StoredAssessment { id, assessment: item.assessment }));
                    added += 1;
                }
                Err(e) => {
                    self.alert.set(Some(Alert::Storage(e)));
                    break;
                }
            }
        }
        self.status.set(Some(Status::RestoredBackup(added)));
    }

    /// Saves the working state of the active assessment as a snapshot.
    pub fn take_snapshot(&self, label: &str) {
        let mut taken = String::new();
        self.edit_active(|a| {
            a.take_snapshot(label, browser::now());
            taken = a.snapshots.last().map(|s| s.label.clone()).unwrap_or_default();
        });
        self.status.set(Some(Status::SnapshotTaken(taken)));
    }

    pub fn rename_snapshot(&self, index: usize, label: &str) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        self.edit_active(|a| {
            if let Some(s) = a.snapshots.get_mut(index) {
                s.label = label.chars().take(Assessment::MAX_NAME_CHARS).collect();
            }
        });
    }

    /// Deletes a snapshot of the active assessment; [`AppState::undo_delete`] brings it back.
    pub fn delete_snapshot(&self, index: usize) {
        let Some(assessment) = self.active.get_untracked() else { return };
        let mut removed = None;
        self.edit_active(|a| {
            if index < a.snapshots.len() {
                removed = Some(a.snapshots.remove(index));
            }
        });
        if let Some(snapshot) = removed {
            self.status.set(Some(Status::Deleted(snapshot.label.clone())));
            self.undo.set(Some(Undo::Snapshot { assessment, position: index, snapshot }));
        }
    }

    pub fn export_active_csv(&self) {
        let Some(a) = self.current.get_untracked() else { return };
        let text = crate::model::csv::services_csv(&a);
        if let Err(e) = browser::download(&exchange::file_name(&a.name, "csv"), "text/csv;charset=utf-8", &text) {
            self.alert.set(Some(Alert::Browser(e.0)));
        }
    }

    pub fn export_plan_csv(&self) {
        let Some(a) = self.current.get_untracked() else { return };
        let today = crate::model::Date::of(&browser::now());
        let text = crate::model::csv::plan_csv(&a, &today);
        let name = exchange::file_name(&format!("{} plan", a.name), "csv");
        if let Err(e) = browser::download(&name, "text/csv;charset=utf-8", &text) {
            self.alert.set(Some(Alert::Browser(e.0)));
        }
    }

    pub fn export_active_json(&self) {
        let Some(a) = self.current.get_untracked() else { return };
        let text = exchange::write(&a, Layout::Pretty);
        if let Err(e) = browser::download(&exchange::file_name(&a.name, "json"), "application/json", &text) {
            self.alert.set(Some(Alert::Browser(e.0)));
        }
    }

    pub fn download_unreadable(&self, key: &str) {
        let raw = self.unreadable.with(|list| list.iter().find(|u| u.key == key).map(|u| u.raw.clone()));
        if let Some(raw) = raw {
            let name = exchange::file_name(key, "txt");
            if let Err(e) = browser::download(&name, "text/plain", &raw) {
                self.alert.set(Some(Alert::Browser(e.0)));
            }
        }
    }

    pub fn discard_unreadable(&self, key: &str) {
        match with_repo(|r| r.discard(key)) {
            Ok(()) => self.unreadable.update(|list| list.retain(|u| u.key != key)),
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }
}

/// A service of the active assessment's catalogue (built in or custom), owned so
/// views can keep it in keyed lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceInfo {
    pub id: ServiceId,
    pub category: &'static str,
    pub name_ja: String,
    pub name_en: String,
    pub custom: bool,
}

impl ServiceInfo {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick_filled(&self.name_ja, &self.name_en)
    }
}

impl AppState {
    /// The services of one category of the active assessment (reactive).
    pub fn services_of(&self, category: &'static str) -> Vec<ServiceInfo> {
        self.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let Some(def) = a.catalogue.category(category) else { return Vec::new() };
            a.catalogue
                .services_of(def, &a.custom_services)
                .filter_map(|s| {
                    Some(ServiceInfo {
                        id: ServiceId::parse(s.id).ok()?,
                        category: def.id,
                        name_ja: s.name_ja.to_owned(),
                        name_en: s.name_en.to_owned(),
                        custom: s.custom,
                    })
                })
                .collect()
        })
    }

    /// Picks up what another tab stored (the `storage` event): the list, the trash and
    /// the active assessment are read again. Every change here is saved at once, so
    /// nothing unsaved is lost; the last writer wins, and a notice says so.
    pub fn sync_from_storage(&self) {
        match with_repo(|r| r.load()) {
            Ok(loaded) => {
                let changed = self.assessments.with_untracked(|list| *list != loaded.assessments);
                if changed {
                    let active = self.active.get_untracked().filter(|id| loaded.assessments.iter().any(|s| &s.id == id));
                    self.assessments.set(loaded.assessments);
                    self.active.set(active);
                    self.status.set(Some(Status::SyncedFromOtherTab));
                }
                self.unreadable.set(loaded.unreadable);
                self.trash.set(loaded.trash);
            }
            Err(e) => self.alert.set(Some(Alert::Storage(e))),
        }
    }

    /// The state of one service, as a memo: views bound to it update only when
    /// that service changes.
    pub fn service_state(&self, id: ServiceId) -> Memo<ServiceAssessment> {
        let current = self.current;
        Memo::new(move |_| current.with(|a| a.as_ref().map(|a| a.service(id.as_str())).unwrap_or_default()))
    }
}
