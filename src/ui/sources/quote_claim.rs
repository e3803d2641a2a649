//! Making a claim from words selected in a source: who it is about (found by typing part of a
//! name), the property and the value. The quote and its position come from the selection.
//! Words that name several actors (a list: "signed by Armenia, Bahrain and Kosovo") offer one
//! claim per actor from the one quote, each checkable, new actors included.

use crate::model::extract::{NewActor, SuggestedActor};
use crate::model::{Dataset, Fact};
use crate::ui::actor_search::ActorSearch;
use crate::ui::fact_input::FactInput;
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

/// How many matching actors are offered at once.
const OFFERED: usize = 8;

/// Adds the claim from anywhere on the tab, a text field included (not behind a modal).

#[derive(Default)]
pub struct QuoteClaimForm {
    /// The actor the claim is about, by id.
    pub subject: Option<String>,
    pub search: ActorSearch,
    pub fact: FactInput,
    pub error: Option<String>,
    /// The value guessed from the selected words' sentence, shown beside the form.
    pub guessed: Option<String>,
    /// When the selected words name several actors (or one the dataset lacks): each, in
    /// words, and whether it is ticked.
    pub listed: Vec<(Listed, String, bool)>,
    /// The name typed in About as a new actor (kind and country from the country data), and
    /// the text it was worked out for.
    pub typed_new: Option<(String, Option<Listed>)>,
}

/// An actor of a list: a dataset actor by id (an id, not a position, so that an edit made
/// while the form is open cannot shift the claims onto a neighbour), or a new one.
#[derive(Clone, Debug, PartialEq)]
pub enum Listed {
    Known(String),
    New(NewActor),
}

impl Listed {
    /// From the extractor's answer about the dataset as it is now.
    pub fn of(d: &Dataset, actor: SuggestedActor) -> Self {
        match actor {
            SuggestedActor::Known(k) => Listed::Known(d.actors[k].id.clone()),
            SuggestedActor::New(n) => Listed::New(n),
        }
    }
}

/// An actor of a list, in words: its name, or "new: Armenia (state)".
fn in_words(d: &Dataset, actor: &Listed) -> String {
    match actor {
        Listed::Known(id) => d.actor(id).map_or_else(|| id.clone(), |a| a.name.clone()),
        Listed::New(n) => format!("new: {} ({})", n.name, n.kind.label()),
    }
}

/// What the form adds: one claim about an actor, or one per ticked actor of a list.
#[derive(Debug)]
pub enum FormAdd {
    One(String, Fact),
    Many(Vec<Listed>, Fact),
}

impl QuoteClaimForm {
    /// Fills the form from a suggestion: the actor named, and the guessed value if any.
    pub fn suggest(&mut self, d: &Dataset, actor: usize, fact: Option<&Fact>) {
        self.subject = Some(d.actors[actor].id.clone());
        self.search.text = d.actors[actor].name.clone();
        if let Some(fact) = fact {
            self.fact.set(d, fact);
        }
        self.error = None;
    }

    /// Fills the form for newly selected words: About from the actor they name (cleared when
    /// they name none, so a claim is never credited to the previous actor), Value from the
    /// guess for their sentence.
    pub fn fill_from_selection(
        &mut self,
        d: &Dataset,
        actor: Option<usize>,
        guess: Option<&Fact>,
        named: Vec<SuggestedActor>,
    ) {
        match actor {
            Some(at) => {
                self.subject = Some(d.actors[at].id.clone());
                self.search.text = d.actors[at].name.clone();
            }
            None => {
                self.subject = None;
                self.search.text.clear();
            }
        }
        self.fact = FactInput::default();
        if let Some(fact) = guess {
            self.fact.set(d, fact);
        }
        self.guessed = guess.map(|f| format!("{}: {}", f.property().label(), d.fact_label(f)));
        self.error = None;
        // Several actors, or one the dataset lacks: one claim each, new ones made with them.
        let new_one = matches!(named.as_slice(), [SuggestedActor::New(_)]);
        self.listed = if named.len() >= 2 || new_one {
            named
                .into_iter()
                .map(|a| Listed::of(d, a))
                .map(|a| (in_words(d, &a), a))
                .map(|(words, a)| (a, words, true))
                .collect()
        } else {
            Vec::new()
        };
    }

    /// Empties the form (after a claim is added).
    pub fn clear(&mut self) {
        *self = QuoteClaimForm::default();
    }

    /// The form; returns the subject and value when the user adds the claim (whether it is
    /// denied is `fact.negated`: pass the edit made from them to `fact.mark_negated`).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        selected_words: Option<&str>,
    ) -> Option<FormAdd> {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.strong("New claim from the text");
        match selected_words {
            Some(words) => {
                // A list's words are long; its actors are listed below, so less is quoted.
                let room = if self.listed.len() > 1 { 100 } else { 240 };
                let shown: String = words.chars().take(room).collect();
                let more = if words.chars().count() > room {
                    "…"
                } else {
                    ""
                };
                ui.label(egui::RichText::new(format!("“{shown}{more}”")).italics());
            }
            None => {
                ui.label(
                    egui::RichText::new(
                        "Drag across words in a text (or use Find) to choose the quote.",
                    )
                    .weak(),
                );
            }
        }
        if !self.listed.is_empty() {
            return self.list_ui(ui, cx, selected_words);
        }
        let label = ui.label("About");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut self.search.text)
                    .hint_text("type part of a name")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            self.subject = None;
        }
        let chosen = self
            .subject
            .as_ref()
            .and_then(|id| derived.index.actor_by_id.get(id))
            .map(|&at| d.actors[at].name.clone());
        match chosen {
            Some(name) => {
                ui.label(format!("✔ {name}"));
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    if let Some(i) = self.search.offer(ui, cx, OFFERED) {
                        self.subject = Some(d.actors[i].id.clone());
                        self.search.text = d.actors[i].name.clone();
                    }
                    // A name the dataset lacks: made with the claim.
                    if let Some((typed, Some(new))) = &self.typed_new
                        && *typed == self.search.text
                        && ui
                            .button(in_words(d, new))
                            .on_hover_text("Add this actor with the claim (one undo step)")
                            .clicked()
                    {
                        self.listed = vec![(new.clone(), in_words(d, new), true)];
                    }
                });
            }
        }
        ui.horizontal_wrapped(|ui| {
            self.fact.ui(ui, cx, self.subject.as_deref().unwrap_or(""));
            // The same "not" switch as the actor pane's editor: the words can deny a value
            // ("not on the official list").
            self.fact.negation_ui(ui);
        });
        if selected_words.is_some() {
            let note = match &self.guessed {
                Some(guess) => format!("Value guessed from the sentence ({guess}): check it."),
                None => "No value guessed from the sentence: pick one.".to_string(),
            };
            ui.label(egui::RichText::new(note).weak().small());
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let ready = selected_words.is_some();
        let add = ui
            .add_enabled(ready, egui::Button::new("Add claim"))
            .on_hover_text(format!(
                "Add the claim with the selected words as its quote ({})",
                shortcuts::text(ui.ctx(), Action::AddClaim)
            ))
            .on_disabled_hover_text("Select the words that support the claim first")
            .clicked()
            || (ready && shortcuts::pressed(ui, cx.keys, Action::AddClaim));
        if !add {
            return None;
        }
        let Some(subject) = self.subject.clone() else {
            self.error = Some("Pick whom the claim is about.".into());
            return None;
        };
        match self.fact.fact(d, &subject) {
            Ok(fact) => {
                self.error = None;
                Some(FormAdd::One(subject, fact))
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// The form for words that name several actors: one tick each (all ticked at first), the
    /// value they share, and "Add N claims".
    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        selected_words: Option<&str>,
    ) -> Option<FormAdd> {
        let d = cx.dataset;
        match self.listed.as_slice() {
            [(Listed::New(n), _, _)] => ui.label(format!(
                "About {}, not in the dataset yet: added with the claim.",
                n.name
            )),
            listed => ui.label(format!(
                "These words name {} actors: one claim each, all quoting them.",
                listed.len()
            )),
        };
        // The value and the button before the (long) list: in a small window they stay in
        // view, and the list scrolls below them.
        ui.horizontal_wrapped(|ui| {
            self.fact.ui(ui, cx, "");
            self.fact.negation_ui(ui);
        });
        if self.guessed.is_none() && selected_words.is_some() {
            ui.label(
                egui::RichText::new("No value guessed from the sentence: pick one.")
                    .weak()
                    .small(),
            );
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let ticked: Vec<Listed> = self
            .listed
            .iter()
            .filter(|(_, _, t)| *t)
            .map(|(a, _, _)| a.clone())
            .collect();
        let ready = selected_words.is_some() && !ticked.is_empty();
        let button = match ticked.len() {
            1 => "Add claim".to_string(),
            n => format!("Add {n} claims"),
        };
        let add = ui
            .add_enabled(ready, egui::Button::new(button))
            .on_hover_text(format!(
                "One claim per ticked actor, new ones added with them, in one undo step ({})",
                shortcuts::text(ui.ctx(), Action::AddClaim)
            ))
            .clicked()
            || (ready && shortcuts::pressed(ui, cx.keys, Action::AddClaim));
        egui::ScrollArea::vertical()
            .id_salt("listed_actors")
            .max_height(220.0)
            .show(ui, |ui| {
                for (_, words, ticked) in &mut self.listed {
                    ui.checkbox(ticked, words.as_str());
                }
            });
        if !add {
            return None;
        }
        match self.fact.fact(d, "") {
            Ok(fact) => {
                self.error = None;
                Some(FormAdd::Many(ticked, fact))
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}
