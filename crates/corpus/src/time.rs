//! Time expressions, absolute ("February 24", "Sept. 17, 2024", "2022") and
//! relative ("on Monday", "last week", "in December", "this spring",
//! "since 2022", "three days ago"), resolved against the article's
//! publication date with the precision the words carry.
//!
//! Why: readers compare *when* outlets say things happened, and a claim's
//! event often precedes (or, for plans, follows) its publication. Relative
//! expressions look backwards from the publication date unless the sentence
//! speaks of the future (will, expected, next, soon), in which case they
//! look forwards: "in December" in an article of 4 January 2024 is
//! December 2023; "could be expected in spring" is spring 2024.
//!
//! The engine here is small: it walks the tokens and asks each named rule
//! of [`rules::RULES`] in turn whether an expression starts at the token.
//! [`value`] writes a resolved expression as TIMEX3 does (`2013-W11`,
//! `2013-SU`).

mod rules;
pub mod value;

use crate::date::{PartialDate, Precision};
use crate::document::TimeRef;
use crate::text::Tok;

/// Weekday number (0 = Monday) of an English day name.
pub fn weekday_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|p| p as u8)
}

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "expected",
    "expect",
    "expects",
    "next",
    "soon",
    "plans",
    "planned",
    "planning",
    "scheduled",
    "upcoming",
    "due",
    "intends",
    "set",
];

/// Is the sentence about the future?
pub fn is_future(words: &[String]) -> bool {
    words.iter().any(|w| FUTURE_CUES.contains(&w.as_str()))
}

/// A time expression of a paragraph: where it stands, and what it means
/// when it could be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The value as TIMEX3 writes it (`2013-03-22`, `2013-W11`, `2013-SU`,
    /// `2013-Q1`, `199`), or `None` when it cannot be resolved (a relative
    /// expression without a publication date).
    pub value: Option<String>,
    /// The expression as a claim's date, when it names a calendar date.
    pub time: Option<TimeRef>,
}

/// What a rule recognised: a token range and, when resolved, its date.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    from: usize,
    to: usize,
    date: Option<(PartialDate, Precision)>,
    /// A value that is not a calendar date ("2013-Q1", "199"); otherwise
    /// the value is written from `date`.
    value: Option<String>,
    relative: bool,
    since: bool,
}

impl Found {
    fn dated(from: usize, to: usize, date: PartialDate, precision: Precision) -> Found {
        Found {
            from,
            to,
            date: Some((date, precision)),
            value: None,
            relative: true,
            since: false,
        }
    }

    /// A relative expression that needs a publication date it lacks.
    fn unresolved(from: usize, to: usize) -> Found {
        Found {
            from,
            to,
            date: None,
            value: None,
            relative: true,
            since: false,
        }
    }

    fn absolute(mut self) -> Found {
        self.relative = false;
        self
    }

    fn since(mut self, since: bool) -> Found {
        self.since = since;
        self
    }
}

/// What the rules read: a paragraph's tokens, lower-cased words, sentences
/// and publication date.
struct Scan<'a> {
    tokens: &'a [Tok<'a>],
    words: Vec<String>,
    sentences: &'a [(usize, usize)],
    text_len: usize,
    published: Option<PartialDate>,
    /// The publication day as a day number, when it has a day.
    p_day: Option<i64>,
    /// The last quarter named in the article (year, quarter), for "a
    /// year earlier" and "the quarter" that follow it.
    quarter: std::cell::Cell<Option<(i32, u8)>>,
}

impl Scan<'_> {
    /// The lower-cased word at `k`, or "" outside the paragraph.
    fn word(&self, k: usize) -> &str {
        self.words.get(k).map_or("", String::as_str)
    }

    fn prev(&self, i: usize) -> &str {
        if i > 0 {
            self.word(i - 1)
        } else {
            ""
        }
    }

    /// Is the sentence holding token `i` about the future?
    fn future(&self, i: usize) -> bool {
        let offset = self.tokens[i].start;
        let (s, e) = self
            .sentences
            .iter()
            .copied()
            .find(|&(s, e)| offset >= s && offset < e)
            .unwrap_or((0, self.text_len));
        let words: Vec<String> = self
            .tokens
            .iter()
            .zip(&self.words)
            .filter(|(t, _)| t.start >= s && t.end <= e)
            .map(|(_, w)| w.clone())
            .collect();
        is_future(&words)
    }

    /// Is there a future cue in the few words before token `i` (the verb
    /// the expression depends on, rather than anywhere in a long sentence)?
    fn future_near(&self, i: usize) -> bool {
        self.future(i) && is_future(&self.words[i.saturating_sub(8)..i])
    }

    /// The number at `k` when it is a plausible year ("1998", "2024").
    fn year_at(&self, k: usize, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
        self.tokens
            .get(k)
            .filter(|t| t.kind == crate::text::TokKind::Number && t.text.len() == 4)
            .and_then(|t| t.text.parse::<i32>().ok())
            .filter(|y| range.contains(y))
    }

    /// The day of the month at `k` ("24").
    fn day_at(&self, k: usize) -> Option<u8> {
        self.tokens
            .get(k)
            .filter(|t| t.kind == crate::text::TokKind::Number)
            .and_then(|t| t.text.parse::<u8>().ok())
            .filter(|d| (1..=31).contains(d))
    }

    /// Includes a preposition or modifier before `from` in the expression
    /// ("on Monday", "since 2022", "late February").
    fn lead(&self, from: usize) -> usize {
        if from > 0
            && matches!(
                self.word(from - 1),
                "on" | "in"
                    | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "this"
                    | "next"
                    | "earlier"
                    | "later"
            )
        {
            from - 1
        } else {
            from
        }
    }
}

/// Finds the time expressions of a paragraph, resolved or not. `sentences`
/// are byte spans (for the future test); `published` anchors relative
/// expressions.
///
/// `last_quarter` carries the last quarter named (year, quarter) from one
/// paragraph of an article to the next: "a year earlier" after "the third
/// quarter" means that quarter a year before.
pub fn find_all(
    text: &str,
    tokens: &[Tok],
    sentences: &[(usize, usize)],
    published: Option<PartialDate>,
    last_quarter: &mut Option<(i32, u8)>,
) -> Vec<Expression> {
    let scan = Scan {
        tokens,
        words: tokens.iter().map(|t| t.text.to_lowercase()).collect(),
        sentences,
        text_len: text.len(),
        published,
        p_day: published
            .filter(|p| p.day.is_some())
            .map(|p| p.first_day_number()),
        quarter: std::cell::Cell::new(*last_quarter),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = rules::RULES
            .iter()
            .find_map(|(_, rule)| rule(&scan, i))
            .filter(|f| f.from < f.to && f.from <= i && f.to <= tokens.len());
        let Some(f) = found else {
            i += 1;
            continue;
        };
        let start = tokens[f.from].start;
        let end = tokens[f.to - 1].end;
        let text = text.get(start..end).unwrap_or_default().to_string();
        let value = f
            .value
            .clone()
            .or_else(|| f.date.map(|(d, p)| value::timex(d, p)));
        let time = f.date.map(|(date, precision)| TimeRef {
            text: text.clone(),
            date,
            precision,
            relative: f.relative,
            since: f.since,
            paragraph: 0,
            start,
            end,
        });
        out.push(Expression {
            start,
            end,
            text,
            value,
            time,
        });
        i = f.to;
    }
    *last_quarter = scan.quarter.get();
    out
}

/// The time expressions of a paragraph that name a calendar date, for
/// claims' event dates. `sentences` are byte spans (for the future test);
/// `published` anchors relative expressions.
pub fn find(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    sentences: &[(usize, usize)],
    published: Option<PartialDate>,
) -> Vec<TimeRef> {
    find_all(text, tokens, sentences, published, &mut None)
        .into_iter()
        .filter_map(|e| e.time)
        .map(|mut t| {
            t.paragraph = paragraph;
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn times(text: &str, published: &str) -> Vec<(String, String, Precision)> {
        let tokens = tokenize(text);
        find(
            0,
            text,
            &tokens,
            &[(0, text.len())],
            PartialDate::parse_iso(published),
        )
        .into_iter()
        .map(|t| (t.text, t.date.to_string(), t.precision))
        .collect()
    }

    #[test]
    fn a_month_without_year_looks_back_from_publication() {
        assert_eq!(
            times("A delegation visited the site in December.", "2024-01-04"),
            [("in December".into(), "2023-12".into(), Precision::Month)]
        );
        assert_eq!(
            times("Mobilization was announced in September.", "2023-01-17"),
            [("in September".into(), "2022-09".into(), Precision::Month)]
        );
    }

    #[test]
    fn weekdays_resolve_to_the_last_such_day() {
        // 17 Sep 2024 was a Tuesday.
        assert_eq!(
            times("They met on Tuesday.", "2024-09-17")[0].1,
            "2024-09-17"
        );
        assert_eq!(
            times("He met Monday with the leader.", "2024-09-17")[0].1,
            "2024-09-16"
        );
        assert_eq!(
            times("He warned on Saturday.", "2024-09-17")[0].1,
            "2024-09-14"
        );
        assert_eq!(
            times("The vote will be held on Friday.", "2024-09-17")[0].1,
            "2024-09-20"
        );
    }

    #[test]
    fn last_week_and_last_month_have_their_own_precision() {
        let t = times(
            "The minister said last week that talks failed, after a strike last month.",
            "2024-09-17",
        );
        assert_eq!(
            t[0],
            ("last week".into(), "2024-09-09".into(), Precision::Week)
        );
        assert_eq!(
            t[1],
            ("last month".into(), "2024-08".into(), Precision::Month)
        );
    }

    #[test]
    fn seasons_look_forward_in_future_sentences() {
        assert_eq!(
            times("Deliveries could be expected in spring.", "2024-01-04"),
            [("in spring".into(), "2024-03".into(), Precision::Season)]
        );
        assert_eq!(
            times("Use has grown since the summer.", "2022-11-01"),
            [(
                "since the summer".into(),
                "2022-06".into(),
                Precision::Season
            )]
        );
    }

    #[test]
    fn absolute_dates_and_years() {
        assert_eq!(
            times("The invasion began on February 24.", "2023-01-17")[0].1,
            "2022-02-24"
        );
        assert_eq!(
            times("Since 2022, reports have piled up.", "2024-01-04"),
            [("Since 2022".into(), "2022".into(), Precision::Year)]
        );
        assert_eq!(
            times("The vote on Sept. 17, 2024 was close.", "2024-10-01")[0].1,
            "2024-09-17"
        );
        assert_eq!(
            times("Floods hit on 3 March 2021.", "2021-03-05")[0].1,
            "2021-03-03"
        );
        assert!(times("He may resign.", "2024-01-01").is_empty());
    }

    #[test]
    fn recent_weeks_and_months_point_back_from_publication() {
        assert_eq!(
            times("In recent weeks prices rose.", "2022-11-01")[0].1,
            "2022-10"
        );
        assert_eq!(
            times("In recent months rents fell.", "2024-09-17")[0].1,
            "2024-07"
        );
    }

    #[test]
    fn ago_and_end_of_year() {
        assert_eq!(
            times("It happened three days ago.", "2024-09-17")[0].1,
            "2024-09-14"
        );
        assert_eq!(
            times("It will arrive before the end of the year.", "2022-11-01")[0],
            (
                "before the end of the year".into(),
                "2022".into(),
                Precision::Year
            )
        );
    }

    #[test]
    fn nothing_relative_resolves_without_a_publication_date() {
        assert!(times("They met on Tuesday last week.", "").is_empty());
        assert_eq!(times("They met on 3 March 2021.", "")[0].1, "2021-03-03");
    }

    fn values(text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text);
        find_all(
            text,
            &tokens,
            &[(0, text.len())],
            PartialDate::parse_iso(published),
            &mut None,
        )
        .into_iter()
        .map(|e| {
            assert_eq!(&text[e.start..e.end], e.text);
            (e.text, e.value)
        })
        .collect()
    }

    fn value_of(text: &str, published: &str) -> Option<String> {
        values(text, published)
            .into_iter()
            .next()
            .and_then(|(_, v)| v)
    }

    #[test]
    fn each_timex_form_is_written_as_timeml_writes_it() {
        let p = "2013-03-22";
        assert_eq!(
            value_of("The ferry sank on March 18, 2013.", p).as_deref(),
            Some("2013-03-18")
        );
        assert_eq!(
            value_of("Prices fell in February.", p).as_deref(),
            Some("2013-02")
        );
        assert_eq!(
            value_of("The mill closed last week.", p).as_deref(),
            Some("2013-W11")
        );
        assert_eq!(
            value_of("Profits rose in the first quarter.", p).as_deref(),
            Some("2013-Q1")
        );
        assert_eq!(
            value_of("Water ran short last summer.", p).as_deref(),
            Some("2012-SU")
        );
        assert_eq!(
            value_of("Sales doubled in 2011, the board said.", p).as_deref(),
            Some("2011")
        );
        assert_eq!(
            value_of("Rents soared in the 1990s.", p).as_deref(),
            Some("199")
        );
        assert_eq!(
            value_of("The bridge is now closed.", p).as_deref(),
            Some("PRESENT_REF")
        );
    }

    #[test]
    fn relative_expressions_resolve_against_publication() {
        // 22 March 2013 was a Friday.
        let p = "2013-03-22";
        assert_eq!(
            value_of("The strike began Tuesday.", p).as_deref(),
            Some("2013-03-19")
        );
        assert_eq!(
            value_of("He resigned yesterday.", p).as_deref(),
            Some("2013-03-21")
        );
        assert_eq!(
            value_of("It opened two years ago.", p).as_deref(),
            Some("2011")
        );
        assert_eq!(
            value_of("They met last Friday.", p).as_deref(),
            Some("2013-03-15")
        );
        assert_eq!(
            value_of("The plant reopens in April.", p).as_deref(),
            Some("2013-04")
        );
    }

    #[test]
    fn a_year_earlier_after_a_quarter_is_that_quarter_the_year_before() {
        assert_eq!(
            values(
                "Profit rose in the third quarter from a year earlier.",
                "1989-10-26"
            ),
            [
                ("the third quarter".into(), Some("1989-Q3".into())),
                ("a year earlier".into(), Some("1988-Q3".into()))
            ]
        );
    }

    #[test]
    fn unresolved_expressions_are_kept_without_a_value() {
        assert_eq!(
            values("They met on Tuesday and again last week.", ""),
            [("on Tuesday".into(), None), ("last week".into(), None)]
        );
        assert!(find(
            0,
            "They met on Tuesday.",
            &tokenize("They met on Tuesday."),
            &[],
            None
        )
        .is_empty());
    }
}
