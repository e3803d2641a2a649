//! The Timeline tab with 10,000 events: one headless frame with everything in view, and frames
//! panning a zoomed-in view (where only visible marks are visited).
//!
//! Run: `cargo bench --bench timeline`.

use board_explorer::document::Document;
use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::ui::{BoardExplorerApp, Tab};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{frame, wheel};

const SPEC: Spec = Spec {
    actors: 1_000,
    claims_per_actor: 2,
    sources: 20,
    events: 10_000,
    seed: 3,
};

fn benches(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = BoardExplorerApp::with_document(Document::new(generate(SPEC), None));
    app.panels.tab = Tab::Timeline;
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("timeline frame (10k events, 1k lanes)");
    group.bench_function("everything in view", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()))
    });
    // Zoom in hard over the canvas, then pan sideways each frame.
    let over = egui::Event::PointerMoved(egui::pos2(700.0, 500.0));
    for _ in 0..40 {
        frame(&ctx, &mut app, vec![over.clone(), wheel(0.0, 200.0)]);
    }
    group.bench_function("panning, zoomed in", |b| {
        b.iter(|| frame(&ctx, &mut app, vec![over.clone(), wheel(-40.0, 0.0)]))
    });
    // Worst case: three lanes (by actor kind) holding all 10,000 marks, all in view.
    app.panels.timeline.mode = board_explorer::model::derive::timeline::LaneMode::Kind;
    app.panels.timeline.fit_all();
    frame(&ctx, &mut app, Vec::new());
    group.bench_function("all 10k marks in view (3 lanes)", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()))
    });
    group.finish();
}

criterion_group! {
    name = timeline_benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(timeline_benches);
