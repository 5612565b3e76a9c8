//! Dates with the precision the source gives them: a year, a month, a day,
//! or a day with a time. News text rarely gives more than it means, and the
//! app draws a month as a span rather than a false point, so precision is
//! part of the value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date known to some precision, written as reduced-precision
/// ISO 8601: `2024`, `2024-09`, `2024-09-17`, `2024-09-17T13:36`,
/// `2024-01-04T13:36-05:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hours and minutes, local to the source.
    pub time: Option<(u8, u8)>,
    /// Offset from UTC in minutes, when the source names a zone.
    pub offset_minutes: Option<i16>,
}

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Season,
    Month,
    /// A calendar week, Monday to Sunday ("last week").
    Week,
    Day,
    Time,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
            time: None,
            offset_minutes: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            month: Some(month),
            ..Self::year(year)
        })
    }

    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(PartialDate {
            month: Some(month),
            day: Some(day),
            ..Self::year(year)
        })
    }

    pub fn with_time(self, hour: u8, minute: u8) -> Option<Self> {
        (self.day.is_some() && hour < 24 && minute < 60).then_some(PartialDate {
            time: Some((hour, minute)),
            ..self
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (None, _, _) => Precision::Year,
            (Some(_), None, _) => Precision::Month,
            (Some(_), Some(_), None) => Precision::Day,
            (Some(_), Some(_), Some(_)) => Precision::Time,
        }
    }

    /// The same date cut to day precision (or less, if that is all it has).
    pub fn date_only(&self) -> Self {
        PartialDate {
            time: None,
            offset_minutes: None,
            ..*self
        }
    }

    /// True when both dates agree on every part both of them state.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        self.year == other.year
            && same(self.month, other.month)
            && same(self.day, other.day)
            && same(self.time, other.time)
    }

    /// Days since 1970-01-01 of the first day this date covers.
    pub fn first_day_number(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of the last day this date covers.
    pub fn last_day_number(&self) -> i64 {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day_number(),
            (Some(month), None) => {
                days_from_civil(self.year, month, days_in_month(self.year, month))
            }
            _ => days_from_civil(self.year, 12, 31),
        }
    }

    /// The day-precision date for a day number (see [`Self::first_day_number`]).
    pub fn from_day_number(days: i64) -> Self {
        let (year, month, day) = civil_from_days(days);
        PartialDate {
            month: Some(month),
            day: Some(day),
            ..Self::year(year)
        }
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday, for day-precision dates.
    pub fn weekday(&self) -> Option<u8> {
        self.day
            .map(|_| (self.first_day_number() + 3).rem_euclid(7) as u8)
    }

    /// Parses reduced-precision ISO 8601 as written by `Display`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date_part, time_part) = match text.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut parts = date_part.split('-');
        let year: i32 = parse_digits(parts.next()?, 4)?;
        let date = match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Self::year(year),
            (Some(m), None, _) => Self::month(year, parse_digits(m, 2)?)?,
            (Some(m), Some(d), None) => Self::day(year, parse_digits(m, 2)?, parse_digits(d, 2)?)?,
            _ => return None,
        };
        let Some(time_part) = time_part else {
            return Some(date);
        };
        let (clock, offset) = split_offset(time_part)?;
        let (h, m) = clock.split_once(':')?;
        let mut with_time = date.with_time(parse_digits(h, 2)?, parse_digits(m, 2)?)?;
        with_time.offset_minutes = offset;
        Some(with_time)
    }
}

fn parse_digits<T: std::str::FromStr>(text: &str, len: usize) -> Option<T> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn split_offset(time: &str) -> Option<(&str, Option<i16>)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let sign: i16 = if time.as_bytes()[at] == b'-' { -1 } else { 1 };
            let (h, m) = time[at + 1..].split_once(':')?;
            let minutes = parse_digits::<i16>(h, 2)? * 60 + parse_digits::<i16>(m, 2)?;
            Some((&time[..at], Some(sign * minutes)))
        }
        None => Some((time, None)),
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
            if let Some(offset) = self.offset_minutes {
                let sign = if offset < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {text:?}")))
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The last day (days since 1970-01-01) of the month `months` after the
/// given year and month.
pub fn month_end(year: i32, month: u8, months: i64) -> i64 {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + months;
    let (year, month) = (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
    );
    PartialDate::month(year, month)
        .map(|m| m.first_day_number() + i64::from(days_in_month(year, month)) - 1)
        .unwrap_or_default()
}

/// The first and last day (day numbers, inclusive) a claim's event date
/// covers: one day at day precision, else the whole week, month, season
/// (three months from its first) or year.
pub fn covered_days(date: &PartialDate, precision: Option<Precision>) -> (i64, i64) {
    let first = date.first_day_number();
    let last = match precision.unwrap_or_else(|| date.precision()) {
        Precision::Week if date.day.is_some() => first + 6,
        Precision::Season => month_end(date.year, date.month.unwrap_or(1), 2),
        _ => date.last_day_number(),
    };
    (first, last.max(first))
}

// Howard Hinnant's civil-from-days algorithms (public domain arithmetic).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month number for an English month name or common abbreviation
/// ("January", "Jan", "Jan.", "Sept.", "MARCH"). Compares without
/// lower-cased copies: it is asked of most words.
pub fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .or_else(|| {
            if word.eq_ignore_ascii_case("sept") {
                return Some(8);
            }
            (word.len() == 3)
                .then(|| {
                    MONTH_NAMES
                        .iter()
                        .position(|name| name.as_bytes()[..3].eq_ignore_ascii_case(word.as_bytes()))
                })
                .flatten()
        })
        .map(|index| index as u8 + 1)
}

/// Offset in minutes for the time-zone abbreviations news sites print,
/// also as an offset from GMT or UTC, bracketed or not ("GMT+05:00",
/// "(UTC-4)", "GMT+0530").
pub fn zone_offset(abbreviation: &str) -> Option<i16> {
    let abbreviation = abbreviation
        .strip_prefix('(')
        .and_then(|z| z.strip_suffix(')'))
        .unwrap_or(abbreviation);
    if let Some(offset) = offset_from_utc(abbreviation) {
        return Some(offset);
    }
    Some(match abbreviation.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" => 0,
        "EST" => -300,
        "EDT" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "BST" => 60,
        "CET" => 60,
        "CEST" => 120,
        "EET" => 120,
        "EEST" => 180,
        "MSK" => 180,
        _ => return None,
    })
}

/// "GMT+05:00", "UTC-4", "GMT+0530": minutes east of UTC, at most 14 hours.
fn offset_from_utc(zone: &str) -> Option<i16> {
    let upper = zone.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("GMT")
        .or_else(|| upper.strip_prefix("UTC"))?;
    let sign = match rest.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let digits = rest[rest.chars().next()?.len_utf8()..].replace(':', "");
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes): (i16, i16) = match digits.len() {
        1 | 2 => (digits.parse().ok()?, 0),
        _ => {
            let split = digits.len() - 2;
            (digits[..split].parse().ok()?, digits[split..].parse().ok()?)
        }
    };
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_from_gmt_or_utc_are_zones() {
        assert_eq!(zone_offset("(GMT+05:00)"), Some(300));
        assert_eq!(zone_offset("UTC-4"), Some(-240));
        assert_eq!(zone_offset("GMT+0530"), Some(330));
        assert_eq!(zone_offset("GMT"), Some(0));
        for not_a_zone in ["GMT+", "UTC+25", "GMT+05:75", "(05:00)", "GMT5"] {
            assert_eq!(zone_offset(not_a_zone), None, "{not_a_zone}");
        }
    }

    #[test]
    fn iso_round_trips_at_every_precision() {
        for text in [
            "2024",
            "2024-09",
            "2024-09-17",
            "2023-03-03T12:36",
            "2024-01-04T13:36-05:00",
        ] {
            let date = PartialDate::parse_iso(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(PartialDate::parse_iso("2023-02-29"), None);
        assert_eq!(PartialDate::parse_iso("2024-13"), None);
        assert_eq!(PartialDate::parse_iso("24-01-01"), None);
        assert!(PartialDate::parse_iso("2024-02-29").is_some());
    }

    #[test]
    fn weekday_and_day_numbers_agree_with_the_calendar() {
        // 17 September 2024 was a Tuesday.
        let date = PartialDate::day(2024, 9, 17).unwrap();
        assert_eq!(date.weekday(), Some(1));
        assert_eq!(PartialDate::from_day_number(date.first_day_number()), date);
        assert_eq!(PartialDate::day(1970, 1, 1).unwrap().first_day_number(), 0);
    }

    #[test]
    fn a_month_spans_all_its_days() {
        let feb = PartialDate::month(2024, 2).unwrap();
        assert_eq!(feb.last_day_number() - feb.first_day_number(), 28);
    }

    #[test]
    fn agreement_ignores_missing_precision() {
        let day = PartialDate::day(2023, 3, 3).unwrap();
        let timed = day.with_time(12, 36).unwrap();
        assert!(day.agrees_with(&timed));
        assert!(!day.agrees_with(&PartialDate::day(2023, 3, 4).unwrap()));
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_from_name("MARCH"), Some(3));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("Jan"), Some(1));
        assert_eq!(month_from_name("Mayday"), None);
        // As the names lower-cased and compared: any case, a closing dot,
        // three letters of a name, and nothing else.
        for (word, month) in [
            ("sEpT", Some(9)),
            ("dec.", Some(12)),
            ("DECEMBER..", Some(12)),
            ("Ma", None),
            ("Mär", None),
            ("Juni", None),
            ("june", Some(6)),
            ("", None),
        ] {
            assert_eq!(month_from_name(word), month, "{word:?}");
        }
    }
}
