//! The command line that adds to a dataset: `claim add` (quotes by their words), `actor add`,
//! and `import-source` with several articles and duplicates, run as the real binary.

use std::path::{Path, PathBuf};

use board_explorer::model::{Fact, Status};
use board_explorer::store::{backup_path, embedded, load_file};

use crate::bin;
use bin::{dataset_file, run, s};

#[test]
fn claim_add_finds_the_quote_by_its_words_and_writes_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    // The source's apostrophe is a curly one, a 3-byte character before the quote.
    let words = "Belarus’ Foreign Ministry announced that President Alexander Lukashenko had also been invited";
    let (ok, out, err) = run(&[
        "claim",
        "add",
        s(&file),
        "--actor",
        "lukashenko",
        "--fact",
        "status=invited",
        "--source",
        "report-a",
        "--quote",
        words,
        "--note",
        "checked by hand",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("added claim \"c-lukashenko-status-report-a"),
        "{out}"
    );
    assert!(out.contains("line 3, column 21"), "{out}");
    assert_eq!(std::fs::read(backup_path(&file)).unwrap(), before);
    let d = load_file(&file).unwrap().dataset;
    let claim = d.claims.last().unwrap();
    assert_eq!(claim.fact, Fact::Status(Status::Invited));
    assert_eq!(claim.note, "checked by hand");
    let q = claim.quote.as_ref().unwrap();
    let text = &d.source("report-a").unwrap().text;
    assert_eq!(&text[q.start..q.end], words);
    assert_eq!(claim.as_of, d.source("report-a").unwrap().published);
}

#[test]
fn claim_add_refuses_wrong_words_with_the_nearest_and_bad_facts_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    let args = |fact: &'static str, quote: &'static str| {
        vec![
            "claim".to_string(),
            "add".into(),
            s(&file).into(),
            "--actor".into(),
            "putin".into(),
            "--fact".into(),
            fact.into(),
            "--source".into(),
            "report-a".into(),
            "--quote".into(),
            quote.into(),
        ]
    };
    let call = |a: Vec<String>| run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let (ok, _, err) = call(args(
        "status=reviewing",
        "the Kremlin is currently revewing the proposal",
    ));
    assert!(!ok);
    assert!(
        err.contains(
            "the words \"the Kremlin is currently revewing the proposal\" are not in source \"report-a\""
        ),
        "{err}"
    );
    assert!(
        err.contains("the nearest are \"the Kremlin is currently reviewing the proposal\""),
        "{err}"
    );
    let (ok, _, err) = call(args("status=acepted", "the Kremlin"));
    assert!(!ok);
    assert!(err.contains("\"acepted\" is not a status"), "{err}");
    assert!(err.contains("proposed, invited, reviewing"), "{err}");
    let (ok, _, err) = call(args("colour=red", "the Kremlin"));
    assert!(
        !ok && err.contains("the properties are status, role"),
        "{err}"
    );
    let (ok, _, err) = call(args("pledge=1 billion", "the Kremlin"));
    assert!(!ok && err.contains("currency"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing written");
}

#[test]
fn claim_add_to_another_file_with_a_body_and_a_pledge() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let out = dir.path().join("out.ron");
    let args = [
        "claim",
        "add",
        s(&file),
        "--actor",
        "trump",
        "--fact",
        "pledge=$1bn",
        "--source",
        "report-a",
        "--quote",
        "which Trump is expected to chair",
        "--as-of",
        "January 2026",
        "--body",
        "gaza-committee",
        "-o",
        s(&out),
    ];
    let (ok, _, err) = run(&args);
    assert!(ok, "{err}");
    let d = load_file(&out).unwrap().dataset;
    let claim = d.claims.last().unwrap();
    assert_eq!(claim.body.as_deref(), Some("gaza-committee"));
    assert_eq!(claim.as_of, "2026-01".parse().ok());
    let (ok, _, err) = run(&args);
    assert!(!ok && err.contains("--force"), "{err}");
    let mut unknown = args.to_vec();
    unknown[14] = "no-such-body";
    unknown.push("--force");
    let (ok, _, err) = run(&unknown);
    assert!(
        !ok && err.contains("the bodies are: board-of-peace"),
        "{err}"
    );
}

#[test]
fn actor_add_makes_an_id_from_the_name_and_refuses_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let args = [
        "actor",
        "add",
        s(&file),
        "--name",
        "Ajay Banga",
        "--kind",
        "person",
        "--alias",
        "Banga",
        "--country",
        "United States",
    ];
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    assert!(out.contains("added actor \"ajay-banga\""), "{out}");
    let d = load_file(&file).unwrap().dataset;
    let banga = d.actor("ajay-banga").unwrap();
    assert_eq!(banga.aliases, ["Banga"]);
    let (ok, _, err) = run(&args);
    assert!(!ok);
    assert!(err.contains("already an actor \"ajay-banga\""), "{err}");

    let (ok, _, err) = run(&[
        "actor",
        "add",
        s(&file),
        "--id",
        "kosovo",
        "--name",
        "Kosovo",
        "--kind",
        "country",
    ]);
    assert!(
        !ok && err.contains("the kinds are person, state, organisation"),
        "{err}"
    );
    let (ok, _, err) = run(&[
        "actor",
        "add",
        s(&file),
        "--name",
        "Vjosa Osmani",
        "--kind",
        "person",
        "--represents",
        "kosovo",
    ]);
    assert!(!ok && err.contains("no actor \"kosovo\""), "{err}");
}

fn article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn import_source_takes_several_articles_in_one_write() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), "a.txt", "Mark Carney said Canada would join.");
    let b = article(
        dir.path(),
        "b.html",
        "<p>Viktor Orbán accepted.</p><p>Javier Milei too.</p>",
    );
    article(dir.path(), "c.txt", "Tony Blair will sit on the board.");
    let list = dir.path().join("list.csv");
    std::fs::write(&list, "file,outlet,date\nc.txt,Herald,2026-01-23\n").unwrap();
    let out = dir.path().join("out.ron");
    let (ok, report, err) = run(&[
        "import-source",
        "--text",
        s(&a),
        "--text",
        s(&b),
        "--list",
        s(&list),
        "--outlet",
        "Wire",
        "--date",
        "2026-01-22",
        "-o",
        s(&out),
    ]);
    assert!(ok, "{err}");
    assert_eq!(report.matches("added source").count(), 3, "{report}");
    assert_eq!(report.matches("wrote ").count(), 1, "{report}");
    let d = load_file(&out).unwrap().dataset;
    let n = embedded().sources.len();
    let ids: Vec<&str> = d.sources[n..].iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["wire-2026-01-22", "wire-2026-01-22-2", "herald-2026-01-23"]
    );
    assert!(report.contains("Mark Carney  1:1"), "{report}");
}

#[test]
fn import_source_keeps_the_articles_address() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), "a.txt", "Kosovo has signed the charter.");
    let b = article(dir.path(), "b.txt", "Albania has signed the charter.");
    let out = dir.path().join("out.ron");
    let url = "https://news.example.org/2026/01/23/charter";
    let (ok, _, err) = run(&[
        "import-source",
        "--text",
        s(&a),
        "--outlet",
        "Herald",
        "--url",
        url,
        "-o",
        s(&out),
    ]);
    assert!(ok, "{err}");
    let d = load_file(&out).unwrap().dataset;
    assert_eq!(d.sources.last().unwrap().url.as_deref(), Some(url));
    // One address for two articles would be wrong for one of them: refused.
    let out2 = dir.path().join("out2.ron");
    let (ok, _, err) = run(&[
        "import-source",
        "--text",
        s(&a),
        "--text",
        s(&b),
        "--url",
        url,
        "-o",
        s(&out2),
    ]);
    assert!(!ok && err.contains("--url"), "{err}");
    assert!(!out2.exists());
}

#[test]
fn import_source_list_reads_only_inside_its_folder_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("list");
    std::fs::create_dir(&folder).unwrap();
    article(dir.path(), "secret.txt", "Kosovo has signed the charter.");
    article(
        dir.path(),
        "\u{1b}[2Jx.txt",
        "Kosovo has signed the charter.",
    );
    let list = folder.join("list.csv");
    let out = dir.path().join("out.ron");
    for named in [
        "../secret.txt",
        s(&dir.path().join("secret.txt")),
        "../\u{1b}[2Jx.txt",
    ] {
        std::fs::write(&list, format!("file,outlet\n{named},Herald\n")).unwrap();
        let (ok, report, err) = run(&["import-source", "--list", s(&list), "-o", s(&out)]);
        assert!(!ok, "{report}");
        assert!(
            err.contains("list.csv:2") && err.contains("folder"),
            "{err}"
        );
        assert!(!out.exists(), "nothing is written");
    }
    let (ok, report, err) = run(&[
        "import-source",
        "--list",
        s(&list),
        "--allow-outside",
        "--date",
        "2026-01-23",
        "-o",
        s(&out),
    ]);
    assert!(ok, "{err}");
    assert!(report.contains("added source"), "{report}");
}

#[test]
fn import_source_refuses_a_text_already_imported_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let report_a = embedded().source("report-a").unwrap().text.clone();
    // The same text, saved on Windows with trailing spaces: the same once normalised.
    let again = article(
        dir.path(),
        "again.txt",
        &format!("{}  \r\n", report_a.replace('\n', "\r\n")),
    );
    let fresh = article(dir.path(), "fresh.txt", "Kosovo has signed the charter.");
    let before = std::fs::read(&file).unwrap();
    let args = |extra: &[&'static str]| {
        let mut v = vec![
            "import-source",
            s(&file),
            "--text",
            s(&again),
            "--text",
            s(&fresh),
            "--outlet",
            "Wire",
        ];
        v.extend_from_slice(extra);
        v.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let call = |a: Vec<String>| run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let (ok, _, err) = call(args(&[]));
    assert!(!ok);
    assert!(
        err.contains("again.txt: its text is already source \"report-a\""),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing written");

    let (ok, out, err) = call(args(&["--skip-existing"]));
    assert!(ok, "{err}");
    assert!(out.contains("skipped"), "{out}");
    assert_eq!(out.matches("added source").count(), 1, "{out}");
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.sources.len(), embedded().sources.len() + 1);

    // Now both are known; --force imports them again.
    let (ok, out, err) = call(args(&["--force"]));
    assert!(ok, "{err}");
    assert_eq!(out.matches("added source").count(), 2, "{out}");
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.sources.len(), embedded().sources.len() + 3);
}

#[test]
fn import_source_refuses_an_unreadable_article_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0xff, 0xfe, b'a']).unwrap();
    let (ok, _, err) = run(&[
        "import-source",
        "--text",
        s(&bad),
        "--outlet",
        "Wire",
        "-o",
        s(&out),
    ]);
    assert!(!ok && err.contains("not UTF-8"), "{err}");
    let (ok, _, err) = run(&["import-source", "--outlet", "Wire", "-o", s(&out)]);
    assert!(!ok && err.contains("--text"), "{err}");
    assert!(!out.exists());
}

#[test]
fn import_source_accept_adds_confident_suggestions_as_extracted_claims() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let text = article(
        dir.path(),
        "today.txt",
        "Canadian Prime Minister Mark Carney said that Canada has accepted the invitation to \
         join the Board of Peace.\n\nWorld Bank President Ajay Banga has also accepted a seat \
         on the board, the White House said.\n",
    );
    let import = |min: &str, out: &Path| {
        run(&[
            "import-source",
            s(&file),
            "--text",
            s(&text),
            "--outlet",
            "Wire",
            "--date",
            "2026-01-22",
            "--accept",
            min,
            "-o",
            s(out),
        ])
    };
    let out = dir.path().join("accepted.ron");
    let (ok, report, err) = import("0.5", &out);
    assert!(ok, "{err}");
    // The suggestions are printed as `suggest` prints them.
    assert!(report.contains("suggestions\nActor "), "{report}");
    let d = load_file(&out).unwrap().dataset;
    let extracted: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.source == "wire-2026-01-22")
        .collect();
    assert!(!extracted.is_empty(), "{report}");
    for c in &extracted {
        let confidence: f32 = c
            .note
            .strip_prefix("extracted (confidence ")
            .and_then(|n| n.strip_suffix(')'))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("marked as extracted: {:?}", c.note));
        assert!(confidence >= 0.5, "{confidence}");
        assert!(c.quote.is_some());
    }
    assert!(d.actor("ajay-banga").is_some(), "a new actor: {report}");
    let added = d.actors.len() - embedded().actors.len();
    assert!(
        report.contains(&format!("{} claims, {added} new actors", extracted.len())),
        "{report}"
    );

    // Nothing is that sure: no claims, but the source is added.
    let none = dir.path().join("none.ron");
    let (ok, report, err) = import("1", &none);
    assert!(ok, "{err}");
    assert!(report.contains(": 0 claims, 0 new actors"), "{report}");
    let (ok, _, err) = import("1.5", &none);
    assert!(!ok && err.contains("from 0 to 1"), "{err}");
}

/// A Wikidata id is set from the command line, checked (Q and digits), kept in the Popolo and
/// FollowTheMoney exports; a bad one is refused with a message, on the command line and in a
/// file.
#[test]
fn a_wikidata_id_is_set_checked_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path());
    let (ok, out, err) = run(&[
        "actor",
        "set",
        s(&file),
        "--id",
        "putin",
        "--wikidata",
        "Q7747",
    ]);
    assert!(ok, "{out}{err}");
    let d = load_file(&file).unwrap().dataset;
    assert_eq!(d.actor("putin").unwrap().wikidata.as_deref(), Some("Q7747"));
    let (ok, popolo, err) = run(&["export", s(&file), "--format", "popolo"]);
    assert!(ok, "{err}");
    assert!(
        popolo.contains("\"Q7747\"") && popolo.contains("wikidata"),
        "in Popolo"
    );
    let (ok, ftm, err) = run(&["export", s(&file), "--format", "ftm"]);
    assert!(ok, "{err}");
    assert!(
        ftm.contains("wikidataId") && ftm.contains("Q7747"),
        "in FtM"
    );

    let before = std::fs::read_to_string(&file).unwrap();
    let (ok, _, err) = run(&[
        "actor",
        "set",
        s(&file),
        "--id",
        "putin",
        "--wikidata",
        "not a qid",
    ]);
    assert!(!ok && err.contains("is not a Wikidata id"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before,
        "nothing written"
    );

    let bad = before.replace("\"Q7747\"", "\"not a qid\"");
    std::fs::write(&file, bad).unwrap();
    let (ok, _, err) = run(&["check", s(&file)]);
    assert!(
        !ok && err.contains("\"not a qid\" is not a Wikidata id"),
        "{err}"
    );
    assert!(err.contains("putin"), "{err}");
}
