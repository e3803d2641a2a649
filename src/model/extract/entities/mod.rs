//! Who a sentence names: known actors by name or alias (in any script), states by name,
//! demonym or seat of government, organisations, and people introduced with an office
//! ("World Bank President Ajay Banga", "Hungarian Prime Minister Viktor Orbán"). Each is a
//! noun phrase over the sentence's tokens, so a demonym that qualifies a person ("Turkish
//! President Erdogan") never becomes a mention of the state.

mod phrase;

use phrase::PhraseSentence;
pub(super) use phrase::is_title_case;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::NewActor;
use super::countries::{Countries, ORGANISATIONS, Pointer, cyrillic_stem, needs_exact_case};
use super::table::{Class, Lexicon};
use super::tokens::Token;
use crate::model::data::dataset::{Actor, ActorKind};
use crate::model::data::ops::free_id;
use crate::model::text::mentions::{fold, fold_name};

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
    /// A bare run of capitalised words taken for a person's name ("Anna Kowalski"): only an
    /// item of a list counts it.
    pub bare: bool,
}

/// The automaton and lookup tables, built once per dataset revision.
pub struct Finder {
    automaton: Option<AhoCorasick>,
    owners: Vec<Owner>,
    /// For phrases that must match as written (acronyms), the phrase.
    exact: Vec<Option<String>>,
    /// Phrases that may take a case ending (Cyrillic names and stems).
    inflected: Vec<bool>,
    pub countries: Countries,
    /// Folded state name (or country) → known state actor.
    states: HashMap<String, usize>,
    /// Folded organisation name → known organisation actor.
    organisations: HashMap<String, usize>,
    /// Folded country → the known people named by an office of that country ("Prime
    /// Minister of Hungary"), with their folded names: few, so a lookup stays cheap.
    office_holders: HashMap<String, Vec<(usize, String)>>,
    /// Consonant skeleton of one-word names → actor, for names written in another script
    /// ("Трамп" is "tramp", whose skeleton is Trump's).
    skeletons: HashMap<String, usize>,
    /// Ids taken, so that new actors get fresh ones.
    ids: std::collections::HashSet<String>,
    /// Folded country name (any form) → country.
    country_names: HashMap<String, usize>,
}

/// The longest case ending (in folded bytes) an inflected name may take.
const MAX_ENDING: usize = 4;

fn skeleton(folded: &str) -> String {
    folded
        .chars()
        .filter(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(*c))
        .collect()
}

fn non_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && (c as u32) >= 0x0370)
}

/// The phrases the automaton looks for, each with what it names.
#[derive(Default)]
struct Patterns {
    folded: Vec<String>,
    owners: Vec<Owner>,
    /// For phrases that must match as written (acronyms), the phrase.
    exact: Vec<Option<String>>,
    /// Phrases that may take a case ending.
    inflected: Vec<bool>,
    /// Consonant skeleton → the one actor it belongs to (`None`: more than one).
    skeletons: HashMap<String, Option<usize>>,
}

impl Patterns {
    fn push(&mut self, folded: String, owner: Owner, exact: Option<String>, inflected: bool) {
        self.folded.push(folded);
        self.owners.push(owner);
        self.exact.push(exact);
        self.inflected.push(inflected);
    }

    /// Every actor's name and aliases of three letters or more.
    fn add_actors(&mut self, actors: &[Actor]) {
        for (i, actor) in actors.iter().enumerate() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let folded = fold_name(name);
                if folded.chars().count() < 3 {
                    continue;
                }
                if !folded.contains(' ') && folded.len() >= 4 {
                    self.add_skeleton(skeleton(&folded), i);
                }
                self.push(folded, Owner::Known(i), None, cyrillic_stem(name).is_some());
            }
        }
    }

    /// A one-word name's skeleton, unless another actor's name has it too.
    fn add_skeleton(&mut self, sk: String, actor: usize) {
        if sk.len() < 3 {
            return;
        }
        self.skeletons
            .entry(sk)
            .and_modify(|o| {
                if *o != Some(actor) {
                    *o = None
                }
            })
            .or_insert(Some(actor));
    }

    /// Names of states, demonyms, seats of government and organisations; a Cyrillic name
    /// also by its stem.
    fn add_countries(&mut self, countries: &Countries) {
        for (phrase, ptr) in &countries.phrases {
            let folded = fold_name(phrase);
            if folded.len() < 2 {
                continue;
            }
            let stem = cyrillic_stem(phrase);
            let exact = needs_exact_case(phrase).then(|| phrase.clone());
            self.push(folded, Owner::Pointer(*ptr), exact, stem.is_some());
            if let Some(stem) = stem {
                self.push(fold_name(&stem), Owner::Pointer(*ptr), None, true);
            }
        }
    }
}

/// The dataset's states, organisations and office holders by folded name.
struct ActorIndex {
    states: HashMap<String, usize>,
    organisations: HashMap<String, usize>,
    office_holders: HashMap<String, Vec<(usize, String)>>,
}

impl ActorIndex {
    fn new(actors: &[Actor]) -> ActorIndex {
        let mut index = ActorIndex {
            states: HashMap::new(),
            organisations: HashMap::new(),
            office_holders: HashMap::new(),
        };
        for (i, a) in actors.iter().enumerate() {
            let names = || std::iter::once(&a.name).chain(&a.aliases);
            match a.kind {
                ActorKind::State => {
                    for n in names() {
                        index.states.entry(fold_name(n)).or_insert(i);
                    }
                    if !a.country.is_empty() {
                        index.states.entry(fold_name(&a.country)).or_insert(i);
                    }
                }
                ActorKind::Organisation => {
                    for n in names() {
                        index.organisations.entry(fold_name(n)).or_insert(i);
                    }
                }
                ActorKind::Person => {
                    let country = fold_name(&a.country);
                    let name = fold_name(&a.name);
                    if !country.is_empty() && name.contains(&country) {
                        index
                            .office_holders
                            .entry(country)
                            .or_default()
                            .push((i, name));
                    }
                }
            }
        }
        index
    }
}

impl Finder {
    /// States named in `languages` too; a Cyrillic name also by its stem, whatever its case
    /// ending ("Венгрии", "Казахстана").
    pub fn with_languages(
        actors: &[Actor],
        languages: &[&str],
        names: &[(String, String)],
    ) -> Finder {
        let countries = Countries::with_languages(languages, names);
        let mut patterns = Patterns::default();
        patterns.add_actors(actors);
        patterns.add_countries(&countries);
        let mut country_names = HashMap::new();
        for (phrase, ptr) in &countries.phrases {
            if let Pointer::Country(c) = ptr {
                country_names.entry(fold_name(phrase)).or_insert(*c);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns.folded)
            .ok();
        let index = ActorIndex::new(actors);
        Finder {
            automaton,
            owners: patterns.owners,
            exact: patterns.exact,
            inflected: patterns.inflected,
            countries,
            states: index.states,
            organisations: index.organisations,
            office_holders: index.office_holders,
            skeletons: patterns
                .skeletons
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
            let p = m.pattern().as_usize();
            if is_word(before) {
                continue;
            }
            // A case ending of a few letters belongs to the name ("Венгрии").
            let ending = bytes[m.end()..]
                .iter()
                .take(MAX_ENDING + 1)
                .take_while(|b| is_word(Some(b)))
                .count();
            if ending > 0 && (!self.inflected[p] || ending > MAX_ENDING) {
                continue;
            }
            let folded_end = m.end() + ending;
            // "U.S." folds to "u.s."; a phrase ending in a stop must not swallow a sentence's.
            let start = folded.origin[m.start()];
            let end =
                crate::model::text::mentions::end_in_original(text, folded.origin[folded_end - 1]);
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

    pub fn fresh_id(&self, name: &str) -> String {
        free_id(name, |id| self.ids.contains(id))
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
    fn office_holder(&self, country: usize, office: &str) -> Option<usize> {
        let c = fold_name(&self.countries.list[country].name);
        let office = fold_name(office);
        let people = self.office_holders.get(&c)?;
        let mut found = people.iter().filter(|(_, n)| n.contains(&office));
        let first = found.next()?.0;
        found.next().is_none().then_some(first)
    }

    /// The mentions of one sentence, left to right, given its tokens and the whole-text hits
    /// that fall inside it.
    pub fn mentions(
        &self,
        lex: &Lexicon,
        actors: &[Actor],
        text: &str,
        toks: &[Token],
        hits: &[Hit],
    ) -> Vec<Mention> {
        let title_case = phrase::is_title_case(toks);
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
        let s = PhraseSentence {
            lex,
            actors,
            text,
            toks,
            at: &at,
            title_case,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.phrase(&s, i).or_else(|| self.bare_name(&s, i)) {
                Some(m) => {
                    i = m.toks.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Two to four capitalised words that name no state, body, day or office: a person the
    /// dataset lacks, if a list names them.
    fn bare_name(&self, s: &PhraseSentence, i: usize) -> Option<Mention> {
        let (lex, text, toks, at) = (s.lex, s.text, s.toks, s.at);
        let t = &toks[i];
        if !t.cap || !t.word || at[i].is_some() || lex.is(toks, i, Class::Article) {
            return None;
        }
        let end = s.name_run(i);
        let plain = (i..end).all(|k| {
            !lex.is(toks, k, Class::BodyNoun)
                && !lex.is(toks, k, Class::NotName)
                && lex.month(&toks[k].lower).is_none()
                && lex.weekday(&toks[k].lower).is_none()
        });
        if end < i + 2 || !plain || toks.get(end).is_some_and(|n| n.cap && n.word) {
            return None;
        }
        let span = t.span.start..toks[end - 1].span.end;
        let name: String = text[span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(Mention {
            toks: i..end,
            span,
            target: Target::New(NewActor {
                id: self.fresh_id(&name),
                name,
                kind: ActorKind::Person,
                country: String::new(),
                office: None,
                represents: None,
                aliases: Vec::new(),
            }),
            possessive: lex.is(toks, end, Class::Possessive),
            kind: ActorKind::Person,
            bare: true,
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
