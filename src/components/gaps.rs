//! The services with the largest gaps (target − current), ranked.

use leptos::prelude::*;

use crate::components::TableHead;
use crate::model::aggregate::ranked_gaps;
use crate::state::use_app;

#[component]
pub fn Gaps(
    /// How many services to list.
    #[prop(default = 15)]
    limit: usize,
) -> impl IntoView {
    let app = use_app();
    let gaps = Memo::new(move |_| {
        app.library
            .current()
            .with(|a| a.as_ref().map(|a| ranked_gaps(a.catalogue, &a.custom_services, &a.services)).unwrap_or_default())
    });
    view! {
        <section aria-labelledby="gaps-heading">
            <h3 id="gaps-heading">{app.text(|t| t.dashboard.gaps_heading)}</h3>
            <Show
                when=move || !gaps.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{app.text(|t| t.dashboard.no_gaps)}</p> }
            >
                <table class="scores" data-testid="gaps-table">
                    <TableHead columns=|t| vec![t.col.service, t.col.level, t.col.current, t.col.target, t.col.gap] />
                    <tbody>
                        {move || {
                            let lang = app.lang();
                            let custom = app
                                .library
                                .current()
                                .with(|a| a.as_ref().map(|a| a.custom_services.clone()).unwrap_or_default());
                            let catalogue = app.library.catalogue().get();
                            gaps.get()
                                .into_iter()
                                .take(limit)
                                .map(|g| {
                                    let name = catalogue
                                        .find(&custom, &g.service)
                                        .map(|s| s.name(lang).to_owned())
                                        .unwrap_or_default();
                                    let level = catalogue.level(g.level).map(|l| l.name.get(lang)).unwrap_or_default();
                                    view! {
                                        <tr data-testid="gap-row">
                                            <th scope="row">{format!("{} {name}", g.service)}</th>
                                            <td>{level}</td>
                                            <td class="num">{g.current}</td>
                                            <td class="num">{g.target}</td>
                                            <td class="num">{format!("+{}", g.gap)}</td>
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
