//! Which body a sentence speaks of: the Board itself or one of the bodies around it (the
//! Executive Board, the Gaza Executive Board, the Palestinian committee it oversees).

use super::tokens::Token;

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

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
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
}
