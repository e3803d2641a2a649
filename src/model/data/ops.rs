//! What a user asks for, as edits: add an actor, delete one with everything that points at it,
//! merge two, record a hand edit as a claim, rank a claim. Each returns one [`Edit`] (a batch
//! where several records change), so each is one step to undo.

use std::collections::HashSet;

use super::actor_draft::{ActorDraftError, free_actor_id};
use super::dataset::{Actor, Claim, Dataset, EDITORS_NOTE, Fact, Rank, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use crate::model::derive::index::Index;
use crate::model::rules::validate_values::wikidata_problem;

/// Why an actor's fields cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("A name cannot be empty.")]
    Empty,
    /// The Wikidata id is not Q and digits (the message says so, with the id).
    #[error("{0}")]
    Wikidata(String),
}

/// What deleting an actor takes with it, for the confirmation message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteSummary {
    pub claims_about: usize,
    pub claims_pointing: usize,
    pub events: usize,
}

impl DeleteSummary {
    /// "3 claims about it, 1 claim that someone represents it, its place in 2 events"; the
    /// claims about it are counted when there are any, or when nothing else goes.
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        if self.claims_about > 0 || (self.claims_pointing == 0 && self.events == 0) {
            parts.push(plural(
                self.claims_about,
                "claim about it",
                "claims about it",
            ));
        }
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
    check_wikidata(&mut actor)?;
    let taken: HashSet<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
    actor.id = unique_id(&actor.name, &taken);
    Ok(Edit::InsertActor {
        at: d.actors.len(),
        actor,
    })
}

/// The actor's Wikidata id trimmed (an empty one is none), refused when it is not one.
pub fn check_wikidata(actor: &mut Actor) -> Result<(), NameError> {
    actor.wikidata = actor.wikidata.as_deref().and_then(wikidata_field);
    match actor.wikidata.as_deref().and_then(wikidata_problem) {
        Some(why) => Err(NameError::Wikidata(why)),
        None => Ok(()),
    }
}

/// Replaces the actor at `at` (its id and fields unknown to this version are kept). Refuses an
/// empty name and a Wikidata id that is not one (an empty one clears it).
pub fn update_actor(d: &Dataset, at: usize, mut actor: Actor) -> Result<Edit, NameError> {
    check_name(d, &actor.name, Some(at))?;
    actor.name = actor.name.trim().to_string();
    check_wikidata(&mut actor)?;
    actor.id = d.actors[at].id.clone();
    // The form knows only this version's fields; the file's others stay as they were.
    actor.extra = d.actors[at].extra.clone();
    Ok(Edit::ReplaceActor { at, actor })
}

/// A Wikidata id as typed, as an actor holds it: trimmed, and none when empty.
pub fn wikidata_field(typed: &str) -> Option<String> {
    Some(typed.trim().to_string()).filter(|w| !w.is_empty())
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
    edits.extend(move_references(d, &gone.id, &kept.id));
    edits.push(Edit::RemoveActor { at: absorb });
    Edit::Batch(edits)
}

/// Gives the actor at `at` the id `to`, and every reference to it with it: the claims about
/// it, the claims that someone represents it, its mentions in events, the suggestions rejected
/// about it. One edit. Refused when `to` is no id (empty, spaced) or is taken, and while merge
/// conflicts wait (they name records by id).
pub fn rename_actor(d: &Dataset, at: usize, to: &str) -> Result<Edit, ActorDraftError> {
    let to = free_actor_id(d, to)?;
    if !d.merge_conflicts.is_empty() {
        return Err(ActorDraftError::MergeConflictsWait(d.merge_conflicts.len()));
    }
    let from = &d.actors[at].id;
    let mut actor = d.actors[at].clone();
    actor.id.clone_from(&to);
    let mut edits = vec![Edit::ReplaceActor { at, actor }];
    edits.extend(move_references(d, from, &to));
    Ok(Edit::Batch(edits))
}

/// The edits that point every reference to the actor `from` at the actor `to` instead: the
/// claims about it and that someone represents it, its mentions in events (in place; once
/// where both were named), and the keys of suggestions rejected about it.
fn move_references(d: &Dataset, from: &str, to: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (i, claim) in d.claims.iter().enumerate() {
        let about = matches!(&claim.subject, Subject::Actor(a) if a == from);
        let pointing = matches!(&claim.fact, Fact::Represents(r) if r == from);
        if about || pointing {
            let mut claim = claim.clone();
            if about {
                claim.subject = Subject::Actor(to.to_string());
            }
            if pointing {
                claim.fact = Fact::Represents(to.to_string());
            }
            edits.push(Edit::ReplaceClaim { at: i, claim });
        }
    }
    for (i, event) in d.events.iter().enumerate() {
        if event.actors.iter().any(|a| a == from) {
            let mut event = event.clone();
            let had_to = event.actors.iter().any(|a| a == to);
            event.actors = event
                .actors
                .iter()
                .filter(|a| !(had_to && *a == from))
                .map(|a| if a == from { to.to_string() } else { a.clone() })
                .collect();
            edits.push(Edit::ReplaceEvent { at: i, event });
        }
    }
    // A rejected suggestion's key starts with its actor's id (see `review::review_key`).
    let prefix = format!("{from}|");
    for (i, source) in d.sources.iter().enumerate() {
        if source.rejected.iter().any(|k| k.starts_with(&prefix)) {
            let mut source = source.clone();
            for key in &mut source.rejected {
                if let Some(rest) = key.strip_prefix(&prefix) {
                    *key = format!("{to}|{rest}");
                }
            }
            edits.push(Edit::ReplaceSource { at: i, source });
        }
    }
    edits
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
