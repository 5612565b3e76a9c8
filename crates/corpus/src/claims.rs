//! Claims: the units of evidence. A claim is a sentence of the body, or a
//! clause of it when the sentence joins two statements ("X denied it; Y
//! confirmed it", "..., but later admitted ..."). Each claim carries its
//! attribution, stance, event date, entities, numbers and threads (filled
//! in by [`crate::analysis`]).
//!
//! Why: readers compare statements, not paragraphs; a sentence that denies
//! and then admits holds two statements with two stances.
//!
//! Not claims: headings inside the body (fewer than four words or no
//! lower-case word) and sentences with no letters. The headline and the
//! standfirst are claims when they have three words or more, whatever
//! their case.

use crate::text::Tok;

/// Splits a sentence (token range `a..b`) into clauses, as token ranges.
/// Splits at ";" and at ", but" / "—but" / ", yet" when both sides have at
/// least five words. ", though" and ", although" stay: they qualify the
/// statement before them ("..., though there is no evidence").
pub fn clauses(tokens: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
    let words = |x: usize, y: usize| tokens[x..y].iter().filter(|t| t.is_word()).count();
    let mut out = Vec::new();
    let mut start = a;
    let mut k = a;
    while k < b {
        let t = tokens[k];
        let contrast = matches!(t.text, "," | "—" | "–")
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.text, "but" | "yet"))
            && k + 1 < b;
        let split_here = (t.is(";") || contrast).then_some((k, k + 1));
        if let Some((end, next)) = split_here {
            if words(start, end) >= 5 && words(next, b) >= 5 {
                out.push((start, end));
                start = next;
                k = next;
                continue;
            }
        }
        k += 1;
    }
    if start < b {
        out.push((start, b));
    }
    out
}

/// Is this token range a statement (not a heading or a fragment)?
pub fn is_statement(tokens: &[Tok]) -> bool {
    let words: Vec<&Tok> = tokens.iter().filter(|t| t.is_word()).collect();
    words.len() >= 4
        && words
            .iter()
            .any(|t| t.text.chars().next().is_some_and(char::is_lowercase))
}

/// Is this headline or standfirst a statement? Three words or more, in
/// any case ("Minister Refuses To Resign").
pub fn is_headline(tokens: &[Tok]) -> bool {
    tokens.iter().filter(|t| t.is_word()).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        clauses(&tokens, 0, tokens.len())
            .into_iter()
            .map(|(a, b)| text[tokens[a].start..tokens[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn a_denial_and_an_admission_are_two_clauses() {
        assert_eq!(
            split("The company first denied that it had cut wages—but later admitted it had cut them for some staff."),
            ["The company first denied that it had cut wages", "but later admitted it had cut them for some staff."]
        );
    }

    #[test]
    fn short_sides_stay_together() {
        assert_eq!(
            split("It was late, but it came."),
            ["It was late, but it came."]
        );
        assert_eq!(
            split("Rain fell all night in the hills; the river rose by dawn in the town."),
            [
                "Rain fell all night in the hills",
                "the river rose by dawn in the town."
            ]
        );
    }

    #[test]
    fn headings_are_not_statements() {
        assert!(!is_statement(&tokenize("New Missiles")));
        assert!(is_statement(&tokenize("The port reopened on Monday.")));
    }
}
