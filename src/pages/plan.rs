//! Improvement plan (management process, X.1060 clause 10): an action, owner, due
//! date, status and expected score for each in-scope service with a gap; overdue
//! items marked; the roadmap (pages/roadmap) shows where the plan takes the scores.
//! A service with stale evidence can take renewing it as its action.

use leptos::prelude::*;

use crate::browser;
use crate::components::{Choice, ChoiceSelect, ScoreCell, TableHead};
use crate::i18n::Texts;
use crate::model::aggregate::NO_VALUE;
use crate::model::limits::MAX_PLAN_ACTION_CHARS;
use crate::model::plan::{plan_rows, with_line};
use crate::model::{Assessment, Date, PlanItem, PlanStatus, Rating, Score, ServiceId};
use crate::state::{use_app, View};

fn status_choices(t: &Texts) -> Vec<Choice> {
    PlanStatus::ALL
        .into_iter()
        .map(|s| {
            let text = match s {
                PlanStatus::Open => t.plan.status_open,
                PlanStatus::InProgress => t.plan.status_in_progress,
                PlanStatus::Done => t.plan.status_done,
            };
            Choice::new(s.as_str(), text)
        })
        .collect()
}

/// The expected score: the target (`""`), or 1..5.
fn expected_choices(t: &Texts) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.roadmap.expected_target))
        .chain((Rating::MIN..=Rating::MAX).map(|n| Choice::new(n.to_string(), n.to_string())))
        .collect()
}

/// What a row shows besides its editable item.
#[derive(Clone, Debug, PartialEq)]
struct RowInfo {
    id: ServiceId,
    name_ja: String,
    name_en: String,
    level: Option<crate::model::Level>,
    current: Option<Score>,
    target: Option<Score>,
    gap: Option<i8>,
    has_gap: bool,
}

/// The heads of the plan's tables.
fn plan_columns(t: &'static Texts) -> Vec<&'static str> {
    let c = &t.col;
    vec![c.service, c.level, c.current, c.target, c.gap, c.action, c.owner, c.due, c.status, t.roadmap.col_expected]
}

#[component]
pub fn Plan() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let rows = Memo::new(move |_| {
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            plan_rows(a)
                .into_iter()
                .filter_map(|r| {
                    Some(RowInfo {
                        id: ServiceId::parse(r.service.id).ok()?,
                        name_ja: r.service.name_ja.to_owned(),
                        name_en: r.service.name_en.to_owned(),
                        level: r.level,
                        current: r.current,
                        target: r.target,
                        gap: r.gap,
                        has_gap: r.has_gap,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let with_gap = Memo::new(move |_| rows.get().into_iter().filter(|r| r.has_gap).collect::<Vec<_>>());
    let others = Memo::new(move |_| rows.get().into_iter().filter(|r| !r.has_gap).collect::<Vec<_>>());
    let overdue = {
        let today = today.clone();
        Memo::new(move |_| {
            app.library
                .current()
                .with(|a| a.as_ref().map_or(0, |a| a.plan.values().filter(|p| p.is_overdue(&today)).count()))
        })
    };
    let table = move |list: Memo<Vec<RowInfo>>, testid: &'static str| {
        let today = today.clone();
        view! {
            <div class="plan-wrap">
                <table class="services plan" data-testid=testid>
                    <TableHead columns=plan_columns />
                    <tbody>
                        <For
                            each=move || list.get()
                            key=|r| r.id.clone()
                            children=move |r| view! { <PlanRowView row=r today=today.clone() /> }
                        />
                    </tbody>
                </table>
            </div>
        }
    };
    let other_table = table.clone();
    view! {
        <section class="view" data-view="plan" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.plan)}</h2>
            <p class="intro">{app.text(|t| t.plan.plan_intro)}</p>
            <div class="actions">
                <button type="button" data-testid="export-plan-csv" on:click=move |_| app.exports.plan_csv()>
                    {app.text(|t| t.plan.export_plan_csv)}
                </button>
                <button type="button" data-testid="plan-open-roadmap" on:click=move |_| app.nav.show(View::Roadmap)>
                    {app.text(|t| t.roadmap.open_roadmap)}
                </button>
                <span
                    class=move || { if overdue.get() > 0 { "badge-inline warn" } else { "badge-inline" } }
                    data-testid="plan-overdue-count"
                >
                    {move || format!("{} {}", overdue.get(), app.t().plan.plan_counts_overdue)}
                </span>
            </div>
            <Show
                when=move || !with_gap.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.plan.plan_empty)}</p> }
            >
                {table(with_gap, "plan-table")}
            </Show>
            <Show when=move || !others.with(Vec::is_empty)>
                <h3>{app.text(|t| t.plan.plan_other)}</h3>
                {other_table(others, "plan-other-table")}
            </Show>
        </section>
    }
}

/// For a service with stale evidence: a button that takes renewing it as the action.
#[component]
fn RenewEvidence(id: ServiceId, today: Date, on_pick: Callback<String>) -> impl IntoView {
    let app = use_app();
    let service = id.clone();
    let stale = Memo::new(move |_| {
        app.library.current().with(|a| {
            let items = a.as_ref().and_then(|a| a.services.get(service.as_str())).map(|s| s.evidence.as_slice());
            items.unwrap_or_default().iter().filter(|i| i.is_stale(&today)).map(|i| i.title.clone()).collect::<Vec<_>>()
        })
    });
    move || {
        let id = id.clone();
        (!stale.with(Vec::is_empty)).then(|| {
            let testid = format!("plan-renew-evidence-{id}");
            view! {
                <button
                    type="button"
                    class="link"
                    data-testid=testid
                    aria-label=move || (app.t().evidence.renew_label)(id.as_str())
                    on:click=move |_| {
                        let titles = stale.get_untracked().join(app.lang().pick("、", ", "));
                        on_pick.run((app.t().evidence.renew_action)(&titles));
                    }
                >
                    {app.text(|t| t.evidence.renew)}
                </button>
            }
        })
    }
}

#[component]
fn PlanRowView(row: RowInfo, today: Date) -> impl IntoView {
    let app = use_app();
    let id = row.id.clone();
    let item = {
        let id = id.clone();
        Memo::new(move |_| {
            app.library
                .current()
                .with(|a| a.as_ref().and_then(|a| a.plan.get(id.as_str()).cloned()).unwrap_or_default())
        })
    };
    let edit = move |f: Box<dyn Fn(&mut PlanItem)>| {
        let id = id.clone();
        app.library.edit_active(move |a| {
            // A plan item beyond the reader's limit is refused (reported when typed).
            let _ = a.edit_plan(&id, &f);
        })
    };
    let label = {
        let row = row.clone();
        move |what: &str| format!("{} {}: {what}", row.id, app.lang().pick_filled(&row.name_ja, &row.name_en))
    };
    let (l1, l2, l3, l4, l5) = (label.clone(), label.clone(), label.clone(), label.clone(), label);
    let renew_today = today.clone();
    let overdue = Memo::new(move |_| item.with(|i| i.is_overdue(&today)));
    let (e1, e2, e3, e4) = (edit.clone(), edit.clone(), edit.clone(), edit.clone());
    let (e1_done, e2_done, e5, e_renew) = (edit.clone(), edit.clone(), edit.clone(), edit);
    let renew = Callback::new(move |text: String| {
        e_renew(Box::new(move |p| p.action = with_line(&p.action, &text)));
    });
    let renew_id = row.id.clone();

    let id_text = row.id.to_string();
    let row_testid = format!("plan-row-{}", row.id);
    view! {
        <tr data-testid=row_testid class:overdue=move || overdue.get()>
            <th scope="row">{id_text}" " {move || app.lang().pick_filled(&row.name_ja, &row.name_en).to_owned()}</th>
            <td>
                {move || {
                    row.level
                        .and_then(|l| app.library.catalogue().get().level(l))
                        .map(|l| l.name.get(app.lang()))
                        .unwrap_or(NO_VALUE)
                }}
            </td>
            <ScoreCell score=row.current />
            <ScoreCell score=row.target />
            <td class="num">
                {row.gap.filter(|g| *g > 0).map(|g| format!("+{g}")).unwrap_or_else(|| NO_VALUE.to_owned())}
            </td>
            <td>
                <textarea
                    data-testid=format!("plan-action-{}", row.id)
                    rows="2"
                    maxlength=MAX_PLAN_ACTION_CHARS
                    aria-label=move || l1(app.t().col.action)
                    prop:value=move || item.get().action
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        e1(Box::new(move |p| p.action = v.clone()))
                    }
                    on:change:target=move |ev| {
                        let v = ev.target().value().trim().to_owned();
                        e1_done(Box::new(move |p| p.action = v.clone()))
                    }
                ></textarea>
                <RenewEvidence id=renew_id today=renew_today on_pick=renew />
            </td>
            <td>
                <input
                    data-testid=format!("plan-owner-{}", row.id)
                    maxlength=Assessment::MAX_NAME_CHARS
                    aria-label=move || l2(app.t().col.owner)
                    prop:value=move || item.get().owner
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        e2(Box::new(move |p| p.owner = v.clone()))
                    }
                    on:change:target=move |ev| {
                        let v = ev.target().value().trim().to_owned();
                        e2_done(Box::new(move |p| p.owner = v.clone()))
                    }
                />
            </td>
            <td>
                <input
                    type="date"
                    data-testid=format!("plan-due-{}", row.id)
                    aria-label=move || l3(app.t().col.due)
                    prop:value=move || item.get().due.map(|d| d.to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let due = Date::parse(&ev.target().value());
                        e3(Box::new(move |p| p.due = due.clone()))
                    }
                />
                <Show when=move || overdue.get()>
                    <span class="tag warn">{app.text(|t| t.plan.overdue)}</span>
                </Show>
            </td>
            <td>
                <ChoiceSelect
                    testid=format!("plan-status-{}", row.id)
                    label=Signal::derive(move || l4(app.t().col.status))
                    choices=Signal::derive(move || status_choices(app.t()))
                    selected=Signal::derive(move || item.get().status.as_str().to_owned())
                    on_pick=Callback::new(move |v: String| {
                        let status = PlanStatus::parse(&v).unwrap_or_default();
                        e4(Box::new(move |p| p.status = status))
                    })
                />
            </td>
            <td>
                <ChoiceSelect
                    testid=format!("plan-expected-{}", row.id)
                    label=Signal::derive(move || l5(app.t().roadmap.col_expected))
                    choices=Signal::derive(move || expected_choices(app.t()))
                    selected=Signal::derive(move || {
                        item.get().expected.map(|r| r.value().to_string()).unwrap_or_default()
                    })
                    on_pick=Callback::new(move |v: String| {
                        let expected = v.parse().ok().and_then(Rating::new);
                        e5(Box::new(move |p| p.expected = expected))
                    })
                />
            </td>
        </tr>
    }
}
