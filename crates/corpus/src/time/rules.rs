//! The named rules of the time finder, tried in order at each token; the
//! first that recognises an expression starting there wins. Each rule says
//! what it recognises and how its date is built from the publication date.

use super::{Found, Scan};
use crate::date::{month_from_name, PartialDate, Precision};
use crate::text::TokKind;

type Rule = fn(&Scan, usize) -> Option<Found>;

/// Every rule, by name, in the order they are tried.
pub(super) const RULES: &[(&str, Rule)] = &[
    ("month-name-with-day-or-year", month_name),
    ("weekday", weekday),
    ("today-yesterday-tomorrow", deictic_day),
    ("last-this-next-unit", last_this_next_unit),
    ("season", season),
    ("year-number", year_number),
    ("in-recent-weeks", in_recent_weeks),
    ("n-units-ago", n_units_ago),
    ("end-of-the-year", end_of_the_year),
];

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

/// The year of a month named without one: the last such month, or the
/// next one in a future sentence.
fn year_of_month(scan: &Scan, i: usize, month: u8) -> Option<i32> {
    let p = scan.published?;
    let pm = p.month.unwrap_or(12);
    Some(if scan.future(i) {
        if month >= pm {
            p.year
        } else {
            p.year + 1
        }
    } else if month <= pm {
        p.year
    } else {
        p.year - 1
    })
}

/// "February 24", "Sept. 17, 2024", "24 February 2023", "December 2023",
/// "in December", "late February". "May" and "March" need a number or a
/// preposition, being also verbs.
fn month_name(scan: &Scan, i: usize) -> Option<Found> {
    let tok = scan.tokens[i];
    let m = month_from_name(tok.text).filter(|_| tok.is_capitalised())?;
    let prev = scan.prev(i);
    let verb_like = tok.text == "May" || tok.text == "March";
    let month_ok = !verb_like
        || scan
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokKind::Number)
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
        );
    if !month_ok {
        return None;
    }
    let day_before = if i > 0 { scan.day_at(i - 1) } else { None };
    let (from, mut to, day) = match (scan.day_at(i + 1), day_before) {
        (Some(d), _) => (i, i + 2, Some(d)),
        (None, Some(d)) => (i - 1, i + 1, Some(d)),
        _ => (i, i + 1, None),
    };
    let mut year = None;
    if scan.tokens.get(to).is_some_and(|t| t.is(",")) && scan.year_at(to + 1, 1800..=2200).is_some()
    {
        year = scan.year_at(to + 1, 1800..=2200);
        to += 2;
    } else if let Some(y) = scan.year_at(to, 1800..=2200) {
        year = Some(y);
        to += 1;
    }
    let relative = year.is_none();
    let since = prev == "since" || (from > 0 && scan.word(from - 1) == "since");
    let from = scan.lead(from);
    let Some(year) = year.or_else(|| year_of_month(scan, i, m)) else {
        return Some(Found::unresolved(from, to));
    };
    let date = match day {
        Some(d) => PartialDate::day(year, m, d),
        None => PartialDate::month(year, m),
    }?;
    let mut found = Found::dated(from, to, date, date.precision()).since(since);
    found.relative = relative;
    Some(found)
}

/// "on Monday", "said Tuesday", "next Friday": the last such day, or the
/// next one when the sentence speaks of the future and no past verb
/// ("said Monday", "reported on Sunday") fixes it in the past.
fn weekday(scan: &Scan, i: usize) -> Option<Found> {
    let wd = super::weekday_from_name(scan.word(i)).filter(|_| scan.tokens[i].is_capitalised())?;
    let prev = scan.prev(i);
    let since = prev == "since";
    let Some(p) = scan.p_day else {
        return Some(Found::unresolved(scan.lead(i), i + 1).since(since));
    };
    let pw = (p + 3).rem_euclid(7);
    let window = i.saturating_sub(3)..i;
    let past_verb = window.clone().any(|k| {
        let w = scan.word(k);
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
        .any(|k| matches!(scan.word(k), "be" | "will" | "'ll" | "to"));
    let forward = matches!(prev, "next" | "by" | "until" | "till" | "before");
    let delta = if forward || (scan.future(i) && prev != "last" && !past_verb) {
        (i64::from(wd) - pw).rem_euclid(7)
    } else {
        -((pw - i64::from(wd)).rem_euclid(7)) - if prev == "last" { 7 } else { 0 }
    };
    Some(Found::dated(scan.lead(i), i + 1, day_date(p + delta), Precision::Day).since(since))
}

/// "today", "yesterday", "tomorrow", "tonight".
fn deictic_day(scan: &Scan, i: usize) -> Option<Found> {
    let delta = match scan.word(i) {
        "yesterday" => -1,
        "tomorrow" => 1,
        "today" | "tonight" => 0,
        _ => return None,
    };
    Some(match scan.p_day {
        Some(p) => Found::dated(i, i + 1, day_date(p + delta), Precision::Day),
        None => Found::unresolved(i, i + 1),
    })
}

/// "last week", "this month", "next year", "past year", "last summer"
/// (a week is stored as its Monday, a season as its first month).
fn last_this_next_unit(scan: &Scan, i: usize) -> Option<Found> {
    let w = scan.word(i);
    let next = scan.word(i + 1);
    if !matches!(w, "last" | "this" | "next" | "past")
        || !matches!(
            next,
            "week" | "month" | "year" | "spring" | "summer" | "autumn" | "fall" | "winter"
        )
    {
        return None;
    }
    let from = if i > 0 && matches!(scan.word(i - 1), "earlier" | "later" | "late" | "early") {
        i - 1
    } else {
        i
    };
    let since = scan.prev(i) == "since";
    let Some(p) = scan.published else {
        return Some(Found::unresolved(from, i + 2));
    };
    let dir: i32 = match w {
        "last" | "past" => -1,
        "next" => 1,
        _ => 0,
    };
    let resolved = match next {
        "week" => scan
            .p_day
            .map(|d| (week_of(d + 7 * i64::from(dir)), Precision::Week)),
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
    Some(match resolved {
        Some((date, precision)) => Found::dated(from, i + 2, date, precision).since(since),
        None => Found::unresolved(from, i + 2),
    })
}

/// "in spring", "since the summer", "autumn 2023": the last such season,
/// or the next in a future sentence.
fn season(scan: &Scan, i: usize) -> Option<Found> {
    let s = season_start(scan.word(i))?;
    let prev = scan.prev(i);
    let explicit_year = scan.year_at(i + 1, 1800..=2200);
    let framed = matches!(
        prev,
        "in" | "the" | "since" | "by" | "until" | "early" | "late"
    );
    if !framed && explicit_year.is_none() {
        return None;
    }
    let mut from = i;
    if prev == "the"
        && i >= 2
        && matches!(
            scan.word(i - 2),
            "in" | "since" | "by" | "until" | "over" | "during"
        )
    {
        from = i - 2;
    } else if prev != "the" {
        from = scan.lead(i);
    }
    let to = if explicit_year.is_some() {
        i + 2
    } else {
        i + 1
    };
    let since = from < i && scan.word(from) == "since";
    let year = explicit_year.or_else(|| {
        let p = scan.published?;
        let pm = p.month.unwrap_or(1);
        Some(if scan.future(i) {
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
    let Some(date) = year.and_then(|y| PartialDate::month(y, s)) else {
        return Some(Found::unresolved(from, to).since(since));
    };
    let mut found = Found::dated(from, to, date, Precision::Season).since(since);
    found.relative = explicit_year.is_none();
    Some(found)
}

/// A year in context: "in 2022", "since 2022", "2023 was", not "2022
/// people" (a count).
fn year_number(scan: &Scan, i: usize) -> Option<Found> {
    let tok = scan.tokens[i];
    if tok.kind != TokKind::Number || tok.text.len() != 4 {
        return None;
    }
    let y = scan.year_at(i, 1900..=2100)?;
    let prev = scan.prev(i);
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
    ) || !scan
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word() && t.text.chars().all(char::is_lowercase));
    if !framed {
        return None;
    }
    Some(
        Found::dated(scan.lead(i), i + 1, PartialDate::year(y), Precision::Year)
            .absolute()
            .since(prev == "since"),
    )
}

/// "in recent days/weeks/months": a vague span before publication, dated
/// by a point inside it (two weeks back for "weeks", two months for
/// "months").
fn in_recent_weeks(scan: &Scan, i: usize) -> Option<Found> {
    let next = scan.word(i + 1);
    if scan.word(i) != "recent"
        || i == 0
        || scan.prev(i) != "in"
        || !matches!(next, "weeks" | "months" | "days")
    {
        return None;
    }
    let Some(p) = scan.published else {
        return Some(Found::unresolved(i - 1, i + 2));
    };
    let (date, precision) = match (next, scan.p_day, p.month) {
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
    Some(Found::dated(i - 1, i + 2, date, precision))
}

/// "three days ago", "two years ago", "a week ago".
fn n_units_ago(scan: &Scan, i: usize) -> Option<Found> {
    if scan.word(i) != "ago" || i < 2 {
        return None;
    }
    let n = word_number(scan.word(i - 2))?;
    let unit = scan.word(i - 1).trim_end_matches('s');
    if !matches!(unit, "day" | "week" | "month" | "year") {
        return None;
    }
    let Some(p) = scan.published else {
        return Some(Found::unresolved(i - 2, i + 1));
    };
    let resolved = match unit {
        "day" => scan.p_day.map(|d| (day_date(d - n), Precision::Day)),
        "week" => scan.p_day.map(|d| (week_of(d - 7 * n), Precision::Week)),
        "month" => p.month.and_then(|m| {
            let (y, m) = shift_month(p.year, m, -(n as i32));
            PartialDate::month(y, m).map(|d| (d, Precision::Month))
        }),
        _ => Some((PartialDate::year(p.year - n as i32), Precision::Year)),
    };
    Some(match resolved {
        Some((date, precision)) => Found::dated(i - 2, i + 1, date, precision),
        None => Found::unresolved(i - 2, i + 1),
    })
}

/// "(before) the end of the year": the publication year.
fn end_of_the_year(scan: &Scan, i: usize) -> Option<Found> {
    if scan.word(i) != "end"
        || scan.prev(i) != "the"
        || scan.word(i + 1) != "of"
        || scan.word(i + 2) != "the"
        || scan.word(i + 3) != "year"
    {
        return None;
    }
    let from = if i >= 2 && matches!(scan.word(i - 2), "before" | "by" | "at" | "until") {
        i - 2
    } else {
        i - 1
    };
    Some(match scan.published {
        Some(p) => Found::dated(from, i + 4, PartialDate::year(p.year), Precision::Year),
        None => Found::unresolved(from, i + 4),
    })
}
