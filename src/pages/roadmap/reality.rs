//! Plan against reality (joining the management and evaluation processes): for each
//! quarter that ended between two snapshots, what the earlier snapshot's plan
//! projected for its end beside what the later snapshot holds, and the late actions.

use leptos::prelude::*;

use crate::components::TableHead;
use crate::model::roadmap::plan_against_reality;
use crate::model::{Assessment, Snapshot, SnapshotId};
use crate::state::use_app;

/// One quarter's row, as shown.
#[derive(Clone, Debug, PartialEq)]
struct CheckRow {
    quarter: String,
    projected: String,
    held: String,
    late: Vec<String>,
}

/// Snapshots that kept their plan, newest first.
fn with_plan(a: &Assessment) -> Vec<&Snapshot> {
    let mut list: Vec<&Snapshot> = a.snapshots.iter().filter(|s| s.plan.is_some()).collect();
    list.sort_by(|x, y| y.taken.cmp(&x.taken));
    list
}

/// Snapshots taken after `earlier`, newest first.
fn after<'a>(a: &'a Assessment, earlier: &Snapshot) -> Vec<&'a Snapshot> {
    let mut list: Vec<&Snapshot> = a.snapshots.iter().filter(|s| s.taken > earlier.taken).collect();
    list.sort_by(|x, y| y.taken.cmp(&x.taken));
    list
}

/// The pair shown: the picks where they still exist, else the newest snapshot and
/// the newest earlier one with a plan and a quarter's end between them.
fn pair(a: &Assessment, earlier: Option<SnapshotId>, later: Option<SnapshotId>) -> Option<(SnapshotId, SnapshotId)> {
    let earlier = earlier.and_then(|id| a.snapshot(id)).filter(|s| s.plan.is_some()).or_else(|| {
        with_plan(a)
            .into_iter()
            .find(|e| after(a, e).first().is_some_and(|l| !plan_against_reality(a, e, l).is_empty()))
    })?;
    let later = later
        .and_then(|id| a.snapshot(id))
        .filter(|l| l.taken > earlier.taken)
        .or_else(|| after(a, earlier).first().copied())?;
    Some((earlier.id, later.id))
}

#[component]
pub fn Reality() -> impl IntoView {
    let app = use_app();
    let earlier_pick = RwSignal::new(None::<SnapshotId>);
    let later_pick = RwSignal::new(None::<SnapshotId>);
    let shown =
        Memo::new(move |_| app.library.current().with(|a| pair(a.as_ref()?, earlier_pick.get(), later_pick.get())));
    let rows = Memo::new(move |_| {
        let lang = app.lang();
        let Some((e, l)) = shown.get() else { return Vec::new() };
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            let (Some(earlier), Some(later)) = (a.snapshot(e), a.snapshot(l)) else { return Vec::new() };
            let index = a.catalogue.index(&a.custom_services);
            plan_against_reality(a, earlier, later)
                .into_iter()
                .map(|c| CheckRow {
                    quarter: c.quarter.to_string(),
                    projected: c.projected.current.text(),
                    held: c.actual.current.text(),
                    late: c
                        .late
                        .iter()
                        .map(|id| {
                            let name = index.get(id.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                            format!("{id} {name}")
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let options = move |earlier_list: bool| {
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            let Some((e, l)) = shown.get() else {
                return with_plan(a).iter().map(|s| (s.id, s.label.clone(), false)).collect();
            };
            let list = if earlier_list { with_plan(a) } else { a.snapshot(e).map(|e| after(a, e)).unwrap_or_default() };
            let chosen = if earlier_list { e } else { l };
            list.iter().map(|s| (s.id, s.label.clone(), s.id == chosen)).collect::<Vec<_>>()
        })
    };
    let select = move |earlier_list: bool| {
        let testid = if earlier_list { "roadmap-reality-earlier" } else { "roadmap-reality-later" };
        let label = move || if earlier_list { app.t().roadmap.earlier_label } else { app.t().roadmap.later_label };
        view! {
            <label class="field">
                <span>{label}</span>
                <select
                    data-testid=testid
                    on:change:target=move |ev| {
                        let id = ev.target().value().parse().ok().map(SnapshotId);
                        if earlier_list { earlier_pick.set(id) } else { later_pick.set(id) }
                    }
                >
                    {move || {
                        options(earlier_list)
                            .into_iter()
                            .map(|(id, label, selected)| {
                                view! {
                                    <option value=id.to_string() selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    view! {
        <section class="roadmap-reality" data-testid="roadmap-reality">
            <h3>{app.text(|t| t.roadmap.reality_heading)}</h3>
            <p class="hint">{app.text(|t| t.roadmap.reality_explain)}</p>
            <div class="pickers">{select(true)} {select(false)}</div>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.roadmap.reality_none)}</p> }
            >
                <table class="services" data-testid="roadmap-reality-table">
                    <TableHead columns=|t| {
                        let r = &t.roadmap;
                        vec![r.col_quarter, r.col_projected, r.col_held, r.col_late]
                    } />
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|r| format!("{r:?}")
                            children=move |r| {
                                let late = if r.late.is_empty() { None } else { Some(r.late.join(", ")) };
                                view! {
                                    <tr data-testid=format!("roadmap-reality-{}", r.quarter)>
                                        <th scope="row">{r.quarter.clone()}</th>
                                        <td class="num" data-testid=format!("roadmap-reality-projected-{}", r.quarter)>
                                            {r.projected.clone()}
                                        </td>
                                        <td class="num" data-testid=format!("roadmap-reality-held-{}", r.quarter)>
                                            {r.held.clone()}
                                        </td>
                                        <td data-testid=format!(
                                            "roadmap-reality-late-{}",
                                            r.quarter,
                                        )>
                                            {move || {
                                                late.clone().unwrap_or_else(|| app.t().roadmap.late_none.to_owned())
                                            }}
                                        </td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
