//! The name, kind and country fields an actor is made of, and what is wrong with a name: shared
//! by the "Add actor" dialog and the detail pane's form.

use crate::model::ActorKind;
use crate::model::data::ops::check_name;
use crate::ui::fact_input::enum_combo;
use crate::ui::view::ViewCtx;

/// Three rows of a two-column grid; returns the name field, so a dialog can focus it.
pub fn identity_rows(
    ui: &mut egui::Ui,
    salt: &str,
    name: &mut String,
    kind: &mut ActorKind,
    country: &mut String,
) -> egui::Response {
    let label = ui.label("Name");
    let field = ui
        .add(egui::TextEdit::singleline(name).desired_width(240.0))
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Kind");
    enum_combo(
        ui,
        &format!("{salt}_kind"),
        kind,
        ActorKind::ALL,
        ActorKind::label,
        Some(label.id),
    );
    ui.end_row();
    let label = ui.label("Country");
    ui.add(egui::TextEdit::singleline(country).desired_width(240.0))
        .labelled_by(label.id);
    ui.end_row();
    field
}

/// The last name checked and what was wrong with it: the check scans every actor, so it runs
/// when the name or the dataset changes, not every frame.
#[derive(Debug)]
pub struct NameCheck {
    key: Option<(String, u64, Option<usize>)>,
    result: Result<Option<String>, String>,
}

impl Default for NameCheck {
    fn default() -> Self {
        NameCheck {
            key: None,
            result: Ok(None),
        }
    }
}

/// An empty name in red, a duplicate in amber; nothing for a good name. `except` is the
/// actor being renamed, which may keep its own name.
pub fn name_feedback(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    name: &str,
    except: Option<usize>,
    cache: &mut NameCheck,
) {
    let d = cx.dataset;
    let key = Some((name.to_string(), d.revision.get(), except));
    if cache.key != key {
        cache.result = check_name(d, name, except).map_err(|e| e.to_string());
        cache.key = key;
    }
    match &cache.result {
        Ok(Some(warning)) => {
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Ok(None) => {}
    }
}
