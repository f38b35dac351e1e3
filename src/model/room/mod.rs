//! The room: a study session's quick checks gathered on the facilitator's device,
//! without a server (docs/room.md).
//!
//! - [`handin`]: one participant's answers as a short code or link ([`encode`],
//!   [`link`], [`decode`]) that fits a small QR code ([`qr`]).
//! - [`Room`]: the hand-ins by participant key, the last made winning whatever the
//!   order they are added in; its figures ([`figures`]), its CSV, and the text it is
//!   kept as in the browser ([`saved`]).

pub mod code;
pub mod error;
pub mod figures;
pub mod handin;
pub mod qr;
pub mod saved;

use std::cmp::Ordering;
use std::collections::BTreeMap;

pub use error::{HandInError, RoomFull, RoomReadError};
pub use figures::{CategoryFigures, Distribution, Gap};
pub use handin::{decode, encode, is_handin_fragment, link, HandIn, ParticipantKey, CATEGORIES};

/// What adding a hand-in did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// A participant not in the room yet.
    New,
    /// Replaced the participant's hand-in made earlier.
    Replaced,
    /// The very hand-in the room already holds (a QR code seen again): nothing changed.
    Same,
    /// The participant's hand-in in the room was made later: this one is ignored.
    Older,
}

impl Added {
    /// Whether the room changed.
    pub fn changed(self) -> bool {
        matches!(self, Added::New | Added::Replaced)
    }
}

/// The hand-ins of a study session, one per participant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Room {
    handins: BTreeMap<ParticipantKey, HandIn>,
}

impl Room {
    /// At most this many participants: a large lecture hall, several times over.
    pub const MAX_PARTICIPANTS: usize = 5_000;

    pub fn new() -> Self {
        Room::default()
    }

    /// Adds a hand-in: a new participant, or a replacement of the participant's
    /// hand-in when this one was made later ([`HandIn::order`]); an older one is
    /// ignored. Whatever the order hand-ins are added in, the room ends the same.
    ///
    /// Errors: [`RoomFull`] for a new participant when the room holds
    /// [`Room::MAX_PARTICIPANTS`]; the room is unchanged.
    pub fn add(&mut self, handin: HandIn) -> Result<Added, RoomFull> {
        if let Some(held) = self.handins.get_mut(&handin.key) {
            return Ok(match handin.order(held) {
                Ordering::Greater => {
                    *held = handin;
                    Added::Replaced
                }
                Ordering::Equal => Added::Same,
                Ordering::Less => Added::Older,
            });
        }
        if self.handins.len() >= Self::MAX_PARTICIPANTS {
            return Err(RoomFull { max: Self::MAX_PARTICIPANTS });
        }
        self.handins.insert(handin.key, handin);
        Ok(Added::New)
    }

    /// How many participants.
    pub fn len(&self) -> usize {
        self.handins.len()
    }

    pub fn is_empty(&self) -> bool {
        self.handins.is_empty()
    }

    /// Empties the room (keep a clone to undo).
    pub fn clear(&mut self) {
        self.handins.clear();
    }

    /// The hand-ins, in the order of their participant keys (random, so it tells
    /// nothing about who handed in when).
    pub fn handins(&self) -> impl Iterator<Item = &HandIn> {
        self.handins.values()
    }

    /// The room as CSV: one row per participant, numbered from 1 in the order of
    /// [`Room::handins`], with no key, time or name; then each category's sourcing,
    /// current and target as the exchange format writes them (docs/room.md, "CSV").
    /// UTF-8 with a byte order mark and CRLF, like the other CSV files.
    pub fn csv(&self) -> String {
        use crate::model::csv::csv_row;
        use crate::model::{Score, Sourcing};
        let mut header = vec!["participant".to_owned()];
        for id in CATEGORIES {
            header.extend(["sourcing", "current", "target"].map(|field| format!("{id}_{field}")));
        }
        let mut out = String::from('\u{feff}');
        out.push_str(&csv_row(&header.iter().map(String::as_str).collect::<Vec<_>>()));
        let score = |s: Option<Score>| s.map(Score::as_code).unwrap_or_default();
        for (row, handin) in self.handins().enumerate() {
            let mut cells = vec![(row + 1).to_string()];
            for a in &handin.answers {
                cells.push(a.sourcing.map(Sourcing::as_str).unwrap_or_default().to_owned());
                cells.push(score(a.current));
                cells.push(score(a.target));
            }
            out.push_str(&csv_row(&cells.iter().map(String::as_str).collect::<Vec<_>>()));
        }
        out
    }
}

/// One piece of pasted text and what it gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    /// The line it was on, from 1.
    pub line: usize,
    pub result: Result<HandIn, HandInError>,
}

/// Reads pasted text: codes or links separated by any white space, each decoded on
/// its own, with the line it stood on (for naming the refused ones).
pub fn read_pasted(text: &str) -> Vec<Pasted> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| line.split_whitespace().map(move |word| Pasted { line: i + 1, result: decode(word) }))
        .collect()
}
