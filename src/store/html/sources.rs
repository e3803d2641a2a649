//! The sources: each one's outlet, title, dates, reliability, whom it relays and address, and
//! the words the claims on the page quote from it, each linking back to its claim. Its full
//! text, every quote highlighted, only with `with_texts` (wire copy may not be republishable).

use crate::model::derive::report::QuoteMark;

use super::writer::Html;
use super::{Page, text};

pub(super) fn sources(h: &mut Html, page: &Page) {
    let report = page.report;
    let detail = report.detail();
    h.raw("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if report.sources.is_empty() {
        h.raw("<p>No sources.</p>\n");
    } else if !page.options.with_texts {
        h.raw(
            "<p class=\"legend\">The sources' full texts are left out (wire copy may not be \
             republishable): each source gives the words the claims on this page quote. \
             <code>board-explorer export --with-texts</code> puts the texts in.</p>\n",
        );
    }
    h.raw("<div class=\"box\">\n");
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
        let (quoted, on_page) = (detail.quotes[s].len(), page.shown.quotes[s].len());
        facts.push(match (page.options.with_texts, on_page) {
            (true, _) => format!("{quoted} quotes highlighted"),
            (false, _) if on_page == quoted => format!("{quoted} quotes"),
            (false, 0) => format!("{quoted} quotes, none from the claims on this page"),
            (false, _) => format!("{quoted} quotes, {on_page} from the claims on this page"),
        });
        h.text(&facts.join(" · "));
        if let Some(url) = &source.url {
            h.raw(" · ");
            h.external_link(url, url);
        }
        h.raw("</p>\n");
        if !source.note.is_empty() {
            h.elem("p", &[("class", "meta")], &source.note);
        }
        if page.options.with_texts {
            h.raw("<div class=\"source-text\">");
            text::marked_text(h, &source.text, &detail.quotes[s], |c| page.shown.href(c));
            h.raw("</div>\n");
        } else {
            quotes(h, page, &source.text, &page.shown.quotes[s]);
        }
        h.raw("</article>\n");
    }
    h.raw("</div>\n</section>\n");
}

/// The quoted words of the claims on the page, in the order they stand in the source, each
/// stretch once with a link back to every claim that quotes it.
fn quotes(h: &mut Html, page: &Page, source_text: &str, marks: &[QuoteMark]) {
    if marks.is_empty() {
        return;
    }
    h.raw("<ol class=\"quotes\">\n");
    for same in marks.chunk_by(|a, b| (a.start, a.end) == (b.start, b.end)) {
        h.raw("<li>");
        for m in same {
            text::anchor(h, m.claim);
        }
        let words = source_text.get(same[0].start..same[0].end).unwrap_or("");
        h.raw("<mark>").text(words).raw("</mark>");
        for m in same {
            if let Some(href) = page.shown.href(m.claim) {
                text::back_link(h, m.claim, &href);
            }
        }
        h.raw("</li>\n");
    }
    h.raw("</ol>\n");
}
