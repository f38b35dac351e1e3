//! Code fetched on first use, all of the machinery in one place (docs/wasm-split.md).
//!
//! The release build (`scripts/build-dist.sh`) compiles with `--cfg x1060_split` and
//! cuts the wasm at each function declared by [`deferred_fn!`] into a module of its
//! own, which the page fetches (or takes from the service worker's cache) the first
//! time the function is called. Other builds (`cargo check`, `make dev`) have no such
//! modules; there the same functions simply run.
//!
//! - here: [`deferred_fn!`] and [`LoadFailed`], the error when a module does not arrive;
//! - `views`: the views fetched on first opening, and the loading line and retry;
//! - `lazy_state`: [`LazyState`], state that only such a view uses, made the first time
//!   it asks for it (so the code that makes it is in the view's module).
//!
//! Other split points: the CSV tools (components/csv_tools.rs) and the share link's
//! compression (pages/home/active.rs).

mod lazy_state;
mod views;

pub use lazy_state::LazyState;
pub use views::{Deferred, DeferredView};

/// The code of a view or action fetched on first use did not arrive (the loader logs
/// the details to the console). Nothing was changed.
#[derive(Debug, Clone, Copy)]
pub struct LoadFailed;

#[cfg(x1060_split)]
impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declares `async fn name(args) -> Result<T, LoadFailed>` whose body the release build
/// moves into the wasm module `module`, fetched the first time one of its functions is
/// called (several functions may share a module). Elsewhere (`--cfg x1060_split` unset:
/// `cargo check`, `make dev`) the same body runs directly and never fails.
///
/// ```ignore
/// deferred_fn!(share: fn share_link(app: AppState) -> Option<String> { app.exports.share_link() });
/// ```
macro_rules! deferred_fn {
    ($module:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        deferred_fn!($module: fn $name($($arg: $ty),*) -> () $body);
    };
    ($module:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(x1060_split)]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        #[allow(clippy::let_unit_value)]
        fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::LoadFailed> {
            let value: $ret = $body;
            Ok(value)
        }

        #[cfg(not(x1060_split))]
        #[allow(clippy::let_unit_value)]
        async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::LoadFailed> {
            let value: $ret = $body;
            Ok(value)
        }
    };
}
pub(crate) use deferred_fn;
