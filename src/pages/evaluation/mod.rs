//! Evaluation process (X.1060 clause 11): snapshots of the whole assessment, and a
//! comparison of a state (the working state or a snapshot) with a baseline snapshot,
//! in the order of the build process, each with the clause's review questions:
//! catalogue (11.2), profile (11.3), portfolio (11.4, with the radar and the
//! deltas), then the trend of every category over all snapshots.

mod changes;
mod evidence_changes;
mod pickers;
mod portfolio_changes;
mod snapshots;
mod trend;

use leptos::prelude::*;

use crate::model::evaluation::{compare, SnapshotComparison};
use crate::model::ServiceStates;
use crate::state::use_app;
use changes::{level_rows, sourcing_rows, ChangeSection};
use pickers::Pickers;
use portfolio_changes::PortfolioChanges;
use snapshots::Snapshots;
use trend::Trend;

#[component]
pub fn Evaluation() -> impl IntoView {
    let app = use_app();
    // The chosen baseline and compared state, as snapshot indices; `None` for the
    // baseline means the newest snapshot, for the compared state the working state.
    let baseline_choice = RwSignal::new(None::<usize>);
    let compared_choice = RwSignal::new(None::<usize>);
    let baseline = Memo::new(move |_| {
        app.library.current().with(|a| {
            let a = a.as_ref()?;
            baseline_choice.get().filter(|i| *i < a.snapshots.len()).or_else(|| a.newest_snapshot())
        })
    });
    let comparison: Memo<Option<SnapshotComparison>> = Memo::new(move |_| {
        app.library.current().with(|a| {
            let a = a.as_ref()?;
            let base = a.snapshots.get(baseline.get()?)?;
            let now: &ServiceStates = match compared_choice.get().and_then(|i| a.snapshots.get(i)) {
                Some(s) => &s.services,
                None => &a.services,
            };
            Some(compare(a.catalogue, &a.custom_services, &base.services, now))
        })
    });
    view! {
        <section class="view evaluation" data-view="evaluation" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.evaluation)}</h2>
            <p class="intro">{app.text(|t| t.evaluation.eval_intro)}</p>
            <Snapshots />
            <Pickers baseline=baseline baseline_choice=baseline_choice compared_choice=compared_choice />
            <ChangeSection
                comparison=comparison
                testid="eval-catalogue"
                heading=|t| t.evaluation.eval_catalogue
                questions=|t| t.evaluation.catalogue_questions
                rows=level_rows
                row_testid="level-change"
            />
            <ChangeSection
                comparison=comparison
                testid="eval-profile"
                heading=|t| t.evaluation.eval_profile
                questions=|t| t.evaluation.profile_questions
                rows=sourcing_rows
                row_testid="sourcing-change"
            />
            <PortfolioChanges comparison=comparison />
            <Trend />
        </section>
    }
}
