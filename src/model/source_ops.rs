//! What a user does with sources, as edits: import one, edit one (its quotes re-anchored or
//! flagged), delete one with the claims that cite it, and make a claim from selected words.

use std::collections::HashSet;

use super::dataset::{Claim, Dataset, Fact, Rank, Source, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use super::ops::unique_id;
use super::quote::{Anchor, Quote};
use super::text::{content_hash, normalise, strip_html};

/// A source as the user fills it in; the text is raw (pasted or read from a file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceDraft {
    pub outlet: String,
    pub title: String,
    pub published: Option<PartialDate>,
    pub url: String,
    pub note: String,
    pub text: String,
    /// Whether the text is HTML (tags are stripped, entities decoded).
    pub html: bool,
}

impl SourceDraft {
    /// The draft of an existing source, for its edit form.
    pub fn of(source: &Source) -> SourceDraft {
        SourceDraft {
            outlet: source.outlet.clone(),
            title: source.title.clone(),
            published: source.published,
            url: source.url.clone().unwrap_or_default(),
            note: source.note.clone(),
            text: source.text.clone(),
            html: false,
        }
    }

    /// The text as it will be stored: HTML stripped, whitespace tidied.
    pub fn stored_text(&self) -> String {
        if self.html {
            normalise(&strip_html(&self.text))
        } else {
            normalise(&self.text)
        }
    }

    fn check(&self, text: &str) -> Result<(), String> {
        if self.outlet.trim().is_empty() && self.title.trim().is_empty() {
            return Err("Give the source an outlet or a title.".into());
        }
        if text.is_empty() {
            return Err("The source has no text: paste it or open a file.".into());
        }
        Ok(())
    }

    fn into_source(self, id: String, text: String, retrieved: Option<PartialDate>) -> Source {
        let url = self.url.trim();
        Source {
            id,
            title: self.title.trim().to_string(),
            outlet: self.outlet.trim().to_string(),
            url: (!url.is_empty()).then(|| url.to_string()),
            published: self.published,
            retrieved,
            note: self.note.trim().to_string(),
            hash: content_hash(&text),
            rejected: Vec::new(),
            text,
        }
    }
}

/// Adds a source at the end of the list, with an id made from its outlet and date. Returns the
/// edit and the new source's id.
pub fn add_source(
    d: &Dataset,
    draft: SourceDraft,
    today: PartialDate,
) -> Result<(Edit, String), String> {
    let text = draft.stored_text();
    draft.check(&text)?;
    let taken: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let base = match draft.published {
        Some(day) => format!("{} {day}", draft.outlet),
        None => format!("{} {}", draft.outlet, draft.title),
    };
    let id = unique_id(&base, &taken);
    let source = draft.into_source(id.clone(), text, Some(today));
    Ok((
        Edit::InsertSource {
            at: d.sources.len(),
            source,
        },
        id,
    ))
}

/// What an edit of a source's text did to the quotes in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reanchored {
    pub moved: usize,
    pub orphaned: usize,
}

/// Replaces the source at `at`. If its text changed, quotes whose words moved are re-anchored
/// in the same step; quotes whose words are gone stay as they were and are reported orphaned.
pub fn edit_source(
    d: &Dataset,
    at: usize,
    draft: SourceDraft,
) -> Result<(Edit, Reanchored), String> {
    let old = &d.sources[at];
    let text = draft.stored_text();
    draft.check(&text)?;
    let mut report = Reanchored::default();
    let mut edits = Vec::new();
    for (i, claim) in d.claims.iter().enumerate() {
        let Some(q) = claim.quote.as_ref().filter(|_| claim.source == old.id) else {
            continue;
        };
        match q.anchor(&text) {
            Anchor::Exact => {}
            Anchor::Moved(start) => {
                report.moved += 1;
                let mut claim = claim.clone();
                claim.quote = Quote::from_span(&text, start, start + q.exact.len());
                edits.push(Edit::ReplaceClaim { at: i, claim });
            }
            Anchor::Orphaned => report.orphaned += 1,
        }
    }
    let mut source = draft.into_source(old.id.clone(), text, old.retrieved);
    // Rejections name words, not positions: they still hold after the text is edited.
    source.rejected = old.rejected.clone();
    edits.push(Edit::ReplaceSource { at, source });
    Ok((Edit::Batch(edits), report))
}

/// Deletes the source at `at` with the claims that cite it, and drops it from events' source
/// lists (the events stay). Returns the edit and how many claims go with it.
pub fn delete_source(d: &Dataset, at: usize) -> (Edit, usize) {
    let id = &d.sources[at].id;
    let mut edits = Vec::new();
    // Highest position first, so each removal leaves the earlier positions valid.
    for (i, _) in d
        .claims
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| &c.source == id)
    {
        edits.push(Edit::RemoveClaim { at: i });
    }
    let claims = edits.len();
    for (i, event) in d.events.iter().enumerate() {
        if event.sources.contains(id) {
            let mut event = event.clone();
            event.sources.retain(|s| s != id);
            edits.push(Edit::ReplaceEvent { at: i, event });
        }
    }
    edits.push(Edit::RemoveSource { at });
    (Edit::Batch(edits), claims)
}

/// A claim made from words selected in the source at `source` (byte offsets): the quote and
/// its position are recorded from the selection, and it holds as of the source's date.
pub fn quoted_claim(
    d: &Dataset,
    source: usize,
    (start, end): (usize, usize),
    subject: Subject,
    fact: Fact,
) -> Result<Edit, String> {
    let s = &d.sources[source];
    let quote = Quote::from_span(&s.text, start, end)
        .ok_or("Select the words in the text that support the claim.")?;
    let taken: HashSet<&str> = d.claims.iter().map(|c| c.id.as_str()).collect();
    let id = unique_id(
        &format!("c {} {} {}", subject.id(), fact.property().label(), s.id),
        &taken,
    );
    Ok(Edit::InsertClaim {
        at: d.claims.len(),
        claim: Claim {
            id,
            body: None,
            subject,
            fact,
            source: s.id.clone(),
            quote: Some(quote),
            as_of: s.published,
            rank: Rank::Normal,
            note: String::new(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, validate::validate};

    fn day() -> PartialDate {
        "2026-01-20".parse().unwrap()
    }

    fn draft(text: &str) -> SourceDraft {
        SourceDraft {
            outlet: "Wire".into(),
            title: "A report".into(),
            published: Some(day()),
            text: text.into(),
            ..Default::default()
        }
    }

    fn with_claim() -> Dataset {
        let mut d = crate::store::embedded();
        let (edit, _) = add_source(&d, draft("Putin was invited.\nTrump chairs."), day()).unwrap();
        edit.apply(&mut d).unwrap();
        let s = d.sources.len() - 1;
        let at = d.sources[s].text.find("Trump chairs").unwrap();
        quoted_claim(
            &d,
            s,
            (at, at + "Trump chairs".len()),
            Subject::Actor("trump".into()),
            Fact::Status(Status::Member),
        )
        .unwrap()
        .apply(&mut d)
        .unwrap();
        d
    }

    #[test]
    fn an_imported_source_is_stored_normalised_with_a_fresh_id() {
        let d = crate::store::embedded();
        let mut html =
            draft("<p>Putin &amp; Lukashenko</p><script>x()</script><p>were invited.</p>");
        html.html = true;
        let (edit, id) = add_source(&d, html, day()).unwrap();
        assert_eq!(id, "wire-2026-01-20");
        let Edit::InsertSource { source, .. } = edit else {
            panic!("not an insert")
        };
        assert!(
            source.text.contains("Putin & Lukashenko"),
            "{}",
            source.text
        );
        assert!(!source.text.contains("x()"));
        assert_eq!(source.hash, content_hash(&source.text));
    }

    #[test]
    fn refuses_a_source_without_text_or_name() {
        let d = crate::store::embedded();
        assert!(add_source(&d, draft("  \n "), day()).is_err());
        let mut nameless = draft("text");
        (nameless.outlet, nameless.title) = (String::new(), " ".into());
        assert!(add_source(&d, nameless, day()).is_err());
    }

    #[test]
    fn a_claim_from_a_selection_quotes_it_and_validates() {
        let d = with_claim();
        let claim = d.claims.last().unwrap();
        assert_eq!(claim.quote.as_ref().unwrap().exact, "Trump chairs");
        assert_eq!(claim.as_of, Some(day()));
        assert!(
            validate(&d)
                .iter()
                .all(|p| p.severity != crate::model::validate::Severity::Error)
        );
        let s = d.sources.len() - 1;
        assert!(quoted_claim(&d, s, (3, 3), claim.subject.clone(), claim.fact.clone()).is_err());
    }

    #[test]
    fn editing_the_text_re_anchors_moved_quotes_and_flags_lost_ones() {
        let mut d = with_claim();
        let s = d.sources.len() - 1;
        let mut prefixed = SourceDraft::of(&d.sources[s]);
        prefixed.text = format!("Update: {}", prefixed.text);
        let (edit, report) = edit_source(&d, s, prefixed).unwrap();
        assert_eq!(
            report,
            Reanchored {
                moved: 1,
                orphaned: 0
            }
        );
        edit.apply(&mut d).unwrap();
        let q = d.claims.last().unwrap().quote.clone().unwrap();
        assert_eq!(q.anchor(&d.sources[s].text), Anchor::Exact);

        let mut changed = SourceDraft::of(&d.sources[s]);
        changed.text = changed.text.replace("Trump chairs", "Trump leads");
        let (edit, report) = edit_source(&d, s, changed).unwrap();
        assert_eq!(
            report,
            Reanchored {
                moved: 0,
                orphaned: 1
            }
        );
        edit.apply(&mut d).unwrap();
        assert_eq!(
            d.claims.last().unwrap().quote.as_ref(),
            Some(&q),
            "kept, not moved"
        );
    }

    #[test]
    fn deleting_a_source_takes_its_claims_and_undoes_exactly() {
        let d = crate::store::embedded();
        let before = d.clone();
        let at = d
            .sources
            .iter()
            .position(|s| s.id == "dpa-2026-01-19")
            .unwrap();
        let cited = d
            .claims
            .iter()
            .filter(|c| c.source == "dpa-2026-01-19")
            .count();
        let (edit, claims) = delete_source(&d, at);
        assert_eq!(claims, cited);
        let mut after = d;
        let undo = edit.apply(&mut after).unwrap();
        assert!(after.claims.iter().all(|c| c.source != "dpa-2026-01-19"));
        assert!(
            after
                .events
                .iter()
                .all(|e| !e.sources.iter().any(|s| s == "dpa-2026-01-19"))
        );
        assert!(
            validate(&after)
                .iter()
                .all(|p| p.severity != crate::model::validate::Severity::Error)
        );
        undo.apply(&mut after).unwrap();
        assert_eq!(after, before);
    }
}
