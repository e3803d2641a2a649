//! Feeds arbitrary bytes to the loader the app and the CLI use for a dataset file: the BOM and
//! UTF-8 check, the parse-cost bound, the RON parse and the validation. Any panic, hang or
//! memory blow-up is a bug; an `Err` is the expected answer to a bad file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = board_explorer::store::parse_bytes(bytes, None);
    // The snapshot reader parses another shape with its own nesting limit.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = board_explorer::store::parse_snapshot(text);
    }
});
