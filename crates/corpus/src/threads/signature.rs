//! What a claim says happened, reduced to what tells one event from
//! another: its content words (stemmed), whom and where it names, when the
//! text says it happened, and measured magnitudes.
//!
//! Why: two outlets describe one event in different words, but they name
//! the same people, places and bodies and share the words for what happened
//! ("arrested", "resigned", "earthquake"). No word list of a story is
//! involved: only words that never identify an event are set aside
//! (`data/event_stopwords.txt`).

use crate::date::PartialDate;
use crate::document::{EntityKind, Number, TimeRef};
use crate::stem::stem;
use crate::text::Tok;
use std::collections::HashSet;
use std::sync::OnceLock;

const EVENT_STOPWORDS: &str = include_str!("../../data/event_stopwords.txt");

fn stopwords() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        EVENT_STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .map(str::to_string)
            .collect()
    })
}

/// Is this lower-case word one that never identifies an event?
pub fn is_event_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

/// An entity a claim names, as evidence of which event it reports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    pub id: String,
    pub kind: EntityKind,
    /// The claim's source ("X said"): it speaks, it need not take part.
    pub speaker: bool,
}

impl Anchor {
    /// How much sharing this entity says about sharing an event: a person
    /// or a named body says much, a place less, a country little.
    pub fn weight(&self) -> f32 {
        match self.kind {
            EntityKind::Person => 3.0,
            EntityKind::Organisation | EntityKind::Other | EntityKind::Weapon => 2.0,
            EntityKind::Place => 1.5,
            EntityKind::Country => 0.5,
            EntityKind::Media => 0.0,
        }
    }
}

/// The evidence of one claim.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// Stems of the content words, sorted, without repeats.
    pub stems: Vec<String>,
    /// Entities named, sorted by id, without repeats (no media).
    pub anchors: Vec<Anchor>,
    /// Day numbers (first, last) of the clause's own time expression.
    pub stated: Option<(i64, i64)>,
    /// Day number of the article's publication.
    pub published: Option<i64>,
    /// Decimal measures under 10 with their unit ("6.1 magnitude"): two
    /// earthquakes of different strength are two earthquakes.
    pub magnitudes: Vec<(String, f64)>,
    /// Byte ranges in the claim's text of content words (with their stem)
    /// and of entity mentions (with the id), for labels.
    pub stem_spans: Vec<(usize, usize, String)>,
    pub anchor_spans: Vec<(usize, usize, String)>,
}

impl Signature {
    /// What can tell one event from another: its content stems and the
    /// names that say much (people, bodies, places; not countries).
    pub fn event_keys(&self) -> impl Iterator<Item = &str> {
        let names = self
            .anchors
            .iter()
            .filter(|a| a.weight() >= 1.5)
            .map(|a| a.id.as_str());
        self.stems.iter().map(String::as_str).chain(names)
    }
}

/// A mention inside a clause: token range relative to the clause, entity
/// id and kind.
pub struct ClauseMention<'a> {
    pub tok: usize,
    pub tok_end: usize,
    pub entity: &'a str,
    pub kind: EntityKind,
}

/// Everything about the clause that the signature reads.
pub struct ClauseFacts<'a> {
    pub tokens: &'a [Tok<'a>],
    pub mentions: &'a [ClauseMention<'a>],
    pub speaker: Option<&'a str>,
    pub times: &'a [TimeRef],
    pub numbers: &'a [Number],
    pub published: Option<PartialDate>,
}

/// The signature of a clause.
pub fn signature(facts: &ClauseFacts) -> Signature {
    let tokens = facts.tokens;
    let base = tokens.first().map_or(0, |t| t.start);
    let mut in_mention = vec![false; tokens.len()];
    let mut sig = Signature::default();
    for m in facts.mentions {
        for flag in in_mention.iter_mut().take(m.tok_end).skip(m.tok) {
            *flag = true;
        }
        if m.kind == EntityKind::Media || m.tok_end > tokens.len() || m.tok >= m.tok_end {
            continue;
        }
        sig.anchors.push(Anchor {
            id: m.entity.to_string(),
            kind: m.kind,
            speaker: facts.speaker == Some(m.entity),
        });
        sig.anchor_spans.push((
            tokens[m.tok].start - base,
            tokens[m.tok_end - 1].end - base,
            m.entity.to_string(),
        ));
    }
    sig.anchors.sort();
    sig.anchors.dedup_by(|a, b| a.id == b.id);
    for (k, t) in tokens.iter().enumerate() {
        if in_mention[k] {
            continue;
        }
        if let Some(s) = content_stem(t.text) {
            sig.stem_spans
                .push((t.start - base, t.end - base, s.clone()));
            sig.stems.push(s);
        }
    }
    sig.stems.sort();
    sig.stems.dedup();
    sig.stated = stated_days(facts.times);
    sig.published = facts.published.map(|d| d.first_day_number());
    sig.magnitudes = facts
        .numbers
        .iter()
        .filter(|n| n.value < 10.0 && n.value.fract() != 0.0)
        .filter_map(|n| Some((measured_as(n, tokens)?, n.value)))
        .collect();
    sig
}

/// Words either side of a number read for what it measures.
const MEASURE_WINDOW: usize = 3;

/// What a decimal number measures: a magnitude when the word is close by
/// ("a 5.6 magnitude earthquake", "a magnitude of 5.9", "5.6 on the Richter
/// scale", whatever the numbers module took as its unit), else its unit.
fn measured_as(n: &Number, tokens: &[Tok]) -> Option<String> {
    let before = tokens
        .iter()
        .rev()
        .filter(|t| t.end <= n.start && t.is_word());
    let after = tokens.iter().filter(|t| t.start >= n.end && t.is_word());
    let near = before
        .take(MEASURE_WINDOW)
        .chain(after.take(MEASURE_WINDOW))
        .any(|t| {
            let w = t.text.to_lowercase();
            w.contains("magnitude") || w == "richter"
        });
    if near {
        Some("magnitude".to_string())
    } else {
        (!n.unit.is_empty()).then(|| stem(&n.unit.to_lowercase()))
    }
}

/// The stem of a word that can tell events apart: letters only, three or
/// more of them, not an event stopword.
pub fn content_stem(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !lower.chars().all(|c| c.is_alphabetic() || c == '-')
        || is_event_stopword(&lower)
    {
        return None;
    }
    let s = stem(&lower);
    (!is_event_stopword(&s)).then_some(s)
}

/// Day range of the clause's own dated expression, if it has one that is
/// not open-ended ("since 2022" says when something began, not when).
fn stated_days(times: &[TimeRef]) -> Option<(i64, i64)> {
    times
        .iter()
        .find(|t| !t.since)
        .map(|t| (t.date.first_day_number(), t.date.last_day_number()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn stems_of(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        signature(&ClauseFacts {
            tokens: &tokens,
            mentions: &[],
            speaker: None,
            times: &[],
            numbers: &[],
            published: None,
        })
        .stems
    }

    #[test]
    fn content_words_are_kept_and_reporting_and_calendar_words_are_not() {
        assert_eq!(
            stems_of("The minister resigned on Monday, officials said."),
            ["minister", "resign"]
        );
        assert_eq!(
            stems_of("Police arrested two men after the match."),
            ["arrest", "match", "polic"]
        );
    }

    fn magnitudes_of(text: &str) -> Vec<(String, f64)> {
        let tokens = tokenize(text);
        let numbers = crate::numbers::find(0, text, &tokens, &[]);
        signature(&ClauseFacts {
            tokens: &tokens,
            mentions: &[],
            speaker: None,
            times: &[],
            numbers: &numbers,
            published: None,
        })
        .magnitudes
    }

    #[test]
    fn a_magnitude_is_read_however_the_sentence_words_it() {
        let magnitude = |v: f64| vec![("magnitude".to_string(), v)];
        assert_eq!(
            magnitudes_of("A 5.6 magnitude earthquake hit the island."),
            magnitude(5.6)
        );
        assert_eq!(
            magnitudes_of("A quake with a magnitude of 6.1 struck."),
            magnitude(6.1)
        );
        assert_eq!(
            magnitudes_of("A tremor measuring 5.9 on the Richter scale."),
            magnitude(5.9)
        );
        assert_eq!(
            magnitudes_of("Inflation rose 2.5 percent in May.")[0].0,
            "%"
        );
        assert!(magnitudes_of("Police arrested 3 men.").is_empty());
    }

    #[test]
    fn mentions_are_anchors_not_words_and_the_speaker_is_marked() {
        let text = "Ana Lima said the port would reopen.";
        let tokens = tokenize(text);
        let mentions = [ClauseMention {
            tok: 0,
            tok_end: 2,
            entity: "person:ana-lima",
            kind: EntityKind::Person,
        }];
        let sig = signature(&ClauseFacts {
            tokens: &tokens,
            mentions: &mentions,
            speaker: Some("person:ana-lima"),
            times: &[],
            numbers: &[],
            published: None,
        });
        assert_eq!(sig.stems, ["port", "reopen"]);
        assert_eq!(sig.anchors.len(), 1);
        assert!(sig.anchors[0].speaker);
        assert_eq!(sig.anchor_spans[0], (0, 8, "person:ana-lima".to_string()));
    }
}
