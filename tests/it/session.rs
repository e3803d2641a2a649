//! The session without a window: the same commands the window sends, and what they answer.

use board_explorer::model::data::ops::update_actor;
use board_explorer::model::derive::report::Report;
use board_explorer::model::{Rank, SeatKind};
use board_explorer::session::{Command, Confirm, ExportFormat, Focus, Session};

fn rename_putin(s: &Session) -> Command {
    let d = s.dataset();
    let at = d.actors.iter().position(|a| a.id == "putin").unwrap();
    let mut putin = d.actors[at].clone();
    putin.name = "Vladimir V. Putin".into();
    Command::edit(update_actor(d, at, putin).unwrap(), "Rename Putin")
}

fn putin_name(s: &Session) -> &str {
    &s.dataset().actor("putin").unwrap().name
}

#[test]
fn edits_undo_and_redo_with_derived_data_fresh_after_each() {
    let mut s = Session::embedded();
    let revision = s.derived().revision();
    let outcome = s.perform(rename_putin(&s));
    assert!(outcome.clear_notice && !outcome.is_error());
    assert_eq!(putin_name(&s), "Vladimir V. Putin");
    assert_ne!(
        s.derived().revision(),
        revision,
        "derived again after the edit"
    );
    assert_eq!(s.derived().revision(), s.dataset().revision.get());
    assert!(s.document().is_dirty());

    let undone = s.perform(Command::Undo);
    assert_eq!(undone.notice.unwrap().text, "Undid: Rename Putin");
    assert_eq!(putin_name(&s), "Vladimir Putin");
    assert!(!s.document().is_dirty());
    assert_eq!(s.derived().revision(), s.dataset().revision.get());
    s.perform(Command::Redo);
    assert_eq!(putin_name(&s), "Vladimir V. Putin");
}

#[test]
fn the_as_of_date_is_one_value_the_derived_data_follows() {
    let mut s = Session::embedded();
    let today = s.derived().roster.conflicts();
    let day = "2026-01-18".parse().unwrap();
    s.perform(Command::SetAsOf(Some(day)));
    assert_eq!(s.as_of(), Some(day));
    assert_eq!(s.derived().as_of(), Some(day));
    let report = s.report();
    assert_eq!(report.as_of, Some(day));
    // The day before the invitations were reported, nobody had a seat yet.
    assert!(report.members.is_empty(), "{:?}", report.members);
    s.perform(Command::SetAsOf(None));
    assert_eq!(s.derived().roster.conflicts(), today);
}

#[test]
fn replacing_unsaved_work_asks_first_and_goes_ahead_once_confirmed() {
    let mut s = Session::embedded();
    s.perform(rename_putin(&s));
    let outcome = s.perform(Command::New);
    let Some(Confirm::UnsavedChanges { then }) = outcome.confirm else {
        panic!("no question asked: {outcome:?}");
    };
    assert_eq!(*then, Command::New);
    assert_eq!(putin_name(&s), "Vladimir V. Putin", "nothing replaced yet");

    let outcome = s.perform(Command::Confirmed(then));
    assert!(outcome.replaced);
    assert!(s.dataset().actors.is_empty());
    assert_eq!(s.dataset().body.name, "New body");
    assert_eq!(s.selection, Default::default());
}

#[test]
fn navigation_selects_and_says_what_to_show() {
    let mut s = Session::embedded();
    let outcome = s.perform(Command::ShowActor("putin".into()));
    assert_eq!(outcome.focus, Some(Focus::Actor("putin".into())));
    assert_eq!(s.selection.actor.as_deref(), Some("putin"));
    let outcome = s.perform(Command::ShowSource {
        source: "dpa-2026-01-19".into(),
        claim: None,
    });
    assert!(matches!(outcome.focus, Some(Focus::Source { .. })));
    assert_eq!(
        s.selection.source,
        Some(("dpa-2026-01-19".to_string(), None))
    );
}

#[test]
fn save_export_and_snapshots_go_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::embedded();
    s.set_snapshots_dir(dir.path().to_path_buf());

    let saved = dir.path().join("board.ron");
    let outcome = s.perform(Command::SaveAs(saved.clone()));
    assert_eq!(outcome.written.as_deref(), Some(saved.as_path()));
    assert!(!s.document().is_dirty());
    assert_eq!(s.document().path.as_deref(), Some(saved.as_path()));

    let csv = dir.path().join("roster.csv");
    s.perform(Command::Export {
        format: ExportFormat::Csv,
        path: csv.clone(),
        with_texts: false,
    });
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        s.export_text(ExportFormat::Csv)
    );

    let taken = s.perform(Command::TakeSnapshot {
        note: "before".into(),
    });
    let snapshot = taken.written.expect("the snapshot's file");
    assert_eq!(s.snapshots().len(), 1);

    // Read-only: edits and saves are refused, and closing brings the work back.
    s.perform(Command::OpenSnapshot(snapshot.clone()));
    assert!(s.read_only().is_some());
    assert!(s.perform(rename_putin(&s)).is_error());
    assert!(s.perform(Command::Save).is_error());
    assert_eq!(putin_name(&s), "Vladimir Putin");
    s.perform(Command::CloseSnapshot);
    assert!(s.read_only().is_none());
    assert_eq!(s.document().path.as_deref(), Some(saved.as_path()));

    let at = s.derived().index.actor_by_id["putin"];
    let (delete, _) = board_explorer::model::data::ops::delete_actor(s.dataset(), at);
    s.perform(Command::edit(delete, "Delete Putin"));
    let compared = s.perform(Command::CompareSnapshot(snapshot));
    let (_, changes) = compared.comparison.expect("a comparison");
    assert!(changes.contains("Vladimir Putin"), "{changes}");
}

#[test]
fn opening_a_bad_file_keeps_the_open_dataset_and_says_why_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: \"board-explorer\", version: 9)").unwrap();
    let mut s = Session::embedded();
    let before = s.dataset().clone();
    let outcome = s.perform(Command::Open(bad));
    assert!(outcome.is_error());
    assert!(outcome.detail.is_some());
    assert!(!outcome.replaced);
    assert!(s.dataset() == &before);
}

#[test]
fn the_report_holds_conflicts_with_their_competing_claims() {
    let s = Session::embedded();
    let report: Report = s.report();
    assert_eq!(report.conflicts.len(), s.derived().conflicts);
    for c in &report.conflicts {
        assert!(c.claims.len() >= 2, "{} {:?}", c.actor.name, c.property);
        let rank = c.claims[0].claim.rank;
        assert!(c.claims.iter().all(|k| k.claim.rank == rank));
        assert!(c.claims.iter().all(|k| k.claim.rank != Rank::Deprecated));
    }
    assert_eq!(report.rows.len(), s.dataset().actors.len());
    // Members are the rows with a seat (or members without one), and the totals count
    // exactly them.
    let t = &report.totals;
    assert_eq!(
        t.chair + t.permanent + t.term + t.seatless,
        report.members.len()
    );
    assert!(report.member_rows().all(|r| r.seat.kind != SeatKind::None));
}

#[test]
fn autosave_writes_after_quiet_seconds_on_the_callers_clock() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = board_explorer::session::recovery_path(dir.path());
    let mut s = Session::embedded();
    assert!(!s.enable_recovery(recovery.clone()).is_error());
    s.perform(rename_putin(&s));
    let tick = s.autosave(10.0);
    assert!(tick.again_after.is_some_and(|t| t > 0.0));
    assert!(!recovery.exists(), "not before the quiet seconds");
    s.autosave(10.0 + board_explorer::session::AUTOSAVE_AFTER_SECONDS);
    assert!(recovery.exists());

    let mut next = Session::embedded();
    next.enable_recovery(recovery.clone());
    assert!(next.recovery_offer().is_some());
    let outcome = next.perform(Command::RestoreRecovery);
    assert!(outcome.replaced);
    assert_eq!(putin_name(&next), "Vladimir V. Putin");
    assert!(next.document().is_dirty());
}

/// The session's derived data, kept up to date edit by edit, against a derive from scratch.
fn same_as_fresh(s: &Session) {
    let mut fresh = board_explorer::model::Derived::default();
    fresh.refresh(s.dataset(), s.as_of());
    let ours = s.derived();
    assert_eq!(ours.conflicts, fresh.conflicts);
    assert_eq!(ours.seats, fresh.seats);
    assert_eq!(ours.roster.rows.len(), fresh.roster.rows.len());
    for (a, b) in ours.roster.rows.iter().zip(&fresh.roster.rows) {
        assert_eq!(a.status(s.dataset()), b.status(s.dataset()));
        assert_eq!(a.sources, b.sources);
        assert_eq!(a.conflicts(), b.conflicts());
    }
}

#[test]
fn derived_data_follows_edits_undo_and_redo_as_a_fresh_derive_would() {
    let mut s = Session::embedded();
    let at = s.derived().index.actor_by_id["putin"];
    let claim = s.derived().index.claims_by_actor[at][0];
    let edit = board_explorer::model::data::ops::set_rank(s.dataset(), claim, Rank::Deprecated);
    s.perform(Command::edit(edit, "Deprecate"));
    same_as_fresh(&s);
    let (delete, _) = board_explorer::model::data::ops::delete_actor(s.dataset(), at);
    s.perform(Command::edit(delete, "Delete Putin"));
    same_as_fresh(&s);
    s.perform(Command::SetAsOf(Some("2026-01-18".parse().unwrap())));
    same_as_fresh(&s);
    s.perform(Command::Undo);
    same_as_fresh(&s);
    s.perform(Command::Undo);
    same_as_fresh(&s);
    s.perform(Command::Redo);
    same_as_fresh(&s);
}

#[test]
fn quitting_without_saving_leaves_no_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = board_explorer::session::recovery_path(dir.path());
    let mut s = Session::embedded();
    s.enable_recovery(recovery.clone());
    s.perform(rename_putin(&s));
    s.autosave(0.0);
    s.autosave(10.0);
    assert!(recovery.exists());
    // Quit ▸ Don't save.
    let outcome = s.perform(Command::Confirmed(Box::new(Command::Quit)));
    assert!(outcome.quit);
    assert!(!recovery.exists());
    // The frames before the window closes write nothing back.
    s.autosave(20.0);
    s.autosave(30.0);
    assert!(!recovery.exists());
}
