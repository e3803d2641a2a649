//! Writers on one dataset at the same moment: two `claim add` processes, or the window's save
//! and a command, never lose a change, and nothing reports "wrote" for a change that is not in
//! the file. Every writer holds the dataset's lock (`.NAME.lock`) around its read, change and
//! write.

use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};

use board_explorer::model::Edit;
use board_explorer::session::{Command, Session};
use board_explorer::store::{FileLock, embedded, load_file, to_ron};

fn dataset_file(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    std::fs::write(&path, to_ron(&embedded())).unwrap();
    path
}

/// `claim add` of a hand claim (the editor's note, no quote) about `actor`, started and not
/// waited for.
fn spawn_claim_add(file: &Path, actor: &str, status: &str) -> Child {
    Process::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(["claim", "add"])
        .arg(file)
        .args(["--actor", actor, "--fact"])
        .arg(format!("status={status}"))
        .args(["--source", "editors-note", "--as-of", "2026-01-21"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

/// Waits for a `claim add`: the id of the claim it says it added and wrote, or `None` when it
/// failed (it must then say that nothing was written).
fn added_claim(child: Child) -> Option<String> {
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    if !out.status.success() {
        assert!(stderr.contains("nothing was written"), "{stderr}");
        return None;
    }
    assert!(stdout.contains("wrote "), "{stdout}");
    let id = stdout
        .split("added claim \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no claim id in {stdout}"));
    Some(id.to_string())
}

fn claim_ids(file: &Path) -> Vec<String> {
    load_file(file)
        .unwrap()
        .dataset
        .claims
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn two_claim_adds_at_once_both_land_every_round() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..50 {
        let file = dataset_file(dir.path());
        let a = spawn_claim_add(&file, "putin", "declined");
        let b = spawn_claim_add(&file, "lukashenko", "accepted");
        let (a, b) = (added_claim(a), added_claim(b));
        // Both wait for the lock rather than fail: a teammate's write is no error.
        let (a, b) = (
            a.unwrap_or_else(|| panic!("round {round}: the first write failed")),
            b.unwrap_or_else(|| panic!("round {round}: the second write failed")),
        );
        let ids = claim_ids(&file);
        assert!(ids.contains(&a), "round {round}: {a} was lost");
        assert!(ids.contains(&b), "round {round}: {b} was lost");
    }
    // The lock file stays: it is never deleted, so every writer locks the same file.
    assert!(dir.path().join(".board.ron.lock").exists());
}

fn rename_first_actor(s: &Session, name: &str) -> Command {
    let mut actor = s.dataset().actors[0].clone();
    actor.name = name.into();
    Command::edit(Edit::ReplaceActor { at: 0, actor }, "Rename")
}

/// The window's save (through the session, as the app sends it) racing a command's write:
/// whatever order they meet in (before the command's read, between its read and its write,
/// after its write), both changes are in the file afterwards: a save that comes second
/// merges the command's change in before writing.
#[test]
fn a_window_save_racing_a_command_never_erases_either() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..40 {
        let file = dataset_file(dir.path());
        let (mut s, _) = Session::open(&file).unwrap();
        s.merge_on_save();
        let name = format!("Saved By The Window {round}");
        s.perform(rename_first_actor(&s, &name));
        let child = spawn_claim_add(&file, "putin", "declined");
        std::thread::sleep(std::time::Duration::from_millis(round % 20 * 3));
        let saved = s.perform(Command::Save);
        let command = added_claim(child).unwrap_or_else(|| panic!("round {round}: it failed"));
        assert!(
            saved.written.is_some() && saved.confirm.is_none(),
            "round {round}: {:?}",
            saved.notice
        );
        let on_disk = load_file(&file).unwrap().dataset;
        assert_eq!(
            on_disk.actors[0].name, name,
            "round {round}: the save is lost"
        );
        let ids: Vec<&str> = on_disk.claims.iter().map(|c| c.id.as_str()).collect();
        assert!(
            ids.contains(&command.as_str()),
            "round {round}: {command} was lost"
        );
    }
}

/// A command that finds the dataset locked waits, then reads what the lock's holder wrote and
/// adds its change to that: it never writes over it, nor fails because of it.
#[test]
fn a_command_waits_for_the_lock_then_builds_on_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let held = FileLock::acquire(&file).unwrap();
    let child = spawn_claim_add(&file, "putin", "declined");
    // Long enough for the command to have started and reached the lock; with or without it
    // the outcome below must hold.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut theirs = load_file(&file).unwrap().dataset;
    theirs.actors[0].name = "Written While Locked".into();
    std::fs::write(&file, to_ron(&theirs)).unwrap();
    drop(held);
    let id = added_claim(child).expect("it waited instead of failing");
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.actors[0].name, "Written While Locked");
    assert!(d.claims.iter().any(|c| c.id == id));
}
