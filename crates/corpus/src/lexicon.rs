//! The word lists and gazetteers under `crates/corpus/data/`, compiled into
//! the crate with `include_str!` and parsed once on first use. Keeping them
//! as plain text lets anyone extend coverage without touching the rules; each
//! file's header says where its entries come from.

use crate::document::EntityKind;
use crate::text::tokenize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../data/countries.txt");
const INSTITUTIONS: &str = include_str!("../data/institutions.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const MEDIA: &str = include_str!("../data/media.txt");
const WEAPONS: &str = include_str!("../data/weapons.txt");
const PEOPLE: &str = include_str!("../data/people.txt");
const PLACES: &str = include_str!("../data/places.txt");
const CITIES: &str = include_str!("../data/cities.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
const FUNCTION_WORDS: &str = include_str!("../data/function_words.txt");
const CUES: &str = include_str!("../data/cues.txt");
const ITEMS: &str = include_str!("../data/items.txt");
const EVENTS: &str = include_str!("../data/events.txt");

/// A gazetteer entry: what a known name refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// Canonical name of the referent.
    pub name: String,
    pub kind: EntityKind,
    /// Canonical name of the state it stands for or belongs to.
    pub state: Option<String>,
    /// For weapons: the item category ("drones").
    pub category: Option<String>,
    /// The surface form is an adjective or demonym ("Iranian").
    pub adjective: bool,
    /// A capital or institution that stands for `state` ("Tehran",
    /// "the Kremlin").
    pub metonym: bool,
}

/// An item category for event threads.
#[derive(Debug, Clone)]
pub struct ItemCategory {
    pub name: String,
    pub parent: Option<String>,
    pub phrases: Vec<Vec<String>>,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Token texts joined by `\u{1}` to entries.
    names: HashMap<String, Known>,
    /// Longest gazetteer name in tokens.
    pub max_name_tokens: usize,
    /// Longest gazetteer name in tokens by its first token.
    longest_from: HashMap<String, usize, WordHash>,
    titles: HashSet<String>,
    pub max_title_tokens: usize,
    given_names: HashSet<String>,
    function_words: HashSet<String>,
    cues: HashMap<String, Phrases>,
    pub items: Vec<ItemCategory>,
    /// The phrases of `items` by their first word: (category, phrase)
    /// positions, in the order of `items` and their phrases.
    item_openings: HashMap<String, Vec<(usize, usize)>, WordHash>,
    events: HashMap<String, Phrases>,
}

/// The phrases of a section, longest first, found by their first word.
///
/// Why: the rules look for cue phrases at every word of every clause; a
/// word is compared only with the phrases that open with it, in the order
/// of the list, so the first phrase found is the one a scan of the whole
/// list finds first.
#[derive(Debug, Default)]
pub struct Phrases {
    list: Vec<Vec<String>>,
    /// Positions in `list` of the phrases each word opens, in list order.
    openings: HashMap<String, Vec<usize>, WordHash>,
}

/// The hash of the word indexes: rustc's "Fx" hash, a multiply and a
/// rotation per eight bytes. The keys are the data files' words, looked up
/// at every word of every clause; the default hash (SipHash, which resists
/// chosen keys) was most of the cost of a lookup.
type WordHash = BuildHasherDefault<FxHasher>;

#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

impl Phrases {
    fn new(list: Vec<Vec<String>>) -> Self {
        let mut openings: HashMap<String, Vec<usize>, WordHash> = HashMap::default();
        for (at, phrase) in list.iter().enumerate() {
            if let Some(first) = phrase.first() {
                openings.entry(first.clone()).or_default().push(at);
            }
        }
        Phrases { list, openings }
    }

    /// The phrases that open with `word`, longest first.
    pub fn opening_with<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a [String]> + 'a {
        self.openings
            .get(word)
            .into_iter()
            .flatten()
            .map(|&at| self.list[at].as_slice())
    }

    /// The first phrase of the list (so the longest) that occurs in
    /// `words` at `at`.
    pub fn at(&self, words: &[String], at: usize) -> Option<&[String]> {
        let word = words.get(at)?;
        self.opening_with(word)
            .find(|phrase| phrase_at(words, at, phrase))
    }

    /// `word` alone is a phrase of the list.
    pub fn has_word(&self, word: &str) -> bool {
        self.opening_with(word).any(|phrase| phrase.len() == 1)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// The phrases of a section the data files do not have: none.
fn no_phrases() -> &'static Phrases {
    static NONE: OnceLock<Phrases> = OnceLock::new();
    NONE.get_or_init(Phrases::default)
}

/// Data lines: no comments, no blanks.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Key of a name: its token texts joined by `\u{1}`.
pub fn name_key<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for (i, t) in tokens.into_iter().enumerate() {
        if i > 0 {
            key.push('\u{1}');
        }
        key.push_str(t);
    }
    key
}

fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .iter()
        .map(|t| t.text.to_lowercase())
        .collect()
}

/// Parses `[section]` files into lowercase token sequences.
fn sections(text: &str) -> HashMap<String, Phrases> {
    let mut out: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    let mut current = String::new();
    for line in lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
            continue;
        }
        out.entry(current.clone())
            .or_default()
            .push(phrase_tokens(line));
    }
    out.into_iter()
        .map(|(section, mut phrases)| {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
            (section, Phrases::new(phrases))
        })
        .collect()
}

impl Lexicon {
    fn load() -> Self {
        let mut lex = Lexicon::default();
        for line in lines(COUNTRIES) {
            let f = fields(line);
            let Some(name) = f.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let country = Known {
                name: name.to_string(),
                kind: EntityKind::Country,
                state: None,
                category: None,
                adjective: false,
                metonym: false,
            };
            lex.add(name, country.clone());
            for alias in list(f.get(1)) {
                lex.add(&alias, country.clone());
                if let Some(bare) = alias.strip_prefix("the ") {
                    lex.add(bare, country.clone());
                }
            }
            for demonym in list(f.get(2)) {
                lex.add(
                    &demonym,
                    Known {
                        adjective: true,
                        ..country.clone()
                    },
                );
            }
            let capitals = list(f.get(3));
            let first_capital = capitals.first().cloned();
            for capital in capitals {
                // "Washington, D.C." is the same place as "Washington".
                let canonical = if capital.contains(',') {
                    first_capital.clone().unwrap_or_else(|| capital.clone())
                } else {
                    capital.clone()
                };
                lex.add(
                    &capital,
                    Known {
                        name: canonical,
                        kind: EntityKind::Place,
                        state: Some(name.to_string()),
                        category: None,
                        adjective: false,
                        metonym: true,
                    },
                );
            }
        }
        // "Washington, D.C." is split by commas above; add it whole.
        lex.add(
            "Washington, D.C.",
            Known {
                name: "Washington".into(),
                kind: EntityKind::Place,
                state: Some("United States".into()),
                category: None,
                adjective: false,
                metonym: true,
            },
        );
        for (text, kind, metonym) in [
            (INSTITUTIONS, EntityKind::Organisation, true),
            (ORGANISATIONS, EntityKind::Organisation, false),
            (MEDIA, EntityKind::Media, false),
            (PLACES, EntityKind::Place, false),
            (CITIES, EntityKind::Place, false),
            (PEOPLE, EntityKind::Person, false),
        ] {
            for line in lines(text) {
                let f = fields(line);
                let Some(name) = f.first().filter(|n| !n.is_empty()) else {
                    continue;
                };
                let state = f.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
                let known = Known {
                    name: name.to_string(),
                    kind,
                    state,
                    category: None,
                    adjective: false,
                    metonym,
                };
                lex.add(name, known.clone());
                for alias in list(f.get(1)) {
                    lex.add(&alias, known.clone());
                }
            }
        }
        for line in lines(WEAPONS) {
            let f = fields(line);
            let Some(name) = f.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let known = Known {
                name: name.to_string(),
                kind: EntityKind::Weapon,
                state: f.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string()),
                category: f.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string()),
                adjective: false,
                metonym: false,
            };
            lex.add(name, known.clone());
            for alias in list(f.get(1)) {
                lex.add(&alias, known.clone());
            }
        }
        for line in lines(TITLES) {
            let tokens = phrase_tokens(line);
            lex.max_title_tokens = lex.max_title_tokens.max(tokens.len());
            lex.titles.insert(tokens.join(" "));
        }
        lex.given_names = lines(GIVEN_NAMES).map(str::to_string).collect();
        lex.function_words = lines(FUNCTION_WORDS).map(str::to_string).collect();
        lex.cues = sections(CUES);
        lex.events = sections(EVENTS);
        for line in lines(ITEMS) {
            let f = fields(line);
            let Some(name) = f.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let mut phrases: Vec<Vec<String>> =
                list(f.get(2)).iter().map(|p| phrase_tokens(p)).collect();
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
            lex.items.push(ItemCategory {
                name: name.to_string(),
                parent: f.get(1).filter(|s| !s.is_empty()).map(|s| s.to_string()),
                phrases,
            });
        }
        for (cat, category) in lex.items.iter().enumerate() {
            for (at, phrase) in category.phrases.iter().enumerate() {
                if let Some(first) = phrase.first() {
                    let openings = lex.item_openings.entry(first.clone()).or_default();
                    openings.push((cat, at));
                }
            }
        }
        lex
    }

    fn add(&mut self, surface: &str, known: Known) {
        // "the Kremlin", "The Wall Street Journal": the article is optional
        // when what remains is distinctive (an institution, or two words).
        for article in ["the ", "The "] {
            if let Some(rest) = surface.strip_prefix(article) {
                if known.metonym || tokenize(rest).len() >= 2 {
                    self.add_exact(rest, known.clone());
                }
            }
        }
        self.add_exact(surface, known);
    }

    fn add_exact(&mut self, surface: &str, known: Known) {
        let tokens = tokenize(surface);
        if tokens.is_empty() {
            return;
        }
        self.max_name_tokens = self.max_name_tokens.max(tokens.len());
        let longest = self
            .longest_from
            .entry(tokens[0].text.to_string())
            .or_default();
        *longest = (*longest).max(tokens.len());
        let key = name_key(tokens.iter().map(|t| t.text));
        // The first entry wins: countries before institutions before the rest.
        self.names.entry(key).or_insert(known);
    }

    /// The most tokens of a gazetteer name that opens with the token
    /// `first` (0 when none does).
    pub fn longest_name_from(&self, first: &str) -> usize {
        self.longest_from.get(first).copied().unwrap_or(0)
    }

    /// The entry for a name given as its token texts.
    pub fn known(&self, key: &str) -> Option<&Known> {
        self.names.get(key)
    }

    pub fn is_title(&self, lower_words: &[String]) -> bool {
        self.titles.contains(&lower_words.join(" "))
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// Phrases of a `cues.txt` section, longest first.
    pub fn cues(&self, section: &str) -> &Phrases {
        self.cues.get(section).unwrap_or_else(|| no_phrases())
    }

    /// Phrases of an `events.txt` section, longest first.
    pub fn events(&self, section: &str) -> &Phrases {
        self.events.get(section).unwrap_or_else(|| no_phrases())
    }

    /// The item phrases that open with `word`, with their category, in
    /// the order of the categories and their phrases.
    pub fn items_opening_with<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = (&'a ItemCategory, &'a [String])> + 'a {
        self.item_openings
            .get(word)
            .into_iter()
            .flatten()
            .map(|&(cat, at)| {
                let category = &self.items[cat];
                (category, category.phrases[at].as_slice())
            })
    }

    pub fn item(&self, name: &str) -> Option<&ItemCategory> {
        self.items.iter().find(|i| i.name == name)
    }

    /// The category and every ancestor ("ballistic missiles", "missiles",
    /// "weapons").
    pub fn item_ancestors(&self, name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        let mut current = name.to_string();
        while let Some(parent) = self.item(&current).and_then(|i| i.parent.clone()) {
            if out.contains(&parent) || out.len() > 8 {
                break;
            }
            out.push(parent.clone());
            current = parent;
        }
        out
    }
}

/// Does `phrase` occur in `words` at `at`?
pub fn phrase_at(words: &[String], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && at + phrase.len() <= words.len()
        && phrase.iter().enumerate().all(|(k, p)| words[at + k] == *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses_with_entries() {
        let lex = lexicon();
        assert!(lex
            .known("Iran")
            .is_some_and(|k| k.kind == EntityKind::Country));
        assert_eq!(
            lex.known("DPRK").map(|k| k.name.as_str()),
            Some("North Korea")
        );
        assert_eq!(
            lex.known("Tehran").and_then(|k| k.state.as_deref()),
            Some("Iran")
        );
        assert_eq!(lex.known("WSJ").map(|k| k.kind), Some(EntityKind::Media));
        assert!(lex.known("Iranian").is_some_and(|k| k.adjective));
        assert!(lex.is_title(&["secretary".into(), "of".into(), "state".into()]));
        assert!(lex.cues("speech").has_word("said"));
        assert!(lex
            .item_ancestors("ballistic missiles")
            .contains(&"weapons".to_string()));
    }

    fn lower_words(sentence: &str) -> Vec<String> {
        phrase_tokens(sentence)
    }

    /// The scan the rules made before the index: every phrase of the list,
    /// in order.
    fn first_in_list<'a>(
        list: &'a [Vec<String>],
        words: &[String],
        at: usize,
    ) -> Option<&'a [String]> {
        list.iter()
            .find(|p| phrase_at(words, at, p))
            .map(Vec::as_slice)
    }

    const SENTENCES: &[&str] = &[
        "Officials said on Monday that the port would reopen.",
        "The ministry said, citing sources, it was \"ready\".",
        "He SAID it; she said so too, according to reports.",
        "According to the mayor, said to be ill, no one spoke.",
        "\"We will,\" she told reporters (told them twice).",
        "It is expected to be expected.",
        "",
    ];

    #[test]
    fn indexed_phrases_find_what_a_scan_of_the_list_finds() {
        let list: Vec<Vec<String>> = {
            let mut list: Vec<Vec<String>> = [
                "said",
                "said on",
                "said , citing",
                "according to",
                "according to reports",
                "told",
                "told reporters",
                "expected to",
                "\"",
            ]
            .iter()
            .map(|p| phrase_tokens(p))
            .collect();
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
            list
        };
        let phrases = Phrases::new(list.clone());
        for sentence in SENTENCES {
            let words = lower_words(sentence);
            for at in 0..=words.len() {
                assert_eq!(
                    phrases.at(&words, at),
                    first_in_list(&list, &words, at),
                    "{sentence:?} at {at}"
                );
            }
            for word in &words {
                let one_word = list.iter().any(|p| p.len() == 1 && p[0] == *word);
                assert_eq!(phrases.has_word(word), one_word, "{word:?}");
            }
        }
    }

    #[test]
    fn every_cue_section_finds_what_a_scan_of_it_finds() {
        let lex = lexicon();
        for (section, phrases) in &lex.cues {
            for sentence in SENTENCES {
                let words = lower_words(sentence);
                for at in 0..=words.len() {
                    assert_eq!(
                        phrases.at(&words, at),
                        first_in_list(&phrases.list, &words, at),
                        "[{section}] {sentence:?} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn items_by_first_word_are_every_item_phrase_in_order() {
        let lex = lexicon();
        for (cat, category) in lex.items.iter().enumerate() {
            for phrase in &category.phrases {
                let Some(first) = phrase.first() else {
                    continue;
                };
                let listed: Vec<usize> = lex
                    .items_opening_with(first)
                    .filter(|(c, p)| c.name == category.name && *p == phrase.as_slice())
                    .map(|_| cat)
                    .collect();
                assert_eq!(listed, [cat], "{phrase:?}");
            }
        }
    }

    #[test]
    fn no_name_is_longer_than_the_longest_its_first_token_opens() {
        let lex = lexicon();
        assert!(lex.longest_name_from("Washington") >= 3);
        assert_eq!(lex.longest_name_from("zzz"), 0);
        for key in lex.names.keys() {
            let tokens: Vec<&str> = key.split('\u{1}').collect();
            assert!(lex.longest_name_from(tokens[0]) >= tokens.len(), "{key:?}");
        }
    }

    #[test]
    fn multi_token_names_are_keyed_by_tokens() {
        let key = name_key(["Washington", ",", "D.C."]);
        assert_eq!(
            lexicon().known(&key).map(|k| k.name.as_str()),
            Some("Washington")
        );
        let key = name_key(["Democratic", "People", "'s", "Republic", "of", "Korea"]);
        assert_eq!(
            lexicon().known(&key).map(|k| k.name.as_str()),
            Some("North Korea")
        );
    }
}
