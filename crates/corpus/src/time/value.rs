//! Time values written as TIMEX3 (TimeML) writes them: `2013-03-22`,
//! `2013-03`, `2013-W11` (ISO week), `2013-SU` (season: SP, SU, FA, WI),
//! `2013-Q1`, `2013`, `199` (a decade), `19` (a century).

use crate::date::{PartialDate, Precision};

/// The TIMEX3 value of a date resolved at a precision. A week is stored as
/// its Monday and written as its ISO week; a season is stored as its first
/// month.
pub fn timex(date: PartialDate, precision: Precision) -> String {
    match precision {
        Precision::Year => format!("{:04}", date.year),
        Precision::Season => {
            let season = match date.month.unwrap_or(3) {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            format!("{:04}-{season}", date.year)
        }
        Precision::Month => match date.month {
            Some(m) => format!("{:04}-{m:02}", date.year),
            None => format!("{:04}", date.year),
        },
        Precision::Week => {
            let (year, week) = iso_week(date.first_day_number());
            format!("{year:04}-W{week:02}")
        }
        Precision::Day | Precision::Time => date.date_only().to_string(),
    }
}

/// The ISO 8601 year and week of a day number: the week's Thursday decides
/// the year.
pub fn iso_week(day: i64) -> (i32, u32) {
    let thursday = day - (day + 3).rem_euclid(7) + 3;
    let year = PartialDate::from_day_number(thursday).year;
    let first = PartialDate::year(year).first_day_number();
    (year, ((thursday - first) / 7 + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    #[test]
    fn each_precision_has_its_timex_form() {
        assert_eq!(timex(day("2013-03-22"), Precision::Day), "2013-03-22");
        assert_eq!(
            timex(day("2013-03-22T10:15"), Precision::Time),
            "2013-03-22"
        );
        assert_eq!(timex(day("2013-03"), Precision::Month), "2013-03");
        assert_eq!(timex(day("2013"), Precision::Year), "2013");
        assert_eq!(timex(day("2013-06"), Precision::Season), "2013-SU");
        assert_eq!(timex(day("2013-12"), Precision::Season), "2013-WI");
        assert_eq!(timex(day("2013-03-11"), Precision::Week), "2013-W11");
    }

    #[test]
    fn iso_weeks_belong_to_the_year_of_their_thursday() {
        // 2021-01-01 was a Friday: its week is the last of 2020.
        assert_eq!(iso_week(day("2021-01-01").first_day_number()), (2020, 53));
        // 2024-12-30 was a Monday: its week is the first of 2025.
        assert_eq!(iso_week(day("2024-12-30").first_day_number()), (2025, 1));
        assert_eq!(iso_week(day("2024-01-01").first_day_number()), (2024, 1));
    }
}
