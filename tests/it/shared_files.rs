//! Files shared with other programs and other people: what may be read (regular files only,
//! bounded, without exhausting memory), and what happens with more than one writer (a changed
//! file is not overwritten silently, no-overwrite writes are decided at the write, snapshots
//! never collide, killed writers' temporary files go, permissions and symlinks are kept, a
//! write stopped by a file-size limit keeps the old file whole).
//!
//! A few tests run this binary again as a child (an environment variable names its job:
//! `common/child.rs`).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use board_explorer::cli::{Cli, run};
use board_explorer::session::{Command, Confirm, Session};
use board_explorer::store::{
    self, backup_path, embedded, load_any, load_file, read_snapshot, save_file, take_snapshot,
    to_ron,
};
use clap::Parser;

use crate::child;

/// Runs `f` on another thread and fails if it takes more than ten seconds, so a read that
/// blocks (a FIFO) fails the test instead of hanging the suite.
fn within_ten_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the read returned within ten seconds")
}

fn refused_fast(path: PathBuf, word: &'static str) {
    let start = Instant::now();
    let (file, any, snapshot, recovery) = within_ten_seconds(move || {
        (
            load_file(&path).unwrap_err().message,
            load_any(&path).unwrap_err().message,
            read_snapshot(&path).unwrap_err().message,
            store::read_recovery(&path)
                .map(|_| String::new())
                .unwrap_or_else(|e| e.message),
        )
    });
    for message in [&file, &any, &snapshot, &recovery] {
        assert!(message.contains(word), "{message}");
        assert!(message.contains("not a regular file"), "{message}");
    }
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn dev_zero_a_fifo_and_a_folder_are_refused_within_a_second() {
    refused_fast(PathBuf::from("/dev/zero"), "device");
    let dir = tempfile::tempdir().unwrap();
    refused_fast(dir.path().to_path_buf(), "folder");
    let fifo = dir.path().join("pipe.ron");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and mode; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    refused_fast(fifo.clone(), "FIFO");
    // Every other reader of user files goes through the same check.
    let text = fifo.clone();
    let err = within_ten_seconds(move || {
        let cli = Cli::parse_from([
            "board-explorer",
            "suggest",
            "--text",
            text.to_str().unwrap(),
            "--date",
            "2026-01-20",
        ]);
        run(cli.command.unwrap()).unwrap_err()
    });
    assert!(err.contains("FIFO"), "{err}");
    let listed = dir.path().to_path_buf();
    let snapshots = within_ten_seconds(move || store::list_snapshots(&listed));
    assert!(snapshots.is_empty());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(to_ron(&embedded()).as_bytes());
    std::fs::write(&path, bytes).unwrap();
    assert!(load_file(&path).unwrap().dataset == embedded());
}

#[test]
fn millions_of_empty_strings_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty_strings.ron");
    // 96 MB of `"",`: as strings, 32 M of them would take 768 MB.
    let mut text = String::from(
        "(format: \"board-explorer\", version: 1, dataset: (body: (id: \"b\", name: \"b\", aliases: [",
    );
    text.push_str(&"\"\",".repeat(32 << 20));
    text.push_str("])))");
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let err = load_file(&path).unwrap_err().message;
    assert!(err.contains("too many tiny records"), "{err}");
    let err = load_any(&path).unwrap_err().message;
    assert!(err.contains("too many tiny records"), "{err}");
}

fn add_actor_by_command(path: &Path, name: &str) {
    let added = run(Cli::parse_from([
        "board-explorer",
        "actor",
        "add",
        path.to_str().unwrap(),
        "--name",
        name,
        "--kind",
        "person",
    ])
    .command
    .unwrap())
    .unwrap();
    assert!(added.contains(name), "{added}");
}

fn has_actor(d: &board_explorer::model::Dataset, name: &str) -> bool {
    d.actors.iter().any(|a| a.name == name)
}

#[test]
fn a_file_changed_on_disk_is_merged_into_before_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&path, &embedded()).unwrap();
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();

    // The other writer (the CLI) adds an actor while the window has nothing unsaved: the save
    // takes it in and writes it back, rather than asking or erasing it.
    add_actor_by_command(&path, "Second Writer");
    let outcome = app.perform(Command::Save);
    assert_eq!(
        outcome.written.as_deref(),
        Some(path.as_path()),
        "{outcome:?}"
    );
    assert!(has_actor(app.dataset(), "Second Writer"));
    assert!(has_actor(
        &load_file(&path).unwrap().dataset,
        "Second Writer"
    ));

    // With unsaved work in the window, another write meanwhile: both land, and the window
    // says what came in.
    let mut first = app.dataset().actors[0].clone();
    first.name = "Renamed In The Window".into();
    app.perform(Command::edit(
        board_explorer::model::Edit::ReplaceActor {
            at: 0,
            actor: first,
        },
        "Rename",
    ));
    add_actor_by_command(&path, "Third Writer");
    let outcome = app.perform(Command::Save);
    assert_eq!(
        outcome.written.as_deref(),
        Some(path.as_path()),
        "{outcome:?}"
    );
    assert!(outcome.confirm.is_none());
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("merged in"), "{notice}");
    let on_disk = load_file(&path).unwrap().dataset;
    assert!(has_actor(&on_disk, "Third Writer"));
    assert_eq!(on_disk.actors[0].name, "Renamed In The Window");
    // Undo takes the merge back, not the rename.
    app.perform(Command::Undo);
    assert!(!has_actor(app.dataset(), "Third Writer"));
    assert_eq!(app.dataset().actors[0].name, "Renamed In The Window");
}

#[test]
fn a_save_stops_when_both_sides_changed_one_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&path, &embedded()).unwrap();
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();
    let mut ours = app.dataset().actors[0].clone();
    ours.name = "Ours".into();
    app.perform(Command::edit(
        board_explorer::model::Edit::ReplaceActor { at: 0, actor: ours },
        "Rename",
    ));
    let mut theirs = embedded();
    theirs.actors[0].name = "Theirs".into();
    std::fs::write(&path, to_ron(&theirs)).unwrap();

    let outcome = app.perform(Command::Save);
    assert!(
        outcome.written.is_none() && outcome.is_error(),
        "{outcome:?}"
    );
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("Nothing was saved"), "{notice}");
    assert_eq!(load_file(&path).unwrap().dataset.actors[0].name, "Theirs");
    assert_eq!(app.dataset().merge_conflicts.len(), 1);
    // The file's side is now this document's base: the next save writes the conflict for
    // the editor to settle, without asking again.
    let outcome = app.perform(Command::Save);
    assert!(outcome.written.is_some(), "{outcome:?}");
    assert_eq!(load_file(&path).unwrap().dataset.merge_conflicts.len(), 1);
}

/// A save stops on a field changed on both sides even when the file's list of conflicts
/// keeps its length: here the other side settled an earlier conflict while both renamed one
/// actor differently (counting the list would miss the new one and write).
#[test]
fn a_save_stops_on_a_new_conflict_when_another_was_settled_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    let base = embedded();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actors[0].country = "Ourland".into();
    theirs.actors[0].country = "Theirland".into();
    let conflicted = board_explorer::model::merge::merge(base, ours, theirs)
        .unwrap()
        .dataset;
    assert_eq!(conflicted.merge_conflicts.len(), 1);
    save_file(&path, &conflicted).unwrap();
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();
    let mut mine = app.dataset().actors[1].clone();
    mine.name = "Renamed Here".into();
    app.perform(Command::edit(
        board_explorer::model::Edit::ReplaceActor { at: 1, actor: mine },
        "Rename",
    ));
    // The teammate settled the old conflict and renamed the same actor otherwise.
    let mut teammate = conflicted.clone();
    teammate.merge_conflicts.clear();
    teammate.actors[0].country = "Theirland".into();
    teammate.actors[1].name = "Renamed There".into();
    std::fs::write(&path, to_ron(&teammate)).unwrap();

    let outcome = app.perform(Command::Save);
    assert!(outcome.written.is_none(), "{outcome:?}");
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("Nothing was saved"), "{notice}");
    assert_eq!(
        load_file(&path).unwrap().dataset.actors[1].name,
        "Renamed There"
    );
}

#[test]
fn a_file_that_cannot_be_merged_from_is_not_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&path, &embedded()).unwrap();
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();
    let text = to_ron(&embedded());
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();

    let outcome = app.perform(Command::Save);
    assert_eq!(
        outcome.confirm,
        Some(Confirm::ChangedOnDisk { path: path.clone() })
    );
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("could not be merged"), "{notice}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text[..text.len() / 2]
    );

    // Overwrite, when chosen, overwrites.
    let outcome = app.perform(Command::Confirmed(Box::new(Command::SaveAs(path.clone()))));
    assert_eq!(outcome.written.as_deref(), Some(path.as_path()));
    assert_eq!(load_file(&path).unwrap().dataset, embedded());
}

/// The hash of a file just opened is taken once the session has derived (so it no longer
/// delays the window's first frame): a save still tells a change that kept the file's size
/// and time, and still saves over an unchanged file without asking.
#[test]
fn a_save_after_the_deferred_hash_sees_a_change_that_kept_size_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&path, &embedded()).unwrap();
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();
    let identity = format!("{:?}", app.document().identity().unwrap());
    assert!(
        !identity.contains("Waiting"),
        "hashing from open: {identity}"
    );
    let outcome = app.perform(Command::Save);
    assert_eq!(
        outcome.written.as_deref(),
        Some(path.as_path()),
        "{outcome:?}"
    );

    // Another program renames an actor with as many bytes and puts the time back.
    let (mut app, _) = Session::open(&path).unwrap();
    app.merge_on_save();
    let text = std::fs::read_to_string(&path).unwrap();
    let name = &embedded().actors[0].name;
    let theirs = text.replacen(name.as_str(), &"X".repeat(name.len()), 1);
    assert_ne!(theirs, text);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, &theirs).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert!(app.document().changed_on_disk(&path));
    let outcome = app.perform(Command::Save);
    assert_eq!(
        outcome.confirm,
        Some(Confirm::ChangedOnDisk { path: path.clone() }),
        "{outcome:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn two_generates_to_one_new_name_cannot_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..5 {
        let out = dir.path().join(format!("same{round}.ron"));
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let out = out.clone();
                std::thread::spawn(move || {
                    run(Cli::parse_from([
                        "board-explorer",
                        "generate",
                        "--actors",
                        "300",
                        "-o",
                        out.to_str().unwrap(),
                    ])
                    .command
                    .unwrap())
                })
            })
            .collect();
        let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        assert!(load_file(&out).is_ok());
    }
}

#[test]
fn snapshots_in_the_same_second_get_distinct_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = embedded();
    let paths: Vec<PathBuf> = (0..4)
        .map(|_| take_snapshot(dir.path(), &d, None, "same note").unwrap())
        .collect();
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "{paths:?}");
    assert_eq!(store::list_snapshots(dir.path()).len(), 4);
    assert!(!paths.iter().any(|p| backup_path(p).exists()));
}

#[test]
fn stale_temp_files_of_dead_writers_are_removed_at_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    save_file(&path, &embedded()).unwrap();
    // A process that has exited: its id names no running process now.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir.path().join(format!("d.ron.{dead}.tmp"));
    let stale_bak = dir.path().join(format!("d.ron.bak.{dead}.tmp"));
    // One of a running process (this one's parent) stays.
    let live = dir
        .path()
        .join(format!("d.ron.{}.tmp", std::os::unix::process::parent_id()));
    for p in [&stale, &stale_bak, &live] {
        std::fs::write(p, "half").unwrap();
    }
    save_file(&path, &embedded()).unwrap();
    assert!(!stale.exists() && !stale_bak.exists());
    assert!(live.exists());
}

#[cfg(unix)]
#[test]
fn a_save_keeps_permissions_and_writes_through_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    save_file(&real, &embedded()).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut d = embedded();
    d.actors[0].name = "Changed".into();
    save_file(&real, &d).unwrap();
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    d.actors[0].name = "Through the link".into();
    save_file(&link, &d).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load_file(&real).unwrap().dataset.actors[0].name,
        "Through the link"
    );
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// In the child: files may grow to 64 KiB only, and going past it is an error, not a signal.
fn limit_file_size() {
    // SAFETY: plain system calls on this process, with valid arguments.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 64 << 10,
            rlim_max: 64 << 10,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_write_stopped_by_a_file_size_limit_keeps_the_old_file_whole() {
    let name = child::name(
        module_path!(),
        "a_write_stopped_by_a_file_size_limit_keeps_the_old_file_whole",
    );
    if let Some(path) = child::job(&name) {
        limit_file_size();
        let err = store::write_atomic(&path, &vec![b'y'; 1 << 20]).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EFBIG), "{err}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let old = "the old file, whole".to_string();
    std::fs::write(&path, &old).unwrap();
    child::run(child::command(&name, &path));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}

#[test]
fn a_failed_backup_removes_its_temp_file_and_names_the_backup() {
    let name = child::name(
        module_path!(),
        "a_failed_backup_removes_its_temp_file_and_names_the_backup",
    );
    if let Some(path) = child::job(&name) {
        limit_file_size();
        let err = store::write_atomic(&path, b"small").unwrap_err();
        assert!(
            err.to_string()
                .contains(&backup_path(&path).display().to_string()),
            "{err}"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let old = vec![b'x'; 200 << 10];
    std::fs::write(&path, &old).unwrap();
    child::run(child::command(&name, &path));
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}
