//! The one engine over the rule tables: for each token, the rules whose form starts there;
//! for each match, the checks every rule shares (voice, the words before and after, the
//! object, negation, hedges and expectations, conditions), then the side its actor stands on
//! or the list it opens. Nothing here knows a cue word: the tables do.

use std::ops::Range;

use super::money_words::amount_near;
use super::table::{Class, HedgeOutcome, Lexicon, Rule, RuleSide, Voice};
use super::tokens::Token;
use crate::model::data::dataset::{Fact, Status};

/// Where the actor a cue is about stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The subject before the cue.
    Left,
    /// The object after token `from`, within `gap` words.
    Right { from: usize, gap: usize },
    /// The owner before the "'s" at this token.
    Owner(usize),
    /// Beside a title: the name before it, else the one after token `from`.
    Beside { from: usize },
    /// Every actor named in these tokens, a list the cue opens.
    List(Range<usize>),
    /// The nearest name of the clause before the cue, else the first after token `from`.
    Clause { from: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub fact: Fact,
    pub frame: Frame,
    /// The cue's tokens, complement included: what the quote must hold.
    pub toks: Range<usize>,
    pub weight: f32,
    /// Also states a founding membership ("invited to join as a founding member").
    pub founding: bool,
    /// The rule that read it.
    pub rule: usize,
    /// Only people may hold what the cue states (a chair).
    pub people_only: bool,
    /// For a list that names no one: the cue's own frame and weight.
    pub fallback: Option<(Frame, f32)>,
    /// A second fact the cue states ("as members": the role).
    pub also: Option<Fact>,
}

/// What the words before a cue make of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mood {
    Stated,
    /// "may join", "ready to join".
    Hedged,
    /// "expected to join", "potential members".
    Expected,
    /// "will join", "agreed to join".
    Intent,
    /// "invited to join": the verb is another's complement; nothing of its own.
    Complement,
}

/// The word before `i`, adverbs and articles aside.
pub fn prev_word(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&k| !lex.is(toks, k, Class::Adverb) && !lex.is(toks, k, Class::Article))
}

/// The word after `i`, adverbs aside.
pub fn next_word(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&k| !lex.is(toks, k, Class::Adverb))
}

fn stops_clause(lex: &Lexicon, t: &Token) -> bool {
    lex.class(Class::ClauseBreak).has(&t.lower) || lex.class(Class::End).has(&t.lower)
}

/// A negation among the three words before `i`, inside its clause.
pub fn negated(lex: &Lexicon, toks: &[Token], i: usize) -> bool {
    for p in (i.saturating_sub(3)..i).rev() {
        let t = &toks[p];
        if lex.class(Class::Negation).has(&t.lower) {
            return true;
        }
        if !t.word || lex.is(toks, p, Class::Reporting) {
            return false;
        }
    }
    false
}

/// A condition or question over the clause ("If Putin accepts", "whether Canada will join").
fn conditional(lex: &Lexicon, toks: &[Token], i: usize) -> bool {
    for k in (i.saturating_sub(8)..i).rev() {
        // "si bien", "even if": a concession states what it concedes.
        if lex.is(toks, k, Class::Condition)
            && lex.class(Class::Concessive).len_at(toks, k).is_none()
        {
            return true;
        }
        if stops_clause(lex, &toks[k]) || lex.is(toks, k, Class::Comma) {
            return false;
        }
    }
    false
}

/// The mood the nearest signal before `i` in its clause gives, and where that signal's verb
/// group starts ("is set to chair" starts at "set"), so a kept cue meets its subject there.
fn mood(lex: &Lexicon, toks: &[Token], i: usize) -> (Mood, usize) {
    for p in (i.saturating_sub(6)..i).rev() {
        let t = &toks[p];
        if stops_clause(lex, t)
            || lex.is(toks, p, Class::Comma)
            || lex.is(toks, p, Class::Reporting)
        {
            break;
        }
        if lex.is(toks, p, Class::Potential) {
            return (Mood::Expected, i);
        }
        if lex.is(toks, p, Class::Hedge) {
            return (Mood::Hedged, p);
        }
        if lex.is(toks, p, Class::Intent) {
            return (Mood::Intent, p);
        }
        if lex.is(toks, p, Class::Infinitive) {
            let Some(v) = prev_word(lex, toks, p) else {
                return (Mood::Complement, p);
            };
            let m = if lex.is(toks, v, Class::HedgeVerb) {
                Mood::Hedged
            } else if lex.is(toks, v, Class::Expect) {
                Mood::Expected
            } else if lex.is(toks, v, Class::IntentVerb) {
                Mood::Intent
            } else if names_open_headline(lex, toks, v) {
                // A headline's "Hungary, Kazakhstan to join".
                return (Mood::Intent, p);
            } else {
                Mood::Complement
            };
            return (m, v);
        }
    }
    (Mood::Stated, i)
}

/// Whether the words up to `v` are only names and their joins, opening a sentence that is not
/// in title case (where every word is capitalised and a name cannot be told).
fn names_open_headline(lex: &Lexicon, toks: &[Token], v: usize) -> bool {
    let names_only = (0..=v).all(|k| {
        let t = &toks[k];
        t.word && t.cap || lex.is(toks, k, Class::Comma) || lex.is(toks, k, Class::ListJoin)
    });
    names_only && toks[v].cap && !super::entities::is_title_case(toks)
}

fn apply(outcome: &HedgeOutcome, fact: Fact) -> Option<Fact> {
    match outcome {
        HedgeOutcome::Drop => None,
        HedgeOutcome::Keep => Some(fact),
        HedgeOutcome::Fact(f) => Some(f.clone()),
    }
}

/// How far (in words) a body's name or noun may stand from a cue that needs one.
const BODY_REACH: usize = 10;

/// Whether a body is named near `start..end`: a body's name, or a body noun ("the board"),
/// within reach on either side, inside the sentence's clause marks.
fn body_near(lex: &Lexicon, toks: &[Token], bodies: &[usize], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(BODY_REACH);
    let to = (end + BODY_REACH).min(toks.len());
    let named = bodies.iter().any(|&b| b >= from && b < to);
    let noun = || {
        let before = (from..start)
            .rev()
            .take_while(|&k| !lex.is(toks, k, Class::End))
            .any(|k| lex.is(toks, k, Class::BodyNoun));
        let after = (end..to)
            .take_while(|&k| !lex.is(toks, k, Class::End))
            .any(|k| lex.is(toks, k, Class::BodyNoun));
        before || after
    };
    named || noun()
}

/// The end of the list opened at `from`: items joined by the table's joins, up to the end of
/// the sentence or a word that ends a list.
pub fn list_end(lex: &Lexicon, toks: &[Token], from: usize) -> usize {
    (from..toks.len())
        .find(|&k| {
            // A semicolon may part a list's items ("A, minister; B, envoy").
            let ends = lex.is(toks, k, Class::End) && !lex.is(toks, k, Class::ListJoin);
            lex.is(toks, k, Class::ListEnd) || ends
        })
        .unwrap_or(toks.len())
}

/// The list a list-opening cue ending at `end` introduces: an introducer within reach.
fn list_after(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> Option<Range<usize>> {
    let reach = lex.tuning.list_reach;
    // The cue itself may be the introducer ("The board includes").
    let from = (start..(end + reach).min(toks.len()))
        .take_while(|&k| k < end || !lex.is(toks, k, Class::End))
        .find_map(|k| {
            let n = lex.class(Class::ListIntro).len_at(toks, k)?;
            Some(k + n)
        })?;
    let to = list_end(lex, toks, from);
    (to > from).then_some(from..to)
}

/// Every cue of a sentence, in order. `bodies` are the first tokens of the body names in it.
pub fn cues(lex: &Lexicon, toks: &[Token], bodies: &[usize]) -> Vec<Cue> {
    let mut out = all_cues(lex, toks, bodies);
    // A list runs up to the next cue: "A and B accepted, while C, D and E declined".
    let mut starts: Vec<usize> = out.iter().map(|c| c.toks.start).collect();
    starts.sort_unstable();
    for c in &mut out {
        if let Frame::List(range) = &mut c.frame
            && let Some(&next) = starts.get(starts.partition_point(|&s| s <= range.start))
            && next < range.end
        {
            range.end = next;
        }
    }
    out
}

fn all_cues(lex: &Lexicon, toks: &[Token], bodies: &[usize]) -> Vec<Cue> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].word && lex.class(Class::ListIntro).len_at(toks, i).is_none() {
            continue;
        }
        for (r, f) in lex.candidates(&toks[i].lower) {
            let Some(len) = lex.form_len(toks, i, r, f) else {
                continue;
            };
            if let Some(c) = read(lex, toks, bodies, i, i + len, r) {
                out.push(c);
            }
        }
    }
    out
}

/// The cue of rule `r` matched at `start..end`, if the shared checks let it stand.
fn read(
    lex: &Lexicon,
    toks: &[Token],
    bodies: &[usize],
    start: usize,
    end: usize,
    r: usize,
) -> Option<Cue> {
    let rule = &lex.rules[r];
    let form_end = end;
    let (mut fact, end) = what_it_states(lex, toks, rule, start, end)?;
    if conditional(lex, toks, start) {
        return None;
    }
    if rule.after_body && !body_near(lex, toks, bodies, start, end) {
        return None;
    }
    let list = if rule.lists {
        list_after(lex, toks, start, end)
    } else {
        None
    };
    let neg = negated(lex, toks, start);
    let (mood, group) = mood(lex, toks, start);
    if neg {
        fact = rule.negated.clone()?;
    } else {
        fact = match mood {
            Mood::Stated => fact,
            Mood::Hedged => apply(&rule.hedged, fact)?,
            Mood::Expected => apply(&rule.expected, fact)?,
            Mood::Intent => apply(&rule.intent, fact)?,
            Mood::Complement => apply(&rule.complement, fact)?,
        };
    }
    let fits =
        voice_fits(lex, toks, rule, start, form_end) && neighbours_fit(lex, toks, rule, start);
    let own = if fits {
        frame(lex, toks, rule, start, form_end, end)
    } else {
        None
    };
    let mut cue = Cue {
        fact,
        frame: Frame::Left,
        toks: start..end,
        weight: rule.weight,
        founding: false,
        rule: r,
        people_only: rule.people_only,
        fallback: None,
        also: None,
    };
    if let Some(list) = list {
        cue.toks = start..list.start;
        cue.frame = Frame::List(list);
        cue.weight += lex.tuning.list_item;
        // A list that names no one leaves the cue its own subject or object.
        cue.fallback = own.map(|f| (f, rule.weight));
        return Some(cue);
    }
    cue.frame = own?;
    if let Frame::Left = cue.frame {
        if let Some(b) = rule.before.as_ref().and(prev_word(lex, toks, start)) {
            // "is a founding member": the cue starts at its verb, so the subject is next to it.
            cue.toks.start = b;
        }
        // "is set to chair", "will join": the verb group's first word.
        cue.toks.start = cue.toks.start.min(group);
    }
    cue.founding = rule.founding
        && matches!(cue.fact, Fact::Status(Status::Invited | Status::Accepted))
        && founding_after(lex, toks, end);
    capacity(lex, toks, &mut cue, rule.fact.as_ref(), neg)?;
    Some(cue)
}

/// "accepted invitations to participate as observers", "agreed to sit as members": the
/// capacity named after an acceptance or membership is the status it states (and a role
/// beside); negated ("is not joining as a member"), nothing is stated.
fn capacity(
    lex: &Lexicon,
    toks: &[Token],
    cue: &mut Cue,
    stated: Option<&Fact>,
    negated: bool,
) -> Option<()> {
    let taking_part = |f: Option<&Fact>| {
        matches!(
            f,
            Some(Fact::Status(
                Status::Accepted | Status::Member | Status::Signed
            ))
        )
    };
    if !taking_part(Some(&cue.fact)) && !taking_part(stated) {
        return Some(());
    }
    let end = cue.toks.end;
    let stop = (end + 10).min(toks.len());
    let at = |k: usize| {
        lex.complements
            .iter()
            .find(|c| c.words.len_at(toks, k).is_some())
    };
    // After the cue ("accepted … as observers"), or just before it where the verb comes last
    // ("gözlemci olarak katıldı").
    let found = (end.saturating_sub(1)..stop)
        .take_while(|&k| !stops_clause(lex, &toks[k]))
        .find_map(at)
        .or_else(|| {
            (cue.toks.start.saturating_sub(4)..cue.toks.start)
                .rev()
                .take_while(|&k| !stops_clause(lex, &toks[k]))
                .find_map(at)
        });
    let Some(c) = found else {
        return Some(());
    };
    if negated {
        return None;
    }
    if let Some(f) = &c.replace {
        cue.fact = f.clone();
    }
    cue.also = c.add.clone();
    Some(())
}

/// The fact a rule states and where its words end: its complement (`then`), its object word,
/// or a pledge's amount.
fn what_it_states(
    lex: &Lexicon,
    toks: &[Token],
    rule: &Rule,
    start: usize,
    end: usize,
) -> Option<(Fact, usize)> {
    let mut end = end;
    for set in &rule.then {
        let k = next_word(lex, toks, end - 1)?;
        end = k + set.len_at(toks, k)?;
    }
    if let Some(not) = &rule.not_then
        && next_word(lex, toks, end - 1).is_some_and(|k| not.len_at(toks, k).is_some())
    {
        return None;
    }
    if let Some(object) = &rule.object {
        let k = (end..(end + rule.reach + 1).min(toks.len()))
            .take_while(|&k| !stops_clause(lex, &toks[k]))
            .find(|&k| object.len_at(toks, k).is_some())?;
        end = k + object.len_at(toks, k).unwrap_or(1);
    }
    match &rule.fact {
        Some(f) => Some((f.clone(), quoted_end(lex, toks, end))),
        None => {
            let (money, to) = amount_near(lex, toks, start, end, rule.reach)?;
            Some((Fact::Pledge(money), to))
        }
    }
}

/// Where the quote of a cue ending at `end` ends: past "to join" and past the noun it acts on
/// ("accepted the invitation"), so the quote says what was accepted.
fn quoted_end(lex: &Lexicon, toks: &[Token], end: usize) -> usize {
    let Some(k) = (end..toks.len())
        .find(|&k| !lex.is(toks, k, Class::Adverb) && !lex.is(toks, k, Class::Article))
    else {
        return end;
    };
    if lex.is(toks, k, Class::Infinitive)
        && let Some(n) = lex.class(Class::TakePart).len_at(toks, k + 1)
    {
        return k + 1 + n;
    }
    if lex.is(toks, k, Class::Proposal) {
        return k + 1;
    }
    end
}

/// Whether the cue's voice is the rule's: a passive after a be-verb (or a headline's bare
/// participle before "to", "by"), an active without one.
fn voice_fits(lex: &Lexicon, toks: &[Token], rule: &Rule, start: usize, end: usize) -> bool {
    let prev = prev_word(lex, toks, start);
    let be = prev.is_some_and(|p| lex.is(toks, p, Class::Be) || lex.is(toks, p, Class::Get));
    match rule.voice {
        Voice::Any | Voice::Noun => true,
        Voice::Active => !be,
        Voice::Passive => {
            be || next_word(lex, toks, end - 1)
                .is_none_or(|n| lex.passive_next.len_at(toks, n).is_some())
        }
    }
}

/// The rule's demands on the word before the cue.
fn neighbours_fit(lex: &Lexicon, toks: &[Token], rule: &Rule, start: usize) -> bool {
    let prev = prev_word(lex, toks, start);
    let has = |set: &super::table::WordSet| prev.is_some_and(|p| set.len_at(toks, p).is_some());
    rule.before.as_ref().is_none_or(has) && !rule.not_before.as_ref().is_some_and(has)
}

/// Where the actor stands, by the rule's side.
/// `form_end` is where the cue's own words end, `end` where its complement does: a verb's
/// object comes right after the verb ("asked Ireland to join"), a noun's after the words that
/// send it ("invitations were sent to X").
fn frame(
    lex: &Lexicon,
    toks: &[Token],
    rule: &Rule,
    start: usize,
    form_end: usize,
    end: usize,
) -> Option<Frame> {
    Some(match rule.actor {
        RuleSide::Subject => Frame::Left,
        RuleSide::Object => Frame::Right {
            from: if rule.voice == Voice::Noun {
                end
            } else {
                form_end
            },
            gap: rule.reach,
        },
        RuleSide::Owner => Frame::Owner(owner_before(lex, toks, start)?),
        RuleSide::Agent => {
            let by = (end..(end + rule.reach + 1).min(toks.len()))
                .take_while(|&k| !stops_clause(lex, &toks[k]))
                .find(|&k| lex.is(toks, k, Class::Agent))?;
            Frame::Right {
                from: by + 1,
                gap: 0,
            }
        }
        RuleSide::Beside => Frame::Beside { from: end },
        RuleSide::Clause => Frame::Clause { from: end },
    })
}

/// The "'s" just before a noun, past an adjective or two ("Carney's earlier acceptance").
fn owner_before(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| toks[k].word && !toks[k].cap || lex.is(toks, k, Class::Possessive))
        .find(|&k| lex.is(toks, k, Class::Possessive))
}

/// A founding membership stated after the cue in its clause ("as a founding member"), but
/// not "one of the founding members" (one of several, no role of its own).
fn founding_after(lex: &Lexicon, toks: &[Token], end: usize) -> bool {
    let stop = (end + 16).min(toks.len());
    let Some(k) = (end.saturating_sub(1)..stop)
        .take_while(|&k| !stops_clause(lex, &toks[k]))
        .find(|&k| lex.is(toks, k, Class::Founding) && lex.is(toks, k + 1, Class::MemberNoun))
    else {
        return false;
    };
    !(k.saturating_sub(4)..k).any(|p| lex.is(toks, p, Class::OneOf))
}

/// The list cue of a heading ("Signatories:", "Countries that signed the charter:"), its
/// list the lines that follow.
pub fn heading_cue(lex: &Lexicon, toks: &[Token], bodies: &[usize]) -> Option<Cue> {
    let end_of = toks.len();
    (0..toks.len()).find_map(|i| {
        lex.candidates(&toks[i].lower).find_map(|(r, f)| {
            let len = lex.form_len(toks, i, r, f)?;
            let rule = &lex.rules[r];
            if !rule.lists || negated(lex, toks, i) || mood(lex, toks, i).0 != Mood::Stated {
                return None;
            }
            let (fact, _) = what_it_states(lex, toks, rule, i, i + len)?;
            if rule.after_body && !body_near(lex, toks, bodies, i, i + len) {
                return None;
            }
            Some(heading_list(lex, r, fact, i..i + len, end_of))
        })
    })
}

/// A heading's cue: its list is the lines after it.
fn heading_list(lex: &Lexicon, r: usize, fact: Fact, toks: Range<usize>, end: usize) -> Cue {
    let rule = &lex.rules[r];
    Cue {
        fact,
        frame: Frame::List(end..end),
        toks,
        weight: rule.weight + lex.tuning.list_item,
        founding: false,
        rule: r,
        people_only: rule.people_only,
        fallback: None,
        also: None,
    }
}

/// A heading that only names a body lists the body's members: the tables' heading rule.
pub fn body_heading(lex: &Lexicon, toks: &[Token]) -> Option<Cue> {
    let r = lex.heading_rule?;
    let fact = lex.rules[r].fact.clone()?;
    Some(heading_list(lex, r, fact, 0..toks.len(), toks.len()))
}
