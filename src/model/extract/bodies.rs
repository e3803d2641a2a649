//! Which body a sentence speaks of: the Board itself or one of the bodies around it (the
//! Executive Board, the Gaza Executive Board, the Palestinian committee it oversees).

use super::tokens::{Token, tokenize};
use crate::model::dataset::{Body, Id};

/// Phrases naming a body, longest first so "Gaza Executive Board" is not read as "Executive
/// Board"; `None` is the main body.
const PHRASES: &[(&[&str], Option<&str>)] = &[
    (
        &[
            "national",
            "committee",
            "for",
            "the",
            "administration",
            "of",
            "gaza",
        ],
        Some("ncag"),
    ),
    (
        &["gaza", "executive", "board"],
        Some("gaza-executive-board"),
    ),
    (&["committee", "of", "palestinian"], Some("ncag")),
    (&["palestinian", "committee"], Some("ncag")),
    (&["technocratic", "committee"], Some("ncag")),
    (&["ncag"], Some("ncag")),
    (&["founding", "executive", "board"], Some("executive-board")),
    (&["executive", "board"], Some("executive-board")),
    (&["executive", "committee"], Some("executive-board")),
    (&["board", "of", "peace"], None),
    (&["peace", "council"], None),
    (&["council", "of", "peace"], None),
    (&["peace", "board"], None),
    (&["gaza", "board"], None),
];

/// Every body phrase in the tokens: its first token and the body (None: the main one).
pub fn bodies(toks: &[Token]) -> Vec<(usize, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let hit = PHRASES.iter().find(|(words, _)| {
            words.len() + i <= toks.len()
                && words.iter().enumerate().all(|(k, w)| toks[i + k].is(w))
        });
        match hit {
            Some((words, body)) => {
                out.push((i, *body));
                i += words.len();
            }
            None => i += 1,
        }
    }
    out
}

/// For each body id the extractor names, the dataset's own id for the same body where it has
/// one under another id: a sub-body whose name is one of the phrases above ("Committee of
/// Palestinian experts" is the Palestinian committee, "ncag"). Ids the dataset already uses
/// are kept; a body the dataset lacks keeps the extractor's id (accepting skips it).
pub fn dataset_ids(sub_bodies: &[Body]) -> Vec<(&'static str, Id)> {
    let mut out: Vec<(&'static str, Id)> = Vec::new();
    for b in sub_bodies {
        let toks = tokenize(&b.name, 0..b.name.len());
        let Some(Some(ours)) = bodies(&toks).into_iter().map(|(_, id)| id).next() else {
            continue;
        };
        let taken = sub_bodies.iter().any(|o| o.id == ours);
        if !taken && b.id != ours && !out.iter().any(|(o, _)| *o == ours) {
            out.push((ours, b.id.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_names_the_body() {
        let text =
            "He sits on the Gaza Executive Board, not the Executive Board of the Board of Peace.";
        let toks = tokenize(text, 0..text.len());
        let found: Vec<Option<&str>> = bodies(&toks).into_iter().map(|(_, b)| b).collect();
        assert_eq!(
            found,
            [Some("gaza-executive-board"), Some("executive-board"), None]
        );
    }

    fn body(id: &str, name: &str) -> Body {
        Body {
            id: id.into(),
            name: name.into(),
            description: "Overseen by the Gaza Executive Board.".into(),
            parent: Some("board-of-peace".into()),
            seat_rules: Default::default(),
        }
    }

    #[test]
    fn a_sub_body_named_like_a_known_body_lends_its_id() {
        let subs = [
            body("experts", "Committee of Palestinian experts"),
            body("exec", "The Founding Executive Board"),
            body("gaza-executive-board", "Gaza Executive Board"),
            body("fund", "Reconstruction Fund"),
        ];
        assert_eq!(
            dataset_ids(&subs),
            [
                ("ncag", "experts".to_string()),
                ("executive-board", "exec".to_string())
            ]
        );
        // A second committee of the same kind does not take the id again.
        let twice = [
            body("first", "Palestinian committee"),
            body("second", "Technocratic committee"),
        ];
        assert_eq!(dataset_ids(&twice), [("ncag", "first".to_string())]);
    }
}
