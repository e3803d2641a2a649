//! What reviewing a source's suggested claims leaves in the dataset: a rejected suggestion is
//! recorded on its source by a key made of its words, so it is not offered again after a
//! reload, an edit of the text or a new extractor run; an accepted one is simply a claim.

use super::dataset::{Dataset, Fact, Subject};
use super::edit::Edit;
use crate::model::derive::index::Index;

/// A suggestion's key: whom it is about (actor id, or the id a new actor would get), the
/// property and value, and the quoted words (case and spacing folded). Positions are left out
/// on purpose: they move when the text is edited; the words do not.
pub fn review_key(actor: &str, fact: &Fact, quote: &str) -> String {
    let words: Vec<String> = quote.split_whitespace().map(str::to_lowercase).collect();
    format!(
        "{actor}|{}|{}|{}",
        fact.property().label(),
        fact.value_label(),
        words.join(" ")
    )
}

/// The edit recording `keys` as rejected on the source at `source` (one undoable step), or
/// `None` when they all are already.
pub fn reject(d: &Dataset, source: usize, keys: &[String]) -> Option<Edit> {
    let old = d.sources.get(source)?;
    let mut new = old.clone();
    for key in keys {
        if !new.rejected.contains(key) {
            new.rejected.push(key.clone());
        }
    }
    (new.rejected.len() > old.rejected.len()).then_some(Edit::ReplaceSource {
        at: source,
        source: new,
    })
}

/// Whether the source already has a claim about the actor with this value, about the same
/// body: the suggestion needs no review (it was accepted, or claimed by hand). The main body
/// counts the same whether named or left out.
pub fn already_claimed(
    d: &Dataset,
    index: &Index,
    source: &str,
    actor: &str,
    fact: &Fact,
    body: Option<&str>,
) -> bool {
    let Some(&at) = index.actor_by_id.get(actor) else {
        return false;
    };
    fn sub<'a>(b: Option<&'a str>, main: &str) -> Option<&'a str> {
        b.filter(|b| *b != main)
    }
    index.claims_by_actor.get(at).is_some_and(|claims| {
        claims.iter().any(|&c| {
            let c = &d.claims[c];
            c.source == source
                && &c.fact == fact
                && sub(c.body.as_deref(), &d.body.id) == sub(body, &d.body.id)
                && c.subject == Subject::Actor(actor.into())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn keys_ignore_case_and_spacing_but_not_words_or_values() {
        let accepted = Fact::Status(Status::Accepted);
        let a = review_key("hungary", &accepted, "Hungary has\n accepted");
        assert_eq!(a, review_key("hungary", &accepted, "hungary has accepted"));
        assert_ne!(a, review_key("hungary", &accepted, "Hungary accepted"));
        assert_ne!(
            a,
            review_key(
                "hungary",
                &Fact::Status(Status::Declined),
                "Hungary has accepted"
            )
        );
        assert_ne!(a, review_key("canada", &accepted, "Hungary has accepted"));
    }

    #[test]
    fn rejecting_records_each_key_once_and_undoes() {
        let mut d = Dataset {
            sources: vec![crate::model::Source {
                id: "s".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let key = review_key("x", &Fact::Invited(true), "x was invited");
        let edit = reject(&d, 0, std::slice::from_ref(&key)).unwrap();
        let undo = edit.apply(&mut d).unwrap();
        assert_eq!(d.sources[0].rejected, std::slice::from_ref(&key));
        assert!(reject(&d, 0, &[key]).is_none(), "already rejected");
        undo.apply(&mut d).unwrap();
        assert!(d.sources[0].rejected.is_empty());
        assert!(reject(&d, 5, &[]).is_none());
    }

    #[test]
    fn a_claim_from_the_source_with_the_same_value_settles_a_suggestion() {
        let d = crate::model::data::builder::DatasetBuilder::new("Board")
            .actor("a", "A", crate::model::ActorKind::State)
            .source("s", "Wire", None, "A has accepted.")
            .claim("a", Fact::Status(Status::Accepted), "s", None, None)
            .build();
        let index = Index::build(&d);
        let accepted = Fact::Status(Status::Accepted);
        let main = Some(d.body.id.as_str());
        assert!(already_claimed(&d, &index, "s", "a", &accepted, None));
        assert!(already_claimed(&d, &index, "s", "a", &accepted, main));
        let board = Some("executive-board");
        assert!(!already_claimed(&d, &index, "s", "a", &accepted, board));
        let declined = Fact::Status(Status::Declined);
        assert!(!already_claimed(&d, &index, "s", "a", &declined, None));
        assert!(!already_claimed(&d, &index, "other", "a", &accepted, None));
        assert!(!already_claimed(&d, &index, "s", "nobody", &accepted, None));
    }
}
