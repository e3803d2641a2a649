//! The command line, run as the real binary: output, and exit codes scripts rely on.

use std::process::Command;

use board_explorer::store::{embedded, to_ron};

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_summarises_the_embedded_dataset() {
    let (ok, out, _) = run(&["check"]);
    assert!(ok);
    let d = embedded();
    let expected = format!(
        "embedded dataset: ok: {} actors, {} sources, {} claims, {} events, 3 conflicts\n",
        d.actors.len(),
        d.sources.len(),
        d.claims.len(),
        d.events.len()
    );
    assert_eq!(out, expected);
}

#[test]
fn check_reports_errors_with_line_and_column_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = to_ron(&embedded()).replacen("source: \"report-a\"", "source: \"nowhere\"", 1);
    std::fs::write(&path, &text).unwrap();
    let (ok, out, err) = run(&["check", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(out.is_empty());
    let line = text.lines().position(|l| l.contains("nowhere")).unwrap();
    // The error points at the claim's id, a few lines above its source field.
    let prefix = format!("error: {}:", path.display());
    assert!(err.starts_with(&prefix), "{err}");
    let reported: usize = err[prefix.len()..]
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(reported <= line + 1 && reported + 10 > line, "{err}");
    assert!(err.contains("\"nowhere\""), "{err}");
}

#[test]
fn check_of_a_missing_file_fails_clearly() {
    let (ok, _, err) = run(&["check", "/no/such/file.ron"]);
    assert!(!ok);
    assert!(err.contains("cannot read the file"), "{err}");
}

#[test]
fn roster_prints_an_aligned_table() {
    let (ok, out, _) = run(&["roster"]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Board of Peace");
    assert!(lines[1].starts_with("Name "));
    let status_col = lines[1].find("Status").unwrap();
    let putin = lines
        .iter()
        .find(|l| l.starts_with("Vladimir Putin"))
        .unwrap();
    let at = |line: &str, n: usize| -> String { line.chars().skip(status_col).take(n).collect() };
    assert_eq!(at(putin, 9), "reviewing");
    let erdogan = lines
        .iter()
        .find(|l| l.starts_with("Recep Tayyip Erdoğan"))
        .unwrap();
    // Aligned in characters, not bytes, despite the ğ.
    assert_eq!(at(erdogan, 7), "invited");
    assert_eq!(lines.len(), 3 + embedded().actors.len());
}

#[test]
fn roster_as_of_a_day_before_the_news_shows_no_statuses() {
    let (ok, out, _) = run(&["roster", "--as-of", "2026-01-18"]);
    assert!(ok);
    assert!(out.starts_with("Board of Peace as of 2026-01-18\n"));
    assert!(
        !out.contains("invited") && !out.contains("reviewing"),
        "{out}"
    );
    let (ok, _, err) = run(&["roster", "--as-of", "2026-02-30"]);
    assert!(!ok);
    assert!(err.contains("not a calendar day"), "{err}");
}

#[test]
fn seats_prints_members_with_seats_and_totals() {
    let (ok, out, _) = run(&["seats"]);
    assert!(ok);
    assert!(out.starts_with("Board of Peace: seats\n"));
    let trump = out.lines().find(|l| l.starts_with("Donald Trump")).unwrap();
    assert!(trump.contains("chair"));
    let blair = out.lines().find(|l| l.starts_with("Tony Blair")).unwrap();
    assert!(
        blair.contains("term") && blair.contains("2029-01-19"),
        "{blair}"
    );
    assert!(!out.contains("Vladimir Putin"), "invited is not a member");
    assert!(
        out.contains("0 permanent, 4 term, 1 chair; $0 pledged"),
        "{out}"
    );
    assert!(out.contains("terms ending in 2029: 4"));
}

#[test]
fn seats_answers_one_amount() {
    let (ok, out, _) = run(&[
        "seats",
        "--amount",
        "860000000",
        "--currency",
        "EUR",
        "--joined",
        "2026-01-22",
    ]);
    assert!(ok);
    assert_eq!(
        out,
        "seat: term\nterm ends: 2029-01-22\nreason: pledged €860 million, but no exchange rate for EUR is set: 3-year term ending 2029-01-22\n"
    );
    let (ok, out, _) = run(&["seats", "--amount", "1 billion"]);
    assert!(ok);
    assert!(out.starts_with("seat: permanent\n"), "{out}");
    assert!(out.contains("shortfall: $0"), "{out}");
    let (ok, _, err) = run(&["seats", "--amount", "1", "--currency", "dollars"]);
    assert!(!ok);
    assert!(err.contains("not understood"), "{err}");
}
