//! The article of a page built by scripts, read from the data the page
//! carries for them: a `<script type="application/json">` state object
//! (`__NEXT_DATA__` and the like) or a `window.__STATE__ = {…};`
//! assignment. Nothing is run: the script's text is read as JSON, and the
//! article is the longest run of prose in it, as one string (often HTML)
//! or as a list of paragraph blocks.
//!
//! Used only when the markup itself holds no article text, as JSON-LD
//! `articleBody` is (see `html/meta.rs` and `ingest.rs`).

use crate::normalize::{collapse_whitespace as collapse, word_count};
use serde_json::Value;

/// Fewer words than this is a teaser or a summary, not an article.
const MIN_WORDS: usize = 60;
/// A paragraph block or a prose string has at least this many words.
const MIN_BLOCK_WORDS: usize = 4;
/// How deep and how wide the walk goes: state objects are big, and a
/// hostile one must not cost more than a linear pass.
const MAX_DEPTH: usize = 40;
const MAX_NODES: usize = 200_000;

/// The article text in a script's state data, paragraphs separated by
/// line breaks (as JSON-LD `articleBody` is), if the script holds one.
pub fn article_from_state(script: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json_part(script)?).ok()?;
    let mut walk = Walk::default();
    walk.visit(&value, 0);
    walk.best.map(|(_, paragraphs)| paragraphs.join("\n"))
}

/// The JSON of a script: the whole text if it is JSON, else the object
/// assigned in `window.NAME = {…};` (or `var NAME = {…}`).
fn json_part(script: &str) -> Option<&str> {
    let text = script.trim().trim_end_matches(';').trim_end();
    if text.starts_with('{') || text.starts_with('[') {
        return Some(text);
    }
    let (target, value) = text.split_once('=')?;
    let target = target.trim();
    let assignment = !target.is_empty()
        && target
            .trim_start_matches("var ")
            .trim_start_matches("let ")
            .trim_start_matches("const ")
            .chars()
            .all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '$' | '[' | ']' | '"' | '\'')
            });
    let value = value.trim();
    (assignment && value.starts_with('{') && value.ends_with('}')).then_some(value)
}

/// The walk over a state object: the candidate with the most words so far.
#[derive(Default)]
struct Walk {
    nodes: usize,
    best: Option<(usize, Vec<String>)>,
}

impl Walk {
    fn visit(&mut self, value: &Value, depth: usize) {
        self.nodes += 1;
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return;
        }
        match value {
            Value::String(text) => self.offer(prose_string(text)),
            Value::Array(items) => {
                self.offer(paragraph_blocks(items));
                items.iter().for_each(|item| self.visit(item, depth + 1));
            }
            Value::Object(map) => map.values().for_each(|item| self.visit(item, depth + 1)),
            _ => {}
        }
    }

    fn offer(&mut self, paragraphs: Vec<String>) {
        let words = paragraphs.iter().map(|p| word_count(p)).sum::<usize>();
        if words >= MIN_WORDS && self.best.as_ref().is_none_or(|(most, _)| words > *most) {
            self.best = Some((words, paragraphs));
        }
    }
}

/// A string of prose (plain, or HTML whose paragraphs are split out);
/// nothing if it does not read as sentences.
fn prose_string(text: &str) -> Vec<String> {
    let paragraphs = if looks_like_markup(text) {
        markup_paragraphs(text)
    } else {
        text.split('\n')
            .map(collapse)
            .filter(|p| !p.is_empty())
            .collect()
    };
    if paragraphs.iter().all(|p| reads_as_prose(p)) {
        paragraphs
    } else {
        Vec::new()
    }
}

/// An array of paragraph blocks: strings, or objects with the block's text
/// under a usual key ("text", "content", "html", …), in order. Blocks that
/// are not prose (images, embeds, ads) are passed over; most must be.
fn paragraph_blocks(items: &[Value]) -> Vec<String> {
    let texts: Vec<Option<&str>> = items.iter().map(block_text).collect();
    let prose: Vec<String> = (texts.iter().flatten())
        .flat_map(|text| prose_string(text))
        .collect();
    let with_text = texts.iter().flatten().count();
    if prose.len() < 2 || with_text * 2 < items.len() {
        return Vec::new();
    }
    prose
}

/// The text of one block: a string, or an object's text field.
fn block_text(item: &Value) -> Option<&str> {
    const KEYS: &[&str] = &[
        "text", "content", "html", "value", "body", "plain", "markup",
    ];
    match item {
        Value::String(text) => Some(text),
        Value::Object(map) => KEYS.iter().find_map(|key| map.get(*key)?.as_str()),
        _ => None,
    }
}

fn looks_like_markup(text: &str) -> bool {
    ["<p", "</p>", "<br", "<div", "<h2", "<li"]
        .iter()
        .any(|tag| text.contains(tag))
}

/// The paragraphs of an HTML fragment, as the saved-page reader reads
/// them (entities decoded, one line per block).
fn markup_paragraphs(html: &str) -> Vec<String> {
    crate::html::extract(html)
        .lines
        .into_iter()
        .map(|line| line.text)
        .filter(|text| !text.is_empty())
        .collect()
}

/// Sentences, not code, identifiers or a list of tags: enough words,
/// mostly letters and spaces, and a sentence's end somewhere.
fn reads_as_prose(text: &str) -> bool {
    let words = word_count(text);
    if words < MIN_BLOCK_WORDS {
        // A short block in a run of prose (a subhead) is kept by its
        // neighbours; on its own it is not enough.
        return words > 0 && !text.contains(['{', '}', '=']);
    }
    let total = text.chars().count();
    let letters = text
        .chars()
        .filter(|c| c.is_alphabetic() || c.is_whitespace())
        .count();
    let code_like = ["function(", "=>", "{\"", "};", "://"]
        .iter()
        .any(|s| text.contains(s))
        && !text.contains(". ");
    letters * 100 >= total * 75 && !code_like && text.contains(['.', '!', '?', '。'])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "The harbour authority closed the northern pier on Tuesday after engineers found cracks in two of its supports.";

    fn prose(paragraphs: usize) -> Vec<String> {
        (0..paragraphs)
            .map(|i| format!("{SENTENCE} Crews will return on day {i} to inspect the rest of it."))
            .collect()
    }

    #[test]
    fn a_next_data_object_gives_its_html_body_as_paragraphs() {
        let html = prose(4)
            .iter()
            .map(|p| format!("<p>{}</p>", p.replace("Tuesday", "Tuesday &amp; Wednesday")))
            .collect::<String>();
        let state = serde_json::json!({
            "props": {"pageProps": {"story": {
                "headline": "Pier closed",
                "teaser": "The pier is closed.",
                "bodyHtml": html,
                "related": [{"title": "Other story", "summary": "A short summary."}]
            }}}
        });
        let body = article_from_state(&state.to_string()).expect("a body");
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0]
            .starts_with("The harbour authority closed the northern pier on Tuesday & Wednesday"));
        assert!(!body.contains('<'));
    }

    #[test]
    fn a_list_of_blocks_keeps_prose_in_order_and_passes_over_images() {
        let mut blocks: Vec<serde_json::Value> = prose(3)
            .into_iter()
            .map(|p| serde_json::json!({"type": "paragraph", "text": p}))
            .collect();
        blocks.insert(1, serde_json::json!({"type": "image", "src": "a.jpg"}));
        blocks.insert(
            2,
            serde_json::json!({"type": "heading", "text": "What comes next"}),
        );
        let script = format!(
            "window.__INITIAL_STATE__ = {};",
            serde_json::json!({"article": {"blocks": blocks}})
        );
        let body = article_from_state(&script).expect("a body");
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1], "What comes next");
        assert!(lines[3].contains("day 2"));
    }

    #[test]
    fn teasers_settings_and_code_are_not_an_article() {
        let state = serde_json::json!({
            "config": {"api": "https://example.org/api", "flags": ["a", "b"]},
            "teasers": [
                {"title": "Pier closed", "summary": "The pier is closed."},
                {"title": "Ferry late", "summary": "The ferry was late."}
            ],
            "script": "function(a){return a.b=>{\"x\":1}}; var y = 2; if (y) { run(); }"
        });
        assert_eq!(article_from_state(&state.to_string()), None);
        assert_eq!(article_from_state("console.log('hi')"), None);
        assert_eq!(article_from_state("{ not json"), None);
    }

    #[test]
    fn deep_or_huge_state_stays_linear() {
        let deep = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
        assert_eq!(article_from_state(&deep), None);
        let wide = serde_json::Value::Array(vec![serde_json::json!(1); 300_000]);
        assert_eq!(article_from_state(&wide.to_string()), None);
    }
}
