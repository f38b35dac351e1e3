//! How much of the portfolio rests on current evidence: the dashboard's count per
//! category (`evidence-count-{C}`) and the report's services whose score rests on no
//! or stale evidence (docs/exchange-format.md, “Evidence”).

use leptos::prelude::*;

use crate::browser;
use crate::components::{category_title, TableHead};
use crate::model::evidence::{coverage, unbacked, Unbacked};
use crate::state::use_app;

/// Per category: in-scope services, and those with at least one item not stale.
#[component]
pub fn EvidenceCoverageTable() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let rows = Memo::new(move |_| {
        app.library.current().with(|a| {
            a.as_ref().map(|a| coverage(a.catalogue, &a.custom_services, &a.services, &today)).unwrap_or_default()
        })
    });
    view! {
        <section class="evidence-coverage" aria-labelledby="evidence-coverage-heading">
            <h3 id="evidence-coverage-heading">{app.text(|t| t.evidence.dashboard_heading)}</h3>
            <p class="hint">{app.text(|t| t.evidence.dashboard_explain)}</p>
            <table class="scores evidence-counts">
                <TableHead columns=|t| {
                    vec![t.evidence.col_category, t.evidence.col_in_scope, t.evidence.col_current]
                } />
                <tbody>
                    {move || {
                        let lang = app.lang();
                        let catalogue = app.library.catalogue().get();
                        rows.get()
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <tr>
                                        <th scope="row">{category_title(catalogue, c.category, lang)}</th>
                                        <td class="num">{c.in_scope}</td>
                                        <td class="num" data-testid=format!("evidence-count-{}", c.category)>
                                            {c.current}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}

/// The report's list of rated in-scope services without current evidence; while the
/// assessment lists no evidence at all, one line saying how many they are (a list of
/// every rated service would say nothing more).
#[component]
pub fn UnbackedServices() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    // The services, and whether any evidence is listed.
    let rows = Memo::new(move |_| {
        let lang = app.lang();
        app.library.current().with(|a| {
            let Some(a) = a else { return (Vec::new(), false) };
            let index = a.catalogue.index(&a.custom_services);
            let rows = unbacked(a.catalogue, &a.custom_services, &a.services, &today)
                .into_iter()
                .map(|u| {
                    let name = index.get(u.service.as_str()).map(|s| s.name(lang).to_owned()).unwrap_or_default();
                    (u, name)
                })
                .collect::<Vec<_>>();
            (rows, a.evidence_count() > 0)
        })
    });
    let items = move || {
        let t = &app.t().evidence;
        rows.get()
            .0
            .into_iter()
            .map(|(u, name)| {
                let (why, code) = match &u.why {
                    Unbacked::NoEvidence => (t.report_no_evidence.to_owned(), "none"),
                    Unbacked::Stale { items, since } => ((t.report_stale)(*items, since.as_str()), "stale"),
                };
                view! {
                    <li data-testid="report-unbacked-item" data-service=u.service.to_string() data-why=code>
                        {u.service.to_string()}
                        " "
                        <bdi>{name}</bdi>
                        {format!(" ({}): {why}", u.current.as_code())}
                    </li>
                }
            })
            .collect_view()
    };
    let body = move || {
        let (list, any) = rows.with(|(list, any)| (list.len(), *any));
        if list == 0 {
            view! { <p class="empty">{app.text(|t| t.evidence.report_none)}</p> }.into_any()
        } else if !any {
            view! { <p data-testid="report-unbacked-none-listed">{move || (app.t().evidence.report_nothing_listed)(list)}</p> }
                .into_any()
        } else {
            view! { <ul>{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="report-unbacked" aria-labelledby="report-unbacked-heading" data-testid="report-unbacked">
            <h3 id="report-unbacked-heading">{app.text(|t| t.evidence.report_heading)}</h3>
            <p class="hint">{app.text(|t| t.evidence.report_explain)}</p>
            {body}
        </section>
    }
}
