//! Evaluation process (X.1060 clause 11): snapshots of the whole assessment, and a
//! comparison of a state (the working state or a snapshot) with a baseline
//! snapshot: catalogue, profile and portfolio evaluations, the radar with the
//! baseline overlaid, and the trend of every category over all snapshots.

use leptos::prelude::*;

use crate::components::{RadarChart, TrendChart};
use crate::i18n::Texts;
use crate::model::aggregate::NO_VALUE;
use crate::model::evaluation::{compare, trend, Comparison, LevelChangeKind, SourcingChangeKind, OVERALL};
use crate::model::{Assessment, CatalogueDef, CustomService, Delta, Lang, Level, Mean, Score, ServiceStates, Sourcing};
use crate::state::use_app;

/// Indices of the snapshots, newest first by the time they were taken.
pub fn newest_first(a: &Assessment) -> Vec<usize> {
    let mut order: Vec<usize> = (0..a.snapshots.len()).collect();
    order.sort_by(|x, y| a.snapshots[*y].taken.cmp(&a.snapshots[*x].taken));
    order
}

/// The `<option>` value of a snapshot: its label when no other snapshot shares it
/// (so a snapshot can be picked by label), else `#index`.
fn option_value(a: &Assessment, index: usize) -> String {
    let label = &a.snapshots[index].label;
    if a.snapshots.iter().filter(|s| &s.label == label).count() == 1 {
        label.clone()
    } else {
        format!("#{index}")
    }
}

fn index_of(a: &Assessment, value: &str) -> Option<usize> {
    (0..a.snapshots.len()).find(|i| option_value(a, *i) == value)
}

fn level_name(lang: Lang, level: Option<Level>) -> String {
    level
        .and_then(|l| CatalogueDef::latest().level(l))
        .map(|l| l.name.get(lang).to_owned())
        .unwrap_or_else(|| NO_VALUE.to_owned())
}

fn sourcing_name(t: &Texts, s: Option<Sourcing>, provider: &str) -> String {
    let name = match s {
        Some(Sourcing::Insource) => t.col_insource,
        Some(Sourcing::Outsource) => t.col_outsource,
        None => NO_VALUE,
    };
    if provider.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({provider})")
    }
}

fn score_text(s: Option<Score>) -> String {
    s.map(Score::as_code).unwrap_or_else(|| NO_VALUE.to_owned())
}

fn delta_text(d: Option<Delta>) -> String {
    d.map(Delta::display).unwrap_or_else(|| NO_VALUE.to_owned())
}

#[component]
pub fn Evaluation() -> impl IntoView {
    let app = use_app();
    // The chosen baseline and compared state, as snapshot indices; `None` for the
    // baseline means the newest snapshot, for the compared state the working state.
    let baseline_choice = RwSignal::new(None::<usize>);
    let compared_choice = RwSignal::new(None::<usize>);
    let baseline = Memo::new(move |_| {
        app.current.with(|a| {
            let a = a.as_ref()?;
            baseline_choice.get().filter(|i| *i < a.snapshots.len()).or_else(|| newest_first(a).first().copied())
        })
    });
    let comparison = Memo::new(move |_| {
        app.current.with(|a| {
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
        <section class="view evaluation" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || app.t().nav_evaluation}</h2>
            <p class="intro">{move || app.t().eval_intro}</p>
            <Snapshots/>
            <Pickers baseline=baseline baseline_choice=baseline_choice compared_choice=compared_choice/>
            <Portfolio comparison=comparison/>
            <ChangeSection comparison=comparison heading=|t| t.eval_catalogue rows=level_rows row_testid="level-change"/>
            <ChangeSection comparison=comparison heading=|t| t.eval_profile rows=sourcing_rows row_testid="sourcing-change"/>
            <Trend/>
        </section>
    }
}

#[component]
fn Snapshots() -> impl IntoView {
    let app = use_app();
    let label = RwSignal::new(String::new());
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.take_snapshot(&label.get_untracked());
        label.set(String::new());
    };
    let rows = move || {
        let t = app.t();
        app.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            newest_first(a)
                .into_iter()
                .map(|i| {
                    let s = &a.snapshots[i];
                    let delete = move |_| {
                        let ok = web_sys::window()
                            .and_then(|w| w.confirm_with_message(t.snapshot_delete_confirm).ok())
                            .unwrap_or(false);
                        if ok {
                            app.delete_snapshot(i);
                        }
                    };
                    view! {
                        <tr data-testid="snapshot-item">
                            <td>
                                <input
                                    data-testid=format!("snapshot-label-{i}")
                                    maxlength="200"
                                    aria-label=format!("{} ({})", t.snapshot_rename, s.taken.date())
                                    prop:value=s.label.clone()
                                    on:change:target=move |ev| app.rename_snapshot(i, &ev.target().value())
                                />
                            </td>
                            <td>{s.taken.as_str().to_owned()}</td>
                            <td>
                                <button type="button" class="danger" data-testid=format!("snapshot-delete-{i}") on:click=delete>
                                    {t.delete}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="snapshots-heading">
            <h3 id="snapshots-heading">{move || app.t().snapshots_heading}</h3>
            <form class="inline-form" on:submit=take>
                <label for="snapshot-new-label">{move || app.t().snapshot_label}</label>
                <input id="snapshot-new-label" data-testid="snapshot-new-label" maxlength="200"
                    prop:value=move || label.get() on:input:target=move |ev| label.set(ev.target().value())/>
                <button type="submit" class="primary" data-testid="snapshot-take">{move || app.t().snapshot_take}</button>
            </form>
            <Show when=move || app.current.with(|a| a.as_ref().is_some_and(|a| !a.snapshots.is_empty()))
                fallback=move || view! { <p class="empty">{move || app.t().no_snapshots}</p> }>
                <table class="services">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().snapshot_rename}</th>
                            <th scope="col">{move || app.t().snapshot_taken_at}</th>
                            <th scope="col"><span class="visually-hidden">{move || app.t().delete}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn Pickers(baseline: Memo<Option<usize>>, baseline_choice: RwSignal<Option<usize>>, compared_choice: RwSignal<Option<usize>>) -> impl IntoView {
    let app = use_app();
    let options = move |selected: Option<usize>, with_working: bool| {
        let t = app.t();
        app.current.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let mut out = Vec::new();
            if with_working {
                out.push(view! { <option value="" selected=selected.is_none()>{t.working_state}</option> }.into_any());
            }
            for i in newest_first(a) {
                let s = &a.snapshots[i];
                out.push(view! { <option value=option_value(a, i) selected=selected == Some(i)>{s.label.clone()}</option> }.into_any());
            }
            out
        })
    };
    let pick = move |value: String| app.current.with_untracked(|a| a.as_ref().and_then(|a| index_of(a, &value)));
    view! {
        <div class="pickers">
            <div>
                <label for="baseline-select">{move || app.t().baseline}</label>
                <select id="baseline-select" data-testid="baseline-select"
                    on:change:target=move |ev| baseline_choice.set(pick(ev.target().value()))>
                    {move || options(baseline.get(), false)}
                </select>
            </div>
            <div>
                <label for="compare-select">{move || app.t().compare_with}</label>
                <select id="compare-select" data-testid="compare-select"
                    on:change:target=move |ev| compared_choice.set(pick(ev.target().value()))>
                    {move || options(compared_choice.get(), true)}
                </select>
            </div>
        </div>
        <Show when=move || baseline.get().is_none()>
            <p class="empty">{move || app.t().need_snapshot}</p>
        </Show>
    }
}

/// Category means of the baseline and the compared state, and their exact deltas
/// (`delta-current-{C}`, `delta-target-{C}`, C = A..I and `overall`).
#[component]
pub fn DeltaTable(comparison: Memo<Option<Comparison>>) -> impl IntoView {
    let app = use_app();
    let categories: Vec<&'static str> = CatalogueDef::latest().categories.iter().map(|c| c.id).chain([OVERALL]).collect();
    let cell = move |key: &'static str, f: fn(&crate::model::evaluation::CategoryDelta) -> String| {
        move || comparison.with(|c| c.as_ref().and_then(|c| c.category(key)).map(f).unwrap_or_else(|| NO_VALUE.to_owned()))
    };
    let rows = categories
        .into_iter()
        .map(|key| {
            let name = move || {
                let lang = app.lang.get();
                if key == OVERALL {
                    app.t().overall.to_owned()
                } else {
                    format!("{key}. {}", CatalogueDef::latest().category(key).map(|d| d.name.get(lang)).unwrap_or_default())
                }
            };
            view! {
                <tr class:overall=key == OVERALL>
                    <th scope="row">{name}</th>
                    <td class="num base">{cell(key, |d| d.base_current.text())}</td>
                    <td class="num">{cell(key, |d| d.now_current.text())}</td>
                    <td class="num delta" data-testid=format!("delta-current-{key}")>{cell(key, |d| delta_text(d.current))}</td>
                    <td class="num base">{cell(key, |d| d.base_target.text())}</td>
                    <td class="num">{cell(key, |d| d.now_target.text())}</td>
                    <td class="num delta" data-testid=format!("delta-target-{key}")>{cell(key, |d| delta_text(d.target))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="scores" data-testid="delta-table">
            <thead>
                <tr>
                    <th scope="col">{move || app.t().col_category}</th>
                    <th scope="col" class="base">{move || format!("{} ({})", app.t().col_current, app.t().col_before)}</th>
                    <th scope="col">{move || format!("{} ({})", app.t().col_current, app.t().col_after)}</th>
                    <th scope="col">{move || app.t().col_delta_current}</th>
                    <th scope="col" class="base">{move || format!("{} ({})", app.t().col_target, app.t().col_before)}</th>
                    <th scope="col">{move || format!("{} ({})", app.t().col_target, app.t().col_after)}</th>
                    <th scope="col">{move || app.t().col_delta_target}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Portfolio evaluation: category deltas (`delta-current-{C}`, `delta-target-{C}`),
/// movement counts, the radar with the baseline overlaid, and per-service changes.
#[component]
fn Portfolio(comparison: Memo<Option<Comparison>>) -> impl IntoView {
    let app = use_app();
    let counts = move || comparison.with(|c| c.as_ref().map(|c| c.counts)).unwrap_or_default();
    let radar = move |pick: fn(&crate::model::evaluation::CategoryDelta) -> Mean| {
        Signal::derive(move || comparison.with(|c| c.as_ref().map(|c| c.categories.iter().map(|d| pick(d).as_f64()).collect()).unwrap_or_default()))
    };
    let labels = Signal::derive(move || {
        let lang = app.lang.get();
        CatalogueDef::latest().categories.iter().map(|c| format!("{} {}", c.id, c.name.get(lang))).collect::<Vec<_>>()
    });
    let score_rows = move || {
        let lang = app.lang.get();
        let t = app.t();
        let custom = app.current.with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
        comparison.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.scores
                .iter()
                .map(|s| {
                    let name = CatalogueDef::latest().find(&custom, s.service.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                    let movement = match s.movement {
                        crate::model::evaluation::Movement::Improved => t.improved,
                        crate::model::evaluation::Movement::Worsened => t.worsened,
                        crate::model::evaluation::Movement::Unchanged => t.unchanged,
                        crate::model::evaluation::Movement::NotComparable => t.not_comparable,
                    };
                    let signed = |d: Option<i8>| d.map(|d| if d > 0 { format!("+{d}") } else { d.to_string() }).unwrap_or_else(|| NO_VALUE.to_owned());
                    view! {
                        <tr data-testid="score-change">
                            <th scope="row">{format!("{} {name}", s.service)}</th>
                            <td class="num">{format!("{} → {}", score_text(s.current_from), score_text(s.current_to))}</td>
                            <td class="num">{signed(s.current_delta)}</td>
                            <td class="num">{format!("{} → {}", score_text(s.target_from), score_text(s.target_to))}</td>
                            <td class="num">{signed(s.target_delta)}</td>
                            <td>{movement}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="eval-portfolio-heading">
            <h3 id="eval-portfolio-heading">{move || app.t().eval_portfolio}</h3>
            <p class="movement" data-testid="movement-counts">
                {move || {
                    let (c, t) = (counts(), app.t());
                    format!("{} {} · {} {} · {} {} · {} {}", c.improved, t.improved, c.worsened, t.worsened, c.unchanged, t.unchanged, c.not_comparable, t.not_comparable)
                }}
            </p>
            <div class="chart-and-table">
                <figure class="chart">
                    <RadarChart testid="radar-evaluation" width=720 height=480 file_stem="x1060-evaluation" labels=labels
                        current=radar(|d| d.now_current) target=radar(|d| d.now_target) baseline=radar(|d| d.base_current)/>
                </figure>
                <DeltaTable comparison=comparison/>
            </div>
            <Show when=move || comparison.with(|c| c.as_ref().is_some_and(|c| !c.scores.is_empty()))>
                <table class="scores changes">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().col_service}</th>
                            <th scope="col">{move || app.t().col_current}</th>
                            <th scope="col">"Δ"</th>
                            <th scope="col">{move || app.t().col_target}</th>
                            <th scope="col">"Δ"</th>
                            <th scope="col">{move || app.t().col_change}</th>
                        </tr>
                    </thead>
                    <tbody>{score_rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

/// One line of a catalogue or profile evaluation: service, kind of change, before → after.
type ChangeRow = (String, &'static str, String);

/// Catalogue evaluation (11.2): services whose level changed, entered or left scope.
fn level_rows(c: &Comparison, lang: Lang, t: &'static Texts, custom: &[CustomService]) -> Vec<ChangeRow> {
    c.levels
        .iter()
        .map(|l| {
            let kind = match l.kind {
                LevelChangeKind::EnteredScope => t.entered_scope,
                LevelChangeKind::LeftScope => t.left_scope,
                LevelChangeKind::Changed => t.level_changed,
                LevelChangeKind::Other => t.level_other,
            };
            (service_label(l.service.as_str(), lang, custom), kind, format!("{} → {}", level_name(lang, l.from), level_name(lang, l.to)))
        })
        .collect()
}

/// Profile evaluation (11.3): services moved between in-house and outsourced, providers changed.
fn sourcing_rows(c: &Comparison, lang: Lang, t: &'static Texts, custom: &[CustomService]) -> Vec<ChangeRow> {
    c.sourcing
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SourcingChangeKind::Moved => t.moved,
                SourcingChangeKind::Assigned => t.assigned,
                SourcingChangeKind::Unassigned => t.unassigned,
                SourcingChangeKind::ProviderChanged => t.provider_changed,
            };
            let change = format!("{} → {}", sourcing_name(t, s.from, &s.provider_from), sourcing_name(t, s.to, &s.provider_to));
            (service_label(s.service.as_str(), lang, custom), kind, change)
        })
        .collect()
}

fn service_label(id: &str, lang: Lang, custom: &[CustomService]) -> String {
    let name = CatalogueDef::latest().find(custom, id).map(|r| r.name(lang).to_owned()).unwrap_or_default();
    format!("{id} {name}")
}

/// A section listing one kind of change (`data-testid` = `row_testid` on each row),
/// or "no changes".
#[component]
fn ChangeSection(
    comparison: Memo<Option<Comparison>>,
    heading: fn(&Texts) -> &'static str,
    rows: fn(&Comparison, Lang, &'static Texts, &[CustomService]) -> Vec<ChangeRow>,
    row_testid: &'static str,
) -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        let custom = app.current.with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
        comparison.with(|c| c.as_ref().map(|c| rows(c, app.lang.get(), app.t(), &custom)).unwrap_or_default())
    });
    view! {
        <section>
            <h3>{move || heading(app.t())}</h3>
            <Show when=move || !list.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || app.t().no_changes}</p> }>
                <table class="scores changes">
                    <thead>
                        <tr>
                            <th scope="col">{move || app.t().col_service}</th>
                            <th scope="col">{move || app.t().col_change}</th>
                            <th scope="col">{move || format!("{} → {}", app.t().col_before, app.t().col_after)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || list.get().into_iter().map(|(service, kind, change)| view! {
                            <tr data-testid=row_testid>
                                <th scope="row">{service}</th>
                                <td>{kind}</td>
                                <td>{change}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The trend of a chosen category (chart) and of every category (table).
#[component]
fn Trend() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(OVERALL);
    let points = Memo::new(move |_| app.current.with(|a| a.as_ref().map(trend).unwrap_or_default()));
    let labels = Signal::derive(move || {
        let t = app.t();
        points.with(|p| p.iter().map(|p| p.label.clone().unwrap_or_else(|| t.now_label.to_owned())).collect::<Vec<_>>())
    });
    let series = move |current: bool| {
        Signal::derive(move || {
            let key = chosen.get();
            points.with(|p| {
                p.iter()
                    .map(|p| {
                        let (c, t) = if key == OVERALL { (p.current, p.target) } else { p.category(key).map(|m| (m.current, m.target)).unwrap_or_default() };
                        if current { c.as_f64() } else { t.as_f64() }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let table_rows = move || {
        let t = app.t();
        points.with(|p| {
            p.iter()
                .map(|p| {
                    let label = p.label.clone().unwrap_or_else(|| t.now_label.to_owned());
                    let cells = p.categories.iter().map(|m| (m.current, m.target)).chain([(p.current, p.target)]);
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {cells.map(|(c, t)| view! { <td class="num">{format!("{} / {}", c.text(), t.text())}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let alt = Signal::derive(move || app.t().eval_trend.to_owned());
    view! {
        <section aria-labelledby="eval-trend-heading">
            <h3 id="eval-trend-heading">{move || app.t().eval_trend}</h3>
            <label for="trend-category">{move || app.t().trend_category}</label>
            <select id="trend-category" data-testid="trend-category" on:change:target=move |ev| {
                let v = ev.target().value();
                chosen.set(CatalogueDef::latest().categories.iter().map(|c| c.id).find(|c| *c == v).unwrap_or(OVERALL));
            }>
                <option value=OVERALL>{move || app.t().overall}</option>
                {move || {
                    let lang = app.lang.get();
                    CatalogueDef::latest().categories.iter().map(|c| view! { <option value=c.id>{format!("{}. {}", c.id, c.name.get(lang))}</option> }).collect_view()
                }}
            </select>
            <figure class="chart">
                <TrendChart testid="trend-chart" width=720 height=360 labels=labels current=series(true) target=series(false) alt=alt/>
            </figure>
            <div class="table-scroll">
                <table class="scores" data-testid="trend-table">
                    <caption>{move || format!("{} / {}", app.t().col_current, app.t().col_target)}</caption>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            {CatalogueDef::latest().categories.iter().map(|c| view! { <th scope="col">{c.id}</th> }).collect_view()}
                            <th scope="col">{move || app.t().overall}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
