//! A dataset with one actor per case of the one conflict rule (issue #12), built with the
//! model's builder: every command and view must count its conflicts alike.

use board_explorer::model::data::builder::DatasetBuilder;
use board_explorer::model::{ActorKind, Claim, Dataset, Fact, Rank, Reliability, Status, Subject};

/// The properties in conflict in [`dataset`]: Putin's status (accepted against declined, same
/// day), Israel's joining date (the wire's 22 January against an aggregator's 12 February),
/// Carney's status (member against the official list's "not a member") and Sisi's status
/// (accepted on the 20th against a January "declined" whose order is unknown), the Board's
/// entry into force (the wire's 22 January against Paper B's 25 January): a body's own claims
/// count like an actor's, and Blair's place on the Executive Board (member against declined,
/// the same day). Rubio's place on the Executive Board and his "declined" on the Board itself
/// are about two bodies: no conflict.
pub const CONFLICTS: usize = 6;

pub fn dataset() -> Dataset {
    let mut d = actors_dataset();
    // Two days of entry into force for the Board: a conflict about the body itself.
    let in_force = |id: &str, day: &str, source: &str| Claim {
        extra: Default::default(),
        author: String::new(),
        id: id.into(),
        subject: Subject::Body(d.body.id.clone()),
        fact: Fact::InForce(day.parse().unwrap()),
        negated: false,
        body: None,
        source: source.into(),
        quote: None,
        as_of: None,
        rank: Rank::Normal,
        note: String::new(),
    };
    let claims = [
        in_force("c-board-in-force-wire", "2026-01-22", "wire"),
        in_force("c-board-in-force-b", "2026-01-25", "paper-b"),
    ];
    d.claims.extend(claims);
    // The Executive Board, and places on it.
    let edit = board_explorer::model::data::body::add_body(&d, "Executive Board", None).unwrap();
    edit.apply(&mut d).unwrap();
    let on_board =
        |id: &str, actor: &str, status: Status, source: &str, body: Option<&str>| Claim {
            extra: Default::default(),
            author: String::new(),
            id: id.into(),
            subject: Subject::Actor(actor.into()),
            fact: Fact::Status(status),
            negated: false,
            body: body.map(str::to_string),
            source: source.into(),
            quote: None,
            as_of: Some("2026-01-21".parse().unwrap()),
            rank: Rank::Normal,
            note: String::new(),
        };
    let eb = Some("executive-board");
    let claims = [
        on_board("c-blair-eb-a", "blair", Status::Member, "paper-a", eb),
        on_board("c-blair-eb-b", "blair", Status::Declined, "paper-b", eb),
        on_board("c-rubio-eb-a", "rubio", Status::Member, "paper-a", eb),
        on_board("c-rubio-b", "rubio", Status::Declined, "paper-b", None),
    ];
    d.claims.extend(claims);
    d.touch();
    d
}

/// The cases' sources: two papers, a wire, an aggregator relaying Bloomberg, the official
/// list and a monthly review.
fn with_sources(builder: DatasetBuilder) -> DatasetBuilder {
    builder
        .source(
            "paper-a",
            "Paper A",
            Some("2026-01-19"),
            "Netanyahu is proposed. Putin has accepted. Sisi has accepted.",
        )
        .source(
            "paper-b",
            "Paper B",
            Some("2026-01-21"),
            "Netanyahu has accepted. Putin has declined. Carney is a member.",
        )
        .source(
            "wire",
            "Wire",
            Some("2026-01-22"),
            "Israel signed the charter on 22 January.",
        )
        .reliability(Reliability::High)
        .source(
            "aggregator",
            "Aggregator",
            Some("2026-02-12"),
            "Israel officially joined on 12 February, per Bloomberg.",
        )
        .reliability(Reliability::Low)
        .relays("Bloomberg")
        .source(
            "official-list",
            "The Board",
            Some("2026-01-21"),
            "The official list of members.",
        )
        .reliability(Reliability::High)
        .source(
            "monthly",
            "Monthly Review",
            Some("2026-01"),
            "In January Sisi declined.",
        )
}

fn actors_dataset() -> Dataset {
    use ActorKind::{Person, State};
    let day = |s: &str| Fact::Joined(s.parse().unwrap());
    let builder = DatasetBuilder::new("Board of Peace")
        .actor("netanyahu", "Benjamin Netanyahu", Person)
        .actor("putin", "Vladimir Putin", Person)
        .actor("milei", "Javier Milei", Person)
        .actor("israel", "Israel", State)
        .actor("carney", "Mark Carney", Person)
        .actor("sisi", "Abdel Fattah al-Sisi", Person)
        .actor("blair", "Tony Blair", Person)
        .actor("rubio", "Marco Rubio", Person);
    with_sources(builder)
        // Life-cycle history: proposed on the 19th, accepted on the 21st. No conflict.
        .claim(
            "netanyahu",
            Fact::Status(Status::Proposed),
            "paper-a",
            None,
            Some("Netanyahu is proposed"),
        )
        .claim(
            "netanyahu",
            Fact::Status(Status::Accepted),
            "paper-b",
            None,
            Some("Netanyahu has accepted"),
        )
        // True conflict: accepted and declined on the same day.
        .claim(
            "putin",
            Fact::Status(Status::Accepted),
            "paper-a",
            Some("2026-01-21"),
            Some("Putin has accepted"),
        )
        .claim(
            "putin",
            Fact::Status(Status::Declined),
            "paper-b",
            None,
            Some("Putin has declined"),
        )
        // Self-correction: the editor's declined, then accepted, the same day. No conflict.
        .hand_edit("milei", Fact::Status(Status::Declined), Some("2026-01-20"))
        .hand_edit("milei", Fact::Status(Status::Accepted), Some("2026-01-20"))
        // Low-reliability disagreement: the wire's day wins, the aggregator's is flagged.
        .claim(
            "israel",
            day("2026-01-22"),
            "wire",
            None,
            Some("signed the charter on 22 January"),
        )
        .claim(
            "israel",
            day("2026-02-12"),
            "aggregator",
            None,
            Some("officially joined on 12 February"),
        )
        // Negative claim: the official list leaves Carney out.
        .claim(
            "carney",
            Fact::Status(Status::Member),
            "paper-b",
            None,
            Some("Carney is a member"),
        )
        .claim(
            "carney",
            Fact::Status(Status::Member),
            "official-list",
            None,
            Some("The official list of members"),
        )
        .negated()
        // Month precision: "in January" against the 20th, order unknown.
        .claim(
            "sisi",
            Fact::Status(Status::Accepted),
            "paper-a",
            Some("2026-01-20"),
            Some("Sisi has accepted"),
        )
        .claim(
            "sisi",
            Fact::Status(Status::Declined),
            "monthly",
            None,
            Some("Sisi declined"),
        )
        .build()
}
