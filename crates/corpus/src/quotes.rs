//! Direct quotations and their speakers.
//!
//! Why: quotes are the most checkable evidence in an article: the reader
//! can see the same words (or not) in another outlet's report.
//!
//! Spans: text between quotation marks (straight, curly, guillemets; one
//! quote open at a time, closed by any closing mark, since copy mixes
//! them). Single quoted words ("kamikaze") and quoted names (the "Wall
//! Street Journal") are not quotations. A quote left open at the end of a
//! paragraph is marked `continues`.
//!
//! Speakers: where the speaker phrase is written is decided by the rules
//! of `quotes/speaker.rs` (after the quote, "according to", before it, the
//! subject of a colon or "-ing" clause, the named subject of a clause
//! around a partial quote); here the phrase becomes a name: the person it
//! mentions (the head, not a possessive: "Reyes spokesman Ivo Marsh" is
//! Marsh), "he"/"she" resolved to the person named last before, or the
//! phrase itself ("the harbour master"). Then continuations: a quote with
//! no speaker that opens and ends its sentence takes the speaker of the
//! sentence before it when that one attributes without quoting, else keeps
//! the previous quote's speaker (same or next paragraph), and a paragraph
//! ending "X said:" gives the next paragraph's opening quote to X. When
//! unsure: none.

use crate::attribution::{quote_mask, Context};
use crate::document::{EntityKind, Quote};
use crate::entities::ResolvedMention;
use crate::lexicon::lexicon;
use crate::sentences::SentenceSpan;
use crate::text::Tok;

mod speaker;

/// A quotation's place: byte offsets of the words inside the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub start: usize,
    pub end: usize,
    pub continues: bool,
}

/// Quotations in a paragraph (inside the marks). One quote is open at a
/// time, and any closing mark closes it: news copy mixes straight and
/// curly marks (`“...," she said`), as [`quote_mask`] reads them.
pub fn spans(paragraph: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in paragraph.char_indices() {
        let closes = match c {
            '”' | '»' => true,
            '"' => open.is_some(),
            _ => false,
        };
        if closes {
            if let Some(s) = open.take() {
                out.push(QuoteSpan {
                    start: s,
                    end: at,
                    continues: false,
                });
            }
        } else if matches!(c, '"' | '“' | '«') {
            open = Some(at + c.len_utf8());
        }
    }
    if let Some(s) = open {
        out.push(QuoteSpan {
            start: s,
            end: paragraph.len(),
            continues: true,
        });
    }
    out.retain(|q| q.end > q.start);
    out
}

/// Is this quoted text worth a quote: two words or more, and not a name.
pub fn is_real_quote(inner: &str) -> bool {
    let tokens = crate::text::tokenize(inner);
    let words: Vec<&Tok> = tokens
        .iter()
        .filter(|t| t.is_word() || t.kind == crate::text::TokKind::Number)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let all_capitalised = words.iter().all(|t| t.is_capitalised());
    !(all_capitalised && words.len() <= 5)
}

/// One paragraph as the speaker rules read it.
struct Para<'a> {
    text: &'a str,
    tokens: &'a [Tok<'a>],
    words: Vec<String>,
    mask: Vec<bool>,
    mentions: &'a [&'a ResolvedMention],
    names: Vec<speaker::Name>,
    people_before: &'a dyn Fn(usize) -> Vec<String>,
    ctx: &'a Context<'a>,
}

impl Para<'_> {
    fn around(&self, first: usize, last: usize) -> speaker::Around<'_> {
        speaker::Around {
            tokens: self.tokens,
            words: &self.words,
            mask: &self.mask,
            first,
            last,
            names: &self.names,
        }
    }

    /// Nothing but quotes and punctuation after token `close` up to
    /// `last`: `"..." Ana shot back.` names someone the rules could not
    /// read, so it does not continue the last speaker.
    fn ends_sentence(&self, close: usize, last: usize) -> bool {
        (close + 1..=last).all(|k| self.mask[k] || !self.tokens[k].is_word())
    }

    /// Only lower-case words after the quote, none a pronoun or a verb of
    /// saying: `"... the middle class" and other issues.` goes on with
    /// the quote's own sentence, not with a new speaker.
    fn plain_tail(&self, close: usize, last: usize) -> bool {
        (close + 1..=last).all(|k| {
            let t = &self.tokens[k];
            let w = self.words[k].as_str();
            self.mask[k]
                || !t.is_word()
                || !(t.is_capitalised()
                    || speaker::PRONOUNS.contains(&w)
                    || speaker::is_quote_verb(w))
        })
    }

    /// The quote opens its sentence: first in it, or right after a word
    /// ending in a full stop the splitter kept ("said Sen. Ana Reyes,
    /// R-Ohio. "...").
    fn opens_sentence(&self, q_first: usize, s_first: usize) -> bool {
        let open = q_first.saturating_sub(1);
        q_first <= s_first + 1
            || (open > 0 && self.tokens[open - 1].text.ends_with(['.', '?', '!']))
    }

    fn is_possessive(&self, end: usize) -> bool {
        self.tokens
            .get(end)
            .is_some_and(|t| t.text.starts_with(['\'', '’']))
    }

    /// Who a speaker phrase names: the person it mentions (the last one
    /// not in the possessive: "Snyder spokesman Dave Murray" is Murray),
    /// a pronoun resolved to the person named last before it, or the
    /// phrase itself ("the mayor"), with the entity when it names one.
    fn resolve(&self, (a, b): (usize, usize)) -> Option<(String, Option<String>)> {
        let ctx = self.ctx;
        let phrase = self
            .text
            .get(self.tokens[a].start..self.tokens[b - 1].end)?
            .to_string();
        let lower = phrase.to_lowercase();
        if speaker::PRONOUNS.contains(&lower.as_str()) {
            // "they", "we", "I": no one person to name.
            if !matches!(lower.as_str(), "he" | "she") {
                return None;
            }
            return self.person_before(a);
        }
        let inside: Vec<&&ResolvedMention> = self
            .mentions
            .iter()
            .filter(|m| m.raw.tok >= a && m.raw.tok_end <= b && !self.is_possessive(m.raw.tok_end))
            .collect();
        let kind = |m: &ResolvedMention| (ctx.kind_of)(&m.entity);
        let person = inside
            .iter()
            .rev()
            .find(|m| kind(m) == Some(EntityKind::Person))
            .or_else(|| {
                // A name no rule could type, heading the phrase.
                inside
                    .last()
                    .filter(|m| kind(m) == Some(EntityKind::Other) && m.raw.tok_end == b)
            });
        if let Some(m) = person {
            return Some((m.raw.text.clone(), Some(m.entity.clone())));
        }
        let entity = inside
            .iter()
            .find(|m| {
                !m.raw.adjective && !matches!(kind(m), Some(EntityKind::Media | EntityKind::Person))
            })
            .map(|m| m.entity.clone());
        let anonymous_words = lexicon().cues("anonymous");
        let anonymous = lower
            .split_whitespace()
            .any(|w| anonymous_words.has_word(w));
        Some((phrase, entity.filter(|_| !anonymous)))
    }

    /// The person "he" or "she" at token `at` stands for: the last person
    /// named before it in this paragraph (outside quotes), else the last
    /// one named in the paragraphs before, else an untyped full name
    /// ("Ana Reyes") before it in this paragraph.
    fn person_before(&self, at: usize) -> Option<(String, Option<String>)> {
        // "Clinton, whom he called ...": the name before "whom" is not "he".
        let relative = at > 0 && matches!(self.words[at - 1].as_str(), "whom" | "which" | "that");
        let limit = if relative {
            at.saturating_sub(1 + usize::from(at >= 2 && self.words[at - 2] == ",") + 1)
        } else {
            at
        };
        let candidates: Vec<&ResolvedMention> = self
            .names
            .iter()
            .filter(|n| {
                n.end <= limit && n.person && !self.mask[n.start] && !self.is_possessive(n.end)
            })
            .filter_map(|n| self.mentions.iter().find(|m| m.raw.tok == n.start).copied())
            .collect();
        let kind = |m: &ResolvedMention| (self.ctx.kind_of)(&m.entity);
        let named = |m: &ResolvedMention| {
            let name = (self.ctx.name_of)(&m.entity).unwrap_or_else(|| m.raw.text.clone());
            Some((name, Some(m.entity.clone())))
        };
        if let Some(m) = candidates
            .iter()
            .rev()
            .find(|m| kind(m) == Some(EntityKind::Person))
        {
            return named(m);
        }
        let people = (self.people_before)(self.tokens.get(at).map_or(0, |t| t.start));
        if let Some(id) = people.last() {
            return Some(((self.ctx.name_of)(id).unwrap_or_default(), Some(id.clone())));
        }
        let full_name = |m: &&&ResolvedMention| {
            m.raw.tok_end - m.raw.tok >= 2
                && self.tokens[m.raw.tok..m.raw.tok_end]
                    .iter()
                    .all(|t| t.is_capitalised())
        };
        candidates
            .iter()
            .rev()
            .find(full_name)
            .and_then(|m| named(m))
    }
}

/// The names a speaker can be: mentions that are not adjectives
/// ("Russian"); a name no rule could type may be a person.
fn name_ranges(mentions: &[&ResolvedMention], ctx: &Context) -> Vec<speaker::Name> {
    mentions
        .iter()
        .filter(|m| !m.raw.adjective)
        .map(|m| {
            let kind = (ctx.kind_of)(&m.entity);
            speaker::Name {
                start: m.raw.tok,
                end: m.raw.tok_end,
                person: matches!(kind, Some(EntityKind::Person | EntityKind::Other)),
                place: matches!(kind, Some(EntityKind::Place | EntityKind::Country)),
            }
        })
        .collect()
}

/// The sentence (first and last token) that holds byte `at`.
fn sentence_of(
    tokens: &[Tok],
    sentences: &[SentenceSpan],
    at: usize,
    len: usize,
) -> (usize, usize) {
    let sentence = sentences
        .iter()
        .find(|s| at >= s.start && at < s.end.max(s.start + 1))
        .copied()
        .unwrap_or(SentenceSpan { start: 0, end: len });
    let first = tokens
        .iter()
        .position(|t| t.start >= sentence.start)
        .unwrap_or(0);
    let last = tokens
        .iter()
        .rposition(|t| t.end <= sentence.end)
        .unwrap_or(tokens.len().saturating_sub(1));
    (first, last)
}

/// The last token a speaker after the quote can be in: the quote's
/// sentence, or the next one when the quote closes its sentence and the
/// next one is its attribution: `"...?" Ana asked.`, or `"..." Ana said.`
/// with a verb of saying early in a short sentence.
fn speaker_reach(
    para: &Para,
    sentences: &[SentenceSpan],
    close: usize,
    s_last: usize,
    inner: &str,
) -> usize {
    let reach = s_last.max(close);
    let Some(next) = para.tokens.get(reach + 1) else {
        return reach;
    };
    let (first, last) = sentence_of(para.tokens, sentences, next.start, para.text.len());
    if first != reach + 1 || para.mask[first] {
        return reach;
    }
    let asks = inner.trim_end().ends_with(['?', '!']);
    let short_attribution = last - first < 10
        && (first..=last.min(first + 5)).any(|k| speaker::is_quote_verb(&para.words[k]));
    if asks || short_attribution {
        last
    } else {
        reach
    }
}

/// A continuation: the previous quote's speaker, when it spoke in this
/// paragraph or the one before.
fn continued(
    last: Option<&(String, Option<String>, usize)>,
    paragraph: usize,
) -> Option<(String, Option<String>)> {
    let (name, entity, at) = last?;
    (paragraph <= at + 1).then(|| (name.clone(), entity.clone()))
}

/// A partial quote: it starts in lower case or follows a word that is
/// not a verb of saying.
fn is_partial(para: &Para, inner: &str, open: usize, s_first: usize) -> bool {
    let first_char = inner.trim_start().chars().next().unwrap_or(' ');
    let before_is_word = open > s_first
        && para.tokens[open - 1].is_word()
        && !speaker::is_quote_verb(&para.words[open - 1]);
    first_char.is_lowercase() || before_is_word
}

/// A quote alone in its sentence with no speaker of its own: the speaker
/// of the sentence before, else the previous quote's.
fn unattributed(
    para: &Para,
    sentences: &[SentenceSpan],
    s_first: usize,
    last: Option<&(String, Option<String>, usize)>,
    paragraph: usize,
) -> Option<(String, Option<String>)> {
    previous_attribution(para, sentences, s_first).or_else(|| continued(last, paragraph))
}

/// "Ana Reyes argues that the count was wrong. "...": the speaker of the
/// sentence before the quote in its paragraph, when that sentence has a
/// verb of saying and no quote of its own.
fn previous_attribution(
    para: &Para,
    sentences: &[SentenceSpan],
    s_first: usize,
) -> Option<(String, Option<String>)> {
    let prev = para.tokens.get(s_first.checked_sub(1)?)?;
    let (first, last) = sentence_of(para.tokens, sentences, prev.start, para.text.len());
    if last >= s_first || (first..=last).any(|k| para.mask[k]) {
        return None;
    }
    let around = para.around(first, last);
    // As if a quote opened after the sentence.
    let range = speaker::speaker_tokens(&around, last + 1, last)?;
    para.resolve(range)
}

/// "Cruz continued:" closing a paragraph: the speaker of the quote that
/// opens the next one.
fn colon_intro(para: &Para, sentences: &[SentenceSpan]) -> Option<(String, Option<String>)> {
    let colon = para.tokens.len().checked_sub(1)?;
    if para.tokens[colon].text != ":" || para.mask[colon] {
        return None;
    }
    let start = para.tokens[colon].start;
    let (first, last) = sentence_of(para.tokens, sentences, start, para.text.len());
    let around = para.around(first, last.max(colon));
    // As if a quote opened right after the colon.
    let range = speaker::speaker_tokens(&around, colon + 1, colon)?;
    para.resolve(range)
}

/// Quotes of one paragraph. `last` carries the previous speaker (name,
/// entity, paragraph) across quotes and paragraphs for continuations.
#[allow(clippy::too_many_arguments)]
pub fn find(
    doc: &str,
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    sentences: &[SentenceSpan],
    mentions: &[&ResolvedMention],
    ctx_people_before: &dyn Fn(usize) -> Vec<String>,
    ctx: &Context,
    last: &mut Option<(String, Option<String>, usize)>,
    counter: &mut usize,
) -> Vec<Quote> {
    let para = Para {
        text,
        tokens,
        words: tokens.iter().map(|t| t.text.to_lowercase()).collect(),
        mask: quote_mask(tokens),
        mentions,
        names: name_ranges(mentions, ctx),
        people_before: ctx_people_before,
        ctx,
    };
    let mut out = Vec::new();
    for q in spans(text) {
        let Some(inner) = text.get(q.start..q.end) else {
            continue;
        };
        if !is_real_quote(inner) {
            continue;
        }
        let q_first = tokens.iter().position(|t| t.start >= q.start).unwrap_or(0);
        let q_last = tokens
            .iter()
            .rposition(|t| t.end <= q.end)
            .unwrap_or(q_first);
        let (s_first, s_last) = sentence_of(tokens, sentences, q.start, text.len());
        let close = (q_last + 1).min(tokens.len().saturating_sub(1));
        let open = q_first.saturating_sub(1);
        let partial = is_partial(&para, inner, open, s_first);
        let reach = speaker_reach(&para, sentences, close, s_last, inner);
        let around = para.around(s_first, reach);
        let mut speaker =
            speaker::speaker_tokens(&around, open, close).and_then(|range| para.resolve(range));
        if speaker.is_none() && partial {
            speaker = speaker::clause_subject(&around, open).and_then(|range| para.resolve(range));
        }
        if speaker.is_none() {
            let alone = para.opens_sentence(q_first, s_first)
                && (para.ends_sentence(close, s_last) || para.plain_tail(close, s_last));
            speaker = alone
                .then(|| unattributed(&para, sentences, s_first, last.as_ref(), paragraph))
                .flatten();
        }
        if let Some((name, entity)) = &speaker {
            *last = Some((name.clone(), entity.clone(), paragraph));
        }
        *counter += 1;
        out.push(Quote {
            id: format!("{doc}#q{counter}"),
            doc: doc.to_string(),
            speaker: speaker.as_ref().map(|s| s.0.clone()),
            speaker_entity: speaker.and_then(|s| s.1),
            text: inner.trim().to_string(),
            paragraph,
            start: q.start,
            end: q.end,
            partial,
            continues: q.continues,
        });
    }
    if let Some((name, entity)) = colon_intro(&para, sentences) {
        *last = Some((name, entity, paragraph));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn quotes(text: &str) -> Vec<(Option<String>, String, bool)> {
        let tokens = tokenize(text);
        let sentences = crate::sentences::split_tokens(text, &tokens);
        let ctx = Context {
            mentions: &[],
            kind_of: &|_| None,
            name_of: &|_| None,
            last_media: None,
            last_people: Vec::new(),
        };
        let mut last = None;
        let mut counter = 0;
        find(
            "d",
            0,
            text,
            &tokens,
            &sentences,
            &[],
            &|_| Vec::new(),
            &ctx,
            &mut last,
            &mut counter,
        )
        .into_iter()
        .map(|q| (q.speaker, q.text, q.partial))
        .collect()
    }

    #[test]
    fn speaker_after_the_quote_in_both_orders() {
        assert_eq!(
            quotes("\"We will rebuild the bridge,\" Mayor Ana Lima said."),
            [(
                Some("Mayor Ana Lima".into()),
                "We will rebuild the bridge,".into(),
                false
            )]
        );
        assert_eq!(
            quotes("\"We will rebuild,\" said the mayor of the town."),
            [(
                Some("the mayor of the town".into()),
                "We will rebuild,".into(),
                false
            )]
        );
    }

    #[test]
    fn speaker_before_the_quote_and_partial_quotes() {
        assert_eq!(
            quotes("The mayor said, \"The bridge opens Monday.\""),
            [(
                Some("The mayor".into()),
                "The bridge opens Monday.".into(),
                false
            )]
        );
        let q = quotes("The union said that its members would \"keep striking until wages rise.\"");
        assert_eq!(q[0].0.as_deref(), Some("The union"));
        assert!(q[0].2);
    }

    #[test]
    fn told_a_medium_and_continuations() {
        let text = "The deal is \"moving fast,\" the envoy told Radio Free Town. \"Nobody can stop it now.\"";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0.as_deref(), Some("the envoy"));
        assert_eq!(q[1].0.as_deref(), Some("the envoy"));
    }

    #[test]
    fn scare_quotes_and_quoted_names_are_skipped() {
        assert!(
            quotes("It used \"kamikaze\" drones, the \"Wall Street Journal\" said.").is_empty()
        );
    }

    #[test]
    fn an_open_quote_runs_to_the_paragraph_end() {
        assert_eq!(
            spans("He said: \"It is not over. We go on")
                .last()
                .map(|q| q.continues),
            Some(true)
        );
    }
}
