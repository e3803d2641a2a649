//! `import-source` at scale, the whole command (read, strip, normalise, hash, find mentions,
//! add, serialise, write atomically): one 4 MB article, and 1,000 articles of 20,000
//! characters in one call. Both on the embedded dataset.
//!
//! Run: `cargo bench --bench import -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use board_explorer::cli::{ImportSourceArgs, Verb, run};
use board_explorer::store::{embedded, to_ron};
use criterion::{Criterion, criterion_group, criterion_main};

/// An article of about `chars` characters naming the embedded actors, in paragraphs, with
/// accented names and curly quotes, different for each `seed`.
fn article(chars: usize, seed: usize) -> String {
    let names: Vec<String> = embedded().actors.iter().map(|a| a.name.clone()).collect();
    let mut text = format!("Report {seed}\n\n");
    let mut i = seed;
    while text.len() < chars {
        let who = &names[i % names.len()];
        text.push_str(&format!(
            "On day {i}, officials said {who} had “accepted” the invitation to join the board. "
        ));
        if i.is_multiple_of(7) {
            text.push_str("\n\n");
        }
        i += 1;
    }
    text
}

fn args(dataset: &Path, texts: Vec<PathBuf>, out: &Path) -> Verb {
    Verb::ImportSource(ImportSourceArgs {
        file: Some(dataset.to_path_buf()),
        texts,
        list: None,
        allow_outside: false,
        outlet: "Wire".into(),
        title: String::new(),
        url: None,
        date: Some("2026-01-22".parse().unwrap()),
        reliability: None,
        relays: String::new(),
        language: None,
        out: Some(out.to_path_buf()),
        force: true,
        skip_existing: false,
        author: None,
        accept: None,
    })
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("board.ron");
    std::fs::write(&dataset, to_ron(&embedded())).unwrap();
    let out = dir.path().join("out.ron");

    let big = dir.path().join("big.txt");
    std::fs::write(&big, article(4 << 20, 0)).unwrap();
    let many: Vec<PathBuf> = (0..1_000)
        .map(|n| {
            let path = dir.path().join(format!("a{n}.txt"));
            std::fs::write(&path, article(20_000, n)).unwrap();
            path
        })
        .collect();

    let mut group = c.benchmark_group("import-source");
    group.sample_size(10);
    group.bench_function("one 4 MB article", |b| {
        b.iter(|| black_box(run(args(&dataset, vec![big.clone()], &out)).unwrap()))
    });
    group.bench_function("1,000 articles of 20,000 characters", |b| {
        b.iter(|| black_box(run(args(&dataset, many.clone(), &out)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
