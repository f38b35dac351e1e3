//! The baseline and the compared state, picked from the snapshots.

use leptos::prelude::*;

use crate::model::Assessment;
use crate::state::use_app;

/// The `<option>` value of a snapshot: its label when no other snapshot shares it
/// (so a snapshot can be picked by label), else `#index`.
fn option_value(a: &Assessment, index: usize) -> String {
    let label = &a.snapshots[index].label;
    if a.snapshots.iter().filter(|s| &s.label == label).count() == 1 {
        label.clone()
    } else {
        format!("#{index}")
    }
}

fn index_of(a: &Assessment, value: &str) -> Option<usize> {
    (0..a.snapshots.len()).find(|i| option_value(a, *i) == value)
}

#[component]
pub fn Pickers(
    baseline: Memo<Option<usize>>,
    baseline_choice: RwSignal<Option<usize>>,
    compared_choice: RwSignal<Option<usize>>,
) -> impl IntoView {
    let app = use_app();
    let options = move |selected: Option<usize>, with_working: bool| {
        let t = app.t();
        app.library.current().with(|a| {
            let Some(a) = a else { return Vec::new() };
            let mut out = Vec::new();
            if with_working {
                out.push(
                    view! {
                        <option value="" selected=selected.is_none()>
                            {t.evaluation.working_state}
                        </option>
                    }
                    .into_any(),
                );
            }
            for i in a.snapshots_newest_first() {
                let s = &a.snapshots[i];
                out.push(
                    view! {
                        <option value=option_value(a, i) selected=selected == Some(i)>
                            {s.label.clone()}
                        </option>
                    }
                    .into_any(),
                );
            }
            out
        })
    };
    let pick =
        move |value: String| app.library.current().with_untracked(|a| a.as_ref().and_then(|a| index_of(a, &value)));
    view! {
        <div class="pickers">
            <div>
                <label for="baseline-select">{app.text(|t| t.evaluation.baseline)}</label>
                <select
                    id="baseline-select"
                    data-testid="baseline-select"
                    on:change:target=move |ev| baseline_choice.set(pick(ev.target().value()))
                >
                    {move || options(baseline.get(), false)}
                </select>
            </div>
            <div>
                <label for="compare-select">{app.text(|t| t.evaluation.compare_with)}</label>
                <select
                    id="compare-select"
                    data-testid="compare-select"
                    on:change:target=move |ev| compared_choice.set(pick(ev.target().value()))
                >
                    {move || options(compared_choice.get(), true)}
                </select>
            </div>
        </div>
        <Show when=move || baseline.get().is_none()>
            <p class="empty">{app.text(|t| t.evaluation.need_snapshot)}</p>
        </Show>
    }
}
