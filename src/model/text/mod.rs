//! Text: article text normalised (here), whole words ([`words`]), quotes anchored in a
//! source ([`quote`], [`quote_words`]), facts written as `property=value` ([`fact_text`]) and
//! the known actors a text names ([`mentions`]).
//!
//! Normalising article text so that quotes stay anchored however the text arrived
//! (pasted, saved on Windows, copied with trailing spaces).

pub mod fact_text;
pub mod mentions;
pub mod quote;
pub mod quote_words;
pub mod typed_date;
pub mod words;

use sha2::{Digest, Sha256};

/// Line endings become `\n`, trailing spaces go, runs of blank lines become one, and the text
/// is trimmed at both ends. Words and punctuation (curly quotes included) are kept as they are.
pub fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line.trim_start_matches(['\u{feff}']));
    }
    out
}

/// HTML to plain text: tags stripped (scripts and styles with their content), entities decoded,
/// paragraphs and line breaks kept as lines. Through nanohtml2text, a small, tested converter.
pub fn strip_html(html: &str) -> String {
    nanohtml2text::html2text(html)
}

/// The text a source stores from what was pasted or read: HTML stripped, whitespace tidied.
pub fn stored_text(raw: &str, html: bool) -> String {
    if html {
        normalise(&strip_html(raw))
    } else {
        normalise(raw)
    }
}

/// Whether an article is HTML: by its file's extension, else by its look.
pub fn is_html(extension: Option<&str>, text: &str) -> bool {
    extension.is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        || looks_like_html(text)
}

/// Whether pasted text looks like HTML rather than prose that happens to hold a `<`.
pub fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<html", "<body", "<p>", "<p ", "<div", "<br", "</p>", "<article",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// The 1-based line and column (in characters) of a byte offset, for messages.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Line and column of many offsets in one pass: each call moves on from where the previous
/// one stopped, so offsets asked in increasing order cost the text's length in all, not its
/// length each (an earlier offset starts again from the top).
pub struct LineCols<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> LineCols<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCols {
            text,
            at: 0,
            line: 1,
            col: 1,
        }
    }

    /// The 1-based line and column (in characters) of `byte`, as [`line_col`] gives it.
    pub fn at(&mut self, byte: usize) -> (usize, usize) {
        if byte < self.at {
            *self = LineCols::new(self.text);
        }
        for c in self.text[self.at..byte].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.at = byte;
        (self.line, self.col)
    }
}

/// The hex SHA-256 of a text, stored beside it to notice edits.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Lowercase ASCII words of `text` (accents transliterated), at most `max_words`, joined by
/// `separator`: "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan". Empty when `text` has no
/// letter or digit. Ids, file names and snapshot names are all made with this.
pub fn slug(text: &str, separator: &str, max_words: usize) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_whitespace_and_keeps_words() {
        let raw = "\u{feff}Title  \r\n\r\n\r\n   \nBody “quoted” text.\t\nEnd\n\n";
        assert_eq!(normalise(raw), "Title\n\nBody “quoted” text.\nEnd");
    }

    #[test]
    fn is_idempotent() {
        let once = normalise(" a \n\n\n b \r\n c ");
        assert_eq!(normalise(&once), once);
    }

    #[test]
    fn html_is_stripped_to_its_words() {
        let html = "<html><head><style>p{}</style></head><body><p>Putin &amp; Lukashenko</p>\n<p>were <b>invited</b>.</p></body></html>";
        assert!(looks_like_html(html));
        assert!(!looks_like_html("Growth was < 2% and > 1%."));
        let text = normalise(&strip_html(html));
        assert!(text.contains("Putin & Lukashenko"), "{text}");
        assert!(text.contains("were invited."), "{text}");
        assert!(!text.contains("p{}"), "{text}");
    }

    #[test]
    fn line_cols_in_one_pass_agree_with_line_col() {
        let text = "one\ntwo ğ three\n\nfour";
        let mut cursor = LineCols::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(cursor.at(byte), line_col(text, byte), "at {byte}");
        }
        assert_eq!(cursor.at(0), (1, 1), "an earlier offset starts again");
    }

    #[test]
    fn hash_is_stable_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
