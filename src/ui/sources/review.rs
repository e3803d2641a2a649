//! The review of one source's suggested claims: the extractor's suggestions for it, less those
//! already claimed or rejected, shown in the [`QueueView`]; accepting, rejecting and editing
//! become [`Command`]s through the document's one edit path.
//!
//! The extractor is built once per dataset revision and the list once per revision and
//! source, and only while the queue is shown; a frame only draws.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::model::Dataset;
use crate::model::data::review::{already_claimed, reject, review_key};
use crate::model::extract::{Extractor, NewActor, SuggestedActor, Suggestion};
use crate::session::Command;
use crate::ui::shortcuts::{self, Action};
use crate::ui::sources::review_edit::{EditDraft, EditOutcome, Edited};
use crate::ui::sources::review_queue::{QueueAction, QueueView, Row, focus_list};
use crate::ui::view::ViewCtx;

/// A suggestion in the list with its key (see [`review_key`]).
struct Item {
    key: String,
    suggestion: Suggestion,
}

/// The list for one source at one revision.
struct List {
    source: String,
    revision: u64,
    items: Vec<Item>,
    rows: Vec<Row>,
}

/// What the text beside the queue shows of the selected suggestion.
pub struct ReviewFocus {
    pub source: String,
    pub sentence: Range<usize>,
    pub quote: Range<usize>,
    /// Whether the selection changed this frame (the text scrolls to it once).
    pub moved: bool,
}

#[derive(Default)]
pub struct Review {
    extractor: Option<(u64, Extractor)>,
    list: Option<List>,
    pub view: QueueView,
    /// The user's changes to suggestions, by key, kept across rebuilds of the list.
    edited: HashMap<String, Edited>,
    editing: Option<(String, EditDraft)>,
    /// The editor just opened: it is scrolled into view once (in a small window it opens
    /// below the fold, where nothing seemed to happen).
    reveal_editor: bool,
    /// The key of the suggestion shown last frame, to notice a move.
    shown_key: Option<String>,
    /// The inbox: how many suggestions wait in each source, by id, with the revision they
    /// were counted at (see [`Review::count_one`]).
    counted: HashMap<String, (u64, usize)>,
    /// Their sum, and the revision every count was up to date at: worked out when a count
    /// changes, not every frame.
    total: (Inbox, Option<u64>),
}

/// Every source's waiting suggestions, added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inbox {
    pub suggestions: usize,
    pub sources: usize,
    /// Some sources are still being counted (after an edit, one per frame).
    pub counting: bool,
}

impl Review {
    /// The extractor for the dataset's current revision.
    pub fn extractor(&mut self, d: &Dataset) -> &Extractor {
        let revision = d.revision.get();
        if self.extractor.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.extractor = Some((revision, Extractor::new(d)));
        }
        &self.extractor.as_ref().expect("just built").1
    }

    /// How many suggestions wait for review in `source` (built if needed).
    pub fn pending(&mut self, cx: &ViewCtx<'_>, source: &str) -> usize {
        self.refresh(cx, source);
        self.list.as_ref().map_or(0, |l| l.rows.len())
    }

    /// The rows listed last frame (all of them, the confidence filter aside).
    pub fn rows(&self) -> &[Row] {
        self.list.as_ref().map_or(&[], |l| &l.rows)
    }

    /// Rebuilds the list when the source or the dataset changed.
    fn refresh(&mut self, cx: &ViewCtx<'_>, source: &str) {
        let (d, derived) = (cx.dataset, cx.derived);
        let revision = d.revision.get();
        if self
            .list
            .as_ref()
            .is_some_and(|l| l.source == source && l.revision == revision)
        {
            return;
        }
        if self.list.as_ref().is_some_and(|l| l.source != source) {
            self.view = QueueView::default();
            self.editing = None;
        }
        let Some(&at) = derived.index.source_by_id.get(source) else {
            self.list = None;
            return;
        };
        let items = self.items(cx, at);
        let s = &d.sources[at];
        let rows = items
            .iter()
            .map(|item| {
                row(
                    d,
                    &s.text,
                    &item.suggestion,
                    self.edited.contains_key(&item.key),
                )
            })
            .collect();
        self.list = Some(List {
            source: source.to_string(),
            revision,
            items,
            rows,
        });
    }

    /// The suggestions waiting for review in the source at `at`: the extractor's, less those
    /// rejected or already claimed, with the user's edits applied.
    fn items(&mut self, cx: &ViewCtx<'_>, at: usize) -> Vec<Item> {
        let (d, derived) = (cx.dataset, cx.derived);
        let s = &d.sources[at];
        // Relative dates ("on Tuesday") need the exact day the report appeared.
        let published = s
            .published
            .filter(|p| p.is_exact_day())
            .map(|p| p.first_day());
        let extractor = self.extractor(d);
        // The language the editor chose for the source, else the one its text is in.
        let language = s
            .language
            .clone()
            .unwrap_or_else(|| extractor.language(&s.text));
        let found = extractor.suggest_in(&s.text, published, &language);
        let rejected: HashSet<&str> = s.rejected.iter().map(String::as_str).collect();
        let mut items = Vec::new();
        for mut suggestion in found {
            let key = review_key(
                &actor_id(d, &suggestion.actor),
                &suggestion.fact,
                &s.text[suggestion.start..suggestion.end],
            );
            if rejected.contains(key.as_str()) {
                continue;
            }
            if let Some(edit) = self.edited.get(&key) {
                apply_edit(d, &mut suggestion, edit);
            }
            let settled = match &suggestion.actor {
                SuggestedActor::Known(a) => already_claimed(
                    d,
                    &derived.index,
                    &s.id,
                    &d.actors[*a].id,
                    &suggestion.fact,
                    suggestion.body.as_deref(),
                ),
                SuggestedActor::New(_) => false,
            };
            if !settled {
                items.push(Item { key, suggestion });
            }
        }
        items
    }

    /// Counts the waiting suggestions of one source whose count is out of date, if any: one
    /// per frame, so that many long reports are counted over frames rather than in one.
    /// Returns whether one was counted (another may still be out of date).
    pub fn count_one(&mut self, cx: &ViewCtx<'_>) -> bool {
        let (d, derived) = (cx.dataset, cx.derived);
        let revision = d.revision.get();
        if self.total.1 == Some(revision) {
            return false; // Every source counted at this state: nothing to do this frame.
        }
        if let Some(l) = &self.list
            && l.revision == revision
        {
            self.counted
                .insert(l.source.clone(), (revision, l.rows.len()));
        }
        let stale = d
            .sources
            .iter()
            .position(|s| self.counted.get(&s.id).is_none_or(|(r, _)| *r != revision));
        let Some(at) = stale else {
            if self.total.1 != Some(revision) {
                // Up to date: forget sources that are gone, and add up.
                self.counted
                    .retain(|id, _| derived.index.source_by_id.contains_key(id));
                self.total = (self.add_up(d), Some(revision));
            }
            return false;
        };
        let waiting = self.items(cx, at).len();
        self.counted
            .insert(d.sources[at].id.clone(), (revision, waiting));
        // Added up once every source is counted (adding up after each would be quadratic).
        self.total.1 = None;
        true
    }

    fn add_up(&self, d: &Dataset) -> Inbox {
        let revision = d.revision.get();
        let mut inbox = Inbox::default();
        for s in &d.sources {
            match self.counted.get(&s.id) {
                Some(&(r, n)) => {
                    inbox.suggestions += n;
                    inbox.sources += usize::from(n > 0);
                    inbox.counting |= r != revision;
                }
                None => inbox.counting = true,
            }
        }
        inbox
    }

    /// How many suggestions wait in `source`, as last counted.
    pub fn waiting(&self, source: &str) -> Option<usize> {
        self.counted.get(source).map(|&(_, n)| n)
    }

    /// Every source's waiting suggestions, as last counted ("counting" until every source is
    /// counted at the dataset's current state).
    pub fn inbox(&self, d: &Dataset) -> Inbox {
        let (mut inbox, up_to) = self.total;
        inbox.counting |= up_to != Some(d.revision.get());
        inbox
    }

    /// The queue for `source` with its keys (the list's while it has the focus and no modal
    /// owns the keyboard); sends what is accepted or rejected, and returns what the text
    /// should highlight.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, source: &str) -> Option<ReviewFocus> {
        self.refresh(cx, source);
        let (d, derived, keys) = (cx.dataset, cx.derived, cx.keys);
        let list = self.list.as_ref()?;
        let mut action = None;
        if !keys.modal() && self.editing.is_none() {
            action = self.view.keys(ui, &list.rows);
        }
        let empty = if !list.rows.is_empty() {
            "Every suggestion is below the confidence filter: lower it to see them."
        } else {
            "Nothing left to review in this source: its claims are in the roster. Import \
             another report (Ctrl+I), or drag across words in the text to make a claim by hand."
        };
        if let Some(a) = self.view.ui(ui, &list.rows, empty) {
            action = Some(a);
        }
        match action {
            Some(QueueAction::Accept(rows)) => {
                let chosen: Vec<Suggestion> = rows
                    .iter()
                    .filter_map(|&r| list.items.get(r))
                    .map(|i| i.suggestion.clone())
                    .collect();
                if !chosen.is_empty() {
                    let edit = crate::model::extract::accept_suggestions(d, source, &chosen);
                    let label = match chosen.len() {
                        1 => format!("Accept suggestion about {}", list.rows[rows[0]].who),
                        n => format!("Accept {n} suggestions"),
                    };
                    cx.send(Command::edit(edit, label));
                }
            }
            Some(QueueAction::Reject(rows)) => {
                let keys: Vec<String> = rows
                    .iter()
                    .filter_map(|&r| list.items.get(r))
                    .map(|i| i.key.clone())
                    .collect();
                if let Some(at) = derived.index.source_by_id.get(source)
                    && let Some(edit) = reject(d, *at, &keys)
                {
                    let label = match keys.len() {
                        1 => format!("Reject suggestion about {}", list.rows[rows[0]].who),
                        n => format!("Reject {n} suggestions"),
                    };
                    cx.send(Command::edit(edit, label));
                }
            }
            Some(QueueAction::Edit(r)) => {
                if let Some(item) = list.items.get(r) {
                    self.editing = Some((item.key.clone(), draft(d, &item.suggestion)));
                    self.reveal_editor = true;
                }
            }
            None => {}
        }
        self.edit_form(ui, cx);
        self.focus(source)
    }

    fn edit_form(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let Some((key, form)) = &mut self.editing else {
            return;
        };
        let is_new = self.list.as_ref().is_some_and(|l| {
            l.items
                .iter()
                .find(|i| &i.key == key)
                .is_some_and(|i| matches!(i.suggestion.actor, SuggestedActor::New(_)))
        });
        ui.separator();
        let escape = shortcuts::pressed(ui, cx.keys, Action::CloseSuggestionEditor);
        let shown = ui.scope(|ui| form.ui(ui, cx, is_new));
        if std::mem::take(&mut self.reveal_editor) {
            ui.scroll_to_rect(shown.response.rect, Some(egui::Align::TOP));
        }
        let closed = match shown.inner {
            Some(EditOutcome::Done(edited)) => {
                self.edited.insert(key.clone(), edited);
                self.list = None; // Rebuilt with the change next frame.
                true
            }
            Some(EditOutcome::Cancelled) => true,
            None => escape,
        };
        if closed {
            self.editing = None;
            // Back to the list the edit came from: Enter then accepts the edited suggestion.
            focus_list(ui.ctx());
        }
    }

    fn focus(&mut self, source: &str) -> Option<ReviewFocus> {
        let list = self.list.as_ref()?;
        let at = self.view.current(&list.rows)?;
        let (item, row) = (&list.items[at], &list.rows[at]);
        let moved = self.shown_key.as_ref() != Some(&item.key);
        self.shown_key = Some(item.key.clone());
        Some(ReviewFocus {
            source: source.to_string(),
            sentence: row.sentence.clone(),
            quote: row.span.clone(),
            moved,
        })
    }
}

/// The id the suggestion's actor has, or would get.
fn actor_id(d: &Dataset, actor: &SuggestedActor) -> String {
    match actor {
        SuggestedActor::Known(a) => d.actors[*a].id.clone(),
        SuggestedActor::New(n) => n.id.clone(),
    }
}

/// "new: Ajay Banga, person, office World Bank President, represents …".
fn new_actor_label(d: &Dataset, n: &NewActor) -> String {
    let mut parts = vec![format!("new: {}", n.name), n.kind.label().to_string()];
    if !n.country.is_empty() && n.country != n.name {
        parts.push(n.country.clone());
    }
    if let Some(office) = &n.office {
        parts.push(format!("office {office}"));
    }
    if let Some(r) = &n.represents {
        parts.push(format!(
            "represents {}",
            d.actor(r).map_or(r.as_str(), |a| a.name.as_str())
        ));
    }
    parts.join(", ")
}

fn row(d: &Dataset, text: &str, s: &Suggestion, edited: bool) -> Row {
    let (who, adds) = match &s.actor {
        SuggestedActor::Known(a) => (
            d.actors[*a].name.clone(),
            // A name the text uses for a known actor is added as an alias on acceptance.
            s.new_alias
                .as_ref()
                .map(|alias| format!("adds alias “{alias}”")),
        ),
        SuggestedActor::New(n) => (n.name.clone(), Some(new_actor_label(d, n))),
    };
    let quote = text
        .get(s.start..s.end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Row {
        who,
        adds,
        value: format!("{}: {}", s.fact.property().label(), d.fact_label(&s.fact)),
        // The main body goes without saying; a sub-body ("Executive Board") is shown.
        body: s.body.as_ref().filter(|b| **b != d.body.id).map(|b| {
            match (d.body_by_id(b), &s.new_body) {
                (Some(known), _) => known.name.clone(),
                // Accepting creates it.
                (None, Some(name)) => format!("new body: {name}"),
                (None, None) => b.clone(),
            }
        }),
        as_of: s.as_of.map(|p| p.to_string()),
        confidence: s.confidence,
        quote,
        span: s.start..s.end,
        sentence: s.sentence.clone(),
        edited,
        why: s.rule.clone(),
    }
}

fn draft(d: &Dataset, s: &Suggestion) -> EditDraft {
    let (known, name) = match &s.actor {
        SuggestedActor::Known(a) => (Some(d.actors[*a].id.clone()), d.actors[*a].name.clone()),
        SuggestedActor::New(n) => (None, n.name.clone()),
    };
    EditDraft::new(d, known, name, &s.fact, s.as_of, s.body.clone())
}

/// The user's changes applied to a (freshly extracted) suggestion.
fn apply_edit(d: &Dataset, s: &mut Suggestion, edit: &Edited) {
    match &edit.known {
        Some(id) => {
            if let Some(at) = d.actors.iter().position(|a| &a.id == id) {
                s.actor = SuggestedActor::Known(at);
            }
        }
        None => {
            // Once accepted under the edited name, the actor is known: the claim made then
            // settles the suggestion, rather than it being offered as new again.
            if matches!(s.actor, SuggestedActor::New(_))
                && let Some(at) = d.actors.iter().position(|a| a.name == edit.new_name)
            {
                s.actor = SuggestedActor::Known(at);
            }
            if let SuggestedActor::New(n) = &mut s.actor
                && n.name != edit.new_name
            {
                let taken: HashSet<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
                n.name = edit.new_name.clone();
                n.id = crate::model::data::ops::unique_id(&n.name, &taken);
            }
        }
    }
    s.fact = edit.fact.clone();
    s.as_of = edit.as_of;
    s.body = edit.body.clone();
}
