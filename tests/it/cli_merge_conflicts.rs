//! Merge conflicts left in a file block: `check` fails on them, exports refuse them unless
//! `--allow-conflicts` (and then the reports mark them), and `resolve` settles them from the
//! command line as the window does. Run as the real binary on a file made by `merge`.

use std::path::{Path, PathBuf};

use board_explorer::store::{backup_path, embedded, load_file, to_ron};

use crate::bin;
use bin::run;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A dataset a merge left two conflicts in: the first actor's name and the second actor's
/// country, each changed differently on both sides. Returns the file and the two actors' ids.
fn conflicted(dir: &Path) -> (PathBuf, String, String) {
    let base = embedded();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actors[0].name = "Name On Our Side".into();
    theirs.actors[0].name = "Name On Their Side".into();
    ours.actors[1].country = "Ourland".into();
    theirs.actors[1].country = "Theirland".into();
    let write = |name: &str, d| {
        let path = dir.join(name);
        std::fs::write(&path, to_ron(d)).unwrap();
        path
    };
    let (b, o, t) = (
        write("base.ron", &base),
        write("ours.ron", &ours),
        write("theirs.ron", &theirs),
    );
    let file = dir.join("board.ron");
    let (ok, _, err) = run(&["merge", s(&b), s(&o), s(&t), "-o", s(&file)]);
    assert!(!ok, "a merge with conflicts fails: {err}");
    assert_eq!(load_file(&file).unwrap().dataset.merge_conflicts.len(), 2);
    (file, base.actors[0].id.clone(), base.actors[1].id.clone())
}

#[test]
fn check_fails_on_unresolved_merge_conflicts_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let (file, first, second) = conflicted(dir.path());
    let (ok, out, err) = run(&["check", s(&file)]);
    assert!(!ok, "{out}");
    assert!(!err.contains(": ok:"), "{err}");
    assert!(err.contains("2 unresolved merge conflict(s)"), "{err}");
    assert!(err.contains(&format!("actors/{first}/name")), "{err}");
    assert!(err.contains(&format!("actors/{second}/country")), "{err}");
    assert!(err.contains("resolve"), "{err}");
}

#[test]
fn exports_refuse_conflicts_unless_allowed_and_then_mark_them() {
    let dir = tempfile::tempdir().unwrap();
    let (file, first, _) = conflicted(dir.path());
    for format in ["md", "html", "csv", "popolo", "ftm"] {
        let out = dir.path().join(format!("report.{format}"));
        let (ok, _, err) = run(&["export", s(&file), "--format", format, "-o", s(&out)]);
        assert!(!ok, "{format}");
        assert!(err.contains("unresolved merge conflict"), "{format}: {err}");
        assert!(err.contains("--allow-conflicts"), "{format}: {err}");
        assert!(!out.exists(), "{format}: nothing is written");
        // And not to standard output either.
        let (ok, stdout, _) = run(&["export", s(&file), "--format", format]);
        assert!(!ok && stdout.is_empty(), "{format}: {stdout}");
    }
    let (ok, md, err) = run(&["export", s(&file), "--format", "md", "--allow-conflicts"]);
    assert!(ok, "{err}");
    let warning = md.find("Unresolved merge conflicts: 2").expect("marked");
    assert!(warning < md.find("## Roster").unwrap(), "above the roster");
    assert!(md.contains("Name On Their Side"), "both sides shown");
    let (ok, html, err) = run(&["export", s(&file), "--format", "html", "--allow-conflicts"]);
    assert!(ok, "{err}");
    assert!(html.contains("id=\"merge-conflicts\""), "marked");
    assert!(html.contains(&format!("actors {first}: name")), "named");
    let (ok, _, err) = run(&["export", s(&file), "--format", "csv", "--allow-conflicts"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("warning: "),
        "a format that cannot mark them warns: {err}"
    );
}

#[test]
fn resolve_lists_and_settles_conflicts_as_the_window_does() {
    let dir = tempfile::tempdir().unwrap();
    let (file, first, second) = conflicted(dir.path());
    let before = std::fs::read(&file).unwrap();

    let (ok, listed, err) = run(&["resolve", s(&file), "--list"]);
    assert!(ok, "{err}");
    assert!(
        listed.contains("2 unresolved merge conflict(s)"),
        "{listed}"
    );
    assert!(
        listed.contains(&format!(
            "1  actors/{first}/name: ours \"Name On Our Side\", theirs \"Name On Their Side\""
        )),
        "{listed}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "--list changes nothing"
    );

    // A name that is no conflict: refused, nothing written.
    let (ok, _, err) = run(&["resolve", s(&file), "--theirs", "actors/nobody/name"]);
    assert!(!ok);
    assert!(err.contains("no merge conflict"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);

    let path = format!("actors/{first}/name");
    let (ok, out, err) = run(&["resolve", s(&file), "--theirs", &path]);
    assert!(ok, "{err}");
    assert!(out.contains("took theirs"), "{out}");
    assert!(out.contains("1 merge conflict(s) left"), "{out}");
    assert_eq!(std::fs::read(backup_path(&file)).unwrap(), before);
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.actors[0].name, "Name On Their Side");
    assert_eq!(d.merge_conflicts.len(), 1);
    let (ok, _, _) = run(&["check", s(&file)]);
    assert!(!ok, "one is still left");

    // By its number in the list, keeping ours.
    let (ok, out, err) = run(&["resolve", s(&file), "--ours", "1"]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("kept ours: actors/{second}/country")),
        "{out}"
    );
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.actors[1].country, "Ourland");
    assert!(d.merge_conflicts.is_empty());
    let (ok, out, err) = run(&["check", s(&file)]);
    assert!(ok, "{err}");
    assert!(out.contains(": ok:"), "{out}");
}

#[test]
fn resolve_all_theirs_settles_every_conflict_into_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _) = conflicted(dir.path());
    let before = std::fs::read(&file).unwrap();
    let out = dir.path().join("resolved.ron");
    let (ok, report, err) = run(&["resolve", s(&file), "--all-theirs", "-o", s(&out)]);
    assert!(ok, "{err}");
    assert!(report.contains("0 merge conflict(s) left"), "{report}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "-o leaves the file alone"
    );
    let d = load_file(&out).unwrap().dataset;
    assert_eq!(d.actors[0].name, "Name On Their Side");
    assert_eq!(d.actors[1].country, "Theirland");
    assert!(d.merge_conflicts.is_empty());
    // Nothing to settle: said, and nothing written.
    let (ok, report, _) = run(&["resolve", s(&out), "--all-ours"]);
    assert!(ok);
    assert!(report.contains("no merge conflicts"), "{report}");
    assert!(!backup_path(&out).exists());
}
