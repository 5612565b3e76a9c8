//! Attribution: who stands behind a sentence, and of what kind: `named` (a
//! named person or body), `anonymous` ("officials said", "a senior Eastern
//! European official"), `media` (another outlet: "according to the WSJ",
//! "Tasnim reported") or `outlet` (the article's own voice), with the chain
//! of hands a claim passed through (an official, quoted by the WSJ,
//! reported by Essanews).
//!
//! Why: the same fact carries different weight when a minister says it on
//! the record, when unnamed officials do, and when an outlet repeats
//! another outlet; the comparison view shows this next to every claim.
//!
//! Rules, in order: "according to X"; a reporting verb (`[speech]` in
//! `data/cues.txt`) with its subject before it ("X said", "..., officials
//! said, ...") or after it ("said X"); "as reported by X"; anaphora for
//! reports ("the newspaper", "the same report" = the outlet last named).
//! Inner sources come from "citing X", "cites X", "quoted by X" (the media
//! link) and "told X" (X a medium). A reporting verb used as a noun ("reports
//! that", "the report") is skipped.

use crate::document::{AttributionKind, EntityKind, Source};
use crate::entities::ResolvedMention;
use crate::lexicon::{lexicon, phrase_at};
use crate::text::{Tok, TokKind};

/// What the rules found for one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub name: String,
    pub kind: AttributionKind,
    pub entity: Option<String>,
    /// Innermost first; the outlet is appended by the caller.
    pub chain: Vec<Source>,
    /// Token range of the attribution phrase (verb included), if any.
    pub span: Option<(usize, usize)>,
}

/// Context the rules need about the document.
pub struct Context<'a> {
    /// Resolved mentions of the paragraph.
    pub mentions: &'a [&'a ResolvedMention],
    /// Entity kind by id.
    pub kind_of: &'a dyn Fn(&str) -> Option<EntityKind>,
    /// Display name by id.
    pub name_of: &'a dyn Fn(&str) -> Option<String>,
    /// The media entity last named before this sentence in the document.
    pub last_media: Option<String>,
    /// The people last named before this sentence (for "they", "she").
    pub last_people: Vec<String>,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "to", "of", "these", "those", "same", "such", "its", "their", "his", "her",
];
const NOUN_BEFORE: &[&str] = &[
    "numerous",
    "recent",
    "multiple",
    "new",
    "media",
    "further",
    "earlier",
    "previous",
    "initial",
    "first",
    "many",
    "several",
    "news",
    "press",
    "unconfirmed",
    "conflicting",
];
const NOUN_LIKE: &[&str] = &[
    "reports",
    "report",
    "claims",
    "estimates",
    "estimate",
    "states",
    "state",
    "notes",
    "tells",
    "tell",
    "say",
];
/// Verbs whose subject a report or a statement can be ("the report said").
const SPEECH_AFTER_NOUN: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "found",
    "finds",
    "showed",
    "shows",
    "suggested",
    "suggests",
    "added",
    "claimed",
    "claims",
    "concluded",
    "noted",
    "warned",
];
const BOUNDARY: &[&str] = &[
    ",", ";", ":", "—", "–", "(", ")", "that", "which", "who", "but", "while", "though",
    "although", "and", "as", "when", "where", "since", "because", "if", "after", "before", "once",
];
const ADVERBS: &[&str] = &[
    "reportedly",
    "also",
    "previously",
    "initially",
    "later",
    "have",
    "has",
    "had",
    "already",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "earlier",
    "now",
    "firmly",
    "first",
    "would",
    "will",
    "could",
    "did",
    "do",
    "does",
    "not",
    "been",
    "long",
    "once",
    "again",
    "further",
    "separately",
    "officially",
    "only",
    "just",
    "still",
    "even",
    "never",
    "often",
    "widely",
    "subsequently",
    "privately",
    "jointly",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
const ANAPHORIC_MEDIA: &[&[&str]] = &[
    &["the", "newspaper"],
    &["the", "paper"],
    &["the", "report"],
    &["the", "same", "report"],
    &["the", "agency"],
    &["the", "outlet"],
    &["the", "daily"],
    &["the", "broadcaster"],
];

fn is_speech_verb(tokens: &[Tok], words: &[String], at: usize) -> Option<usize> {
    let lex = lexicon();
    // "The United States": a capitalised word is part of a name.
    if at > 0 && tokens[at].is_capitalised() {
        return None;
    }
    let phrase = lex.cues("speech").at(words, at)?;
    let prev = if at > 0 { words[at - 1].as_str() } else { "" };
    let noun_use = DETERMINERS.contains(&prev);
    // "No deaths were reported": a passive has no speaker before it.
    if matches!(
        prev,
        "was" | "were" | "is" | "are" | "been" | "be" | "being"
    ) {
        return None;
    }
    let noun_like = NOUN_LIKE.contains(&words[at].as_str());
    let plural_noun = noun_like && (at == 0 || NOUN_BEFORE.contains(&prev));
    // "A March report said": a noun when a speech verb follows.
    let subject_noun = noun_like
        && words
            .get(at + phrase.len())
            .is_some_and(|next| SPEECH_AFTER_NOUN.contains(&next.as_str()));
    if noun_use || plural_noun || subject_noun {
        return None;
    }
    Some(phrase.len())
}

/// Whether the words after a verb cannot be its speaker ("said there have
/// been", "said Tuesday that", "said counting would end"): a speaker after
/// the verb starts with a capital, a determiner or quantifier, or an
/// unnamed-source noun.
pub(crate) fn bad_inverted_subject(tokens: &[Tok], words: &[String], at: usize) -> bool {
    let (Some(w), Some(t)) = (words.get(at), tokens.get(at)) else {
        return true;
    };
    const OPENERS: &[&str] = &[
        "the", "a", "an", "one", "two", "three", "four", "five", "several", "some", "many",
        "senior", "top", "another", "other", "local", "state", "western", "foreign", "his", "her",
        "their",
    ];
    let time_word = crate::time::weekday_from_name(t.text).is_some()
        || crate::date::month_from_name(t.text).is_some_and(|_| t.is_capitalised());
    let nounish = t.is_capitalised()
        || OPENERS.contains(&w.as_str())
        || lexicon().cues("anonymous").has_word(w);
    time_word || !nounish || (t.is_capitalised() && lexicon().is_function_word(t.text))
}

/// Finds the attribution of a sentence given by its tokens (a slice of the
/// paragraph's tokens) and lower-case words.
pub fn attribute(
    tokens: &[Tok],
    words: &[String],
    text: &str,
    ctx: &Context,
) -> Option<Attribution> {
    let n = tokens.len();
    let in_quote = quote_mask(tokens);
    // "according to X"
    for at in 0..n.saturating_sub(2) {
        if words[at] == "according" && words[at + 1] == "to" && !in_quote[at] {
            let end = phrase_end(tokens, words, at + 2);
            if end > at + 2 {
                let mut a = classify(tokens, words, text, at + 2, end, ctx);
                a.span = Some((at, end));
                return Some(a);
            }
        }
    }
    // "as reported by X", "reported by the newspaper"
    for at in 0..n.saturating_sub(2) {
        if words[at] == "reported"
            && words[at + 1] == "by"
            && !in_quote[at]
            && at > 0
            && words[at - 1] == "as"
        {
            let end = phrase_end(tokens, words, at + 2);
            if end > at + 2 {
                let mut a = classify(tokens, words, text, at + 2, end, ctx);
                // "originates from representatives of ...": the inner source.
                if let Some(from) = (end..n.saturating_sub(1)).find(|&k| {
                    matches!(words[k].as_str(), "originates" | "comes" | "came")
                        && words[k + 1] == "from"
                }) {
                    let inner_end = phrase_end(tokens, words, from + 2);
                    if inner_end > from + 2 {
                        let inner = classify(tokens, words, text, from + 2, inner_end, ctx);
                        let mut chain = vec![source_of(&inner), source_of(&a)];
                        chain.extend(a.chain.drain(..).skip(1));
                        return Some(Attribution {
                            chain,
                            span: Some((at - 1, inner_end)),
                            ..inner
                        });
                    }
                }
                a.span = Some((at - 1, end));
                return Some(a);
            }
        }
    }
    for at in 0..n {
        if in_quote[at] {
            continue;
        }
        let Some(len) = is_speech_verb(tokens, words, at) else {
            continue;
        };
        // "Concerns reported by the WSJ": the agent is the source when it
        // is a medium; otherwise the passive is not an attribution.
        if words.get(at + 1).is_some_and(|w| w == "by") {
            let end = phrase_end(tokens, words, at + 2);
            if end > at + 2 {
                let agent = classify(tokens, words, text, at + 2, end, ctx);
                if agent.kind == AttributionKind::Media
                    && agent.entity.is_some()
                    && words[at] == "reported"
                {
                    return Some(Attribution {
                        span: Some((at, end)),
                        ..agent
                    });
                }
            }
            continue;
        }
        // Subject before the verb.
        let mut s = at;
        while s > 0 && ADVERBS.contains(&words[s - 1].as_str()) {
            s -= 1;
        }
        let mut subject_end = s;
        // "X, a US think tank, said", "X, which has ..., said": skip the
        // appositive or non-restrictive clause.
        if subject_end >= 2 && words[subject_end - 1] == "," {
            if let Some(comma) = (0..subject_end - 1).rev().find(|&k| words[k] == ",") {
                let appositive = &words[comma + 1..subject_end - 1];
                if appositive
                    .first()
                    .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the" | "which" | "who"))
                    && appositive.len() <= 12
                {
                    subject_end = comma;
                }
            }
        }
        let mut start = subject_end;
        while start > 0 {
            let w = words[start - 1].as_str();
            // "officials from a country that monitors X told CNN": a
            // relative clause inside the subject.
            let relative = matches!(w, "that" | "who" | "which")
                && start >= 2
                && tokens[start - 2].is_word()
                && is_speech_verb(tokens, words, start - 2).is_none()
                && !matches!(
                    words[start - 2].as_str(),
                    "so" | "such" | "is" | "was" | "are" | "were"
                )
                && (0..start - 1)
                    .rev()
                    .take(8)
                    .any(|k| lexicon().cues("anonymous").has_word(&words[k]));
            if relative {
                start -= 1;
                continue;
            }
            if BOUNDARY.contains(&w)
                && !(w == "and" && start >= 2 && tokens[start - 2].is_capitalised())
                && !(w == "(" || w == ")")
            {
                break;
            }
            if tokens[start - 1].kind == TokKind::Punct
                && in_quote[start - 1] != in_quote[subject_end.saturating_sub(1)]
                && !tokens[start - 1]
                    .text
                    .chars()
                    .any(crate::text::is_quote_char)
            {
                break;
            }
            if in_quote[start - 1] && !is_short_name_quote(tokens, &in_quote, start - 1) {
                break;
            }
            start -= 1;
        }
        // Drop sentence adverbials before the subject ("In addition, ...").
        let mut a = if start < subject_end {
            let mut att = classify(tokens, words, text, start, subject_end, ctx);
            att.span = Some((start, at + len));
            att
        } else {
            // "said X"
            let end = phrase_end(tokens, words, at + len);
            // "said the U.S. had no role": the subject of a reported clause.
            let clause_follows = words.get(end).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "have"
                        | "has"
                        | "had"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "would"
                        | "will"
                        | "could"
                )
            });
            if end <= at + len || clause_follows || bad_inverted_subject(tokens, words, at + len) {
                // "X have disputed ... and said there ...": the first
                // name of the clause speaks.
                if let Some(m) = ctx
                    .mentions
                    .iter()
                    .filter(|m| m.raw.tok < at && !m.raw.adjective)
                    .min_by_key(|m| m.raw.tok)
                {
                    let mut att = Attribution {
                        name: (ctx.name_of)(&m.entity).unwrap_or_else(|| m.raw.text.clone()),
                        kind: if (ctx.kind_of)(&m.entity) == Some(EntityKind::Media) {
                            AttributionKind::Media
                        } else {
                            AttributionKind::Named
                        },
                        entity: Some(m.entity.clone()),
                        chain: Vec::new(),
                        span: None,
                    };
                    att.span = Some((m.raw.tok, at + len));
                    return Some(att);
                }
                continue;
            }
            let mut att = classify(tokens, words, text, at + len, end, ctx);
            att.span = Some((at, end));
            att
        };
        if a.name.is_empty() {
            continue;
        }
        // "told CNN": the medium that carried it.
        if words[at] == "told" || words[at] == "tells" {
            if a.chain.is_empty() {
                a.chain.push(source_of(&a));
            }
            if let Some(m) = ctx.mentions.iter().find(|m| {
                m.raw.tok == at + 1 && (ctx.kind_of)(&m.entity) == Some(EntityKind::Media)
            }) {
                a.chain.push(Source {
                    name: (ctx.name_of)(&m.entity).unwrap_or_else(|| m.raw.text.clone()),
                    kind: AttributionKind::Media,
                    entity: Some(m.entity.clone()),
                });
            }
        }
        // "citing X", "cites X": the inner source.
        for k in at..n.saturating_sub(1) {
            if matches!(words[k].as_str(), "citing" | "cites" | "cited")
                && !in_quote[k]
                && words[k + 1] != "by"
            {
                let end = phrase_end(tokens, words, k + 1);
                if end > k + 1 {
                    let inner = classify(tokens, words, text, k + 1, end, ctx);
                    let mut chain = vec![source_of(&inner)];
                    chain.push(source_of(&a));
                    chain.extend(a.chain.drain(..).skip(1));
                    return Some(Attribution { chain, ..inner });
                }
            }
        }
        return Some(a);
    }
    None
}

fn source_of(a: &Attribution) -> Source {
    Source {
        name: a.name.clone(),
        kind: a.kind,
        entity: a.entity.clone(),
    }
}

/// A quoted name ("the "Wall Street Journal"") is part of a phrase.
pub fn is_short_name_quote(tokens: &[Tok], in_quote: &[bool], at: usize) -> bool {
    let mut a = at;
    while a > 0 && in_quote[a - 1] {
        a -= 1;
    }
    let mut b = at;
    while b + 1 < tokens.len() && in_quote[b + 1] {
        b += 1;
    }
    b - a <= 6
        && tokens[a..=b]
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.is_capitalised())
}

/// Marks tokens inside quotation marks (the marks included).
pub fn quote_mask(tokens: &[Tok]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    let mut open = false;
    for (i, t) in tokens.iter().enumerate() {
        let c = t.text.chars().next().unwrap_or(' ');
        match c {
            '"' => {
                mask[i] = true;
                open = !open;
                continue;
            }
            '“' | '«' => {
                open = true;
                mask[i] = true;
                continue;
            }
            '”' | '»' => {
                open = false;
                mask[i] = true;
                continue;
            }
            _ => {}
        }
        mask[i] = open;
    }
    mask
}

/// End of a noun phrase starting at `from`: up to punctuation, a clause
/// word or a verb-like word.
fn phrase_end(tokens: &[Tok], words: &[String], from: usize) -> usize {
    let mut k = from;
    while k < tokens.len() {
        let w = words[k].as_str();
        let t = tokens[k];
        let quote = t.text.chars().all(crate::text::is_quote_char);
        if quote {
            k += 1;
            continue;
        }
        if (t.kind == TokKind::Punct && !matches!(w, "-" | "&"))
            || matches!(
                w,
                "would"
                    | "will"
                    | "could"
                    | "might"
                    | "may"
                    | "can"
                    | "should"
                    | "must"
                    | "that"
                    | "which"
                    | "who"
                    | "while"
                    | "but"
                    | "on"
                    | "in"
                    | "when"
                    | "to"
                    | "said"
                    | "says"
                    | "stated"
                    | "told"
                    | "reported"
                    | "have"
                    | "has"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "suggesting"
                    | "citing"
                    | "detailing"
            )
        {
            break;
        }
        k += 1;
    }
    while k > from && tokens[k - 1].text.chars().all(crate::text::is_quote_char) {
        k -= 1;
    }
    k
}

/// Types the source phrase `tokens[a..b]`.
fn classify(
    tokens: &[Tok],
    words: &[String],
    text: &str,
    a: usize,
    b: usize,
    ctx: &Context,
) -> Attribution {
    let lex = lexicon();
    // Strip leading conjunctions and sentence adverbials.
    let mut a = a;
    while a < b
        && matches!(
            words[a].as_str(),
            "and"
                | "but"
                | "so"
                | "then"
                | "in"
                | "addition"
                | ","
                | "also"
                | "by"
                | "however"
                | "additionally"
                | "meanwhile"
        )
    {
        a += 1;
    }
    // "A senior official on Monday": the time is not part of the source.
    let mut b = b;
    if let Some(cut) = (a + 1..b).find(|&k| {
        matches!(words[k].as_str(), "on" | "last" | "this" | "in")
            && tokens.get(k + 1).is_some_and(|t| {
                crate::time::weekday_from_name(t.text).is_some()
                    || matches!(t.text, "week" | "month" | "Monday")
            })
    }) {
        b = cut;
    }
    let phrase_text = |a: usize, b: usize| -> String {
        if a >= b {
            return String::new();
        }
        text.get(tokens[a].start..tokens[b - 1].end)
            .unwrap_or_default()
            .trim_matches(|c: char| crate::text::is_quote_char(c) || c == ',')
            .to_string()
    };
    let name = phrase_text(a, b);
    let inside: Vec<&&ResolvedMention> = ctx
        .mentions
        .iter()
        .filter(|m| m.raw.tok >= a && m.raw.tok_end <= b)
        .collect();
    let kind_of = |m: &&&ResolvedMention| (ctx.kind_of)(&m.entity);
    let named = |m: &&&ResolvedMention, kind: AttributionKind| Attribution {
        name: (ctx.name_of)(&m.entity).unwrap_or_else(|| m.raw.text.clone()),
        kind,
        entity: Some(m.entity.clone()),
        chain: Vec::new(),
        span: None,
    };
    // "quoted by the WSJ": the phrase before is the source, the medium a link.
    if let Some(q) = (a..b.saturating_sub(1))
        .find(|&k| matches!(words[k].as_str(), "quoted" | "cited") && words[k + 1] == "by")
    {
        let inner = classify(tokens, words, text, a, q, ctx);
        let outer = classify(tokens, words, text, q + 2, b, ctx);
        let mut chain = vec![source_of(&inner)];
        chain.push(source_of(&outer));
        return Attribution { chain, ..inner };
    }
    let anaphoric = ANAPHORIC_MEDIA.iter().any(|p| {
        let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
        (a..b).any(|k| phrase_at(words, k, &p))
    });
    if let Some(m) = inside
        .iter()
        .find(|m| kind_of(m) == Some(EntityKind::Media))
    {
        return named(m, AttributionKind::Media);
    }
    if anaphoric {
        if let Some(id) = &ctx.last_media {
            return Attribution {
                name: (ctx.name_of)(id).unwrap_or_else(|| id.clone()),
                kind: AttributionKind::Media,
                entity: Some(id.clone()),
                chain: Vec::new(),
                span: None,
            };
        }
        return Attribution {
            name,
            kind: AttributionKind::Media,
            entity: None,
            chain: Vec::new(),
            span: None,
        };
    }
    if let Some(m) = inside
        .iter()
        .find(|m| kind_of(m) == Some(EntityKind::Person))
    {
        return named(m, AttributionKind::Named);
    }
    if b == a + 1 && PRONOUNS.contains(&words[a].as_str()) {
        let plural = matches!(words[a].as_str(), "they" | "we");
        return match ctx.last_people.as_slice() {
            [] => Attribution {
                name,
                kind: AttributionKind::Anonymous,
                entity: None,
                chain: Vec::new(),
                span: None,
            },
            [_] if plural => Attribution {
                name,
                kind: AttributionKind::Anonymous,
                entity: None,
                chain: Vec::new(),
                span: None,
            },
            [one] => Attribution {
                name: (ctx.name_of)(one).unwrap_or_default(),
                kind: AttributionKind::Named,
                entity: Some(one.clone()),
                chain: Vec::new(),
                span: None,
            },
            many => {
                let names: Vec<String> = many.iter().filter_map(|id| (ctx.name_of)(id)).collect();
                Attribution {
                    name: names.join(" and "),
                    kind: AttributionKind::Named,
                    entity: many.first().cloned(),
                    chain: Vec::new(),
                    span: None,
                }
            }
        };
    }
    // Unnamed outlets: "South Korean media", "local press".
    if (a..b).any(|k| {
        matches!(
            words[k].as_str(),
            "media" | "press" | "newspapers" | "newspaper" | "reports"
        )
    }) && !(a..b).any(|k| {
        matches!(
            words[k].as_str(),
            "official" | "officials" | "spokesperson" | "spokesman"
        )
    }) {
        return Attribution {
            name,
            kind: AttributionKind::Media,
            entity: None,
            chain: Vec::new(),
            span: None,
        };
    }
    // Unnamed people: a head noun from the [anonymous] list.
    let anonymous = lex.cues("anonymous");
    let anonymous_at = (a..b).find(|&k| anonymous.has_word(&words[k]));
    if let Some(k) = anonymous_at {
        // "analysts at the Institute ...": the named body speaks.
        let affiliated = words.get(k + 1).is_some_and(|w| w == "at");
        if affiliated {
            if let Some(m) = inside
                .iter()
                .find(|m| m.raw.tok > k && matches!(kind_of(m), Some(EntityKind::Organisation)))
            {
                return named(m, AttributionKind::Named);
            }
        }
        return Attribution {
            name,
            kind: AttributionKind::Anonymous,
            entity: None,
            chain: Vec::new(),
            span: None,
        };
    }
    if let Some(m) = inside.iter().find(|m| {
        matches!(
            kind_of(m),
            Some(EntityKind::Organisation | EntityKind::Country | EntityKind::Place)
        ) && !m.raw.adjective
    }) {
        return named(m, AttributionKind::Named);
    }
    if let Some(m) = inside.iter().find(|m| kind_of(m).is_some()) {
        return named(m, AttributionKind::Named);
    }
    Attribution {
        name,
        kind: AttributionKind::Anonymous,
        entity: None,
        chain: Vec::new(),
        span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The attribution of a sentence with no entities known around it.
    fn attribute_alone(text: &str) -> Option<Attribution> {
        let tokens = tokenize(text);
        let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let ctx = Context {
            mentions: &[],
            kind_of: &|_| None,
            name_of: &|_| None,
            last_media: None,
            last_people: Vec::new(),
        };
        attribute(&tokens, &words, text, &ctx)
    }

    fn attribution(text: &str) -> Option<(String, AttributionKind)> {
        attribute_alone(text).map(|a| (a.name, a.kind))
    }

    #[test]
    fn anonymous_sources_before_and_after_the_verb() {
        assert_eq!(
            attribution("The dam will open next week, officials said."),
            Some(("officials".into(), AttributionKind::Anonymous))
        );
        assert_eq!(
            attribution("In addition, the officials said, the port is closed."),
            Some(("the officials".into(), AttributionKind::Anonymous))
        );
        assert_eq!(
            attribution("\"We are running out of time,\" said one senior European diplomat who follows the talks."),
            Some(("one senior European diplomat".into(), AttributionKind::Anonymous))
        );
        assert_eq!(
            attribution("Prices will rise, according to three people familiar with the matter."),
            Some((
                "three people familiar with the matter".into(),
                AttributionKind::Anonymous
            ))
        );
    }

    #[test]
    fn reports_as_nouns_are_not_reporting_verbs() {
        assert_eq!(
            attribution("There have been numerous reports that the mill closed."),
            None
        );
        assert_eq!(attribution("The strike went on."), None);
        assert_eq!(
            attribution("No deaths were reported after the quake."),
            None
        );
        // A report that says something is the source, not a date before it.
        assert_eq!(
            attribution("A March report said the plant would close."),
            Some(("A March report".into(), AttributionKind::Anonymous))
        );
    }

    #[test]
    fn quoted_by_builds_a_chain() {
        let text = "A police official quoted by the Daily Ledger stated that roads were shut.";
        let a = attribute_alone(text).unwrap();
        assert_eq!(a.name, "A police official");
        assert_eq!(a.kind, AttributionKind::Anonymous);
        assert_eq!(a.chain.len(), 2);
        assert_eq!(a.chain[1].name, "the Daily Ledger");
    }
}
