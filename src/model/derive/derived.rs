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

use crate::model::data::body::{BodyDates, body_dates};
use std::collections::BTreeMap;

use super::body_conflicts::{BodyConflict, body_conflicts, sub_body_conflicts};
use super::conflict::Candidate;
use super::index::{ClaimOwner, Index, Moved, known_by};
use super::roster::{Roster, RosterRow, row_into};
use super::seats::{SEAT_INPUTS, SeatContext, SeatOutcome, seat, seats};
use super::speakers::{Speakers, target};
use crate::model::data::dataset::Dataset;
use crate::model::data::edit::Edit;

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
    /// Who speaks for which state or organisation (seats are decided with it).
    pub speakers: Speakers,
    /// The main body's milestones as of the date (terms and the payment window count from
    /// entry into force).
    pub body_dates: BodyDates,
    /// Properties in conflict: the roster's and the bodies' (counted once, shown every frame).
    /// Every count of conflicts (`check`, the status bar, the reports) is this one.
    pub conflicts: usize,
    /// The properties of bodies in conflict (their claims are few: derived again whenever
    /// they or the date change).
    pub body_conflicts: Vec<BodyConflict>,
    /// The actors' properties in conflict on sub-bodies, by actor (only those with some):
    /// derived with the actor's row.
    pub sub_body_conflicts: BTreeMap<usize, Vec<BodyConflict>>,
    /// What the last `apply_edit` changed, for caches built on claim positions.
    change: DerivedChange,
    /// What the last move of the as-of date re-derived, for views that filter or sort rows.
    as_of_step: Option<AsOfStep>,
    /// A buffer for deriving rows, kept between them.
    scratch: Vec<Candidate>,
    /// Actors whose seats are decided again once every row of the step is derived (a state's
    /// seat reads the rows of those who speak for it).
    to_reseat: Vec<usize>,
    /// Actors by the days their claims become known, built at the first move of the as-of
    /// date after a rebuild and kept up to date by edits: a move finds the rows it touches
    /// without reading every claim.
    days: Option<KnownDays>,
}

/// Pairs (day a claim becomes known, its actor). Edits only add pairs (an actor's current
/// ones); a pair may be stale (the claim changed or went), so readers check the actor's
/// claims before trusting it.
#[derive(Debug, Default)]
struct KnownDays {
    /// Sorted, without duplicates.
    sorted: Vec<(NaiveDate, usize)>,
    /// Added since the last merge, unsorted.
    recent: Vec<(NaiveDate, usize)>,
    /// Whether edits added pairs since the build (some may then be stale); until then every
    /// pair is exact and readers need not check it.
    edited: bool,
}

/// Beyond this many recent pairs, they are merged into the sorted ones.
const MAX_RECENT_DAYS: usize = 4096;

impl KnownDays {
    fn build(index: &Index) -> KnownDays {
        let mut days = KnownDays::default();
        for a in 0..index.claims_by_actor.len() {
            days.add_actor(index, a);
        }
        days.merge();
        days.edited = false;
        days
    }

    /// Records the days on which the claims of `actor` become known.
    fn add_actor(&mut self, index: &Index, actor: usize) {
        let known = index.claims_by_actor[actor]
            .iter()
            .filter_map(|&c| index.known_from(c));
        self.recent.extend(known.map(|day| (day, actor)));
    }

    fn merge(&mut self) {
        self.sorted.append(&mut self.recent);
        self.sorted.sort_unstable();
        self.sorted.dedup();
    }

    /// The actors (perhaps too many, never too few, unsorted and repeated) with a claim known
    /// after `after` and by `upto` (`None`: no end).
    fn between(
        &self,
        after: NaiveDate,
        upto: Option<NaiveDate>,
    ) -> impl Iterator<Item = usize> + '_ {
        let inside = move |day: NaiveDate| day > after && upto.is_none_or(|u| day <= u);
        let start = self.sorted.partition_point(|&(day, _)| day <= after);
        let end = match upto {
            Some(u) => self.sorted.partition_point(|&(day, _)| day <= u),
            None => self.sorted.len(),
        };
        let recent = self.recent.iter().filter(move |&&(day, _)| inside(day));
        self.sorted[start..end.max(start)]
            .iter()
            .chain(recent)
            .map(|&(_, a)| a)
    }
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
/// matrix) redo only these parts, see [`crate::model::derive::compare::ClaimMatrix::follow`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DerivedChange {
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

/// Beyond this many actors appended by one edit, rebuilding is cheaper (each one looks through
/// every claim for its own).
const MAX_APPENDED_ACTORS: usize = 8;

/// What the leaves of an edit left to do once the whole edit is known.
#[derive(Default)]
struct Followed {
    /// Claims whose content is read at the end, by their current position.
    pending: Vec<usize>,
    /// Actors whose rows are derived again at the end.
    dirty: Vec<usize>,
    appended: Vec<usize>,
    sources: bool,
    rules: bool,
    /// Actors came or went: ids others represent may now name another actor, or none.
    actors_changed: bool,
}

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

    /// Every property in conflict outside the main roster: the bodies' own, then the actors'
    /// on sub-bodies (with the roster's, as many as `conflicts`).
    pub fn other_conflicts(&self) -> impl Iterator<Item = &BodyConflict> {
        self.body_conflicts
            .iter()
            .chain(self.sub_body_conflicts.values().flatten())
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
        if self.days.is_none() {
            self.days = Some(KnownDays::build(&self.index));
        }
        let rows = self.crossing(before, as_of);
        for &actor in &rows {
            self.rederive(dataset, actor, as_of, true);
        }
        self.flush_reseats(dataset);
        self.redate_body(dataset, as_of);
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
        self.change = DerivedChange::default();
        if self.follow(dataset, edit, as_of).is_err() {
            self.rebuild(dataset, as_of);
        }
        let revision = dataset.revision.get();
        self.index_revision = Some(revision);
        self.key = Some((revision, as_of));
    }

    /// What the last `apply_edit` changed (everything, after a rebuild).
    pub fn change(&self) -> &DerivedChange {
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
        self.to_reseat.clear();
        self.change = DerivedChange {
            rebuilt: true,
            ..DerivedChange::default()
        };
        self.index = Index::build(dataset);
        self.days = None;
        self.roster = super::roster::roster(dataset, &self.index, as_of);
        self.body_dates = body_dates(dataset, &self.index, &dataset.body.id, as_of);
        (self.speakers, self.seats) = seats(
            &dataset.body.seat_rules,
            self.body_dates.in_force_date(),
            dataset,
            &self.index,
            &self.roster.rows,
        );
        self.body_conflicts = body_conflicts(dataset, &self.index, as_of);
        self.sub_body_conflicts = (0..dataset.actors.len())
            .map(|a| (a, sub_body_conflicts(dataset, &self.index, a, as_of)))
            .filter(|(_, found)| !found.is_empty())
            .collect();
        self.conflicts = self.roster.conflicts()
            + self.body_conflicts.len()
            + self
                .sub_body_conflicts
                .values()
                .map(Vec::len)
                .sum::<usize>();
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
        // Its places on sub-bodies, from the same claims.
        let old_sub = self
            .sub_body_conflicts
            .remove(&actor)
            .map_or(0, |v| v.len());
        let sub = sub_body_conflicts(d, &self.index, actor, as_of);
        self.conflicts = self.conflicts + sub.len() - old_sub;
        if !sub.is_empty() {
            self.sub_body_conflicts.insert(actor, sub);
        }
        if !same_claims || bests(row) != old_bests {
            // The actor's seat, and that of the member it speaks (or spoke) for, whose seat
            // may rest on its word.
            let to = target(d, &self.index, row);
            let from = self.speakers.set(actor, to);
            self.to_reseat
                .extend([Some(actor), from, to].into_iter().flatten());
        }
    }

    /// Decides the seats queued by [`Self::rederive`], each once, now that all rows are derived.
    fn flush_reseats(&mut self, d: &Dataset) {
        let mut queue = std::mem::take(&mut self.to_reseat);
        queue.sort_unstable();
        queue.dedup();
        for &a in &queue {
            self.reseat(d, a);
        }
        queue.clear();
        self.to_reseat = queue;
    }

    /// Decides the seat of the actor at `actor` again.
    fn reseat(&mut self, d: &Dataset, actor: usize) {
        let ctx = SeatContext {
            rules: &d.body.seat_rules,
            in_force: self.body_dates.in_force_date(),
            speakers: &self.speakers,
            rows: &self.roster.rows,
        };
        if let Some(row) = self.roster.rows.get(actor) {
            self.seats[actor] = seat(&ctx, d, &self.index, row);
        }
    }

    /// Decides every seat again (the rules, the body's dates or actor kinds changed).
    fn reseat_all(&mut self, d: &Dataset) {
        (self.speakers, self.seats) = seats(
            &d.body.seat_rules,
            self.body_dates.in_force_date(),
            d,
            &self.index,
            &self.roster.rows,
        );
    }

    /// Reads the body's milestones again; when entry into force moved, every seat is decided
    /// again (terms and the payment window count from it).
    fn redate_body(&mut self, d: &Dataset, as_of: Option<NaiveDate>) {
        self.recount_body_conflicts(d, as_of);
        let dates = body_dates(d, &self.index, &d.body.id, as_of);
        if dates.in_force_date() != self.body_dates.in_force_date() {
            self.body_dates = dates;
            self.reseat_all(d);
        } else {
            self.body_dates = dates;
        }
    }

    /// Finds the bodies' conflicts again and adjusts the count.
    fn recount_body_conflicts(&mut self, d: &Dataset, as_of: Option<NaiveDate>) {
        let fresh = body_conflicts(d, &self.index, as_of);
        self.conflicts = self.conflicts + fresh.len() - self.body_conflicts.len();
        self.body_conflicts = fresh;
    }

    /// The actors with a claim known by one of the dates and not the other, in order: those
    /// with a claim known after the earlier date and by the later one (a `None` date is later
    /// than any day), found through `days` and checked claim by claim.
    fn crossing(&self, before: Option<NaiveDate>, after: Option<NaiveDate>) -> Vec<usize> {
        let (earlier, later) = match (before, after) {
            (Some(b), Some(a)) => (b.min(a), Some(b.max(a))),
            (Some(day), None) | (None, Some(day)) => (day, None),
            (None, None) => return Vec::new(),
        };
        let Some(days) = &self.days else {
            return Vec::new();
        };
        let mut rows: Vec<usize> = days
            .between(earlier, later)
            .filter(|&a| a < self.roster.rows.len())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        if !days.edited {
            // Every pair is a claim of that actor known on that day, between the two dates.
            return rows;
        }
        rows.retain(|&a| {
            self.index.claims_by_actor[a].iter().any(|&c| {
                let known = self.index.known_from(c);
                known_by(known, before) != known_by(known, after)
            })
        });
        rows
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
        let mut f = Followed::default();
        for leaf in leaves {
            self.follow_leaf(d, leaf, single, &mut f)?;
        }
        let Followed {
            pending,
            mut dirty,
            appended,
            sources,
            rules,
            actors_changed,
        } = f;
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
        if let Some(days) = &mut self.days {
            days.edited = true;
            for &a in &dirty {
                days.add_actor(&self.index, a);
            }
            if days.recent.len() > MAX_RECENT_DAYS {
                days.merge();
            }
        }
        // The claim matrix redoes the rows of actors whose claims changed or moved.
        let mut actors = std::mem::take(&mut self.change.actors);
        actors.extend(dirty);
        actors.sort_unstable();
        actors.dedup();
        self.change.actors = actors;
        self.flush_reseats(d);
        if rules || self.speakers.kinds_changed(d) {
            self.recount_body_conflicts(d, as_of);
            self.body_dates = body_dates(d, &self.index, &d.body.id, as_of);
            self.reseat_all(d);
        } else {
            if actors_changed || !appended.is_empty() {
                self.retarget(d);
            }
            if self.change.body || sources {
                self.redate_body(d, as_of);
            }
        }
        Ok(())
    }

    /// One leaf of an edit: positions move at once; what is read from the dataset is noted
    /// in `f` for the end.
    fn follow_leaf(
        &mut self,
        d: &Dataset,
        leaf: &Edit,
        single: bool,
        f: &mut Followed,
    ) -> Result<(), Rebuild> {
        match leaf {
            Edit::InsertClaim { at, .. } => {
                let at = *at;
                if at > self.index.claims() {
                    return Err(Rebuild);
                }
                let moved = self.index.insert_pending(at);
                self.shift_rows(&moved, at, true);
                for p in &mut f.pending {
                    super::index::shift_position(p, at, true);
                }
                f.pending.push(at);
            }
            Edit::RemoveClaim { at } => {
                let at = *at;
                if at >= self.index.claims() {
                    return Err(Rebuild);
                }
                f.pending.retain(|&p| p != at);
                let (owner, moved) = self.index.remove(at);
                self.note(owner, &mut f.dirty);
                self.shift_rows(&moved, at, false);
                for p in &mut f.pending {
                    super::index::shift_position(p, at, false);
                }
            }
            Edit::ReplaceClaim { at, .. } => {
                let at = *at;
                if at >= self.index.claims() {
                    return Err(Rebuild);
                }
                let owner = self.index.replace_pending(at);
                self.note(owner, &mut f.dirty);
                if !f.pending.contains(&at) {
                    f.pending.push(at);
                }
            }
            Edit::InsertActor { at, .. } => {
                // An append (checked by `precheck`): a row to fill at the end.
                self.roster.rows.push(super::roster::RosterRow {
                    actor: *at,
                    values: Vec::new(),
                    sources: 0,
                });
                let kind = d.actors.get(*at).map(|a| a.kind).unwrap_or_default();
                self.speakers.push_actor(kind);
                self.seats.push(SeatOutcome::none());
                self.to_reseat.push(*at);
                f.appended.push(*at);
            }
            Edit::RemoveActor { at } if single => {
                // The last actor (checked by `precheck`): its claims count for no one.
                if !self.index.remove_last_actor(d) {
                    return Err(Rebuild);
                }
                self.change.orphans = true;
                let gone = self.roster.rows.pop().ok_or(Rebuild)?;
                self.seats.pop();
                // Those who spoke for it now speak for no one, and the member it spoke for
                // loses its word.
                self.to_reseat
                    .extend_from_slice(self.speakers.speakers(*at));
                self.to_reseat.extend(self.speakers.speaks_for(*at));
                self.speakers.pop_actor();
                f.actors_changed = true;
                self.conflicts -= gone.conflicts();
                self.conflicts -= self.sub_body_conflicts.remove(at).map_or(0, |v| v.len());
                debug_assert_eq!(gone.actor, *at);
            }
            Edit::ReplaceActor { at, .. } => {
                // Its row stays unless its id changed, which moves claims: rebuild then.
                let kept = f.appended.contains(at)
                    || d.actors
                        .get(*at)
                        .is_some_and(|actor| self.index.actor_by_id.get(&actor.id) == Some(at));
                if !kept {
                    return Err(Rebuild);
                }
                // Seats name who speaks for whom ("via Netanyahu"): a new name shows there.
                self.to_reseat
                    .extend_from_slice(self.speakers.speakers(*at));
                self.to_reseat.extend(self.speakers.speaks_for(*at));
            }
            // An outlet's default reliability weighs its sources' claims as a source's own.
            Edit::InsertSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::ReplaceSource { .. }
            | Edit::SetOutlets(_) => {
                f.sources = true;
            }
            Edit::InsertEvent { .. } | Edit::RemoveEvent { .. } | Edit::ReplaceEvent { .. } => {}
            // The main body's id decides which claims are about it: rebuild (rare).
            Edit::ReplaceBody { at: 0, body } if body.id != self.index.main_body() => {
                return Err(Rebuild);
            }
            Edit::SetSeatRules(_)
            | Edit::InsertBody { .. }
            | Edit::RemoveBody { .. }
            | Edit::ReplaceBody { .. } => f.rules = true,
            Edit::SetMergeConflicts(_) => {}
            Edit::RemoveActor { .. } | Edit::SetBodies { .. } | Edit::Batch(_) => {
                return Err(Rebuild);
            }
        }
        Ok(())
    }

    /// Works out again whom every actor speaks for (one lookup per actor), and decides again
    /// the seats of those whose link changed and of the members on either end.
    fn retarget(&mut self, d: &Dataset) {
        let fresh = Speakers::build(d, &self.index, &self.roster.rows);
        for a in 0..self.roster.rows.len() {
            let (old, new) = (self.speakers.speaks_for(a), fresh.speaks_for(a));
            if old != new {
                self.to_reseat
                    .extend([Some(a), old, new].into_iter().flatten());
            }
        }
        self.speakers = fresh;
        self.flush_reseats(d);
    }

    /// Refuses, before anything changes, what the incremental path does not follow: actors
    /// inserted anywhere but at the end or removed (but the last one, alone), and edits that
    /// move so many positions that rebuilding is cheaper.
    fn precheck(&self, leaves: &[&Edit]) -> Result<(), Rebuild> {
        let mut actors = self.roster.rows.len();
        let mut claims = self.index.claims();
        let mut moves = 0usize;
        let mut appended = 0usize;
        for leaf in leaves {
            match leaf {
                // Each appended actor looks through every claim for its own: beyond a few
                // (an import of thousands), deriving again is cheaper.
                Edit::InsertActor { at, .. } if *at == actors => {
                    actors += 1;
                    appended += 1;
                    if appended > MAX_APPENDED_ACTORS {
                        return Err(Rebuild);
                    }
                }
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
            for c in self.sub_body_conflicts.get_mut(&a).into_iter().flatten() {
                c.shift_claims(at, up);
            }
        }
        self.change.actors.extend(&moved.actors);
        self.change.body |= moved.body;
        self.change.orphans |= moved.orphans;
    }

    /// Records that a claim of `owner` changed: an actor's row is derived again.
    fn note(&mut self, owner: ClaimOwner, dirty: &mut Vec<usize>) {
        match owner {
            ClaimOwner::Actor(a) => dirty.push(a),
            ClaimOwner::Body => self.change.body = true,
            ClaimOwner::Orphan => self.change.orphans = true,
            ClaimOwner::Pending => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::data::ops::hand_claim;
    use crate::model::{ActorKind, EDITORS_NOTE, Fact, Status};

    /// Hand edits get distinct ids through the index's id lookup, kept up to date by edits
    /// (applied, then undone) without reading every claim.
    #[test]
    fn hand_claims_take_free_ids_through_the_index() {
        let mut d = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::State)
            .source("s", "Outlet", Some("2026-01-22"), "text")
            .claim("x", Fact::Status(Status::Invited), "s", None, None)
            .build();
        let mut derived = Derived::default();
        derived.refresh(&d, None);
        let status = |s| Fact::Status(s);
        let mut ids = Vec::new();
        let mut undo = Vec::new();
        for s in [Status::Member, Status::Declined, Status::Member] {
            let edit = hand_claim(&d, &derived.index, "x", status(s), EDITORS_NOTE, None, "");
            undo.push(edit.clone().apply(&mut d).unwrap());
            derived.apply_edit(&d, &edit);
            ids.push(d.claims.last().unwrap().id.clone());
        }
        assert_eq!(
            ids,
            [
                "c-x-status-editor",
                "c-x-status-editor-2",
                "c-x-status-editor-3"
            ]
        );
        // Undone, the last id is free again; the others are still taken.
        let inverse = undo.pop().unwrap();
        inverse.clone().apply(&mut d).unwrap();
        derived.apply_edit(&d, &inverse);
        assert!(!derived.index.claim_id_taken("c-x-status-editor-3"));
        assert!(derived.index.claim_id_taken("c-x-status-editor-2"));
        let edit = hand_claim(
            &d,
            &derived.index,
            "x",
            status(Status::Signed),
            EDITORS_NOTE,
            None,
            "",
        );
        let Edit::InsertClaim { claim, .. } = edit else {
            panic!("a hand claim is one inserted claim");
        };
        assert_eq!(claim.id, "c-x-status-editor-3");
    }
}
