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

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
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
