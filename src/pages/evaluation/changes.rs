//! Catalogue (11.2) and profile (11.3) evaluations: the services whose level or
//! sourcing changed between the baseline and the compared state.

use leptos::prelude::*;

use crate::components::TableHead;
use crate::i18n::Texts;
use crate::model::aggregate::NO_VALUE;
use crate::model::evaluation::{LevelChangeKind, SnapshotComparison, SourcingChangeKind};
use crate::model::{Assessment, Catalogue, Lang, Level, ServiceIndex, Sourcing};
use crate::state::use_app;

/// One line of a catalogue or profile evaluation: service, kind of change, before → after.
pub type ChangeRow = (String, &'static str, String);

/// Builds the rows of one evaluation.
pub type Rows = fn(&SnapshotComparison, &Assessment, Lang, &'static Texts) -> Vec<ChangeRow>;

fn level_name(catalogue: Catalogue, lang: Lang, level: Option<Level>) -> String {
    level.and_then(|l| catalogue.level(l)).map(|l| l.name.get(lang).to_owned()).unwrap_or_else(|| NO_VALUE.to_owned())
}

fn sourcing_name(t: &Texts, s: Option<Sourcing>, provider: &str) -> String {
    let name = match s {
        Some(Sourcing::Insource) => t.col.insource,
        Some(Sourcing::Outsource) => t.col.outsource,
        None => NO_VALUE,
    };
    if provider.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({provider})")
    }
}

fn service_label(index: &ServiceIndex<'_>, id: &str, lang: Lang) -> String {
    let name = index.get(id).map(|r| r.name(lang).to_owned()).unwrap_or_default();
    format!("{id} {name}")
}

/// Catalogue evaluation (11.2): services whose level changed, entered or left scope.
pub fn level_rows(c: &SnapshotComparison, a: &Assessment, lang: Lang, t: &'static Texts) -> Vec<ChangeRow> {
    let index = a.catalogue.index(&a.custom_services);
    c.levels
        .iter()
        .map(|l| {
            let kind = match l.kind {
                LevelChangeKind::EnteredScope => t.evaluation.entered_scope,
                LevelChangeKind::LeftScope => t.evaluation.left_scope,
                LevelChangeKind::Changed => t.evaluation.level_changed,
                LevelChangeKind::Other => t.evaluation.level_other,
            };
            let change = format!("{} → {}", level_name(a.catalogue, lang, l.from), level_name(a.catalogue, lang, l.to));
            (service_label(&index, l.service.as_str(), lang), kind, change)
        })
        .collect()
}

/// Profile evaluation (11.3): services moved between in-house and outsourced, providers changed.
pub fn sourcing_rows(c: &SnapshotComparison, a: &Assessment, lang: Lang, t: &'static Texts) -> Vec<ChangeRow> {
    let index = a.catalogue.index(&a.custom_services);
    c.sourcing
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SourcingChangeKind::Moved => t.evaluation.moved,
                SourcingChangeKind::Assigned => t.evaluation.assigned,
                SourcingChangeKind::Unassigned => t.evaluation.unassigned,
                SourcingChangeKind::ProviderChanged => t.evaluation.provider_changed,
            };
            let change =
                format!("{} → {}", sourcing_name(t, s.from, &s.provider_from), sourcing_name(t, s.to, &s.provider_to));
            (service_label(&index, s.service.as_str(), lang), kind, change)
        })
        .collect()
}

/// The review questions of one phase of the evaluation process.
#[component]
pub fn ReviewQuestions(questions: fn(&Texts) -> [&'static str; 2]) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="review-questions" data-testid="review-questions">
            <p class="hint">{app.text(|t| t.evaluation.review_questions)}</p>
            <ul>{move || questions(app.t()).into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
        </div>
    }
}

/// A section listing one kind of change (`data-testid` = `row_testid` on each row),
/// or "no changes".
#[component]
pub fn ChangeSection(
    comparison: Memo<Option<SnapshotComparison>>,
    /// The section's `data-testid`.
    testid: &'static str,
    heading: fn(&Texts) -> &'static str,
    questions: fn(&Texts) -> [&'static str; 2],
    rows: Rows,
    row_testid: &'static str,
) -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        let (lang, t) = (app.lang(), app.t());
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            comparison.with(|c| c.as_ref().map(|c| rows(c, a, lang, t)).unwrap_or_default())
        })
    });
    view! {
        <section data-testid=testid>
            <h3>{move || heading(app.t())}</h3>
            <ReviewQuestions questions=questions />
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.evaluation.no_changes)}</p> }
            >
                <table class="scores changes">
                    <TableHead columns=|t| vec![t.col.service, t.col.change]>
                        <th scope="col">{move || format!("{} → {}", app.t().col.before, app.t().col.after)}</th>
                    </TableHead>
                    <tbody>
                        {move || {
                            list.get()
                                .into_iter()
                                .map(|(service, kind, change)| {
                                    view! {
                                        <tr data-testid=row_testid>
                                            <th scope="row">{service}</th>
                                            <td>{kind}</td>
                                            <td>{change}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
