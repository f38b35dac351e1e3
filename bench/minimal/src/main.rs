//! The smallest Leptos 0.8 CSR page: a heading and a button counter. `make bench`
//! compares the app's start-up time with this page's.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0u32);
    view! {
        <main>
            <h1>"Minimal Leptos page"</h1>
            <button type="button" data-testid="counter" on:click=move |_| count.update(|n| *n += 1)>
                "Clicked " {move || count.get()} " times"
            </button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
