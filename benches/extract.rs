//! Suggestions for a 20,000-character article: with the embedded actors, and with 100,000
//! known actors (a generated dataset). The extractor is built once per dataset revision, as
//! the app does; building it is measured apart, and so is the name finder of a dataset with a
//! 64 KB alias.
//!
//! Run: `cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::extract::Extractor;
use board_explorer::model::text::mentions::MentionFinder;
use board_explorer::store::embedded;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

const CHARS: usize = 20_000;

/// A report of about `CHARS` characters naming `names` in varied sentences: invitations,
/// lists, passives, refusals, dates, and sentences that say nothing.
fn article(names: &[String]) -> String {
    let shapes = [
        "{a} has accepted the invitation to join the Board of Peace, officials said on Monday.",
        "US President Donald Trump invited {a} and {b} to join as founding members.",
        "{a} was invited on Jan. 20, while {b} said it is studying the proposal.",
        "Invitations have also been sent to leaders in {a}, {b} and Hungary.",
        "{a} will not join the board, the ministry said on Tuesday.",
        "Markets were calm and the weather in Davos stayed cold for the whole week.",
        "The executive committee, which includes {b}, will meet in Davos on Thursday.",
        "States signing the charter included {a}, {b}, Hungary, Chile and Peru.",
        "Saudi Arabia pledged $1 billion and {a} $1.2 billion; {b} attended as an observer.",
    ];
    let mut text = String::from("Leaders invited to Gaza board\n");
    let mut i = 0;
    while text.len() < CHARS {
        let a = &names[i % names.len()];
        let b = &names[(i * 7 + 3) % names.len()];
        text.push_str(&shapes[i % shapes.len()].replace("{a}", a).replace("{b}", b));
        text.push(if i % 5 == 4 { '\n' } else { ' ' });
        i += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let day = NaiveDate::from_ymd_opt(2026, 1, 21);
    let small = embedded();
    let names: Vec<String> = small.actors.iter().map(|a| a.name.clone()).collect();
    let text = article(&names);
    let e = Extractor::new(&small);
    c.bench_function("suggest 20k chars, embedded actors", |b| {
        b.iter(|| black_box(e.suggest(black_box(&text), day)))
    });

    let big = generate(Spec {
        actors: 100_000,
        claims_per_actor: 0,
        sources: 1,
        events: 0,
        seed: 1,
    });
    let names: Vec<String> = big
        .actors
        .iter()
        .step_by(997)
        .map(|a| a.name.clone())
        .collect();
    let text = article(&names);
    let e = Extractor::new(&big);
    c.bench_function("suggest 20k chars, 100k actors", |b| {
        b.iter(|| black_box(e.suggest(black_box(&text), day)))
    });
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("extractor for 100k actors", |b| {
        b.iter(|| black_box(Extractor::new(&big)))
    });
    // A hostile dataset: one alias of 64 KB (many words, then one long word), the name
    // finder the Sources tab and `import-source` build. Its time must grow with the names'
    // length, not with its square (a 64 KB alias once took minutes).
    let mut hostile = embedded();
    let words: String = (0..8_000).map(|i| format!("w{:x} ", i % 4096)).collect();
    hostile.actors[0].aliases = vec![words[..32 * 1024].to_string(), "Q".repeat(32 * 1024)];
    assert!(
        hostile.actors[0]
            .aliases
            .iter()
            .map(String::len)
            .sum::<usize>()
            >= 64 * 1024
    );
    g.bench_function("name finder with a 64 KB alias", |b| {
        b.iter(|| black_box(MentionFinder::new(&hostile.actors)))
    });
    let text = article(
        &hostile
            .actors
            .iter()
            .map(|a| a.name.clone())
            .collect::<Vec<_>>(),
    );
    let finder = MentionFinder::new(&hostile.actors);
    g.bench_function("mentions in 20k chars with a 64 KB alias", |b| {
        b.iter(|| black_box(finder.find(black_box(&text))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
