//! Identifiers. Each is a newtype checked on construction, so a bare string never
//! stands for an id in the model.

use std::fmt;

/// Why a string is not a valid id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty,
    TooLong { max: usize },
    BadCharacter { found: char },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => write!(f, "an id must not be empty"),
            IdError::TooLong { max } => write!(f, "an id has at most {max} characters"),
            IdError::BadCharacter { found } => {
                write!(f, "an id may hold only letters A-Z, a-z, digits, '-', '_' and '.', not {found:?}")
            }
        }
    }
}

impl std::error::Error for IdError {}

fn check_id(s: &str, max: usize) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.chars().count() > max {
        return Err(IdError::TooLong { max });
    }
    match s.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        Some(found) => Err(IdError::BadCharacter { found }),
        None => Ok(()),
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, max = $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub const MAX_LEN: usize = $max;

            pub fn parse(s: &str) -> Result<Self, IdError> {
                check_id(s, Self::MAX_LEN).map(|()| $name(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        /// Lets maps keyed by this id be searched with a `&str`; hashing and ordering
        /// agree, as both are those of the inner string.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

string_id!(
    /// A service, such as `A-1` (built in) or `I-8` (custom). Used in `data-testid`
    /// hooks, so the character set is kept to what is safe in attributes and CSS.
    ServiceId,
    max = 16
);

string_id!(
    /// A category of the catalogue, `A` to `I` in X.1060.
    CategoryId,
    max = 8
);

string_id!(
    /// A stored assessment in this browser (not part of the exchange format).
    AssessmentId,
    max = 64
);

impl AssessmentId {
    /// A fresh id from the time (milliseconds since the epoch) and some randomness,
    /// so two tabs creating assessments at once do not clash.
    pub fn generate(millis: u64, random: u32) -> AssessmentId {
        AssessmentId(format!("a{millis:x}{:06x}", random & 0xff_ffff))
    }
}

/// A snapshot within its assessment, stable for its life: what the app names a
/// snapshot by (to relabel or delete it), and the number of its storage key. Not
/// part of the exchange format: the reader numbers a file's snapshots 1, 2, ... in
/// file order; a snapshot taken in the app gets an id made unique across tabs
/// ([`SnapshotId::unique`]), so two tabs taking snapshots at once never clash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SnapshotId(pub u64);

impl SnapshotId {
    /// The largest id (ids stay within 2^53, so they read exactly in JavaScript).
    pub const MAX: u64 = (1 << 53) - 1;

    /// An id from a writer's mark (21 bits, from its random token; never 0, so these
    /// ids never meet a file's 1, 2, ...) and that writer's counter (32 bits).
    pub fn unique(writer_mark: u32, counter: u32) -> SnapshotId {
        let mark = u64::from(writer_mark & 0x1f_ffff).max(1);
        SnapshotId((mark << 32) | u64::from(counter))
    }
}

impl fmt::Display for SnapshotId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
