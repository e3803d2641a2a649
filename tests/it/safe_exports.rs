//! Exports and terminal output of a hostile dataset: a CSV a spreadsheet cannot run, Markdown
//! with no raw HTML, no injected heading and no link that leaves its target, and tables that
//! send no control character to the terminal.

use std::process::Command;

use board_explorer::cli::roster_table;
use board_explorer::model::derive::report::Report;
use board_explorer::model::{Dataset, Derived};
use board_explorer::store::{ExportOptions, embedded, markdown_report, roster_csv, to_ron};
use pulldown_cmark::{Event, Options, Parser, Tag};

const INJECTIONS: [&str; 9] = [
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+1+1",
    "@SUM(A1)",
    "-2",
    "\tcmd",
    "\rcmd",
    "  =1+1",
    "<script>alert(1)</script>\n# Injected heading",
    "<img src=x onerror=alert(1)>\u{1b}]0;title\u{7}\u{1b}[2J\u{202e}",
];

fn hostile() -> Dataset {
    let mut d = embedded();
    for (actor, name) in d.actors.iter_mut().zip(INJECTIONS) {
        actor.name = name.to_string();
    }
    d.actors[0].country = "| forged | row |".into();
    d.body.name = "Board <b>x</b>\n\n## Fake section".into();
    d.body.description = "<iframe src=evil></iframe>\n# Heading\n- list\n1. item\n> quote".into();
    d.sources[0].url = Some("https://ok.example/a> <script>x</script>".into());
    d.sources[0].title = "*x*</em><script>".into();
    d.sources[0].outlet = "# outlet\n## two".into();
    if d.sources.len() > 1 {
        d.sources[1].url = Some("javascript:alert(1)".into());
    }
    if let Some(e) = d.events.first_mut() {
        e.title = "<b>bold</b>\n# Event heading".into();
    }
    d
}

fn with_report<T>(d: &Dataset, f: impl FnOnce(&Report) -> T) -> T {
    let mut derived = Derived::default();
    derived.refresh(d, None);
    f(&Report::new(d, &derived))
}

/// The Markdown report as of everything known, written on a fixed day.
fn markdown(report: &Report) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("a day");
    markdown_report(report, &ExportOptions::new(day))
}

#[test]
fn csv_cells_that_start_a_formula_are_quoted_as_text() {
    let d = hostile();
    let csv_text = with_report(&d, roster_csv);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut names = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !cell.starts_with(['\t', '\r'])
                    && !first.is_some_and(|c| matches!(c, '=' | '+' | '-' | '@')),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        names.push(record[1].to_string());
    }
    for injection in &INJECTIONS[..7] {
        assert!(
            names.contains(&format!("'{injection}")),
            "{injection:?} is kept, behind a quote: {names:?}"
        );
    }
    // Ordinary names are left as they are.
    assert!(names.iter().any(|n| n == &d.actors[12].name));
}

#[test]
fn markdown_has_no_raw_html_no_injected_heading_and_only_safe_links() {
    let d = hostile();
    let md = with_report(&d, markdown);
    let parser = Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut headings = 0;
    let mut links = Vec::new();
    for event in parser {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the report: {h}"),
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            _ => {}
        }
    }
    // The title and the five sections: nothing the data says becomes a heading.
    assert_eq!(headings, 6, "{md}");
    assert!(!links.is_empty());
    for link in &links {
        assert!(
            link.starts_with("https://") || link.starts_with("http://"),
            "{link}"
        );
        assert!(!link.contains(['<', '>', ' ', '"']), "{link}");
    }
    assert!(!md.contains("javascript:alert(1)>"));
    // What was escaped still reads as the data: the text of the report keeps the words.
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn markdown_description_cannot_start_blocks() {
    let d = hostile();
    let md = with_report(&d, markdown);
    let mut in_quote_or_list = false;
    let parser = Parser::new_ext(&md, Options::ENABLE_TABLES);
    let mut depth_before_roster = true;
    for event in parser {
        match event {
            Event::Text(t) if t.as_ref() == "Roster" => depth_before_roster = false,
            Event::Start(Tag::BlockQuote(_)) | Event::Start(Tag::List(_))
                if depth_before_roster =>
            {
                in_quote_or_list = true;
            }
            _ => {}
        }
    }
    assert!(
        !in_quote_or_list,
        "the description made a list or a quote:\n{md}"
    );
}

#[test]
fn terminal_tables_send_no_control_characters() {
    let d = hostile();
    let table = with_report(&d, roster_table);
    assert!(
        !table.chars().any(|c| c != '\n' && c.is_control()),
        "{table:?}"
    );
    assert!(!table.contains('\u{202e}'));
    // One line per actor, plus the title, the header and the rule: no forged rows.
    assert_eq!(table.lines().count(), d.actors.len() + 3, "{table}");
    assert!(table.contains("\\u{1b}]0;title"));
}

#[test]
fn the_cli_prints_escapes_not_controls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.ron");
    std::fs::write(&path, to_ron(&hostile())).unwrap();
    for verb in ["roster", "seats", "check"] {
        let out = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
            .args([verb, path.to_str().unwrap()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            !text
                .chars()
                .any(|c| (c != '\n' && c.is_control()) || c == '\u{202e}'),
            "{verb}: {text:?}"
        );
    }
}
