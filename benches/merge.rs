//! The three-way merge (`board-explorer merge`, git's merge driver) of three editions of a
//! 100,000-actor dataset (a million claims): each side renamed or re-countried a thousand
//! actors, added a thousand actors with claims, changed a thousand statuses, deleted claims or
//! events, and a hundred fields were changed on both sides (conflicts).
//!
//! Run: `cargo bench --bench merge -- --warm-up-time 1 --measurement-time 3`. The target is
//! under 5 s on two cores.

use std::hint::black_box;

use board_explorer::model::data::generate::generate;
use board_explorer::model::merge::merge;
use board_explorer::model::{Actor, Dataset, Fact, Status};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

mod common;
use common::spec;

fn side(base: &Dataset, name: &str, offset: usize) -> Dataset {
    let mut d = base.clone();
    let n = d.actors.len();
    for i in 0..1_000 {
        let at = (offset + i * 97) % n;
        if offset == 0 {
            d.actors[at].name = format!("{name} renamed {i}");
        } else {
            d.actors[at].country = format!("{name} country {i}");
        }
    }
    // A hundred actors both sides rename: conflicts.
    for i in 0..100 {
        d.actors[i * 13].name = format!("{name} spelling {i}");
    }
    for i in 0..1_000 {
        let at = (offset * 7 + i * 1_009) % d.claims.len();
        if let Fact::Status(_) = d.claims[at].fact {
            d.claims[at].fact = Fact::Status(Status::Signed);
        }
    }
    for i in 0..1_000 {
        let id = format!("{name}-new-{i}");
        let mut claim = d.claims[i].clone();
        claim.id = format!("c-{id}");
        claim.subject = board_explorer::model::Subject::Actor(id.clone());
        d.actors.push(Actor {
            id,
            name: format!("{name} newcomer {i}"),
            ..Actor::default()
        });
        d.claims.push(claim);
    }
    if offset == 0 {
        d.events.truncate(d.events.len() - 100);
    } else {
        let tail = d.claims.len() - 2_000;
        d.claims.drain(tail - 500..tail);
        d.body.seat_rules.term_years += 1;
    }
    d
}

fn bench(c: &mut Criterion) {
    let base = generate(spec(100_000));
    let ours = side(&base, "ours", 0);
    let theirs = side(&base, "theirs", 1);
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("100k actors", |b| {
        b.iter_batched(
            || (base.clone(), ours.clone(), theirs.clone()),
            |(b, o, t)| black_box(merge(b, o, t).unwrap()),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
