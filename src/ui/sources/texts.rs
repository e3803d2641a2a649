//! One source's text, drawn a paragraph at a time: only the paragraphs in view are laid out
//! and painted, so a 200,000-character article with thousands of quotes scrolls as lightly as
//! a short one. Quotes are coloured by agreement, known actors underlined, and words can be
//! selected by dragging (or found by typing) to become a new claim's quote.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Galley, Pos2, Sense, Stroke, Vec2};

use crate::model::derive::compare::{Segment, Verdict};
use crate::model::text::mentions::KnownMention;

/// Paragraphs longer than this many bytes are drawn in pieces, cut after a sentence, so no
/// single layout is ever large.
const PIECE: usize = 1200;
/// Space between paragraphs.
const GAP: f32 = 8.0;

/// The colour a quote is highlighted in, by how its claim stands against the other sources.
pub fn verdict_colour(verdict: Verdict, strong: bool) -> Color32 {
    let alpha = if strong { 150 } else { 60 };
    match verdict {
        Verdict::Agree => Color32::from_rgba_unmultiplied(60, 170, 90, alpha),
        Verdict::History => Color32::from_rgba_unmultiplied(200, 160, 50, alpha),
        Verdict::Single => Color32::from_rgba_unmultiplied(80, 130, 230, alpha),
        Verdict::Conflict => Color32::from_rgba_unmultiplied(230, 70, 60, alpha),
    }
}

/// What to draw over the text.
pub struct Marks<'a> {
    /// Sorted by start, not overlapping.
    pub segments: &'a [Segment],
    /// Sorted by start, not overlapping.
    pub mentions: &'a [KnownMention],
    /// The claim shown stronger (the one the user picked).
    pub selected_claim: Option<usize>,
    /// Review hook: the suggestion under review, as (its sentence, its quote) in bytes.
    pub review: Option<(Range<usize>, Range<usize>)>,
}

/// The sentence of the suggestion under review (faint) and its quote (stronger).
fn review_colour(quote: bool) -> Color32 {
    Color32::from_rgba_unmultiplied(235, 190, 40, if quote { 130 } else { 45 })
}

/// What the pointer did this frame, in byte offsets of the text.
pub struct TextResponse {
    pub response: Option<egui::Response>,
    pub hovered: Option<usize>,
    pub clicked: Option<usize>,
}

#[derive(Default)]
pub struct SourceText {
    /// Which text the paragraphs below were cut from: source id and the text's hash (so an
    /// edit elsewhere in the dataset keeps the layout and the scroll position).
    key: Option<(String, String)>,
    paragraphs: Vec<Range<usize>>,
    /// Heights at `width`: measured for paragraphs that have been drawn, estimated for others.
    heights: Vec<f32>,
    width: f32,
    /// The selected words (start, end) in bytes, snapped to whole words while dragging.
    selection: Option<(usize, usize)>,
    /// Where the current drag began, before snapping.
    drag_from: Option<usize>,
    /// A byte to bring into view on the next frame.
    pub scroll_to: Option<usize>,
    /// The paragraphs drawn last frame: index, top-left on screen, layout.
    painted: Vec<(usize, Pos2, Arc<Galley>)>,
}

impl SourceText {
    /// The selected span (start, end) in bytes, if any words are selected.
    pub fn selected(&self) -> Option<(usize, usize)> {
        let (a, b) = self.selection?;
        let (start, end) = (a.min(b), a.max(b));
        (start < end).then_some((start, end))
    }

    /// Selects a span (from Find or a suggestion) and scrolls to it.
    pub fn select(&mut self, start: usize, end: usize) {
        self.selection = Some((start, end));
        self.scroll_to = Some(start);
    }

    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Where a byte of the text was drawn last frame (for tests that drag across words).
    pub fn screen_pos(&self, text: &str, byte: usize) -> Option<Pos2> {
        let (p, origin, galley) = self
            .painted
            .iter()
            .find(|(p, _, _)| self.paragraphs[*p].contains(&byte))?;
        let para = &self.paragraphs[*p];
        let chars = text[para.start..byte].chars().count();
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(chars));
        Some(*origin + rect.left_center().to_vec2())
    }

    /// Re-cuts the paragraphs when the text changed; keeps the selection if it still fits.
    fn prepare(&mut self, id: &str, hash: &str, text: &str) {
        if self.key.as_ref().is_some_and(|(i, h)| i == id && h == hash) {
            return;
        }
        let same_source = self.key.as_ref().is_some_and(|(i, _)| i == id);
        self.key = Some((id.to_string(), hash.to_string()));
        self.paragraphs = cut(text);
        self.heights.clear();
        self.width = 0.0;
        if !same_source
            || self.selection.is_some_and(|(a, b)| {
                a.max(b) > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b)
            })
        {
            self.selection = None;
        }
    }

    fn estimate(&mut self, text: &str, width: f32, row: f32, char_width: f32) {
        let per_line = (width / char_width).max(10.0);
        self.heights = self
            .paragraphs
            .iter()
            .map(|p| {
                let chars = text[p.clone()].len() as f32; // bytes: close enough for a guess
                (chars / per_line).ceil().max(1.0) * row
            })
            .collect();
        self.width = width;
    }

    /// Draws the text in a scroll area of its own; returns what the pointer did.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        id: &str,
        hash: &str,
        text: &str,
        marks: &Marks,
    ) -> TextResponse {
        self.prepare(id, hash, text);
        let width = (ui.available_width() - 14.0).max(80.0);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let row = ui.text_style_height(&egui::TextStyle::Body);
        if (width - self.width).abs() > 0.5 || self.heights.len() != self.paragraphs.len() {
            let char_width = font.size * 0.55;
            self.estimate(text, width, row, char_width);
        }
        let mut tops = Vec::with_capacity(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            tops.push(y);
            y += h + GAP;
        }
        let total = y;

        let mut area = egui::ScrollArea::vertical()
            .id_salt(("source_text", id))
            .auto_shrink([false, false]);
        if let Some(byte) = self.scroll_to.take() {
            let p = self.paragraphs.partition_point(|r| r.end <= byte);
            if let Some(top) = tops.get(p) {
                area = area.vertical_scroll_offset((top - 3.0 * row).max(0.0));
            }
        }
        let mut out = TextResponse {
            response: None,
            hovered: None,
            clicked: None,
        };
        area.show_viewport(ui, |ui, viewport| {
            let (rect, response) =
                ui.allocate_exact_size(Vec2::new(width, total), Sense::click_and_drag());
            let first = tops
                .partition_point(|&t| t <= viewport.min.y)
                .saturating_sub(1);
            self.painted.clear();
            let style = PieceStyle {
                base: TextFormat {
                    font_id: font.clone(),
                    color: ui.visuals().text_color(),
                    ..Default::default()
                },
                selection_fill: ui.visuals().selection.bg_fill,
                mention_stroke: Stroke::new(1.0, ui.visuals().hyperlink_color),
                width,
            };
            for (p, &top) in tops.iter().enumerate().skip(first) {
                if top > viewport.max.y {
                    break;
                }
                let range = self.paragraphs[p].clone();
                let job = self.job(text, range, marks, &style);
                let galley = ui.painter().layout_job(job);
                let origin = rect.min + Vec2::new(0.0, top);
                self.heights[p] = galley.size().y.max(row);
                ui.painter()
                    .galley(origin, galley.clone(), ui.visuals().text_color());
                self.painted.push((p, origin, galley));
            }
            out.hovered = response.hover_pos().and_then(|pos| self.byte_at(text, pos));
            // The selection starts where the button went down, not where the drag was noticed.
            if response.drag_started()
                && let Some(at) = ui
                    .input(|i| i.pointer.press_origin())
                    .and_then(|pos| self.byte_at(text, pos))
            {
                self.drag_from = Some(at);
                self.selection = Some((at, at));
            }
            // Review hook: a drag selects whole words (see `model::words`).
            if response.dragged()
                && let (Some(anchor), Some(at)) = (
                    self.drag_from,
                    response
                        .interact_pointer_pos()
                        .and_then(|pos| self.byte_at(text, pos)),
                )
            {
                self.selection = Some(crate::model::text::words::snap_to_words(text, anchor, at));
            }
            if response.clicked() {
                out.clicked = response
                    .interact_pointer_pos()
                    .and_then(|pos| self.byte_at(text, pos));
                self.selection = None;
            }
            out.response = Some(response);
        });
        out
    }

    /// The byte under a screen position, among the paragraphs drawn (above the first: its
    /// start; below the last: its end).
    fn byte_at(&self, text: &str, pos: Pos2) -> Option<usize> {
        let (first, last) = (self.painted.first()?, self.painted.last()?);
        if pos.y < first.1.y {
            return Some(self.paragraphs[first.0].start);
        }
        let (p, origin, galley) = self
            .painted
            .iter()
            .find(|(_, origin, galley)| pos.y < origin.y + galley.size().y + GAP)
            .unwrap_or(last);
        let range = &self.paragraphs[*p];
        let cursor = galley.cursor_from_pos(pos - *origin);
        let para = &text[range.clone()];
        let offset = para
            .char_indices()
            .nth(cursor.index.0)
            .map_or(para.len(), |(i, _)| i);
        Some(range.start + offset)
    }

    /// The layout of one paragraph: plain text cut wherever a quote, a mention or the
    /// selection begins or ends, each piece formatted by what covers it.
    fn job(&self, text: &str, range: Range<usize>, marks: &Marks, style: &PieceStyle) -> LayoutJob {
        let PieceStyle {
            base,
            selection_fill,
            mention_stroke,
            width,
        } = style;
        let (selection_fill, mention_stroke, width) = (*selection_fill, *mention_stroke, *width);
        let segs = overlapping(marks.segments, &range, |s| (s.start, s.end));
        let ments = overlapping(marks.mentions, &range, |m| (m.start, m.end));
        let selected = self.selected();
        let mut cuts = vec![range.start, range.end];
        for s in segs {
            cuts.extend([s.start, s.end]);
        }
        for m in ments {
            cuts.extend([m.start, m.end]);
        }
        if let Some((a, b)) = selected {
            cuts.extend([a, b]);
        }
        if let Some((sentence, quote)) = &marks.review {
            cuts.extend([sentence.start, sentence.end, quote.start, quote.end]);
        }
        cuts.retain(|c| range.contains(c) || *c == range.end);
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        for piece in cuts.windows(2) {
            let (a, b) = (piece[0], piece[1]);
            let mut format = base.clone();
            if let Some(seg) = segs.iter().find(|s| s.start <= a && a < s.end) {
                let strong = marks
                    .selected_claim
                    .is_some_and(|c| seg.claims.contains(&c));
                format.background = verdict_colour(seg.verdict, strong);
                if strong {
                    format.underline = Stroke::new(2.0, base.color);
                }
            }
            if ments.iter().any(|m| m.start <= a && a < m.end) && format.underline == Stroke::NONE {
                format.underline = mention_stroke;
            }
            if let Some((sentence, quote)) = &marks.review
                && (sentence.contains(&a) || quote.contains(&a))
            {
                let in_quote = quote.contains(&a);
                format.background = review_colour(in_quote);
                if in_quote {
                    format.underline = Stroke::new(1.5, base.color);
                }
            }
            if selected.is_some_and(|(s, e)| s <= a && a < e) {
                format.background = selection_fill;
            }
            job.append(&text[a..b], 0.0, format);
        }
        job
    }
}

/// How the pieces of a paragraph are drawn: the plain text, the selection, a mention, and the
/// width to wrap at.
struct PieceStyle {
    base: TextFormat,
    selection_fill: Color32,
    mention_stroke: Stroke,
    width: f32,
}

/// The items of a sorted, non-overlapping list that overlap `range`.
fn overlapping<'a, T>(
    items: &'a [T],
    range: &Range<usize>,
    span: impl Fn(&T) -> (usize, usize),
) -> &'a [T] {
    let from = items.partition_point(|t| span(t).1 <= range.start);
    let to = from + items[from..].partition_point(|t| span(t).0 < range.end);
    &items[from..to]
}

/// The text's paragraphs (its lines, blank ones left out), long ones cut after a sentence.
fn cut(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end_matches('\n').len();
        let mut from = start;
        while end - from > PIECE {
            let window = &text[from..end];
            let mut at = PIECE;
            while !window.is_char_boundary(at) {
                at += 1;
            }
            let split = window[at..]
                .find(". ")
                .map(|i| at + i + 2)
                .or_else(|| window[at..].find(' ').map(|i| at + i + 1))
                .unwrap_or(window.len());
            out.push(from..from + split);
            from += split;
        }
        if end > from {
            out.push(from..end);
        }
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines_and_long_ones_are_cut_after_a_sentence() {
        let long = "Word word word. ".repeat(200);
        let text = format!("One.\n\nTwo.\n{long}");
        let paras = cut(&text);
        assert_eq!(&text[paras[0].clone()], "One.");
        assert_eq!(&text[paras[1].clone()], "Two.");
        assert!(paras.len() > 3);
        assert!(paras[2..].iter().all(|p| p.len() <= PIECE + 20));
        assert!(text[paras[2].clone()].ends_with(". "));
        let covered: usize = paras[2..].iter().map(|p| p.len()).sum();
        assert_eq!(covered, long.trim_end().len() + 1);
    }

    #[test]
    fn overlapping_finds_the_items_in_a_range() {
        let items = [(0, 5), (6, 9), (12, 20), (25, 30)];
        let found = overlapping(&items, &(8..13), |&(s, e)| (s, e));
        assert_eq!(found, [(6, 9), (12, 20)]);
        assert!(overlapping(&items, &(20..25), |&(s, e)| (s, e)).is_empty());
    }
}
