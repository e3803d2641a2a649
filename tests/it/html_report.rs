//! The HTML report, parsed as a browser would (html5ever, through scraper): of the embedded
//! dataset and of a hostile one, it runs no script but its own, loads nothing, links out only
//! to the sources' own http(s) addresses, and every link inside it lands on an element.

use std::collections::HashSet;
use std::process::Command;

use board_explorer::model::derive::report::Report;
use board_explorer::model::{
    Claim, Dataset, Derived, Fact, Quote, Rank, Reliability, Role, Status, Subject,
};
use board_explorer::store::{ExportOptions, embedded, html_report, markdown_report, to_ron};
use chrono::NaiveDate;
use scraper::{Html, Selector};

const HOSTILE_TEXT: &str = "The envoy said \"<b>we accept</b>\" & <script>alert('q')</script> \
                            then left. Others said 3 < 4.";
const HOSTILE_QUOTE: &str = "\"<b>we accept</b>\" & <script>alert('q')</script>";

const RIVAL_TEXT: &str = "A wire relaying a post said Trump would not chair the board.";
const RIVAL_QUOTE: &str = "Trump would not chair the board";

/// A low-reliability source relaying `relays` that denies, about a week after the embedded
/// sources and on an approximate day, that Trump chairs the board: a conflict, since a later
/// claim from a less reliable source is never silently obeyed.
fn add_rival(d: &mut Dataset, relays: &str) {
    let text = board_explorer::model::text::normalise(RIVAL_TEXT);
    d.sources.push(board_explorer::model::Source {
        id: "rival".into(),
        title: "Relayed post".into(),
        outlet: "Rival Wire".into(),
        url: None,
        published: Some("2026-01-25".parse().unwrap()),
        hash: board_explorer::model::text::content_hash(&text),
        reliability: Some(Reliability::Low),
        relays: relays.into(),
        text: text.clone(),
        ..Default::default()
    });
    d.claims.push(Claim {
        extra: Default::default(),
        author: String::new(),
        id: "rival-not-chair".into(),
        subject: Subject::Actor("trump".into()),
        fact: Fact::Role(Role::Chair),
        negated: true,
        body: None,
        source: "rival".into(),
        quote: Quote::find(&text, RIVAL_QUOTE),
        as_of: Some("~2026-01-25".parse().unwrap()),
        rank: Rank::Normal,
        note: String::new(),
    });
    d.touch();
}

fn hostile() -> Dataset {
    let mut d = embedded();
    d.body.name = "Board</title><script>alert(1)</script>".into();
    d.body.description = "<img src=x onerror=alert(1)> \"quoted\" 'single'".into();
    d.actors[0].name = "<script>alert('name')</script>".into();
    d.actors[1].country = "\" onmouseover=\"alert(1)".into();
    d.sub_bodies[0].name = "<script>alert('body')</script>".into();
    d.sources[0].url = Some("javascript:alert(1)".into());
    d.sources[0].outlet = "<a href=\"https://evil.example\">outlet</a>".into();
    d.sources[1].url = Some("https://news.example/a?x=1&y=2".into());
    d.sources[1].title = "</cite><iframe src=\"https://evil.example\">".into();
    if let Some(e) = d.events.first_mut() {
        e.title = "<svg onload=alert(1)>".into();
    }
    // A control character in a source's text: shown as U+FFFD, never sent to the browser.
    let text = board_explorer::model::text::normalise(&format!("{HOSTILE_TEXT}\u{1b}[2J"));
    d.sources.push(board_explorer::model::Source {
        id: "hostile".into(),
        title: "A <hostile> report".into(),
        outlet: "Hostile & Co".into(),
        url: Some(" JavaScript:alert(document.cookie)".into()),
        published: Some("2026-01-19".parse().unwrap()),
        hash: board_explorer::model::text::content_hash(&text),
        text: text.clone(),
        ..Default::default()
    });
    let subject = Subject::Actor(d.actors[0].id.clone());
    d.claims.push(Claim {
        extra: Default::default(),
        author: String::new(),
        id: "<hostile claim>".into(),
        subject,
        fact: Fact::Status(Status::Declined),
        negated: false,
        body: None,
        source: "hostile".into(),
        quote: Quote::find(&text, HOSTILE_QUOTE),
        as_of: None,
        rank: Rank::Normal,
        note: "<b>note</b>".into(),
    });
    add_rival(&mut d, HOSTILE_RELAYS);
    d
}

const HOSTILE_RELAYS: &str = "<script>alert('relay')</script> & \"Bloomberg\"";

/// The day the test pages are written.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn render(d: &Dataset, as_of: Option<NaiveDate>) -> String {
    render_with(d, as_of, &ExportOptions::new(today()))
}

fn render_with(d: &Dataset, as_of: Option<NaiveDate>, options: &ExportOptions) -> String {
    let mut derived = Derived::default();
    derived.refresh(d, as_of);
    html_report(&Report::new(d, &derived), options)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Everything the page must hold, whatever the data.
fn check_page(d: &Dataset, html: &str) -> Html {
    let page = Html::parse_document(html);
    // One script, ours, inline.
    let scripts: Vec<_> = page.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1, "one script only");
    assert!(scripts[0].value().attr("src").is_none());
    let script: String = scripts[0].text().collect();
    assert!(script.starts_with("// Sorts a table"), "{script}");
    // Nothing that loads or embeds anything.
    for tag in [
        "img", "iframe", "object", "embed", "link", "base", "form", "video", "audio",
    ] {
        assert_eq!(page.select(&sel(tag)).count(), 0, "a <{tag}> in the page");
    }
    let policy = page
        .select(&sel("meta[http-equiv=\"Content-Security-Policy\"]"))
        .next()
        .expect("a content security policy");
    assert!(
        policy
            .value()
            .attr("content")
            .unwrap()
            .starts_with("default-src 'none'")
    );

    let ids: HashSet<&str> = page
        .select(&sel("[id]"))
        .filter_map(|e| e.value().id())
        .collect();
    let external: HashSet<String> = d
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect();
    for element in page
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "an event handler: {name}={value}"
            );
            match name {
                "src" => panic!("a src attribute: {value}"),
                "href" => match value.strip_prefix('#') {
                    Some(target) => {
                        assert!(ids.contains(target), "#{target} leads nowhere")
                    }
                    None => assert!(
                        external.contains(value),
                        "a link to {value}, which is not a source's address"
                    ),
                },
                _ => {}
            }
        }
    }
    page
}

/// Every listed claim links to its quote, which links back to it.
fn check_claims_and_quotes(page: &Html) -> usize {
    let mut linked = 0;
    for row in page.select(&sel("#claims tbody tr")) {
        let id = row.value().id().expect("a claim row has an id");
        let n = id.strip_prefix("claim-").expect("claim-N");
        let to_quote = format!("a[href=\"#quote-{n}\"]");
        if row.select(&sel(&to_quote)).next().is_some() {
            let anchor = format!("#quote-{n}");
            assert_eq!(page.select(&sel(&anchor)).count(), 1, "{anchor}");
            let back = format!("#sources a[href=\"#claim-{n}\"]");
            assert!(
                page.select(&sel(&back)).next().is_some(),
                "no way back to {id}"
            );
            linked += 1;
        }
    }
    linked
}

#[test]
fn the_embedded_report_is_whole_and_self_contained() {
    // The embedded sources agree (0 conflicts since the one conflict rule): a low-reliability
    // rival makes the conflict whose sides the page must show.
    let mut d = embedded();
    add_rival(&mut d, "Bloomberg");
    let html = render(&d, None);
    let page = check_page(&d, &html);
    let text: String = page.root_element().text().collect();
    for a in &d.actors {
        assert!(text.contains(&a.name), "{} is missing", a.name);
    }
    for id in [
        "roster",
        "seats",
        "conflicts",
        "matrix",
        "timeline",
        "claims",
        "sources",
    ] {
        assert!(
            page.select(&sel(&format!("section#{id}"))).next().is_some(),
            "{id}"
        );
    }
    // The roster sorts, with every actor a row.
    let roster_rows = page.select(&sel("#roster table.sortable tbody tr")).count();
    assert_eq!(roster_rows, d.actors.len());
    // Conflicts give each side's value, source, date and words.
    let conflicts: Vec<_> = page.select(&sel("#conflicts article.conflict")).collect();
    assert!(!conflicts.is_empty());
    for c in &conflicts {
        let sides = c.select(&sel("li")).count();
        assert!(sides >= 2, "a conflict has two sides");
        assert!(c.select(&sel("blockquote")).count() >= 1);
        assert!(c.select(&sel("a[href^=\"#src-\"]")).count() >= sides);
        // Each side's reliability.
        assert_eq!(c.select(&sel("li .rel")).count(), sides);
    }
    // The rival's side: its negated value, approximate date, reliability and whom it relays.
    let li = sel("li");
    let rival = conflicts
        .iter()
        .flat_map(|c| c.select(&li))
        .map(|li| li.text().collect::<String>())
        .find(|t| t.contains("Rival Wire"))
        .expect("the rival's side of the conflict");
    for words in [
        "not chair",
        "~2026-01-25",
        "low reliability, per Bloomberg",
        RIVAL_QUOTE,
    ] {
        assert!(rival.contains(words), "{words} in {rival}");
    }
    // The claims table and the source's heading say it too.
    let rival_row: String = page
        .select(&sel(&format!("#claim-{}", d.claims.len() - 1)))
        .next()
        .expect("the rival claim's row")
        .text()
        .collect();
    assert!(rival_row.contains("not chair") && rival_row.contains("low, per Bloomberg"));
    let rival_source: String = page
        .select(&sel(&format!("#src-{}", d.sources.len() - 1)))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(rival_source.contains("low reliability · relays Bloomberg"));
    // The timeline is drawn, not fetched; the matrix has a column per source.
    assert!(
        page.select(&sel("#timeline svg circle, #timeline svg rect"))
            .count()
            >= d.events.len()
    );
    let matrix_heads = page.select(&sel("#matrix thead th")).count();
    assert_eq!(matrix_heads, d.sources.len() + 3);
    let linked = check_claims_and_quotes(&page);
    let quoted = d.claims.iter().filter(|c| c.quote.is_some()).count();
    assert_eq!(linked, quoted, "every quoted claim links to its words");
}

#[test]
fn a_hostile_dataset_stays_text() {
    let d = hostile();
    // With the sources' texts too: the hostile source's text, control character and all.
    let with_texts = ExportOptions {
        with_texts: true,
        ..ExportOptions::new(today())
    };
    let full = render_with(&d, None, &with_texts);
    check_page(&d, &full);
    assert!(!full.contains('\u{1b}'));
    assert!(full.contains(" then left. Others said 3 &lt; 4."));
    let html = render(&d, None);
    let page = check_page(&d, &html);
    let text: String = page.root_element().text().collect();
    // The data reads as itself.
    assert!(text.contains("<script>alert('name')</script>"));
    assert!(
        text.contains("<script>alert('body')</script>"),
        "the sub-body's name"
    );
    assert!(text.contains(HOSTILE_QUOTE), "the quote, as written");
    assert!(
        text.contains("javascript:alert(1)"),
        "a bad address is shown, not linked"
    );
    assert!(!html.contains("href=\"javascript"));
    assert!(!html.to_ascii_lowercase().contains("href=\" javascript"));
    // The good address is the one link out.
    let external: Vec<_> = page
        .select(&sel("a[href^=\"http\"]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(external, vec!["https://news.example/a?x=1&y=2".to_string()]);
    // The hostile claim's quote is highlighted in its source and links both ways.
    let at = d
        .claims
        .iter()
        .position(|c| c.id == "<hostile claim>")
        .unwrap();
    let mark = page
        .select(&sel(&format!("#quote-{at} + mark")))
        .next()
        .expect("the quote is highlighted");
    assert!(HOSTILE_QUOTE.starts_with(&mark.text().collect::<String>()));
    assert!(check_claims_and_quotes(&page) > 0);
    // The title cannot be closed early.
    let title: String = page.select(&sel("title")).next().unwrap().text().collect();
    assert!(title.starts_with("Board</title><script>"));
    // Control characters are shown, not sent.
    assert!(!html.contains('\u{1b}'));
    // Whom a source relays is text in the conflict, never markup.
    let relays: Vec<String> = page
        .select(&sel("#conflicts .relays"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(relays, vec![format!("per {HOSTILE_RELAYS}")]);
    assert!(!html.contains("<script>alert('relay')"));
}

#[test]
fn a_report_as_of_a_day_links_only_what_was_known() {
    let mut d = embedded();
    // A claim the sources make later than the day asked for.
    let mut later = d.claims[0].clone();
    later.id = "later".into();
    later.as_of = Some("2026-03-01".parse().unwrap());
    d.claims.push(later);
    d.touch();
    let html = render(&d, NaiveDate::from_ymd_opt(2026, 1, 31));
    let page = check_page(&d, &html);
    let later_row = format!("#claim-{}", d.claims.len() - 1);
    assert_eq!(page.select(&sel(&later_row)).count(), 0);
    assert!(html.contains("as of 2026-01-31"));
    assert!(
        page.select(&sel("#timeline svg line.asof"))
            .next()
            .is_some()
    );
    check_claims_and_quotes(&page);
}

#[test]
fn the_cli_writes_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.ron");
    std::fs::write(&data, to_ron(&hostile())).unwrap();
    let out = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(["export", data.to_str().unwrap(), "--format", "html", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    check_page(&hostile(), &html);
}

#[test]
fn file_export_writes_the_page_the_session_renders() {
    use board_explorer::session::{Command as SessionCommand, ExportFormat, Session};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::embedded();
    s.perform(SessionCommand::SetAsOf(NaiveDate::from_ymd_opt(
        2026, 1, 19,
    )));
    for (format, name) in [
        (ExportFormat::Html, "report.html"),
        (ExportFormat::Popolo, "popolo.json"),
        (ExportFormat::Ftm, "entities.json"),
    ] {
        let path = dir.path().join(name);
        let outcome = s.perform(SessionCommand::Export {
            format,
            path: path.clone(),
            with_texts: false,
        });
        assert_eq!(outcome.written.as_deref(), Some(path.as_path()), "{name}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            s.export_text(format)
        );
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("as of 2026-01-19"));
    check_page(&embedded(), &html);
}

#[test]
fn each_sub_body_has_its_roster() {
    let mut d = embedded();
    let quoted = d
        .claims
        .iter()
        .find(|c| c.subject == Subject::Actor("blair".into()) && c.quote.is_some())
        .cloned()
        .unwrap();
    d.claims.push(Claim {
        id: "blair-committee".into(),
        fact: Fact::Status(Status::Member),
        body: Some("gaza-committee".into()),
        ..quoted.clone()
    });
    // The two embedded sources disagree on his role there, on the same day: a conflict of the
    // committee's, not the board's.
    for (source, role) in [(0, Role::Chair), (1, Role::Member)] {
        d.claims.push(Claim {
            id: format!("blair-committee-role-{source}"),
            fact: Fact::Role(role),
            source: d.sources[source].id.clone(),
            quote: None,
            as_of: Some("2026-01-19".parse().unwrap()),
            ..d.claims.last().unwrap().clone()
        });
    }
    d.touch();
    let html = render(&d, None);
    let page = check_page(&d, &html);
    let bodies: Vec<_> = page.select(&sel("#bodies article.sub-body")).collect();
    assert_eq!(bodies.len(), d.sub_bodies.len());
    let committee: String = bodies[0].text().collect();
    assert!(committee.contains(&d.sub_bodies[0].name), "{committee}");
    assert!(committee.contains("1 of them a member"), "{committee}");
    let rows: Vec<String> = bodies[0]
        .select(&sel("tbody tr"))
        .map(|r| r.text().collect())
        .collect();
    assert_eq!(rows.len(), 1, "only Blair has claims about the committee");
    assert!(rows[0].contains("Tony Blair") && rows[0].contains("member"));
    // The committee's conflict is listed with both sides, and its marker leads to it.
    let marker = bodies[0]
        .select(&sel("a.warn"))
        .next()
        .expect("a conflict marker");
    let target = marker.value().attr("href").unwrap();
    let conflict = page.select(&sel(target)).next().unwrap();
    let said: String = conflict.text().collect();
    assert!(
        said.contains("on the Committee of Palestinian experts"),
        "{said}"
    );
    assert_eq!(conflict.select(&sel("li .rel")).count(), 2);
    assert!(
        !page
            .select(&sel("#roster a.warn"))
            .any(|a| a.value().attr("href") == Some(target)),
        "the board's roster does not claim it"
    );
    // His name links to his row in the main roster.
    let link = bodies[0].select(&sel("td.name a")).next().unwrap();
    let target = link.value().attr("href").unwrap();
    let row: String = page.select(&sel(target)).next().unwrap().text().collect();
    assert!(row.contains("Tony Blair"));
}

/// A line of source `s`'s text that no claim quotes (nor a part of it), nor its title.
fn unquoted_line(d: &Dataset, s: usize) -> Option<String> {
    let source = &d.sources[s];
    let quotes: Vec<&str> = d
        .claims
        .iter()
        .filter(|c| c.source == source.id)
        .filter_map(|c| c.quote.as_ref().map(|q| q.exact.as_str()))
        .collect();
    source
        .text
        .lines()
        .map(str::trim)
        .find(|line| {
            line.len() > 30
                && !source.title.contains(line)
                && !quotes.iter().any(|q| line.contains(q) || q.contains(line))
        })
        .map(str::to_string)
}

/// "1,011 more conflicts" below a section: the number it gives.
fn more_than_shown(section: &scraper::ElementRef) -> Option<usize> {
    let more: String = section.select(&sel(".more b")).next()?.text().collect();
    more.split(' ').next()?.parse().ok()
}

#[test]
fn a_large_dataset_keeps_every_actor_and_caps_the_rest() {
    use board_explorer::model::data::generate::{Spec, generate};
    let d = generate(Spec {
        actors: 1500,
        claims_per_actor: 10,
        sources: 50,
        events: 20,
        seed: 7,
    });
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    let report = Report::new(&d, &derived);
    let html = html_report(&report, &ExportOptions::new(today()));
    let page = check_page(&d, &html);
    let section = |id: &str| page.select(&sel(&format!("section#{id}"))).next().unwrap();

    // Every actor has a row of the roster, searchable: the one script finds in it.
    let roster = section("roster");
    let names: HashSet<String> = roster
        .select(&sel("table.searchable tbody tr td.name"))
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(roster.select(&sel("tbody tr")).count(), d.actors.len());
    for a in &d.actors {
        assert!(names.contains(&a.name), "{} is missing", a.name);
    }

    // Each capped section shows fewer than there are and counts the rest.
    let conflicts = section("conflicts");
    let listed = conflicts.select(&sel("article.conflict")).count();
    assert!(listed > 0 && listed < report.conflict_count(), "{listed}");
    assert_eq!(
        more_than_shown(&conflicts),
        Some(report.conflict_count() - listed)
    );
    let claims = section("claims");
    let rows = claims.select(&sel("tbody tr")).count();
    let known = report.detail().claims.len();
    assert!(rows > 0 && rows < known);
    assert_eq!(more_than_shown(&claims), Some(known - rows));
    let matrix = section("matrix");
    let matrix_rows = matrix.select(&sel("tbody tr")).count();
    let all_rows = report.detail().matrix.rows.len();
    assert!(matrix_rows < all_rows);
    assert_eq!(more_than_shown(&matrix), Some(all_rows - matrix_rows));
    // Its conflicts first, its most-cited sources a column each, the others gathered.
    let first: String = matrix
        .select(&sel("tbody tr td:last-child"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(first, "conflict");
    let heads: Vec<String> = matrix
        .select(&sel("thead th"))
        .map(|th| th.text().collect())
        .collect();
    assert!(heads.len() < d.sources.len() + 3, "{heads:?}");
    assert!(heads.contains(&"Other sources".to_string()), "{heads:?}");
    let seats = section("seats");
    let listed = seats.select(&sel("li")).count();
    assert_eq!(more_than_shown(&seats), Some(report.members.len() - listed));
    // The most recent claims: no claim left out is later than one shown.
    let shown_dates: Vec<String> = claims
        .select(&sel("td[data-label=Date]"))
        .map(|td| td.text().collect())
        .collect();
    let oldest_shown = shown_dates.iter().min().unwrap();
    let newest = report
        .detail()
        .claims
        .iter()
        .filter_map(|rc| rc.date)
        .max()
        .unwrap();
    assert_eq!(shown_dates[0], newest.to_string());
    assert!(shown_dates.iter().all(|day| day >= oldest_shown));

    // No source's full text: a line no claim quotes is nowhere on the page.
    assert_eq!(page.select(&sel(".source-text")).count(), 0);
    let text: String = page.root_element().text().collect();
    let lines: Vec<String> = (0..d.sources.len())
        .filter_map(|s| unquoted_line(&d, s))
        .collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(!text.contains(line.as_str()), "{line}");
    }
    // The words the claims on the page quote are there, each linking back.
    assert!(check_claims_and_quotes(&page) > 0);
}

#[test]
fn the_sources_texts_only_with_texts() {
    let d = embedded();
    let lines: Vec<String> = (0..d.sources.len())
        .map(|s| unquoted_line(&d, s).expect("a line no claim quotes"))
        .collect();
    let without = render(&d, None);
    let page = check_page(&d, &without);
    let text: String = page.root_element().text().collect();
    for line in &lines {
        assert!(!text.contains(line.as_str()), "{line}");
    }
    assert!(text.contains("The sources' full texts are left out"));
    // Title, outlet, date and the quoted words stay.
    for source in page.select(&sel("#sources article.source")) {
        let said: String = source.text().collect();
        assert!(said.contains("published 2026-01"), "{said}");
        assert!(source.select(&sel("ol.quotes mark")).count() > 0, "{said}");
    }
    assert_eq!(
        check_claims_and_quotes(&page),
        d.claims.iter().filter(|c| c.quote.is_some()).count()
    );

    let options = ExportOptions {
        with_texts: true,
        ..ExportOptions::new(today())
    };
    let with = render_with(&d, None, &options);
    let page = check_page(&d, &with);
    let text: String = page.root_element().text().collect();
    for line in &lines {
        assert!(text.contains(line.as_str()), "{line}");
    }
    assert_eq!(page.select(&sel(".source-text")).count(), d.sources.len());
    assert!(!text.contains("full texts are left out"));
    check_claims_and_quotes(&page);
}

#[test]
fn the_as_of_day_is_always_a_date() {
    let d = embedded();
    for (as_of, day) in [
        (None, "2026-12-07"),
        (NaiveDate::from_ymd_opt(2026, 1, 31), "2026-01-31"),
    ] {
        let html = render(&d, as_of);
        let page = check_page(&d, &html);
        let time = page
            .select(&sel("header .facts dd time"))
            .next()
            .expect("the as-of day");
        assert_eq!(time.value().attr("datetime"), Some(day));
        assert_eq!(time.text().collect::<String>(), day);
        let title: String = page.select(&sel("title")).next().unwrap().text().collect();
        assert!(title.ends_with(&format!("as of {day}")), "{title}");
        assert!(!html.contains("today"), "no day without its date");
        let mut derived = Derived::default();
        derived.refresh(&d, as_of);
        let options = ExportOptions::new(today());
        let md = markdown_report(&Report::new(&d, &derived), &options);
        assert!(md.contains(&format!("As of **{day}**")), "{md}");
        assert!(!md.contains("today"), "no day without its date");
    }
}

#[test]
fn the_cli_puts_the_texts_in_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = embedded();
    let line = unquoted_line(&d, 0).unwrap();
    let export = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_board-explorer"))
            .arg("export")
            .args(args)
            .output()
            .unwrap()
    };
    let out = dir.path().join("with.html");
    let done = export(&[
        "--format",
        "html",
        "--with-texts",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(done.status.success(), "{done:?}");
    let page = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let text: String = page.root_element().text().collect();
    assert!(text.contains(&line));
    let done = export(&["--format", "html"]);
    let page = Html::parse_document(&String::from_utf8(done.stdout).unwrap());
    let text: String = page.root_element().text().collect();
    assert!(!text.contains(&line));
    // The other formats hold no texts: the flag is refused, not ignored.
    let refused = export(&["--format", "csv", "--with-texts"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--with-texts is for the HTML"));
}
