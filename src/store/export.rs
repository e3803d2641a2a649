//! Exports for people who do not run the app: the roster as CSV (any spreadsheet reads it),
//! and a Markdown report (roster, seats, conflicts with their quotes, timeline, sources).

use crate::model::money::format_money;
use crate::model::report::Report;
use crate::model::seats::amount_words;
use crate::model::{Fact, Property};

const COLUMNS: [&str; 12] = [
    "name",
    "kind",
    "country",
    "role",
    "status",
    "seat",
    "term_end",
    "pledge",
    "pledge_amount",
    "pledge_currency",
    "sources",
    "conflicts",
];

/// One row per actor with the Roster table's columns; dates in ISO 8601; quoting by the csv crate.
pub fn roster_csv(report: &Report) -> String {
    let d = report.dataset;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).expect("writing to memory");
    for r in &report.rows {
        let (actor, row, seat) = (r.actor, r.row, r.seat);
        let value = |p: Property| row.fact(d, p).map(|f| d.fact_label(f)).unwrap_or_default();
        let pledge = match row.fact(d, Property::Pledge) {
            Some(Fact::Pledge(m)) => Some(m),
            _ => None,
        };
        let record = [
            actor.name.clone(),
            actor.kind.label().to_string(),
            actor.country.clone(),
            value(Property::Role),
            row.status(d)
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            if seat.kind == crate::model::SeatKind::None {
                String::new()
            } else {
                seat.kind.label().to_string()
            },
            seat.term_end.map(|e| e.to_string()).unwrap_or_default(),
            pledge.map(format_money).unwrap_or_default(),
            pledge.map(|m| m.amount.to_string()).unwrap_or_default(),
            pledge.map(|m| m.currency.clone()).unwrap_or_default(),
            row.sources.to_string(),
            row.conflicts().to_string(),
        ];
        w.write_record(&record).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flushing memory"))
        .expect("csv of UTF-8 strings is UTF-8")
}

/// A table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The whole report as Markdown: roster, seats and totals, conflicts with their sources and
/// quotes, timeline, sources.
pub fn markdown_report(report: &Report) -> String {
    let d = report.dataset;
    let mut out = format!("# {}\n\n", d.body.name);
    match report.as_of {
        Some(day) => out.push_str(&format!(
            "As of **{day}**: what the sources had said by that day.\n\n"
        )),
        None => out.push_str("As of today: everything the sources say.\n\n"),
    }
    if !d.body.description.is_empty() {
        out.push_str(&format!("{}\n\n", d.body.description));
    }

    out.push_str("## Roster\n\n| Name | Kind | Country | Role | Status | Seat | Pledge | Sources | Conflict |\n|---|---|---|---|---|---|---|---|---|\n");
    for r in &report.rows {
        let (a, row, seat) = (r.actor, r.row, r.seat);
        let value = |p: Property| {
            row.fact(d, p)
                .map_or_else(|| "—".to_string(), |f| d.fact_label(f))
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&a.name),
            a.kind.label(),
            cell(if a.country.is_empty() {
                "—"
            } else {
                &a.country
            }),
            cell(&value(Property::Role)),
            row.status_label(d),
            seat.kind.label(),
            cell(&value(Property::Pledge)),
            row.sources,
            if row.has_conflict() { "⚠" } else { "" }
        ));
    }

    let rules = &d.body.seat_rules;
    out.push_str("\n## Seats\n\n");
    if report.members.is_empty() {
        out.push_str("No member yet.\n");
    } else {
        for m in report.member_rows() {
            out.push_str(&format!(
                "- **{}**: {} ({})\n",
                m.actor.name,
                m.seat.kind.label(),
                m.seat.reason
            ));
        }
        let t = &report.totals;
        out.push_str(&format!(
            "\nTotals: {} permanent, {} term, {} chair; {} pledged.\n",
            t.permanent,
            t.term,
            t.chair,
            amount_words(t.pledged, &rules.threshold.currency)
        ));
    }

    out.push_str("\n## Conflicts\n\n");
    for c in &report.conflicts {
        out.push_str(&format!(
            "- **{}**, {}:\n",
            c.actor.name,
            c.property.label()
        ));
        for rc in &c.claims {
            let quote = rc
                .claim
                .quote
                .as_ref()
                .map(|q| format!(": “{}”", q.exact))
                .unwrap_or_default();
            out.push_str(&format!(
                "  - {} ({}){quote}\n",
                d.fact_label(&rc.claim.fact),
                rc.source
            ));
        }
    }
    if report.conflicts.is_empty() {
        out.push_str("None: the sources agree, or an editor has settled every disagreement.\n");
    }

    out.push_str("\n## Timeline\n\n");
    if report.timeline.is_empty() {
        out.push_str("No events.\n");
    }
    for e in &report.timeline {
        let when = match e.end {
            Some(end) => format!("{} to {end}", e.date),
            None => e.date.to_string(),
        };
        out.push_str(&format!("- **{when}** {} ({})\n", e.title, e.kind.label()));
    }

    out.push_str("\n## Sources\n\n");
    for s in report.sources {
        let date = s.published.map(|p| format!(", {p}")).unwrap_or_default();
        let url = s
            .url
            .as_ref()
            .map(|u| format!(" <{u}>"))
            .unwrap_or_default();
        out.push_str(&format!("- {}: *{}*{date}{url}\n", s.outlet, s.title));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
