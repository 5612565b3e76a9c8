//! Blocks of a saved page set aside by their shape once all its lines are
//! read: link lists and link blocks, teasers under a related heading,
//! labels of chrome, text outside the main content (docs/rules.md, "Saved
//! web pages").

use super::Line;
use crate::document::RemovalReason;

/// A line this much link text is a link, not prose.
pub(super) const LINK_LINE: f32 = 0.9;

/// Lines that are links and nothing else, two or more in a row (a list of
/// other stories, a menu the page did not mark as one), are set aside as
/// related links, as Readability and trafilatura weigh link density. A
/// page whose only prose is links keeps them.
pub(super) fn set_aside_link_lists(lines: &mut [Line]) {
    let is_link = |l: &Line| l.removed.is_none() && !l.heading && l.all_link;
    let mut in_list = vec![false; lines.len()];
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| is_link(l)).count();
        if run >= 2 {
            in_list[k..k + run].fill(true);
        }
        k += run.max(1);
    }
    let prose_left = lines
        .iter()
        .zip(&in_list)
        .any(|(l, &listed)| !listed && l.removed.is_none() && l.prose > 0);
    if !prose_left {
        return;
    }
    for (line, _) in lines.iter_mut().zip(&in_list).filter(|(_, &listed)| listed) {
        line.removed = Some(RemovalReason::Related);
    }
}

/// Rule `RelatedHeading`: a heading that opens a block of other stories
/// ("Related articles", "Mehr zum Thema": `chrome::is_related_marker`)
/// sets aside the block it heads, the lines after it inside the smallest
/// element that holds both it and the line below it, when that block reads
/// as teasers (each line a link or at most [`TEASER_WORDS`] words) and is
/// not the article (under half the page's prose).
pub(super) fn set_aside_related_blocks(lines: &mut [Line]) {
    let total: usize = lines
        .iter()
        .filter(|l| l.removed.is_none())
        .map(|l| l.prose)
        .sum();
    for at in 0..lines.len().saturating_sub(1) {
        if lines[at].heading || !crate::chrome::is_related_marker(&lines[at].text) {
            continue;
        }
        let Some(end) = headed_block_end(lines, at) else {
            continue;
        };
        let part = &lines[at + 1..end];
        let teasers = part
            .iter()
            .all(|l| l.all_link || crate::normalize::word_count(&l.text) <= TEASER_WORDS);
        let prose: usize = part
            .iter()
            .filter(|l| l.removed.is_none())
            .map(|l| l.prose)
            .sum();
        if teasers && 2 * prose < total {
            for line in lines[at..end]
                .iter_mut()
                .filter(|l| l.removed.is_none() && !l.heading)
            {
                line.removed = Some(RemovalReason::Related);
            }
        }
    }
}

/// The end of the block a heading at `at` heads: the lines after it inside
/// the smallest element that holds both the heading and the line below it,
/// when the heading is that element's first line (a heading in the middle
/// of a page's text heads no box).
fn headed_block_end(lines: &[Line], at: usize) -> Option<usize> {
    let below = &lines.get(at + 1)?.ancestors;
    let block = *lines[at]
        .ancestors
        .iter()
        .rev()
        .find(|e| below.contains(e))?;
    if at > 0 && lines[at - 1].ancestors.contains(&block) {
        return None;
    }
    let inside = lines[at + 1..]
        .iter()
        .take_while(|l| l.ancestors.contains(&block))
        .count();
    Some(at + 1 + inside)
}

/// Words a teaser's line may hold: a headline and a short blurb.
const TEASER_WORDS: usize = 25;

/// Rule `LinkBlock`: an element whose open lines are mostly link text
/// (at least [`LINK_BLOCK_SHARE`] of its bytes inside links, over
/// [`LINK_BLOCK_LINES`] lines or more) and that holds under half the
/// page's prose is a list of other stories or a menu, even where its links
/// alternate with dates and blurbs (which `set_aside_link_lists` misses).
pub(super) fn set_aside_link_blocks(lines: &mut [Line]) {
    let open = |l: &Line| l.removed.is_none() && !l.heading;
    let total: usize = lines.iter().filter(|l| open(l)).map(|l| l.prose).sum();
    // Per element: (lines, bytes, linked bytes, prose words).
    let mut stats: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for line in lines.iter().filter(|l| open(l)) {
        let prose = line.prose;
        for element in &line.ancestors {
            let entry = stats.entry(*element).or_default();
            entry.0 += 1;
            entry.1 += line.text.len();
            entry.2 += line.linked.min(line.text.len());
            entry.3 += prose;
        }
    }
    let is_link_block = |&(n, bytes, linked, prose): &(usize, usize, usize, usize)| {
        n >= LINK_BLOCK_LINES
            && linked as f32 >= LINK_BLOCK_SHARE * bytes as f32
            && 2 * prose < total
    };
    for line in lines
        .iter_mut()
        .filter(|l| open(l) && l.container.is_none())
    {
        let in_block = line
            .ancestors
            .iter()
            .any(|e| stats.get(e).is_some_and(is_link_block));
        if in_block {
            line.removed = Some(RemovalReason::Related);
        }
    }
}

/// Lines an element needs to be a block of links.
const LINK_BLOCK_LINES: usize = 4;
/// Share of an element's text inside links that makes it a block of links.
const LINK_BLOCK_SHARE: f32 = 0.6;

/// Rule `LabelOfChrome`: a label of up to four words ending in a colon
/// ("Tags:", "Share:", "Supported by:") over links or chrome, or with
/// nothing below it, is chrome as what it labels is. A label over text
/// ("Ingredients:" above a list) stays.
pub(super) fn set_aside_labels_of_chrome(lines: &mut [Line]) {
    for at in 0..lines.len() {
        let line = &lines[at];
        let label = line.removed.is_none()
            && !line.heading
            && line.text.ends_with(':')
            && crate::normalize::word_count(&line.text) <= 4;
        if !label {
            continue;
        }
        let below = lines[at + 1..].first();
        let labels_chrome = below.is_none_or(|l| l.removed.is_some() || l.all_link);
        if labels_chrome {
            let reason = below.and_then(|l| l.removed);
            lines[at].removed = Some(reason.unwrap_or(RemovalReason::Navigation));
        }
    }
}

/// Rule `LabelThenLink`: "MIRA: Port strike ends", "Read also: ...": a
/// label of up to four words (not a date) and a colon, then a link of four
/// words or more and nothing else, is a teaser for another story.
pub(super) fn set_aside_labelled_links(lines: &mut [Line]) {
    for line in lines
        .iter_mut()
        .filter(|l| l.removed.is_none() && !l.heading)
    {
        let Some((label, rest)) = line.text.split_once(':') else {
            continue;
        };
        let rest = rest.trim();
        let words = |t: &str| crate::normalize::word_count(t);
        let link_is_rest =
            line.linked as f32 >= LINK_LINE * rest.len() as f32 && line.linked <= rest.len() + 1;
        let label_is_word = !label.contains(|c: char| c.is_ascii_digit());
        if (1..=4).contains(&words(label)) && label_is_word && words(rest) >= 4 && link_is_rest {
            line.removed = Some(RemovalReason::Related);
        }
    }
}

/// Words of a line that reads as running text (a sentence of some length),
/// else 0: menus, labels and link lists hold no prose.
pub(super) fn prose_words(text: &str) -> usize {
    let words = crate::normalize::word_count(text);
    if words >= 10 && text.contains(['.', '!', '?', ',', '。', '，']) {
        words
    } else {
        0
    }
}

/// When the page marks its main content, text outside the container with
/// the most words is chrome: other `<article>`s are related stories,
/// anything else is site furniture. The `<h1>` stays wherever it is.
pub(super) fn keep_main_container(lines: &mut [Line]) {
    let mut words: Vec<(usize, usize)> = Vec::new();
    for line in lines.iter().filter(|l| l.removed.is_none()) {
        if let Some(c) = line.container {
            let count = crate::normalize::word_count(&line.text);
            match words.iter_mut().find(|(id, _)| *id == c) {
                Some((_, n)) => *n += count,
                None => words.push((c, count)),
            }
        }
    }
    let largest = words
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| *id);
    let Some(main) = headline_container(lines).or(largest) else {
        return;
    };
    if prose_outside_outweighs(lines, main) {
        return;
    }
    for line in lines.iter_mut() {
        if line.removed.is_none() && !line.heading && line.container != Some(main) {
            line.removed = Some(if line.container.is_some() {
                RemovalReason::Related
            } else {
                RemovalReason::Navigation
            });
        }
    }
}

/// Rule `HeadlineAboveArticle`: the page's headline is its first `<h1>`
/// that prints the title the page declares or stands outside chrome (a
/// sidebar's donation buttons may be `<h1>`s too), and that has no more
/// prose above it than below it: an `<h1>` repeated in the share bar
/// under the article heads nothing.
pub(super) fn headline_line(lines: &[Line], declared: Option<&str>) -> Option<usize> {
    let prose: Vec<usize> = (lines.iter())
        .map(|l| if l.removed.is_none() { l.prose } else { 0 })
        .collect();
    let total: usize = prose.iter().sum();
    let mut above = 0;
    for (at, line) in lines.iter().enumerate() {
        let candidate = line.removed.is_none() || Some(line.text.as_str()) == declared;
        if line.heading && candidate && above <= total - above - prose[at] {
            return Some(at);
        }
        above += prose[at];
    }
    None
}

/// Rule `HeadlineContainer`: the container that holds the page's `<h1>`
/// and prose of an article's length (50 words and more in lines of prose)
/// is the article, however many words a teaser list or a slider of other
/// stories marked as `<article>` holds.
fn headline_container(lines: &[Line]) -> Option<usize> {
    const ARTICLE_PROSE: usize = 50;
    let container = lines
        .iter()
        .find(|l| l.heading && l.removed.is_none() && l.container.is_some())?
        .container?;
    let prose: usize = lines
        .iter()
        .filter(|l| l.removed.is_none() && l.container == Some(container))
        .map(|l| l.prose)
        .sum();
    (prose >= ARTICLE_PROSE).then_some(container)
}

/// Rule `UnmarkedArticle`: a page may mark only its teasers or sidebar
/// posts as `<article>`s while its own text stands outside them. When the
/// prose outside every container outweighs the prose of the largest one,
/// that container is not the article, and nothing is set aside for being
/// outside it.
fn prose_outside_outweighs(lines: &[Line], main: usize) -> bool {
    let prose = |inside: &dyn Fn(&Line) -> bool| -> usize {
        lines
            .iter()
            .filter(|l| l.removed.is_none() && inside(l))
            .map(|l| l.prose)
            .sum()
    };
    let outside = prose(&|l| l.container.is_none());
    outside > prose(&|l| l.container == Some(main))
}

/// Rule `BelowTheArticle`: the open lines after the article's last
/// paragraph (the end of the densest run of prose, as a text capture's
/// body is found: `chrome::capture`) that stand outside the smallest
/// element holding the article's first and last lines are the page's
/// furniture (teasers, footers, contact boxes), each with the reason its
/// shape gives it there. Lines inside that element (a table, a list, a
/// note closing the article) stay, and so does all of it when the page's
/// `<h1>` comes after the article's first paragraph.
///
/// Returns the line where the article's body starts, if one stands out.
pub(super) fn set_aside_below_article(lines: &mut [Line]) -> Option<usize> {
    let open: Vec<usize> = (0..lines.len())
        .filter(|&at| lines[at].removed.is_none())
        .collect();
    let texts: Vec<String> = open.iter().map(|&at| lines[at].text.clone()).collect();
    let (first, last) = crate::chrome::capture::article_lines(&texts)?;
    // An `<h1>` below the article's start marks where the reader takes
    // the article to begin: what follows is not judged from above it.
    if lines.iter().position(|l| l.heading) > Some(open[first]) {
        return None;
    }
    let found = crate::chrome::capture::set_aside(&texts);
    let article = smallest_common_element(&lines[open[first]], &lines[open[last]])?;
    for (&at, reason) in open.iter().zip(found).skip(last + 1) {
        let line = &mut lines[at];
        if !line.heading && !line.ancestors.contains(&article) {
            line.removed = reason;
        }
    }
    Some(open[first])
}

/// The innermost element open around both lines.
fn smallest_common_element(a: &Line, b: &Line) -> Option<usize> {
    a.ancestors
        .iter()
        .zip(&b.ancestors)
        .take_while(|(x, y)| x == y)
        .last()
        .map(|(x, _)| *x)
}
