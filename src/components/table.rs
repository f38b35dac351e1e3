//! Pieces every table of the app shares: the row of column heads, and the cells
//! of a number or a score.

use leptos::prelude::*;

use crate::i18n::Texts;
use crate::model::aggregate::NO_VALUE;
use crate::model::Score;
use crate::state::use_app;

/// The plain heads of a table's columns, picked from the texts of the current
/// language: `|t| vec![t.col.service, t.col.level]`.
pub type Columns = fn(&'static Texts) -> Vec<&'static str>;

/// A table's column heads, `<thead><tr><th scope="col">…</th>…</tr></thead>`, in the
/// current language; heads that are not one plain text (a hidden label, a column
/// shown only sometimes, one per assessor) follow as children, and more plain heads
/// may follow those.
#[component]
pub fn TableHead(
    /// The plain heads, in order.
    columns: Columns,
    /// Further heads, after the plain ones.
    #[prop(optional)]
    children: Option<Children>,
    /// Plain heads after those.
    #[prop(optional)]
    after: Option<Columns>,
) -> impl IntoView {
    let app = use_app();
    let plain = move |columns: Columns| {
        move || columns(app.t()).into_iter().map(|text| view! { <th scope="col">{text}</th> }).collect_view()
    };
    view! {
        <thead>
            <tr>{plain(columns)} {children.map(|c| c())} {after.map(plain)}</tr>
        </thead>
    }
}

/// A number cell with its test hook: `<td class="num" data-testid=…>`.
#[component]
pub fn NumCell(
    /// The `data-testid`.
    testid: String,
    children: Children,
) -> impl IntoView {
    view! {
        <td class="num" data-testid=testid>
            {children()}
        </td>
    }
}

/// A service's score as its code (`3`, `N/A`), or a dash when there is none.
#[component]
pub fn ScoreCell(score: Option<Score>) -> impl IntoView {
    view! { <td class="num">{score.map(Score::as_code).unwrap_or_else(|| NO_VALUE.to_owned())}</td> }
}
