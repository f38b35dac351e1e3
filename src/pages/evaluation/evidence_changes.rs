//! Evidence added or gone since the baseline (docs/exchange-format.md, “Evidence”),
//! in the portfolio evaluation: per service, the items the compared state has that
//! the baseline did not, and those of the baseline no longer listed.

use leptos::prelude::*;

use crate::model::evaluation::SnapshotComparison;
use crate::model::evidence::EvidenceItem;
use crate::state::use_app;

#[component]
pub fn EvidenceChanges(comparison: Memo<Option<SnapshotComparison>>) -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let lang = app.lang();
        let t = &app.t().evidence;
        let custom = app.library.current().with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
        let catalogue = app.library.catalogue().get();
        let index = catalogue.index(&custom);
        comparison.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.evidence
                .iter()
                .map(|change| {
                    let name = index.get(change.service.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                    let items = |list: &[EvidenceItem], kind: &'static str, word: &'static str| {
                        list.iter()
                            .map(|item| {
                                view! {
                                    <li data-kind=kind>
                                        <span class="tag">{word}</span>
                                        " "
                                        <bdi>{item.title.clone()}</bdi>
                                    </li>
                                }
                            })
                            .collect_view()
                    };
                    view! {
                        <li data-testid="eval-evidence-change" data-service=change.service.to_string()>
                            {change.service.to_string()}
                            " "
                            <bdi>{name}</bdi>
                            <ul>
                                {items(&change.added, "added", t.eval_added)} {items(&change.gone, "gone", t.eval_gone)}
                            </ul>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="eval-evidence" aria-labelledby="eval-evidence-heading" data-testid="eval-evidence">
            <h4 id="eval-evidence-heading">{app.text(|t| t.evidence.eval_heading)}</h4>
            <Show
                when=move || comparison.with(|c| c.as_ref().is_some_and(|c| !c.evidence.is_empty()))
                fallback=move || view! { <p class="empty">{app.text(|t| t.evidence.eval_none)}</p> }
            >
                <ul class="evidence-changes">{rows}</ul>
            </Show>
        </section>
    }
}
