//! Writing HTML so that no value from a dataset can become markup: the writer takes markup
//! only as `&'static str` (text written in this program), and every other string, in text or
//! in an attribute, passes through the one escaping function, [`escape`].

use std::borrow::Cow;

/// A page being written.
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn with_capacity(bytes: usize) -> Self {
        Html {
            out: String::with_capacity(bytes),
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Markup written in this program (a literal: data cannot reach it).
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Text, escaped; text that holds bidirectional controls is isolated in `<bdi>` and its
    /// controls closed, so a right-to-left override in a name cannot reorder the page
    /// around it.
    pub fn text(&mut self, text: &str) -> &mut Self {
        if has_bidi_controls(text) {
            self.raw("<bdi>").plain(text).raw("</bdi>")
        } else {
            self.plain(text)
        }
    }

    /// Text, escaped and its bidirectional controls closed, without markup: for elements
    /// whose content is text only (`<title>`).
    pub fn plain(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
        close_bidi(&mut self.out, text);
        self
    }

    /// A number, as text.
    pub fn num(&mut self, n: impl Into<f64>) -> &mut Self {
        let n: f64 = n.into();
        if n.fract() == 0.0 && n.abs() < 1e15 {
            self.out.push_str(&format!("{}", n as i64));
        } else {
            self.out.push_str(&format!("{n:.1}"));
        }
        self
    }

    /// `<tag a="v" …>`, every value escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn elem(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A link to `url` when it is a plain http(s) address; anything else (`javascript:`,
    /// `data:`, a relative path) is shown as text and never followed.
    pub fn external_link(&mut self, url: &str, text: &str) -> &mut Self {
        match safe_url(url) {
            Some(url) => self.elem(
                "a",
                &[("href", url), ("rel", "noopener noreferrer nofollow")],
                text,
            ),
            None => self.elem("span", &[("class", "url")], url),
        }
    }
}

/// The one escaping function: `&`, `<`, `>`, `"` and `'` become entities, so escaped text is
/// safe both between tags and inside a quoted attribute; control characters other than tab and
/// line feed (which HTML forbids or reads as something else) become U+FFFD, visibly.
pub fn escape(text: &str) -> Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'') || (c.is_control() && c != '\n' && c != '\t')
    };
    if !text.contains(special) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds a bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069).
fn has_bidi_controls(text: &str) -> bool {
    text.contains(['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'])
        || text.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'])
}

/// Closes what `text` opened and left open: a POP DIRECTIONAL ISOLATE for each isolate
/// (which also ends any embedding or override opened inside it), and a POP DIRECTIONAL
/// FORMATTING for each embedding or override left open outside isolates (Unicode's UAX #9).
fn close_bidi(out: &mut String, text: &str) {
    let (mut isolates, mut embeddings) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => isolates += 1,
            // Ends the isolate and what was opened inside it, not what was opened before it.
            '\u{2069}' if isolates > 0 => isolates -= 1,
            '\u{202a}'..='\u{202b}' | '\u{202d}'..='\u{202e}' if isolates == 0 => embeddings += 1,
            '\u{202c}' if isolates == 0 => embeddings = embeddings.saturating_sub(1),
            _ => {}
        }
    }
    out.extend(std::iter::repeat_n('\u{2069}', isolates));
    out.extend(std::iter::repeat_n('\u{202c}', embeddings));
}

/// `url`, trimmed, when it is an absolute http(s) address with nothing a browser would read
/// otherwise (no space, no control character, no quote or angle bracket).
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let after = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return None;
    };
    let clean = !url.contains(|c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    });
    // Something must follow the scheme: a host.
    (clean && url.len() > after).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_become_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1b}[2J\u{0}b\nc"), "a\u{FFFD}[2J\u{FFFD}b\nc");
        assert!(matches!(escape("Erdoğan"), Cow::Borrowed(_)));
        let mut h = Html::default();
        h.open("a", &[("title", "\" onmouseover=\"x")]).close("a");
        assert_eq!(h.finish(), "<a title=\"&quot; onmouseover=&quot;x\"></a>");
    }

    #[test]
    fn a_right_to_left_override_stays_inside_its_value() {
        let mut h = Html::default();
        h.raw("<td>")
            .text("Abc\u{202e}fdp.exe")
            .raw("</td><td>next</td>");
        let page = h.finish();
        // Isolated, and the override closed before the value ends.
        assert_eq!(
            page,
            "<td><bdi>Abc\u{202e}fdp.exe\u{202c}</bdi></td><td>next</td>"
        );
        let mut h = Html::default();
        h.text("\u{2067}x\u{202d}y");
        assert_eq!(h.finish(), "<bdi>\u{2067}x\u{202d}y\u{2069}</bdi>");
        // An override opened before a closed isolate stays open until closed here.
        let mut h = Html::default();
        h.text("\u{202e}a\u{2067}b\u{2069}");
        assert_eq!(h.finish(), "<bdi>\u{202e}a\u{2067}b\u{2069}\u{202c}</bdi>");
        // A text without such controls is written as it is.
        let mut h = Html::default();
        h.text("\u{200f}عباس");
        assert_eq!(h.finish(), "\u{200f}عباس");
    }

    #[test]
    fn only_http_addresses_become_links() {
        assert_eq!(
            safe_url(" https://a.example/x "),
            Some("https://a.example/x")
        );
        assert_eq!(safe_url("HTTP://a.example"), Some("HTTP://a.example"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "https://a.example/x y",
            "https://a.example/\"onclick",
            "https://",
            "/etc/passwd",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
        let mut h = Html::default();
        h.external_link("javascript:alert(1)", "x");
        assert_eq!(h.finish(), "<span class=\"url\">javascript:alert(1)</span>");
    }
}
