//! Records brought in from another tool's file (a roster CSV, Popolo JSON, FollowTheMoney
//! entities), as edits: each row is matched to an actor of the dataset (by id, then Wikidata
//! id, then folded name) or becomes a new one, and each value the dataset does not already
//! derive becomes a claim citing one source, the imported file. The parsers live in the store;
//! this is the one place where what they read meets the dataset.

use std::collections::{HashMap, HashSet};

use super::dataset::{Actor, ActorKind, Fact, Property};
use super::date::PartialDate;
use super::edit::Edit;
use super::ops::{free_id, new_claim};
use super::source_ops::{SourceDraft, add_source};
use crate::model::derive::report::Report;
use crate::model::derive::search::fold;

/// What a file says, read by one of the store's parsers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportData {
    /// The body the file is about (id, name), when it names one (a Popolo organization, a
    /// FollowTheMoney PublicBody): names a dataset made by the import.
    pub body: Option<(String, String)>,
    pub rows: Vec<ImportRow>,
    /// What was read but cannot be imported, and why.
    pub skipped: Vec<Skipped>,
    /// What the file held, in words ("3 persons, 2 organizations, 4 memberships").
    pub contents: String,
}

/// One actor as the file gives it, with the values it states about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportRow {
    /// Where the file gives it: "line 3", "persons[2]".
    pub place: String,
    /// The file's id for it (may be empty).
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: String,
    pub wikidata: Option<String>,
    pub aliases: Vec<String>,
    /// Values about it; a `Represents` names the file's id of the one represented.
    pub facts: Vec<ImportFact>,
}

/// A value stated at `place` ("line 3", "memberships[0]").
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFact {
    pub place: String,
    /// A membership of the body without a status of its own (Popolo's): `Status(Member)`,
    /// already there when the dataset counts the actor a member in any way (accepted,
    /// signed, speaking for a member).
    pub membership: bool,
    pub fact: Fact,
}

/// A row or a value left out, with where the file gives it and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub place: String,
    pub why: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.why)
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportSummary {
    /// The new actors, by id.
    pub created: Vec<String>,
    /// Rows matched to an actor already there.
    pub matched: usize,
    /// Actors already there given a country, Wikidata id or name they lacked.
    pub updated: usize,
    /// New claims.
    pub claims: usize,
    pub skipped: Vec<Skipped>,
}

impl ImportSummary {
    /// Whether the import brings nothing the dataset does not already have.
    pub fn nothing_new(&self) -> bool {
        self.created.is_empty() && self.updated == 0 && self.claims == 0
    }

    /// The counts on one line, for the status bar and the command line.
    pub fn counts(&self) -> String {
        let skipped = match self.skipped.len() {
            0 => String::new(),
            1 => ", skipped 1".to_string(),
            n => format!(", skipped {n}"),
        };
        if self.nothing_new() {
            return format!("matched {}, nothing new{skipped}", self.matched);
        }
        format!(
            "created {} actors, matched {}, updated {}, added {} claims{skipped}",
            self.created.len(),
            self.matched,
            self.updated,
            self.claims
        )
    }

    /// The counts, then each new actor and each skipped row with its line and reason.
    pub fn lines(&self) -> String {
        let mut out = format!("{}\n", self.counts());
        for id in &self.created {
            out.push_str(&format!("created actor \"{id}\"\n"));
        }
        for s in &self.skipped {
            out.push_str(&format!("skipped {s}\n"));
        }
        out
    }
}

/// Actors of the dataset by id, by Wikidata id and by folded name or alias; new actors join
/// as they are made, so a file naming one twice makes it once.
struct Matcher {
    by_id: HashMap<String, usize>,
    by_wikidata: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Matcher {
    fn new(actors: &[Actor]) -> Self {
        let mut m = Matcher {
            by_id: HashMap::new(),
            by_wikidata: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, a) in actors.iter().enumerate() {
            m.add(i, a);
        }
        m
    }

    fn add(&mut self, i: usize, a: &Actor) {
        self.by_id.entry(a.id.clone()).or_insert(i);
        if let Some(q) = &a.wikidata {
            self.by_wikidata.entry(q.clone()).or_insert(i);
        }
        for name in std::iter::once(&a.name).chain(&a.aliases) {
            self.by_name.entry(name_key(name)).or_insert(i);
        }
    }

    fn find(&self, row: &ImportRow) -> Option<usize> {
        let by_id = (!row.id.is_empty())
            .then(|| self.by_id.get(&row.id))
            .flatten();
        let by_wikidata = || row.wikidata.as_ref().and_then(|q| self.by_wikidata.get(q));
        by_id
            .or_else(by_wikidata)
            .or_else(|| self.by_name.get(&name_key(&row.name)))
            .copied()
    }
}

/// A name as search matches it: accents folded, case ignored, spaces collapsed.
fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value the dataset derives for `property` of actor `at` (as the exports write it), if
/// any: the best claim's, the status an invitation implies, the joining day the seat rests on.
fn derived(report: &Report, at: usize, property: Property) -> Option<Fact> {
    let row = report.rows.get(at)?;
    let d = report.dataset;
    match property {
        Property::Status => row.row.status(d).map(Fact::Status),
        Property::Joined => report.joined(row.row, row.seat).map(Fact::Joined),
        p => row.row.fact(d, p).cloned(),
    }
}

/// The actors an import ends with: the dataset's it changes, the new ones, and each row's.
struct Actors<'d> {
    dataset: &'d [Actor],
    /// Actors of the dataset given what they lacked, by position.
    replaced: HashMap<usize, Actor>,
    /// New actors, at positions after the dataset's.
    new: Vec<Actor>,
    /// Each row's actor (`None`: the row is skipped).
    of_row: Vec<Option<usize>>,
    /// The file's ids to actor positions.
    file_ids: HashMap<String, usize>,
}

impl Actors<'_> {
    fn get(&self, at: usize) -> &Actor {
        match self.replaced.get(&at) {
            Some(a) => a,
            None if at < self.dataset.len() => &self.dataset[at],
            None => &self.new[at - self.dataset.len()],
        }
    }
}

/// Matches each row to an actor (by id, Wikidata id, then folded name) or makes one.
fn match_rows<'d>(d: &'d [Actor], rows: &[ImportRow], summary: &mut ImportSummary) -> Actors<'d> {
    let mut matcher = Matcher::new(d);
    let mut out = Actors {
        dataset: d,
        replaced: HashMap::new(),
        new: Vec::new(),
        of_row: Vec::with_capacity(rows.len()),
        file_ids: HashMap::new(),
    };
    for row in rows {
        let name = row.name.trim();
        if name.is_empty() {
            summary.skipped.push(Skipped {
                place: row.place.clone(),
                why: "no name".into(),
            });
            out.of_row.push(None);
            continue;
        }
        let at = match matcher.find(row) {
            Some(at) => {
                summary.matched += usize::from(at < d.len());
                let mut a = out.get(at).clone();
                fill_in(&mut a, row);
                if a != *out.get(at) {
                    matcher.add(at, &a);
                    if at < d.len() {
                        out.replaced.insert(at, a);
                    } else {
                        out.new[at - d.len()] = a;
                    }
                }
                at
            }
            None => {
                let wanted = row.id.trim();
                let taken = |id: &str| matcher.by_id.contains_key(id);
                let id = if !wanted.is_empty()
                    && !wanted.chars().any(char::is_whitespace)
                    && !taken(wanted)
                {
                    wanted.to_string()
                } else {
                    free_id(name, taken)
                };
                let mut a = Actor {
                    id,
                    name: name.to_string(),
                    kind: row.kind,
                    ..Default::default()
                };
                fill_in(&mut a, row);
                let at = d.len() + out.new.len();
                matcher.add(at, &a);
                summary.created.push(a.id.clone());
                out.new.push(a);
                at
            }
        };
        if !row.id.is_empty() {
            out.file_ids.insert(row.id.clone(), at);
        }
        out.of_row.push(Some(at));
    }
    summary.updated = out.replaced.len();
    out
}

/// The claims of the rows' values that the dataset does not derive already, citing `source`.
fn new_claims(
    report: &Report,
    rows: &[ImportRow],
    actors: &Actors,
    source: &str,
    claim_id_taken: impl Fn(&str) -> bool,
    summary: &mut ImportSummary,
) -> Vec<Edit> {
    let d = report.dataset;
    // The actors the dataset counts as members of the body.
    let members: HashSet<usize> = report.memberships.iter().copied().collect();
    let mut claims = Vec::new();
    let mut new_ids: HashSet<String> = HashSet::new();
    let mut stated: HashSet<(usize, Property)> = HashSet::new();
    for (row, at) in rows.iter().zip(&actors.of_row) {
        let Some(at) = *at else { continue };
        for f in &row.facts {
            let fact = match &f.fact {
                Fact::Represents(whom) => match actors.file_ids.get(whom) {
                    Some(&w) => Fact::Represents(actors.get(w).id.clone()),
                    None => {
                        summary.skipped.push(Skipped {
                            place: f.place.clone(),
                            why: format!("represents \"{whom}\", whom the file does not list"),
                        });
                        continue;
                    }
                },
                fact => fact.clone(),
            };
            let property = fact.property();
            // One value a property from one file; none where the dataset derives it already.
            let already = if f.membership {
                members.contains(&at)
            } else {
                derived(report, at, property).as_ref() == Some(&fact)
            };
            if !stated.insert((at, property)) || already {
                continue;
            }
            let actor = &actors.get(at).id;
            let base = format!("c {actor} {} {source}", property.label());
            let id = free_id(&base, |id| claim_id_taken(id) || new_ids.contains(id));
            new_ids.insert(id.clone());
            claims.push(new_claim(
                d.claims.len() + claims.len(),
                id,
                actor,
                fact,
                source,
                None,
                "imported",
            ));
        }
    }
    summary.claims = claims.len();
    claims
}

/// The edit that brings `data` into the report's dataset (one undo step: the source, the
/// actors given what they lacked, the new actors, the claims), and what it does. `None` when
/// nothing is new: then not even the source is added.
pub fn import_edit(
    report: &Report,
    data: &ImportData,
    source: SourceDraft,
    today: PartialDate,
    claim_id_taken: impl Fn(&str) -> bool,
) -> (Option<Edit>, ImportSummary) {
    let d = report.dataset;
    let mut summary = ImportSummary {
        skipped: data.skipped.clone(),
        ..ImportSummary::default()
    };
    let actors = match_rows(&d.actors, &data.rows, &mut summary);
    let (source_edit, source_id) = match add_source(d, source, today) {
        Ok(made) => made,
        Err(e) => {
            summary.skipped.push(Skipped {
                place: "the file".into(),
                why: format!("the file cannot be a source: {e}"),
            });
            return (None, summary);
        }
    };
    let claims = new_claims(
        report,
        &data.rows,
        &actors,
        &source_id,
        claim_id_taken,
        &mut summary,
    );
    if summary.nothing_new() {
        return (None, summary);
    }
    let mut edits = vec![source_edit];
    // A dataset that has nothing yet takes the id and name of the body the file is about.
    if let Some((id, name)) = &data.body
        && d.actors.is_empty()
        && d.sources.is_empty()
        && d.sub_bodies.is_empty()
        && d.claims.is_empty()
    {
        let mut body = d.body.clone();
        let id = id.trim();
        if !id.is_empty() && !id.chars().any(char::is_whitespace) {
            body.id = id.to_string();
        }
        if !name.trim().is_empty() {
            body.name = name.trim().to_string();
        }
        if body != d.body {
            edits.push(Edit::ReplaceBody { at: 0, body });
        }
    }
    let mut replaced: Vec<(usize, Actor)> = actors.replaced.into_iter().collect();
    replaced.sort_unstable_by_key(|(at, _)| *at);
    edits.extend(
        replaced
            .into_iter()
            .map(|(at, actor)| Edit::ReplaceActor { at, actor }),
    );
    edits.extend(
        actors
            .new
            .into_iter()
            .enumerate()
            .map(|(k, actor)| Edit::InsertActor {
                at: d.actors.len() + k,
                actor,
            }),
    );
    edits.extend(claims);
    (Some(Edit::Batch(edits)), summary)
}

/// Gives `a` what the row says and it lacks: a country, a Wikidata id, other names.
fn fill_in(a: &mut Actor, row: &ImportRow) {
    if a.country.is_empty() && !row.country.trim().is_empty() {
        a.country = row.country.trim().to_string();
    }
    if a.wikidata.is_none() {
        a.wikidata = row.wikidata.clone();
    }
    for name in std::iter::once(&row.name).chain(&row.aliases) {
        let name = name.trim();
        if !name.is_empty() && name != a.name && !a.aliases.iter().any(|n| n == name) {
            a.aliases.push(name.to_string());
        }
    }
}
