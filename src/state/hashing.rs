//! A picked file fingerprinted in the page (docs/exchange-format.md, “Evidence”):
//! read in pieces, each fed to the SHA-256 [`Hasher`] and dropped, so a file of any
//! size is hashed without being held whole; the progress shows as it goes and the
//! reading can be cancelled. Only the digest is kept; the file is forgotten.

use leptos::prelude::*;

use crate::browser::{self, BrowserError};
use crate::model::{Fingerprint, Hasher};

/// Bytes read at a time.
const PIECE: u64 = 4 << 20;

/// A file being read: its name, the bytes read so far, and its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub file: String,
    pub done: u64,
    pub total: u64,
}

/// How a fingerprinting ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hashed {
    Done {
        file: String,
        digest: Fingerprint,
    },
    /// The browser could not read the file (it changed or vanished since it was picked).
    Failed {
        file: String,
        error: BrowserError,
    },
    Cancelled {
        file: String,
    },
}

/// One place a file is fingerprinted (the add form, or an item's check). Starting
/// again, or cancelling, stops the reading under way at its next piece.
#[derive(Clone, Copy)]
pub struct HashJob {
    reading: RwSignal<Option<Reading>>,
    outcome: RwSignal<Option<Hashed>>,
    /// Raised by every start and cancel: a reading goes on only while it is the latest.
    run: StoredValue<u64>,
}

impl Default for HashJob {
    fn default() -> Self {
        Self::new()
    }
}

impl HashJob {
    pub fn new() -> Self {
        HashJob { reading: RwSignal::new(None), outcome: RwSignal::new(None), run: StoredValue::new(0) }
    }

    /// The file being read (reactive); `None` when none is.
    pub fn reading(&self) -> Option<Reading> {
        self.reading.get()
    }

    pub fn running(&self) -> bool {
        self.reading.with(Option::is_some)
    }

    /// How the last reading ended (reactive).
    pub fn outcome(&self) -> Option<Hashed> {
        self.outcome.get()
    }

    /// Forgets the last outcome.
    pub fn clear(&self) {
        self.outcome.try_set(None);
    }

    /// Stops the reading under way; nothing is kept.
    pub fn cancel(&self) {
        let Some(Some(reading)) = self.reading.try_get_untracked() else { return };
        self.run.try_update_value(|r| *r += 1);
        self.reading.try_set(None);
        self.outcome.try_set(Some(Hashed::Cancelled { file: reading.file }));
    }

    /// Fingerprints `file`, stopping any reading under way.
    pub fn start(self, file: web_sys::File) {
        let Some(run) = self.run.try_update_value(|r| {
            *r += 1;
            *r
        }) else {
            return;
        };
        let (name, total) = browser::file_facts(&file);
        self.outcome.set(None);
        self.reading.set(Some(Reading { file: name.clone(), done: 0, total }));
        let current = move || self.run.try_get_value() == Some(run);
        leptos::task::spawn_local(async move {
            let mut hasher = Hasher::new();
            let read = browser::read_in_pieces(&file, PIECE, |piece, done, total| {
                if !current() {
                    return false;
                }
                hasher.update(piece);
                self.reading.try_set(Some(Reading { file: name.clone(), done, total }));
                true
            })
            .await;
            // The file is forgotten here: only the digest is kept.
            drop(file);
            if !current() {
                return;
            }
            let outcome = match read {
                Ok(_) => Hashed::Done { file: name, digest: hasher.finish() },
                Err(error) => Hashed::Failed { file: name, error },
            };
            self.reading.try_set(None);
            self.outcome.try_set(Some(outcome));
        });
    }
}
