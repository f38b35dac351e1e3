//! Code fetched on first use (the release build splits the wasm: src/lazy_views.rs,
//! docs/wasm-split.md): the error when it does not arrive, and state that only such a
//! view uses, (src/lazy_views.rs): made the
//! first time that view asks for it, so the code that makes it (and the model code it
//! reaches) is in the view's module and not in the first download, and owned by the
//! app, so it outlives the view (a switch to another view and back keeps it).

use leptos::prelude::*;

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
        fn $name($($arg: $ty),*) -> Result<$ret, $crate::state::LoadFailed> {
            let value: $ret = $body;
            Ok(value)
        }

        #[cfg(not(x1060_split))]
        #[allow(clippy::let_unit_value)]
        async fn $name($($arg: $ty),*) -> Result<$ret, $crate::state::LoadFailed> {
            let value: $ret = $body;
            Ok(value)
        }
    };
}
pub(crate) use deferred_fn;

/// A slot for a state handle `T`, empty until the view that needs it first opens.
pub struct LazyState<T: 'static> {
    slot: StoredValue<Option<T>, LocalStorage>,
    /// The app's owner: what the state's signals and memos belong to.
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl<T> Clone for LazyState<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for LazyState<T> {}

impl<T: Copy + 'static> LazyState<T> {
    /// An empty slot owned by the current owner (the app's, when called by `AppState::load`).
    pub(super) fn new() -> Self {
        LazyState { slot: StoredValue::new_local(None), owner: StoredValue::new_local(Owner::current()) }
    }

    /// The state, made by `make` under the app's owner if this is the first call.
    pub fn get_or_init(&self, make: impl FnOnce() -> T) -> T {
        if let Some(state) = self.slot.get_value() {
            return state;
        }
        let state = match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        };
        self.slot.set_value(Some(state));
        state
    }
}
