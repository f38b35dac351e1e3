//! What comes in from outside the app: imported files (an assessment, or a backup to
//! choose from), share links, and hand-in links for the room. Nothing is added until the file has been read and
//! checked, or the user has confirmed what a link or a backup holds.

use leptos::prelude::*;

use super::{Alert, BrowserTask, Library, Messages, Status};
use crate::browser;
use crate::model::exchange::{self, DamagedMember, Document, ImportError, MAX_BYTES};
use crate::model::library::{restore_items, RestoreItem};
use crate::model::Assessment;

/// A backup read from a file, shown for the user to choose what to add.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingRestore {
    pub file: String,
    pub items: Vec<RestoreItem>,
    /// Members that could not be read: named, never added.
    pub damaged: Vec<DamagedMember>,
}

#[derive(Clone, Copy)]
pub struct Incoming {
    /// An assessment carried by a share link, waiting for the user to import it.
    share: RwSignal<Option<Assessment>>,
    /// A backup file read and waiting for the user to choose what to add.
    restore: RwSignal<Option<PendingRestore>>,
    /// A file is being read.
    busy: RwSignal<bool>,
    /// Hand-in links (`#h=…`) opened, waiting for the room view to add them.
    handin_links: RwSignal<Vec<String>>,
    library: Library,
    messages: Messages,
}

impl Incoming {
    pub(super) fn new(library: Library, messages: Messages) -> Self {
        Incoming {
            share: RwSignal::new(None),
            restore: RwSignal::new(None),
            busy: RwSignal::new(false),
            handin_links: RwSignal::new(Vec::new()),
            library,
            messages,
        }
    }

    /// The assessment of an opened share link, waiting for confirmation (reactive).
    pub fn share(&self) -> ReadSignal<Option<Assessment>> {
        self.share.read_only()
    }

    /// The backup waiting for the user's choice (reactive).
    pub fn restore(&self) -> ReadSignal<Option<PendingRestore>> {
        self.restore.read_only()
    }

    /// Whether a chosen file is being read (reactive).
    pub fn busy(&self) -> bool {
        self.busy.get()
    }

    /// Reads a file the user chose and imports it; a file over the size limit is
    /// refused before it is read.
    pub fn import_file(&self, file: web_sys::File) {
        let name = file.name();
        let size = file.size() as usize;
        if size > MAX_BYTES {
            self.messages.fail(Alert::Import { file: name, error: ImportError::TooLarge { bytes: size } });
            return;
        }
        self.busy.set(true);
        let this = *self;
        leptos::task::spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => this.import_bytes(name, &bytes),
                Err(e) => this.messages.browser_failed(BrowserTask::ReadFile, e),
            }
            this.busy.set(false);
        });
    }

    /// Imports a file's bytes as a new assessment, or offers a backup's members; an
    /// invalid file changes nothing.
    pub fn import_bytes(&self, file: String, bytes: &[u8]) {
        match exchange::read_any(bytes) {
            Ok(Document::Assessment(assessment)) => {
                let status = Status::Imported(assessment.name.clone());
                self.library.add(*assessment, status);
            }
            Ok(Document::Backup(contents)) => {
                let Some(stored) = self.library.all() else { return };
                let existing: Vec<&Assessment> = stored.iter().collect();
                let items = restore_items(&existing, contents.members);
                self.messages.clear_alert();
                self.messages.clear_status();
                self.restore.set(Some(PendingRestore { file, items, damaged: contents.damaged }));
            }
            Err(error) => self.messages.fail(Alert::Import { file, error }),
        }
    }

    /// Ticks or unticks one member of the pending backup.
    pub fn select_restore(&self, index: usize, selected: bool) {
        self.restore.update(|p| {
            if let Some(item) = p.as_mut().and_then(|p| p.items.get_mut(index)) {
                item.selected = selected;
            }
        });
    }

    /// Adds the chosen members of the pending backup, each as a new assessment.
    pub fn confirm_restore(&self) {
        let Some(pending) = self.restore.get_untracked() else { return };
        self.restore.set(None);
        let mut added = 0usize;
        for item in pending.items.into_iter().filter(|i| i.selected) {
            if self.library.store_new(item.assessment).is_none() {
                break;
            }
            added += 1;
        }
        self.messages.done(Status::RestoredBackup(added));
    }

    pub fn cancel_restore(&self) {
        self.restore.set(None);
    }

    /// Reads a share link's fragment (`#share=v1....`) for the user to preview.
    pub(super) fn open_share_link(&self, hash: &str) {
        match crate::model::share::decode(hash) {
            Ok(a) => self.share.set(Some(a)),
            Err(e) => self.messages.fail(e),
        }
    }

    /// Imports the assessment of a share link as a new one.
    pub fn accept_share(&self) {
        if let Some(a) = self.share.get_untracked() {
            self.share.set(None);
            let status = Status::Imported(a.name.clone());
            self.library.add(a, status);
        }
    }

    pub fn dismiss_share(&self) {
        self.share.set(None);
    }

    /// Keeps an opened hand-in link's fragment for the room view (whose code may not
    /// be here yet), which adds it: [`Incoming::take_handin_links`].
    pub(super) fn open_handin_link(&self, hash: &str) {
        self.handin_links.update(|links| links.push(hash.to_owned()));
    }

    /// The hand-in links opened and not yet added, taken (reactive: the room view
    /// runs this in an effect, so links opened while it is open arrive too).
    pub fn take_handin_links(&self) -> Vec<String> {
        let links = self.handin_links.get();
        if !links.is_empty() {
            self.handin_links.set(Vec::new());
        }
        links
    }
}
