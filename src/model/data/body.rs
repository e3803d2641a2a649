//! The main body and its sub-bodies (an executive board, a committee it oversees): adding,
//! renaming and re-parenting them as edits, the body's dated milestones (charter signed,
//! entry into force), which are claims like any other, and the one transform version-1 files
//! need.
//!
//! Bodies are addressed by position in [`all`]: 0 is the main body, 1.. the sub-bodies in file
//! order, so every edit has an exact inverse.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::dataset::{Body, Dataset, Fact, Property, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use crate::model::derive::index::Index;

/// Every body, the main one first.
pub fn all(d: &Dataset) -> impl Iterator<Item = &Body> {
    std::iter::once(&d.body).chain(&d.sub_bodies)
}

/// The position of the body with `id` in [`all`].
pub fn position(d: &Dataset, id: &str) -> Option<usize> {
    all(d).position(|b| b.id == id)
}

/// The body a claim is about, by its `body` field: `None` (or the main id) is the main body.
pub fn claim_body<'d>(d: &'d Dataset, body: Option<&str>) -> Option<&'d Body> {
    match body {
        None => Some(&d.body),
        Some(id) => d.body_by_id(id),
    }
}

/// The name shown for a claim's body; an unknown id is shown as itself.
pub fn claim_body_name<'d>(d: &'d Dataset, body: Option<&'d str>) -> &'d str {
    claim_body(d, body).map_or_else(|| body.unwrap_or(""), |b| b.name.as_str())
}

/// Why a change to the bodies is refused; its message says what to do instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    #[error("A body needs a name.")]
    NoName,
    #[error("A body's name is at most 200 characters.")]
    NameTooLong,
    #[error("There is already a body named \"{0}\".")]
    NameTaken(String),
    #[error("No body has the id \"{0}\".")]
    Unknown(String),
    #[error("No body has the id \"{id}\"; the bodies are {known}.")]
    UnknownParent { id: String, known: String },
    #[error("A body cannot be its own parent, directly or through others.")]
    Circle,
    #[error("{0} is the main body; it has no parent.")]
    MainHasNoParent(String),
    #[error("{0} is the main body; it cannot be removed.")]
    MainStays(String),
    /// Bodies that are part of it: they need another parent first.
    #[error("{}", has_parts(name, parts))]
    HasParts { name: String, parts: Vec<String> },
    /// Claims name it: removed with it only when asked.
    #[error("{}", named_by_claims(name, *claims))]
    NamedByClaims { name: String, claims: usize },
    #[error("{0} is not one of a body's dates (charter signed, entry into force).")]
    NotADate(String),
    #[error("No source has the id \"{0}\".")]
    UnknownSource(String),
}

fn has_parts(name: &str, parts: &[String]) -> String {
    let one = parts.len() == 1;
    format!(
        "{} {} part of {name}: give {} another parent first.",
        parts.join(", "),
        if one { "is" } else { "are" },
        if one { "it" } else { "them" },
    )
}

fn named_by_claims(name: &str, claims: usize) -> String {
    let one = claims == 1;
    format!(
        "{claims} claim{} name{} {name}: remove {} with it, or move {} to another body first.",
        if one { "" } else { "s" },
        if one { "s" } else { "" },
        if one { "it" } else { "them" },
        if one { "it" } else { "them" },
    )
}

fn check_body_name(d: &Dataset, name: &str, except: Option<usize>) -> Result<String, BodyError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BodyError::NoName);
    }
    if name.chars().count() > 200 {
        return Err(BodyError::NameTooLong);
    }
    if all(d)
        .enumerate()
        .any(|(i, b)| Some(i) != except && b.name.trim().eq_ignore_ascii_case(name))
    {
        return Err(BodyError::NameTaken(name.to_string()));
    }
    Ok(name.to_string())
}

/// Checks that `parent` names a body and that making it the parent of the body at `at` (None:
/// a new body) makes no circle.
fn check_parent(d: &Dataset, at: Option<usize>, parent: &str) -> Result<(), BodyError> {
    let bodies: Vec<&Body> = all(d).collect();
    let Some(mut p) = bodies.iter().position(|b| b.id == parent) else {
        return Err(BodyError::UnknownParent {
            id: parent.to_string(),
            known: bodies
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    // Walk up from the new parent: reaching the body itself is a circle. Bounded by the
    // number of bodies, so a circle already in the file cannot loop forever.
    for _ in 0..bodies.len() {
        if Some(p) == at {
            return Err(BodyError::Circle);
        }
        match bodies[p]
            .parent
            .as_deref()
            .and_then(|id| bodies.iter().position(|b| b.id == id))
        {
            Some(next) => p = next,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// A sub-body named `name` under the main body, with no seat rule until the editor gives one
/// (no threshold, no term), and the id its name makes.
pub fn empty_sub_body(d: &Dataset, name: &str) -> Body {
    Body {
        extra: Default::default(),
        id: crate::model::text::slug(name, "-", usize::MAX),
        name: name.to_string(),
        aliases: Vec::new(),
        description: String::new(),
        parent: Some(d.body.id.clone()),
        seat_rules: crate::model::rules::SeatRules {
            threshold: super::money::Money {
                amount: 0,
                currency: d.body.seat_rules.threshold.currency.clone(),
            },
            term_years: 0,
            ..crate::model::rules::SeatRules::default()
        },
    }
}

/// Adds a sub-body named `name` (its id made from the name), under `parent` (default: the main
/// body).
pub fn add_body(d: &Dataset, name: &str, parent: Option<&str>) -> Result<Edit, BodyError> {
    let name = check_body_name(d, name, None)?;
    let parent = parent.unwrap_or(&d.body.id).to_string();
    check_parent(d, None, &parent)?;
    let taken: HashSet<&str> = all(d).map(|b| b.id.as_str()).collect();
    let mut body = empty_sub_body(d, &name);
    body.id = super::ops::unique_id(&name, &taken);
    body.parent = Some(parent);
    Ok(Edit::InsertBody {
        at: d.sub_bodies.len() + 1,
        body,
    })
}

/// Renames the body with `id` (its id is kept, so claims naming it still do).
pub fn rename_body(d: &Dataset, id: &str, name: &str) -> Result<Edit, BodyError> {
    let at = position(d, id).ok_or_else(|| BodyError::Unknown(id.to_string()))?;
    let name = check_body_name(d, name, Some(at))?;
    let mut body = all(d).nth(at).expect("position is in range").clone();
    body.name = name;
    Ok(Edit::ReplaceBody { at, body })
}

/// Sets (or, with `None`, clears) the parent of the body with `id`. The main body has none.
pub fn set_parent(d: &Dataset, id: &str, parent: Option<&str>) -> Result<Edit, BodyError> {
    let at = position(d, id).ok_or_else(|| BodyError::Unknown(id.to_string()))?;
    if let Some(parent) = parent {
        if at == 0 {
            return Err(BodyError::MainHasNoParent(d.body.name.clone()));
        }
        check_parent(d, Some(at), parent)?;
    }
    let mut body = all(d).nth(at).expect("position is in range").clone();
    body.parent = parent.map(str::to_string);
    Ok(Edit::ReplaceBody { at, body })
}

/// The positions of the claims that name the body with `id` (about it, or about an actor's
/// place on it), in file order.
pub fn claims_naming(d: &Dataset, id: &str) -> Vec<usize> {
    d.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.body.as_deref() == Some(id) || matches!(&c.subject, Subject::Body(b) if b == id)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Removes the sub-body with `id`. The main body stays, and so does a body others are part
/// of (move them first). A body that claims name is refused unless `with_claims`, which
/// removes those claims in the same edit (one undo brings everything back); the refusal says
/// how many there are, so the window can ask.
pub fn remove_body(d: &Dataset, id: &str, with_claims: bool) -> Result<Edit, BodyError> {
    let at = position(d, id).ok_or_else(|| BodyError::Unknown(id.to_string()))?;
    if at == 0 {
        return Err(BodyError::MainStays(d.body.name.clone()));
    }
    let name = &d.sub_bodies[at - 1].name;
    let children: Vec<&str> = d
        .sub_bodies
        .iter()
        .filter(|b| b.parent.as_deref() == Some(id))
        .map(|b| b.name.as_str())
        .collect();
    if !children.is_empty() {
        return Err(BodyError::HasParts {
            name: name.clone(),
            parts: children.iter().map(ToString::to_string).collect(),
        });
    }
    let claims = claims_naming(d, id);
    if !claims.is_empty() && !with_claims {
        return Err(BodyError::NamedByClaims {
            name: name.clone(),
            claims: claims.len(),
        });
    }
    // Claims last to first, so each position still holds when its removal applies.
    let mut edits: Vec<Edit> = claims
        .into_iter()
        .rev()
        .map(|at| Edit::RemoveClaim { at })
        .collect();
    edits.push(Edit::RemoveBody { at });
    Ok(match edits.len() {
        1 => edits.pop().expect("one edit"),
        _ => Edit::Batch(edits),
    })
}

/// Sets the seat rules of the body with `id` (the main body's or a sub-body's).
pub fn set_body_rules(
    d: &Dataset,
    id: &str,
    rules: crate::model::rules::SeatRules,
) -> Result<Edit, BodyError> {
    match position(d, id) {
        None => Err(BodyError::Unknown(id.to_string())),
        Some(0) => Ok(Edit::SetSeatRules(rules)),
        Some(at) => {
            let mut body = d.sub_bodies[at - 1].clone();
            body.seat_rules = rules;
            Ok(Edit::ReplaceBody { at, body })
        }
    }
}

/// A claim that the body with `id` reached a milestone (`Fact::CharterSigned` or
/// `Fact::InForce`), citing `source` (or the editor's note) as of `as_of`: the body's dates are
/// claims like any other, so sources can disagree about them and the editor can rank them.
pub fn milestone_claim(
    d: &Dataset,
    index: &Index,
    id: &str,
    fact: Fact,
    source: &str,
    as_of: Option<PartialDate>,
    note: &str,
) -> Result<Edit, BodyError> {
    if position(d, id).is_none() {
        return Err(BodyError::Unknown(id.to_string()));
    }
    if !is_milestone(fact.property()) {
        return Err(BodyError::NotADate(fact.property().label().to_string()));
    }
    if source != super::dataset::EDITORS_NOTE && d.source(source).is_none() {
        return Err(BodyError::UnknownSource(source.to_string()));
    }
    match super::ops::hand_claim(d, index, id, fact, source, as_of, note) {
        Edit::InsertClaim { at, mut claim } => {
            claim.subject = Subject::Body(id.to_string());
            Ok(Edit::InsertClaim { at, claim })
        }
        other => Ok(other),
    }
}

/// A body's dated milestones, each the best claim's date and the claim's position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BodyDates {
    pub charter_signed: Option<(PartialDate, usize)>,
    pub in_force: Option<(PartialDate, usize)>,
}

impl BodyDates {
    pub fn in_force_date(&self) -> Option<PartialDate> {
        self.in_force.map(|(d, _)| d)
    }
}

/// The milestones of the body with `id`, from its claims known by `as_of`, each decided by the
/// one conflict rule ([`crate::model::derive::conflict`]) as an actor's property is: the top rank, then the
/// latest word, unless a more reliable source disputes it; deprecated claims never count. So
/// the day the Roster shows is the winner the conflicts list names. Reads only the body claims.
pub fn body_dates(d: &Dataset, index: &Index, id: &str, as_of: Option<NaiveDate>) -> BodyDates {
    let mut slots: [Vec<crate::model::derive::conflict::Candidate>; 2] = [Vec::new(), Vec::new()];
    for &c in &index.body_claims {
        let claim = &d.claims[c];
        if !matches!(&claim.subject, Subject::Body(b) if b == id) || !index.claim_known_by(c, as_of)
        {
            continue;
        }
        let slot = match claim.fact {
            Fact::CharterSigned(_) => 0,
            Fact::InForce(_) => 1,
            _ => continue,
        };
        slots[slot].push(crate::model::derive::roster::candidate(index, c));
    }
    let [mut signed, mut in_force] = slots;
    let decide = |candidates: &mut Vec<crate::model::derive::conflict::Candidate>| {
        let best = crate::model::derive::conflict::resolve(&d.claims, candidates)?.best;
        match d.claims[best].fact {
            Fact::CharterSigned(day) | Fact::InForce(day) if !d.claims[best].negated => {
                Some((day, best))
            }
            _ => None,
        }
    };
    BodyDates {
        charter_signed: decide(&mut signed),
        in_force: decide(&mut in_force),
    }
}

/// Whether a property is one of a body's milestones.
pub fn is_milestone(p: Property) -> bool {
    matches!(p, Property::CharterSigned | Property::InForce)
}

/// Brings a version-1 dataset into the current model. Version 1 let a claim name the main body
/// by its id as well as by leaving `body` empty; now the main body is always the empty one, so
/// that "the claims about the main body" is one test. Nothing else changes: v1 had no
/// milestones and its seat rules are read as they are.
pub fn migrate_v1(d: &mut Dataset) {
    let main = d.body.id.clone();
    for claim in &mut d.claims {
        if claim.body.as_deref() == Some(main.as_str()) {
            claim.body = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{ActorKind, Claim, Rank};

    fn board() -> Dataset {
        DatasetBuilder::new("Board of Peace")
            .actor("trump", "Donald Trump", ActorKind::Person)
            .source("s", "Outlet", Some("2026-01-22"), "text")
            .build()
    }

    fn apply(d: &mut Dataset, e: Edit) -> Edit {
        e.apply(d).unwrap()
    }

    /// Makes an edit from the dataset as it is, applies it, returns the inverse.
    fn step(d: &mut Dataset, make: impl FnOnce(&Dataset) -> Result<Edit, BodyError>) -> Edit {
        let edit = make(d).unwrap();
        apply(d, edit)
    }

    #[test]
    fn bodies_are_added_renamed_and_reparented_as_undoable_edits() {
        let mut d = board();
        let before = d.clone();
        let mut undo = Vec::new();
        undo.push(step(&mut d, |d| add_body(d, "Executive Board", None)));
        assert_eq!(d.sub_bodies[0].id, "executive-board");
        assert_eq!(d.sub_bodies[0].parent.as_deref(), Some(d.body.id.as_str()));
        undo.push(step(&mut d, |d| {
            add_body(d, "Gaza Executive Board", Some("executive-board"))
        }));
        undo.push(step(&mut d, |d| {
            rename_body(d, "executive-board", "The Executive Board")
        }));
        assert_eq!(d.sub_bodies[0].name, "The Executive Board");
        assert_eq!(d.sub_bodies[0].id, "executive-board", "the id is kept");
        let main = d.body.id.clone();
        undo.push(step(&mut d, |d| {
            set_parent(d, "gaza-executive-board", Some(&main))
        }));
        assert_eq!(d.sub_bodies[1].parent.as_deref(), Some(main.as_str()));
        // The main body is renamed the same way.
        undo.push(step(&mut d, |d| rename_body(d, &main, "The Board")));
        assert_eq!(d.body.name, "The Board");
        for inverse in undo.into_iter().rev() {
            apply(&mut d, inverse);
        }
        assert_eq!(d, before);
    }

    #[test]
    fn bad_bodies_are_refused_with_reasons() {
        let mut d = board();
        assert!(
            add_body(&d, "  ", None)
                .unwrap_err()
                .to_string()
                .contains("needs a name")
        );
        step(&mut d, |d| add_body(d, "Executive Board", None));
        assert!(
            add_body(&d, "executive board", None)
                .unwrap_err()
                .to_string()
                .contains("already a body")
        );
        assert!(
            add_body(&d, "Committee", Some("nope"))
                .unwrap_err()
                .to_string()
                .contains("No body has the id \"nope\"")
        );
        step(&mut d, |d| {
            add_body(d, "Committee", Some("executive-board"))
        });
        // Making the executive board a child of its own child would be a circle.
        assert!(
            set_parent(&d, "executive-board", Some("committee"))
                .unwrap_err()
                .to_string()
                .contains("its own parent")
        );
        assert!(
            set_parent(&d, "executive-board", Some("executive-board"))
                .unwrap_err()
                .to_string()
                .contains("its own parent")
        );
        let main = d.body.id.clone();
        assert!(
            set_parent(&d, &main, Some("committee"))
                .unwrap_err()
                .to_string()
                .contains("main body")
        );
    }

    #[test]
    fn a_sub_body_is_removed_with_its_claims_only_when_asked() {
        let mut d = board();
        let before = d.clone();
        step(&mut d, |d| add_body(d, "Executive Board", None));
        step(&mut d, |d| {
            add_body(d, "Committee", Some("executive-board"))
        });
        let main = d.body.id.clone();
        assert!(
            remove_body(&d, &main, true)
                .unwrap_err()
                .to_string()
                .contains("main body")
        );
        assert!(
            remove_body(&d, "executive-board", true)
                .unwrap_err()
                .to_string()
                .contains("Committee is part of Executive Board")
        );
        // A claim about an actor's place on the committee, and one about its date.
        let mut on = Claim {
            extra: Default::default(),
            author: String::new(),
            id: "c-trump-committee".into(),
            subject: Subject::Actor("trump".into()),
            fact: Fact::Status(crate::model::Status::Member),
            negated: false,
            body: Some("committee".into()),
            source: "s".into(),
            quote: None,
            as_of: None,
            rank: Rank::Normal,
            note: String::new(),
        };
        d.claims.push(on.clone());
        on.id = "c-committee-in-force".into();
        on.subject = Subject::Body("committee".into());
        on.body = None;
        on.fact = Fact::InForce("2026-02-01".parse().unwrap());
        d.claims.push(on);
        d.touch();
        let with_claims = d.clone();
        assert_eq!(claims_naming(&d, "committee"), [0, 1]);
        let refused = remove_body(&d, "committee", false).unwrap_err().to_string();
        assert!(refused.contains("2 claims name Committee"), "{refused}");
        let undo = step(&mut d, |d| remove_body(d, "committee", true));
        assert!(d.claims.is_empty());
        assert_eq!(d.sub_bodies.len(), 1);
        assert!(crate::model::rules::validate::validate(&d).is_empty());
        apply(&mut d, undo);
        assert_eq!(d, with_claims);
        d.claims.clear();
        step(&mut d, |d| remove_body(d, "committee", false));
        step(&mut d, |d| remove_body(d, "executive-board", false));
        assert_eq!(d.sub_bodies, before.sub_bodies);
        assert!(
            remove_body(&d, "nope", false)
                .unwrap_err()
                .to_string()
                .contains("No body")
        );
    }

    #[test]
    fn a_sub_bodys_seat_rules_are_its_own() {
        let mut d = board();
        step(&mut d, |d| add_body(d, "Executive Board", None));
        let main_rules = d.body.seat_rules.clone();
        let mut rules = d.sub_bodies[0].seat_rules.clone();
        rules.term_years = 2;
        let undo = step(&mut d, |d| {
            set_body_rules(d, "executive-board", rules.clone())
        });
        assert_eq!(d.sub_bodies[0].seat_rules, rules);
        assert_eq!(
            d.body.seat_rules, main_rules,
            "the main body's are untouched"
        );
        apply(&mut d, undo);
        assert_eq!(d.sub_bodies[0].seat_rules.term_years, 0);
        let main = d.body.id.clone();
        let edit = set_body_rules(&d, &main, rules).unwrap();
        assert!(matches!(edit, Edit::SetSeatRules(_)));
    }

    #[test]
    fn milestones_are_the_best_claims_known_by_the_day() {
        let mut d = board();
        let id = d.body.id.clone();
        let claim = |cid: &str, fact: Fact, as_of: &str| Claim {
            extra: Default::default(),
            author: String::new(),
            id: cid.into(),
            subject: Subject::Body(id.clone()),
            fact,
            negated: false,
            body: None,
            source: "s".into(),
            quote: None,
            as_of: Some(as_of.parse().unwrap()),
            rank: Rank::Normal,
            note: String::new(),
        };
        d.claims.push(claim(
            "signed",
            Fact::CharterSigned("2026-01-22".parse().unwrap()),
            "2026-01-22",
        ));
        d.claims.push(claim(
            "force-early",
            Fact::InForce("2026-01-22".parse().unwrap()),
            "2026-01-22",
        ));
        d.claims.push(claim(
            "force-later-report",
            Fact::InForce("2026-01-23".parse().unwrap()),
            "2026-01-30",
        ));
        let index = Index::build(&d);
        let all_known = body_dates(&d, &index, &id, None);
        assert_eq!(
            all_known.charter_signed,
            Some(("2026-01-22".parse().unwrap(), 0))
        );
        assert_eq!(
            all_known.in_force_date(),
            Some("2026-01-23".parse().unwrap())
        );
        let early = body_dates(&d, &index, &id, Some("2026-01-25".parse().unwrap()));
        assert_eq!(early.in_force, Some(("2026-01-22".parse().unwrap(), 1)));
        d.claims[2].rank = Rank::Deprecated;
        let index = Index::build(&d);
        assert_eq!(body_dates(&d, &index, &id, None).in_force.unwrap().1, 1);
        assert_eq!(
            body_dates(&d, &index, "other-body", None),
            BodyDates::default()
        );
    }

    #[test]
    fn version_1_claims_naming_the_main_body_become_main_body_claims() {
        let mut d = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::State)
            .source("s", "Outlet", Some("2026-01-22"), "text")
            .claim(
                "x",
                Fact::Status(crate::model::Status::Member),
                "s",
                None,
                None,
            )
            .claim(
                "x",
                Fact::Status(crate::model::Status::Member),
                "s",
                None,
                None,
            )
            .build();
        d.claims[0].body = Some(d.body.id.clone());
        d.claims[1].body = Some("executive-board".into());
        migrate_v1(&mut d);
        assert_eq!(d.claims[0].body, None);
        assert_eq!(d.claims[1].body.as_deref(), Some("executive-board"));
    }

    #[test]
    fn a_milestone_is_claimed_of_a_body_never_of_an_actor() {
        let mut d = board();
        let id = d.body.id.clone();
        let in_force = Fact::InForce("2026-01-22".parse().unwrap());
        assert!(
            milestone_claim(
                &d,
                &Index::build(&d),
                "nope",
                in_force.clone(),
                "s",
                None,
                ""
            )
            .unwrap_err()
            .to_string()
            .contains("No body")
        );
        assert!(
            milestone_claim(
                &d,
                &Index::build(&d),
                &id,
                Fact::TermYears(3),
                "s",
                None,
                ""
            )
            .unwrap_err()
            .to_string()
            .contains("not one of a body's dates")
        );
        step(&mut d, |d| {
            milestone_claim(d, &Index::build(d), &id, in_force.clone(), "s", None, "")
        });
        assert!(crate::model::rules::validate::validate(&d).is_empty());
        d.claims[0].subject = Subject::Actor("trump".into());
        let problems = crate::model::rules::validate::validate(&d);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("is a date of a body")),
            "{problems:?}"
        );
    }
}
