//! Portfolio evaluation (11.4): movement counts, the radar with the baseline
//! overlaid, the category deltas, the score changes per service, and the evidence
//! added or gone.

use leptos::prelude::*;

use super::changes::ReviewQuestions;
use super::evidence_changes::EvidenceChanges;
use crate::components::{DeltaTable, RadarChart, TableHead};
use crate::model::aggregate::NO_VALUE;
use crate::model::evaluation::{CategoryDelta, Movement, SnapshotComparison};
use crate::model::{Mean, Score};
use crate::state::use_app;

fn score_text(s: Option<Score>) -> String {
    s.map(Score::as_code).unwrap_or_else(|| NO_VALUE.to_owned())
}

/// Portfolio evaluation: category deltas (`delta-current-{C}`, `delta-target-{C}`),
/// movement counts, the radar with the baseline overlaid, and per-service changes.
#[component]
pub fn PortfolioChanges(comparison: Memo<Option<SnapshotComparison>>) -> impl IntoView {
    let app = use_app();
    let counts = move || comparison.with(|c| c.as_ref().map(|c| c.counts)).unwrap_or_default();
    let radar = move |pick: fn(&CategoryDelta) -> Mean| {
        Signal::derive(move || {
            comparison.with(|c| {
                c.as_ref().map(|c| c.categories.iter().map(|d| pick(d).as_f64()).collect()).unwrap_or_default()
            })
        })
    };
    let base = radar(|d| d.base_current);
    let labels = Signal::derive(move || {
        let lang = app.lang();
        app.library.catalogue().get().categories.iter().map(|c| c.axis_label(lang)).collect::<Vec<_>>()
    });
    let score_rows = move || {
        let lang = app.lang();
        let t = app.t();
        let custom = app.library.current().with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
        let index = app.library.catalogue().get().index(&custom);
        comparison.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.scores
                .iter()
                .map(|s| {
                    let name = index.get(s.service.as_str()).map(|r| r.name(lang).to_owned()).unwrap_or_default();
                    let movement = match s.movement {
                        Movement::Improved => t.evaluation.improved,
                        Movement::Worsened => t.evaluation.worsened,
                        Movement::Unchanged => t.evaluation.unchanged,
                        Movement::NotComparable => t.evaluation.not_comparable,
                    };
                    let signed = |d: Option<i8>| {
                        d.map(|d| if d > 0 { format!("+{d}") } else { d.to_string() })
                            .unwrap_or_else(|| NO_VALUE.to_owned())
                    };
                    view! {
                        <tr data-testid="score-change">
                            <th scope="row">{format!("{} {name}", s.service)}</th>
                            <td class="num">
                                {format!("{} → {}", score_text(s.current_from), score_text(s.current_to))}
                            </td>
                            <td class="num">{signed(s.current_delta)}</td>
                            <td class="num">
                                {format!("{} → {}", score_text(s.target_from), score_text(s.target_to))}
                            </td>
                            <td class="num">{signed(s.target_delta)}</td>
                            <td>{movement}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="eval-portfolio-heading" data-testid="eval-portfolio">
            <h3 id="eval-portfolio-heading">{app.text(|t| t.evaluation.eval_portfolio)}</h3>
            <ReviewQuestions questions=|t| t.evaluation.portfolio_questions />
            <p class="movement" data-testid="movement-counts">
                {move || {
                    let (c, t) = (counts(), app.t());
                    format!(
                        "{} {} · {} {} · {} {} · {} {}",
                        c.improved,
                        t.evaluation.improved,
                        c.worsened,
                        t.evaluation.worsened,
                        c.unchanged,
                        t.evaluation.unchanged,
                        c.not_comparable,
                        t.evaluation.not_comparable,
                    )
                }}
            </p>
            <div class="chart-and-table">
                <figure class="chart">
                    <RadarChart
                        testid="radar-evaluation"
                        width=720
                        height=480
                        file_stem="x1060-evaluation"
                        labels=labels
                        current=radar(|d| d.now_current)
                        target=radar(|d| d.now_target)
                        baseline=Signal::derive(move || Some(base.get()))
                    />
                </figure>
                <DeltaTable comparison=comparison />
            </div>
            <Show when=move || comparison.with(|c| c.as_ref().is_some_and(|c| !c.scores.is_empty()))>
                <table class="scores changes">
                    <TableHead columns=|t| vec![t.col.service, t.col.current, "Δ", t.col.target, "Δ", t.col.change] />
                    <tbody>{score_rows}</tbody>
                </table>
            </Show>
            <Show when=move || comparison.with(Option::is_some)>
                <EvidenceChanges comparison=comparison />
            </Show>
        </section>
    }
}
