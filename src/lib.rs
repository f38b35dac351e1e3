//! A browser-only self-assessment for ITU-T X.1060 / JT-X1060, the framework for
//! building and running a cyber defence centre.
//!
//! Layers, with arrows pointing one way: [`model`] (pure domain) ← [`chart`],
//! [`scan`], [`storage`] ← `browser`, `state` ← `components` ← `pages` ← `app`. Everything from
//! `browser` up is only compiled for the web (wasm32); the model, the chart geometry
//! and the storage logic are tested natively with `cargo test`.

pub mod chart;
pub mod model;
pub mod scan;
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod split;
#[cfg(target_arch = "wasm32")]
mod state;

/// Mounts the app on the page (called by `main`). A panic ends in a trap, which the
/// page's crash notice (public/crash.js) turns into a notice offering the stored data
/// for download. The release build aborts at once (no hook, no message: smaller code);
/// other builds log the message to the console and leave it for the notice first.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::note_panic(&info.to_string());
    }));
    // Lets an end-to-end test check the crash notice, in a build made for it only.
    // The address is cleared first, so the reload the notice advises starts cleanly.
    #[cfg(feature = "crash-test")]
    if browser::location_hash() == "#x1060-panic-test" {
        browser::clear_hash(None);
        panic!("panic requested by #x1060-panic-test");
    }
    // And a crash later, in an event handler (`#x1060-panic-later`).
    #[cfg(feature = "crash-test")]
    let _ = leptos::prelude::window_event_listener(leptos::ev::hashchange, |_| {
        if browser::location_hash() == "#x1060-panic-later" {
            browser::clear_hash(None);
            panic!("panic requested by #x1060-panic-later");
        }
    });
    leptos::mount::mount_to_body(app::App);
}
