//! Round trips with the field's tools: a dataset exported as the roster CSV, Popolo JSON or
//! FollowTheMoney entities, imported into an empty dataset, exported again, keeps what the
//! format keeps; a dataset's own export imported into itself brings nothing new. Bad files are
//! refused with their line, leaving the dataset as it was.

use std::collections::BTreeMap;

use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::{Dataset, Status};
use board_explorer::session::{Command, Document, ExportFormat, ImportFormat, Outcome, Session};
use board_explorer::store::{OnImport, ROSTER_COLUMNS, embedded};
use proptest::prelude::*;
use serde_json::Value;

use crate::bin::run;

/// A session on `d` that imported `text`, written to a file called `name`.
fn imported(d: Dataset, format: ImportFormat, text: &str, name: &str) -> (Session, Outcome) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut s = Session::new(Document::new(d, None));
    let outcome = s.perform(Command::Import { format, path });
    (s, outcome)
}

fn export(d: &Dataset, format: ExportFormat) -> String {
    Session::new(Document::new(d.clone(), None)).export_text(format)
}

/// The CSV's cells of the columns an import reads (not the derived ones), by actor id.
fn kept_columns(csv_text: &str) -> BTreeMap<String, Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let kept: Vec<usize> = ROSTER_COLUMNS
        .iter()
        .enumerate()
        .filter(|(_, c)| c.read != OnImport::Derived)
        .map(|(i, _)| i)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let cells: Vec<String> = kept.iter().map(|&i| r[i].to_string()).collect();
            (cells[0].clone(), cells)
        })
        .collect()
}

/// A generated dataset, some of its actors with Wikidata ids.
fn generated(actors: usize, seed: u64, wikidata: &[bool]) -> Dataset {
    let mut d = generate(Spec {
        actors,
        claims_per_actor: 3,
        sources: 3,
        events: 0,
        seed,
    });
    for (i, (a, has)) in d.actors.iter_mut().zip(wikidata.iter().cycle()).enumerate() {
        if *has {
            a.wikidata = Some(format!("Q{}", 1000 + i));
        }
    }
    d.touch();
    d
}

/// The import into itself: matched, nothing new, nothing changed.
fn nothing_new(d: &Dataset, format: ImportFormat, text: &str, name: &str) {
    let (s, outcome) = imported(d.clone(), format, text, name);
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("nothing new"), "{format:?}: {notice}");
    assert!(!s.document().is_dirty(), "{format:?}: {notice}");
    assert_eq!(s.dataset().claims.len(), d.claims.len());
    assert_eq!(s.dataset().sources.len(), d.sources.len());
}

proptest! {
    #![proptest_config(crate::proptest_config(12))]

    #[test]
    fn a_csv_export_imported_into_an_empty_dataset_exports_the_same_columns(
        actors in 1usize..25,
        seed in 0u64..1000,
        wikidata in proptest::collection::vec(any::<bool>(), 1..5),
    ) {
        let d = generated(actors, seed, &wikidata);
        let first = export(&d, ExportFormat::Csv);
        let (s, outcome) = imported(Dataset::new_body("x"), ImportFormat::Csv, &first, "r.csv");
        prop_assert!(!outcome.is_error(), "{:?}", outcome.notice);
        prop_assert_eq!(s.dataset().actors.len(), d.actors.len());
        let again = s.export_text(ExportFormat::Csv);
        prop_assert_eq!(kept_columns(&again), kept_columns(&first));
        // Into itself: nothing new.
        nothing_new(&d, ImportFormat::Csv, &first, "r.csv");
    }
}

#[test]
fn the_embedded_dataset_round_trips_through_csv_and_into_itself() {
    let d = embedded();
    let first = export(&d, ExportFormat::Csv);
    let (s, outcome) = imported(
        Dataset::new_body("x"),
        ImportFormat::Csv,
        &first,
        "board.csv",
    );
    let notice = outcome.notice.unwrap().text;
    assert!(
        notice.contains(&format!("created {} actors", d.actors.len())),
        "{notice}"
    );
    // One source, the file, its title the file's name and its text a description.
    let source = &s.dataset().sources[0];
    assert_eq!(source.title, "board.csv");
    assert!(
        source.text.starts_with("Imported from board.csv"),
        "{}",
        source.text
    );
    assert!(source.text.len() < 200);
    assert!(s.dataset().claims.iter().all(|c| c.source == source.id));
    assert_eq!(
        kept_columns(&s.export_text(ExportFormat::Csv)),
        kept_columns(&first)
    );
    nothing_new(&d, ImportFormat::Csv, &first, "board.csv");
}

/// Popolo's actors (id, name, kind for states and persons, Wikidata id) and memberships
/// (member, role), by id.
fn popolo_kept(text: &str) -> BTreeMap<String, String> {
    let doc: Value = serde_json::from_str(text).unwrap();
    let mut out = BTreeMap::new();
    for key in ["organizations", "persons"] {
        for o in doc[key].as_array().unwrap() {
            let what = format!(
                "{key} {} {} {}",
                o["name"], o["classification"], o["identifiers"]
            );
            out.insert(o["id"].as_str().unwrap().to_string(), what);
        }
    }
    for m in doc["memberships"].as_array().unwrap() {
        if m["organization_id"] != doc["organizations"][0]["id"] {
            continue; // a sub-body's: not imported
        }
        let member = m["person_id"]
            .as_str()
            .or(m["member"]["id"].as_str())
            .unwrap();
        out.insert(format!("membership {member}"), m["role"].to_string());
    }
    // Sub-bodies are not imported.
    out.retain(|_, v| !v.contains("sub-body"));
    out
}

#[test]
fn popolo_round_trips_into_an_empty_dataset_and_into_itself() {
    for d in [embedded(), generated(30, 7, &[true, false])] {
        let first = export(&d, ExportFormat::Popolo);
        let (s, outcome) = imported(
            Dataset::new_body("x"),
            ImportFormat::Popolo,
            &first,
            "p.json",
        );
        assert!(!outcome.is_error(), "{:?}", outcome.notice);
        // The body is named by the file's organization.
        assert_eq!(s.dataset().body.name, d.body.name);
        let again = s.export_text(ExportFormat::Popolo);
        let (before, after) = (popolo_kept(&first), popolo_kept(&again));
        assert_eq!(before, after);
        assert!(before.keys().any(|k| k.starts_with("membership")));
        nothing_new(&d, ImportFormat::Popolo, &first, "p.json");
    }
}

/// FollowTheMoney's actor entities (schema, name, Wikidata id, country code) and the
/// memberships of the body (member, role, status), by id.
fn ftm_kept(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let entities: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for e in &entities {
        let p = &e["properties"];
        let id = e["id"].as_str().unwrap().to_string();
        match e["schema"].as_str().unwrap() {
            "Membership" if p["organization"] == entities[0]["id"] => {
                out.insert(id, format!("{} {} {}", p["member"], p["role"], p["status"]));
            }
            "Person" | "Organization" => {
                out.insert(
                    id,
                    format!(
                        "{} {} {} {}",
                        e["schema"], p["name"], p["wikidataId"], p["nationality"]
                    ),
                );
            }
            "PublicBody" if p["parent"].is_null() && id != entities[0]["id"] => {
                out.insert(
                    id,
                    format!("{} {} {}", p["name"], p["wikidataId"], p["country"]),
                );
            }
            _ => {}
        }
    }
    out
}

#[test]
fn followthemoney_round_trips_into_an_empty_dataset_and_into_itself() {
    for d in [embedded(), generated(30, 11, &[false, true])] {
        let first = export(&d, ExportFormat::Ftm);
        let (s, outcome) = imported(
            Dataset::new_body("x"),
            ImportFormat::Ftm,
            &first,
            "e.ftm.json",
        );
        assert!(!outcome.is_error(), "{:?}", outcome.notice);
        assert_eq!(s.dataset().body.name, d.body.name);
        let (before, after) = (
            ftm_kept(&first),
            ftm_kept(&s.export_text(ExportFormat::Ftm)),
        );
        assert_eq!(before, after);
        if d.actors.iter().any(|a| a.wikidata.is_some()) {
            assert!(before.values().any(|v| v.contains("[\"Q1")), "{before:?}");
        }
        nothing_new(&d, ImportFormat::Ftm, &first, "e.ftm.json");
    }
}

#[test]
fn an_import_matches_by_id_then_wikidata_then_folded_name() {
    let d = embedded();
    let csv = "id,name,kind,wikidata,status\n\
               trump,Someone Else,person,,\n\
               ,Recep Tayyip Erdogan,person,,accepted\n\
               new-one,Ajay Banga,person,Q4699268,invited\n";
    let (s, outcome) = imported(d.clone(), ImportFormat::Csv, csv, "m.csv");
    let notice = outcome.notice.unwrap().text;
    assert!(notice.contains("created 1 actors, matched 2"), "{notice}");
    let after = s.dataset();
    // The name in the file that the actor lacked is kept as an alias.
    let trump = after.actor("trump").unwrap();
    assert!(trump.aliases.contains(&"Someone Else".to_string()));
    let erdogan = s
        .report()
        .rows
        .iter()
        .find(|r| r.actor.id == "erdogan")
        .unwrap()
        .row;
    assert_eq!(erdogan.status(after), Some(Status::Accepted));
    assert_eq!(
        after.actor("new-one").unwrap().wikidata.as_deref(),
        Some("Q4699268")
    );
    // By Wikidata id, whatever the name.
    let again = "name,kind,wikidata\nA. Banga,person,Q4699268\n";
    let (s2, outcome) = imported(after.clone(), ImportFormat::Csv, again, "w.csv");
    assert!(outcome.notice.unwrap().text.contains("matched 1"));
    assert_eq!(s2.dataset().actors.len(), after.actors.len());
    // One undo takes the whole import back.
    let mut s = s;
    s.perform(Command::Undo);
    assert_eq!(s.dataset().actors.len(), d.actors.len());
    assert_eq!(s.dataset().claims.len(), d.claims.len());
}

#[test]
fn rows_that_cannot_be_read_are_skipped_with_their_line() {
    let csv = "id,name,kind,wikidata,role\n\
               a,Good One,person,,\n\
               b,Bad Wikidata,person,not a qid,\n\
               c,Bad Kind,planet,,\n\
               d,Bad Role,person,,emperor\n";
    let (s, outcome) = imported(Dataset::new_body("x"), ImportFormat::Csv, csv, "s.csv");
    let detail = outcome.report.unwrap();
    assert!(outcome.notice.unwrap().text.contains("skipped 3"));
    assert!(
        detail.contains("line 3: \"not a qid\" is not a Wikidata id"),
        "{detail}"
    );
    assert!(
        detail.contains("line 4: \"planet\" is not a kind"),
        "{detail}"
    );
    assert!(
        detail.contains("line 5: role: \"emperor\" is not a role"),
        "{detail}"
    );
    assert_eq!(s.dataset().actors.len(), 1);
}

#[test]
fn bad_files_are_refused_with_their_line_and_change_nothing() {
    let cases: [(ImportFormat, &str, &str); 6] = [
        (ImportFormat::Csv, "id,name\na,A\nb,B,extra\n", "line 3"),
        (
            ImportFormat::Csv,
            "id,name,colour\na,A,red\n",
            "line 1: \"colour\" is not a column",
        ),
        (
            ImportFormat::Csv,
            "id,kind\na,person\n",
            "with one called \"name\"",
        ),
        (
            ImportFormat::Popolo,
            "{\"persons\": [\n{\"id\": 1}\n]}",
            "line 2",
        ),
        (ImportFormat::Popolo, "[1, 2]", "not Popolo JSON"),
        (
            ImportFormat::Ftm,
            "{\"id\":\"a\",\"schema\":\"Person\"}\n{oops\n",
            "line 2",
        ),
    ];
    for (format, text, said) in cases {
        let d = embedded();
        let (s, outcome) = imported(d.clone(), format, text, "bad.txt");
        assert!(outcome.is_error(), "{format:?} {text:?}");
        let notice = outcome.notice.unwrap().text;
        assert!(notice.contains(said), "{format:?}: {notice}");
        assert!(notice.contains("Nothing was changed"), "{notice}");
        assert!(!s.document().is_dirty());
        assert_eq!(s.dataset(), &d);
    }
}

#[test]
fn the_cli_imports_into_a_new_dataset_and_leaves_a_dataset_untouched_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    assert!(run(&["export", "--format", "popolo", "-o", &p("board.json")]).0);
    // A dataset that does not exist yet is made, named after the file's body.
    let (ok, out, err) = run(&["import", &p("board.json"), &p("new.ron")]);
    assert!(ok, "{err}");
    assert!(out.contains("created "), "{out}");
    assert!(out.contains("wrote "), "{out}");
    let (ok, check, _) = run(&["check", &p("new.ron")]);
    assert!(ok, "{check}");
    let (_, roster, _) = run(&["roster", &p("new.ron")]);
    assert!(roster.starts_with("Board of Peace"), "{roster}");
    // Into itself: nothing new, nothing written.
    let before = std::fs::read(p("new.ron")).unwrap();
    let (ok, out, _) = run(&[
        "import",
        "--format",
        "popolo",
        &p("board.json"),
        &p("new.ron"),
    ]);
    assert!(
        ok && out.contains("nothing new") && out.contains("nothing was written"),
        "{out}"
    );
    // A malformed file: the message names the line; the dataset is as it was.
    std::fs::write(p("bad.csv"), "id,name\na,A\nb,B,C\n").unwrap();
    let (ok, _, err) = run(&["import", &p("bad.csv"), &p("new.ron")]);
    assert!(!ok);
    assert!(err.contains("line 3: not a roster CSV"), "{err}");
    assert_eq!(std::fs::read(p("new.ron")).unwrap(), before);
    // -o refuses to replace a file without --force.
    let (ok, _, err) = run(&[
        "import",
        &p("board.json"),
        &p("new.ron"),
        "-o",
        &p("new.ron"),
    ]);
    assert!(!ok && err.contains("--force"), "{err}");
    // A name the format cannot be told from.
    std::fs::write(p("list.txt"), "x").unwrap();
    let (ok, _, err) = run(&["import", &p("list.txt"), &p("new.ron")]);
    assert!(!ok && err.contains("--format"), "{err}");
}

#[test]
fn what_the_cli_prints_from_a_file_shows_control_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    std::fs::write(p("evil.csv"), "name,kind\nA,\"x\u{1b}[31m\"\n").unwrap();
    let (ok, out, err) = run(&["import", &p("evil.csv"), &p("d.ron")]);
    assert!(ok, "{err}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("\\u{1b}"), "{out}");
}

/// Entities the `followthemoney` package itself makes (where it is installed, as for the
/// export's check) import as actors, a membership of the body and the body's name.
#[test]
fn entities_made_by_followthemoney_itself_import() {
    let Some(python) = crate::open_data_exports::ftm_python() else {
        return;
    };
    const MAKE: &str = r#"
import json
from followthemoney import model
def make(schema, id, **props):
    e = model.make_entity(schema)
    e.id = id
    for k, v in props.items():
        e.add(k, v)
    print(json.dumps(e.to_dict()))
make("PublicBody", "body-x", name="Test Board")
make("Person", "p1", name="Ada Lovelace", nationality="gb", wikidataId="Q7259", position="Envoy")
make("PublicBody", "s1", name="Norway", country="no")
make("Membership", "m1", member="p1", organization="body-x", role="chair", status="member",
     startDate="2026-01-22")
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", MAKE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let (s, outcome) = imported(
        Dataset::new_body("x"),
        ImportFormat::Ftm,
        &text,
        "made.jsonl",
    );
    assert!(!outcome.is_error(), "{:?}", outcome.notice);
    let d = s.dataset();
    assert_eq!(d.body.name, "Test Board");
    let ada = d.actor("p1").unwrap();
    assert_eq!(ada.wikidata.as_deref(), Some("Q7259"));
    assert!(ada.country.contains("United Kingdom"), "{}", ada.country);
    assert_eq!(
        d.actor("s1").unwrap().kind,
        board_explorer::model::ActorKind::State
    );
    let report = s.report();
    let row = report.rows.iter().find(|r| r.actor.id == "p1").unwrap();
    assert_eq!(row.row.status(d), Some(Status::Member));
    assert_eq!(
        report.joined(row.row, row.seat).unwrap().to_string(),
        "2026-01-22"
    );
}
