//! The Sources tab with a 200,000-character source carrying 2,000 quoted claims, beside the
//! embedded DPA report: building the comparison (matrix, anchors, highlight segments,
//! mentions), and one headless frame of the whole app while idle, scrolling the long text,
//! and moving the pointer over its highlights.
//!
//! Run: `cargo bench --bench sources`. A frame is `egui::Context::run_ui` with the app shown in
//! a 1600×1000 window, tessellation included. Only the paragraphs in view are laid out.

use std::hint::black_box;

use board_explorer::document::Document;
use board_explorer::model::derive::compare::{anchor_claims, compare, segments};
use board_explorer::model::text::content_hash;
use board_explorer::model::text::mentions::MentionFinder;
use board_explorer::model::{Claim, Dataset, Fact, Index, Quote, Rank, Source, Status, Subject};
use board_explorer::store::embedded;
use board_explorer::ui::{BoardExplorerApp, Tab};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{frame, wheel};

const BIG: &str = "long-report";
const CHARS: usize = 200_000;
const CLAIMS: usize = 2_000;

/// The embedded dataset plus a long report naming its actors, with `CLAIMS` quoted claims.
fn dataset() -> Dataset {
    let mut d = embedded();
    let names: Vec<String> = d.actors.iter().map(|a| a.name.clone()).collect();
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut i = 0;
    while text.len() < CHARS {
        let who = &names[i % names.len()];
        let sentence =
            format!("Officials said on day {i} that {who} had been invited to join the board.");
        let start = text.len();
        text.push_str(&sentence);
        sentences.push((start, text.len(), i % names.len()));
        text.push_str(if i % 6 == 5 { "\n\n" } else { " " });
        i += 1;
    }
    let statuses = [
        Status::Invited,
        Status::Member,
        Status::Reviewing,
        Status::Proposed,
    ];
    for (n, &(start, end, actor)) in sentences
        .iter()
        .step_by(sentences.len() / CLAIMS)
        .take(CLAIMS)
        .enumerate()
    {
        d.claims.push(Claim {
            extra: Default::default(),
            author: String::new(),
            id: format!("long-{n}"),
            body: None,
            subject: Subject::Actor(d.actors[actor].id.clone()),
            fact: Fact::Status(statuses[n % statuses.len()]),
            source: BIG.into(),
            quote: Quote::from_span(&text, start, end),
            as_of: None,
            rank: Rank::Normal,
            negated: false,
            note: String::new(),
        });
    }
    d.sources.push(Source {
        id: BIG.into(),
        title: "A long report".into(),
        outlet: "Long Wire".into(),
        hash: content_hash(&text),
        text,
        ..Default::default()
    });
    d
}

fn benches(c: &mut Criterion) {
    let d = dataset();
    assert_eq!(d.claims.iter().filter(|c| c.source == BIG).count(), CLAIMS);
    let chosen = vec![BIG.to_string(), "dpa-2026-01-19".to_string()];

    c.bench_function("build comparison (200k chars, 2,000 claims)", |b| {
        b.iter(|| {
            let index = Index::build(&d);
            let m = compare(&d, &index, &chosen);
            let big = index.source_by_id[BIG];
            let anchored = anchor_claims(&d, big);
            let segs = segments(&anchored.placed, |c| m.claim_verdict(&d, c).unwrap());
            let mentions = MentionFinder::new(&d.actors).find(&d.sources[big].text);
            black_box((m, segs, mentions))
        })
    });

    let ctx = egui::Context::default();
    let mut app = BoardExplorerApp::with_document(Document::new(d, None));
    app.panels.tab = Tab::Sources;
    app.panels.sources.chosen = chosen;
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut group = c.benchmark_group("sources frame (200k chars, 2,000 claims)");
    group.bench_function("idle", |b| b.iter(|| frame(&ctx, &mut app, Vec::new())));
    // The long text is the first column, from x≈300 to x≈800.
    group.bench_function("scrolling", |b| {
        let hover = egui::Event::PointerMoved(egui::pos2(500.0, 500.0));
        let mut step = 0;
        b.iter(|| {
            // Down a long way, then back up, so every part of the text is drawn.
            step += 1;
            let dy = if (step / 400) % 2 == 0 { -240.0 } else { 240.0 };
            frame(&ctx, &mut app, vec![hover.clone(), wheel(0.0, dy)])
        })
    });
    let mut x = 0.0;
    group.bench_function("pointer over highlights", |b| {
        b.iter(|| {
            x = (x + 7.0) % 450.0;
            let at = egui::Event::PointerMoved(egui::pos2(320.0 + x, 300.0 + x / 2.0));
            frame(&ctx, &mut app, vec![at])
        })
    });
    group.finish();
}

criterion_group! {
    name = sources_benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(sources_benches);
