//! The conflicts, each side with its value, source, date, rank, reliability and words; and
//! the claims table, the most recent claims. A claim's number links to its row when the table
//! has it; its words link to where they stand in the source.

use crate::model::derive::report::{Report, ReportClaim};

use super::roster::cell;
use super::writer::Html;
use super::{Page, more};

pub(super) fn conflicts(h: &mut Html, page: &Page) {
    let (report, shown) = (page.report, &page.shown);
    h.raw("<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
    if report.conflict_count() == 0 {
        h.raw("<p>None: the sources agree, or an editor has settled every disagreement.</p>\n");
    }
    // The bodies' own properties in conflict (two days of entry into force) first, then the
    // actors' places on sub-bodies, then the actors' in roster order.
    h.raw("<div class=\"box\">\n");
    for (k, c) in report.body_conflicts[..shown.body_conflicts]
        .iter()
        .enumerate()
    {
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
        conflict_items(h, page, &c.claims);
        h.raw("</ul></article>\n");
    }
    for (k, c) in report.conflicts[..shown.conflicts].iter().enumerate() {
        let id = format!("conflict-{k}");
        h.open("article", &[("class", "conflict"), ("id", &id)])
            .raw("<h3>");
        let actor = format!("#actor-{}", c.row);
        h.elem("a", &[("href", &actor)], &c.actor.name)
            .raw(": ")
            .text(c.property.label())
            .raw("</h3>\n<ul>\n");
        conflict_items(h, page, &c.claims);
        h.raw("</ul></article>\n");
    }
    h.raw("</div>\n");
    more(
        h,
        shown.body_conflicts + shown.conflicts,
        report.conflict_count(),
        "conflicts",
    );
    h.raw("</section>\n");
}

/// The competing claims of one conflict, as list items.
fn conflict_items(h: &mut Html, page: &Page, claims: &[ReportClaim]) {
    let d = page.report.dataset;
    for rc in claims {
        h.raw("<li><span class=\"value\">")
            .text(&rc.claim.value_label(d))
            .raw("</span> <span class=\"meta\">says ");
        source_ref(h, rc);
        h.text(&claim_meta(rc)).raw(" · ");
        reliability(h, rc, false);
        h.raw(" · ");
        claim_number(h, page, rc.at);
        h.raw("</span>");
        quote_block(h, page.report, rc);
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

/// "claim 12", linked to its row of the claims table when the table has it (its number
/// finds it in the full data otherwise).
fn claim_number(h: &mut Html, page: &Page, at: usize) {
    let label = format!("claim {at}");
    if page.shown.in_table(at) {
        let href = format!("#claim-{at}");
        h.elem("a", &[("href", &href)], &label);
    } else {
        h.text(&label);
    }
}

/// The quoted words, linked to where they stand in the source's text when they are found.
fn quote_block(h: &mut Html, report: &Report, rc: &ReportClaim) {
    let Some(q) = &rc.claim.quote else {
        return;
    };
    h.raw("<blockquote>“").text(&q.exact).raw("” ");
    if placed(report, rc.at) {
        let href = format!("#quote-{}", rc.at);
        h.elem("a", &[("href", &href)], "in the source");
    } else {
        h.raw("<span class=\"meta\">(not found in the source's text)</span>");
    }
    h.raw("</blockquote>");
}

fn placed(report: &Report, claim: usize) -> bool {
    let detail = report.detail();
    detail.listed[claim].is_some_and(|i| detail.spans[i].is_some())
}

pub(super) fn claims(h: &mut Html, page: &Page) {
    let (report, shown) = (page.report, &page.shown);
    let d = report.dataset;
    let detail = report.detail();
    h.raw("<section id=\"claims\">\n<h2>Claims</h2>\n").raw(
        "<p class=\"legend\">The most recent claims known by the as-of date (by the day each \
         speaks for, the latest first), with the words each rests on; “in the source” shows \
         them among its source's quotes.</p>\n",
    );
    if detail.claims.is_empty() {
        h.raw("<p>No claims.</p>\n</section>\n");
        return;
    }
    h.raw(
        "<div class=\"scroll box\"><table class=\"sortable cards claims\">\n<thead><tr><th>#</th>\
           <th>About</th><th>Property</th><th>Value</th><th>Source</th><th>Reliability</th>\
           <th>Date</th><th>Rank</th><th>Quote</th></tr></thead>\n<tbody>\n",
    );
    for &i in &shown.claims {
        let (rc, span) = (&detail.claims[i], &detail.spans[i]);
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
                    .elem("a", &[("href", &href)], "in the source")
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
    h.raw("</tbody></table></div>\n");
    more(h, shown.claims.len(), detail.claims.len(), "claims");
    h.raw("</section>\n");
}
