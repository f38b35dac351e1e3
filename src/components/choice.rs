//! A labelled `<select>` whose option values are exchange-format codes, used for
//! every level, sourcing and score picker (the `level-{ID}`, `sourcing-{ID}`,
//! `current-{ID}` and `target-{ID}` hooks).

use leptos::prelude::*;

/// One option: the value written to the file (`""` for unset) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub text: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        Choice { value: value.into(), text: text.into() }
    }
}

#[component]
pub fn ChoiceSelect(
    /// The `data-testid` hook.
    #[prop(into)]
    testid: String,
    /// The accessible name (the visible column header is not a `<label>`).
    #[prop(into)]
    label: Signal<String>,
    /// The options, recomputed when the language changes.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// The selected value (`""` for unset).
    #[prop(into)]
    selected: Signal<String>,
    /// Called with the new value.
    on_pick: Callback<String>,
    #[prop(optional, into)] disabled: MaybeProp<bool>,
) -> impl IntoView {
    view! {
        <select
            data-testid=testid
            aria-label=move || label.get()
            disabled=move || disabled.get().unwrap_or(false)
            prop:value=move || selected.get()
            on:change:target=move |ev| on_pick.run(ev.target().value())
        >
            {move || {
                let current = selected.get();
                choices
                    .get()
                    .into_iter()
                    .map(|c| {
                        let is_selected = c.value == current;
                        view! {
                            <option value=c.value selected=is_selected>
                                {c.text}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}
