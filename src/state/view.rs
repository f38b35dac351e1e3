//! The views and their addresses (`#/home`, `#/dashboard`, …): the open view follows
//! the page's address, so back, forward, reload and bookmarks work; the last view is
//! also kept as a preference for a visit without an address.

use leptos::prelude::*;

use super::repo::with_repo;
use crate::browser;
use crate::i18n::Texts;

/// The views: Home, the quick check, then in the order of the X.1060 processes:
/// build (catalogue, profile, portfolio), dashboard, management (plan, roadmap),
/// evaluation, report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Home,
    Quick,
    Catalogue,
    Profile,
    Portfolio,
    Dashboard,
    Plan,
    Roadmap,
    Evaluation,
    Report,
    Workshop,
    Room,
}

impl View {
    pub const ALL: [View; 12] = [
        View::Home,
        View::Quick,
        View::Catalogue,
        View::Profile,
        View::Portfolio,
        View::Dashboard,
        View::Plan,
        View::Roadmap,
        View::Evaluation,
        View::Report,
        View::Workshop,
        View::Room,
    ];

    /// Used in the address (`#/code`), the stored preference and the `nav-*` hooks.
    pub fn code(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Quick => "quick",
            View::Catalogue => "catalogue",
            View::Profile => "profile",
            View::Portfolio => "portfolio",
            View::Dashboard => "dashboard",
            View::Plan => "plan",
            View::Roadmap => "roadmap",
            View::Evaluation => "evaluation",
            View::Report => "report",
            View::Workshop => "workshop",
            View::Room => "room",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The fragment of this view's address, without `#`: `/dashboard`.
    pub fn route(self) -> String {
        format!("/{}", self.code())
    }

    /// The view an address names (`#/dashboard`, also without `#`), if any.
    pub fn from_route(hash: &str) -> Option<View> {
        let path = hash.trim_start_matches('#').strip_prefix('/')?;
        View::from_code(path.trim_end_matches('/'))
    }

    /// Whether the view shows an assessment (all but Home, the workshop, which
    /// compares stored ones, and the room, which gathers hand-ins).
    pub fn needs_assessment(self) -> bool {
        !matches!(self, View::Home | View::Workshop | View::Room)
    }

    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            View::Home => t.nav.home,
            View::Quick => t.nav.quick,
            View::Catalogue => t.nav.catalogue,
            View::Profile => t.nav.profile,
            View::Portfolio => t.nav.portfolio,
            View::Dashboard => t.nav.dashboard,
            View::Plan => t.nav.plan,
            View::Roadmap => t.nav.roadmap,
            View::Evaluation => t.nav.evaluation,
            View::Report => t.nav.report,
            View::Workshop => t.nav.workshop,
            View::Room => t.room.nav,
        }
    }
}

/// Which view is open.
#[derive(Clone, Copy)]
pub struct Nav {
    view: RwSignal<View>,
    /// The stored preference before the view now open was opened: put back when that
    /// view's code does not arrive ([`Nav::load_failed`]).
    pref_before: StoredValue<Option<String>>,
}

impl Nav {
    /// The view of the page's address; without one, the last view used (and the
    /// address is set to it, without a new history entry).
    pub(super) fn load() -> Self {
        let view = View::from_route(&browser::location_hash()).unwrap_or_else(|| {
            let view = with_repo(|r| r.pref("view")).and_then(|v| View::from_code(&v)).unwrap_or(View::Home);
            if browser::location_hash().is_empty() {
                browser::clear_hash(Some(&view.route()));
            }
            view
        });
        Nav { view: RwSignal::new(view), pref_before: StoredValue::new(None) }
    }

    /// The open view (reactive).
    pub fn view(&self) -> View {
        self.view.get()
    }

    /// The open view, not tracked.
    pub fn view_untracked(&self) -> View {
        self.view.get_untracked()
    }

    /// Opens `view`: a new entry in the browser's history.
    pub fn show(&self, view: View) {
        self.open(view);
        browser::set_hash(&view.route());
    }

    /// Opens `view` in place of the current history entry (after a share link, whose
    /// address must not come back with the back button).
    pub(super) fn show_replacing(&self, view: View) {
        self.open(view);
        browser::clear_hash(Some(&view.route()));
    }

    /// Follows an address that names a view (back, forward, a pasted address);
    /// other addresses are left alone. Whether it named a view.
    pub(super) fn follow(&self, hash: &str) -> bool {
        let Some(view) = View::from_route(hash) else { return false };
        self.open(view);
        true
    }

    fn open(&self, view: View) {
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        // A preference not kept is no loss of data: a full storage is reported by the
        // next save of data, not by this.
        let before = with_repo(|r| r.pref("view"));
        if before.as_deref() != Some(view.code()) {
            self.pref_before.set_value(before);
        }
        let _ = with_repo(|r| r.set_pref("view", view.code()));
    }

    /// The open view's code did not arrive (src/split/views.rs): the view kept for the
    /// next visit is the one kept before, not a view that cannot open.
    pub fn load_failed(&self) {
        if let Some(before) = self.pref_before.get_value() {
            let _ = with_repo(|r| r.set_pref("view", &before));
        }
    }
}
