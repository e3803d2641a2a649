//! The noun phrase starting at a token: a pronoun; a known actor with the offices and states
//! before it ("Canadian Prime Minister Mark Carney"); a new person after an office ("Finance
//! Minister François-Philippe Champagne"); a state by name, or by demonym before "government",
//! "authorities", "side"; an organisation; or a place in a list that names no one.

use super::super::NewActor;
use super::super::countries::Pointer;
use super::super::lexicon::{
    MODIFIED_NOUNS, OFFICE_HEADS, OFFICE_MODIFIERS, REGNAL_TITLES, STATE_NOUNS,
};
use super::super::tokens::Token;
use super::{Finder, Mention, Owner, Target};
use crate::model::dataset::{Actor, ActorKind};

impl Finder {
    pub(super) fn phrase(
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
                bare: false,
            });
        }
        // "his country would take part": the state of the person named before, which the
        // text leaves to that person; "its government": the state itself.
        let state_noun = toks
            .get(i + 1)
            .is_some_and(|n| n.is_any(&["country", "government", "nation"]));
        if state_noun && t.is_any(&["his", "her", "its"]) {
            let person = !t.is("its");
            return Some(Mention {
                toks: i..i + 2,
                span: t.span.start..toks[i + 1].span.end,
                target: Target::Pronoun {
                    person: Some(person),
                },
                possessive: toks.get(i + 2).is_some_and(|n| n.is("'s")),
                kind: if person {
                    ActorKind::Person
                } else {
                    ActorKind::State
                },
                bare: false,
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
                    // "Slovenia's prime minister Robert Golob": lower case too, when a
                    // capitalised name follows the office.
                    if toks.get(j).is_some_and(|t| t.is("'s"))
                        && toks.get(j + 1).is_some_and(|t| {
                            (t.cap || lower_office_then_name(toks, j + 1))
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
                // "Secretary of State", "Minister of Defence": the office goes on.
                _ if toks[j].is("of")
                    && has_head(toks, &office)
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| t.cap && OFFICE_MODIFIERS.contains(&t.lower.as_str())) =>
                {
                    office.push(j);
                    office.push(j + 1);
                    j += 2;
                }
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
                bare: false,
            });
        }
        // A name after an office: "Finance Minister François-Philippe Champagne".
        let name_end = name_run(toks, at, j);
        let regnal = office
            .last()
            .is_some_and(|&k| REGNAL_TITLES.contains(&toks[k].lower.as_str()));
        if head && name_end > j + 1 || (head && name_end == j + 1 && (country.is_some() || regnal))
        {
            let a = toks[j].span.start;
            let b = toks[name_end - 1].span.end;
            let name: String = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
            let office_text = office_text.expect("an office has words");
            let holder = country.and_then(|c| self.office_holder(c, &office_text));
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
                bare: false,
            });
        }
        if head {
            // An office without a name: the known holder, or a place in a list.
            let end = *office.last().expect("non-empty") + 1;
            let end = end.max(j);
            let holder = country
                .and_then(|c| self.office_holder(c, office_text.as_deref().unwrap_or_default()));
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
                bare: false,
            });
        }
        if let Some(o) = org {
            if possessive_at(j) {
                // "the European Union's executive arm": a place in a list, not the Union.
                let mut end = j + 1;
                while end < toks.len() && end < j + 4 && toks[end].word && !toks[end].cap {
                    if toks[end].is_any(super::super::lexicon::GAP_OK)
                        || toks[end].is_any(super::super::lexicon::REPORTING)
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
                    bare: false,
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
                bare: false,
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
                bare: false,
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
                bare: false,
            });
        }
        let (target, kind) = self.state_target(c);
        Some(Mention {
            toks: i..j,
            span: span_from..toks[j - 1].span.end,
            target,
            possessive: possessive_at(j),
            kind,
            bare: false,
        })
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

/// A lower-case office from `k` ("prime minister", "foreign minister") ending on a head and
/// followed by a capitalised word: the office of a name, not a common noun.
fn lower_office_then_name(toks: &[Token], k: usize) -> bool {
    let mut e = k;
    while e < toks.len()
        && e < k + 3
        && !toks[e].cap
        && (OFFICE_HEADS.contains(&toks[e].lower.as_str())
            || OFFICE_MODIFIERS.contains(&toks[e].lower.as_str()))
    {
        e += 1;
    }
    e > k
        && OFFICE_HEADS.contains(&toks[e - 1].lower.as_str())
        && toks.get(e).is_some_and(|t| t.word && t.cap)
}

fn has_head(toks: &[Token], office: &[usize]) -> bool {
    office
        .iter()
        .any(|&k| OFFICE_HEADS.contains(&toks[k].lower.as_str()))
}

/// The end of a run of capitalised words from `from` that the automaton does not know (a
/// person's name), allowing the particles of Arabic, Dutch and Spanish names.
pub(super) fn name_run(toks: &[Token], at: &[Option<(usize, Owner)>], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() {
        let t = &toks[k];
        let particle = t.is_any(&[
            "al", "bin", "bint", "ibn", "van", "von", "de", "da", "del", "la", "der",
        ]) && k > from
            && toks.get(k + 1).is_some_and(|n| n.cap)
            // "Ali al-Thawadi": the particle joined to the surname.
            || t.word
                && k > from
                && ["al-", "el-", "ad-", "ash-", "as-", "at-", "ibn-", "bin-"]
                    .iter()
                    .any(|p| t.lower.starts_with(p) && t.lower.len() > p.len() + 1);
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
