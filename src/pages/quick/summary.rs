//! The quick check's overall figures and radar, fixed 0..5 like every chart.

use leptos::prelude::*;

use crate::components::RadarChart;
use crate::model::aggregate::NO_VALUE;
use crate::state::use_app;

#[component]
pub fn QuickSummary() -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        let catalogue = app.library.catalogue().get();
        app.library.current().with(|a| {
            let quick = a.as_ref().and_then(|a| a.quick.clone()).unwrap_or_default();
            let (current, target) = quick.overall();
            let per = quick.per_category(catalogue);
            (current, target, per)
        })
    });
    let labels = Signal::derive(move || {
        let lang = app.lang();
        app.library.catalogue().get().categories.iter().map(|c| c.axis_label(lang)).collect::<Vec<_>>()
    });
    let series = move |current: bool| {
        Signal::derive(move || {
            data.with(|(_, _, per)| {
                per.iter().map(|(_, c, t)| if current { c.as_f64() } else { t.as_f64() }).collect::<Vec<_>>()
            })
        })
    };
    let figure = move |current: bool| {
        data.with(|(c, t, _)| if current { c.display() } else { t.display() }).unwrap_or_else(|| NO_VALUE.to_owned())
    };
    view! {
        <section class="quick-summary card" aria-labelledby="quick-summary-heading">
            <h3 id="quick-summary-heading">{app.text(|t| t.quick.radar_heading)}</h3>
            <dl class="quick-overall">
                <dt>{move || format!("{} · {}", app.t().quick.overall, app.t().col.current)}</dt>
                <dd class="big" data-testid="quick-overall-current">
                    {move || figure(true)}
                </dd>
                <dt>{move || format!("{} · {}", app.t().quick.overall, app.t().col.target)}</dt>
                <dd class="big" data-testid="quick-overall-target">
                    {move || figure(false)}
                </dd>
            </dl>
            <figure class="chart">
                <RadarChart
                    testid="quick-radar"
                    width=720
                    height=480
                    file_stem="x1060-quick-check"
                    labels=labels
                    current=series(true)
                    target=series(false)
                />
                <p class="hint">{app.text(|t| t.common.scale_note)}</p>
            </figure>
        </section>
    }
}
