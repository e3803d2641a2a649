//! The detail pane for one actor: its identity (editable), every claim for every property with
//! source, quote and rank (conflicts plain to see), a form to add a claim, merge and delete.

use crate::model::data::ops::{hand_claim, merge_actors, set_rank, update_actor};
use crate::model::derive::body_roster::{ActorBodies, BodyGroup, actor_bodies};
use crate::model::{Actor, ActorKind, Claim, Property, Rank};
use crate::session::Command;
use crate::ui::actor_search::ActorSearch;
use crate::ui::citation::{Citation, source_label};
use crate::ui::fact_input::FactInput;
use crate::ui::roster::actor_form::{
    NameCheck, identity_rows, name_feedback, wikidata_feedback, wikidata_row,
};
use crate::ui::view::ViewCtx;

/// What the pane asks of the roster panel.
pub enum DetailAction {
    Send(Command),
    Refused(String),
    Delete,
    Close,
}

#[derive(Default)]
pub struct ActorDetail {
    /// The actor record the form fields were loaded from: the form reloads when it changes
    /// (another actor, an undo), not on unrelated edits, so typed text is not thrown away.
    loaded: Option<Actor>,
    name: String,
    kind: ActorKind,
    country: String,
    aliases: String,
    /// The Wikidata id as typed ("Q7747"; empty for none).
    wikidata: String,
    note: String,
    fact: FactInput,
    merge_search: ActorSearch,
    merge_into: Option<String>,
    name_check: NameCheck,
    /// The actor's claims grouped by body, with rows and status paths: built once per
    /// revision, as-of date and actor, never per frame.
    bodies: Option<(u64, Option<chrono::NaiveDate>, usize, ActorBodies)>,
}

impl ActorDetail {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        id: &str,
        citation: &mut Citation,
    ) -> Vec<DetailAction> {
        let (d, derived) = (cx.dataset, cx.derived);
        let mut actions = Vec::new();
        let Some(&at) = derived.index.actor_by_id.get(id) else {
            return actions;
        };
        let actor = &d.actors[at];
        if self.loaded.as_ref() != Some(actor) {
            self.load(actor);
        }
        ui.horizontal(|ui| {
            ui.heading(&actor.name);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("✖")
                    .on_hover_text("Close the detail pane")
                    .clicked()
                {
                    actions.push(DetailAction::Close);
                }
            });
        });
        let mut facts = vec![actor.kind.label().to_string()];
        if !actor.country.is_empty() {
            facts.push(actor.country.clone());
        }
        facts.push(format!("id {}", actor.id));
        if let Some(q) = &actor.wikidata {
            facts.push(format!("Wikidata {q}"));
        }
        ui.label(egui::RichText::new(facts.join(" · ")).weak());
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::CollapsingHeader::new("Details")
                    .default_open(false)
                    .show(ui, |ui| {
                        self.identity_form(ui, cx, at, &mut actions);
                    });
                ui.add_space(6.0);
                ui.strong("Claims");
                self.claims(ui, cx, at, &mut actions);
                ui.add_space(8.0);
                ui.separator();
                ui.strong("Add a claim");
                citation.ui(ui, cx);
                ui.horizontal_wrapped(|ui| {
                    self.fact.ui(ui, cx, id);
                    self.fact.negation_ui(ui);
                    if ui.button("Add claim").clicked() {
                        let checked = self
                            .fact
                            .fact(d, id)
                            .and_then(|fact| Ok((fact, citation.resolve(d)?)));
                        match checked {
                            Ok((fact, (source, as_of))) => {
                                let label = format!(
                                    "Set {} of {} to {}{}",
                                    fact.property().label(),
                                    actor.name,
                                    if self.fact.negated { "not " } else { "" },
                                    d.fact_label(&fact)
                                );
                                let mut edit = hand_claim(
                                    d,
                                    &derived.index,
                                    id,
                                    fact,
                                    &source,
                                    as_of,
                                    &citation.note,
                                );
                                self.fact.mark_negated(&mut edit);
                                actions.push(DetailAction::Send(Command::edit(edit, label)));
                            }
                            Err(why) => actions.push(DetailAction::Refused(why)),
                        }
                    }
                });
                ui.add_space(8.0);
                ui.separator();
                self.merge_ui(ui, cx, at, &mut actions);
                ui.add_space(8.0);
                if ui
                    .button("🗑 Delete actor…")
                    .on_hover_text("Delete this actor and its claims (asks first; Ctrl+Z undoes)")
                    .clicked()
                {
                    actions.push(DetailAction::Delete);
                }
            });
        actions
    }

    fn load(&mut self, actor: &Actor) {
        if self.loaded.as_ref().is_none_or(|a| a.id != actor.id) {
            // Another actor: what was picked for the previous one must not carry over.
            self.fact = FactInput::default();
            self.merge_search.text.clear();
            self.merge_into = None;
        }
        self.loaded = Some(actor.clone());
        self.name = actor.name.clone();
        self.kind = actor.kind;
        self.country = actor.country.clone();
        self.aliases = actor.aliases.join(", ");
        self.wikidata = actor.wikidata.clone().unwrap_or_default();
        self.note = actor.note.clone();
    }

    fn identity_form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        at: usize,
        actions: &mut Vec<DetailAction>,
    ) {
        let d = cx.dataset;
        egui::Grid::new("identity").num_columns(2).show(ui, |ui| {
            identity_rows(
                ui,
                "detail",
                &mut self.name,
                &mut self.kind,
                &mut self.country,
            );
            let label = ui.label("Aliases");
            ui.add(
                egui::TextEdit::singleline(&mut self.aliases)
                    .desired_width(240.0)
                    .hint_text("comma-separated"),
            )
            .labelled_by(label.id)
            .on_hover_text("Other names the sources use; search finds them too");
            ui.end_row();
            wikidata_row(ui, &mut self.wikidata);
            let label = ui.label("Note");
            ui.add(
                egui::TextEdit::multiline(&mut self.note)
                    .desired_width(240.0)
                    .desired_rows(2),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
        name_feedback(ui, cx, &self.name, Some(at), &mut self.name_check);
        let wikidata = wikidata_feedback(ui, &self.wikidata);
        let apply = ui
            .add_enabled(wikidata.is_ok(), egui::Button::new("Apply changes"))
            .on_disabled_hover_text("Correct the Wikidata id first (Q and its digits)");
        if apply.clicked() {
            let mut actor = d.actors[at].clone();
            actor.name = self.name.clone();
            actor.kind = self.kind;
            actor.country = self.country.trim().to_string();
            actor.aliases = self
                .aliases
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            actor.note = self.note.clone();
            actor.wikidata = wikidata.unwrap_or_default();
            if actor == d.actors[at] {
                return;
            }
            match update_actor(d, at, actor) {
                Ok(edit) => actions.push(DetailAction::Send(Command::edit(
                    edit,
                    format!("Edit {}", d.actors[at].name),
                ))),
                Err(e) => actions.push(DetailAction::Refused(e.to_string())),
            }
        }
    }

    fn claims(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        at: usize,
        actions: &mut Vec<DetailAction>,
    ) {
        let (d, derived) = (cx.dataset, cx.derived);
        if derived.index.claims_by_actor[at].is_empty() {
            ui.label(
                egui::RichText::new("No claims yet. Add one below, or edit a cell in the table.")
                    .weak(),
            );
            return;
        }
        let key = (derived.revision(), derived.as_of(), at);
        if self
            .bodies
            .as_ref()
            .is_none_or(|(r, d, a, _)| (*r, *d, *a) != key)
        {
            let built = actor_bodies(d, &derived.index, at, derived.as_of());
            self.bodies = Some((key.0, key.1, key.2, built));
        }
        let Some((_, _, _, bodies)) = self.bodies.take() else {
            return;
        };
        for group in &bodies.groups {
            ui.add_space(4.0);
            // A heading, not a link's colour: it leads nowhere when clicked.
            ui.label(
                egui::RichText::new(format!("On {}", group.name))
                    .strong()
                    .size(14.0),
            )
            .on_hover_text("Claims about this body (the main body or one of its sub-bodies)");
            status_path_ui(ui, cx, group, actions);
            self.group_claims(ui, cx, group, actions);
        }
        self.bodies = Some((key.0, key.1, key.2, bodies));
    }

    /// One body's claims, property by property, the winning claim marked.
    fn group_claims(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        group: &BodyGroup,
        actions: &mut Vec<DetailAction>,
    ) {
        let d = cx.dataset;
        let (claims, row) = (&group.claims, &group.row);
        for &property in Property::ALL {
            let of_property: Vec<usize> = claims
                .iter()
                .copied()
                .filter(|&c| d.claims[c].fact.property() == property)
                .collect();
            if of_property.is_empty() {
                continue;
            }
            let resolved = row.get(property);
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let current = resolved.map_or("—".to_string(), |r| d.claims[r.best].value_label(d));
                ui.label(egui::RichText::new(format!("{}: {current}", property.label())).strong());
                if resolved.is_some_and(|r| r.conflict) {
                    ui.colored_label(ui.visuals().warn_fg_color, "⚠ conflict")
                        .on_hover_text("Sources of equal rank and date disagree. Prefer one claim, or deprecate the other, to settle it.");
                }
            });
            for c in of_property {
                let is_best = resolved.is_some_and(|r| r.best == c);
                claim_ui(ui, cx, c, is_best, actions);
            }
        }
    }

    fn merge_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        at: usize,
        actions: &mut Vec<DetailAction>,
    ) {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.strong("Merge");
        ui.label(egui::RichText::new("If another actor is the same person or body, merge it into this one: its names become aliases and its claims move here.").weak());
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut self.merge_search.text)
                    .desired_width(200.0)
                    .hint_text("name of the duplicate"),
            )
            .labelled_by(label.id);
        });
        let matches: Vec<usize> = self
            .merge_search
            .matches(d)
            .iter()
            .copied()
            .filter(|&i| i != at)
            .take(8)
            .collect();
        if !self.merge_search.text.trim().is_empty() && matches.is_empty() {
            ui.label(egui::RichText::new("No other actor matches.").weak());
        }
        for i in matches {
            let other = &d.actors[i];
            ui.radio_value(
                &mut self.merge_into,
                Some(other.id.clone()),
                format!("{} ({})", other.name, other.kind.label()),
            );
        }
        let target = self
            .merge_into
            .as_ref()
            .and_then(|id| derived.index.actor_by_id.get(id).copied())
            .filter(|&t| t != at);
        let label = match target {
            Some(t) => format!("Merge {} into {}", d.actors[t].name, d.actors[at].name),
            None => "Merge".to_string(),
        };
        let clicked = ui
            .add_enabled(target.is_some(), egui::Button::new(&label))
            .clicked();
        if let (true, Some(t)) = (clicked, target) {
            actions.push(DetailAction::Send(Command::edit(
                merge_actors(d, at, t),
                label,
            )));
            self.merge_into = None;
            self.merge_search.text.clear();
        }
    }
}

/// The actor's dated status path on one body: each step's date, status and sources (links to
/// the source, quote highlighted).
fn status_path_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    group: &BodyGroup,
    actions: &mut Vec<DetailAction>,
) {
    let d = cx.dataset;
    if group.path.is_empty() {
        return;
    }
    ui.label(egui::RichText::new("Status history").small().strong())
        .on_hover_text("Each dated status claim, earliest first: a path, not a conflict");
    for step in &group.path {
        ui.horizontal_wrapped(|ui| {
            let date = step
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            ui.label(egui::RichText::new(date).weak());
            ui.label(egui::RichText::new(step.status.label()).strong());
            for &c in &step.claims {
                source_link(ui, cx, &d.claims[c], actions);
            }
        });
    }
}

/// The claim's source: a link to its quoted words when the source is in the dataset, its name
/// otherwise (the editor's note).
fn source_link(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    claim: &Claim,
    actions: &mut Vec<DetailAction>,
) {
    let (d, derived) = (cx.dataset, cx.derived);
    let source = source_label(derived, d, &claim.source);
    if derived.source(d, &claim.source).is_none() {
        ui.label(source);
    } else if ui
        .link(&source)
        .on_hover_text("Show this source and the quoted words")
        .clicked()
    {
        actions.push(DetailAction::Send(Command::ShowSource {
            source: claim.source.clone(),
            claim: Some(claim.id.clone()),
        }));
    }
}

fn claim_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    index: usize,
    is_best: bool,
    actions: &mut Vec<DetailAction>,
) {
    let (d, derived) = (cx.dataset, cx.derived);
    let claim = &d.claims[index];
    let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let value = egui::RichText::new(claim.value_label(d));
            let value = match claim.rank {
                Rank::Deprecated => value.strikethrough().weak(),
                _ if is_best => value.strong(),
                _ => value,
            };
            ui.label(value);
            if is_best {
                ui.label(
                    egui::RichText::new("✔ current")
                        .small()
                        .color(ui.visuals().hyperlink_color),
                )
                .on_hover_text(
                    "This claim wins under the one conflict rule: best rank, then the life \
                     cycle, the more reliable source and the latest date",
                );
            }
            ui.label("—");
            source_link(ui, cx, claim, actions);
            if let Some(as_of) = claim.as_of {
                ui.label(egui::RichText::new(format!("as of {as_of}")).weak());
            }
        });
        if let Some(quote) = &claim.quote {
            ui.label(
                egui::RichText::new(format!("“{}”", quote.exact))
                    .italics()
                    .weak(),
            );
        }
        if !claim.note.is_empty() {
            ui.label(egui::RichText::new(&claim.note).small());
        }
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(format!("rank: {}", claim.rank.label())).small());
            for (rank, text, tip) in [
                (
                    Rank::Preferred,
                    "Prefer",
                    "Rank this claim above the others: it settles a conflict in its favour",
                ),
                (Rank::Normal, "Normal", "Back to normal rank"),
                (
                    Rank::Deprecated,
                    "Deprecate",
                    "Keep the claim but never count it",
                ),
            ] {
                if claim.rank != rank && ui.small_button(text).on_hover_text(tip).clicked() {
                    let label =
                        format!("{} claim \"{}\"", text, derived.fact_label(d, &claim.fact));
                    actions.push(DetailAction::Send(Command::edit(
                        set_rank(d, index, rank),
                        label,
                    )));
                }
            }
        });
    });
}
