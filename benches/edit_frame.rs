//! What the user waits for in the window, at 1,000, 10,000 and 100,000 generated actors (10
//! claims each, 50 sources): one actor's status edited through the session, then the next
//! Roster frame drawn; and the as-of date moved one day, then the next frame drawn. The frame
//! is `egui::Context::run_ui` of the whole app at 1600×1000, tessellation included.
//!
//! Run: `cargo bench --bench edit_frame` (`-- 100000` for one size). Undoing the edit between
//! iterations (so the dataset does not grow) is not timed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use board_explorer::document::Document;
use board_explorer::model::data::generate::generate;
use board_explorer::model::*;
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod common;
use common::{SIZES, frame, spec, status_claim};

/// [`status_claim`] inserted at the end, as a command.
fn status_edit(d: &Dataset, a: usize, i: u64) -> Command {
    let at = d.claims.len();
    Command::edit(
        Edit::InsertClaim {
            at,
            claim: status_claim(d, a, i),
        },
        "Set status",
    )
}

fn benches(c: &mut Criterion) {
    for n in SIZES {
        let mut app = BoardExplorerApp::with_document(Document::new(generate(spec(n)), None));
        app.panels.tab = Tab::Roster;
        let ctx = egui::Context::default();
        frame(&ctx, &mut app, Vec::new());
        frame(&ctx, &mut app, Vec::new());

        let mut group = c.benchmark_group("edit_frame");
        group.sample_size(10);
        group.bench_function(
            BenchmarkId::new("status edit, then a Roster frame", n),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for i in 0..iters {
                        let d = app.session.dataset();
                        let edit = status_edit(d, (i as usize * 7919) % d.actors.len(), i);
                        let start = Instant::now();
                        app.perform(edit);
                        frame(&ctx, &mut app, Vec::new());
                        total += start.elapsed();
                        app.perform(Command::Undo);
                        frame(&ctx, &mut app, Vec::new());
                    }
                    total
                })
            },
        );
        let first: chrono::NaiveDate = "2026-01-01".parse().unwrap();
        let mut step = 0u64;
        group.bench_function(
            BenchmarkId::new("as-of one day later, then a frame", n),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        step += 1;
                        let day = first + chrono::Days::new(step % 400);
                        let start = Instant::now();
                        app.perform(Command::SetAsOf(Some(day)));
                        frame(&ctx, &mut app, Vec::new());
                        total += start.elapsed();
                    }
                    black_box(app.session.derived().conflicts);
                    total
                })
            },
        );
        group.finish();
    }
}

criterion_group! {
    name = edit_frame_benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(edit_frame_benches);
