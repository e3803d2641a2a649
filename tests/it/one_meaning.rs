//! One meaning per fact: a file that says "invited: yes" (the old form) reads as the status
//! "invited", in the window's session, the command line and the merge driver alike, and the
//! next write of any of them writes the new form; `--fact invited=yes` reads as
//! `status=invited`. Two sources saying one thing in the two forms are one row that agrees.

use std::path::Path;

use board_explorer::model::derive::compare::{Verdict, compare};
use board_explorer::model::{Fact, Property, Status, Subject};
use board_explorer::session::Session;
use board_explorer::store::{embedded, load_file, to_ron};

use crate::bin::run;

/// The embedded dataset as an early version wrote it: every invitation as `Invited(true)`.
fn old_form() -> String {
    let text = to_ron(&embedded());
    assert!(text.contains("fact: Status(Invited),"));
    text.replace("fact: Status(Invited),", "fact: Invited(true),")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn no_old_form(text: &str) {
    assert!(!text.contains("Invited(true)") && !text.contains("Invited(false)"));
}

#[test]
fn an_old_file_reads_as_one_row_per_meaning_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "old.ron", &old_form());
    // The window's session: the invitations are statuses, and the two sources that report
    // Putin's agree on one row.
    let (session, _) = Session::open(Path::new(&file)).unwrap();
    let d = session.dataset();
    assert!(d.claims.iter().all(|c| !matches!(c.fact, Fact::Invited(_))));
    let chosen: Vec<String> = d.sources.iter().map(|s| s.id.clone()).collect();
    let m = compare(d, &session.derived().index, &chosen);
    let putin: Vec<_> = m
        .rows
        .iter()
        .filter(|r| r.subject == Subject::Actor("putin".into()))
        .filter(|r| matches!(r.property, Property::Status | Property::Invited))
        .collect();
    assert_eq!(putin.len(), 1, "one row for the invitation");
    assert_eq!(putin[0].verdict, Verdict::Agree);

    // The command line: a write of the old file writes the new form.
    let (ok, out, err) = run(&[
        "actor",
        "add",
        &file,
        "--name",
        "New Member",
        "--kind",
        "person",
    ]);
    assert!(ok, "{out}{err}");
    no_old_form(&std::fs::read_to_string(&file).unwrap());

    // `--fact invited=yes` is the status; `invited=no` its negation.
    let (ok, out, err) = run(&[
        "claim",
        "add",
        &file,
        "--actor",
        "putin",
        "--fact",
        "invited=no",
        "--source",
        "editors-note",
        "--as-of",
        "2026-01-25",
    ]);
    assert!(ok, "{out}{err}");
    let d = load_file(Path::new(&file)).unwrap().dataset;
    let last = d.claims.last().unwrap();
    assert_eq!(last.fact, Fact::Status(Status::Invited));
    assert!(last.negated);
}

#[test]
fn the_merge_driver_writes_the_new_form() {
    let dir = tempfile::tempdir().unwrap();
    let base = write(dir.path(), "base.ron", &old_form());
    let theirs_text = old_form().replacen("Vladimir Putin", "Vladimir V. Putin", 1);
    let ours = write(dir.path(), "ours.ron", &old_form());
    let theirs = write(dir.path(), "theirs.ron", &theirs_text);
    let (ok, out, err) = run(&["merge", &base, &ours, &theirs]);
    assert!(ok, "{out}{err}");
    let merged = std::fs::read_to_string(&ours).unwrap();
    no_old_form(&merged);
    assert!(merged.contains("Vladimir V. Putin"));
    assert!(merged.contains("fact: Status(Invited),"));
}
