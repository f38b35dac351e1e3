//! The repository of this tab: localStorage when the browser offers it, memory
//! otherwise (and the app says so). Only the state modules reach it.

use crate::storage::{KeyValueStore, MemoryStore, Repository};

pub(super) type Repo = Repository<Box<dyn KeyValueStore>>;

thread_local! {
    static REPO: (Repo, bool) = open_repository();
}

thread_local! {
    /// This tab, as the writer of the working entries it stores.
    static TAB: String = crate::browser::new_assessment_id().to_string();
}

fn open_repository() -> (Repo, bool) {
    let writer = tab_token();
    match crate::browser::LocalStore::open() {
        Ok(store) => (Repository::with_writer(Box::new(store) as Box<dyn KeyValueStore>, writer), true),
        Err(_) => (Repository::with_writer(Box::new(MemoryStore::default()) as Box<dyn KeyValueStore>, writer), false),
    }
}

/// The token this tab writes into the working entries it stores.
pub(super) fn tab_token() -> String {
    TAB.with(Clone::clone)
}

/// Runs `f` with the repository.
pub(super) fn with_repo<R>(f: impl FnOnce(&Repo) -> R) -> R {
    REPO.with(|(repo, _)| f(repo))
}

/// Whether changes outlive the tab (localStorage is available).
pub(super) fn is_persistent() -> bool {
    REPO.with(|(_, persistent)| *persistent)
}
