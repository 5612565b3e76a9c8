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
    ("decade", decade_rule),
    ("quarter", quarter),
    ("a-year-earlier", a_year_earlier),
    ("in-recent-weeks", in_recent_weeks),
    ("n-units-ago", n_units_ago),
    ("end-of-the-year", end_of_the_year),
    ("the-year", the_year),
    ("present-past-future", present_past_future),
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

/// The year of a month named without one: "last April" looks back, "next
/// April" forwards; otherwise the last such month, or the coming one when
/// it is at most two months ahead (the next one in a future sentence,
/// unless it was last month).
fn year_of_month(scan: &Scan, i: usize, month: u8) -> Option<i32> {
    let p = scan.published?;
    let pm = p.month.unwrap_or(12);
    let back = (i32::from(pm) - i32::from(month)).rem_euclid(12);
    let ahead = (i32::from(month) - i32::from(pm)).rem_euclid(12);
    let forward = match scan.prev(i) {
        "last" | "past" => false,
        "next" | "coming" => true,
        _ if back == 0 => false,
        _ if scan.future_near(i) => back > 1,
        _ => ahead <= 2 && !past_verb_before(scan, i),
    };
    Some(if forward {
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
    if let Some(m) = tok.text.strip_prefix("mid-").and_then(month_from_name) {
        // "mid-November"
        let year = year_of_month(scan, i, m);
        return Some(match year.and_then(|y| PartialDate::month(y, m)) {
            Some(date) => Found::dated(scan.lead(i), i + 1, date, Precision::Month),
            None => Found::unresolved(scan.lead(i), i + 1),
        });
    }
    let m = month_from_name(tok.text).filter(|_| tok.is_capitalised())?;
    let prev = scan.prev(i);
    // "May" and "March" are also verbs, "Jan" and "Sept" also names.
    let ambiguous = tok.text == "May"
        || tok.text == "March"
        || (tok.text.len() <= 4 && !tok.text.ends_with('.') && m != 6 && m != 7);
    let month_ok = !ambiguous
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
    let (from, mut to, day) = match (
        scan.day_at(i + 1).filter(|_| scan.word(i + 2) != "%"),
        day_before,
    ) {
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

/// A past verb in the three words before `i` ("said Monday", "began on
/// February 24") fixes a relative date in the past, unless "will", "be"
/// or "to" is there too.
fn past_verb_before(scan: &Scan, i: usize) -> bool {
    let window = i.saturating_sub(3)..i;
    window.clone().any(|k| {
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
        .any(|k| matches!(scan.word(k), "be" | "will" | "'ll" | "to"))
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
    let past_verb = past_verb_before(scan, i);
    let forward = matches!(prev, "next" | "by" | "until" | "till" | "before");
    let delta = if forward || (scan.future_near(i) && prev != "last" && !past_verb) {
        (i64::from(wd) - pw).rem_euclid(7)
    } else if prev == "last" {
        // "last Friday": the most recent Friday before the publication day.
        -((pw - i64::from(wd) - 1).rem_euclid(7) + 1)
    } else {
        -((pw - i64::from(wd)).rem_euclid(7))
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
    if tok.kind != TokKind::Number || tok.text.len() != 4 || decade(scan, i).is_some() {
        return None;
    }
    let y = scan.year_at(i, 1900..=2100)?;
    let prev = scan.prev(i);
    // "the 1990 invasion", "his 1996 campaign", "bonds due 1993".
    let before_noun = matches!(
        prev,
        "the"
            | "that"
            | "its"
            | "his"
            | "her"
            | "their"
            | "this"
            | "a"
            | "due"
            | "fiscal"
            | "unsuccessful"
    );
    let framed = before_noun
        || matches!(
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
        )
        || !scan
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

/// The decade of "the 1990s", "the late 1970s" ("1990" then "s"), as
/// TIMEX3 writes it: "199".
fn decade(scan: &Scan, i: usize) -> Option<String> {
    let tok = scan.tokens[i];
    let next = scan.tokens.get(i + 1)?;
    let digits = tok.text.strip_suffix('0')?;
    (tok.kind == TokKind::Number
        && tok.text.len() == 4
        && next.start == tok.end
        && matches!(next.text, "s" | "'s"))
    .then(|| digits.to_string())
}

/// "the 1990s", "the early 1980s": a decade has no calendar date, only a
/// value.
fn decade_rule(scan: &Scan, i: usize) -> Option<Found> {
    let value = decade(scan, i)?;
    let from = if i > 0 && matches!(scan.prev(i), "early" | "late" | "mid" | "the") {
        i - 1
    } else {
        i
    };
    Some(Found {
        value: Some(value),
        ..Found::unresolved(from, i + 2).absolute()
    })
}

fn ordinal_quarter(word: &str) -> Option<u8> {
    let ordinal = word
        .strip_suffix("-quarter")
        .unwrap_or(word)
        .trim_start_matches("fiscal-");
    match ordinal {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    }
}

/// "the third quarter", "third-quarter", "the fourth quarter of 1990",
/// "next year's first quarter", "the quarter", "the latest quarter": a
/// quarter of the publication year (of the year before when it has not
/// come yet); an unnamed quarter is the last one named in the paragraph,
/// else the one before publication.
fn quarter(scan: &Scan, i: usize) -> Option<Found> {
    let w = scan.word(i);
    let (n, to) = if w.ends_with("-quarter") {
        (Some(ordinal_quarter(w)?), i + 1)
    } else if scan.word(i + 1) == "quarter" {
        match ordinal_quarter(w) {
            Some(n) => (Some(n), i + 2),
            None if matches!(w, "the" | "latest" | "recent" | "past" | "last" | "current") => {
                (None, i + 2)
            }
            None => return None,
        }
    } else {
        return None;
    };
    let from = if matches!(scan.prev(i), "the" | "fiscal" | "latest") {
        i - 1
    } else {
        i
    };
    let explicit = if scan.word(to) == "of" {
        scan.year_at(to + 1, 1900..=2100)
    } else {
        None
    };
    let to = if explicit.is_some() { to + 2 } else { to };
    let Some(p) = scan.published.filter(|p| p.month.is_some()) else {
        return Some(match explicit.zip(n) {
            Some((y, n)) => quarter_found(scan, from, to, y, n, false),
            None => Found::unresolved(from, to),
        });
    };
    let pq = (p.month.unwrap_or(1) - 1) / 3 + 1;
    let shift = match (scan.word(from.saturating_sub(2)), scan.prev(from)) {
        ("last", "year's") => -1,
        ("next", "year's") => 1,
        _ => 0,
    };
    let (year, n) = match (explicit, n) {
        (Some(y), Some(n)) => (y, n),
        (_, Some(n)) if shift != 0 => (p.year + shift, n),
        (_, Some(n)) if n <= pq || scan.future_near(i) => (p.year, n),
        (_, Some(n)) => (p.year - 1, n),
        (_, None) if w == "current" => (p.year, pq),
        (_, None) => scan.quarter.get().unwrap_or(if pq == 1 {
            (p.year - 1, 4)
        } else {
            (p.year, pq - 1)
        }),
    };
    Some(quarter_found(scan, from, to, year, n, explicit.is_none()))
}

fn quarter_found(scan: &Scan, from: usize, to: usize, year: i32, n: u8, relative: bool) -> Found {
    scan.quarter.set(Some((year, n)));
    Found {
        value: Some(format!("{year:04}-Q{n}")),
        relative,
        ..Found::unresolved(from, to)
    }
}

/// "a year earlier", "a year ago", "year-earlier", "the year-ago
/// quarter": after a quarter named in the paragraph, that quarter a year
/// before; otherwise the year before publication.
fn a_year_earlier(scan: &Scan, i: usize) -> Option<Found> {
    let w = scan.word(i);
    let to = if matches!(w, "year-earlier" | "year-ago") {
        if matches!(scan.word(i + 1), "quarter" | "period") {
            i + 2
        } else {
            i + 1
        }
    } else if matches!(w, "a" | "one")
        && scan.word(i + 1) == "year"
        && matches!(scan.word(i + 2), "earlier" | "ago" | "before")
    {
        i + 3
    } else {
        return None;
    };
    let from = if scan.prev(i) == "the" { i - 1 } else { i };
    if let Some((y, n)) = scan.quarter.get() {
        return Some(Found {
            value: Some(format!("{:04}-Q{n}", y - 1)),
            ..Found::unresolved(from, to)
        });
    }
    let Some(p) = scan.published else {
        return Some(Found::unresolved(from, to));
    };
    Some(Found::dated(
        from,
        to,
        PartialDate::year(p.year - 1),
        Precision::Year,
    ))
}

/// "now", "currently", "recently", "recent years", "the past", "the
/// future": TIMEX3's
/// PRESENT_REF, PAST_REF and FUTURE_REF, with no calendar date.
fn present_past_future(scan: &Scan, i: usize) -> Option<Found> {
    let w = scan.word(i);
    let next = scan.word(i + 1);
    let (from, to, value) = match w {
        "now" | "currently" | "nowadays" => (i, i + 1, "PRESENT_REF"),
        "these" if next == "days" => (i, i + 2, "PRESENT_REF"),
        "recently" => (i, i + 1, "PAST_REF"),
        "recent" if next == "years" => (i, i + 2, "PAST_REF"),
        "past" | "future" if scan.prev(i) == "the" && !is_unit(next) => (
            i - 1,
            i + 1,
            if w == "past" {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            },
        ),
        _ => return None,
    };
    Some(Found {
        value: Some(value.to_string()),
        ..Found::unresolved(from, to)
    })
}

fn is_unit(word: &str) -> bool {
    matches!(
        word.trim_end_matches('s'),
        "day"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "quarter"
            | "hour"
            | "few"
            | "two"
            | "three"
            | "several"
    )
}

/// "for the year", "the full year", "the fiscal year": the publication
/// year, unless the words go on to name another ("the year before", "the
/// year of the flood").
fn the_year(scan: &Scan, i: usize) -> Option<Found> {
    if scan.word(i) != "the" {
        return None;
    }
    let to = match (scan.word(i + 1), scan.word(i + 2)) {
        ("year", _) => i + 2,
        ("full" | "fiscal", "year") => i + 3,
        _ => return None,
    };
    if matches!(
        scan.word(to),
        "ago"
            | "earlier"
            | "before"
            | "after"
            | "of"
            | "'s"
            | "in"
            | "that"
            | "when"
            | "to"
            | "-"
            | "since"
    ) || scan
        .tokens
        .get(to)
        .is_some_and(|t| t.kind == TokKind::Number)
    {
        return None;
    }
    Some(match scan.published {
        Some(p) => Found::dated(i, to, PartialDate::year(p.year), Precision::Year),
        None => Found::unresolved(i, to),
    })
}
