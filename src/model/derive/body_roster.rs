//! Rosters other than the main body's: a sub-body's, or every body's at once (the Roster's
//! body chooser), and one actor's claims grouped by body (the detail pane). Built once per
//! revision and choice, never per frame; the main body's roster is the derived data's.

use chrono::NaiveDate;

use super::index::Index;
use super::roster::{RosterRow, row_into_body};
use super::seats::SeatOutcome;
use crate::model::data::body::{BodyDates, all, body_dates, claim_body_name, position};
use crate::model::data::dataset::{Dataset, Id};

/// The roster of one or every body, for views other than the main body's (which
/// [`crate::model::Derived`] keeps up to date): rows, seats under each body's own rules, and
/// the body of each row (a position in [`all`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BodyRoster {
    pub rows: Vec<RosterRow>,
    pub seats: Vec<SeatOutcome>,
    pub bodies: Vec<usize>,
    /// The dates of the chosen body (the main one's when every body is shown).
    pub dates: BodyDates,
}

/// Which body a roster shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum BodyChoice {
    /// The main body (every actor, one row each).
    #[default]
    Main,
    /// A sub-body, by id: the actors with claims about it.
    Sub(Id),
    /// Every body: the main body's rows, then each sub-body's.
    All,
}

/// The rows and seats of the body at `at` (a position in [`all`]) as of `as_of`: one row per
/// actor with claims about that body. Costs what the actors' claims cost; built once per
/// revision and choice, never per frame.
fn rows_of(d: &Dataset, index: &Index, as_of: Option<NaiveDate>, at: usize, out: &mut BodyRoster) {
    let Some(body) = all(d).nth(at) else {
        return;
    };
    let id = (at > 0).then_some(body.id.as_str());
    let mut scratch = Vec::new();
    let rows: Vec<RosterRow> = (0..d.actors.len())
        .map(|a| {
            let mut row = RosterRow {
                actor: a,
                values: Vec::new(),
                sources: 0,
            };
            row_into_body(&mut scratch, d, index, as_of, id, &mut row);
            row
        })
        .collect();
    let in_force = body_dates(d, index, &body.id, as_of).in_force_date();
    let (_, seats) = super::seats::seats(&body.seat_rules, in_force, d, index, &rows);
    for (row, seat) in rows.into_iter().zip(seats) {
        // The main body lists every actor; a sub-body those it has claims about.
        if at == 0 || !row.values.is_empty() {
            out.rows.push(row);
            out.seats.push(seat);
            out.bodies.push(at);
        }
    }
}

/// The roster for `choice` (see [`BodyChoice`]); `None` for the main body, which the derived
/// data already holds.
pub fn body_roster(
    d: &Dataset,
    index: &Index,
    as_of: Option<NaiveDate>,
    choice: &BodyChoice,
) -> Option<BodyRoster> {
    let mut out = BodyRoster::default();
    match choice {
        BodyChoice::Main => return None,
        BodyChoice::Sub(id) => {
            let at = position(d, id).filter(|&at| at > 0)?;
            out.dates = body_dates(d, index, id, as_of);
            rows_of(d, index, as_of, at, &mut out);
        }
        BodyChoice::All => {
            out.dates = body_dates(d, index, &d.body.id, as_of);
            for at in 0..=d.sub_bodies.len() {
                rows_of(d, index, as_of, at, &mut out);
            }
        }
    }
    Some(out)
}

/// The claims about one actor, grouped by the body they are about: for each, the resolved row
/// and the status path. The detail pane shows it; built once per revision and actor.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorBodies {
    pub groups: Vec<BodyGroup>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BodyGroup {
    /// The body's id; `None` for the main body.
    pub body: Option<Id>,
    /// Its name (the id itself when no body has it).
    pub name: String,
    /// Positions in `dataset.claims`, in file order.
    pub claims: Vec<usize>,
    pub row: RosterRow,
    pub path: Vec<super::history::StatusStep>,
}

/// The claims of the actor at `actor` grouped by body: the main body first, then sub-bodies in
/// file order, then bodies no record has. Reads only the actor's own claims.
pub fn actor_bodies(
    d: &Dataset,
    index: &Index,
    actor: usize,
    as_of: Option<NaiveDate>,
) -> ActorBodies {
    let mut keys: Vec<(usize, Option<Id>)> = Vec::new();
    for &c in index
        .claims_by_actor
        .get(actor)
        .map_or(&[][..], Vec::as_slice)
    {
        let body = if index.claim_sub_body(c) {
            d.claims[c].body.clone()
        } else {
            None
        };
        let order = match &body {
            None => 0,
            Some(id) => position(d, id).unwrap_or(usize::MAX),
        };
        if !keys.iter().any(|(_, b)| *b == body) {
            keys.push((order, body));
        }
    }
    keys.sort();
    let mut scratch = Vec::new();
    let groups = keys
        .into_iter()
        .map(|(_, body)| {
            let mut row = RosterRow {
                actor,
                values: Vec::new(),
                sources: 0,
            };
            row_into_body(&mut scratch, d, index, as_of, body.as_deref(), &mut row);
            let claims = index.claims_by_actor[actor]
                .iter()
                .copied()
                .filter(|&c| {
                    let sub = index.claim_sub_body(c);
                    match &body {
                        None => !sub,
                        Some(id) => sub && d.claims[c].body.as_ref() == Some(id),
                    }
                })
                .collect();
            BodyGroup {
                name: claim_body_name(d, body.as_deref()).to_string(),
                path: super::history::status_path(d, index, actor, body.as_deref()),
                body,
                claims,
                row,
            }
        })
        .collect();
    ActorBodies { groups }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{ActorKind, Fact, Property};

    fn step(
        d: &mut Dataset,
        make: impl FnOnce(&Dataset) -> Result<crate::model::Edit, crate::model::data::body::BodyError>,
    ) {
        let edit = make(d).unwrap();
        edit.apply(d).unwrap();
    }

    /// "A member of the Executive Board" and "a member of the Board of Peace" no longer collapse.
    #[test]
    fn claims_about_a_sub_body_make_its_roster_not_the_main_one() {
        let mut d = DatasetBuilder::new("Board of Peace")
            .actor("rubio", "Marco Rubio", ActorKind::Person)
            .actor("blair", "Tony Blair", ActorKind::Person)
            .source("s", "Outlet", Some("2026-01-22"), "text")
            .claim(
                "rubio",
                Fact::Status(crate::model::Status::Member),
                "s",
                None,
                None,
            )
            .claim(
                "blair",
                Fact::Status(crate::model::Status::Proposed),
                "s",
                None,
                None,
            )
            .build();
        step(&mut d, |d| {
            crate::model::data::body::add_body(d, "Executive Board", None)
        });
        let mut on_board = d.claims[0].clone();
        on_board.id = "c-rubio-eb".into();
        on_board.body = Some("executive-board".into());
        d.claims.push(on_board);
        d.touch();
        let index = Index::build(&d);
        let main = crate::model::roster(&d, &index, None);
        assert_eq!(
            main.rows[0].get(Property::Status).unwrap().others,
            Vec::<usize>::new(),
            "the sub-body's claim does not compete on the main body"
        );
        assert_eq!(body_roster(&d, &index, None, &BodyChoice::Main), None);
        let sub =
            body_roster(&d, &index, None, &BodyChoice::Sub("executive-board".into())).unwrap();
        assert_eq!(sub.rows.len(), 1, "only Rubio has claims about it");
        assert_eq!(sub.rows[0].actor, 0);
        assert_eq!(sub.rows[0].get(Property::Status).unwrap().best, 2);
        assert_eq!(sub.bodies, [1]);
        let every = body_roster(&d, &index, None, &BodyChoice::All).unwrap();
        assert_eq!(every.bodies, [0, 0, 1]);
        assert_eq!(every.seats.len(), every.rows.len());
        assert_eq!(
            body_roster(&d, &index, None, &BodyChoice::Sub("nope".into())),
            None
        );
    }
}
