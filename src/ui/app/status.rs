//! The status bar (counts, unsaved changes, the last message), the window title, and the
//! size of small text.

use super::BoardExplorerApp;

impl BoardExplorerApp {
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        // A Save As renames the file the Sources choice belongs to.
        if self.window.shown_file.as_deref() != self.session.document().path.as_deref() {
            self.window.shown_file = self.session.document().path.clone();
        }
        let title = self.session.document().window_title();
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let d = self.session.dataset();
            ui.label(format!(
                "{} actors · {} sources · {} claims · {} events · {} conflicts",
                d.actors.len(),
                d.sources.len(),
                d.claims.len(),
                d.events.len(),
                self.session.derived().conflicts
            ));
            let inbox = self.panels.sources.review.inbox(d);
            if inbox.suggestions > 0 {
                ui.separator();
                ui.label(format!(
                    "{} to review{}",
                    inbox.suggestions,
                    if inbox.counting { "…" } else { "" }
                ))
                .on_hover_text(format!(
                    "Suggestions waiting in {} source(s): see the Sources tab",
                    inbox.sources
                ));
            }
            if self.session.document().is_dirty() {
                ui.separator();
                ui.label("unsaved changes")
                    .on_hover_text("Ctrl+S saves; work is also kept for recovery after a crash");
            }
            // Not in a picture being taken: the message is about now, not about the data.
            if let Some(notice) = self
                .window
                .notice
                .as_ref()
                .filter(|_| self.window.shot.is_none())
            {
                ui.separator();
                let text = egui::RichText::new(&notice.text);
                let text = if notice.is_error {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                let mut dismiss = false;
                let mut open_failed = None;
                let folder = self
                    .window
                    .notice_file
                    .as_deref()
                    .and_then(std::path::Path::parent);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    dismiss = ui.small_button("✖").on_hover_text("Dismiss").clicked();
                    if let Some(folder) = folder
                        && ui
                            .small_button("Open folder")
                            .on_hover_text(format!("Show {} in the file manager", folder.display()))
                            .clicked()
                    {
                        // The desktop's file manager, in the background; a desktop without
                        // one is said so, nothing else happens.
                        let folder = if folder.as_os_str().is_empty() {
                            std::path::Path::new(".")
                        } else {
                            folder
                        };
                        if let Err(e) = open::that_detached(folder) {
                            open_failed = Some(format!("Could not open {}: {e}", folder.display()));
                        }
                    }
                    // A long message (a path, a load error) is cut to the bar, whole on hover.
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(text).truncate());
                    });
                });
                if dismiss {
                    self.window.notice = None;
                    self.window.notice_file = None;
                }
                if let Some(text) = open_failed {
                    self.window.notice = Some(crate::session::Notice::error(text));
                    self.window.notice_file = None;
                }
            }
        });
    }
}

/// The size of small text (hints, dates and counts under a source, a claim's note and rank).
/// egui's 9 points read as a smudge beside 12.5-point body text in the real window.
pub const SMALL_TEXT: f32 = 10.5;

/// Sets small text to [`SMALL_TEXT`] in every theme, once (a no-op after).
pub(super) fn readable_small_text(ctx: &egui::Context) {
    let small = ctx
        .global_style()
        .text_styles
        .get(&egui::TextStyle::Small)
        .map(|f| f.size);
    if small != Some(SMALL_TEXT) {
        ctx.all_styles_mut(|style| {
            style.text_styles.insert(
                egui::TextStyle::Small,
                egui::FontId::proportional(SMALL_TEXT),
            );
        });
    }
}
