//! The in-house / outsourced picker of a service (the `sourcing-{ID}` hook).

use leptos::prelude::*;

use crate::components::{Choice, ChoiceSelect};
use crate::i18n::Texts;
use crate::model::Sourcing;
use crate::state::{use_app, ServiceInfo};

pub fn sourcing_choices(t: &Texts) -> Vec<Choice> {
    vec![
        Choice::new("", t.profile.sourcing_unset),
        Choice::new(Sourcing::Insource.as_str(), t.common.insource),
        Choice::new(Sourcing::Outsource.as_str(), t.common.outsource),
    ]
}

/// A sourcing picker bound to one service.
#[component]
pub fn SourcingSelect(service: ServiceInfo, #[prop(into)] testid: String) -> impl IntoView {
    let app = use_app();
    let state = app.library.service_state(service.id.clone());
    let id = service.id.clone();
    view! {
        <ChoiceSelect
            testid=testid
            label=Signal::derive(move || {
                format!("{} {}: {}", service.id, service.name(app.lang()), app.t().col.sourcing)
            })
            choices=Signal::derive(move || sourcing_choices(app.t()))
            selected=Signal::derive(move || state.get().sourcing.map(|s| s.as_str().to_owned()).unwrap_or_default())
            on_pick=Callback::new(move |v: String| {
                let sourcing = Sourcing::parse(&v);
                app.library.edit_service(&id, move |s| s.sourcing = sourcing);
            })
        />
    }
}
