//! The claim matrix: a row per subject and property (its conflicts first), a column per
//! most-cited source (the others' claims gathered in a last column), what each says, and the
//! verdict.

use crate::model::derive::compare::Verdict;

use super::writer::Html;
use super::{Page, more};

pub(super) fn matrix(h: &mut Html, page: &Page) {
    let (report, shown) = (page.report, &page.shown);
    let d = report.dataset;
    let m = &report.detail().matrix;
    h.raw("<section id=\"matrix\">\n<h2>Claim matrix</h2>\n")
        .raw(
            "<p class=\"legend\">What each source says about each subject and property, and \
              whether they agree, conflict, or only one says it; the conflicts first.</p>\n",
        );
    if m.rows.is_empty() {
        h.raw("<p>No claims from the sources.</p>\n</section>\n");
        return;
    }
    // Every row's verdict counted, the rows shown or not.
    h.raw("<p>").num(m.rows.len() as f64).raw(" rows: ");
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| format!("{} {}", m.count(v), v.label()))
        .collect();
    h.text(&counts.join(", ")).raw(".");
    let others = m.sources.len() - shown.matrix_columns.len();
    if others > 0 {
        h.raw(" A column for each of the ")
            .num(shown.matrix_columns.len() as f64)
            .raw(" sources cited most; the claims of the other ")
            .num(others as f64)
            .raw(" are in the last column.");
    }
    h.raw("</p>\n<div class=\"scroll box\"><table class=\"sortable matrix\">\n<thead><tr><th>Subject</th><th>Property</th>");
    let name = |column: usize| {
        let id = &m.sources[column];
        report
            .source_at(id)
            .map_or(id.as_str(), |s| d.sources[s].name())
    };
    for &column in &shown.matrix_columns {
        h.elem("th", &[], name(column));
    }
    if others > 0 {
        h.raw("<th>Other sources</th>");
    }
    h.raw("<th>Verdict</th></tr></thead>\n<tbody>\n");
    let mut in_column = vec![false; m.sources.len()];
    for &column in &shown.matrix_columns {
        in_column[column] = true;
    }
    for &r in &shown.matrix_rows {
        let row = &m.rows[r];
        h.raw("<tr>")
            .elem("td", &[], &report.row_name(row))
            .elem("td", &[], row.property.label());
        for &column in &shown.matrix_columns {
            h.raw("<td>");
            cell_claims(h, page, &row.cells[column], None);
            h.raw("</td>");
        }
        if others > 0 {
            h.raw("<td>");
            for (column, cell) in row.cells.iter().enumerate() {
                if !in_column[column] {
                    cell_claims(h, page, cell, Some(name(column)));
                }
            }
            h.raw("</td>");
        }
        let class = match row.verdict {
            Verdict::Agree => "verdict-agree",
            Verdict::Single => "verdict-single",
            Verdict::Conflict => "verdict-conflict",
            Verdict::History => "verdict-history",
        };
        h.elem("td", &[("class", class)], row.verdict.label())
            .raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    more(
        h,
        shown.matrix_rows.len(),
        m.rows.len(),
        "rows of the matrix",
    );
    h.raw("</section>\n");
}

/// A cell's claims, each value linked to where the claim is on the page when it is there;
/// with its source's name after it in the column of other sources.
fn cell_claims(h: &mut Html, page: &Page, claims: &[usize], source: Option<&str>) {
    if claims.is_empty() {
        return;
    }
    let d = page.report.dataset;
    h.raw("<ul class=\"cell-claims\">");
    for &c in claims {
        let value = d.claims[c].value_label(d);
        h.raw("<li>");
        match page.shown.href(c) {
            Some(href) => h.elem("a", &[("href", &href)], &value),
            None => h.text(&value),
        };
        if let Some(source) = source {
            h.raw(" <span class=\"meta\">(")
                .text(source)
                .raw(")</span>");
        }
        h.raw("</li>");
    }
    h.raw("</ul>");
}
