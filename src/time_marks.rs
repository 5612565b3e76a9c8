//! Time expressions in the reader: their resolved dates in words, and the
//! text cut into pieces so that each expression is one element while search
//! and claim highlights stay marked inside and around it.

use crate::search::split_highlights;
use crossread_corpus::date::MONTH_NAMES as MONTHS;
use std::ops::Range;

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// A TIMEX3 value in words: "22 March 2013", "March 2013", "week 11 of
/// 2013", "first quarter of 2013", "summer 2013", "2013", "the 1990s",
/// "the present"; "date not resolved" when there is none. A value of
/// another form is shown as written.
pub fn readable_date(value: Option<&str>) -> String {
    let Some(value) = value.map(str::trim) else {
        return "date not resolved".to_string();
    };
    match value {
        "" => return "date not resolved".to_string(),
        "PRESENT_REF" => return "the present".to_string(),
        "PAST_REF" => return "the past".to_string(),
        "FUTURE_REF" => return "the future".to_string(),
        _ => {}
    }
    readable_calendar(value).unwrap_or_else(|| value.to_string())
}

fn readable_calendar(value: &str) -> Option<String> {
    // A time of day after the date is not shown: the date is what is read.
    let date = value.split('T').next().unwrap_or(value);
    let mut parts = date.split('-');
    let first = parts.next()?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = first.parse().ok()?;
    let rest: Vec<&str> = parts.collect();
    match (first.len(), rest.as_slice()) {
        (2, []) => Some(format!("the {}", century(year + 1))),
        (3, []) => Some(format!("the {}0s", first)),
        (4, []) => Some(first.to_string()),
        (4, [second]) => {
            let numbered = |prefix: char| {
                second
                    .strip_prefix(prefix)
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|n| n.parse::<usize>().ok())
            };
            if let Some(week) = numbered('W') {
                return (1..=53)
                    .contains(&week)
                    .then(|| format!("week {week} of {first}"));
            }
            if let Some(quarter) = numbered('Q') {
                return (1..=4)
                    .contains(&quarter)
                    .then(|| format!("{} quarter of {first}", ORDINALS[quarter - 1]));
            }
            if let Some(half) = numbered('H') {
                return (1..=2)
                    .contains(&half)
                    .then(|| format!("{} half of {first}", ORDINALS[half - 1]));
            }
            let season = match *second {
                "SP" => Some("spring"),
                "SU" => Some("summer"),
                "FA" => Some("autumn"),
                "WI" => Some("winter"),
                _ => None,
            };
            if let Some(season) = season {
                return Some(format!("{season} {first}"));
            }
            Some(format!("{} {first}", month(second)?))
        }
        (4, [second, day]) => {
            let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(format!("{day} {} {first}", month(second)?))
        }
        _ => None,
    }
}

fn month(text: &str) -> Option<&'static str> {
    if text.len() != 2 {
        return None;
    }
    let number: usize = text.parse().ok()?;
    MONTHS.get(number.checked_sub(1)?).copied()
}

/// "20th century", "21st century".
fn century(number: u32) -> String {
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{number}{suffix} century")
}

/// A time expression as the reader marks it: where it stands in its text,
/// the id of the element holding its date in words, and that date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMark {
    pub range: Range<usize>,
    pub id: String,
    pub date: String,
}

/// A run of text: inside the `time`-th time expression or outside any,
/// cut into pieces that are highlighted or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// Index into the `times` given to [`split_times`].
    pub time: Option<usize>,
    pub pieces: Vec<(&'a str, bool)>,
}

/// Cuts `text` at its time expressions (`times`, byte ranges) and marks the
/// `highlights` (byte ranges) inside each cut, so a highlight that crosses
/// an expression's edge becomes one mark on each side and every element
/// nests. Ranges out of order, overlapping an earlier one, past the end or
/// not on character boundaries are left out; the pieces always join back
/// into `text`.
pub fn split_times<'a>(
    text: &'a str,
    times: &[Range<usize>],
    highlights: &[Range<usize>],
) -> Vec<Segment<'a>> {
    let times = usable(text, times.iter().cloned().enumerate());
    let highlights: Vec<Range<usize>> = usable(text, highlights.iter().cloned().enumerate())
        .into_iter()
        .map(|(_, range)| range)
        .collect();
    let mut cuts: Vec<(Option<usize>, Range<usize>)> = Vec::new();
    let mut at = 0;
    for (index, range) in times {
        if range.start > at {
            cuts.push((None, at..range.start));
        }
        at = range.end;
        cuts.push((Some(index), range));
    }
    if at < text.len() || cuts.is_empty() {
        cuts.push((None, at..text.len()));
    }
    cuts.into_iter()
        .map(|(time, cut)| {
            let inside: Vec<Range<usize>> = highlights
                .iter()
                .filter_map(|h| {
                    let (start, end) = (h.start.max(cut.start), h.end.min(cut.end));
                    (start < end).then(|| start - cut.start..end - cut.start)
                })
                .collect();
            Segment {
                time,
                pieces: split_highlights(&text[cut.clone()], &inside),
            }
        })
        .collect()
}

/// The ranges that can be cut: in order, not empty, within the text, on
/// character boundaries, and not overlapping an earlier one.
fn usable(
    text: &str,
    ranges: impl Iterator<Item = (usize, Range<usize>)>,
) -> Vec<(usize, Range<usize>)> {
    let mut kept = Vec::new();
    let mut at = 0;
    for (index, range) in ranges {
        let (start, end) = (range.start, range.end.min(text.len()));
        if start < at
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        at = end;
        kept.push((index, start..end));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        let cases = [
            (Some("2013-03-22"), "22 March 2013"),
            (Some("2013-03-02"), "2 March 2013"),
            (Some("2013-03-22T10:15"), "22 March 2013"),
            (Some("2013-03"), "March 2013"),
            (Some("2013-12"), "December 2013"),
            (Some("2013-W11"), "week 11 of 2013"),
            (Some("2013-W01"), "week 1 of 2013"),
            (Some("2013-Q1"), "first quarter of 2013"),
            (Some("2024-Q4"), "fourth quarter of 2024"),
            (Some("2013-H2"), "second half of 2013"),
            (Some("2013-SU"), "summer 2013"),
            (Some("2013-SP"), "spring 2013"),
            (Some("2013-FA"), "autumn 2013"),
            (Some("2013-WI"), "winter 2013"),
            (Some("2013"), "2013"),
            (Some("0987"), "0987"),
            (Some("199"), "the 1990s"),
            (Some("200"), "the 2000s"),
            (Some("19"), "the 20th century"),
            (Some("20"), "the 21st century"),
            (Some("PRESENT_REF"), "the present"),
            (Some("PAST_REF"), "the past"),
            (Some("FUTURE_REF"), "the future"),
            (None, "date not resolved"),
            (Some(""), "date not resolved"),
        ];
        for (value, words) in cases {
            assert_eq!(readable_date(value), words, "{value:?}");
        }
    }

    #[test]
    fn unknown_or_impossible_values_are_shown_as_written() {
        for value in [
            "2013-13",
            "2013-W60",
            "2013-Q5",
            "2013-03-40",
            "XXXX-03",
            "P3D",
        ] {
            assert_eq!(readable_date(Some(value)), value);
        }
    }

    fn joined(segments: &[Segment]) -> String {
        segments
            .iter()
            .flat_map(|s| s.pieces.iter().map(|p| p.0))
            .collect()
    }

    /// Each segment as `[time-index|text with *marks*]` or `text with *marks*`.
    fn shape(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                let inner: String = s
                    .pieces
                    .iter()
                    .map(|(t, marked)| {
                        if *marked {
                            format!("*{t}*")
                        } else {
                            t.to_string()
                        }
                    })
                    .collect();
                match s.time {
                    Some(i) => format!("[{i}|{inner}]"),
                    None => inner,
                }
            })
            .collect()
    }

    fn range(text: &str, words: &str) -> Range<usize> {
        let start = text.find(words).unwrap();
        start..start + words.len()
    }

    #[test]
    fn times_alone_become_their_own_segments() {
        let text = "On Tuesday the ministry said it would act by March 2014.";
        let times = [range(text, "Tuesday"), range(text, "March 2014")];
        let segments = split_times(text, &times, &[]);
        assert_eq!(
            shape(&segments),
            "On [0|Tuesday] the ministry said it would act by [1|March 2014]."
        );
        assert_eq!(joined(&segments), text);
    }

    #[test]
    fn a_claim_around_a_time_is_marked_on_each_side_and_inside() {
        let text = "Officials said. Drones were delivered in August 2022 to Crimea. Nothing else.";
        let times = [range(text, "August 2022")];
        let claim = [range(
            text,
            "Drones were delivered in August 2022 to Crimea.",
        )];
        let segments = split_times(text, &times, &claim);
        assert_eq!(
            shape(&segments),
            "Officials said. *Drones were delivered in *[0|*August 2022*]* to Crimea.* Nothing else."
        );
        assert_eq!(joined(&segments), text);
    }

    #[test]
    fn a_claim_that_ends_inside_a_time_is_cut_at_the_claim() {
        let text = "He came last week. He left on 3 May 2013 at noon.";
        // An expression that straddles the claim's end.
        let times = [range(text, "last week. He")];
        let claim = [range(text, "He came last week.")];
        let segments = split_times(text, &times, &claim);
        assert_eq!(
            shape(&segments),
            "*He came *[0|*last week.* He] left on 3 May 2013 at noon."
        );
        assert_eq!(joined(&segments), text);
    }

    #[test]
    fn search_matches_inside_a_time_stay_marked() {
        let text = "the summer of 2013 was dry";
        let times = [range(text, "the summer of 2013")];
        let matches = [range(text, "summer"), range(text, "dry")];
        assert_eq!(
            shape(&split_times(text, &times, &matches)),
            "[0|the *summer* of 2013] was *dry*"
        );
    }

    #[test]
    fn multi_byte_text_is_cut_on_characters() {
        let text = "«Le 22 mars 2013», a dit Zelenskyï — à Kyiv, le 1ᵉʳ avril.";
        let times = [range(text, "22 mars 2013"), range(text, "1ᵉʳ avril")];
        let claim = [range(text, "mars 2013», a dit Zelenskyï — à Kyiv, le 1ᵉʳ")];
        let segments = split_times(text, &times, &claim);
        assert_eq!(
            shape(&segments),
            "«Le [0|22 *mars 2013*]*», a dit Zelenskyï — à Kyiv, le *[1|*1ᵉʳ* avril]."
        );
        assert_eq!(joined(&segments), text);
        // A range cutting a character in two is left out, not a panic.
        let inside_guillemet = [Range { start: 1, end: 5 }];
        let segments = split_times(text, &inside_guillemet, &inside_guillemet);
        assert_eq!(shape(&segments), text);
    }

    #[test]
    fn bad_ranges_are_left_out_and_the_text_is_kept() {
        let text = "In 2013 and in 2014.";
        let times = [
            range(text, "2014"),
            range(text, "2013"), // before the previous: left out
            range(text, "2014."),
            5..5,   // empty
            18..99, // clipped to the end, but overlaps: left out
        ];
        let past_the_end = [Range { start: 40, end: 50 }];
        let segments = split_times(text, &times, &past_the_end);
        assert_eq!(shape(&segments), "In 2013 and in [0|2014].");
        assert_eq!(joined(&split_times("", &times, &times)), "");
        assert_eq!(shape(&split_times(text, &[], &[])), text);
    }

    #[test]
    fn the_time_index_is_the_position_in_the_given_list() {
        let text = "Monday, then Friday";
        let times = [0..0, range(text, "Monday"), range(text, "Friday")];
        let segments = split_times(text, &times, &[]);
        let indices: Vec<_> = segments.iter().filter_map(|s| s.time).collect();
        assert_eq!(indices, [1, 2]);
    }
}
