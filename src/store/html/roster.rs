//! The roster (every actor, searchable and sortable), the seats with their reasons, and each
//! sub-body's roster under its own seat rules.

use std::collections::HashMap;

use crate::model::derive::report::Report;
use crate::model::{Dataset, Property, RosterRow, SeatKind, SeatOutcome};

use super::writer::Html;
use super::{Page, caps, more};

pub(super) fn roster(h: &mut Html, page: &Page) {
    let report = page.report;
    let d = report.dataset;
    h.raw("<section id=\"roster\">\n<h2>Roster</h2>\n")
        .raw("<p class=\"legend\">Every actor. Status, role, seat and date joined are each the \
              best claim of the sources (else, for a member, the day it was reported one); ⚠ \
              marks a property on which the sources disagree, each side shown under Conflicts \
              with its source's reliability. Click a column's name to sort; type in Find to \
              show only the rows holding every word.</p>\n")
        .raw("<div class=\"scroll box\"><table class=\"sortable searchable cards long roster\">\n<thead><tr>\
              <th>Name</th><th>Kind</th><th>Country</th><th>Status</th><th>Role</th>\
              <th>Seat</th><th>Joined</th><th>Sources</th><th>Conflict</th></tr></thead>\n<tbody>\n");
    // Each row's first conflict listed on the page, to link the marker to.
    let mut first_conflict = vec![None; report.rows.len()];
    for (k, c) in report.conflicts[..page.shown.conflicts]
        .iter()
        .enumerate()
        .rev()
    {
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
        sources_cell(h, r.row);
        conflict_cell(
            h,
            r.row.conflicts(),
            first_conflict[i].map(|k| format!("#conflict-{k}")),
        );
        h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n</section>\n");
}

/// How many sources speak of the row's actor, sorting as a number.
fn sources_cell(h: &mut Html, row: &RosterRow) {
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
}

/// "⚠ 2" when `n` properties are disputed, linked to the first conflict when it is listed.
fn conflict_cell(h: &mut Html, n: usize, href: Option<String>) {
    if n == 0 {
        h.raw("<td class=\"empty\" data-sort=\"0\"></td>");
        return;
    }
    let label = format!("⚠ {n}");
    h.raw("<td data-label=\"Conflict\" data-sort=\"1\">");
    match href {
        Some(href) => {
            let title = format!("{n} disputed: see the conflicts");
            h.elem(
                "a",
                &[("class", "warn"), ("href", &href), ("title", &title)],
                &label,
            );
        }
        None => {
            let title = format!("{n} disputed: beyond the conflicts listed here");
            h.elem("span", &[("class", "warn"), ("title", &title)], &label);
        }
    }
    h.raw("</td>");
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
pub(super) fn cell(h: &mut Html, label: &'static str, value: Option<String>) {
    match value {
        Some(v) => h.elem("td", &[("data-label", label)], &v),
        None => h
            .open("td", &[("class", "empty"), ("data-label", label)])
            .text("—")
            .close("td"),
    };
}

pub(super) fn seats(h: &mut Html, page: &Page) {
    let report = page.report;
    let rules = &report.dataset.body.seat_rules;
    h.raw("<section id=\"seats\">\n<h2>Seats</h2>\n");
    if report.members.is_empty() {
        h.raw("<p>No member yet.</p>\n</section>\n");
        return;
    }
    h.raw("<p>Totals: ")
        .text(&report.totals.to_string())
        .raw(".</p>\n<ul class=\"box\">\n");
    for m in report.member_rows().take(caps::SEATS) {
        h.raw("<li><b>")
            .text(&m.actor.name)
            .raw("</b>: ")
            .text(m.seat.kind.label())
            .raw(" <span class=\"meta\">(")
            .text(&m.seat.reason(rules).to_string())
            .raw(")</span></li>\n");
    }
    h.raw("</ul>\n");
    more(h, caps::SEATS, report.members.len(), "members' seats");
    h.raw("</section>\n");
}

/// Each sub-body's roster under its own seat rules: who has claims about it, with status, role,
/// seat and the date joined.
pub(super) fn sub_bodies(h: &mut Html, page: &Page) {
    let report = page.report;
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
    // Each actor's first conflict on each sub-body, by the body's name and the actor's id.
    let mut first_conflict: HashMap<(&str, &str), usize> = HashMap::new();
    for (k, c) in report.body_conflicts.iter().enumerate() {
        if let Some(a) = c.actor {
            first_conflict.entry((c.body, a.id.as_str())).or_insert(k);
        }
    }
    for (k, sub) in report.sub_bodies().iter().enumerate() {
        let id = format!("body-{k}");
        h.open("article", &[("class", "sub-body"), ("id", &id)])
            .elem("h3", &[], &sub.body.name);
        sub_body_facts(h, report, sub);
        if sub.roster.rows.is_empty() {
            h.raw("<p>No claims about its members yet.</p>\n</article>\n");
            continue;
        }
        h.raw(
            "<div class=\"scroll box\"><table class=\"sortable cards long sub-roster\">\n<thead><tr><th>Name</th>\
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
            sources_cell(h, row);
            let href = first_conflict
                .get(&(sub.body.name.as_str(), actor.id.as_str()))
                .copied()
                .filter(|&k| k < page.shown.body_conflicts)
                .map(|k| format!("#conflict-b{k}"));
            conflict_cell(h, row.conflicts(), href);
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n</article>\n");
    }
    h.raw("</section>\n");
}

/// What a sub-body is part of, how many are named in claims about it and how many are
/// members, its seat rule and its description.
fn sub_body_facts(
    h: &mut Html,
    report: &Report,
    sub: &crate::model::derive::report::SubBodyReport,
) {
    let d = report.dataset;
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
}
