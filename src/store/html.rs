//! The report as one self-contained HTML page a newsroom can post as is: header, roster,
//! seats, conflicts, claim matrix, timeline (inline SVG), every claim, and each source's text
//! with its quotes highlighted; every claim links to its quote and the quote back to it.
//!
//! Nothing is fetched: the style and the one small script (sorting tables) are inline, and a
//! Content-Security-Policy forbids loading anything else, so even a value that got past the
//! escaping could not fetch or run anything. Everything reads without the script; a print
//! stylesheet and a narrow-screen layout are part of the style. Every value from the dataset
//! passes through [`writer::escape`]; only http(s) source addresses become links.

mod text;
mod timeline;
pub(crate) mod writer;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::model::derive::report::{Report, ReportClaim};
use crate::model::{Dataset, Property, RosterRow, SeatKind, SeatOutcome};

use writer::Html;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/sort.js");

/// The page's Content-Security-Policy: nothing from anywhere, the inline style, and only the
/// script whose hash is given.
fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
         script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

/// The whole report as one HTML page.
pub fn html_report(report: &Report) -> String {
    let d = report.dataset;
    let mut h =
        Html::with_capacity(64 * 1024 + d.sources.iter().map(|s| s.text.len()).sum::<usize>() * 2);
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
    let title = match report.as_of {
        Some(day) => format!("{}: who sits on it, as of {day}", d.body.name),
        None => format!("{}: who sits on it", d.body.name),
    };
    h.open("title", &[])
        .plain(&title)
        .close("title")
        .raw("\n<style>\n")
        .raw(STYLE)
        .raw("</style>\n</head>\n<body>\n");
    header(&mut h, report);
    unresolved_merge(&mut h, report);
    h.raw(
        "<nav aria-label=\"Sections\"><ul><li><a href=\"#roster\">Roster</a></li>\
         <li><a href=\"#seats\">Seats</a></li><li><a href=\"#bodies\">Sub-bodies</a></li><li><a href=\"#conflicts\">Conflicts</a></li>\
         <li><a href=\"#matrix\">Claim matrix</a></li><li><a href=\"#timeline\">Timeline</a></li>\
         <li><a href=\"#claims\">Claims</a></li><li><a href=\"#sources\">Sources</a></li></ul></nav>\n<main>\n",
    );
    roster(&mut h, report);
    seats(&mut h, report);
    sub_bodies(&mut h, report);
    conflicts(&mut h, report);
    matrix(&mut h, report);
    timeline(&mut h, report);
    claims(&mut h, report);
    sources(&mut h, report);
    h.raw("</main>\n<footer>Written by board-explorer from the claims of the sources listed. ")
        .raw("Every value links to the words it rests on.</footer>\n")
        // The script's text, exactly as hashed in the policy.
        .raw("<script>")
        .raw(SCRIPT)
        .raw("</script>\n</body>\n</html>\n");
    h.finish()
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

fn header(h: &mut Html, report: &Report) {
    let d = report.dataset;
    h.raw("<header>\n").elem("h1", &[], &d.body.name);
    if !d.body.description.is_empty() {
        h.elem("p", &[("class", "lede")], &d.body.description);
    }
    h.raw("<dl class=\"facts\"><dt>As of</dt>");
    match report.as_of {
        Some(day) => h.elem(
            "dd",
            &[],
            &format!("{day}: what the sources had said by that day"),
        ),
        None => h.raw("<dd>today: everything the sources say</dd>"),
    };
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

fn roster(h: &mut Html, report: &Report) {
    let d = report.dataset;
    h.raw("<section id=\"roster\">\n<h2>Roster</h2>\n")
        .raw("<p class=\"legend\">Status, role, seat and date joined are each the best claim of \
              the sources (else, for a member, the day it was reported one); ⚠ marks a \
              property on which the sources disagree, each side shown under Conflicts with \
              its source's reliability. Click a column's name to sort.</p>\n")
        .raw("<div class=\"scroll\"><table class=\"sortable cards roster\">\n<thead><tr>\
              <th>Name</th><th>Kind</th><th>Country</th><th>Status</th><th>Role</th>\
              <th>Seat</th><th>Joined</th><th>Sources</th><th>Conflict</th></tr></thead>\n<tbody>\n");
    // Each row's first conflict, to link the marker to.
    let mut first_conflict = vec![None; report.rows.len()];
    for (k, c) in report.conflicts.iter().enumerate().rev() {
        first_conflict[c.row] = Some(k);
    }
    for (i, r) in report.rows.iter().enumerate() {
        let id = format!("actor-{i}");
        let value = |p: Property| shown(d, r.row, p);
        h.open("tr", &[("id", &id)]);
        h.elem("td", &[("class", "name")], &r.actor.name);
        cell(h, "Kind", Some(r.actor.kind.label().to_string()));
        cell(
            h,
            "Country",
            Some(r.actor.country.clone()).filter(|c| !c.is_empty()),
        );
        cell(h, "Status", status(d, r.row));
        cell(h, "Role", value(Property::Role));
        cell(h, "Seat", seat_words(r.seat));
        // Joined as the sources date it, else as the report counts it (see Report::joined).
        let joined =
            value(Property::Joined).or_else(|| report.joined(r.row, r.seat).map(|d| d.to_string()));
        cell(h, "Joined", joined);
        let n = r.row.sources.to_string();
        h.open(
            "td",
            &[
                ("class", "num"),
                ("data-label", "Sources"),
                ("data-sort", &n),
            ],
        )
        .text(&n)
        .close("td");
        match first_conflict[i] {
            Some(k) => {
                let n = r.row.conflicts();
                let href = format!("#conflict-{k}");
                let label = format!("⚠ {n}");
                let title = format!("{n} disputed: see the conflicts");
                h.open("td", &[("data-label", "Conflict"), ("data-sort", "1")])
                    .elem(
                        "a",
                        &[("class", "warn"), ("href", &href), ("title", &title)],
                        &label,
                    )
                    .close("td");
            }
            None => {
                h.raw("<td class=\"empty\" data-sort=\"0\"></td>");
            }
        }
        h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n</section>\n");
}

/// The property's value as its best claim gives it: "not member" for a negative one.
fn shown(d: &Dataset, row: &RosterRow, p: Property) -> Option<String> {
    row.get(p).map(|r| d.claims[r.best].value_label(d))
}

/// The status, "invited" when only an invitation is reported, "not member" when denied.
fn status(d: &Dataset, row: &RosterRow) -> Option<String> {
    match row.status(d) {
        Some(s) => Some(s.label().to_string()),
        None => shown(d, row, Property::Status),
    }
}

/// "term (to 2029-01-22)", "permanent"; none without a seat.
fn seat_words(seat: &SeatOutcome) -> Option<String> {
    match seat.kind {
        SeatKind::None => None,
        kind => Some(match seat.term_end {
            Some(end) => format!("{} (to {end})", kind.label()),
            None => kind.label().to_string(),
        }),
    }
}

/// A table cell with its column's name (shown before the value on narrow screens).
fn cell(h: &mut Html, label: &'static str, value: Option<String>) {
    match value {
        Some(v) => h.elem("td", &[("data-label", label)], &v),
        None => h
            .open("td", &[("class", "empty"), ("data-label", label)])
            .text("—")
            .close("td"),
    };
}

fn seats(h: &mut Html, report: &Report) {
    let rules = &report.dataset.body.seat_rules;
    h.raw("<section id=\"seats\">\n<h2>Seats</h2>\n");
    if report.members.is_empty() {
        h.raw("<p>No member yet.</p>\n</section>\n");
        return;
    }
    h.raw("<ul>\n");
    for m in report.member_rows() {
        h.raw("<li><b>")
            .text(&m.actor.name)
            .raw("</b>: ")
            .text(m.seat.kind.label())
            .raw(" <span class=\"meta\">(")
            .text(&m.seat.reason(rules).to_string())
            .raw(")</span></li>\n");
    }
    h.raw("</ul>\n<p>Totals: ")
        .text(&report.totals.to_string())
        .raw(".</p>\n</section>\n");
}

/// Each sub-body's roster under its own seat rules: who has claims about it, with status, role,
/// seat and the date joined.
fn sub_bodies(h: &mut Html, report: &Report) {
    let d = report.dataset;
    h.raw("<section id=\"bodies\">\n<h2>Sub-bodies</h2>\n");
    if d.sub_bodies.is_empty() {
        h.raw("<p>None recorded.</p>\n</section>\n");
        return;
    }
    // Each actor's row in the main roster, to link to.
    let mut row_of = vec![None; d.actors.len()];
    for (i, r) in report.rows.iter().enumerate() {
        row_of[r.row.actor] = Some(i);
    }
    for (k, sub) in report.sub_bodies().iter().enumerate() {
        let id = format!("body-{k}");
        h.open("article", &[("class", "sub-body"), ("id", &id)])
            .elem("h3", &[], &sub.body.name);
        let parent = sub
            .body
            .parent
            .as_deref()
            .and_then(|p| d.body_by_id(p))
            .unwrap_or(&d.body);
        let members = sub.members().count();
        h.open("p", &[("class", "meta")])
            .text(&format!(
                "Part of the {}. {} named in claims about it, {}. Seat rule: {}.",
                parent.name,
                sub.roster.rows.len(),
                match members {
                    1 => "1 of them a member".to_string(),
                    n => format!("{n} of them members"),
                },
                crate::model::derive::report::seat_rule_words(&sub.body.seat_rules)
            ))
            .close("p");
        if !sub.body.description.is_empty() {
            h.elem("p", &[], &sub.body.description);
        }
        if sub.roster.rows.is_empty() {
            h.raw("<p>No claims about its members yet.</p>\n</article>\n");
            continue;
        }
        h.raw(
            "<div class=\"scroll\"><table class=\"sortable cards\">\n<thead><tr><th>Name</th>\
             <th>Status</th><th>Role</th><th>Seat</th><th>Joined</th><th>Sources</th>\
             <th>Conflict</th></tr></thead>\n<tbody>\n",
        );
        for (row, seat) in sub.roster.rows.iter().zip(&sub.roster.seats) {
            let actor = &d.actors[row.actor];
            h.raw("<tr>");
            h.open("td", &[("class", "name")]);
            match row_of[row.actor] {
                Some(i) => h.elem("a", &[("href", &format!("#actor-{i}"))], &actor.name),
                None => h.text(&actor.name),
            };
            h.close("td");
            cell(h, "Status", status(d, row));
            cell(h, "Role", shown(d, row, Property::Role));
            cell(h, "Seat", seat_words(seat));
            let joined = shown(d, row, Property::Joined)
                .or_else(|| report.joined(row, seat).map(|d| d.to_string()));
            cell(h, "Joined", joined);
            let n = row.sources.to_string();
            h.open(
                "td",
                &[
                    ("class", "num"),
                    ("data-label", "Sources"),
                    ("data-sort", &n),
                ],
            )
            .text(&n)
            .close("td");
            let first = report
                .body_conflicts
                .iter()
                .position(|c| c.body == sub.body.name && c.actor.is_some_and(|a| a.id == actor.id));
            match first {
                None => h.raw("<td class=\"empty\" data-sort=\"0\"></td>"),
                Some(first) => {
                    let href = format!("#conflict-b{first}");
                    h.open("td", &[("data-label", "Conflict"), ("data-sort", "1")])
                        .elem(
                            "a",
                            &[("class", "warn"), ("href", &href)],
                            &format!("⚠ {}", row.conflicts()),
                        )
                        .close("td")
                }
            };
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n</article>\n");
    }
    h.raw("</section>\n");
}

fn conflicts(h: &mut Html, report: &Report) {
    h.raw("<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
    if report.conflict_count() == 0 {
        h.raw("<p>None: the sources agree, or an editor has settled every disagreement.</p>\n");
    }
    for (k, c) in report.conflicts.iter().enumerate() {
        let id = format!("conflict-{k}");
        h.open("article", &[("class", "conflict"), ("id", &id)])
            .raw("<h3>");
        let actor = format!("#actor-{}", c.row);
        h.elem("a", &[("href", &actor)], &c.actor.name)
            .raw(": ")
            .text(c.property.label())
            .raw("</h3>\n<ul>\n");
        conflict_items(h, report, &c.claims);
        h.raw("</ul></article>\n");
    }
    // The bodies' own properties in conflict (two days of entry into force), and the actors'
    // places on sub-bodies.
    for (k, c) in report.body_conflicts.iter().enumerate() {
        let id = format!("conflict-b{k}");
        h.open("article", &[("class", "conflict"), ("id", &id)])
            .raw("<h3>");
        match c.actor {
            // An actor's place on a sub-body.
            Some(a) => {
                h.text(&a.name)
                    .raw(": ")
                    .text(c.property.label())
                    .raw(" <span class=\"meta\">on the ")
                    .text(c.body)
                    .raw("</span>");
            }
            // The body's own property (two days of entry into force).
            None => {
                h.text(c.body).raw(": ").text(c.property.label());
            }
        }
        h.raw("</h3>\n<ul>\n");
        conflict_items(h, report, &c.claims);
        h.raw("</ul></article>\n");
    }
    h.raw("</section>\n");
}

/// The competing claims of one conflict, as list items.
fn conflict_items(h: &mut Html, report: &Report, claims: &[ReportClaim]) {
    let d = report.dataset;
    for rc in claims {
        h.raw("<li><span class=\"value\">")
            .text(&rc.claim.value_label(d))
            .raw("</span> <span class=\"meta\">says ");
        source_ref(h, rc);
        h.text(&claim_meta(rc)).raw(" · ");
        reliability(h, rc, false);
        h.raw(" · ");
        claim_link(h, rc.at);
        h.raw("</span>");
        quote_block(h, report, rc);
        h.raw("</li>\n");
    }
}

/// ", 2026-01-19, normal rank": the claim's date and rank.
fn claim_meta(rc: &ReportClaim) -> String {
    let date = rc
        .date
        .map(|d| format!(", {d}"))
        .unwrap_or_else(|| ", undated".into());
    format!("{date}, {} rank", rc.claim.rank.label())
}

/// The source's reliability as a badge ("low reliability", or "low" alone under a column
/// that names it), with whose words it relays.
fn reliability(h: &mut Html, rc: &ReportClaim, short: bool) {
    let class = format!("rel rel-{}", rc.reliability.label());
    let grade = rc.reliability.label();
    let words = if short {
        grade.to_string()
    } else {
        format!("{grade} reliability")
    };
    h.elem("span", &[("class", &class)], &words);
    if !rc.relays.is_empty() {
        h.raw(", <span class=\"relays\">per ")
            .text(rc.relays)
            .raw("</span>");
    }
}

fn source_ref(h: &mut Html, rc: &ReportClaim) {
    match rc.source_at {
        Some(s) => {
            let href = format!("#src-{s}");
            h.elem("a", &[("href", &href)], rc.source);
        }
        None if rc.claim.source == crate::model::EDITORS_NOTE => {
            h.text("the editor");
        }
        None => {
            h.text(rc.source).text(" (not in the sources)");
        }
    }
}

fn claim_link(h: &mut Html, at: usize) {
    let href = format!("#claim-{at}");
    h.elem("a", &[("href", &href)], &format!("claim {at}"));
}

/// The quoted words, linked to where they stand in the source's text when they are found.
fn quote_block(h: &mut Html, report: &Report, rc: &ReportClaim) {
    let Some(q) = &rc.claim.quote else {
        return;
    };
    h.raw("<blockquote>“").text(&q.exact).raw("” ");
    if placed(report, rc.at) {
        let href = format!("#quote-{}", rc.at);
        h.elem("a", &[("href", &href)], "in the text");
    } else {
        h.raw("<span class=\"meta\">(not found in the source's text)</span>");
    }
    h.raw("</blockquote>");
}

fn placed(report: &Report, claim: usize) -> bool {
    let detail = report.detail();
    detail.listed[claim].is_some_and(|i| detail.spans[i].is_some())
}

fn matrix(h: &mut Html, report: &Report) {
    let d = report.dataset;
    let m = &report.detail().matrix;
    h.raw("<section id=\"matrix\">\n<h2>Claim matrix</h2>\n")
        .raw(
            "<p class=\"legend\">What each source says about each subject and property, and \
              whether they agree, conflict, or only one says it.</p>\n",
        );
    if m.rows.is_empty() {
        h.raw("<p>No claims from the sources.</p>\n</section>\n");
        return;
    }
    h.raw("<div class=\"scroll\"><table class=\"sortable matrix\">\n<thead><tr><th>Subject</th><th>Property</th>");
    for id in &m.sources {
        let name = report
            .source_at(id)
            .map_or(id.as_str(), |s| d.sources[s].name());
        h.elem("th", &[], name);
    }
    h.raw("<th>Verdict</th></tr></thead>\n<tbody>\n");
    for row in &m.rows {
        h.raw("<tr>")
            .elem("td", &[], &report.row_name(row))
            .elem("td", &[], row.property.label());
        for cell in &row.cells {
            h.raw("<td>");
            if !cell.is_empty() {
                h.raw("<ul class=\"cell-claims\">");
                for &c in cell {
                    let href = format!("#claim-{c}");
                    h.raw("<li>")
                        .elem("a", &[("href", &href)], &d.claims[c].value_label(d))
                        .raw("</li>");
                }
                h.raw("</ul>");
            }
            h.raw("</td>");
        }
        let class = match row.verdict {
            crate::model::derive::compare::Verdict::Agree => "verdict-agree",
            crate::model::derive::compare::Verdict::Single => "verdict-single",
            crate::model::derive::compare::Verdict::Conflict => "verdict-conflict",
            crate::model::derive::compare::Verdict::History => "verdict-history",
        };
        h.elem("td", &[("class", class)], row.verdict.label())
            .raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n</section>\n");
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
           range; the red line is the as-of date.</p>\n<div class=\"scroll\">",
    );
    timeline::timeline_svg(h, &report.timeline, report.as_of);
    h.raw("</div>\n<ol class=\"events\">\n");
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

fn claims(h: &mut Html, report: &Report) {
    let d = report.dataset;
    let detail = report.detail();
    h.raw("<section id=\"claims\">\n<h2>Claims</h2>\n").raw(
        "<p class=\"legend\">Every claim known by the as-of date, with the words it rests \
              on; “in the text” shows them in their source.</p>\n",
    );
    if detail.claims.is_empty() {
        h.raw("<p>No claims.</p>\n</section>\n");
        return;
    }
    h.raw(
        "<div class=\"scroll\"><table class=\"sortable cards claims\">\n<thead><tr><th>#</th>\
           <th>About</th><th>Property</th><th>Value</th><th>Source</th><th>Reliability</th>\
           <th>Date</th><th>Rank</th><th>Quote</th></tr></thead>\n<tbody>\n",
    );
    for (rc, span) in detail.claims.iter().zip(&detail.spans) {
        let id = format!("claim-{}", rc.at);
        let n = rc.at.to_string();
        h.open("tr", &[("id", &id)])
            .open(
                "td",
                &[("class", "num"), ("data-label", "Claim"), ("data-sort", &n)],
            )
            .text(&n)
            .close("td");
        h.open("td", &[("class", "name"), ("data-label", "About")])
            .text(report.subject_name(&rc.claim.subject))
            .close("td");
        cell(
            h,
            "Property",
            Some(rc.claim.fact.property().label().to_string()),
        );
        cell(h, "Value", Some(rc.claim.value_label(d)));
        h.raw("<td data-label=\"Source\">");
        source_ref(h, rc);
        h.raw("</td>");
        let grade = rc.reliability as u8;
        h.open(
            "td",
            &[
                ("data-label", "Reliability"),
                ("data-sort", &grade.to_string()),
            ],
        );
        reliability(h, rc, true);
        h.close("td");
        cell(h, "Date", rc.date.map(|d| d.to_string()));
        cell(h, "Rank", Some(rc.claim.rank.label().to_string()));
        match (&rc.claim.quote, span) {
            (Some(q), Some(_)) => {
                let href = format!("#quote-{}", rc.at);
                h.raw("<td data-label=\"Quote\">“")
                    .text(&q.exact)
                    .raw("” ")
                    .elem("a", &[("href", &href)], "in the text")
                    .raw("</td>");
            }
            (Some(q), None) => {
                h.raw("<td data-label=\"Quote\">“")
                    .text(&q.exact)
                    .raw("” <span class=\"meta\">(not found in the source's text)</span></td>");
            }
            (None, _) => cell(h, "Quote", None),
        }
        h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n</section>\n");
}

fn sources(h: &mut Html, report: &Report) {
    let detail = report.detail();
    h.raw("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if report.sources.is_empty() {
        h.raw("<p>No sources.</p>\n");
    }
    for (s, source) in report.sources.iter().enumerate() {
        let id = format!("src-{s}");
        h.open("article", &[("class", "source"), ("id", &id)])
            .raw("<h3>");
        h.text(source.name());
        if !source.title.is_empty() && source.title != source.name() {
            h.raw(": <cite>").text(&source.title).raw("</cite>");
        }
        h.raw("</h3>\n<p class=\"meta\">");
        let mut facts = Vec::new();
        if let Some(p) = source.published {
            facts.push(format!("published {p}"));
        }
        if let Some(r) = source.retrieved {
            facts.push(format!("retrieved {r}"));
        }
        facts.push(format!(
            "{} reliability",
            report.dataset.reliability(source).label()
        ));
        if !source.relays.trim().is_empty() {
            facts.push(format!("relays {}", source.relays.trim()));
        }
        let quoted = detail.quotes[s].len();
        facts.push(format!("{quoted} quotes highlighted"));
        h.text(&facts.join(" · "));
        if let Some(url) = &source.url {
            h.raw(" · ");
            h.external_link(url, url);
        }
        h.raw("</p>\n");
        if !source.note.is_empty() {
            h.elem("p", &[("class", "meta")], &source.note);
        }
        h.raw("<div class=\"source-text\">");
        text::marked_text(h, &source.text, &detail.quotes[s]);
        h.raw("</div>\n</article>\n");
    }
    h.raw("</section>\n");
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
