//! The name, kind, country and Wikidata fields an actor is made of, and what is wrong with a
//! name or a Wikidata id: shared by the "Add actor" dialog and the detail pane's form.

use crate::model::ActorKind;
use crate::model::data::ops::{check_name, wikidata_field};
use crate::model::rules::validate_values::wikidata_problem;
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

/// The Wikidata row of a two-column grid.
pub fn wikidata_row(ui: &mut egui::Ui, wikidata: &mut String) {
    let label = ui.label("Wikidata");
    ui.add(
        egui::TextEdit::singleline(wikidata)
            .desired_width(240.0)
            .hint_text("like Q42"),
    )
    .labelled_by(label.id)
    .on_hover_text(
        "The actor's Wikidata id (Q and its digits), kept in the Popolo and FollowTheMoney \
         exports; empty for none",
    );
    ui.end_row();
}

/// The Wikidata id as typed (`None` when empty), or what is wrong with it, shown in red.
pub fn wikidata_feedback(ui: &mut egui::Ui, typed: &str) -> Result<Option<String>, ()> {
    let wikidata = wikidata_field(typed);
    match wikidata.as_deref().and_then(wikidata_problem) {
        Some(why) => {
            ui.colored_label(ui.visuals().error_fg_color, why);
            Err(())
        }
        None => Ok(wikidata),
    }
}
