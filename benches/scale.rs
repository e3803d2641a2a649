//! The app at 1,000, 10,000 and 100,000 generated actors (10 claims each, 50 sources, 1,000
//! events): loading and saving the file, deriving the roster and the seats, building the claim
//! matrix, one idle frame of each panel, and RON against serde_json on the same dataset.
//!
//! Run: `cargo bench --bench scale` (about ten minutes; `cargo bench --bench scale -- 1000/`
//! runs one size). A frame is `egui::Context::run_ui` of the whole app at 1600×1000 with the
//! panel shown, tessellation included, after the first frame has derived what it needs.

use std::hint::black_box;

use board_explorer::document::Document;
use board_explorer::model::data::generate::generate;
use board_explorer::model::derive::compare::compare;
use board_explorer::model::derive::seats::seats;
use board_explorer::model::{Dataset, Index, roster};
use board_explorer::store::{parse, save_file, to_ron};
use board_explorer::ui::{BoardExplorerApp, Tab};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod common;
use common::{SIZES, frame, spec};

fn files(c: &mut Criterion, n: usize, d: &Dataset) {
    let text = to_ron(d);
    let mut group = c.benchmark_group("scale/files");
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
        b.iter(|| black_box(parse(text, None).unwrap()))
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    group.bench_with_input(BenchmarkId::new("save", n), d, |b, d| {
        b.iter(|| save_file(&path, d).unwrap())
    });
    // The syntax alone, RON against JSON, on the same dataset (no validation in either).
    let ron_text = ron::to_string(d).unwrap();
    let json_text = serde_json::to_string(d).unwrap();
    group.bench_with_input(BenchmarkId::new("parse RON", n), &ron_text, |b, t| {
        b.iter(|| black_box(ron::from_str::<Dataset>(t).unwrap()))
    });
    group.bench_with_input(BenchmarkId::new("parse JSON", n), &json_text, |b, t| {
        b.iter(|| black_box(serde_json::from_str::<Dataset>(t).unwrap()))
    });
    group.finish();
}

fn derivations(c: &mut Criterion, n: usize, d: &Dataset) {
    let mut group = c.benchmark_group("scale/derive");
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("roster", n), d, |b, d| {
        b.iter(|| {
            let index = Index::build(d);
            black_box(roster(d, &index, None))
        })
    });
    let index = Index::build(d);
    let rows = roster(d, &index, None);
    group.bench_with_input(BenchmarkId::new("seats", n), d, |b, d| {
        b.iter(|| black_box(seats(&d.body.seat_rules, None, d, &index, &rows.rows)))
    });
    let two: Vec<String> = d.sources.iter().take(2).map(|s| s.id.clone()).collect();
    group.bench_with_input(BenchmarkId::new("claim matrix", n), d, |b, d| {
        b.iter(|| black_box(compare(d, &index, &two)))
    });
    group.finish();
}

fn frames(c: &mut Criterion, n: usize, d: Dataset) {
    let ctx = egui::Context::default();
    let mut app = BoardExplorerApp::with_document(Document::new(d, None));
    let mut group = c.benchmark_group("scale/frame");
    group.sample_size(20);
    for &tab in Tab::ALL {
        app.panels.tab = tab;
        for _ in 0..3 {
            frame(&ctx, &mut app, Vec::new());
        }
        group.bench_function(BenchmarkId::new(tab.label(), n), |b| {
            b.iter(|| frame(&ctx, &mut app, Vec::new()))
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    for n in SIZES {
        let d = generate(spec(n));
        files(c, n, &d);
        derivations(c, n, &d);
        frames(c, n, d);
    }
}

criterion_group! {
    name = scale_benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(scale_benches);
