//! Files others send: arbitrary bytes, mutated valid files, and a corpus of nasty cases. The
//! loader never panics or hangs; every failure is a message; and whatever it accepts can be
//! derived, compared and saved without a panic.

use std::path::Path;

use board_explorer::model::compare::{anchor_claims, compare};
use board_explorer::model::timeline;
use board_explorer::model::{Dataset, Derived};
use board_explorer::store::{self, parse_bytes, to_ron};
use proptest::prelude::*;

const EMBEDDED: &str = include_str!("../assets/board_of_peace.ron");

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

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
