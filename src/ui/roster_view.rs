//! Which roster rows to show and in what order: search, filters and sort, recomputed only when
//! the dataset, the roster or the query changes (never per frame), so typing stays smooth at
//! 100,000 actors.

use std::cmp::Ordering;

use crate::model::search::{Query, search_key};
use crate::model::{ActorKind, Dataset, Derived, Fact, Property, Role, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Kind,
    Country,
    Role,
    Status,
    Seat,
    Pledge,
    Sources,
    Conflict,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Name,
        Column::Kind,
        Column::Country,
        Column::Role,
        Column::Status,
        Column::Seat,
        Column::Pledge,
        Column::Sources,
        Column::Conflict,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Kind => "Kind",
            Column::Country => "Country",
            Column::Role => "Role",
            Column::Status => "Status",
            Column::Seat => "Seat",
            Column::Pledge => "Pledge",
            Column::Sources => "Sources",
            Column::Conflict => "⚠",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Column::Name => "The actor's name. Double-click a cell to edit it.",
            Column::Kind => "Person, state or organisation",
            Column::Country => "The actor's country",
            Column::Role => "Role on the body, from the best-ranked, latest claim",
            Column::Status => "Where the actor stands: invited, reviewing, member, declined…",
            Column::Seat => "The seat the body's rules give: chair, permanent, term, or none",
            Column::Pledge => "The contribution pledged, from the best claim",
            Column::Sources => "How many sources make claims about the actor",
            Column::Conflict => {
                "Sources of equal rank and date disagree; hover the mark to see who says what"
            }
        }
    }
}

/// Everything that decides which rows show, in which order.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterQuery {
    pub text: String,
    pub kind: Option<ActorKind>,
    pub status: Option<Status>,
    pub role: Option<Role>,
    pub conflicts_only: bool,
    pub sort: Column,
    pub descending: bool,
}

impl Default for RosterQuery {
    fn default() -> Self {
        RosterQuery {
            text: String::new(),
            kind: None,
            status: None,
            role: None,
            conflicts_only: false,
            sort: Column::Name,
            descending: false,
        }
    }
}

impl RosterQuery {
    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty()
            || self.kind.is_some()
            || self.status.is_some()
            || self.role.is_some()
            || self.conflicts_only
    }
}

/// The rows to show: positions in `derived.roster.rows`.
#[derive(Debug, Default)]
pub struct RosterView {
    pub rows: Vec<usize>,
    /// Name order is the default sort, so the unsorted roster keeps dataset order.
    keys_revision: Option<u64>,
    search_keys: Vec<String>,
    key: Option<(u64, RosterQuery)>,
}

impl RosterView {
    /// Recomputes if the dataset or the query changed.
    pub fn refresh(&mut self, dataset: &Dataset, derived: &Derived, query: &RosterQuery) {
        let revision = derived.revision();
        if self
            .key
            .as_ref()
            .is_some_and(|(r, q)| *r == revision && q == query)
        {
            return;
        }
        if self.keys_revision != Some(revision) {
            self.search_keys = dataset.actors.iter().map(search_key).collect();
            self.keys_revision = Some(revision);
        }
        let text = Query::new(&query.text);
        let rows = &derived.roster.rows;
        let mut shown: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                let row = &rows[i];
                let actor = &dataset.actors[row.actor];
                (text.is_empty() || text.matches(&self.search_keys[row.actor]))
                    && query.kind.is_none_or(|k| actor.kind == k)
                    && query.status.is_none_or(|s| row.status(dataset) == Some(s))
                    && query
                        .role
                        .is_none_or(|r| role(dataset, derived, i) == Some(r))
                    && (!query.conflicts_only || row.has_conflict())
            })
            .collect();
        shown.sort_by(|&a, &b| {
            let order = compare(dataset, derived, &self.search_keys, query.sort, a, b);
            if query.descending {
                order.reverse()
            } else {
                order
            }
        });
        self.rows = shown;
        self.key = Some((revision, query.clone()));
    }
}

fn role(dataset: &Dataset, derived: &Derived, row: usize) -> Option<Role> {
    match derived.roster.rows[row].fact(dataset, Property::Role) {
        Some(Fact::Role(r)) => Some(*r),
        _ => None,
    }
}

/// The pledge in the threshold's currency, for sorting; unknown pledges sort first.
fn pledge(dataset: &Dataset, derived: &Derived, row: usize) -> Option<f64> {
    derived.seats[row].pledged.or_else(|| {
        match derived.roster.rows[row].fact(dataset, Property::Pledge) {
            Some(Fact::Pledge(m)) => Some(m.amount as f64),
            _ => None,
        }
    })
}

fn compare(
    dataset: &Dataset,
    derived: &Derived,
    keys: &[String],
    column: Column,
    a: usize,
    b: usize,
) -> Ordering {
    let rows = &derived.roster.rows;
    let (ra, rb) = (&rows[a], &rows[b]);
    let (aa, ab) = (&dataset.actors[ra.actor], &dataset.actors[rb.actor]);
    let by = match column {
        // Folded, so "Erdoğan" sorts with "Erdogan".
        Column::Name => keys[ra.actor].cmp(&keys[rb.actor]),
        Column::Kind => aa.kind.cmp(&ab.kind),
        Column::Country => aa.country.to_lowercase().cmp(&ab.country.to_lowercase()),
        Column::Role => role(dataset, derived, a).cmp(&role(dataset, derived, b)),
        Column::Status => ra.status(dataset).cmp(&rb.status(dataset)),
        Column::Seat => derived.seats[a].kind.cmp(&derived.seats[b].kind),
        Column::Pledge => pledge(dataset, derived, a)
            .partial_cmp(&pledge(dataset, derived, b))
            .unwrap_or(Ordering::Equal),
        Column::Sources => ra.sources.cmp(&rb.sources),
        Column::Conflict => rb.has_conflict().cmp(&ra.has_conflict()),
    };
    // Ties keep dataset order, so sorting is stable and predictable.
    by.then(a.cmp(&b))
}
