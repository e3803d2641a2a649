//! "The leaders of France, Italy and Hungary": the people who lead those states, not the
//! states. The dataset's leader of a state is the person who represents it and holds a
//! leader's office (the tables' leader words); a state without one gets a new person, with
//! the office and country, who represents it.

use std::collections::HashMap;

use super::NewActor;
use super::entities::Target;
use super::table::{Class, Lexicon};
use crate::model::data::dataset::{Actor, ActorKind, Dataset, Fact, Id, Subject};

/// Each state's known leader, by the state's folded name.
#[derive(Clone, Debug, Default)]
pub struct Leaders {
    by_state: HashMap<String, usize>,
}

fn key(name: &str) -> String {
    crate::model::text::mentions::fold_name(name)
}

impl Leaders {
    pub fn new(d: &Dataset, lex: &Lexicon) -> Leaders {
        let position: HashMap<&str, usize> = d
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut office: HashMap<&str, &str> = HashMap::new();
        let mut represents: Vec<(&str, &str)> = Vec::new();
        for c in d.claims.iter().filter(|c| !c.negated) {
            let Subject::Actor(who) = &c.subject else {
                continue;
            };
            match &c.fact {
                Fact::Office(o) => {
                    office.insert(who, o);
                }
                Fact::Represents(state) => represents.push((who, state)),
                _ => {}
            }
        }
        let leads = |o: &str| {
            let toks = super::tokens::tokenize(o, 0..o.len());
            (0..toks.len()).any(|k| lex.is(&toks, k, Class::LeaderOffice))
        };
        let leader = |p: usize| {
            let a = &d.actors[p];
            a.kind == ActorKind::Person
                && (office.get(a.id.as_str()).is_some_and(|o| leads(o)) || leads(&a.name))
        };
        let mut by_state = HashMap::new();
        for (who, state) in represents {
            let (Some(&p), Some(&s)) = (position.get(who), position.get(state)) else {
                continue;
            };
            if leader(p) {
                by_state.entry(key(&d.actors[s].name)).or_insert(p);
            }
        }
        // A leader the dataset knows by office and country only ("Prime Minister of Hungary").
        for (p, a) in d.actors.iter().enumerate() {
            if !a.country.is_empty() && leader(p) {
                by_state.entry(key(&a.country)).or_insert(p);
            }
        }
        Leaders { by_state }
    }

    /// The leader of the state `target` names: the dataset's, or a new person.
    pub fn of(
        &self,
        lex: &Lexicon,
        actors: &[Actor],
        target: &Target,
        fresh: impl Fn(&str) -> Id,
    ) -> Option<Target> {
        let (state_id, state_name) = match target {
            Target::Known { actor, .. } if actors[*actor].kind == ActorKind::State => {
                (actors[*actor].id.clone(), actors[*actor].name.clone())
            }
            Target::New(n) if n.kind == ActorKind::State => (n.id.clone(), n.name.clone()),
            _ => return None,
        };
        if let Some(&p) = self.by_state.get(&key(&state_name)) {
            return Some(Target::Known {
                actor: p,
                new_alias: None,
            });
        }
        let name = format!("{} {state_name}", lex.leader_of);
        Some(Target::New(NewActor {
            id: fresh(&name),
            name,
            kind: ActorKind::Person,
            country: state_name,
            office: Some(lex.leader_office.clone()),
            represents: Some(state_id),
            aliases: Vec::new(),
        }))
    }
}
