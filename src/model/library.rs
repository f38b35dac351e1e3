//! Decisions about the assessments kept in the browser as a whole: the name of a
//! duplicate, and which assessments of a backup are worth restoring.

use std::collections::BTreeMap;

use super::Assessment;

/// The name of a duplicate of an assessment called `name`: `name` then `suffix`
/// (such as " (copy)"), at most [`Assessment::MAX_NAME_CHARS`] characters. A long
/// name is cut, never the suffix, so the copy can still be told apart; only a suffix
/// longer than the limit is cut itself.
pub fn copy_name(name: &str, suffix: &str) -> String {
    let max = Assessment::MAX_NAME_CHARS;
    let suffix_chars = suffix.chars().count();
    if suffix_chars >= max {
        return suffix.chars().take(max).collect();
    }
    let room = max - suffix_chars;
    let kept = match name.char_indices().nth(room) {
        // Cut at an arbitrary place: no dangling blank before the suffix.
        Some((cut, _)) => name[..cut].trim_end(),
        None => name,
    };
    format!("{kept}{suffix}")
}

/// One assessment of a backup being restored, as offered to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreItem {
    /// The assessment read from the backup.
    pub assessment: Assessment,
    /// An identical assessment is already stored.
    pub already_here: bool,
    /// Restore it: proposed for every assessment not already here.
    pub selected: bool,
}

/// What to offer when restoring the backup `incoming` into a browser that holds
/// `existing`: one item per distinct incoming assessment, in the backup's order
/// (identical ones are offered once, the first kept), marked `already_here` when an
/// identical assessment is stored and selected when it is not.
pub fn restore_items(existing: &[&Assessment], incoming: Vec<Assessment>) -> Vec<RestoreItem> {
    let mut stored = Buckets::default();
    for &a in existing {
        stored.insert(a);
    }
    let mut offered = Buckets::default();
    // Per incoming member: `None` when it repeats an earlier one, else whether it is stored.
    let verdicts: Vec<Option<bool>> = incoming
        .iter()
        .map(|a| {
            let fresh = !offered.contains(a);
            fresh.then(|| {
                offered.insert(a);
                stored.contains(a)
            })
        })
        .collect();
    incoming
        .into_iter()
        .zip(verdicts)
        .filter_map(|(assessment, verdict)| {
            verdict.map(|already_here| RestoreItem { assessment, already_here, selected: !already_here })
        })
        .collect()
}

/// Fields that two identical assessments share, cheap to compare: only assessments
/// with the same fingerprint are compared in full.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Fingerprint<'a> {
    catalogue: &'static str,
    name: &'a str,
    organisation: &'a str,
    created: Option<&'a str>,
    updated: Option<&'a str>,
    sizes: [usize; 4],
}

impl<'a> Fingerprint<'a> {
    fn of(a: &'a Assessment) -> Self {
        Fingerprint {
            catalogue: a.catalogue.id,
            name: &a.name,
            organisation: &a.organisation,
            created: a.created.as_ref().map(|t| t.as_str()),
            updated: a.updated.as_ref().map(|t| t.as_str()),
            sizes: [a.services.len(), a.custom_services.len(), a.snapshots.len(), a.plan.len()],
        }
    }
}

/// Assessments grouped by fingerprint, for membership tests in about linear time.
#[derive(Default)]
struct Buckets<'a> {
    by_print: BTreeMap<Fingerprint<'a>, Vec<&'a Assessment>>,
}

impl<'a> Buckets<'a> {
    fn insert(&mut self, a: &'a Assessment) {
        self.by_print.entry(Fingerprint::of(a)).or_default().push(a);
    }

    /// An assessment identical to `a` is in here.
    fn contains(&self, a: &'a Assessment) -> bool {
        self.by_print.get(&Fingerprint::of(a)).is_some_and(|same| same.contains(&a))
    }
}
