//! Forgiving search: accents folded, case ignored, every word of the query found somewhere in
//! the name or an alias ("erdogan" finds Erdoğan, "putin vlad" finds Vladimir Putin).

use crate::model::data::dataset::Actor;

/// Lowercase ASCII transliteration, for matching.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// What a search is matched against for one actor: name and aliases, folded, one string.
pub fn search_key(actor: &Actor) -> String {
    let mut key = fold(&actor.name);
    for alias in &actor.aliases {
        key.push('\n');
        key.push_str(&fold(alias));
    }
    key
}

/// A query prepared once per keystroke, matched against many keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, key: &str) -> bool {
        self.words.iter().all(|w| key.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn folds_accents_case_and_partial_words() {
        let erdogan = search_key(&actor("Recep Tayyip Erdoğan", &[]));
        assert!(Query::new("erdogan").matches(&erdogan));
        assert!(Query::new("ERDOĞ").matches(&erdogan));
        assert!(Query::new("tayy erd").matches(&erdogan));
        assert!(!Query::new("erdogan putin").matches(&erdogan));
        let putin = search_key(&actor("Vladimir Putin", &["the Russian leader"]));
        assert!(Query::new("russian leader").matches(&putin));
        assert!(Query::new("").matches(&putin));
    }
}
