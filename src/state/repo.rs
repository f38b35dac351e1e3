//! The repository of this tab: localStorage when the browser offers it, memory
//! otherwise (and the app says so). Only the state modules reach it.

use crate::storage::{KeyValueStore, MemoryStore, Repository};

pub(super) type Repo = Repository<Box<dyn KeyValueStore>>;

thread_local! {
    static REPO: (Repo, bool) = open_repository();
}

fn open_repository() -> (Repo, bool) {
    match crate::browser::LocalStore::open() {
        Ok(store) => (Repository::new(Box::new(store) as Box<dyn KeyValueStore>), true),
        Err(_) => (Repository::new(Box::new(MemoryStore::default()) as Box<dyn KeyValueStore>), false),
    }
}

/// Runs `f` with the repository.
pub(super) fn with_repo<R>(f: impl FnOnce(&Repo) -> R) -> R {
    REPO.with(|(repo, _)| f(repo))
}

/// Whether changes outlive the tab (localStorage is available).
pub(super) fn is_persistent() -> bool {
    REPO.with(|(_, persistent)| *persistent)
}
