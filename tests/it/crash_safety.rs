//! Power cuts and crashes: a child process saving over and over is killed at random moments,
//! and a child app with unsaved work is killed after its autosave. What is on disk must always
//! be a whole file (the old version or the new), and the next start must offer the work back.
//!
//! The child is this test binary run again with an environment variable naming its job
//! (`common/child.rs`).

use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use board_explorer::document::Document;
use board_explorer::model::Dataset;
use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::store::{self, backup_path, load_file, save_file, to_ron};
use board_explorer::ui::BoardExplorerApp;

use crate::child;

/// Two versions of a dataset big enough that a save takes a few milliseconds.
fn versions() -> [Dataset; 2] {
    let spec = |seed| Spec {
        actors: 1_500,
        claims_per_actor: 4,
        sources: 10,
        events: 50,
        seed,
    };
    [generate(spec(1)), generate(spec(2))]
}

/// Runs this binary's test `test` (its full name) as a child with `arg` as its job.
fn spawn(test: &str, arg: &Path) -> Child {
    child::command(test, arg)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the test binary runs again")
}

/// Waits until `what` holds, failing if the child gives up first.
fn wait_for(child: &mut Child, what: impl Fn() -> bool) {
    let start = Instant::now();
    while !what() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the child exited ({status}) before it got there");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the child never got there"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    let name = child::name(
        module_path!(),
        "a_save_killed_at_any_moment_leaves_a_whole_file",
    );
    let [a, b] = versions();
    let texts = [to_ron(&a), to_ron(&b)];
    if let Some(path) = child::job(&name) {
        // The child: write the two versions in turn until killed. They are serialised once, so
        // nearly all its time is spent writing: where a power cut does harm.
        loop {
            for text in &texts {
                store::write_atomic(&path, text.as_bytes()).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    save_file(&path, &a).unwrap();
    let modified = || std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut cut_mid_write = 0;
    for round in 0..25 {
        let before = modified();
        let mut child = spawn(&name, &path);
        // Once it is writing, kill it at a random moment within a few writes.
        wait_for(&mut child, || modified() != before);
        std::thread::sleep(Duration::from_micros(rng.u64(0..60_000)));
        let pid = child.id();
        child.kill().unwrap();
        child.wait().unwrap();
        // A temporary file left behind means the kill landed in the middle of writing.
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().contains(&format!(".{pid}.tmp"))
            })
            .count();
        cut_mid_write += usize::from(leftovers > 0);
        for file in [path.clone(), backup_path(&path)] {
            if round == 0 && !file.exists() {
                continue;
            }
            let loaded = load_file(&file)
                .unwrap_or_else(|e| panic!("round {round}: {} is damaged: {e}", file.display()));
            let text = to_ron(&loaded.dataset);
            assert!(
                texts.contains(&text),
                "round {round}: {} is neither version",
                file.display()
            );
        }
    }
    assert!(
        cut_mid_write > 0,
        "no kill landed in the middle of a write; the test proved nothing"
    );
    eprintln!("{cut_mid_write} of 25 kills landed in the middle of a write");
}

#[test]
fn a_crash_with_unsaved_work_offers_it_back_on_the_next_start() {
    let name = child::name(
        module_path!(),
        "a_crash_with_unsaved_work_offers_it_back_on_the_next_start",
    );
    if let Some(recovery) = child::job(&name) {
        // The child: the app with autosave on; one edit; frames until it autosaved; then it
        // waits to be killed, as a crash would take it, without any chance to clean up.
        let mut app = BoardExplorerApp::with_document(Document::embedded());
        app.enable_recovery(recovery.clone());
        let ctx = egui::Context::default();
        let mut t = 0.0;
        let frame = |app: &mut BoardExplorerApp, t: f64| {
            let input = egui::RawInput {
                time: Some(t),
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| app.ui(ui));
            output.textures_delta.clear(); // No renderer here to upload fonts to.
        };
        frame(&mut app, t);
        let d = app.session.document().dataset();
        let at = d.actors.iter().position(|x| x.id == "putin").unwrap();
        let mut putin = d.actors[at].clone();
        putin.name = "Vladimir V. Putin".into();
        let edit = board_explorer::model::data::ops::update_actor(d, at, putin).unwrap();
        app.perform(board_explorer::session::Command::edit(edit, "Rename"));
        loop {
            t += 0.5;
            frame(&mut app, t);
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let recovery = store::recovery_path(dir.path());
    let mut child = spawn(&name, &recovery);
    wait_for(&mut child, || recovery.exists());
    std::thread::sleep(Duration::from_millis(50));
    child.kill().unwrap();
    child.wait().unwrap();

    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.enable_recovery(recovery.clone());
    let offer = app
        .session
        .recovery_offer()
        .expect("the autosaved work is offered");
    assert!(
        offer
            .dataset
            .actors
            .iter()
            .any(|a| a.name == "Vladimir V. Putin"),
        "the offer holds the unsaved edit"
    );
}

#[test]
fn two_instances_keep_separate_recovery_files() {
    use board_explorer::session::{Command as SessionCommand, Session};
    let name = child::name(module_path!(), "two_instances_keep_separate_recovery_files");
    let renamed = || {
        let mut d = store::embedded();
        d.actors[0].name = "Unsaved in the other instance".into();
        d
    };
    if let Some(dir) = child::job(&name) {
        // The child: another running instance whose unsaved work is autosaved; it waits to be
        // killed.
        let own = store::recovery_path(&dir);
        store::write_recovery(&own, None, &renamed(), &[]).unwrap();
        std::fs::write(dir.join("child-ready"), "").unwrap();
        loop {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn(&name, dir.path());
    wait_for(&mut child, || dir.path().join("child-ready").exists());
    let recovery_files = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".recovery-") && n.ends_with(".ron"))
            .collect::<Vec<_>>()
    };
    let theirs = recovery_files();
    assert_eq!(theirs.len(), 1);

    // While it runs, this instance neither offers its work nor deletes it.
    let mut s = Session::embedded();
    s.enable_recovery(store::recovery_path(dir.path()));
    assert!(s.recovery_offer().is_none());
    s.perform(SessionCommand::DiscardRecovery);
    assert_eq!(recovery_files(), theirs);

    // Once it is gone, its work is offered, and taking it keeps it until saved.
    child.kill().unwrap();
    child.wait().unwrap();
    let mut next = Session::embedded();
    next.enable_recovery(store::recovery_path(dir.path()));
    let offer = next
        .recovery_offer()
        .expect("the dead instance's work is offered");
    assert_eq!(
        offer.dataset.actors[0].name,
        "Unsaved in the other instance"
    );
    next.perform(SessionCommand::RestoreRecovery);
    assert_eq!(
        next.dataset().actors[0].name,
        "Unsaved in the other instance"
    );
    assert!(store::recovery_path(dir.path()).exists(), "adopted as ours");
}

/// A clean exit removes this instance's lock file; work it never saved stays in the recovery
/// file and the next start offers it, as after a crash.
#[test]
fn a_clean_exit_leaves_no_lock_file_and_unsaved_work_is_offered_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let locks = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".lock"))
            .count()
    };
    let mut s = board_explorer::session::Session::embedded();
    let recovery = store::recovery_path(dir.path());
    s.enable_recovery(recovery.clone());
    assert_eq!(locks(), 1, "held while it runs");
    s.close();
    assert_eq!(locks(), 0, "removed on a clean exit");

    // Unsaved work at exit: the file stays and is offered by the next instance.
    store::write_recovery(&recovery, None, &store::embedded(), &[]).unwrap();
    let mut next = board_explorer::session::Session::embedded();
    next.enable_recovery(store::recovery_path(dir.path()));
    assert!(next.recovery_offer().is_some());
    next.close();
    assert_eq!(locks(), 0);
}
