//! What a view of an assessment shows when none is active: why, and the way on.

use leptos::prelude::*;

use crate::state::{use_app, View};

#[component]
pub fn NeedsAssessment(
    /// The view that was asked for.
    view: View,
) -> impl IntoView {
    let app = use_app();
    let has_any = move || app.library.listings().with(|l| !l.is_empty());
    view! {
        <section class="view" data-testid="needs-assessment">
            <h2>{move || view.title(app.t())}</h2>
            <p class="empty">
                {move || if has_any() { app.t().common.no_active } else { app.t().common.no_assessment_yet }}
            </p>
            <button type="button" class="primary" on:click=move |_| app.nav.show(View::Home)>
                {app.text(|t| t.common.go_home)}
            </button>
        </section>
    }
}
