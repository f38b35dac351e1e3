//! Report: one page for a board, printable to A4 (the print stylesheet in
//! `style/main.css` hides the app around it): organisation and date, overall and
//! category scores, the category radar, the largest gaps, the in-house/outsourced
//! split, the comparison with the newest snapshot when there is one, and the
//! roadmap (the next two quarters' projected means and the overdue actions), then the
//! scores that rest on no or stale evidence.

use leptos::prelude::*;

use crate::components::{CategoryRadar, DeltaTable, Gaps, RoadmapSummary, ScoreTable, SplitTable, UnbackedServices};
use crate::model::evaluation::compare;
use crate::state::use_app;

#[component]
pub fn Report() -> impl IntoView {
    let app = use_app();
    let field = move |f: fn(&crate::model::Assessment) -> String| {
        move || app.library.current().with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let baseline = Memo::new(move |_| {
        app.library.current().with(|a| {
            let a = a.as_ref()?;
            let i = a.newest_snapshot()?;
            let s = &a.snapshots[i];
            Some((
                format!("{} ({})", s.label, s.taken.date()),
                compare(a.catalogue, &a.custom_services, &s.services, &a.services),
            ))
        })
    });
    let comparison = Memo::new(move |_| baseline.with(|b| b.as_ref().map(|(_, c)| c.clone())));
    let overall = move |current: bool| {
        app.library
            .summary()
            .with(|s| s.as_ref().map(|s| if current { s.current.text() } else { s.target.text() }).unwrap_or_default())
    };
    view! {
        <article class="view report" data-view="report" aria-labelledby="report-title" data-testid="report">
            <div class="report-actions no-print">
                <button type="button" class="primary" data-testid="report-print" on:click=move |_| app.exports.print()>
                    {app.text(|t| t.report.print)}
                </button>
                <span class="hint">{app.text(|t| t.report.print_hint)}</span>
            </div>
            <header class="report-head">
                <h2 id="report-title">{app.text(|t| t.report.report_title)}</h2>
                <dl class="report-meta">
                    <dt>{app.text(|t| t.home.organisation_label)}</dt>
                    <dd data-testid="report-organisation">{field(|a| a.organisation.clone())}</dd>
                    <dt>{app.text(|t| t.home.name_label)}</dt>
                    <dd>{field(|a| a.name.clone())}</dd>
                    <dt>{app.text(|t| t.report.report_date)}</dt>
                    <dd>{field(|a| a.updated.as_ref().map(|u| u.date().to_owned()).unwrap_or_default())}</dd>
                    <dt>{app.text(|t| t.report.report_framework)}</dt>
                    <dd>{move || app.library.catalogue().get().title.get(app.lang())}</dd>
                </dl>
                <p class="report-overall">
                    <span>{app.text(|t| t.common.overall)}</span>
                    <span class="big">{move || overall(true)}</span>
                    <span class="muted">{move || format!("{} {}", app.t().col.target, overall(false))}</span>
                </p>
                {move || {
                    let quick = app
                        .library
                        .current()
                        .with(|a| a.as_ref().and_then(|a| a.quick.as_ref()).map(|q| q.overall()));
                    quick
                        .map(|(c, t)| {
                            let text = format!(
                                "{}: {} {} · {} {}",
                                app.t().quick.overall,
                                app.t().col.current,
                                c.text(),
                                app.t().col.target,
                                t.text(),
                            );
                            view! {
                                <p class="report-quick" data-testid="report-quick">
                                    {text}
                                </p>
                            }
                        })
                }}
            </header>
            <div class="report-grid">
                <CategoryRadar />
                <ScoreTable />
            </div>
            <div class="report-grid">
                <section class="report-baseline">
                    <h3>
                        {app.text(|t| t.report.report_compared)}
                        {move || baseline.with(|b| b.as_ref().map(|(label, _)| format!(": {label}")))}
                    </h3>
                    <Show
                        when=move || baseline.with(Option::is_some)
                        fallback=move || view! { <p class="empty">{app.text(|t| t.evaluation.no_snapshots)}</p> }
                    >
                        <DeltaTable comparison=comparison />
                    </Show>
                </section>
                <section class="report-split">
                    <h3>{app.text(|t| t.profile.split_heading)}</h3>
                    <SplitTable compact=true />
                </section>
            </div>
            <section class="report-gaps">
                <Gaps limit=6 />
            </section>
            <RoadmapSummary />
            <UnbackedServices />
        </article>
    }
}
