//! Finding an actor by typing part of a name or an alias, as the merge picker, the event form
//! and the claim-from-text form all do. Matching folds accents and case (see
//! [`crate::model::search`]) and runs once per change of the text or the dataset: at 100,000
//! actors a scan with transliteration is far too slow to repeat every frame.

use crate::model::Dataset;
use crate::model::derive::search::{Query, search_key};
use crate::ui::view::ViewCtx;

/// How many matches are kept; each caller filters them and shows a few.
const KEPT: usize = 64;

#[derive(Clone, Debug, Default)]
pub struct ActorSearch {
    pub text: String,
    /// The text and dataset revision the matches answer, and the actors' positions.
    found: Option<((String, u64), Vec<usize>)>,
}

impl ActorSearch {
    /// The actors matching the text, in dataset order (none while it is blank).
    pub fn matches(&mut self, d: &Dataset) -> &[usize] {
        let key = (self.text.clone(), d.revision.get());
        if self.found.as_ref().is_none_or(|(k, _)| *k != key) {
            let query = Query::new(&self.text);
            let hits = if query.is_empty() {
                Vec::new()
            } else {
                (0..d.actors.len())
                    .filter(|&i| query.matches(&search_key(&d.actors[i])))
                    .take(KEPT)
                    .collect()
            };
            self.found = Some((key, hits));
        }
        &self.found.as_ref().expect("set above").1
    }

    /// The first `most` matches as buttons, laid out in `ui`; the position of the actor
    /// clicked, if any.
    pub fn offer(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, most: usize) -> Option<usize> {
        let d = cx.dataset;
        let mut picked = None;
        for &i in self.matches(d).iter().take(most) {
            if ui.button(&d.actors[i].name).clicked() {
                picked = Some(i);
            }
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_alias_and_folded_name_and_follows_edits() {
        let mut d = crate::session::Session::embedded().dataset().clone();
        let mut search = ActorSearch {
            text: "erdogan".into(),
            ..Default::default()
        };
        let hit = search.matches(&d).to_vec();
        assert_eq!(hit.len(), 1);
        assert_eq!(d.actors[hit[0]].id, "erdogan");
        search.text = "russian leader".into();
        assert_eq!(d.actors[search.matches(&d)[0]].id, "putin");
        // A new actor counts once the dataset changed.
        let mut extra = d.actors[0].clone();
        extra.id = "putin-2".into();
        extra.name = "Another Russian leader".into();
        d.actors.push(extra);
        d.touch();
        assert_eq!(search.matches(&d).len(), 2);
        search.text = "  ".into();
        assert!(search.matches(&d).is_empty());
    }
}
