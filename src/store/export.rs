//! Exports for people who do not run the app: the roster as CSV (any spreadsheet reads it),
//! and a Markdown report (roster, seats, conflicts with each side's source, date, reliability
//! and quote, timeline, sources with their reliability when it is said).
//!
//! Both are opened by other people's programs, so every value from the dataset is escaped for
//! its destination where it lands: [`csv_cell`] against formula injection in spreadsheets,
//! [`md_text`] and [`md_link`] against raw HTML, injected structure and links that break out.

use crate::model::data::money::format_money;
use crate::model::derive::report::{Report, ReportClaim};
use crate::model::{Fact, Property};

use super::roster_columns::COLUMNS;

/// What can be written for people who do not run the app, from the report: the one list of
/// formats for the command line (`export --format`), the window's Export menu and the session.
/// A new format is a variant here, its arms below and its writer (a file of `src/store/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, strum::VariantArray)]
pub enum ExportFormat {
    /// The roster as CSV.
    Csv,
    /// The report as Markdown.
    #[value(name = "md")]
    Markdown,
    /// The report as one self-contained HTML page.
    Html,
    /// Popolo JSON (organizations, persons, memberships).
    Popolo,
    /// FollowTheMoney entities as JSON lines.
    Ftm,
}

impl ExportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: &'static [ExportFormat] = <ExportFormat as strum::VariantArray>::VARIANTS;

    /// The menu item and the save dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Csv => "Export roster as CSV",
            ExportFormat::Markdown => "Export report as Markdown",
            ExportFormat::Html => "Export report as HTML",
            ExportFormat::Popolo => "Export as Popolo JSON",
            ExportFormat::Ftm => "Export as FollowTheMoney entities",
        }
    }

    /// Its name in the Export window's list of formats.
    pub fn choice(self) -> &'static str {
        match self {
            ExportFormat::Csv => "Roster as CSV (spreadsheets)",
            ExportFormat::Markdown => "Report as Markdown",
            ExportFormat::Html => "Report as HTML (one page)",
            ExportFormat::Popolo => "Popolo JSON (organizations, persons, memberships)",
            ExportFormat::Ftm => "FollowTheMoney entities (JSON lines)",
        }
    }

    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Popolo | ExportFormat::Ftm => "json",
        }
    }

    /// What the file is called after the dataset: "board_of_peace-roster.csv".
    pub fn file_stem(self) -> &'static str {
        match self {
            ExportFormat::Csv => "roster",
            ExportFormat::Markdown | ExportFormat::Html => "report",
            ExportFormat::Popolo => "popolo",
            ExportFormat::Ftm => "ftm-entities",
        }
    }

    /// The text of `report` in this format, written with `options` (see [`super::ExportOptions`]).
    pub fn write(self, report: &Report, options: &super::ExportOptions) -> String {
        match self {
            ExportFormat::Csv => roster_csv(report),
            ExportFormat::Markdown => markdown_report(report, options),
            ExportFormat::Html => super::html_report(report, options),
            ExportFormat::Popolo => super::popolo_json(report),
            ExportFormat::Ftm => super::ftm_entities(report),
        }
    }
}

/// One row per actor with the columns of [`super::roster_columns::COLUMNS`] (id, name, kind,
/// country, wikidata, role, status, seat, joined, pledge, sources); dates in ISO 8601; quoting
/// by the csv crate. What the import reads back (`store::import_csv`).
pub fn roster_csv(report: &Report) -> String {
    let d = report.dataset;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS.map(|c| c.name))
        .expect("writing to memory");
    for r in &report.rows {
        let (actor, row, seat) = (r.actor, r.row, r.seat);
        let value = |p: Property| row.fact(d, p).map(|f| d.fact_label(f)).unwrap_or_default();
        let pledge = match row.fact(d, Property::Pledge) {
            Some(Fact::Pledge(m)) => Some(m),
            _ => None,
        };
        // In the order of COLUMNS.
        let record: [String; COLUMNS.len()] = [
            actor.id.clone(),
            actor.name.clone(),
            actor.kind.label().to_string(),
            actor.country.clone(),
            actor.wikidata.clone().unwrap_or_default(),
            value(Property::Role),
            row.status(d)
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            if seat.kind == crate::model::SeatKind::None {
                String::new()
            } else {
                seat.kind.label().to_string()
            },
            report
                .joined(row, seat)
                .map(super::popolo::iso_date)
                .unwrap_or_default(),
            pledge.map(format_money).unwrap_or_default(),
            row.sources.to_string(),
        ];
        w.write_record(record.iter().map(|c| csv_cell(c).into_owned()))
            .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flushing memory"))
        .expect("csv of UTF-8 strings is UTF-8")
}

/// A cell as [`csv_cell`] wrote it, read back: the quote that kept a formula from running is
/// taken off again (a `\u{..}` escape stays as written).
pub fn csv_uncell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if csv_cell(rest).starts_with('\'') => rest,
        _ => cell,
    }
}

/// A CSV cell a spreadsheet will not run as a formula, and a terminal or editor showing the
/// file cannot be steered by: as OWASP advises, a cell that begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (also after leading spaces, which some spreadsheets skip) gets a
/// single quote in front, which spreadsheets show as text; control characters other than tab
/// and line breaks (ESC starts a terminal sequence) and the bidirectional embeddings,
/// overrides and isolates (which reorder the text around them) are written as `\u{..}`.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let first = text.trim_start_matches(' ').chars().next();
    let starts_formula = text.starts_with(['\t', '\r'])
        || first.is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let steering = text.chars().any(steers);
    if !starts_formula && !steering {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 1);
    if starts_formula {
        out.push('\'');
    }
    for c in text.chars() {
        if steers(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a character steers what shows a text rather than being part of it.
fn steers(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text that Markdown shows as itself, on one line: HTML's `&`, `<` and `>` as entities, the
/// characters of inline syntax (emphasis, code, links, images, tables, strikethrough, escapes)
/// behind a backslash, line breaks as spaces, and a start that would begin a block (a heading,
/// a quote, a list, a rule) escaped too, wherever the value lands.
pub fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '|' | '~' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // A value may start a line (the description, a list item's text): escape what would
    // make it a block of its own.
    let trimmed = out.trim_start();
    let lead = out.len() - trimmed.len();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let block_at = match trimmed.chars().next() {
        Some('-' | '+' | '=' | '>') => Some(lead),
        Some(c)
            if c.is_ascii_digit()
                && matches!(trimmed[digits..].chars().next(), Some('.' | ')')) =>
        {
            Some(lead + digits)
        }
        _ => None,
    };
    if let Some(at) = block_at {
        out.insert(at, '\\');
    }
    out
}

/// A link to `url` when it is an http(s) address, escaped so it cannot leave its `<…>`; any
/// other scheme (`javascript:`, `data:`…) is shown as text, not linked.
pub fn md_link(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return md_text(url);
    }
    let mut out = String::from("<");
    for c in url.trim().chars() {
        match c {
            '<' | '>' | ' ' | '"' | '`' | '\\' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// A table cell: Markdown-escaped as [`md_text`] (which escapes pipes and joins lines).
fn cell(text: &str) -> String {
    md_text(text)
}

/// A warning above everything else when a merge left fields both sides changed: the report
/// shows ours for them, which nobody has chosen yet (exported only when asked for with
/// `--allow-conflicts`, or from the window, which shows the conflicts too).
fn unresolved_merge_md(out: &mut String, d: &crate::model::Dataset) {
    let conflicts = &d.merge_conflicts;
    if conflicts.is_empty() {
        return;
    }
    out.push_str(&format!(
        "> **Unresolved merge conflicts: {}.** A merge left these fields changed differently \
         on both sides; this report shows ours for each until someone picks:\n>\n",
        conflicts.len()
    ));
    for c in conflicts {
        out.push_str(&format!("> - {}\n", md_text(&c.describe())));
    }
    out.push('\n');
}

/// The competing claims of one conflict, each with its source and quote.
fn conflict_claims(out: &mut String, d: &crate::model::Dataset, claims: &[ReportClaim]) {
    for rc in claims {
        let quote = rc
            .claim
            .quote
            .as_ref()
            .map(|q| format!(": “{}”", md_text(&q.exact)))
            .unwrap_or_default();
        let date = rc.date.map(|d| format!(", {d}")).unwrap_or_default();
        out.push_str(&format!(
            "  - {} ({}{date}, {}){quote}\n",
            md_text(&rc.claim.value_label(d)),
            md_text(rc.source),
            md_text(&rc.standing())
        ));
    }
}

/// The whole report as Markdown: roster, seats and totals, conflicts with their sources and
/// quotes, timeline, sources.
/// The day is always a date: without one, the day it was written (`options.today`).
pub fn markdown_report(report: &Report, options: &super::ExportOptions) -> String {
    let d = report.dataset;
    let mut out = format!("# {}\n\n", md_text(&d.body.name));
    match report.as_of {
        Some(day) => out.push_str(&format!(
            "As of **{day}**: what the sources had said by that day.\n\n"
        )),
        None => out.push_str(&format!(
            "As of **{}**, the day it was written: everything the sources say.\n\n",
            options.today
        )),
    }
    if !d.body.description.is_empty() {
        out.push_str(&format!("{}\n\n", md_text(&d.body.description)));
    }
    unresolved_merge_md(&mut out, d);

    out.push_str("## Roster\n\n| Name | Kind | Country | Role | Status | Seat | Pledge | Sources | Conflict |\n|---|---|---|---|---|---|---|---|---|\n");
    for r in &report.rows {
        let (a, row, seat) = (r.actor, r.row, r.seat);
        // "not member" for a winning negative claim, "—" when nothing is known.
        let value = |p: Property| row.value_label(d, p);
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
            cell(row.status_label(d)),
            cell(seat.kind.label()),
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
                md_text(&m.actor.name),
                md_text(m.seat.kind.label()),
                md_text(&m.seat.reason(rules).to_string())
            ));
        }
        out.push_str(&format!(
            "\nTotals: {}.\n",
            md_text(&report.totals.to_string())
        ));
    }

    out.push_str("\n## Conflicts\n\n");
    for c in &report.conflicts {
        out.push_str(&format!(
            "- **{}**, {}:\n",
            md_text(&c.actor.name),
            md_text(c.property.label())
        ));
        conflict_claims(&mut out, d, &c.claims);
    }
    for c in &report.body_conflicts {
        let who = match c.actor {
            Some(a) => format!("{} ({})", md_text(&a.name), md_text(c.body)),
            None => md_text(c.body),
        };
        out.push_str(&format!("- **{who}**, {}:\n", md_text(c.property.label())));
        conflict_claims(&mut out, d, &c.claims);
    }
    if report.conflict_count() == 0 {
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
        out.push_str(&format!(
            "- **{when}** {} ({})\n",
            md_text(&e.title),
            md_text(e.kind.label())
        ));
    }

    out.push_str("\n## Sources\n\n");
    for s in report.sources {
        let date = s.published.map(|p| format!(", {p}")).unwrap_or_default();
        let url = s
            .url
            .as_ref()
            .map(|u| format!(" {}", md_link(u)))
            .unwrap_or_default();
        // A source without a title is its outlet alone, not "Outlet: **".
        let title = match s.title.trim() {
            "" => String::new(),
            title => format!(": *{}*", md_text(title)),
        };
        // How far it stands, when that is said: "(low reliability, per Bloomberg)".
        let standing = match d.source_standing(s) {
            w if w.is_empty() => w,
            w => format!(" ({})", md_text(&w)),
        };
        out.push_str(&format!(
            "- {}{title}{date}{standing}{url}\n",
            md_text(&s.outlet)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line's `--format` names are those the README and scripts use, and every
    /// format says what its file is.
    #[test]
    fn every_format_has_its_command_line_name_title_and_extension() {
        use clap::ValueEnum;
        let names: Vec<String> = ExportFormat::ALL
            .iter()
            .map(|f| f.to_possible_value().unwrap().get_name().to_string())
            .collect();
        assert_eq!(names, ["csv", "md", "html", "popolo", "ftm"]);
        for f in ExportFormat::ALL {
            assert!(f.title().starts_with("Export "), "{f:?}");
            assert!(
                !f.extension().is_empty() && !f.file_stem().is_empty(),
                "{f:?}"
            );
        }
    }

    #[test]
    fn cells_cannot_break_a_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(md_text("<b>&# x"), "&lt;b&gt;&amp;\\# x");
        assert_eq!(md_text("- item"), "\\- item");
        assert_eq!(md_text("1. x"), "1\\. x");
        assert_eq!(
            md_link("https://a.b/x> [y](javascript:z)"),
            "<https://a.b/x%3E%20%5By%5D(javascript:z)>"
        );
        assert_eq!(md_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(csv_cell("  =1+1"), "'  =1+1");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("Trump"), "Trump");
        for cell in ["  =1+1", "\tx", "-5", "'quoted'", "Trump", "'"] {
            assert_eq!(csv_uncell(&csv_cell(cell)), cell);
        }
        // A terminal sequence and a right-to-left override are shown, not obeyed.
        assert_eq!(csv_cell("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(csv_cell("x\u{202e}gpj.exe"), "x\\u{202e}gpj.exe");
        // A right-to-left mark is part of an Arabic or Hebrew name: kept.
        assert_eq!(csv_cell("\u{200f}عباس"), "\u{200f}عباس");
    }
}
