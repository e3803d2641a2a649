//! The statement-based data model: every fact is a claim made by a source.
//!
//! Collections are `Vec`s kept in the order the user (or file) gave them, so that saving is
//! stable and a diff of two saves shows only what changed. Lookups by id go through the
//! derived [`crate::model::Index`], rebuilt once per revision, never per frame.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
// Money and the seat rules are leaves: they import nothing from here, so the dataset builds on
// them without a circle.
use super::extra::Extra;
pub use super::money::Money;
use crate::model::rules::SeatRules;
use crate::model::text::quote::Quote;

/// A stable, human-readable identifier such as `"putin"` or `"dpa-2026-01-19"`.
pub type Id = String;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The body being tracked.
    pub body: Body,
    /// Bodies related to it (committees it oversees, an executive board).
    #[serde(default)]
    pub sub_bodies: Vec<Body>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Fields a merge found changed differently on both sides, waiting for the editor to pick
    /// one (see [`crate::model::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_conflicts: Vec<crate::model::merge::MergeConflict>,
    /// The reliability each outlet's sources have unless they say otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlets: Vec<OutletReliability>,
    /// Changed by every edit; caches of derived data compare it to know when to rebuild.
    #[serde(skip)]
    pub revision: Revision,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

/// Which state of a dataset this is. Two datasets with the same content are equal whatever
/// their revisions: the revision says when to rebuild caches, not what the data is.
#[derive(Clone, Copy, Debug, Default, Eq)]
pub struct Revision(pub u64);

impl PartialEq for Revision {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Revision {
    pub fn get(self) -> u64 {
        self.0
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub id: Id,
    pub name: String,
    /// Other names reports give it ("Peace Council"): the extractor finds the body by any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// For a sub-body: the body it belongs to or is overseen by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(default)]
    pub seat_rules: SeatRules,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    State,
    Organisation,
}

impl ActorKind {
    /// Every variant, in declaration order (the order menus list them in).
    pub const ALL: &'static [ActorKind] = <ActorKind as strum::VariantArray>::VARIANTS;

    /// The name shown to users and written in exports.
    pub fn label(self) -> &'static str {
        self.into()
    }

    /// The kind a label names, in any case ("organization" too); the message lists the kinds.
    pub fn parse(text: &str) -> Result<ActorKind, String> {
        let s = text.trim().to_lowercase();
        ActorKind::ALL
            .iter()
            .copied()
            .find(|k| k.label() == s || (s == "organization" && *k == ActorKind::Organisation))
            .ok_or_else(|| {
                let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.label()).collect();
                format!("\"{s}\" is not a kind; the kinds are {}", kinds.join(", "))
            })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    /// Other names the sources use ("the Russian leader"); used to find mentions in text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

/// How far a source is trusted. Three grades rather than the Admiralty scale's six: an editor
/// can tell a wire service or an official list (high) from a newspaper (normal) and an
/// aggregator or a relay of hearsay (low), and finer grades would be guesses. Among claims of
/// equal rank the more reliable source's value wins the roster; a less reliable one that
/// disagrees stays visible as a conflict.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Reliability {
    Low,
    #[default]
    Normal,
    High,
}

impl Reliability {
    /// Every grade, least reliable first.
    pub const ALL: &'static [Reliability] = <Reliability as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        self.into()
    }

    /// Reads "high", "normal" or "low" (any case).
    pub fn parse(text: &str) -> Result<Reliability, NotAReliability> {
        let key = text.trim().to_lowercase();
        Reliability::ALL
            .iter()
            .copied()
            .find(|r| r.label() == key)
            .ok_or_else(|| NotAReliability(text.trim().to_string()))
    }
}

/// A word that is not a reliability.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a reliability: write high, normal or low")]
pub struct NotAReliability(pub String);

/// The reliability an outlet's sources have by default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletReliability {
    pub outlet: String,
    pub reliability: Reliability,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Id,
    pub title: String,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<PartialDate>,
    /// What the editor knows about the source itself (e.g. that its title was supplied).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The article text, normalised (see [`crate::model::text::normalise`]); quotes point into it.
    pub text: String,
    /// SHA-256 of `text`, hex; tells whether the text changed since claims were anchored.
    pub hash: String,
    /// How far this source is trusted; `None` takes its outlet's default (see
    /// [`Dataset::reliability`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// What the source relays, when it reports another's words ("Bloomberg", "the Board's own
    /// statement"): shown beside it, so a relay of one report is not mistaken for a second.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub relays: String,
    /// The language its text is read in (ISO 639-1: "ru"), when the editor chose one; else it
    /// is detected from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Suggestions the editor rejected for this source, by key (see
    /// [`crate::model::data::review::review_key`]): they are not offered again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<String>,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

/// What a claim is about: an actor, or a body (its seat rules, for instance).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Subject {
    Actor(Id),
    Body(Id),
}

impl Subject {
    pub fn id(&self) -> &str {
        match self {
            Subject::Actor(id) | Subject::Body(id) => id,
        }
    }
}

/// Where an actor stands with respect to the body.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    /// Named as an expected or potential member, without an invitation being reported.
    Proposed,
    Invited,
    Reviewing,
    Accepted,
    /// Reported as belonging to the body.
    Member,
    Signed,
    Declined,
    Withdrawn,
    #[strum(serialize = "invitation withdrawn")]
    InvitationWithdrawn,
    /// Attends without membership: a step beside the life cycle (an observer may later be
    /// invited or join; observer then member is a history, not a conflict).
    Observer,
}

impl Status {
    /// Every variant, in declaration order (the order menus list them in).
    pub const ALL: &'static [Status] = <Status as strum::VariantArray>::VARIANTS;

    /// The name shown to users and written in exports.
    pub fn label(self) -> &'static str {
        self.into()
    }

    /// The status denied, in words ("not member"), for a negative claim.
    pub fn not_label(self) -> &'static str {
        match self {
            Status::Proposed => "not proposed",
            Status::Invited => "not invited",
            Status::Reviewing => "not reviewing",
            Status::Accepted => "not accepted",
            Status::Member => "not member",
            Status::Signed => "not signed",
            Status::Declined => "not declined",
            Status::Withdrawn => "not withdrawn",
            Status::InvitationWithdrawn => "not invitation withdrawn",
            Status::Observer => "not observer",
        }
    }

    /// Whether the status makes the actor a sitting member (and so entitled to a seat).
    pub fn is_seated(self) -> bool {
        matches!(self, Status::Accepted | Status::Member | Status::Signed)
    }
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    Chair,
    #[strum(serialize = "founding member")]
    FoundingMember,
    Member,
    #[strum(serialize = "executive board")]
    ExecutiveBoard,
    #[strum(serialize = "vice chair")]
    ViceChair,
    #[strum(serialize = "ceo")]
    Ceo,
    #[strum(serialize = "high representative")]
    HighRepresentative,
}

impl Role {
    /// Every variant, in declaration order (the order menus list them in).
    pub const ALL: &'static [Role] = <Role as strum::VariantArray>::VARIANTS;

    /// The name shown to users and written in exports.
    pub fn label(self) -> &'static str {
        self.into()
    }
}

/// The value a claim asserts. The variant is the property, so a claim can never pair a
/// property with a value of the wrong kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Fact {
    /// Whether the actor was invited to join.
    Invited(bool),
    Status(Status),
    Role(Role),
    /// The state or organisation the actor acts for (Netanyahu for Israel).
    Represents(Id),
    /// The actor's office or description as the source gives it, normalised by the editor.
    Office(String),
    Pledge(Money),
    Joined(PartialDate),
    /// About a body: the contribution that buys a permanent seat.
    SeatThreshold(Money),
    /// About a body: the length of a non-permanent term.
    TermYears(u32),
    /// About a body: the day its charter was signed.
    CharterSigned(PartialDate),
    /// About a body: the day its charter entered into force; terms and the payment window
    /// count from it.
    InForce(PartialDate),
}

/// The property a fact is a value of: the key under which claims compete.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Property {
    Invited,
    Status,
    Role,
    Represents,
    Office,
    Pledge,
    Joined,
    #[strum(serialize = "seat threshold")]
    SeatThreshold,
    #[strum(serialize = "term (years)")]
    TermYears,
    #[strum(serialize = "charter signed")]
    CharterSigned,
    #[strum(serialize = "entry into force")]
    InForce,
}

impl Property {
    /// Every variant, in declaration order (the order menus list them in).
    pub const ALL: &'static [Property] = <Property as strum::VariantArray>::VARIANTS;

    /// The name shown to users and written in exports.
    pub fn label(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl Fact {
    pub fn property(&self) -> Property {
        match self {
            Fact::Invited(_) => Property::Invited,
            Fact::Status(_) => Property::Status,
            Fact::Role(_) => Property::Role,
            Fact::Represents(_) => Property::Represents,
            Fact::Office(_) => Property::Office,
            Fact::Pledge(_) => Property::Pledge,
            Fact::Joined(_) => Property::Joined,
            Fact::SeatThreshold(_) => Property::SeatThreshold,
            Fact::TermYears(_) => Property::TermYears,
            Fact::CharterSigned(_) => Property::CharterSigned,
            Fact::InForce(_) => Property::InForce,
        }
    }

    /// The value in words, for tables and reports.
    pub fn value_label(&self) -> String {
        match self {
            Fact::Invited(true) => "yes".into(),
            Fact::Invited(false) => "no".into(),
            Fact::Status(s) => s.label().into(),
            Fact::Role(r) => r.label().into(),
            Fact::Represents(id) => id.clone(),
            Fact::Office(s) => s.clone(),
            Fact::Pledge(m) | Fact::SeatThreshold(m) => super::money::format_money(m),
            Fact::Joined(d) | Fact::CharterSigned(d) | Fact::InForce(d) => d.to_string(),
            Fact::TermYears(y) => format!("{y} years"),
        }
    }
}

/// Wikidata-style rank: a preferred claim wins over normal ones; a deprecated one never counts
/// but is kept, so nothing a source said is lost.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Rank {
    Deprecated,
    #[default]
    Normal,
    Preferred,
}

impl Rank {
    pub fn label(self) -> &'static str {
        match self {
            Rank::Deprecated => "deprecated",
            Rank::Normal => "normal",
            Rank::Preferred => "preferred",
        }
    }
}

/// The source id used for the editor's own hand edits.
pub const EDITORS_NOTE: &str = "editors-note";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: Id,
    pub subject: Subject,
    pub fact: Fact,
    /// The body the fact is about, when it is not the main one: "a member of the Gaza
    /// Executive Board". None means the dataset's own body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Id>,
    /// The source that makes the claim, or [`EDITORS_NOTE`] for a hand edit.
    pub source: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// The day (or month, or year) on which the source says the fact held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    #[serde(default)]
    pub rank: Rank,
    /// The source says the fact does *not* hold ("not on the official list": not a member).
    /// It conflicts with a claim that it does (see [`crate::model::derive::conflict`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who made the claim: the reporter who entered it by hand or accepted it from a
    /// suggestion (a name set once in the app or by `--author`, else git's `user.name`).
    /// Empty for claims made before authors were recorded. The editor's newer hand edit
    /// replaces only the same author's older one (see [`crate::model::derive::conflict`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

impl Claim {
    /// The claimed value in words, "not member" when negated.
    pub fn value_label(&self, dataset: &Dataset) -> String {
        let value = dataset.fact_label(&self.fact);
        if self.negated {
            format!("not {value}")
        } else {
            value
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum EventKind {
    Invitation,
    Statement,
    Acceptance,
    Decline,
    Signing,
    Withdrawal,
    Meeting,
    Conflict,
    #[default]
    Other,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Invitation => "invitation",
            EventKind::Statement => "statement",
            EventKind::Acceptance => "acceptance",
            EventKind::Decline => "decline",
            EventKind::Signing => "signing",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Meeting => "meeting",
            EventKind::Conflict => "conflict",
            EventKind::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: Id,
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub kind: EventKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
    /// Fields this version does not know, kept as the file wrote them (see [`Extra`]).
    #[serde(
        rename = "unknown fields",
        default,
        skip_serializing_if = "Extra::is_empty"
    )]
    pub extra: Extra,
}

/// Revisions come from one counter for the whole process, so two datasets never share one and
/// a cache keyed on it cannot mistake a newly opened file for the old one.
static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Source {
    /// What to call the source in a list or a column: its outlet, else its title, else its id.
    pub fn name(&self) -> &str {
        [&self.outlet, &self.title, &self.id]
            .into_iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or("")
    }
}

impl Dataset {
    /// An empty dataset about one body, called `name` (id `body`): what File ▸ New starts and
    /// what an import into a file that does not exist yet fills.
    pub fn new_body(name: &str) -> Dataset {
        let mut dataset = Dataset::default();
        dataset.body.id = "body".into();
        dataset.body.name = name.into();
        dataset
    }

    /// Marks the dataset changed: caches of derived data will rebuild.
    pub fn touch(&mut self) {
        self.revision = Revision(REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    }

    /// A fact's value in words, with actor ids replaced by names ("represents Israel").
    pub fn fact_label(&self, fact: &Fact) -> String {
        match fact {
            Fact::Represents(id) => self
                .actor(id)
                .map_or_else(|| id.clone(), |a| a.name.clone()),
            other => other.value_label(),
        }
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// How far a source is trusted: its own grade, else its outlet's default, else normal.
    pub fn reliability(&self, source: &Source) -> Reliability {
        source
            .reliability
            .or_else(|| self.outlet_reliability(&source.outlet))
            .unwrap_or_default()
    }

    /// How far a source stands, in words, for beside its name: "high reliability, per
    /// Bloomberg"; empty for a normal source that relays nothing.
    pub fn source_standing(&self, source: &Source) -> String {
        let mut parts = Vec::new();
        let reliability = self.reliability(source);
        if reliability != Reliability::Normal || source.reliability.is_some() {
            parts.push(format!("{} reliability", reliability.label()));
        }
        if !source.relays.trim().is_empty() {
            parts.push(format!("per {}", source.relays.trim()));
        }
        parts.join(", ")
    }

    /// The default grade set for an outlet (names compared without case or outer spaces).
    pub fn outlet_reliability(&self, outlet: &str) -> Option<Reliability> {
        let outlet = outlet.trim();
        self.outlets
            .iter()
            .find(|o| o.outlet.trim().eq_ignore_ascii_case(outlet))
            .map(|o| o.reliability)
    }

    pub fn body_by_id(&self, id: &str) -> Option<&Body> {
        std::iter::once(&self.body)
            .chain(&self.sub_bodies)
            .find(|b| b.id == id)
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    /// Labels are shown, exported and compared in tests: the derive must keep them.
    #[test]
    fn labels_are_the_words_users_read() {
        let labels = |all: &[&'static str]| all.join(", ");
        let kinds: Vec<_> = ActorKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels(&kinds), "person, state, organisation");
        let statuses: Vec<_> = Status::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels(&statuses),
            "proposed, invited, reviewing, accepted, member, signed, declined, withdrawn, \
             invitation withdrawn, observer"
        );
        let roles: Vec<_> = Role::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(
            labels(&roles),
            "chair, founding member, member, executive board, vice chair, ceo, high representative"
        );
        let properties: Vec<_> = Property::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels(&properties),
            "invited, status, role, represents, office, pledge, joined, seat threshold, \
             term (years), charter signed, entry into force"
        );
        // Positions index per-property tables.
        assert!(
            Property::ALL
                .iter()
                .enumerate()
                .all(|(i, p)| p.index() == i)
        );
    }
}
