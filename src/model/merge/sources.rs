//! Source texts after a merge: a text both sides edited is a conflict (ours stays), its hash
//! follows the text it stands for, and the quotes of both sides' claims are re-anchored in the
//! merged text, the same way an edit of the text re-anchors them (see
//! [`crate::model::data::source_ops::edit_source`]); quotes whose words are gone are reported
//! orphaned, never moved onto other words.

use std::collections::{HashMap, HashSet};

use super::super::text::content_hash;
use super::MergeConflict;
use crate::model::data::dataset::{Dataset, Id};
use crate::model::text::quote::{Anchor, Quote};

/// Returns how many quotes moved and which claims' quotes are orphaned.
pub(super) fn settle(
    d: &mut Dataset,
    conflicts: &mut Vec<MergeConflict>,
    ours: &HashMap<Id, String>,
    theirs: &HashMap<Id, String>,
) -> (usize, Vec<Id>) {
    // The hash is derived from the text: a conflict on the text is the one to resolve.
    let hash_conflicts: HashSet<Id> = conflicts
        .iter()
        .filter(|c| c.collection() == "sources" && c.field() == "hash")
        .filter_map(|c| c.record().map(String::from))
        .collect();
    conflicts.retain(|c| !(c.collection() == "sources" && c.field() == "hash"));
    let mut changed: HashSet<Id> = HashSet::new();
    for s in &mut d.sources {
        if hash_conflicts.contains(&s.id) {
            s.hash = content_hash(&s.text);
        }
        // A text that differs from either side's: that side's quotes may have moved.
        let differs = |side: &HashMap<Id, String>| side.get(&s.id).is_some_and(|h| *h != s.hash);
        if differs(ours) || differs(theirs) {
            changed.insert(s.id.clone());
        }
    }
    if changed.is_empty() {
        return (0, Vec::new());
    }
    let texts: HashMap<&str, &str> = d
        .sources
        .iter()
        .filter(|s| changed.contains(s.id.as_str()))
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let (mut moved, mut orphaned) = (0, Vec::new());
    for claim in &mut d.claims {
        let Some(text) = texts.get(claim.source.as_str()) else {
            continue;
        };
        let Some(q) = &claim.quote else { continue };
        let (anchor, len) = (q.anchor(text), q.exact.len());
        match anchor {
            Anchor::Exact => {}
            Anchor::Moved(start) => {
                moved += 1;
                claim.quote = Quote::from_span(text, start, start + len);
            }
            Anchor::Orphaned => orphaned.push(claim.id.clone()),
        }
    }
    (moved, orphaned)
}
