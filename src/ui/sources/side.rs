//! The side panel beside the texts: suggestions to review, the picked claim and what the
//! other sources say of it, the new-claim form for selected words, and orphaned quotes.

use super::cache::Cache;
use super::{SourcesPanel, SourcesView};
use crate::model::Subject;
use crate::model::data::source_ops::quoted_claim;
use crate::model::derive::compare::{ClaimMatrix, subject_name};
use crate::model::extract::SuggestedActor;
use crate::model::extract::claims_for_list;
use crate::session::Command;
use crate::ui::shortcuts::{self, Action};
use crate::ui::sources::quote_claim::{FormAdd, Listed};
use crate::ui::sources::texts::verdict_colour;
use crate::ui::view::ViewCtx;

impl SourcesPanel {
    /// The right-hand side: the picked claim, the new-claim form, suggestions, orphans.
    pub(super) fn side(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let (d, derived) = (cx.dataset, cx.derived);
        self.review_ui(ui, cx);
        if let Some(c) = self.selected_claim(d) {
            self.claim_detail(ui, cx, cache, c);
            ui.separator();
        }
        // The claim form quotes a shown text: with none shown it has nothing to offer.
        let selection = self.selection(d, derived);
        // Review hook: newly selected words fill About and Value.
        let now = selection.map(|(s, span)| (d.sources[s].id.clone(), span));
        if now != self.filled_for {
            if let Some((source, span)) = selection {
                let (actor, guess) = self.guess_for(cx, source, span);
                let named = self.named_in(cx, source, span);
                self.claim_form
                    .fill_from_selection(d, actor, guess.as_ref(), named);
            }
            self.filled_for = now;
        }
        // A name typed in About that is no actor of the dataset: offered as a new one.
        let typed = &self.claim_form.search.text;
        if !typed.trim().is_empty()
            && self
                .claim_form
                .typed_new
                .as_ref()
                .is_none_or(|(t, _)| t != typed)
        {
            let typed = typed.clone();
            let new = self
                .review
                .extractor(d)
                .actors_named(&typed, 0..typed.len(), "en")
                .into_iter()
                .find(|a| matches!(a, SuggestedActor::New(_)))
                .map(|a| Listed::of(d, a));
            // "Nothing new" is an answer too: not worked out again every frame.
            self.claim_form.typed_new = Some((typed, new));
        }
        let words = selection.map(|(s, (a, b))| &d.sources[s].text[a..b]);
        if self.view == SourcesView::Texts
            && !cache.columns.is_empty()
            && let Some(add) = self.claim_form.ui(ui, cx, words)
            && let Some((source, span)) = selection
        {
            let made = match add {
                FormAdd::One(subject, fact) => {
                    quoted_claim(d, source, span, Subject::Actor(subject.clone()), fact).map(
                        |edit| {
                            let name = derived
                                .index
                                .actor_by_id
                                .get(&subject)
                                .map_or(subject.as_str(), |&a| d.actors[a].name.as_str());
                            (
                                edit,
                                format!("Add claim about {name}"),
                                format!("Claim about {name} added; it is in the roster."),
                            )
                        },
                    )
                }
                FormAdd::Many(listed, fact) => {
                    // By id: an actor deleted meanwhile is left out (and not counted).
                    let actors: Vec<SuggestedActor> = listed
                        .into_iter()
                        .filter_map(|a| match a {
                            Listed::Known(id) => derived
                                .index
                                .actor_by_id
                                .get(&id)
                                .map(|&at| SuggestedActor::Known(at)),
                            Listed::New(n) => Some(SuggestedActor::New(n)),
                        })
                        .collect();
                    let edit =
                        claims_for_list(d, &d.sources[source].id, &actors, &fact, span.0..span.1);
                    let n = actors.len();
                    Ok((
                        edit,
                        format!("Add {n} claims"),
                        format!(
                            "{n} claims added (one undo takes them back); they are in the roster."
                        ),
                    ))
                }
            };
            match made {
                Ok((mut edit, label, said)) => {
                    self.claim_form.fact.mark_negated(&mut edit);
                    cx.send_saying(Command::edit(edit, label), said);
                    if let Some(id) = &self.selecting_in
                        && let Some(view) = self.texts.get_mut(id)
                    {
                        view.clear_selection();
                    }
                    self.claim_form.clear();
                    // Typing in a Find (or Ctrl+Enter there): the next words go there too.
                    self.give_back = self.typing_in;
                }
                Err(e) => self.claim_form.error = Some(e.to_string()),
            }
        }
        self.orphans_ui(ui, cx, cache);
    }

    /// Review hook: the queue of the focused source's suggestions, its keys while it has the
    /// focus and no dialog is open, and the sentence under review brought into view.
    pub(super) fn review_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        self.review_focus = None;
        let Some(source) = self
            .focused
            .clone()
            .filter(|id| derived.index.source_by_id.contains_key(id))
        else {
            ui.strong("Suggestions to review");
            ui.label(
                egui::RichText::new(
                    "Click a source in the list to review the claims it suggests, or import a \
                     report (Ctrl+I).",
                )
                .weak(),
            );
            ui.separator();
            return;
        };
        let pending = self.review.pending(cx, &source);
        let name = derived.source(d, &source).map_or("", |s| s.name());
        ui.strong(format!("Suggestions to review ({pending})"))
            .on_hover_text(format!(
                "Claims {name} seems to make, found in its text. Enter accepts the selected one, \
                 Delete rejects it, E edits it, ↑/↓ move."
            ));
        let focus = self.review.ui(ui, cx, &source);
        if let Some(f) = &focus
            && f.moved
        {
            if !self.chosen.contains(&f.source) {
                self.chosen.push(f.source.clone());
            }
            self.view = SourcesView::Texts;
            self.texts.entry(f.source.clone()).or_default().scroll_to = Some(f.sentence.start);
            self.reveal_column = Some(f.source.clone());
        }
        self.review_focus = focus;
        ui.separator();
    }

    pub(super) fn claim_detail(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        cache: &Cache,
        c: usize,
    ) {
        let (d, derived) = (cx.dataset, cx.derived);
        let claim = &d.claims[c];
        ui.horizontal(|ui| {
            ui.strong("Picked claim");
            if ui
                .small_button("Clear")
                .on_hover_text("Unpick the claim (Esc)")
                .clicked()
                || shortcuts::pressed(ui, cx.keys, Action::UnpickClaim)
            {
                self.selected = None;
            }
        });
        claim_line(ui, cx, &cache.matrix, c);
        if let Some(q) = &claim.quote {
            ui.label(egui::RichText::new(format!("“{}”", q.exact)).italics());
        }
        let others = cache.matrix.counterparts(d, c);
        for other in others {
            let o = &d.claims[other];
            let outlet = derived
                .source(d, &o.source)
                .map_or(o.source.as_str(), |s| s.name());
            let same = o.fact == claim.fact;
            ui.label(format!(
                "{outlet} {}: {}",
                if same { "agrees" } else { "says instead" },
                derived.fact_label(d, &o.fact)
            ));
        }
        if let Subject::Actor(id) = &claim.subject
            && ui.button("Show in roster").clicked()
        {
            cx.send(Command::ShowActor(id.clone()));
        }
    }

    pub(super) fn orphans_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let d = cx.dataset;
        let orphans = &cache.orphans;
        if orphans.is_empty() {
            return;
        }
        ui.separator();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Orphaned quotes ({})", orphans.len()),
        )
        .on_hover_text("These claims' words are no longer in their source's text. They are kept as they were: fix the text, or edit or delete the claim in the roster.");
        // A text edit can orphan thousands; the first hundred are enough to act on.
        const SHOWN: usize = 100;
        if orphans.len() > SHOWN {
            ui.label(
                egui::RichText::new(format!("The first {SHOWN} are listed."))
                    .weak()
                    .small(),
            );
        }
        for &c in orphans.iter().take(SHOWN) {
            let claim = &d.claims[c];
            ui.horizontal_wrapped(|ui| {
                claim_line(ui, cx, &cache.matrix, c);
                if let Subject::Actor(id) = &claim.subject
                    && ui.small_button("Show in roster").clicked()
                {
                    cx.send(Command::ShowActor(id.clone()));
                }
            });
            if let Some(q) = &claim.quote {
                ui.label(
                    egui::RichText::new(format!("was: “{}”", q.exact))
                        .weak()
                        .italics(),
                );
            }
        }
    }

    /// For words selected in a source: every actor they name, known or new (a list).
    fn named_in(
        &mut self,
        cx: &ViewCtx<'_>,
        source: usize,
        (start, end): (usize, usize),
    ) -> Vec<crate::model::extract::SuggestedActor> {
        let d = cx.dataset;
        let s = &d.sources[source];
        let extractor = self.review.extractor(d);
        let language = s
            .language
            .clone()
            .unwrap_or_else(|| extractor.language(&s.text));
        extractor.actors_named(&s.text, start..end, &language)
    }

    /// For words selected in a source: the actor they name (the first), and the value the
    /// sentence around them suggests.
    pub(super) fn guess_for(
        &mut self,
        cx: &ViewCtx<'_>,
        source: usize,
        (start, end): (usize, usize),
    ) -> (Option<usize>, Option<crate::model::Fact>) {
        let d = cx.dataset;
        let text = &d.sources[source].text;
        let actor = self
            .finder(d)
            .find(&text[start..end])
            .first()
            .map(|m| m.actor);
        let (a, b) = crate::model::text::mentions::sentence(text, start, end);
        // The extractor's reading of the sentence about that actor.
        let published = d.sources[source]
            .published
            .filter(|p| p.is_exact_day())
            .map(|p| p.first_day());
        let extracted = self
            .review
            .extractor(d)
            .suggest(&text[a..b], published)
            .into_iter()
            .filter(|s| {
                actor.is_some_and(|at| {
                    matches!(s.actor, crate::model::extract::SuggestedActor::Known(k) if k == at)
                })
            })
            // The statement inside the selection first.
            .min_by_key(|s| !(a + s.start < end && start < a + s.end))
            .map(|s| s.fact);
        (actor, extracted)
    }
}

/// One claim in words: who, what, which source, and how it stands against the others.
pub(super) fn claim_line(ui: &mut egui::Ui, cx: &ViewCtx<'_>, matrix: &ClaimMatrix, c: usize) {
    let (d, derived) = (cx.dataset, cx.derived);
    let claim = &d.claims[c];
    let who = subject_name(d, &derived.index, &claim.subject);
    let outlet = derived
        .source(d, &claim.source)
        .map_or(claim.source.as_str(), |s| s.name());
    let verdict = matrix.claim_verdict(d, c);
    ui.horizontal_wrapped(|ui| {
        if let Some(v) = verdict {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, verdict_colour(v, true));
        }
        ui.label(format!(
            "{who} · {}: {} ({outlet}{})",
            claim.fact.property().label(),
            derived.fact_label(d, &claim.fact),
            verdict.map_or(String::new(), |v| format!(", {}", v.label()))
        ));
    });
}
