//! Exports for people who do not run the app: the roster as CSV (any spreadsheet reads it),
//! and a Markdown report (roster, seats, conflicts with their quotes, timeline, sources).

use chrono::NaiveDate;

use crate::model::money::format_money;
use crate::model::seats::{SeatOutcome, amount_words, seat, totals};
use crate::model::{Dataset, Fact, Index, Property, Roster, roster};

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

struct Derived {
    roster: Roster,
    seats: Vec<SeatOutcome>,
}

fn derive(d: &Dataset, as_of: Option<NaiveDate>) -> (Index, Derived) {
    let index = Index::build(d);
    let roster = roster(d, &index, as_of);
    let seats = roster
        .rows
        .iter()
        .map(|row| seat(&d.body.seat_rules, d, &index, row))
        .collect();
    (index, Derived { roster, seats })
}

/// One row per actor with the Roster table's columns; dates in ISO 8601; quoting by the csv crate.
pub fn roster_csv(d: &Dataset, as_of: Option<NaiveDate>) -> String {
    let (_, derived) = derive(d, as_of);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).expect("writing to memory");
    for (row, seat) in derived.roster.rows.iter().zip(&derived.seats) {
        let actor = &d.actors[row.actor];
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

pub fn markdown_report(d: &Dataset, as_of: Option<NaiveDate>) -> String {
    let (index, derived) = derive(d, as_of);
    let mut out = format!("# {}\n\n", d.body.name);
    match as_of {
        Some(day) => out.push_str(&format!(
            "As of **{day}**: what the sources had said by that day.\n\n"
        )),
        None => out.push_str("As of today: everything the sources say.\n\n"),
    }
    if !d.body.description.is_empty() {
        out.push_str(&format!("{}\n\n", d.body.description));
    }

    out.push_str("## Roster\n\n| Name | Kind | Country | Role | Status | Seat | Pledge | Sources | Conflict |\n|---|---|---|---|---|---|---|---|---|\n");
    for (row, seat) in derived.roster.rows.iter().zip(&derived.seats) {
        let a = &d.actors[row.actor];
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
    let members: Vec<(usize, &SeatOutcome)> = derived
        .seats
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind != crate::model::SeatKind::None)
        .collect();
    if members.is_empty() {
        out.push_str("No member yet.\n");
    } else {
        for (i, s) in &members {
            let name = &d.actors[derived.roster.rows[*i].actor].name;
            out.push_str(&format!(
                "- **{}**: {} ({})\n",
                name,
                s.kind.label(),
                s.reason
            ));
        }
        let t = totals(members.iter().map(|(_, s)| *s));
        out.push_str(&format!(
            "\nTotals: {} permanent, {} term, {} chair; {} pledged.\n",
            t.permanent,
            t.term,
            t.chair,
            amount_words(t.pledged, &rules.threshold.currency)
        ));
    }

    out.push_str("\n## Conflicts\n\n");
    let mut any = false;
    for row in &derived.roster.rows {
        for r in row.values.iter().filter(|r| r.conflict) {
            any = true;
            let best = &d.claims[r.best];
            out.push_str(&format!(
                "- **{}**, {}:\n",
                d.actors[row.actor].name,
                r.property.label()
            ));
            let competing = std::iter::once(r.best).chain(r.others.iter().copied().filter(|&c| {
                let c = &d.claims[c];
                c.rank == best.rank && c.fact != best.fact
            }));
            for c in competing {
                let claim = &d.claims[c];
                let source = index
                    .source_by_id
                    .get(&claim.source)
                    .map_or(claim.source.as_str(), |&s| d.sources[s].outlet.as_str());
                let quote = claim
                    .quote
                    .as_ref()
                    .map(|q| format!(": “{}”", q.exact))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "  - {} ({source}){quote}\n",
                    d.fact_label(&claim.fact)
                ));
            }
        }
    }
    if !any {
        out.push_str("None: the sources agree, or an editor has settled every disagreement.\n");
    }

    out.push_str("\n## Timeline\n\n");
    let mut events: Vec<&crate::model::Event> = d.events.iter().collect();
    events.sort_by_key(|e| e.date);
    if events.is_empty() {
        out.push_str("No events.\n");
    }
    for e in events {
        let when = match e.end {
            Some(end) => format!("{} to {end}", e.date),
            None => e.date.to_string(),
        };
        out.push_str(&format!("- **{when}** {} ({})\n", e.title, e.kind.label()));
    }

    out.push_str("\n## Sources\n\n");
    for s in &d.sources {
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
