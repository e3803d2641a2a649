//! The session watches its open file: a change on disk reloads a clean document (one undoable
//! step, saying what came in) and is merged into a document with unsaved edits.

use std::path::Path;

use board_explorer::model::{Actor, Edit, Fact, Status, Subject};
use board_explorer::session::{Command, Session};
use board_explorer::store::{embedded, load_file, to_ron};

fn write(path: &Path, d: &board_explorer::model::Dataset) {
    std::fs::write(path, to_ron(d)).unwrap();
}

fn rename(s: &Session, at: usize, name: &str) -> Command {
    let mut actor = s.dataset().actors[at].clone();
    actor.name = name.into();
    Command::edit(
        Edit::ReplaceActor { at, actor },
        format!("Rename to {name}"),
    )
}

fn opened(dir: &Path) -> (Session, std::path::PathBuf) {
    let path = dir.join("board.ron");
    write(&path, &embedded());
    let (mut s, _) = Session::open(&path).unwrap();
    assert!(s.watch_file(0.0).is_none(), "nothing changed yet");
    (s, path)
}

#[test]
fn a_clean_document_reloads_and_says_what_came_in_with_undo_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path) = opened(dir.path());
    // An edit, saved: history the reload must not lose.
    s.perform(rename(&s, 0, "First Edit"));
    assert!(!s.perform(Command::Save).is_error());

    let mut theirs = load_file(&path).unwrap().dataset;
    theirs.actors.push(Actor {
        id: "newcomer".into(),
        name: "A Newcomer".into(),
        ..Actor::default()
    });
    theirs.actors[1].name = "Renamed Elsewhere".into();
    let mut claim = theirs.claims[0].clone();
    claim.id = "c-pulled".into();
    claim.subject = Subject::Actor("newcomer".into());
    claim.fact = Fact::Status(Status::Invited);
    theirs.claims.push(claim);
    write(&path, &theirs);

    assert!(
        s.watch_file(0.5).is_none(),
        "not due before a second has passed"
    );
    let outcome = s.watch_file(2.0).expect("the change is taken in");
    assert!(!outcome.is_error(), "{:?}", outcome.notice);
    let (_, words) = outcome.comparison.expect("what came in is shown");
    assert!(
        words.contains("A Newcomer appears: status invited"),
        "{words}"
    );
    assert_eq!(s.dataset(), &theirs);
    assert!(
        !s.document().is_dirty(),
        "the document is what the file holds"
    );
    // Undo takes back the reload, then the edit before it.
    assert_eq!(s.document().undo_label(), Some("Reload from disk"));
    s.perform(Command::Undo);
    s.perform(Command::Undo);
    assert_eq!(s.dataset().actors[0].name, embedded().actors[0].name);
    assert!(s.dataset().actor("newcomer").is_none());
}

#[test]
fn unsaved_edits_get_the_disk_changes_merged_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path) = opened(dir.path());
    s.perform(rename(&s, 0, "Mine"));
    s.perform(rename(&s, 2, "Mine Too"));
    assert!(s.document().is_dirty());

    let mut theirs = embedded();
    theirs.actors[1].name = "Theirs".into();
    theirs.actors[2].name = "Theirs Too".into();
    write(&path, &theirs);

    let outcome = s.watch_file(2.0).expect("the change is taken in");
    let d = s.dataset();
    assert_eq!(d.actors[0].name, "Mine");
    assert_eq!(d.actors[1].name, "Theirs");
    // Both renamed actor 2: ours stays in place, the conflict is listed.
    assert_eq!(d.actors[2].name, "Mine Too");
    assert_eq!(d.merge_conflicts.len(), 1);
    assert!(outcome.is_error(), "a conflict is pointed out");
    assert!(s.document().is_dirty(), "the merged work is not saved yet");
    // Saving does not ask about the change on disk: it was taken in.
    assert!(!s.perform(Command::Save).is_error());
    assert_eq!(load_file(&path).unwrap().dataset.actors[1].name, "Theirs");
}

/// Claims that come in from the file (a teammate's, made before authors were recorded) or
/// that settling a merge conflict brings back keep the author they had: the reporter who
/// took them in did not make them.
#[test]
fn claims_taken_in_or_settled_are_not_signed_by_whoever_took_them_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path) = opened(dir.path());
    s.perform(Command::SetAuthor("Dana Reporter".into()));
    s.perform(rename(&s, 0, "Unsaved Edit"));
    let mut theirs = embedded();
    let mut claim = theirs.claims[0].clone();
    claim.id = "c-teammates".into();
    claim.author = String::new();
    theirs.claims.push(claim);
    write(&path, &theirs);
    s.watch_file(2.0).expect("the change is taken in");
    let taken = s.dataset().claims.iter().find(|c| c.id == "c-teammates");
    assert_eq!(taken.map(|c| c.author.as_str()), Some(""));

    // A claim made here is signed.
    let mut mine = s.dataset().claims[0].clone();
    mine.id = "c-mine".into();
    mine.author = String::new();
    let at = s.dataset().claims.len();
    s.perform(Command::edit(
        Edit::InsertClaim { at, claim: mine },
        "Add claim",
    ));
    let made = s.dataset().claims.iter().find(|c| c.id == "c-mine");
    assert_eq!(made.map(|c| c.author.as_str()), Some("Dana Reporter"));
}
