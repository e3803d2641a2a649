//! What reaches a terminal: values from a dataset may hold control characters that clear the
//! screen, set the window title (ESC sequences), forge a table row (a newline), or reorder what
//! is shown (bidi overrides). Each is printed as a visible escape instead.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 and C1 controls, DEL, and the bidi embedding,
/// override and isolate marks.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let keep = |c: char| keep_newlines && c == '\n';
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if keep(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A value in a table cell or on one line: every unsafe character escaped, newlines included.
pub fn terminal_cell(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// A whole message or table about to be printed: the same, but its own line breaks kept.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        assert_eq!(
            terminal_cell("a\u{1b}]0;title\u{7}\nb\u{202e}c\u{7f}\u{9b}"),
            "a\\u{1b}]0;title\\u{7}\\nb\\u{202e}c\\u{7f}\\u{9b}"
        );
        assert_eq!(terminal_text("x\ny\r"), "x\ny\\r");
        assert!(matches!(terminal_cell("Erdoğan 习近平"), Cow::Borrowed(_)));
    }
}
