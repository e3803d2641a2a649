//! The extractor's words live in its rule tables: every built-in table parses and compiles, and
//! no source file of `src/model/extract/` (outside its tests and comments) spells a word of
//! any table, or a confidence weight (a number strictly between 0 and 1), as a literal.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use board_explorer::model::extract::table::{Words, parse_table};
use board_explorer::model::extract::{RuleSet, Table};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` ending in `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("a readable folder") {
            let p = entry.expect("an entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn tables() -> Vec<(PathBuf, Table)> {
    let found = files(&root().join("assets/extract"), "ron");
    assert!(found.len() >= 7, "the built-in tables are found: {found:?}");
    found
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a readable table");
            let name = p.file_name().expect("a name").to_string_lossy().to_string();
            match parse_table(&name, &text) {
                Ok(t) => (p, t),
                Err(e) => panic!("{e}"),
            }
        })
        .collect()
}

#[test]
fn built_in_tables_parse_and_compile() {
    let tables = tables();
    let rules = RuleSet::built_in();
    for (path, t) in &tables {
        if t.language != "*" {
            assert!(
                rules.languages().any(|l| l == t.language),
                "{}: no lexicon for {}",
                path.display(),
                t.language
            );
        }
    }
    // Each file compiles as a user's table would, its rules' facts and classes checked.
    for (path, t) in &tables {
        if let Err(e) = RuleSet::with(std::slice::from_ref(t)) {
            panic!("{}: {e}", path.display());
        }
    }
}

/// Every word and phrase of the tables' classes and rules, lower case, `*` dropped.
fn table_words() -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let mut add = |entry: &str| {
        let entry = entry.to_lowercase();
        let entry = entry.trim_end_matches('*');
        for piece in std::iter::once(entry).chain(entry.split_whitespace()) {
            let piece = piece.trim_end_matches('*');
            if piece.chars().any(char::is_alphabetic) {
                words.insert(piece.to_string());
            }
        }
    };
    for (_, t) in tables() {
        for list in t.classes.values() {
            list.iter().for_each(|w| add(w));
        }
        for rule in &t.rules {
            rule.forms.iter().for_each(|w| add(w));
            let inline = [&rule.before, &rule.not_before, &rule.not_then, &rule.object]
                .into_iter()
                .flatten()
                .chain(&rule.then);
            for w in inline {
                if let Words::Words(list) = w {
                    list.iter().for_each(|w| add(w));
                }
            }
        }
        for c in &t.complements {
            c.words.iter().for_each(|w| add(w));
        }
    }
    words
}

/// A literal found in source text, with its line.
#[derive(Debug)]
enum Literal {
    Str(String, usize),
    Float(f64, usize),
}

/// The string and float literals of Rust source, comments left out.
fn literals(src: &str) -> Vec<Literal> {
    let c: Vec<char> = src.chars().collect();
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            i += 2;
            while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                line += usize::from(c[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if ch == 'r'
            && (next == Some('#') || next == Some('"'))
            && (i == 0 || !ident(c[i - 1]))
        {
            // A raw string: r"…", r#"…"#.
            let mut k = i + 1;
            while c.get(k) == Some(&'#') {
                k += 1;
            }
            let hashes = k - i - 1;
            if c.get(k) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = k + 1;
            let mut e = start;
            while e < c.len()
                && !(c[e] == '"' && (0..hashes).all(|h| c.get(e + 1 + h) == Some(&'#')))
            {
                e += 1;
            }
            let s: String = c[start..e.min(c.len())].iter().collect();
            out.push(Literal::Str(s.clone(), line));
            line += s.matches('\n').count();
            i = e + 1 + hashes;
        } else if ch == '"' {
            let mut s = String::new();
            let at = line;
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                if let Some(&x) = c.get(i) {
                    line += usize::from(x == '\n');
                    s.push(x);
                }
                i += 1;
            }
            out.push(Literal::Str(s, at));
            i += 1;
        } else if ch == '\'' {
            // A char literal ('x', '\'') or a lifetime ('a).
            if next == Some('\\') {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_ascii_digit() && (i == 0 || !ident(c[i - 1]) && c[i - 1] != '.') {
            let start = i;
            while i < c.len() && (c[i].is_ascii_digit() || c[i] == '_') {
                i += 1;
            }
            if c.get(i) == Some(&'.') && c.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
                while i < c.len() && (c[i].is_ascii_digit() || c[i] == '_') {
                    i += 1;
                }
                let text: String = c[start..i].iter().filter(|d| **d != '_').collect();
                out.push(Literal::Float(text.parse().expect("a float"), line));
            }
            while i < c.len() && ident(c[i]) {
                i += 1;
            }
        } else if ident(ch) {
            while i < c.len() && ident(c[i]) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The source a test may not hold cue words in: the file up to its `#[cfg(test)]` module.
fn without_tests(src: &str) -> &str {
    src.find("#[cfg(test)]").map_or(src, |at| &src[..at])
}

/// Whether a literal spells a table word: lower case as tokens are folded, or capitalised.
/// Capitals alone ("IT", "WHO") are codes and acronyms, not words.
fn spells(literal: &str, words: &BTreeSet<String>) -> bool {
    let all_caps =
        literal.chars().any(char::is_alphabetic) && !literal.chars().any(char::is_lowercase);
    !all_caps && words.contains(&literal.to_lowercase())
}

/// Literals of files in `src/model/extract/` that are not cue words though tables spell them
/// too: what cuts the text into sentences and words, before any language is known.
const NOT_CUE_WORDS: &[(&str, &[&str])] = &[
    // Abbreviations a full stop does not end a sentence after ("Mr.", "Jan.", "No.").
    ("segment.rs", &["mr", "mrs", "ms", "dr", "no", "co", "est"]),
    // French elisions cut off a word ("l'invitation") and the possessive cut off a name.
    ("tokens.rs", &["l", "d", "m", "n", "s", "qu", "'s"]),
    // The language read when none is detected.
    ("table.rs", &["en"]),
];

/// What in `src` breaks the rule: table words and weights spelt in the code, but for the
/// literals `allowed` there.
fn offences(src: &str, words: &BTreeSet<String>, allowed: &[&str]) -> Vec<String> {
    literals(without_tests(src))
        .into_iter()
        .filter_map(|lit| match lit {
            Literal::Str(s, line) if spells(&s, words) && !allowed.contains(&s.as_str()) => {
                Some(format!("line {line}: the table word \"{s}\""))
            }
            Literal::Float(x, line) if x > 0.0 && x < 1.0 => {
                Some(format!("line {line}: the weight {x}"))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_scanner_sees_words_and_weights_but_not_comments_or_tests() {
    let words: BTreeSet<String> = ["said", "prime minister"].map(String::from).into();
    let src = r##"
        // "said" in a comment, 0.5 too
        /* "said" */
        fn f<'a>(t: &'a str) -> bool { t == "Said" && 'x' != '\'' && r#"prime minister"# != "" }
        const W: f32 = 0.75;
        const OK: f64 = 1.0 + 0.0 + 2.5 + x.0;
        #[cfg(test)]
        mod tests { const T: &str = "said"; const X: f32 = 0.3; }
    "##;
    let found = offences(src, &words, &[]);
    assert_eq!(
        found,
        [
            "line 4: the table word \"Said\"",
            "line 4: the table word \"prime minister\"",
            "line 5: the weight 0.75"
        ],
        "{found:?}"
    );
}

#[test]
fn extract_source_spells_no_table_word_or_weight() {
    let words = table_words();
    assert!(
        words.contains("invited") && words.contains("president"),
        "the tables' words are read"
    );
    let mut all = Vec::new();
    for path in files(&root().join("src/model/extract"), "rs") {
        let src = std::fs::read_to_string(&path).expect("a readable source file");
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let allowed = NOT_CUE_WORDS
            .iter()
            .find(|(file, _)| Some(*file) == name.as_deref())
            .map_or(&[][..], |(_, words)| *words);
        for o in offences(&src, &words, allowed) {
            all.push(format!(
                "{}: {o}",
                path.strip_prefix(root()).unwrap_or(&path).display()
            ));
        }
    }
    assert!(
        all.is_empty(),
        "cue words and weights belong in assets/extract/*.ron, not in the code:\n{}",
        all.join("\n")
    );
}

/// The longest a function of the extractor may be: each reads top to bottom in one screen.
const MAX_FUNCTION_LINES: usize = 80;

/// Each function of `src` (outside its tests) that runs over the limit, with its length: from
/// its `fn` line to the closing brace at the same indentation.
fn long_functions(src: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = without_tests(src).lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let code = line.trim_start();
        let fn_at = ["fn ", "pub fn ", "pub(super) fn ", "pub(crate) fn "]
            .iter()
            .any(|p| code.starts_with(p))
            || code.starts_with("pub(in ") && code.contains(") fn ");
        if fn_at && !code.ends_with(';') {
            let close = " ".repeat(indent) + "}";
            let end = (i + 1..lines.len())
                .find(|&j| lines[j] == close)
                .unwrap_or(lines.len() - 1);
            let length = end - i + 1;
            if length > MAX_FUNCTION_LINES {
                let name = code.split('(').next().unwrap_or(code).to_string();
                out.push((name, length));
            }
            i = end;
        }
        i += 1;
    }
    out
}

#[test]
fn the_length_check_sees_a_long_function() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let src = format!("fn short() {{\n}}\n\nfn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&src),
        [("fn long".to_string(), MAX_FUNCTION_LINES + 2)]
    );
}

#[test]
fn no_function_of_the_extractor_runs_over_eighty_lines() {
    let mut all = Vec::new();
    for path in files(&root().join("src/model/extract"), "rs") {
        let src = std::fs::read_to_string(&path).expect("a readable source file");
        for (name, length) in long_functions(&src) {
            all.push(format!("{}: {name} ({length} lines)", path.display()));
        }
    }
    assert!(all.is_empty(), "split these:\n{}", all.join("\n"));
}
