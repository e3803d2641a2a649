//! Values a file may hold that are well-formed but wrong: absurd exchange rates, currencies
//! outside ISO 4217, fields this version does not know, nesting deep enough to exhaust the
//! stack. The file is named `sent.ron` so no assertion can be satisfied by its path.

use std::path::Path;

use board_explorer::store::{self, LoadError, parse_bytes, parse_snapshot};

const EMBEDDED: &str = include_str!("../../assets/board_of_peace.ron");

fn load(text: &str) -> Result<store::Loaded, LoadError> {
    parse_bytes(text.as_bytes(), Some(Path::new("sent.ron")))
}

/// The embedded dataset with the main body's exchange rates replaced.
fn with_rates(rates: &str) -> String {
    let first = "exchange_rates: []";
    assert!(EMBEDDED.contains(first));
    EMBEDDED.replacen(first, &format!("exchange_rates: [{rates}]"), 1)
}

#[test]
fn absurd_exchange_rates_are_refused_at_their_body() {
    for rate in ["1e300", "5e-324", "1e7", "1e-7"] {
        let text = with_rates(&format!("(currency: \"EUR\", rate: {rate})"));
        let e = load(&text).expect_err(rate);
        assert!(
            e.message.contains("exchange rate") && e.message.contains("absurd"),
            "{rate}: {}",
            e.message
        );
        // The body's `id:` line, as for the other absurd values.
        assert_eq!(e.place.map(|p| p.0), Some(6), "{rate}: {e}");
    }
    // Sane rates load.
    for rate in ["1.08", "0.0067", "150.0"] {
        let text = with_rates(&format!("(currency: \"EUR\", rate: {rate})"));
        load(&text).unwrap_or_else(|e| panic!("{rate}: {e}"));
    }
}

#[test]
fn currencies_must_be_iso_4217_everywhere() {
    // The threshold.
    let text = EMBEDDED.replacen("currency: \"USD\"", "currency: \"dollars\"", 1);
    let e = load(&text).expect_err("dollars");
    assert!(e.message.contains("\"dollars\""), "{e}");
    assert!(e.message.contains("did you mean USD"), "{e}");
    // An exchange rate.
    let e = load(&with_rates("(currency: \"XYZ\", rate: 1.0)")).expect_err("XYZ rate");
    assert!(
        e.message.contains("\"XYZ\"") && e.message.contains("ISO 4217"),
        "{e}"
    );
    // A pledge (the only `currency:` past the bodies in the embedded file is a pledge).
    let at = EMBEDDED.rfind("currency: \"USD\"").unwrap();
    let mut text = EMBEDDED.to_string();
    text.replace_range(at..at + "currency: \"USD\"".len(), "currency: \"QQQ\"");
    let e = load(&text).expect_err("QQQ pledge");
    assert!(
        e.message.contains("\"QQQ\"") && e.message.contains("ISO 4217"),
        "{e}"
    );
    assert!(
        e.place.is_some_and(|p| p.0 > 36),
        "points at the claim: {e}"
    );
}

#[test]
fn unknown_fields_load_with_a_warning_naming_field_and_line() {
    let needle = "            name: \"Board of Peace\",\n";
    assert!(EMBEDDED.contains(needle));
    let text = EMBEDDED.replacen(
        needle,
        &format!("{needle}            motto: \"peace\",\n"),
        1,
    );
    let loaded = load(&text).expect("an unknown field is a warning, not an error");
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("motto"))
        .unwrap_or_else(|| panic!("no warning about motto: {:?}", loaded.warnings));
    assert!(warning.message.contains("line 8"), "{}", warning.message);
    assert!(
        warning.message.contains("dataset.body"),
        "{}",
        warning.message
    );
    // The file without it has no such warning.
    let clean = load(EMBEDDED).unwrap();
    assert!(
        clean
            .warnings
            .iter()
            .all(|w| !w.message.contains("unknown field"))
    );
}

/// Deep nesting in every kind of file gets our message, never ron's advice to raise a limit.
#[test]
fn deep_nesting_gets_our_message_in_every_file_kind() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let ours = |e: &LoadError, kind: &str| {
        let text = e.to_string();
        assert!(text.contains("nested too deeply"), "{kind}: {text}");
        assert!(!text.contains("recursion"), "{kind}: {text}");
    };
    let dataset = format!("(format: \"board-explorer\", version: 1, dataset: (more: {deep}))");
    ours(&load(&dataset).unwrap_err(), "dataset");
    let snapshot = format!("(format: \"board-explorer-snapshot\", version: 1, more: {deep})");
    ours(&parse_snapshot(&snapshot).unwrap_err(), "snapshot");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    std::fs::write(&path, format!("(format: \"board-explorer\", more: {deep})")).unwrap();
    ours(&store::read_recovery(&path).unwrap_err(), "recovery");
}
