//! The room as kept in the facilitator's browser between visits (docs/room.md,
//! "Kept in the browser"): a small versioned JSON text holding each hand-in as its
//! code, so that reading it back runs every check of [`decode`]:
//!
//! ```json
//! {"format": "x1060-room", "version": 1, "handins": ["1…", "1…"]}
//! ```
//!
//! A text that is not such a document, holds more than [`Room::MAX_PARTICIPANTS`]
//! hand-ins, or any hand-in that does not read, is refused whole with the reason
//! ([`RoomReadError`]): showing part of a room would show figures nobody made.

use serde_json::{json, Value};

use super::{decode, encode, Room, RoomReadError};

/// The value of `format`.
pub const FORMAT: &str = "x1060-room";
/// The version written; later ones are refused (their meaning is unknown here).
pub const VERSION: u64 = 1;

impl Room {
    /// The text kept in the browser (see the module documentation).
    pub fn write(&self) -> String {
        let codes: Vec<String> = self.handins().map(encode).collect();
        json!({"format": FORMAT, "version": VERSION, "handins": codes}).to_string()
    }

    /// Reads [`Room::write`]'s text back, or says why not.
    pub fn read(text: &str) -> Result<Room, RoomReadError> {
        let value: Value = serde_json::from_str(text).map_err(|_| RoomReadError::NotJson)?;
        let doc = value.as_object().filter(|o| o.get("format") == Some(&Value::from(FORMAT)));
        let doc = doc.ok_or(RoomReadError::Foreign)?;
        match doc.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(version) if version > VERSION => return Err(RoomReadError::Newer { version }),
            _ => return Err(RoomReadError::Bad { path: "version".into() }),
        }
        let list = doc.get("handins").and_then(Value::as_array);
        let list = list.ok_or_else(|| RoomReadError::Bad { path: "handins".into() })?;
        if list.len() > Room::MAX_PARTICIPANTS {
            return Err(RoomReadError::TooMany { count: list.len(), max: Room::MAX_PARTICIPANTS });
        }
        let mut room = Room::new();
        for (index, code) in list.iter().enumerate() {
            let code = code.as_str().ok_or_else(|| RoomReadError::Bad { path: format!("handins[{index}]") })?;
            let handin = decode(code).map_err(|error| RoomReadError::HandIn { index, error })?;
            // At most MAX_PARTICIPANTS entries, so the room cannot be full here.
            room.add(handin).map_err(|_| RoomReadError::TooMany { count: list.len(), max: Room::MAX_PARTICIPANTS })?;
        }
        Ok(room)
    }
}
