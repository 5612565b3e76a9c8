//! Markup embedded in a plain text (`.txt`, `.md`): a capture of a page
//! carries the odd embed code (a post's `<blockquote class="twitter-tweet">`
//! and its `<script>`), a stray `<br>`, `<img>` or `<iframe>`. Such markup is
//! set aside with a reason, as page chrome is, and the rest of the text is
//! read as text. A post's own words are not the article's prose either, and
//! the content of a script or style is never kept as prose (nor run: every
//! part stays a string, shown as text).
//!
//! Only things shaped like tags count: `x < y and y > z` is text.

use crate::document::RemovalReason;
use crate::normalize::{collapse_whitespace, word_count};

/// Elements whose content is not text a reader saw: set aside whole.
const HIDDEN_CONTENT: &[&str] = &[
    "script", "style", "noscript", "iframe", "object", "svg", "template", "video", "audio",
    "canvas", "head", "title",
];

/// Class names of the embed codes social networks hand out (Twitter/X,
/// Instagram, TikTok, Facebook, Reddit, Threads, Bluesky, Mastodon): the
/// element carrying one is an embedded post, set aside with its words.
const EMBEDDED_POST_CLASSES: &[&str] = &[
    "twitter-tweet",
    "twitter-video",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "fb-video",
    "reddit-embed-bq",
    "text-post-media",
    "bluesky-embed",
    "mastodon-embed",
];

/// A text's lines with its markup set aside: `reasons[i]` is `None` for a
/// line of text and the reason for a line that is markup. A line of text
/// that had tags inside it is followed by one line holding those tags.
#[derive(Debug, Default, PartialEq)]
pub struct Cleaned {
    pub lines: Vec<String>,
    pub reasons: Vec<Option<RemovalReason>>,
}

impl Cleaned {
    /// The lines of text, without the markup.
    pub fn text_lines(self) -> Vec<String> {
        self.lines
            .into_iter()
            .zip(self.reasons)
            .filter_map(|(line, reason)| reason.is_none().then_some(line))
            .collect()
    }
}

/// Elements that sit inside a word's run of text: cutting them out leaves
/// no space ("<b>Port</b>'s" is "Port's"). Any other tag parts words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span", "strong",
    "sub", "sup", "u",
];

/// A piece of markup: a byte range of the text and why it is set aside.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Piece {
    start: usize,
    end: usize,
    reason: RemovalReason,
    /// An inline tag, which parts no words.
    inline: bool,
}

/// Splits `text` into lines (as `normalize::lines` does) and sets its markup
/// aside.
pub fn set_aside(text: &str) -> Cleaned {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pieces = find_pieces(text);
    let mut cleaned = Cleaned::default();
    let mut start = 0;
    for line in text.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let end = start + line.len();
        split_line(text, start..end, &pieces, &mut cleaned);
        start = end;
    }
    cleaned
}

/// One line of the text: its words as a line of text, then its markup (one
/// line per run of one reason). A line whose words are all markup (or
/// punctuation left between tags) is markup.
fn split_line(text: &str, line: std::ops::Range<usize>, pieces: &[Piece], out: &mut Cleaned) {
    let mut prose = String::new();
    let mut markup: Vec<(RemovalReason, String)> = Vec::new();
    let mut at = line.start;
    // Pieces are in order and apart: those of this line follow the first
    // that ends inside or after it.
    let first = pieces.partition_point(|p| p.end <= line.start);
    for piece in pieces[first..].iter().take_while(|p| p.start < line.end) {
        let (start, end) = (piece.start.max(line.start), piece.end.min(line.end));
        if start > at {
            prose.push_str(&text[at..start]);
        }
        if !piece.inline {
            prose.push(' ');
        }
        match markup.last_mut() {
            Some((reason, parts)) if *reason == piece.reason => {
                parts.push(' ');
                parts.push_str(&text[start..end]);
            }
            _ => markup.push((piece.reason, text[start..end].to_string())),
        }
        at = at.max(end);
    }
    prose.push_str(&text[at.min(line.end)..line.end]);
    let prose = collapse_whitespace(&prose);
    match markup.last_mut() {
        // What is left between tags without a word ("&mdash;", "|").
        Some((_, parts)) if word_count(&prose) == 0 => {
            parts.push(' ');
            parts.push_str(&prose);
        }
        _ if !prose.is_empty() => {
            out.lines.push(prose);
            out.reasons.push(None);
        }
        _ => {}
    }
    for (reason, parts) in markup {
        let parts = collapse_whitespace(&parts);
        if !parts.is_empty() {
            out.lines.push(parts);
            out.reasons.push(Some(reason));
        }
    }
}

/// Every piece of markup in the text, in order and without overlaps.
fn find_pieces(text: &str) -> Vec<Piece> {
    let mut scanner = Scanner {
        text,
        lower: text.to_ascii_lowercase(),
        closes: Vec::new(),
    };
    let mut pieces = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find('<') {
        let start = from + offset;
        match scanner.piece_at(start) {
            Some(piece) => {
                from = piece.end;
                pieces.push(piece);
            }
            None => from = start + 1,
        }
    }
    pieces
}

/// Reads a text's markup front to back. Every search is remembered, so a
/// text of unclosed tags takes linear time.
struct Scanner<'a> {
    text: &'a str,
    lower: String,
    /// Per element name: where a search for its closing tag started and
    /// where it found one (`None`: nowhere after that start).
    closes: Vec<(String, usize, Option<usize>)>,
}

impl Scanner<'_> {
    /// The markup that starts at `start` (a `<`), if any: a comment, a
    /// declaration, an element set aside with its content, or one tag.
    fn piece_at(&mut self, start: usize) -> Option<Piece> {
        let text = self.text;
        let rest = &text[start..];
        if rest.starts_with("<!--") {
            let end = rest
                .find("-->")
                .map_or(line_end(text, start), |e| start + e + 3);
            return Some(markup(start, end));
        }
        if rest.starts_with("<!") && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return tag_end(text, start).map(|end| markup(start, end));
        }
        let tag = Tag::at(text, start)?;
        let opening = !tag.closing;
        if opening && is_embedded_post(&text[start..tag.end]) {
            let end = self
                .element_end(&tag)
                .unwrap_or_else(|| line_end(text, tag.end));
            return Some(Piece {
                reason: RemovalReason::EmbeddedPost,
                ..markup(start, end)
            });
        }
        if opening && HIDDEN_CONTENT.contains(&tag.name.as_str()) {
            let end = self
                .element_end(&tag)
                .unwrap_or_else(|| unclosed_end(text, &tag));
            return Some(markup(start, end));
        }
        Some(Piece {
            inline: INLINE.contains(&tag.name.as_str()),
            ..markup(start, tag.end)
        })
    }

    /// Just past the tag that closes `tag`, if one does. (Embeds do not
    /// nest their own element.)
    fn element_end(&mut self, tag: &Tag) -> Option<usize> {
        let known = self.closes.iter().find(|(name, from, found)| {
            *name == tag.name && *from <= tag.end && found.is_none_or(|at| at >= tag.end)
        });
        let found = match known {
            Some((_, _, found)) => *found,
            None => {
                let close = format!("</{}", tag.name);
                let found = self.lower[tag.end..]
                    .match_indices(&close)
                    .map(|(offset, _)| tag.end + offset)
                    .find(|&at| Tag::at(self.text, at).is_some_and(|t| t.name == tag.name));
                self.closes.retain(|(name, _, _)| *name != tag.name);
                self.closes.push((tag.name.clone(), tag.end, found));
                found
            }
        };
        found
            .and_then(|at| Tag::at(self.text, at))
            .map(|close| close.end)
    }
}

/// Where an element that is never closed ends: a script or style with
/// the code on its line, anything else ("<svg onload=...> in a letter")
/// with its tag.
fn unclosed_end(text: &str, tag: &Tag) -> usize {
    match tag.name.as_str() {
        "script" | "style" => line_end(text, tag.end),
        _ => tag.end,
    }
}

fn markup(start: usize, end: usize) -> Piece {
    Piece {
        start,
        end,
        reason: RemovalReason::Markup,
        inline: false,
    }
}

/// An opening tag whose class names a social network's embed.
fn is_embedded_post(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    EMBEDDED_POST_CLASSES
        .iter()
        .any(|class| lower.contains(class))
}

/// A tag: `<name ...>` or `</name>`, its name in lower case.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    /// Byte offset just past its `>`.
    end: usize,
}

impl Tag {
    fn at(text: &str, start: usize) -> Option<Tag> {
        let rest = text.get(start..)?.strip_prefix('<')?;
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let starts_well = name.starts_with(|c: char| c.is_ascii_alphabetic());
        let ends_well = rest[name.len()..].starts_with(['>', '/', ' ', '\t', '\n', '\r']);
        if !(starts_well && ends_well) {
            return None;
        }
        Some(Tag {
            name: name.to_ascii_lowercase(),
            closing,
            end: tag_end(text, start)?,
        })
    }
}

/// Just past the `>` that closes the tag opening at `start`. A tag runs over
/// lines but not over a blank line, and holds no other `<`; one that never
/// closes is text. (So every scan stops at the next `<`: linear time.)
fn tag_end(text: &str, start: usize) -> Option<usize> {
    let mut newlines = 0;
    for (offset, c) in text[start + 1..].char_indices() {
        match c {
            '>' => return Some(start + 1 + offset + 1),
            '<' => return None,
            '\n' => newlines += 1,
            c if !c.is_whitespace() => newlines = 0,
            _ => {}
        }
        if newlines == 2 {
            return None;
        }
    }
    None
}

/// The end of the line holding `at` (before its line break).
fn line_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(['\n', '\r'])
        .map_or(text.len(), |offset| at + offset)
}

/// A text that is a whole saved web page, whatever its name says: it opens
/// (after a byte-order mark, blank space or comments) with a doctype or an
/// `<html>` tag.
pub fn is_whole_page(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    while let Some(comment) = rest.strip_prefix("<!--") {
        let Some(end) = comment.find("-->") else {
            return false;
        };
        rest = comment[end + 3..].trim_start();
    }
    let head = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
    head.starts_with("<!doctype html") || Tag::at(rest, 0).is_some_and(|t| t.name == "html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(Option<RemovalReason>, String)> {
        let cleaned = set_aside(text);
        cleaned.reasons.into_iter().zip(cleaned.lines).collect()
    }

    const MARKUP: Option<RemovalReason> = Some(RemovalReason::Markup);
    const POST: Option<RemovalReason> = Some(RemovalReason::EmbeddedPost);

    #[test]
    fn an_embedded_post_and_its_script_are_set_aside_whole() {
        let text = "Ports reopen\n<blockquote class=\"twitter-tweet\"><p lang=\"en\">The port is open again! <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; Port Authority (@port) <a href=\"https://twitter.com/port/status/1\">June 2, 2021</a></blockquote> <script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\nCargo moved again on Monday.";
        let found = parts(text);
        assert_eq!(found[0], (None, "Ports reopen".into()));
        assert_eq!(found[1].0, POST);
        assert!(found[1].1.contains("The port is open again!"));
        assert_eq!(
            found[2],
            (MARKUP, "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>".into())
        );
        assert_eq!(found[3], (None, "Cargo moved again on Monday.".into()));
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn a_post_over_several_lines_is_set_aside_line_by_line() {
        let text = "<blockquote class=\"instagram-media\" data-instgrm-version=\"14\">\n<p>Sunset over the harbour today</p>\n</blockquote>\nThe port reopened.";
        let found = parts(text);
        assert_eq!(
            found.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            [POST, POST, POST, None]
        );
        assert_eq!(found[1].1, "<p>Sunset over the harbour today</p>");
    }

    #[test]
    fn tags_inside_a_line_of_text_follow_it_as_markup() {
        let found = parts("Council delays vote on <b>bus fares</b><br>\nRain <img src=x onerror=\"alert(1)\"> fell.");
        assert_eq!(
            found,
            [
                (None, "Council delays vote on bus fares".into()),
                (MARKUP, "<b> </b> <br>".into()),
                (None, "Rain fell.".into()),
                (MARKUP, "<img src=x onerror=\"alert(1)\">".into()),
            ]
        );
    }

    #[test]
    fn script_and_style_content_is_never_prose() {
        let found = parts("<style>p { color: red }</style>Ships queued. <script>\ndocument.title = 'ran';\n</script>\nThe strike ended.");
        let prose: Vec<&str> = found
            .iter()
            .filter(|(r, _)| r.is_none())
            .map(|(_, l)| l.as_str())
            .collect();
        assert_eq!(prose, ["Ships queued.", "The strike ended."]);
        assert!(found.iter().any(|(_, l)| l == "document.title = 'ran';"));
    }

    #[test]
    fn comparisons_and_unclosed_brackets_are_text() {
        let text = "Prices rose 3% as x < y and y > z.\nA <b unclosed\n\nline.";
        assert_eq!(set_aside(text).text_lines(), crate::normalize::lines(text));
    }

    #[test]
    fn an_unclosed_script_ends_with_its_line() {
        let found = parts("<script>var a = 1;\nThe strike ended.");
        assert_eq!(found[0], (MARKUP, "<script>var a = 1;".into()));
        assert_eq!(found[1], (None, "The strike ended.".into()));
    }

    #[test]
    fn an_unclosed_frame_is_only_its_tag() {
        let found = parts("Anyone who posts <svg onload=\"x()\"> in a letter.");
        assert_eq!(found[0], (None, "Anyone who posts in a letter.".into()));
        assert_eq!(found[1], (MARKUP, "<svg onload=\"x()\">".into()));
    }

    #[test]
    fn a_whole_page_is_told_by_its_opening() {
        assert!(is_whole_page("\u{feff}\n<!DOCTYPE html>\n<html>"));
        assert!(is_whole_page("<!-- saved -->\n<HTML lang=en>"));
        assert!(!is_whole_page("Ports reopen\n<html>"));
        assert!(!is_whole_page("<b>Ports</b> reopen"));
    }
}
