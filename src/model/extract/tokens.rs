//! Words and punctuation of one sentence, each with its byte span in the whole text and a
//! folded form (ASCII, lower case) for matching cue words whatever the accents or apostrophes.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the whole text.
    pub span: Range<usize>,
    /// Lower-case ASCII form: "Erdoğan" is "erdogan", "won’t" is "won't".
    pub lower: String,
    /// Starts with a capital letter.
    pub cap: bool,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
}

impl Token {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match deunicode::deunicode_char(c) {
                Some(a) => out.extend(a.chars().map(|c| c.to_ascii_lowercase())),
                None => out.push(c),
            },
        }
    }
    out
}

/// A capitalised word of two letters or more before an apostrophe takes a case suffix
/// ("Türkiye'nin", "Erdoğan'ın"): the name stands alone, the suffix is a token of its own.
/// English contractions ("won't") and "O'Brien" keep their apostrophe inside.
fn suffix_of_name(word: &[(usize, char)]) -> bool {
    let name = word.len() >= 2 && word[0].1.is_uppercase();
    name && word.iter().all(|(_, c)| c.is_alphabetic()) || elided(word)
}

/// A French elided article or pronoun ("l'invitation", "d'adhérer", "qu'il"): its own token.
fn elided(word: &[(usize, char)]) -> bool {
    let w: String = word.iter().map(|(_, c)| c.to_ascii_lowercase()).collect();
    matches!(
        w.as_str(),
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu"
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The tokens of `text[range]`. A word runs over inner hyphens, full stops between letters
/// ("U.S.") and apostrophes ("won't"), but a possessive "'s" is a token of its own, so
/// "Trump’s" is "trump" then "'s".
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let s = &text[range.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = at + c.len_utf8();
            out.push(Token {
                span: range.start + at..range.start + end,
                lower: fold(&s[at..end]),
                cap: false,
                word: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            if c.is_alphanumeric() {
                j += 1;
            } else if (c == '-' || c == '.') && next.is_some_and(char::is_alphanumeric)
                || is_apostrophe(c)
                    && next.is_some_and(char::is_alphabetic)
                    && !(next.is_some_and(|n| n == 's' || n == 'S')
                        && chars.get(j + 2).is_none_or(|x| !x.1.is_alphanumeric()))
                    && !suffix_of_name(&chars[i..j])
            {
                // Inner hyphens, stops between letters ("U.S"), apostrophes ("won't").
                j += 2;
            } else {
                break;
            }
        }
        // "U.S." keeps its last stop: letters separated by stops are an abbreviation.
        let mut end_idx = j;
        if chars.get(j).is_some_and(|x| x.1 == '.') && s[at..chars[j].0].contains('.') {
            end_idx = j + 1;
        }
        let end = chars.get(end_idx).map_or(s.len(), |x| x.0);
        out.push(Token {
            span: range.start + at..range.start + end,
            lower: fold(&s[at..end]),
            cap: c.is_uppercase(),
            word: true,
        });
        i = end_idx;
        // The possessive "'s" as its own token.
        if let (Some(&(a, q)), Some(&(_, s2))) = (chars.get(i), chars.get(i + 1))
            && is_apostrophe(q)
            && (s2 == 's' || s2 == 'S')
            && chars.get(i + 2).is_none_or(|x| !x.1.is_alphanumeric())
        {
            let e = chars.get(i + 2).map_or(s.len(), |x| x.0);
            out.push(Token {
                span: range.start + a..range.start + e,
                lower: "'s".into(),
                cap: false,
                word: false,
            });
            i += 2;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("Trump’s U.S. plan won’t work, Erdoğan said."),
            [
                "trump", "'s", "u.s.", "plan", "won't", "work", ",", "erdogan", "said", "."
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "xx Carney’s offer";
        let t = tokenize(text, 3..text.len());
        assert_eq!(&text[t[0].span.clone()], "Carney");
        assert_eq!(&text[t[1].span.clone()], "’s");
        assert!(t[0].cap && !t[2].cap);
    }
}
