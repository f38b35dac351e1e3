//! The application state, one concern per module, each a small `Copy` handle over
//! signals and the pure model. Views read through the handles and change things by
//! calling their methods; every change is saved at once and every failure is shown
//! through [`Messages`].
//!
//! - `messages`: the alert, the status line and the undo offer;
//! - `locale`: the interface language;
//! - `view`: the open view and its address (`#/dashboard`);
//! - `library/`: the stored assessments and the open, active one, with saving (the
//!   one write path), snapshots, the trash, undo and what another tab stored;
//! - `incoming`: imported files, backups and share links;
//! - `exports`: downloads (JSON files and backups read back to verify them), share
//!   links, the clipboard, printing;
//! - `backups`: when the active assessment was last exported, the reminder to back up;
//! - `csv_import`: a services CSV read back into the active assessment;
//! - `hashing`: a picked file fingerprinted in pieces, with progress and cancel;
//! - `room`, `handin`: the room of a study session (made by its view) and the quick
//!   check's hand-in (its participant key and ordering value);
//! - `repo`: the storage repository of this tab.

mod backups;
mod csv_import;
mod exports;
mod handin;
mod hashing;
mod incoming;
mod library;
mod locale;
mod messages;
mod repo;
mod room;
mod view;
mod workshop;

use leptos::prelude::*;

pub use backups::Backups;
pub use csv_import::{CsvImport, PendingCsv};
pub use exports::Exports;
pub use handin::current_handin;
pub use hashing::{HashJob, Hashed, Reading};
pub use incoming::Incoming;
pub use library::{Library, ServiceInfo, Undo};
pub use locale::Locale;
pub use messages::{Alert, BrowserTask, Messages, Status};
pub use room::{Notice as RoomNotice, RoomState};
pub use view::{Nav, View};
pub use workshop::Workshop;

use crate::i18n::Texts;
use crate::model::Lang;
use crate::split::LazyState;

/// Every handle, provided once as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    pub messages: Messages,
    pub locale: Locale,
    pub nav: Nav,
    pub library: Library,
    pub incoming: Incoming,
    pub exports: Exports,
    pub backups: Backups,
    /// Made when the workshop view first opens (its code is in that view's module).
    pub workshop: LazyState<Workshop>,
    pub csv: CsvImport,
    /// Made when the room view first opens (its code is in that view's module).
    pub room: LazyState<RoomState>,
}

impl AppState {
    /// Reads storage, the preferences and the page's address. Called once, by the app.
    pub fn load() -> AppState {
        let messages = Messages::new(None);
        // Layout 1 moved first, so the language and the last view it kept are read.
        let steps = Library::start_steps();
        let locale = Locale::load();
        let nav = Nav::load();
        let library = Library::load(messages, locale, steps);
        let incoming = Incoming::new(library, messages);
        let backups = Backups::load(library);
        let exports = Exports::new(library, messages, backups);
        let workshop = LazyState::new();
        let csv = CsvImport::new(library, messages);
        let room = LazyState::new();
        let app = AppState { messages, locale, nav, library, incoming, exports, backups, workshop, csv, room };
        app.follow_address(&crate::browser::location_hash());
        // Opened at the quick check with nothing stored (a study session's QR code, a
        // first visit): it starts at once, so its first question is on the first
        // screen. Only here, at start-up: a quick check deleted later is not remade.
        if app.nav.view_untracked() == View::Quick && app.library.listings().with_untracked(Vec::is_empty) {
            app.start_quick();
        }
        app
    }

    /// The interface text in the current language (reactive).
    pub fn t(&self) -> &'static Texts {
        self.locale.t()
    }

    /// One interface text in the current language, as a view's reactive text:
    /// `{app.text(|t| t.home.import_heading)}`. Every text shares this one closure
    /// type, so the view code that keeps a text in step with the language is made
    /// once, not once per text (smaller wasm, less to compile at start-up).
    pub fn text(&self, pick: fn(&'static Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
        let locale = self.locale;
        move || pick(locale.t())
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.locale.lang()
    }

    /// Starts a quick check: a new assessment holding an empty one, opened.
    pub fn start_quick(&self) {
        self.library.start_quick();
        if self.library.current().with_untracked(|a| a.as_ref().is_some_and(|a| a.quick.is_some())) {
            self.nav.show(View::Quick);
        }
    }

    /// Follows a new address: a share link leaves the address first (so a reload
    /// never reads it again) and is previewed on Home; a hand-in link likewise leaves
    /// it and is added to the room, which opens; an address naming a view opens it.
    pub fn follow_address(&self, hash: &str) {
        if crate::model::share::is_share_fragment(hash) {
            self.nav.show_replacing(View::Home);
            self.incoming.open_share_link(hash);
        } else if crate::model::room::is_handin_fragment(hash) {
            self.incoming.open_handin_link(hash);
            self.nav.show_replacing(View::Room);
        } else if !self.nav.follow(hash) && hash.starts_with("#/") {
            // Not silently Home: say the address names no view.
            let address: String = hash.chars().take(80).collect();
            self.nav.show_replacing(View::Home);
            self.messages.fail(Alert::UnknownAddress(address));
        }
    }
}

/// The state provided by the app.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
