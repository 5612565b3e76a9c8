//! Sentences on the English golden rules that segmenters publish results
//! on: pySBD's `tests/lang/test_english.py` (48 cases, taken from the
//! Pragmatic Segmenter). The file is read as data: the Python list of
//! `(text, [sentences])` cases is parsed here, never executed.
//!
//! A case passes when Crossread's sentences, trimmed, equal the expected
//! ones, as pySBD's own test compares them. Each case is also checked for
//! the segmenter's invariant: every character outside a sentence is
//! whitespace, and no two sentences overlap.

use super::Data;
use crossread_corpus::sentences;
use std::path::Path;

const FILE: &str = "tests/lang/test_english.py";
const CASES: &str = "GOLDEN_EN_RULES_TEST_CASES";
const PEERS: &str = "pySBD 47/48, sentencex 43/48";

/// One golden rule: a text and the sentences it must split into.
#[derive(Debug, PartialEq)]
struct Case {
    text: String,
    expected: Vec<String>,
}

pub fn run(path: &Path) -> Result<(), String> {
    let (source, commit) = read_source(path)?;
    let cases = parse_cases(&source)?;
    let verbose = std::env::var("CROSSREAD_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let mut passed = 0;
    let mut broken = 0;
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let spans = sentences::split(&case.text);
        if !covers_paragraph(&case.text, &spans) {
            broken += 1;
        }
        let got: Vec<&str> = spans
            .iter()
            .map(|s| case.text[s.start..s.end].trim())
            .collect();
        if got == case.expected {
            passed += 1;
        } else {
            failures.push((n + 1, case, got));
        }
    }
    println!("Sentences: English golden rules (nipunsadvilkar/pySBD @ {commit})");
    println!("  golden rules passed {passed}/{}   ({PEERS})", cases.len());
    println!("  cases with a character lost or in two sentences: {broken}");
    if verbose {
        for (n, case, got) in failures {
            println!("\n  case {n}: {:?}", case.text);
            println!("    expected {:?}", case.expected);
            println!("    got      {got:?}");
        }
    }
    Ok(())
}

/// The test file's text and the data's commit, from a bare git directory,
/// a checkout, or the file itself.
fn read_source(path: &Path) -> Result<(String, String), String> {
    let file = if path.is_file() {
        path.to_path_buf()
    } else {
        let data = Data::open(path, "pysbd")?;
        let file = data.folder("tests/lang")?.join("test_english.py");
        return read(&file).map(|s| (s, data.commit()));
    };
    read(&file).map(|s| (s, "working copy".into()))
}

fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("{}: {e} (expected {FILE})", file.display()))
}

/// Spans in order, not overlapping, with only whitespace outside them.
fn covers_paragraph(text: &str, spans: &[sentences::SentenceSpan]) -> bool {
    let mut at = 0;
    for s in spans {
        if s.start < at || s.end < s.start || !text[at..s.start].trim().is_empty() {
            return false;
        }
        at = s.end;
    }
    text[at..].trim().is_empty()
}

/// A piece of Python source, as far as the list of cases needs.
#[derive(Debug, PartialEq)]
enum Token {
    Str(String),
    Open,
    Close,
    Other,
}

/// The cases of `GOLDEN_EN_RULES_TEST_CASES`: each element of the list is
/// a tuple or a `pytest.param(...)` call whose first string is the text
/// and whose first list holds the expected sentences.
fn parse_cases(source: &str) -> Result<Vec<Case>, String> {
    let at = source
        .find(CASES)
        .ok_or_else(|| format!("{FILE}: no {CASES}"))?;
    let tokens = lex(&source[at + CASES.len()..])?;
    let mut cases = Vec::new();
    let mut depth = 0;
    let mut case: Option<Case> = None;
    let mut last_was_str = false;
    for token in tokens {
        let is_str = matches!(token, Token::Str(_));
        match token {
            Token::Open => {
                depth += 1;
                if depth == 2 {
                    case = Some(Case {
                        text: String::new(),
                        expected: Vec::new(),
                    });
                }
            }
            Token::Close => {
                depth -= 1;
                if depth == 1 {
                    cases.extend(case.take());
                }
                if depth == 0 {
                    break;
                }
            }
            Token::Str(s) => {
                if let Some(case) = case.as_mut() {
                    match (depth, last_was_str) {
                        (2, _) => case.text.push_str(&s),
                        (3, true) => case
                            .expected
                            .last_mut()
                            .into_iter()
                            .for_each(|e| e.push_str(&s)),
                        (3, false) => case.expected.push(s),
                        _ => {}
                    }
                }
            }
            Token::Other => {}
        }
        last_was_str = is_str;
    }
    if cases.is_empty() || cases.iter().any(|c| c.expected.is_empty()) {
        return Err(format!("{FILE}: could not read the cases of {CASES}"));
    }
    Ok(cases)
}

/// Python tokens: string literals (single, double, triple quoted, with
/// backslash escapes), brackets, and anything else (commas too, which keep
/// adjacent strings apart) as `Other`. Comments are skipped.
fn lex(source: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        match c {
            '#' => rest = rest.find('\n').map_or("", |n| &rest[n..]),
            '\'' | '"' => {
                let (s, after) = string_literal(rest)?;
                out.push(Token::Str(s));
                rest = after;
            }
            '(' | '[' | '{' => {
                out.push(Token::Open);
                rest = &rest[1..];
            }
            ')' | ']' | '}' => {
                out.push(Token::Close);
                rest = &rest[1..];
            }
            c if c.is_whitespace() => rest = &rest[c.len_utf8()..],
            c => {
                let end = rest
                    .find(|d: char| !(d.is_alphanumeric() || d == '_' || d == '.' || d == '='))
                    .unwrap_or(rest.len())
                    .max(c.len_utf8());
                out.push(Token::Other);
                rest = &rest[end..];
            }
        }
    }
    Ok(out)
}

/// The value of the string literal at the start of `s`, and what follows.
fn string_literal(s: &str) -> Result<(String, &str), String> {
    let quote = &s[..1];
    let triple = quote.repeat(3);
    let delimiter = if s.starts_with(&triple) {
        &triple[..]
    } else {
        quote
    };
    let mut value = String::new();
    let mut chars = s[delimiter.len()..].char_indices();
    while let Some((i, c)) = chars.next() {
        let here = &s[delimiter.len() + i..];
        if let Some(after) = here.strip_prefix(delimiter) {
            return Ok((value, after));
        }
        if c == '\\' {
            match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, e @ ('\\' | '\'' | '"'))) => value.push(e),
                Some((_, e)) => {
                    value.push('\\');
                    value.push(e);
                }
                None => break,
            }
        } else {
            value.push(c);
        }
    }
    Err(format!("{FILE}: a string is not closed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tuples_params_and_every_kind_of_string() {
        let source = r#"
X = 1
GOLDEN_EN_RULES_TEST_CASES = [
    ("One. Two.", ["One.", "Two."]),  # a comment, with "quotes"
    pytest.param(
        'It\'s "here".', ['It\'s "here".'], marks=pytest.mark.xfail),
    (""""Quoted" text.""", ["Part " "joined."]),
]
"#;
        assert_eq!(
            parse_cases(source).unwrap(),
            [
                Case {
                    text: "One. Two.".into(),
                    expected: vec!["One.".into(), "Two.".into()]
                },
                Case {
                    text: "It's \"here\".".into(),
                    expected: vec!["It's \"here\".".into()]
                },
                Case {
                    text: "\"Quoted\" text.".into(),
                    expected: vec!["Part joined.".into()]
                },
            ]
        );
    }

    #[test]
    fn coverage_allows_whitespace_between_sentences_only() {
        use sentences::SentenceSpan as S;
        let text = "Ab. Cd.";
        assert!(covers_paragraph(
            text,
            &[S { start: 0, end: 3 }, S { start: 4, end: 7 }]
        ));
        assert!(!covers_paragraph(
            text,
            &[S { start: 0, end: 2 }, S { start: 4, end: 7 }]
        ));
        assert!(!covers_paragraph(
            text,
            &[S { start: 0, end: 5 }, S { start: 4, end: 7 }]
        ));
    }
}
