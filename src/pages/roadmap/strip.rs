//! Quarter by quarter: one small radar per quarter (a button that picks it), and per
//! quarter the actions falling due, overdue ones marked.

use leptos::prelude::*;

use crate::components::RadarChart;
use crate::model::roadmap::{due_in, projection, Quarter, Quarters};
use crate::model::{Date, Mean};
use crate::state::use_app;

/// One action falling due, as listed.
#[derive(Clone, Debug, PartialEq)]
struct DueRow {
    service: String,
    name: String,
    action: String,
    due: String,
    overdue: bool,
    done: bool,
}

#[component]
pub fn Strip(
    listed: Memo<Quarters>,
    quarter: Memo<Quarter>,
    picked: RwSignal<Option<Quarter>>,
    today: Date,
) -> impl IntoView {
    let app = use_app();
    view! {
        <h3>{app.text(|t| t.roadmap.strip_heading)}</h3>
        <ol class="roadmap-strip" data-testid="roadmap-strip">
            <For
                each=move || listed.with(|q| q.list.clone())
                key=|q| *q
                children=move |q| view! { <StripItem q=q quarter=quarter picked=picked /> }
            />
        </ol>
        <h3>{app.text(|t| t.roadmap.due_heading)}</h3>
        <For
            each=move || listed.with(|q| q.list.clone())
            key=|q| *q
            children=move |q| view! { <DueList q=q today=today.clone() /> }
        />
    }
}

/// A quarter's small radar (projected current against target, no legend) and its
/// overall mean; picks the quarter.
#[component]
fn StripItem(q: Quarter, quarter: Memo<Quarter>, picked: RwSignal<Option<Quarter>>) -> impl IntoView {
    let app = use_app();
    let projected = Memo::new(move |_| {
        let end = q.last_day()?;
        app.library.current().with(|a| Some(projection(a.as_ref()?, &end)))
    });
    let values = move |target: bool| {
        projected.with(|p| {
            p.as_ref()
                .map(|s| s.categories.iter().map(|c| if target { c.target } else { c.current }.as_f64()).collect())
                .unwrap_or_default()
        })
    };
    let caption = move || {
        let overall = projected.with(|p| p.as_ref().map_or_else(|| Mean::default().text(), |s| s.current.text()));
        (app.t().roadmap.strip_item)(&q.to_string(), &overall)
    };
    view! {
        <li>
            <button
                type="button"
                class="roadmap-quarter-pick"
                data-testid=format!("roadmap-strip-{q}")
                aria-pressed=move || (quarter.get() == q).to_string()
                on:click=move |_| picked.set(Some(q))
            >
                <RadarChart
                    testid="roadmap-strip-radar"
                    width=200
                    height=180
                    compact=true
                    labels=Signal::derive(move || {
                        app.library.catalogue().get().categories.iter().map(|c| c.id.to_owned()).collect::<Vec<_>>()
                    })
                    current=Signal::derive(move || values(false))
                    target=Signal::derive(move || values(true))
                />
                <span class="caption">{caption}</span>
            </button>
        </li>
    }
}

/// The actions falling due in quarter `q` (for today's quarter, also the earlier
/// ones not done).
#[component]
fn DueList(q: Quarter, today: Date) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = app.lang();
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            let index = a.catalogue.index(&a.custom_services);
            due_in(&a.plan, q, &today)
                .into_iter()
                .map(|d| DueRow {
                    name: index.get(d.service.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default(),
                    action: a.plan.get(&d.service).map(|i| i.action.clone()).unwrap_or_default(),
                    service: d.service.to_string(),
                    due: d.due.to_string(),
                    overdue: d.overdue,
                    done: d.done,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="roadmap-due" data-testid=format!("roadmap-due-{q}")>
            <h4>{q.to_string()}</h4>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.roadmap.due_none)}</p> }
            >
                <ul>
                    <For
                        each=move || rows.get()
                        key=|r| format!("{r:?}")
                        children=move |r| {
                            view! {
                                <li data-testid=format!("roadmap-due-item-{}", r.service) class:overdue=r.overdue>
                                    <strong>{format!("{} {}", r.service, r.name)}</strong>
                                    " "
                                    <span class="due">{move || (app.t().roadmap.due_on)(&r.due)}</span>
                                    {r
                                        .overdue
                                        .then(|| {
                                            view! { <span class="tag warn">{app.text(|t| t.roadmap.overdue)}</span> }
                                        })}
                                    {r.done.then(|| view! { <span class="tag">{app.text(|t| t.roadmap.done)}</span> })}
                                    {(!r.action.is_empty()).then(|| view! { <p class="action">{r.action.clone()}</p> })}
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
