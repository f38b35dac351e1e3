//! The quick check's hand-in (docs/room.md): the participant key is six random bytes
//! made once per quick check, and each new hand-in is made later than the last one.
//! Both are kept as the preference `handin.<assessment id>`, which holds the code of
//! the last hand-in made for that assessment: showing the card again with the same
//! answers shows the same code, and a changed answer makes a new code with the same
//! key and a larger ordering value.

use super::repo::with_repo;
use crate::browser;
use crate::model::room::{decode, encode, HandIn, ParticipantKey, CATEGORIES};
use crate::model::{AssessmentId, QuickCheck};

thread_local! {
    /// The last hand-in made in this tab, for when storage keeps nothing.
    static LAST: std::cell::RefCell<Option<(AssessmentId, HandIn)>> = const { std::cell::RefCell::new(None) };
}

fn pref_name(id: &AssessmentId) -> String {
    format!("handin.{id}")
}

/// The hand-in of `quick`, the active assessment `id`'s quick check: the last one
/// made when the answers are the same, else a new one (kept for next time).
pub fn current_handin(id: &AssessmentId, quick: &QuickCheck) -> HandIn {
    let name = pref_name(id);
    let last = with_repo(|r| r.pref(&name))
        .and_then(|code| decode(&code).ok())
        .or_else(|| LAST.with(|l| l.borrow().as_ref().filter(|(held, _)| held == id).map(|(_, h)| h.clone())));
    let answers = CATEGORIES.map(|c| quick.estimate(c));
    if let Some(last) = last.as_ref().filter(|h| h.answers == answers) {
        return last.clone();
    }
    let key = last.as_ref().map_or_else(|| ParticipantKey::from_bytes(browser::random_bytes()), |h| h.key);
    let made = HandIn::made_at(&browser::now(), last.as_ref().map(|h| h.made));
    let handin = HandIn { key, made, answers };
    // Storage full or off: this tab still remembers it (the code shown is right
    // either way; only a reload would then make a new key).
    let _ = with_repo(|r| r.set_pref(&name, &encode(&handin)));
    LAST.with(|l| *l.borrow_mut() = Some((id.clone(), handin.clone())));
    handin
}
