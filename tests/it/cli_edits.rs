//! The command line that changes what is there: `actor edit` (and its old name `actor set`),
//! `actor rename`, `actor delete`, `claim prefer|deprecate|normal`, run as the real binary. Each
//! is one edit through the session, writes in place with a `.bak`, and a refusal says why and
//! leaves the file as it was.

use std::path::Path;

use board_explorer::model::{Fact, Rank, Subject};
use board_explorer::store::{backup_path, embedded, load_file};

use crate::bin::{dataset_file, run, s};

/// Runs a command that must be refused: its error, and the file unchanged.
fn refused(file: &Path, args: &[&str]) -> String {
    let before = std::fs::read(file).unwrap();
    let (ok, out, err) = run(args);
    assert!(!ok, "{args:?} was not refused: {out}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "{args:?} wrote the file"
    );
    err
}

#[test]
fn actor_edit_changes_the_fields_given_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    let (ok, out, err) = run(&[
        "actor",
        "edit",
        s(&file),
        "--id",
        "putin",
        "--name",
        "V. V. Putin",
        "--alias",
        "Putin",
        "--alias",
        "Vladimir Vladimirovich",
        "--wikidata",
        "Q7747",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("edited actor \"putin\": name \"V. V. Putin\", aliases [\"Putin\", \"Vladimir Vladimirovich\"], Wikidata id Q7747\n"),
        "{out}"
    );
    assert!(
        out.ends_with(&format!("wrote {}\n", file.display())),
        "{out}"
    );
    assert_eq!(std::fs::read(backup_path(&file)).unwrap(), before, ".bak");
    let d = load_file(&file).unwrap().dataset;
    let putin = d.actor("putin").unwrap();
    assert_eq!(putin.name, "V. V. Putin");
    assert_eq!(putin.aliases, ["Putin", "Vladimir Vladimirovich"]);
    assert_eq!(putin.wikidata.as_deref(), Some("Q7747"));
    assert_eq!(putin.country, "Russia", "not given, kept");

    // `actor set` is the same command; kind and country, and an empty Wikidata id clears it.
    let (ok, _, err) = run(&[
        "actor",
        "set",
        s(&file),
        "--id",
        "putin",
        "--kind",
        "organisation",
        "--country",
        "Russian Federation",
        "--wikidata",
        "",
    ]);
    assert!(ok, "{err}");
    let d = load_file(&file).unwrap().dataset;
    let putin = d.actor("putin").unwrap();
    assert_eq!(putin.kind.label(), "organisation");
    assert_eq!(putin.country, "Russian Federation");
    assert_eq!(putin.wikidata, None);
    assert_eq!(putin.name, "V. V. Putin");
}

#[test]
fn actor_edit_refuses_a_bad_wikidata_id_an_empty_name_and_an_unknown_actor() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let edit = |more: &[&str]| {
        let mut args = vec!["actor", "edit", s(&file)];
        args.extend_from_slice(more);
        refused(&file, &args)
    };
    let err = edit(&["--id", "putin", "--wikidata", "7747"]);
    assert!(
        err.contains("\"7747\" is not a Wikidata id: write Q and its digits"),
        "{err}"
    );
    let err = edit(&["--id", "putin", "--name", "  "]);
    assert!(err.contains("A name cannot be empty"), "{err}");
    let err = edit(&["--id", "nobody", "--name", "X"]);
    assert!(err.contains("no actor \"nobody\""), "{err}");
    let err = edit(&["--id", "putin"]);
    assert!(err.contains("nothing to change"), "{err}");
}

#[test]
fn actor_rename_moves_every_reference_to_the_new_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let old = embedded();
    let about = |d: &board_explorer::model::Dataset, id: &str| {
        d.claims
            .iter()
            .filter(|c| c.subject == Subject::Actor(id.into()))
            .count()
    };
    let representing = |d: &board_explorer::model::Dataset, id: &str| {
        d.claims
            .iter()
            .filter(|c| c.fact == Fact::Represents(id.into()))
            .count()
    };
    let in_events = |d: &board_explorer::model::Dataset, id: &str| {
        d.events
            .iter()
            .filter(|e| e.actors.iter().any(|a| a == id))
            .count()
    };
    let (claims, pointing, events) = (
        about(&old, "russia"),
        representing(&old, "russia"),
        in_events(&old, "putin"),
    );
    assert!(
        pointing > 0 && events > 0,
        "the embedded dataset names them"
    );

    let (ok, out, err) = run(&["actor", "rename", s(&file), "--id", "russia", "--to", "ru"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("renamed actor \"russia\" to \"ru\" (Russia)\n"),
        "{out}"
    );
    let (ok, _, err) = run(&[
        "actor",
        "rename",
        s(&file),
        "--id",
        "putin",
        "--to",
        "vladimir-putin",
    ]);
    assert!(ok, "{err}");
    let d = load_file(&file).unwrap().dataset;
    assert!(d.actor("russia").is_none());
    assert_eq!(d.actor("ru").unwrap().name, "Russia");
    assert_eq!(about(&d, "ru"), claims);
    assert_eq!(representing(&d, "ru"), pointing);
    assert_eq!(representing(&d, "russia"), 0);
    assert_eq!(in_events(&d, "vladimir-putin"), events);
    assert_eq!(in_events(&d, "putin"), 0);
    // The roster is the same, under the new id.
    let (ok, roster, _) = run(&["roster", s(&file)]);
    assert!(ok);
    let (_, embedded_roster, _) = run(&["roster"]);
    assert_eq!(roster, embedded_roster);
}

#[test]
fn actor_rename_refuses_a_taken_or_spaced_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let rename = |to: &str| {
        refused(
            &file,
            &["actor", "rename", s(&file), "--id", "putin", "--to", to],
        )
    };
    let err = rename("trump");
    assert!(
        err.contains("there is already an actor \"trump\" (Donald Trump)"),
        "{err}"
    );
    let err = rename("vladimir putin");
    assert!(
        err.contains("has spaces") && err.contains("vladimir-putin"),
        "{err}"
    );
    let err = refused(
        &file,
        &["actor", "rename", s(&file), "--id", "nobody", "--to", "x"],
    );
    assert!(err.contains("no actor \"nobody\""), "{err}");
}

#[test]
fn actor_delete_is_refused_while_claims_cite_it_unless_with_claims() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let d = embedded();
    let cited = d
        .claims
        .iter()
        .filter(|c| {
            c.subject == Subject::Actor("russia".into())
                || c.fact == Fact::Represents("russia".into())
        })
        .count();
    assert!(cited > 0);
    let events = d
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|a| a == "russia"))
        .count();
    // Nobody's claims are about Russia itself: its people represent it.
    let err = refused(&file, &["actor", "delete", s(&file), "--id", "russia"]);
    assert_eq!(
        err,
        format!(
            "error: actor \"russia\" is cited by {cited} claims that others represent it, its \
             place in {events} events; nothing was written: --with-claims deletes them with it\n"
        )
    );

    let (ok, out, err) = run(&[
        "actor",
        "delete",
        s(&file),
        "--id",
        "russia",
        "--with-claims",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("deleted actor \"russia\" (Russia) with "),
        "{out}"
    );
    let after = load_file(&file).unwrap().dataset;
    assert!(after.actor("russia").is_none());
    assert_eq!(after.claims.len(), d.claims.len() - cited);
    assert!(
        !after
            .claims
            .iter()
            .any(|c| c.fact == Fact::Represents("russia".into()))
    );

    // An actor nobody cites goes without asking.
    let (ok, _, err) = run(&[
        "actor",
        "add",
        s(&file),
        "--name",
        "Ajay Banga",
        "--kind",
        "person",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&["actor", "delete", s(&file), "--id", "ajay-banga"]);
    assert!(ok, "{err}");
    assert!(
        load_file(&file)
            .unwrap()
            .dataset
            .actor("ajay-banga")
            .is_none()
    );
}

#[test]
fn claim_rank_commands_set_the_rank_and_the_roster_follows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let rank_of = |id: &str| {
        load_file(&file)
            .unwrap()
            .dataset
            .claims
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .rank
    };
    // Trump: "proposed" in one report, "member" in the other; the later status wins.
    let status = || {
        let (_, out, _) = run(&["roster", s(&file), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["actors"][0]["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(), "member");
    let (ok, out, err) = run(&["claim", "deprecate", s(&file), "--id", "c-trump-status-dpa"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with(
            "ranked claim \"c-trump-status-dpa\" (trump status = member) deprecated (was normal)\n"
        ),
        "{out}"
    );
    assert_eq!(rank_of("c-trump-status-dpa"), Rank::Deprecated);
    assert_eq!(status(), "proposed");
    let (ok, _, err) = run(&["claim", "prefer", s(&file), "--id", "c-trump-status-a"]);
    assert!(ok, "{err}");
    assert_eq!(rank_of("c-trump-status-a"), Rank::Preferred);
    let (ok, _, err) = run(&["claim", "normal", s(&file), "--id", "c-trump-status-dpa"]);
    assert!(ok, "{err}");
    assert_eq!(rank_of("c-trump-status-dpa"), Rank::Normal);
    assert_eq!(status(), "proposed", "the preferred claim wins");

    let err = refused(&file, &["claim", "prefer", s(&file), "--id", "nope"]);
    assert!(err.contains("no claim \"nope\""), "{err}");
}

#[test]
fn actor_add_takes_a_wikidata_id_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let file = s(&file);
    let before = std::fs::read(file).unwrap();
    let add = |wikidata: &str| {
        run(&[
            "actor",
            "add",
            file,
            "--name",
            "Ajay Banga",
            "--kind",
            "person",
            "--wikidata",
            wikidata,
        ])
    };
    let (ok, out, err) = add("banga");
    assert!(!ok, "{out}");
    assert!(err.contains("\"banga\" is not a Wikidata id"), "{err}");
    assert_eq!(std::fs::read(file).unwrap(), before, "nothing written");
    let (ok, out, err) = add("Q5285");
    assert!(ok, "{out}{err}");
    let d = load_file(Path::new(file)).unwrap().dataset;
    assert_eq!(
        d.actor("ajay-banga").unwrap().wikidata.as_deref(),
        Some("Q5285")
    );
}
