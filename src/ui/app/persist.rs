//! What the window keeps across restarts (eframe storage): the open tab, the last and recent
//! files, and per file the sources compared; and the eframe hooks that save it.

use super::{BoardExplorerApp, Tab};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What survives a restart (eframe storage, one per user, whatever folder the app runs
/// from): the open tab, the last file, recent files, and per file the sources compared.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Persisted {
    pub(super) tab: Option<Tab>,
    pub(super) last_file: Option<PathBuf>,
    pub(super) recent: Vec<PathBuf>,
    #[serde(default)]
    pub(super) chosen: ChosenByFile,
    /// The name the claims this user adds are signed with (Edit ▸ Your name).
    #[serde(default)]
    pub(super) author: Option<String>,
}

/// The sources ticked for comparison in each dataset file, so that reopening a file shows the
/// ones last compared (a source imported and ticked stays ticked). The latest files first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ChosenByFile(Vec<(PathBuf, Vec<String>)>);

impl ChosenByFile {
    /// Files remembered; the oldest beyond this are forgotten.
    const KEPT: usize = 32;

    pub fn remember(&mut self, path: Option<PathBuf>, chosen: &[String]) {
        let Some(path) = path else { return };
        self.0.retain(|(p, _)| *p != path);
        self.0.insert(0, (path, chosen.to_vec()));
        self.0.truncate(Self::KEPT);
    }

    pub fn get(&self, path: Option<&std::path::Path>) -> Option<&[String]> {
        let path = path?;
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, chosen)| chosen.as_slice())
    }
}

pub(super) const STORAGE_KEY: &str = "board-explorer";

impl eframe::App for BoardExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        BoardExplorerApp::ui(self, ui);
    }

    /// While a picture is being taken the pointer is gone: no hovered row, no tooltip.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.window.shot.is_some() {
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                )
            });
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    /// A clean exit leaves no lock file behind (see [`crate::session::Session::close`]).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.session.close();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut chosen = self.window.chosen_by_file.clone();
        if let Some(sources) = self.panels.sources.chosen_sources() {
            chosen.remember(self.session.document().path.clone(), sources);
        }
        let persisted = Persisted {
            tab: Some(self.panels.tab),
            last_file: self.session.document().path.clone(),
            recent: self.session.recent().to_vec(),
            chosen,
            author: Some(self.session.author().to_string()),
        };
        eframe::set_value(storage, STORAGE_KEY, &persisted);
    }
}
