//! Whitespace normalisation. Captured pages mix CRLF and CR line endings,
//! non-breaking spaces (alone on a line, or glued between words), tabs and
//! zero-width characters. This module changes whitespace only: every visible
//! character of the input is kept, in order.

/// Splits text into trimmed lines with runs of whitespace (including NBSP)
/// collapsed to one space. Lines that held only whitespace are dropped.
pub fn lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(collapse_whitespace)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Collapses every run of whitespace (Unicode White_Space, plus zero-width
/// characters) to one ASCII space and trims the ends.
pub fn collapse_whitespace(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for ch in line.chars() {
        if is_zero_width(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(ch);
    }
    out
}

fn is_zero_width(ch: char) -> bool {
    matches!(
        ch,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Number of words (runs of characters holding a letter or digit).
pub fn word_count(line: &str) -> usize {
    if line.is_ascii() {
        return ascii_word_count(line.as_bytes());
    }
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            // Chinese and Japanese write no spaces between words, which
            // run about two characters long.
            let ideographs = w.chars().filter(|&c| is_ideograph(c)).count();
            (ideographs / CHARS_PER_CJK_WORD).max(1)
        })
        .sum()
}

/// `word_count` of a line in ASCII, byte by byte (no ideographs; the
/// whitespace of `char::is_whitespace`, which counts the vertical tab):
/// the chrome rules count the words of every line.
fn ascii_word_count(line: &[u8]) -> usize {
    line.split(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .filter(|word| word.iter().any(u8::is_ascii_alphanumeric))
        .count()
}

/// Characters of a word in Chinese or Japanese, on average.
const CHARS_PER_CJK_WORD: usize = 2;

/// A CJK ideograph or kana.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines_are_counted_as_split_whitespace_counts_them() {
        for line in [
            "",
            "   ",
            "The quay reopens on Monday.",
            "a\x0bb\x0cc\td\re\nf",
            "a\x1cb -- , 3 pm\u{0}x",
            "  -  ... words, and 12 figures ",
        ] {
            let words = line
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(word_count(line), words, "{line:?}");
        }
    }

    #[test]
    fn chinese_and_japanese_words_are_counted_without_spaces() {
        assert_eq!(word_count("The quay reopens on Monday."), 5);
        // Thirteen characters, about six words; a short menu label is one.
        assert_eq!(word_count("一波波接續性低溫寒流報到了"), 6);
        assert_eq!(word_count("首頁"), 1);
        assert_eq!(word_count("新竹 Day2 行程"), 3);
    }

    #[test]
    fn crlf_cr_and_nbsp_only_lines_disappear() {
        let text = "Headline\r\n\u{a0}\r\n\u{a0} \nBody one.\rBody two.";
        assert_eq!(lines(text), ["Headline", "Body one.", "Body two."]);
    }

    #[test]
    fn glued_nbsp_becomes_a_space_and_text_is_kept() {
        assert_eq!(
            collapse_whitespace("By\u{a0}Robbie  Gramer\t"),
            "By Robbie Gramer"
        );
        assert_eq!(collapse_whitespace("were\u{a0}shot down"), "were shot down");
    }

    #[test]
    fn zero_width_characters_and_bom_are_dropped() {
        assert_eq!(lines("\u{feff}A\u{200b}B"), ["AB"]);
    }

    #[test]
    fn visible_characters_survive_in_order() {
        let text = "  Iran’s \u{a0}drones—most notably\u{a0}the Shahed-136  ";
        let kept: String = collapse_whitespace(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(kept, original);
    }
}
