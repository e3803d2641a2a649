//! States and international organisations a report may name, and the words that point at them:
//! names in several languages, demonyms ("Hungarian", "Turkish") and seats of government used
//! for the state ("the Kremlin"). Countries come from keshvar (ISO 3166 names, unofficial
//! names, nationalities); a short table adds the everyday forms news English uses that ISO
//! lists leave out ("U.S.", "Emirati", "Kosovo").

/// One state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// The everyday English name ("Russia", not "Russian Federation").
    pub name: String,
    /// ISO 3166-1 alpha-2 code ("XK" for Kosovo, by common use).
    pub code: String,
}

/// How a word or phrase points at a state or organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pointer {
    /// "Hungary", "Türkiye", "the Kremlin": the state itself.
    Country(usize),
    /// "Hungarian": a modifier, never the state on its own.
    Demonym(usize),
    /// "European Union", "World Bank".
    Organisation(usize),
}

/// Everyday names and demonyms ISO lists lack, by ISO code. Case matters for the short ones.
const EXTRA_NAMES: &[(&str, &str)] = &[
    ("US", "US"),
    ("U.S.", "US"),
    ("USA", "US"),
    ("America", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("UAE", "AE"),
    ("Turkiye", "TR"),
    ("Türkiye", "TR"),
    ("Ivory Coast", "CI"),
    ("Czechia", "CZ"),
    ("Holy See", "VA"),
    ("Vatican", "VA"),
];

/// Seats of government named for the state, as news English does.
const METONYMS: &[(&str, &str)] = &[
    ("Kremlin", "RU"),
    ("White House", "US"),
    ("Elysee", "FR"),
    ("Élysée", "FR"),
    ("Downing Street", "GB"),
    ("Zhongnanhai", "CN"),
];

const EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("Emirati", "AE"),
    ("Argentine", "AR"),
    ("Argentinian", "AR"),
    ("Saudi", "SA"),
    ("Belarusian", "BY"),
    ("Kazakh", "KZ"),
    ("Azerbaijani", "AZ"),
    ("Uzbek", "UZ"),
    ("Filipino", "PH"),
    ("Egyptian", "EG"),
    ("Qatari", "QA"),
    ("Kuwaiti", "KW"),
    ("Bahraini", "BH"),
    ("Omani", "OM"),
    ("Jordanian", "JO"),
    ("Pakistani", "PK"),
    ("Indonesian", "ID"),
    ("Israeli", "IL"),
    ("Palestinian", "PS"),
    ("Ukrainian", "UA"),
    ("Hungarian", "HU"),
    ("Paraguayan", "PY"),
    ("Vietnamese", "VN"),
    ("Kosovar", "XK"),
    ("Albanian", "AL"),
    ("Armenian", "AM"),
    ("Mongolian", "MN"),
    ("Bulgarian", "BG"),
    ("Italian", "IT"),
    ("German", "DE"),
    ("French", "FR"),
    ("British", "GB"),
    ("American", "US"),
    ("Canadian", "CA"),
    ("Turkish", "TR"),
    ("Russian", "RU"),
    ("Chinese", "CN"),
    ("Indian", "IN"),
];

/// States outside ISO 3166-1 that reports treat as states.
const EXTRA_COUNTRIES: &[(&str, &str)] = &[("Kosovo", "XK")];

/// International organisations, with their usual short forms.
pub const ORGANISATIONS: &[(&str, &[&str])] = &[
    ("European Union", &["EU", "E.U."]),
    ("European Commission", &[]),
    ("United Nations", &["UN", "U.N."]),
    ("NATO", &[]),
    ("World Bank", &[]),
    ("International Monetary Fund", &["IMF"]),
    ("African Union", &[]),
    ("Arab League", &["League of Arab States"]),
    ("Organisation of Islamic Cooperation", &["OIC"]),
    ("Gulf Cooperation Council", &["GCC"]),
    ("ASEAN", &[]),
    ("UNRWA", &[]),
    ("World Health Organization", &["WHO"]),
    ("International Committee of the Red Cross", &["ICRC"]),
];

/// The table of states and the phrases that point at them and at organisations.
pub struct Countries {
    pub list: Vec<Country>,
    /// Every phrase with what it points at; phrases of two to four capitals must match in
    /// capitals ("US", not "us").
    pub phrases: Vec<(String, Pointer)>,
}

fn plausible_name(name: &str) -> bool {
    // Latin or Cyrillic names only (the folded matcher reads those), long enough not to be
    // an ordinary word's neighbour, without ISO's bracketed forms.
    name.chars().count() >= 4
        && !name.contains(['(', ','])
        && name
            .chars()
            .all(|c| c.is_alphabetic() && (c as u32) < 0x0530 || " -'.".contains(c))
}

impl Countries {
    /// English names and everyday forms only.
    pub fn new() -> Countries {
        Countries::with_languages(&[], &[])
    }

    /// Also each state's name in `languages` (ISO 639-1: "ru", "es"), as keshvar translates it,
    /// and `names` (name, ISO code) from the rule tables.
    pub fn with_languages(languages: &[&str], names: &[(String, String)]) -> Countries {
        let mut list: Vec<Country> = Vec::new();
        let mut phrases: Vec<(String, Pointer)> = Vec::new();
        for c in keshvar::CountryIterator::new() {
            let code = c.alpha2().to_string();
            let unofficial = c.unofficial_name_list();
            let name = unofficial
                .first()
                .copied()
                .filter(|n| plausible_name(n))
                .unwrap_or(c.iso_short_name());
            let idx = list.len();
            list.push(Country {
                name: name.to_string(),
                code,
            });
            for n in std::iter::once(&c.iso_short_name()).chain(unofficial) {
                if plausible_name(n) {
                    phrases.push((n.to_string(), Pointer::Country(idx)));
                }
            }
            if let Some(d) = c.maybe_nationality() {
                phrases.push((d.to_string(), Pointer::Demonym(idx)));
            }
            for lang in languages {
                if let Some(n) = c.translations().get(lang).filter(|n| plausible_name(n)) {
                    phrases.push((n.to_string(), Pointer::Country(idx)));
                }
            }
        }
        for (name, code) in EXTRA_COUNTRIES {
            list.push(Country {
                name: name.to_string(),
                code: code.to_string(),
            });
            phrases.push((name.to_string(), Pointer::Country(list.len() - 1)));
        }
        let by_code = |list: &[Country], code: &str| list.iter().position(|c| c.code == code);
        let tables = names.iter().map(|(n, c)| (n.as_str(), c.as_str()));
        for (name, code) in EXTRA_NAMES
            .iter()
            .copied()
            .chain(METONYMS.iter().copied())
            .chain(tables)
        {
            if let Some(i) = by_code(&list, code) {
                phrases.push((name.to_string(), Pointer::Country(i)));
            }
        }
        for (name, code) in EXTRA_DEMONYMS {
            if let Some(i) = by_code(&list, code) {
                phrases.push((name.to_string(), Pointer::Demonym(i)));
            }
        }
        for (i, (name, short)) in ORGANISATIONS.iter().enumerate() {
            for n in std::iter::once(name).chain(short.iter()) {
                phrases.push((n.to_string(), Pointer::Organisation(i)));
            }
        }
        // A name that is also another country's demonym ("Argentine") stays a name once.
        let mut seen = std::collections::HashSet::new();
        phrases.retain(|(p, ptr)| seen.insert((p.to_lowercase(), *ptr)));
        drop_ambiguous_demonyms(&mut phrases);
        Countries { list, phrases }
    }

    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.list.iter().position(|c| c.code == code)
    }
}

impl Default for Countries {
    fn default() -> Self {
        Self::new()
    }
}

/// The stem of a name in Cyrillic, its case ending cut ("Венгрия" → "Венгр", so "Венгрии" and
/// "Венгрией" meet it), when enough of the name is left to be sure.
pub fn cyrillic_stem(name: &str) -> Option<String> {
    if !name
        .chars()
        .all(|c| ('\u{0400}'..='\u{04FF}').contains(&c) || c == ' ' || c == '-')
    {
        return None;
    }
    let stem = name.trim_end_matches(['а', 'я', 'ы', 'и', 'е', 'о', 'у', 'ю', 'й', 'ь']);
    (stem.chars().count() >= 4).then(|| stem.to_string())
}

/// A demonym several states share ("American": the United States and its territories) points
/// at none, unless the everyday table names its state: then at that one only.
fn drop_ambiguous_demonyms(phrases: &mut Vec<(String, Pointer)>) {
    use std::collections::{HashMap, HashSet};
    let mut count: HashMap<String, usize> = HashMap::new();
    for (p, ptr) in phrases.iter() {
        if let Pointer::Demonym(_) = ptr {
            *count.entry(p.to_lowercase()).or_default() += 1;
        }
    }
    let everyday: HashSet<String> = EXTRA_DEMONYMS
        .iter()
        .map(|(d, _)| d.to_lowercase())
        .collect();
    // The everyday table's entries come last: walking back, a shared demonym keeps its first.
    let mut taken: HashSet<String> = HashSet::new();
    let mut out: Vec<(String, Pointer)> = Vec::with_capacity(phrases.len());
    for (p, ptr) in phrases.drain(..).rev() {
        let key = p.to_lowercase();
        let shared = matches!(ptr, Pointer::Demonym(_)) && count.get(&key).is_some_and(|&n| n > 1);
        if !shared || everyday.contains(&key) && taken.insert(key) {
            out.push((p, ptr));
        }
    }
    out.reverse();
    *phrases = out;
}

/// Whether a phrase must match in capitals as written: acronyms such as "US", "UN", "WHO".
pub fn needs_exact_case(phrase: &str) -> bool {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(c: &Countries, phrase: &str) -> Vec<Pointer> {
        c.phrases
            .iter()
            .filter(|(p, _)| p == phrase)
            .map(|(_, ptr)| *ptr)
            .collect()
    }

    #[test]
    fn names_demonyms_and_seats_point_at_their_state() {
        let c = Countries::new();
        let hu = c.by_code("HU").unwrap();
        assert_eq!(c.list[hu].name, "Hungary");
        assert!(points(&c, "Hungarian").contains(&Pointer::Demonym(hu)));
        let tr = c.by_code("TR").unwrap();
        assert_eq!(c.list[tr].name, "Turkey");
        assert!(points(&c, "Türkiye").contains(&Pointer::Country(tr)));
        assert!(points(&c, "Turkish").contains(&Pointer::Demonym(tr)));
        let ru = c.by_code("RU").unwrap();
        assert_eq!(c.list[ru].name, "Russia");
        assert!(points(&c, "Kremlin").contains(&Pointer::Country(ru)));
        assert!(points(&c, "Россия").contains(&Pointer::Country(ru)));
        assert_eq!(c.list[c.by_code("VN").unwrap()].name, "Vietnam");
        assert!(c.by_code("XK").is_some());
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        assert!(needs_exact_case("US") && needs_exact_case("U.S.") && needs_exact_case("WHO"));
        assert!(!needs_exact_case("Hungary") && !needs_exact_case("NATO Allies"));
    }
}
