//! A QR code drawn as SVG (from `chart::qr`): black modules on white with the quiet
//! zone, one shape per module run, crisp at any size.

use leptos::prelude::*;

use crate::chart::qr::QrPath;

#[component]
pub fn QrCode(
    qr: QrPath,
    /// CSS classes besides `qr`.
    #[prop(optional)]
    class: &'static str,
    /// The `data-testid` hook.
    testid: &'static str,
    /// The accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let side = qr.size + 8;
    view! {
        <svg
            class=format!("qr {class}")
            data-testid=testid
            role="img"
            aria-label=move || label.get()
            viewBox=format!("-4 -4 {side} {side}")
            xmlns="http://www.w3.org/2000/svg"
            shape-rendering="crispEdges"
        >
            <rect x="-4" y="-4" width=side height=side fill="#fff" />
            <path d=qr.path fill="#000" />
        </svg>
    }
}
