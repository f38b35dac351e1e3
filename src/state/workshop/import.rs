//! Returned copies in: several files at once (read one after another, the
//! comparison waiting until all are read), the same content noticed, the same
//! assessor's other copy offered as a replacement.

use leptos::prelude::*;

use super::Workshop;
use crate::browser;
use crate::model::exchange::{self, Document, ImportError, MAX_BYTES};
use crate::model::workshop::{self, Intake};
use crate::model::{Assessment, AssessmentId};
use crate::state::{Alert, BrowserTask, Status};

/// A returned copy whose assessor already has one stored: replace it or keep both.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub incoming: Assessment,
    pub stored: AssessmentId,
    pub stored_name: String,
}

/// What one choice of files has done so far.
struct Batch {
    /// What is stored, read once for the whole choice of files (and kept up to date
    /// as copies are added, so a file chosen twice is noticed too).
    stored: Vec<(AssessmentId, Assessment)>,
    /// The copies to pick once every file is read.
    to_pick: Vec<AssessmentId>,
}

impl Workshop {
    /// Reads the returned copies the facilitator chose, one after another; the
    /// copies are picked together once all are read, and until then the view shows
    /// how far the reading is instead of a comparison of some of them.
    pub fn import_files(&self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        let this = *self;
        let total = files.len();
        self.reading.update(|r| {
            let (done, all) = r.unwrap_or((0, 0));
            *r = Some((done, all + total));
        });
        leptos::task::spawn_local(async move {
            let ids: Vec<AssessmentId> = this.library.stored_ids();
            let stored = ids.into_iter().filter_map(|id| this.library.stored(&id).map(|a| (id, a))).collect();
            let mut batch = Batch { stored, to_pick: Vec::new() };
            for file in files {
                let name = file.name();
                if file.size() as usize > MAX_BYTES {
                    let error = ImportError::TooLarge { bytes: file.size() as usize };
                    this.messages.fail(Alert::Import { file: name, error });
                } else {
                    match browser::read_file(&file).await {
                        Ok(bytes) => this.take_copy(name, &bytes, &mut batch),
                        Err(e) => this.messages.browser_failed(BrowserTask::ReadFile, e),
                    }
                }
                this.reading.update(|r| {
                    if let Some((done, _)) = r {
                        *done += 1;
                    }
                });
            }
            this.pick_all(&batch.to_pick, true);
            // The last choice of files still being read keeps the progress shown.
            this.reading.update(|r| {
                if r.is_some_and(|(done, all)| done >= all) {
                    *r = None;
                }
            });
        });
    }

    /// One returned copy: added, or noticed as already stored (same content), or
    /// offered as a replacement (same assessor, other content).
    fn take_copy(&self, file: String, bytes: &[u8], batch: &mut Batch) {
        match exchange::read_any(bytes) {
            Ok(Document::Assessment(a)) => self.take_assessment(*a, batch),
            // A backup of several copies: each member is taken like a file of its own.
            Ok(Document::Backup(contents)) => {
                for a in contents.members {
                    self.take_assessment(a, batch);
                }
                if let Some(damaged) = contents.damaged.into_iter().next() {
                    self.messages.fail(Alert::Import { file, error: damaged.error });
                }
            }
            Err(error) => self.messages.fail(Alert::Import { file, error }),
        }
    }

    fn take_assessment(&self, incoming: Assessment, batch: &mut Batch) {
        let refs: Vec<&Assessment> = batch.stored.iter().map(|(_, a)| a).collect();
        match workshop::intake(&refs, &incoming) {
            Intake::Identical(i) => {
                let (id, a) = &batch.stored[i];
                batch.to_pick.push(id.clone());
                self.messages.done(Status::AlreadyStored(a.name.clone()));
            }
            Intake::SameAssessor(i) => {
                let (id, a) = &batch.stored[i];
                let offer = Replacement { incoming, stored: id.clone(), stored_name: a.name.clone() };
                self.replacements.update(|r| r.push(offer));
            }
            Intake::New => {
                let name = incoming.name.clone();
                if let Some(id) = self.library.store_new(incoming.clone()) {
                    self.messages.done(Status::Imported(name));
                    batch.to_pick.push(id.clone());
                    batch.stored.push((id, incoming));
                }
            }
        }
    }

    /// Stores a copy as a new assessment and picks it (the active one stays active).
    fn add_copy(&self, copy: Assessment) -> Option<AssessmentId> {
        let id = self.library.store_new(copy)?;
        self.pick(&id, true);
        Some(id)
    }

    /// Settles a waiting replacement: `replace` moves the stored copy to the trash
    /// (restorable, with undo) and adds the new one, and says so; otherwise both are
    /// kept. The new copy is added even when the stored one has gone meanwhile.
    pub fn settle_replacement(&self, index: usize, replace: bool) {
        let Some(offer) = self.replacements.with_untracked(|r| r.get(index).cloned()) else { return };
        self.replacements.update(|r| {
            r.remove(index);
        });
        let this = *self;
        let new_name = offer.incoming.name.clone();
        if !replace {
            if self.add_copy(offer.incoming).is_some() {
                self.messages.done(Status::Imported(new_name));
            }
            return;
        }
        self.pick(&offer.stored, false);
        self.library.delete_then(&offer.stored, move |old| {
            if this.add_copy(offer.incoming).is_some() {
                this.messages.done(match old {
                    Some(old) => Status::Replaced { old, new: new_name },
                    None => Status::Imported(new_name),
                });
            }
        });
    }

    /// Drops a waiting replacement: the file is not added.
    pub fn skip_replacement(&self, index: usize) {
        self.replacements.update(|r| {
            if index < r.len() {
                r.remove(index);
            }
        });
    }
}
