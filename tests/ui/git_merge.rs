//! Team editing through real git: two clones of one repository edit the same dataset in
//! parallel, push and pull, with the merge driver and diff filter `git-setup` installs.

use crate::bin;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::records::{person as actor, status_claim as claim};
use bin::run;
use board_explorer::document::Document;
use board_explorer::model::{Dataset, Fact, Status, Subject};
use board_explorer::store::{embedded, load_file, to_ron};
use board_explorer::ui::BoardExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// PATH with the folder of the program under test first: `git-setup` names the drivers as
/// `board-explorer` on PATH, as a reporter who installed it has.
fn path_with_program() -> std::ffi::OsString {
    let program = Path::new(env!("CARGO_BIN_EXE_board-explorer"));
    let mut dirs = vec![program.parent().unwrap().to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}

fn git(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("git")
        .env("PATH", path_with_program())
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (success, text) = git(dir, args);
    assert!(success, "git {args:?} failed: {text}");
    text
}

/// A bare origin with the embedded dataset committed, and two set-up clones of it.
fn team(tmp: &Path) -> (PathBuf, PathBuf) {
    let origin = tmp.join("origin.git");
    ok(
        tmp,
        &["init", "--bare", "-b", "main", origin.to_str().unwrap()],
    );
    let clone = |name: &str| {
        let dir = tmp.join(name);
        ok(
            tmp,
            &["clone", origin.to_str().unwrap(), dir.to_str().unwrap()],
        );
        ok(&dir, &["config", "user.name", name]);
        ok(
            &dir,
            &["config", "user.email", &format!("{name}@example.org")],
        );
        ok(&dir, &["config", "pull.rebase", "false"]);
        let (success, out, err) = run(&["git-setup", dir.to_str().unwrap()]);
        assert!(success, "git-setup: {out}{err}");
        dir
    };
    let a = clone("alice");
    std::fs::write(a.join("board.ron"), to_ron(&embedded())).unwrap();
    ok(&a, &["add", "board.ron", ".gitattributes", ".gitignore"]);
    ok(&a, &["commit", "-m", "the board"]);
    ok(&a, &["push", "-u", "origin", "main"]);
    let b = clone("bob");
    assert!(b.join("board.ron").exists());
    // A writer's lock file beside the dataset is never something to commit.
    std::fs::write(b.join(".board.ron.lock"), "").unwrap();
    assert_eq!(ok(&b, &["status", "--porcelain"]), "");
    (a, b)
}

fn load(dir: &Path) -> Dataset {
    load_file(&dir.join("board.ron")).unwrap().dataset
}

fn save(dir: &Path, d: &Dataset, message: &str) {
    std::fs::write(dir.join("board.ron"), to_ron(d)).unwrap();
    ok(dir, &["commit", "-am", message]);
}

fn status_claim_at(d: &Dataset, n: usize) -> usize {
    d.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.fact, Fact::Status(_)))
        .nth(n)
        .unwrap()
        .0
}

#[test]
fn parallel_edits_merge_without_conflict_and_nothing_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = team(tmp.path());
    let source = embedded().sources[0].id.clone();

    // Alice: a new actor with a claim, a status changed, an event deleted.
    let mut d = load(&a);
    d.actors.push(actor("alice-pick", "Alice's Pick"));
    d.claims
        .push(claim("c-alice", "alice-pick", Status::Invited, &source));
    let alice_status = status_claim_at(&d, 0);
    d.claims[alice_status].fact = Fact::Status(Status::Declined);
    let gone_event = d.events.remove(0).id;
    save(&a, &d, "alice's edits");
    ok(&a, &["push"]);

    // Bob, meanwhile: another actor and claim, another status, the seat rules.
    let mut d = load(&b);
    d.actors.push(actor("bob-pick", "Bob's Pick"));
    d.claims
        .push(claim("c-bob", "bob-pick", Status::Accepted, &source));
    let bob_status = status_claim_at(&d, 1);
    d.claims[bob_status].fact = Fact::Status(Status::Withdrawn);
    d.body.seat_rules.term_years = 7;
    save(&b, &d, "bob's edits");
    let pulled = ok(&b, &["pull"]);
    assert!(!pulled.contains("CONFLICT"), "{pulled}");

    let merged = load(&b);
    assert!(merged.actor("alice-pick").is_some() && merged.actor("bob-pick").is_some());
    let claim_ids: Vec<&str> = merged.claims.iter().map(|c| c.id.as_str()).collect();
    assert!(claim_ids.contains(&"c-alice") && claim_ids.contains(&"c-bob"));
    assert_eq!(
        merged.claims[alice_status].fact,
        Fact::Status(Status::Declined)
    );
    assert_eq!(
        merged.claims[bob_status].fact,
        Fact::Status(Status::Withdrawn)
    );
    assert!(merged.events.iter().all(|e| e.id != gone_event));
    assert_eq!(merged.body.seat_rules.term_years, 7);
    assert!(merged.merge_conflicts.is_empty());
    // Every record of both sides is there, once.
    assert_eq!(merged.actors.len(), embedded().actors.len() + 2);
    assert_eq!(merged.claims.len(), embedded().claims.len() + 2);

    // The roster reads the merged file; the diff names what Alice brought in.
    let file = b.join("board.ron");
    let (success, roster, err) = run(&["roster", file.to_str().unwrap()]);
    assert!(success, "{err}");
    assert!(
        roster.contains("Alice's Pick") && roster.contains("Bob's Pick"),
        "{roster}"
    );
    let (_, log) = git(&b, &["log", "-p", "-1", "--format=%s", "HEAD^2"]);
    assert!(
        log.contains("+actors alice-pick: kind=\"Person\" name=\"Alice's Pick\""),
        "{log}"
    );

    // Alice pulls Bob's work back: both clones hold the same dataset.
    ok(&a, &["pull"]);
    ok(&b, &["push"]);
    ok(&a, &["pull"]);
    assert_eq!(load(&a), load(&b));
}

#[test]
fn a_true_conflict_fails_the_pull_and_is_kept_in_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = team(tmp.path());
    let mut d = load(&a);
    d.actors[1].name = "Alice's spelling".into();
    d.actors.push(actor("alice-pick", "Alice's Pick"));
    save(&a, &d, "alice");
    ok(&a, &["push"]);
    let mut d = load(&b);
    d.actors[1].name = "Bob's spelling".into();
    save(&b, &d, "bob");
    let (success, text) = git(&b, &["pull"]);
    assert!(!success, "{text}");
    assert!(text.contains("CONFLICT"), "{text}");

    // The file loads, keeps ours in place, both values as data, and Alice's addition.
    let merged = load(&b);
    assert_eq!(merged.actors[1].name, "Bob's spelling");
    assert!(merged.actor("alice-pick").is_some());
    assert_eq!(merged.merge_conflicts.len(), 1);
    let c = &merged.merge_conflicts[0];
    assert_eq!(c.record(), Some(merged.actors[1].id.as_str()));
    assert_eq!(c.field(), "name");
    assert_eq!(c.theirs, "\"Alice's spelling\"");
    // The file loads, but is not "ok" while the conflict is left: `check` fails and names it.
    let (success, out, err) = run(&["check", b.join("board.ron").to_str().unwrap()]);
    assert!(!success, "{out}");
    assert!(err.contains("1 unresolved merge conflict(s)"), "{err}");
    assert!(err.contains("/name: ours \"Bob's spelling\""), "{err}");

    // The app opened on the file lists the conflict with both values.
    let (doc, _) = Document::open(&b.join("board.ron")).unwrap();
    let app = BoardExplorerApp::with_document(doc);
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Merge conflicts");
    h.get_by_label_contains("Alice's spelling");
    h.get_by_label("Keep ours");
}

#[test]
fn the_merge_verb_writes_out_and_exits_1_on_a_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let file = |name: &str, d: &Dataset| {
        let path = tmp.path().join(name);
        std::fs::write(&path, to_ron(d)).unwrap();
        path.to_str().unwrap().to_string()
    };
    let base = file("base.ron", &embedded());
    let mut d = embedded();
    d.actors[0].note = "ours".into();
    let ours = file("ours.ron", &d);
    let mut d = embedded();
    d.actors[1].note = "theirs".into();
    let theirs = file("theirs.ron", &d);
    let out = tmp.path().join("out.ron");
    let (success, text, err) = run(&["merge", &base, &ours, &theirs, "-o", out.to_str().unwrap()]);
    assert!(success, "{text}{err}");
    let merged = load_file(&out).unwrap().dataset;
    assert_eq!(
        (
            merged.actors[0].note.as_str(),
            merged.actors[1].note.as_str()
        ),
        ("ours", "theirs")
    );
    assert!(
        !tmp.path().join("out.ron.bak").exists(),
        "no backup beside git's file"
    );

    // Both sides write the same note differently: written, reported, exit 1.
    let mut d = embedded();
    d.actors[0].note = "theirs too".into();
    let theirs = file("theirs.ron", &d);
    let (success, _, err) = run(&["merge", &base, &ours, &theirs]);
    assert!(!success);
    assert!(
        err.contains("conflict: actors") && err.contains("\"theirs too\""),
        "{err}"
    );
    let merged = load_file(Path::new(&ours)).unwrap().dataset;
    assert_eq!(merged.merge_conflicts.len(), 1);

    // textconv: one line per record; a file that is not a dataset comes out as it is.
    let (success, text, _) = run(&["textconv", &ours]);
    assert!(success);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("actors ")).count(),
        embedded().actors.len()
    );
    std::fs::write(tmp.path().join("notes.ron"), "just (some) words").unwrap();
    let (success, text, _) = run(&["textconv", tmp.path().join("notes.ron").to_str().unwrap()]);
    assert!(success);
    assert_eq!(text, "just (some) words");
    // Its control characters are shown, not sent to the terminal git prints to.
    std::fs::write(tmp.path().join("notes.ron"), "a\u{1b}[2Jb\nc\n").unwrap();
    let (_, text, _) = run(&["textconv", tmp.path().join("notes.ron").to_str().unwrap()]);
    assert_eq!(text, "a\\u{1b}[2Jb\nc\n");
    // What is neither a dataset nor text is refused, not poured into git's diff.
    let binary = tmp.path().join("video.ron");
    std::fs::write(&binary, [0xff_u8, 0xfe, 0x00, 0x9c].repeat(1000)).unwrap();
    let (success, text, err) = run(&["textconv", binary.to_str().unwrap()]);
    assert!(!success && text.is_empty(), "{text}");
    assert!(
        err.contains("not a dataset") && err.contains("not UTF-8"),
        "{err}"
    );
}

/// A fresh repository with one commit, not yet set up.
fn repo(tmp: &Path) -> PathBuf {
    let dir = tmp.join("repo");
    ok(tmp, &["init", "-b", "main", dir.to_str().unwrap()]);
    dir
}

#[test]
fn git_setup_names_the_program_on_path_caches_textconv_and_ignores_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo(tmp.path());
    let (success, out, err) = run(&["git-setup", dir.to_str().unwrap()]);
    assert!(success, "{out}{err}");
    assert_eq!(
        ok(&dir, &["config", "merge.board-explorer.driver"]).trim(),
        "board-explorer merge %O %A %B"
    );
    assert_eq!(
        ok(&dir, &["config", "diff.board-explorer.cachetextconv"]).trim(),
        "true"
    );
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*.ron.bak"), "{ignore}");
    assert!(ignore.lines().any(|l| l == "saves/"), "{ignore}");
    std::fs::write(dir.join("board.ron.bak"), "old").unwrap();
    std::fs::create_dir(dir.join("saves")).unwrap();
    std::fs::write(dir.join("saves").join("a.ron"), "snap").unwrap();
    let status = ok(&dir, &["status", "--porcelain"]);
    assert!(
        !status.contains("bak") && !status.contains("saves"),
        "{status}"
    );

    // A second run adds nothing twice.
    let (success, out, _) = run(&["git-setup", dir.to_str().unwrap()]);
    assert!(success && out.contains("already has the line"), "{out}");
    let again = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert_eq!(again, ignore);

    // --absolute names this very program, quoted for the shell.
    let (success, out, err) = run(&["git-setup", "--absolute", dir.to_str().unwrap()]);
    assert!(success, "{out}{err}");
    let driver = ok(&dir, &["config", "merge.board-explorer.driver"]);
    assert!(
        driver.starts_with('\'') && driver.contains("board-explorer'"),
        "{driver}"
    );
}

#[cfg(unix)]
#[test]
fn git_setup_never_writes_through_a_linked_gitattributes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo(tmp.path());
    let outside = tmp.path().join("outside.txt");
    std::fs::write(&outside, "kept\n").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join(".gitattributes")).unwrap();
    let (success, out, err) = run(&["git-setup", dir.to_str().unwrap()]);
    assert!(!success, "{out}");
    assert!(
        err.contains(".gitattributes") && err.contains("link"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "kept\n");
    assert!(!tmp.path().join("outside.txt.bak").exists());
}

#[cfg(unix)]
#[test]
fn git_setup_refuses_a_fifo_gitattributes_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo(tmp.path());
    let fifo = dir.join(".gitattributes");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Without a writer, reading a FIFO would wait for ever; the refusal must come first.
    let (success, _, err) = run(&["git-setup", dir.to_str().unwrap()]);
    assert!(!success);
    assert!(err.contains(".gitattributes"), "{err}");
}

/// Both branches added the file (git passes an empty base): a record with the same id on both
/// sides is one record, and a field that differs is a conflict, never a second record.
#[test]
fn an_add_add_merge_keeps_one_record_per_id() {
    let tmp = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let base = file("base.ron", "");
    let mut d = embedded();
    let renamed = d.actors[0].id.clone();
    d.actors[0].name = "A New Name".into();
    d.actors[1].note = "only ours".into();
    let ours = file("ours.ron", &to_ron(&d));
    let theirs = file("theirs.ron", &to_ron(&embedded()));
    let (success, text, err) = run(&["merge", &base, &ours, &theirs]);
    assert!(!success, "the differing name is a conflict: {text}");
    assert!(!err.contains("renamed:"), "nothing is split: {err}");
    let merged = load_file(Path::new(&ours)).unwrap().dataset;
    assert_eq!(merged.actors.len(), embedded().actors.len());
    assert_eq!(merged.claims.len(), embedded().claims.len());
    assert_eq!(merged.actors.iter().filter(|a| a.id == renamed).count(), 1);
    assert_eq!(
        merged.merge_conflicts.len(),
        1,
        "{:?}",
        merged.merge_conflicts
    );
    assert_eq!(merged.actors[1].note, "only ours");
}

/// Two reporters fix different paragraphs of one article: after the pull both fixes are in
/// the text, its hash follows it, and there is no conflict.
#[test]
fn edits_in_different_paragraphs_of_one_source_text_both_survive_a_pull() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = team(tmp.path());
    // A paragraph is a line of the stored text (blank lines between them, where the outlet
    // had them).
    let paragraphs = |d: &Dataset| d.sources[0].text.split('\n').count();
    assert!(
        paragraphs(&load(&a)) >= 3,
        "the first source has paragraphs"
    );
    let edit = |dir: &Path, paragraph: usize, added: &str, message: &str| {
        let mut d = load(dir);
        let mut parts: Vec<String> = d.sources[0].text.split('\n').map(String::from).collect();
        parts[paragraph].push_str(added);
        d.sources[0].text = parts.join("\n");
        d.sources[0].hash = board_explorer::model::text::content_hash(&d.sources[0].text);
        save(dir, &d, message);
    };
    edit(&a, 0, " (Alice's fix.)", "alice fixes the lead");
    ok(&a, &["push"]);
    let last = paragraphs(&load(&b)) - 1;
    edit(&b, last, " (Bob's fix.)", "bob fixes the end");
    let pulled = ok(&b, &["pull"]);
    assert!(!pulled.contains("CONFLICT"), "{pulled}");
    let merged = load(&b);
    let text = &merged.sources[0].text;
    assert!(
        text.contains("(Alice's fix.)") && text.contains("(Bob's fix.)"),
        "{text}"
    );
    assert_eq!(
        merged.sources[0].hash,
        board_explorer::model::text::content_hash(text)
    );
    assert!(
        merged.merge_conflicts.is_empty(),
        "{:?}",
        merged.merge_conflicts
    );
}

/// Two reporters each enter their own word on the same actor, property and day: after the
/// pull both claims are there, each signed by its author (git's user.name in each clone), and
/// their disagreement is a conflict, not one silent answer.
#[test]
fn two_reporters_opposite_hand_claims_merge_into_a_visible_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = team(tmp.path());
    let actor = embedded().actors[0].id.clone();
    let hand = |dir: &Path, status: &str| {
        let fact = format!("status={status}");
        let args = [
            "claim",
            "add",
            "board.ron",
            "--actor",
            actor.as_str(),
            "--fact",
            fact.as_str(),
            "--source",
            "editors-note",
            "--as-of",
            "2026-01-25",
        ];
        let (success, out, err) = bin::run_in(dir, &args);
        assert!(success, "{out}{err}");
        ok(dir, &["commit", "-qam", status]);
    };
    hand(&a, "accepted");
    ok(&a, &["push"]);
    hand(&b, "declined");
    let pulled = ok(&b, &["pull"]);
    assert!(!pulled.contains("CONFLICT"), "{pulled}");

    let merged = load(&b);
    let mut authors: Vec<&str> = merged
        .claims
        .iter()
        .filter(|c| c.source == "editors-note" && c.subject == Subject::Actor(actor.clone()))
        .map(|c| c.author.as_str())
        .collect();
    authors.sort_unstable();
    assert_eq!(authors, ["alice", "bob"]);
    let file = b.join("board.ron");
    let (_, summary, err) = run(&["check", file.to_str().unwrap()]);
    assert!(summary.contains(" 1 conflicts"), "{summary}{err}");
}
