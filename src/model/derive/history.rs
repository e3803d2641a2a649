//! An actor's status path: its dated status claims in order, each step with the claims (and so
//! the sources) behind it. The detail pane lists it; the Timeline marks it. Claims along a path
//! are a history ("proposed" on the 19th, "accepted" on the 21st), read in date order, and
//! the steps of one day in the life cycle's order.

use super::index::Index;
use crate::model::data::dataset::{Claim, Dataset, Fact, Rank, Status};
use crate::model::data::date::PartialDate;

/// One step of a status path: a status on a date, and the claims saying so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusStep {
    pub date: Option<PartialDate>,
    pub status: Status,
    /// Positions in `dataset.claims`, in file order.
    pub claims: Vec<usize>,
}

/// The status a claim speaks of: a status, or an invitation (reported as "invited").
pub fn status_of(claim: &Claim) -> Option<Status> {
    match claim.fact {
        Fact::Status(s) => Some(s),
        Fact::Invited(true) => Some(Status::Invited),
        _ => None,
    }
}

/// The status path of the actor at `actor` on the body `body` (`None`: the main body): its
/// status and invitation claims, deprecated ones left out, by date (undated last), claims of
/// the same date and status as one step. Reads only the actor's own claims.
pub fn status_path(
    d: &Dataset,
    index: &Index,
    actor: usize,
    body: Option<&str>,
) -> Vec<StatusStep> {
    let Some(claims) = index.claims_by_actor.get(actor) else {
        return Vec::new();
    };
    let mut dated: Vec<(Option<PartialDate>, Status, usize)> = claims
        .iter()
        .filter(|&&c| match body {
            None => !index.claim_sub_body(c),
            Some(id) => index.claim_sub_body(c) && d.claims[c].body.as_deref() == Some(id),
        })
        .filter(|&&c| d.claims[c].rank != Rank::Deprecated)
        .filter_map(|&c| Some((index.claim_date(c), status_of(&d.claims[c])?, c)))
        .collect();
    // Undated claims cannot be placed on the path: they go last. Steps of one date follow the
    // life cycle (invited before accepted, whatever the file's order), then the file.
    dated.sort_by(|a, b| {
        let key = |x: &(Option<PartialDate>, Status, usize)| {
            (
                x.0.is_none(),
                x.0.map(|d| (d.first_day(), d.last_day())),
                super::lifecycle::cycle_order(x.1),
                x.2,
            )
        };
        key(a).cmp(&key(b))
    });
    let mut steps: Vec<StatusStep> = Vec::new();
    for (date, status, c) in dated {
        match steps
            .iter_mut()
            .rev()
            .take_while(|s| s.date == date)
            .find(|s| s.status == status)
        {
            Some(step) => step.claims.push(c),
            None => steps.push(StatusStep {
                date,
                status,
                claims: vec![c],
            }),
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;
    use crate::model::data::builder::DatasetBuilder;

    #[test]
    fn the_path_runs_by_date_with_its_sources() {
        let mut d = DatasetBuilder::new("Board")
            .actor("netanyahu", "Benjamin Netanyahu", ActorKind::Person)
            .source("a", "Outlet A", Some("2026-01-19"), "text")
            .source("b", "Outlet B", Some("2026-01-21"), "text")
            .claim("netanyahu", Fact::Status(Status::Accepted), "b", None, None)
            .claim("netanyahu", Fact::Status(Status::Proposed), "a", None, None)
            .claim("netanyahu", Fact::Invited(true), "a", None, None)
            .claim(
                "netanyahu",
                Fact::Status(Status::Accepted),
                "a",
                Some("2026-01-21"),
                None,
            )
            .claim("netanyahu", Fact::Status(Status::Declined), "b", None, None)
            .build();
        d.claims[4].rank = Rank::Deprecated;
        let index = Index::build(&d);
        let path = status_path(&d, &index, 0, None);
        let words: Vec<String> = path
            .iter()
            .map(|s| format!("{} {} {:?}", s.date.unwrap(), s.status.label(), s.claims))
            .collect();
        assert_eq!(
            words,
            [
                "2026-01-19 proposed [1]",
                "2026-01-19 invited [2]",
                "2026-01-21 accepted [0, 3]",
            ],
            "the deprecated decline is left out"
        );
        assert!(status_path(&d, &index, 0, Some("executive-board")).is_empty());
        // Reported the same day in the other order: the life cycle orders them.
        let d = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::State)
            .source("a", "Outlet A", Some("2026-01-21"), "text")
            .claim("x", Fact::Status(Status::Withdrawn), "a", None, None)
            .claim("x", Fact::Status(Status::Member), "a", None, None)
            .claim("x", Fact::Status(Status::Accepted), "a", None, None)
            .claim("x", Fact::Invited(true), "a", None, None)
            .build();
        let index = Index::build(&d);
        let order: Vec<Status> = status_path(&d, &index, 0, None)
            .iter()
            .map(|s| s.status)
            .collect();
        assert_eq!(
            order,
            [
                Status::Invited,
                Status::Accepted,
                Status::Member,
                Status::Withdrawn
            ]
        );
        assert!(status_path(&d, &index, 7, None).is_empty());
    }
}
