//! The quick check (issue 12): a category-level estimate of X.1060 in about five
//! minutes, phone first. For each of the nine categories: what it covers, who mostly
//! does it, and current and target on the table 3 scale; the radar and the overall
//! figures update as the answers come; hand in to a study session's room; then on to
//! the full assessment.

mod card;
mod handin;
mod handout;
mod summary;

use leptos::prelude::*;

use crate::state::{use_app, View};
use card::QuickCard;
use handin::HandInCard;
use handout::Handout;
use summary::QuickSummary;

#[component]
pub fn Quick() -> impl IntoView {
    let app = use_app();
    let answered = move || {
        app.library.current().with(|a| {
            let catalogue = app.library.catalogue().get();
            let done = a.as_ref().and_then(|a| a.quick.as_ref()).map_or(0, |q| q.answered(catalogue));
            (app.t().quick.answered)(done, catalogue.categories.len())
        })
    };
    view! {
        <section class="view quick" data-view="quick" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.quick)}</h2>
            <p class="intro">{app.text(|t| t.quick.intro)}</p>
            <p class="progress-summary" data-testid="quick-progress" aria-live="polite">
                {answered}
            </p>
            <ol class="quick-cards">
                {move || {
                    app.library
                        .catalogue()
                        .get()
                        .categories
                        .iter()
                        .enumerate()
                        .map(|(i, c)| view! { <QuickCard category=c index=i /> })
                        .collect_view()
                }}
            </ol>
            <QuickSummary />
            <HandInCard />
            <div class="card continue">
                <p class="hint">{app.text(|t| t.quick.continue_explain)}</p>
                <button
                    type="button"
                    class="primary"
                    data-testid="quick-continue"
                    on:click=move |_| app.nav.show(View::Catalogue)
                >
                    {app.text(|t| t.quick.continue_full)}
                </button>
            </div>
            <Handout />
        </section>
    }
}
