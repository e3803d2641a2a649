//! An actor given by its parts, as a script or the command line gives them: an id (or one made
//! from the name), name, kind, country, aliases, and whom it represents. One [`Edit`].

use std::collections::HashSet;

use super::dataset::{Actor, ActorKind, Dataset, EDITORS_NOTE, Fact, Id};
use super::edit::Edit;
use super::ops::{check_name, hand_claim, unique_id};
use crate::model::derive::index::Index;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorDraft {
    /// The id to give; made from the name when left out.
    pub id: Option<Id>,
    pub name: String,
    pub kind: ActorKind,
    pub country: String,
    pub aliases: Vec<String>,
    /// The actor it acts for: recorded as a claim on the editor's word.
    pub represents: Option<Id>,
    /// Its Wikidata id (Q and digits), when known.
    pub wikidata: Option<String>,
}

/// Why an actor given by id is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActorDraftError {
    #[error(transparent)]
    Name(#[from] super::ops::NameError),
    #[error("the id cannot be empty")]
    EmptyId,
    #[error("the id \"{id}\" has spaces; use lowercase words joined by dashes, like \"{like}\"")]
    SpacedId { id: String, like: String },
    #[error("there is already an actor \"{id}\" ({name}); give another id if this is someone else")]
    IdTaken { id: String, name: String },
    #[error("represents: there is no actor \"{0}\"")]
    UnknownRepresented(String),
    #[error("an actor cannot represent itself")]
    RepresentsItself,
    #[error(
        "{0} merge conflict(s) wait: settle them first (`resolve FILE --list`), as they name records by id"
    )]
    MergeConflictsWait(usize),
}

/// `id` as an actor's new id, trimmed: refused when empty, spaced or taken.
pub fn free_actor_id(d: &Dataset, id: &str) -> Result<Id, ActorDraftError> {
    let id = id.trim();
    if id.is_empty() {
        return Err(ActorDraftError::EmptyId);
    }
    if id.chars().any(char::is_whitespace) {
        return Err(ActorDraftError::SpacedId {
            id: id.to_string(),
            like: unique_id(id, &HashSet::new()),
        });
    }
    if let Some(taken) = d.actor(id) {
        return Err(ActorDraftError::IdTaken {
            id: id.to_string(),
            name: taken.name.clone(),
        });
    }
    Ok(id.to_string())
}

/// The actor appended to the list, and, if it represents someone, that claim (one undo step).
/// Refuses an id already taken and an empty name; notes a duplicate name.
pub fn add_actor_with_id(
    d: &Dataset,
    index: &Index,
    draft: ActorDraft,
) -> Result<(Edit, Vec<String>), ActorDraftError> {
    let name = draft.name.trim();
    let notes: Vec<String> = check_name(d, name, None)?.into_iter().collect();
    let made;
    let id = free_actor_id(
        d,
        match draft.id.as_deref() {
            Some(id) => id,
            None => {
                made = unique_id(name, &HashSet::new());
                &made
            }
        },
    )?;
    if let Some(whom) = &draft.represents {
        if d.actor(whom).is_none() {
            return Err(ActorDraftError::UnknownRepresented(whom.clone()));
        }
        if *whom == id {
            return Err(ActorDraftError::RepresentsItself);
        }
    }
    let aliases: Vec<String> = draft
        .aliases
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty() && a != name)
        .collect();
    let mut actor = Actor {
        id: id.clone(),
        name: name.to_string(),
        aliases,
        kind: draft.kind,
        country: draft.country.trim().to_string(),
        wikidata: draft.wikidata,
        ..Default::default()
    };
    super::ops::check_wikidata(&mut actor)?;
    let mut edits = vec![Edit::InsertActor {
        at: d.actors.len(),
        actor,
    }];
    if let Some(whom) = draft.represents {
        edits.push(hand_claim(
            d,
            index,
            &id,
            Fact::Represents(whom),
            EDITORS_NOTE,
            None,
            "",
        ));
    }
    Ok((Edit::Batch(edits), notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::rules::validate::{Severity, validate};

    fn dataset() -> Dataset {
        DatasetBuilder::new("Board")
            .actor("canada", "Canada", ActorKind::State)
            .build()
    }

    #[test]
    fn an_actor_gets_a_slug_and_a_represents_claim_in_one_step() {
        let mut d = dataset();
        let before = d.clone();
        let index = Index::build(&d);
        let (edit, notes) = add_actor_with_id(
            &d,
            &index,
            ActorDraft {
                name: " François-Philippe Champagne ".into(),
                kind: ActorKind::Person,
                country: "Canada".into(),
                aliases: vec!["Champagne".into(), String::new()],
                represents: Some("canada".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(notes.is_empty());
        let undo = edit.apply(&mut d).unwrap();
        let a = d.actor("francois-philippe-champagne").unwrap();
        assert_eq!(a.name, "François-Philippe Champagne");
        assert_eq!(a.aliases, ["Champagne"]);
        assert_eq!(d.claims[0].fact, Fact::Represents("canada".into()));
        assert!(validate(&d).iter().all(|p| p.severity != Severity::Error));
        undo.apply(&mut d).unwrap();
        assert_eq!(d, before);
    }

    #[test]
    fn refuses_a_taken_id_an_empty_name_and_an_unknown_represented() {
        let d = dataset();
        let draft = |id: Option<&str>, name: &str| ActorDraft {
            id: id.map(Into::into),
            name: name.into(),
            kind: ActorKind::State,
            ..Default::default()
        };
        let index = Index::build(&d);
        let e = add_actor_with_id(&d, &index, draft(None, "Canada"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("already an actor \"canada\" (Canada)"), "{e}");
        assert!(add_actor_with_id(&d, &index, draft(Some("canada"), "Kanada")).is_err());
        assert!(add_actor_with_id(&d, &index, draft(Some("two words"), "X")).is_err());
        assert!(add_actor_with_id(&d, &index, draft(None, "  ")).is_err());
        let (_, notes) = add_actor_with_id(&d, &index, draft(Some("canada-2"), "canada")).unwrap();
        assert_eq!(notes.len(), 1, "a duplicate name is worth a note");
        let mut lost = draft(None, "Kosovo");
        lost.represents = Some("nobody".into());
        assert!(add_actor_with_id(&d, &index, lost).is_err());
    }

    #[test]
    fn a_wikidata_id_is_kept_trimmed_and_a_wrong_one_refused() {
        let mut d = dataset();
        let index = Index::build(&d);
        let with = |wikidata: &str| ActorDraft {
            name: "Kosovo".into(),
            kind: ActorKind::State,
            wikidata: Some(wikidata.into()),
            ..Default::default()
        };
        let e = add_actor_with_id(&d, &index, with("kosovo"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a Wikidata id"), "{e}");
        let (edit, _) = add_actor_with_id(&d, &index, with(" Q1246 ")).unwrap();
        edit.apply(&mut d).unwrap();
        assert_eq!(
            d.actor("kosovo").unwrap().wikidata.as_deref(),
            Some("Q1246")
        );
    }
}
