//! Where a quotation's speaker is written: the token range of the speaker
//! phrase around a quote, and the checks that keep a date, a function word,
//! a preposition phrase or a platform from becoming a speaker.
//!
//! Order: a signature (`"..." ― X`), after the quote (`"...," X said`,
//! `"...," said X`), "according to X", then before it (`X said, "..."`,
//! `X called it "..."`, `X, a lawyer, said "..."`, `X lashed out, saying
//! "..."`, `X shot back, "..."`). A phrase that fails [`plausible`] gives
//! no speaker: when unsure, none rather than a wrong one.

use crate::attribution::{bad_inverted_subject, is_short_name_quote};
use crate::lexicon::lexicon;
use crate::text::{is_quote_char, Tok};

/// The sentence around a quote: the paragraph's tokens, lower-case words
/// and quote mask, and the sentence's first and last token.
pub struct Around<'a> {
    pub tokens: &'a [Tok<'a>],
    pub words: &'a [String],
    pub mask: &'a [bool],
    pub first: usize,
    pub last: usize,
    /// The names (entity mentions) of the paragraph, in order.
    pub names: &'a [Name],
}

/// A name in the paragraph: its token range and what it names.
#[derive(Debug, Clone, Copy)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub person: bool,
    /// A country, region or town: a place, which speaks only as the
    /// subject of its own sentence ("Russia said").
    pub place: bool,
}

/// A verb that introduces or frames a quotation (`[quote-verbs]`).
pub fn is_quote_verb(word: &str) -> bool {
    lexicon().cues("quote-verbs").has_word(word)
}

/// A verb form that continues a clause whose subject is the sentence's
/// subject ("Trump lashed out, saying ...", "she replied by tweeting").
fn is_gerund(word: &str) -> bool {
    word.ends_with("ing")
}

/// Words that end a speaker phrase.
const STOP: &[&str] = &[
    ",",
    ".",
    ";",
    ":",
    "—",
    "–",
    "―",
    "(",
    "in",
    "on",
    "at",
    "who",
    "whom",
    "what",
    "whose",
    "which",
    "that",
    "during",
    "after",
    "before",
    "when",
    "referring",
    "adding",
    "according",
    "while",
];

/// Words between a subject and its verb ("X also said").
const ADVERBS: &[&str] = &[
    "reportedly",
    "also",
    "previously",
    "has",
    "have",
    "had",
    "later",
    "publicly",
    "then",
    "again",
    "once",
    "recently",
    "often",
    "frequently",
    "repeatedly",
    "simply",
    "only",
];

/// Words a speaker phrase does not start with (after leading conjunctions
/// are dropped): prepositions and clause words.
const NOT_FIRST: &[&str] = &[
    "in", "on", "at", "during", "about", "to", "from", "with", "for", "by", "after", "before",
    "since", "over", "under", "into", "through", "of", "than", "like", "per", "via", "without",
    "within", "toward", "towards", "among", "despite", "because", "if", "when", "where", "whether",
    "whom", "whose", "which", "that", "what", "how", "why", "there", "here", "it", "this", "these",
    "those", "not", "no",
];

/// Words a speaker phrase does not end with.
const NOT_LAST: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "that", "which", "who", "whom", "whose", "it", "its", "his", "her", "their", "our",
    "my", "your", "as", "than", "so", "if", "then", "there", "this", "these", "those", "not",
    "also", "just", "even", "very", "now", "me", "him", "them", "us", "what", "how", "why", ")",
    "(", "-", "&",
];

/// Verb forms that show a clause, not a noun phrase.
const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "were", "are", "am", "has", "had", "have", "would", "will", "could", "can", "did",
    "does", "do", "been", "be", "being", "should", "might", "may", "must", "he'd", "she'd", "he’d",
    "she’d", "it's", "it’s", "isn't", "isn’t", "wasn't", "wasn’t",
];

/// Words that open an unnamed speaker ("the mayor", "one official").
const OPENERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "most",
    "another", "other", "his", "her", "their", "its", "our", "both", "all", "each", "senior",
    "top", "former",
];

/// Pronouns a speaker can be.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

fn is_mark(t: &Tok) -> bool {
    t.text.chars().all(is_quote_char)
}

/// The speaker phrase of a quote whose marks are tokens `open` and
/// `close`, looking after the quote, then before it.
pub fn speaker_tokens(s: &Around, open: usize, close: usize) -> Option<(usize, usize)> {
    if let Some(found) = signature(s, close) {
        return Some(found);
    }
    if let Some(found) = after_quote(s, close).or_else(|| according_to(s)) {
        return Some(found);
    }
    if open > s.first {
        return before(s, open);
    }
    None
}

/// `"...," X said` or `"...," said X`.
fn after_quote(s: &Around, close: usize) -> Option<(usize, usize)> {
    let mut k = close + 1;
    while k <= s.last
        && (is_mark(&s.tokens[k]) || matches!(s.words[k].as_str(), "," | "—" | "–" | "―"))
    {
        k += 1;
    }
    // `"..." and said ...`: a second verb of the sentence's subject;
    // `"..." until Ana said ...`: a clause of its own.
    if s.words.get(k).is_some_and(|w| {
        matches!(
            w.as_str(),
            "and" | "but" | "or" | "until" | "unless" | "although" | "though" | "because"
        )
    }) {
        return None;
    }
    let limit = (k + 20).min(s.last + 1);
    let verb = (k..limit)
        .take_while(|&v| !s.mask[v])
        .find(|&v| is_quote_verb(&s.words[v]));
    let Some(v) = verb else {
        return name_then_verb(s, k);
    };
    if v == k {
        if is_gerund(&s.words[v]) {
            return None;
        }
        return forward_phrase(s, v + 1, s.last + 1);
    }
    // `"...," Ann Reyes, a lawyer for the city, said`: the name before
    // the apposition.
    if let Some(comma) = (k..v).find(|&j| s.words[j] == ",") {
        if let Some(found) = plausible(s, k, comma) {
            return Some(found);
        }
        // `"..." about the plan, said Ann Reyes`: the sentence went on.
        if s.words[v - 1] == "," {
            return forward_phrase(s, v + 1, s.last + 1);
        }
        // `"..." than the others, Ann Reyes said`: the last clause.
        let last_comma = (k..v).rev().find(|&j| s.words[j] == ",")?;
        let clause = s.words.get(last_comma + 1).map(String::as_str);
        if matches!(clause, Some("and" | "but" | "or" | "while" | "as")) {
            return None;
        }
        let end = skip_time_back(s, last_comma + 1, skip_adverbs_back(s, last_comma + 1, v));
        return plausible(s, last_comma + 1, end);
    }
    let end = skip_time_back(s, k, skip_adverbs_back(s, k, v));
    plausible(s, k, end)
}

/// `"..." ― Ana Reyes`: a dash and a person's name after the quote, then
/// nothing but a full stop, the next quote or the paragraph's end.
fn signature(s: &Around, close: usize) -> Option<(usize, usize)> {
    let dash = s.words.get(close + 1)?;
    if !matches!(dash.as_str(), "―" | "—" | "–" | "-") {
        return None;
    }
    let name = s.names.iter().find(|n| n.start == close + 2 && n.person)?;
    let (_, end) = name_run(s, name);
    let ends = s
        .tokens
        .get(end)
        .is_none_or(|t| t.text == "." || (s.mask[end] && is_mark(t)));
    if ends {
        plausible(s, name.start, end)
    } else {
        None
    }
}

/// "according to X" anywhere in the sentence, outside quotes.
fn according_to(s: &Around) -> Option<(usize, usize)> {
    let at = (s.first..s.last)
        .find(|&k| s.words[k] == "according" && s.words[k + 1] == "to" && !s.mask[k])?;
    let mut e = at + 2;
    while e <= s.last && !STOP.contains(&s.words[e].as_str()) && !s.mask[e] {
        e += 1;
    }
    plausible(s, at + 2, e)
}

/// `"...," Ana Reyes shot back`: a person's name right after the quote,
/// followed by a verb the list does not know.
fn name_then_verb(s: &Around, k: usize) -> Option<(usize, usize)> {
    let name = s
        .names
        .iter()
        .find(|n| n.start == k && n.person && n.end <= s.last)?;
    let next = s.tokens.get(name.end)?;
    let past = next.text.ends_with("ed") || PAST_VERBS.contains(&next.text);
    let verb_like = next.is_word() && !next.is_capitalised() && past && !s.mask[name.end];
    verb_like.then_some((name.start, name.end))
}

/// Irregular past forms that follow a speaker's name ("X shot back").
const PAST_VERBS: &[&str] = &[
    "shot", "went", "spoke", "wrote", "fired", "hit", "put", "threw",
];

/// "said X": the phrase after the verb, when it can be a subject.
fn forward_phrase(s: &Around, from: usize, limit: usize) -> Option<(usize, usize)> {
    if from >= limit {
        return None;
    }
    let mut e = from;
    while e < limit && !STOP.contains(&s.words[e].as_str()) && !s.mask[e] {
        e += 1;
    }
    if bad_inverted_subject(s.tokens, s.words, from) && !is_titled_name(s, from, e) {
        return None;
    }
    plausible(s, from, e)
}

/// "said election lawyer Ivo Marsh", "said retired Gen. Ana Reyes": a
/// short title in lower case, then the person's name closing the phrase.
fn is_titled_name(s: &Around, from: usize, end: usize) -> bool {
    let Some(name) = s
        .names
        .iter()
        .find(|n| n.person && n.end == end && n.start > from)
    else {
        return false;
    };
    let title = from..name_run(s, name).0.max(from);
    end - from <= 7
        && title.clone().all(|k| {
            let t = &s.tokens[k];
            t.is_word() && !is_time_word(t) && !lexicon().is_function_word(&s.words[k])
        })
}

fn skip_adverbs_back(s: &Around, floor: usize, mut end: usize) -> usize {
    while end > floor {
        let w = s.words[end - 1].as_str();
        let manner = w.ends_with("ly") && !s.tokens[end - 1].is_capitalised();
        if !(ADVERBS.contains(&w) || manner) {
            break;
        }
        end -= 1;
    }
    end
}

/// "X on Tuesday said", "X later Thursday told": a time between the
/// subject and its verb.
fn skip_time_back(s: &Around, floor: usize, mut end: usize) -> usize {
    let start = end;
    while end > floor {
        let w = s.words[end - 1].as_str();
        let time = is_time_word(&s.tokens[end - 1])
            || matches!(
                w,
                "on" | "last" | "this" | "earlier" | "later" | "week" | "month" | "year" | "night"
            );
        if !time {
            break;
        }
        end -= 1;
    }
    if end < start {
        skip_adverbs_back(s, floor, end)
    } else {
        end
    }
}

/// `X said, "..."`, `X said that ... "..."`, `X called it "..."`.
fn before(s: &Around, open: usize) -> Option<(usize, usize)> {
    // A verb right before another quote ("the judge called "...,"") is
    // that quote's.
    let floor = s.first;
    let verb = (floor..open).rev().find(|&v| {
        is_quote_verb(&s.words[v])
            && !s.mask[v]
            && !(v + 1 < open && s.mask[v + 1] && is_mark(&s.tokens[v + 1]))
    });
    // "When X suggested ..., Ana fired back: "..."": the named subject of
    // the clause the colon ends, when it has no verb of saying.
    let colon = open > s.first && s.words[open - 1] == ":";
    let clause = (floor..open - 1)
        .rev()
        .find(|&k| s.words[k] == ",")
        .map_or(floor, |k| k + 1);
    if colon && verb.is_none_or(|v| v < clause) {
        if let Some(found) = clause_name(s, clause, open - 1) {
            return Some(found);
        }
    }
    // "After Y criticized her, Ana shot back, "..."": the verb of saying
    // is in an earlier clause; the named subject of the last one speaks.
    let comma = open > s.first && s.words[open - 1] == ",";
    // "Ana Reyes shot back, "..."": a name and a verb the list lacks.
    if comma && verb.is_none() {
        let clause = (floor..open - 1)
            .rev()
            .find(|&k| matches!(s.words[k].as_str(), "," | ";" | "—" | "–" | "―"))
            .map_or(floor, |k| k + 1);
        return named_clause(s, clause, open - 1);
    }
    if comma && clause > floor && verb.is_some_and(|v| v < clause) {
        if let Some(found) = named_clause(s, clause, open - 1) {
            return Some(found);
        }
        // "..., she shot back, "..."": a pronoun no rule here resolves.
        if PRONOUNS.contains(&s.words[clause].as_str()) && is_verb_like(s, clause + 1) {
            return None;
        }
    }
    subject_of(s, verb?, open)
}

/// A clause at `clause` that opens with a person's name and a verb.
fn named_clause(s: &Around, clause: usize, end: usize) -> Option<(usize, usize)> {
    let name = s
        .names
        .iter()
        .find(|n| n.person && !n.place && name_run(s, n).0 == clause)?;
    let (start, name_end) = name_run(s, name);
    if name_end < end && is_verb_like(s, name_end) {
        plausible(s, start, name_end)
    } else {
        None
    }
}

/// A lower-case word that is not a function word: a verb after a name.
fn is_verb_like(s: &Around, k: usize) -> bool {
    s.tokens
        .get(k)
        .is_some_and(|t| t.is_word() && !t.is_capitalised() && !lexicon().is_function_word(t.text))
}

/// The subject of the verb of saying at `v`.
fn subject_of(s: &Around, v: usize, open: usize) -> Option<(usize, usize)> {
    // "X went on to say, "..."": the subject of the sentence.
    if v > s.first && s.words[v - 1] == "to" {
        return sentence_subject(s, v);
    }
    if is_gerund(&s.words[v]) {
        return gerund_subject(s, v, open);
    }
    let b = skip_time_back(s, s.first, skip_adverbs_back(s, s.first, v));
    // "X welcomed the ruling and added, "..."": the sentence's subject.
    if b > s.first && matches!(s.words[b - 1].as_str(), "and" | "but" | "then") {
        return sentence_subject(s, v);
    }
    if let Some(name) = name_between_commas(s, b) {
        return Some(name);
    }
    let mut end = skip_apposition(s, b);
    // "Gov. Ana Reyes (R-Ohio), said": a stray comma before the verb.
    if end == b && end > s.first + 1 && s.words[end - 1] == "," && s.words[end - 2] == ")" {
        end -= 1;
    }
    let a = subject_start(s, end);
    // "A US official quoted by the WSJ": the official speaks.
    let end = (a..end)
        .find(|&k| {
            matches!(s.words[k].as_str(), "quoted" | "cited")
                && s.words.get(k + 1).is_some_and(|w| w == "by")
        })
        .unwrap_or(end);
    if let Some(name) = name_before_title(s, a) {
        return Some(name);
    }
    if a < end {
        return plausible(s, a, end).or_else(|| after_conjunction(s, a, end));
    }
    // "Said Ana Reyes: "..."", but not "..., described the plan as "..."":
    // the phrase after most verbs is their object.
    if !is_inverting(&s.words[v]) {
        return None;
    }
    // "..., said Ana Reyes, "..."", not "said the days when ... "..."": the
    // phrase runs to a comma, a colon or the quote.
    let (a, b) = forward_phrase(s, v + 1, open)?;
    let closed = b >= open || matches!(s.words[b].as_str(), "," | ":" | "—" | "–");
    closed.then_some((a, b))
}

/// The subject of an "-ing" verb of saying at `v`.
fn gerund_subject(s: &Around, v: usize, open: usize) -> Option<(usize, usize)> {
    // "with Ana Reyes telling reporters": the name just before.
    let with = |n: &Name| {
        let start = name_run(s, n).0;
        start > s.first && s.words[start - 1] == "with"
    };
    if let Some(n) = s.names.iter().find(|n| n.end == v && n.person && with(n)) {
        return plausible(s, n.start, n.end);
    }
    // "Ana Reyes added, saying ...": the subject of the verb before.
    let verb_before = v >= s.first + 2
        && s.words[v - 1] == ","
        && is_quote_verb(&s.words[v - 2])
        && !is_gerund(&s.words[v - 2]);
    if verb_before {
        return subject_of(s, v - 2, open);
    }
    sentence_subject(s, v)
}

/// Where the subject ending at `end` starts, walking back to a clause
/// boundary, a quote or another verb of saying, past a bracket.
fn subject_start(s: &Around, end: usize) -> usize {
    let mut a = end;
    while a > s.first {
        if s.words[a - 1] == ")" {
            match (s.first..a - 1).rev().find(|&k| s.words[k] == "(") {
                Some(p) => {
                    a = p;
                    continue;
                }
                None => break,
            }
        }
        let quoted = s.mask[a - 1] && !is_short_name_quote(s.tokens, s.mask, a - 1);
        // "Trump said he replied: "..."": another verb ends the subject.
        let verb = is_quote_verb(&s.words[a - 1]);
        if STOP.contains(&s.words[a - 1].as_str()) || quoted || verb {
            break;
        }
        a -= 1;
    }
    a
}

/// Verbs of saying that come before their subject in news copy ("said
/// X", "added X"); after the others the phrase is an object ("told X",
/// "called X", "described X").
fn is_inverting(verb: &str) -> bool {
    matches!(
        verb,
        "said"
            | "says"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "continued"
            | "replied"
            | "responded"
            | "explained"
            | "recalled"
            | "noted"
            | "declared"
            | "declares"
            | "agreed"
            | "agrees"
            | "quipped"
            | "joked"
            | "observed"
            | "remarked"
            | "answered"
            | "countered"
            | "insisted"
            | "argued"
            | "warned"
            | "cautioned"
            | "concluded"
            | "stated"
            | "tweeted"
            | "posted"
            | "wondered"
    )
}

/// "Ana Reyes, president of the union, said": a subject phrase that
/// opens in lower case after a comma is a title; the person before it
/// speaks.
fn name_before_title(s: &Around, a: usize) -> Option<(usize, usize)> {
    if a < s.first + 2 || s.words[a - 1] != "," || s.tokens[a].is_capitalised() {
        return None;
    }
    let name = s.names.iter().find(|n| n.person && n.end == a - 1)?;
    // The name opens the sentence or its clause, not an opening phrase
    // ("In an interview with Ana Reyes, the senator said").
    let start = name_run(s, name).0;
    let opens =
        start == s.first || (opens_with_phrase(s) && opening_phrase_end(s, a) == Some(start));
    if opens {
        plausible(s, name.start, name.end)
    } else {
        None
    }
}

/// "A woman asked for a photo and Ana Reyes said": the name that opens
/// the last clause joined by "and"/"but", when the whole is no subject.
fn after_conjunction(s: &Around, a: usize, end: usize) -> Option<(usize, usize)> {
    let k = (a..end)
        .rev()
        .find(|&k| matches!(s.words[k].as_str(), "and" | "but"))?;
    let name = s.tokens.get(k + 1).is_some_and(|t| t.is_capitalised());
    if name && k + 1 < end {
        plausible(s, k + 1, end)
    } else {
        None
    }
}

/// "X, a US think tank, said" or "X (D-Ohio), who ..., said": the subject
/// before the apposition, when it ends in a name or the apposition opens
/// like one.
fn skip_apposition(s: &Around, end: usize) -> usize {
    if end < s.first + 2 || s.words[end - 1] != "," {
        return end;
    }
    let Some(comma) = (s.first..end - 1).rev().find(|&k| s.words[k] == ",") else {
        return end;
    };
    if end - comma > 25 || comma == s.first {
        return end;
    }
    let opens = s.words.get(comma + 1).is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "an" | "the" | "which" | "who" | "whose" | "now" | "then" | "also"
        )
    });
    let before = &s.tokens[comma - 1];
    let named = (before.is_capitalised() && !is_time_word(before)) || s.words[comma - 1] == ")";
    let inner_quote = (comma..end).any(|k| s.mask[k]);
    if (opens || named) && !inner_quote {
        comma
    } else {
        end
    }
}

/// "The lawyer for the city, Ana Reyes, said": the name between commas.
fn name_between_commas(s: &Around, end: usize) -> Option<(usize, usize)> {
    if end < s.first + 3 || s.words[end - 1] != "," {
        return None;
    }
    let comma = (s.first..end - 1).rev().find(|&k| s.words[k] == ",")?;
    let inner = comma + 1..end - 1;
    let is_name = !inner.is_empty()
        && inner.len() <= 4
        && s.tokens[inner.clone()].iter().all(|t| t.is_capitalised())
        && s.names
            .iter()
            .any(|n| n.person && n.start >= inner.start && n.end <= inner.end);
    if is_name {
        plausible(s, inner.start, inner.end)
    } else {
        None
    }
}

/// A quote inside a clause with no verb of saying ("Cruz blamed the law on
/// "..."", "At one point, Ana Reyes urged calm: "...""): the name that
/// opens the clause speaks; a possessive ("Reyes's aides") or a clause
/// opening with anything else gives none.
pub fn clause_subject(s: &Around, open: usize) -> Option<(usize, usize)> {
    let mut a = s.first;
    if opens_with_phrase(s) {
        a = opening_phrase_end(s, open)?;
    }
    while a < open && matches!(s.words[a].as_str(), "the" | "and" | "but" | "then" | "so") {
        a += 1;
    }
    let name = s
        .names
        .iter()
        .find(|n| !n.place && n.start >= a && name_run(s, n).0 == a)?;
    let (start, end) = name_run(s, name);
    let end = titled_head(s, end, open).unwrap_or(end);
    // "X, a teacher from Y, called it "..."": the verb after the apposition.
    let verb_at = apposition_end(s, end, open).unwrap_or(end);
    // "X backed a man who said voters should "..."": another speaker.
    if (verb_at..open).any(|k| matches!(s.words[k].as_str(), "who" | "whom" | "which")) {
        return None;
    }
    let possessive = s
        .tokens
        .get(end)
        .is_some_and(|t| t.text.starts_with(['\'', '’']));
    let verb_follows = is_verb_like(s, verb_at);
    if possessive || !verb_follows || verb_at >= open {
        return None;
    }
    plausible(s, start, end)
}

/// "X, a teacher from the coast, said" or "X — a teacher — said": after a
/// comma or dash at `at`, the token past the matching one (at most 25
/// tokens on, before `open`, no quote inside).
fn apposition_end(s: &Around, at: usize, open: usize) -> Option<usize> {
    let mark = s.words.get(at)?.as_str();
    if !matches!(mark, "," | "—" | "–") {
        return None;
    }
    let limit = (at + 26).min(open);
    let close = (at + 1..limit)
        .take_while(|&k| !s.mask[k])
        .find(|&k| s.words[k] == mark && !is_place_comma(s, k))?;
    (close > at + 1).then_some(close + 1)
}

/// "Columbia, South Carolina": a comma between two places, inside a name
/// rather than closing a phrase.
fn is_place_comma(s: &Around, k: usize) -> bool {
    s.words[k] == ","
        && s.names.iter().any(|n| n.place && n.end == k)
        && s.names.iter().any(|n| n.place && n.start == k + 1)
}

/// "Trump lashed out, saying "..."": the first name of the clause, outside
/// quotes and past an opening phrase ("On Tuesday, ...").
fn sentence_subject(s: &Around, v: usize) -> Option<(usize, usize)> {
    let mut a = s.first;
    if opens_with_phrase(s) {
        a = opening_phrase_end(s, v).unwrap_or(a);
    }
    clause_name(s, a, v)
}

/// The first name (not a place) in tokens `a..v`, outside quotes.
fn clause_name(s: &Around, a: usize, v: usize) -> Option<(usize, usize)> {
    let a = if a == s.first && opens_with_phrase(s) {
        opening_phrase_end(s, v).unwrap_or(a)
    } else {
        a
    };
    let name = s
        .names
        .iter()
        .find(|n| n.start >= a && n.end <= v && !s.mask[n.start] && !n.place)?;
    let name = owned_name(s, name, v).unwrap_or(name);
    let (start, end) = name_run(s, name);
    let end = titled_head(s, end, v).unwrap_or(end);
    plausible(s, start, end.min(v))
}

/// "Republican presidential nominee Ana Reyes": after the capitalised
/// run ending at `end`, one to three lower-case title words (`[titles]`), then a
/// person's name: the end of that name, the head of the phrase.
fn titled_head(s: &Around, end: usize, limit: usize) -> Option<usize> {
    let title = |k: usize| !s.mask[k] && !s.tokens[k].is_capitalised() && is_title(&s.words[k]);
    let gap = (end..limit.min(end + 4)).take_while(|&k| title(k)).count();
    let name = s
        .names
        .iter()
        .find(|n| n.person && gap > 0 && n.start == end + gap && n.end <= limit)?;
    Some(name_run(s, name).1)
}

/// "Ana Reyes's campaign manager Ivo Marsh": the person a possessive name
/// is followed by, a few words on, is the head of the phrase.
fn owned_name<'a>(s: &'a Around, name: &Name, v: usize) -> Option<&'a Name> {
    let possessive = s
        .tokens
        .get(name.end)
        .is_some_and(|t| t.text.starts_with(['\'', '’']));
    if !possessive {
        return None;
    }
    s.names.iter().find(|n| {
        n.person
            && n.start > name.end
            && n.start <= name.end + 5
            && n.end <= v
            && (name.end + 1..n.start).all(|k| s.tokens[k].is_word() && !s.mask[k])
    })
}

/// The sentence opens with a phrase before its subject: a preposition
/// ("In an interview with ...,") or a participle ("Speaking to ...,",
/// "Asked about ...,").
fn opens_with_phrase(s: &Around) -> bool {
    let w = s.words[s.first].as_str();
    let named = s.names.iter().any(|n| n.start == s.first);
    let participle = (w.ends_with("ing") || w.ends_with("ed")) && !named;
    // "Still, X called it ...", "Meanwhile, X ...": one word and a comma.
    let adverb = s.words.get(s.first + 1).is_some_and(|c| c == ",") && !named;
    NOT_FIRST.contains(&w) || participle || adverb
}

/// "In a long interview with Ana Reyes, Ivo Marsh said": where the
/// clause starts, after the opening phrase: the first comma (outside
/// quotes, before `limit`) followed by a name.
fn opening_phrase_end(s: &Around, limit: usize) -> Option<usize> {
    (s.first..limit)
        .find(|&k| {
            s.words[k] == "," && !s.mask[k] && s.names.iter().any(|n| name_run(s, n).0 == k + 1)
        })
        .map(|k| k + 1)
}

/// A word of a title (`[titles]`: "presidential", "nominee").
fn is_title(word: &str) -> bool {
    lexicon().cues("titles").has_word(word)
}

/// The capitalised run a name stands in, with the titles joined to it:
/// "Former Ohio Gov. Ana Reyes" for "Ohio", "Reyes campaign manager Ivo
/// Marsh" for "Reyes".
fn name_run(s: &Around, name: &Name) -> (usize, usize) {
    let joins = |k: usize| {
        !s.mask[k]
            && (s.tokens[k].is_capitalised() || lexicon().cues("titles").has_word(&s.words[k]))
    };
    let mut a = name.start;
    while a > s.first && joins(a - 1) {
        a -= 1;
    }
    let mut b = name.end;
    while b <= s.last && joins(b) {
        b += 1;
    }
    // A title after the last name belongs to the next phrase.
    while b > name.end && !s.tokens[b - 1].is_capitalised() {
        b -= 1;
    }
    (a, b)
}

fn is_time_word(t: &Tok) -> bool {
    crate::time::weekday_from_name(t.text).is_some()
        || crate::date::month_from_name(t.text).is_some()
        || matches!(
            t.text.to_lowercase().as_str(),
            "today" | "yesterday" | "tonight" | "tomorrow" | "morning" | "evening" | "afternoon"
        )
}

/// A modal that is also a first name: "Will Doyle", "May Ellis", a
/// capitalised "will" or "may" before a capitalised word.
fn is_first_name(s: &Around, k: usize) -> bool {
    matches!(s.words[k].as_str(), "will" | "may")
        && s.tokens[k].is_capitalised()
        && s.tokens.get(k + 1).is_some_and(|t| t.is_capitalised())
}

fn is_platform(word: &str) -> bool {
    lexicon().cues("platforms").has_word(word)
}

/// The phrase `a..b` trimmed of leading conjunctions, when it can be a
/// speaker: no clause verb, no quotation, not a preposition phrase, not
/// ending in a function word, not a date, a time or a platform, and either
/// a name (a capitalised word), a pronoun, or a noun phrase with an opener
/// or a person noun.
pub fn plausible(s: &Around, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut a = a;
    let mut b = b;
    // "Sen. Ann Reyes (D-Ohio)": the party label is not part of the name.
    if b > a + 1 && s.words[b - 1] == ")" {
        b = (a..b - 1).rev().find(|&k| s.words[k] == "(").unwrap_or(b);
    }
    while a < b
        && matches!(
            s.words[a].as_str(),
            "and" | "but" | "or" | "so" | "then" | "also" | "as" | "while" | "yet" | "," | "—"
        )
    {
        a += 1;
    }
    if a >= b || b - a > 12 {
        return None;
    }
    let words = &s.words[a..b];
    let tokens = &s.tokens[a..b];
    let last = words[words.len() - 1].as_str();
    let lex = lexicon();
    let bad = NOT_FIRST.contains(&words[0].as_str())
        || NOT_LAST.contains(&last)
        || (a..b).any(|k| CLAUSE_VERBS.contains(&s.words[k].as_str()) && !is_first_name(s, k))
        || words.iter().any(|w| is_quote_verb(w))
        || (a..b).any(|k| s.mask[k] && !is_short_name_quote(s.tokens, s.mask, k))
        || is_time_word(&tokens[tokens.len() - 1])
        || is_platform(last)
        || (!tokens[tokens.len() - 1].is_capitalised()
            && (last.ends_with("ly") || last.ends_with("ing")));
    if bad {
        return None;
    }
    if words.len() == 1 && PRONOUNS.contains(&last) {
        return Some((a, b));
    }
    let named = tokens
        .iter()
        .any(|t| t.is_capitalised() && !lex.is_function_word(t.text) && !is_time_word(t));
    let opener = OPENERS.contains(&words[0].as_str());
    let person_noun = lex.cues("anonymous").has_word(last);
    (named || opener || person_noun).then_some((a, b))
}
