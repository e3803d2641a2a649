//! Records the tests build by hand: a person, a status claim.

use board_explorer::model::{Actor, ActorKind, Claim, Fact, Rank, Status, Subject};

pub fn person(id: &str, name: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        ..Actor::default()
    }
}

/// A claim that `actor` has `status`, citing `source`, with nothing else said.
pub fn status_claim(id: &str, actor: &str, status: Status, source: &str) -> Claim {
    Claim {
        extra: Default::default(),
        author: String::new(),
        id: id.into(),
        subject: Subject::Actor(actor.into()),
        fact: Fact::Status(status),
        negated: false,
        body: None,
        source: source.into(),
        quote: None,
        as_of: None,
        rank: Rank::Normal,
        note: String::new(),
    }
}
