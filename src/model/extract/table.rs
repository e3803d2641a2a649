//! Rule tables: the words that state a fact, as data. A table (RON) names word classes (the
//! be-verbs, negations, hedges, list introducers… of one language) and rules: for each rule its
//! word forms, voice, the side the actor stands on, what it states and its weight. The built-in
//! tables live in `assets/extract/`; a user's table adds classes' words and rules to them
//! without a rebuild. The engine ([`super::engine`]) applies every table the same way.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Deserialize;

use super::tokens::Token;
use crate::model::data::dataset::Fact;

/// A named word class the engine consults. Tables give the words of each class for their
/// language; the engine knows only the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, strum::EnumCount)]
pub enum Class {
    /// Forms of "be" that make a participle passive.
    Be,
    /// "got", "gets": a passive without "be".
    Get,
    /// Words that cancel (or reverse) a cue within three words before it.
    Negation,
    /// Modals that leave it open ("may", "could", "would").
    Hedge,
    /// Verbs after which "to" + cue is a plan or readiness ("ready", "plans", "wants").
    HedgeVerb,
    /// Verbs after which "to" + cue is an expectation ("expected", "set", "likely").
    Expect,
    /// Auxiliaries of a stated intent ("will", "would").
    Intent,
    /// Verbs after which "to" + cue is a decision ("agreed", "decided", "pledged").
    IntentVerb,
    /// The infinitive marker ("to").
    Infinitive,
    /// Marks that end a sentence or clause outright (".", ";").
    End,
    /// The comma.
    Comma,
    /// Relative pronouns after a comma ("who", "which"): they stand for the name before.
    Relative,
    /// Words joining two verbs of one subject ("and", "but").
    Coordinator,
    /// Words between an amount and its currency ("millones de dólares").
    AmountJoin,
    /// Words between a day and its month ("16 de enero", "16. Januar").
    DateJoin,
    /// Words that open a condition or question ("if", "whether").
    Condition,
    /// Concessions that begin like a condition ("si bien", "even if"): no condition.
    Concessive,
    /// Words that tie a name to what it belongs to ("of", "de"): in a list item "Argentina of
    /// Milei" the item is the first name, in "Trump special envoy Witkoff" the last.
    Of,
    /// Words before a name that give the source, not the subject ("from", "by").
    Source,
    /// Words before an amount that make it a joint total ("a total of"): no one's own pledge.
    Joint,
    /// Words after an amount that make it aid or trade rather than a pledge to the body.
    NotPledge,
    /// Adverbs and quote marks that may stand inside a verb group.
    Adverb,
    /// Words that may stand between a subject and its verb.
    Gap,
    /// Verbs that report speech: their subject is the speaker.
    Reporting,
    /// Words ending the clause an object is looked for in.
    ClauseBreak,
    /// Words that open a list after a cue ("included", "are", ":").
    ListIntro,
    /// Words that join the items of a list ("," "and" "as well as").
    ListJoin,
    /// Words that end a list ("while", "but").
    ListEnd,
    /// "including", "notably": a list that reaches past the object gap.
    Including,
    /// "alongside", "together": companions of the subject.
    Companion,
    /// "as did", "as has": after a comma, the same fact for the name that follows.
    Echo,
    /// "founding": with a member noun after it, a founding membership.
    Founding,
    /// "member", "members" and their forms.
    MemberNoun,
    /// "one": "one of the founding members" is no role of its own.
    OneOf,
    /// Nouns that head a body's name ("Board", "Committee", "Force").
    BodyNoun,
    /// Words that make a list a list of candidates ("potential", "possible").
    Potential,
    /// Verbs of taking part ("join", "participate").
    TakePart,
    /// Possessive markers ("'s").
    Possessive,
    /// Dashes and colons that set a name beside a title ("chairman—Donald Trump").
    Apposition,
    /// Articles and determiners skipped when reading an object.
    Article,
    /// "by": the agent of a passive.
    Agent,
    /// Nouns a cue acts on that belong in its quote ("accepted the invitation").
    Proposal,
    /// Capitalised words that start no person's name ("The", "President", "Minister").
    NotName,
    /// Words of a leader's office ("president", "prime minister", "king").
    LeaderOffice,
    /// Words before a list of states that name their leaders ("the leaders of").
    LeaderOf,
    /// Words that head an office ("president", "minister", "spokesperson").
    OfficeHead,
    /// Titles used before a single given name ("Pope Leo", "King Abdullah").
    RegnalTitle,
    /// Words that qualify an office ("foreign", "deputy", "prime").
    OfficeModifier,
    /// Nouns after a demonym or state name that make the phrase the state ("the Russian
    /// authorities", "the Belarusian side").
    StateNoun,
    /// Nouns after a name that make the name a modifier ("US officials", "Canada Post").
    ModifiedNoun,
    /// Pronouns for a person ("he", "she").
    PersonPronoun,
    /// Pronouns for a state or body ("it").
    StatePronoun,
    /// Pronouns for either ("they").
    EitherPronoun,
    /// Possessives of a person before a homeland noun ("his country").
    PersonPossessive,
    /// Possessives of a state before a homeland noun ("its government").
    StatePossessive,
    /// Nouns that, after a possessive pronoun, stand for a state ("country", "government").
    Homeland,
    /// The word that continues an office with a state or portfolio ("President of Belarus").
    OfficeOf,
    /// The definite article inside an office ("President of the Republic of …").
    Definite,
    /// The word a state's long name starts with ("the Republic of Belarus").
    Republic,
    /// Particles inside a person's name ("bin", "van", "de").
    NameParticle,
    /// Particles joined to a surname by a hyphen ("al-*": "al-Thawadi").
    NamePrefix,
    /// Words that put a sentence in the future, so a bare weekday is the coming one.
    Future,
    /// Past forms that do not end in "-ed".
    Past,
    /// The day of publication ("today", "tonight").
    Today,
    /// The day before publication.
    Yesterday,
    /// The day after publication.
    Tomorrow,
    /// A weekday after these is the one ahead, not today ("next Monday").
    Next,
    /// A weekday after these is ahead, today included ("coming Monday").
    Coming,
    /// A weekday after these is the one before, not today ("last Monday").
    Last,
}

/// Words given inline or by class.
#[derive(Clone, Debug, Deserialize)]
pub enum Words {
    Words(Vec<String>),
    Class(Class),
}

/// Where the actor a rule speaks of stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum RuleSide {
    /// Before the cue: "Canada has accepted".
    #[default]
    Subject,
    /// After the cue, within `reach` words: "invited Argentina".
    Object,
    /// The owner before "'s": "Carney's acceptance".
    Owner,
    /// After "by": "chaired by Trump", "received by Milei".
    Agent,
    /// Beside a title, on either side: "chairman Donald Trump", "Trump, the chairman".
    Beside,
    /// The nearest name in the clause, before the cue or else after it: for languages whose
    /// word order leaves the subject far from its verb ("Kanada hat die Einladung
    /// angenommen", "В совет вошли Венгрия и Казахстан").
    Clause,
}

/// Which form of the cue word the rule reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Voice {
    /// Any form.
    #[default]
    Any,
    /// Not after a be-verb: "Trump invited X".
    Active,
    /// After a be-verb ("was invited"), or a bare participle in a headline ("Putin invited
    /// to …") followed by one of the table's `passive_next` words.
    Passive,
    /// A noun: no voice check.
    Noun,
}

/// What a rule states.
#[derive(Clone, Debug, Deserialize)]
pub enum States {
    /// A fact written as the command line writes it: "status=signed", "role=chair".
    Fact(String),
    /// A pledge whose amount and currency are read after the cue.
    Pledge,
}

/// What a hedged cue ("may join", "expected to join") states instead.
#[derive(Clone, Debug, Default, Deserialize)]
pub enum Hedged {
    /// Nothing is stated.
    #[default]
    Drop,
    /// The fact stands ("is set to chair").
    Keep,
    /// Another fact ("expected to join": proposed).
    Fact(String),
}

fn default_reach() -> usize {
    5
}

/// One rule as a table writes it.
#[derive(Clone, Debug, Deserialize)]
pub struct RuleSpec {
    pub name: String,
    /// Words or phrases; a word ending in `*` matches every word it begins ("подписал*").
    pub forms: Vec<String>,
    #[serde(default)]
    pub voice: Voice,
    #[serde(default)]
    pub actor: RuleSide,
    pub states: States,
    /// By default the tuning's `rule_weight`.
    #[serde(default)]
    pub weight: Option<f32>,
    /// How many words an object (or the `object` word) may be after the cue.
    #[serde(default = "default_reach")]
    pub reach: usize,
    /// The word right before the cue must be one of these.
    #[serde(default)]
    pub before: Option<Words>,
    /// The cue is cancelled when the word right before it is one of these.
    #[serde(default)]
    pub not_before: Option<Words>,
    /// Words that must follow the cue, one set per word, in order ("to", then a verb of
    /// taking part).
    #[serde(default)]
    pub then: Vec<Words>,
    /// The cue is cancelled when the word right after it is one of these.
    #[serde(default)]
    pub not_then: Option<Words>,
    /// A word that must follow within `reach` words in the clause ("the charter").
    #[serde(default)]
    pub object: Option<Words>,
    /// A body's name must stand within seven words before the cue ("the board includes").
    #[serde(default)]
    pub after_body: bool,
    /// What a negated cue states ("will not join": declined); by default nothing.
    #[serde(default)]
    pub negated: Option<String>,
    #[serde(default)]
    pub hedged: Hedged,
    /// What an expected cue states ("expected to join", "potential members include").
    #[serde(default)]
    pub expected: Hedged,
    /// What a cue of stated intent states ("will join", "agreed to join").
    #[serde(default)]
    pub intent: Hedged,
    /// What a cue that completes another verb states ("invited to join"); by default nothing.
    #[serde(default)]
    pub complement: Hedged,
    /// Only a person can hold what the rule states (a chair).
    #[serde(default)]
    pub people_only: bool,
    /// Whether the cue can open a list ("countries signing the charter included …").
    #[serde(default)]
    pub lists: bool,
    /// Whether an invitation or acceptance followed by "as a founding member" also states the
    /// role.
    #[serde(default)]
    pub founding: bool,
    /// A body the rule itself names, by one of the body's names ("stabilization force").
    #[serde(default)]
    pub body: Option<String>,
}

/// Adjustments of a suggestion's confidence, the same for every rule.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Tuning {
    /// Reached through a pronoun.
    pub pronoun: f32,
    /// In a headline (no full stop).
    pub headline: f32,
    /// About an actor the dataset lacks.
    pub new_actor: f32,
    /// A person's name standing for a state the dataset knows.
    pub person_for_state: f32,
    /// An item of a list rather than the cue's own subject or object.
    pub list_item: f32,
    /// A companion ("alongside X").
    pub companion: f32,
    /// The role a founding invitation adds.
    pub founding: f32,
    /// Never below this.
    pub floor: f32,
    /// How many words a subject may stand before its verb.
    pub subject_gap: usize,
    /// How many mentions back a pronoun looks.
    pub pronoun_reach: usize,
    /// How many words after a list cue its introducer may stand.
    pub list_reach: usize,
    /// How many words from its cue a body the dataset lacks may stand and still be its body.
    pub new_body_reach: usize,
    /// The weight of a rule that gives none.
    pub rule_weight: f32,
    /// Below this the language detector's guess is not taken.
    pub language_confidence: f64,
}

/// Words after a status cue that say in what capacity ("accepted to participate as
/// observers", "agreed to sit as members"): the status they give instead, and a role beside.
#[derive(Clone, Debug, Deserialize)]
pub struct ComplementSpec {
    pub words: Vec<String>,
    #[serde(default)]
    pub replace: Option<String>,
    #[serde(default)]
    pub add: Option<String>,
}

/// One table file.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Table {
    /// ISO 639-1 code ("en", "ru"); "*" for words every language shares.
    pub language: String,
    /// The ISO 639-3 code the language detector gives ("eng", "rus").
    #[serde(default)]
    pub iso639_3: String,
    /// The rule a heading that only names a body states for the lines after it.
    #[serde(default)]
    pub heading_rule: Option<String>,
    #[serde(default)]
    pub classes: HashMap<Class, Vec<String>>,
    /// Currency words and symbols → ISO code.
    #[serde(default)]
    pub currencies: HashMap<String, String>,
    /// Scale words → power of ten ("billion": 9).
    #[serde(default)]
    pub scales: HashMap<String, u32>,
    /// Number words before a scale word ("a billion", "eine Milliarde").
    #[serde(default)]
    pub numbers: HashMap<String, u32>,
    /// Month names → month number ("января": 1; `*` for every ending: "январ*").
    #[serde(default)]
    pub months: HashMap<String, u32>,
    /// Weekday names → their number, Monday 1 … Sunday 7.
    #[serde(default)]
    pub weekdays: HashMap<String, u32>,
    /// Words after a bare participle that make it passive ("invited to", "invited by").
    #[serde(default)]
    pub passive_next: Vec<String>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    #[serde(default)]
    pub tuning: Option<Tuning>,
    #[serde(default)]
    pub complements: Vec<ComplementSpec>,
    /// Endings that make a lower-case word an adverb ("-ly"), which may stand between a
    /// subject and its verb.
    #[serde(default)]
    pub adverb_endings: Vec<String>,
    /// How a new leader of a state is named: "Leader of" + the state.
    #[serde(default)]
    pub leader_of: Option<String>,
    /// The office a new leader is given.
    #[serde(default)]
    pub leader_office: Option<String>,
    /// Names of states that the country data lacks in this language ("США": "US"), by ISO
    /// 3166 code.
    #[serde(default)]
    pub states: HashMap<String, String>,
}

/// The built-in tables.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "common.ron",
        include_str!("../../../assets/extract/common.ron"),
    ),
    ("en.ron", include_str!("../../../assets/extract/en.ron")),
    ("ru.ron", include_str!("../../../assets/extract/ru.ron")),
    ("es.ron", include_str!("../../../assets/extract/es.ron")),
    ("de.ron", include_str!("../../../assets/extract/de.ron")),
    ("fr.ron", include_str!("../../../assets/extract/fr.ron")),
    ("tr.ron", include_str!("../../../assets/extract/tr.ron")),
];

/// A table that could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: rule \"{rule}\": {message}")]
    Rule {
        file: String,
        rule: String,
        message: String,
    },
}

/// Reads one table's text.
pub fn parse_table(file: &str, text: &str) -> Result<Table, TableError> {
    ron::from_str(text).map_err(|e| TableError::Syntax {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// The built-in tables, parsed (they are tested to parse).
pub fn built_in() -> Vec<Table> {
    BUILT_IN
        .iter()
        .map(|(file, text)| parse_table(file, text).expect("a built-in table parses"))
        .collect()
}

/// Folds a table word as tokens are folded, so "Подписал" meets "подписал" in the text.
fn fold_word(w: &str) -> String {
    super::tokens::fold(w)
}

/// A set of folded words, some of them prefixes ("podpisal*"), some phrases ("as well as").
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    exact: FxHashSet<String>,
    prefixes: Vec<String>,
    /// Phrases of several words, by their first word.
    phrases: FxHashMap<String, Vec<Vec<String>>>,
}

impl WordSet {
    fn add(&mut self, raw: &str) {
        let words = pieces(raw);
        match words.as_slice() {
            [] => {}
            [one] => match one.strip_suffix('*') {
                Some(prefix) if !prefix.is_empty() => self.prefixes.push(prefix.to_string()),
                _ => {
                    self.exact.insert(one.clone());
                }
            },
            [first, ..] => {
                self.phrases
                    .entry(first.clone())
                    .or_default()
                    .push(words.clone());
            }
        }
    }

    fn from_words(words: &[String]) -> WordSet {
        let mut s = WordSet::default();
        for w in words {
            s.add(w);
        }
        s
    }

    fn extend(&mut self, other: &WordSet) {
        self.exact.extend(other.exact.iter().cloned());
        self.prefixes.extend(other.prefixes.iter().cloned());
        for (k, v) in &other.phrases {
            self.phrases.entry(k.clone()).or_default().extend(v.clone());
        }
    }

    /// Whether one word is in the set (a phrase's first word does not count).
    pub fn has(&self, word: &str) -> bool {
        self.exact.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }

    /// How many tokens from `i` the set matches: a word or the longest phrase.
    pub fn len_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        let t = toks.get(i)?;
        let phrase = self.phrases.get(&t.lower).and_then(|ps| {
            ps.iter()
                .filter(|p| {
                    p.iter()
                        .enumerate()
                        .all(|(k, w)| toks.get(i + k).is_some_and(|t| word_is(&t.lower, w)))
                })
                .map(Vec::len)
                .max()
        });
        phrase.or_else(|| self.has(&t.lower).then_some(1))
    }
}

/// A table entry's words as tokens fold them ("Подписал*" is "podpisal*"); a trailing `*`
/// stays, marking a prefix. A possessive written apart ("Trump 's") stays apart.
fn pieces(raw: &str) -> Vec<String> {
    raw.split_whitespace()
        .map(|p| match p.strip_suffix('*') {
            Some(prefix) if !prefix.is_empty() => format!("{}*", fold_word(prefix)),
            _ => fold_word(p),
        })
        .collect()
}

fn word_is(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

/// A rule ready for the engine.
#[derive(Clone, Debug)]
pub struct Rule {
    pub name: String,
    /// The forms, each as folded words (a last word ending in `*` is a prefix).
    pub forms: Vec<Vec<String>>,
    pub voice: Voice,
    pub actor: RuleSide,
    /// `None`: a pledge.
    pub fact: Option<Fact>,
    pub weight: f32,
    pub reach: usize,
    pub before: Option<WordSet>,
    pub not_before: Option<WordSet>,
    pub then: Vec<WordSet>,
    pub not_then: Option<WordSet>,
    pub object: Option<WordSet>,
    pub after_body: bool,
    pub negated: Option<Fact>,
    pub hedged: HedgeOutcome,
    pub expected: HedgeOutcome,
    pub intent: HedgeOutcome,
    pub complement: HedgeOutcome,
    pub people_only: bool,
    pub lists: bool,
    pub founding: bool,
    pub body: Option<String>,
}

/// A complement ready for the engine.
#[derive(Clone, Debug)]
pub struct Complement {
    pub words: WordSet,
    pub replace: Option<Fact>,
    pub add: Option<Fact>,
}

impl Complement {
    fn compile(file: &str, spec: &ComplementSpec) -> Result<Complement, TableError> {
        let fact = |text: &str| {
            crate::model::text::fact_text::parse_fact(text).map_err(|message| TableError::Rule {
                file: file.to_string(),
                rule: spec.words.first().cloned().unwrap_or_default(),
                message: message.to_string(),
            })
        };
        Ok(Complement {
            words: WordSet::from_words(&spec.words),
            replace: spec.replace.as_deref().map(fact).transpose()?,
            add: spec.add.as_deref().map(fact).transpose()?,
        })
    }
}

/// What a hedged or expected cue becomes.
#[derive(Clone, Debug, PartialEq)]
pub enum HedgeOutcome {
    Drop,
    Keep,
    Fact(Fact),
}

/// The tables of one language (and those every language shares), merged and indexed.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub language: String,
    pub iso639_3: String,
    /// The rule a heading naming a body states (see [`Table::heading_rule`]).
    pub heading_rule: Option<usize>,
    /// By `Class as usize`: a class is asked for at every token, so no hashing.
    classes: Vec<WordSet>,
    pub currencies: HashMap<String, String>,
    pub scales: HashMap<String, u32>,
    pub numbers: HashMap<String, u32>,
    /// Folded month names (a trailing `*`: a prefix) and their numbers.
    months: Vec<(String, u32)>,
    /// Folded weekday names and their numbers (Monday 1).
    weekdays: Vec<(String, u32)>,
    pub passive_next: WordSet,
    pub leader_of: String,
    pub leader_office: String,
    pub complements: Vec<Complement>,
    pub adverb_endings: Vec<String>,
    pub rules: Vec<Rule>,
    /// First folded word of a form → (rule, form).
    by_word: FxHashMap<String, Vec<(usize, usize)>>,
    /// Forms whose first word is a prefix.
    by_prefix: Vec<(String, usize, usize)>,
    pub tuning: Tuning,
}

impl Lexicon {
    pub fn class(&self, c: Class) -> &WordSet {
        &self.classes[c as usize]
    }

    /// Whether token `k` is a lower-case adverb by its ending ("flatly", "formally").
    pub fn adverb_by_ending(&self, toks: &[Token], k: usize) -> bool {
        toks.get(k).is_some_and(|t| {
            t.word
                && !t.cap
                && self
                    .adverb_endings
                    .iter()
                    .any(|e| t.lower.len() > e.len() + 2 && t.lower.ends_with(e.as_str()))
        })
    }

    /// Whether token `k` is a word of class `c`.
    pub fn is(&self, toks: &[Token], k: usize, c: Class) -> bool {
        toks.get(k).is_some_and(|t| self.class(c).has(&t.lower))
    }

    /// The month a (folded) word names in the tables' languages.
    pub fn month(&self, word: &str) -> Option<u32> {
        self.months
            .iter()
            .find(|(m, _)| word_is(word, m))
            .map(|(_, n)| *n)
    }

    /// The weekday a (folded) word names, Monday 1 … Sunday 7.
    pub fn weekday(&self, word: &str) -> Option<u32> {
        self.weekdays
            .iter()
            .find(|(d, _)| word_is(word, d))
            .map(|(_, n)| *n)
    }

    /// Whether a word names a day: a weekday, a month or a number.
    pub fn is_day_word(&self, word: &str) -> bool {
        self.weekday(word).is_some() || self.month(word).is_some() || word.parse::<u32>().is_ok()
    }

    /// The rules (and which form) whose first word is `word`.
    pub fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let exact = self.by_word.get(word).into_iter().flatten().copied();
        let prefixed = self
            .by_prefix
            .iter()
            .filter(move |(p, _, _)| word.starts_with(p.as_str()))
            .map(|(_, r, f)| (*r, *f));
        exact.chain(prefixed)
    }

    /// Merges `tables` (in order) into one lexicon for `language`.
    pub fn build(language: &str, tables: &[&Table]) -> Result<Lexicon, TableError> {
        let mut lex = Lexicon {
            language: language.to_string(),
            classes: vec![WordSet::default(); <Class as strum::EnumCount>::COUNT],
            ..Lexicon::default()
        };
        for t in tables {
            for (c, words) in &t.classes {
                lex.classes[*c as usize].extend(&WordSet::from_words(words));
            }
            for (k, v) in &t.currencies {
                lex.currencies.insert(fold_word(k), v.clone());
            }
            for (k, v) in &t.scales {
                lex.scales.insert(fold_word(k), *v);
            }
            for (k, v) in &t.numbers {
                lex.numbers.insert(fold_word(k), *v);
            }
            for (k, v) in &t.months {
                lex.months.extend(pieces(k).into_iter().map(|w| (w, *v)));
            }
            for (k, v) in &t.weekdays {
                lex.weekdays.extend(pieces(k).into_iter().map(|w| (w, *v)));
            }
            lex.passive_next
                .extend(&WordSet::from_words(&t.passive_next));
            if let Some(tuning) = &t.tuning {
                lex.tuning = tuning.clone();
            }
            if t.language == language {
                lex.iso639_3.clone_from(&t.iso639_3);
            }
            // The language's own words win over English's (tables come in that order).
            if let Some(l) = &t.leader_of {
                lex.leader_of.clone_from(l);
            }
            if let Some(o) = &t.leader_office {
                lex.leader_office.clone_from(o);
            }
            for c in &t.complements {
                lex.complements.push(Complement::compile(&t.language, c)?);
            }
            lex.adverb_endings
                .extend(t.adverb_endings.iter().map(|e| fold_word(e)));
        }
        for t in tables {
            for spec in &t.rules {
                let rule = lex.compile(&t.language, spec)?;
                lex.add_rule(rule);
            }
        }
        let heading = tables.iter().rev().find_map(|t| t.heading_rule.as_deref());
        lex.heading_rule = heading.and_then(|name| lex.rules.iter().position(|r| r.name == name));
        Ok(lex)
    }

    fn words(&self, w: &Words) -> WordSet {
        match w {
            Words::Words(list) => WordSet::from_words(list),
            Words::Class(c) => self.class(*c).clone(),
        }
    }

    fn compile(&self, file: &str, spec: &RuleSpec) -> Result<Rule, TableError> {
        let fact = |text: &str| {
            crate::model::text::fact_text::parse_fact(text).map_err(|message| TableError::Rule {
                file: file.to_string(),
                rule: spec.name.clone(),
                message: message.to_string(),
            })
        };
        let outcome = |h: &Hedged| -> Result<HedgeOutcome, TableError> {
            Ok(match h {
                Hedged::Drop => HedgeOutcome::Drop,
                Hedged::Keep => HedgeOutcome::Keep,
                Hedged::Fact(f) => HedgeOutcome::Fact(fact(f)?),
            })
        };
        let forms: Vec<Vec<String>> = spec
            .forms
            .iter()
            .map(|f| pieces(f))
            .filter(|w| !w.is_empty())
            .collect();
        if forms.is_empty() {
            return Err(TableError::Rule {
                file: file.to_string(),
                rule: spec.name.clone(),
                message: "no word forms".into(),
            });
        }
        Ok(Rule {
            name: spec.name.clone(),
            forms,
            voice: spec.voice,
            actor: spec.actor,
            fact: match &spec.states {
                States::Fact(f) => Some(fact(f)?),
                States::Pledge => None,
            },
            weight: spec
                .weight
                .unwrap_or(self.tuning.rule_weight)
                .clamp(0.0, 1.0),
            reach: spec.reach,
            before: spec.before.as_ref().map(|w| self.words(w)),
            not_before: spec.not_before.as_ref().map(|w| self.words(w)),
            then: spec.then.iter().map(|w| self.words(w)).collect(),
            not_then: spec.not_then.as_ref().map(|w| self.words(w)),
            object: spec.object.as_ref().map(|w| self.words(w)),
            after_body: spec.after_body,
            negated: spec.negated.as_deref().map(fact).transpose()?,
            hedged: outcome(&spec.hedged)?,
            expected: outcome(&spec.expected)?,
            intent: outcome(&spec.intent)?,
            complement: outcome(&spec.complement)?,
            people_only: spec.people_only,
            lists: spec.lists,
            founding: spec.founding,
            body: spec.body.clone(),
        })
    }

    fn add_rule(&mut self, rule: Rule) {
        let r = self.rules.len();
        for (f, form) in rule.forms.iter().enumerate() {
            match form[0].strip_suffix('*') {
                Some(prefix) if form.len() == 1 => {
                    self.by_prefix.push((prefix.to_string(), r, f));
                }
                _ => self
                    .by_word
                    .entry(form[0].clone())
                    .or_default()
                    .push((r, f)),
            }
        }
        self.rules.push(rule);
    }

    /// How many tokens from `i` form `f` of rule `r` covers, if it matches there.
    pub fn form_len(&self, toks: &[Token], i: usize, r: usize, f: usize) -> Option<usize> {
        let form = &self.rules[r].forms[f];
        form.iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| word_is(&t.lower, w)))
            .then_some(form.len())
    }
}

/// Every language's lexicon: the shared table, English, and the language's own, plus the
/// user's tables for that language (or for every language).
#[derive(Clone, Debug)]
pub struct RuleSet {
    lexicons: Vec<Lexicon>,
    extra_states: Vec<(String, String)>,
}

/// The language read when detection gives none the tables know.
pub const FALLBACK_LANGUAGE: &str = "en";
const SHARED: &str = "*";

impl RuleSet {
    /// The built-in tables only.
    pub fn built_in() -> RuleSet {
        RuleSet::with(&[]).expect("the built-in tables compile")
    }

    /// The built-in tables and `user` tables added to them.
    pub fn with(user: &[Table]) -> Result<RuleSet, TableError> {
        let built = built_in();
        let all: Vec<&Table> = built.iter().chain(user).collect();
        let mut languages: Vec<&str> = all
            .iter()
            .map(|t| t.language.as_str())
            .filter(|l| *l != SHARED)
            .collect();
        languages.sort_unstable();
        languages.dedup();
        let mut lexicons = Vec::new();
        for lang in languages {
            let tables: Vec<&Table> = all
                .iter()
                .copied()
                .filter(|t| {
                    t.language == SHARED || t.language == lang || t.language == FALLBACK_LANGUAGE
                })
                .collect();
            lexicons.push(Lexicon::build(lang, &tables)?);
        }
        let extra_states = all
            .iter()
            .flat_map(|t| t.states.iter().map(|(n, c)| (n.clone(), c.clone())))
            .collect();
        Ok(RuleSet {
            lexicons,
            extra_states,
        })
    }

    /// Every table's extra state names, with their ISO codes.
    pub fn state_names(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.extra_states.clone();
        out.sort();
        out.dedup();
        out
    }

    /// The languages other than English the tables read.
    pub fn foreign_languages(&self) -> Vec<&str> {
        self.languages()
            .filter(|l| *l != FALLBACK_LANGUAGE)
            .collect()
    }

    /// The languages the tables read.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.lexicons.iter().map(|l| l.language.as_str())
    }

    /// The language of `text` (ISO 639-1) among the tables', as the detector reads it;
    /// English when it is unsure or the tables lack the language.
    pub fn detect(&self, text: &str) -> &str {
        // The detector reads a sample: the start of a long article says its language.
        let sample = &text[..text.floor_char_boundary(text.len().min(4096))];
        // Only the languages the tables read are candidates: a short Russian sentence is not
        // taken for Ukrainian or Bulgarian, which no table reads.
        let min_confidence = self.lexicon(FALLBACK_LANGUAGE).tuning.language_confidence;
        let allowed: Vec<whatlang::Lang> = self
            .lexicons
            .iter()
            .filter_map(|l| whatlang::Lang::from_code(&l.iso639_3))
            .collect();
        whatlang::Detector::with_allowlist(allowed)
            .detect(sample)
            .filter(|info| info.confidence() >= min_confidence)
            .and_then(|info| {
                self.lexicons
                    .iter()
                    .find(|l| l.iso639_3 == info.lang().code())
            })
            .map_or(FALLBACK_LANGUAGE, |l| l.language.as_str())
    }

    /// The month a word names in any of the tables' languages: "Jan", "january", "Januar",
    /// "enero", "января" (folded as the tables are).
    pub fn month_in_any_language(&self, word: &str) -> Option<u32> {
        let word = fold_word(word);
        self.lexicons.iter().find_map(|l| l.month(&word))
    }

    /// The lexicon of `language`, or English's.
    pub fn lexicon(&self, language: &str) -> &Lexicon {
        self.lexicons
            .iter()
            .find(|l| l.language == language)
            .or_else(|| {
                self.lexicons
                    .iter()
                    .find(|l| l.language == FALLBACK_LANGUAGE)
            })
            .unwrap_or(&self.lexicons[0])
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::built_in()
    }
}
