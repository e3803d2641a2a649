//! What changed between two states of a dataset (two snapshots, a snapshot and the working
//! file, or one dataset as of two days): who joined or left, whose status, role, seat or pledge
//! changed, which claims and sources were added or removed. As a readable list.

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::data::dataset::{Dataset, Property};
use crate::model::derive::index::Index;
use crate::model::derive::roster::roster;
use crate::model::derive::seats::{SeatKind, seats};

/// One state: a dataset, seen as of a day (`None`: everything known).
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub dataset: &'a Dataset,
    pub as_of: Option<NaiveDate>,
}

/// Its name for scripts (`claim_added`, as `diff --format json` writes it) comes from
/// `strum`; [`ChangeKind::label`] gives it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ChangeKind {
    Joined,
    Left,
    Changed,
    ClaimAdded,
    ClaimRemoved,
    SourceAdded,
    SourceRemoved,
}

impl ChangeKind {
    /// The kind in words ("claim added"), for a table's first column.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Joined => "joined",
            ChangeKind::Left => "left",
            ChangeKind::Changed => "changed",
            ChangeKind::ClaimAdded => "claim added",
            ChangeKind::ClaimRemoved => "claim removed",
            ChangeKind::SourceAdded => "source added",
            ChangeKind::SourceRemoved => "source removed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffChange {
    pub kind: ChangeKind,
    /// The actor (or claim, or source) it is about, by name.
    pub subject: String,
    pub text: String,
}

/// What an actor looks like on the roster, for comparing.
#[derive(Clone, Debug, PartialEq)]
struct Standing {
    name: String,
    values: Vec<(Property, String)>,
    seat: SeatKind,
}

fn standings(side: Side) -> Vec<(String, Standing)> {
    let d = side.dataset;
    let index = Index::build(d);
    let r = roster(d, &index, side.as_of);
    let in_force =
        crate::model::data::body::body_dates(d, &index, &d.body.id, side.as_of).in_force_date();
    let (_, outcomes) = seats(&d.body.seat_rules, in_force, d, &index, &r.rows);
    r.rows
        .iter()
        .zip(outcomes)
        .map(|(row, outcome)| {
            let values = [Property::Status, Property::Role, Property::Pledge]
                .into_iter()
                .filter_map(|p| {
                    let label = match p {
                        Property::Status => row.status(d).map(|s| s.label().to_string()),
                        _ => row.fact(d, p).map(|f| f.value_label()),
                    };
                    label.map(|l| (p, l))
                })
                .collect();
            let actor = &d.actors[row.actor];
            let standing = Standing {
                name: actor.name.clone(),
                values,
                seat: outcome.kind,
            };
            (actor.id.clone(), standing)
        })
        .collect()
}

/// On the roster: something is known about the actor's standing.
fn on_roster(s: &Standing) -> bool {
    !s.values.is_empty()
}

pub fn diff(old: Side, new: Side) -> Vec<DiffChange> {
    let mut changes = Vec::new();
    let before: std::collections::HashMap<String, Standing> = standings(old).into_iter().collect();
    let after = standings(new);
    let after_ids: HashSet<&str> = after.iter().map(|(id, _)| id.as_str()).collect();

    for (id, now) in &after {
        let was = before.get(id).filter(|s| on_roster(s));
        match (was, on_roster(now)) {
            (None, true) => changes.push(DiffChange {
                kind: ChangeKind::Joined,
                subject: now.name.clone(),
                text: format!("{} appears: {}", now.name, describe(now)),
            }),
            (Some(was), false) => changes.push(DiffChange {
                kind: ChangeKind::Left,
                subject: now.name.clone(),
                text: format!(
                    "{} no longer has a standing (was {})",
                    now.name,
                    describe(was)
                ),
            }),
            (Some(was), true) => {
                for property in [Property::Status, Property::Role, Property::Pledge] {
                    let a = value(was, property);
                    let b = value(now, property);
                    if a != b {
                        changes.push(DiffChange {
                            kind: ChangeKind::Changed,
                            subject: now.name.clone(),
                            text: format!(
                                "{}: {} {} → {}",
                                now.name,
                                property.label(),
                                a.unwrap_or("—"),
                                b.unwrap_or("—")
                            ),
                        });
                    }
                }
                if was.seat != now.seat {
                    changes.push(DiffChange {
                        kind: ChangeKind::Changed,
                        subject: now.name.clone(),
                        text: format!(
                            "{}: seat {} → {}",
                            now.name,
                            was.seat.label(),
                            now.seat.label()
                        ),
                    });
                }
            }
            (None, false) => {}
        }
    }
    for (id, was) in &before {
        if !after_ids.contains(id.as_str()) {
            changes.push(DiffChange {
                kind: ChangeKind::Left,
                subject: was.name.clone(),
                text: format!("{} was removed from the dataset", was.name),
            });
        }
    }
    let (od, nd) = (old.dataset, new.dataset);
    let old_claims: HashSet<&str> = od.claims.iter().map(|c| c.id.as_str()).collect();
    let new_claims: HashSet<&str> = nd.claims.iter().map(|c| c.id.as_str()).collect();
    for c in nd
        .claims
        .iter()
        .filter(|c| !old_claims.contains(c.id.as_str()))
    {
        changes.push(claim_change(nd, c, ChangeKind::ClaimAdded));
    }
    for c in od
        .claims
        .iter()
        .filter(|c| !new_claims.contains(c.id.as_str()))
    {
        changes.push(claim_change(od, c, ChangeKind::ClaimRemoved));
    }
    let old_sources: HashSet<&str> = od.sources.iter().map(|s| s.id.as_str()).collect();
    let new_sources: HashSet<&str> = nd.sources.iter().map(|s| s.id.as_str()).collect();
    for s in nd
        .sources
        .iter()
        .filter(|s| !old_sources.contains(s.id.as_str()))
    {
        changes.push(DiffChange {
            kind: ChangeKind::SourceAdded,
            subject: s.outlet.clone(),
            text: format!("source added: {} ({})", s.title, s.outlet),
        });
    }
    for s in od
        .sources
        .iter()
        .filter(|s| !new_sources.contains(s.id.as_str()))
    {
        changes.push(DiffChange {
            kind: ChangeKind::SourceRemoved,
            subject: s.outlet.clone(),
            text: format!("source removed: {} ({})", s.title, s.outlet),
        });
    }
    changes.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.subject.cmp(&b.subject)));
    changes
}

fn value(s: &Standing, p: Property) -> Option<&str> {
    s.values
        .iter()
        .find(|(q, _)| *q == p)
        .map(|(_, v)| v.as_str())
}

fn describe(s: &Standing) -> String {
    let mut parts: Vec<String> = s
        .values
        .iter()
        .map(|(p, v)| format!("{} {v}", p.label()))
        .collect();
    if s.seat != SeatKind::None {
        parts.push(format!("seat {}", s.seat.label()));
    }
    parts.join(", ")
}

fn claim_change(
    d: &Dataset,
    c: &crate::model::data::dataset::Claim,
    kind: ChangeKind,
) -> DiffChange {
    let subject = d
        .actor(c.subject.id())
        .map_or_else(|| c.subject.id().to_string(), |a| a.name.clone());
    let verb = if kind == ChangeKind::ClaimAdded {
        "added"
    } else {
        "removed"
    };
    DiffChange {
        kind,
        text: format!(
            "claim {verb}: {subject} {} {} ({})",
            c.fact.property().label(),
            d.fact_label(&c.fact),
            c.source
        ),
        subject,
    }
}

/// The change list as text, one change per line, grouped under headings.
pub fn report(changes: &[DiffChange]) -> String {
    report_with(changes, Cow::Borrowed)
}

/// [`report`] with each change's words passed through `one_line` (the command line shows
/// every control character in them as a visible escape, so that a line break in a name
/// cannot forge a line of the report).
pub fn report_with<'a>(
    changes: &'a [DiffChange],
    one_line: impl Fn(&'a str) -> Cow<'a, str>,
) -> String {
    if changes.is_empty() {
        return "No changes.\n".into();
    }
    let mut out = String::new();
    let mut heading = None;
    for c in changes {
        let h = match c.kind {
            ChangeKind::Joined => "Joined the roster",
            ChangeKind::Left => "Left the roster",
            ChangeKind::Changed => "Changed",
            ChangeKind::ClaimAdded | ChangeKind::ClaimRemoved => "Claims",
            ChangeKind::SourceAdded | ChangeKind::SourceRemoved => "Sources",
        };
        if heading != Some(h) {
            out.push_str(&format!("{h}:\n"));
            heading = Some(h);
        }
        out.push_str(&format!("  {}\n", one_line(&c.text)));
    }
    out
}
