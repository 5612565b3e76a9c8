//! Large corpora for the benchmark and the scale plan, made from the seeds:
//! copy `n` of a seed article gets a publication date moved by `n` days, a
//! catalog entry of its own, and text of its own: about a third of its
//! lowercase words of five letters or more (headline included) are swapped for common
//! English words picked by a generator seeded with `n` (the word list of
//! `crates/corpus/data/word_frequency.txt`). Sentences, names, numbers,
//! quotes and paragraphs keep the seed's shape, so each article costs the
//! analysis and the page what a real one does, while its word sequences
//! are its own: compressed sizes do not profit from copies repeating
//! within the compressor's window (see docs/scale.md).

use crossread_corpus::source_dir::read_source_dir;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Writes a seeds directory of `count` articles under `target/bench/` and
/// returns it; an existing one of that size is reused.
pub fn generate(count: usize) -> Result<PathBuf, String> {
    let seeds = crate::bench::seeds_dir();
    let dir = crate::root()
        .join("target")
        .join("bench")
        .join(format!("corpus-varied-{count}"));
    let done = dir.join(".complete");
    if done.is_file() {
        return Ok(dir);
    }
    let corpus = crate::bench::seeds_corpus()?;
    let source = read_source_dir(&seeds)?;
    let catalog = source.catalog.unwrap_or_default();
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut new_catalog = String::new();
    let vocabulary = vocabulary()?;
    for n in 0..count {
        let seed = &source.files[n % source.files.len()];
        let document = corpus
            .documents
            .iter()
            .find(|d| seed.name.starts_with(&d.id))
            .ok_or_else(|| format!("no analysed document for {}", seed.name))?;
        let text = varied(&String::from_utf8_lossy(&seed.bytes), n, &vocabulary);
        let name = format!("g{n:05}_{}", seed.name);
        crate::hosting::write(&dir.join(&name), &text)?;
        if let Some(entry) = catalog_entry(&catalog, &seed.name) {
            let entry = entry.replace(&seed.name, &name);
            let entry = match &document.published {
                Some(date) if date.to_string().len() == 10 => {
                    entry.replace(&date.to_string(), &shifted(&date.to_string(), n))
                }
                _ => entry,
            };
            let _ = write!(new_catalog, "[[article]]{entry}");
        }
    }
    crate::hosting::write(&dir.join("catalog.toml"), &new_catalog)?;
    crate::hosting::write(&done, "")?;
    Ok(dir)
}

/// Common English words of four letters or more.
fn vocabulary() -> Result<Vec<String>, String> {
    let path = crate::root().join("crates/corpus/data/word_frequency.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace().skip(1))
        .filter(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .map(str::to_string)
        .collect())
}

/// `text` with about a third of its lowercase words of five letters or
/// more replaced by words of `vocabulary`, chosen by a generator seeded
/// with `n`; punctuation, capitals, digits and line breaks stay.
fn varied(text: &str, n: usize, vocabulary: &[String]) -> String {
    let mut state = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, next: &mut dyn FnMut() -> u64| {
        let plain = word.len() >= 5 && word.bytes().all(|b| b.is_ascii_lowercase());
        if plain && next().is_multiple_of(3) && !vocabulary.is_empty() {
            out.push_str(&vocabulary[(next() % vocabulary.len() as u64) as usize]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut next);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut next);
    out
}

/// The text of the `[[article]]` block for `file` in a catalog.
fn catalog_entry<'a>(catalog: &'a str, file: &str) -> Option<&'a str> {
    catalog
        .split("[[article]]")
        .skip(1)
        .find(|block| block.contains(&format!("file = \"{file}\"")))
}

/// `YYYY-MM-DD` moved back by `days % 28` days within its month, so dates
/// stay valid and spread out.
fn shifted(date: &str, days: usize) -> String {
    let day: usize = date[8..10].parse().unwrap_or(1);
    let new_day = (day + 27 - days % 28) % 28 + 1;
    format!("{}{new_day:02}", &date[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_differ_by_seed_and_keep_shape() {
        let words: Vec<String> = ["river", "table", "garden"].map(String::from).to_vec();
        let text = "The minister said on Monday that \"prices would rise\", citing 3.5 percent inflation.\n\nSecond paragraph about shipping costs.";
        let (a, b) = (varied(text, 1, &words), varied(text, 2, &words));
        assert_ne!(a, b);
        assert_eq!(varied(text, 1, &words), a);
        for v in [&a, &b] {
            assert!(v.starts_with("The ") && v.contains("Monday") && v.contains("3.5"));
            assert_eq!(v.matches('\n').count(), 2);
            assert_eq!(v.matches('"').count(), 2);
        }
    }

    #[test]
    fn shifted_dates_stay_in_their_month() {
        for n in 0..100 {
            let date = shifted("2024-02-28", n);
            let day: u32 = date[8..].parse().unwrap();
            assert!((1..=28).contains(&day), "{date}");
            assert!(date.starts_with("2024-02-"));
        }
    }

    #[test]
    fn catalog_blocks_are_found_by_file() {
        let catalog =
            "# c\n[[article]]\nfile = \"a.txt\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = \"B\"\n";
        assert!(catalog_entry(catalog, "b.txt")
            .unwrap()
            .contains("outlet = \"B\""));
        assert!(catalog_entry(catalog, "c.txt").is_none());
    }
}
