//! Comparing sources: the claim matrix (rows are subject and property, columns the chosen
//! sources, cells what each says), each row's verdict, and each claim's agreement, which
//! colours its quote in the side-by-side texts. A row is a conflict exactly when the one rule
//! ([`super::conflict`]) finds one among its claims, so with every source chosen the matrix
//! counts the conflicts the roster counts.

use std::collections::{BTreeMap, HashMap};

use super::conflict;
use super::conflict::Candidate;
use super::derived::DerivedChange;
use super::index::Index;
use super::roster::candidate;
use crate::model::data::dataset::{Claim, Dataset, Fact, Id, Property, Rank, Subject};
use crate::model::text::quote::Anchor;

/// How the chosen sources relate on one row, or one claim to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Every source that speaks to it says the same.
    Agree,
    /// The sources say different things that fit one history (steps of a status's life
    /// cycle, a later word that moved on) or that a rank has settled: not a conflict.
    History,
    /// Only one of the chosen sources says anything about it.
    Single,
    /// Two claims conflict under the one rule ([`super::conflict`]).
    Conflict,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Agree,
        Verdict::History,
        Verdict::Single,
        Verdict::Conflict,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::History => "history",
            Verdict::Single => "single source",
            Verdict::Conflict => "conflict",
        }
    }
}

/// Whether two claims say the same thing (the same value, both positive or both negative).
fn same_value(a: &Claim, b: &Claim) -> bool {
    a.fact == b.fact && a.negated == b.negated
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub subject: Subject,
    /// The sub-body an actor's claims on this row are about (`None`: the main body), so that
    /// a place on the Executive Board never competes with one on the main body.
    pub body: Option<Id>,
    pub property: Property,
    /// One cell per chosen source: the positions of its claims on this row.
    pub cells: Vec<Vec<usize>>,
    pub verdict: Verdict,
    /// On a conflict row: the winning claim and those that conflict with it, sorted.
    pub disputed: Vec<usize>,
}

impl MatrixRow {
    /// The distinct values a cell holds, in claim order.
    pub fn values<'d>(&self, d: &'d Dataset, column: usize) -> Vec<&'d Fact> {
        let mut values: Vec<&Fact> = Vec::new();
        for &c in &self.cells[column] {
            if !values.contains(&&d.claims[c].fact) {
                values.push(&d.claims[c].fact);
            }
        }
        values
    }

    /// The distinct values a cell holds in words ("not member" for a negative claim), in
    /// claim order: what the `compare` table and its JSON show.
    pub fn value_labels(&self, d: &Dataset, column: usize) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for &c in &self.cells[column] {
            let label = d.claims[c].value_label(d);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimMatrix {
    /// The chosen sources' ids, one per column.
    pub sources: Vec<String>,
    pub rows: Vec<MatrixRow>,
    /// Each compared claim's row and column.
    place: HashMap<usize, (usize, usize)>,
    /// Each row's place in the order: 0 for bodies, an actor's position + 1, `usize::MAX`
    /// for unknown actors.
    orders: Vec<usize>,
}

impl ClaimMatrix {
    /// How many rows have each verdict.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.rows.iter().filter(|r| r.verdict == verdict).count()
    }

    /// How a claim stands against the other chosen sources: in conflict when the one rule
    /// puts it in its row's conflict (the winner or a rival), single when no other source
    /// speaks, agreeing when every other source says the same, else history.
    pub fn claim_verdict(&self, d: &Dataset, claim: usize) -> Option<Verdict> {
        let &(row, column) = self.place.get(&claim)?;
        let row = &self.rows[row];
        if row.disputed.binary_search(&claim).is_ok() {
            return Some(Verdict::Conflict);
        }
        let value = &d.claims[claim];
        let mut others = row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, cell)| *i != column && !cell.is_empty())
            .peekable();
        if others.peek().is_none() {
            return Some(Verdict::Single);
        }
        let all_agree = others.all(|(_, cell)| {
            cell.iter()
                .any(|&other| same_value(&d.claims[other], value))
        });
        Some(if all_agree {
            Verdict::Agree
        } else {
            Verdict::History
        })
    }

    /// For each other chosen source, the claim on the same row that best answers this one:
    /// one with the same value if there is one, else the first that differs.
    pub fn counterparts(&self, d: &Dataset, claim: usize) -> Vec<usize> {
        let Some(&(row, column)) = self.place.get(&claim) else {
            return Vec::new();
        };
        let value = &d.claims[claim];
        self.rows[row]
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != column)
            .filter_map(|(_, cell)| {
                cell.iter()
                    .copied()
                    .find(|&c| same_value(&d.claims[c], value))
                    .or_else(|| cell.first().copied())
            })
            .collect()
    }

    /// The row a claim sits on, if it was compared.
    pub fn row_of(&self, claim: usize) -> Option<usize> {
        self.place.get(&claim).map(|&(row, _)| row)
    }
}

/// A subject's name: the actor's, or the body's.
pub fn subject_name<'d>(d: &'d Dataset, index: &Index, subject: &'d Subject) -> &'d str {
    match subject {
        Subject::Actor(id) => index.actor_by_id.get(id).map_or(id, |&a| &d.actors[a].name),
        Subject::Body(id) => d.body_by_id(id).map_or(id, |b| &b.name),
    }
}

/// A row's name: its subject's, and the sub-body its claims are about ("Tony Blair (Executive
/// Board)").
pub fn row_name<'d>(
    d: &'d Dataset,
    index: &Index,
    row: &'d MatrixRow,
) -> std::borrow::Cow<'d, str> {
    let name = subject_name(d, index, &row.subject);
    match &row.body {
        None => name.into(),
        Some(id) => format!(
            "{name} ({})",
            crate::model::data::body::claim_body_name(d, Some(id))
        )
        .into(),
    }
}

/// A row's place: its order (0 for bodies, an actor's position + 1), subject, sub-body, and
/// property.
type RowKey = (usize, Subject, Option<Id>, Property);

/// Builds the matrix for the chosen sources (by id, in column order). Deprecated claims never
/// count, so they are left out; rows follow the body first, then actors in dataset order.
pub fn compare(d: &Dataset, index: &Index, sources: &[String]) -> ClaimMatrix {
    compare_where(d, index, sources, |_| true)
}

/// [`compare`] over only the claims `keep` accepts (those known by an as-of date, for a report
/// of that day): rows and verdicts are those of these claims alone.
pub fn compare_where(
    d: &Dataset,
    index: &Index,
    sources: &[String],
    keep: impl Fn(usize) -> bool,
) -> ClaimMatrix {
    // A source named twice is one column: a column per name would leave the second one
    // with no cells (each claim goes to one column), and rows sized by distinct names.
    let sources = &distinct(sources);
    let column = columns(sources);
    let mut rows: BTreeMap<RowKey, Vec<Vec<usize>>> = BTreeMap::new();
    for (i, claim) in d.claims.iter().enumerate().filter(|&(i, _)| keep(i)) {
        let order = match &claim.subject {
            Subject::Body(_) => 0,
            Subject::Actor(id) => index.actor_by_id.get(id).map_or(usize::MAX, |&a| a + 1),
        };
        add(&mut rows, &column, d, index, i, order);
    }
    let mut matrix = ClaimMatrix {
        sources: sources.to_vec(),
        ..ClaimMatrix::default()
    };
    matrix.extend(d, index, rows);
    matrix.place_claims();
    matrix
}

/// The sources in the order given, each once.
fn distinct(sources: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    sources
        .iter()
        .filter(|s| seen.insert(s.as_str()))
        .cloned()
        .collect()
}

fn columns(sources: &[String]) -> HashMap<&str, usize> {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect()
}

/// Puts claim `i` in its row, if its source is a column and it counts.
fn add(
    rows: &mut BTreeMap<RowKey, Vec<Vec<usize>>>,
    column: &HashMap<&str, usize>,
    d: &Dataset,
    index: &Index,
    i: usize,
    order: usize,
) {
    let claim = &d.claims[i];
    let Some(&col) = column.get(claim.source.as_str()) else {
        return;
    };
    if claim.rank == Rank::Deprecated {
        return;
    }
    let body = if index.claim_sub_body(i) {
        claim.body.clone()
    } else {
        None
    };
    let cells = rows
        .entry((order, claim.subject.clone(), body, claim.fact.property()))
        .or_insert_with(|| vec![Vec::new(); column.len()]);
    cells[col].push(i);
}

impl ClaimMatrix {
    /// Follows an edit that `Derived::apply_edit` has just followed (`change` is what it
    /// reports): only the rows of the actors whose claims changed or moved are built again,
    /// from their claims in the index. A rebuild, or a change to claims about unknown actors,
    /// builds the whole matrix.
    pub fn follow(&mut self, d: &Dataset, index: &Index, change: &DerivedChange) {
        if change.rebuilt || change.orphans {
            *self = compare(d, index, &self.sources);
            return;
        }
        if change.actors.is_empty() && !change.body {
            return;
        }
        let column = columns(&self.sources);
        // The new rows of each touched order, in order.
        let mut fresh: BTreeMap<RowKey, Vec<Vec<usize>>> = BTreeMap::new();
        let mut touched: Vec<usize> = change.actors.iter().map(|&a| a + 1).collect();
        if change.body {
            touched.insert(0, 0);
            for &c in &index.body_claims {
                add(&mut fresh, &column, d, index, c, 0);
            }
        }
        for &a in &change.actors {
            for &c in index
                .claims_by_actor
                .get(a)
                .map_or(&[][..], |v| v.as_slice())
            {
                add(&mut fresh, &column, d, index, c, a + 1);
            }
        }
        let old_rows = std::mem::take(&mut self.rows);
        let old_orders = std::mem::take(&mut self.orders);
        let mut fresh = fresh.into_iter().peekable();
        for (row, order) in old_rows.into_iter().zip(old_orders) {
            // Fresh rows that come before this one go first.
            while let Some((key, cells)) = fresh.next_if(|((o, _, _, _), _)| *o < order) {
                self.push(d, index, key, cells);
            }
            // A touched order's old rows give way to its fresh ones.
            if touched.binary_search(&order).is_err() {
                self.rows.push(row);
                self.orders.push(order);
            }
        }
        for (key, cells) in fresh {
            self.push(d, index, key, cells);
        }
        self.place_claims();
    }

    /// Appends rows, given in order, with their verdicts.
    fn extend(&mut self, d: &Dataset, index: &Index, rows: BTreeMap<RowKey, Vec<Vec<usize>>>) {
        for (key, cells) in rows {
            self.push(d, index, key, cells);
        }
    }

    fn push(
        &mut self,
        d: &Dataset,
        index: &Index,
        (order, subject, body, property): RowKey,
        cells: Vec<Vec<usize>>,
    ) {
        let disputed = disputed(&d.claims, index, &cells);
        let verdict = if disputed.is_empty() {
            row_verdict(&d.claims, &cells)
        } else {
            Verdict::Conflict
        };
        self.rows.push(MatrixRow {
            subject,
            body,
            property,
            cells,
            verdict,
            disputed,
        });
        self.orders.push(order);
    }

    fn place_claims(&mut self) {
        self.place.clear();
        for (r, row) in self.rows.iter().enumerate() {
            for (col, cell) in row.cells.iter().enumerate() {
                for &c in cell {
                    self.place.insert(c, (r, col));
                }
            }
        }
    }
}

/// The one rule over a row's claims: the winner and its rivals when they conflict, sorted;
/// nothing otherwise.
fn disputed(claims: &[Claim], index: &Index, cells: &[Vec<usize>]) -> Vec<usize> {
    let mut candidates: Vec<Candidate> = cells
        .iter()
        .flatten()
        .map(|&c| candidate(index, c))
        .collect();
    let Some(outcome) = conflict::resolve(claims, &mut candidates).filter(|o| o.conflict) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = std::iter::once(outcome.best)
        .chain(conflict::rivals(claims, &candidates, outcome.best))
        .collect();
    out.sort_unstable();
    out
}

/// For a row the rule finds no conflict in: agree when every source that speaks holds the same
/// set of values, history when they differ, single when one speaks.
fn row_verdict(claims: &[Claim], cells: &[Vec<usize>]) -> Verdict {
    let mut sets = cells.iter().filter(|c| !c.is_empty()).map(|cell| {
        let mut values: Vec<(&Fact, bool)> = cell
            .iter()
            .map(|&c| (&claims[c].fact, claims[c].negated))
            .collect();
        values.sort();
        values.dedup();
        values
    });
    let Some(first) = sets.next() else {
        return Verdict::Single;
    };
    let mut spoke = 1;
    for set in sets {
        spoke += 1;
        if set != first {
            return Verdict::History;
        }
    }
    if spoke == 1 {
        Verdict::Single
    } else {
        Verdict::Agree
    }
}

/// Where a claim's quote stands in its source's current text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnchoredQuote {
    pub claim: usize,
    pub start: usize,
    pub end: usize,
}

/// The quotes of one source's claims, placed in its current text (a quote whose words moved
/// is shown where they now are), and the claims whose words are gone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Anchored {
    /// Sorted by start.
    pub placed: Vec<AnchoredQuote>,
    pub orphaned: Vec<usize>,
    pub moved: Vec<usize>,
}

pub fn anchor_claims(d: &Dataset, source: usize) -> Anchored {
    let s = &d.sources[source];
    let mut out = Anchored::default();
    for (i, claim) in d.claims.iter().enumerate() {
        let Some(q) = claim.quote.as_ref().filter(|_| claim.source == s.id) else {
            continue;
        };
        let start = match q.anchor(&s.text) {
            Anchor::Exact => q.start,
            Anchor::Moved(at) => {
                out.moved.push(i);
                at
            }
            Anchor::Orphaned => {
                out.orphaned.push(i);
                continue;
            }
        };
        out.placed.push(AnchoredQuote {
            claim: i,
            start,
            end: start + q.exact.len(),
        });
    }
    out.placed.sort_by_key(|p| (p.start, p.end));
    out
}

/// Per source (dataset order): how many claims cite it, and how many of their quotes are
/// orphaned. Exact quotes cost a slice comparison; only the others are searched for.
pub fn source_counts(d: &Dataset, index: &Index) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); d.sources.len()];
    for claim in &d.claims {
        let Some(&s) = index.source_by_id.get(&claim.source) else {
            continue;
        };
        counts[s].0 += 1;
        if let Some(q) = &claim.quote
            && q.anchor(&d.sources[s].text) == Anchor::Orphaned
        {
            counts[s].1 += 1;
        }
    }
    counts
}

/// A stretch of text under the same set of quotes: overlapping quotes split the text into
/// segments, each coloured by its most telling verdict (conflict over single over agree).
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub verdict: Verdict,
    /// The claims quoting these words.
    pub claims: Vec<usize>,
}

/// Cuts the text at every quote boundary and keeps the stretches under at least one quote.
/// `verdict` says how each placed claim stands.
pub fn segments(placed: &[AnchoredQuote], verdict: impl Fn(usize) -> Verdict) -> Vec<Segment> {
    let mut cuts: Vec<usize> = placed.iter().flat_map(|p| [p.start, p.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    // Quotes still open at the current cut; `placed` is sorted by start.
    let mut open: Vec<&AnchoredQuote> = Vec::new();
    let mut next = 0;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        open.retain(|p| p.end > start);
        while next < placed.len() && placed[next].start <= start {
            if placed[next].end > start {
                open.push(&placed[next]);
            }
            next += 1;
        }
        if open.is_empty() {
            continue;
        }
        let claims: Vec<usize> = open.iter().map(|p| p.claim).collect();
        let worst = claims
            .iter()
            .map(|&c| verdict(c))
            .max()
            .unwrap_or(Verdict::Agree);
        out.push(Segment {
            start,
            end,
            verdict: worst,
            claims,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{Quote, Status};

    fn dataset() -> Dataset {
        use crate::model::ActorKind::Person;
        DatasetBuilder::new("Board")
            .actor("a", "Ann", Person)
            .actor("b", "Bob", Person)
            .source("s1", "One", None, "Ann was invited. Bob is a member.")
            .source("s2", "Two", None, "Ann was invited. Bob has declined.")
            .source("s3", "Three", None, "Ann was invited.")
            .claim("a", Fact::Invited(true), "s1", None, None)
            .claim("a", Fact::Invited(true), "s2", None, None)
            .claim("b", Fact::Status(Status::Member), "s1", None, None)
            .claim("b", Fact::Status(Status::Declined), "s2", None, None)
            .claim("a", Fact::Invited(true), "s3", None, None)
            .build()
    }

    fn matrix(d: &Dataset, sources: &[&str]) -> ClaimMatrix {
        let ids: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
        compare(d, &Index::build(d), &ids)
    }

    #[test]
    fn rows_say_agree_conflict_or_single() {
        let d = dataset();
        let m = matrix(&d, &["s1", "s2"]);
        let verdicts: Vec<_> = m.rows.iter().map(|r| (r.subject.id(), r.verdict)).collect();
        assert_eq!(verdicts, [("a", Verdict::Agree), ("b", Verdict::Conflict)]);
        let m = matrix(&d, &["s1", "s3"]);
        let verdicts: Vec<_> = m.rows.iter().map(|r| (r.subject.id(), r.verdict)).collect();
        assert_eq!(verdicts, [("a", Verdict::Agree), ("b", Verdict::Single)]);
    }

    #[test]
    fn a_claim_conflicts_when_any_other_source_differs() {
        let d = dataset();
        let m = matrix(&d, &["s1", "s2", "s3"]);
        assert_eq!(m.claim_verdict(&d, 0), Some(Verdict::Agree));
        assert_eq!(m.claim_verdict(&d, 2), Some(Verdict::Conflict));
        assert_eq!(m.counterparts(&d, 2), vec![3]);
        assert_eq!(m.counterparts(&d, 0), vec![1, 4]);
        let only_one = matrix(&d, &["s1"]);
        assert_eq!(only_one.claim_verdict(&d, 2), Some(Verdict::Single));
        assert_eq!(only_one.claim_verdict(&d, 1), None, "s2 was not chosen");
    }

    #[test]
    fn deprecated_claims_do_not_count() {
        let mut d = dataset();
        d.claims[3].rank = Rank::Deprecated;
        let m = matrix(&d, &["s1", "s2"]);
        assert_eq!(m.rows[1].verdict, Verdict::Single);
    }

    #[test]
    fn overlapping_quotes_split_into_segments() {
        let placed = [
            AnchoredQuote {
                claim: 0,
                start: 0,
                end: 10,
            },
            AnchoredQuote {
                claim: 1,
                start: 5,
                end: 15,
            },
            AnchoredQuote {
                claim: 2,
                start: 20,
                end: 25,
            },
        ];
        let segs = segments(&placed, |c| {
            if c == 1 {
                Verdict::Conflict
            } else {
                Verdict::Agree
            }
        });
        let shape: Vec<_> = segs
            .iter()
            .map(|s| (s.start, s.end, s.verdict, s.claims.clone()))
            .collect();
        assert_eq!(
            shape,
            [
                (0, 5, Verdict::Agree, vec![0]),
                (5, 10, Verdict::Conflict, vec![0, 1]),
                (10, 15, Verdict::Conflict, vec![1]),
                (20, 25, Verdict::Agree, vec![2]),
            ]
        );
    }

    #[test]
    fn anchoring_finds_moved_and_orphaned_quotes() {
        let mut d = dataset();
        let text = d.sources[0].text.clone();
        d.claims[0].quote = Quote::find(&text, "Ann was invited");
        d.claims[2].quote = Quote::find(&text, "Bob is a member");
        d.sources[0].text = format!("Update. {}", text.replace("Bob is a member", "Bob left"));
        let a = anchor_claims(&d, 0);
        assert_eq!(a.moved, [0]);
        assert_eq!(a.orphaned, [2]);
        assert_eq!(a.placed[0].start, "Update. ".len());
        let counts = source_counts(&d, &Index::build(&d));
        assert_eq!(counts[0], (2, 1));
    }
}
