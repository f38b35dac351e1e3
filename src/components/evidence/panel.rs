//! One service's evidence, opened from its score card: the items and the add form.

use leptos::prelude::*;

use super::form::AddEvidence;
use super::item::EvidenceEntry;
use crate::browser;
use crate::state::{use_app, ServiceInfo};

#[component]
pub fn EvidencePanel(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let id = service.id.clone();
    let today = browser::today();
    let state = app.library.service_state(id.clone());
    let items = Memo::new(move |_| state.with(|s| s.evidence.clone()));
    let heading = NodeRef::<leptos::html::H5>::new();
    // After an item is removed its buttons are gone: the focus goes back to the heading.
    let refocus = Callback::new(move |()| {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    let heading_id = format!("evidence-heading-{id}");
    let (panel_id, labelled_by) = (format!("evidence-panel-{id}"), heading_id.clone());
    let list_id = id.clone();
    let title = move || {
        let name = service.name(app.lang()).to_owned();
        (app.t().evidence.heading)(&format!("{} {name}", service.id))
    };
    view! {
        <section class="evidence-panel" id=panel_id aria-labelledby=labelled_by data-testid="evidence-panel">
            <h5 id=heading_id tabindex="-1" node_ref=heading>
                {title}
            </h5>
            <p class="hint">{app.text(|t| t.evidence.intro)}</p>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || view! { <p class="empty">{app.text(|t| t.evidence.none)}</p> }
            >
                <ul class="evidence-list" aria-label=app.text(|t| t.evidence.list_label)>
                    <For
                        each=move || items.get().into_iter().enumerate()
                        key=|(i, item)| (*i, format!("{item:?}"))
                        children={
                            let (id, today) = (list_id.clone(), today.clone());
                            move |(_, item)| {
                                view! {
                                    <EvidenceEntry service=id.clone() item=item today=today.clone() removed=refocus />
                                }
                            }
                        }
                    />
                </ul>
            </Show>
            <AddEvidence service=id />
        </section>
    }
}
