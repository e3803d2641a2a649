//! Quotes anchored by their words: a file may give a claim's quote as its exact words alone;
//! loading finds their position and context, saving writes them, and words that are not in
//! the source are refused with the nearest words that are.

use board_explorer::store::{embedded, parse, to_ron};

/// The embedded dataset's file with the first claim's quote rewritten as `quote`.
fn with_first_quote(quote: &str) -> String {
    let text = to_ron(&embedded());
    let start = text.find("quote: Some((").unwrap();
    let end = start + text[start..].find("))").unwrap() + 2;
    format!("{}quote: Some(({quote})){}", &text[..start], &text[end..])
}

fn error_of(text: &str) -> String {
    parse(text, None).expect_err("refused").to_string()
}

#[test]
fn a_quote_given_by_its_words_is_placed_on_load_and_written_on_save() {
    let text = with_first_quote("exact: \"United States President Donald Trump\"");
    let loaded = parse(&text, None).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    // Placed exactly where the embedded file has it, with the same context.
    assert_eq!(loaded.dataset, embedded());
    assert_eq!(to_ron(&loaded.dataset), to_ron(&embedded()));
}

#[test]
fn words_not_in_the_source_are_refused_with_the_nearest_and_the_place() {
    let text = with_first_quote("exact: \"United States Presdent Donald J. Trump\"");
    let e = parse(&text, None).expect_err("refused");
    let message = e.to_string();
    assert!(
        message.contains(
            "claim \"c-trump-office-a\": the words \"United States Presdent Donald J. Trump\" are not in source \"report-a\""
        ),
        "{message}"
    );
    assert!(
        message.contains("the nearest are \"United States President Donald Trump\""),
        "{message}"
    );
    let claim_line = text.find("id: \"c-trump-office-a\"").unwrap();
    let line = text[..claim_line].matches('\n').count() + 1;
    assert_eq!(e.place.map(|p| p.0), Some(line), "{message}");
}

#[test]
fn a_wrong_end_is_named_as_the_end_and_corrected() {
    let text =
        with_first_quote("exact: \"United States President Donald Trump\", start: 99, end: 0");
    let loaded = parse(&text, None).unwrap();
    let notes: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        notes,
        ["claim \"c-trump-office-a\": its end was 0, but the words end at byte 135 (corrected)"]
    );
    assert_eq!(loaded.dataset, embedded());
    // Only an end given, and a right one: nothing to say.
    let text = with_first_quote("exact: \"United States President Donald Trump\", end: 135");
    let loaded = parse(&text, None).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.dataset, embedded());
}

#[test]
fn repeated_words_take_the_context_given_or_the_first_with_a_warning() {
    // "Putin" occurs many times in the source; its context chooses one.
    let d = embedded();
    let source = &d.source("report-a").unwrap().text;
    let second = source.match_indices("Putin").nth(1).unwrap().0;
    let from = source[..second].char_indices().rev().nth(9).unwrap().0;
    let prefix = &source[from..second];
    let text = with_first_quote(&format!(
        "exact: \"Putin\", prefix: {}",
        ron::to_string(prefix).unwrap()
    ));
    let loaded = parse(&text, None).unwrap();
    let q = loaded.dataset.claims[0].quote.as_ref().unwrap();
    assert_eq!(q.start, second);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    let text = with_first_quote("exact: \"Putin\"");
    let loaded = parse(&text, None).unwrap();
    let q = loaded.dataset.claims[0].quote.as_ref().unwrap();
    assert_eq!(q.start, source.find("Putin").unwrap());
    assert!(
        loaded.warnings[0].message.contains("occur")
            && loaded.warnings[0].message.contains("the first (line 1"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn an_empty_quote_is_refused() {
    let message = error_of(&with_first_quote("exact: \" \""));
    assert!(message.contains("its quote has no words"), "{message}");
}
