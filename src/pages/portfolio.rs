//! Service portfolio (X.1060 clause 9.4): current and target score of every
//! service in scope, with the standard's criterion for each score shown by the
//! service's sourcing, a note, and the service's evidence (components/evidence).

use leptos::prelude::*;

use crate::components::{
    field_label, score_choices, side_title, CategoryTitle, ChoiceSelect, EvidenceToggle, OpenEvidence, SourcingSelect,
};
use crate::model::catalogue::CategoryDef;
use crate::model::{Assessment, Score, ScoreSide, Sourcing};
use crate::state::{use_app, ServiceInfo};

#[component]
pub fn Portfolio() -> impl IntoView {
    let app = use_app();
    OpenEvidence::provide();
    let counts = move || app.library.summary().with(|s| s.as_ref().map(|s| s.counts).unwrap_or_default());
    view! {
        <section class="view" data-view="portfolio" aria-labelledby="view-heading">
            <h2 id="view-heading">{app.text(|t| t.nav.portfolio)}</h2>
            <p class="intro">{app.text(|t| t.portfolio.intro)}</p>
            <div class="progress" data-testid="portfolio-progress">
                <progress max=move || counts().in_scope.max(1) value=move || counts().assessed></progress>
                <span>{move || (app.t().portfolio.progress)(counts().assessed, counts().in_scope)}</span>
            </div>
            <CriteriaReference />
            <Show when=move || counts().in_scope == 0>
                <p class="empty">{app.text(|t| t.portfolio.empty_scope)}</p>
            </Show>
            {move || {
                app.library
                    .catalogue()
                    .get()
                    .categories
                    .iter()
                    .map(|c| view! { <PortfolioCategory category=c /> })
                    .collect_view()
            }}
        </section>
    }
}

#[component]
fn CriteriaReference() -> impl IntoView {
    let app = use_app();
    let table = move |sourcing: Sourcing| {
        let lang = app.lang();
        let t = app.t();
        let caption = match sourcing {
            Sourcing::Insource => t.portfolio.criteria_insource,
            Sourcing::Outsource => t.portfolio.criteria_outsource,
        };
        view! {
            <table class="criteria">
                <caption>{caption}</caption>
                <tbody>
                    {app
                        .library
                        .catalogue()
                        .get()
                        .criteria(sourcing)
                        .iter()
                        .map(|c| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        {match c.score {
                                            Score::Rated(r) => r.to_string(),
                                            Score::NotApplicable => t.portfolio.score_na.to_owned(),
                                        }}
                                    </th>
                                    <td>{c.text.get(lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <details class="legend">
            <summary>{app.text(|t| t.portfolio.criteria_summary)}</summary>
            <div class="criteria-pair">{move || table(Sourcing::Insource)} {move || table(Sourcing::Outsource)}</div>
        </details>
    }
}

#[component]
fn PortfolioCategory(category: &'static CategoryDef) -> impl IntoView {
    let app = use_app();
    let services = app.library.in_scope_of(category);
    view! {
        <Show when=move || services.with(|s| !s.is_empty())>
            <section class="category">
                <h3>
                    <CategoryTitle category=category />
                </h3>
                <div class="score-cards">
                    <For
                        each=move || services.get()
                        key=|s| s.id.clone()
                        children=move |s| view! { <ScoreCard service=s /> }
                    />
                </div>
            </section>
        </Show>
    }
}

#[component]
fn ScoreCard(service: ServiceInfo) -> impl IntoView {
    let app = use_app();
    let state = app.library.service_state(service.id.clone());
    let sourcing = Memo::new(move |_| state.get().sourcing);
    let name_service = service.clone();
    let picker_service = service.clone();
    let picker = move |which: ScoreSide| {
        let service = picker_service.clone();
        let id = service.id.clone();
        let testid = format!("{}-{}", which.code(), service.id);
        view! {
            <div class="score-field">
                <span class="score-label">{move || side_title(which, app.t())}</span>
                <ChoiceSelect
                    testid=testid
                    label=Signal::derive(field_label(service, move |t| side_title(which, t)))
                    choices=Signal::derive(move || score_choices(
                        app.library.catalogue().get(),
                        app.lang(),
                        app.t(),
                        sourcing.get(),
                    ))
                    selected=Signal::derive(move || which.get(&state.get()).map(Score::as_code).unwrap_or_default())
                    on_pick=Callback::new(move |v: String| {
                        let score = Score::from_code(&v);
                        app.library.edit_service(&id, move |s| which.set(s, score));
                    })
                />
                <p class="criterion">
                    {move || {
                        let score = which.get(&state.get())?;
                        let text = app.library.catalogue().get().criterion(sourcing.get()?, score)?;
                        Some(text.get(app.lang()))
                    }}
                </p>
            </div>
        }
    };
    let note_id = service.id.clone();
    let note_label = field_label(service.clone(), |t| t.col.note);
    let card_testid = format!("score-card-{}", service.id);
    let ask_testid = format!("portfolio-sourcing-{}", service.id);
    let ask_service = service.clone();
    let evidence_service = service.clone();
    let open_id = service.id.clone();
    let opened = OpenEvidence::from_context();
    view! {
        <article
            class="score-card"
            class:evidence-open=move || opened.is_some_and(|o| o.is_open(&open_id))
            data-testid=card_testid
        >
            <h4>
                <span class="sid">{service.id.to_string()}</span>
                " "
                {move || name_service.name(app.lang()).to_owned()}
            </h4>
            <Show when=move || sourcing.get().is_none()>
                <div class="ask-sourcing">
                    <p>{app.text(|t| t.portfolio.sourcing_first)}</p>
                    <SourcingSelect service=ask_service.clone() testid=ask_testid.clone() />
                </div>
            </Show>
            <Show when=move || sourcing.get().is_some()>
                <p class="sourcing-note">
                    {move || match sourcing.get() {
                        Some(Sourcing::Outsource) => {
                            let provider = state.get().provider;
                            if provider.is_empty() {
                                app.t().common.outsource.to_owned()
                            } else {
                                format!("{} ({provider})", app.t().common.outsource)
                            }
                        }
                        _ => app.t().common.insource.to_owned(),
                    }}
                </p>
            </Show>
            <div class="score-pair">{picker(ScoreSide::Current)} {picker(ScoreSide::Target)}</div>
            <label class="note-label">
                {app.text(|t| t.col.note)}
                <textarea
                    data-testid=format!("note-{}", note_id)
                    maxlength=Assessment::MAX_NOTE_CHARS
                    rows="2"
                    aria-label=note_label
                    prop:value=move || state.get().note
                    on:input:target=move |ev| {
                        let note = ev.target().value();
                        app.library.edit_service(&note_id, move |s| s.note = note.clone());
                    }
                ></textarea>
            </label>
            <EvidenceToggle service=evidence_service />
        </article>
    }
}
