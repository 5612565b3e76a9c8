//! Text captures of Readability's test pages: the visible text a reader
//! copies from the browser, one line per block, saved as `.txt`.
//!
//! Each `source.html` is rendered here by a renderer independent of
//! Crossread's own page reader (`scraper`'s HTML parser; scripts, styles,
//! hidden parts, templates and `noscript` dropped; one line per block-level
//! element, inline elements joined, `<br>` a line break, list items and
//! table cells as lines). The capture keeps all the page chrome: menus,
//! footers, captions, share bars, related links. It is then ingested as a
//! corpus `.txt` file (`crossread_corpus::ingest(NAME.txt, ...)`) and the
//! kept body is scored as for the saved pages (word-shingle F1 against
//! `expected.html`). The keep-everything baseline scores the whole capture.
//!
//! The rules for captures were tuned on four sites in five (sorted by
//! name); every fifth site (the 5th, 10th, ...) is held out.

use super::pages::{body_text, shingles};
use super::prf;
use crossread_corpus::ingest;
use scraper::{ElementRef, Html, Node};

/// Whether a site (by its index in name order) is held out.
pub fn held_out(index: usize) -> bool {
    index % 5 == 4
}

#[derive(Default)]
pub struct CaptureTotals {
    pages: usize,
    refused: Vec<(String, String)>,
    shared: usize,
    kept: usize,
    expected: usize,
    sum_f: f64,
    sum_p: f64,
    sum_r: f64,
    all_shared: usize,
    all_kept: usize,
    sum_all_f: f64,
}

impl CaptureTotals {
    /// Scores one page's capture; returns (P, R, F1) or the refusal.
    pub fn add(
        &mut self,
        name: &str,
        source: &[u8],
        gold_text: &str,
    ) -> Result<(f64, f64, f64, usize, usize), String> {
        let capture = render(&String::from_utf8_lossy(source));
        if let Ok(dir) = std::env::var("CROSSREAD_EVAL_CAPTURES") {
            // For looking at the captures while developing (never committed).
            let _ = std::fs::write(
                std::path::Path::new(&dir).join(format!("{name}.txt")),
                &capture,
            );
        }
        let gold = shingles(gold_text);
        let gold_count: usize = gold.values().sum();
        self.pages += 1;
        self.expected += gold_count;
        let overlap = |kept: &std::collections::HashMap<String, usize>| -> (usize, usize) {
            let shared = kept
                .iter()
                .map(|(s, n)| (*n).min(gold.get(s).copied().unwrap_or(0)))
                .sum();
            (shared, kept.values().sum())
        };
        let (all_shared, all_kept) = overlap(&shingles(&capture));
        self.all_shared += all_shared;
        self.all_kept += all_kept;
        self.sum_all_f += prf(all_shared, all_kept, gold_count).2;
        let document = match ingest(&format!("{name}.txt"), capture.as_bytes(), None) {
            Ok(document) => document,
            Err(e) => {
                self.refused.push((name.to_string(), e.to_string()));
                return Err(e.to_string());
            }
        };
        let (shared, kept) = overlap(&shingles(&body_text(&document)));
        self.shared += shared;
        self.kept += kept;
        let (p, r, f) = prf(shared, kept, gold_count);
        self.sum_p += p;
        self.sum_r += r;
        self.sum_f += f;
        Ok((p, r, f, kept, gold_count))
    }

    pub fn print(&self, label: &str) {
        let n = self.pages.max(1) as f64;
        let (p, r, f) = prf(self.shared, self.kept, self.expected);
        let (_, _, all_f) = prf(self.all_shared, self.all_kept, self.expected);
        println!(
            "  text captures, {label}: pages {}, refused {}",
            self.pages,
            self.refused.len()
        );
        println!(
            "    kept body: micro P {p:.3} R {r:.3} F1 {f:.3}; mean P {:.3} R {:.3} F1 {:.3}",
            self.sum_p / n,
            self.sum_r / n,
            self.sum_f / n
        );
        println!(
            "    keep-everything baseline: micro F1 {all_f:.3}; mean F1 {:.3}",
            self.sum_all_f / n
        );
        for (name, problem) in &self.refused {
            println!("    refused {name}: {problem}");
        }
    }
}

/// Elements whose content a reader never sees.
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
    "object", "embed", "canvas", "select", "option", "datalist", "audio", "video", "source",
    "track", "map", "math",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible text of a page, one line per block.
pub fn render(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Renderer::default();
    out.walk(document.root_element(), false);
    out.flush();
    out.lines.join("\n")
}

#[derive(Default)]
struct Renderer {
    lines: Vec<String>,
    line: String,
}

impl Renderer {
    fn flush(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
        self.line.clear();
    }

    fn push_text(&mut self, text: &str, pre: bool) {
        if pre {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.flush();
                }
                self.push_text(part, false);
            }
            return;
        }
        for (i, word) in text.split_whitespace().enumerate() {
            let joins = i == 0 && !text.starts_with(char::is_whitespace);
            if !self.line.is_empty() && !joins && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() {
            self.line.push(' ');
        }
    }

    fn walk(&mut self, element: ElementRef, pre: bool) {
        let value = element.value();
        let name = value.name();
        if INVISIBLE.contains(&name) || hidden(element) {
            return;
        }
        if name == "br" {
            self.flush();
            return;
        }
        let block = BLOCKS.contains(&name);
        let pre = pre || name == "pre";
        if block {
            self.flush();
        }
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text, pre),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.walk(child, pre);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }
}

fn hidden(element: ElementRef) -> bool {
    let value = element.value();
    if value.attr("hidden").is_some() {
        return true;
    }
    if value.name() == "input" {
        return true;
    }
    value.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_lines_and_inline_text_joins() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav><ul><li><a href=/>Home</a></li><li>World</li></ul></nav>\
            <p>One <b>bold</b> word,<br>then a break.</p><script>x()</script>\
            <div hidden>secret</div><div style=\"display: none\">gone</div>\
            <table><tr><td>a</td><td>b</td></tr></table></body></html>";
        assert_eq!(
            render(html),
            "Home\nWorld\nOne bold word,\nthen a break.\na\nb"
        );
    }

    #[test]
    fn split_holds_out_every_fifth_site() {
        let held: Vec<usize> = (0..10).filter(|&i| held_out(i)).collect();
        assert_eq!(held, vec![4, 9]);
    }
}
