//! The Timeline tab: dated events on a zoomable, pannable axis in lanes, an "as of" cursor that
//! sets the day the whole app shows, and a list of events to search, pick, add, edit, delete.
//!
//! Only what is in view is touched: lanes are built once per edit (sorted by start), and each
//! frame visits the marks overlapping the visible range of the visible lanes.

use chrono::Datelike;

use super::actor_search::ActorSearch;
use super::fact_input::{enum_combo, filter_combo};
use super::view::ViewCtx;
use crate::model::ops::unique_id;
use crate::model::search::{Query, fold};
use crate::model::timeline::{
    Lane, LaneMode, Time, date_of, day_number, event_span, extent, lanes, ticks,
};
use crate::model::{Dataset, Derived, Edit, Event, EventKind, PartialDate};
use crate::session::Command;

const GUTTER: f32 = 170.0;
/// The axis: a row of tick labels, and below it a row for the as-of (or today) label, so
/// that the two never overlap.
const AXIS: f32 = 40.0;
const LANE: f32 = 26.0;
/// What "Jump to latest", "Fit all" and "Add event" need after the As-of field.
const VIEW_BUTTONS_WIDTH: f32 = 260.0;
/// What the folded "View" menu and "Add event" beside it need.
const ADD_BESIDE_MENU_WIDTH: f32 = 170.0;
/// From two hours to five centuries across the view.
const MIN_SPAN: f64 = 2.0 / 24.0;
const MAX_SPAN: f64 = 500.0 * 365.25;

/// What the marks on the canvas mean, shown under the list while no event is picked.
pub const MARKS_LEGEND: &str = "On the timeline: a dot is an event on a day; a faint box, one \
     known only to the month or year; a bar, a range; a number, events on the same spot. A \
     small ⏷ at a lane's top is a dated status claim (invited, accepted…). Hover any of them.";

pub const KINDS: [EventKind; 9] = [
    EventKind::Invitation,
    EventKind::Statement,
    EventKind::Acceptance,
    EventKind::Decline,
    EventKind::Signing,
    EventKind::Withdrawal,
    EventKind::Meeting,
    EventKind::Conflict,
    EventKind::Other,
];

/// The form for adding or editing an event.
#[derive(Clone, Debug, Default)]
struct EventForm {
    /// The event being edited (by id), or `None` for a new one.
    editing: Option<String>,
    date: String,
    end: String,
    title: String,
    description: String,
    kind: EventKind,
    actors: Vec<String>,
    sources: Vec<String>,
    actor_search: ActorSearch,
    error: Option<String>,
}

impl EventForm {
    fn from_event(e: &Event) -> Self {
        EventForm {
            editing: Some(e.id.clone()),
            date: e.date.to_string(),
            end: e.end.map(|d| d.to_string()).unwrap_or_default(),
            title: e.title.clone(),
            description: e.description.clone(),
            kind: e.kind,
            actors: e.actors.clone(),
            sources: e.sources.clone(),
            ..Default::default()
        }
    }

    /// The event the form describes, or why it is not one.
    fn event(&self, d: &Dataset) -> Result<Event, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("An event needs a title.".into());
        }
        let date: PartialDate = self.date.trim().parse().map_err(|e| format!("Date: {e}"))?;
        let end = match self.end.trim() {
            "" => None,
            text => Some(
                text.parse::<PartialDate>()
                    .map_err(|e| format!("End: {e}"))?,
            ),
        };
        if end.is_some_and(|end| end < date) {
            return Err("The end comes before the start.".into());
        }
        let id = match &self.editing {
            Some(id) => id.clone(),
            None => {
                let taken = d.events.iter().map(|e| e.id.as_str()).collect();
                unique_id(&format!("e {date} {title}"), &taken)
            }
        };
        Ok(Event {
            id,
            date,
            end,
            title: title.to_string(),
            description: self.description.trim().to_string(),
            kind: self.kind,
            actors: self.actors.clone(),
            sources: self.sources.clone(),
        })
    }
}

/// What the lanes and list depend on.
#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    revision: u64,
    mode: LaneMode,
    kind: Option<EventKind>,
    source: Option<String>,
    search: String,
}

/// Lanes and the event list, rebuilt when the dataset, the grouping or a filter changes.
#[derive(Default)]
struct LaneCache {
    key: Option<CacheKey>,
    lanes: Vec<Lane>,
    /// Events passing the filters, by date.
    list: Vec<usize>,
}

#[derive(Default)]
pub struct TimelinePanel {
    /// The visible time range; `None` until the first frame fits everything.
    view: Option<(Time, Time)>,
    lane_scroll: f32,
    pub mode: LaneMode,
    pub kind_filter: Option<EventKind>,
    pub source_filter: Option<String>,
    /// Filters the list and the lanes by title or actor name.
    pub search: String,
    form: Option<EventForm>,
    /// The as-of date as typed.
    as_of_text: String,
    as_of_error: Option<String>,
    /// The app's as-of date the field last showed; when the app's date changes elsewhere
    /// ("Back to today", a click on the axis) the field follows it.
    as_of_shown: Option<Option<chrono::NaiveDate>>,
    cache: LaneCache,
    dragging_cursor: bool,
}

impl TimelinePanel {
    /// Whether the event form (a modal) is open.
    pub fn dialog_open(&self) -> bool {
        self.form.is_some()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        self.refresh(cx.dataset, cx.derived);
        self.toolbar(ui, cx);
        egui::Panel::right("timeline_events")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                self.side(ui, cx);
            });
        egui::CentralPanel::default().show(ui, |ui| self.canvas(ui, cx));
        self.form_window(ui, cx);
    }

    fn refresh(&mut self, d: &Dataset, derived: &Derived) {
        let key = Some(CacheKey {
            revision: derived.revision(),
            mode: self.mode,
            kind: self.kind_filter,
            source: self.source_filter.clone(),
            search: self.search.clone(),
        });
        if self.cache.key == key {
            return;
        }
        let query = Query::new(&self.search);
        let keep = |e: &Event| {
            self.kind_filter.is_none_or(|k| e.kind == k)
                && self
                    .source_filter
                    .as_ref()
                    .is_none_or(|s| e.sources.contains(s))
                && (query.is_empty() || query.matches(&event_key(d, derived, e)))
        };
        self.cache.lanes = lanes(d, &derived.index, self.mode, keep);
        let mut list: Vec<usize> = (0..d.events.len())
            .filter(|&i| keep(&d.events[i]))
            .collect();
        list.sort_by(|&a, &b| d.events[a].date.cmp(&d.events[b].date).then(a.cmp(&b)));
        self.cache.list = list;
        self.cache.key = key;
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let (d, as_of) = (cx.dataset, cx.as_of);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Lanes");
            enum_combo(
                ui,
                "lane_mode",
                &mut self.mode,
                &LaneMode::ALL,
                LaneMode::label,
                Some(label.id),
            );
            filter_combo(ui, "Type", &mut self.kind_filter, &KINDS, EventKind::label);
            // Sources are few (tens), unlike actors; a plain list suits them.
            let caption = ui.label("Source");
            let source = self
                .source_filter
                .as_ref()
                .and_then(|s| d.source(s))
                .map_or("any", |s| s.outlet.as_str());
            egui::ComboBox::from_id_salt("event_source_filter")
                .selected_text(source)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.source_filter, None, "any");
                    for s in &d.sources {
                        ui.selectable_value(&mut self.source_filter, Some(s.id.clone()), &s.outlet);
                    }
                })
                .response
                .labelled_by(caption.id);
            ui.separator();
            let label = ui.label("As of");
            let typing = ui.memory(|m| m.has_focus(ui.next_auto_id()));
            if !typing && self.as_of_shown != Some(as_of) {
                // Mirrors the app's date when the user is not typing one.
                self.as_of_text = as_of.map(|d| d.to_string()).unwrap_or_default();
                self.as_of_error = None;
                self.as_of_shown = Some(as_of);
            }
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.as_of_text)
                        .desired_width(96.0)
                        .hint_text("today"),
                )
                .labelled_by(label.id)
                .on_hover_text(
                    "Type a day and press Enter: Roster and Seats show what was known then",
                );
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                match self.as_of_text.trim() {
                    "" => {
                        self.as_of_error = None;
                        cx.send(Command::SetAsOf(None));
                    }
                    text => match text.parse::<PartialDate>() {
                        Ok(date) => {
                            self.as_of_error = None;
                            cx.send(Command::SetAsOf(Some(date.last_day())));
                        }
                        Err(e) => self.as_of_error = Some(e.to_string()),
                    },
                }
            }
            if let Some(e) = &self.as_of_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            // Where the row would wrap, the view buttons fold into a menu, and where even that
            // leaves too little, "Add event" joins them.
            let (mut latest, mut fit, mut add) = (false, false, false);
            // (A wrapping row reports its whole width as available: measure what is left.)
            let left_in_row = ui.max_rect().right() - ui.cursor().min.x;
            if left_in_row < VIEW_BUTTONS_WIDTH {
                let all_in_menu = left_in_row < ADD_BESIDE_MENU_WIDTH;
                ui.menu_button(if all_in_menu { "More" } else { "View" }, |ui| {
                    latest = ui.button("Jump to latest").clicked();
                    fit = ui.button("Fit all").clicked();
                    if all_in_menu {
                        add = ui.button("➕ Add event").clicked();
                    }
                });
                if !all_in_menu {
                    ui.separator();
                    add = ui.button("➕ Add event").clicked();
                }
            } else {
                latest = ui
                    .button("Jump to latest")
                    .on_hover_text("Show everything known, and the latest events")
                    .clicked();
                fit = ui
                    .button("Fit all")
                    .on_hover_text("Zoom to show every event")
                    .clicked();
                ui.separator();
                add = ui.button("➕ Add event").clicked();
            }
            if latest {
                cx.send(Command::SetAsOf(None));
                self.as_of_text.clear();
                if let Some((a, b)) = extent(d) {
                    let width = self.view.map_or(b - a, |(v0, v1)| v1 - v0);
                    self.view = Some((b - width * 0.9, b + width * 0.1));
                }
            }
            if fit {
                self.fit_all();
            }
            if add {
                let date = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
                self.form = Some(EventForm {
                    date: date.to_string(),
                    ..Default::default()
                });
            }
        });
    }

    fn side(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.horizontal(|ui| {
            let label = ui.label("🔍 Find");
            ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("title or actor"))
                .labelled_by(label.id);
        });
        ui.label(
            egui::RichText::new(format!(
                "{} of {} events",
                self.cache.list.len(),
                d.events.len()
            ))
            .weak(),
        );
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        let list = &self.cache.list;
        let mut clicked = None;
        // The list takes half the height beside an event's detail, nearly all of it without.
        let list_height = if cx.selection.event.is_some() {
            ui.available_height() * 0.5
        } else {
            (ui.available_height() - 60.0).max(ui.available_height() * 0.5)
        };
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .id_salt("event_list")
            .show_rows(ui, row_height, list.len(), |ui, range| {
                for &i in &list[range] {
                    let e = &d.events[i];
                    let selected = cx.selection.event.as_deref() == Some(e.id.as_str());
                    if ui
                        .selectable_label(selected, format!("{}  {}", e.date, e.title))
                        .clicked()
                    {
                        clicked = Some(i);
                    }
                }
            });
        if let Some(i) = clicked {
            self.select_and_show(&mut cx.selection.event, &d.events[i]);
        }
        ui.separator();
        let Some(e) = cx
            .selection
            .event
            .as_ref()
            .and_then(|id| d.events.iter().find(|e| &e.id == id))
        else {
            ui.label(
                egui::RichText::new(
                    "Click an event on the timeline or in the list to see it here.",
                )
                .weak(),
            );
            // What the marks mean, for a first-time user (hover one for its words).
            if !d.events.is_empty() {
                ui.add_space(6.0);
                ui.label(egui::RichText::new(MARKS_LEGEND).weak().small());
            }
            return;
        };
        let at = d
            .events
            .iter()
            .position(|x| x.id == e.id)
            .expect("found above");
        ui.heading(&e.title);
        let when = match e.end {
            Some(end) => format!("{} to {end}", e.date),
            None => e.date.to_string(),
        };
        ui.label(format!("{when} · {}", e.kind.label()));
        if !e.date.is_exact_day() {
            ui.label(egui::RichText::new("The date is known only to the month or year.").weak());
        }
        if !e.description.is_empty() {
            ui.label(&e.description);
        }
        if !e.actors.is_empty() {
            ui.label(egui::RichText::new("Actors").strong());
            ui.horizontal_wrapped(|ui| {
                for a in &e.actors {
                    let name = derived
                        .index
                        .actor_by_id
                        .get(a)
                        .map_or(a.as_str(), |&i| d.actors[i].name.as_str());
                    if ui.link(name).on_hover_text("Show in the Roster").clicked() {
                        cx.send(Command::ShowActor(a.clone()));
                    }
                }
            });
        }
        if !e.sources.is_empty() {
            ui.label(egui::RichText::new("Sources").strong());
            for s in &e.sources {
                let label = super::citation::source_label(derived, d, s);
                if ui.link(label).on_hover_text("Show the source").clicked() {
                    cx.send(Command::ShowSource {
                        source: s.clone(),
                        claim: None,
                    });
                }
            }
        }
        ui.horizontal(|ui| {
            if ui.button("Edit…").clicked() {
                self.form = Some(EventForm::from_event(e));
            }
            if ui.button("Delete").on_hover_text("Ctrl+Z undoes").clicked() {
                cx.send(Command::edit(
                    Edit::RemoveEvent { at },
                    format!("Delete event \"{}\"", e.title),
                ));
                cx.selection.event = None;
            }
        });
    }

    /// Zooms to show every event (on the next frame).
    pub fn fit_all(&mut self) {
        self.view = None;
    }

    fn select_and_show(&mut self, selected: &mut Option<String>, e: &Event) {
        *selected = Some(e.id.clone());
        let (s, end) = event_span(e);
        if let Some((v0, v1)) = self.view {
            let width = v1 - v0;
            if s < v0 || end > v1 {
                let mid = (s + end) / 2.0;
                self.view = Some((mid - width / 2.0, mid + width / 2.0));
            }
        }
    }

    fn canvas(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let (d, derived, as_of) = (cx.dataset, cx.derived, cx.as_of);
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
        let (mut t0, mut t1) = self.view.unwrap_or_else(|| fit(extent(d)));
        let per_point = |t0: Time, t1: Time| (t1 - t0) / plot.width().max(1.0) as f64;

        // Zoom around the pointer with the wheel (or pinch); pan by dragging.
        if let Some(pointer) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = zoom as f64 * (scroll.y as f64 * 0.003).exp();
            if factor != 1.0 {
                let at = t0 + (pointer.x - plot.left()) as f64 * per_point(t0, t1);
                let width = ((t1 - t0) / factor).clamp(MIN_SPAN, MAX_SPAN);
                let left = (at - t0) / (t1 - t0);
                t0 = at - width * left;
                t1 = t0 + width;
            }
            if scroll.x != 0.0 {
                let shift = -scroll.x as f64 * per_point(t0, t1);
                t0 += shift;
                t1 += shift;
            }
        }
        let cursor_x = as_of
            .map(|day| plot.left() + ((day_number(day) + 1.0 - t0) / per_point(t0, t1)) as f32);
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
                    let t = t0 + (p.x - plot.left()) as f64 * per_point(t0, t1);
                    cx.send(Command::SetAsOf(Some(date_of(t))));
                    self.as_of_text = date_of(t).to_string();
                }
            } else {
                let shift = -delta.x as f64 * per_point(t0, t1);
                t0 += shift;
                t1 += shift;
                self.lane_scroll = (self.lane_scroll - delta.y).max(0.0);
            }
        }
        let max_scroll = (self.cache.lanes.len() as f32 * LANE - plot.height()).max(0.0);
        self.lane_scroll = self.lane_scroll.min(max_scroll);
        self.view = Some((t0, t1));

        let painter = ui.painter_at(rect);
        let visuals = ui.visuals().clone();
        let x_of = |t: Time| plot.left() + ((t - t0) / per_point(t0, t1)) as f32;

        // Axis and grid.
        for tick in ticks(t0, t1, plot.width(), 70.0) {
            let x = x_of(tick.t);
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
        // The years in view, above the lane names: zoomed in to days, the ticks ("5 Jan")
        // name no year.
        let (first_year, last_year) = (date_of(t0).year(), date_of(t1).year());
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

        // Lanes in view, and in each the marks in view.
        let first = (self.lane_scroll / LANE) as usize;
        let count = (plot.height() / LANE).ceil() as usize + 1;
        let pointer = response.hover_pos();
        // The events under the pointer: one mark's, or a group's.
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
            if n % 2 == 1 {
                lane_painter.rect_filled(row, 0.0, visuals.faint_bg_color);
            }
            let label = egui::Rect::from_min_size(row.min, egui::vec2(GUTTER - 6.0, LANE));
            lane_painter
                .with_clip_rect(label.intersect(lane_painter.clip_rect()))
                .text(
                    egui::pos2(row.left() + 6.0, row.center().y),
                    egui::Align2::LEFT_CENTER,
                    &lane.label,
                    egui::FontId::proportional(12.5),
                    visuals.text_color(),
                );
            // Marks landing on the same pixels (events of the same day, spans of the same
            // month) are one group: drawn once, with a badge counting them, and listed
            // together on hover. At 10,000 marks in a lane, grouping keeps the frame
            // proportional to the width.
            let mut group: Option<MarkGroup> = None;
            for mark in lane.visible(t0, t1) {
                let (x0, x1) = (x_of(mark.start), x_of(mark.end));
                let pixels = ((x0 / 2.0) as i32, (x1 / 2.0) as i32);
                // Dots closer than their size would hide one another: one group too.
                let dot_at = (x1 - x0 < 8.0 && d.events[mark.event].end.is_none())
                    .then_some((x0 + x1) / 2.0);
                match &mut group {
                    Some(g)
                        if g.pixels == pixels
                            || (g.dot
                                && dot_at
                                    .is_some_and(|x| (x - g.shape.center().x).abs() < 8.0)) =>
                    {
                        g.count += 1;
                        if g.hovered {
                            g.events.push(mark.event);
                        }
                        if cx.selection.event.as_deref() == Some(d.events[mark.event].id.as_str()) {
                            g.selected = Some(mark.event);
                        }
                        continue;
                    }
                    _ => {}
                }
                if let Some(g) = group.take() {
                    g.draw(&mark_painter, d, &visuals, &mut hovered);
                }
                group = Some(MarkGroup::start(
                    d,
                    mark.event,
                    pixels,
                    (x0, x1),
                    row,
                    pointer,
                    cx.selection.event.as_deref(),
                ));
            }
            if let Some(g) = group.take() {
                g.draw(&mark_painter, d, &visuals, &mut hovered);
            }
            // Dated status claims: a small notch at the lane's top, derived from the claims.
            for status in lane.visible_statuses(t0, t1) {
                let x = x_of((status.start + status.end) / 2.0);
                let tip = egui::pos2(x, row.top() + 7.0);
                let color = visuals.hyperlink_color;
                mark_painter.add(egui::Shape::convex_polygon(
                    vec![
                        tip + egui::vec2(-4.0, -5.0),
                        tip + egui::vec2(4.0, -5.0),
                        tip,
                    ],
                    color,
                    egui::Stroke::NONE,
                ));
                let area = egui::Rect::from_center_size(tip, egui::vec2(10.0, 10.0));
                if hovered.is_empty() && pointer.is_some_and(|p| area.contains(p)) {
                    hovered_status = Some(*status);
                }
            }
        }
        if let Some(s) = hovered_status {
            let claim = &d.claims[s.claim];
            let words = format!(
                "{}: {} ({}, {})",
                d.actors[s.actor].name,
                s.status.label(),
                claim
                    .as_of
                    .map_or_else(|| date_of(s.start).to_string(), |a| a.to_string()),
                super::citation::source_label(derived, d, &claim.source)
            );
            response.clone().on_hover_text_at_pointer(words);
        }

        // The as-of cursor, or today's line.
        let (line_x, line_label, line_color) = match cursor_x {
            Some(x) => (
                x,
                format!("as of {}", as_of.expect("cursor")),
                visuals.warn_fg_color,
            ),
            None => {
                let today = chrono::Local::now().date_naive();
                (
                    x_of(day_number(today) + 1.0),
                    "today".to_string(),
                    visuals.weak_text_color(),
                )
            }
        };
        if (plot.left()..=plot.right()).contains(&line_x) {
            painter.line_segment(
                [
                    egui::pos2(line_x, rect.top()),
                    egui::pos2(line_x, rect.bottom()),
                ],
                egui::Stroke::new(2.0, line_color),
            );
            // In the axis's lower row, under the tick labels; left of the line near the edge.
            let galley =
                painter.layout_no_wrap(line_label, egui::FontId::proportional(11.0), line_color);
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

        if let Some(&first) = hovered.first() {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| group_tooltip(ui, d, derived, &hovered));
            if response.clicked() {
                cx.selection.event = Some(d.events[first].id.clone());
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

    fn form_window(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let d = cx.dataset;
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let title = if form.editing.is_some() {
            "Edit event"
        } else {
            "Add event"
        };
        let (mut save, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("event_form")).show(ui.ctx(), |ui| {
            // A modal sizes to its content, which left the fields a few words wide.
            ui.set_min_width(440.0);
            ui.heading(title);
            egui::Grid::new("event_grid").num_columns(2).show(ui, |ui| {
                for (name, text, hint) in [
                    ("Date", &mut form.date, "2026-01-19, 2026-01 or 2026"),
                    ("End (optional)", &mut form.end, "for a range"),
                    ("Title", &mut form.title, "what happened"),
                ] {
                    let label = ui.label(name);
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(300.0)
                            .hint_text(hint),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
                let label = ui.label("Description");
                ui.add(
                    egui::TextEdit::multiline(&mut form.description)
                        .desired_width(300.0)
                        .desired_rows(3),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Type");
                enum_combo(
                    ui,
                    "event_kind",
                    &mut form.kind,
                    &KINDS,
                    EventKind::label,
                    Some(label.id),
                );
                ui.end_row();
            });
            // Actors and sources under the grid, each label above its chips: in a grid row the
            // chips sat above their own label.
            ui.add_space(4.0);
            ui.label(egui::RichText::new("Actors").strong());
            let mut remove = None;
            if form.actors.is_empty() {
                ui.weak("None yet: find them below.");
            }
            ui.horizontal_wrapped(|ui| {
                for (i, a) in form.actors.iter().enumerate() {
                    let name = d.actor(a).map_or(a.as_str(), |x| x.name.as_str());
                    if ui
                        .small_button(format!("{name} ✖"))
                        .on_hover_text("Remove")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                }
            });
            if let Some(i) = remove {
                form.actors.remove(i);
            }
            ui.horizontal(|ui| {
                let label = ui.label("Add an actor");
                ui.add(
                    egui::TextEdit::singleline(&mut form.actor_search.text)
                        .desired_width(200.0)
                        .hint_text("type a name"),
                )
                .labelled_by(label.id);
            });
            let matches: Vec<&crate::model::Actor> = form
                .actor_search
                .matches(d)
                .iter()
                .map(|&i| &d.actors[i])
                .filter(|a| !form.actors.contains(&a.id))
                .take(6)
                .collect();
            ui.horizontal_wrapped(|ui| {
                for a in matches {
                    if ui.button(format!("+ {}", a.name)).clicked() {
                        form.actors.push(a.id.clone());
                        form.actor_search.text.clear();
                    }
                }
            });
            ui.add_space(4.0);
            ui.label(egui::RichText::new("Sources").strong());
            ui.horizontal_wrapped(|ui| {
                for s in &d.sources {
                    let mut on = form.sources.contains(&s.id);
                    if ui
                        .checkbox(&mut on, &s.outlet)
                        .on_hover_text(&s.title)
                        .changed()
                    {
                        if on {
                            form.sources.push(s.id.clone());
                        } else {
                            form.sources.retain(|x| x != &s.id);
                        }
                    }
                }
            });
            if let Some(e) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                save = ui
                    .button(if form.editing.is_some() {
                        "Save event"
                    } else {
                        "Add"
                    })
                    .clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if save {
            match form.event(d) {
                Ok(event) => {
                    let label = format!(
                        "{} event \"{}\"",
                        if form.editing.is_some() {
                            "Edit"
                        } else {
                            "Add"
                        },
                        event.title
                    );
                    let edit = match form
                        .editing
                        .as_ref()
                        .and_then(|id| d.events.iter().position(|e| &e.id == id))
                    {
                        Some(at) => Edit::ReplaceEvent {
                            at,
                            event: event.clone(),
                        },
                        None => Edit::InsertEvent {
                            at: d.events.len(),
                            event: event.clone(),
                        },
                    };
                    cx.edit(edit, label);
                    self.select_and_show(&mut cx.selection.event, &event);
                    self.form = None;
                }
                Err(e) => form.error = Some(e),
            }
        } else if cancel || modal.should_close() {
            self.form = None;
        }
    }
}

/// The view for a set of events: all of them with a margin, or the months around today.
fn fit(extent: Option<(Time, Time)>) -> (Time, Time) {
    match extent {
        Some((a, b)) => {
            let margin = ((b - a) * 0.05).max(15.0);
            (a - margin, b + margin)
        }
        None => {
            let today = day_number(chrono::Local::now().date_naive());
            (today - 180.0, today + 30.0)
        }
    }
}

/// Title and actor names, folded, for the search.
fn event_key(d: &Dataset, derived: &Derived, e: &Event) -> String {
    let mut key = fold(&e.title);
    for a in &e.actors {
        if let Some(&i) = derived.index.actor_by_id.get(a) {
            key.push('\n');
            key.push_str(&fold(&d.actors[i].name));
        }
    }
    key
}

fn event_tooltip(ui: &mut egui::Ui, d: &Dataset, derived: &Derived, e: &Event) {
    ui.strong(&e.title);
    let when = match e.end {
        Some(end) => format!("{} to {end}", e.date),
        None => e.date.to_string(),
    };
    ui.label(format!("{when} · {}", e.kind.label()));
    let names: Vec<&str> = e
        .actors
        .iter()
        .map(|a| {
            derived
                .index
                .actor_by_id
                .get(a)
                .map_or(a.as_str(), |&i| d.actors[i].name.as_str())
        })
        .collect();
    if !names.is_empty() {
        ui.label(format!("Actors: {}", names.join(", ")));
    }
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| super::citation::source_label(derived, d, s))
        .collect();
    if !sources.is_empty() {
        ui.label(format!("Sources: {}", sources.join("; ")));
    }
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
fn group_tooltip(ui: &mut egui::Ui, d: &Dataset, derived: &Derived, events: &[usize]) {
    if let [one] = events {
        event_tooltip(ui, d, derived, &d.events[*one]);
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

fn kind_color(kind: EventKind) -> egui::Color32 {
    match kind {
        EventKind::Invitation => egui::Color32::from_rgb(70, 140, 220),
        EventKind::Statement => egui::Color32::from_rgb(150, 150, 170),
        EventKind::Acceptance | EventKind::Signing => egui::Color32::from_rgb(80, 180, 110),
        EventKind::Decline | EventKind::Withdrawal => egui::Color32::from_rgb(220, 100, 80),
        EventKind::Meeting => egui::Color32::from_rgb(200, 160, 60),
        EventKind::Conflict => egui::Color32::from_rgb(170, 80, 160),
        EventKind::Other => egui::Color32::from_rgb(120, 130, 140),
    }
}
