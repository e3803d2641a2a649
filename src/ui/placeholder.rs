//! What the Seats, Sources and Timeline tabs will hold, said plainly until they are built.

fn explain(ui: &mut egui::Ui, title: &str, lines: &[&str]) {
    ui.add_space(12.0);
    ui.heading(title);
    ui.label(egui::RichText::new("Not built yet. This tab will let you:").weak());
    ui.add_space(4.0);
    for line in lines {
        ui.label(format!("•  {line}"));
    }
}

pub fn seats(ui: &mut egui::Ui) {
    explain(
        ui,
        "Seat calculator",
        &[
            "edit the body's seat rules: threshold and currency, \"at least\" or \"more than\", payment window, term length",
            "see every member's seat type, term end, pledge and shortfall to a permanent seat",
            "ask what-if questions without touching the dataset",
        ],
    );
}

pub fn sources(ui: &mut egui::Ui) {
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

pub fn timeline(ui: &mut egui::Ui) {
    explain(
        ui,
        "Timeline",
        &[
            "see dated events and their sources on a zoomable axis",
            "move an \"as of\" cursor to see the roster as it stood on any day",
        ],
    );
}
