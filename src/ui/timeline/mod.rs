//! The Timeline tab: dated events on a zoomable, pannable axis in lanes, an "as of" cursor that
//! sets the day the whole app shows, and a list of events to search, pick, add, edit, delete.
//!
//! Only what is in view is touched: lanes are built once per edit (sorted by start), and each
//! frame visits the marks overlapping the visible range of the visible lanes.

mod canvas;
mod form;

use self::form::EventForm;
use super::fact_input::{enum_combo, filter_combo};
use super::view::ViewCtx;
use crate::model::derive::search::{Query, fold};
use crate::model::derive::timeline::{
    Lane, LaneMode, Time, day_number, event_span, extent, lanes, latest_day, recent_view,
};
use crate::model::{Edit, Event, EventKind, PartialDate};
use crate::session::{Command, Select};
use crate::ui::shortcuts;

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
     small ⏷ at a lane's top is a dated status claim (invited, accepted, signed, declined…) or a \
     joining day, with a number when several fall on one spot. Hover any of them.";

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
    /// The latest day a claim or an event is dated: where the news is.
    latest: Option<Time>,
}

/// The timeline opens on this many days before the latest dated claim or event (or around
/// the as-of day): the weeks that matter, not years of history.
pub const OPENING_DAYS: f64 = 60.0;

/// "Jump to latest" shows this many days up to the latest one.
pub const LATEST_DAYS: f64 = 30.0;

#[derive(Default)]
pub struct TimelinePanel {
    /// The visible time range; `None` until the first frame opens on the news.
    view: Option<(Time, Time)>,
    /// "Fit all" was asked: the next frame fits every event instead.
    fit_next: bool,
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

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        self.refresh(cx);
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

    fn refresh(&mut self, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
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
                && (query.is_empty() || query.matches(&event_key(cx, e)))
        };
        self.cache.lanes = lanes(d, &derived.index, self.mode, keep);
        self.cache.latest = latest_day(d);
        let mut list: Vec<usize> = (0..d.events.len())
            .filter(|&i| keep(&d.events[i]))
            .collect();
        list.sort_by(|&a, &b| d.events[a].date.cmp(&d.events[b].date).then(a.cmp(&b)));
        self.cache.list = list;
        self.cache.key = key;
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
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
            if shortcuts::entered(ui, &field) {
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
                    .on_hover_text(
                        "Show everything known, and the last month up to the latest news",
                    )
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
                if let Some(view) = recent_view(self.cache.latest, None, LATEST_DAYS) {
                    self.view = Some(view);
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

    fn side(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
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
            self.select_and_show(cx, &d.events[i]);
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
                cx.select(Select::Event(None));
            }
        });
    }

    /// Zooms to show every event (on the next frame).
    pub fn fit_all(&mut self) {
        self.view = None;
        self.fit_next = true;
    }

    /// The visible time range, in days since 1970 (`None` before the first frame).
    pub fn view(&self) -> Option<(Time, Time)> {
        self.view
    }

    /// The range the canvas shows when none was chosen yet: every event after "Fit all",
    /// else the news (see [`OPENING_DAYS`]).
    fn first_view(&mut self, cx: &ViewCtx<'_>) -> (Time, Time) {
        if std::mem::take(&mut self.fit_next) {
            return fit(extent(cx.dataset));
        }
        recent_view(self.cache.latest, cx.as_of, OPENING_DAYS)
            .unwrap_or_else(|| fit(extent(cx.dataset)))
    }

    fn select_and_show(&mut self, cx: &ViewCtx<'_>, e: &Event) {
        cx.select(Select::Event(Some(e.id.clone())));
        let (s, end) = event_span(e);
        if let Some((v0, v1)) = self.view {
            let width = v1 - v0;
            if s < v0 || end > v1 {
                let mid = (s + end) / 2.0;
                self.view = Some((mid - width / 2.0, mid + width / 2.0));
            }
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
fn event_key(cx: &ViewCtx<'_>, e: &Event) -> String {
    let (d, derived) = (cx.dataset, cx.derived);
    let mut key = fold(&e.title);
    for a in &e.actors {
        if let Some(&i) = derived.index.actor_by_id.get(a) {
            key.push('\n');
            key.push_str(&fold(&d.actors[i].name));
        }
    }
    key
}

fn event_tooltip(ui: &mut egui::Ui, cx: &ViewCtx<'_>, e: &Event) {
    let (d, derived) = (cx.dataset, cx.derived);
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
