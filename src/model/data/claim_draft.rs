//! A claim given by names rather than positions: the actor's id, the fact, the source's id and
//! the quoted words, as a script or the command line gives them. The quote is found by its
//! words; the result is one [`Edit`].

use std::collections::HashSet;

use super::dataset::{Claim, Dataset, EDITORS_NOTE, Fact, Id, Rank, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use super::ops::unique_id;
use crate::model::text::quote::Quote;
use crate::model::text::quote_words::{NotPlaced, missing_message, place};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimDraft {
    pub actor: Id,
    pub fact: Option<Fact>,
    /// A source's id, or [`EDITORS_NOTE`] for the editor's own word (which quotes nothing).
    pub source: Id,
    /// The exact words of the source that state the fact.
    pub quote: Option<String>,
    /// When the fact held; the source's publication date when left out.
    pub as_of: Option<PartialDate>,
    pub body: Option<Id>,
    pub note: String,
    /// The source says the fact does not hold ("not a member").
    pub negated: bool,
}

/// Why a claim given by names is refused; its message says what is there instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClaimDraftError {
    #[error("give the fact, e.g. status=accepted")]
    NoFact,
    #[error("there is no actor \"{0}\"")]
    UnknownActor(String),
    #[error("represents: there is no actor \"{0}\" (give an actor's id)")]
    UnknownRepresented(String),
    #[error("an actor cannot represent itself")]
    RepresentsItself,
    #[error("there is no body \"{id}\"; the bodies are: {known}")]
    UnknownBody { id: String, known: String },
    #[error("there is no source \"{id}\"; the sources are: {known}")]
    UnknownSource { id: String, known: String },
    #[error("the editor's note has no text to quote")]
    NothingToQuote,
    /// The words are not in the source: the message names the nearest ones that are.
    #[error("{0}")]
    NotInSource(String),
    #[error("the quote has no words")]
    EmptyQuote,
}

/// The claim as an edit (appended to the claims), with notes worth telling the user (the words
/// occur more than once and the first was taken). Refuses unknown ids and missing words, with
/// the nearest words that are there.
pub fn add_claim(d: &Dataset, draft: ClaimDraft) -> Result<(Edit, Vec<String>), ClaimDraftError> {
    let fact = draft.fact.ok_or(ClaimDraftError::NoFact)?;
    if d.actor(&draft.actor).is_none() {
        return Err(ClaimDraftError::UnknownActor(draft.actor));
    }
    if let Fact::Represents(whom) = &fact {
        if d.actor(whom).is_none() {
            return Err(ClaimDraftError::UnknownRepresented(whom.clone()));
        }
        if *whom == draft.actor {
            return Err(ClaimDraftError::RepresentsItself);
        }
    }
    if let Some(body) = &draft.body
        && d.body_by_id(body).is_none()
    {
        let bodies: Vec<&str> = std::iter::once(&d.body)
            .chain(&d.sub_bodies)
            .map(|b| b.id.as_str())
            .collect();
        return Err(ClaimDraftError::UnknownBody {
            id: body.clone(),
            known: bodies.join(", "),
        });
    }
    let source = if draft.source == EDITORS_NOTE {
        None
    } else {
        Some(d.source(&draft.source).ok_or_else(|| {
            ClaimDraftError::UnknownSource {
                id: draft.source.clone(),
                known: d
                    .sources
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })?)
    };
    let mut notes = Vec::new();
    let quote = match (&draft.quote, source) {
        (None, _) => None,
        (Some(_), None) => return Err(ClaimDraftError::NothingToQuote),
        (Some(words), Some(s)) => match place(&s.text, &Quote::words(words)) {
            Ok(placed) => {
                notes.extend(placed.notes);
                Some(placed.quote)
            }
            Err(NotPlaced::Missing) => {
                return Err(ClaimDraftError::NotInSource(missing_message(
                    &s.text, words, &s.id,
                )));
            }
            Err(NotPlaced::Empty) => return Err(ClaimDraftError::EmptyQuote),
        },
    };
    let taken: HashSet<&str> = d.claims.iter().map(|c| c.id.as_str()).collect();
    let who = if draft.source == EDITORS_NOTE {
        "editor"
    } else {
        draft.source.as_str()
    };
    let id = unique_id(
        &format!("c {} {} {who}", draft.actor, fact.property().label()),
        &taken,
    );
    let claim = Claim {
        extra: Default::default(),
        author: String::new(),
        id,
        body: draft.body,
        subject: Subject::Actor(draft.actor),
        fact,
        source: draft.source,
        quote,
        as_of: draft.as_of.or(source.and_then(|s| s.published)),
        rank: Rank::Normal,
        negated: draft.negated,
        note: draft.note.trim().to_string(),
    };
    Ok((
        Edit::InsertClaim {
            at: d.claims.len(),
            claim,
        },
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::rules::validate::{Severity, validate};
    use crate::model::{ActorKind, Body, Status};

    const TEXT: &str = "Egypt’s President Sisi has accepted the invitation. Canada has accepted \
                        the invitation too.";

    fn dataset() -> Dataset {
        let mut d = DatasetBuilder::new("Board")
            .actor("sisi", "Sisi", ActorKind::Person)
            .actor("egypt", "Egypt", ActorKind::State)
            .source("wire", "Wire", Some("2026-01-20"), TEXT)
            .build();
        d.sub_bodies.push(Body {
            id: "executive".into(),
            name: "Executive Board".into(),
            ..Default::default()
        });
        d
    }

    fn draft(quote: &str) -> ClaimDraft {
        ClaimDraft {
            actor: "sisi".into(),
            fact: Some(Fact::Status(Status::Accepted)),
            source: "wire".into(),
            quote: Some(quote.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_claim_by_words_is_placed_dated_and_valid() {
        let mut d = dataset();
        let (edit, notes) = add_claim(&d, draft("Sisi has accepted")).unwrap();
        assert!(notes.is_empty());
        edit.apply(&mut d).unwrap();
        let c = &d.claims[0];
        let q = c.quote.as_ref().unwrap();
        assert_eq!(&TEXT[q.start..q.end], "Sisi has accepted");
        assert_eq!(c.as_of, "2026-01-20".parse().ok());
        assert!(validate(&d).iter().all(|p| p.severity != Severity::Error));
    }

    #[test]
    fn refuses_what_is_not_there() {
        let d = dataset();
        let e = add_claim(&d, draft("Sisi has acepted"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("the nearest are \"Sisi has accepted\""), "{e}");
        let mut unknown = draft("Sisi");
        unknown.actor = "nobody".into();
        assert!(
            add_claim(&d, unknown)
                .unwrap_err()
                .to_string()
                .contains("no actor")
        );
        let mut no_source = draft("Sisi");
        no_source.source = "nowhere".into();
        assert!(
            add_claim(&d, no_source)
                .unwrap_err()
                .to_string()
                .contains("the sources are: wire")
        );
        let mut body = draft("Sisi");
        body.body = Some("committee".into());
        let e = add_claim(&d, body).unwrap_err().to_string();
        assert!(e.contains("the bodies are: body, executive"), "{e}");
        let mut represents = draft("Sisi");
        represents.fact = Some(Fact::Represents("egypt".into()));
        assert!(add_claim(&d, represents.clone()).is_ok());
        represents.fact = Some(Fact::Represents("sisi".into()));
        assert!(add_claim(&d, represents).is_err());
    }

    #[test]
    fn repeated_words_are_noted_and_a_body_is_kept() {
        let d = dataset();
        let mut with_body = draft("has accepted the invitation");
        with_body.body = Some("executive".into());
        let (edit, notes) = add_claim(&d, with_body).unwrap();
        assert!(notes[0].contains("occur 2 times"), "{notes:?}");
        let Edit::InsertClaim { claim, .. } = edit else {
            panic!("an insert")
        };
        assert_eq!(claim.body.as_deref(), Some("executive"));
    }
}
