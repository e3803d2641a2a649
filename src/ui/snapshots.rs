//! Snapshots in the app: taking one (with a note), the list of those in `saves/`, opening one
//! read-only, restoring one as a new working file, and comparing one with the working file.

use egui_extras::{Column, TableBuilder};

use crate::model::merge::diff::DiffChange;
use crate::session::{Command, Session, SnapshotInfo};
use crate::ui::shortcuts;

#[derive(Default)]
pub struct SnapshotsPanel {
    pub open: bool,
    /// The list, read when the panel opens or after a snapshot is taken.
    list: Option<Vec<SnapshotInfo>>,
    /// The note being typed for a new snapshot.
    pub taking: Option<String>,
    /// A comparison to show: its title and the changes.
    pub comparison: Option<(String, Vec<DiffChange>)>,
}

impl SnapshotsPanel {
    pub fn invalidate(&mut self) {
        self.list = None;
    }

    /// Whether the note dialog or a comparison window is open. The list itself is a side
    /// panel beside the work, not a dialog.
    pub fn dialog_open(&self) -> bool {
        self.taking.is_some() || self.comparison.is_some()
    }

    /// The side panel listing the session's snapshots.
    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Session) -> Option<Command> {
        let dir = session.snapshots_dir();
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading("Snapshots");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("✖")
                    .on_hover_text("Close the list")
                    .clicked()
                {
                    self.open = false;
                }
                if ui
                    .small_button("⟳")
                    .on_hover_text("Read the folder again")
                    .clicked()
                {
                    self.list = None;
                }
            });
        });
        ui.label(
            egui::RichText::new(format!("in {}", dir.display()))
                .weak()
                .small(),
        );
        if ui.button("📷 Take snapshot…").clicked() {
            self.taking = Some(String::new());
        }
        ui.separator();
        let list = self.list.get_or_insert_with(|| session.snapshots());
        if list.is_empty() {
            ui.label(egui::RichText::new("No snapshots yet. A snapshot freezes the dataset as you see it now, with a note, so you can compare it with later days.").weak());
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for s in list.iter() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let note = if s.note.is_empty() {
                        "(no note)"
                    } else {
                        s.note.as_str()
                    };
                    ui.strong(note);
                    let as_of = s
                        .as_of
                        .map_or("as of the day taken".to_string(), |d| format!("as of {d}"));
                    ui.label(egui::RichText::new(format!("taken {} · {as_of}", s.taken)).small());
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("Open read-only").clicked() {
                            action = Some(Command::OpenSnapshot(s.path.clone()));
                        }
                        if ui
                            .small_button("Compare")
                            .on_hover_text("What changed from this snapshot to the working file")
                            .clicked()
                        {
                            action = Some(Command::CompareSnapshot(s.path.clone()));
                        }
                        if ui
                            .small_button("Restore as new file")
                            .on_hover_text("Continue working from this snapshot")
                            .clicked()
                        {
                            action = Some(Command::RestoreSnapshot(s.path.clone()));
                        }
                    });
                });
            }
        });
        action
    }

    /// The "take snapshot" dialog: returns the note once the user confirms.
    pub fn take_dialog(
        &mut self,
        ui: &mut egui::Ui,
        as_of: Option<chrono::NaiveDate>,
    ) -> Option<String> {
        let note = self.taking.as_mut()?;
        let (mut take, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("take_snapshot")).show(ui.ctx(), |ui| {
            ui.heading("Take snapshot");
            let when = as_of.map_or("as it stands today".to_string(), |d| format!("as of {d}"));
            ui.label(format!(
                "Freezes the dataset, {when}, into the snapshots folder."
            ));
            let label = ui.label("Note");
            let field = ui
                .add(
                    egui::TextEdit::singleline(note)
                        .desired_width(320.0)
                        .hint_text("e.g. before the Davos signing"),
                )
                .labelled_by(label.id);
            if !field.has_focus() && note.is_empty() {
                field.request_focus();
            }
            take = shortcuts::entered(ui, &field);
            ui.horizontal(|ui| {
                take |= ui.button("Take").clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if take {
            return self.taking.take();
        }
        if cancel || modal.should_close() {
            self.taking = None;
        }
        None
    }

    /// The comparison window, when one is open: a table of the changes (what kind, about
    /// whom, what), centred in the window.
    pub fn comparison_window(&mut self, ui: &mut egui::Ui) {
        let Some((title, changes)) = &self.comparison else {
            return;
        };
        let mut open = true;
        let screen = ui.ctx().content_rect();
        let size = egui::vec2(
            (screen.width() * 0.8).min(760.0),
            (screen.height() * 0.7).min(520.0),
        );
        egui::Window::new(title.as_str())
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(screen.center())
            .default_size(size)
            .show(ui.ctx(), |ui| {
                if changes.is_empty() {
                    ui.label("No changes.");
                    return;
                }
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        changes.len(),
                        if changes.len() == 1 {
                            "change"
                        } else {
                            "changes"
                        }
                    ))
                    .weak(),
                );
                let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
                TableBuilder::new(ui)
                    .id_salt("snapshot_comparison_table")
                    .striped(true)
                    .resizable(true)
                    .min_scrolled_height(0.0)
                    .max_scroll_height(size.y)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                    .column(Column::initial(110.0).at_least(70.0).clip(true))
                    .column(Column::initial(170.0).at_least(80.0).clip(true))
                    .column(Column::remainder().at_least(120.0).clip(true))
                    .header(row_height, |mut header| {
                        for title in ["Change", "About", "What"] {
                            header.col(|ui| {
                                ui.strong(title);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(row_height, changes.len(), |mut row| {
                            let c = &changes[row.index()];
                            row.col(|ui| {
                                ui.add(egui::Label::new(c.kind.label()).selectable(false));
                            });
                            row.col(|ui| {
                                ui.add(egui::Label::new(&c.subject).truncate());
                            });
                            row.col(|ui| {
                                ui.add(egui::Label::new(&c.text).truncate());
                            });
                        });
                    });
            });
        if !open {
            self.comparison = None;
        }
    }
}
