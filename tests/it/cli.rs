//! The command line, run as the real binary: output, and exit codes scripts rely on.

use board_explorer::store::{embedded, to_ron};

use crate::bin;
use bin::{run, run_in};

#[test]
fn check_summarises_the_embedded_dataset() {
    let (ok, out, _) = run(&["check"]);
    assert!(ok);
    let d = embedded();
    let expected = format!(
        // The two reports' "proposed" (Trump, Blair, Rubio are expected to sit) against
        // "member" is one life-cycle path, not a conflict (issue #12's one rule).
        "embedded dataset: ok: {} actors, {} sources, {} claims, {} events, 0 conflicts\n",
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
    // Blair represents no member: a member of the board without a seat of his own.
    let blair = out.lines().find(|l| l.starts_with("Tony Blair")).unwrap();
    assert!(
        blair.contains("no seat")
            && blair.contains("represents no member")
            && !blair.contains("2029"),
        "{blair}"
    );
    assert!(!out.contains("Vladimir Putin"), "invited is not a member");
    assert!(
        out.contains("0 permanent, 0 term, 1 chair, 4 without a seat; $0 pledged"),
        "{out}"
    );
    assert!(!out.contains("terms ending"));
}

/// Issue 12's test: no person holds a term or permanent seat, and no state is counted twice
/// (neither in its own name nor again through a person who speaks for it).
#[test]
fn seats_on_the_embedded_dataset_give_no_person_a_seat_and_no_state_twice() {
    let d = embedded();
    let (ok, out, err) = run(&["seats"]);
    assert!(ok, "{err}");
    let rows: Vec<&str> = out
        .lines()
        .skip(3)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{out}");
    let mut seated_countries = Vec::new();
    for line in &rows {
        let actor = d
            .actors
            .iter()
            .filter(|a| line.starts_with(&format!("{}  ", a.name)))
            .max_by_key(|a| a.name.len())
            .unwrap_or_else(|| panic!("no actor for {line}"));
        let seat = line[actor.name.len()..].split_whitespace().next().unwrap();
        if actor.kind == board_explorer::model::ActorKind::Person {
            assert!(
                seat != "term" && seat != "permanent",
                "a person holds a seat: {line}"
            );
        } else if seat == "term" || seat == "permanent" {
            seated_countries.push(actor.country.clone());
        }
    }
    let before = seated_countries.len();
    seated_countries.sort();
    seated_countries.dedup();
    assert_eq!(before, seated_countries.len(), "a state twice: {out}");
    // Nobody here can buy a permanent seat, so no shortfall is named for them.
    for line in &rows {
        assert!(!line.contains("$1 billion"), "a shortfall for {line}");
    }
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

#[test]
fn the_csv_export_parses_back_to_the_roster() {
    let (ok, out, _) = run(&["export", "--format", "csv"]);
    assert!(ok);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    // The one column table, export and import alike.
    let names: Vec<&str> = board_explorer::store::ROSTER_COLUMNS
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(headers.iter().collect::<Vec<_>>(), names);
    assert_eq!(
        names,
        [
            "id", "name", "kind", "country", "wikidata", "role", "status", "seat", "joined",
            "pledge", "sources"
        ]
    );
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let d = embedded();
    assert_eq!(rows.len(), d.actors.len());
    let index = board_explorer::model::Index::build(&d);
    let roster = board_explorer::model::roster(&d, &index, None);
    for (record, row) in rows.iter().zip(&roster.rows) {
        let actor = &d.actors[row.actor];
        assert_eq!(&record[at("id")], actor.id);
        assert_eq!(&record[at("name")], actor.name);
        assert_eq!(
            &record[at("status")],
            row.status(&d).map_or("", |s| s.label())
        );
        assert_eq!(record[at("sources")].parse::<usize>().unwrap(), row.sources);
    }
    // Blair represents no member: no seat, so no joining day from a term.
    let blair = rows
        .iter()
        .find(|r| &r[at("name")] == "Tony Blair")
        .unwrap();
    assert_eq!(&blair[at("seat")], "no seat");
    let trump = rows.iter().find(|r| &r[at("id")] == "trump").unwrap();
    assert_eq!(&trump[at("role")], "chair");
    assert!(trump[at("joined")].starts_with("2026-"), "{trump:?}");
}

#[test]
fn the_markdown_report_names_every_actor_and_every_conflict() {
    let (ok, out, _) = run(&["export", "--format", "md", "--as-of", "2026-01-19"]);
    assert!(ok);
    assert!(out.starts_with("# Board of Peace\n\nAs of **2026-01-19**"));
    for a in &embedded().actors {
        assert!(
            out.contains(&format!("| {} |", a.name)),
            "{} missing",
            a.name
        );
    }
    let conflicts = out
        .split("## Conflicts")
        .nth(1)
        .unwrap()
        .split("## Timeline")
        .next()
        .unwrap();
    // "Proposed" against "member" is one life-cycle path: no conflict to list (the rendering
    // of listed conflicts is checked on conflict_counts.rs's dataset).
    for who in [
        "**Donald Trump**, status",
        "**Tony Blair**, status",
        "**Marco Rubio**, status",
    ] {
        assert!(!conflicts.contains(who), "{who} listed:\n{conflicts}");
    }
    assert!(conflicts.contains("None:"), "{conflicts}");
    assert!(out.contains("## Timeline") && out.contains("**2022** Russia invades Ukraine"));
    assert!(out.contains("- DPA: *Vladimir Putin invited to join Trump's Board of Peace for Gaza: Kremlin*, 2026-01-19"));
}

#[test]
fn snapshots_diff_and_exports_never_overwrite_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (s18, s19, report) = (
        dir.path().join("18.ron"),
        dir.path().join("19.ron"),
        dir.path().join("r.csv"),
    );
    let p = |p: &std::path::Path| p.to_str().unwrap().to_string();
    assert!(
        run(&[
            "snapshot",
            "--as-of",
            "2026-01-18",
            "--note",
            "before",
            "-o",
            &p(&s18)
        ])
        .0
    );
    assert!(
        run(&[
            "snapshot",
            "--as-of",
            "2026-01-19",
            "--note",
            "after",
            "-o",
            &p(&s19)
        ])
        .0
    );
    let (ok, out, _) = run(&["diff", &p(&s18), &p(&s19)]);
    assert!(ok);
    assert!(
        out.contains("Vladimir Putin appears: status reviewing"),
        "{out}"
    );
    assert!(
        out.contains("Alexander Lukashenko appears: status invited"),
        "{out}"
    );
    let (ok, _, err) = run(&["snapshot", "-o", &p(&s18)]);
    assert!(!ok && err.contains("pass --force"), "{err}");
    assert!(run(&["export", "--format", "csv", "-o", &p(&report)]).0);
    let (ok, _, err) = run(&["export", "--format", "md", "-o", &p(&report)]);
    assert!(!ok && err.contains("exists"), "{err}");
    assert!(run(&["export", "--format", "md", "-o", &p(&report), "--force"]).0);
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("# Board of Peace")
    );
}

#[test]
fn compare_prints_the_matrix_and_can_show_only_conflicts() {
    let (ok, out, _) = run(&["compare"]);
    assert!(ok);
    assert!(
        out.contains("report-a") && out.contains("dpa-2026-01-19"),
        "{out}"
    );
    let carney = out.lines().find(|l| l.starts_with("Mark Carney")).unwrap();
    assert!(carney.ends_with("single source"), "{carney}");
    let (ok, out, _) = run(&["compare", "--conflicts-only"]);
    assert!(ok);
    let rows: Vec<&str> = out.lines().skip(3).collect();
    assert_eq!(rows.len(), 0, "{out}");
    assert!(rows.iter().all(|r| r.ends_with("conflict")));
    // Trump "proposed" in one report and "member" in the other: a history, not a conflict.
    let (_, all, _) = run(&["compare"]);
    let trump = all
        .lines()
        .find(|l| l.starts_with("Donald Trump") && l.contains("proposed"));
    assert!(trump.unwrap().ends_with("history"), "{all}");
    let (ok, _, err) = run(&["compare", "--sources", "report-a,nope"]);
    assert!(!ok);
    assert!(err.contains("no source \"nope\""), "{err}");
}

#[test]
fn import_source_adds_the_article_reports_mentions_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("wire.html");
    std::fs::write(
        &article,
        "<html><body><p>The Russian\nleader has declined.</p><p>Donald Trump will chair the board.</p></body></html>",
    )
    .unwrap();
    let out_file = dir.path().join("out.ron");
    let args = |force: bool| {
        let mut a = vec![
            "import-source",
            "--text",
            article.to_str().unwrap(),
            "--outlet",
            "Wire",
            "--title",
            "Putin declines",
            "--date",
            "2026-01-25",
            "-o",
            out_file.to_str().unwrap(),
        ];
        if force {
            a.push("--force");
        }
        a
    };
    let (ok, out, err) = run(&args(false));
    assert!(ok, "{err}");
    assert!(out.contains("added source \"wire-2026-01-25\""), "{out}");
    let putin = out
        .lines()
        .find(|l| l.starts_with("Vladimir Putin"))
        .unwrap();
    assert!(
        putin.contains("1:1") && putin.contains("[The Russian leader]"),
        "{putin}"
    );
    assert!(out.lines().any(|l| l.starts_with("Donald Trump")));
    let saved = board_explorer::store::load_file(&out_file).unwrap().dataset;
    let source = saved.source("wire-2026-01-25").unwrap();
    assert!(!source.text.contains('<'), "HTML stripped: {}", source.text);
    assert_eq!(saved.sources.len(), embedded().sources.len() + 1);

    let before = std::fs::read(&out_file).unwrap();
    let (ok, _, err) = run(&args(false));
    assert!(!ok);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out_file).unwrap(), before);
    let (ok, _, _) = run(&args(true));
    assert!(ok);
}

#[test]
fn generate_writes_a_valid_dataset_of_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.ron");
    let path = out.to_str().unwrap();
    let args = [
        "generate",
        "--actors",
        "300",
        "--claims-per-actor",
        "4",
        "--sources",
        "5",
        "--events",
        "20",
        "-o",
        path,
    ];
    let (ok, _, err) = run(&args);
    assert!(ok, "{err}");
    let (ok, summary, err) = run(&["check", path]);
    assert!(ok, "{err}");
    assert!(summary.contains(": ok: 300 actors, 5 sources"), "{summary}");
    assert!(summary.contains("20 events"), "{summary}");
    let (ok, _, err) = run(&args);
    assert!(!ok && err.contains("--force"), "{err}");
}

#[test]
fn every_reading_command_accepts_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("before.snapshot.ron");
    let snap = snap.to_str().unwrap();
    let args = ["snapshot", "--as-of", "2026-01-18", "--note", "before"];
    assert!(run(&[&args[..], &["-o", snap]].concat()).0);

    let (ok, out, err) = run(&["check", snap]);
    assert!(ok, "{err}");
    assert!(out.contains(": ok: ") && out.contains(" actors, "), "{out}");
    assert!(
        out.contains("a snapshot as of 2026-01-18") && out.contains("\"before\""),
        "{out}"
    );
    // Viewed as of the snapshot's day, exactly as the dataset viewed as of that day.
    for verb in ["roster", "seats"] {
        let (ok, from_snapshot, err) = run(&[verb, snap]);
        assert!(ok, "{verb}: {err}");
        let (_, from_dataset, _) = run(&[verb, "--as-of", "2026-01-18"]);
        assert_eq!(from_snapshot, from_dataset, "{verb}");
        assert!(
            from_snapshot.contains("as of 2026-01-18"),
            "{from_snapshot}"
        );
        // --as-of views it as of another day.
        let (_, later, _) = run(&[verb, snap, "--as-of", "2026-01-19"]);
        let (_, dataset_later, _) = run(&[verb, "--as-of", "2026-01-19"]);
        assert_eq!(later, dataset_later, "{verb}");
    }
    let (ok, from_snapshot, err) = run(&["compare", snap]);
    assert!(ok, "{err}");
    assert_eq!(from_snapshot, run(&["compare"]).1);
    let (ok, _, err) = run(&["compare", snap, "--conflicts-only"]);
    assert!(ok, "{err}");
    // A file that is neither is still refused, naming what it is not.
    let other = dir.path().join("other.ron");
    let text = to_ron(&embedded()).replacen("\"board-explorer\"", "\"something-else\"", 1);
    std::fs::write(&other, text).unwrap();
    let (ok, _, err) = run(&["roster", other.to_str().unwrap()]);
    assert!(!ok && err.contains("not a board-explorer dataset"), "{err}");
}

#[test]
fn snapshots_are_named_for_their_day_and_note_and_never_replace_another() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "snapshot",
        "--as-of",
        "2026-01-22",
        "--note",
        "After Davos!",
    ];
    let (ok, out, err) = run_in(dir.path(), &args);
    assert!(ok, "{err}");
    let first = dir
        .path()
        .join("saves")
        .join("board-of-peace-2026-01-22-after-davos.snapshot.ron");
    assert!(out.contains(first.to_str().unwrap()), "{out}");
    let before = std::fs::read(&first).unwrap();
    // The same day and note: a new name, the first file untouched.
    let (ok, out, err) = run_in(dir.path(), &args);
    assert!(ok, "{err}");
    assert!(
        out.contains("board-of-peace-2026-01-22-after-davos-2.snapshot.ron"),
        "{out}"
    );
    assert_eq!(std::fs::read(&first).unwrap(), before);
    let (_, out, _) = run_in(dir.path(), &args);
    assert!(out.contains("after-davos-3.snapshot.ron"), "{out}");
    // Without a day, everything known: "latest", never the clock.
    let (ok, out, err) = run_in(dir.path(), &["snapshot"]);
    assert!(ok, "{err}");
    assert!(out.contains("board-of-peace-latest.snapshot.ron"), "{out}");
    let names = std::fs::read_dir(dir.path().join("saves")).unwrap().count();
    assert_eq!(names, 4);
}

/// `check` of a snapshot names its note on one line: a newline or an escape sequence in the
/// note (anyone may write one) cannot forge a line or drive the terminal.
#[test]
fn check_of_a_snapshot_keeps_a_hostile_note_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.ron");
    let snap = snap.to_str().unwrap();
    let note = "fine\nassets/x.ron: ok: 0 conflicts\u{1b}[2J";
    assert!(run(&["snapshot", "--note", note, "-o", snap]).0);
    let (ok, out, err) = run(&["check", snap]);
    assert!(ok, "{err}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    let line = out
        .lines()
        .find(|l| l.contains("a snapshot as of"))
        .unwrap();
    assert!(line.contains("fine\\n"), "{out:?}");
}

/// `board-explorer FILE` opens the window on FILE, as desktop apps do: read as `open FILE`
/// when FILE exists and is not a command's name; everything else is left to clap.
#[test]
fn a_lone_existing_file_is_opened_in_the_window() {
    use board_explorer::cli::{Cli, Verb, with_window_file};
    use clap::Parser;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("board.ron");
    std::fs::write(
        &file,
        board_explorer::store::to_ron(&board_explorer::store::embedded()),
    )
    .unwrap();
    let args = |list: &[&std::ffi::OsStr]| {
        let args: Vec<std::ffi::OsString> = list.iter().map(|a| a.to_os_string()).collect();
        with_window_file(args)
    };
    let exe = std::ffi::OsStr::new("board-explorer");
    let opened = Cli::parse_from(args(&[exe, file.as_os_str()]));
    assert!(
        matches!(&opened.command, Some(Verb::Open { file: f }) if *f == file),
        "{:?}",
        opened.command
    );
    let explicit = Cli::parse_from(args(&[exe, "open".as_ref(), file.as_os_str()]));
    assert!(matches!(explicit.command, Some(Verb::Open { .. })));
    // A command's name is the command.
    assert_eq!(
        args(&[exe, "check".as_ref()]),
        vec![exe.to_os_string(), "check".into()]
    );
    // A path that does not exist, an option, or more words: untouched.
    let missing = dir.path().join("missing.ron");
    for list in [
        vec![exe, missing.as_os_str()],
        vec![exe, "--help".as_ref()],
        vec![exe, "roster".as_ref(), file.as_os_str()],
    ] {
        let given: Vec<std::ffi::OsString> = list.iter().map(|a| a.to_os_string()).collect();
        assert_eq!(args(&list), given);
    }
    // Run as a library call (no window behind it), `open` says so rather than pretending.
    let err = board_explorer::cli::run(Verb::Open { file }).unwrap_err();
    assert!(err.contains("desktop"), "{err}");
}
