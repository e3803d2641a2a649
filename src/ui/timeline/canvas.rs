//! The timeline itself: the axis, the lanes and their marks (grouped where they land on the
//! same pixels), dated status notches, the as-of cursor or today's line; zoomed with the
//! wheel, panned and the cursor dragged.

use chrono::Datelike;

use super::{AXIS, GUTTER, LANE, MAX_SPAN, MIN_SPAN, TimelinePanel, event_tooltip, kind_color};
use crate::model::Dataset;
use crate::model::derive::timeline::{Lane, Time, date_of, day_number, ticks};
use crate::session::{Command, Select};
use crate::ui::view::ViewCtx;

impl TimelinePanel {
    pub(super) fn canvas(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, egui::Sense::click_and_drag());
        // Named for screen readers (and tests); its marks are listed on the right.
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline of events")
        });
        if self.cache.lanes.is_empty() {
            let text = if d.events.is_empty() {
                "No events yet. Add one with \"Add event\"."
            } else {
                "No event matches the filters."
            };
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(15.0),
                ui.visuals().weak_text_color(),
            );
            return;
        }
        let plot = egui::Rect::from_min_max(
            egui::pos2(rect.left() + GUTTER, rect.top() + AXIS),
            rect.max,
        );
        let (t0, t1) = match self.view {
            Some(view) => view,
            None => self.first_view(cx),
        };
        let view = self.navigate(ui, cx, &response, Span { rect, plot, t0, t1 });
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals().clone();
        draw_axis(&painter, &visuals, &view);
        let hovered = self.draw_lanes(&painter, &visuals, cx, &view, &response);
        draw_day_line(&painter, &visuals, &view, cx.as_of);
        if let Some(&first) = hovered.first() {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| group_tooltip(ui, cx, &hovered));
            if response.clicked() {
                cx.select(Select::Event(Some(d.events[first].id.clone())));
            }
        }
        if response.hovered() && !self.dragging_cursor {
            ui.ctx().set_cursor_icon(if hovered.is_empty() {
                egui::CursorIcon::Grab
            } else {
                egui::CursorIcon::PointingHand
            });
        }
    }

    /// Zooms around the pointer with the wheel (or pinch), pans by dragging, or moves the
    /// as-of cursor when the drag started on it; the span in view afterwards.
    fn navigate(
        &mut self,
        ui: &egui::Ui,
        cx: &ViewCtx<'_>,
        response: &egui::Response,
        mut view: Span,
    ) -> Span {
        let plot = view.plot;
        if let Some(pointer) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = zoom as f64 * (scroll.y as f64 * 0.003).exp();
            if factor != 1.0 {
                let at = view.time_at(pointer.x);
                let width = ((view.t1 - view.t0) / factor).clamp(MIN_SPAN, MAX_SPAN);
                let left = (at - view.t0) / (view.t1 - view.t0);
                view.t0 = at - width * left;
                view.t1 = view.t0 + width;
            }
            if scroll.x != 0.0 {
                view.shift(-scroll.x);
            }
        }
        let cursor_x = cx.as_of.map(|day| view.x_of(day_number(day) + 1.0));
        if response.drag_started() {
            self.dragging_cursor =
                response
                    .interact_pointer_pos()
                    .zip(cursor_x)
                    .is_some_and(|(p, x)| {
                        (p.x - x).abs() < 8.0 || (p.y < plot.top() && p.x > plot.left())
                    });
        }
        if response.dragged() {
            let delta = response.drag_delta();
            if self.dragging_cursor {
                if let Some(p) = response.interact_pointer_pos() {
                    let day = date_of(view.time_at(p.x));
                    cx.send(Command::SetAsOf(Some(day)));
                    self.as_of_text = day.to_string();
                }
            } else {
                view.shift(-delta.x);
                self.lane_scroll = (self.lane_scroll - delta.y).max(0.0);
            }
        }
        let max_scroll = (self.cache.lanes.len() as f32 * LANE - plot.height()).max(0.0);
        self.lane_scroll = self.lane_scroll.min(max_scroll);
        self.view = Some((view.t0, view.t1));
        view
    }

    /// The lanes in view, and in each the marks and status notches in view; the events under
    /// the pointer (one mark's, or a group's). A status notch hovered says whose it is.
    fn draw_lanes(
        &self,
        painter: &egui::Painter,
        visuals: &egui::Visuals,
        cx: &ViewCtx<'_>,
        view: &Span,
        response: &egui::Response,
    ) -> Vec<usize> {
        let (rect, plot) = (view.rect, view.plot);
        let first = (self.lane_scroll / LANE) as usize;
        let count = (plot.height() / LANE).ceil() as usize + 1;
        let pointer = response.hover_pos();
        let mut hovered: Vec<usize> = Vec::new();
        let mut hovered_status = None;
        let lane_painter = painter.with_clip_rect(egui::Rect::from_min_max(
            egui::pos2(rect.left(), plot.top()),
            rect.max,
        ));
        let mark_painter = painter.with_clip_rect(plot);
        for (n, lane) in self.cache.lanes.iter().enumerate().skip(first).take(count) {
            let top = plot.top() + n as f32 * LANE - self.lane_scroll;
            let row = egui::Rect::from_min_size(
                egui::pos2(rect.left(), top),
                egui::vec2(rect.width(), LANE),
            );
            draw_lane_row(&lane_painter, visuals, row, n, &lane.label);
            hovered.extend(draw_marks(
                &mark_painter,
                visuals,
                cx,
                view,
                lane,
                row,
                pointer,
            ));
            // Dated status claims: a small notch at the lane's top, derived from the claims.
            // Notches landing on the same pixels (a list of signatories on one day, in a lane
            // by kind or by source) are one, with their number beside it.
            let statuses: Vec<_> = lane.visible_statuses(view.t0, view.t1).collect();
            let xs: Vec<f32> = statuses
                .iter()
                .map(|m| view.x_of((m.start + m.end) / 2.0))
                .collect();
            for (first, count) in same_spot(&xs) {
                let tip = egui::pos2(xs[first], row.top() + 7.0);
                mark_painter.add(egui::Shape::convex_polygon(
                    vec![
                        tip + egui::vec2(-4.0, -5.0),
                        tip + egui::vec2(4.0, -5.0),
                        tip,
                    ],
                    visuals.hyperlink_color,
                    egui::Stroke::NONE,
                ));
                if count > 1 {
                    mark_painter.text(
                        egui::pos2(tip.x + 5.0, row.top() + 1.0),
                        egui::Align2::LEFT_TOP,
                        count.to_string(),
                        egui::FontId::proportional(9.0),
                        visuals.hyperlink_color,
                    );
                }
                let area = egui::Rect::from_center_size(tip, egui::vec2(10.0, 10.0));
                if hovered.is_empty() && pointer.is_some_and(|p| area.contains(p)) {
                    hovered_status = Some(*statuses[first]);
                }
            }
        }
        if let Some(s) = hovered_status {
            let d = cx.dataset;
            let claim = &d.claims[s.claim];
            let words = format!(
                "{}: {} ({}, {})",
                d.actors[s.actor].name,
                s.status.label(),
                claim
                    .as_of
                    .map_or_else(|| date_of(s.start).to_string(), |a| a.to_string()),
                crate::ui::citation::source_label(cx.derived, d, &claim.source)
            );
            response.clone().on_hover_text_at_pointer(words);
        }
        hovered
    }
}

/// The span of time in view and where it is drawn: the whole canvas and, right of the lane
/// names and under the axis, the plot.
struct Span {
    rect: egui::Rect,
    plot: egui::Rect,
    t0: Time,
    t1: Time,
}

impl Span {
    /// Time per point across the plot.
    fn per_point(&self) -> f64 {
        (self.t1 - self.t0) / self.plot.width().max(1.0) as f64
    }

    fn x_of(&self, t: Time) -> f32 {
        self.plot.left() + ((t - self.t0) / self.per_point()) as f32
    }

    fn time_at(&self, x: f32) -> Time {
        self.t0 + (x - self.plot.left()) as f64 * self.per_point()
    }

    /// Moves the span by `points` across the plot.
    fn shift(&mut self, points: f32) {
        let shift = points as f64 * self.per_point();
        self.t0 += shift;
        self.t1 += shift;
    }
}

/// The axis: grid lines with their tick labels, and the years in view above the lane names.
fn draw_axis(painter: &egui::Painter, visuals: &egui::Visuals, view: &Span) {
    let (rect, plot) = (view.rect, view.plot);
    for tick in ticks(view.t0, view.t1, plot.width(), 70.0) {
        let x = view.x_of(tick.t);
        let stroke = if tick.major {
            visuals.widgets.noninteractive.bg_stroke.color
        } else {
            visuals.faint_bg_color
        };
        painter.line_segment(
            [egui::pos2(x, plot.top()), egui::pos2(x, rect.bottom())],
            egui::Stroke::new(1.0, stroke),
        );
        let font = egui::FontId::proportional(if tick.major { 12.5 } else { 11.0 });
        let color = if tick.major {
            visuals.strong_text_color()
        } else {
            visuals.text_color()
        };
        // A label that would run past the right edge is set to the left of its line.
        let galley = painter.layout_no_wrap(tick.label.clone(), font, color);
        let left = if x + 3.0 + galley.size().x > rect.right() {
            x - 3.0 - galley.size().x
        } else {
            x + 3.0
        };
        if left >= plot.left() - 3.0 {
            painter.galley(egui::pos2(left, rect.top() + 4.0), galley, color);
        }
    }
    painter.line_segment(
        [
            egui::pos2(rect.left(), plot.top()),
            egui::pos2(rect.right(), plot.top()),
        ],
        visuals.widgets.noninteractive.bg_stroke,
    );
    // The years in view, above the lane names: zoomed in to days, the ticks ("5 Jan") name
    // no year.
    let (first_year, last_year) = (date_of(view.t0).year(), date_of(view.t1).year());
    let years = if first_year == last_year {
        first_year.to_string()
    } else {
        format!("{first_year}–{last_year}")
    };
    painter
        .with_clip_rect(egui::Rect::from_min_max(
            rect.min,
            egui::pos2(plot.left() - 6.0, plot.top()),
        ))
        .text(
            egui::pos2(rect.left() + 6.0, rect.top() + 4.0),
            egui::Align2::LEFT_TOP,
            years,
            egui::FontId::proportional(12.5),
            visuals.strong_text_color(),
        );
}

/// A lane's background (every other one shaded) and its name in the gutter.
fn draw_lane_row(
    lane_painter: &egui::Painter,
    visuals: &egui::Visuals,
    row: egui::Rect,
    n: usize,
    label: &str,
) {
    if n % 2 == 1 {
        lane_painter.rect_filled(row, 0.0, visuals.faint_bg_color);
    }
    let gutter = egui::Rect::from_min_size(row.min, egui::vec2(GUTTER - 6.0, LANE));
    lane_painter
        .with_clip_rect(gutter.intersect(lane_painter.clip_rect()))
        .text(
            egui::pos2(row.left() + 6.0, row.center().y),
            egui::Align2::LEFT_CENTER,
            label,
            egui::FontId::proportional(12.5),
            visuals.text_color(),
        );
}

/// A lane's marks in view. Marks landing on the same pixels (events of the same day, spans of
/// the same month) are one group: drawn once, with a badge counting them, and listed together
/// on hover. At 10,000 marks in a lane, grouping keeps the frame proportional to the width.
/// Returns the events under the pointer.
fn draw_marks(
    mark_painter: &egui::Painter,
    visuals: &egui::Visuals,
    cx: &ViewCtx<'_>,
    view: &Span,
    lane: &Lane,
    row: egui::Rect,
    pointer: Option<egui::Pos2>,
) -> Vec<usize> {
    let mut hovered = Vec::new();
    let d = cx.dataset;
    let selected = cx.selection.event.as_deref();
    let mut group: Option<MarkGroup> = None;
    for mark in lane.visible(view.t0, view.t1) {
        let (x0, x1) = (view.x_of(mark.start), view.x_of(mark.end));
        let pixels = ((x0 / 2.0) as i32, (x1 / 2.0) as i32);
        // Dots closer than their size would hide one another: one group too.
        let dot_at =
            (x1 - x0 < 8.0 && d.events[mark.event].end.is_none()).then_some((x0 + x1) / 2.0);
        match &mut group {
            Some(g)
                if g.pixels == pixels
                    || (g.dot && dot_at.is_some_and(|x| (x - g.shape.center().x).abs() < 8.0)) =>
            {
                g.count += 1;
                if g.hovered {
                    g.events.push(mark.event);
                }
                if selected == Some(d.events[mark.event].id.as_str()) {
                    g.selected = Some(mark.event);
                }
                continue;
            }
            _ => {}
        }
        if let Some(g) = group.take() {
            g.draw(mark_painter, d, visuals, &mut hovered);
        }
        group = Some(MarkGroup::start(
            d,
            mark.event,
            pixels,
            (x0, x1),
            row,
            pointer,
            selected,
        ));
    }
    if let Some(g) = group.take() {
        g.draw(mark_painter, d, visuals, &mut hovered);
    }
    hovered
}

/// The as-of cursor, or today's line, with its label in the axis's lower row.
fn draw_day_line(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    view: &Span,
    as_of: Option<chrono::NaiveDate>,
) {
    let (rect, plot) = (view.rect, view.plot);
    let (line_x, line_label, line_color) = match as_of {
        Some(day) => (
            view.x_of(day_number(day) + 1.0),
            format!("as of {day}"),
            visuals.warn_fg_color,
        ),
        None => {
            let today = chrono::Local::now().date_naive();
            (
                view.x_of(day_number(today) + 1.0),
                "today".to_string(),
                visuals.weak_text_color(),
            )
        }
    };
    if !(plot.left()..=plot.right()).contains(&line_x) {
        return;
    }
    painter.line_segment(
        [
            egui::pos2(line_x, rect.top()),
            egui::pos2(line_x, rect.bottom()),
        ],
        egui::Stroke::new(2.0, line_color),
    );
    // In the axis's lower row, under the tick labels; left of the line near the edge.
    let galley = painter.layout_no_wrap(line_label, egui::FontId::proportional(11.0), line_color);
    let left = if line_x + 4.0 + galley.size().x > rect.right() {
        line_x - 4.0 - galley.size().x
    } else {
        line_x + 4.0
    };
    painter.galley(
        egui::pos2(left, plot.top() - 2.0 - galley.size().y),
        galley,
        line_color,
    );
}

/// Marks drawn on the same pixels of a lane: the first one's shape, and how many there are.
struct MarkGroup {
    pixels: (i32, i32),
    first: usize,
    /// The selected event among them, drawn instead of the first and outlined.
    selected: Option<usize>,
    count: usize,
    shape: egui::Rect,
    /// Whether the pointer is over the group; only then are its events collected.
    hovered: bool,
    events: Vec<usize>,
    dot: bool,
}

impl MarkGroup {
    fn start(
        d: &Dataset,
        event: usize,
        pixels: (i32, i32),
        (x0, x1): (f32, f32),
        row: egui::Rect,
        pointer: Option<egui::Pos2>,
        selected: Option<&str>,
    ) -> Self {
        let e = &d.events[event];
        let dot = x1 - x0 < 8.0 && e.end.is_none();
        let shape = if dot {
            // Narrower than a dot: a dot at its middle.
            egui::Rect::from_center_size(
                egui::pos2((x0 + x1) / 2.0, row.center().y),
                egui::vec2(10.0, 10.0),
            )
        } else {
            egui::Rect::from_min_max(
                egui::pos2(x0, row.top() + 6.0),
                egui::pos2(x1.max(x0 + 2.0), row.bottom() - 6.0),
            )
        };
        let hovered = pointer.is_some_and(|p| shape.expand(2.0).contains(p));
        MarkGroup {
            pixels,
            first: event,
            selected: (selected == Some(e.id.as_str())).then_some(event),
            count: 1,
            shape,
            hovered,
            events: if hovered { vec![event] } else { Vec::new() },
            dot,
        }
    }

    fn draw(
        self,
        painter: &egui::Painter,
        d: &Dataset,
        visuals: &egui::Visuals,
        hovered: &mut Vec<usize>,
    ) {
        let e = &d.events[self.selected.unwrap_or(self.first)];
        let color = kind_color(e.kind);
        if self.dot {
            painter.circle_filled(self.shape.center(), 5.0, color);
        } else if e.date.is_exact_day() || e.end.is_some() {
            painter.rect_filled(self.shape, 3.0, color);
        } else {
            // Known only to the month or year: a faint span, not a false point.
            painter.rect_filled(self.shape, 3.0, color.gamma_multiply(0.25));
            painter.rect_stroke(
                self.shape,
                3.0,
                egui::Stroke::new(1.0, color),
                egui::StrokeKind::Inside,
            );
        }
        if self.selected.is_some() {
            painter.rect_stroke(
                self.shape.expand(2.0),
                3.0,
                egui::Stroke::new(2.0, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        if self.count > 1 {
            // A badge with the count, at the mark's top right.
            let text = self.count.to_string();
            let font = egui::FontId::proportional(10.0);
            let galley = painter.layout_no_wrap(text, font, visuals.strong_text_color());
            let size = egui::vec2((galley.size().x + 6.0).max(13.0), 13.0);
            let badge = egui::Rect::from_center_size(
                egui::pos2(self.shape.right() + 1.0, self.shape.top() - 1.0),
                size,
            );
            painter.rect_filled(badge, 6.5, visuals.widgets.active.bg_fill);
            painter.galley(
                badge.center() - galley.size() / 2.0,
                galley,
                visuals.strong_text_color(),
            );
        }
        if self.hovered {
            *hovered = self.events;
        }
    }
}

/// The events under the pointer: one in full, several as a list of their dates and titles.
fn group_tooltip(ui: &mut egui::Ui, cx: &ViewCtx<'_>, events: &[usize]) {
    let d = cx.dataset;
    if let [one] = events {
        event_tooltip(ui, cx, &d.events[*one]);
        return;
    }
    ui.strong(format!("{} events here", events.len()));
    const SHOWN: usize = 15;
    for &i in events.iter().take(SHOWN) {
        let e = &d.events[i];
        ui.label(format!("{}  {} · {}", e.date, e.title, e.kind.label()));
    }
    if events.len() > SHOWN {
        ui.weak(format!("and {} more: see the list", events.len() - SHOWN));
    }
    ui.weak("Click for the first; the list on the right has each.");
}

/// Runs of marks at `xs` (in order) that land within a few pixels of the run's first: each as
/// (index of its first, how many), so that marks on one spot are drawn once and counted.
fn same_spot(xs: &[f32]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, &x) in xs.iter().enumerate() {
        match runs.last_mut() {
            Some((first, n)) if (x - xs[*first]).abs() < 6.0 => *n += 1,
            _ => runs.push((i, 1)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::same_spot;

    #[test]
    fn marks_on_one_spot_are_one_with_their_count() {
        assert_eq!(same_spot(&[]), vec![]);
        assert_eq!(
            same_spot(&[10.0, 12.0, 14.0, 40.0, 41.0, 90.0]),
            vec![(0, 3), (3, 2), (5, 1)]
        );
    }
}
