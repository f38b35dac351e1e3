//! One category of the quick check: what it covers, who mostly does it, and the
//! current and target estimate with the X.1060 table 3 criterion shown.

use leptos::prelude::*;

use crate::components::{score_choices, side_title, sourcing_choices, CategoryTitle, Choice, ChoiceSelect};
use crate::model::catalogue::CategoryDef;
use crate::model::{CategoryId, Score, ScoreSide, Sourcing};
use crate::state::use_app;

#[component]
pub fn QuickCard(category: &'static CategoryDef, index: usize) -> impl IntoView {
    let app = use_app();
    let Ok(id) = CategoryId::parse(category.id) else { return ().into_any() };
    let estimate = Memo::new(move |_| {
        app.library
            .current()
            .with(|a| a.as_ref().and_then(|a| a.quick.as_ref()).map(|q| q.estimate(category.id)).unwrap_or_default())
    });
    let sourcing = Memo::new(move |_| estimate.get().sourcing);
    let title = move || category.title(app.lang());
    let sourcing_id = id.clone();
    let picker = move |which: ScoreSide| {
        let id = id.clone();
        let label = move || {
            let t = app.t();
            let what = side_title(which, t);
            format!("{}: {what}", title())
        };
        view! {
            <div class="score-field">
                <span class="score-label">{move || side_title(which, app.t())}</span>
                <ChoiceSelect
                    testid=format!("quick-{}-{}", which.code(), category.id)
                    label=Signal::derive(label)
                    choices=Signal::derive(move || score_choices(
                        app.library.catalogue().get(),
                        app.lang(),
                        app.t(),
                        sourcing.get(),
                    ))
                    selected=Signal::derive(move || which.get(&estimate.get()).map(Score::as_code).unwrap_or_default())
                    on_pick=Callback::new(move |v: String| {
                        let score = Score::from_code(&v);
                        app.library.edit_quick(&id, move |e| which.set(e, score));
                    })
                />
                <p class="criterion">
                    {move || {
                        let text = app
                            .library
                            .catalogue()
                            .get()
                            .criterion(sourcing.get()?, which.get(&estimate.get())?)?;
                        Some(text.get(app.lang()))
                    }}
                </p>
            </div>
        }
    };
    let who: Signal<Vec<Choice>> = Signal::derive(move || {
        let mut choices = sourcing_choices(app.t());
        if let Some(first) = choices.first_mut() {
            first.text = app.t().quick.who_unset.to_owned();
        }
        choices
    });
    view! {
        <li class="quick-card card" data-testid=format!("quick-card-{}", category.id)>
            <h3>
                <CategoryTitle category=category />
            </h3>
            <p class="hint">{move || app.t().quick.about.get(index).copied().unwrap_or_default()}</p>
            <div class="score-field">
                <span class="score-label">{app.text(|t| t.quick.who)}</span>
                <ChoiceSelect
                    testid=format!("quick-sourcing-{}", category.id)
                    label=Signal::derive(move || format!("{}: {}", title(), app.t().quick.who))
                    choices=who
                    selected=Signal::derive(move || sourcing.get().map(|s| s.as_str().to_owned()).unwrap_or_default())
                    on_pick=Callback::new(move |v: String| {
                        let s = Sourcing::parse(&v);
                        app.library.edit_quick(&sourcing_id, move |e| e.sourcing = s);
                    })
                />
            </div>
            <div class="score-pair">{picker(ScoreSide::Current)} {picker(ScoreSide::Target)}</div>
        </li>
    }
    .into_any()
}
