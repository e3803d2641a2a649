//! Derived data: the index, the roster, the seats and the conflict count. The UI reads it every
//! frame; it is built once, then kept up to date at the cost of what changes:
//!
//! - [`Derived::apply_edit`], right after an edit, re-derives only the rows (and seats) of the
//!   actors whose claims the edit touched, fixes up the claim positions that moved, and adjusts
//!   the conflict count. Structural edits it cannot follow cheaply (an actor removed or
//!   inserted anywhere but at the end, an actor's id changed) rebuild everything.
//! - [`Derived::refresh`] with a new as-of date re-derives only the rows of actors with a claim
//!   that became known or unknown between the two dates; the index depends on the dataset
//!   alone and is never rebuilt for a date.

use chrono::NaiveDate;

use super::dataset::Dataset;
use super::edit::Edit;
use super::index::{Index, Moved, Owner, known_by};
use super::roster::{Candidate, Roster, RosterRow, row_into};
use super::seats::{SEAT_INPUTS, SeatOutcome, seat};

#[derive(Debug, Default)]
pub struct Derived {
    /// The dataset revision the index reflects: edits change it, the as-of date does not.
    index_revision: Option<u64>,
    /// The revision and as-of date the roster, seats and conflicts reflect.
    key: Option<(u64, Option<NaiveDate>)>,
    pub index: Index,
    pub roster: Roster,
    /// One per roster row, same order.
    pub seats: Vec<SeatOutcome>,
    /// Properties in conflict across the roster (counted once, shown every frame).
    pub conflicts: usize,
    /// What the last `apply_edit` changed, for caches built on claim positions.
    change: Change,
    /// What the last move of the as-of date re-derived, for views that filter or sort rows.
    as_of_step: Option<AsOfStep>,
    /// A buffer for deriving rows, kept between them.
    scratch: Vec<Candidate>,
}

/// One move of the as-of date under one revision: the rows derived again (those of actors with
/// a claim known by one date and not the other); no other row's values changed. A view that
/// saw the roster as of `from` at `revision` places these rows again and nothing else.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AsOfStep {
    pub revision: u64,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Roster rows, in order.
    pub rows: Vec<usize>,
}

/// What one [`Derived::apply_edit`] changed: caches that hold claim positions (the claim
/// matrix) redo only these parts, see [`crate::model::compare::ClaimMatrix::follow`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Everything was rebuilt: any position may have moved.
    pub rebuilt: bool,
    /// Actors whose claims changed or moved, in order, each once.
    pub actors: Vec<usize>,
    /// Claims about bodies changed or moved.
    pub body: bool,
    /// Claims about unknown actors changed or moved, or an actor took or left some.
    pub orphans: bool,
}

/// An edit the incremental path does not follow: everything is rebuilt instead.
struct Rebuild;

/// Beyond this many claim positions moved per claim in the dataset, rebuilding is cheaper.
const MAX_MOVES_PER_CLAIM: usize = 8;

impl Derived {
    /// A fact's value in words, with actor ids shown as names (through the index, so it is
    /// cheap enough for every frame).
    pub fn fact_label(&self, d: &Dataset, fact: &crate::model::Fact) -> String {
        match fact {
            crate::model::Fact::Represents(id) => match self.index.actor_by_id.get(id) {
                Some(&at) => d.actors[at].name.clone(),
                None => id.clone(),
            },
            other => other.value_label(),
        }
    }

    /// A source by id, through the index.
    pub fn source<'d>(&self, d: &'d Dataset, id: &str) -> Option<&'d crate::model::Source> {
        self.index.source_by_id.get(id).map(|&s| &d.sources[s])
    }

    /// The dataset revision this was derived from.
    pub fn revision(&self) -> u64 {
        self.key.map_or(0, |(r, _)| r)
    }

    /// The as-of date this was derived for (`None`: everything known).
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.key.and_then(|(_, d)| d)
    }

    /// Brings everything up to date for `dataset` as of `as_of`; returns whether anything
    /// changed. A new revision (an edit not passed to [`Derived::apply_edit`], another file)
    /// rebuilds everything; a new as-of date alone re-derives only the rows it changes.
    pub fn refresh(&mut self, dataset: &Dataset, as_of: Option<NaiveDate>) -> bool {
        let revision = dataset.revision.get();
        if self.key == Some((revision, as_of)) {
            return false;
        }
        if self.index_revision != Some(revision) || self.roster.rows.len() != dataset.actors.len() {
            self.rebuild(dataset, as_of);
            return true;
        }
        let before = self.roster.as_of;
        let rows = self.crossing(before, as_of);
        for &actor in &rows {
            self.rederive(dataset, actor, as_of, true);
        }
        self.as_of_step = Some(AsOfStep {
            revision,
            from: before,
            to: as_of,
            rows,
        });
        self.roster.as_of = as_of;
        self.key = Some((revision, as_of));
        true
    }

    /// Follows `edit`, which has just been applied to `dataset` (so `dataset` holds its
    /// result): undo and redo pass their edits the same way. Afterwards `refresh` with the same
    /// as-of date is a no-op. Nothing happens before the first `refresh`.
    pub fn apply_edit(&mut self, dataset: &Dataset, edit: &Edit) {
        let Some((_, as_of)) = self.key else {
            return;
        };
        self.change = Change::default();
        if self.follow(dataset, edit, as_of).is_err() {
            self.rebuild(dataset, as_of);
        }
        let revision = dataset.revision.get();
        self.index_revision = Some(revision);
        self.key = Some((revision, as_of));
    }

    /// What the last `apply_edit` changed (everything, after a rebuild).
    pub fn change(&self) -> &Change {
        &self.change
    }

    /// The last move of the as-of date, if it was not followed by an edit or a rebuild (which
    /// change the revision it names).
    pub fn as_of_step(&self) -> Option<&AsOfStep> {
        self.as_of_step
            .as_ref()
            .filter(|step| Some((step.revision, step.to)) == self.key)
    }

    /// Everything from scratch.
    fn rebuild(&mut self, dataset: &Dataset, as_of: Option<NaiveDate>) {
        self.as_of_step = None;
        self.change = Change {
            rebuilt: true,
            ..Change::default()
        };
        self.index = Index::build(dataset);
        self.roster = super::roster::roster(dataset, &self.index, as_of);
        let rules = &dataset.body.seat_rules;
        self.seats = self
            .roster
            .rows
            .iter()
            .map(|row| seat(rules, dataset, &self.index, row))
            .collect();
        self.conflicts = self.roster.conflicts();
        let revision = dataset.revision.get();
        self.index_revision = Some(revision);
        self.key = Some((revision, as_of));
    }

    /// Derives the row of `actor` again, its seat and the conflict count with it. With
    /// `same_claims` (only the as-of date moved), a seat whose deciding claims are the same
    /// is kept.
    fn rederive(&mut self, d: &Dataset, actor: usize, as_of: Option<NaiveDate>, same_claims: bool) {
        let row = &mut self.roster.rows[actor];
        let bests = |row: &RosterRow| SEAT_INPUTS.map(|p| row.get(p).map(|r| r.best));
        let (old_conflicts, old_bests) = (row.conflicts(), bests(row));
        row_into(&mut self.scratch, d, &self.index, as_of, row);
        self.conflicts = self.conflicts + row.conflicts() - old_conflicts;
        if !same_claims || bests(row) != old_bests {
            self.seats[actor] = seat(&d.body.seat_rules, d, &self.index, row);
        }
    }

    /// The actors with a claim known by one of the dates and not the other, in order.
    fn crossing(&self, before: Option<NaiveDate>, after: Option<NaiveDate>) -> Vec<usize> {
        let mut seen = vec![false; self.roster.rows.len()];
        for c in 0..self.index.claims() {
            if let Owner::Actor(a) = self.index.owner(c)
                && !seen[a]
            {
                let known = self.index.known_from(c);
                seen[a] = known_by(known, before) != known_by(known, after);
            }
        }
        (0..seen.len()).filter(|&a| seen[a]).collect()
    }

    /// The incremental path: positions first, leaf by leaf (they move as the edit goes), then
    /// the content, read from the dataset once the whole edit is known.
    fn follow(
        &mut self,
        d: &Dataset,
        edit: &Edit,
        as_of: Option<NaiveDate>,
    ) -> Result<(), Rebuild> {
        let mut leaves = Vec::new();
        flatten(edit, &mut leaves);
        self.precheck(&leaves)?;
        let single = leaves.len() == 1;
        // Claims whose content is read at the end, by their current position.
        let mut pending: Vec<usize> = Vec::new();
        // Actors whose rows are derived again at the end.
        let mut dirty: Vec<usize> = Vec::new();
        let mut appended: Vec<usize> = Vec::new();
        let (mut sources, mut rules) = (false, false);
        for leaf in leaves {
            match leaf {
                Edit::InsertClaim { at, .. } => {
                    let at = *at;
                    if at > self.index.claims() {
                        return Err(Rebuild);
                    }
                    let moved = self.index.insert_pending(at);
                    self.shift_rows(&moved, at, true);
                    for p in &mut pending {
                        super::index::shift_position(p, at, true);
                    }
                    pending.push(at);
                }
                Edit::RemoveClaim { at } => {
                    let at = *at;
                    if at >= self.index.claims() {
                        return Err(Rebuild);
                    }
                    pending.retain(|&p| p != at);
                    let (owner, moved) = self.index.remove(at);
                    self.note(owner, &mut dirty);
                    self.shift_rows(&moved, at, false);
                    for p in &mut pending {
                        super::index::shift_position(p, at, false);
                    }
                }
                Edit::ReplaceClaim { at, .. } => {
                    let at = *at;
                    if at >= self.index.claims() {
                        return Err(Rebuild);
                    }
                    let owner = self.index.replace_pending(at);
                    self.note(owner, &mut dirty);
                    if !pending.contains(&at) {
                        pending.push(at);
                    }
                }
                Edit::InsertActor { at, .. } => {
                    // An append (checked by `precheck`): a row to fill at the end.
                    self.roster.rows.push(super::roster::RosterRow {
                        actor: *at,
                        values: Vec::new(),
                        sources: 0,
                    });
                    self.seats.push(seat(
                        &d.body.seat_rules,
                        d,
                        &self.index,
                        &self.roster.rows[*at],
                    ));
                    appended.push(*at);
                }
                Edit::RemoveActor { at } if single => {
                    // The last actor (checked by `precheck`): its claims count for no one.
                    if !self.index.remove_last_actor(d) {
                        return Err(Rebuild);
                    }
                    self.change.orphans = true;
                    let gone = self.roster.rows.pop().ok_or(Rebuild)?;
                    self.seats.pop();
                    self.conflicts -= gone.conflicts();
                    debug_assert_eq!(gone.actor, *at);
                }
                Edit::ReplaceActor { at, .. } => {
                    // Its row stays unless its id changed, which moves claims: rebuild then.
                    let kept = appended.contains(at)
                        || d.actors
                            .get(*at)
                            .is_some_and(|actor| self.index.actor_by_id.get(&actor.id) == Some(at));
                    if !kept {
                        return Err(Rebuild);
                    }
                }
                // An outlet's default reliability weighs its sources' claims as a source's own.
                Edit::InsertSource { .. }
                | Edit::RemoveSource { .. }
                | Edit::ReplaceSource { .. }
                | Edit::SetOutlets(_) => {
                    sources = true;
                }
                Edit::InsertEvent { .. } | Edit::RemoveEvent { .. } | Edit::ReplaceEvent { .. } => {
                }
                Edit::SetSeatRules(_) => rules = true,
                Edit::RemoveActor { .. } | Edit::Batch(_) => return Err(Rebuild),
            }
        }
        if self.index.claims() != d.claims.len()
            || self.roster.rows.len() != d.actors.len()
            || self.index.claims_by_actor.len() + appended.len() != d.actors.len()
        {
            return Err(Rebuild);
        }
        if sources {
            let changed = self.index.refresh_sources(d);
            if !changed.is_empty() {
                let moved = self.index.redate(d, &changed);
                dirty.extend(moved.actors);
                self.change.body |= moved.body;
                self.change.orphans |= moved.orphans;
            }
        }
        for &a in &appended {
            self.change.orphans |= self.index.add_last_actor(d, a).ok_or(Rebuild)?;
            dirty.push(a);
        }
        for p in pending {
            let owner = self.index.settle(d, p);
            self.note(owner, &mut dirty);
        }
        dirty.sort_unstable();
        dirty.dedup();
        for &a in &dirty {
            self.rederive(d, a, as_of, false);
        }
        // The claim matrix redoes the rows of actors whose claims changed or moved.
        let mut actors = std::mem::take(&mut self.change.actors);
        actors.extend(dirty);
        actors.sort_unstable();
        actors.dedup();
        self.change.actors = actors;
        if rules {
            for (outcome, row) in self.seats.iter_mut().zip(&self.roster.rows) {
                *outcome = seat(&d.body.seat_rules, d, &self.index, row);
            }
        }
        Ok(())
    }

    /// Refuses, before anything changes, what the incremental path does not follow: actors
    /// inserted anywhere but at the end or removed (but the last one, alone), and edits that
    /// move so many positions that rebuilding is cheaper.
    fn precheck(&self, leaves: &[&Edit]) -> Result<(), Rebuild> {
        let mut actors = self.roster.rows.len();
        let mut claims = self.index.claims();
        let mut moves = 0usize;
        for leaf in leaves {
            match leaf {
                Edit::InsertActor { at, .. } if *at == actors => actors += 1,
                Edit::RemoveActor { at } if leaves.len() == 1 && *at + 1 == actors => actors -= 1,
                Edit::InsertActor { .. } | Edit::RemoveActor { .. } => return Err(Rebuild),
                Edit::InsertClaim { at, .. } => {
                    moves += claims.saturating_sub(*at);
                    claims += 1;
                }
                Edit::RemoveClaim { at } => {
                    moves += claims.saturating_sub(*at);
                    claims = claims.saturating_sub(1);
                }
                _ => {}
            }
        }
        if moves > MAX_MOVES_PER_CLAIM * claims.max(1) {
            return Err(Rebuild);
        }
        Ok(())
    }

    /// Moves the claim positions in the rows of the actors whose claims moved, as an insert
    /// or removal at `at` did.
    fn shift_rows(&mut self, moved: &Moved, at: usize, up: bool) {
        for &a in &moved.actors {
            if let Some(row) = self.roster.rows.get_mut(a) {
                row.shift_claims(at, up);
            }
        }
        self.change.actors.extend(&moved.actors);
        self.change.body |= moved.body;
        self.change.orphans |= moved.orphans;
    }

    /// Records that a claim of `owner` changed: an actor's row is derived again.
    fn note(&mut self, owner: Owner, dirty: &mut Vec<usize>) {
        match owner {
            Owner::Actor(a) => dirty.push(a),
            Owner::Body => self.change.body = true,
            Owner::Orphan => self.change.orphans = true,
            Owner::Pending => {}
        }
    }
}

/// The leaves of an edit, in the order they apply.
fn flatten<'e>(edit: &'e Edit, out: &mut Vec<&'e Edit>) {
    match edit {
        Edit::Batch(edits) => edits.iter().for_each(|e| flatten(e, out)),
        leaf => out.push(leaf),
    }
}
