//! Linking each cue of a sentence to the actors it is about: the subject group before it
//! (through a pronoun to its antecedent: "Netanyahu said he has agreed"), the object group
//! after it, the owner of a noun, the name beside a title, or every name of the list the cue
//! opens. A group is a list joined by the table's joins: every member gets the fact ("X, Y and
//! Z have accepted"). Then the body, the day, the quote and the rule that read it.

use std::ops::Range;

use chrono::NaiveDate;

use super::bodies::{Bodies, BodyRef};
use super::engine::{Cue, Frame, cues};
use super::entities::{Finder, Mention, Target};
use super::leaders::Leaders;
use super::money_words::amount_at;
use super::table::{Class, Lexicon};
use super::tokens::Token;
use super::{SuggestedActor, Suggestion};
use crate::model::PartialDate;
use crate::model::data::dataset::{Actor, ActorKind, Fact, Role};

/// Lists of mentions: runs joined only by the table's joins.
fn groups(lex: &Lexicon, toks: &[Token], mentions: &[Mention]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(last) = out.last_mut()
            && last.end == i
            && !matches!(m.target, Target::Pronoun { .. })
            && !matches!(mentions[i - 1].target, Target::Pronoun { .. })
            && !mentions[i - 1].possessive
        {
            let between = mentions[i - 1].toks.end..m.toks.start;
            let joins = between
                .clone()
                .all(|k| lex.is(toks, k, Class::ListJoin) || lex.is(toks, k, Class::Article));
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
    fn new(lex: &Lexicon, toks: &[Token], mentions: &[Mention]) -> Layout {
        let groups = groups(lex, toks, mentions);
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

/// How many words from its cue the nearest name of a clause may stand.
const CLAUSE_REACH: usize = 30;

/// Whether a mention can stand for a pronoun: "he" a person, "it" a state or organisation.
fn fits(m: &Mention, person: Option<bool>) -> bool {
    match (&m.target, person) {
        (Target::Pronoun { .. } | Target::Opaque, _) => false,
        (_, None) => true,
        (_, Some(p)) => (m.kind == ActorKind::Person) == p,
    }
}

/// The sentence as the linker reads it.
struct LinkCtx<'a> {
    lex: &'a Lexicon,
    toks: &'a [Token],
    mentions: &'a [Mention],
    layout: Layout,
    /// For a state named after "the leaders of": its leader instead.
    led: Vec<Option<Target>>,
    /// A headline in title case, whose capitals name no one.
    title_case: bool,
}

impl LinkCtx<'_> {
    fn is(&self, k: usize, c: Class) -> bool {
        self.lex.is(self.toks, k, c)
    }

    /// For a comma at `close` ending an apposition ("X, the former prime minister,"), the
    /// end of the mention before the opening comma.
    fn apposition_start(&self, close: usize) -> Option<usize> {
        let open = (close.saturating_sub(11)..close)
            .rev()
            .find(|&k| self.is(k, Class::Comma))?;
        let starts_np = self.is(open + 1, Class::Article);
        let plain =
            (open + 1..close).all(|k| !self.is(k, Class::Gap) && !self.is(k, Class::Reporting));
        (starts_np && plain && self.layout.ends[open].is_some()).then_some(open)
    }

    /// The subject group before token `start`, and whether a pronoun led there.
    fn left(&self, start: usize) -> (Vec<usize>, bool) {
        let (toks, layout) = (self.toks, &self.layout);
        let mut k = start;
        let mut words = 0;
        while k > 0 {
            if layout.ends[k].is_some() {
                break;
            }
            // "Putin, who was invited": the relative pronoun stands for the name.
            let relative = k >= 2
                && self.is(k - 1, Class::Relative)
                && self.is(k - 2, Class::Comma)
                && layout.ends[k - 2].is_some();
            if relative {
                k -= 2;
                break;
            }
            if self.is(k - 1, Class::Comma)
                && let Some(open) = self.apposition_start(k - 1)
            {
                k = open;
                break;
            }
            let t = &toks[k - 1];
            let ok = self.is(k - 1, Class::Gap)
                || self.lex.adverb_by_ending(toks, k - 1)
                || self.is(k - 1, Class::Be)
                || self.is(k - 1, Class::Intent)
                || self.is(k - 1, Class::Negation)
                || self.is(k - 1, Class::Adverb)
                || self.lex.is_day_word(&t.lower);
            if !ok || words >= self.lex.tuning.subject_gap {
                return (vec![], false);
            }
            words += 1;
            k -= 1;
        }
        let Some(m) = layout.ends[k] else {
            return (vec![], false);
        };
        if let Target::Pronoun { person } = self.mentions[m].target {
            let reach = self.lex.tuning.pronoun_reach;
            let Some(a) = (m.saturating_sub(reach)..m)
                .rev()
                .find(|&a| fits(&self.mentions[a], person))
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
        if self.mentions[m].possessive {
            return (vec![], false);
        }
        (layout.group_of(m).collect(), false)
    }

    /// The object group after token `from`, within `gap` words (a list opened by
    /// "including" reaches further).
    fn right(&self, from: usize, gap: usize) -> Vec<usize> {
        let (toks, layout) = (self.toks, &self.layout);
        let mut k = from;
        let mut words = 0;
        let mut including = false;
        while k < toks.len() {
            if let Some(m) = layout.starts[k] {
                let mention = &self.mentions[m];
                // "an invitation from Trump to Sisi": the sender is not the object.
                let sender =
                    k > from && (self.is(k - 1, Class::Source) || self.is(k - 1, Class::Agent));
                if mention.possessive || sender {
                    k = mention.toks.end.max(k + 1);
                    words += 1;
                    continue;
                }
                if matches!(mention.target, Target::Pronoun { .. }) || words > gap && !including {
                    return vec![];
                }
                return (m..layout.group_of(m).end).collect();
            }
            // A verb of taking part ends the object's slot: "invited X to join what Y…".
            let verb = self.is(k, Class::TakePart) && k > from;
            if self.is(k, Class::ClauseBreak)
                || self.is(k, Class::End)
                || self.is(k, Class::ListEnd)
                || verb
            {
                return vec![];
            }
            if self.is(k, Class::Including) {
                including = true;
            } else if self.is(k, Class::Comma) && !including && !self.is(k + 1, Class::Including) {
                return vec![];
            }
            if !self.is(k, Class::Article) {
                words += 1;
            }
            if words > 14 {
                return vec![];
            }
            k += 1;
        }
        vec![]
    }

    /// A person beside a title: before it ("Trump, as the founding chairman"), else after it
    /// ("the chairman of the board, Donald Trump").
    fn beside(&self, start: usize, from: usize) -> Vec<usize> {
        let person = |m: usize| self.mentions[m].kind == ActorKind::Person;
        let named = |m: usize| !matches!(self.mentions[m].target, Target::Pronoun { .. });
        let mut k = start;
        while k > 0 && start - k < 8 && self.layout.ends[k].is_none() {
            let t = &self.toks[k - 1];
            if t.cap || self.is(k - 1, Class::End) || self.is(k - 1, Class::Reporting) {
                break;
            }
            k -= 1;
        }
        if let Some(m) = self.layout.ends[k].filter(|&m| person(m) && named(m)) {
            return vec![m];
        }
        let stop = (from + 8).min(self.toks.len());
        (from..stop)
            .take_while(|&k| !self.is(k, Class::End) && !self.is(k, Class::Reporting))
            .find_map(|k| self.layout.starts[k])
            .filter(|&m| person(m) && named(m))
            .into_iter()
            .collect()
    }

    /// Every named actor in a list's tokens, one per item; a list opened by a mark (a colon)
    /// names two or more, or it is no list ("invited to the board: Russia" is an attribution).
    fn list(&self, range: &Range<usize>) -> Vec<usize> {
        let found: Vec<usize> = self.items(range);
        let by_mark = range.start > 0 && !self.toks[range.start - 1].word;
        if by_mark && found.len() < 2 {
            return vec![];
        }
        found
    }

    /// The names of a list, one per item: items are parted by commas and joins; of several
    /// names in one item the head is the last ("Trump special envoy Steve Witkoff"), or the
    /// first where a word such as "of" ties the rest to it ("la Argentina de Javier Milei").
    fn items(&self, range: &Range<usize>) -> Vec<usize> {
        // Mentions are in order: only those inside the list are looked at.
        let first = self
            .mentions
            .partition_point(|m| m.toks.start < range.start);
        let candidates: Vec<usize> = self.mentions[first..]
            .iter()
            .enumerate()
            .map(|(i, m)| (first + i, m))
            .take_while(|(_, m)| m.toks.start < range.end)
            .filter(|(_, m)| !m.possessive)
            .filter(|(_, m)| !matches!(m.target, Target::Pronoun { .. }))
            .map(|(i, _)| i)
            .collect();
        let mut out: Vec<usize> = Vec::new();
        let mut item: Vec<usize> = Vec::new();
        for m in candidates {
            if let Some(&last) = item.last()
                && self.parted(self.mentions[last].toks.end, self.mentions[m].toks.start)
            {
                out.extend(self.head(&item));
                item.clear();
            }
            item.push(m);
        }
        out.extend(self.head(&item));
        out
    }

    /// Whether a comma, a semicolon or a join stands between two names.
    fn parted(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| self.is(k, Class::Comma) || self.is(k, Class::ListJoin))
    }

    fn head(&self, item: &[usize]) -> Option<usize> {
        let (&first, &last) = (item.first()?, item.last()?);
        let tied = (self.mentions[first].toks.end..self.mentions[last].toks.start)
            .any(|k| self.is(k, Class::Of));
        Some(if tied { first } else { last })
    }

    /// The mentions a cue is about, and whether a pronoun led there. A bare name counts only
    /// as an item of a list.
    fn targets(&self, cue: &Cue) -> (Vec<usize>, bool) {
        let (mut found, pronoun) = self.framed(cue);
        if !matches!(cue.frame, Frame::List(_)) || self.title_case {
            found.retain(|&m| !self.mentions[m].bare);
        }
        (found, pronoun)
    }

    fn framed(&self, cue: &Cue) -> (Vec<usize>, bool) {
        match &cue.frame {
            Frame::Left => self.left(cue.toks.start),
            Frame::Right { from, gap } => (self.right(*from, *gap), false),
            Frame::Owner(s) => match self.layout.ends[*s] {
                Some(m) if self.mentions[m].possessive => (vec![m], false),
                _ => (vec![], false),
            },
            Frame::Beside { from } => (self.beside(cue.toks.start, *from), false),
            Frame::List(range) => {
                // "Trump signed the charter alongside leaders, including A and B": the
                // subject signed too.
                let mut all = match &cue.fallback {
                    Some((Frame::Left, _)) => self.left(cue.toks.start).0,
                    _ => Vec::new(),
                };
                all.extend(self.list(range));
                (all, false)
            }
            Frame::Clause { from } => (self.in_clause(cue.toks.start, *from), false),
        }
    }

    /// The group nearest before `start` in its clause, else the first after `from`.
    fn in_clause(&self, start: usize, from: usize) -> Vec<usize> {
        // Dashes set an aside within the clause ("– darunter Deutschland –"): no break.
        let open = |k: usize| {
            !self.is(k, Class::End)
                && (!self.is(k, Class::ClauseBreak) || self.is(k, Class::Apposition))
        };
        let named = |m: &usize| {
            let mention = &self.mentions[*m];
            !mention.possessive && !matches!(mention.target, Target::Opaque)
        };
        let before = (start.saturating_sub(CLAUSE_REACH)..start)
            .rev()
            .take_while(|&k| open(k))
            .find_map(|k| self.layout.ends[k + 1].filter(named));
        if let Some(m) = before {
            if let Target::Pronoun { .. } = self.mentions[m].target {
                return self.left(self.mentions[m].toks.end).0;
            }
            return self.layout.group_of(m).collect();
        }
        (from..(from + CLAUSE_REACH).min(self.toks.len()))
            .take_while(|&k| open(k))
            .find_map(|k| self.layout.starts[k].filter(named))
            .filter(|&m| !matches!(self.mentions[m].target, Target::Pronoun { .. }))
            .map(|m| (m..self.layout.group_of(m).end).collect())
            .unwrap_or_default()
    }

    /// "alongside Y", "together with Y" after a subject's cue: the same fact for Y.
    fn companions(&self, cue: &Cue) -> Vec<usize> {
        if cue.frame != Frame::Left {
            return vec![];
        }
        let from = cue.toks.end;
        let stop = (from + 8).min(self.toks.len());
        let Some(at) = (from..stop)
            .take_while(|&k| !self.is(k, Class::ClauseBreak) && !self.is(k, Class::End))
            .find(|&k| {
                self.lex
                    .class(Class::Companion)
                    .len_at(self.toks, k)
                    .is_some()
            })
        else {
            return vec![];
        };
        let len = self
            .lex
            .class(Class::Companion)
            .len_at(self.toks, at)
            .unwrap_or(1);
        self.right(at + len, 2)
    }

    /// "Egypt signed the charter, as did Pakistan": the same fact for the name after the echo,
    /// within the sentence.
    fn echoes(&self, cue: &Cue) -> Vec<usize> {
        if cue.frame != Frame::Left {
            return vec![];
        }
        let stop = (cue.toks.end + 12).min(self.toks.len());
        let Some(at) = (cue.toks.end..stop)
            .take_while(|&k| !self.is(k, Class::End))
            .find(|&k| {
                self.is(k, Class::Comma)
                    && self
                        .lex
                        .class(Class::Echo)
                        .len_at(self.toks, k + 1)
                        .is_some()
            })
        else {
            return vec![];
        };
        let len = self
            .lex
            .class(Class::Echo)
            .len_at(self.toks, at + 1)
            .unwrap_or(1);
        self.right(at + 1 + len, 1)
    }

    /// "A pledged $1 billion and B $1.2 billion": a name and an amount after a pledge.
    fn gapped_pledges(&self, cue: &Cue) -> Vec<(usize, Fact, usize)> {
        let mut out = Vec::new();
        let mut k = cue.toks.end;
        loop {
            while k < self.toks.len()
                && (self.is(k, Class::ListJoin)
                    || self.is(k, Class::Comma)
                    || self.is(k, Class::Article))
            {
                k += 1;
            }
            let Some(m) = self.layout.starts.get(k).copied().flatten() else {
                break;
            };
            let Some((money, end)) = amount_at(self.lex, self.toks, self.mentions[m].toks.end)
            else {
                break;
            };
            out.push((m, Fact::Pledge(money), end));
            k = end;
        }
        out
    }

    /// "Putin was invited but would not take part": one subject, two verbs.
    fn coordinated(&self, from: usize, to: usize) -> bool {
        if from >= to || to - from > 6 {
            return false;
        }
        let joined = (from..to).any(|k| self.is(k, Class::Coordinator));
        joined
            && (from..to).all(|k| {
                self.is(k, Class::Coordinator)
                    || self.is(k, Class::Gap)
                    || self.is(k, Class::Negation)
                    || self.is(k, Class::Adverb)
            })
    }
}

/// The item of `items` (token index, value; in order) nearest the cue, if any, and how far:
/// a binary search, so many dates in one long sentence stay cheap.
fn nearest<T: Clone>(items: &[(usize, T)], cue: &Range<usize>) -> Option<(T, usize)> {
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
        .map(|(at, v)| (v.clone(), distance(*at)))
}

/// What a sentence offers the linker beyond its tokens.
pub struct LinkSentence<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub toks: &'a [Token],
    pub mentions: &'a [Mention],
    /// The bodies named in it, by first token.
    pub bodies: &'a [(usize, BodyRef)],
    pub dates: &'a [(usize, PartialDate)],
    pub published: Option<NaiveDate>,
    /// The day the report's lead gives its news ("on Friday" in the first sentences), for a
    /// sentence that gives none: else the day of publication.
    pub lead_day: Option<PartialDate>,
    pub finder: &'a Finder,
    pub leaders: &'a Leaders,
}

/// The body a cue speaks of: the rule's own, else the nearest named (a new one only close
/// by), else the main body.
fn body_of(lex: &Lexicon, all: &Bodies, s: &LinkSentence, cue: &Cue) -> BodyRef {
    if let Some(name) = &lex.rules[cue.rule].body {
        return all.by_name(name);
    }
    match nearest(s.bodies, &cue.toks) {
        Some((BodyRef::New { .. }, far)) if far > lex.tuning.new_body_reach => s
            .bodies
            .iter()
            .filter(|(_, b)| !matches!(b, BodyRef::New { .. }))
            .min_by_key(|(at, _)| at.abs_diff(cue.toks.start))
            .map_or(BodyRef::Main, |(_, b)| b.clone()),
        Some((b, _)) => b,
        None => BodyRef::Main,
    }
}

/// Appends the suggestions of one sentence to `out`.
pub fn sentence(
    lex: &Lexicon,
    actors: &[Actor],
    all: &Bodies,
    s: &LinkSentence,
    out: &mut Vec<Suggestion>,
) {
    if s.mentions.is_empty() {
        return;
    }
    let starts: Vec<usize> = s.bodies.iter().map(|(at, _)| *at).collect();
    let found = cues(lex, s.toks, &starts);
    if found.is_empty() {
        return;
    }
    let headline = !s.text[..s.range.end].ends_with(['.', '!', '?', '"', '”', '\'', ':']);
    let layout = Layout::new(lex, s.toks, s.mentions);
    let led = led_states(lex, actors, s, &layout);
    let ctx = LinkCtx {
        lex,
        toks: s.toks,
        mentions: s.mentions,
        layout,
        led,
        title_case: headline && super::entities::is_title_case(s.toks),
    };
    let mut last_left: Option<(usize, Vec<usize>)> = None;
    for found_cue in &found {
        let (cue, mut members, via_pronoun) = ctx.resolve(found_cue);
        if cue.frame == Frame::Left {
            if members.is_empty() {
                if let Some((end, subject)) = &last_left
                    && ctx.coordinated(*end, cue.toks.start)
                {
                    members = subject.clone();
                }
            } else {
                last_left = Some((cue.toks.end, members.clone()));
            }
        }
        let body = body_of(lex, all, s, &cue);
        let as_of = nearest(s.dates, &cue.toks)
            .map(|(d, _)| d)
            .or(s.lead_day)
            .or(s.published.map(PartialDate::from));
        let made = CueShared {
            lex,
            led: &ctx.led,
            actors,
            s,
            cue: &cue,
            body: &body,
            as_of,
            headline,
        };
        made.all(&ctx, &members, via_pronoun, out);
    }
}

impl LinkCtx<'_> {
    /// The cue's actors, through its own frame when the list it opened names no one.
    fn resolve(&self, found: &Cue) -> (Cue, Vec<usize>, bool) {
        let (members, via_pronoun) = self.targets(found);
        match &found.fallback {
            Some((frame, weight)) if members.is_empty() => {
                let cue = Cue {
                    frame: frame.clone(),
                    weight: *weight,
                    toks: found.toks.start..found.toks.end.max(found.toks.start + 1),
                    ..found.clone()
                };
                let (members, via_pronoun) = self.targets(&cue);
                (cue, members, via_pronoun)
            }
            _ => (found.clone(), members, via_pronoun),
        }
    }
}

/// For each mention: the leader who stands for it when its list follows "the leaders of".
fn led_states(
    lex: &Lexicon,
    actors: &[Actor],
    s: &LinkSentence,
    layout: &Layout,
) -> Vec<Option<Target>> {
    let mut led = vec![None; s.mentions.len()];
    let leader_words = lex.class(Class::LeaderOf);
    for g in &layout.groups {
        let mut at = s.mentions[g.start].toks.start;
        while at > 0 && lex.is(s.toks, at - 1, Class::Article) {
            at -= 1;
        }
        let after_leaders = (1..=at.min(5)).any(|n| leader_words.len_at(s.toks, at - n) == Some(n));
        if !after_leaders {
            continue;
        }
        for m in g.clone() {
            led[m] = s.leaders.of(lex, actors, &s.mentions[m].target, |name| {
                s.finder.fresh_id(name)
            });
        }
    }
    led
}

/// What every suggestion of one cue shares.
struct CueShared<'a> {
    lex: &'a Lexicon,
    led: &'a [Option<Target>],
    actors: &'a [Actor],
    s: &'a LinkSentence<'a>,
    cue: &'a Cue,
    body: &'a BodyRef,
    as_of: Option<PartialDate>,
    headline: bool,
}

impl CueShared<'_> {
    /// The suggestions of the cue for its actors, their companions and gapped pledges.
    fn all(&self, ctx: &LinkCtx, members: &[usize], via_pronoun: bool, out: &mut Vec<Suggestion>) {
        let (cue, t) = (self.cue, &self.lex.tuning);
        for m in members {
            self.push(*m, &cue.fact, via_pronoun, 0.0, cue.toks.end, out);
            if let Some(also) = &cue.also {
                self.push(*m, also, via_pronoun, t.founding, cue.toks.end, out);
            }
        }
        if members.is_empty() {
            return;
        }
        for m in ctx.companions(cue).into_iter().chain(ctx.echoes(cue)) {
            self.push(m, &cue.fact, false, t.companion, cue.toks.end, out);
        }
        if matches!(cue.fact, Fact::Pledge(_)) {
            for (m, fact, end) in ctx.gapped_pledges(cue) {
                self.push(m, &fact, false, t.list_item, end, out);
            }
        }
    }

    fn push(
        &self,
        m: usize,
        fact: &Fact,
        via_pronoun: bool,
        adjust: f32,
        end_tok: usize,
        out: &mut Vec<Suggestion>,
    ) {
        let (lex, s, cue) = (self.lex, self.s, self.cue);
        let mention = &s.mentions[m];
        let target = self.led.get(m).cloned().flatten();
        let kind = if target.is_some() {
            ActorKind::Person
        } else {
            mention.kind
        };
        let (actor, new_alias) = match target.as_ref().unwrap_or(&mention.target) {
            Target::Known { actor, new_alias } => {
                (SuggestedActor::Known(*actor), new_alias.clone())
            }
            Target::New(n) => (SuggestedActor::New(n.clone()), None),
            Target::Opaque | Target::Pronoun { .. } => return,
        };
        if cue.people_only && kind != ActorKind::Person {
            return;
        }
        let t = &lex.tuning;
        let mut confidence = cue.weight + adjust;
        if via_pronoun {
            confidence += t.pronoun;
        }
        if self.headline {
            confidence += t.headline;
        }
        if matches!(actor, SuggestedActor::New(_)) {
            confidence += t.new_actor;
        }
        if kind == ActorKind::Person
            && matches!(actor, SuggestedActor::Known(i) if self.actors[i].kind != ActorKind::Person)
        {
            confidence += t.person_for_state;
        }
        let cue_span = s.toks[cue.toks.start].span.start
            ..s.toks[end_tok.clamp(cue.toks.start + 1, s.toks.len()) - 1]
                .span
                .end;
        // A list's item is quoted from the cue to the item.
        let start = mention.span.start.min(cue_span.start);
        let end = mention.span.end.max(cue_span.end);
        let words = &s.text[cue_span.clone()];
        let base = Suggestion {
            actor,
            fact: fact.clone(),
            body: self.body.id().map(str::to_string),
            new_body: match self.body {
                BodyRef::New { name, .. } => Some(name.clone()),
                _ => None,
            },
            as_of: self.as_of,
            start,
            end,
            sentence: s.range.clone(),
            confidence: confidence.clamp(t.floor, 1.0),
            new_alias,
            rule: why(&lex.rules[cue.rule].name, &cue.frame, words),
        };
        if cue.founding {
            let mut role = base.clone();
            role.fact = Fact::Role(Role::FoundingMember);
            role.confidence = (base.confidence + t.founding).max(t.floor);
            out.push(base);
            out.push(role);
        } else {
            out.push(base);
        }
    }
}

/// The rule and the words it read, as the review queue shows them.
fn why(rule: &str, frame: &Frame, words: &str) -> String {
    let words: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
    match frame {
        Frame::List(_) => format!("{rule}: list after '{words}'"),
        _ => format!("{rule}: '{words}'"),
    }
}

/// The item of a heading's list on the line `s`: the mention `m`.
pub fn heading_line(
    lex: &Lexicon,
    actors: &[Actor],
    s: &LinkSentence,
    cue: &Cue,
    body: &BodyRef,
    m: usize,
    out: &mut Vec<Suggestion>,
) {
    let as_of = s.lead_day.or(s.published.map(PartialDate::from));
    let line_cue = Cue {
        toks: 0..s.mentions[m].toks.end,
        ..cue.clone()
    };
    let made = CueShared {
        lex,
        led: &[],
        actors,
        s,
        cue: &line_cue,
        body,
        as_of,
        headline: false,
    };
    made.push(m, &cue.fact, false, 0.0, line_cue.toks.end, out);
}
