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

use crate::date::{month_from_name, PartialDate, Precision};
use crate::document::TimeRef;
use crate::text::Tok;

/// Weekday number (0 = Monday) of an English day name.
pub fn weekday_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().position(|d| *d == w).map(|p| p as u8)
}

fn season_start(word: &str) -> Option<u8> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

fn word_number(word: &str) -> Option<i64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" | "a few" => 3,
        _ => word.parse().ok()?,
    })
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

fn day_date(days: i64) -> PartialDate {
    PartialDate::from_day_number(days)
}

fn week_of(days: i64) -> PartialDate {
    let monday = days - (days + 3).rem_euclid(7);
    day_date(monday)
}

fn shift_month(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + delta;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// Finds the time expressions of a paragraph. `sentences` are byte spans
/// (for the future test); `published` anchors relative expressions.
pub fn find(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    sentences: &[(usize, usize)],
    published: Option<PartialDate>,
) -> Vec<TimeRef> {
    let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let sentence_words = |offset: usize| -> Vec<String> {
        let (s, e) = sentences
            .iter()
            .copied()
            .find(|&(s, e)| offset >= s && offset < e)
            .unwrap_or((0, text.len()));
        tokens
            .iter()
            .filter(|t| t.start >= s && t.end <= e)
            .map(|t| t.text.to_lowercase())
            .collect()
    };
    let p_day = published
        .filter(|p| p.day.is_some())
        .map(|p| p.first_day_number());
    let mut out: Vec<TimeRef> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let future = || is_future(&sentence_words(tokens[i].start));
        let w = words[i].as_str();
        let prev = if i > 0 { words[i - 1].as_str() } else { "" };
        let next = words.get(i + 1).map(String::as_str).unwrap_or("");
        let mut found: Option<(usize, usize, PartialDate, Precision, bool, bool)> = None; // (from, to, date, precision, relative, since)
        let since = matches!(prev, "since");
        let lead = |from: usize| -> usize {
            if from > 0
                && matches!(
                    words[from - 1].as_str(),
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
        };
        // Month names: "February 24", "Sept. 17, 2024", "24 February 2023",
        // "December 2023", "in December", "late February".
        let month = month_from_name(tokens[i].text).filter(|_| tokens[i].is_capitalised());
        let month_ok = month.is_some()
            && (tokens[i].text != "May" && tokens[i].text != "March"
                || tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == crate::text::TokKind::Number)
                || matches!(
                    prev,
                    "in" | "since"
                        | "early"
                        | "late"
                        | "mid"
                        | "until"
                        | "by"
                        | "last"
                        | "next"
                        | "this"
                        | "of"
                ));
        if let (Some(m), true) = (month, month_ok) {
            let day_after = tokens
                .get(i + 1)
                .filter(|t| t.kind == crate::text::TokKind::Number)
                .and_then(|t| t.text.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
            let day_before = (i > 0)
                .then(|| tokens[i - 1])
                .filter(|t| t.kind == crate::text::TokKind::Number)
                .and_then(|t| t.text.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
            let year_at = |k: usize| {
                tokens
                    .get(k)
                    .filter(|t| t.kind == crate::text::TokKind::Number && t.text.len() == 4)
                    .and_then(|t| t.text.parse::<i32>().ok())
                    .filter(|y| (1800..=2200).contains(y))
            };
            let (from, mut to, day) = match (day_after, day_before) {
                (Some(d), _) => (i, i + 2, Some(d)),
                (None, Some(d)) => (i - 1, i + 1, Some(d)),
                _ => (i, i + 1, None),
            };
            let mut year = None;
            if tokens.get(to).is_some_and(|t| t.is(",")) && year_at(to + 1).is_some() {
                year = year_at(to + 1);
                to += 2;
            } else if let Some(y) = year_at(to) {
                year = Some(y);
                to += 1;
            }
            let relative = year.is_none();
            let year = year.or_else(|| {
                let p = published?;
                let pm = p.month.unwrap_or(12);
                Some(if future() {
                    if m >= pm {
                        p.year
                    } else {
                        p.year + 1
                    }
                } else if m <= pm {
                    p.year
                } else {
                    p.year - 1
                })
            });
            if let Some(year) = year {
                let date = match day {
                    Some(d) => PartialDate::day(year, m, d),
                    None => PartialDate::month(year, m),
                };
                if let Some(date) = date {
                    let precision = date.precision();
                    found = Some((
                        lead(from),
                        to,
                        date,
                        precision,
                        relative,
                        since || (from > 0 && words[from - 1] == "since"),
                    ));
                }
            }
        } else if let Some(wd) = weekday_from_name(w).filter(|_| tokens[i].is_capitalised()) {
            if let Some(p) = p_day {
                let pw = (p + 3).rem_euclid(7);
                // "said Monday", "reported on Sunday": a past verb right
                // before the day fixes it in the past.
                let window = i.saturating_sub(3)..i;
                let past_verb = window.clone().any(|k| {
                    let w = words[k].as_str();
                    w.ends_with("ed")
                        || matches!(
                            w,
                            "said"
                                | "told"
                                | "met"
                                | "held"
                                | "spoke"
                                | "came"
                                | "began"
                                | "sent"
                                | "made"
                                | "gave"
                                | "took"
                                | "wrote"
                        )
                }) && !window
                    .clone()
                    .any(|k| matches!(words[k].as_str(), "be" | "will" | "'ll" | "to"));
                let forward = matches!(prev, "next" | "by" | "until" | "till" | "before");
                let delta = if forward || (future() && prev != "last" && !past_verb) {
                    (i64::from(wd) - pw).rem_euclid(7)
                } else {
                    -((pw - i64::from(wd)).rem_euclid(7)) - if prev == "last" { 7 } else { 0 }
                };
                found = Some((
                    lead(i),
                    i + 1,
                    day_date(p + delta),
                    Precision::Day,
                    true,
                    since,
                ));
            }
        } else if matches!(w, "today" | "yesterday" | "tomorrow" | "tonight") {
            if let Some(p) = p_day {
                let delta = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                found = Some((i, i + 1, day_date(p + delta), Precision::Day, true, false));
            }
        } else if matches!(w, "last" | "this" | "next" | "past")
            && matches!(
                next,
                "week" | "month" | "year" | "spring" | "summer" | "autumn" | "fall" | "winter"
            )
        {
            if let Some(p) = published {
                let dir: i32 = match w {
                    "last" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let r = match next {
                    "week" => p_day.map(|d| (week_of(d + 7 * i64::from(dir)), Precision::Week)),
                    "month" => p.month.and_then(|m| {
                        let (y, m) = shift_month(p.year, m, dir);
                        PartialDate::month(y, m).map(|d| (d, Precision::Month))
                    }),
                    "year" => Some((PartialDate::year(p.year + dir), Precision::Year)),
                    season => season_start(season).and_then(|s| {
                        let pm = p.month.unwrap_or(1);
                        let mut y = p.year + dir;
                        if dir == -1 && s < pm {
                            y = p.year; // "last summer" in November is this year's
                        }
                        if dir == 1 && s > pm {
                            y = p.year;
                        }
                        PartialDate::month(y, s).map(|d| (d, Precision::Season))
                    }),
                };
                if let Some((date, precision)) = r {
                    let from = if i > 0
                        && matches!(
                            words[i - 1].as_str(),
                            "earlier" | "later" | "late" | "early"
                        ) {
                        i - 1
                    } else {
                        i
                    };
                    found = Some((from, i + 2, date, precision, true, since));
                }
            }
        } else if season_start(w).is_some()
            && (matches!(
                prev,
                "in" | "the" | "since" | "by" | "until" | "early" | "late"
            ) || words
                .get(i + 1)
                .is_some_and(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit())))
        {
            let s = season_start(w).unwrap_or(3);
            let explicit_year = tokens
                .get(i + 1)
                .filter(|t| t.text.len() == 4)
                .and_then(|t| t.text.parse::<i32>().ok())
                .filter(|y| (1800..=2200).contains(y));
            let year = explicit_year.or_else(|| {
                let p = published?;
                let pm = p.month.unwrap_or(1);
                Some(if future() {
                    if s + 2 >= pm {
                        p.year
                    } else {
                        p.year + 1
                    }
                } else if s <= pm {
                    p.year
                } else {
                    p.year - 1
                })
            });
            if let Some(date) = year.and_then(|y| PartialDate::month(y, s)) {
                let mut from = i;
                if prev == "the"
                    && i >= 2
                    && matches!(
                        words[i - 2].as_str(),
                        "in" | "since" | "by" | "until" | "over" | "during"
                    )
                {
                    from = i - 2;
                } else if prev != "the" {
                    from = lead(i);
                }
                let to = if explicit_year.is_some() {
                    i + 2
                } else {
                    i + 1
                };
                let since = from < i && words[from] == "since";
                found = Some((
                    from,
                    to,
                    date,
                    Precision::Season,
                    explicit_year.is_none(),
                    since,
                ));
            }
        } else if tokens[i].kind == crate::text::TokKind::Number && tokens[i].text.len() == 4 {
            let year = tokens[i]
                .text
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y));
            let framed = matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "through"
                    | "and"
                    | "to"
            ) || !tokens
                .get(i + 1)
                .is_some_and(|t| t.is_word() && t.text.chars().all(char::is_lowercase));
            if let (Some(y), true) = (year, framed) {
                found = Some((
                    lead(i),
                    i + 1,
                    PartialDate::year(y),
                    Precision::Year,
                    false,
                    since,
                ));
            }
        } else if matches!(w, "recent")
            && i > 0
            && matches!(prev, "in")
            && matches!(next, "weeks" | "months" | "days")
        {
            if let Some(p) = published {
                // A vague span before publication, dated by a point inside
                // it: two weeks back for "weeks", two months for "months".
                let (date, precision) = match (next, p_day, p.month) {
                    ("days", Some(d), _) => (week_of(d - 3), Precision::Week),
                    ("weeks", Some(d), _) => {
                        let back = day_date(d - 14);
                        let month = PartialDate::month(back.year, back.month.unwrap_or(1));
                        (month.unwrap_or(back), Precision::Month)
                    }
                    ("months", _, Some(m)) => {
                        let (y, m) = shift_month(p.year, m, -2);
                        (PartialDate::month(y, m).unwrap_or(p), Precision::Month)
                    }
                    _ => (PartialDate::year(p.year), Precision::Year),
                };
                found = Some((i - 1, i + 2, date, precision, true, false));
            }
        } else if w == "ago" && i >= 2 {
            if let (Some(n), Some(p)) = (word_number(&words[i - 2]), published) {
                let r = match words[i - 1].trim_end_matches('s') {
                    "day" => p_day.map(|d| (day_date(d - n), Precision::Day)),
                    "week" => p_day.map(|d| (week_of(d - 7 * n), Precision::Week)),
                    "month" => p.month.and_then(|m| {
                        let (y, m) = shift_month(p.year, m, -(n as i32));
                        PartialDate::month(y, m).map(|d| (d, Precision::Month))
                    }),
                    "year" => Some((PartialDate::year(p.year - n as i32), Precision::Year)),
                    _ => None,
                };
                if let Some((date, precision)) = r {
                    found = Some((i - 2, i + 1, date, precision, true, false));
                }
            }
        } else if w == "end"
            && prev == "the"
            && next == "of"
            && i + 3 < tokens.len()
            && words[i + 2] == "the"
            && words[i + 3] == "year"
        {
            if let Some(p) = published {
                let from = if i >= 2
                    && matches!(words[i - 2].as_str(), "before" | "by" | "at" | "until")
                {
                    i - 2
                } else {
                    i - 1
                };
                found = Some((
                    from,
                    i + 4,
                    PartialDate::year(p.year),
                    Precision::Year,
                    true,
                    false,
                ));
            }
        }
        match found {
            Some((from, to, date, precision, relative, since))
                if to > from && to <= tokens.len() =>
            {
                let start = tokens[from].start;
                let end = tokens[to - 1].end;
                out.push(TimeRef {
                    text: text.get(start..end).unwrap_or_default().to_string(),
                    date,
                    precision,
                    relative,
                    since,
                    paragraph,
                    start,
                    end,
                });
                i = to;
            }
            _ => i += 1,
        }
    }
    out
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
}
