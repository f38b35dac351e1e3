//! The workshop view (issue 13): several assessors score blind, the facilitator
//! compares their copies and merges one agreed result. Sections in the order of a
//! session: start a round, returned copies, compare, who said what, merge; the
//! printable report is the comparison itself, printed alone.

mod cells;
mod merge;
mod participant;
mod picks;
mod services;
mod spread;
mod start;

use leptos::prelude::*;

use crate::state::{use_app, Workshop as WorkshopState};
use merge::MergeSection;
use participant::ParticipantCard;
use picks::{Picks, ReturnedCopies};
use services::ServicesTable;
use spread::Spread;
use start::StartRound;

#[component]
pub fn Workshop() -> impl IntoView {
    let app = use_app();
    // The workshop's state is made the first time the view opens (so its code, and the
    // model's comparison and merge, come with the view's module: src/split/views.rs),
    // and kept by the app, so picks and decisions outlive a switch to another view.
    let workshop = app.workshop.get_or_init(|| WorkshopState::new(app.library, app.messages, app.exports));
    provide_context(workshop);
    // Not while returned copies are still being read: a comparison of some of them
    // would look complete.
    let comparable =
        Memo::new(move |_| workshop.reading.with(Option::is_none) && workshop.comparison.with(|c| c.comparable()));
    let progress = move || {
        workshop.reading.get().map(|(done, total)| {
            view! {
                <p class="hint" role="status" data-testid="workshop-progress">
                    {(app.t().workshop.reading)(done, total)}
                </p>
            }
        })
    };
    let restore_problem = move || {
        workshop.restore_problem.get().map(|e| {
            view! {
                <p class="notice warn" data-testid="workshop-restore-problem">
                    {e.message(app.lang())}
                </p>
            }
        })
    };
    view! {
        <section class="view workshop" data-view="workshop" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.workshop)}</h2>
            <p class="intro">{app.text(|t| t.workshop.intro)}</p>
            {restore_problem}
            <ParticipantCard />
            <StartRound />
            <ReturnedCopies />
            <div class="workshop-report">
                <h2 class="print-only">{app.text(|t| t.workshop.report_title)}</h2>
                <Picks />
                {progress}
                <Show
                    when=move || comparable.get()
                    fallback=move || {
                        workshop
                            .reading
                            .with(Option::is_none)
                            .then(|| {
                                view! {
                                    <p class="hint" data-testid="workshop-pick-more">
                                        {app.text(|t| t.workshop.pick_more)}
                                    </p>
                                }
                            })
                    }
                >
                    <Spread />
                    <ServicesTable />
                </Show>
            </div>
            <Show when=move || comparable.get()>
                <MergeSection />
            </Show>
        </section>
    }
}

/// The workshop's state, provided by the view to its parts.
fn use_workshop() -> WorkshopState {
    expect_context::<WorkshopState>()
}
