//! The embedded Board of Peace dataset: faithful to its sources, and stable on disk.

use board_explorer::model::text::{content_hash, normalise};
use board_explorer::model::{Anchor, Dataset, Fact, Index, Property, Status, Subject, roster};
use board_explorer::store::{self, embedded, parse, to_ron};

const FILE: &str = include_str!("../../assets/board_of_peace.ron");

fn status_of(d: &Dataset, actor: &str, as_of: Option<&str>) -> Option<Status> {
    let index = Index::build(d);
    let r = roster(d, &index, as_of.map(|s| s.parse().unwrap()));
    r.rows[index.actor_by_id[actor]].status(d)
}

/// The claims about `actor` and `property`, as (source id, value) pairs.
fn claims<'d>(d: &'d Dataset, actor: &str, property: Property) -> Vec<(&'d str, &'d Fact)> {
    d.claims
        .iter()
        .filter(|c| c.subject == Subject::Actor(actor.into()) && c.fact.property() == property)
        .map(|c| (c.source.as_str(), &c.fact))
        .collect()
}

#[test]
fn every_quote_is_verbatim_at_its_stored_position() {
    let d = embedded();
    let mut quoted = 0;
    for claim in &d.claims {
        let source = d
            .source(&claim.source)
            .expect("claims name embedded sources");
        let quote = claim
            .quote
            .as_ref()
            .unwrap_or_else(|| panic!("claim {} has no quote", claim.id));
        assert_eq!(
            source.text.get(quote.start..quote.end),
            Some(quote.exact.as_str()),
            "claim {}: quote not at its position",
            claim.id
        );
        assert_eq!(quote.anchor(&source.text), Anchor::Exact);
        assert!(
            source.text[..quote.start].ends_with(&quote.prefix),
            "claim {} prefix",
            claim.id
        );
        assert!(
            source.text[quote.end..].starts_with(&quote.suffix),
            "claim {} suffix",
            claim.id
        );
        quoted += 1;
    }
    assert!(quoted >= 40, "only {quoted} quoted claims");
}

#[test]
fn source_texts_are_the_seed_articles_normalised() {
    let d = embedded();
    let seeds = [
        include_str!("../../assets/sources/000_3e2e4aaf7e19ff04.txt"),
        include_str!("../../assets/sources/001_f82e01b3ac374043.txt"),
    ];
    assert_eq!(d.sources.len(), 2);
    for (source, seed) in d.sources.iter().zip(seeds) {
        assert_eq!(source.text, normalise(seed), "source {}", source.id);
        assert_eq!(source.hash, content_hash(&source.text));
    }
}

#[test]
fn loads_without_warnings_and_round_trips_unchanged() {
    let loaded = parse(FILE, None).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let again = parse(&to_ron(&loaded.dataset), None).unwrap().dataset;
    assert_eq!(again, loaded.dataset);
}

/// A record a line: git's diff and line merge see a changed record as a changed line, and a
/// large file is half the bytes of a field a line. A snapshot is laid out alike.
#[test]
fn each_record_stands_on_a_line_of_its_own() {
    let d = embedded();
    for text in [
        to_ron(&d),
        store::snapshot_text(&d, None, "a note", "2026-01-22 10:00"),
    ] {
        assert_one_record_a_line(&d, &text);
    }
}

fn assert_one_record_a_line(d: &Dataset, text: &str) {
    let records =
        d.sub_bodies.len() + d.actors.len() + d.sources.len() + d.claims.len() + d.events.len();
    let lines = text
        .lines()
        .filter(|l| l.trim_start().starts_with("(id: "))
        .count();
    assert_eq!(lines, records);
    // The frame around them keeps a line per field.
    assert!(
        text.contains("\n    dataset: (\n        body: (\n"),
        "{}",
        &text[..200]
    );
}

#[test]
fn the_file_is_in_canonical_form_so_saves_diff_cleanly() {
    // Saving the embedded dataset must reproduce the file byte for byte; if this fails after
    // editing the asset by hand, re-save it: `cargo run -- check` shows problems first.
    assert!(
        to_ron(&embedded()) == FILE,
        "assets/board_of_peace.ron is not in saved form"
    );
}

#[test]
fn it_saves_to_disk_and_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bop.ron");
    store::save_file(&path, &embedded()).unwrap();
    assert_eq!(store::load_file(&path).unwrap().dataset, embedded());
}

#[test]
fn names_every_actor_the_articles_tie_to_the_board() {
    let d = embedded();
    for name in [
        "Donald Trump",
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Recep Tayyip Erdoğan",
        "Javier Milei",
        "Abdel Fattah al-Sisi",
        "Benjamin Netanyahu",
        "Israel",
        "Prime Minister of Hungary",
        "Prime Minister of India",
        "Tony Blair",
        "Mark Carney",
        "Marco Rubio",
        "Jared Kushner",
        "Steve Witkoff",
        "Dmitry Peskov",
        "Ruslan Varankou",
        "Helen McEntee",
    ] {
        assert!(d.actors.iter().any(|a| a.name == name), "{name} missing");
    }
}

#[test]
fn keeps_both_sides_where_the_articles_differ() {
    let d = embedded();
    let index = Index::build(&d);
    let r = roster(&d, &index, None);
    let row = |id: &str| &r.rows[index.actor_by_id[id]];

    // "is expected to chair" against "himself chairs".
    let trump = claims(&d, "trump", Property::Status);
    assert!(trump.contains(&("report-a", &Fact::Status(Status::Proposed))));
    assert!(trump.contains(&("dpa-2026-01-19", &Fact::Status(Status::Member))));
    // Both sides are kept; under the one rule (issue #12) "proposed" then "member" is one
    // life-cycle path, so the roster shows member without a conflict.
    assert!(!row("trump").get(Property::Status).unwrap().conflict);
    assert_eq!(row("trump").status(&d), Some(Status::Member));

    // Blair and Rubio: "potential members" in one, members in the other.
    for id in ["blair", "rubio"] {
        assert!(!row(id).get(Property::Status).unwrap().conflict, "{id}");
    }
    // Carney only in the first; Kushner and Witkoff only in DPA's.
    let sources_of = |id: &str| -> Vec<&str> {
        let mut s: Vec<&str> = d
            .claims
            .iter()
            .filter(|c| c.subject == Subject::Actor(id.into()))
            .map(|c| c.source.as_str())
            .collect();
        s.dedup();
        s
    };
    assert_eq!(sources_of("carney"), vec!["report-a"]);
    assert_eq!(sources_of("kushner"), vec!["dpa-2026-01-19"]);
    assert_eq!(sources_of("witkoff"), vec!["dpa-2026-01-19"]);
}

#[test]
fn carries_the_reported_seat_rule() {
    let d = embedded();
    assert_eq!(d.body.seat_rules.threshold.amount, 1_000_000_000);
    assert_eq!(d.body.seat_rules.threshold.currency, "USD");
    assert_eq!(d.body.seat_rules.term_years, 3);
    let body_facts: Vec<&Fact> = d
        .claims
        .iter()
        .filter(|c| matches!(c.subject, Subject::Body(_)))
        .map(|c| &c.fact)
        .collect();
    assert!(
        body_facts
            .iter()
            .any(|f| matches!(f, Fact::SeatThreshold(m) if m.amount == 1_000_000_000))
    );
    assert!(body_facts.contains(&&Fact::TermYears(3)));
}

#[test]
fn invitations_appear_on_the_monday_they_were_confirmed() {
    let d = embedded();
    assert_eq!(status_of(&d, "putin", Some("2026-01-18")), None);
    assert_eq!(
        status_of(&d, "putin", Some("2026-01-19")),
        Some(Status::Reviewing)
    );
    assert_eq!(
        status_of(&d, "lukashenko", Some("2026-01-19")),
        Some(Status::Invited)
    );
    assert_eq!(
        status_of(&d, "erdogan", Some("2026-01-19")),
        Some(Status::Invited)
    );
}

#[test]
fn events_are_dated_as_precisely_as_the_articles_allow() {
    let d = embedded();
    let dates: Vec<String> = d.events.iter().map(|e| e.date.to_string()).collect();
    assert!(dates.iter().any(|s| s == "2026-01-19"), "{dates:?}");
    assert!(
        dates.iter().any(|s| s == "2022"),
        "the invasion is given by year only: {dates:?}"
    );
    assert!(dates.iter().any(|s| s == "2023-10-07"), "{dates:?}");
    for e in &d.events {
        assert!(!e.sources.is_empty(), "event {} has no source", e.id);
    }
}

#[test]
fn the_texts_carry_no_page_residue() {
    // Removed through the re-anchoring path (the source edit), so every quote above still
    // points at its words.
    for s in &embedded().sources {
        for residue in ["Subscribe", "DPA WORLD", "Published January", "News World"] {
            assert!(!s.text.contains(residue), "{}: {residue}", s.id);
        }
    }
}
