//! Whole words in a text: a span dragged across part of a word grows to the whole word, so a
//! quote never starts or ends in the middle of one ("eptedtheinvit" is never a quote).

/// Whether a character belongs to a word. Apostrophes and hyphens join words ("Erdoğan's",
/// "Prime-Minister") only between letters; see [`is_joined`].
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `c` at `at` joins two word characters ("don't", "Abu-Dhabi", "U.S").
fn is_joined(text: &str, at: usize, c: char) -> bool {
    if !matches!(c, '\'' | '’' | '-' | '.') {
        return false;
    }
    let before = text[..at].chars().next_back().is_some_and(is_word_char);
    let after = text[at + c.len_utf8()..]
        .chars()
        .next()
        .is_some_and(is_word_char);
    before && after
}

fn in_word(text: &str, at: usize, c: char) -> bool {
    is_word_char(c) || is_joined(text, at, c)
}

/// The start of the word `at` is in; if `at` is between words, the start of the next word.
pub fn word_start(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at.min(text.len()));
    // Between words: move forward over spaces and punctuation to the next word.
    let next_word = text[at..]
        .char_indices()
        .find(|&(i, c)| in_word(text, at + i, c))
        .map(|(i, _)| at + i);
    let Some(from) = next_word else {
        return at;
    };
    if from > at {
        return from;
    }
    // Inside a word: move back to its start.
    text[..at]
        .char_indices()
        .rev()
        .take_while(|&(i, c)| in_word(text, i, c))
        .last()
        .map_or(at, |(i, _)| i)
}

/// The end of the word that ends at or contains `at`; if `at` is between words, the end of the
/// previous word.
pub fn word_end(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at.min(text.len()));
    let prev_word = text[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| in_word(text, i, c))
        .map(|(i, c)| i + c.len_utf8());
    let Some(to) = prev_word else {
        return at;
    };
    if to < at {
        return to;
    }
    text[at..]
        .char_indices()
        .take_while(|&(i, c)| in_word(text, at + i, c))
        .last()
        .map_or(at, |(i, c)| at + i + c.len_utf8())
}

/// A span grown (or, over spaces at its edges, shrunk) to whole words. `a` and `b` may come in
/// either order (a drag to the left); an empty result means no word was covered.
pub fn snap_to_words(text: &str, a: usize, b: usize) -> (usize, usize) {
    let (lo, hi) = (a.min(b), a.max(b));
    let start = word_start(text, lo);
    let end = word_end(text, hi);
    if start >= end { (lo, lo) } else { (start, end) }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapped(text: &str, a: &str, b: &str) -> String {
        // `a` and `b` mark where the drag starts and ends: at the first byte of each marker.
        let (s, e) = snap_to_words(text, text.find(a).unwrap(), text.find(b).unwrap());
        text[s..e].to_string()
    }

    #[test]
    fn a_drag_inside_words_grows_to_whole_words() {
        let text = "Hungary has accepted the invitation.";
        assert_eq!(snapped(text, "ngary", "pted"), "Hungary has accepted");
        assert_eq!(
            snapped(text, "cepted", "vitation"),
            "accepted the invitation"
        );
        // Backwards drags snap the same way.
        assert_eq!(
            snapped(text, "vitation", "cepted"),
            "accepted the invitation"
        );
    }

    #[test]
    fn spaces_and_punctuation_at_the_edges_are_left_out() {
        let text = "He said: “Erdoğan’s aide declined.” Then left.";
        let s = text.find(" “").unwrap();
        let e = text.find("declined.”").unwrap() + "declined.”".len();
        let (a, b) = snap_to_words(text, s, e);
        assert_eq!(&text[a..b], "Erdoğan’s aide declined");
    }

    #[test]
    fn joined_words_stay_whole_and_multibyte_letters_are_safe() {
        let text = "The U.S. envoy, Abu-Dhabi's man, spoke.";
        assert_eq!(snapped(text, ".S.", "nvoy"), "U.S. envoy");
        assert_eq!(snapped(text, "Dhabi", "Dhabi"), "Abu-Dhabi's");
        let text = "Лукашенко принял";
        // Any byte, even inside a two-byte letter, snaps to the whole word.
        let (a, b) = snap_to_words(text, 3, 5);
        assert_eq!(&text[a..b], "Лукашенко");
    }

    #[test]
    fn a_span_over_no_word_is_empty() {
        let text = "one  ,  two";
        let (a, b) = snap_to_words(text, 4, 6);
        assert_eq!(a, b);
        assert_eq!(snap_to_words("", 0, 0), (0, 0));
    }
}
