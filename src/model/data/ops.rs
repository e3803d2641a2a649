//! What a user asks for, as edits: add an actor, delete one with everything that points at it,
//! merge two, record a hand edit as a claim, rank a claim. Each returns one [`Edit`] (a batch
//! where several records change), so each is one step to undo.

use std::collections::HashSet;

use super::dataset::{Actor, Claim, Dataset, EDITORS_NOTE, Fact, Rank, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use crate::model::derive::index::Index;

/// Why an actor's name cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("A name cannot be empty.")]
    Empty,
}

/// What deleting an actor takes with it, for the confirmation message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteSummary {
    pub claims_about: usize,
    pub claims_pointing: usize,
    pub events: usize,
}

impl DeleteSummary {
    pub fn words(&self) -> String {
        let mut parts = vec![plural(
            self.claims_about,
            "claim about it",
            "claims about it",
        )];
        if self.claims_pointing > 0 {
            parts.push(plural(
                self.claims_pointing,
                "claim that someone represents it",
                "claims that others represent it",
            ));
        }
        if self.events > 0 {
            parts.push(format!(
                "its place in {}",
                plural(self.events, "event", "events")
            ));
        }
        parts.join(", ")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A fresh id from a name: lowercase ASCII words joined by dashes, unique among `taken`.
pub fn unique_id(base: &str, taken: &HashSet<&str>) -> String {
    free_id(base, |id| taken.contains(id))
}

/// [`unique_id`] asking `taken` about each candidate: the slug, then "-2", "-3"…
pub fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug = crate::model::text::slug(base, "-", usize::MAX);
    let slug = if slug.is_empty() {
        "item".to_string()
    } else {
        slug
    };
    if !taken(&slug) {
        return slug;
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|id| !taken(id))
        .expect("unbounded")
}

/// Adds an actor at the end of the list, with an id made from its name. Refuses an empty name.
pub fn add_actor(d: &Dataset, mut actor: Actor) -> Result<Edit, NameError> {
    check_name(d, &actor.name, None)?;
    actor.name = actor.name.trim().to_string();
    let taken: HashSet<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
    actor.id = unique_id(&actor.name, &taken);
    Ok(Edit::InsertActor {
        at: d.actors.len(),
        actor,
    })
}

/// Replaces the actor at `at` (its id and fields unknown to this version are kept). Refuses an
/// empty name.
pub fn update_actor(d: &Dataset, at: usize, mut actor: Actor) -> Result<Edit, NameError> {
    check_name(d, &actor.name, Some(at))?;
    actor.name = actor.name.trim().to_string();
    actor.id = d.actors[at].id.clone();
    // The form knows only this version's fields; the file's others stay as they were.
    actor.extra = d.actors[at].extra.clone();
    Ok(Edit::ReplaceActor { at, actor })
}

/// Deletes the actor at `at` with the claims about it, the claims that someone represents it,
/// and its mentions in events (the events stay).
pub fn delete_actor(d: &Dataset, at: usize) -> (Edit, DeleteSummary) {
    let id = d.actors[at].id.as_str();
    let mut summary = DeleteSummary::default();
    let mut edits = Vec::new();
    // Highest position first, so each removal leaves the earlier positions valid.
    for (i, claim) in d.claims.iter().enumerate().rev() {
        let about = claim.subject == Subject::Actor(id.to_string());
        let pointing = matches!(&claim.fact, Fact::Represents(r) if r == id);
        if about || pointing {
            summary.claims_about += usize::from(about);
            summary.claims_pointing += usize::from(pointing && !about);
            edits.push(Edit::RemoveClaim { at: i });
        }
    }
    for (i, event) in d.events.iter().enumerate() {
        if event.actors.iter().any(|a| a == id) {
            let mut event = event.clone();
            event.actors.retain(|a| a != id);
            edits.push(Edit::ReplaceEvent { at: i, event });
            summary.events += 1;
        }
    }
    edits.push(Edit::RemoveActor { at });
    (Edit::Batch(edits), summary)
}

/// Merges the actor at `absorb` into the one at `keep`: its name and aliases become aliases,
/// its claims and mentions move over, and it is removed.
pub fn merge_actors(d: &Dataset, keep: usize, absorb: usize) -> Edit {
    assert_ne!(keep, absorb, "an actor cannot be merged into itself");
    let (kept, gone) = (&d.actors[keep], &d.actors[absorb]);
    let mut merged = kept.clone();
    for alias in std::iter::once(&gone.name).chain(&gone.aliases) {
        if alias != &merged.name && !merged.aliases.contains(alias) {
            merged.aliases.push(alias.clone());
        }
    }
    if merged.country.is_empty() {
        merged.country = gone.country.clone();
    }
    if merged.wikidata.is_none() {
        merged.wikidata = gone.wikidata.clone();
    }
    if !gone.note.is_empty() {
        merged.note = [merged.note.as_str(), gone.note.as_str()]
            .iter()
            .filter(|n| !n.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
    }
    let mut edits = vec![Edit::ReplaceActor {
        at: keep,
        actor: merged,
    }];
    for (i, claim) in d.claims.iter().enumerate() {
        let about = claim.subject == Subject::Actor(gone.id.clone());
        let pointing = matches!(&claim.fact, Fact::Represents(r) if *r == gone.id);
        if about || pointing {
            let mut claim = claim.clone();
            if about {
                claim.subject = Subject::Actor(kept.id.clone());
            }
            if pointing {
                claim.fact = Fact::Represents(kept.id.clone());
            }
            edits.push(Edit::ReplaceClaim { at: i, claim });
        }
    }
    for (i, event) in d.events.iter().enumerate() {
        if event.actors.contains(&gone.id) {
            let mut event = event.clone();
            event.actors.retain(|a| *a != gone.id);
            if !event.actors.contains(&kept.id) {
                event.actors.push(kept.id.clone());
            }
            edits.push(Edit::ReplaceEvent { at: i, event });
        }
    }
    edits.push(Edit::RemoveActor { at: absorb });
    Edit::Batch(edits)
}

/// A hand edit: a new claim about an actor, citing `source` (or [`EDITORS_NOTE`]). `index` is
/// the dataset's (up to date): it tells which claim ids are taken without reading them all.
pub fn hand_claim(
    d: &Dataset,
    index: &Index,
    actor: &str,
    fact: Fact,
    source: &str,
    as_of: Option<PartialDate>,
    note: &str,
) -> Edit {
    let who = if source == EDITORS_NOTE {
        "editor"
    } else {
        source
    };
    let base = format!("c {actor} {} {who}", fact.property().label());
    let id = free_id(&base, |id| index.claim_id_taken(id));
    new_claim(d.claims.len(), id, actor, fact, source, as_of, note)
}

/// A claim `id` about `actor` citing `source`, inserted at `at`, unranked and unsigned (the
/// session signs what its user makes).
pub fn new_claim(
    at: usize,
    id: String,
    actor: &str,
    fact: Fact,
    source: &str,
    as_of: Option<PartialDate>,
    note: &str,
) -> Edit {
    Edit::InsertClaim {
        at,
        claim: Claim {
            extra: Default::default(),
            author: String::new(),
            id,
            body: None,
            subject: Subject::Actor(actor.to_string()),
            fact,
            source: source.to_string(),
            quote: None,
            as_of,
            rank: Rank::Normal,
            negated: false,
            note: note.to_string(),
        },
    }
}

pub fn set_rank(d: &Dataset, claim: usize, rank: Rank) -> Edit {
    let mut c = d.claims[claim].clone();
    c.rank = rank;
    Edit::ReplaceClaim {
        at: claim,
        claim: c,
    }
}

/// Why an actor's name cannot be used, if it cannot; a duplicate is allowed but worth a word.
pub fn check_name(
    d: &Dataset,
    name: &str,
    except: Option<usize>,
) -> Result<Option<String>, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    let same = d
        .actors
        .iter()
        .enumerate()
        .any(|(i, a)| Some(i) != except && a.name.trim().eq_ignore_ascii_case(name));
    Ok(same.then(|| {
        format!("Another actor is already called \"{name}\"; merge them if they are the same.")
    }))
}
