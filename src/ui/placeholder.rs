//! What the Sources tab will hold, said plainly until they are built.

use crate::model::{Dataset, Derived};

/// A source to show, from a claim's source link: its id, and the claim (position and id).
#[derive(Clone, Debug, PartialEq)]
pub struct ShownSource {
    pub source: String,
    pub claim: Option<(usize, String)>,
}

fn explain(ui: &mut egui::Ui, title: &str, lines: &[&str]) {
    ui.add_space(12.0);
    ui.heading(title);
    ui.label(egui::RichText::new("Not built yet. This tab will let you:").weak());
    ui.add_space(4.0);
    for line in lines {
        ui.label(format!("•  {line}"));
    }
}

/// Until the comparison panel exists, a claim's source link shows the source here, with the
/// quoted words highlighted in its text.
pub fn sources(ui: &mut egui::Ui, d: &Dataset, derived: &Derived, shown: Option<&ShownSource>) {
    if let Some(source) = shown.and_then(|s| derived.source(d, &s.source)) {
        let claim = shown
            .and_then(|s| s.claim.as_ref())
            .and_then(|(at, id)| d.claims.get(*at).filter(|c| &c.id == id));
        ui.add_space(8.0);
        ui.heading(&source.title);
        ui.label(egui::RichText::new(super::citation::source_label(derived, d, &source.id)).weak());
        if let Some(claim) = claim {
            ui.label(format!(
                "Claim: {} is {}",
                claim.fact.property().label(),
                derived.fact_label(d, &claim.fact)
            ));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let quote = claim
                    .and_then(|c| c.quote.as_ref())
                    .filter(|q| source.text.get(q.start..q.end) == Some(q.exact.as_str()));
                let mut job = egui::text::LayoutJob::default();
                let plain = egui::TextFormat {
                    color: ui.visuals().text_color(),
                    ..Default::default()
                };
                let marked = egui::TextFormat {
                    color: ui.visuals().strong_text_color(),
                    background: ui.visuals().selection.bg_fill,
                    ..Default::default()
                };
                match quote {
                    Some(q) => {
                        job.append(&source.text[..q.start], 0.0, plain.clone());
                        job.append(&source.text[q.start..q.end], 0.0, marked);
                        job.append(&source.text[q.end..], 0.0, plain);
                    }
                    None => job.append(&source.text, 0.0, plain),
                }
                job.wrap.max_width = ui.available_width();
                ui.label(job);
            });
        return;
    }
    explain(
        ui,
        "Source comparison",
        &[
            "read two or more reports side by side, each claim's quoted words highlighted",
            "see a claim matrix: where sources agree, conflict, or only one says something",
            "import a new report and turn selected words into claims",
        ],
    );
}
