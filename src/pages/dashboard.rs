//! Dashboard: the category radar (current vs target) with its numbers, a radar
//! per category, the largest gaps, current evidence per category, and progress.
//! Every number is computed as docs/exchange-format.md (“How the numbers are
//! computed”, “Evidence”) says.

use leptos::prelude::*;

use crate::components::{CategoryRadar, EvidenceCoverageTable, Gaps, RadarChart, ScoreCell, ScoreTable, TableHead};
use crate::model::catalogue::CategoryDef;
use crate::model::Score;
use crate::state::{use_app, View};

#[component]
pub fn Dashboard() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="view dashboard" data-view="dashboard" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.dashboard)}</h2>
            <Progress />
            <div class="chart-and-table">
                <CategoryRadar />
                <ScoreTable />
            </div>
            <ServiceRadar />
            <Gaps />
            <EvidenceCoverageTable />
            <p>
                <button
                    type="button"
                    data-testid="dashboard-open-roadmap"
                    on:click=move |_| app.nav.show(View::Roadmap)
                >
                    {app.text(|t| t.roadmap.open_roadmap)}
                </button>
            </p>
        </section>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let app = use_app();
    let counts = move || app.library.summary().with(|s| s.as_ref().map(|s| s.counts).unwrap_or_default());
    view! {
        <p class="progress-summary" data-testid="not-assessed-summary">
            {move || {
                let c = counts();
                (app.t().dashboard.not_assessed_summary)(c.in_scope, c.not_assessed, c.level_unset)
            }}
        </p>
    }
}

/// A radar of one category's in-scope services, chosen with a select.
#[component]
fn ServiceRadar() -> impl IntoView {
    let app = use_app();
    // The first category until the user picks one.
    let chosen = RwSignal::new(None::<&'static CategoryDef>);
    let category = move || chosen.get().or_else(|| app.library.catalogue().get().categories.first());
    let data = Memo::new(move |_| {
        let lang = app.lang();
        let Some(category) = category() else { return Vec::new() };
        let services = app.library.services_of(category);
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            services
                .into_iter()
                .filter_map(|s| {
                    let state = a.services.get(s.id.as_str()).filter(|x| x.in_scope())?;
                    Some((s.id.to_string(), s.name(lang).to_owned(), state.current, state.target))
                })
                .collect::<Vec<_>>()
        })
    });
    let value = |s: Option<Score>| s.and_then(Score::rating).map(|r| f64::from(r.value()));
    view! {
        <section class="category-radar" aria-labelledby="category-radar-heading">
            <h3 id="category-radar-heading">{app.text(|t| t.dashboard.category_radar_heading)}</h3>
            <label for="radar-category">{app.text(|t| t.common.choose_category)}</label>
            <select
                id="radar-category"
                data-testid="category-select"
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    if let Some(c) = app.library.catalogue().get_untracked().categories.iter().find(|c| c.id == value) {
                        chosen.set(Some(c));
                    }
                }
            >
                {move || {
                    let lang = app.lang();
                    app.library
                        .catalogue()
                        .get()
                        .categories
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.id selected=move || category().is_some_and(|x| std::ptr::eq(x, c))>
                                    {c.title(lang)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <div class="chart-and-table">
                <figure class="chart">
                    <RadarChart
                        testid="radar-category"
                        width=720
                        height=480
                        file_stem="x1060-category"
                        labels=Signal::derive(move || {
                            data.get().into_iter().map(|(id, name, _, _)| format!("{id} {name}")).collect()
                        })
                        current=Signal::derive(move || data.get().into_iter().map(|(_, _, c, _)| value(c)).collect())
                        target=Signal::derive(move || data.get().into_iter().map(|(_, _, _, t)| value(t)).collect())
                    />
                </figure>
                <table class="scores">
                    <TableHead columns=|t| vec![t.col.service, t.col.current, t.col.target] />
                    <tbody>
                        {move || {
                            data.get()
                                .into_iter()
                                .map(|(id, name, c, t)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{format!("{id} {name}")}</th>
                                            <ScoreCell score=c />
                                            <ScoreCell score=t />
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <Show when=move || data.with(Vec::is_empty)>
                <p class="empty">{app.text(|t| t.portfolio.empty_scope)}</p>
            </Show>
        </section>
    }
}
