//! Revisions of a working state, and telling when another tab wrote over this one's.

use super::entries::WorkEntry;

/// A revision of an assessment's working state: a counter raised by every write in
/// the low 32 bits, and in the 16 bits above a mark of the tab that wrote it (all
/// within 2^53, so the number reads exactly in JavaScript too), so that
/// two tabs that both wrote "the revision after 7" (one of them having read a stale
/// 7) are told apart by the revision check.
pub type Revision = u64;

const COUNTER: u64 = (1 << 32) - 1;

/// The counter part of a revision.
pub fn counter(revision: Revision) -> u64 {
    revision & COUNTER
}

/// The mark of a writer (16 bits of an FNV-1a hash of its token; 0 for none).
pub(super) fn mark(writer: &str) -> u64 {
    if writer.is_empty() {
        return 0;
    }
    (fnv(writer) & 0xffff).max(1) << 32
}

/// A writer's mark in the ids of the snapshots it takes (21 bits of its token's hash).
pub(super) fn snapshot_mark(writer: &str) -> u32 {
    // Mixed (splitmix64's finaliser), so tokens that differ in one letter differ here.
    let mut z = fnv(writer);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as u32 & 0x1f_ffff
}

fn fnv(writer: &str) -> u64 {
    writer.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Whether a change another tab made to a working entry (`old` → `new`, the raw
/// values of a storage event) overwrote a revision that `writer` had written without
/// building on it. A browser's other tabs see a write a moment later, so a tab that
/// takes the lock right after another tab wrote can still read the revision before
/// it and write over it. When that happened, the revision from which this tab's
/// writes were lost is returned: its edits of that revision and later ones must be
/// applied again.
pub fn lost_write(writer: &str, old: &str, new: &str) -> Option<Revision> {
    let old: WorkEntry = serde_json::from_str(old).ok()?;
    let new: WorkEntry = serde_json::from_str(new).ok()?;
    if writer.is_empty() || old.writer != writer || new.writer == writer {
        return None;
    }
    // Built on a revision other than ours: ours was not seen. This also catches a
    // stale tab that wrote a higher counter over ours (it had not seen ours, nor
    // perhaps the one before), which comparing counters alone missed. Which of our
    // revisions it holds is known only one step back, so every edit of ours from the
    // counter it was built on is applied again (edits only set what they set, so one
    // it already holds is set once more, to the same value).
    if new.base != 0 {
        return (new.base != old.rev).then_some(counter(new.base));
    }
    // Written by a release without `base`: compare the counters.
    (counter(new.rev) <= counter(old.rev)).then_some(counter(new.rev))
}

/// Whether another tab's write (`new`, the raw value of a storage event) was built on
/// a revision other than `known`, the one this tab (`writer`) last wrote or read: it
/// then had not seen what this tab had, and this tab's writes from the revision it was
/// built on may be lost. The event's old value cannot tell: Firefox sends the value
/// the writing tab replaced in its own (possibly stale) view, not the one stored. The
/// revision it was built on is returned.
pub fn unseen_write(writer: &str, known: Revision, new: &str) -> Option<Revision> {
    let new: WorkEntry = serde_json::from_str(new).ok()?;
    if writer.is_empty() || new.writer == writer || known == Revision::MAX || new.base == 0 {
        return None;
    }
    (new.rev != known && new.base != known).then_some(new.base)
}
