//! Counts instead of marks when the visible window holds more claims than a
//! reader can tell apart (and than a browser draws quickly as SVG: real
//! corpora reach tens of thousands of claims). Each lane then shows one
//! count per period, day to year, the finest period that gives the window
//! at most [`MAX_COLUMNS`] columns (decades for the widest windows), so a
//! count always has room for its label. A count is a link to its period:
//! zooming in narrows the window until the claims in it fit under
//! [`MARK_LIMIT`] and are drawn one by one.

use super::scale::{month_end, Window};
use super::Mark;
use crossread_corpus::date::MONTH_NAMES;
use crossread_corpus::PartialDate;
use std::collections::BTreeMap;

/// Most marks the chart draws one by one; above it, counts per period.
/// About the most a reader can tell apart on one screen of lanes, and far
/// below the tens of thousands of SVG elements that stall a browser.
pub const MARK_LIMIT: usize = 2_000;

/// Most periods across the window: the 928 drawing units of the plot give
/// each at least 23, room for a four-digit count.
pub const MAX_COLUMNS: usize = 40;

/// The stretch of time one count covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    /// January to March, April to June, ...
    Quarter,
    Year,
    /// 2020 to 2029, ...: the widest window (two centuries) has 21.
    Decade,
}

impl Period {
    const ALL: [Period; 6] = [
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
        Period::Decade,
    ];

    /// Its name in one word: "day", "week", "month", "quarter", "year".
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
            Period::Decade => "decade",
        }
    }

    /// The finest period that cuts `window` into at most [`MAX_COLUMNS`]
    /// columns (decades for windows of more than 40 years).
    pub fn for_window(window: Window) -> Period {
        Period::ALL
            .into_iter()
            .find(|period| period.columns(window) <= MAX_COLUMNS)
            .unwrap_or(Period::Decade)
    }

    /// How many periods the window touches, counted up to one past
    /// [`MAX_COLUMNS`].
    fn columns(self, window: Window) -> usize {
        let mut start = self.first_day(window.first_day);
        let mut columns = 0;
        while start <= window.last_day && columns <= MAX_COLUMNS {
            columns += 1;
            start = self.last_day(start) + 1;
        }
        columns
    }

    /// The first day of the period that holds `day`.
    pub fn first_day(self, day: i64) -> i64 {
        let date = PartialDate::from_day_number(day);
        let month = date.month.unwrap_or(1);
        let month_start =
            |month: u8| PartialDate::month(date.year, month).map_or(day, |m| m.first_day_number());
        match self {
            Period::Day => day,
            // Day 4 (1970-01-05) is a Monday.
            Period::Week => day - (day - 4).rem_euclid(7),
            Period::Month => month_start(month),
            Period::Quarter => month_start((month - 1) / 3 * 3 + 1),
            Period::Year => PartialDate::year(date.year).first_day_number(),
            Period::Decade => PartialDate::year(decade_start(date.year)).first_day_number(),
        }
    }

    /// The last day of the period that holds `day`.
    pub fn last_day(self, day: i64) -> i64 {
        let date = PartialDate::from_day_number(day);
        let month = date.month.unwrap_or(1);
        match self {
            Period::Day => day,
            Period::Week => self.first_day(day) + 6,
            Period::Month => month_end(date.year, month, 0),
            Period::Quarter => month_end(date.year, (month - 1) / 3 * 3 + 1, 2),
            Period::Year => PartialDate::year(date.year).last_day_number(),
            Period::Decade => PartialDate::year(decade_start(date.year) + 9).last_day_number(),
        }
    }

    /// The period that holds `day` in words: "6 March 2023", "week of 6
    /// March 2023", "March 2023", "January to March 2023", "2023", "2020
    /// to 2029".
    pub fn name(self, day: i64) -> String {
        let first = PartialDate::from_day_number(self.first_day(day));
        let month = |date: &PartialDate| MONTH_NAMES[usize::from(date.month.unwrap_or(1)) - 1];
        let day_words =
            |date: &PartialDate| format!("{} {} {}", date.day.unwrap_or(1), month(date), date.year);
        match self {
            Period::Day => day_words(&first),
            Period::Week => format!("week of {}", day_words(&first)),
            Period::Month => format!("{} {}", month(&first), first.year),
            Period::Quarter => {
                let last = PartialDate::from_day_number(self.last_day(day));
                format!("{} to {} {}", month(&first), month(&last), first.year)
            }
            Period::Year => first.year.to_string(),
            Period::Decade => format!("{} to {}", first.year, first.year + 9),
        }
    }
}

/// The first year of the decade that holds `year`.
fn decade_start(year: i32) -> i32 {
    year - year.rem_euclid(10)
}

/// The marks of one lane that fall in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The whole period, first and last day (it may reach past the window).
    pub first_day: i64,
    pub last_day: i64,
    pub marks: usize,
}

impl Count {
    /// What a screen reader says: "312 claims, March 2023, <lane>".
    pub fn describe(&self, period: Period, lane: &str) -> String {
        format!(
            "{}, {}, {lane}",
            crate::format::count(self.marks, "claim", "claims"),
            period.name(self.first_day)
        )
    }

    /// The window that shows this period alone, when it is narrower than
    /// `current` (a day is shown as the shortest window, a week).
    pub fn zoomed(&self, current: Window) -> Option<Window> {
        let window = Window::new(self.first_day, self.last_day);
        (window.days() < current.days()).then_some(window)
    }
}

/// The day a mark is counted on: the middle of the part of its event that
/// the window shows, where its glyph would be drawn.
pub fn counted_day(mark: &Mark, window: Window) -> Option<i64> {
    counted_day_of(mark.first_day, mark.last_day, window)
}

/// The day an event of these days is counted on in `window`.
fn counted_day_of(first_day: i64, last_day: i64, window: Window) -> Option<i64> {
    if !window.overlaps(first_day, last_day) {
        return None;
    }
    let first = first_day.max(window.first_day);
    let last = last_day.min(window.last_day);
    Some((first + last).div_euclid(2))
}

/// A lane's claims in the window (its [`super::Lane::spans`]: first day,
/// last day, how many claims), counted per period, earliest first. Every
/// claim in the window is in exactly one count.
pub fn counts(
    spans: impl IntoIterator<Item = (i64, i64, usize)>,
    window: Window,
    period: Period,
) -> Vec<Count> {
    let mut by_start: BTreeMap<i64, usize> = BTreeMap::new();
    for (first, last, claims) in spans {
        if let Some(day) = counted_day_of(first, last, window) {
            *by_start.entry(period.first_day(day)).or_default() += claims;
        }
    }
    by_start
        .into_iter()
        .map(|(first_day, marks)| Count {
            first_day,
            last_day: period.last_day(first_day),
            marks,
        })
        .collect()
}

/// "312", "9999", "12k": a count short enough for its column.
pub fn short_count(n: usize) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{}k", n / 1_000),
        _ => format!("{}M", n / 1_000_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::corpus;

    fn day(text: &str) -> i64 {
        PartialDate::parse_iso(text).unwrap().first_day_number()
    }

    fn window(from: &str, to: &str) -> Window {
        Window::new(day(from), day(to))
    }

    fn mark(first_day: i64, last_day: i64) -> Mark<'static> {
        Mark {
            claim: &corpus().unwrap().claims[0],
            document: None,
            outlet: String::new(),
            thread: None,
            first_day,
            last_day,
            published_day: None,
        }
    }

    #[test]
    fn the_period_is_the_finest_that_fits_the_window() {
        // The widest window zooming out allows, two centuries: 20 decades.
        for (first, last, period) in [
            ("2024-01-01", "2024-01-31", Period::Day),
            ("2024-01-01", "2024-06-30", Period::Week),
            ("2022-10-01", "2024-10-31", Period::Month),
            ("2015-01-01", "2024-12-31", Period::Quarter),
            ("1990-01-01", "2024-12-31", Period::Year),
            ("1900-01-01", "2099-12-31", Period::Decade),
        ] {
            assert_eq!(
                Period::for_window(window(first, last)),
                period,
                "{first}..{last}"
            );
        }
        let widest = Window::new(0, crate::timeline::scale::MAX_DAYS - 1);
        assert!(Period::Decade.columns(widest) <= MAX_COLUMNS);
        // Forty days fit forty columns; forty-one do not.
        assert_eq!(Period::for_window(Window::new(0, 39)), Period::Day);
        assert_eq!(Period::for_window(Window::new(0, 40)), Period::Week);
    }

    #[test]
    fn periods_follow_the_calendar() {
        let d = day("2023-03-15"); // a Wednesday
        assert_eq!(Period::Day.first_day(d), d);
        assert_eq!(Period::Week.first_day(d), day("2023-03-13"));
        assert_eq!(Period::Week.last_day(d), day("2023-03-19"));
        assert_eq!(Period::Month.first_day(d), day("2023-03-01"));
        assert_eq!(Period::Month.last_day(d), day("2023-03-31"));
        assert_eq!(Period::Quarter.first_day(d), day("2023-01-01"));
        assert_eq!(Period::Quarter.last_day(d), day("2023-03-31"));
        assert_eq!(
            Period::Quarter.last_day(day("2024-11-02")),
            day("2024-12-31")
        );
        assert_eq!(Period::Year.first_day(d), day("2023-01-01"));
        assert_eq!(Period::Year.last_day(d), day("2023-12-31"));
        assert_eq!(Period::Decade.first_day(d), day("2020-01-01"));
        assert_eq!(Period::Decade.last_day(d), day("2029-12-31"));
        // Before 1970 too.
        assert_eq!(Period::Week.first_day(day("1969-12-31")), day("1969-12-29"));
    }

    #[test]
    fn periods_are_named_in_words() {
        let d = day("2023-03-15");
        assert_eq!(Period::Day.name(d), "15 March 2023");
        assert_eq!(Period::Week.name(d), "week of 13 March 2023");
        assert_eq!(Period::Month.name(d), "March 2023");
        assert_eq!(Period::Quarter.name(d), "January to March 2023");
        assert_eq!(Period::Year.name(d), "2023");
        assert_eq!(Period::Decade.name(d), "2020 to 2029");
    }

    #[test]
    fn every_mark_in_the_window_is_counted_once_in_its_period() {
        let w = window("2023-01-01", "2023-12-31");
        let marks = [
            mark(day("2023-03-02"), day("2023-03-02")),
            mark(day("2023-03-31"), day("2023-03-31")),
            // A month-long span is counted at its middle.
            mark(day("2023-04-01"), day("2023-04-30")),
            // A span reaching into the window from before: the middle of
            // its visible part.
            mark(day("2022-06-01"), day("2023-02-10")),
            // Outside the window: not counted.
            mark(day("2024-01-01"), day("2024-01-01")),
        ];
        let counts = counts(
            marks.iter().map(|m| (m.first_day, m.last_day, 1)),
            w,
            Period::Month,
        );
        let found: Vec<(i64, i64, usize)> = counts
            .iter()
            .map(|c| (c.first_day, c.last_day, c.marks))
            .collect();
        assert_eq!(
            found,
            [
                (day("2023-01-01"), day("2023-01-31"), 1),
                (day("2023-03-01"), day("2023-03-31"), 2),
                (day("2023-04-01"), day("2023-04-30"), 1),
            ]
        );
    }

    #[test]
    fn counts_stay_few_however_many_marks() {
        let w = window("2020-01-01", "2024-12-31");
        let marks: Vec<Mark> = (0..50_000)
            .map(|i| mark(w.first_day + i % w.days(), w.first_day + i % w.days()))
            .collect();
        let period = Period::for_window(w);
        let counts = counts(
            marks.iter().map(|m| (m.first_day, m.last_day, 1)),
            w,
            period,
        );
        assert!(counts.len() <= MAX_COLUMNS, "{}", counts.len());
        assert_eq!(counts.iter().map(|c| c.marks).sum::<usize>(), 50_000);
    }

    #[test]
    fn a_count_says_how_many_when_and_where_and_zooms_to_its_period() {
        let count = Count {
            first_day: day("2023-03-01"),
            last_day: day("2023-03-31"),
            marks: 312,
        };
        assert_eq!(
            count.describe(Period::Month, "Iran → Russia drones"),
            "312 claims, March 2023, Iran → Russia drones"
        );
        let year = window("2023-01-01", "2023-12-31");
        let march = count.zoomed(year).unwrap();
        assert_eq!(
            (march.first_day, march.last_day),
            (count.first_day, count.last_day)
        );
        // Already showing no more than the month: nothing to zoom into.
        assert_eq!(count.zoomed(march), None);
        let one = Count {
            first_day: day("2023-03-15"),
            last_day: day("2023-03-15"),
            marks: 1,
        };
        assert_eq!(one.describe(Period::Day, "x"), "1 claim, 15 March 2023, x");
        let week = one.zoomed(march).unwrap();
        assert_eq!(week.days(), crate::timeline::scale::MIN_DAYS);
        assert!(week.overlaps(one.first_day, one.last_day));
        assert_eq!(one.zoomed(week), None);
    }

    #[test]
    fn short_counts_fit_a_column() {
        assert_eq!(short_count(312), "312");
        assert_eq!(short_count(9_999), "9999");
        assert_eq!(short_count(12_345), "12k");
        assert_eq!(short_count(2_500_000), "2M");
    }
}
