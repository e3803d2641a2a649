//! The command line under attack: a source named twice, a reader that hangs up, data for
//! programs on standard output, and line breaks hidden in the data. Run as the real binary.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use board_explorer::model::{Actor, Dataset, Fact, Status, Subject};
use board_explorer::store::{embedded, to_ron};

use crate::bin;
use bin::run;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn file_of(dir: &Path, name: &str, d: &Dataset) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, to_ron(d)).unwrap();
    path
}

/// Whether a line of `out` begins with `forged`, as a line break in the data would make it.
fn has_line(out: &str, forged: &str) -> bool {
    out.lines().any(|l| l.trim_start().starts_with(forged))
}

#[test]
fn a_source_named_twice_is_one_column() {
    let (ok, out, err) = run(&["compare", "--sources", "report-a,report-a"]);
    assert!(ok, "{err}");
    let header = out.lines().nth(1).unwrap();
    assert_eq!(header.matches("report-a").count(), 1, "{header}");
    let (ok, twice, _) = run(&["compare", "--sources", "report-a,dpa-2026-01-19,report-a"]);
    let (_, once, _) = run(&["compare", "--sources", "report-a,dpa-2026-01-19"]);
    assert!(ok);
    assert_eq!(twice, once);
}

/// `roster big.ron | head -1`: the reader hangs up after one line; the command ends quietly.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let (ok, _, err) = run(&[
        "generate",
        "--actors",
        "3000",
        "--claims-per-actor",
        "1",
        "--sources",
        "2",
        "--events",
        "0",
        "-o",
        s(&big),
    ]);
    assert!(ok, "{err}");
    let mut child = Process::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(["roster", s(&big)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Far more than a pipe holds (3,000 rows): the command is still writing when the reader
    // goes.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(out.status.success(), "{:?}", out.status);
}

/// A dataset whose names carry a right-to-left mark, as Arabic and Hebrew names may.
fn marked() -> Dataset {
    let mut d = embedded();
    for a in &mut d.actors {
        a.name = format!("{}\u{200f}", a.name);
    }
    d
}

#[test]
fn exports_to_standard_output_are_exactly_what_o_writes() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_of(dir.path(), "board.ron", &marked());
    for format in ["csv", "md", "html", "popolo", "ftm"] {
        let (ok, stdout, err) = run(&["export", s(&file), "--format", format]);
        assert!(ok, "{err}");
        let out = dir.path().join(format!("out.{format}"));
        let (ok, _, err) = run(&["export", s(&file), "--format", format, "-o", s(&out)]);
        assert!(ok, "{err}");
        assert_eq!(stdout, std::fs::read_to_string(&out).unwrap(), "{format}");
    }
    let (_, popolo, _) = run(&["export", s(&file), "--format", "popolo"]);
    let json: serde_json::Value = serde_json::from_str(&popolo).expect("valid JSON");
    assert!(json.to_string().contains('\u{200f}'));
}

#[test]
fn suggestions_as_json_are_valid_json_with_the_data_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_of(dir.path(), "board.ron", &marked());
    let (ok, out, err) = run(&[
        "suggest",
        s(&file),
        "--source",
        "report-a",
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    assert!(!out.contains("\\u{200f}"), "escaped for a terminal");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(rows.to_string().contains('\u{200f}'), "{rows}");
}

#[test]
fn a_line_break_in_a_name_cannot_forge_a_line_of_actor_adds_echo() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_of(dir.path(), "board.ron", &embedded());
    let (ok, out, err) = run(&[
        "actor",
        "add",
        s(&file),
        "--name",
        "Evil\nerror: forged",
        "--kind",
        "person",
    ]);
    assert!(ok, "{err}");
    assert!(!has_line(&out, "error: forged"), "{out}");
}

#[test]
fn a_line_break_in_a_file_name_cannot_forge_a_line_after_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_of(dir.path(), "board.ron", &embedded());
    let sneaky = dir.path().join("x\nwrote elsewhere.ron");
    let (ok, out, err) = run(&[
        "actor",
        "add",
        s(&file),
        "--name",
        "Plain",
        "--kind",
        "person",
        "-o",
        s(&sneaky),
    ]);
    assert!(ok, "{err}");
    assert!(!has_line(&out, "wrote elsewhere.ron"), "{out}");
}

/// A name that would start a section of its own in `diff`.
#[test]
fn a_line_break_in_a_name_cannot_forge_a_line_of_diff() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    new.actors.push(Actor {
        id: "someone".into(),
        name: "Someone\nLeft the roster:".into(),
        ..Actor::default()
    });
    let mut claim = new.claims[0].clone();
    claim.id = "c-someone".into();
    claim.subject = Subject::Actor("someone".into());
    claim.fact = Fact::Status(Status::Invited);
    new.claims.push(claim);
    let new = file_of(dir.path(), "new.ron", &new);
    let old = file_of(dir.path(), "old.ron", &embedded());
    let (ok, out, err) = run(&["diff", s(&old), s(&new)]);
    assert!(ok, "{err}");
    assert!(out.contains("Someone"), "{out}");
    assert!(!has_line(&out, "Left the roster:"), "{out}");
}

/// `check`'s errors quote the file's ids.
#[test]
fn a_line_break_in_an_id_cannot_forge_a_line_of_checks_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut broken = embedded();
    broken.claims[0].source = "nowhere\nok: all good".into();
    let broken = file_of(dir.path(), "broken.ron", &broken);
    let (ok, _, err) = run(&["check", s(&broken)]);
    assert!(!ok);
    assert!(err.contains("nowhere"), "{err}");
    assert!(!has_line(&err, "ok: all good"), "{err}");
}

/// A small file must not make an enormous table: one long name does not pad every row to it,
/// and many sources do not make a column each.
#[test]
fn tables_stay_bounded_for_a_long_name_and_many_sources() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = embedded();
    d.actors[0].name = "Long".repeat(50_000);
    let long = file_of(dir.path(), "long.ron", &d);
    let (ok, out, err) = run(&["roster", s(&long)]);
    assert!(ok, "{err}");
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 1_000, "a row {widest} characters wide");
    assert!(out.contains('…'), "the cut is marked");

    let many = dir.path().join("many.ron");
    let (ok, _, err) = run(&[
        "generate",
        "--actors",
        "200",
        "--claims-per-actor",
        "3",
        "--sources",
        "60",
        "--events",
        "0",
        "-o",
        s(&many),
    ]);
    assert!(ok, "{err}");
    let (ok, out, err) = run(&["compare", s(&many)]);
    assert!(ok, "{err}");
    let header = out.lines().nth(1).unwrap();
    assert!(header.contains("other sources"), "{header}");
    // Subject, Property, eight sources, the others, Verdict: at most twelve columns.
    let dashes = out.lines().nth(2).unwrap().split_whitespace().count();
    assert!(dashes <= 12, "{dashes} columns");
    // Named sources are all shown.
    let ten: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
    let (ok, named, err) = run(&["compare", s(&many), "--sources", &ten.join(",")]);
    assert!(ok, "{err}");
    assert!(!named.contains("other sources"), "{named}");
    assert!(named.lines().nth(1).unwrap().contains("s9"), "{named}");
}

/// A merge's report names the file it wrote and the ids it renamed: a line break in either
/// shows as an escape, never as a line of its own.
#[test]
fn a_merges_report_cannot_forge_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let base = embedded();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // The same new id on both sides, for two records: the merge renames one and says so.
    let id = "x\nerror: forged id";
    let actor = |name: &str| Actor {
        id: id.into(),
        name: name.into(),
        ..Actor::default()
    };
    ours.actors.push(actor("One"));
    theirs.actors.push(actor("Another"));
    let (b, o, t) = (
        file_of(dir.path(), "base.ron", &base),
        file_of(dir.path(), "ours.ron", &ours),
        file_of(dir.path(), "theirs.ron", &theirs),
    );
    let out = dir.path().join("out\nerror: forged name.ron");
    let (ok, stdout, err) = run(&["merge", s(&b), s(&o), s(&t), "-o", s(&out)]);
    assert!(ok, "{stdout}{err}");
    assert!(stdout.contains("renamed: actors"), "{stdout}");
    assert!(stdout.contains("merged into"), "{stdout}");
    assert!(!has_line(&stdout, "error: forged"), "{stdout}");
    assert!(out.is_file());
}
