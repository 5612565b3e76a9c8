//! The time axis: which days are visible (`Window`), where a day is drawn
//! (`Scale`), and calendar ticks that suit any zoom from days to centuries.
//! Days are day numbers (days since 1970-01-01, as in `PartialDate`); day
//! `d` occupies the interval `[d, d + 1)` on the axis.

pub use crossread_corpus::date::month_end;
use crossread_corpus::PartialDate;

/// The narrowest window zooming in allows: a week.
pub const MIN_DAYS: i64 = 7;
/// The widest window zooming out allows: two centuries.
pub const MAX_DAYS: i64 = 73_050;

/// The visible date range, first and last day inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first_day: i64,
    pub last_day: i64,
}

impl Window {
    /// A window from its first to its last day, widened to at least
    /// [`MIN_DAYS`] around its middle.
    pub fn new(first_day: i64, last_day: i64) -> Window {
        let (first_day, last_day) = (first_day.min(last_day), first_day.max(last_day));
        let days = last_day - first_day + 1;
        if days >= MIN_DAYS {
            return Window {
                first_day,
                last_day,
            };
        }
        let first_day = first_day - (MIN_DAYS - days) / 2;
        Window {
            first_day,
            last_day: first_day + MIN_DAYS - 1,
        }
    }

    /// The window a URL's `view=` range names: from the first day of the
    /// first date to the last day of the second, at their precision.
    pub fn from_dates(range: &(PartialDate, PartialDate)) -> Window {
        Window::new(range.0.first_day_number(), range.1.last_day_number())
    }

    /// The range as day-precision dates, for the URL.
    pub fn to_dates(self) -> (PartialDate, PartialDate) {
        (
            PartialDate::from_day_number(self.first_day),
            PartialDate::from_day_number(self.last_day),
        )
    }

    /// A window showing the days from `first` to `last` with a margin,
    /// rounded out to whole months so the default view reads cleanly.
    pub fn around(first: i64, last: i64) -> Window {
        let margin = ((last - first) / 25).max(3);
        let start = PartialDate::from_day_number(first - margin);
        let end = PartialDate::from_day_number(last + margin);
        let month = |d: PartialDate| PartialDate::month(d.year, d.month.unwrap_or(1));
        match (month(start), month(end)) {
            (Some(start), Some(end)) => {
                Window::new(start.first_day_number(), end.last_day_number())
            }
            _ => Window::new(first - margin, last + margin),
        }
    }

    pub fn days(self) -> i64 {
        self.last_day - self.first_day + 1
    }

    /// True when any of the days from `first` to `last` is visible.
    pub fn overlaps(self, first: i64, last: i64) -> bool {
        first <= self.last_day && last >= self.first_day
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the point `anchor` (a
    /// day position, fractions allowed) where it is on screen.
    pub fn zoom(self, factor: f64, anchor: f64) -> Window {
        let days = self.days() as f64;
        let new_days = ((days * factor).round() as i64).clamp(MIN_DAYS, MAX_DAYS);
        let share = ((anchor - self.first_day as f64) / days).clamp(0.0, 1.0);
        let first_day = (anchor - share * new_days as f64).round() as i64;
        Window {
            first_day,
            last_day: first_day + new_days - 1,
        }
    }

    /// Moves by a share of the window's width (negative: earlier).
    pub fn pan(self, share: f64) -> Window {
        let mut shift = (self.days() as f64 * share).round() as i64;
        if shift == 0 {
            shift = share.signum() as i64;
        }
        Window {
            first_day: self.first_day + shift,
            last_day: self.last_day + shift,
        }
    }

    /// The middle of the window, as a day position.
    pub fn middle(self) -> f64 {
        (self.first_day as f64 + self.last_day as f64 + 1.0) / 2.0
    }
}

/// Maps day positions to x in the chart's drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub window: Window,
    /// Where the window's first day starts.
    pub left: f64,
    /// Where the window's last day ends.
    pub right: f64,
}

impl Scale {
    /// The x of a day position: `day as f64` is the start of that day,
    /// `day as f64 + 0.5` its middle.
    pub fn x(&self, day: f64) -> f64 {
        let share = (day - self.window.first_day as f64) / self.window.days() as f64;
        self.left + share * (self.right - self.left)
    }

    /// An x kept inside the drawing area.
    pub fn clamp(&self, x: f64) -> f64 {
        x.clamp(self.left, self.right)
    }
}

/// One labelled line on the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub day: i64,
    pub label: String,
}

/// Steps between ticks, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(i64),
    Weeks(i64),
    Months(i64),
    Years(i64),
}

impl Step {
    const ALL: [Step; 15] = [
        Step::Days(1),
        Step::Days(2),
        Step::Weeks(1),
        Step::Weeks(2),
        Step::Months(1),
        Step::Months(2),
        Step::Months(3),
        Step::Months(6),
        Step::Years(1),
        Step::Years(2),
        Step::Years(5),
        Step::Years(10),
        Step::Years(20),
        Step::Years(50),
        Step::Years(100),
    ];

    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Weeks(n) => 7.0 * n as f64,
            Step::Months(n) => 30.44 * n as f64,
            Step::Years(n) => 365.25 * n as f64,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Calendar-aligned ticks for a window, at most `max_ticks` of them: days,
/// Mondays, first days of months or quarters, or new years, whichever is the
/// finest step that fits. The year is written on the first tick and at each
/// new year, so every label can be read on its own.
pub fn ticks(window: Window, max_ticks: usize) -> Vec<Tick> {
    let max_ticks = max_ticks.max(2) as f64;
    let step = Step::ALL
        .into_iter()
        .find(|s| window.days() as f64 / s.approx_days() + 1.0 <= max_ticks)
        .unwrap_or(Step::Years(100));
    let mut days: Vec<i64> = Vec::new();
    match step {
        Step::Days(n) => {
            days.extend((window.first_day..=window.last_day).filter(|d| d.rem_euclid(n) == 0))
        }
        Step::Weeks(n) => days.extend(
            // Day 0 (1970-01-01) is a Thursday; day 4 a Monday.
            (window.first_day..=window.last_day).filter(|d| (d - 4).rem_euclid(7 * n) == 0),
        ),
        Step::Months(n) => {
            let start = PartialDate::from_day_number(window.first_day);
            let (mut year, mut month) = (start.year, start.month.unwrap_or(1));
            while let Some(first) = PartialDate::month(year, month) {
                let day = first.first_day_number();
                if day > window.last_day {
                    break;
                }
                if day >= window.first_day && i64::from(month - 1) % n == 0 {
                    days.push(day);
                }
                (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
            }
        }
        Step::Years(n) => {
            let first_year = PartialDate::from_day_number(window.first_day).year;
            let last_year = PartialDate::from_day_number(window.last_day).year;
            days.extend(
                (first_year..=last_year)
                    .filter(|y| i64::from(*y).rem_euclid(n) == 0)
                    .map(|y| PartialDate::year(y).first_day_number())
                    .filter(|d| *d >= window.first_day),
            );
        }
    }
    days.iter()
        .enumerate()
        .map(|(i, &day)| Tick {
            day,
            label: tick_label(step, day, i == 0),
        })
        .collect()
}

fn tick_label(step: Step, day: i64, first: bool) -> String {
    let date = PartialDate::from_day_number(day);
    let month = date.month.unwrap_or(1);
    let name = MONTHS[usize::from(month.clamp(1, 12)) - 1];
    let new_year = month == 1 && date.day == Some(1);
    match step {
        Step::Years(_) => date.year.to_string(),
        Step::Months(_) if first || month == 1 => format!("{name} {}", date.year),
        Step::Months(_) => name.to_string(),
        _ if first || new_year => format!("{} {name} {}", date.day.unwrap_or(1), date.year),
        _ => format!("{} {name}", date.day.unwrap_or(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i64 {
        PartialDate::parse_iso(text).unwrap().first_day_number()
    }

    fn window(from: &str, to: &str) -> Window {
        Window::from_dates(&(
            PartialDate::parse_iso(from).unwrap(),
            PartialDate::parse_iso(to).unwrap(),
        ))
    }

    #[test]
    fn a_url_range_covers_whole_months() {
        let w = window("2022-10", "2024-10");
        assert_eq!(w.first_day, day("2022-10-01"));
        assert_eq!(w.last_day, day("2024-10-31"));
        assert_eq!(Window::from_dates(&w.to_dates()), w);
    }

    #[test]
    fn the_scale_maps_the_window_onto_the_drawing_area() {
        let scale = Scale {
            window: window("2024-01-01", "2024-01-10"),
            left: 100.0,
            right: 200.0,
        };
        assert_eq!(scale.x(day("2024-01-01") as f64), 100.0);
        assert_eq!(scale.x(day("2024-01-11") as f64), 200.0);
        assert_eq!(scale.x(day("2024-01-06") as f64), 150.0);
        assert_eq!(scale.clamp(-5.0), 100.0);
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place_and_respects_limits() {
        let w = window("2023-01-01", "2023-12-31");
        let anchor = day("2023-04-01") as f64;
        let zoomed = w.zoom(0.5, anchor);
        assert!((zoomed.days() - w.days() / 2).abs() <= 1);
        let share = |w: Window| (anchor - w.first_day as f64) / w.days() as f64;
        assert!((share(zoomed) - share(w)).abs() < 0.01);
        assert_eq!(w.zoom(0.0001, anchor).days(), MIN_DAYS);
        assert_eq!(w.zoom(1e6, anchor).days(), MAX_DAYS);
        let back = zoomed.zoom(2.0, anchor);
        assert!((back.days() - w.days()).abs() <= 1);
    }

    #[test]
    fn panning_moves_by_a_share_and_at_least_a_day() {
        let w = window("2023-01-01", "2023-01-20");
        assert_eq!(w.pan(0.25).first_day, w.first_day + 5);
        assert_eq!(w.pan(-0.25).last_day, w.last_day - 5);
        assert_eq!(w.pan(0.01).first_day, w.first_day + 1);
        assert_eq!(w.pan(0.25).days(), w.days());
    }

    #[test]
    fn short_windows_widen_to_a_week() {
        assert_eq!(Window::new(10, 10).days(), MIN_DAYS);
        assert_eq!(Window::new(20, 10), Window::new(10, 20));
    }

    #[test]
    fn default_window_pads_and_rounds_to_months() {
        let w = Window::around(day("2022-11-01"), day("2024-09-17"));
        let (start, end) = w.to_dates();
        assert_eq!(start.day, Some(1));
        assert!(start.first_day_number() < day("2022-11-01"));
        assert!(end.first_day_number() > day("2024-09-17"));
        assert_eq!(PartialDate::from_day_number(w.last_day + 1).day, Some(1));
    }

    fn labels(w: Window, max: usize) -> Vec<String> {
        ticks(w, max).into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn ticks_go_from_days_to_years_with_the_window() {
        assert_eq!(
            labels(window("2024-01-01", "2024-01-07"), 10),
            [
                "1 Jan 2024",
                "2 Jan",
                "3 Jan",
                "4 Jan",
                "5 Jan",
                "6 Jan",
                "7 Jan"
            ]
        );
        // Two months: Mondays.
        let weeks = ticks(window("2024-01", "2024-02"), 10);
        assert!(weeks
            .iter()
            .all(|t| PartialDate::from_day_number(t.day).weekday() == Some(0)));
        assert_eq!(weeks[0].label, "1 Jan 2024");
        assert_eq!(
            labels(window("2023-11", "2024-04"), 8),
            ["Nov 2023", "Dec", "Jan 2024", "Feb", "Mar", "Apr"]
        );
        assert_eq!(
            labels(window("2022-10", "2024-10"), 10),
            ["Oct 2022", "Jan 2023", "Apr", "Jul", "Oct", "Jan 2024", "Apr", "Jul", "Oct"]
        );
        assert_eq!(
            labels(window("1990", "2024"), 10),
            ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]
        );
        for (from, to) in [
            ("2024-01-01", "2024-01-07"),
            ("1900", "2099"),
            ("2020", "2024"),
        ] {
            let w = window(from, to);
            for max in [2, 5, 12] {
                let t = ticks(w, max);
                assert!(t.len() <= max, "{from}..{to} at {max}: {} ticks", t.len());
                assert!(t.iter().all(|t| w.overlaps(t.day, t.day)));
            }
        }
    }

    #[test]
    fn month_ends_cross_years() {
        assert_eq!(month_end(2024, 3, 2), day("2024-05-31"));
        assert_eq!(month_end(2023, 12, 2), day("2024-02-29"));
        assert_eq!(month_end(2024, 1, 0), day("2024-01-31"));
    }
}
