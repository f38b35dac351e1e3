//! The application state, provided as context: signals over the model, and the
//! actions that change it. Every change to an assessment goes through here, is
//! saved at once, and reports failures as an [`Alert`].

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{texts, Texts};
use crate::model::exchange::{self, ImportError, Layout};
use crate::model::{Assessment, AssessmentId, Lang};
use crate::storage::{KeyValueStore, MemoryStore, Repository, StorageError, StoredAssessment, Unreadable};

type Repo = Repository<Box<dyn KeyValueStore>>;

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
}

impl Status {
    pub fn message(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            Status::Created(name) => format!("{}: {name}", t.created),
            Status::Imported(name) => format!("{}: {name}", t.imported),
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub assessments: RwSignal<Vec<StoredAssessment>>,
    pub active: RwSignal<Option<AssessmentId>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub alert: RwSignal<Option<Alert>>,
    pub status: RwSignal<Option<Status>>,
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
        AppState {
            lang: RwSignal::new(lang),
            assessments: RwSignal::new(loaded.assessments),
            active: RwSignal::new(loaded.active),
            unreadable: RwSignal::new(loaded.unreadable),
            alert: RwSignal::new(alert),
            status: RwSignal::new(None),
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
        match exchange::read(bytes) {
            Ok(assessment) => {
                let status = Status::Imported(assessment.name.clone());
                self.add(assessment, status);
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

    /// The active assessment (reactive; clones it).
    pub fn active_assessment(&self) -> Option<Assessment> {
        let id = self.active.get()?;
        self.assessments.with(|list| list.iter().find(|s| s.id == id).map(|s| s.assessment.clone()))
    }

    pub fn export_active_json(&self) {
        let Some(a) = self.active_assessment() else { return };
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
