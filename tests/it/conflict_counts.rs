//! One conflict rule, counted alike everywhere (issue #12): `check`, `roster`,
//! `compare --conflicts-only` and the Markdown report's conflicts section give the same number,
//! on the embedded dataset and on a dataset with each case of the rule. Also: negative claims
//! and approximate dates from the command line, reliability and relays on import, and format
//! version 1 files opened, migrated, and written as version 2 only when saved.

use std::path::{Path, PathBuf};

use board_explorer::model::{Derived, Fact, Property, Reliability, Status};
use board_explorer::session::Session;
use board_explorer::store::{load_file, parse, save_file, to_ron};

use crate::bin;
use bin::run;

use crate::conflict_cases;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The number `check` prints before "conflicts".
fn check_count(file: Option<&Path>) -> usize {
    let mut args = vec!["check"];
    args.extend(file.map(s));
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let before = out.split(" conflicts").next().unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

/// The properties the roster's Conflict column lists, summed over the rows.
fn roster_count(file: Option<&Path>) -> usize {
    let mut args = vec!["roster"];
    args.extend(file.map(s));
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let column = lines[1].chars().count() - "Conflict".len();
    let table = lines[3..].iter().take_while(|l| !l.is_empty());
    let actors: usize = table
        .map(|l| {
            let cell: String = l.chars().skip(column).collect();
            cell.split(',').filter(|p| !p.trim().is_empty()).count()
        })
        .sum();
    // Below the table, one indented line per property of a body in conflict.
    let bodies = out
        .split("In conflict about bodies:\n")
        .nth(1)
        .map_or(0, |rest| {
            rest.lines().filter(|l| l.starts_with("  ")).count()
        });
    actors + bodies
}

/// The rows `compare --conflicts-only` prints, checked against its own summary line.
fn compare_count(file: Option<&Path>) -> usize {
    let mut args = vec!["compare"];
    args.extend(file.map(s));
    args.push("--conflicts-only");
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let rows = out.lines().skip(3).count();
    assert!(out.contains(&format!(", {rows} conflict,")), "{out}");
    rows
}

/// The entries of the Markdown report's conflicts section.
fn report_count(file: Option<&Path>) -> usize {
    let mut args = vec!["export"];
    args.extend(file.map(s));
    args.extend(["--format", "md"]);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let section = out
        .split("## Conflicts")
        .nth(1)
        .unwrap()
        .split("## Timeline")
        .next()
        .unwrap();
    section.lines().filter(|l| l.starts_with("- **")).count()
}

fn all_counts(file: Option<&Path>) -> [usize; 4] {
    [
        check_count(file),
        roster_count(file),
        compare_count(file),
        report_count(file),
    ]
}

#[test]
fn every_command_counts_the_cases_alike() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "cases.ron", &to_ron(&conflict_cases::dataset()));
    let n = conflict_cases::CONFLICTS;
    assert_eq!(all_counts(Some(&file)), [n; 4]);
}

#[test]
fn every_command_counts_the_embedded_dataset_alike() {
    let counts = all_counts(None);
    assert!(counts.iter().all(|&c| c == counts[0]), "{counts:?}");
    let session = Session::embedded();
    assert_eq!(counts[0], session.derived().conflicts);
}

#[test]
fn each_case_is_decided_by_the_rule() {
    let d = conflict_cases::dataset();
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    let row = |id: &str| &derived.roster.rows[derived.index.actor_by_id[id]];
    let status = |id: &str| row(id).get(Property::Status).unwrap();
    // History: the furthest step stands, no conflict.
    assert_eq!(row("netanyahu").status(&d), Some(Status::Accepted));
    assert!(!status("netanyahu").conflict);
    // A true conflict.
    assert!(status("putin").conflict);
    // The editor corrected itself: the newer hand edit stands.
    assert_eq!(row("milei").status(&d), Some(Status::Accepted));
    assert!(!status("milei").conflict);
    // The reliable wire's day wins; the aggregator's later one is flagged, not obeyed.
    let joined = row("israel").get(Property::Joined).unwrap();
    assert_eq!(
        row("israel").fact(&d, Property::Joined),
        Some(&Fact::Joined("2026-01-22".parse().unwrap()))
    );
    assert!(joined.conflict);
    assert_eq!(d.claims[joined.best].source, "wire");
    // The official list's "not a member" wins (high reliability) and is flagged.
    assert_eq!(row("carney").status_label(&d), "not member");
    assert_eq!(row("carney").status(&d), None);
    assert!(status("carney").conflict);
    // "In January" does not outrank the 20th: their order is unknown.
    assert!(status("sisi").conflict);
    // Two days of entry into force: the wire's (more reliable) stands, flagged.
    let [body] = derived.body_conflicts.as_slice() else {
        panic!("one body conflict: {:?}", derived.body_conflicts);
    };
    assert_eq!(body.property, Property::InForce);
    assert_eq!(d.claims[body.best].source, "wire");
    assert_eq!(body.rivals.len(), 1);
    // The day the Roster shows (terms count from it) is the winner the conflict names.
    assert_eq!(derived.body_dates.in_force.map(|(_, c)| c), Some(body.best));
    // Blair's place on the Executive Board is disputed; Rubio's "declined" on the Board
    // itself is about another body than his place on the Executive Board.
    let blair = derived.index.actor_by_id["blair"];
    let rubio = derived.index.actor_by_id["rubio"];
    let on_board: Vec<_> = derived.sub_body_conflicts.keys().copied().collect();
    assert_eq!(on_board, [blair]);
    assert_eq!(
        derived.sub_body_conflicts[&blair][0].body,
        "executive-board"
    );
    assert!(!status("rubio").conflict);
    assert!(!derived.sub_body_conflicts.contains_key(&rubio));
    assert_eq!(derived.conflicts, conflict_cases::CONFLICTS);
}

#[test]
fn ranking_a_body_claim_settles_its_conflict_in_the_count() {
    use board_explorer::model::{Edit, Rank};
    let mut d = conflict_cases::dataset();
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    // Settled on the Executive Board too: Blair's rival claim deprecated.
    let blair = derived.index.actor_by_id["blair"];
    let at = derived.sub_body_conflicts[&blair][0].rivals[0];
    let mut claim = d.claims[at].clone();
    claim.rank = Rank::Deprecated;
    let blair_edit = Edit::ReplaceClaim { at, claim };
    let blair_undo = blair_edit.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &blair_edit);
    assert_eq!(derived.conflicts, conflict_cases::CONFLICTS - 1);
    blair_undo.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &blair_undo);
    assert_eq!(derived.conflicts, conflict_cases::CONFLICTS);
    let at = derived.body_conflicts[0].rivals[0];
    let mut claim = d.claims[at].clone();
    claim.rank = Rank::Deprecated;
    let edit = Edit::ReplaceClaim { at, claim };
    let undo = edit.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &edit);
    assert_eq!(derived.conflicts, conflict_cases::CONFLICTS - 1);
    assert!(derived.body_conflicts.is_empty());
    undo.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &undo);
    assert_eq!(derived.conflicts, conflict_cases::CONFLICTS);
    // As of the 20th neither the wire nor Paper B had spoken: the count follows the date.
    derived.refresh(&d, Some("2026-01-20".parse().unwrap()));
    assert!(derived.body_conflicts.is_empty());
    let mut fresh = Derived::default();
    fresh.refresh(&d, Some("2026-01-20".parse().unwrap()));
    assert_eq!(derived.conflicts, fresh.conflicts);
}

#[test]
fn the_source_panel_names_reliability_and_relays() {
    let d = conflict_cases::dataset();
    let aggregator = d.source("aggregator").unwrap();
    assert_eq!(d.reliability(aggregator), Reliability::Low);
    assert_eq!(
        d.source_standing(aggregator),
        "low reliability, per Bloomberg"
    );
    assert_eq!(d.source_standing(d.source("paper-a").unwrap()), "");
}

#[test]
fn an_outlets_default_reliability_weighs_its_sources() {
    use board_explorer::model::{Edit, OutletReliability};
    let mut d = conflict_cases::dataset();
    // Paper B's "declined" against Paper A's "accepted" on the same day: a conflict, which
    // Paper B wins as the later claim. Make Paper A's outlet the more reliable: it wins.
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    let putin = derived.index.actor_by_id["putin"];
    let best = |derived: &Derived, d: &board_explorer::model::Dataset| {
        d.claims[derived.roster.rows[putin]
            .get(Property::Status)
            .unwrap()
            .best]
            .source
            .clone()
    };
    assert_eq!(best(&derived, &d), "paper-b");
    let edit = Edit::SetOutlets(vec![OutletReliability {
        outlet: "paper a".into(),
        reliability: Reliability::High,
    }]);
    edit.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &edit);
    assert_eq!(best(&derived, &d), "paper-a");
    let mut fresh = Derived::default();
    fresh.refresh(&d, None);
    assert_eq!(derived.roster, fresh.roster);
    assert_eq!(derived.conflicts, fresh.conflicts);
}

#[test]
fn claim_add_makes_a_negative_claim_with_an_approximate_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "cases.ron", &to_ron(&conflict_cases::dataset()));
    let (ok, out, err) = run(&[
        "claim",
        "add",
        s(&file),
        "--actor",
        "netanyahu",
        "--fact",
        "status!=member",
        "--source",
        "paper-a",
        "--as-of",
        "~2026-01-19",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("status = not member"), "{out}");
    let d = load_file(&file).unwrap().dataset;
    let claim = d.claims.last().unwrap();
    assert!(claim.negated);
    assert_eq!(claim.fact, Fact::Status(Status::Member));
    assert_eq!(claim.as_of.unwrap().to_string(), "~2026-01-19");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("negated: true") && text.contains("\"~2026-01-19\""));
    // "Not a member" against "accepted" is no conflict: accepting does not make a member.
    assert_eq!(check_count(Some(&file)), conflict_cases::CONFLICTS);
    let (ok, out, _) = run(&[
        "claim",
        "add",
        s(&file),
        "--actor",
        "netanyahu",
        "--fact",
        "status=not member",
        "--source",
        "paper-b",
    ]);
    assert!(ok && out.contains("not member"), "{out}");
}

#[test]
fn import_source_takes_an_approximate_date_a_reliability_and_a_relay() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "cases.ron", &to_ron(&conflict_cases::dataset()));
    let article = write(
        dir.path(),
        "site.txt",
        "Hungary has accepted, per Bloomberg.",
    );
    let (ok, _, err) = run(&[
        "import-source",
        s(&file),
        "--text",
        s(&article),
        "--outlet",
        "Some Site",
        "--date",
        "~2026-01-19",
        "--reliability",
        "low",
        "--relays",
        "Bloomberg",
    ]);
    assert!(ok, "{err}");
    let d = load_file(&file).unwrap().dataset;
    let source = d.sources.last().unwrap();
    assert_eq!(source.published.unwrap().to_string(), "~2026-01-19");
    assert_eq!(source.reliability, Some(Reliability::Low));
    assert_eq!(source.relays, "Bloomberg");
    let (ok, _, err) = run(&[
        "import-source",
        s(&file),
        "--text",
        s(&article),
        "--force",
        "--reliability",
        "dubious",
    ]);
    assert!(!ok && err.contains("high, normal or low"), "{err}");
}

#[test]
fn a_version_1_file_opens_and_is_written_as_version_2_only_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    // The embedded dataset as version 1 wrote it: it uses nothing version 2 added, so its
    // version-1 file differs from its version-2 file in the version line alone.
    let v2 = to_ron(&board_explorer::store::embedded());
    assert!(!v2.contains("negated") && !v2.contains("reliability") && !v2.contains("\"~"));
    let v1 = v2.replacen("version: 2,", "version: 1,", 1);
    assert_ne!(v1, v2);
    let file = write(dir.path(), "old.ron", &v1);
    // Opened and derived by the commands that only read: the file is left as it was.
    for verb in ["check", "roster", "seats", "compare"] {
        let (ok, _, err) = run(&[verb, s(&file)]);
        assert!(ok, "{verb}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), v1);
    // Migrated on load: what version 1 said reads as positive claims of normal reliability.
    let loaded = parse(&v1, None).unwrap();
    assert_eq!(loaded.version, 1);
    assert!(loaded.dataset.claims.iter().all(|c| !c.negated));
    assert!(
        loaded
            .dataset
            .sources
            .iter()
            .all(|s| loaded.dataset.reliability(s) == Reliability::Normal)
    );
    // Saving writes version 2, which reads back the same.
    save_file(&file, &loaded.dataset).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("version: 2,"), "{}", &text[..80]);
    let again = load_file(&file).unwrap();
    assert_eq!(again.version, 2);
    assert_eq!(again.dataset, loaded.dataset);
}

#[test]
fn version_2_fields_round_trip() {
    use board_explorer::model::OutletReliability;
    let mut d = conflict_cases::dataset();
    d.outlets.push(OutletReliability {
        outlet: "Paper A".into(),
        reliability: Reliability::High,
    });
    d.sources[0].published = Some("~2026-01-19".parse().unwrap());
    let back = parse(&to_ron(&d), None).unwrap().dataset;
    assert_eq!(back, d);
    assert!(back.claims.iter().any(|c| c.negated));
}

#[test]
fn a_source_form_can_make_its_grade_the_outlets_default() {
    use board_explorer::model::PartialDate;
    use board_explorer::model::data::source_ops::{SourceDraft, add_source};
    let mut d = conflict_cases::dataset();
    let draft = SourceDraft {
        outlet: "paper a".into(),
        title: "A second report".into(),
        text: "Putin has declined after all.".into(),
        reliability: Some(Reliability::Low),
        outlet_default: true,
        ..SourceDraft::default()
    };
    let today: PartialDate = "2026-02-01".parse().unwrap();
    let (edit, _) = add_source(&d, draft, today).unwrap();
    edit.apply(&mut d).unwrap();
    // The outlet's first report, without a grade of its own, now weighs as low.
    assert_eq!(
        d.reliability(d.source("paper-a").unwrap()),
        Reliability::Low
    );
    assert_eq!(d.outlets.len(), 1);
}

#[test]
fn the_html_report_lists_as_many_conflicts_and_names_the_sub_body_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "cases.ron", &to_ron(&conflict_cases::dataset()));
    let (ok, out, err) = run(&["export", s(&file), "--format", "html"]);
    assert!(ok, "{err}");
    let articles = out.matches("<article class=\"conflict\"").count();
    assert_eq!(articles, conflict_cases::CONFLICTS, "{out}");
    // The claim matrix gives Blair's place on the Executive Board a row of its own.
    assert!(out.contains("<td>Tony Blair (Executive Board)</td>"));
    assert!(out.contains("Tony Blair: status <span class=\"meta\">on the Executive Board</span>"));
}
