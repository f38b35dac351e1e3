//! The radar of the nine categories, current against target (the `radar-categories`
//! hook), with the quick check's current estimate as a dashed series when there is one.

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
        app.library.summary().with(|s| {
            let catalogue = app.library.catalogue().get();
            let Some(s) = s else { return (Vec::new(), Vec::new(), Vec::new()) };
            let labels = s
                .categories
                .iter()
                .map(|c| catalogue.category(c.category).map_or_else(|| c.category.to_owned(), |d| d.axis_label(lang)))
                .collect();
            let (current, target) =
                mean_values(&s.categories.iter().map(|c| (c.current, c.target)).collect::<Vec<_>>());
            (labels, current, target)
        })
    });
    // The quick estimate beside the service-level means: shown once services are scored.
    let quick = Memo::new(move |_| {
        let catalogue = app.library.catalogue().get();
        app.library.current().with(|a| {
            let a = a.as_ref()?;
            let q = a.quick.as_ref().filter(|_| a.has_service_data())?;
            Some(q.per_category(catalogue).into_iter().map(|(_, c, _)| c.as_f64()).collect::<Vec<_>>())
        })
    });
    let radar = view! {
        <RadarChart
            testid="radar-categories"
            width=720
            height=480
            file_stem="x1060-categories"
            labels=Signal::derive(move || data.get().0)
            current=Signal::derive(move || data.get().1)
            target=Signal::derive(move || data.get().2)
            baseline=Signal::derive(move || quick.get())
            baseline_label=Signal::derive(move || app.t().quick.legend.to_owned())
        />
    };
    view! {
        <figure class="chart">
            <figcaption>{app.text(|t| t.dashboard.radar_heading)}</figcaption>
            {radar}
            <p class="hint">{app.text(|t| t.common.scale_note)}</p>
        </figure>
    }
}
