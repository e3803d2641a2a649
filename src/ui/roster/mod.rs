//! The Roster tab: search and filters, a virtualised sortable table (only visible rows are
//! built) with in-place editing, a detail pane for the selected actor, and the dialogs for
//! adding, deleting and merging actors. Every change leaves as a session command.

pub(crate) mod actor_form;
pub(crate) mod bodies;
pub(crate) mod detail;
pub(crate) mod table;

use egui::{Key, KeyboardShortcut, Modifiers};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::model::body_roster::{BodyChoice, BodyRoster, body_roster};
use crate::model::money::{format_money, parse_money};
use crate::model::ops::{add_actor, delete_actor, hand_claim, update_actor};
use crate::model::{Actor, ActorKind, Dataset, Derived, Fact, Property, Role, RosterRow, Status};
use crate::session::{Command, Select};
use crate::ui::citation::Citation;
use crate::ui::fact_input::{enum_combo, filter_combo, pick_combo};
use crate::ui::roster::actor_form::{NameCheck, identity_rows, name_feedback};
use crate::ui::roster::detail::ActorDetail;
use crate::ui::roster::table::{Column, RosterQuery, RosterView, Rows};
use crate::ui::view::ViewCtx;

pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const ADD_ACTOR: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// The width the toolbar needs with its filters inline (measured in the real window at the
/// default font size: at 1024 the count was cut).
const TOOLBAR_FULL_WIDTH: f32 = 1100.0;

/// The narrowest the Name column gets.
const NAME_MIN: f32 = 130.0;
/// What most names need ("Prime Minister of Hungary"): Name's share of spare room comes first.
const NAME_COMFORT: f32 = 190.0;

/// Which columns stay when the table is narrow, most important first.
const PRIORITY: [Column; 11] = [
    Column::Name,
    Column::Body,
    Column::Status,
    Column::Seat,
    Column::Conflict,
    Column::Joined,
    Column::Pledge,
    Column::Role,
    Column::Sources,
    Column::Country,
    Column::Kind,
];

/// A column's starting width, wide enough for its usual values ("organisation", "United
/// Kingdom", "founding member", "$1 billion", "2026-01-22", measured at the body font) and
/// its sorted header; no wider, so that at 1024 Name keeps room for whole names.
fn column_width(column: Column) -> f32 {
    match column {
        Column::Name => NAME_MIN,
        Column::Kind => 80.0,
        Column::Country => 105.0,
        Column::Role => 115.0,
        Column::Status => 95.0,
        Column::Seat => 70.0,
        Column::Pledge => 85.0,
        Column::Sources => 65.0,
        Column::Conflict => 32.0,
        Column::Joined => 80.0,
        Column::Body => 130.0,
    }
}

/// The starting widths of the `shown` columns in `width`: each its usual width; the room left
/// over goes first to Name, up to what most names need, and the rest is shared among the
/// columns in proportion (⚠ keeps its own), so that in a wide window Name does not take it
/// all and leave a gulf between a name and its values.
fn shared_widths(width: f32, shown: &[Column]) -> Vec<f32> {
    let gap = 8.0;
    let grows = |c: Column| c != Column::Conflict;
    let used: f32 = shown.iter().map(|&c| column_width(c) + gap).sum();
    let growing: f32 = shown
        .iter()
        .filter(|&&c| grows(c))
        .map(|&c| column_width(c))
        .sum();
    let spare = (width - used).max(0.0);
    let to_name = spare.min(NAME_COMFORT - NAME_MIN);
    let shared = spare - to_name;
    shown
        .iter()
        .map(|&c| {
            let base = column_width(c);
            let name = if c == Column::Name { to_name } else { 0.0 };
            if grows(c) && growing > 0.0 {
                base + name + shared * base / growing
            } else {
                base
            }
        })
        .collect()
}

/// The columns that fit in `width`, by priority, in their usual left-to-right order. The Body
/// column is there only when every body is shown (`with_body`).
pub fn visible_columns(width: f32, with_body: bool) -> Vec<Column> {
    // Spacing between columns, as egui_extras adds it.
    let gap = 8.0;
    let mut used = 0.0;
    let mut keep = Vec::with_capacity(PRIORITY.len());
    for column in PRIORITY
        .into_iter()
        .filter(|&c| with_body || c != Column::Body)
    {
        let w = column_width(column) + gap;
        if column == Column::Name || used + w <= width {
            used += w;
            keep.push(column);
        }
    }
    Column::ALL
        .into_iter()
        .filter(|c| keep.contains(c))
        .collect()
}

/// Shown while no actor is selected: what a row click and a double-click do.
pub const SELECT_HINT: &str =
    "Click a row to see that actor's claims and sources; double-click a cell to edit it.";

/// A cell being edited in place.
#[derive(Clone, Debug)]
struct CellEdit {
    actor: String,
    column: Column,
    text: String,
    /// Set on the first frame, to focus the field.
    fresh: bool,
}

#[derive(Debug, Default)]
struct NewActorForm {
    name: String,
    kind: ActorKind,
    country: String,
    check: NameCheck,
    /// Why the last Add was refused, shown in the dialog itself.
    error: Option<String>,
}

#[derive(Default)]
pub struct RosterPanel {
    pub query: RosterQuery,
    view: RosterView,
    editing: Option<CellEdit>,
    pub citation: Citation,
    detail: ActorDetail,
    focus_search: bool,
    adding: Option<NewActorForm>,
    /// The delete waiting for confirmation: the actor's id.
    confirm_delete: Option<String>,
    /// That delete, worked out once (it walks every claim): actor id, revision, edit, words.
    prepared_delete: Option<(String, u64, crate::model::Edit, String)>,
    /// Why the last change was refused, shown until the next one.
    pub refusal: Option<String>,
    /// The header of each column, to name the in-place editors for screen readers.
    header_ids: Vec<(Column, egui::Id)>,
    /// The roster of the chosen body when it is not the main one, built once per revision,
    /// as-of date and choice.
    body_rows: Option<(
        u64,
        Option<chrono::NaiveDate>,
        BodyChoice,
        std::rc::Rc<BodyRoster>,
    )>,
    /// The window where bodies are added, renamed and given a parent.
    bodies: crate::ui::roster::bodies::BodiesWindow,
}

impl RosterPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        if cx.selection.actor.is_some() && cx.selected_actor().is_none() {
            cx.select(Select::Actor(None)); // Deleted or merged away.
        }
        self.shortcuts(ui, cx);
        // A body that was removed falls back to the main one.
        if let BodyChoice::Sub(id) = &self.query.body
            && crate::model::body::position(dataset, id).is_none_or(|at| at == 0)
        {
            self.query.body = BodyChoice::Main;
        }
        let body_rows = self.body_rows(cx);
        let rows = body_rows.as_deref().map_or(Rows::main(derived), Rows::of);
        self.view
            .refresh_rows(dataset, derived, rows, &self.query, cx.edit_log);

        self.toolbar(ui, cx);
        self.body_line(ui, cx, rows);
        if let Some(refusal) = self.refusal.clone() {
            // Below the table, not above it: a message must not move the row under the pointer.
            egui::Panel::bottom("roster_refusal").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, refusal);
                    if ui.small_button("OK").clicked() {
                        self.refusal = None;
                    }
                });
            });
        }
        if let Some(id) = cx.selected_actor().map(str::to_string) {
            // At most about 45% of a narrow window, so the table keeps its essential columns.
            let pane = (ui.available_width() * 0.45).clamp(260.0, 360.0);
            egui::Panel::right("actor_detail")
                .resizable(true)
                .default_size(pane)
                .min_size(260.0)
                .max_size((ui.available_width() * 0.6).max(260.0))
                .show(ui, |ui| {
                    let actions = self.detail.ui(ui, cx, &id, &mut self.citation);
                    for action in actions {
                        match action {
                            crate::ui::roster::detail::Action::Send(r) => {
                                self.refusal = None;
                                cx.send(r);
                            }
                            crate::ui::roster::detail::Action::Refused(why) => {
                                self.refusal = Some(why)
                            }
                            crate::ui::roster::detail::Action::Delete => {
                                self.confirm_delete = Some(id.clone())
                            }
                            crate::ui::roster::detail::Action::Close => {
                                cx.select(Select::Actor(None))
                            }
                        }
                    }
                });
        }
        if cx.selected_actor().is_none() && self.refusal.is_none() && !self.view.rows.is_empty() {
            // Below the table, so it appearing or going never moves the rows.
            egui::Panel::bottom("roster_hint").show(ui, |ui| {
                ui.weak(SELECT_HINT);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| self.table(ui, cx, rows));
        self.add_dialog(ui, cx);
        self.delete_dialog(ui, cx);
        if let Some((edit, label)) = self.bodies.ui(ui.ctx(), cx) {
            cx.edit(edit, label);
        }
    }

    /// Whether the add-actor form, the delete prompt or the Bodies window is open.
    pub fn dialog_open(&self) -> bool {
        self.adding.is_some() || self.confirm_delete.is_some() || self.bodies.open
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let keys = cx.keys;
        let find = keys.shortcut(ui, &FIND);
        let add = keys.shortcut(ui, &ADD_ACTOR);
        // Delete only when no text field has the keyboard (checked below).
        let delete = keys.pressed(ui, Key::Delete);
        let escape = keys.pressed(ui, Key::Escape);
        let typing = ui.ctx().egui_wants_keyboard_input();
        if find {
            self.focus_search = true;
        }
        if add {
            self.adding = Some(NewActorForm::default());
        }
        if delete
            && !typing
            && self.editing.is_none()
            && let Some(id) = cx.selected_actor()
        {
            self.confirm_delete = Some(id.to_string());
        }
        if escape {
            self.editing = None;
        }
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        // One line at every width: below this the filters fold into a menu instead of wrapping.
        let narrow = ui.available_width() < TOOLBAR_FULL_WIDTH;
        ui.horizontal(|ui| {
            if ui
                .button("➕ Add actor")
                .on_hover_text(format!(
                    "Add a person, state or organisation ({})",
                    ui.ctx().format_shortcut(&ADD_ACTOR)
                ))
                .clicked()
            {
                self.adding = Some(NewActorForm::default());
            }
            ui.separator();
            let label = ui.label("🔍 Search");
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.query.text)
                    .desired_width(if narrow { 150.0 } else { 200.0 })
                    .hint_text("names and aliases (Ctrl+F)"),
            );
            let search = search
                .labelled_by(label.id)
                .on_hover_text("Accents and case are ignored: \"erdogan\" finds Erdoğan");
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            ui.separator();
            if narrow {
                let q = &self.query;
                let active =
                    q.kind.is_some() || q.status.is_some() || q.role.is_some() || q.conflicts_only;
                let title = if active { "Filters •" } else { "Filters" };
                ui.menu_button(title, |ui| self.filters(ui))
                    .response
                    .on_hover_text("Kind, status, role and conflicts");
            } else {
                ui.horizontal(|ui| self.filters(ui));
            }
            ui.separator();
            ui.label(format!(
                "{} of {} actors",
                self.view.rows.len(),
                dataset.actors.len()
            ));
            if let Some(day) = derived.as_of() {
                ui.label(
                    egui::RichText::new(format!("as of {day}"))
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
        });
        ui.add_space(2.0);
    }

    fn filters(&mut self, ui: &mut egui::Ui) {
        let q = &mut self.query;
        filter_combo(ui, "Kind", &mut q.kind, ActorKind::ALL, ActorKind::label);
        filter_combo(ui, "Status", &mut q.status, Status::ALL, Status::label);
        filter_combo(ui, "Role", &mut q.role, Role::ALL, Role::label);
        ui.checkbox(&mut q.conflicts_only, "Has conflicts");
        if q.is_filtered()
            && ui
                .button("Clear")
                .on_hover_text("Show every actor")
                .clicked()
        {
            *q = RosterQuery {
                sort: q.sort,
                descending: q.descending,
                ..Default::default()
            };
        }
    }

    /// The chosen body's roster, when it is not the main one (whose rows the derived data
    /// keeps): built again only when the revision, the as-of date or the choice changed.
    fn body_rows(&mut self, cx: &ViewCtx<'_>) -> Option<std::rc::Rc<BodyRoster>> {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let key = (derived.revision(), derived.as_of(), self.query.body.clone());
        match &self.body_rows {
            Some((r, d, c, rows)) if (*r, *d, c) == (key.0, key.1, &key.2) => Some(rows.clone()),
            _ => {
                let built = body_roster(dataset, &derived.index, key.1, &key.2)?;
                let built = std::rc::Rc::new(built);
                self.body_rows = Some((key.0, key.1, key.2, built.clone()));
                Some(built)
            }
        }
    }

    /// The body chooser and the body's dates (terms and the payment window count from entry
    /// into force), on a line of their own above the table.
    fn body_line(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        ui.horizontal(|ui| {
            let label = ui.label("Body");
            let name_of = |choice: &BodyChoice| match choice {
                BodyChoice::Main => dataset.body.name.clone(),
                BodyChoice::Sub(id) => dataset
                    .body_by_id(id)
                    .map_or_else(|| id.clone(), |b| b.name.clone()),
                BodyChoice::All => "All bodies".to_string(),
            };
            egui::ComboBox::from_id_salt("roster_body")
                .selected_text(name_of(&self.query.body))
                .show_ui(ui, |ui| {
                    let choices = std::iter::once(BodyChoice::Main)
                        .chain(
                            dataset
                                .sub_bodies
                                .iter()
                                .map(|b| BodyChoice::Sub(b.id.clone())),
                        )
                        .chain(std::iter::once(BodyChoice::All));
                    for choice in choices {
                        let text = name_of(&choice);
                        ui.selectable_value(&mut self.query.body, choice, text);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Whose roster: the main body, a sub-body, or all (adds a Body column)",
                );
            if ui
                .button("Bodies…")
                .on_hover_text("Add a sub-body, rename a body, set what it is part of")
                .clicked()
            {
                self.bodies.open = true;
            }
            ui.separator();
            let day = |d: Option<(crate::model::PartialDate, usize)>| {
                d.map_or_else(|| "not reported".to_string(), |(d, _)| d.to_string())
            };
            ui.label(format!("Entry into force: {}", day(rows.dates.in_force)))
                .on_hover_text(
                    "Terms start at entry into force (or at joining, if later); the payment window \
                 counts from it. A claim about the body, like any other.",
                );
            if rows.dates.charter_signed.is_some() {
                ui.weak(format!(
                    "Charter signed: {}",
                    day(rows.dates.charter_signed)
                ));
            }
        });
        ui.add_space(2.0);
    }

    fn table(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        if dataset.actors.is_empty() {
            ui.add_space(12.0);
            ui.label("No actors yet. Add one (Ctrl+N) or open a dataset from the File menu.");
            return;
        }
        if self.view.rows.is_empty() {
            ui.add_space(12.0);
            ui.label("No actor matches the search and filters.");
            if ui.button("Clear search and filters").clicked() {
                self.query = RosterQuery::default();
            }
            return;
        }
        self.table_body(ui, cx, rows);
    }

    fn table_body(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        // Columns share the width by priority: what does not fit is hidden (the detail pane
        // shows every field), and Name takes whatever is left so the table fills the width.
        let shown = visible_columns(ui.available_width(), self.query.body == BodyChoice::All);
        // Stored column widths are kept per width band: after the window grows, Name takes
        // the new room instead of the table keeping the narrower window's widths.
        let band = (ui.available_width() / 100.0).round() as i32;
        let widths = shared_widths(ui.available_width(), &shown);
        let mut table = TableBuilder::new(ui)
            .id_salt(("roster_table", shown.len(), band))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for (&column, width) in shown.iter().zip(widths) {
            table = table.column(match column {
                // Name takes what the others leave, worked out again every frame (a resizable
                // column would keep a width from an earlier frame, and could push ⚠ out of
                // sight behind the detail pane).
                Column::Name => TableColumn::remainder()
                    .at_least(NAME_MIN)
                    .clip(true)
                    .resizable(false),
                Column::Conflict => TableColumn::exact(column_width(column)),
                _ => TableColumn::initial(width).at_least(40.0).clip(true),
            });
        }
        // Bring a cell just put into editing into view (once: the user may scroll away).
        if let Some(editing) = self.editing.as_ref().filter(|e| e.fresh)
            && let Some(pos) = self.position_of(cx, rows, &editing.actor)
        {
            table = table.scroll_to_row(pos, None);
        }
        let mut clicked_header = None;
        let mut header_ids = Vec::with_capacity(shown.len());
        let hidden: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| !shown.contains(c))
            .map(|c| c.title())
            .collect();
        table
            .header(row_height, |mut header| {
                for &column in &shown {
                    header.col(|ui| {
                        let arrow = match (self.query.sort == column, self.query.descending) {
                            (true, false) => " ⏶",
                            (true, true) => " ⏷",
                            _ => "",
                        };
                        let button = egui::Button::new(
                            egui::RichText::new(format!("{}{arrow}", column.title())).strong(),
                        )
                        .frame(false);
                        let mut tip = format!("{}\nClick to sort", column.tooltip());
                        if column == Column::Name && !hidden.is_empty() {
                            tip.push_str(&format!(
                                "\n\nHidden at this width: {}. Widen the window or close the \
                                 detail pane to see them; the detail pane shows them all.",
                                hidden.join(", ")
                            ));
                        }
                        let response = ui.add(button).on_hover_text(tip);
                        if response.clicked() {
                            clicked_header = Some(column);
                        }
                        header_ids.push((column, response.id));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.view.rows.len(), |mut table_row| {
                    let row = &rows.rows[self.view.rows[table_row.index()]];
                    let row_index = self.view.rows[table_row.index()];
                    let actor = &dataset.actors[row.actor];
                    let is_selected = cx.selection.actor.as_deref() == Some(actor.id.as_str());
                    table_row.set_selected(is_selected);
                    for &column in &shown {
                        let (_, response) = table_row.col(|ui| {
                            self.cell(ui, cx, rows, row_index, column);
                        });
                        if response.double_clicked() && editable(column) {
                            self.start_edit(cx, rows, row_index, column);
                        }
                        if response.clicked() {
                            cx.select(Select::Actor(Some(actor.id.clone())));
                        }
                    }
                });
            });
        self.header_ids = header_ids;
        if let Some(column) = clicked_header {
            if self.query.sort == column {
                self.query.descending = !self.query.descending;
            } else {
                self.query.sort = column;
                self.query.descending = false;
            }
        }
    }

    fn position_of(&self, cx: &ViewCtx<'_>, rows: Rows<'_>, actor: &str) -> Option<usize> {
        let at = *cx.derived.index.actor_by_id.get(actor)?;
        self.view
            .rows
            .iter()
            .position(|&r| rows.rows[r].actor == at)
    }

    fn cell(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        rows: Rows<'_>,
        row_index: usize,
        column: Column,
    ) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let row = &rows.rows[row_index];
        let actor = &dataset.actors[row.actor];
        let is_editing = self
            .editing
            .as_ref()
            .is_some_and(|e| e.actor == actor.id && e.column == column);
        if is_editing {
            self.edit_cell(ui, cx, rows, row_index);
            return;
        }
        let text = cell_text(dataset, rows, row_index, row, column);
        // Not selectable: a click must reach the row (select) and a double-click the cell (edit).
        let label = |ui: &mut egui::Ui, text: egui::WidgetText| {
            ui.add(egui::Label::new(text).selectable(false))
        };
        match column {
            Column::Seat => {
                // Put in words only while hovered, under the rules of the row's body.
                label(ui, text.into()).on_hover_ui(|ui| {
                    let body = crate::model::body::all(dataset).nth(rows.body_of(row_index));
                    let rules = body.map_or(&dataset.body.seat_rules, |b| &b.seat_rules);
                    ui.label(rows.seats[row_index].reason(rules).to_string());
                });
            }
            Column::Conflict => {
                if row.has_conflict() {
                    let mark = egui::RichText::new("⚠").color(ui.visuals().warn_fg_color);
                    // Built only while hovered: most frames never need it.
                    label(ui, mark.into()).on_hover_ui(|ui| {
                        ui.label(conflict_summary(dataset, derived, row));
                    });
                }
            }
            _ => {
                let response = label(ui, text.into());
                if editable(column) {
                    response.on_hover_text("Double-click to edit");
                }
            }
        }
    }

    fn start_edit(&mut self, cx: &ViewCtx<'_>, rows: Rows<'_>, row_index: usize, column: Column) {
        let dataset = cx.dataset;
        let row = &rows.rows[row_index];
        let actor = &dataset.actors[row.actor];
        let text = match column {
            Column::Name => actor.name.clone(),
            Column::Country => actor.country.clone(),
            Column::Pledge => match row.fact(dataset, Property::Pledge) {
                Some(Fact::Pledge(m)) => format!("{} {}", m.amount, m.currency),
                _ => String::new(),
            },
            _ => String::new(),
        };
        cx.select(Select::Actor(Some(actor.id.clone())));
        self.editing = Some(CellEdit {
            actor: actor.id.clone(),
            column,
            text,
            fresh: true,
        });
    }

    /// The editor inside a cell: a text field (Enter keeps, Escape cancels) or a combo box.
    fn edit_cell(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>, row_index: usize) {
        let dataset = cx.dataset;
        // A hand edit on a sub-body's row is a claim about that sub-body.
        let body = crate::model::body::all(dataset)
            .nth(rows.body_of(row_index))
            .filter(|_| rows.body_of(row_index) > 0)
            .map(|b| b.id.clone());
        let Some(edit) = self.editing.as_mut() else {
            return;
        };
        let header = self
            .header_ids
            .iter()
            .find(|(c, _)| *c == edit.column)
            .map(|(_, id)| *id);
        let row = &rows.rows[row_index];
        let actor_at = row.actor;
        let target = CellTarget {
            actor_at,
            body: body.as_deref(),
            citation: &self.citation,
        };
        let mut commit: Option<Result<Command, String>> = None;
        match edit.column {
            Column::Name | Column::Country | Column::Pledge => match text_field(ui, edit, header) {
                Some(true) => {
                    commit = Some(target.text_commit(cx, edit.column, &edit.text));
                }
                Some(false) => {
                    self.editing = None;
                    return;
                }
                None => {}
            },
            Column::Kind => {
                let mut kind = dataset.actors[actor_at].kind;
                if enum_combo(
                    ui,
                    "cell_kind",
                    &mut kind,
                    ActorKind::ALL,
                    ActorKind::label,
                    header,
                ) {
                    let mut actor = dataset.actors[actor_at].clone();
                    actor.kind = kind;
                    commit = Some(
                        update_actor(dataset, actor_at, actor)
                            .map(|e| {
                                let name = &dataset.actors[actor_at].name;
                                Command::edit(e, format!("Set kind of {name}"))
                            })
                            .map_err(|e| e.to_string()),
                    );
                }
            }
            Column::Status => {
                let current = row.status(dataset);
                if let Some(status) = pick_combo(
                    ui,
                    "cell_status",
                    current,
                    Status::ALL,
                    Status::label,
                    header,
                ) {
                    commit = Some(target.claim_commit(cx, Fact::Status(status)));
                }
            }
            Column::Role => {
                let current = match row.fact(dataset, Property::Role) {
                    Some(Fact::Role(r)) => Some(*r),
                    _ => None,
                };
                if let Some(role) =
                    pick_combo(ui, "cell_role", current, Role::ALL, Role::label, header)
                {
                    commit = Some(target.claim_commit(cx, Fact::Role(role)));
                }
            }
            _ => {}
        }
        if let Some(commit) = commit {
            self.finish_edit(cx, commit);
        }
    }

    /// Sends the cell's edit and closes the editor, or keeps it open with why it is refused.
    fn finish_edit(&mut self, cx: &ViewCtx<'_>, commit: Result<Command, String>) {
        match commit {
            Ok(command) => {
                cx.send(command);
                self.editing = None;
                self.refusal = None;
            }
            Err(why) => {
                // Refused in the field: the editor stays open with the text as typed.
                self.refusal = Some(why);
                if let Some(edit) = self.editing.as_mut() {
                    edit.fresh = true;
                }
            }
        }
    }

    fn add_dialog(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let dataset = cx.dataset;
        let Some(new) = self.adding.as_mut() else {
            return;
        };
        let mut close = false;
        let mut error = None;
        let modal = egui::Modal::new(egui::Id::unique("add_actor")).show(ui.ctx(), |ui| {
            ui.heading("Add actor");
            egui::Grid::new("add_actor_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let name =
                        identity_rows(ui, "add", &mut new.name, &mut new.kind, &mut new.country);
                    if name.ctx.memory(|m| m.focused().is_none()) {
                        name.request_focus();
                    }
                });
            // No red before the user has typed anything.
            if !new.name.is_empty() {
                name_feedback(ui, cx, &new.name, None, &mut new.check);
            }
            if let Some(e) = &new.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                let enter = ui.input(|i| i.key_pressed(Key::Enter));
                if ui.button("Add").clicked() || enter {
                    let actor = Actor {
                        name: new.name.clone(),
                        kind: new.kind,
                        country: new.country.trim().to_string(),
                        ..Default::default()
                    };
                    match add_actor(dataset, actor) {
                        Ok(edit) => {
                            let added = match &edit {
                                crate::model::Edit::InsertActor { actor, .. } => {
                                    Some(actor.id.clone())
                                }
                                _ => None,
                            };
                            cx.edit(edit, format!("Add {}", new.name.trim()));
                            if added.is_some() {
                                cx.select(Select::Actor(added));
                            }
                            close = true;
                            self.refusal = None;
                        }
                        Err(e) => error = Some(e.to_string()),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if let Some(e) = error {
            new.error = Some(e);
        }
        if close || modal.should_close() {
            self.adding = None;
        }
    }

    fn delete_dialog(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let Some(id) = self.confirm_delete.clone() else {
            return;
        };
        let Some(&at) = derived.index.actor_by_id.get(&id) else {
            self.confirm_delete = None;
            return;
        };
        let key = (id.clone(), derived.revision());
        if self
            .prepared_delete
            .as_ref()
            .is_none_or(|(i, r, _, _)| (i, r) != (&key.0, &key.1))
        {
            let (edit, summary) = delete_actor(dataset, at);
            self.prepared_delete = Some((key.0, key.1, edit, summary.words()));
        }
        let words = &self.prepared_delete.as_ref().expect("prepared above").3;
        let name = dataset.actors[at].name.clone();
        let (mut confirmed, mut close) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.heading(format!("Delete {name}?"));
            ui.label(format!("This removes {name} and {words}."));
            ui.label("You can undo it with Ctrl+Z.");
            ui.horizontal(|ui| {
                confirmed = ui.button("Delete").clicked();
                close = ui.button("Cancel").clicked();
            });
        });
        if confirmed && let Some((_, _, edit, _)) = self.prepared_delete.take() {
            cx.edit(edit, format!("Delete {name}"));
        }
        if confirmed || close || modal.should_close() {
            self.confirm_delete = None;
            self.prepared_delete = None;
        }
    }
}

fn editable(column: Column) -> bool {
    matches!(
        column,
        Column::Name
            | Column::Kind
            | Column::Country
            | Column::Role
            | Column::Status
            | Column::Pledge
    )
}

/// What a cell's edit changes: the row's actor (its position), the sub-body the row is about
/// (`None`: the main body), and the source a claim made by hand cites.
struct CellTarget<'a> {
    actor_at: usize,
    body: Option<&'a str>,
    citation: &'a Citation,
}

impl CellTarget<'_> {
    /// A text cell's new value as a command, or why it is refused.
    fn text_commit(&self, cx: &ViewCtx<'_>, column: Column, text: &str) -> Result<Command, String> {
        let (dataset, actor_at) = (cx.dataset, self.actor_at);
        let old = &dataset.actors[actor_at];
        match column {
            Column::Name | Column::Country => {
                let mut actor = old.clone();
                if column == Column::Name {
                    actor.name = text.to_string();
                } else {
                    actor.country = text.trim().to_string();
                }
                let label = format!("Edit {} of {}", column.title().to_lowercase(), old.name);
                update_actor(dataset, actor_at, actor)
                    .map(|e| Command::edit(e, label))
                    .map_err(|e| e.to_string())
            }
            Column::Pledge => {
                let money = parse_money(text).map_err(|e| format!("Pledge not saved: {e}"))?;
                self.claim_commit(cx, Fact::Pledge(money))
            }
            _ => Err("This cell cannot be edited.".into()),
        }
    }

    /// A hand edit of a claim-backed cell becomes a claim citing the chosen source.
    fn claim_commit(&self, cx: &ViewCtx<'_>, fact: Fact) -> Result<Command, String> {
        let (dataset, index) = (cx.dataset, &cx.derived.index);
        let (source, as_of) = self.citation.resolve(dataset)?;
        let actor = &dataset.actors[self.actor_at];
        let label = format!(
            "Set {} of {} to {}",
            fact.property().label(),
            actor.name,
            dataset.fact_label(&fact)
        );
        let mut edit = hand_claim(
            dataset,
            index,
            &actor.id,
            fact,
            &source,
            as_of,
            &self.citation.note,
        );
        if let crate::model::Edit::InsertClaim { claim, .. } = &mut edit {
            claim.body = self.body.map(str::to_string);
        }
        Ok(Command::edit(edit, label))
    }
}

fn cell_text(
    dataset: &Dataset,
    derived: Rows<'_>,
    row_index: usize,
    row: &RosterRow,
    column: Column,
) -> String {
    let actor = &dataset.actors[row.actor];
    let value = |p: Property| {
        row.fact(dataset, p)
            .map_or_else(|| "—".to_string(), Fact::value_label)
    };
    match column {
        Column::Name => actor.name.clone(),
        Column::Kind => actor.kind.label().to_string(),
        Column::Country if actor.country.is_empty() => "—".to_string(),
        Column::Country => actor.country.clone(),
        Column::Role => value(Property::Role),
        Column::Status => row.status_label(dataset).to_string(),
        Column::Seat => match &derived.seats[row_index].via {
            // A state seated on its representative's word says whose.
            Some((name, _)) => format!("{} via {name}", derived.seats[row_index].kind.label()),
            None => derived.seats[row_index].kind.label().to_string(),
        },
        Column::Pledge => match row.fact(dataset, Property::Pledge) {
            Some(Fact::Pledge(m)) => format_money(m),
            _ => "—".to_string(),
        },
        Column::Joined => match row.get(Property::Joined) {
            // Where sources disagree on the date, the row's conflict flag marks it (the one
            // conflict rule decides which disagreements count).
            Some(r) if r.conflict => format!("{} ⚠", value(Property::Joined)),
            _ => value(Property::Joined),
        },
        Column::Body => crate::model::body::all(dataset)
            .nth(derived.body_of(row_index))
            .map_or_else(String::new, |b| b.name.clone()),
        Column::Sources => row.sources.to_string(),
        Column::Conflict => String::new(),
    }
}

/// "Conflicting claims on status: member (DPA) vs proposed (Unnamed outlet)".
pub fn conflict_summary(dataset: &Dataset, derived: &Derived, row: &RosterRow) -> String {
    row.values
        .iter()
        .filter(|r| r.conflict)
        .map(|r| {
            let best = &dataset.claims[r.best];
            let mut parts = vec![claim_words(dataset, derived, best)];
            parts.extend(
                crate::model::roster::rivals(dataset, &derived.index, r)
                    .into_iter()
                    .map(|c| claim_words(dataset, derived, &dataset.claims[c])),
            );
            format!(
                "Conflicting claims on {}: {}",
                r.property.label(),
                parts.join(" vs ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn claim_words(dataset: &Dataset, derived: &Derived, claim: &crate::model::Claim) -> String {
    let value = derived.fact_label(dataset, &claim.fact);
    format!(
        "{}{value} ({})",
        if claim.negated { "not " } else { "" },
        crate::ui::citation::source_label(derived, dataset, &claim.source)
    )
}

/// A cell's text field: `Some(true)` when Enter keeps the text, `Some(false)` when the field
/// is left otherwise (Escape cancels), `None` while it is being typed in.
fn text_field(ui: &mut egui::Ui, edit: &mut CellEdit, header: Option<egui::Id>) -> Option<bool> {
    let field = ui.add(
        egui::TextEdit::singleline(&mut edit.text)
            .desired_width(f32::INFINITY)
            .hint_text(if edit.column == Column::Pledge {
                "1 billion USD"
            } else {
                ""
            }),
    );
    let field = match header {
        Some(id) => field.labelled_by(id),
        None => field,
    };
    let field = field.on_hover_text("Enter to keep, Escape to cancel");
    if std::mem::take(&mut edit.fresh) {
        field.request_focus();
    }
    field
        .lost_focus()
        .then(|| ui.input(|i| i.key_pressed(Key::Enter)))
}
