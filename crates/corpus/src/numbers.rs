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

/// Finds the quantities in a paragraph. `skip` are byte ranges (time
/// expressions) whose numbers are not quantities.
pub fn find(paragraph: usize, text: &str, tokens: &[Tok], skip: &[(usize, usize)]) -> Vec<Number> {
    let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let skipped = |t: &Tok| skip.iter().any(|&(s, e)| t.start < e && t.end > s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if skipped(&t) {
            i += 1;
            continue;
        }
        let w = words[i].as_str();
        // (value, first token of the number, token after it, approx)
        let mut value: Option<f64> = None;
        let mut approx = Approx::Exact;
        let mut after = i + 1;
        if t.kind == TokKind::Number {
            let prev = if i > 0 { words[i - 1].as_str() } else { "" };
            let ordinal = tokens
                .get(i + 1)
                .is_some_and(|n| n.start == t.end && matches!(n.text, "st" | "nd" | "rd" | "th"));
            if prev == "no." || ordinal {
                i += 1;
                continue;
            }
            value = parse_digits(t.text);
            if let Some(s) = words.get(i + 1).and_then(|n| scale(n)) {
                value = value.map(|v| v * s);
                after = i + 2;
            }
        } else if w == "several" || w == "a" && words.get(i + 1).is_some_and(|n| n == "few") {
            let k = if w == "a" { i + 2 } else { i + 1 };
            if let Some(s) = words.get(k).and_then(|n| scale(n)) {
                value = Some(3.0 * s);
                approx = Approx::Vague;
                after = k + 1;
            }
        } else if w == "a" && words.get(i + 1).is_some_and(|n| n == "dozen") {
            value = Some(12.0);
            approx = Approx::About;
            after = i + 2;
        } else if let Some(v) = vague_plural(w) {
            if words.get(i + 1).is_some_and(|n| n == "of") {
                value = Some(v);
                approx = Approx::Vague;
                after = i + 2;
                // "tens of thousands of"
            }
        } else if w == "tens"
            && words.get(i + 1).is_some_and(|n| n == "of")
            && words.get(i + 2).and_then(|n| vague_plural(n)).is_some()
        {
            value = words
                .get(i + 2)
                .and_then(|n| vague_plural(n))
                .map(|v| v * 10.0);
            approx = Approx::Vague;
            after = if words.get(i + 3).is_some_and(|n| n == "of") {
                i + 4
            } else {
                i + 3
            };
        } else if let Some(v) = small_number(w)
            .filter(|_| t.is_word() && !t.is_capitalised() || i == 0 || tokens[i - 1].is("."))
        {
            if w != "hundred" && w != "thousand" && w != "dozen" {
                value = Some(v);
                if let Some(s) = words.get(i + 1).and_then(|n| scale(n)) {
                    value = Some(v * s);
                    after = i + 2;
                }
            }
        }
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        let mut first = i;
        let mut max = None;
        let mut of_total = None;
        // Prefixes: currency, approximators, "between".
        let mut unit = String::new();
        if first > 0 && matches!(tokens[first - 1].text, "$" | "€" | "£") {
            unit = match tokens[first - 1].text {
                "$" => "USD",
                "€" => "EUR",
                _ => "GBP",
            }
            .to_string();
            first -= 1;
        }
        let before =
            |k: usize, n: usize| -> Option<String> { (k >= n).then(|| words[k - n..k].join(" ")) };
        for (phrase, kind) in [
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
        ] {
            let n = phrase.split(' ').count();
            if before(first, n).as_deref() == Some(phrase) {
                first -= n;
                if approx == Approx::Exact {
                    approx = kind;
                }
                break;
            }
        }
        // Ranges: "between 125 and 435", "125 to 435", "125-435".
        let range_word = words.get(after).map(String::as_str);
        let other_end = tokens
            .get(after + 1)
            .filter(|n| n.kind == TokKind::Number)
            .and_then(|n| parse_digits(n.text));
        if matches!(range_word, Some("and" | "to" | "-" | "–"))
            && other_end.is_some()
            && (approx == Approx::Range || range_word != Some("and"))
        {
            max = other_end;
            approx = Approx::Range;
            after += 2;
            if let Some(s) = words.get(after).and_then(|n| scale(n)) {
                max = max.map(|m| m * s);
                if value < 1000.0 {
                    value *= s;
                }
                after += 1;
            }
        } else if approx == Approx::Range {
            approx = Approx::Exact;
            first += 1;
        }
        // "11 of the 14", "11 of 14".
        if words.get(after).is_some_and(|w| w == "of") {
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
                of_total = Some(total);
                after = k + 1;
            }
        }
        // Percent.
        if tokens.get(after).is_some_and(|n| n.is("%"))
            || words.get(after).is_some_and(|w| w == "percent")
        {
            unit = "%".into();
            after += 1;
        } else if words.get(after).is_some_and(|w| w == "per")
            && words.get(after + 1).is_some_and(|w| w == "cent")
        {
            unit = "%".into();
            after += 2;
        }
        // What it counts: the words up to a stop word.
        let mut counts = String::new();
        if unit.is_empty() || unit != "%" {
            let mut k = after;
            let mut run: Vec<usize> = Vec::new();
            while k < tokens.len() && run.len() < 4 {
                let u = tokens[k];
                let lw = words[k].as_str();
                if !u.is_word() || UNIT_STOP.contains(&lw) {
                    if lw == "and"
                        && !run.is_empty()
                        && tokens.get(k + 1).is_some_and(|n| n.is_capitalised())
                    {
                        run.push(k);
                        k += 1;
                        continue;
                    }
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
            let plural = |r: &usize| {
                words[*r].ends_with('s') && !words[*r].ends_with("ss") && words[*r].len() > 2
            };
            let head = if value != 1.0 {
                run.iter().rposition(plural)
            } else {
                None
            }
            .or_else(|| run.len().checked_sub(1));
            if let Some(h) = head {
                let last = run[h];
                if unit.is_empty() {
                    unit = words[last].clone();
                }
                counts = text
                    .get(tokens[run[0]].start..tokens[last].end)
                    .unwrap_or_default()
                    .to_string();
            }
        }
        let start = tokens[first].start;
        let end = tokens[after.saturating_sub(1).max(first)].end;
        out.push(Number {
            text: text.get(start..end).unwrap_or_default().to_string(),
            value,
            unit,
            counts,
            approx,
            max,
            of_total,
            paragraph,
            start,
            end,
        });
        i = after.max(i + 1);
    }
    out
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
