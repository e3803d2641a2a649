//! Who a sentence names: known actors by name or alias (in any script), states by name,
//! demonym or seat of government, organisations, and people introduced with an office
//! ("World Bank President Ajay Banga", "Hungarian Prime Minister Viktor Orbán"). Each is a
//! noun phrase over the sentence's tokens, so a demonym that qualifies a person ("Turkish
//! President Erdogan") never becomes a mention of the state.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::countries::{Countries, ORGANISATIONS, Pointer, needs_exact_case};
use super::lexicon::{MODIFIED_NOUNS, OFFICE_HEADS, OFFICE_MODIFIERS, STATE_NOUNS};
use super::tokens::Token;
use super::{NewActor, slug};
use crate::model::dataset::{Actor, ActorKind};
use crate::model::mentions::{fold, fold_name};

/// What a phrase of the text was matched as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Known(usize),
    Pointer(Pointer),
}

/// One match of the whole-text automaton, in original byte offsets.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    owner: Owner,
}

/// Who a mention is.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A dataset actor; `new_alias` when the text names them in a way the dataset lacks.
    Known {
        actor: usize,
        new_alias: Option<String>,
    },
    New(NewActor),
    /// A phrase that takes a place in a list but is no actor to suggest ("the European
    /// Union's executive arm", "the head of the Kremlin").
    Opaque,
    /// He, she, it, they: resolved to an earlier mention.
    Pronoun {
        person: Option<bool>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Token indices within the sentence.
    pub toks: Range<usize>,
    /// Byte span in the whole text.
    pub span: Range<usize>,
    pub target: Target,
    /// Followed by "'s": the owner of something, not the subject of a verb.
    pub possessive: bool,
    pub kind: ActorKind,
}

/// The automaton and lookup tables, built once per dataset revision.
pub struct Finder {
    automaton: Option<AhoCorasick>,
    owners: Vec<Owner>,
    /// For phrases that must match as written (acronyms), the phrase.
    exact: Vec<Option<String>>,
    pub countries: Countries,
    /// Folded state name (or country) → known state actor.
    states: HashMap<String, usize>,
    /// Folded organisation name → known organisation actor.
    organisations: HashMap<String, usize>,
    /// Folded country → known people of that country.
    people_by_country: HashMap<String, Vec<usize>>,
    /// Consonant skeleton of one-word names → actor, for names written in another script
    /// ("Трамп" is "tramp", whose skeleton is Trump's).
    skeletons: HashMap<String, usize>,
    /// Ids taken, so that new actors get fresh ones.
    ids: std::collections::HashSet<String>,
    /// Folded country name (any form) → country.
    country_names: HashMap<String, usize>,
}

fn skeleton(folded: &str) -> String {
    folded
        .chars()
        .filter(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(*c))
        .collect()
}

fn non_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && (c as u32) >= 0x0370)
}

impl Finder {
    pub fn new(actors: &[Actor]) -> Finder {
        let countries = Countries::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        let mut exact = Vec::new();
        let mut skeletons: HashMap<String, Option<usize>> = HashMap::new();
        for (i, actor) in actors.iter().enumerate() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let folded = fold_name(name);
                if folded.chars().count() >= 3 {
                    if !folded.contains(' ') && folded.len() >= 4 {
                        let sk = skeleton(&folded);
                        if sk.len() >= 3 {
                            skeletons
                                .entry(sk)
                                .and_modify(|o| {
                                    if *o != Some(i) {
                                        *o = None
                                    }
                                })
                                .or_insert(Some(i));
                        }
                    }
                    patterns.push(folded);
                    owners.push(Owner::Known(i));
                    exact.push(None);
                }
            }
        }
        for (phrase, ptr) in &countries.phrases {
            let folded = fold_name(phrase);
            if folded.len() < 2 {
                continue;
            }
            patterns.push(folded);
            owners.push(Owner::Pointer(*ptr));
            exact.push(needs_exact_case(phrase).then(|| phrase.clone()));
        }
        let mut country_names = HashMap::new();
        for (phrase, ptr) in &countries.phrases {
            if let Pointer::Country(c) = ptr {
                country_names.entry(fold_name(phrase)).or_insert(*c);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        let mut states = HashMap::new();
        let mut organisations = HashMap::new();
        let mut people_by_country: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            match a.kind {
                ActorKind::State => {
                    for n in std::iter::once(&a.name).chain(&a.aliases) {
                        states.entry(fold_name(n)).or_insert(i);
                    }
                    if !a.country.is_empty() {
                        states.entry(fold_name(&a.country)).or_insert(i);
                    }
                }
                ActorKind::Organisation => {
                    for n in std::iter::once(&a.name).chain(&a.aliases) {
                        organisations.entry(fold_name(n)).or_insert(i);
                    }
                }
                ActorKind::Person => {
                    if !a.country.is_empty() {
                        people_by_country
                            .entry(fold_name(&a.country))
                            .or_default()
                            .push(i);
                    }
                }
            }
        }
        Finder {
            automaton,
            owners,
            exact,
            countries,
            states,
            organisations,
            people_by_country,
            skeletons: skeletons
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect(),
            ids: actors.iter().map(|a| a.id.clone()).collect(),
            country_names,
        }
    }

    /// Every phrase of the whole text the automaton knows, whole words only, in original
    /// offsets. One pass over the text.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = fold(text);
        let bytes = folded.text.as_bytes();
        let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        let mut out = Vec::new();
        for m in automaton.find_overlapping_iter(&folded.text) {
            let before = m.start().checked_sub(1).and_then(|i| bytes.get(i));
            if is_word(before) || is_word(bytes.get(m.end())) {
                continue;
            }
            // "U.S." folds to "u.s."; a phrase ending in a stop must not swallow a sentence's.
            let start = folded.origin[m.start()];
            let end = crate::model::mentions::end_in_original(text, folded.origin[m.end() - 1]);
            let p = m.pattern().as_usize();
            let owner = self.owners[p];
            if let Owner::Pointer(_) = owner {
                let first = text[start..].chars().next();
                if !first.is_some_and(|c| c.is_uppercase()) {
                    continue;
                }
                if let Some(phrase) = &self.exact[p]
                    && &text[start..end] != phrase
                {
                    continue;
                }
            }
            out.push(Hit { start, end, owner });
        }
        out.sort_by_key(|h| {
            (
                h.start,
                std::cmp::Reverse(h.end),
                matches!(h.owner, Owner::Pointer(_)),
            )
        });
        out
    }

    /// The country a known state actor is, by its name or its country field.
    fn country_of_actor(&self, actor: &Actor) -> Option<usize> {
        [&actor.name, &actor.country]
            .into_iter()
            .find_map(|n| self.country_names.get(&fold_name(n)).copied())
    }

    /// Known actors named in `text`, leftmost-longest, names in other scripts included.
    pub fn known(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        let mut covered = 0;
        for h in self.hits(text) {
            if let Owner::Known(a) = h.owner
                && h.start >= covered
            {
                covered = h.end;
                out.push((a, h.start..h.end));
            }
        }
        let toks = super::tokens::tokenize(text, 0..text.len());
        let named = out.len();
        let mut next = 0;
        for t in &toks {
            // Spans are in order: skip those that ended before this token.
            while next < named && out[next].1.end <= t.span.start {
                next += 1;
            }
            let overlaps = next < named && out[next].1.start < t.span.end;
            if t.word
                && !overlaps
                && let Some(a) = self.across_scripts(t, &text[t.span.clone()])
            {
                out.push((a, t.span.clone()));
            }
        }
        out.sort_by_key(|(_, r)| r.start);
        out
    }

    fn known_state(&self, country: usize) -> Option<usize> {
        let c = &self.countries.list[country];
        self.states.get(&fold_name(&c.name)).copied()
    }

    fn fresh_id(&self, name: &str) -> String {
        let base = slug(name);
        if !self.ids.contains(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.ids.contains(id))
            .expect("some number is free")
    }

    fn state_target(&self, country: usize) -> (Target, ActorKind) {
        match self.known_state(country) {
            Some(actor) => (
                Target::Known {
                    actor,
                    new_alias: None,
                },
                ActorKind::State,
            ),
            None => {
                let c = &self.countries.list[country];
                (
                    Target::New(NewActor {
                        id: self.fresh_id(&c.name),
                        name: c.name.clone(),
                        kind: ActorKind::State,
                        country: c.name.clone(),
                        office: None,
                        represents: None,
                        aliases: Vec::new(),
                    }),
                    ActorKind::State,
                )
            }
        }
    }

    fn organisation_target(&self, org: usize) -> (Target, ActorKind) {
        let name = ORGANISATIONS[org].0;
        match self.organisations.get(&fold_name(name)) {
            Some(&actor) => (
                Target::Known {
                    actor,
                    new_alias: None,
                },
                ActorKind::Organisation,
            ),
            None => (
                Target::New(NewActor {
                    id: self.fresh_id(name),
                    name: name.to_string(),
                    kind: ActorKind::Organisation,
                    country: String::new(),
                    office: None,
                    represents: None,
                    aliases: Vec::new(),
                }),
                ActorKind::Organisation,
            ),
        }
    }

    /// The known person holding `office` in `country` when the dataset knows them by their
    /// office only ("Prime Minister of Hungary"): then a name in the text is a new alias.
    fn office_holder(&self, actors: &[Actor], country: usize, office: &str) -> Option<usize> {
        let c = fold_name(&self.countries.list[country].name);
        let office = fold_name(office);
        let people = self.people_by_country.get(&c)?;
        let mut found = people.iter().copied().filter(|&i| {
            let n = fold_name(&actors[i].name);
            n.contains(&office) && n.contains(&c)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The mentions of one sentence, left to right, given its tokens and the whole-text hits
    /// that fall inside it.
    pub fn mentions(
        &self,
        actors: &[Actor],
        text: &str,
        toks: &[Token],
        hits: &[Hit],
    ) -> Vec<Mention> {
        let title_case = is_title_case(toks);
        // The longest hit starting at each token (known actors first on a tie).
        let mut at: Vec<Option<(usize, Owner)>> = vec![None; toks.len()];
        let tok_at = |byte: usize| toks.binary_search_by_key(&byte, |t| t.span.start).ok();
        let tok_end = |byte: usize| toks.binary_search_by_key(&byte, |t| t.span.end).ok();
        for h in hits {
            let (Some(s), Some(e)) = (tok_at(h.start), tok_end(h.end)) else {
                continue;
            };
            if at[s].is_none_or(|(end, _)| e + 1 > end) {
                at[s] = Some((e + 1, h.owner));
            }
        }
        for (k, t) in toks.iter().enumerate() {
            if at[k].is_none()
                && t.word
                && let Some(a) = self.across_scripts(t, &text[t.span.clone()])
            {
                at[k] = Some((k + 1, Owner::Known(a)));
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.phrase(actors, text, toks, &at, i, title_case) {
                Some(m) => {
                    i = m.toks.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn phrase(
        &self,
        actors: &[Actor],
        text: &str,
        toks: &[Token],
        at: &[Option<(usize, Owner)>],
        i: usize,
        title_case: bool,
    ) -> Option<Mention> {
        let t = &toks[i];
        if let Some(person) = pronoun(&t.lower) {
            return Some(Mention {
                toks: i..i + 1,
                span: t.span.clone(),
                target: Target::Pronoun { person },
                possessive: false,
                kind: if person == Some(true) {
                    ActorKind::Person
                } else {
                    ActorKind::State
                },
            });
        }
        // Modifiers: a state or organisation, office words; then maybe a name.
        let mut j = i;
        let mut country: Option<usize> = None;
        let mut org: Option<usize> = None;
        let mut office: Vec<usize> = Vec::new();
        let mut known: Option<(usize, usize)> = None; // (actor, end token)
        while j < toks.len() {
            match at[j] {
                Some((end, Owner::Known(a)))
                    if actors[a].kind == ActorKind::State
                        && country.is_none()
                        && office.is_empty()
                        && toks.get(end).is_some_and(|t| {
                            t.cap
                                && (OFFICE_HEADS.contains(&t.lower.as_str())
                                    || OFFICE_MODIFIERS.contains(&t.lower.as_str()))
                        })
                        && self.country_of_actor(&actors[a]).is_some() =>
                {
                    country = self.country_of_actor(&actors[a]);
                    j = end;
                }
                Some((end, Owner::Known(a))) => {
                    known = Some((a, end));
                    break;
                }
                Some((end, Owner::Pointer(Pointer::Country(c) | Pointer::Demonym(c))))
                    if country.is_none() && office.is_empty() =>
                {
                    country = Some(c);
                    j = end;
                    // "Italy's Prime Minister Giorgia Meloni"
                    if toks.get(j).is_some_and(|t| t.is("'s"))
                        && toks.get(j + 1).is_some_and(|t| {
                            t.cap
                                && (OFFICE_HEADS.contains(&t.lower.as_str())
                                    || OFFICE_MODIFIERS.contains(&t.lower.as_str()))
                        })
                    {
                        j += 1;
                    }
                }
                Some((end, Owner::Pointer(Pointer::Organisation(o))))
                    if org.is_none() && office.is_empty() =>
                {
                    org = Some(o);
                    j = end;
                }
                _ if toks[j].word
                    && (OFFICE_HEADS.contains(&toks[j].lower.as_str())
                        || OFFICE_MODIFIERS.contains(&toks[j].lower.as_str()))
                    && (toks[j].cap
                        || !office.is_empty()
                        || country.is_some()
                        || org.is_some()) =>
                {
                    office.push(j);
                    j += 1;
                }
                // "President of (the Republic of) Belarus"
                _ if toks[j].is("of")
                    && has_head(toks, &office)
                    && country.is_none()
                    && j + 1 < toks.len() =>
                {
                    let mut k = j + 1;
                    if toks[k].is("the") {
                        k += 1;
                    }
                    if k + 1 < toks.len() && toks[k].is("republic") && toks[k + 1].is("of") {
                        k += 2;
                    }
                    match at.get(k).copied().flatten() {
                        Some((end, Owner::Pointer(Pointer::Country(c)))) => {
                            country = Some(c);
                            j = end;
                        }
                        Some((end, Owner::Known(a)))
                            if actors[a].kind == ActorKind::State
                                && self.country_of_actor(&actors[a]).is_some() =>
                        {
                            country = self.country_of_actor(&actors[a]);
                            j = end;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        // Trailing office modifiers that head nothing ("state") are not part of the phrase.
        while office
            .last()
            .is_some_and(|&k| !OFFICE_HEADS.contains(&toks[k].lower.as_str()))
            && known.is_none()
        {
            let k = office.pop().expect("non-empty");
            j = j.min(k);
        }
        let head = has_head(toks, &office);
        let office_text = (!office.is_empty()).then(|| {
            let a = toks[office[0]].span.start;
            let b = toks[*office.last().expect("non-empty")].span.end;
            let words: String = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
            words
        });
        let span_from = toks[i].span.start;
        let possessive_at = |end: usize| toks.get(end).is_some_and(|t| t.is("'s"));
        let noun_after = |end: usize| {
            toks.get(end)
                .is_some_and(|t| t.word && !t.cap && MODIFIED_NOUNS.contains(&t.lower.as_str()))
        };

        if let Some((actor, end)) = known {
            let kind = actors[actor].kind;
            let modifier = noun_after(end);
            return Some(Mention {
                toks: i..end,
                span: span_from..toks[end - 1].span.end,
                target: if modifier {
                    Target::Opaque
                } else {
                    Target::Known {
                        actor,
                        new_alias: None,
                    }
                },
                possessive: possessive_at(end),
                kind,
            });
        }
        // A name after an office: "Finance Minister François-Philippe Champagne".
        let name_end = name_run(toks, at, j);
        if head && name_end > j + 1 || (head && name_end == j + 1 && country.is_some()) {
            let a = toks[j].span.start;
            let b = toks[name_end - 1].span.end;
            let name: String = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
            let office_text = office_text.expect("an office has words");
            let holder = country.and_then(|c| self.office_holder(actors, c, &office_text));
            let target = match holder {
                Some(actor) => Target::Known {
                    actor,
                    new_alias: Some(name),
                },
                None => {
                    // One word after an office is a surname only when a state says whose.
                    let state = country.map(|c| self.countries.list[c].name.clone());
                    let represents = org
                        .map(|o| self.fresh_or_known_org(actors, o))
                        .or_else(|| country.map(|c| self.state_id(actors, c)));
                    Target::New(NewActor {
                        id: self.fresh_id(&name),
                        name,
                        kind: ActorKind::Person,
                        country: state.unwrap_or_default(),
                        office: Some(office_text),
                        represents,
                        aliases: Vec::new(),
                    })
                }
            };
            return Some(Mention {
                toks: i..name_end,
                span: span_from..b,
                target,
                possessive: possessive_at(name_end),
                kind: ActorKind::Person,
            });
        }
        if head {
            // An office without a name: the known holder, or a place in a list.
            let end = *office.last().expect("non-empty") + 1;
            let end = end.max(j);
            let holder = country.and_then(|c| {
                self.office_holder(actors, c, office_text.as_deref().unwrap_or_default())
            });
            return Some(Mention {
                toks: i..end,
                span: span_from..toks[end - 1].span.end,
                target: match holder {
                    Some(actor) => Target::Known {
                        actor,
                        new_alias: None,
                    },
                    None => Target::Opaque,
                },
                possessive: possessive_at(end),
                kind: ActorKind::Person,
            });
        }
        if let Some(o) = org {
            if possessive_at(j) {
                // "the European Union's executive arm": a place in a list, not the Union.
                let mut end = j + 1;
                while end < toks.len() && end < j + 4 && toks[end].word && !toks[end].cap {
                    if toks[end].is_any(super::lexicon::GAP_OK)
                        || toks[end].is_any(super::lexicon::REPORTING)
                    {
                        break;
                    }
                    end += 1;
                }
                return Some(Mention {
                    toks: i..end,
                    span: span_from..toks[end - 1].span.end,
                    target: Target::Opaque,
                    possessive: false,
                    kind: ActorKind::Organisation,
                });
            }
            let (target, kind) = if noun_after(j) {
                (Target::Opaque, ActorKind::Organisation)
            } else {
                self.organisation_target(o)
            };
            return Some(Mention {
                toks: i..j,
                span: span_from..toks[j - 1].span.end,
                target,
                possessive: false,
                kind,
            });
        }
        let c = country?;
        let demonym = matches!(at[i], Some((_, Owner::Pointer(Pointer::Demonym(_)))));
        // "the Russian authorities", "The Belarusian side"
        if toks
            .get(j)
            .is_some_and(|t| STATE_NOUNS.contains(&t.lower.as_str()))
        {
            let (target, kind) = self.state_target(c);
            return Some(Mention {
                toks: i..j + 1,
                span: span_from..toks[j].span.end,
                target,
                possessive: possessive_at(j + 1),
                kind,
            });
        }
        if demonym {
            return None;
        }
        // A state used as a modifier ("US officials"), inside a longer name ("Canada Post"),
        // or after "of" in an office ("the head of the Kremlin") is no mention of the state.
        let after_office_of = i >= 2
            && toks[i - 1].is("the")
            && toks[i - 2].is("of")
            && i >= 3
            && OFFICE_HEADS.contains(&toks[i - 3].lower.as_str())
            || i >= 2 && toks[i - 1].is("of") && OFFICE_HEADS.contains(&toks[i - 2].lower.as_str());
        let in_name = !title_case
            && toks.get(j).is_some_and(|t| {
                t.word && t.cap && at[j].is_none() && !t.lower.chars().all(|c| c.is_ascii_digit())
            });
        if noun_after(j) || in_name || after_office_of {
            return Some(Mention {
                toks: i..j,
                span: span_from..toks[j - 1].span.end,
                target: Target::Opaque,
                possessive: false,
                kind: ActorKind::State,
            });
        }
        let (target, kind) = self.state_target(c);
        Some(Mention {
            toks: i..j,
            span: span_from..toks[j - 1].span.end,
            target,
            possessive: possessive_at(j),
            kind,
        })
    }

    fn state_id(&self, actors: &[Actor], country: usize) -> String {
        match self.state_target(country).0 {
            Target::Known { actor, .. } => actors[actor].id.clone(),
            Target::New(n) => n.id,
            _ => unreachable!("a state target is known or new"),
        }
    }

    fn fresh_or_known_org(&self, actors: &[Actor], org: usize) -> String {
        match self.organisation_target(org).0 {
            Target::Known { actor, .. } => actors[actor].id.clone(),
            Target::New(n) => n.id,
            _ => unreachable!("an organisation target is known or new"),
        }
    }

    /// A word in another script that names a known actor once transliterated, vowels aside.
    pub fn across_scripts(&self, token: &Token, raw: &str) -> Option<usize> {
        if !non_latin(raw) {
            return None;
        }
        let sk = skeleton(&token.lower);
        if sk.len() < 3 {
            return None;
        }
        self.skeletons.get(&sk).copied()
    }
}

/// A headline in title case: its capitals say nothing about names.
fn is_title_case(toks: &[Token]) -> bool {
    let long: Vec<&Token> = toks
        .iter()
        .filter(|t| t.word && t.lower.len() >= 4)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.cap).count() * 10 >= long.len() * 7
}

fn has_head(toks: &[Token], office: &[usize]) -> bool {
    office
        .iter()
        .any(|&k| OFFICE_HEADS.contains(&toks[k].lower.as_str()))
}

/// The end of a run of capitalised words from `from` that the automaton does not know (a
/// person's name), allowing the particles of Arabic, Dutch and Spanish names.
fn name_run(toks: &[Token], at: &[Option<(usize, Owner)>], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() {
        let t = &toks[k];
        let particle = t.is_any(&[
            "al", "bin", "bint", "ibn", "van", "von", "de", "da", "del", "la", "der",
        ]) && k > from
            && toks.get(k + 1).is_some_and(|n| n.cap);
        let capital = t.word
            && t.cap
            && at[k].is_none()
            && !t.lower.chars().all(|c| c.is_ascii_digit())
            && !OFFICE_HEADS.contains(&t.lower.as_str());
        if !(capital || particle) || k - from >= 4 {
            break;
        }
        k += 1;
    }
    k
}

/// Some(true) for a person, Some(false) for a state or body, None for either ("they").
fn pronoun(w: &str) -> Option<Option<bool>> {
    match w {
        "he" | "she" => Some(Some(true)),
        "it" => Some(Some(false)),
        "they" => Some(None),
        _ => None,
    }
}
