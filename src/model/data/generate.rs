//! Generated datasets for benchmarks and scale tests: varied names with accents, conflicting
//! claims, partial dates, long source texts with anchored quotes. Deterministic for a seed.

use super::dataset::*;
use super::date::PartialDate;
use crate::model::text::content_hash;
use crate::model::text::quote::Quote;

#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub actors: usize,
    pub claims_per_actor: usize,
    pub sources: usize,
    pub events: usize,
    pub seed: u64,
}

const GIVEN: [&str; 16] = [
    "Amélie",
    "Björn",
    "Çağrı",
    "Dmitri",
    "Élodie",
    "Fátima",
    "Grzegorz",
    "Håkon",
    "Iñaki",
    "József",
    "Kateřina",
    "Łukasz",
    "Mónica",
    "Nguyễn",
    "Øystein",
    "Zoë",
];
const FAMILY: [&str; 16] = [
    "Álvarez",
    "Bäcker",
    "Čapek",
    "Dubois",
    "Erdoğan",
    "Fernández",
    "Górski",
    "Hämäläinen",
    "Ibáñez",
    "Jürgens",
    "Kovačević",
    "López",
    "Müller",
    "Nørgaard",
    "Øberg",
    "Schröder",
];
const COUNTRIES: [&str; 12] = [
    "Argentina",
    "Belarus",
    "Canada",
    "Côte d'Ivoire",
    "Egypt",
    "España",
    "Hungary",
    "India",
    "Israel",
    "Russia",
    "Türkiye",
    "United States",
];
/// The least a generated report's text holds, in bytes: a few screens of reading.
const MIN_TEXT_BYTES: usize = 20_000;

const OUTLETS: [&str; 8] = [
    "DPA",
    "Reuters",
    "AFP",
    "Le Monde",
    "Süddeutsche",
    "Al-Ahram",
    "TASS",
    "El País",
];

pub fn generate(spec: Spec) -> Dataset {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut d = Dataset::default();
    d.body.id = "board".into();
    d.body.name = "Generated Board".into();
    d.body.description = format!("{} generated actors", spec.actors);
    d.actors = generated_actors(&mut rng, spec.actors);
    let sources = spec.sources.max(1);
    // Source texts grow as quoted sentences are added; quotes point at them.
    let mut texts: Vec<String> = (0..sources)
        .map(|s| format!("Report {s} on the board's membership.\n"))
        .collect();
    let statuses = Status::ALL;
    for a in 0..spec.actors {
        for k in 0..spec.claims_per_actor {
            let s = rng.usize(..sources);
            let fact = match k % 5 {
                0 => Fact::Status(Status::Invited),
                1 => Fact::Status(statuses[rng.usize(..statuses.len())]),
                2 => Fact::Role(Role::ALL[rng.usize(..Role::ALL.len())]),
                3 => Fact::Pledge(Money {
                    amount: rng.u64(1..2_000) * 1_000_000,
                    currency: if rng.bool() { "USD" } else { "EUR" }.into(),
                }),
                _ => Fact::Office(format!("Minister of Affairs {}", rng.u32(..50))),
            };
            // Every tenth claim quotes a sentence written into its source.
            let quote = (k % 10 == 0).then(|| {
                let sentence = format!(
                    "{} was said to be {}.",
                    d.actors[a].name,
                    fact.value_label()
                );
                let start = texts[s].len();
                texts[s].push_str(&sentence);
                texts[s].push(' ');
                Quote {
                    exact: sentence.clone(),
                    prefix: String::new(),
                    suffix: String::new(),
                    start,
                    end: start + sentence.len(),
                }
            });
            let as_of = match rng.u8(..4) {
                0 => None,
                1 => Some(PartialDate::month(2026, rng.u32(1..=12)).expect("valid")),
                _ => Some(PartialDate::day(2026, rng.u32(1..=12), rng.u32(1..=28)).expect("valid")),
            };
            d.claims.push(Claim {
                extra: Default::default(),
                author: String::new(),
                id: format!("c{a}-{k}"),
                body: None,
                subject: Subject::Actor(format!("a{a}")),
                fact,
                source: format!("s{s}"),
                quote,
                as_of,
                rank: Rank::Normal,
                negated: false,
                note: String::new(),
            });
        }
    }
    pad_texts(&mut texts);
    // Context either side of each quote, now that the texts are complete.
    for claim in &mut d.claims {
        if let Some(q) = &mut claim.quote {
            let s: usize = claim.source[1..].parse().expect("generated id");
            if let Some(full) = Quote::from_span(&texts[s], q.start, q.end) {
                *q = full;
            }
        }
    }
    d.sources = generated_sources(texts);
    d.events = generated_events(&mut rng, &spec, sources);
    d
}

/// `n` actors: a state, an organisation, then people, named from the lists.
fn generated_actors(rng: &mut fastrand::Rng, n: usize) -> Vec<Actor> {
    (0..n)
        .map(|i| {
            let kind = match i % 10 {
                0 => ActorKind::State,
                1 => ActorKind::Organisation,
                _ => ActorKind::Person,
            };
            let name = format!(
                "{} {} {i}",
                GIVEN[rng.usize(..GIVEN.len())],
                FAMILY[rng.usize(..FAMILY.len())]
            );
            Actor {
                id: format!("a{i}"),
                aliases: vec![format!("Alias {i}")],
                name,
                kind,
                country: COUNTRIES[rng.usize(..COUNTRIES.len())].into(),
                ..Default::default()
            }
        })
        .collect()
}

/// Reports are long whatever the dataset's size: background paragraphs follow the quoted
/// sentences (appended after them, so no quote moves).
fn pad_texts(texts: &mut [String]) {
    for (s, text) in texts.iter_mut().enumerate() {
        let mut p = 0;
        while text.len() < MIN_TEXT_BYTES {
            let country = COUNTRIES[(s + p) % COUNTRIES.len()];
            let outlet = OUTLETS[(s + 3 * p) % OUTLETS.len()];
            text.push_str(&format!(
                "\n\nDiplomats in {country} said on day {p} that talks on the board's charter \
                 continued, according to {outlet}. Officials declined to say which governments \
                 had pledged funds for reconstruction, or when the first meeting would be held. \
                 Critics asked how the board would answer to the United Nations."
            ));
            p += 1;
        }
    }
}

/// A source for each text, dated through 2026.
fn generated_sources(texts: Vec<String>) -> Vec<Source> {
    texts
        .into_iter()
        .enumerate()
        .map(|(s, text)| Source {
            id: format!("s{s}"),
            title: format!("Report {s}"),
            outlet: OUTLETS[s % OUTLETS.len()].into(),
            published: Some(
                PartialDate::day(2026, 1 + (s % 12) as u32, 1 + (s % 28) as u32).expect("valid"),
            ),
            hash: content_hash(&text),
            text,
            ..Default::default()
        })
        .collect()
}

/// The spec's events, each naming an actor and a source at random.
fn generated_events(rng: &mut fastrand::Rng, spec: &Spec, sources: usize) -> Vec<Event> {
    (0..spec.events)
        .map(|e| Event {
            extra: Default::default(),
            id: format!("e{e}"),
            date: match e % 3 {
                0 => PartialDate::year(2020 + (e % 7) as i32).expect("valid"),
                1 => PartialDate::month(2026, 1 + (e % 12) as u32).expect("valid"),
                _ => {
                    PartialDate::day(2026, 1 + (e % 12) as u32, 1 + (e % 28) as u32).expect("valid")
                }
            },
            end: None,
            title: format!("Event {e}"),
            description: String::new(),
            kind: EventKind::Other,
            actors: if spec.actors > 0 {
                vec![format!("a{}", rng.usize(..spec.actors))]
            } else {
                Vec::new()
            },
            sources: vec![format!("s{}", rng.usize(..sources))],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::validate::{Severity, validate};

    #[test]
    fn generated_datasets_are_valid_and_deterministic() {
        let spec = Spec {
            actors: 200,
            claims_per_actor: 10,
            sources: 7,
            events: 30,
            seed: 7,
        };
        let d = generate(spec);
        let problems = validate(&d);
        assert!(
            problems.is_empty(),
            "{:?}",
            &problems[..problems.len().min(3)]
        );
        assert!(!problems.iter().any(|p| p.severity == Severity::Error));
        assert_eq!(d.claims.len(), 2000);
        assert!(d == generate(spec));
        assert!(d.claims.iter().filter(|c| c.quote.is_some()).count() >= 200);
    }
}
