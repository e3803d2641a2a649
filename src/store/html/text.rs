//! A source's text with its quotes highlighted: each quote starts with an anchor its claim
//! links to (`quote-N`) and ends with a link back to the claim (`claim-N`). Quotes may overlap;
//! the text is cut at every quote's start and end, and each piece is marked when any quote
//! covers it (more strongly when several do).

use crate::model::derive::report::QuoteMark;

use super::writer::Html;

/// Writes `text` with `marks` (sorted by start, on char boundaries, within the text).
pub fn marked_text(h: &mut Html, text: &str, marks: &[QuoteMark]) {
    // Every place a piece starts or ends, in order.
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut next = 0; // the next mark to open
    let mut open: Vec<QuoteMark> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        while next < marks.len() && marks[next].start == from {
            let id = format!("quote-{}", marks[next].claim);
            h.open("span", &[("class", "anchor"), ("id", &id)])
                .close("span");
            open.push(marks[next]);
            next += 1;
        }
        let piece = text.get(from..to).unwrap_or("");
        match open.len() {
            0 => {
                h.text(piece);
            }
            1 => {
                h.raw("<mark>").text(piece).raw("</mark>");
            }
            _ => {
                h.raw("<mark class=\"overlap\">").text(piece).raw("</mark>");
            }
        }
        // Quotes that end here link back to their claims.
        let mut ended: Vec<usize> = open
            .iter()
            .filter(|m| m.end == to)
            .map(|m| m.claim)
            .collect();
        ended.sort_unstable();
        for claim in ended {
            let href = format!("#claim-{claim}");
            let label = format!("[{claim}]");
            let title = format!("claim {claim}");
            h.raw("<sup class=\"back\">")
                .elem("a", &[("href", &href), ("title", &title)], &label)
                .raw("</sup>");
        }
        open.retain(|m| m.end > to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, claim: usize) -> QuoteMark {
        QuoteMark { start, end, claim }
    }

    #[test]
    fn overlapping_quotes_each_get_their_anchor_and_link_back() {
        let mut h = Html::default();
        marked_text(&mut h, "a <b> c d", &[mark(2, 5, 1), mark(2, 7, 2)]);
        assert_eq!(
            h.finish(),
            "a <span class=\"anchor\" id=\"quote-1\"></span><span class=\"anchor\" \
             id=\"quote-2\"></span><mark class=\"overlap\">&lt;b&gt;</mark><sup class=\"back\">\
             <a href=\"#claim-1\" title=\"claim 1\">[1]</a></sup><mark> c</mark><sup \
             class=\"back\"><a href=\"#claim-2\" title=\"claim 2\">[2]</a></sup> d"
        );
        let mut h = Html::default();
        marked_text(&mut h, "plain", &[]);
        assert_eq!(h.finish(), "plain");
    }
}
