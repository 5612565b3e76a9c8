//! Quantities: every number with its value, what it counts and how
//! approximate it is ("approximately 1,000 additional weapons", "about 450
//! drones", "more than 300", "11 of the 14", "between 125 and 435 miles",
//! "several dozen", "millions of shells", "$1.5 billion", "3%").
//!
//! Why: outlets disagree most visibly on figures; the comparison view lines
//! them up. Years and days that belong to a time expression are left to
//! [`crate::time`] (the caller passes their spans to skip), and designations
//! such as "Su-35" are single words, not numbers.
//!
//! Vague quantities get a round value: "several dozen" 36 (3 x 12),
//! "dozens of" 24, "hundreds of" 200, "thousands of" 2,000, "millions of"
//! 2,000,000 (a plural of a scale word means at least two of them), with
//! `approx: vague`.

use crate::document::{Approx, Number};
use crate::text::{Tok, TokKind};

fn small_number(word: &str) -> Option<f64> {
    Some(match word {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1000.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Plural scale words used vaguely: "hundreds of", "millions of".
fn vague_plural(word: &str) -> Option<f64> {
    Some(match word {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2000.0,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

const UNIT_STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "that",
    "which",
    "who",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "per",
    "or",
    "the",
    "a",
    "an",
    "than",
    "as",
    "since",
    "into",
    "during",
    "such",
    "but",
    "while",
    "when",
    "where",
    "be",
    "been",
    "being",
    "and",
    "if",
    "so",
    "including",
    "out",
    "over",
    "under",
    "before",
    "after",
    "against",
];

fn parse_digits(text: &str) -> Option<f64> {
    text.replace(',', "").parse::<f64>().ok()
}

/// Every number in a paragraph's `tokens` outside the `skip` ranges (byte
/// ranges of `text`, such as dates): digits or number words, with what
/// qualifies them ("more than", "between … and …", "11 of 14", "%") and
/// what they count.
pub fn find(paragraph: usize, text: &str, tokens: &[Tok], skip: &[(usize, usize)]) -> Vec<Number> {
    let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let skipped = |t: &Tok| skip.iter().any(|&(s, e)| t.start < e && t.end > s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = (!skipped(&tokens[i]))
            .then(|| number_at(tokens, &words, i))
            .flatten();
        let Some(core) = found else {
            i += 1;
            continue;
        };
        let span = qualified(tokens, &words, i, core);
        i = span.after.max(i + 1);
        out.push(span.number(paragraph, text, tokens, &words));
    }
    out
}

/// A number's own words: its value, how exact it is, and the token after it.
#[derive(Clone, Copy)]
struct Core {
    value: f64,
    approx: Approx,
    after: usize,
}

/// The number starting at token `i`, if one does.
fn number_at(tokens: &[Tok], words: &[String], i: usize) -> Option<Core> {
    if tokens[i].kind == TokKind::Number {
        digits_at(tokens, words, i)
    } else if starts_vague(words, i) {
        vague_at(words, i)
    } else {
        word_number_at(tokens, words, i)
    }
}

/// Whether token `i` starts one of [`vague_at`]'s forms (which then
/// decides alone, even when the form is incomplete).
fn starts_vague(words: &[String], i: usize) -> bool {
    let next = |k: usize| words.get(i + k).map(String::as_str);
    match words[i].as_str() {
        "several" => true,
        "a" => matches!(next(1), Some("few" | "dozen")),
        "tens" => next(1) == Some("of") && next(2).and_then(vague_plural).is_some(),
        w => vague_plural(w).is_some(),
    }
}

/// Digits, with a scale word after them ("3.5 million"); not a numero
/// ("No. 4") or an ordinal ("21st").
fn digits_at(tokens: &[Tok], words: &[String], i: usize) -> Option<Core> {
    let t = tokens[i];
    let prev = if i > 0 { words[i - 1].as_str() } else { "" };
    let ordinal = tokens
        .get(i + 1)
        .is_some_and(|n| n.start == t.end && matches!(n.text, "st" | "nd" | "rd" | "th"));
    if prev == "no." || ordinal {
        return None;
    }
    let mut core = Core {
        value: parse_digits(t.text)?,
        approx: Approx::Exact,
        after: i + 1,
    };
    if let Some(s) = words.get(i + 1).and_then(|n| scale(n)) {
        core.value *= s;
        core.after = i + 2;
    }
    Some(core)
}

/// Vague amounts: "several thousand", "a few hundred", "a dozen",
/// "hundreds of", "tens of thousands of".
fn vague_at(words: &[String], i: usize) -> Option<Core> {
    let w = words[i].as_str();
    let next = |k: usize| words.get(i + k).map(String::as_str);
    let core = |value: f64, approx: Approx, after: usize| Core {
        value,
        approx,
        after,
    };
    if w == "several" || w == "a" && next(1) == Some("few") {
        let k = if w == "a" { i + 2 } else { i + 1 };
        let s = words.get(k).and_then(|n| scale(n))?;
        return Some(core(3.0 * s, Approx::Vague, k + 1));
    }
    if w == "a" && next(1) == Some("dozen") {
        return Some(core(12.0, Approx::About, i + 2));
    }
    if let Some(v) = vague_plural(w) {
        return (next(1) == Some("of")).then(|| core(v, Approx::Vague, i + 2));
    }
    if w == "tens" && next(1) == Some("of") {
        let v = next(2).and_then(vague_plural)?;
        let after = if next(3) == Some("of") { i + 4 } else { i + 3 };
        return Some(core(v * 10.0, Approx::Vague, after));
    }
    None
}

/// A number word ("three", "twelve million"), lower case or starting a
/// sentence; "hundred", "thousand" and "dozen" alone are not numbers.
fn word_number_at(tokens: &[Tok], words: &[String], i: usize) -> Option<Core> {
    let t = tokens[i];
    let w = words[i].as_str();
    let placed = t.is_word() && !t.is_capitalised() || i == 0 || tokens[i - 1].is(".");
    let v = small_number(w).filter(|_| placed)?;
    if matches!(w, "hundred" | "thousand" | "dozen") {
        return None;
    }
    Some(match words.get(i + 1).and_then(|n| scale(n)) {
        Some(s) => Core {
            value: v * s,
            approx: Approx::Exact,
            after: i + 2,
        },
        None => Core {
            value: v,
            approx: Approx::Exact,
            after: i + 1,
        },
    })
}

/// A number with its qualifiers: tokens `first..after`.
struct Span {
    first: usize,
    after: usize,
    value: f64,
    approx: Approx,
    max: Option<f64>,
    of_total: Option<f64>,
    unit: String,
}

/// Words that qualify a number before it, and how.
const APPROXIMATORS: &[(&str, Approx)] = &[
    ("more than", Approx::AtLeast),
    ("at least", Approx::AtLeast),
    ("upwards of", Approx::AtLeast),
    ("in excess of", Approx::AtLeast),
    ("fewer than", Approx::AtMost),
    ("less than", Approx::AtMost),
    ("up to", Approx::AtMost),
    ("as many as", Approx::AtMost),
    ("an estimated", Approx::About),
    ("approximately", Approx::About),
    ("about", Approx::About),
    ("around", Approx::About),
    ("roughly", Approx::About),
    ("some", Approx::About),
    ("nearly", Approx::AtMost),
    ("almost", Approx::AtMost),
    ("over", Approx::AtLeast),
    ("between", Approx::Range),
];

/// The number at `i` with what stands around it: a currency sign and an
/// approximator before it; a range, "of 14" and a percent sign after it.
fn qualified(tokens: &[Tok], words: &[String], i: usize, core: Core) -> Span {
    let mut span = Span {
        first: i,
        after: core.after,
        value: core.value,
        approx: core.approx,
        max: None,
        of_total: None,
        unit: String::new(),
    };
    currency_before(tokens, &mut span);
    approximator_before(words, &mut span);
    range_after(tokens, words, &mut span);
    total_after(tokens, words, &mut span);
    percent_after(tokens, words, &mut span);
    span
}

/// "$", "€" or "£" just before the number.
fn currency_before(tokens: &[Tok], span: &mut Span) {
    let Some(sign) = span.first.checked_sub(1).map(|k| tokens[k].text) else {
        return;
    };
    let unit = match sign {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        _ => return,
    };
    span.unit = unit.to_string();
    span.first -= 1;
}

/// "more than", "about", "between" … just before the number (or its sign).
fn approximator_before(words: &[String], span: &mut Span) {
    let before = |n: usize| (span.first >= n).then(|| words[span.first - n..span.first].join(" "));
    for &(phrase, kind) in APPROXIMATORS {
        let n = phrase.split(' ').count();
        if before(n).as_deref() == Some(phrase) {
            span.first -= n;
            if span.approx == Approx::Exact {
                span.approx = kind;
            }
            return;
        }
    }
}

/// Ranges: "between 125 and 435", "125 to 435", "125-435" (a scale word
/// after the second end applies to both when the first is small).
fn range_after(tokens: &[Tok], words: &[String], span: &mut Span) {
    let after = span.after;
    let range_word = words.get(after).map(String::as_str);
    let other_end = tokens
        .get(after + 1)
        .filter(|n| n.kind == TokKind::Number)
        .and_then(|n| parse_digits(n.text));
    let joined = matches!(range_word, Some("and" | "to" | "-" | "–"))
        && (span.approx == Approx::Range || range_word != Some("and"));
    match other_end.filter(|_| joined) {
        Some(max) => {
            span.max = Some(max);
            span.approx = Approx::Range;
            span.after += 2;
            if let Some(s) = words.get(span.after).and_then(|n| scale(n)) {
                span.max = Some(max * s);
                if span.value < 1000.0 {
                    span.value *= s;
                }
                span.after += 1;
            }
        }
        // "between" with no second end: not part of the number.
        None if span.approx == Approx::Range => {
            span.approx = Approx::Exact;
            span.first += 1;
        }
        None => {}
    }
}

/// "11 of the 14", "11 of 14".
fn total_after(tokens: &[Tok], words: &[String], span: &mut Span) {
    let after = span.after;
    if words.get(after).is_none_or(|w| w != "of") {
        return;
    }
    let k = if words.get(after + 1).is_some_and(|w| w == "the") {
        after + 2
    } else {
        after + 1
    };
    if let Some(total) = tokens
        .get(k)
        .filter(|n| n.kind == TokKind::Number)
        .and_then(|n| parse_digits(n.text))
    {
        span.of_total = Some(total);
        span.after = k + 1;
    }
}

/// "%", "percent", "per cent".
fn percent_after(tokens: &[Tok], words: &[String], span: &mut Span) {
    let word = |k: usize| words.get(span.after + k).map(String::as_str);
    if tokens.get(span.after).is_some_and(|n| n.is("%")) || word(0) == Some("percent") {
        span.unit = "%".into();
        span.after += 1;
    } else if word(0) == Some("per") && word(1) == Some("cent") {
        span.unit = "%".into();
        span.after += 2;
    }
}

impl Span {
    /// The number found, with what it counts unless it is a percentage.
    fn number(mut self, paragraph: usize, text: &str, tokens: &[Tok], words: &[String]) -> Number {
        let mut counts = String::new();
        if self.unit != "%" {
            let run = counted_run(tokens, words, self.after, self.value);
            if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
                if self.unit.is_empty() {
                    self.unit = words[last].clone();
                }
                counts = text
                    .get(tokens[first].start..tokens[last].end)
                    .unwrap_or_default()
                    .to_string();
            }
        }
        let start = tokens[self.first].start;
        let end = tokens[self.after.saturating_sub(1).max(self.first)].end;
        Number {
            text: text.get(start..end).unwrap_or_default().to_string(),
            value: self.value,
            unit: self.unit,
            counts,
            approx: self.approx,
            max: self.max,
            of_total: self.of_total,
            paragraph,
            start,
            end,
        }
    }
}

/// What a number counts: up to four words after it, stopping at a stop
/// word or a verb form, ending on its head (the last plural unless the
/// number is one). The tokens of that run, the head last.
fn counted_run(tokens: &[Tok], words: &[String], after: usize, value: f64) -> Vec<usize> {
    let mut k = after;
    let mut run: Vec<usize> = Vec::new();
    while k < tokens.len() && run.len() < 4 {
        let stop = !tokens[k].is_word() || UNIT_STOP.contains(&words[k].as_str());
        // "and" between capitalised names goes on ("Iran and Syria").
        let joins = words[k] == "and"
            && !run.is_empty()
            && tokens.get(k + 1).is_some_and(|n| n.is_capitalised());
        if stop && !joins {
            break;
        }
        run.push(k);
        k += 1;
    }
    if let Some(verb) = run
        .iter()
        .skip(1)
        .position(|&r| words[r].ends_with("ed") || words[r].ends_with("ing"))
    {
        run.truncate(verb + 1);
    }
    while run.last().is_some_and(|&r| words[r] == "and") {
        run.pop();
    }
    let plural =
        |r: &usize| words[*r].ends_with('s') && !words[*r].ends_with("ss") && words[*r].len() > 2;
    let head = if value != 1.0 {
        run.iter().rposition(plural)
    } else {
        None
    }
    .or_else(|| run.len().checked_sub(1));
    match head {
        Some(h) => run[..=h].to_vec(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn numbers(text: &str) -> Vec<Number> {
        find(0, text, &tokenize(text), &[])
    }

    fn one(text: &str) -> (String, f64, String, Approx) {
        let n = numbers(text).into_iter().next().expect("a number");
        (n.text, n.value, n.unit, n.approx)
    }

    #[test]
    fn approximators_are_kept_with_the_value() {
        assert_eq!(
            one("It will send approximately 1,000 additional weapons, officials said."),
            (
                "approximately 1,000".into(),
                1000.0,
                "weapons".into(),
                Approx::About
            )
        );
        assert_eq!(
            one("The shipment held about 450 drones."),
            ("about 450".into(), 450.0, "drones".into(), Approx::About)
        );
        assert_eq!(
            one("They shot down more than 300 Iranian drones."),
            (
                "more than 300".into(),
                300.0,
                "drones".into(),
                Approx::AtLeast
            )
        );
    }

    #[test]
    fn parts_ranges_and_vague_quantities() {
        let n = numbers("Although 11 of the 14 drones were shot down, it went on.");
        assert_eq!(
            (n[0].value, n[0].of_total, n[0].unit.as_str()),
            (11.0, Some(14.0), "drones")
        );
        let n = numbers("They have a range between 125 and 435 miles.");
        assert_eq!(
            (n[0].value, n[0].max, n[0].unit.as_str(), n[0].approx),
            (125.0, Some(435.0), "miles", Approx::Range)
        );
        assert_eq!(
            one("It received several dozen short-range ballistic missiles."),
            (
                "several dozen".into(),
                36.0,
                "missiles".into(),
                Approx::Vague
            )
        );
        assert_eq!(
            one("It sent millions of shells to the front."),
            ("millions of".into(), 2e6, "shells".into(), Approx::Vague)
        );
        assert_eq!(
            one("Tens of thousands of people marched."),
            (
                "Tens of thousands of".into(),
                20000.0,
                "people".into(),
                Approx::Vague
            )
        );
    }

    #[test]
    fn money_percent_and_scale_words() {
        assert_eq!(
            one("The fund lent $1.5 billion to the port."),
            ("$1.5 billion".into(), 1.5e9, "USD".into(), Approx::Exact)
        );
        assert_eq!(
            one("Turnout rose 3% on Sunday."),
            ("3%".into(), 3.0, "%".into(), Approx::Exact)
        );
        assert_eq!(
            one("Inflation hit 12 per cent."),
            ("12 per cent".into(), 12.0, "%".into(), Approx::Exact)
        );
    }

    #[test]
    fn word_numbers_and_capitalised_nouns() {
        let n = numbers("According to five U.S. and NATO officials familiar with the matter.");
        assert_eq!((n[0].value, n[0].unit.as_str()), (5.0, "officials"));
    }

    #[test]
    fn skipped_spans_and_ordinals_are_not_quantities() {
        let text = "On February 24, 2022 the 1st wave hit No. 10.";
        assert!(find(0, text, &tokenize(text), &[(3, 20)]).is_empty());
    }
}
