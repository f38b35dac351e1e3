//! Who said what, per service: disagreements first and marked, each assessor's
//! answer, and the merged value the facilitator can change, with a rationale.

use leptos::prelude::*;

use super::cells::{assessor_heads, level_text, score_text, sourcing_text};
use super::use_workshop;
use crate::components::{level_choices, score_choices, sourcing_choices, ChoiceSelect};
use crate::model::workshop::{Chosen, ServiceRow};
use crate::model::{Assessment, Level, Score, Sourcing};
use crate::state::use_app;

#[component]
pub fn ServicesTable() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    // Rebuilt only when the comparison changes, not on every decision.
    let rows = move || {
        workshop.comparison.with(|c| {
            let heads = assessor_heads(&c.labels);
            let body = c.rows_disagreements_first().map(|r| view! { <Row row=r.clone() /> }).collect_view();
            let count = (app.t().workshop.disagreements)(c.disagreement_count());
            view! {
                <p data-testid="workshop-disagreement-count">{count}</p>
                <div class="table-scroll">
                    <table class="who-said-what">
                        <thead>
                            <tr>
                                <th scope="col">{app.text(|t| t.col.service)}</th>
                                {heads}
                                <th scope="col">{app.text(|t| t.workshop.col_merged)}</th>
                                <th scope="col" class="no-print">
                                    {app.text(|t| t.workshop.col_rationale)}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <div class="card">
            <h3>{app.text(|t| t.workshop.services_heading)}</h3>
            {rows}
        </div>
    }
}

#[component]
fn Row(row: ServiceRow) -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let id = row.id.clone();
    let disagreement = row.disagreement.any();
    let undecided = row.proposal.undecided();
    let name = {
        let id = id.clone();
        move || {
            let lang = app.lang();
            workshop.comparison.with_untracked(|c| {
                c.catalogue.find(&c.custom, id.as_str()).map(|s| s.name(lang).to_owned()).unwrap_or_default()
            })
        }
    };
    let answers = row
        .states
        .iter()
        .map(|s| {
            let s = s.clone();
            let text = move || {
                let t = app.t();
                let catalogue = workshop.comparison.with_untracked(|c| c.catalogue);
                format!(
                    "{} · {} · {} → {}",
                    level_text(catalogue, app.lang(), &s),
                    sourcing_text(t, &s),
                    score_text(t, s.current),
                    score_text(t, s.target)
                )
            };
            view! { <td>{text}</td> }
        })
        .collect_view();
    let d = row.disagreement;
    let mark = move || {
        disagreement.then(|| {
            let t = &app.t().workshop;
            let fields: Vec<&str> = [
                (d.level, t.field_level),
                (d.sourcing, t.field_sourcing),
                (d.current, t.field_current),
                (d.target, t.field_target),
            ]
            .into_iter()
            .filter_map(|(on, f)| on.then_some(f))
            .collect();
            view! { <span class="badge-inline warn">{t.disagreement_mark} ": " {fields.join(", ")}</span> }
        })
    };
    let testid = if disagreement { "workshop-disagreement" } else { "workshop-row" };
    let rationale_id = id.clone();
    let rationale_label = {
        let id = id.clone();
        move || (app.t().workshop.rationale_label)(id.as_str())
    };
    view! {
        <tr data-testid=testid data-service=id.to_string() class:disagreement=disagreement>
            <th scope="row">
                <span class="id">{id.to_string()}</span>
                " "
                {name}
                " "
                {mark}
                {undecided.then(|| view! { <span class="badge-inline warn">{app.text(|t| t.workshop.tie)}</span> })}
            </th>
            {answers}
            <td>
                <Decision id=id.clone() />
            </td>
            <td class="no-print">
                <textarea
                    rows="2"
                    maxlength=Assessment::MAX_NOTE_CHARS
                    aria-label=rationale_label
                    data-testid=format!("workshop-rationale-{}", rationale_id)
                    prop:value=move || {
                        workshop.decisions.with(|d| d.rationale.get(rationale_id.as_str()).cloned().unwrap_or_default())
                    }
                    on:input:target={
                        let id = id.clone();
                        move |ev| workshop.set_rationale(&id, &ev.target().value())
                    }
                ></textarea>
            </td>
        </tr>
    }
}

/// The merged value's four pickers (`workshop-decide-{field}-{ID}`).
#[component]
fn Decision(id: crate::model::ServiceId) -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let state = {
        let id = id.clone();
        Memo::new(move |_| workshop.merged_state(&id).unwrap_or_default())
    };
    let catalogue = move || workshop.comparison.with_untracked(|c| c.catalogue);
    let pick = |set: fn(&mut Chosen, &str)| {
        let id = id.clone();
        Callback::new(move |v: String| workshop.decide(&id, |s| set(s, &v)))
    };
    let field = |name: &str| format!("workshop-decide-{name}-{id}");
    let label_id = id.clone();
    let label = move |f: fn(&crate::i18n::Texts) -> &'static str| {
        let id = label_id.clone();
        Signal::derive(move || format!("{} {}: {}", app.t().workshop.col_merged, id, f(app.t())))
    };
    view! {
        <div class="decision">
            <ChoiceSelect
                testid=field("level")
                label=label(|t| t.workshop.field_level)
                choices=Signal::derive(move || level_choices(catalogue(), app.lang(), app.t()))
                selected=Signal::derive(move || {
                    state.with(|s| s.level.map(Level::as_str).unwrap_or_default().to_owned())
                })
                on_pick=pick(|c, v| c.level = Some(Level::parse(v)))
            />
            <ChoiceSelect
                testid=field("sourcing")
                label=label(|t| t.workshop.field_sourcing)
                choices=Signal::derive(move || sourcing_choices(app.t()))
                selected=Signal::derive(move || {
                    state.with(|s| s.sourcing.map(Sourcing::as_str).unwrap_or_default().to_owned())
                })
                on_pick=pick(|c, v| c.sourcing = Some(Sourcing::parse(v)))
            />
            <ChoiceSelect
                testid=field("current")
                label=label(|t| t.workshop.field_current)
                choices=Signal::derive(move || score_choices(catalogue(), app.lang(), app.t(), None))
                selected=Signal::derive(move || state.with(|s| s.current.map(Score::as_code).unwrap_or_default()))
                on_pick=pick(|c, v| c.current = Some(Score::from_code(v)))
            />
            <ChoiceSelect
                testid=field("target")
                label=label(|t| t.workshop.field_target)
                choices=Signal::derive(move || score_choices(catalogue(), app.lang(), app.t(), None))
                selected=Signal::derive(move || state.with(|s| s.target.map(Score::as_code).unwrap_or_default()))
                on_pick=pick(|c, v| c.target = Some(Score::from_code(v)))
            />
        </div>
    }
}
