//! Dashboard: the category radar (current vs target) with its numbers, a radar
//! per category, the largest gaps, and progress. Every number is CONTRACT.md §2.

use leptos::prelude::*;

use crate::components::RadarChart;
use crate::model::aggregate::{ranked_gaps, NO_VALUE};
use crate::model::{CatalogueDef, Mean, Score};
use crate::state::use_app;

#[component]
pub fn Dashboard() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="view dashboard" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || app.t().nav_dashboard}</h2>
            <Progress/>
            <div class="chart-and-table">
                <CategoryRadar/>
                <ScoreTable/>
            </div>
            <ServiceRadar/>
            <Gaps/>
        </section>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let app = use_app();
    let counts = move || app.summary.with(|s| s.as_ref().map(|s| s.counts).unwrap_or_default());
    view! {
        <p class="progress-summary" data-testid="not-assessed-summary">
            {move || {
                let c = counts();
                (app.t().not_assessed_summary)(c.in_scope, c.not_assessed, c.level_unset)
            }}
        </p>
    }
}

fn mean_values(means: &[(Mean, Mean)]) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    means.iter().map(|(c, t)| (c.as_f64(), t.as_f64())).unzip()
}

#[component]
pub fn CategoryRadar() -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        let lang = app.lang.get();
        app.summary.with(|s| {
            let catalogue = CatalogueDef::latest();
            let Some(s) = s else { return (Vec::new(), Vec::new(), Vec::new()) };
            let labels = s
                .categories
                .iter()
                .map(|c| format!("{} {}", c.category, catalogue.category(c.category).map(|d| d.name.get(lang)).unwrap_or_default()))
                .collect();
            let (current, target) = mean_values(&s.categories.iter().map(|c| (c.current, c.target)).collect::<Vec<_>>());
            (labels, current, target)
        })
    });
    view! {
        <figure class="chart">
            <figcaption>{move || app.t().radar_heading}</figcaption>
            <RadarChart
                testid="radar-categories"
                width=720
                height=480
                file_stem="x1060-categories"
                labels=Signal::derive(move || data.get().0)
                current=Signal::derive(move || data.get().1)
                target=Signal::derive(move || data.get().2)
            />
            <p class="hint">{move || app.t().scale_note}</p>
        </figure>
    }
}

/// The numbers behind the category radar: `score-current-{C}`, `score-target-{C}`.
#[component]
pub fn ScoreTable() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let lang = app.lang.get();
        let t = app.t();
        app.summary.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let catalogue = CatalogueDef::latest();
            let mut rows: Vec<_> = s
                .categories
                .iter()
                .map(|c| {
                    let name = catalogue.category(c.category).map(|d| d.name.get(lang)).unwrap_or_default();
                    (c.category.to_owned(), format!("{}. {name}", c.category), c.current, c.target, c.counts)
                })
                .collect();
            rows.push(("overall".to_owned(), t.overall.to_owned(), s.current, s.target, s.counts));
            rows.into_iter()
                .map(|(key, label, current, target, counts)| {
                    view! {
                        <tr class:overall=key == "overall">
                            <th scope="row">{label}</th>
                            <td class="num" data-testid=format!("score-current-{key}")>{current.text()}</td>
                            <td class="num" data-testid=format!("score-target-{key}")>{target.text()}</td>
                            <td class="num">{counts.in_scope}</td>
                            <td class="num">{counts.assessed}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="scores" data-testid="score-table">
            <caption>{move || app.t().table_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || app.t().col_category}</th>
                    <th scope="col">{move || app.t().col_current}</th>
                    <th scope="col">{move || app.t().col_target}</th>
                    <th scope="col">{move || app.t().col_in_scope}</th>
                    <th scope="col">{move || app.t().col_assessed}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A radar of one category's in-scope services, chosen with a select.
#[component]
fn ServiceRadar() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new("A");
    let data = Memo::new(move |_| {
        let lang = app.lang.get();
        let category = chosen.get();
        let services = app.services_of(category);
        app.current.with(|a| {
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
    let cell = |s: Option<Score>| s.map(Score::as_code).unwrap_or_else(|| NO_VALUE.to_owned());
    view! {
        <section class="category-radar" aria-labelledby="category-radar-heading">
            <h3 id="category-radar-heading">{move || app.t().category_radar_heading}</h3>
            <label for="radar-category">{move || app.t().choose_category}</label>
            <select id="radar-category" data-testid="category-select" on:change:target=move |ev| {
                let value = ev.target().value();
                if let Some(c) = CatalogueDef::latest().categories.iter().find(|c| c.id == value) {
                    chosen.set(c.id);
                }
            }>
                {move || {
                    let lang = app.lang.get();
                    CatalogueDef::latest().categories.iter().map(|c| view! {
                        <option value=c.id selected=move || chosen.get() == c.id>{format!("{}. {}", c.id, c.name.get(lang))}</option>
                    }).collect_view()
                }}
            </select>
            <div class="chart-and-table">
                <figure class="chart">
                    <RadarChart
                        testid="radar-category"
                        width=720
                        height=480
                        file_stem="x1060-category"
                        labels=Signal::derive(move || data.get().into_iter().map(|(id, name, _, _)| format!("{id} {name}")).collect())
                        current=Signal::derive(move || data.get().into_iter().map(|(_, _, c, _)| value(c)).collect())
                        target=Signal::derive(move || data.get().into_iter().map(|(_, _, _, t)| value(t)).collect())
                    />
                </figure>
                <table class="scores">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().col_service}</th>
                            <th scope="col">{move || app.t().col_current}</th>
                            <th scope="col">{move || app.t().col_target}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || data.get().into_iter().map(|(id, name, c, t)| view! {
                            <tr>
                                <th scope="row">{format!("{id} {name}")}</th>
                                <td class="num">{cell(c)}</td>
                                <td class="num">{cell(t)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Show when=move || data.with(Vec::is_empty)>
                <p class="empty">{move || app.t().empty_scope}</p>
            </Show>
        </section>
    }
}

#[component]
pub fn Gaps(
    /// How many services to list.
    #[prop(default = 15)]
    limit: usize,
) -> impl IntoView {
    let app = use_app();
    let gaps = Memo::new(move |_| {
        app.current.with(|a| a.as_ref().map(|a| ranked_gaps(a.catalogue, &a.custom_services, &a.services)).unwrap_or_default())
    });
    view! {
        <section aria-labelledby="gaps-heading">
            <h3 id="gaps-heading">{move || app.t().gaps_heading}</h3>
            <Show when=move || !gaps.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || app.t().no_gaps}</p> }>
                <table class="scores" data-testid="gaps-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().col_service}</th>
                            <th scope="col">{move || app.t().col_level}</th>
                            <th scope="col">{move || app.t().col_current}</th>
                            <th scope="col">{move || app.t().col_target}</th>
                            <th scope="col">{move || app.t().col_gap}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = app.lang.get();
                            let custom = app.current.with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
                            let catalogue = CatalogueDef::latest();
                            gaps.get().into_iter().take(limit).map(|g| {
                                let name = catalogue.find(&custom, &g.service).map(|s| s.name(lang).to_owned()).unwrap_or_default();
                                let level = catalogue.level(g.level).map(|l| l.name.get(lang)).unwrap_or_default();
                                view! {
                                    <tr data-testid="gap-row">
                                        <th scope="row">{format!("{} {name}", g.service)}</th>
                                        <td>{level}</td>
                                        <td class="num">{g.current}</td>
                                        <td class="num">{g.target}</td>
                                        <td class="num">{format!("+{}", g.gap)}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
