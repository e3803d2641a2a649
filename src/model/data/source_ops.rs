//! What a user does with sources, as edits: import one, edit one (its quotes re-anchored or
//! flagged), delete one with the claims that cite it, and make a claim from selected words.

use std::collections::HashSet;

use super::dataset::{Claim, Dataset, Fact, Rank, Reliability, Source, Subject};
use super::date::PartialDate;
use super::edit::Edit;
use super::ops::unique_id;
use crate::model::text::quote::{Anchor, Quote};
use crate::model::text::{content_hash, stored_text};

/// Why a source or a quoted claim cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("Give the source an outlet or a title.")]
    Unnamed,
    #[error("The source has no text: paste it or open a file.")]
    NoText,
    #[error("Select the words in the text that support the claim.")]
    NoQuote,
    #[error("Give the outlet whose default reliability this is.")]
    NoOutlet,
}

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
    /// Its own reliability; `None` takes the outlet's default.
    pub reliability: Option<Reliability>,
    /// What it relays ("Bloomberg"), if anything.
    pub relays: String,
    /// Make its reliability the default of its outlet (for the outlet's other sources).
    pub outlet_default: bool,
    /// The language its text is read in; `None`: detected.
    pub language: Option<String>,
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
            reliability: source.reliability,
            relays: source.relays.clone(),
            language: source.language.clone(),
            outlet_default: false,
        }
    }

    /// The text as it will be stored: HTML stripped, whitespace tidied.
    pub fn stored_text(&self) -> String {
        stored_text(&self.text, self.html)
    }

    fn check(&self, text: &str) -> Result<(), SourceError> {
        if self.outlet_default && self.outlet.trim().is_empty() {
            return Err(SourceError::NoOutlet);
        }
        if self.outlet.trim().is_empty() && self.title.trim().is_empty() {
            return Err(SourceError::Unnamed);
        }
        if text.is_empty() {
            return Err(SourceError::NoText);
        }
        Ok(())
    }

    fn into_source(self, id: String, text: String, retrieved: Option<PartialDate>) -> Source {
        let url = self.url.trim();
        Source {
            extra: Default::default(),
            id,
            title: self.title.trim().to_string(),
            outlet: self.outlet.trim().to_string(),
            url: (!url.is_empty()).then(|| url.to_string()),
            published: self.published,
            retrieved,
            note: self.note.trim().to_string(),
            hash: content_hash(&text),
            rejected: Vec::new(),
            reliability: self.reliability,
            relays: self.relays.trim().to_string(),
            language: self.language.clone().filter(|l| !l.trim().is_empty()),
            text,
        }
    }
}

/// The edit that makes the draft's reliability its outlet's default, when asked for.
fn outlet_default(d: &Dataset, draft: &SourceDraft) -> Option<Edit> {
    let reliability = draft.reliability.filter(|_| draft.outlet_default)?;
    let outlet = draft.outlet.trim();
    if outlet.is_empty() {
        return None;
    }
    let mut outlets = d.outlets.clone();
    match outlets
        .iter_mut()
        .find(|o| o.outlet.trim().eq_ignore_ascii_case(outlet))
    {
        Some(o) => o.reliability = reliability,
        None => outlets.push(super::dataset::OutletReliability {
            outlet: outlet.to_string(),
            reliability,
        }),
    }
    Some(Edit::SetOutlets(outlets))
}

/// Adds a source at the end of the list, with an id made from its outlet and date. Returns the
/// edit and the new source's id.
/// The source whose text is `text` (as stored: normalised), if one is: the same report
/// imported twice would offer its suggestions again and count its words twice.
pub fn source_holding<'d>(d: &'d Dataset, text: &str) -> Option<&'d Source> {
    d.sources.iter().find(|s| s.text == text)
}

pub fn add_source(
    d: &Dataset,
    draft: SourceDraft,
    today: PartialDate,
) -> Result<(Edit, String), SourceError> {
    let text = draft.stored_text();
    draft.check(&text)?;
    let taken: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let base = match draft.published {
        Some(day) => format!("{} {day}", draft.outlet),
        None => format!("{} {}", draft.outlet, draft.title),
    };
    let id = unique_id(&base, &taken);
    let default = outlet_default(d, &draft);
    let source = draft.into_source(id.clone(), text, Some(today));
    let edit = Edit::InsertSource {
        at: d.sources.len(),
        source,
    };
    Ok((
        match default {
            Some(outlets) => Edit::Batch(vec![edit, outlets]),
            None => edit,
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
) -> Result<(Edit, Reanchored), SourceError> {
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
    edits.extend(outlet_default(d, &draft));
    let mut source = draft.into_source(old.id.clone(), text, old.retrieved);
    // Rejections name words, not positions: they still hold after the text is edited.
    source.rejected = old.rejected.clone();
    // The form knows only this version's fields; the file's others stay as they were.
    source.extra = old.extra.clone();
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
) -> Result<Edit, SourceError> {
    let s = &d.sources[source];
    let quote = Quote::from_span(&s.text, start, end).ok_or(SourceError::NoQuote)?;
    let taken: HashSet<&str> = d.claims.iter().map(|c| c.id.as_str()).collect();
    let id = unique_id(
        &format!("c {} {} {}", subject.id(), fact.property().label(), s.id),
        &taken,
    );
    Ok(Edit::InsertClaim {
        at: d.claims.len(),
        claim: Claim {
            extra: Default::default(),
            author: String::new(),
            id,
            body: None,
            subject,
            fact,
            source: s.id.clone(),
            quote: Some(quote),
            as_of: s.published,
            rank: Rank::Normal,
            negated: false,
            note: String::new(),
        },
    })
}
