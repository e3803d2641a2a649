//! Linking each cue of a sentence to the actors it is about: the subject group before it
//! (through a pronoun to its antecedent: "Netanyahu said he has agreed"), the object group
//! after it, or the owner of a noun. A group is a list joined by commas and "and": every
//! member gets the fact ("X, Y and Z have accepted"). Then the body, the day and the quote.

use std::ops::Range;

use chrono::NaiveDate;

use super::bodies::bodies;
use super::cues::{Cue, Frame, cues};
use super::dates::dates;
use super::entities::{Mention, Target};
use super::lexicon::{CLAUSE_BREAKS, GAP_OK, NEGATIONS, is_day_word};
use super::tokens::Token;
use super::{SuggestedActor, Suggestion};
use crate::model::PartialDate;
use crate::model::dataset::{Actor, ActorKind, Fact, Role};

/// How many words may stand between a subject and its verb.
const MAX_GAP: usize = 6;

/// Lists of mentions: runs joined only by ",", "and", "or", "the", "as well as".
fn groups(toks: &[Token], mentions: &[Mention]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(last) = out.last_mut()
            && last.end == i
            && !matches!(m.target, Target::Pronoun { .. })
            && !matches!(mentions[i - 1].target, Target::Pronoun { .. })
            && !mentions[i - 1].possessive
        {
            let between = &toks[mentions[i - 1].toks.end..m.toks.start];
            let joins = between
                .iter()
                .all(|t| t.is_any(&[",", "and", "or", "the", "as", "well", "&"]));
            // "Trump's son-in-law Jared Kushner": two names of one actor side by side.
            let same = between.is_empty()
                && matches!((&mentions[i - 1].target, &m.target),
                    (Target::Known { actor: a, .. }, Target::Known { actor: b, .. }) if a == b);
            if same || joins && !between.is_empty() && between.len() <= 4 {
                last.end = i + 1;
                continue;
            }
        }
        out.push(i..i + 1);
    }
    out
}

/// Lookups from a token to the mention starting or ending there and from a mention to its
/// list, so linking stays linear however long the sentence.
struct Layout {
    groups: Vec<Range<usize>>,
    group: Vec<usize>,
    starts: Vec<Option<usize>>,
    /// By exclusive end token.
    ends: Vec<Option<usize>>,
}

impl Layout {
    fn new(toks: &[Token], mentions: &[Mention]) -> Layout {
        let groups = groups(toks, mentions);
        let mut group = vec![0; mentions.len()];
        for (g, r) in groups.iter().enumerate() {
            for m in r.clone() {
                group[m] = g;
            }
        }
        let mut starts = vec![None; toks.len() + 1];
        let mut ends = vec![None; toks.len() + 1];
        for (i, m) in mentions.iter().enumerate() {
            starts[m.toks.start] = Some(i);
            ends[m.toks.end] = Some(i);
        }
        Layout {
            groups,
            group,
            starts,
            ends,
        }
    }

    fn group_of(&self, m: usize) -> Range<usize> {
        self.groups[self.group[m]].clone()
    }
}

/// How far back a pronoun looks for what it stands for, in mentions.
const PRONOUN_REACH: usize = 12;

/// Whether a mention can stand for a pronoun: "he" a person, "it" a state or organisation.
fn fits(m: &Mention, person: Option<bool>) -> bool {
    match (&m.target, person) {
        (Target::Pronoun { .. } | Target::Opaque, _) => false,
        (_, None) => true,
        (_, Some(p)) => (m.kind == ActorKind::Person) == p,
    }
}

/// For a comma at `close` ending an apposition ("X, the former prime minister,"), the end
/// of the mention before the opening comma: the apposition starts with an article or
/// possessive and holds no verb-like word or other comma, within ten words.
fn apposition_start(toks: &[Token], layout: &Layout, close: usize) -> Option<usize> {
    let open = (close.saturating_sub(11)..close)
        .rev()
        .find(|&k| toks[k].is(","))?;
    let inner = &toks[open + 1..close];
    let starts_np = inner
        .first()
        .is_some_and(|t| t.is_any(&["the", "a", "an", "his", "her", "its", "their"]));
    let plain = inner
        .iter()
        .all(|t| !t.is_any(GAP_OK) && !t.is_any(&["who", "which", "that", "said", "says"]));
    (starts_np && plain && layout.ends[open].is_some()).then_some(open)
}

/// The mentions a cue is about, and whether a pronoun led there.
fn targets(toks: &[Token], mentions: &[Mention], layout: &Layout, cue: &Cue) -> (Vec<usize>, bool) {
    match cue.frame {
        Frame::Left => {
            let mut k = cue.toks.start;
            let mut words = 0;
            while k > 0 {
                let t = &toks[k - 1];
                if layout.ends[k].is_some() {
                    break;
                }
                // "Putin, who was invited": the relative pronoun stands for the name.
                let relative = t.is_any(&["who", "which"])
                    && k >= 2
                    && toks[k - 2].is(",")
                    && layout.ends[k - 2].is_some();
                if relative {
                    k -= 2;
                    break;
                }
                // "Tony Blair, the former British prime minister, has been named": the
                // apposition between commas stands beside the name.
                if t.is(",")
                    && let Some(open) = apposition_start(toks, layout, k - 1)
                {
                    k = open;
                    break;
                }
                let ok = t.is_any(GAP_OK)
                    || t.is_any(NEGATIONS)
                    || is_day_word(&t.lower)
                    || t.lower.ends_with("ly") && !t.cap;
                if !ok || words >= MAX_GAP {
                    return (vec![], false);
                }
                words += 1;
                k -= 1;
            }
            let Some(m) = layout.ends[k] else {
                return (vec![], false);
            };
            if let Target::Pronoun { person } = mentions[m].target {
                // The nearest earlier mention that fits; "they" takes its whole list.
                let Some(a) = (m.saturating_sub(PRONOUN_REACH)..m)
                    .rev()
                    .find(|&a| fits(&mentions[a], person))
                else {
                    return (vec![], false);
                };
                let members = if person.is_none() {
                    layout.group_of(a).collect()
                } else {
                    vec![a]
                };
                return (members, true);
            }
            if mentions[m].possessive {
                return (vec![], false);
            }
            (layout.group_of(m).collect(), false)
        }
        Frame::Right { from, gap } => {
            let mut k = from;
            let mut words = 0;
            let mut including = false;
            while k < toks.len() {
                if let Some(m) = layout.starts[k] {
                    // "an invitation to Trump's board", "invited Trump's son-in-law Jared
                    // Kushner": an owner is not the object; the scan goes on past it.
                    if mentions[m].possessive {
                        k = mentions[m].toks.end.max(k + 1);
                        words += 1;
                        continue;
                    }
                    // Past the gap only a list introduced by "including" still counts.
                    if matches!(mentions[m].target, Target::Pronoun { .. })
                        || words > gap && !including
                    {
                        return (vec![], false);
                    }
                    let g = layout.group_of(m);
                    return ((m..g.end).collect(), false);
                }
                let t = &toks[k];
                if t.is_any(CLAUSE_BREAKS) || t.is(".") {
                    return (vec![], false);
                }
                if t.is_any(&["including", "notably", "namely"]) || t.is("such") {
                    including = true;
                } else if t.is(",") {
                    let next_includes = toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_any(&["including", "such", "notably", "namely"]));
                    if !next_includes && !including {
                        return (vec![], false);
                    }
                }
                // Articles are free: "sent to the leaders of".
                if !t.is_any(&["the", "a", "an"]) {
                    words += 1;
                }
                if words > 14 {
                    return (vec![], false);
                }
                k += 1;
            }
            (vec![], false)
        }
        Frame::Owner(s) => match layout.ends[s] {
            Some(m) if mentions[m].possessive => (vec![m], false),
            _ => (vec![], false),
        },
    }
}

/// Whether the words from `from` to `to` join a second verb to the first one's subject:
/// "but" or "and" with only auxiliaries, negations and adverbs beside it.
fn coordinated(toks: &[Token], from: usize, to: usize) -> bool {
    if from >= to || to - from > 6 {
        return false;
    }
    let between = &toks[from..to];
    between.iter().any(|t| t.is_any(&["but", "and"]))
        && between.iter().all(|t| {
            t.is_any(&["but", "and", "then"])
                || t.is_any(GAP_OK)
                || t.is_any(NEGATIONS)
                || t.lower.ends_with("n't")
        })
}

/// The item of `items` (token index, value; in order) nearest the cue, if any: a binary
/// search, so many dates in one long sentence stay cheap.
fn nearest<T: Copy>(items: &[(usize, T)], cue: &Range<usize>) -> Option<T> {
    let after = items.partition_point(|(at, _)| *at < cue.start);
    let distance = |at: usize| {
        if at < cue.start {
            cue.start - at
        } else {
            at.saturating_sub(cue.end)
        }
    };
    [after.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|k| items.get(k))
        .min_by_key(|(at, _)| distance(*at))
        .map(|(_, v)| *v)
}

/// Appends the suggestions of one sentence to `out`.
pub fn sentence(
    actors: &[Actor],
    text: &str,
    sentence: &Range<usize>,
    toks: &[Token],
    mentions: &[Mention],
    published: Option<NaiveDate>,
    out: &mut Vec<Suggestion>,
) {
    if mentions.is_empty() {
        return;
    }
    let found = cues(toks);
    if found.is_empty() {
        return;
    }
    let layout = Layout::new(toks, mentions);
    let body_at = bodies(toks);
    let date_at = dates(toks, published);
    // A headline, without a full stop: a little less sure.
    let headline = !text[..sentence.end].ends_with(['.', '!', '?', '"', '”', '\'']);
    // The last cue that found its subject on the left, for a verb coordinated with it.
    let mut last_left: Option<(usize, Vec<usize>)> = None;
    for cue in &found {
        let (mut members, via_pronoun) = targets(toks, mentions, &layout, cue);
        if cue.frame == Frame::Left {
            if members.is_empty() {
                // "Pope Leo had been invited but would not take part": one subject, two verbs.
                if let Some((end, subject)) = &last_left
                    && coordinated(toks, *end, cue.toks.start)
                {
                    members = subject.clone();
                }
            } else {
                last_left = Some((cue.toks.end, members.clone()));
            }
        }
        let body = nearest(&body_at, &cue.toks).flatten().map(str::to_string);
        let as_of = nearest(&date_at, &cue.toks).or(published.map(PartialDate::from));
        let cue_span = toks[cue.toks.start].span.start..toks[cue.toks.end - 1].span.end;
        for m in members {
            let mention = &mentions[m];
            let (actor, new_alias) = match &mention.target {
                Target::Known { actor, new_alias } => {
                    (SuggestedActor::Known(*actor), new_alias.clone())
                }
                Target::New(n) => (SuggestedActor::New(n.clone()), None),
                Target::Opaque | Target::Pronoun { .. } => continue,
            };
            // People listed on a body other than the main one are members of that body only.
            let start = mention.span.start.min(cue_span.start);
            let end = mention.span.end.max(cue_span.end);
            let mut confidence = cue.weight;
            if via_pronoun {
                confidence -= 0.15;
            }
            if headline {
                confidence -= 0.05;
            }
            if matches!(actor, SuggestedActor::New(_)) {
                confidence -= 0.05;
            }
            if mention.kind == ActorKind::Person
                && matches!(actor, SuggestedActor::Known(i) if actors[i].kind != ActorKind::Person)
            {
                confidence -= 0.1;
            }
            let confidence = confidence.clamp(0.05, 1.0);
            let base = Suggestion {
                actor,
                fact: cue.fact.clone(),
                body: body.clone(),
                as_of,
                start,
                end,
                sentence: sentence.clone(),
                confidence,
                new_alias,
            };
            if cue.founding {
                let mut role = base.clone();
                role.fact = Fact::Role(Role::FoundingMember);
                role.confidence = (confidence - 0.1).max(0.05);
                out.push(base);
                out.push(role);
            } else {
                out.push(base);
            }
        }
    }
}
