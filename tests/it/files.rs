//! Dataset files: round trips, and every kind of bad file refused with a message that names
//! the problem and its place, without touching the file.

use std::fs;

use board_explorer::document::Document;
use board_explorer::model::text::content_hash;
use board_explorer::model::*;
use board_explorer::store::{LoadError, VERSION, embedded, load_file, parse, save_file, to_ron};
use proptest::prelude::*;

fn err(text: &str) -> LoadError {
    parse(text, None).expect_err("the file should be refused")
}

#[test]
fn a_newer_version_is_refused_with_the_reason() {
    let newer = to_ron(&embedded()).replacen(&format!("version: {VERSION}"), "version: 7", 1);
    let e = err(&newer);
    assert!(e.message.contains("newer board-explorer"), "{e}");
    assert!(e.message.contains("version 7"), "{e}");
    assert_eq!(
        e.place.map(|p| p.0),
        Some(3),
        "points at the version line: {e}"
    );
    // Even if the newer version changed the syntax beyond recognition.
    let e =
        err("(\n    format: \"board-explorer\",\n    version: 3,\n    dataset: <<new syntax>>\n)");
    assert!(e.message.contains("newer"), "{e}");
}

#[test]
fn a_truncated_file_is_refused_with_its_place() {
    let full = to_ron(&embedded());
    for cut in [full.len() / 3, full.len() / 2, full.len() - 3] {
        let mut cut = cut;
        while !full.is_char_boundary(cut) {
            cut -= 1;
        }
        let e = err(&full[..cut]);
        assert!(e.place.is_some(), "{e}");
        assert!(e.to_string().starts_with("line "), "{e}");
    }
    let e = err(&full[..full.len() - 3]);
    assert!(e.message.contains("ends too early"), "{e}");
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let broken = to_ron(&embedded()).replacen("kind: Person", "kind: Persn", 1);
    let e = err(&broken);
    let line = broken.lines().position(|l| l.contains("Persn")).unwrap() + 1;
    assert_eq!(e.place.map(|p| p.0), Some(line), "{e}");
    assert!(e.message.contains("Persn"), "{e}");
}

#[test]
fn a_broken_reference_names_the_claim_and_its_line() {
    let mut d = embedded();
    d.claims[5].source = "no-such-source".into();
    let text = to_ron(&d);
    let e = err(&text);
    assert!(e.message.contains("no-such-source"), "{e}");
    assert!(e.message.contains(&d.claims[5].id), "{e}");
    let line = text
        .lines()
        .position(|l| l.contains(&format!("id: \"{}\"", d.claims[5].id)))
        .unwrap()
        + 1;
    assert_eq!(e.place.map(|p| p.0), Some(line));
}

#[test]
fn duplicate_ids_and_empty_names_are_refused() {
    let mut d = embedded();
    d.actors[1].id = d.actors[0].id.clone();
    let e = err(&to_ron(&d));
    assert!(e.message.contains("used more than once"), "{e}");

    let mut d = embedded();
    d.actors[2].name = "   ".into();
    let e = err(&to_ron(&d));
    assert!(e.message.contains("empty name"), "{e}");
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let mut d = embedded();
    d.claims[0].source = "gone-1".into();
    d.claims[1].source = "gone-2".into();
    d.events[0].actors.push("nobody".into());
    let e = err(&to_ron(&d));
    assert!(e.message.contains("3 problems"), "{e}");
    assert_eq!(e.more.len(), 2);
}

#[test]
fn other_files_are_told_apart() {
    assert!(err("").message.contains("not a board-explorer dataset"));
    assert!(
        err("hello")
            .message
            .contains("not a board-explorer dataset")
    );
    let other =
        to_ron(&embedded()).replacen("format: \"board-explorer\"", "format: \"spreadsheet\"", 1);
    assert!(err(&other).message.contains("\"spreadsheet\""));
}

#[test]
fn an_orphaned_quote_is_a_warning_and_nothing_is_dropped() {
    let mut d = embedded();
    let text = &mut d.sources[0].text;
    *text = text.replacen("Vladimir Putin", "Vladimir V. Putin", 1);
    d.sources[0].hash = content_hash(&d.sources[0].text);
    let loaded = parse(&to_ron(&d), None).unwrap();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("orphaned"))
    );
    assert_eq!(loaded.dataset.claims.len(), embedded().claims.len());
}

#[test]
fn a_failed_open_leaves_file_and_document_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let ron = to_ron(&embedded());
    let broken = &ron[..ron.floor_char_boundary(500)];
    fs::write(&path, broken).unwrap();
    let e = Document::open(&path).expect_err("truncated");
    assert!(
        e.to_string().starts_with(&path.display().to_string()),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert!(!board_explorer::store::backup_path(&path).exists());

    fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    assert!(load_file(&path).unwrap_err().message.contains("not UTF-8"));
    assert!(
        load_file(&dir.path().join("missing.ron"))
            .unwrap_err()
            .message
            .contains("cannot read")
    );
}

#[test]
fn saving_keeps_the_previous_file_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let mut doc = Document::embedded();
    doc.save_as(&path).unwrap();
    let first = fs::read_to_string(&path).unwrap();
    let mut actor = doc.dataset().actors[0].clone();
    actor.name = "Changed".into();
    doc.apply(Edit::ReplaceActor { at: 0, actor }, "Rename")
        .unwrap();
    assert!(doc.is_dirty());
    doc.save_as(&path).unwrap();
    assert!(!doc.is_dirty());
    assert_eq!(
        fs::read_to_string(board_explorer::store::backup_path(&path)).unwrap(),
        first
    );
    assert_eq!(load_file(&path).unwrap().dataset.actors[0].name, "Changed");
}

// ---- round trips over generated datasets ----

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, accents, emoji and RON-significant characters.
    proptest::string::string_regex("[a-zA-Z0-9 ,.:()\\[\\]\"'\\\\\n\té漢🙂ğ-]{0,24}").unwrap()
}

fn name() -> impl Strategy<Value = String> {
    text().prop_map(|s| format!("N{s}"))
}

fn date() -> impl Strategy<Value = PartialDate> {
    (1i32..=9999, 0u32..=12, 0u32..=28).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y).unwrap(),
        (m, 0) => PartialDate::month(y, m).unwrap(),
        (m, d) => PartialDate::day(y, m, d).unwrap(),
    })
}

/// Amounts a dataset may hold: validation refuses more than MAX_AMOUNT as absurd.
fn money() -> impl Strategy<Value = Money> {
    (
        0..=board_explorer::model::data::money::MAX_AMOUNT,
        prop::sample::select(vec!["USD", "EUR", "GBP", "CHF"]),
    )
        .prop_map(|(amount, c)| Money {
            amount,
            currency: c.into(),
        })
}

/// The facts a dataset holds once read: not the old `invited: yes`, which reads as the status
/// (see `one_meaning`).
fn fact(n_actors: usize) -> impl Strategy<Value = Fact> {
    prop_oneof![
        prop::sample::select(Status::ALL.to_vec()).prop_map(Fact::Status),
        prop::sample::select(Role::ALL.to_vec()).prop_map(Fact::Role),
        (0..n_actors).prop_map(|i| Fact::Represents(format!("a{i}"))),
        text().prop_map(Fact::Office),
        money().prop_map(Fact::Pledge),
        date().prop_map(Fact::Joined),
    ]
}

/// Seat rules from generated parts: "more than" also lets the chair renew.
fn seat_rules(threshold: Money, more_than: bool, term: u32, rates: Vec<f64>) -> SeatRules {
    SeatRules {
        threshold,
        comparison: if more_than {
            rules::Comparison::MoreThan
        } else {
            rules::Comparison::AtLeast
        },
        window: None,
        term_years: term,
        chair_can_renew: more_than,
        exchange_rates: rates
            .into_iter()
            .map(|rate| rules::ExchangeRate {
                currency: "EUR".into(),
                rate,
            })
            .collect(),
    }
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (1usize..6, 1usize..4).prop_flat_map(|(n_actors, n_sources)| {
        let actors = prop::collection::vec(
            (
                name(),
                prop::collection::vec(text(), 0..3),
                prop::sample::select(ActorKind::ALL.to_vec()),
                text(),
            ),
            n_actors,
        );
        let sources = prop::collection::vec(
            (name(), text(), prop::option::of(date()), text()),
            n_sources,
        );
        let claims = prop::collection::vec(
            (
                0..n_actors,
                fact(n_actors),
                0..n_sources,
                prop::option::of(date()),
                prop::sample::select(vec![Rank::Deprecated, Rank::Normal, Rank::Preferred]),
                text(),
            ),
            0..12,
        );
        let rules = (
            money(),
            any::<bool>(),
            0u32..50,
            // Rates within the range validation accepts (model::validate_values::MIN_RATE..=MAX_RATE).
            prop::collection::vec(1e-6f64..1e6, 0..3),
        );
        (
            name(),
            actors,
            sources,
            claims,
            rules,
            prop::collection::vec((date(), name()), 0..4),
        )
            .prop_map(
                |(
                    body_name,
                    actors,
                    sources,
                    claims,
                    (threshold, more_than, term, rates),
                    events,
                )| {
                    let mut d = Dataset::default();
                    d.body.id = "body".into();
                    d.body.name = body_name;
                    d.body.seat_rules = seat_rules(threshold, more_than, term, rates);
                    d.actors = actors
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, aliases, kind, country))| Actor {
                            id: format!("a{i}"),
                            name,
                            aliases,
                            kind,
                            country,
                            ..Default::default()
                        })
                        .collect();
                    d.sources = sources
                        .into_iter()
                        .enumerate()
                        .map(|(i, (title, outlet, published, text))| Source {
                            id: format!("s{i}"),
                            title,
                            outlet,
                            published,
                            hash: content_hash(&text),
                            text,
                            ..Default::default()
                        })
                        .collect();
                    d.claims = claims
                        .into_iter()
                        .enumerate()
                        .map(|(i, (a, fact, s, as_of, rank, note))| Claim {
                            extra: Default::default(),
                            author: String::new(),
                            id: format!("c{i}"),
                            body: None,
                            subject: Subject::Actor(format!("a{a}")),
                            fact,
                            source: format!("s{s}"),
                            quote: None,
                            as_of,
                            rank,
                            negated: false,
                            note,
                        })
                        .collect();
                    d.events = events
                        .into_iter()
                        .enumerate()
                        .map(|(i, (date, title))| Event {
                            extra: Default::default(),
                            id: format!("e{i}"),
                            date,
                            end: None,
                            title,
                            description: String::new(),
                            kind: EventKind::Other,
                            actors: vec!["a0".into()],
                            sources: vec!["s0".into()],
                        })
                        .collect();
                    d
                },
            )
    })
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn any_dataset_survives_save_and_load(d in dataset()) {
        let text = to_ron(&d);
        let back = parse(&text, None).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back.dataset, &d);
        // Stable: saving again gives the same bytes, so diffs show only real changes.
        prop_assert_eq!(to_ron(&back.dataset), text);
    }

    #[test]
    fn any_dataset_survives_the_disk(d in dataset()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save_file(&path, &d).unwrap();
        prop_assert_eq!(load_file(&path).unwrap().dataset, d);
    }
}

#[test]
fn saving_refuses_a_dataset_that_would_not_load_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let mut doc = Document::embedded();
    let mut claim = doc.dataset().claims[0].clone();
    claim.id = "dangling".into();
    claim.source = "no-such-source".into();
    doc.apply(Edit::InsertClaim { at: 0, claim }, "Bad")
        .unwrap();
    let err = doc.save_as(&path).unwrap_err();
    assert!(err.to_string().contains("no-such-source"), "{err}");
    assert!(!path.exists(), "nothing written");
    assert!(doc.is_dirty(), "the work is still open");
}
