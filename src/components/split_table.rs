//! In-house and outsourced services per category (profile and report).

use leptos::prelude::*;

use crate::components::{category_title, TableHead};
use crate::state::use_app;

#[component]
pub fn SplitTable(
    /// Category letters only (for the one-page report).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let app = use_app();
    view! {
        <table class="counts" data-testid="profile-split">
            <caption>{app.text(|t| t.profile.split_heading)}</caption>
            <TableHead columns=|t| {
                vec![t.col.category, t.col.in_scope, t.col.insource, t.col.outsource, t.col.unassigned]
            } />
            <tbody>
                {move || {
                    let lang = app.lang();
                    let t = app.t();
                    app.library
                        .summary()
                        .with(|s| {
                            let Some(s) = s else { return Vec::new() };
                            let catalogue = app.library.catalogue().get();
                            let mut rows: Vec<_> = s
                                .categories
                                .iter()
                                .map(|c| {
                                    let label = if compact {
                                        c.category.to_owned()
                                    } else {
                                        category_title(catalogue, c.category, lang)
                                    };
                                    (label, c.category.to_owned(), c.counts)
                                })
                                .collect();
                            rows.push((t.col.total.to_owned(), "total".to_owned(), s.counts));
                            rows.into_iter()
                                .map(|(label, key, n)| {
                                    view! {
                                        <tr data-testid=format!("split-{key}")>
                                            <th scope="row">{label}</th>
                                            <td>{n.in_scope}</td>
                                            <td>{n.insource}</td>
                                            <td>{n.outsource}</td>
                                            <td>{n.sourcing_unset}</td>
                                        </tr>
                                    }
                                })
                                .collect::<Vec<_>>()
                        })
                }}
            </tbody>
        </table>
    }
}
