//! What one edit and one step of the as-of date cost the derived data, at 1,000, 10,000 and
//! 100,000 generated actors (10 claims each, 50 sources): the edit applied to the dataset and
//! followed by `Derived::apply_edit`, or the date moved and followed by `Derived::refresh`,
//! until the next frame could read roster, seats and conflicts. A full derive is measured
//! alongside, as what every edit cost before.
//!
//! Run: `cargo bench --bench incremental` (`-- 100000` for one size). Only the step itself is
//! timed; undoing the edit between iterations (so the dataset does not grow) is not.

use std::hint::black_box;
use std::time::{Duration, Instant};

use board_explorer::model::data::generate::generate;
use board_explorer::model::data::ops;
use board_explorer::model::*;
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod common;
use common::{SIZES, spec, status_claim};

/// Times `edit(i)` applied and followed, then undoes it untimed.
fn edit_then_derive(
    d: &mut Dataset,
    derived: &mut Derived,
    iters: u64,
    edit: impl Fn(&Dataset, u64) -> Edit,
) -> Duration {
    let mut total = Duration::ZERO;
    for i in 0..iters {
        let edit = edit(d, i);
        let start = Instant::now();
        let inverse = edit.clone().apply(d).unwrap();
        derived.apply_edit(d, &edit);
        derived.refresh(d, derived.as_of());
        black_box(derived.conflicts);
        total += start.elapsed();
        inverse.clone().apply(d).unwrap();
        derived.apply_edit(d, &inverse);
    }
    total
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn benches(c: &mut Criterion) {
    for n in SIZES {
        let mut d = generate(spec(n));
        d.touch();
        let mut group = c.benchmark_group("incremental");
        group.sample_size(10);
        group.bench_function(BenchmarkId::new("full derive", n), |b| {
            b.iter(|| {
                let mut fresh = Derived::default();
                fresh.refresh(&d, None);
                black_box(fresh.conflicts)
            })
        });
        let mut derived = Derived::default();
        derived.refresh(&d, None);
        let middle = n / 2;
        group.bench_function(BenchmarkId::new("status edit, claim appended", n), |b| {
            b.iter_custom(|iters| {
                edit_then_derive(&mut d, &mut derived, iters, |d, i| Edit::InsertClaim {
                    at: d.claims.len(),
                    claim: status_claim(d, middle, i),
                })
            })
        });
        group.bench_function(
            BenchmarkId::new("status edit, claim inserted first", n),
            |b| {
                b.iter_custom(|iters| {
                    edit_then_derive(&mut d, &mut derived, iters, |d, i| Edit::InsertClaim {
                        at: 0,
                        claim: status_claim(d, middle, i),
                    })
                })
            },
        );
        // The same through `ops::hand_claim`, as the roster's status menu makes the edit.
        let who = d.actors[middle].id.clone();
        group.bench_function(
            BenchmarkId::new("status edit through ops::hand_claim", n),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for i in 0..iters {
                        let start = Instant::now();
                        let status = Fact::Status(Status::ALL[i as usize % Status::ALL.len()]);
                        let later = Some("2027-01-01".parse().unwrap());
                        let edit = ops::hand_claim(
                            &d,
                            &derived.index,
                            &who,
                            status,
                            EDITORS_NOTE,
                            later,
                            "",
                        );
                        let inverse = edit.clone().apply(&mut d).unwrap();
                        derived.apply_edit(&d, &edit);
                        derived.refresh(&d, derived.as_of());
                        black_box(derived.conflicts);
                        total += start.elapsed();
                        inverse.clone().apply(&mut d).unwrap();
                        derived.apply_edit(&d, &inverse);
                    }
                    total
                })
            },
        );
        // Re-ranking the actor's status claim (the second of its ten): a claim replaced.
        let status = derived.index.claims_by_actor[middle][1];
        group.bench_function(BenchmarkId::new("claim re-ranked", n), |b| {
            b.iter_custom(|iters| {
                edit_then_derive(&mut d, &mut derived, iters, |d, i| {
                    ops::set_rank(
                        d,
                        status,
                        [Rank::Preferred, Rank::Deprecated][i as usize % 2],
                    )
                })
            })
        });
        // One day later each time, through the year (the jump back to January is not timed).
        let first = day("2026-01-01");
        derived.refresh(&d, Some(first));
        group.bench_function(BenchmarkId::new("as-of one day later", n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let now = derived.as_of().unwrap_or(first);
                    let next = now.succ_opt().unwrap();
                    if next > day("2026-12-31") {
                        derived.refresh(&d, Some(first));
                        continue;
                    }
                    let start = Instant::now();
                    derived.refresh(&d, Some(next));
                    black_box(derived.conflicts);
                    total += start.elapsed();
                }
                total
            })
        });
        // The worst day: the last of a month, when every claim dated to that month is known.
        let (eve, end) = (day("2026-03-30"), day("2026-03-31"));
        group.bench_function(BenchmarkId::new("as-of onto a month's end", n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    derived.refresh(&d, Some(eve));
                    let start = Instant::now();
                    derived.refresh(&d, Some(end));
                    black_box(derived.conflicts);
                    total += start.elapsed();
                }
                total
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = incremental_benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(incremental_benches);
