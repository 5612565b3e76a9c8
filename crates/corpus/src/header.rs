//! Article metadata printed in the page header: datelines and bylines.
//! Sites print them in many shapes; these parsers accept the common ones and
//! refuse anything that holds more than a date or a list of names, so a body
//! sentence that happens to contain a date is never mistaken for a dateline.

use crate::date::{month_from_name, zone_offset, PartialDate};

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
/// Month names of datelines in other languages news sites print in
/// (German, French, Spanish, Italian, Portuguese, Dutch, Polish in its
/// genitive), month 1 first; also read by `parse_dateline`.
const MONTHS_ELSEWHERE: &[&[&str]] = &[
    &[
        "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari", "stycznia",
    ],
    &[
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "lutego",
    ],
    &[
        "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca",
    ],
    &["april", "avril", "abril", "aprile", "kwietnia"],
    &["mai", "mayo", "maggio", "maio", "mei", "maja"],
    &["juni", "juin", "junio", "giugno", "junho", "czerwca"],
    &["juli", "juillet", "julio", "luglio", "julho", "lipca"],
    &["august", "août", "aout", "agosto", "augustus", "sierpnia"],
    &[
        "september",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "września",
        "wrzesnia",
    ],
    &[
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "października",
        "pazdziernika",
    ],
    &["november", "novembre", "noviembre", "novembro", "listopada"],
    &[
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "grudnia",
    ],
];

/// Weekdays and the words around a date in those languages' datelines
/// ("Veröffentlicht am Donnerstag, 31. Mai 2012 um 10:15 Uhr", "publié le
/// 3 mars 2023", "31 de mayo de 2012", "opublikowano: 16 marca 2021").
const DATELINE_WORDS_ELSEWHERE: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    "am",
    "um",
    "uhr",
    "vom",
    "publié",
    "publiée",
    "mis",
    "à",
    "jour",
    "le",
    "h",
    "publicado",
    "actualizado",
    "el",
    "de",
    "del",
    "a",
    "las",
    "pubblicato",
    "aggiornato",
    "il",
    "alle",
    "ore",
    "gepubliceerd",
    "bijgewerkt",
    "op",
    "om",
    "opublikowano",
    "aktualizacja",
    "dnia",
    "godz",
];

/// A month named in another language's dateline.
fn month_elsewhere(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS_ELSEWHERE
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .map(|index| index as u8 + 1)
}

const DATELINE_FILLERS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "|",
    "-",
    "•",
    "·",
    "@",
    "et",
    "–",
    "—",
    "first",
    "created",
    "time",
    "hrs",
    "release",
];

/// A word a dateline may hold besides its date and time: a weekday, a
/// filler ("Updated", "at"), such a word in another language, or a zone
/// the table does not know after a clock.
fn is_dateline_word(token: &str, lower: &str, after_clock: bool) -> bool {
    WEEKDAYS.contains(&lower.trim_end_matches('.'))
        || DATELINE_FILLERS.contains(&lower)
        || DATELINE_WORDS_ELSEWHERE.contains(&lower.trim_end_matches(['.', ':']))
        || (after_clock && is_unknown_zone(token))
}

/// Rule `UnknownZone`: after a clock, two to five capitals that name no
/// month or weekday are a time zone the table does not know ("IST",
/// "HKT", "AKDT", "PT"): the line is still a dateline, its time has no
/// offset (an abbreviation like "IST" names several zones).
fn is_unknown_zone(token: &str) -> bool {
    (2..=5).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parses a line that holds only a date (and optionally a time, a zone,
/// a weekday and words such as "Published"), e.g. `MARCH 3, 2023, 12:36 PM`,
/// `1:36 PM EST, January 4, 2024`, `Updated 10:02 AM EDT, Tue March 5, 2024`,
/// `2024-09-17`, `1/17/2023`.
pub fn parse_dateline(line: &str) -> Option<PartialDate> {
    if let Some(date) = PartialDate::parse_iso(line) {
        return Some(date);
    }
    let tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.to_string())
        .collect();
    if tokens.is_empty() || tokens.len() > 12 {
        return None;
    }
    let (mut year, mut month, mut day) = (None, None, None);
    let (mut clock, mut pm, mut am, mut offset) = (None, false, false, None);
    for token in &tokens {
        // "Published:", "Posted:" label the date; a closing full stop ends
        // the line ("1:35 pm.").
        let token = token
            .strip_suffix(':')
            .filter(|t| !t.is_empty())
            .unwrap_or(token);
        let token = token
            .strip_suffix('.')
            .filter(|t| t.bytes().any(|b| b.is_ascii_digit()) || matches!(*t, "am" | "pm"))
            .unwrap_or(token);
        let lower = token.to_lowercase();
        let alphabetic = token.chars().all(|c| c.is_alphabetic() || c == '.');
        if let Some(m) =
            (month_from_name(token).or_else(|| month_elsewhere(token))).filter(|_| alphabetic)
        {
            month = Some(m);
        } else if let Some((h, m, half)) = parse_clock_with_half(token) {
            clock = Some((h, m));
            pm |= half == Some(true);
            am |= half == Some(false);
        } else if let Some((y, m, d)) = parse_slashed(token).or_else(|| parse_dotted(token)) {
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()) {
            year = token.parse().ok();
        } else if let Some(d) = day_of_month(token) {
            day = Some(d);
        } else if lower == "pm" || lower == "p.m." {
            pm = true;
        } else if lower == "am" || lower == "a.m." {
            am = true;
        } else if let Some(zone) = zone_offset(token) {
            offset = Some(zone);
        } else if !is_dateline_word(token, &lower, clock.is_some()) {
            return None;
        }
    }
    let date = PartialDate::day(year?, month?, day?)?;
    let Some((hour, minute)) = clock else {
        return Some(date);
    };
    let hour = match (hour, pm, am) {
        (12, false, true) => 0,
        (h, true, _) if h < 12 => h + 12,
        (h, _, _) => h,
    };
    let mut timed = date.with_time(hour, minute)?;
    timed.offset_minutes = offset;
    Some(timed)
}

fn parse_clock(token: &str) -> Option<(u8, u8)> {
    let (h, m) = token.split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// `19:17`, or a clock with its half of the day glued on: `8:13am`,
/// `5:03p` (`Some(true)` for p.m.).
fn parse_clock_with_half(token: &str) -> Option<(u8, u8, Option<bool>)> {
    let lower = token.to_ascii_lowercase();
    for (suffix, pm) in [("am", false), ("a", false), ("pm", true), ("p", true)] {
        if let Some(clock) = lower.strip_suffix(suffix) {
            let (h, m) = parse_clock(clock)?;
            return (1..=12).contains(&h).then_some((h, m, Some(pm)));
        }
    }
    parse_clock(token).map(|(h, m)| (h, m, None))
}

/// `3`, `03`, `18th`, `2nd`, `31.` (as German prints it).
fn day_of_month(token: &str) -> Option<u8> {
    let lower = token.to_ascii_lowercase();
    let lower = lower.strip_suffix('.').unwrap_or(&lower);
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(lower);
    if !(1..=2).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `1/17/2023` or `1/17/23` (month first, as US sites print it; a
/// two-digit year is this century's).
fn parse_slashed(token: &str) -> Option<(i32, u8, u8)> {
    let mut parts = token.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !matches!(y.len(), 2 | 4) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let year = if y.len() == 2 { 2000 + year } else { year };
    Some((year, m.parse().ok()?, d.parse().ok()?))
}

/// `31.05.2012` (day first, as most of Europe prints it).
fn parse_dotted(token: &str) -> Option<(i32, u8, u8)> {
    let mut parts = token.trim_end_matches('.').split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&d.len()) {
        return None;
    }
    let (day, month): (u8, u8) = (d.parse().ok()?, m.parse().ok()?);
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((y.parse().ok()?, month, day))
}

/// Names in a byline: "By Jane Doe", "By Jane Doe and John Roe",
/// "By Jane Doe, Reuters" (the part after the comma is not a name).
pub fn parse_by_line(line: &str) -> Option<Vec<String>> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    byline_names(rest)
}

/// The names after a byline's "By": up to a comma or a bar, split at
/// "and" and "&", each reading as a name.
fn byline_names(rest: &str) -> Option<Vec<String>> {
    let rest = rest.split([',', '|']).next().unwrap_or("");
    let names: Vec<String> = rest
        .split(" and ")
        .flat_map(|part| part.split(" & "))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    (!names.is_empty() && names.iter().all(|name| looks_like_name(name))).then_some(names)
}

/// A byline that may carry the date after the names, with a separator or
/// none: "By Jane Doe | Fri, 25 Aug, 2023 - 19:17", "By Jane Doe, August
/// 25, 2023", "By Jane DoeAugust 25, 2023" (a capture that lost the break
/// between two blocks); or the date first, as blogs print it ("Posted on
/// 3 October 2031 by Ruth Calder").
pub fn parse_byline_with_date(line: &str) -> Option<(Vec<String>, Option<PartialDate>)> {
    if let Some(found) = parse_date_then_byline(line) {
        return Some(found);
    }
    let line = unglue_dates(line);
    let words: Vec<&str> = line.split_whitespace().collect();
    for k in 2..words.len() {
        if let Some(date) = parse_dateline(&words[k..].join(" ")) {
            let names = words[..k]
                .join(" ")
                .trim_end_matches(|c: char| {
                    matches!(c, ',' | '|' | '-' | '•' | '·') || c.is_whitespace()
                })
                .to_string();
            return parse_by_line(&names).map(|n| (n, Some(date)));
        }
    }
    parse_by_line(&line).map(|n| (n, None))
}

/// A dateline, then the byline: "Posted on 3 October 2031 by Ruth
/// Calder", the line blogs print under the title ("by", "By" or "BY").
fn parse_date_then_byline(line: &str) -> Option<(Vec<String>, Option<PartialDate>)> {
    let at = [" by ", " By ", " BY "]
        .iter()
        .filter_map(|by| line.rfind(by))
        .max()?;
    let date = parse_dateline(&line[..at])?;
    let names = byline_names(line[at + 4..].trim())?;
    Some((names, Some(date)))
}

/// Puts a space before a month or weekday name glued to the word before
/// it ("DoeAugust" → "Doe August").
fn unglue_dates(line: &str) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = String::with_capacity(line.len() + 4);
    for (k, &(at, c)) in chars.iter().enumerate() {
        let glued = k > 0 && chars[k - 1].1.is_lowercase() && c.is_uppercase() && {
            let word: String = line[at..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            month_from_name(&word).is_some() || WEEKDAYS.contains(&word.to_lowercase().as_str())
        };
        if glued {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// An aggregator byline: `Outlet 1/17/2023 Author Name`.
pub struct AggregatorByline {
    pub outlet: String,
    pub published: PartialDate,
    pub authors: Vec<String>,
}

pub fn parse_aggregator_byline(line: &str) -> Option<AggregatorByline> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| parse_slashed(w).is_some())?;
    let (y, m, d) = parse_slashed(words[at])?;
    let outlet = words[..at].join(" ");
    let author = words[at + 1..].join(" ");
    let authors: Vec<String> = author
        .split(" and ")
        .map(str::to_string)
        .filter(|a| !a.is_empty())
        .collect();
    let outlet_ok = (1..=4).contains(&at)
        && words[..at]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (outlet_ok && authors.iter().all(|a| looks_like_name(a))).then(|| AggregatorByline {
        outlet,
        published: PartialDate::day(y, m, d).unwrap_or(PartialDate::year(y)),
        authors,
    })
}

/// Two to four capitalised words, allowing initials and particles.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "van" | "von" | "al" | "bin" | "da")
        })
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(line: &str) -> Option<String> {
        parse_dateline(line).map(|d| d.to_string())
    }

    #[test]
    fn datelines_in_other_languages() {
        assert_eq!(
            iso("Donnerstag, 31. Mai 2012").as_deref(),
            Some("2012-05-31")
        );
        assert_eq!(
            iso("Veröffentlicht am 31.05.2012 um 14:15 Uhr").as_deref(),
            Some("2012-05-31T14:15")
        );
        assert_eq!(iso("publié le 3 mars 2023").as_deref(), Some("2023-03-03"));
        assert_eq!(iso("31 de mayo de 2012").as_deref(), Some("2012-05-31"));
        assert_eq!(
            iso("opublikowano: 16 marca 2021").as_deref(),
            Some("2021-03-16")
        );
        assert_eq!(iso("giovedì 4 aprile 2024").as_deref(), Some("2024-04-04"));
        // A sentence with a date in it is no dateline, in any language.
        assert_eq!(iso("Am 31. Mai 2012 trat der Rat zusammen"), None);
        assert_eq!(iso("Le 3 mars 2023, le maire a démissionné"), None);
        // Day first only with dots; an impossible month is no date.
        assert_eq!(iso("12.31.2012"), None);
    }

    #[test]
    fn datelines_in_site_formats() {
        assert_eq!(
            iso("MARCH 3, 2023, 12:36 PM").as_deref(),
            Some("2023-03-03T12:36")
        );
        assert_eq!(
            iso("1:36 PM EST, January 4, 2024").as_deref(),
            Some("2024-01-04T13:36-05:00")
        );
        assert_eq!(
            iso("Updated 10:02 AM EDT, Tue March 5, 2024").as_deref(),
            Some("2024-03-05T10:02-04:00")
        );
        assert_eq!(iso("Published 12 June 2021").as_deref(), Some("2021-06-12"));
        assert_eq!(iso("2024-09-17").as_deref(), Some("2024-09-17"));
        assert_eq!(
            iso("12:05 AM, Sept. 6, 2022").as_deref(),
            Some("2022-09-06T00:05")
        );
    }

    #[test]
    fn weekday_day_month_year_and_a_dashed_clock() {
        assert_eq!(
            iso("Fri, 25 Aug, 2023 - 19:17").as_deref(),
            Some("2023-08-25T19:17")
        );
    }

    #[test]
    fn a_date_after_a_byline_is_read_with_or_without_a_break() {
        for line in [
            "By Jane Doe | Fri, 25 Aug, 2023 - 19:17",
            "By Jane Doe, August 25, 2023",
            "By Jane DoeFri, 25 Aug, 2023 - 19:17",
        ] {
            let (names, date) = parse_byline_with_date(line).unwrap();
            assert_eq!(names, ["Jane Doe"], "{line}");
            assert_eq!(
                date.map(|d| d.date_only().to_string()).as_deref(),
                Some("2023-08-25"),
                "{line}"
            );
        }
        let (names, date) = parse_byline_with_date("By Ana Lima and Tom Reed").unwrap();
        assert_eq!(names, ["Ana Lima", "Tom Reed"]);
        assert_eq!(date, None);
    }

    #[test]
    fn labelled_ordinal_and_short_forms() {
        for (line, want) in [
            (
                "Posted: Mar 04, 2019 10:15 PM CEST",
                "2019-03-04T22:15+02:00",
            ),
            (
                "PUBLISHED: MONDAY, JUNE 3, 2019, 4:20 PM",
                "2019-06-03T16:20",
            ),
            ("October 21st, 2019, 06:45 GMT", "2019-10-21T06:45+00:00"),
            (
                "2 October 2013, 15:39 (GMT+05:00)",
                "2013-10-02T15:39+05:00",
            ),
            (
                "Tuesday June 4, 2019 @ 9:05am PDT",
                "2019-06-04T09:05-07:00",
            ),
            ("on Nov 18 2019, 7:12p", "2019-11-18T19:12"),
            ("11/18/19 08:30 PM ET", "2019-11-18T20:30"),
            ("11:02 AM, WED 5 JUN 2019", "2019-06-05T11:02"),
        ] {
            assert_eq!(iso(line).as_deref(), Some(want), "{line}");
        }
        // An ordinal needs a month and a year to be a date.
        assert_eq!(iso("21st century"), None);
        assert_eq!(iso("Score: 3"), None);
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_dateline() {
        assert_eq!(iso("Talks resumed on March 3, 2023 in Geneva."), None);
        assert_eq!(iso("March 2023"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            parse_by_line("By Robbie Gramer").unwrap(),
            ["Robbie Gramer"]
        );
        assert_eq!(
            parse_by_line("By Jane Doe and John Roe, Reuters").unwrap(),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(parse_by_line("By the end of the year, prices rose"), None);
    }

    #[test]
    fn aggregator_byline() {
        let byline = parse_aggregator_byline("Newsweek 1/17/2023 David Brennan").unwrap();
        assert_eq!(byline.outlet, "Newsweek");
        assert_eq!(byline.published.to_string(), "2023-01-17");
        assert_eq!(byline.authors, ["David Brennan"]);
        assert!(parse_aggregator_byline("Prices rose 5% on 1/17/2023 after the vote").is_none());
    }
}
