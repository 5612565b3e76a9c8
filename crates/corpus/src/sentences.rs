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
//! Every token of a paragraph belongs to exactly one sentence: the
//! segmenter only chooses the tokens where a new sentence starts, and a
//! piece without a letter or digit (a lone bullet, an ellipsis) joins its
//! neighbour. Only whitespace lies between two sentences.
//!
//! Rules, one function per family:
//! - stops (`sentence_end`): `.`, `!`, `?` or `…` (plus closing quotes and
//!   brackets) end a sentence when the next token starts one (capital
//!   letter, digit, opening quote, bullet); never after a title ("Gen.",
//!   "No.") or an initial, after a dotted acronym ("U.S.") or a month only
//!   before a typical sentence opener ("The", "It"), never after a
//!   reference abbreviation before its number ("p. 12");
//! - ellipses (`ellipsis`): spaced and bracketed omission marks;
//! - lists (`list_markers`, `BULLETS`): a bullet or an item number starts
//!   a sentence and stays in it;
//! - addresses (`address_ranges`): no break inside a URL or an e-mail;
//! - quotations (`closed_quote_ranges`): no break inside a quotation that
//!   closes in the same paragraph, so a quoted passage of several sentences
//!   stays with its attribution.

use crate::lexicon::lexicon;
use crate::text::{is_quote_char, tokenize, Tok, TokKind, NEVER_FINAL};

/// A sentence as byte offsets into its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}

/// Characters that open a list item. "-" and "*" open one only at the
/// start of a sentence (elsewhere they are dashes and footnote marks).
const BULLETS: &[&str] = &["•", "▪", "·", "◦", "●", "■", "►", "⁃"];

/// Reference abbreviations whose dot does not end a sentence before a number.
const NUMBER_ABBREVIATIONS: &str = include_str!("../data/number_abbreviations.txt");

/// Splits a paragraph into sentences.
pub fn split(paragraph: &str) -> Vec<SentenceSpan> {
    let tokens = tokenize(paragraph);
    split_tokens(paragraph, &tokens)
}

/// Splits using already computed tokens of `paragraph`.
pub fn split_tokens(paragraph: &str, tokens: &[Tok]) -> Vec<SentenceSpan> {
    let quoted = closed_quote_ranges(paragraph);
    let inside_quote = |offset: usize| quoted.iter().any(|&(s, e)| offset > s && offset < e);
    let addresses = address_ranges(paragraph);
    let in_address = |offset: usize| addresses.iter().any(|&(s, e)| offset >= s && offset < e);
    let markers = list_markers(tokens);
    let mut starts = vec![0];
    let mut i = 0;
    while i < tokens.len() {
        if i > 0 && opens_item(tokens, &markers, i) {
            starts.push(i);
        }
        if let Some(&(_, last)) = markers.iter().find(|&&(first, _)| first == i) {
            // An item's number is not a sentence of its own.
            i = last + 1;
            continue;
        }
        let stop = match ellipsis(tokens, i) {
            Some(Dots::Omission { last }) => {
                i = last + 1;
                continue;
            }
            Some(Dots::PeriodThenEllipsis { last }) => {
                if tokens.get(last + 1).is_some_and(starts_sentence) {
                    starts.push(i + 1);
                }
                i = last + 1;
                continue;
            }
            Some(Dots::Stop { last }) => last,
            None => i,
        };
        if in_address(tokens[stop].start) {
            i = stop + 1;
            continue;
        }
        match sentence_end(paragraph, tokens, stop) {
            Some(last) => {
                let end = tokens[last].end;
                if tokens
                    .get(last + 1)
                    .is_some_and(|n| !inside_quote(n.start) || !inside_quote(end))
                {
                    starts.push(last + 1);
                }
                i = last + 1;
            }
            None => i = stop + 1,
        }
    }
    spans(paragraph, tokens, starts)
}

/// Sentences from the tokens that start them. A piece without a letter or
/// a digit joins the sentence before it (or the one after it, when first),
/// so no character is left out.
fn spans(paragraph: &str, tokens: &[Tok], mut starts: Vec<usize>) -> Vec<SentenceSpan> {
    if tokens.is_empty() {
        return Vec::new();
    }
    starts.dedup();
    let has_words = |s: &SentenceSpan| paragraph[s.start..s.end].chars().any(char::is_alphanumeric);
    let mut out: Vec<SentenceSpan> = Vec::new();
    for (k, &first) in starts.iter().enumerate() {
        let last = starts.get(k + 1).map_or(tokens.len(), |&next| next) - 1;
        let span = SentenceSpan {
            start: tokens[first].start,
            end: tokens[last].end,
        };
        match out.last_mut() {
            Some(before) if !has_words(&span) || !has_words(before) => before.end = span.end,
            _ => out.push(span),
        }
    }
    out
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
    if !starts_sentence(next) || number_follows_reference(paragraph, tokens, i) {
        return None;
    }
    if t.kind == TokKind::Word && !abbreviation_may_end(tokens, i, next) {
        return None;
    }
    Some(last)
}

/// Whether the abbreviation, acronym or initial `tokens[i]` (a word with
/// its dot) ends a sentence before `next`. Titles and initials belong to
/// the name that follows; the pronoun "I" after a lower-case word ("you
/// and I.") is no initial. A dotted acronym or other abbreviation ends a
/// sentence only before a typical sentence opener ("the U.S. The talks").
fn abbreviation_may_end(tokens: &[Tok], i: usize, next: &Tok) -> bool {
    let bare = tokens[i].bare();
    let pronoun = bare == "I"
        && i > 0
        && tokens[i - 1].is_word()
        && tokens[i - 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    if pronoun {
        return true;
    }
    if NEVER_FINAL.contains(&bare)
        || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
    {
        return false;
    }
    next.is_word() && lexicon().is_function_word(next.text) && !is_month_or_day(next.text)
}

/// "p. 12", "vol. 2", "N°. 7": the dot at `i` follows a reference
/// abbreviation (`data/number_abbreviations.txt`) and a number follows it.
fn number_follows_reference(paragraph: &str, tokens: &[Tok], i: usize) -> bool {
    if !tokens[i].is(".") || !tokens.get(i + 1).is_some_and(|n| n.kind == TokKind::Number) {
        return false;
    }
    let mut first = i;
    while first > 0 && tokens[first - 1].end == tokens[first].start {
        first -= 1;
    }
    let word = &paragraph[tokens[first].start..tokens[i].start];
    !word.is_empty()
        && NUMBER_ABBREVIATIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .any(|a| a.eq_ignore_ascii_case(word))
}

/// How a run of dots (".", "…") starting at a token reads.
#[derive(Debug, PartialEq)]
enum Dots {
    /// An omission inside a sentence: three spaced dots ("was . . . I
    /// mean") or dots in brackets ("[...]"). Never a stop.
    Omission { last: usize },
    /// A word's full stop followed by a spaced ellipsis that opens the next
    /// sentence ("waited. . . . Nobody came").
    PeriodThenEllipsis { last: usize },
    /// An ellipsis that may end a sentence like a full stop ("paused....",
    /// "waited . . . .", "then..."): `last` is its final dot.
    Stop { last: usize },
}

/// Reads the run of dots starting at token `i`, if there is one of more
/// than one dot.
fn ellipsis(tokens: &[Tok], i: usize) -> Option<Dots> {
    let is_dot = |t: &Tok| t.is(".") || t.is("…");
    if !is_dot(&tokens[i]) || (i > 0 && is_dot(&tokens[i - 1])) {
        return None;
    }
    let mut last = i;
    while tokens
        .get(last + 1)
        .is_some_and(|n| is_dot(n) && n.start <= tokens[last].end + 1)
    {
        last += 1;
    }
    let dots: usize = tokens[i..=last]
        .iter()
        .map(|t| if t.is("…") { 3 } else { 1 })
        .sum();
    if dots < 2 && !tokens[i].is("…") {
        return None;
    }
    let bracketed =
        i > 0 && tokens[i - 1].is("[") && tokens.get(last + 1).is_some_and(|n| n.is("]"));
    let spaced = last > i
        && tokens[i..last]
            .iter()
            .zip(&tokens[i + 1..=last])
            .all(|(a, b)| b.start > a.end);
    let attached = i > 0 && tokens[i - 1].end == tokens[i].start && tokens[i - 1].is_word();
    Some(match (bracketed, spaced, dots) {
        (true, _, _) => Dots::Omission { last },
        (false, true, 3) => Dots::Omission { last },
        (false, true, 4..) if attached => Dots::PeriodThenEllipsis { last },
        _ => Dots::Stop { last },
    })
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

/// Whether a new list item starts at token `i`: a bullet, or an item
/// number that no bullet precedes.
fn opens_item(tokens: &[Tok], markers: &[(usize, usize)], i: usize) -> bool {
    BULLETS.contains(&tokens[i].text)
        || (markers.iter().any(|&(first, _)| first == i) && !BULLETS.contains(&tokens[i - 1].text))
}

/// List item numbers as (first, last) token: a number of one or two digits
/// or a lower-case letter, then ".", ")" or ".)", then a space ("1. ",
/// "2) ", "3.) ", "b. "). One counts at the start of the paragraph or after
/// a bullet; elsewhere only in a run of consecutive ones (1, 2 or a, b), so
/// "rose 2. The" in running text stays a sentence end.
fn list_markers(tokens: &[Tok]) -> Vec<(usize, usize)> {
    let candidates: Vec<(usize, usize, u32, bool, &str)> = (0..tokens.len())
        .filter_map(|i| list_marker_at(tokens, i))
        .collect();
    candidates
        .iter()
        .filter(|&&(first, _, value, letter, closer)| {
            let opens = first == 0 || (first == 1 && BULLETS.contains(&tokens[0].text));
            let after_bullet = first > 0 && BULLETS.contains(&tokens[first - 1].text);
            opens
                || after_bullet
                || candidates.iter().any(|&(other, _, v, l, c)| {
                    l == letter
                        && c == closer
                        && ((other < first && v + 1 == value) || (other > first && v == value + 1))
                })
        })
        .map(|&(first, last, ..)| (first, last))
        .collect()
}

/// A list item number at token `i`: (first, last, value, is a letter, closer).
fn list_marker_at<'a>(tokens: &[Tok<'a>], i: usize) -> Option<(usize, usize, u32, bool, &'a str)> {
    let t = tokens[i];
    let glued = |k: usize| tokens.get(k).filter(|n| n.start == tokens[k - 1].end);
    let value = match t.kind {
        TokKind::Number if t.text.len() <= 2 && t.text.bytes().all(|b| b.is_ascii_digit()) => {
            t.text.parse().ok()?
        }
        TokKind::Word if t.text.len() == 1 && t.text.bytes().all(|b| b.is_ascii_lowercase()) => {
            u32::from(t.text.as_bytes()[0] - b'a') + 1
        }
        _ => return None,
    };
    let before_ok = i == 0 || tokens[i - 1].end < t.start || BULLETS.contains(&tokens[i - 1].text);
    let mut last = i;
    let mut closer = "";
    for mark in [".", ")"] {
        if glued(last + 1).is_some_and(|n| n.is(mark)) {
            last += 1;
            closer = if closer.is_empty() { mark } else { ".)" };
        }
    }
    let after_ok = tokens
        .get(last + 1)
        .is_some_and(|n| n.start > tokens[last].end);
    (before_ok && !closer.is_empty() && after_ok).then_some((i, last, value, t.is_word(), closer))
}

/// Byte ranges of URLs and e-mail addresses (without trailing punctuation),
/// inside which no dot ends a sentence.
fn address_ranges(paragraph: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in paragraph.split(char::is_whitespace) {
        let start = at;
        at += chunk.len()
            + paragraph[at + chunk.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let trimmed = chunk.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
        let address = trimmed.trim_start_matches(|c: char| !c.is_alphanumeric());
        let url = address.contains("://") || address.starts_with("www.");
        let email = address
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        if url || email {
            let lead = trimmed.len() - address.len();
            out.push((start + lead, start + trimmed.len()));
        }
    }
    out
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
    fn em_dashes_do_not_split_and_bullets_start_their_sentence() {
        assert_eq!(
            sentences("The agency reported on Sunday—citing a lawmaker—that jets would come. • Prices rose. • Rents fell."),
            [
                "The agency reported on Sunday—citing a lawmaker—that jets would come.",
                "• Prices rose.",
                "• Rents fell."
            ]
        );
        assert_eq!(
            sentences("- Dockworkers struck."),
            ["- Dockworkers struck."]
        );
    }

    #[test]
    fn questions_exclamations_and_headings() {
        assert_eq!(
            sentences("Will it hold? Nobody knows! Maybe."),
            ["Will it hold?", "Nobody knows!", "Maybe."]
        );
        assert_eq!(sentences("New Missiles"), ["New Missiles"]);
        assert!(sentences("").is_empty());
        assert!(sentences("  ").is_empty());
        // Punctuation alone is kept, so no character is lost.
        assert_eq!(sentences("* * *"), ["* * *"]);
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_paragraph() {
        assert_eq!(
            sentences("\"We start now. The rest follows. Nobody waits."),
            ["\"We start now.", "The rest follows.", "Nobody waits."]
        );
    }

    #[test]
    fn numbered_and_lettered_items_start_sentences_with_their_number() {
        assert_eq!(
            sentences("1. Dockworkers struck. 2. Ports closed."),
            ["1. Dockworkers struck.", "2. Ports closed."]
        );
        assert_eq!(
            sentences("1) Fuel ran short 2) Flights stopped 3) Schools shut"),
            ["1) Fuel ran short", "2) Flights stopped", "3) Schools shut"]
        );
        assert_eq!(
            sentences("1.) Count the ballots 2.) Seal the boxes"),
            ["1.) Count the ballots", "2.) Seal the boxes"]
        );
        assert_eq!(
            sentences("a. Count the ballots b. Seal the boxes c. Sign the form"),
            [
                "a. Count the ballots",
                "b. Seal the boxes",
                "c. Sign the form"
            ]
        );
        assert_eq!(sentences("4. Tariffs"), ["4. Tariffs"]);
    }

    #[test]
    fn a_lone_number_in_running_text_is_no_list_item() {
        assert_eq!(
            sentences("The index fell to 2. Traders left early."),
            ["The index fell to 2.", "Traders left early."]
        );
        assert_eq!(
            sentences("Buses ran on route 7) after the strike ended."),
            ["Buses ran on route 7) after the strike ended."]
        );
    }

    #[test]
    fn bullets_stay_with_their_item_and_its_number() {
        assert_eq!(
            sentences("• 3. Fares rose • 4. Fares fell"),
            ["• 3. Fares rose", "• 4. Fares fell"]
        );
        assert_eq!(
            sentences("⁃7. Ports reopened ⁃8. Ships sailed"),
            ["⁃7. Ports reopened", "⁃8. Ships sailed"]
        );
        assert_eq!(sentences("Rents fell. •"), ["Rents fell. •"]);
    }

    #[test]
    fn urls_and_email_addresses_are_not_split_at_their_dots() {
        assert_eq!(
            sentences("The ruling is at https://court.example.org/2024/ruling.v2.pdf. Appeals may follow."),
            [
                "The ruling is at https://court.example.org/2024/ruling.v2.pdf.",
                "Appeals may follow."
            ]
        );
        assert_eq!(
            sentences("Tips go to news.Desk@paper.example.net. Nobody answered."),
            [
                "Tips go to news.Desk@paper.example.net.",
                "Nobody answered."
            ]
        );
        assert_eq!(
            sentences("See (www.Example.com/A.B) for more. It is free."),
            ["See (www.Example.com/A.B) for more.", "It is free."]
        );
    }

    #[test]
    fn reference_abbreviations_keep_their_number() {
        assert_eq!(
            sentences("The clause is on p. 12 of the treaty. It was signed."),
            ["The clause is on p. 12 of the treaty.", "It was signed."]
        );
        assert_eq!(
            sentences("The map is in vol. 3. The index follows."),
            ["The map is in vol. 3.", "The index follows."]
        );
        assert_eq!(
            sentences("The vault is at N°. 41.7.9. Guards stand outside."),
            ["The vault is at N°. 41.7.9.", "Guards stand outside."]
        );
    }

    #[test]
    fn initials_stay_with_the_name_but_the_pronoun_i_ends_a_sentence() {
        assert_eq!(
            sentences("Ruth B. Ortiz spoke first."),
            ["Ruth B. Ortiz spoke first."]
        );
        assert_eq!(
            sentences("The winners were Ana and I. Later Omar T. Reyes called."),
            ["The winners were Ana and I.", "Later Omar T. Reyes called."]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_with_a_full_stop_among_them() {
        assert_eq!(
            sentences("It was . . . strange, he said. Then he left."),
            ["It was . . . strange, he said.", "Then he left."]
        );
        assert_eq!(
            sentences("It was . . . Frankly, nobody knew."),
            ["It was . . . Frankly, nobody knew."]
        );
        assert_eq!(
            sentences("They waited . . . . Nobody came."),
            ["They waited . . . .", "Nobody came."]
        );
        assert_eq!(
            sentences("They waited. . . . Nobody came. . . ."),
            ["They waited.", ". . . Nobody came. . . ."]
        );
        assert_eq!(
            sentences("He paused.... Then he spoke... Nobody moved…"),
            ["He paused....", "Then he spoke...", "Nobody moved…"]
        );
        assert_eq!(
            sentences("\"The plan [...] failed [...]\" (Lee 14). Nobody argued."),
            [
                "\"The plan [...] failed [...]\" (Lee 14).",
                "Nobody argued."
            ]
        );
    }

    #[test]
    fn doubled_marks_and_quotes_end_once() {
        assert_eq!(
            sentences("Really?! Nobody came. Again!! Fine."),
            ["Really?!", "Nobody came.", "Again!!", "Fine."]
        );
        assert_eq!(
            sentences("He looked up, \"We won.\" she said."),
            ["He looked up, \"We won.\" she said."]
        );
        assert_eq!(
            sentences("He looked up, 'We won.' He smiled."),
            ["He looked up, 'We won.'", "He smiled."]
        );
        assert_eq!(
            sentences("He looked up, \"We won.\" He smiled."),
            ["He looked up, \"We won.\"", "He smiled."]
        );
    }

    /// Spans in order, not overlapping, with only whitespace outside them.
    fn covers(text: &str, spans: &[SentenceSpan]) -> bool {
        let mut at = 0;
        for s in spans {
            if s.start < at || s.end <= s.start || !text[at..s.start].trim().is_empty() {
                return false;
            }
            at = s.end;
        }
        text[at..].trim().is_empty()
    }

    #[test]
    fn every_character_is_in_exactly_one_sentence() {
        let pieces = [
            "Gen.",
            "U.S.",
            "p.",
            "55",
            "1.",
            "2)",
            "a.",
            "b.",
            "•",
            "⁃",
            "-",
            "*",
            ". . .",
            "...",
            "….",
            "[...]",
            "\"",
            "“",
            "”",
            "'",
            "(",
            ")",
            "I.",
            "The",
            "it",
            "ends.",
            "why?!",
            "www.a.org.",
            "x@y.net.",
            " ",
            "  ",
            "\u{a0}",
            "—",
            "N°.",
            "·",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize + 1;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            assert!(
                covers(&text, &split(&text)),
                "{text:?}: {:?}",
                sentences(&text)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_covered_by_its_sentences(text in "\\PC{0,80}") {
            proptest::prop_assert!(covers(&text, &split(&text)), "{:?}", sentences(&text));
        }
    }
}
