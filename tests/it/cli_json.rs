//! `--format json` on the commands that read (`roster`, `seats`, `compare`, `diff`, `check`,
//! `claims`): parsed with serde_json, its values checked against the embedded dataset and a
//! small dataset built with `claim add`.

use serde_json::Value;

use crate::bin::run;

/// The command's standard output parsed as JSON; it must succeed.
fn json(args: &[&str]) -> Value {
    let (ok, out, err) = run(args);
    assert!(ok, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
}

/// The embedded dataset in a file of its own.
fn embedded_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = crate::bin::s(&crate::bin::dataset_file(dir.path())).to_string();
    (dir, file)
}

/// The embedded dataset in a file, with Israel accepted and pledging $1 billion (a permanent
/// seat) and Russia accepted and pledging $10 million (a term seat), on the editor's word.
fn built() -> (tempfile::TempDir, String) {
    let (dir, file) = embedded_file();
    for (actor, fact) in [
        ("israel", "status=accepted"),
        ("israel", "pledge=1 billion USD"),
        ("russia", "status=accepted"),
        ("russia", "pledge=10 million USD"),
    ] {
        let (ok, _, err) = run(&[
            "claim",
            "add",
            &file,
            "--actor",
            actor,
            "--fact",
            fact,
            "--source",
            "editors-note",
            "--as-of",
            "2026-01-22",
        ]);
        assert!(ok, "{err}");
    }
    (dir, file)
}

fn by_id<'v>(list: &'v Value, id: &str) -> &'v Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list}"))
}

#[test]
fn roster_json_gives_each_actor_with_status_role_seat_and_pledge() {
    let v = json(&["roster", "--format", "json"]);
    assert_eq!(v["body"]["id"], "board-of-peace");
    assert_eq!(v["as_of"], Value::Null);
    let actors = &v["actors"];
    assert_eq!(
        actors.as_array().unwrap().len(),
        board_explorer::store::embedded().actors.len()
    );
    let trump = by_id(actors, "trump");
    assert_eq!(trump["name"], "Donald Trump");
    assert_eq!(trump["status"], "member");
    assert_eq!(trump["role"], "chair");
    assert_eq!(trump["seat"], "chair");
    assert_eq!(trump["sources"], 2);
    assert_eq!(by_id(actors, "putin")["status"], "reviewing");
    assert_eq!(by_id(actors, "russia")["status"], Value::Null);

    let (_dir, file) = built();
    let v = json(&["roster", &file, "--format", "json", "--as-of", "2026-01-22"]);
    assert_eq!(v["as_of"], "2026-01-22");
    let israel = by_id(&v["actors"], "israel");
    assert_eq!(israel["status"], "accepted");
    assert_eq!(israel["seat"], "permanent");
    assert_eq!(
        israel["pledge"],
        serde_json::json!({"amount": 1_000_000_000u64, "currency": "USD"})
    );
    // The day before, the editor's claims were not yet known.
    let v = json(&["roster", &file, "--format", "json", "--as-of", "2026-01-21"]);
    assert_eq!(by_id(&v["actors"], "israel")["pledge"], Value::Null);
}

#[test]
fn seats_json_gives_terms_as_dates_and_money_as_amount_and_currency() {
    let (_dir, file) = built();
    let v = json(&["seats", &file, "--format", "json"]);
    let russia = by_id(&v["members"], "russia");
    assert_eq!(russia["seat"], "term");
    assert_eq!(russia["term_start"], "2026-01-22");
    assert_eq!(russia["term_end"], "2029-01-22");
    assert_eq!(
        russia["shortfall"],
        serde_json::json!({"amount": 990_000_000u64, "currency": "USD"})
    );
    assert!(russia["reason"].as_str().unwrap().contains("3-year term"));
    assert_eq!(by_id(&v["members"], "israel")["seat"], "permanent");
    let t = &v["totals"];
    assert_eq!(t["permanent"], 1);
    assert_eq!(t["term"], 1);
    assert_eq!(t["chair"], 1);
    assert_eq!(t["seatless"], 4);
    assert_eq!(t["pledged"]["amount"], 1_010_000_000u64);
    assert_eq!(t["terms_ending"]["2029"], 1);
}

#[test]
fn compare_json_counts_verdicts_and_says_what_each_source_says() {
    let v = json(&["compare", "--format", "json"]);
    let rows = v["rows"].as_array().unwrap();
    let counts = &v["counts"];
    for verdict in ["agree", "conflict", "single source", "history"] {
        let key = verdict.split(' ').next().unwrap();
        let n = rows.iter().filter(|r| r["verdict"] == verdict).count();
        assert_eq!(counts[key], n, "{verdict}");
    }
    assert!(counts["agree"].as_u64().unwrap() > 0);
    let role = rows
        .iter()
        .find(|r| r["subject"] == "trump" && r["property"] == "role")
        .unwrap();
    assert_eq!(role["says"]["report-a"], serde_json::json!(["chair"]));
    assert_eq!(role["says"]["dpa-2026-01-19"], serde_json::json!(["chair"]));
    assert_eq!(role["verdict"], "agree");
    // --conflicts-only: the embedded reports do not conflict.
    let v = json(&["compare", "--format", "json", "--conflicts-only"]);
    assert_eq!(v["rows"], serde_json::json!([]));
}

#[test]
fn diff_json_lists_each_change_with_its_kind() {
    let (_dir, file) = built();
    let v = json(&[
        "diff",
        "assets/board_of_peace.ron",
        &file,
        "--format",
        "json",
    ]);
    let changes = v["changes"].as_array().unwrap();
    let kinds = |kind: &str| changes.iter().filter(|c| c["kind"] == kind).count();
    assert_eq!(kinds("claim_added"), 4);
    assert!(changes.iter().any(|c| c["kind"] == "changed"
        && c["subject"] == "Israel"
        && c["text"] == "Israel: seat — → permanent"));
}

#[test]
fn check_json_counts_records_and_errors_stay_text_on_stderr() {
    let d = board_explorer::store::embedded();
    let v = json(&["check", "--format", "json"]);
    assert_eq!(v["file"], Value::Null);
    assert_eq!(v["actors"], d.actors.len());
    assert_eq!(v["claims"], d.claims.len());
    assert_eq!(v["conflicts"], 0);
    let (ok, out, err) = run(&["check", "/no/such/file.ron", "--format", "json"]);
    assert!(!ok);
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: ") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn claims_filters_by_actor_source_property_and_day() {
    let v = json(&["claims", "--actor", "trump", "--format", "json"]);
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 6);
    assert!(claims.iter().all(|c| c["subject"] == "trump"));
    let role = by_id(&v["claims"], "c-trump-role-dpa");
    assert_eq!(role["property"], "role");
    assert_eq!(role["value"], "chair");
    assert_eq!(role["source"], "dpa-2026-01-19");
    assert_eq!(role["quote"], "Trump himself chairs the board");
    assert_eq!(role["as_of"], "2026-01-19");
    assert_eq!(role["rank"], "normal");

    let v = json(&[
        "claims",
        "--actor",
        "trump",
        "--source",
        "report-a",
        "--property",
        "status",
        "--format",
        "json",
    ]);
    let ids: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c-trump-status-a"]);

    let (_dir, file) = built();
    let v = json(&["claims", &file, "--property", "pledge", "--format", "json"]);
    let pledge = by_id(&v["claims"], "c-israel-pledge-editor");
    assert_eq!(
        pledge["money"],
        serde_json::json!({"amount": 1_000_000_000u64, "currency": "USD"})
    );
    assert_eq!(pledge["quote"], Value::Null);
    // Known on the 21st: none of the editor's claims of the 22nd.
    let v = json(&[
        "claims",
        &file,
        "--property",
        "pledge",
        "--as-of",
        "2026-01-21",
        "--format",
        "json",
    ]);
    assert_eq!(v["claims"], serde_json::json!([]));
    assert_eq!(v["as_of"], "2026-01-21");

    // The table, for people; an unknown actor or property is refused in words.
    let (ok, out, _) = run(&["claims", "--actor", "trump"]);
    assert!(ok);
    assert!(out.starts_with("6 claims\n"), "{out}");
    let (ok, _, err) = run(&["claims", "--actor", "nobody"]);
    assert!(!ok);
    assert!(err.contains("no actor \"nobody\""), "{err}");
    let (ok, _, err) = run(&["claims", "--property", "height"]);
    assert!(!ok);
    assert!(err.contains("the properties are"), "{err}");
}

#[test]
fn json_output_is_exact_where_the_table_escapes() {
    // A name with an escape character and a right-to-left mark: the table shows the escape
    // visibly; JSON carries both characters as they are.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let mut d = board_explorer::store::embedded();
    d.actors[0].name = "Don\u{1b}[31mald \u{200f}Trump".into();
    std::fs::write(&path, board_explorer::store::to_ron(&d)).unwrap();
    let file = path.to_str().unwrap();
    let v = json(&["roster", file, "--format", "json"]);
    assert_eq!(by_id(&v["actors"], "trump")["name"], d.actors[0].name);
    let (_, table, _) = run(&["roster", file]);
    assert!(
        table.contains("\\u{1b}") && !table.contains('\u{1b}'),
        "{table}"
    );
}

#[test]
fn seats_for_one_amount_in_json_say_what_it_buys() {
    let v = json(&[
        "seats",
        "--amount",
        "860 million",
        "--joined",
        "2026-02-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        v["amount"],
        serde_json::json!({"amount": 860_000_000u64, "currency": "USD"})
    );
    assert_eq!(v["joined"], "2026-02-01");
    assert_eq!(v["seat"], "term");
    assert_eq!(v["term_end"], "2029-02-01");
    assert_eq!(
        v["shortfall"],
        serde_json::json!({"amount": 140_000_000u64, "currency": "USD"})
    );
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("below the threshold")
    );
    let enough = json(&["seats", "--amount", "1 billion", "--format", "json"]);
    assert_eq!(enough["seat"], "permanent");
    assert_eq!(
        enough["shortfall"]["amount"], 0,
        "nothing lacking, as the table says"
    );
}

#[test]
fn body_list_in_json_gives_each_body_its_parent_and_dates() {
    let (_dir, file) = embedded_file();
    let file = file.as_str();
    let (ok, _, err) = run(&["body", "add", file, "--name", "Executive Board"]);
    assert!(ok, "{err}");
    let v = json(&["body", "list", file, "--format", "json"]);
    let bodies = v["bodies"].as_array().unwrap();
    let embedded = board_explorer::store::embedded();
    assert_eq!(bodies.len(), 2 + embedded.sub_bodies.len());
    assert_eq!(bodies[0]["id"], embedded.body.id.as_str());
    assert_eq!(bodies[0]["parent"], Value::Null);
    let added = bodies.last().unwrap();
    assert_eq!(added["name"], "Executive Board");
    assert_eq!(added["parent"], embedded.body.id.as_str());
    assert_eq!(added["in_force"], Value::Null);
    // A day of entry into force, given on the command line, comes back as an ISO date.
    let id = added["id"].as_str().unwrap().to_string();
    let (ok, _, err) = run(&[
        "body",
        "date",
        file,
        &id,
        "--in-force",
        "2026-02-03",
        "--source",
        "editors-note",
    ]);
    assert!(ok, "{err}");
    let v = json(&["body", "list", file, "--format", "json"]);
    assert_eq!(
        v["bodies"].as_array().unwrap().last().unwrap()["in_force"],
        "2026-02-03"
    );
}
