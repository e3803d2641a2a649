//! The layers, read from the source tree: `model` is pure (no egui, no files, never the store,
//! the session or the window), `session` and `store` draw nothing, and the window reaches
//! files only through the session. See README "Architecture".

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<dir>`, with its code: comments (`//`, `//!`, `///`) removed,
/// so that a doc comment may say what the layer does not do.
fn code_of(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let code: String = text
                    .lines()
                    .map(|line| line.find("//").map_or(line, |at| &line[..at]))
                    .collect::<Vec<_>>()
                    .join("\n");
                files.push((path, code));
            }
        }
    }
    assert!(!files.is_empty(), "no source files under src/{dir}");
    files
}

/// The files of `dir` whose code names one of `words`, with the word.
fn offenders(dir: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, code) in code_of(dir) {
        for word in words {
            if code.contains(word) {
                found.push(format!("{} uses {word}", path.display()));
            }
        }
    }
    found
}

#[test]
fn model_session_and_store_draw_nothing() {
    for dir in ["model", "session", "store"] {
        let found = offenders(dir, &["egui", "eframe", "rfd::"]);
        assert!(found.is_empty(), "src/{dir} must not draw: {found:#?}");
    }
}

#[test]
fn model_reaches_no_file_and_no_outer_layer() {
    let found = offenders(
        "model",
        &[
            "crate::store",
            "crate::session",
            "crate::ui",
            "crate::cli",
            "std::fs",
            "File::open",
            "File::create",
        ],
    );
    assert!(found.is_empty(), "src/model must stay pure: {found:#?}");
}

#[test]
fn store_knows_nothing_of_the_session_or_its_clients() {
    let found = offenders("store", &["crate::session", "crate::ui", "crate::cli"]);
    assert!(
        found.is_empty(),
        "src/store is below the session: {found:#?}"
    );
}

/// The window reaches files only through the session (which owns the store); only native
/// file dialogs (rfd), which pick a path and read nothing, are its own.
#[test]
fn window_reaches_files_only_through_the_session() {
    let found = offenders("ui", &["crate::store", "store::", "std::fs", "fs::read"]);
    assert!(
        found.is_empty(),
        "src/ui must go through the session: {found:#?}"
    );
}

/// The session is the window's and the command line's; it never reaches back into them.
#[test]
fn session_knows_nothing_of_its_clients() {
    let found = offenders("session", &["crate::ui", "crate::cli"]);
    assert!(
        found.is_empty(),
        "src/session serves ui and cli: {found:#?}"
    );
}

/// The command line reaches files only through the session (its `disk` facade for the files
/// it names itself: articles, lists, rule tables, a merge's three files, git's settings), so
/// every read is bounded and every write atomic and locked. Only reading and writing its own
/// standard streams is its own.
#[test]
fn command_line_reaches_files_only_through_the_session() {
    let found = offenders(
        "cli",
        &[
            "crate::store",
            "store::",
            "std::fs",
            "fs::",
            "File::",
            "OpenOptions",
        ],
    );
    assert!(
        found.is_empty(),
        "src/cli must go through the session: {found:#?}"
    );
}

/// One name, one concept: no struct, enum, type or trait name is defined twice in `src/`
/// (two `Outcome`s once meant a reader had to check which one a file meant).
#[test]
fn no_type_name_is_defined_twice() {
    let mut seen: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    let mut twice = Vec::new();
    for dir in ["model", "store", "session", "ui", "cli"] {
        for (path, code) in code_of(dir) {
            for line in code.lines() {
                let words: Vec<&str> = line.split_whitespace().collect();
                let at = words
                    .iter()
                    .position(|w| matches!(*w, "struct" | "enum" | "type" | "trait"));
                let visibility_only = at.is_some_and(|i| {
                    words[..i]
                        .iter()
                        .all(|w| *w == "pub" || w.starts_with("pub("))
                });
                // An associated type (`type Err = ..;` in an impl) names a trait's slot.
                let associated = at.is_some_and(|i| words[i] == "type") && line.starts_with(' ');
                let Some(name) = at
                    .filter(|_| visibility_only && !associated)
                    .and_then(|i| words.get(i + 1))
                else {
                    continue;
                };
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    continue;
                }
                if let Some(first) = seen.insert(name.clone(), path.clone()) {
                    twice.push(format!(
                        "{name}: {} and {}",
                        first.display(),
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(twice.is_empty(), "type names defined twice: {twice:#?}");
}
