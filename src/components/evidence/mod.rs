//! Evidence: what backs each score (docs/exchange-format.md, “Evidence”).
//!
//! - here: the portfolio's button on each score card (`evidence-open-{ID}`, with the
//!   number of items and a stale marker), which opens the service's evidence below
//!   it, one service at a time;
//! - `panel`, `item`, `form`, `progress`: the evidence itself: the items (each with
//!   the check of a file against its fingerprint) and the form to add one (a picked
//!   file fingerprinted in the page), with the progress of the reading and cancel;
//! - `coverage`: the dashboard's current evidence per category, and the report's
//!   scores without current evidence.
//!
//! The panel's code, and the SHA-256 hashing with it, is fetched the first time a
//! panel opens: the release build splits it out at `evidence_panel` (src/split).

mod coverage;
mod form;
mod item;
mod panel;
mod progress;

use leptos::prelude::*;

pub use coverage::{EvidenceCoverageTable, UnbackedServices};

use crate::browser;
use crate::model::ServiceId;
use crate::split::{deferred_fn, LoadFailed};
use crate::state::{use_app, ServiceInfo};
use panel::EvidencePanel;

/// Which service's evidence is open in the portfolio (one at a time).
#[derive(Clone, Copy)]
pub struct OpenEvidence(RwSignal<Option<ServiceId>>);

impl OpenEvidence {
    /// Provided by the portfolio for its score cards: none open.
    pub fn provide() {
        provide_context(OpenEvidence(RwSignal::new(None)));
    }

    /// The portfolio's (none outside it).
    pub fn from_context() -> Option<OpenEvidence> {
        use_context::<OpenEvidence>()
    }

    /// Whether the evidence of `id` is open (reactive).
    pub fn is_open(&self, id: &ServiceId) -> bool {
        self.0.with(|open| open.as_ref() == Some(id))
    }

    /// Opens the evidence of `id`, or closes it when it is open.
    fn toggle(&self, id: &ServiceId) {
        self.0.update(|open| *open = if open.as_ref() == Some(id) { None } else { Some(id.clone()) });
    }
}

/// The button that shows and hides a service's evidence, and the evidence when shown.
#[component]
pub fn EvidenceToggle(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let id = service.id.clone();
    let state = app.library.service_state(id.clone());
    let counts = Memo::new(move |_| {
        state.with(|s| (s.evidence.len(), s.evidence.iter().filter(|i| i.is_stale(&today)).count()))
    });
    let opened = OpenEvidence::from_context();
    let open = {
        let id = id.clone();
        move || opened.is_some_and(|o| o.is_open(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            if let Some(o) = opened {
                o.toggle(&id);
            }
        }
    };
    let panel_id = format!("evidence-panel-{id}");
    let open_panel = open.clone();
    let open_expanded = open.clone();
    view! {
        <div class="evidence-toggle">
            <button
                type="button"
                data-testid=format!("evidence-open-{id}")
                data-count=move || counts.get().0.to_string()
                data-stale=move || (counts.get().1 > 0).to_string()
                class:warn=move || { counts.get().1 > 0 }
                aria-expanded=move || open_expanded().to_string()
                aria-controls=move || open().then(|| panel_id.clone())
                on:click=toggle
            >
                {move || {
                    let (n, stale) = counts.get();
                    (app.t().evidence.open_button)(n, stale)
                }}
            </button>
        </div>
        {move || open_panel().then(|| panel_slot(service.clone()))}
    }
}

/// The panel, once its code is there; if it does not arrive, an alert says so (and
/// the button, pressed twice, tries again).
fn panel_slot(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let content = move || {
        let service = service.clone();
        Suspend::new(async move {
            evidence_panel(service).await.unwrap_or_else(|LoadFailed| {
                view! {
                    <p class="alert" role="alert" data-testid="evidence-load-failed">
                        {app.text(|t| t.common.part_load_failed)}
                    </p>
                }
                .into_any()
            })
        })
    };
    view! {
        <Suspense fallback=move || {
            view! {
                <p class="loading" role="status">
                    {app.text(|t| t.common.view_loading)}
                </p>
            }
        }>{content}</Suspense>
    }
}

deferred_fn!(evidence: fn evidence_panel(service: ServiceInfo) -> AnyView {
    view! { <EvidencePanel service=service/> }.into_any()
});
