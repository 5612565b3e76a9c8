//! Sentence segmentation of one paragraph, with byte spans.
//!
//! Why our own: we measured the two Rust candidates on news text before
//! writing this (see `docs/rules.md`). `unicode-segmentation` (UAX #29)
//! splits after "Gen.", "No." and initials ("John F. | Kennedy") and inside
//! quotations ("We will win. | They will lose," she said). `sentencex`
//! handles titles and quotations but splits after initials and pulls in
//! `clap`, `regex` and about thirty other crates, too heavy for the wasm
//! page. This module is small, has no dependencies and returns spans on the
//! shared tokens, so every later stage agrees on sentence boundaries.
//!
//! Rules: a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and
//! brackets) when the next token starts a sentence (capital letter, digit,
//! opening quote, bullet); never after a title abbreviation ("Gen.", "No.")
//! or an initial; after a dotted acronym ("U.S.") or a month abbreviation
//! only when the next word is a typical sentence opener ("The", "It").
//! Inside a closed quotation there is no break, so a quoted passage of
//! several sentences stays with its attribution. Bullets (•, ▪, ·, and a
//! leading "-" or "*") start a new sentence. Em dashes never end one.

use crate::lexicon::lexicon;
use crate::text::{is_quote_char, tokenize, Tok, TokKind, NEVER_FINAL};

/// A sentence as byte offsets into its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}

const BULLETS: &[&str] = &["•", "▪", "·", "◦", "●", "■", "►"];

/// Splits a paragraph into sentences.
pub fn split(paragraph: &str) -> Vec<SentenceSpan> {
    let tokens = tokenize(paragraph);
    split_tokens(paragraph, &tokens)
}

/// Splits using already computed tokens of `paragraph`.
pub fn split_tokens(paragraph: &str, tokens: &[Tok]) -> Vec<SentenceSpan> {
    let quoted = closed_quote_ranges(paragraph);
    let inside_quote = |offset: usize| quoted.iter().any(|&(s, e)| offset > s && offset < e);
    let mut out = Vec::new();
    let mut begin: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let is_bullet = BULLETS.contains(&t.text)
            || ((t.is("-") || t.is("*") || t.is("–")) && begin.is_none() && i + 1 < tokens.len());
        if is_bullet {
            if let Some(b) = begin.take() {
                push(&mut out, paragraph, b, tokens[i - 1].end);
            }
            i += 1;
            continue;
        }
        if begin.is_none() {
            begin = Some(t.start);
        }
        if let Some(end_at) = sentence_end(paragraph, tokens, i) {
            let next = tokens.get(end_at + 1);
            let end = tokens[end_at].end;
            if next.is_none_or(|n| !inside_quote(n.start) || !inside_quote(end)) {
                if let Some(b) = begin.take() {
                    push(&mut out, paragraph, b, end);
                }
            }
            i = end_at + 1;
            continue;
        }
        i += 1;
    }
    if let (Some(b), Some(last)) = (begin, tokens.last()) {
        push(&mut out, paragraph, b, last.end);
    }
    out
}

fn push(out: &mut Vec<SentenceSpan>, paragraph: &str, start: usize, end: usize) {
    if end > start
        && paragraph
            .get(start..end)
            .is_some_and(|s| s.chars().any(char::is_alphanumeric))
    {
        out.push(SentenceSpan { start, end });
    }
}

/// If token `i` ends a sentence, the index of the last token that belongs
/// to it (the stop itself or a closing quote or bracket after it).
fn sentence_end(paragraph: &str, tokens: &[Tok], i: usize) -> Option<usize> {
    let t = tokens[i];
    let stop = matches!(t.text, "." | "!" | "?" | "…")
        || (t.kind == TokKind::Word && t.text.ends_with('.') && t.text.len() > 1);
    if !stop {
        return None;
    }
    // "..." runs: treat the last dot as the stop.
    if t.is(".")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.is(".") && n.start == t.end)
    {
        return None;
    }
    let mut last = i;
    while let Some(n) = tokens.get(last + 1) {
        let closing = n.start == tokens[last].end
            && (matches!(n.text, ")" | "]" | "’" | "'" | "”" | "»")
                || (n.is("\"") && closes_quote(paragraph, n.start)));
        if closing {
            last += 1;
        } else {
            break;
        }
    }
    let next = match tokens.get(last + 1) {
        Some(next) => next,
        None => return Some(last),
    };
    if !starts_sentence(next) {
        return None;
    }
    if t.kind == TokKind::Word {
        let bare = t.bare();
        if NEVER_FINAL.contains(&bare)
            || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        {
            return None;
        }
        // A dotted acronym or other abbreviation ends a sentence only before
        // a typical sentence opener.
        let opener =
            next.is_word() && lexicon().is_function_word(next.text) && !is_month_or_day(next.text);
        if !opener {
            return None;
        }
    }
    Some(last)
}

fn is_month_or_day(word: &str) -> bool {
    crate::date::month_from_name(word).is_some() || crate::time::weekday_from_name(word).is_some()
}

fn starts_sentence(t: &Tok) -> bool {
    match t.kind {
        TokKind::Word => t.text.chars().next().is_some_and(|c| c.is_uppercase()),
        TokKind::Number => true,
        TokKind::Possessive => false,
        TokKind::Punct => {
            t.text.chars().next().is_some_and(is_quote_char)
                || matches!(t.text, "(" | "[" | "‘" | "'")
                || BULLETS.contains(&t.text)
        }
    }
}

/// Whether the straight quote at `offset` closes a quotation: an odd number
/// of straight quotes precede it.
fn closes_quote(paragraph: &str, offset: usize) -> bool {
    paragraph
        .get(..offset)
        .is_some_and(|before| before.matches('"').count() % 2 == 1)
}

/// Byte ranges (from opening mark to closing mark) of quotations that close
/// within the paragraph.
pub fn closed_quote_ranges(paragraph: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut open_curly: Option<usize> = None;
    for (at, c) in paragraph.char_indices() {
        match c {
            '"' => match open.take() {
                Some(s) => out.push((s, at)),
                None => open = Some(at),
            },
            '“' | '«' | '„' => open_curly = Some(at),
            '”' | '»' => {
                if let Some(s) = open_curly.take() {
                    out.push((s, at));
                }
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_initials_and_numbers_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Mark Milley met John F. Kennedy Jr. at No. 10 on Sept. 5. The talks ended."
            ),
            [
                "Gen. Mark Milley met John F. Kennedy Jr. at No. 10 on Sept. 5.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn clock_times_do_not_end_sentences_before_a_day() {
        assert_eq!(
            sentences("Polls closed at 8 p.m. Sunday in the capital. The count began at 9 p.m. It ended late."),
            ["Polls closed at 8 p.m. Sunday in the capital.", "The count began at 9 p.m.", "It ended late."]
        );
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("Washington, D.C. was calm. Aid came from the U.S. The talks failed."),
            [
                "Washington, D.C. was calm.",
                "Aid came from the U.S.",
                "The talks failed."
            ]
        );
        assert_eq!(
            sentences("The U.S. Army said so."),
            ["The U.S. Army said so."]
        );
    }

    #[test]
    fn a_quotation_of_several_sentences_stays_with_its_speaker() {
        assert_eq!(
            sentences("\"We will win. They will lose,\" she said. Then she left."),
            [
                "\"We will win. They will lose,\" she said.",
                "Then she left."
            ]
        );
        assert_eq!(
            sentences("“It is over.” The minister left."),
            ["“It is over.”", "The minister left."]
        );
    }

    #[test]
    fn em_dashes_do_not_split_and_bullets_do() {
        assert_eq!(
            sentences("The agency reported on Sunday—citing a lawmaker—that jets would come. • Prices rose. • Rents fell."),
            [
                "The agency reported on Sunday—citing a lawmaker—that jets would come.",
                "Prices rose.",
                "Rents fell."
            ]
        );
        assert_eq!(sentences("- Dockworkers struck."), ["Dockworkers struck."]);
    }

    #[test]
    fn questions_exclamations_and_headings() {
        assert_eq!(
            sentences("Will it hold? Nobody knows! Maybe."),
            ["Will it hold?", "Nobody knows!", "Maybe."]
        );
        assert_eq!(sentences("New Missiles"), ["New Missiles"]);
        assert!(sentences("").is_empty());
        assert!(sentences("...").is_empty());
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_paragraph() {
        assert_eq!(
            sentences("\"We start now. The rest follows. Nobody waits."),
            ["\"We start now.", "The rest follows.", "Nobody waits."]
        );
    }
}
