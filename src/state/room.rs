//! The room (docs/room.md): a study session's hand-ins gathered on the facilitator's
//! device, by paste, by opening hand-in links, or by the camera. The rules are in
//! `crate::model::room`; this keeps the room as the preference `room` (the model's
//! text, written on every change, read when the room view first opens) and holds what
//! the view says about the last addition.
//!
//! Made by the room view when it first opens (`AppState::room`), so this code is
//! fetched with the view. Bad input never changes the room: every piece is decoded
//! first and only hand-ins that read are added. A kept text that does not read is
//! left in storage as it is until the facilitator clears the room.

use leptos::prelude::*;

use super::repo::with_repo;
use super::{Alert, Library, Messages, Nav, Status, View};
use crate::model::room::{
    read_pasted, Added, CategoryFigures, Gap, HandIn, HandInError, Room, RoomFull, RoomReadError,
};
use crate::model::{Assessment, Lang, Timestamp};

/// The preference that keeps the room.
const PREF: &str = "room";

/// Why a hand-in was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    HandIn(HandInError),
    Full(RoomFull),
}

impl Why {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Why::HandIn(e) => e.message(lang),
            Why::Full(e) => e.message(lang),
        }
    }
}

/// A refused piece of pasted text, by the line it stood on, or a refused link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The line (from 1); `None` for a hand-in link opened in the browser.
    pub line: Option<usize>,
    pub why: Why,
}

/// What one addition did, hand-in by hand-in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub replaced: usize,
    pub same: usize,
    pub older: usize,
}

impl Tally {
    fn count(&mut self, added: Added) {
        match added {
            Added::New => self.new += 1,
            Added::Replaced => self.replaced += 1,
            Added::Same => self.same += 1,
            Added::Older => self.older += 1,
        }
    }
}

/// What the view says about the last thing done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Added(Tally),
    NothingPasted,
    Cleared,
    Restored,
    /// Another tab changed the room; this one follows.
    Elsewhere,
}

/// The kept text did not read: it stays in storage, untouched, until cleared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub text: String,
    pub error: RoomReadError,
}

#[derive(Clone, Copy)]
pub struct RoomState {
    room: RwSignal<Room>,
    /// Each category's figures, and the gaps, counted once per change of the room.
    pub figures: Memo<Vec<CategoryFigures>>,
    pub gaps: Memo<Vec<Gap>>,
    /// The room before the last clear, and the unreadable text then kept, if any.
    undo: RwSignal<Option<(Room, Option<Unreadable>)>>,
    /// What the last addition refused.
    pub refusals: RwSignal<Vec<Refusal>>,
    pub notice: RwSignal<Option<Notice>>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    library: Library,
    messages: Messages,
    nav: Nav,
}

impl RoomState {
    /// Made by the room view when it first opens: reads the kept room.
    pub fn new(library: Library, messages: Messages, nav: Nav) -> Self {
        let (room, unreadable) = match with_repo(|r| r.pref(PREF)) {
            None => (Room::new(), None),
            Some(text) => match Room::read(&text) {
                Ok(room) => (room, None),
                Err(error) => (Room::new(), Some(Unreadable { text, error })),
            },
        };
        let room = RwSignal::new(room);
        let figures = Memo::new(move |_| room.with(Room::figures));
        let gaps = Memo::new(move |_| room.with(Room::gaps));
        RoomState {
            room,
            figures,
            gaps,
            undo: RwSignal::new(None),
            refusals: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            unreadable: RwSignal::new(unreadable),
            library,
            messages,
            nav,
        }
    }

    /// How many participants (reactive).
    pub fn count(&self) -> usize {
        self.room.with(Room::len)
    }

    /// Adds every hand-in in pasted text; each piece that does not read is named by
    /// its line. Whether everything pasted was added (the text can then go).
    pub fn add_pasted(&self, text: &str) -> bool {
        let pieces = read_pasted(text);
        if pieces.is_empty() {
            self.refusals.set(Vec::new());
            self.notice.set(Some(Notice::NothingPasted));
            return false;
        }
        let pieces = pieces.into_iter().map(|p| (Some(p.line), p.result.map_err(Why::HandIn)));
        self.add_all(pieces.collect())
    }

    /// Adds the hand-in of an opened hand-in link (`#h=…`).
    pub fn add_link(&self, fragment: &str) {
        let result = crate::model::room::decode(fragment).map_err(Why::HandIn);
        self.add_all(vec![(None, result)]);
    }

    /// Adds a hand-in the camera read: what it did, or why not. Nothing is said in
    /// the paste's place (the camera acknowledges on its own).
    pub fn add_scanned(&self, text: &str) -> Result<Added, Why> {
        let handin = crate::model::room::decode(text).map_err(Why::HandIn)?;
        let mut added = Err(Why::Full(RoomFull { max: Room::MAX_PARTICIPANTS }));
        let mut changed = false;
        self.room.update(|room| {
            added = room.add(handin).map_err(Why::Full);
            changed = added.as_ref().is_ok_and(|a| a.changed());
        });
        if changed {
            self.save();
        }
        added
    }

    /// Adds the hand-ins that read, in one change of the room; the rest are refused.
    fn add_all(&self, pieces: Vec<(Option<usize>, Result<HandIn, Why>)>) -> bool {
        let mut room = self.room.get_untracked();
        let mut tally = Tally::default();
        let mut refusals = Vec::new();
        for (line, result) in pieces {
            match result.and_then(|h| room.add(h).map_err(Why::Full)) {
                Ok(added) => tally.count(added),
                Err(why) => refusals.push(Refusal { line, why }),
            }
        }
        if tally.new + tally.replaced > 0 {
            self.room.set(room);
            self.save();
        }
        let all = refusals.is_empty();
        self.refusals.set(refusals);
        self.notice.set((tally != Tally::default()).then_some(Notice::Added(tally)));
        all
    }

    /// Empties the room; [`RoomState::undo_clear`] puts it back.
    pub fn clear(&self) {
        let before = self.room.get_untracked();
        let unreadable = self.unreadable.get_untracked();
        self.undo.set(Some((before, unreadable)));
        self.unreadable.set(None);
        self.room.set(Room::new());
        self.refusals.set(Vec::new());
        self.save();
        self.notice.set(Some(Notice::Cleared));
    }

    /// Whether a clear can be undone (reactive).
    pub fn can_undo(&self) -> bool {
        self.undo.with(Option::is_some)
    }

    /// Puts back the room as it was before the last clear (hand-ins added since are
    /// kept too: adding is the same whatever the order).
    pub fn undo_clear(&self) {
        let Some((before, unreadable)) = self.undo.get_untracked() else { return };
        self.undo.set(None);
        let mut room = self.room.get_untracked();
        for handin in before.handins() {
            // Fewer participants than before the clear plus the new ones: a full room
            // keeps what it has.
            let _ = room.add(handin.clone());
        }
        self.room.set(room);
        match unreadable {
            Some(kept) => {
                // The text that did not read goes back as it was; nothing new is written over it.
                let text = kept.text.clone();
                self.unreadable.set(Some(kept));
                self.messages.report(with_repo(|r| r.set_pref(PREF, &text)).map_err(Alert::Storage));
            }
            None => self.save(),
        }
        self.notice.set(Some(Notice::Restored));
    }

    /// Another tab wrote the room: this tab shows what it wrote.
    pub fn follow_storage(&self, text: Option<String>) {
        let Some(text) = text else { return };
        if let Ok(room) = Room::read(&text) {
            if self.room.with_untracked(|r| *r != room) {
                self.room.set(room);
                self.unreadable.set(None);
                self.notice.set(Some(Notice::Elsewhere));
            }
        }
    }

    /// The room as CSV (docs/room.md, "CSV").
    pub fn csv(&self) -> String {
        self.room.with_untracked(Room::csv)
    }

    /// A new assessment whose quick check holds the room's medians, opened on its
    /// quick check.
    pub fn start_assessment(&self, name: String, now: Timestamp) {
        let mut assessment = Assessment::new_quick(name, "", now.clone());
        assessment.quick = Some(self.room.with_untracked(|r| r.to_quick(now)));
        let status = Status::Created(assessment.name.clone());
        self.library.add(assessment, status);
        if self.library.current().with_untracked(|a| a.as_ref().is_some_and(|a| a.quick.is_some())) {
            self.nav.show(View::Quick);
        }
    }

    /// Writes the room, unless the kept text did not read (it is left as it is).
    fn save(&self) {
        if self.unreadable.with_untracked(Option::is_some) {
            return;
        }
        let text = self.room.with_untracked(Room::write);
        self.messages.report(with_repo(|r| r.set_pref(PREF, &text)).map_err(Alert::Storage));
    }

    /// The storage key of the kept room (for other tabs' changes).
    pub fn storage_key() -> String {
        crate::storage::pref_key(PREF)
    }
}
