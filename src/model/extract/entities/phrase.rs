//! The noun phrase starting at a token: a pronoun; a known actor with the offices and states
//! before it ("Canadian Prime Minister Mark Carney"); a new person after an office ("Finance
//! Minister François-Philippe Champagne"); a state by name, or by demonym before "government",
//! "authorities", "side"; an organisation; or a place in a list that names no one. The words
//! of offices, pronouns and the rest are the tables' word classes.

use std::ops::Range;

use super::super::NewActor;
use super::super::countries::Pointer;
use super::super::table::{Class, Lexicon};
use super::super::tokens::Token;
use super::{Finder, Mention, Owner, Target};
use crate::model::data::dataset::{Actor, ActorKind};

/// One sentence as the phrases in it are read: its tokens, what the automaton matched at
/// each (the longest hit and the token after it), and the words of its language.
pub(super) struct PhraseSentence<'a> {
    pub(super) lex: &'a Lexicon,
    pub(super) actors: &'a [Actor],
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) at: &'a [Option<(usize, Owner)>],
    /// A headline in title case: capitals say nothing about names.
    pub(super) title_case: bool,
}

/// The words before a name: a state, an organisation, the words of an office.
#[derive(Default)]
struct Modifiers {
    /// The token after them.
    end: usize,
    country: Option<usize>,
    org: Option<usize>,
    office: Vec<usize>,
    /// The known actor they lead to, and the token after it.
    known: Option<(usize, usize)>,
}

impl Finder {
    /// The noun phrase starting at token `i`, if one does.
    pub(super) fn phrase(&self, s: &PhraseSentence, i: usize) -> Option<Mention> {
        if let Some(m) = s.pronoun(i).or_else(|| s.own_state(i)) {
            return Some(m);
        }
        let mods = self.modifiers(s, i);
        if let Some((actor, end)) = mods.known {
            return Some(s.known_actor(i, actor, end));
        }
        if s.has_head(&mods.office) {
            return Some(self.office_phrase(s, i, &mods));
        }
        if let Some(o) = mods.org {
            return Some(self.organisation_phrase(s, i, o, mods.end));
        }
        self.state_phrase(s, i, &mods)
    }

    /// The state, organisation and office words from `i`, up to a name or a known actor.
    fn modifiers(&self, s: &PhraseSentence, i: usize) -> Modifiers {
        let mut m = Modifiers {
            end: i,
            ..Modifiers::default()
        };
        while m.end < s.toks.len() && self.modifier(s, &mut m) {}
        if m.known.is_none() {
            // Trailing office modifiers that head nothing ("state") are not part of the phrase.
            while let Some(&k) = m.office.last()
                && !s.is(k, Class::OfficeHead)
            {
                m.office.pop();
                m.end = m.end.min(k);
            }
        }
        m
    }

    /// Takes the modifier at `m.end` into `m`; false when none stands there.
    fn modifier(&self, s: &PhraseSentence, m: &mut Modifiers) -> bool {
        let free = m.office.is_empty();
        match s.at[m.end] {
            Some((end, Owner::Known(a))) => {
                if let Some(c) = self.state_before_office(s, m, a, end) {
                    m.country = Some(c);
                    m.end = end;
                    return true;
                }
                m.known = Some((a, end));
                return false;
            }
            Some((end, Owner::Pointer(Pointer::Country(c) | Pointer::Demonym(c))))
                if m.country.is_none() && free =>
            {
                m.country = Some(c);
                m.end = end;
                // "Italy's Prime Minister Giorgia Meloni", "Slovenia's prime minister Robert
                // Golob": lower case too, when a capitalised name follows the office.
                if s.possessive_office(end) {
                    m.end += 1;
                }
                return true;
            }
            Some((end, Owner::Pointer(Pointer::Organisation(o)))) if m.org.is_none() && free => {
                m.org = Some(o);
                m.end = end;
                return true;
            }
            _ => {}
        }
        self.office_words(s, m)
    }

    /// A known state before a capitalised office ("Hungarian Prime Minister …"): its country.
    fn state_before_office(
        &self,
        s: &PhraseSentence,
        m: &Modifiers,
        actor: usize,
        end: usize,
    ) -> Option<usize> {
        let office_next = s.toks.get(end).is_some_and(|t| t.cap) && s.office_word(end);
        let free = m.country.is_none() && m.office.is_empty();
        (s.actors[actor].kind == ActorKind::State && free && office_next)
            .then(|| self.country_of_actor(&s.actors[actor]))
            .flatten()
    }

    /// Office words at `m.end`: "Foreign Minister", "Secretary of State", "President of (the
    /// Republic of) Belarus". False when there are none.
    fn office_words(&self, s: &PhraseSentence, m: &mut Modifiers) -> bool {
        let j = m.end;
        let t = &s.toks[j];
        let qualified = !m.office.is_empty() || m.country.is_some() || m.org.is_some();
        if t.word && s.office_word(j) && (t.cap || qualified) {
            m.office.push(j);
            m.end += 1;
            return true;
        }
        if !s.is(j, Class::OfficeOf) || !s.has_head(&m.office) {
            return false;
        }
        // "Secretary of State", "Minister of Defence": the office goes on.
        if s.toks.get(j + 1).is_some_and(|t| t.cap) && s.is(j + 1, Class::OfficeModifier) {
            m.office.extend([j, j + 1]);
            m.end += 2;
            return true;
        }
        m.country.is_none() && j + 1 < s.toks.len() && self.office_of_state(s, m)
    }

    /// "President of (the Republic of) Belarus": the state after an office's "of".
    fn office_of_state(&self, s: &PhraseSentence, m: &mut Modifiers) -> bool {
        let mut k = m.end + 1;
        if s.is(k, Class::Definite) {
            k += 1;
        }
        if s.is(k, Class::Republic) && s.is(k + 1, Class::OfficeOf) {
            k += 2;
        }
        let found = match s.at.get(k).copied().flatten() {
            Some((end, Owner::Pointer(Pointer::Country(c)))) => Some((c, end)),
            Some((end, Owner::Known(a))) if s.actors[a].kind == ActorKind::State => {
                self.country_of_actor(&s.actors[a]).map(|c| (c, end))
            }
            _ => None,
        };
        let Some((c, end)) = found else {
            return false;
        };
        m.country = Some(c);
        m.end = end;
        true
    }

    /// An office with a head word: the person named after it, or else the office alone.
    fn office_phrase(&self, s: &PhraseSentence, i: usize, mods: &Modifiers) -> Mention {
        let j = mods.end;
        let name_end = s.name_run(j);
        let regnal = mods
            .office
            .last()
            .is_some_and(|&k| s.is(k, Class::RegnalTitle));
        // One word after an office is a surname only when a state says whose, or after a
        // title of a single given name ("Pope Leo").
        if name_end > j + 1 || name_end == j + 1 && (mods.country.is_some() || regnal) {
            self.office_and_name(s, i, mods, name_end)
        } else {
            self.office_alone(s, i, mods)
        }
    }

    /// A name after an office: "Finance Minister François-Philippe Champagne".
    fn office_and_name(
        &self,
        s: &PhraseSentence,
        i: usize,
        mods: &Modifiers,
        name_end: usize,
    ) -> Mention {
        let name = s.words(mods.end..name_end);
        let office = s.words(office_range(&mods.office));
        let holder = mods.country.and_then(|c| self.office_holder(c, &office));
        let target = match holder {
            Some(actor) => Target::Known {
                actor,
                new_alias: Some(name),
            },
            None => Target::New(self.new_officer(s.actors, mods, name, office)),
        };
        s.mention(
            i..name_end,
            target,
            s.possessive_at(name_end),
            ActorKind::Person,
        )
    }

    /// A person the dataset lacks, named after an office: of the body or state before it.
    fn new_officer(
        &self,
        actors: &[Actor],
        mods: &Modifiers,
        name: String,
        office: String,
    ) -> NewActor {
        let state = mods.country.map(|c| self.countries.list[c].name.clone());
        let represents = mods
            .org
            .map(|o| self.fresh_or_known_org(actors, o))
            .or_else(|| mods.country.map(|c| self.state_id(actors, c)));
        NewActor {
            id: self.fresh_id(&name),
            name,
            kind: ActorKind::Person,
            country: state.unwrap_or_default(),
            office: Some(office),
            represents,
            aliases: Vec::new(),
        }
    }

    /// An office without a name: the known holder, or a place in a list.
    fn office_alone(&self, s: &PhraseSentence, i: usize, mods: &Modifiers) -> Mention {
        let office = office_range(&mods.office);
        let end = office.end.max(mods.end);
        let holder = mods
            .country
            .and_then(|c| self.office_holder(c, &s.words(office)));
        let target = match holder {
            Some(actor) => Target::Known {
                actor,
                new_alias: None,
            },
            None => Target::Opaque,
        };
        s.mention(i..end, target, s.possessive_at(end), ActorKind::Person)
    }

    /// An organisation by name, ending at `j`.
    fn organisation_phrase(&self, s: &PhraseSentence, i: usize, org: usize, j: usize) -> Mention {
        if s.possessive_at(j) {
            // "the European Union's executive arm": a place in a list, not the Union.
            let mut end = j + 1;
            while end < s.toks.len() && end < j + 4 && s.toks[end].word && !s.toks[end].cap {
                if s.is(end, Class::Gap) || s.is(end, Class::Reporting) {
                    break;
                }
                end += 1;
            }
            return s.mention(i..end, Target::Opaque, false, ActorKind::Organisation);
        }
        let (target, kind) = if s.noun_after(j) {
            (Target::Opaque, ActorKind::Organisation)
        } else {
            self.organisation_target(org)
        };
        s.mention(i..j, target, false, kind)
    }

    /// A state by name or demonym, unless it only qualifies what follows.
    fn state_phrase(&self, s: &PhraseSentence, i: usize, mods: &Modifiers) -> Option<Mention> {
        let c = mods.country?;
        let j = mods.end;
        // "the Russian authorities", "The Belarusian side"
        if s.is(j, Class::StateNoun) {
            let (target, kind) = self.state_target(c);
            return Some(s.mention(i..j + 1, target, s.possessive_at(j + 1), kind));
        }
        if matches!(s.at[i], Some((_, Owner::Pointer(Pointer::Demonym(_))))) {
            return None;
        }
        // A state used as a modifier ("US officials"), inside a longer name ("Canada Post"),
        // or after "of" in an office ("the head of the Kremlin") is no mention of the state.
        if s.noun_after(j) || s.inside_name(j) || s.after_office_of(i) {
            return Some(s.mention(i..j, Target::Opaque, false, ActorKind::State));
        }
        let (target, kind) = self.state_target(c);
        Some(s.mention(i..j, target, s.possessive_at(j), kind))
    }
}

/// The tokens an office's words cover.
fn office_range(office: &[usize]) -> Range<usize> {
    let first = office.first().copied().unwrap_or_default();
    first..office.last().map_or(first, |k| k + 1)
}

impl PhraseSentence<'_> {
    fn is(&self, k: usize, c: Class) -> bool {
        self.lex.is(self.toks, k, c)
    }

    /// A word of an office: its head or a modifier.
    fn office_word(&self, k: usize) -> bool {
        self.is(k, Class::OfficeHead) || self.is(k, Class::OfficeModifier)
    }

    fn has_head(&self, office: &[usize]) -> bool {
        office.iter().any(|&k| self.is(k, Class::OfficeHead))
    }

    /// The text of tokens `r`, its spaces made single.
    fn words(&self, r: Range<usize>) -> String {
        let a = self.toks[r.start].span.start;
        let b = self.toks[r.end - 1].span.end;
        self.text[a..b]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn mention(
        &self,
        r: Range<usize>,
        target: Target,
        possessive: bool,
        kind: ActorKind,
    ) -> Mention {
        Mention {
            span: self.toks[r.start].span.start..self.toks[r.end - 1].span.end,
            toks: r,
            target,
            possessive,
            kind,
            bare: false,
        }
    }

    /// He, she, it, they: a person, a state or body, or either.
    fn pronoun(&self, i: usize) -> Option<Mention> {
        let person = if self.is(i, Class::PersonPronoun) {
            Some(true)
        } else if self.is(i, Class::StatePronoun) {
            Some(false)
        } else if self.is(i, Class::EitherPronoun) {
            None
        } else {
            return None;
        };
        let kind = if person == Some(true) {
            ActorKind::Person
        } else {
            ActorKind::State
        };
        Some(self.mention(i..i + 1, Target::Pronoun { person }, false, kind))
    }

    /// "his country would take part": the state of the person named before, which the text
    /// leaves to that person; "its government": the state itself.
    fn own_state(&self, i: usize) -> Option<Mention> {
        let person = self.is(i, Class::PersonPossessive);
        if !self.is(i + 1, Class::Homeland) || !person && !self.is(i, Class::StatePossessive) {
            return None;
        }
        let kind = if person {
            ActorKind::Person
        } else {
            ActorKind::State
        };
        let target = Target::Pronoun {
            person: Some(person),
        };
        Some(self.mention(i..i + 2, target, self.apostrophe_s(i + 2), kind))
    }

    /// A known actor, or a phrase it only qualifies ("the Trump administration").
    fn known_actor(&self, i: usize, actor: usize, end: usize) -> Mention {
        let target = if self.noun_after(end) {
            Target::Opaque
        } else {
            Target::Known {
                actor,
                new_alias: None,
            }
        };
        let kind = self.actors[actor].kind;
        self.mention(i..end, target, self.possessive_at(end), kind)
    }

    /// The possessive "'s" at `k`, not a bare apostrophe.
    fn apostrophe_s(&self, k: usize) -> bool {
        self.is(k, Class::Possessive) && self.toks[k].lower != "'"
    }

    /// "Trump's", and "the Netherlands’" (a name ending in s takes the mark alone).
    fn possessive_at(&self, end: usize) -> bool {
        self.apostrophe_s(end)
            || self.is(end, Class::Possessive) && end > 0 && self.toks[end - 1].lower.ends_with('s')
    }

    /// "'s" and an office word after a state's name ("Italy's Prime Minister").
    fn possessive_office(&self, j: usize) -> bool {
        self.apostrophe_s(j)
            && self
                .toks
                .get(j + 1)
                .is_some_and(|t| t.cap || self.lower_office_then_name(j + 1))
            && self.office_word(j + 1)
    }

    /// A lower-case noun after a name that makes the name a modifier ("US officials").
    fn noun_after(&self, end: usize) -> bool {
        self.toks.get(end).is_some_and(|t| t.word && !t.cap) && self.is(end, Class::ModifiedNoun)
    }

    /// A capitalised word at `j` the automaton does not know: the name goes on ("Canada
    /// Post"), unless the headline capitalises every word.
    fn inside_name(&self, j: usize) -> bool {
        !self.title_case
            && self.toks.get(j).is_some_and(|t| {
                t.word
                    && t.cap
                    && self.at[j].is_none()
                    && !t.lower.chars().all(|c| c.is_ascii_digit())
            })
    }

    /// Token `i` after an office's "of" ("the head of the Kremlin", "head of Hungary").
    fn after_office_of(&self, i: usize) -> bool {
        let of_the = i >= 3
            && self.is(i - 1, Class::Definite)
            && self.is(i - 2, Class::OfficeOf)
            && self.is(i - 3, Class::OfficeHead);
        let of = i >= 2 && self.is(i - 1, Class::OfficeOf) && self.is(i - 2, Class::OfficeHead);
        of_the || of
    }

    /// A lower-case office from `k` ("prime minister", "foreign minister") ending on a head
    /// and followed by a capitalised word: the office of a name, not a common noun.
    fn lower_office_then_name(&self, k: usize) -> bool {
        let mut e = k;
        while e < self.toks.len() && e < k + 3 && !self.toks[e].cap && self.office_word(e) {
            e += 1;
        }
        e > k
            && self.is(e - 1, Class::OfficeHead)
            && self.toks.get(e).is_some_and(|t| t.word && t.cap)
    }

    /// The end of a run of capitalised words from `from` that the automaton does not know (a
    /// person's name), allowing the particles of Arabic, Dutch and Spanish names.
    pub(super) fn name_run(&self, from: usize) -> usize {
        let mut k = from;
        while k < self.toks.len() {
            let t = &self.toks[k];
            let particle = k > from
                && (self.is(k, Class::NameParticle) && self.toks.get(k + 1).is_some_and(|n| n.cap)
                    // "Ali al-Thawadi": the particle joined to the surname.
                    || t.word && self.is(k, Class::NamePrefix));
            let capital = t.word
                && t.cap
                && self.at[k].is_none()
                && !t.lower.chars().all(|c| c.is_ascii_digit())
                && !self.is(k, Class::OfficeHead);
            if !(capital || particle) || k - from >= 4 {
                break;
            }
            k += 1;
        }
        k
    }
}

/// A headline in title case: its capitals say nothing about names.
pub(in crate::model::extract) fn is_title_case(toks: &[Token]) -> bool {
    let long: Vec<&Token> = toks
        .iter()
        .filter(|t| t.word && t.lower.len() >= 4)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.cap).count() * 10 >= long.len() * 7
}
