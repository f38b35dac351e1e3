//! State that only a view fetched on first use needs: made the first time that view
//! asks for it, so the code that makes it (and the model code it reaches) is in the
//! view's module and not in the first download, and owned by the app, so it outlives
//! the view (a switch to another view and back keeps it).

use leptos::prelude::*;

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
    pub(crate) fn new() -> Self {
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
