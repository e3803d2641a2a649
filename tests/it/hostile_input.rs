//! Files others send: arbitrary bytes, mutated valid files, and a corpus of nasty cases. The
//! loader never panics or hangs; every failure is a message; and whatever it accepts can be
//! derived, compared and saved without a panic.

use std::path::Path;

use board_explorer::model::derive::compare::{anchor_claims, compare};
use board_explorer::model::derive::timeline;
use board_explorer::model::{Dataset, Derived};
use board_explorer::store::{self, parse_bytes, to_ron};
use proptest::prelude::*;

const EMBEDDED: &str = include_str!("../../assets/board_of_peace.ron");

/// Everything the app derives from a dataset it opened, and a save and reload.
fn exercise(d: &Dataset) {
    let mut derived = Derived::default();
    derived.refresh(d, None);
    derived.refresh(
        d,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 1, 20).unwrap()),
    );
    let ids: Vec<String> = d.sources.iter().map(|s| s.id.clone()).collect();
    let matrix = compare(d, &derived.index, &ids);
    for (i, _) in d.sources.iter().enumerate() {
        let _ = anchor_claims(d, i);
    }
    for c in 0..d.claims.len() {
        let _ = matrix.claim_verdict(d, c);
    }
    let _ = timeline::extent(d);
    let again = store::parse(&to_ron(d), None).expect("what loaded saves and loads again");
    assert_eq!(&again.dataset, d);
}

/// Loads bytes as the app would; a failure must carry a message.
fn load(bytes: &[u8]) {
    match parse_bytes(bytes, Some(Path::new("sent.ron"))) {
        Ok(loaded) => exercise(&loaded.dataset),
        Err(e) => assert!(!e.to_string().trim().is_empty(), "an error without words"),
    }
}

/// Ways a valid file gets damaged: cut short, bytes lost, bytes added, pieces repeated.
#[derive(Clone, Debug)]
enum Damage {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Splice(usize, &'static str),
    Repeat(usize, usize),
}

const NASTY: [&str; 14] = [
    "(((((((((((",
    "\"",
    "99999999999999999999999999",
    "-1",
    "\0",
    "[",
    "]",
    "Some(",
    "version: 2",
    "4294967295",
    "\u{feff}",
    "r#\"",
    "1e999",
    "\"9999-99-99\"",
];

fn damage() -> impl Strategy<Value = Damage> {
    let n = EMBEDDED.len();
    prop_oneof![
        (0..n).prop_map(Damage::Truncate),
        (0..n, 1..64usize).prop_map(|(a, l)| Damage::Delete(a, l)),
        (0..n, prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(a, b)| Damage::Insert(a, b)),
        (0..n, prop::sample::select(NASTY.to_vec())).prop_map(|(a, s)| Damage::Splice(a, s)),
        (0..n, 1..400usize).prop_map(|(a, l)| Damage::Repeat(a, l)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let n = bytes.len();
    match damage {
        Damage::Truncate(at) => bytes.truncate(*at),
        Damage::Delete(at, len) => {
            let end = (*at + len).min(n);
            bytes.drain(*at..end);
        }
        Damage::Insert(at, more) => {
            bytes.splice(*at..*at, more.iter().copied());
        }
        Damage::Splice(at, text) => {
            let end = (*at + text.len()).min(n);
            bytes.splice(*at..end, text.bytes());
        }
        Damage::Repeat(at, len) => {
            let end = (*at + len).min(n);
            let piece = bytes[*at..end].to_vec();
            bytes.splice(end..end, piece);
        }
    }
}

/// The embedded file cut into RON tokens: strings (with their escapes), words and numbers,
/// single punctuation marks, and runs of white space. Joined back they give the file again.
fn tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let b = bytes[at];
        if b == b'"' {
            at += 1;
            while at < bytes.len() && bytes[at] != b'"' {
                at += if bytes[at] == b'\\' { 2 } else { 1 };
            }
            at = (at + 1).min(bytes.len());
        } else if b.is_ascii_whitespace() {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
        } else if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' {
            while at < bytes.len()
                && (bytes[at].is_ascii_alphanumeric() || matches!(bytes[at], b'_' | b'-' | b'.'))
            {
                at += 1;
            }
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
        out.push(&text[start..at]);
    }
    out
}

/// What a token-level mutation does: drop a token, repeat it, put another token of the file
/// in its place, or swap two tokens. The text stays UTF-8 and made of RON tokens, so the
/// parser (not the UTF-8 check or the header scan) meets the damage.
#[derive(Clone, Debug)]
enum TokenEdit {
    Drop(usize),
    Repeat(usize),
    Replace(usize, usize),
    Swap(usize, usize),
}

fn token_edit() -> impl Strategy<Value = TokenEdit> {
    let n = tokens(EMBEDDED).len();
    prop_oneof![
        (0..n).prop_map(TokenEdit::Drop),
        (0..n).prop_map(TokenEdit::Repeat),
        (0..n, 0..n).prop_map(|(a, b)| TokenEdit::Replace(a, b)),
        (0..n, 0..n).prop_map(|(a, b)| TokenEdit::Swap(a, b)),
    ]
}

fn mutate(edits: &[TokenEdit]) -> String {
    let original = tokens(EMBEDDED);
    let mut t = original.clone();
    for edit in edits {
        let n = t.len();
        match *edit {
            TokenEdit::Drop(a) if a < n => {
                t.remove(a);
            }
            TokenEdit::Repeat(a) if a < n => t.insert(a, t[a]),
            TokenEdit::Replace(a, b) if a < n => t[a] = original[b],
            TokenEdit::Swap(a, b) if a < n && b < n => t.swap(a, b),
            _ => {}
        }
    }
    t.concat()
}

#[test]
fn token_mutations_reach_the_parser() {
    assert_eq!(tokens(EMBEDDED).concat(), EMBEDDED);
    let n = tokens(EMBEDDED).len();
    let mut rng = fastrand::Rng::with_seed(14);
    let (mut deep, total) = (0, 300);
    for _ in 0..total {
        let edit = match rng.u8(0..4) {
            0 => TokenEdit::Drop(rng.usize(0..n)),
            1 => TokenEdit::Repeat(rng.usize(0..n)),
            2 => TokenEdit::Replace(rng.usize(0..n), rng.usize(0..n)),
            _ => TokenEdit::Swap(rng.usize(0..n), rng.usize(0..n)),
        };
        let text = mutate(&[edit]);
        match store::parse(&text, None) {
            Ok(_) => deep += 1,
            Err(e) if e.place.is_some_and(|(line, _)| line > 3) || !e.more.is_empty() => deep += 1,
            Err(e) => assert!(!e.message.trim().is_empty()),
        }
    }
    // Most single mutations land in the dataset, far past the header: the parser or the
    // checks after it answer for them.
    assert!(
        deep * 10 >= total * 8,
        "{deep} of {total} got past the header"
    );
}

proptest! {
    #![proptest_config(crate::proptest_config(200))]

    #[test]
    fn a_file_mutated_token_by_token_loads_or_says_why(
        edits in prop::collection::vec(token_edit(), 1..4)
    ) {
        load(mutate(&edits).as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load(&bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_header_never_panic(tail in ".{0,400}") {
        let text = format!("(format: \"board-explorer\", version: 1, dataset: {tail}");
        load(text.as_bytes());
    }

    #[test]
    fn a_damaged_valid_file_loads_or_says_why(damages in prop::collection::vec(damage(), 1..4)) {
        let mut bytes = EMBEDDED.as_bytes().to_vec();
        for d in &damages {
            let n = bytes.len();
            // Positions were drawn for the original length; keep them in range.
            let d = match d.clone() {
                Damage::Truncate(a) => Damage::Truncate(a.min(n)),
                Damage::Delete(a, l) => Damage::Delete(a.min(n), l),
                Damage::Insert(a, b) => Damage::Insert(a.min(n), b),
                Damage::Splice(a, s) => Damage::Splice(a.min(n), s),
                Damage::Repeat(a, l) => Damage::Repeat(a.min(n), l),
            };
            apply(&mut bytes, &d);
        }
        load(&bytes);
    }
}

/// The corpus: nasty cases kept as files, each refused with the message named here.
#[test]
fn every_corpus_case_is_refused_with_a_clear_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let cases: &[(&str, &str)] = &[
        ("truncated.ron", "ends too early"),
        ("newer_version.ron", "newer board-explorer"),
        ("not_utf8.ron", "not UTF-8"),
        ("empty.ron", "no format version"),
        ("duplicate_actor_id.ron", "more than once"),
        ("empty_actor_name.ron", "empty name"),
        ("absurd_term.ron", "term"),
        ("absurd_pledge.ron", "absurd"),
        ("huge_integer.ron", ""),
        ("deep_nesting.ron", "nested too deeply"),
        ("broken_reference.ron", "does not exist"),
        ("year_out_of_range.ron", "is not a date"),
    ];
    for (name, expected) in cases {
        let path = dir.join(name);
        let err = store::load_file(&path)
            .err()
            .unwrap_or_else(|| panic!("{name} loaded"));
        let message = err.to_string();
        // The words are looked for in the message itself, not in the path it names (which
        // holds the case's name).
        let words = format!("{} {}", err.message, err.more.join(" "));
        assert!(
            words.contains(expected),
            "{name}: expected a message about “{expected}”, got: {message}"
        );
        assert!(
            message.contains(name),
            "{name}: the message names the file: {message}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: takes no disk, but claims to be larger than the limit.
    file.set_len(store::MAX_FILE_BYTES + 1).unwrap();
    let err = store::load_file(&path).unwrap_err().to_string();
    assert!(err.contains("too large"), "{err}");
}
