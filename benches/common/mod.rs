//! What every panel benchmark shares: one headless frame of the whole app in a 1600×1000
//! window, tessellation included, and a mouse-wheel step.

#![allow(dead_code)] // Each benchmark uses its own part of this.

use std::hint::black_box;

use board_explorer::model::data::generate::Spec;
use board_explorer::model::{Claim, Dataset, EDITORS_NOTE, Fact, Rank, Status, Subject};
use board_explorer::ui::BoardExplorerApp;

/// The dataset sizes the scale benchmarks compare: 1k, 10k and 100k actors.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A generated dataset of `actors` actors with 10 claims each, 50 sources and 1,000 events.
pub fn spec(actors: usize) -> Spec {
    Spec {
        actors,
        claims_per_actor: 10,
        sources: 50,
        events: 1_000,
        seed: 11,
    }
}

pub fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    }
}

pub fn frame(ctx: &egui::Context, app: &mut BoardExplorerApp, events: Vec<egui::Event>) {
    let output = ctx.run_ui(input(events), |ui| app.ui(ui));
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

pub fn wheel(dx: f32, dy: f32) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(dx, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    }
}

/// A status claim about actor `a`, newer than anything generated, so it becomes the status.
pub fn status_claim(d: &Dataset, a: usize, i: u64) -> Claim {
    Claim {
        extra: Default::default(),
        author: String::new(),
        id: format!("bench-{i}"),
        subject: Subject::Actor(d.actors[a].id.clone()),
        fact: Fact::Status(Status::ALL[(i % Status::ALL.len() as u64) as usize]),
        source: EDITORS_NOTE.into(),
        quote: None,
        as_of: Some("2027-01-01".parse().unwrap()),
        rank: Rank::Normal,
        negated: false,
        note: String::new(),
        body: None,
    }
}
