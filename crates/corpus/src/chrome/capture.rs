//! Text captures of web pages: the visible text a reader copies from the
//! browser, one line per block, menus, footers, share bars and teasers
//! included. Nothing marks which lines are the article, so the lines are
//! told apart by what they look like:
//!
//! - the **main body** is the densest run of long, sentence-like lines rich
//!   in function words (a maximum-sum run of line scores: prose lines add
//!   their length, short or link-like lines subtract);
//! - above it, the **header** (headline, standfirst, byline, date) is kept
//!   for the header parser; what is above the headline is site furniture;
//! - below it, what follows the last body line is chrome: teasers,
//!   newsletter and donation appeals, author boxes, footers, comments.
//!
//! Every line set aside gets a reason the reader's removed-parts view shows.
//! A text with too little prose to tell a body (a list, a short note) is
//! left as it is; a clean article loses only what the line rules in
//! `chrome.rs` already set aside.

use super::classify_line;
use crate::document::RemovalReason;
use crate::header::{parse_aggregator_byline, parse_byline_with_date, parse_dateline};
use crate::normalize::word_count;
use std::collections::HashSet;
use std::sync::OnceLock;

const PROSE_WORDS: &str = include_str!("../../data/prose_words.txt");

fn prose_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        PROSE_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// What a line looks like.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Words (a run of CJK characters counts one word for two characters).
    words: usize,
    /// Share of the words that are function words.
    function_share: f64,
    /// Ends like a sentence (. ! ? …, possibly inside quotes or brackets).
    sentence_end: bool,
    /// Already chrome by the line rules.
    chrome: bool,
    /// The line rules' reason.
    line_rules: Option<RemovalReason>,
}

fn shape(line: &str) -> Shape {
    shape_classified(line, classify_line(line))
}

/// The shape of a line the line rules (`classify_line`) gave `line_rules`.
fn shape_classified(line: &str, line_rules: Option<RemovalReason>) -> Shape {
    let words = weighted_words(line);
    let tokens: Vec<String> = line
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let function = tokens
        .iter()
        .filter(|t| prose_words().contains(t.as_str()))
        .count();
    let function_share = if tokens.is_empty() {
        0.0
    } else {
        function as f64 / tokens.len() as f64
    };
    Shape {
        words,
        function_share,
        sentence_end: ends_like_sentence(line),
        chrome: line_rules.is_some(),
        line_rules,
    }
}

fn weighted_words(line: &str) -> usize {
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    word_count(line) + cjk / 2
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

fn ends_like_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
    });
    end.ends_with(['.', '!', '?', '…', '。', '！', '？', ':'])
}

/// What a line is to a body run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A long line of prose: adds its length.
    Prose(f64),
    /// A short sentence: adds half its length.
    Sentence(f64),
    /// Code, a formula or a row of figures, as articles quote them.
    Data,
    /// A short line in words of prose: a list item, a short paragraph.
    Short,
    /// A short line shaped like a link or a label (Title Case, or no
    /// function words): a subhead inside the body, a menu outside it.
    Label,
    /// Chrome by the line rules.
    Chrome,
}

fn kind(line: &str, shape: &Shape) -> Kind {
    if shape.chrome {
        return Kind::Chrome;
    }
    let w = shape.words as f64;
    let prose = shape.function_share >= 0.12 || shape.sentence_end;
    if shape.words >= 12 && prose {
        Kind::Prose(w.min(120.0))
    } else if shape.words <= 40 && is_appeal_or_notice(line) {
        Kind::Chrome
    } else if shape.words >= 4 && shape.sentence_end && shape.function_share > 0.0 {
        Kind::Sentence(w * 0.5)
    } else if looks_like_data(line) {
        Kind::Data
    } else if shape.function_share == 0.0 || is_title_case(line) {
        Kind::Label
    } else {
        Kind::Short
    }
}

/// Capitalised Content Words, As Menus And Headlines Print Them.
fn is_title_case(line: &str) -> bool {
    let content: Vec<&str> = line
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .filter(|t| !prose_words().contains(t.to_lowercase().as_str()))
        .collect();
    let capitalised = content
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
        .count();
    content.len() >= 2 && capitalised * 5 >= content.len() * 4
}

/// Code and tables: brackets, operators and figures more than words.
fn looks_like_data(line: &str) -> bool {
    let symbols = line
        .chars()
        .filter(|c| "{}()[];=<>|│+*/\\_$#%&~^".contains(*c) || c.is_ascii_digit())
        .count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let trimmed = line.trim();
    let code_end = trimmed.ends_with([';', '{', '}', '(', ')', ',', '>']);
    let code_start = ["//", "<", "#", "/*", "*", "$ "]
        .iter()
        .any(|p| trimmed.starts_with(p));
    (symbols >= 2 && symbols * 4 >= letters) || code_end && symbols >= 1 || code_start
}

/// Each line's score: prose adds, short lines subtract, more so in a
/// cluster (a menu, a list of links) than alone (a subhead).
fn scores(kinds: &[Kind]) -> Vec<f64> {
    let is_text = |i: usize| matches!(kinds.get(i), Some(Kind::Prose(_) | Kind::Sentence(_)));
    let mut scores = vec![0.0; kinds.len()];
    let mut at = 0;
    while at < kinds.len() {
        match kinds[at] {
            Kind::Prose(v) | Kind::Sentence(v) => {
                // A blurb alone between short lines is a teaser more often
                // than a paragraph: articles run paragraph after paragraph.
                let alone = !is_text(at + 1) && (at == 0 || !is_text(at - 1));
                scores[at] = if alone { v * 0.5 } else { v };
                at += 1;
            }
            _ => {
                let end = (at..kinds.len())
                    .find(|&i| matches!(kinds[i], Kind::Prose(_) | Kind::Sentence(_)))
                    .unwrap_or(kinds.len());
                let cluster = end - at;
                for i in at..end {
                    scores[i] = match kinds[i] {
                        Kind::Data => -0.5,
                        Kind::Short => -1.0,
                        _ if cluster <= 2 => -3.0,
                        Kind::Chrome => -8.0,
                        _ => -8.0,
                    };
                }
                at = end;
            }
        }
    }
    scores
}

/// The densest run of prose lines: the run of lines whose scores add up to
/// the most, as (first, last).
fn body_run(scores: &[f64]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for (at, score) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = at;
        }
        sum += score;
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, at));
        }
    }
    best.filter(|(b, _, _)| *b > 0.0).map(|(_, s, e)| (s, e))
}

/// Fewer words of prose than this in the body run, and nothing is set
/// aside as capture chrome.
const MIN_BODY_WORDS: usize = 25;

/// A text of fewer lines is a note, not a page: with no sentence in it, it
/// is read as it is rather than set aside as menus.
const MIN_PAGE_LINES: usize = 5;

/// Lines of a text capture that are page chrome around the article, with
/// their reasons (`None` for a line left to the usual rules).
pub fn set_aside(lines: &[String]) -> Vec<Option<RemovalReason>> {
    let line_rules: Vec<Option<RemovalReason>> = lines.iter().map(|l| classify_line(l)).collect();
    set_aside_classified(lines, &line_rules)
}

/// [`set_aside`] for lines the line rules already read (`line_rules[at]`
/// is `classify_line(&lines[at])`): a page's lines are read by them once.
pub fn set_aside_classified(
    lines: &[String],
    line_rules: &[Option<RemovalReason>],
) -> Vec<Option<RemovalReason>> {
    let mut reasons = vec![None; lines.len()];
    let shapes: Vec<Shape> = lines
        .iter()
        .zip(line_rules)
        .map(|(l, &rules)| shape_classified(l, rules))
        .collect();
    let kinds: Vec<Kind> = lines.iter().zip(&shapes).map(|(l, s)| kind(l, s)).collect();
    if lines.len() >= MIN_PAGE_LINES
        && !kinds
            .iter()
            .any(|k| matches!(k, Kind::Prose(_) | Kind::Sentence(_)))
    {
        // Not one sentence: menus, labels and notices only. All of it is
        // set aside, and the refusal says what was found.
        for (at, line) in lines.iter().enumerate() {
            reasons[at] = Some(outside_reason(line, &shapes[at]));
        }
        return reasons;
    }
    let Some((start, end)) = body(lines, &shapes, &kinds) else {
        return reasons;
    };
    let headline = headline_above(lines, &shapes, &kinds, start);
    let header_from = headline.unwrap_or(if start <= 6 { 0 } else { start });
    for at in 0..header_from {
        reasons[at] = Some(outside_reason(&lines[at], &shapes[at]));
    }
    if let Some(headline) = headline {
        header_furniture(lines, &shapes, headline, start, &mut reasons);
    }
    inner_link_lists(lines, &kinds, start, end, &mut reasons);
    inner_related_lists(lines, &kinds, start, end, &mut reasons);
    let (mut in_comments, mut in_related) = (false, false);
    for at in end + 1..lines.len() {
        in_comments |= is_comments_heading(&lines[at]);
        in_related |= opens_related_block(&lines[at]);
        reasons[at] = Some(match outside_reason(&lines[at], &shapes[at]) {
            _ if in_comments => RemovalReason::Comments,
            // Short links under a related heading are its teasers.
            RemovalReason::Navigation
                if in_related && !shapes[at].chrome && !is_handle(&lines[at]) =>
            {
                RemovalReason::Related
            }
            reason => reason,
        });
    }
    reasons
}

/// The first and last line of the article's body in a page's lines (see
/// [`set_aside`]), if one stands out.
pub fn article_lines(lines: &[String]) -> Option<(usize, usize)> {
    let shapes: Vec<Shape> = lines.iter().map(|l| shape(l)).collect();
    let kinds: Vec<Kind> = lines.iter().zip(&shapes).map(|(l, s)| kind(l, s)).collect();
    body(lines, &shapes, &kinds)
}

/// The body: the densest run of prose, trimmed, with the short sentences
/// that close it; `None` when it holds too little prose to stand out (a
/// list, a gallery, a short note), and the text is read as it is.
fn body(lines: &[String], shapes: &[Shape], kinds: &[Kind]) -> Option<(usize, usize)> {
    let (start, end) = body_run(&scores(kinds))?;
    let (start, mut end) = trimmed(lines, kinds, start, end)?;
    // The article's last paragraphs may be short sentences.
    while end + 1 < lines.len() && matches!(kinds[end + 1], Kind::Sentence(_)) {
        end += 1;
    }
    let prose_words: usize = (start..=end)
        .filter(|&at| matches!(kinds[at], Kind::Prose(_)))
        .map(|at| shapes[at].words)
        .sum();
    (prose_words >= MIN_BODY_WORDS).then_some((start, end))
}

/// The body run cut at a heading that opens comments or related links, and
/// trimmed to start and end on a line of prose.
fn trimmed(lines: &[String], kinds: &[Kind], start: usize, end: usize) -> Option<(usize, usize)> {
    let is_prose = |at: usize| matches!(kinds[at], Kind::Prose(_));
    let first = (start..=end).find(|&at| is_prose(at))?;
    // A "Related" heading inside an article ("Read more" before a quoted
    // report) is followed by prose; one that closes it, by links.
    let links_follow = |at: usize| !(at + 1..end).any(|i| is_prose(i) && is_prose(i + 1));
    let stop = (first + 1..=end)
        .find(|&at| {
            is_comments_heading(&lines[at]) || opens_related_block(&lines[at]) && links_follow(at)
        })
        .unwrap_or(end + 1);
    let last = (first..stop).rev().find(|&at| is_prose(at))?;
    Some((first, last))
}

/// The headline above the body: going up over bylines, datelines, a
/// standfirst and short furniture, the longest line shaped like a title.
fn headline_above(
    lines: &[String],
    shapes: &[Shape],
    kinds: &[Kind],
    body: usize,
) -> Option<usize> {
    const LOOK_BACK: usize = 10;
    let mut best: Option<(usize, usize)> = None;
    let mut standfirsts = 0;
    let mut seen = 0;
    let mut at = body;
    while at > 0 && seen < LOOK_BACK {
        at -= 1;
        let shape = &shapes[at];
        if shape.chrome {
            continue;
        }
        seen += 1;
        let line = &lines[at];
        if is_metadata(line) || shape.words < 3 {
            continue;
        }
        let sentence = line.trim_end().ends_with('.') && !line.trim_end().ends_with("...");
        if sentence && shape.words >= 8 && standfirsts < 2 {
            standfirsts += 1;
            continue;
        }
        if matches!(kinds[at], Kind::Chrome) || !(3..=30).contains(&shape.words) {
            continue;
        }
        // Long titles weigh more, up to a point; Title Case is how most
        // sites print a headline and few print a standfirst; on a tie the
        // upper line is the headline (a standfirst follows it).
        let weight = shape.words.min(10) + if is_title_case(line) { 3 } else { 0 };
        // A title right above another is the headline, the lower one its
        // standfirst.
        let right_above = best.is_some_and(|(b, _)| {
            (at + 1..b).all(|i| shapes[i].chrome || shapes[i].words == 0 || is_metadata(&lines[i]))
        });
        if right_above || best.is_none_or(|(_, w)| weight >= w) {
            best = Some((at, weight));
        }
    }
    best.map(|(at, _)| at)
}

/// Between the headline and the body: the header parser reads bylines,
/// datelines and a standfirst; share buttons, author labels and counters
/// are set aside.
fn header_furniture(
    lines: &[String],
    shapes: &[Shape],
    headline: usize,
    body: usize,
    reasons: &mut [Option<RemovalReason>],
) {
    for at in headline + 1..body {
        let line = &lines[at];
        let shape = &shapes[at];
        if shape.chrome || is_metadata(line) || line == &lines[headline] {
            continue;
        }
        if super::bullet_text(line).is_some() {
            continue;
        }
        let standfirst = shape.words >= 8 && (shape.sentence_end || shape.function_share >= 0.2);
        // A sentence is text, however short ("She checked in today.").
        let sentence = shape.words >= 3 && shape.sentence_end && shape.function_share > 0.0;
        if standfirst || sentence {
            continue;
        }
        reasons[at] = if shape.words >= 2 && shape.words <= 4 && is_title_case(line) {
            Some(RemovalReason::Byline)
        } else if shape.words <= 6 {
            Some(RemovalReason::Navigation)
        } else {
            None
        };
    }
}

/// Three or more link-shaped lines in a row inside the body: a list of
/// other stories or a share bar, not subheads (a subhead stands alone).
fn inner_link_lists(
    lines: &[String],
    kinds: &[Kind],
    start: usize,
    end: usize,
    reasons: &mut [Option<RemovalReason>],
) {
    let mut at = start;
    while at <= end {
        if kinds[at] != Kind::Label {
            at += 1;
            continue;
        }
        let run_end = (at..=end)
            .find(|&i| kinds[i] != Kind::Label)
            .unwrap_or(end + 1);
        if run_end - at >= 3 {
            for i in at..run_end {
                reasons[i] = Some(if word_count(&lines[i]) >= 6 {
                    RemovalReason::Related
                } else {
                    RemovalReason::Navigation
                });
            }
        }
        at = run_end;
    }
}

/// "Related stories", "More from Example News", "Most read today": a short
/// heading that starts like the ones that open a block of other stories.
fn opens_related_block(line: &str) -> bool {
    if super::is_related_marker(line) {
        return true;
    }
    let lower = line
        .trim()
        .trim_end_matches([':', '›', '»', '>'])
        .to_lowercase();
    word_count(&lower) <= 6
        && !ends_like_sentence(line)
        && [
            "related ",
            "more from ",
            "more on ",
            "more in ",
            "most read",
            "most popular",
            "recommended ",
            "you may also",
            "you might also",
            "also on ",
            "around the web",
            "trending ",
        ]
        .iter()
        .any(|cue| lower.starts_with(cue) || lower == cue.trim())
}

/// After a related heading inside the body, its short links up to the next
/// line of prose.
fn inner_related_lists(
    lines: &[String],
    kinds: &[Kind],
    start: usize,
    end: usize,
    reasons: &mut [Option<RemovalReason>],
) {
    for at in start..=end {
        if !opens_related_block(&lines[at]) {
            continue;
        }
        reasons[at] = Some(RemovalReason::Related);
        for next in at + 1..=end {
            let short = !matches!(kinds[next], Kind::Prose(_)) && word_count(&lines[next]) <= 12;
            if !short || ends_like_sentence(&lines[next]) {
                break;
            }
            reasons[next] = Some(RemovalReason::Related);
        }
    }
}

fn is_metadata(line: &str) -> bool {
    parse_byline_with_date(line).is_some()
        || parse_aggregator_byline(line).is_some()
        || parse_dateline(line).is_some()
}

fn is_comments_heading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    counts_replies_to_post(&lower)
        || word_count(&lower) <= 4
            && (lower.starts_with("comments")
                || lower.ends_with(" comments")
                || lower.starts_with("leave a comment")
                || lower.starts_with("leave a reply")
                || lower.starts_with("join the conversation")
                || lower.starts_with("discussion"))
}

/// Rule `RepliesHeading`: the heading blogs print over their comments,
/// a count of replies to the post ("3 thoughts on “Ferry fares rise”",
/// "One response to “…”", "12 Kommentare zu „…“", "5 réponses à « … »"):
/// a figure or "one", a word for replies, "on" or "to", then the post's
/// title in quotes, and no full stop. "Two responses to the plan were
/// filed." and "Eine Antwort auf die Krise" (a subhead) are prose. `lower`
/// is the line in lower case.
fn counts_replies_to_post(lower: &str) -> bool {
    const COUNTS: &[&str] = &["one", "ein", "eine", "un", "une", "uno", "una"];
    const REPLIES: &[&str] = &[
        "thought",
        "thoughts",
        "response",
        "responses",
        "reply",
        "replies",
        "comment",
        "comments",
        "kommentar",
        "kommentare",
        "gedanke",
        "gedanken",
        "antwort",
        "antworten",
        "réponse",
        "réponses",
        "commentaire",
        "commentaires",
        "comentario",
        "comentarios",
        "respuesta",
        "respuestas",
    ];
    const LINKS: &[&str] = &["on", "to", "zu", "auf", "à", "sur", "en", "a", "para"];
    const QUOTES: &[char] = &['“', '"', '„', '«', '‘', '\'', '»', '‚'];
    let words: Vec<&str> = lower.split_whitespace().take(4).collect();
    let [count, replies, link, title] = words[..] else {
        return false;
    };
    let is_count = count.chars().all(|c| c.is_ascii_digit()) || COUNTS.contains(&count);
    let sentence = lower.trim_end().ends_with(['.', '!', '?']);
    word_count(lower) <= 20
        && !sentence
        && is_count
        && REPLIES.contains(&replies)
        && LINKS.contains(&link)
        && title.starts_with(QUOTES)
}

/// Appeals for money or sign-ups, in any part of a short line.
const APPEAL_CUES: &[&str] = &[
    "donate",
    "donation",
    "newsletter",
    "subscribe",
    "support us",
    "become a member",
    "membership",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
];

/// Footer notices.
const NOTICE_CUES: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie",
];

fn is_appeal_or_notice(line: &str) -> bool {
    let lower = line.to_lowercase();
    APPEAL_CUES
        .iter()
        .chain(NOTICE_CUES)
        .any(|c| lower.contains(c))
}

/// The reason for a line outside the article, by its shape.
fn outside_reason(line: &str, shape: &Shape) -> RemovalReason {
    if let Some(reason) = shape.line_rules {
        return reason;
    }
    let lower = line.to_lowercase();
    if shape.words <= 40 && APPEAL_CUES.iter().any(|c| lower.contains(c))
        || shape.words <= 6 && lower.starts_with("support ")
    {
        return RemovalReason::Promo;
    }
    if shape.words <= 40 && NOTICE_CUES.iter().any(|c| lower.contains(c)) {
        return RemovalReason::SiteBanner;
    }
    if is_handle(line) {
        return RemovalReason::Navigation;
    }
    if shape.words <= 5 && !shape.sentence_end {
        return RemovalReason::Navigation;
    }
    RemovalReason::Related
}

/// A social handle or a bare link ("@newsdesk", "example.com/x").
fn is_handle(line: &str) -> bool {
    let line = line.trim();
    !line.contains(char::is_whitespace)
        && (line.starts_with('@')
            || line.starts_with("http")
            || line.starts_with("www.")
            || line.contains(".com")
            || line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_replies_heads_comments_but_a_sentence_about_responses_does_not() {
        for heading in [
            "3 thoughts on “Frost Came Early”",
            "One response to \"Ferry fares rise\"",
            "12 Kommentare zu „Rinderleber“",
            "5 réponses à « La marée »",
        ] {
            assert!(is_comments_heading(heading), "{heading}");
        }
        for line in [
            "Two responses to the plan were filed by the unions.",
            "3 responses to the survey came in late.",
            "Many responses to the plan",
            "Eine Antwort auf die Krise",
            "3 thoughts on Arsenal's draw",
        ] {
            assert!(!is_comments_heading(line), "{line}");
        }
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn prose_and_labels_are_told_apart() {
        let prose = "The minister said on Friday that the new bridge would open to traffic in the spring of next year.";
        assert!(matches!(kind(prose, &shape(prose)), Kind::Prose(_)));
        for label in ["Home", "Weather Forecasts", "Council Approves New Berth"] {
            assert_eq!(kind(label, &shape(label)), Kind::Label, "{label}");
        }
        let item = "Small plants from a florist or nursery";
        assert_eq!(kind(item, &shape(item)), Kind::Short);
        let code = "var total = items.length;";
        assert_eq!(kind(code, &shape(code)), Kind::Data);
    }

    #[test]
    fn the_body_run_skips_menus_and_teasers() {
        let text = lines(
            "Home\nWorld\nSport\nBusiness\n\
             Dam Repairs Finish Early\n\
             Engineers finished the repairs to the old dam two weeks early, the water board said on Monday.\n\
             The reservoir will be filled again over the summer, and the footpath across the dam will reopen in August.\n\
             Related\nNew pumps for the valley\nThe water board bought four pumps for the valley farms.\nRain record broken",
        );
        let shapes: Vec<Shape> = text.iter().map(|l| shape(l)).collect();
        let kinds: Vec<Kind> = text.iter().zip(&shapes).map(|(l, s)| kind(l, s)).collect();
        let (start, end) = body_run(&scores(&kinds)).unwrap();
        assert_eq!(trimmed(&text, &kinds, start, end), Some((5, 6)));
        let reasons = set_aside(&text);
        assert_eq!(reasons[4], None, "the headline is left to the header rules");
        assert!(reasons[..4]
            .iter()
            .all(|r| *r == Some(RemovalReason::Navigation)));
        assert!(reasons[7..]
            .iter()
            .all(|r| *r == Some(RemovalReason::Related)));
    }

    #[test]
    fn related_headings_are_recognised_by_their_start() {
        assert!(opens_related_block("More from Harbour Gazette"));
        assert!(opens_related_block("Most read today"));
        assert!(!opens_related_block(
            "More from the minister later this week."
        ));
        assert!(!opens_related_block(
            "Related talks will continue on Friday in the capital"
        ));
    }

    #[test]
    fn handles_and_links() {
        assert!(is_handle("@newsdesk"));
        assert!(is_handle("example.com/story"));
        assert!(!is_handle("Newsdesk"));
    }
}
