//! The room's figures (docs/room.md, "Figures"): how many participants, a radar of
//! the nine medians (current vs target, fixed 0..5), per category how many gave each
//! answer with the medians, and the categories with the largest gaps. The same
//! component draws the page and projector mode (`large`).

use leptos::prelude::*;

use crate::components::RadarChart;
use crate::model::aggregate::NO_VALUE;
use crate::model::catalogue::CatalogueDef;
use crate::model::room::{CategoryFigures, Distribution};
use crate::model::Rating;
use crate::state::{use_app, RoomState};

/// How many gaps are listed.
const GAPS_SHOWN: usize = 5;

#[component]
pub fn RoomFigures(
    /// Projector mode: large type, a larger radar drawn dark.
    large: bool,
) -> impl IntoView {
    let app = use_app();
    let room = expect_context::<RoomState>();
    let labels = Signal::derive(move || {
        let lang = app.lang();
        CatalogueDef::latest().categories.iter().map(|c| c.axis_label(lang)).collect::<Vec<_>>()
    });
    let medians = move |current: bool| {
        Signal::derive(move || {
            room.figures.with(|f| {
                f.iter()
                    .map(|c| if current { c.current.median() } else { c.target.median() })
                    .map(|m| m.map(|r| f64::from(r.value())))
                    .collect::<Vec<_>>()
            })
        })
    };
    let (width, height) = if large { (960, 600) } else { (720, 480) };
    view! {
        <div class="room-figures" class:large=large>
            <p class="room-count-line">
                <span class="label">{app.text(|t| t.room.count)}</span>
                " "
                <strong class="big" data-testid="room-count">
                    {move || room.count()}
                </strong>
            </p>
            <Show when=move || room.count() == 0>
                <p class="hint" data-testid="room-empty">
                    {app.text(|t| t.room.empty)}
                </p>
            </Show>
            <div class="room-grid">
                <figure class="chart">
                    <figcaption>{app.text(|t| t.room.radar_heading)}</figcaption>
                    <RadarChart
                        testid="room-radar"
                        width=width
                        height=height
                        file_stem="x1060-room"
                        labels=labels
                        current=medians(true)
                        target=medians(false)
                        dark=large
                    />
                </figure>
                <Gaps />
            </div>
            <section aria-labelledby="room-dist-heading">
                <h3 id="room-dist-heading">{app.text(|t| t.room.dist_heading)}</h3>
                <p class="hint">{app.text(|t| t.room.dist_explain)}</p>
                <div class="room-dist">
                    {move || room.figures.with(|f| f.iter().map(category_table).collect_view())}
                </div>
            </section>
        </div>
    }
}

/// One category: a row for current and one for target, the counts of 1..5, n/a and
/// no answer, and the median.
fn category_table(f: &CategoryFigures) -> impl IntoView {
    let app = use_app();
    let id = f.id;
    let title = move || CatalogueDef::latest().category(id).map_or_else(|| id.to_owned(), |c| c.title(app.lang()));
    let row = move |which: &'static str, d: Distribution| {
        let total = d.0.iter().sum::<usize>().max(1);
        let median = d.median().map_or_else(|| NO_VALUE.to_owned(), |r: Rating| r.value().to_string());
        let label = move || if which == "current" { app.t().col.current } else { app.t().col.target };
        view! {
            <tr data-testid=format!("room-dist-{which}-{id}") data-counts=d.data_counts()>
                <th scope="row">{label}</th>
                {d
                    .0
                    .iter()
                    .map(|&n| {
                        view! {
                            // The share in tenths, drawn as a bar behind the number (a
                            // class: the page's CSP allows no inline style).
                            <td class=format!("count s{}", (n * 10 + total / 2) / total)>{n}</td>
                        }
                    })
                    .collect_view()}
                <td class="median" data-testid=format!("room-median-{which}-{id}")>
                    {median}
                </td>
            </tr>
        }
    };
    view! {
        <table class="room-cat" data-testid=format!("room-category-{id}")>
            <caption>{title}</caption>
            <thead>
                <tr>
                    <td></td>
                    {(1..=5).map(|v| view! { <th scope="col">{v}</th> }).collect_view()}
                    <th scope="col">{app.text(|t| t.room.col_na)}</th>
                    <th scope="col">
                        <span aria-hidden="true">{NO_VALUE}</span>
                        <span class="visually-hidden">{app.text(|t| t.room.col_none)}</span>
                    </th>
                    <th scope="col">{app.text(|t| t.room.col_median)}</th>
                </tr>
            </thead>
            <tbody>{row("current", f.current)} {row("target", f.target)}</tbody>
        </table>
    }
}

/// The categories with both medians, largest gap first (the first few; equal gaps in
/// category order).
#[component]
fn Gaps() -> impl IntoView {
    let app = use_app();
    let room = expect_context::<RoomState>();
    let items = move || {
        let lang = app.lang();
        room.gaps.with(|gaps| {
            gaps.iter()
                .take(GAPS_SHOWN)
                .map(|g| {
                    let name = CatalogueDef::latest().category(g.id).map_or_else(|| g.id.to_owned(), |c| c.title(lang));
                    let text = (app.t().room.gap_item)(&name, g.current.value(), g.target.value(), g.gap());
                    view! { <li data-testid=format!("room-gap-{}", g.id)>{text}</li> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="room-gaps" aria-labelledby="room-gaps-heading">
            <h3 id="room-gaps-heading">{app.text(|t| t.room.gaps_heading)}</h3>
            {move || {
                let items = items();
                if items.is_empty() {
                    view! { <p class="hint">{app.text(|t| t.room.gaps_none)}</p> }.into_any()
                } else {
                    view! { <ol data-testid="room-gaps">{items}</ol> }.into_any()
                }
            }}
        </section>
    }
}
