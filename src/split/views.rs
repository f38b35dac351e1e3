//! Every view but Home is a module of its own, fetched the first time the view opens:
//! one split point per view (`deferred_fn!`, see the module above), and
//! [`DeferredView`], which shows the loading line while the code arrives. When the app
//! opens on one of them, the page's loader fetches its module beside the main module
//! (scripts/boot.js, `preloadView`). What the everyday views (quick check, catalogue,
//! profile, portfolio, dashboard) share with other modules stays in the main module
//! (scripts/build-dist.sh EVERYDAY), so each opens with one fetch.
//!
//! Home stays in the main module: split too (measured in docs/wasm-split.md), starting
//! a quick check from Home with an assessment open crashed the app (a trap), which
//! no test had covered; `quick.test.mjs` now does.
//!
//! A load can fail (offline before the service worker had cached the module, or a new
//! release replaced the files while the page was open): the view then says so, keeps
//! every stored and unsaved datum untouched, and offers to try again.

use leptos::prelude::*;

use super::{deferred_fn, LoadFailed};
use crate::pages::{
    Catalogue, Dashboard, Evaluation, Plan, Portfolio, Profile, Quick, Report, Roadmap, RoomView, Workshop,
};
use crate::state::use_app;

/// The views fetched on first opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferred {
    Quick,
    Catalogue,
    Profile,
    Portfolio,
    Dashboard,
    Workshop,
    Evaluation,
    Plan,
    Roadmap,
    Report,
    Room,
}

impl Deferred {
    /// Builds the view, after fetching its code if need be.
    async fn load(self) -> Result<AnyView, LoadFailed> {
        match self {
            Self::Quick => quick().await,
            Self::Catalogue => catalogue().await,
            Self::Profile => profile().await,
            Self::Portfolio => portfolio().await,
            Self::Dashboard => dashboard().await,
            Self::Workshop => workshop().await,
            Self::Evaluation => evaluation().await,
            Self::Plan => plan().await,
            Self::Roadmap => roadmap().await,
            Self::Report => report().await,
            Self::Room => room().await,
        }
    }
}

deferred_fn!(quick: fn quick() -> AnyView { view! { <Quick/> }.into_any() });
deferred_fn!(catalogue: fn catalogue() -> AnyView { view! { <Catalogue/> }.into_any() });
deferred_fn!(profile: fn profile() -> AnyView { view! { <Profile/> }.into_any() });
deferred_fn!(portfolio: fn portfolio() -> AnyView { view! { <Portfolio/> }.into_any() });
deferred_fn!(dashboard: fn dashboard() -> AnyView { view! { <Dashboard/> }.into_any() });
deferred_fn!(workshop: fn workshop() -> AnyView { view! { <Workshop/> }.into_any() });
deferred_fn!(evaluation: fn evaluation() -> AnyView { view! { <Evaluation/> }.into_any() });
deferred_fn!(plan: fn plan() -> AnyView { view! { <Plan/> }.into_any() });
deferred_fn!(roadmap: fn roadmap() -> AnyView { view! { <Roadmap/> }.into_any() });
deferred_fn!(report: fn report() -> AnyView { view! { <Report/> }.into_any() });
deferred_fn!(room: fn room() -> AnyView { view! { <RoomView/> }.into_any() });

/// A deferred view: a loading line while its code arrives, then the view; if the code
/// does not arrive, an alert with a button that tries again.
#[component]
pub fn DeferredView(view: Deferred) -> impl IntoView {
    let app = use_app();
    let attempt = RwSignal::new(0u32);
    let content = move || {
        attempt.track();
        Suspend::new(async move {
            match view.load().await {
                Ok(built) => built,
                Err(LoadFailed) => {
                    app.nav.load_failed();
                    view! {
                        <div class="alert" role="alert" data-testid="view-load-failed">
                            <p>{app.text(|t| t.common.view_load_failed)}</p>
                            <button
                                type="button"
                                data-testid="view-load-retry"
                                on:click=move |_| attempt.update(|n| *n += 1)
                            >
                                {app.text(|t| t.common.retry)}
                            </button>
                            // After an update in another tab the old files are gone from
                            // the host and the cache: only the new release opens this view.
                            <button type="button" data-testid="view-load-reload" on:click=|_| crate::browser::reload()>
                                {app.text(|t| t.common.reload_app)}
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <Suspense fallback=move || {
            view! {
                <p class="loading" role="status" data-testid="view-loading">
                    {app.text(|t| t.common.view_loading)}
                </p>
            }
        }>{content}</Suspense>
    }
}
