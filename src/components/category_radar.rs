//! The radar of the nine categories, current against target (the `radar-categories` hook).

use leptos::prelude::*;

use crate::components::RadarChart;
use crate::model::Mean;
use crate::state::use_app;

fn mean_values(means: &[(Mean, Mean)]) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    means.iter().map(|(c, t)| (c.as_f64(), t.as_f64())).unzip()
}

#[component]
pub fn CategoryRadar() -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        let lang = app.lang();
        app.library.summary.with(|s| {
            let catalogue = app.library.catalogue.get();
            let Some(s) = s else { return (Vec::new(), Vec::new(), Vec::new()) };
            let labels = s
                .categories
                .iter()
                .map(|c| {
                    format!(
                        "{} {}",
                        c.category,
                        catalogue.category(c.category).map(|d| d.name.get(lang)).unwrap_or_default()
                    )
                })
                .collect();
            let (current, target) =
                mean_values(&s.categories.iter().map(|c| (c.current, c.target)).collect::<Vec<_>>());
            (labels, current, target)
        })
    });
    view! {
        <figure class="chart">
            <figcaption>{move || app.t().dashboard.radar_heading}</figcaption>
            <RadarChart
                testid="radar-categories"
                width=720
                height=480
                file_stem="x1060-categories"
                labels=Signal::derive(move || data.get().0)
                current=Signal::derive(move || data.get().1)
                target=Signal::derive(move || data.get().2)
            />
            <p class="hint">{move || app.t().common.scale_note}</p>
        </figure>
    }
}
