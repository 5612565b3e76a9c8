//! Large corpora for the benchmark and the scale plan, made from the seeds:
//! copy `n` of a seed article gets a numbered headline, a closing line of its
//! own, a publication date moved by `n` days and a catalog entry of its own,
//! so every generated article is a distinct document with the analysis,
//! sizes and rendering cost of a real one. (Text repeats across copies, so
//! compressed sizes are somewhat optimistic; see docs/scale.md.)

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
        .join(format!("corpus-{count}"));
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
    for n in 0..count {
        let seed = &source.files[n % source.files.len()];
        let document = corpus
            .documents
            .iter()
            .find(|d| seed.name.starts_with(&d.id))
            .ok_or_else(|| format!("no analysed document for {}", seed.name))?;
        let text = String::from_utf8_lossy(&seed.bytes);
        let numbered = format!("{} (report {})", document.headline, n + 1);
        let text = format!(
            "{}\n\nThis is report {} of {count}, generated from {} for the Crossread benchmark.\n",
            text.replacen(document.headline.as_str(), &numbered, 1)
                .trim_end(),
            n + 1,
            seed.name
        );
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
