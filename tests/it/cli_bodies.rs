//! `body add|rename|parent|date|list` and `seats` after a body's entry into force, run as the
//! real binary on a copy of the embedded dataset.

use board_explorer::model::Fact;
use board_explorer::store::{embedded, load_file};

use crate::bin;
use bin::{dataset_file, run, s};

#[test]
fn bodies_are_added_renamed_reparented_and_dated_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let (ok, _, err) = run(&["body", "add", s(&file), "--name", "Executive Board"]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "body",
        "rename",
        s(&file),
        "executive-board",
        "--name",
        "The Executive Board",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "body",
        "parent",
        s(&file),
        "gaza-committee",
        "executive-board",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "body",
        "date",
        s(&file),
        "board-of-peace",
        "--in-force",
        "2026-01-22",
        "--source",
        "report-a",
    ]);
    assert!(ok, "{err}");
    let d = load_file(&file).unwrap().dataset;
    let board = d.body_by_id("executive-board").unwrap();
    assert_eq!(board.name, "The Executive Board");
    assert_eq!(board.parent.as_deref(), Some("board-of-peace"));
    assert_eq!(
        d.body_by_id("gaza-committee").unwrap().parent.as_deref(),
        Some("executive-board")
    );
    let date = d.claims.last().unwrap();
    assert_eq!(date.fact, Fact::InForce("2026-01-22".parse().unwrap()));
    assert_eq!(date.source, "report-a");
    let (ok, out, err) = run(&["body", "list", s(&file)]);
    assert!(ok, "{err}");
    let main = out
        .lines()
        .find(|l| l.starts_with("board-of-peace"))
        .unwrap();
    assert!(main.ends_with("2026-01-22"), "{out}");

    // Refused with reasons, the file untouched.
    let before = std::fs::read_to_string(&file).unwrap();
    let (ok, _, err) = run(&[
        "body",
        "parent",
        s(&file),
        "executive-board",
        "gaza-committee",
    ]);
    assert!(!ok && err.contains("its own parent"), "{err}");
    let (ok, _, err) = run(&["body", "add", s(&file), "--name", "the executive board"]);
    assert!(!ok && err.contains("already a body"), "{err}");
    let (ok, _, err) = run(&[
        "body",
        "date",
        s(&file),
        "nowhere",
        "--in-force",
        "2026-01-22",
    ]);
    assert!(
        !ok && err.contains("No body has the id \"nowhere\""),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}

/// Once the charter's entry into force is known, a state seated through its representative
/// serves a term from that day (not from the day of the report).
#[test]
fn seats_count_terms_from_entry_into_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let (ok, _, err) = run(&[
        "claim",
        "add",
        s(&file),
        "--actor",
        "netanyahu",
        "--fact",
        "status=accepted",
        "--source",
        "editors-note",
        "--as-of",
        "2026-01-21",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "body",
        "date",
        s(&file),
        "board-of-peace",
        "--in-force",
        "2026-01-22",
    ]);
    assert!(ok, "{err}");
    let (ok, out, err) = run(&["seats", s(&file)]);
    assert!(ok, "{err}");
    let israel = out.lines().find(|l| l.starts_with("Israel ")).unwrap();
    assert!(
        israel.contains("term") && israel.contains("2029-01-22"),
        "{israel}"
    );
    assert!(israel.contains("via Benjamin Netanyahu"), "{israel}");
    // Never a second seat: the person who spoke for Israel holds none of their own.
    assert!(
        !out.lines().any(|l| l.starts_with("Benjamin Netanyahu")),
        "{out}"
    );
    assert!(out.contains("0 permanent, 1 term, 1 chair"), "{out}");
}

#[test]
fn a_sub_body_is_removed_from_the_command_line_its_claims_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let bodies = embedded().sub_bodies.len();
    let (ok, _, err) = run(&["body", "add", s(&file), "--name", "Executive Board"]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "body",
        "date",
        s(&file),
        "executive-board",
        "--in-force",
        "2026-02-01",
    ]);
    assert!(ok, "{err}");
    let claims = load_file(&file).unwrap().dataset.claims.len();
    // A claim names it: refused, the file untouched, the way out named.
    let before = std::fs::read_to_string(&file).unwrap();
    let (ok, _, err) = run(&["body", "remove", s(&file), "executive-board"]);
    assert!(
        !ok && err.contains("1 claim names Executive Board"),
        "{err}"
    );
    assert!(err.contains("--with-claims"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    let (ok, _, err) = run(&["body", "remove", s(&file), "board-of-peace"]);
    assert!(!ok && err.contains("main body"), "{err}");
    let (ok, out, err) = run(&[
        "body",
        "remove",
        s(&file),
        "executive-board",
        "--with-claims",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Remove body: done"), "{out}");
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.sub_bodies.len(), bodies);
    assert!(d.body_by_id("executive-board").is_none());
    assert_eq!(d.claims.len(), claims - 1);
}
