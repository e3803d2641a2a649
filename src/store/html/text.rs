//! A source's text with its quotes highlighted: each quote of a claim on the page starts with
//! an anchor its claim links to (`quote-N`) and ends with a link back to where the claim is
//! (its row, `claim-N`, or its conflict). Quotes may overlap; the text is cut at every
//! quote's start and end, and each piece is marked when any quote covers it (more strongly
//! when several do).

use crate::model::derive::report::QuoteMark;

use super::writer::Html;

/// The anchor a claim's "in the source" links to, just before its quoted words.
pub fn anchor(h: &mut Html, claim: usize) {
    let id = format!("quote-{claim}");
    h.open("span", &[("class", "anchor"), ("id", &id)])
        .close("span");
}

/// "[12]" after quoted words, linking back to where claim 12 is on the page.
pub fn back_link(h: &mut Html, claim: usize, href: &str) {
    let label = format!("[{claim}]");
    let title = format!("claim {claim}");
    h.raw("<sup class=\"back\">")
        .elem("a", &[("href", href), ("title", &title)], &label)
        .raw("</sup>");
}

/// Writes `text` with `marks` (sorted by start, on char boundaries, within the text); a mark
/// whose claim `home` places on the page gets its anchor and its link back.
pub fn marked_text(
    h: &mut Html,
    text: &str,
    marks: &[QuoteMark],
    home: impl Fn(usize) -> Option<String>,
) {
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
            if home(marks[next].claim).is_some() {
                anchor(h, marks[next].claim);
            }
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
            if let Some(href) = home(claim) {
                back_link(h, claim, &href);
            }
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
        marked_text(&mut h, "a <b> c d", &[mark(2, 5, 1), mark(2, 7, 2)], |c| {
            Some(format!("#claim-{c}"))
        });
        assert_eq!(
            h.finish(),
            "a <span class=\"anchor\" id=\"quote-1\"></span><span class=\"anchor\" \
             id=\"quote-2\"></span><mark class=\"overlap\">&lt;b&gt;</mark><sup class=\"back\">\
             <a href=\"#claim-1\" title=\"claim 1\">[1]</a></sup><mark> c</mark><sup \
             class=\"back\"><a href=\"#claim-2\" title=\"claim 2\">[2]</a></sup> d"
        );
        let mut h = Html::default();
        marked_text(&mut h, "plain", &[], |_| None);
        assert_eq!(h.finish(), "plain");
        // A quote whose claim is not on the page is highlighted, with no anchor or link.
        let mut h = Html::default();
        marked_text(&mut h, "a b c", &[mark(0, 1, 1), mark(4, 5, 2)], |c| {
            (c == 2).then(|| "#conflict-0".to_string())
        });
        assert_eq!(
            h.finish(),
            "<mark>a</mark> b <span class=\"anchor\" id=\"quote-2\"></span><mark>c</mark><sup \
             class=\"back\"><a href=\"#conflict-0\" title=\"claim 2\">[2]</a></sup>"
        );
    }
}
