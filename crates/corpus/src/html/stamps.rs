//! Rule `StampAboveArticle`: the short lines between a saved page's
//! headline and its article's second paragraph (the first may be its
//! standfirst, which a byline and date follow) that carry a date or a
//! clock time ("Aktualisiert: 11.04.2020, 10:27", "2021-10-16 | Politik",
//! "By Ana Lima Feb 8, 2020 5 min read", "asked Feb 6, 2014 at 20:37")
//! are the article's time stamps, set aside as datelines: the header
//! rules read a line that is only a date, not one with a label, a
//! section or a reading time beside it.

use super::Line;
use crate::document::RemovalReason;
use crate::normalize::word_count;

/// Words a time stamp's line may hold, and words beside its date and
/// time (a label, a name, a section, a reading time).
const STAMP_WORDS: usize = 12;
const OTHER_WORDS: usize = 7;

/// Open lines below the headline where stamps stand: a standfirst, a
/// byline, a date, a reading time.
const HEADER_LINES: usize = 4;

/// Sets aside the stamps above the article whose body runs from line
/// `first` (an index into `lines`; a long headline may be that line). A line the header rules read as a
/// byline or a dateline is left to them (they take its facts).
pub(super) fn set_aside_stamps_above(lines: &mut [Line], first: usize) {
    let heading = lines[..=first].iter().rposition(|l| l.heading);
    let from = heading.map_or(0, |h| h + 1);
    let second = (first + 1..lines.len())
        .find(|&at| lines[at].removed.is_none() && lines[at].prose > 0)
        .unwrap_or(lines.len());
    let header = lines[from..second]
        .iter_mut()
        .filter(|l| l.removed.is_none() && !l.heading)
        .take(HEADER_LINES);
    for line in header {
        if is_stamp(&line.text) && !read_by_header_rules(&line.text) {
            line.removed = Some(RemovalReason::Dateline);
        }
    }
}

fn read_by_header_rules(text: &str) -> bool {
    crate::header::parse_dateline(text).is_some()
        || crate::header::parse_byline_with_date(text).is_some()
        || crate::header::parse_aggregator_byline(text).is_some()
}

/// A short line, not a sentence, that holds a date or a clock time and
/// few words beside it.
fn is_stamp(text: &str) -> bool {
    let words = word_count(text);
    (1..=STAMP_WORDS).contains(&words)
        && !reads_as_sentence(text)
        && holds_date_or_time(text)
        && other_words(text) <= OTHER_WORDS
}

/// Words that are no part of a date or a time.
fn other_words(text: &str) -> usize {
    let tokens = tokens(text);
    let in_date = |at: usize| {
        let t = tokens[at];
        is_numeric_date(t)
            || is_clock(t)
            || t.chars().all(|c| c.is_ascii_digit() || c == '.')
            || crate::date::month_from_name(t).is_some()
                && (at > 0 && is_month_date(tokens[at - 1], t)
                    || tokens.get(at + 1).is_some_and(|n| is_month_date(t, n)))
    };
    (0..tokens.len())
        .filter(|&at| !in_date(at) && tokens[at].chars().any(char::is_alphabetic))
        .count()
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// A line that ends like a sentence after a word (a date's closing dot,
/// "17.01.2021.", is no sentence's end).
fn reads_as_sentence(text: &str) -> bool {
    let text = text.trim_end();
    let Some(body) = text.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    !body.ends_with(|c: char| c.is_ascii_digit())
}

fn holds_date_or_time(text: &str) -> bool {
    let tokens = tokens(text);
    tokens.iter().any(|t| is_numeric_date(t) || is_clock(t))
        || tokens
            .windows(2)
            .any(|pair| is_month_date(pair[0], pair[1]))
        || text
            .split(['|', '·', '•', '–', '—'])
            .any(|part| crate::header::parse_dateline(part.trim()).is_some())
}

/// `17.01.2021`, `1/17/2023`, `2021-10-16`, `27.01.2022` glued to a word.
fn is_numeric_date(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = token.split(['.', '/', '-']).collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    let year_at_an_end = [parts.first(), parts.last()]
        .into_iter()
        .flatten()
        .any(|p| p.len() == 4 || p.len() == 2);
    parts.len() == 3 && numeric && year_at_an_end
}

/// `20:37`, `8:45`, `10:46am`.
fn is_clock(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let Some((hour, minute)) = token.split_once(':') else {
        return false;
    };
    let number = |t: &str, max: u32| t.parse::<u32>().is_ok_and(|n| n <= max);
    (1..=2).contains(&hour.len()) && minute.len() == 2 && number(hour, 23) && number(minute, 59)
}

/// An English month name beside a day or a year: "Feb 8", "January 13",
/// "8 Feb", "March 2015".
fn is_month_date(a: &str, b: &str) -> bool {
    let day_or_year = |t: &str| {
        let t = t.trim_end_matches(['.', ',', 'h', 't', 's', 'n', 'd', 'r']);
        t.parse::<u32>()
            .is_ok_and(|n| (1..=31).contains(&n) || (1900..=2100).contains(&n))
    };
    let month = |t: &str| t.len() >= 3 && crate::date::month_from_name(t).is_some();
    month(a) && day_or_year(b) || day_or_year(a) && month(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_with_labels_sections_and_reading_times() {
        for line in [
            "Aktualisiert: 11.04.2020, 10:27",
            "2021-10-16 | Politik",
            "By Ana Lima Feb 8, 2020 5 min read",
            "asked Feb 6, 2014 at 20:37",
            "Aktualisiert am 17.01.2021.",
            "3:59 PM",
        ] {
            assert!(is_stamp(line), "{line}");
        }
    }

    #[test]
    fn sentences_headlines_and_figures_are_no_stamps() {
        for line in [
            "The council met on May 3, 2024 and voted to keep the ferry.",
            "Fares rise by 10 per cent",
            "Results 2:1 after extra time for the home side in the cup final of the island league",
            "Version 1.2.3 released",
            "Bern, 17.08.2007 - Speech by the minister at the summit of the towns, Basel",
        ] {
            assert!(!is_stamp(line), "{line}");
        }
    }
}
