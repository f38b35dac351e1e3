//! A hand-in: one participant's quick check answers, as a short code that fits a
//! small QR code (docs/room.md describes the format character by character).
//!
//! The model never draws random numbers nor reads the clock: the caller gives the
//! participant key (random bytes made once per quick check) and the ordering value
//! ([`HandIn::made_at`]). A code is untrusted input: [`decode`] checks the length
//! before any work, never panics, and says why a text is refused ([`HandInError`]).

use std::cmp::Ordering;
use std::fmt;

use super::code::{check_symbols, letter, symbol, BitReader, BitWriter};
use super::HandInError;
use crate::model::share;
use crate::model::{QuickCheck, QuickEstimate, Rating, Score, Sourcing, Timestamp};

/// The categories a hand-in carries, in the order they are written (those of X.1060).
pub const CATEGORIES: [&str; 9] = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];

/// The key that starts a hand-in fragment: a link is `<app address>#h=<code>`.
pub const FRAGMENT_KEY: &str = "h=";

/// The format version this app writes, the first character of a code.
pub const VERSION: u8 = 1;

/// Characters of a version-1 code: the version, 29 of data, 3 of check.
pub const CODE_CHARS: usize = 33;

/// The longest text [`decode`] reads (a link with the app's address), in characters;
/// anything longer is refused before any decoding work.
pub const MAX_TEXT_CHARS: usize = 2_048;

/// Seconds from the Unix epoch to 2020-01-01T00:00:00Z, the origin of [`HandIn::made`].
const EPOCH_2020: i64 = 1_577_836_800;

/// Bits of each field of a version-1 code.
const KEY_BITS: u32 = 48;
const MADE_BITS: u32 = 32;
const ANSWER_BITS: u32 = 65;

/// The values one category's answer can take: sourcing (3) × current (7) × target (7).
const ANSWER_VALUES: u128 = 147;

/// A participant's random key, made once per quick check (48 bits; never a name).
/// Two participants with the same answers are told apart by it; the same key again is
/// the same participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParticipantKey(u64);

impl ParticipantKey {
    /// The key made of six random bytes (the caller draws them).
    pub fn from_bytes(bytes: [u8; 6]) -> Self {
        ParticipantKey(bytes.iter().fold(0, |acc, &b| acc << 8 | u64::from(b)))
    }

    /// The key's 48 bits.
    pub fn value(self) -> u64 {
        self.0
    }
}

impl fmt::Display for ParticipantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:012x}", self.0)
    }
}

/// One participant's answers as handed in to the room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandIn {
    /// Who handed it in (see [`ParticipantKey`]).
    pub key: ParticipantKey,
    /// Orders one participant's hand-ins: the larger was made later, and wins. The
    /// app writes [`HandIn::made_at`]; any number that grows with each hand-in of the
    /// same quick check works.
    pub made: u32,
    /// The answers for [`CATEGORIES`], in that order.
    pub answers: [QuickEstimate; 9],
}

impl HandIn {
    /// The hand-in of the quick check's answers for [`CATEGORIES`] (others are not
    /// carried).
    pub fn new(key: ParticipantKey, made: u32, quick: &QuickCheck) -> Self {
        HandIn { key, made, answers: CATEGORIES.map(|id| quick.estimate(id)) }
    }

    /// The ordering value for a hand-in made at `now`: seconds since
    /// 2020-01-01T00:00:00Z, and always more than `previous` (the last one this quick
    /// check made, if known), so that a clock set back never makes a later hand-in lose.
    pub fn made_at(now: &Timestamp, previous: Option<u32>) -> u32 {
        let seconds = (now.unix_millis().div_euclid(1000) - EPOCH_2020).clamp(0, i64::from(u32::MAX));
        let seconds = u32::try_from(seconds).unwrap_or(u32::MAX);
        match previous {
            Some(p) if p >= seconds => p.saturating_add(1),
            _ => seconds,
        }
    }

    /// The answer for a category of [`CATEGORIES`] (blank for any other id).
    pub fn answer(&self, category: &str) -> QuickEstimate {
        CATEGORIES.iter().position(|&c| c == category).map(|i| self.answers[i].clone()).unwrap_or_default()
    }

    /// Which of two hand-ins of the same participant wins: the one made later; on the
    /// same ordering value, the one with the larger answer number (docs/room.md), so
    /// that the result never depends on which was added first.
    pub fn order(&self, other: &HandIn) -> Ordering {
        self.made.cmp(&other.made).then_with(|| answer_number(&self.answers).cmp(&answer_number(&other.answers)))
    }
}

/// The code of a hand-in: 33 characters of Crockford base32 (docs/room.md).
pub fn encode(handin: &HandIn) -> String {
    let mut w = BitWriter::default();
    w.push(u128::from(VERSION), 5);
    w.push(u128::from(handin.key.0), KEY_BITS);
    w.push(u128::from(handin.made), MADE_BITS);
    w.push(answer_number(&handin.answers), ANSWER_BITS);
    let mut symbols = w.finish();
    symbols.extend(check_symbols(&symbols));
    symbols.into_iter().map(letter).collect()
}

/// The hand-in link: `base_url` (the app's address; any fragment it has is dropped),
/// then `#h=` and the code. The fragment is never sent to a server.
pub fn link(base_url: &str, handin: &HandIn) -> String {
    let base = base_url.split_once('#').map_or(base_url, |(before, _)| before);
    format!("{base}#{FRAGMENT_KEY}{}", encode(handin))
}

/// Whether a page address's fragment (with or without its `#`) is a hand-in.
pub fn is_handin_fragment(fragment: &str) -> bool {
    strip_key(fragment.trim_start_matches('#')).is_some()
}

/// Reads a hand-in from a code or a link: white space around it and either case are
/// accepted, and `-` anywhere in the code is ignored (for codes shown in groups). A
/// link may have any address; the code is in its fragment after `h=`.
///
/// Checks, in order: the length ([`HandInError::TooLong`]); the fragment, when there
/// is one (a share link is [`HandInError::OtherFormat`], anything else but `h=` is
/// [`HandInError::NotAHandIn`]); the characters and the version; then the check value
/// and the fields ([`HandInError::Damaged`]). A later version whose check value is
/// right is [`HandInError::Newer`].
pub fn decode(text: &str) -> Result<HandIn, HandInError> {
    let text = text.trim();
    // Bytes are never fewer than characters: count characters only when it matters.
    if text.len() > MAX_TEXT_CHARS {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(HandInError::TooLong { chars, max: MAX_TEXT_CHARS });
        }
    }
    let fragment = text.split_once('#').map(|(_, after)| after);
    if share::is_share_fragment(fragment.unwrap_or(text)) {
        return Err(HandInError::OtherFormat);
    }
    let (code, in_link) = match (fragment, strip_key(fragment.unwrap_or(text))) {
        (_, Some(code)) => (code, true),
        (Some(_), None) => return Err(HandInError::NotAHandIn),
        (None, None) => (text, false),
    };
    // What a bare text must look like to be taken for a damaged code rather than
    // something else: code characters only, a digit first, about a code's length.
    let foreign = if in_link { HandInError::Damaged } else { HandInError::NotAHandIn };
    let symbols: Option<Vec<u8>> = code.chars().filter(|&c| c != '-').map(symbol).collect();
    let symbols = symbols.ok_or_else(|| foreign.clone())?;
    let version = symbols.first().copied().ok_or_else(|| foreign.clone())?;
    if !(1..=9).contains(&version) || (!in_link && !(16..=64).contains(&symbols.len())) {
        return Err(foreign);
    }
    if symbols.len() < 5 {
        return Err(HandInError::Damaged);
    }
    let (data, check) = symbols.split_at(symbols.len() - 3);
    if check_symbols(data) != check {
        return Err(HandInError::Damaged);
    }
    if version != VERSION {
        return Err(HandInError::Newer { version });
    }
    if symbols.len() != CODE_CHARS {
        return Err(HandInError::Damaged);
    }
    read_fields(&data[1..]).ok_or(HandInError::Damaged)
}

/// The fields of a version-1 code after its version character.
fn read_fields(data: &[u8]) -> Option<HandIn> {
    let mut r = BitReader::new(data);
    let key = u64::try_from(r.take(KEY_BITS)?).ok()?;
    let made = u32::try_from(r.take(MADE_BITS)?).ok()?;
    let mut number = r.take(ANSWER_BITS)?;
    if number >= ANSWER_VALUES.pow(9) {
        return None;
    }
    let mut answers: [QuickEstimate; 9] = Default::default();
    for answer in answers.iter_mut().rev() {
        *answer = answer_of((number % ANSWER_VALUES) as u8)?;
        number /= ANSWER_VALUES;
    }
    Some(HandIn { key: ParticipantKey(key), made, answers })
}

/// The rest of a fragment after `h=` (either case), if it starts so.
fn strip_key(fragment: &str) -> Option<&str> {
    let key = fragment.get(..FRAGMENT_KEY.len())?;
    key.eq_ignore_ascii_case(FRAGMENT_KEY).then(|| &fragment[FRAGMENT_KEY.len()..])
}

/// The nine answers as one number: category A's value most significant, base 147.
fn answer_number(answers: &[QuickEstimate; 9]) -> u128 {
    answers.iter().fold(0, |acc, a| acc * ANSWER_VALUES + u128::from(answer_value(a)))
}

/// One category's answer as 0..146: sourcing × 49 + current × 7 + target.
fn answer_value(a: &QuickEstimate) -> u8 {
    let sourcing = match a.sourcing {
        None => 0,
        Some(Sourcing::Insource) => 1,
        Some(Sourcing::Outsource) => 2,
    };
    sourcing * 49 + score_value(a.current) * 7 + score_value(a.target)
}

/// A score as 0 (unset), 1..5, or 6 (n/a).
fn score_value(score: Option<Score>) -> u8 {
    match score {
        None => 0,
        Some(Score::Rated(r)) => r.value(),
        Some(Score::NotApplicable) => 6,
    }
}

fn answer_of(value: u8) -> Option<QuickEstimate> {
    let sourcing = match value / 49 {
        0 => None,
        1 => Some(Sourcing::Insource),
        2 => Some(Sourcing::Outsource),
        _ => return None,
    };
    Some(QuickEstimate { sourcing, current: score_of(value % 49 / 7), target: score_of(value % 7) })
}

fn score_of(value: u8) -> Option<Score> {
    match value {
        6 => Some(Score::NotApplicable),
        v => Rating::new(i64::from(v)).map(Score::Rated),
    }
}
