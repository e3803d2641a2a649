//! The Roster panel at 10,000 actors and 100,000 claims: deriving, and one headless frame of
//! the whole app while idle, scrolling, re-sorting and typing in the search box.
//!
//! Run: `cargo bench --bench roster`. A frame is `egui::Context::run_ui` with the app shown in a
//! 1600×1000 window, tessellation included; derived data is cached per edit, so only changes
//! of sort or search re-filter, and only visible rows are built.

use std::hint::black_box;

use board_explorer::document::Document;
use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::{Index, roster};
use board_explorer::ui::{BoardExplorerApp, Column};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{frame, wheel};

const SPEC: Spec = Spec {
    actors: 10_000,
    claims_per_actor: 10,
    sources: 50,
    events: 0,
    seed: 1,
};

fn benches(c: &mut Criterion) {
    let dataset = generate(SPEC);

    c.bench_function("derive roster (10k actors, 100k claims)", |b| {
        b.iter(|| {
            let index = Index::build(&dataset);
            black_box(roster(&dataset, &index, None))
        })
    });

    let ctx = egui::Context::default();
    let mut app = BoardExplorerApp::with_document(Document::new(dataset, None));
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("roster frame (10k actors, 100k claims)");
    group.bench_function("idle", |b| b.iter(|| frame(&ctx, &mut app, Vec::new())));
    group.bench_function("scrolling", |b| {
        // The pointer over the table, then a wheel step each frame.
        let hover = egui::Event::PointerMoved(egui::pos2(400.0, 500.0));
        b.iter(|| frame(&ctx, &mut app, vec![hover.clone(), wheel(0.0, -120.0)]))
    });
    let mut flip = false;
    group.bench_function("re-sorting", |b| {
        b.iter(|| {
            flip = !flip;
            app.panels.roster.query.sort = if flip { Column::Country } else { Column::Name };
            frame(&ctx, &mut app, Vec::new())
        })
    });
    let queries = ["m", "mü", "müller", "muller 12", "é", ""];
    let mut i = 0;
    group.bench_function("typing in search", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            app.panels.roster.query.text = queries[i].to_string();
            frame(&ctx, &mut app, Vec::new())
        })
    });
    group.finish();
}

criterion_group! {
    name = roster_benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(roster_benches);
