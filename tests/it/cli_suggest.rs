//! `board-explorer suggest`, run as the real binary: the table, the JSON scripts read, its
//! errors, and that it changes nothing.

use std::process::Command;

use board_explorer::store::{embedded, to_ron};

use crate::bin;
use bin::run;

const ARTICLE: &str = "Board of Peace: the latest\n\
Hungarian Prime Minister Viktor Orbán said on Monday he has accepted the invitation. \
Ireland will not join the board, officials said on Tuesday.\n";

fn article(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn json_has_the_fields_scripts_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = article(&dir, "a.txt", ARTICLE);
    let (ok, out, err) = run(&[
        "suggest",
        "--text",
        &path,
        "--date",
        "2026-01-21",
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{out}");
    let orban = &rows[0];
    assert_eq!(orban["actor_id"], "hungary-pm");
    assert_eq!(orban["actor_name"], "Prime Minister of Hungary");
    assert_eq!(orban["new_actor"], false);
    assert_eq!(orban["new_alias"], "Viktor Orbán");
    assert_eq!(orban["kind"], "person");
    assert_eq!(orban["body"], serde_json::Value::Null);
    assert_eq!(orban["property"], "status");
    assert_eq!(orban["value"], "accepted");
    assert_eq!(orban["as_of"], "2026-01-19");
    let (start, end) = (
        orban["start"].as_u64().unwrap() as usize,
        orban["end"].as_u64().unwrap() as usize,
    );
    let text = board_explorer::model::text::normalise(ARTICLE);
    assert_eq!(orban["quote"], &text[start..end]);
    let c = orban["confidence"].as_f64().unwrap();
    assert!(c > 0.0 && c <= 1.0);
    let ireland = &rows[1];
    assert_eq!(ireland["actor_id"], "ireland");
    assert_eq!(ireland["value"], "declined");
    assert_eq!(ireland["as_of"], "2026-01-20");
    assert_eq!(ireland["quote"], "Ireland will not join");
}

#[test]
fn the_table_is_aligned_and_names_new_actors() {
    let dir = tempfile::tempdir().unwrap();
    let path = article(
        &dir,
        "b.html",
        "<html><body><p>Paraguay has agreed to join the Board of Peace.</p><p>Ireland declined the invitation.</p></body></html>",
    );
    let (ok, out, err) = run(&["suggest", "--text", &path, "--date", "2026-01-21"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Read as en");
    assert_eq!(lines[1], "2 suggestions");
    assert!(lines[2].starts_with("Actor"), "{out}");
    let value_col = lines[2].find("Value").unwrap();
    assert_eq!(&lines[4][value_col..value_col + 8], "accepted");
    assert_eq!(&lines[5][value_col..value_col + 8], "declined");
    assert!(lines[4].starts_with("Paraguay") && lines[4].contains("state"));
    assert!(!out.contains("<p>"));
}

#[test]
fn suggests_from_a_source_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let ron = to_ron(&embedded());
    std::fs::write(&path, &ron).unwrap();
    let source = &embedded().sources[0].id;
    let (ok, out, err) = run(&[
        "suggest",
        path.to_str().unwrap(),
        "--source",
        source,
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(!rows.as_array().unwrap().is_empty(), "{out}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ron);
}

#[test]
fn errors_are_clear() {
    let (ok, _, err) = run(&["suggest", "--source", "nowhere"]);
    assert!(!ok);
    assert!(err.contains("no source \"nowhere\""), "{err}");
    let (ok, _, err) = run(&["suggest"]);
    assert!(!ok);
    assert!(err.contains("--source") || err.contains("--text"), "{err}");
    let (ok, _, err) = run(&[
        "suggest",
        "--text",
        "/nonexistent/article.txt",
        "--date",
        "2026-01-21",
    ]);
    assert!(!ok);
    assert!(err.contains("cannot read"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0x66u8, 0xff, 0x66]).unwrap();
    let (ok, _, err) = run(&[
        "suggest",
        "--text",
        bad.to_str().unwrap(),
        "--date",
        "2026-01-21",
    ]);
    assert!(!ok);
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn refuses_articles_over_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(board_explorer::session::MAX_ARTICLE_BYTES + 1)
        .unwrap();
    let (ok, _, err) = run(&[
        "suggest",
        "--text",
        big.to_str().unwrap(),
        "--date",
        "2026-01-21",
    ]);
    assert!(!ok);
    assert!(err.contains("larger than 64 MB"), "{err}");
}

/// The dev reports and their scorer live beside the repository, not in it: when they are there,
/// the figures reached on both folders (22 reports) are a floor that only ever goes up.
#[test]
fn meets_the_extraction_floor_on_the_dev_reports_when_they_are_present() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    let script = shared.join("eval/extract_eval.py");
    let reports = shared.join("reports-dev");
    let more = shared.join("reports-dev2");
    if !script.exists() || !reports.exists() || !more.exists() {
        eprintln!("skipped: {} is not there", shared.display());
        return;
    }
    let out = Command::new("python3")
        .arg(&script)
        .args(["--bin", env!("CARGO_BIN_EXE_board-explorer")])
        .arg("--dataset")
        .arg(root.join("assets/board_of_peace.ron"))
        .arg("--reports")
        .arg(&reports)
        .arg("--reports")
        .arg(&more)
        .args(["--min-precision", "0.95", "--min-recall", "0.90"])
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: python3 is not there");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("precision"), "{stdout}");
}
