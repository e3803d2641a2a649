//! The report as one self-contained HTML page a newsroom can post as is: header, roster
//! (every actor, searchable), seats, conflicts, claim matrix, timeline (inline SVG), the most
//! recent claims, and the sources with the words their claims quote (their full texts, quotes
//! highlighted, only when asked for: wire copy may not be republishable). The long sections
//! are capped ([`caps`]), each saying how many more there are; every claim on the page links
//! to its quote and the quote back to it.
//!
//! Nothing is fetched: the style and the one small script (sorting tables, finding in the
//! roster) are inline, and a Content-Security-Policy forbids loading anything else, so even a
//! value that got past the escaping could not fetch or run anything. Everything reads without
//! the script; a print stylesheet and a narrow-screen layout are part of the style. Every
//! value from the dataset passes through [`writer::escape`]; only http(s) source addresses
//! become links.

mod caps;
mod claims;
mod matrix;
mod roster;
mod shown;
mod sources;
mod text;
mod timeline;
pub(crate) mod writer;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::model::SeatKind;
use crate::model::derive::report::Report;

use super::ExportOptions;
use shown::Shown;
use writer::Html;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// The page's Content-Security-Policy: nothing from anywhere, the inline style, and only the
/// script whose hash is given.
fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
         script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

/// What every section writes from: the report, what of it the page shows, and the options.
struct Page<'p, 'a> {
    report: &'p Report<'a>,
    shown: Shown,
    options: &'p ExportOptions,
}

/// The whole report as one HTML page.
pub fn html_report(report: &Report, options: &ExportOptions) -> String {
    let d = report.dataset;
    let texts = if options.with_texts {
        d.sources.iter().map(|s| s.text.len()).sum::<usize>() * 2
    } else {
        0
    };
    let mut h = Html::with_capacity(64 * 1024 + report.rows.len() * 512 + texts);
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .open(
            "meta",
            &[
                ("http-equiv", "Content-Security-Policy"),
                ("content", &content_security_policy()),
            ],
        )
        .raw("\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .open(
            "meta",
            &[("name", "generator"), ("content", "board-explorer")],
        )
        .raw("\n");
    let page = Page {
        report,
        shown: Shown::new(report),
        options,
    };
    let title = format!("{}: who sits on it, as of {}", d.body.name, page.as_of());
    h.open("title", &[])
        .plain(&title)
        .close("title")
        .raw("\n<style>\n")
        .raw(STYLE)
        .raw("</style>\n</head>\n<body>\n");
    header(&mut h, &page);
    unresolved_merge(&mut h, report);
    h.raw(
        "<nav aria-label=\"Sections\"><ul><li><a href=\"#roster\">Roster</a></li>\
         <li><a href=\"#seats\">Seats</a></li><li><a href=\"#bodies\">Sub-bodies</a></li><li><a href=\"#conflicts\">Conflicts</a></li>\
         <li><a href=\"#matrix\">Claim matrix</a></li><li><a href=\"#timeline\">Timeline</a></li>\
         <li><a href=\"#claims\">Claims</a></li><li><a href=\"#sources\">Sources</a></li></ul></nav>\n<main>\n",
    );
    roster::roster(&mut h, &page);
    roster::seats(&mut h, &page);
    roster::sub_bodies(&mut h, &page);
    claims::conflicts(&mut h, &page);
    matrix::matrix(&mut h, &page);
    timeline(&mut h, report);
    claims::claims(&mut h, &page);
    sources::sources(&mut h, &page);
    h.raw("</main>\n<footer>Written by board-explorer from the claims of the sources listed. ")
        .raw("Every value links to the words it rests on.</footer>\n")
        // The script's text, exactly as hashed in the policy.
        .raw("<script>")
        .raw(SCRIPT)
        .raw("</script>\n</body>\n</html>\n");
    h.finish()
}

impl Page<'_, '_> {
    /// The day the page is as of: the one chosen, else the day it is written.
    fn as_of(&self) -> chrono::NaiveDate {
        self.report.as_of.unwrap_or(self.options.today)
    }
}

/// Below a capped section: how many more there are, and where all of them are.
fn more(h: &mut Html, shown: usize, total: usize, what: &'static str) {
    if total <= shown {
        return;
    }
    h.raw("<p class=\"more\"><b>")
        .num((total - shown) as f64)
        .raw(" more ")
        .raw(what)
        .raw("</b> not shown here (")
        .num(shown as f64)
        .raw(" of ")
        .num(total as f64)
        .raw(" are). The full data is in the dataset's RON file and in its CSV and JSON exports.</p>\n");
}

/// A warning above the report when a merge left fields both sides changed: the report shows
/// ours for them, which nobody has chosen yet.
fn unresolved_merge(h: &mut Html, report: &Report) {
    let conflicts = &report.dataset.merge_conflicts;
    if conflicts.is_empty() {
        return;
    }
    h.raw("<section id=\"merge-conflicts\" class=\"merge-conflicts\" role=\"alert\">\n")
        .elem(
            "h2",
            &[],
            &format!("Unresolved merge conflicts: {}", conflicts.len()),
        )
        .elem(
            "p",
            &[],
            "A merge left these fields changed differently on both sides; this report shows \
             ours for each until someone picks.",
        )
        .raw("<ul>");
    for c in conflicts {
        h.elem("li", &[], &c.describe());
    }
    h.raw("</ul>\n</section>\n");
}

fn header(h: &mut Html, page: &Page) {
    let report = page.report;
    let d = report.dataset;
    h.raw("<header>\n").elem("h1", &[], &d.body.name);
    if !d.body.description.is_empty() {
        h.elem("p", &[("class", "lede")], &d.body.description);
    }
    // The day always as a date, as every date on the page is written.
    let day = page.as_of().to_string();
    h.raw("<dl class=\"facts\"><dt>As of</dt><dd>")
        .elem("time", &[("datetime", &day)], &day)
        .raw(match report.as_of {
            Some(_) => ": what the sources had said by that day</dd>",
            None => ", the day it was written: everything the sources say</dd>",
        });
    h.raw("<dt>Seat rule</dt>")
        .elem("dd", &[], &capitalised(&report.seat_rule()));
    if !d.sub_bodies.is_empty() {
        let names: Vec<&str> = d.sub_bodies.iter().map(|b| b.name.as_str()).collect();
        h.raw("<dt>Related bodies</dt>")
            .elem("dd", &[], &names.join("; "));
    }
    h.raw("</dl>\n<ul class=\"counts\">");
    let detail = report.detail();
    let seated = report
        .member_rows()
        .filter(|m| m.seat.kind != SeatKind::Seatless)
        .count();
    for (n, one, many) in [
        (report.rows.len(), "actor", "actors"),
        (report.memberships.len(), "member", "members"),
        (seated, "with a seat", "with a seat"),
        (report.conflict_count(), "conflict", "conflicts"),
        (detail.claims.len(), "claim", "claims"),
        (d.sources.len(), "source", "sources"),
        (report.timeline.len(), "event", "events"),
    ] {
        h.raw("<li><b>")
            .num(n as f64)
            .raw("</b>")
            .text(if n == 1 { one } else { many })
            .raw("</li>");
    }
    h.raw("</ul>\n</header>\n");
}

fn timeline(h: &mut Html, report: &Report) {
    h.raw("<section id=\"timeline\" class=\"timeline\">\n<h2>Timeline</h2>\n");
    if report.timeline.is_empty() && report.as_of.is_none() {
        h.raw("<p>No events.</p>\n</section>\n");
        return;
    }
    h.raw(
        "<p class=\"legend\">A dot is a day; a dashed span is a date known only to the month \
           or the year, or an approximate day (~) over the days it may stand for; a bar is a \
           range; the red line is the as-of date.</p>\n<div class=\"scroll box\">",
    );
    timeline::timeline_svg(h, &report.timeline, report.as_of);
    h.raw("</div>\n<ol class=\"events box\">\n");
    for e in &report.timeline {
        h.raw("<li><b>")
            .text(&timeline::when(e))
            .raw("</b> ")
            .text(&e.title)
            .raw(" <span class=\"meta\">(")
            .text(e.kind.label())
            .raw(")</span>");
        if !e.description.is_empty() {
            h.raw(": ").text(&e.description);
        }
        h.raw("</li>\n");
    }
    h.raw("</ol>\n</section>\n");
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
