//! Lines that point the reader elsewhere, recognised by their shape and a
//! few words news sites print in many languages, never by site: a teaser
//! ending in its "more" link, "X findest Du hier.", a link wrapped in
//! `>> … <<`, skip links, print and PDF versions, a carousel's item count,
//! feed links, downloads, a phone number. Each rule is a small function
//! over one lower-cased line.

use super::cues::Cues;
use super::furniture::has_any;
use crate::document::RemovalReason;

/// The reason a line points elsewhere, if it does: `lower` is the line
/// trimmed and in lower case, `words` its word count.
pub fn classify(lower: &str, words: usize) -> Option<RemovalReason> {
    let related = is_teaser_with_more_link(lower, words)
        || is_here_pointer(lower, words)
        || is_arrowed_link(lower, words)
        || is_latest_teaser(lower, words)
        || is_other_stories_heading(lower, words)
        || is_site_page_pointer(lower, words)
        || is_also_on_site(lower, words);
    if related {
        return Some(RemovalReason::Related);
    }
    let navigation = is_skip_link(lower, words)
        || is_version_link(lower)
        || is_continue_link(lower, words)
        || is_item_count(lower, words)
        || is_feed_or_filing(lower, words)
        || is_reading_estimate(lower, words)
        || is_download(lower, words)
        || is_phone_line(lower, words)
        || is_information_label(lower, words);
    navigation.then_some(RemovalReason::Navigation)
}

/// The link that closes a teaser ("… erläutert Hintergründe. mehr").
const MORE_LINKS: &[&str] = &[
    "more",
    "read more",
    "continue reading",
    "mehr",
    "weiterlesen",
    "lire la suite",
    "leer más",
    "więcej",
];

/// A teaser whose last sentence is followed by its "more" link.
fn is_teaser_with_more_link(lower: &str, words: usize) -> bool {
    let after_sentence = |before: &str| {
        let text = before.trim_end();
        text.len() < before.len() && text.ends_with(['.', '…', '!', '?', '"', '“', '”'])
    };
    words <= 60
        && MORE_LINKS
            .iter()
            .any(|more| lower.strip_suffix(more).is_some_and(after_sentence))
}

/// Phrases that send the reader to another page ("Alles über X findest
/// Du hier.", "Hier geht es zur neuen Satzung").
const HERE_POINTERS: Cues = Cues::new(&[
    "findest du hier",
    "finden sie hier",
    "findet ihr hier",
    "lesen sie hier",
    "hier geht es zu",
    "hier geht es zum",
    "hier geht es zur",
    "hier geht's zu",
    "hier geht's zum",
    "hier geht's zur",
    "click here",
    "klicken sie hier",
    "hier klicken",
    "cliquez ici",
    "haz clic aquí",
    "kliknij tutaj",
]);

/// A short line with such a phrase; one ending in a colon introduces what
/// follows it in the article ("Das Konzeptpapier finden Sie hier:").
fn is_here_pointer(lower: &str, words: usize) -> bool {
    words <= 20 && !lower.ends_with(':') && has_any(lower, &HERE_POINTERS)
}

/// A link set off by arrows on both sides (">> Hafen schließt <<").
fn is_arrowed_link(lower: &str, words: usize) -> bool {
    words <= 30 && lower.starts_with(">>") && lower.ends_with("<<")
}

/// "The latest on artificial intelligence, from …": a teaser's heading,
/// not a sentence.
fn is_latest_teaser(lower: &str, words: usize) -> bool {
    (4..=15).contains(&words) && lower.starts_with("the latest ") && !lower.ends_with('.')
}

/// Headings over other stories of the site, anywhere in the line
/// ("Aktuelle Berichte aus dieser Kategorie:", "Die meistgelesenen
/// Artikel bei …").
const OTHER_STORIES: Cues = Cues::new(&[
    "aus dieser kategorie",
    "in this category",
    "dans la même catégorie",
    "en la misma categoría",
    "die meistgelesenen",
    "weitere berichte aus",
]);

fn is_other_stories_heading(lower: &str, words: usize) -> bool {
    words <= 8 && !lower.ends_with('.') && has_any(lower, &OTHER_STORIES)
}

/// "Tipp: Auf der Seite Aktuelle Meldungen finden Sie …": a pointer to
/// another page of the site (not "weiter unten auf der Seite").
fn is_site_page_pointer(lower: &str, words: usize) -> bool {
    const PAGE: Cues = Cues::new(&["auf der seite", "auf unserer seite", "on our page"]);
    const FIND: Cues = Cues::new(&[
        "finden sie",
        "findest du",
        "können sie",
        "you can find",
        "you will find",
    ]);
    const WITHIN: Cues = Cues::new(&["weiter unten", "weiter oben", "further down"]);
    words <= 40 && has_any(lower, &PAGE) && has_any(lower, &FIND) && !has_any(lower, &WITHIN)
}

/// "Auch auf hafen.de", "Also on harbour.com": the site's other site.
fn is_also_on_site(lower: &str, words: usize) -> bool {
    let rest = ["auch auf ", "also on ", "aussi sur ", "también en "]
        .iter()
        .find_map(|cue| lower.strip_prefix(cue));
    words <= 4 && rest.is_some_and(is_host_name)
}

/// "hafen.de", "harbour.co.uk".
fn is_host_name(name: &str) -> bool {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let tld_only_letters =
        |tld: &str| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase());
    !name.contains(' ')
        && name
            .rsplit_once('.')
            .is_some_and(|(site, tld)| !site.is_empty() && tld_only_letters(tld))
}

/// A file to download with its size ("Informationsschreiben PDF | 38 KB",
/// "pdf (83,14 KB)"), glued to its title or not; not a sentence.
fn is_download(lower: &str, words: usize) -> bool {
    let file_type = || {
        ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip"]
            .iter()
            .any(|kind| has_end_of_word(lower, kind))
    };
    words <= 20 && !lower.ends_with('.') && file_type() && has_file_size(lower)
}

/// `kind` ending a word (a type glued to the title before it counts).
fn has_end_of_word(lower: &str, kind: &str) -> bool {
    lower.match_indices(kind).any(|(at, _)| {
        let after = lower[at + kind.len()..].chars().next();
        !after.is_some_and(char::is_alphanumeric)
    })
}

/// A number followed by KB or MB.
fn has_file_size(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '|')
        .filter(|t| !t.is_empty())
        .collect();
    tokens.windows(2).any(|pair| {
        let number = pair[0].replace(',', ".").parse::<f64>().is_ok();
        number && ["kb", "mb", "kib", "mib", "ko", "mo"].contains(&pair[1])
    })
}

/// "Telefon: 0201-2402-0", "Fax: (030) 78 95 47 79": a press contact's
/// numbers.
fn is_phone_line(lower: &str, words: usize) -> bool {
    if words > 10 {
        return false;
    }
    let labels = ["telefon", "tel.", "tel", "phone", "fax", "telefax", "mobil"];
    let Some((label, number)) = lower.split_once(':') else {
        return false;
    };
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let only_number = number
        .chars()
        .all(|c| c.is_ascii_digit() || " +-–/().".contains(c));
    words <= 10 && labels.contains(&label.trim()) && digits >= 6 && only_number
}

/// A label over links to more information ("Weitere Informationen zum
/// Coronavirus in Thüringen:"); what it labels is judged on its own.
fn is_information_label(lower: &str, words: usize) -> bool {
    let openings = [
        "weitere informationen zu",
        "more information on",
        "more information about",
        "plus d'informations sur",
        "más información sobre",
    ];
    words <= 8 && lower.ends_with(':') && openings.iter().any(|o| lower.starts_with(o))
}

/// Links that jump within the page ("Jump to Recipe", "Skip to content").
const SKIP_LINKS: &[&str] = &[
    "jump to",
    "skip to",
    "springe zu",
    "zum inhalt springen",
    "aller au contenu",
    "ir al contenido",
];

fn is_skip_link(lower: &str, words: usize) -> bool {
    words <= 5 && SKIP_LINKS.iter().any(|link| lower.starts_with(link))
}

/// Other versions of the page ("PDF version", "Druckversion").
const VERSION_LINKS: &[&str] = &[
    "pdf version",
    "pdf-version",
    "print version",
    "printable version",
    "printer friendly version",
    "printer-friendly version",
    "druckversion",
    "druckansicht",
    "version imprimable",
    "versión para imprimir",
    "wersja do druku",
];

fn is_version_link(lower: &str) -> bool {
    VERSION_LINKS.contains(&lower.trim_end_matches(['.', ':']).trim())
}

/// "… weiter zu „Die Wortwahl“": a link to the next part, after dots or
/// an arrow (a sentence does not open so).
fn is_continue_link(lower: &str, words: usize) -> bool {
    let rest = lower.trim_start_matches(['.', '…', '»', '>', '→', ' ']);
    words <= 8
        && rest.len() < lower.len()
        && ["weiter zu ", "weiter zum ", "weiter zur "]
            .iter()
            .any(|cue| rest.starts_with(cue))
}

/// A carousel's label for screen readers ("Liste mit 24 Einträgen",
/// "list with 12 items"), alone or glued to its heading.
fn is_item_count(lower: &str, words: usize) -> bool {
    let counted = |cue: &str, items: &str| {
        lower.match_indices(cue).any(|(at, _)| {
            let mut rest = lower[at + cue.len()..].split_whitespace();
            let number = rest.next().is_some_and(|n| n.parse::<u32>().is_ok());
            number && rest.next().is_some_and(|w| w.starts_with(items))
        })
    };
    words <= 10 && (counted("liste mit ", "einträge") || counted("list with ", "items"))
}

/// Feed links and a blog's "abgelegt unter" (filed under) line.
fn is_feed_or_filing(lower: &str, words: usize) -> bool {
    const FEED: Cues = Cues::new(&["rss-feed", "rss feed", "rss 2.0"]);
    const FILED_UNDER: Cues = Cues::new(&["abgelegt unter"]);
    words <= 20 && has_any(lower, &FEED) || words <= 40 && has_any(lower, &FILED_UNDER)
}

/// Words that say how long the text takes to read, or how long it is.
const READING_CUES: Cues = Cues::new(&[
    "przeczytasz",
    "lesedauer",
    "temps de lecture",
    "tiempo de lectura",
    "words",
    "wörter",
    "mots",
    "palabras",
]);

/// "Ten tekst przeczytasz w mniej niż minutę", "21 minutes - 4312 words".
fn is_reading_estimate(lower: &str, words: usize) -> bool {
    let minutes = || {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "min" || w.starts_with("minut"))
    };
    words <= 8 && minutes() && has_any(lower, &READING_CUES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::word_count;

    fn reason(line: &str) -> Option<RemovalReason> {
        classify(line.trim().to_lowercase().as_str(), word_count(line))
    }

    #[test]
    fn teasers_and_pointers_to_other_pages_are_related() {
        for line in [
            "Was gibt es Neues am Hafen? Jede Woche erklärt die Lotsin, was sich geändert hat. mehr",
            "The harbour reopened after the strike ended. Read more",
            "Alles über die neue Fähre findest Du hier.",
            "Hier geht es zur neuen Hafenordnung",
            ">> Wegen Sturm: Fähre nach Borkum fällt aus <<",
            "The latest on the harbour strike, from the docks to the courts",
            "Aktuelle Berichte aus dieser Kategorie:",
            "Die meistgelesenen Artikel bei Hafen.de",
            "Tipp: Auf der Seite Aktuelle Meldungen finden Sie alle Nachrichten des Hafens.",
            "Auch auf hafen.de",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Related), "{line}");
        }
        for line in [
            "Die Hafenordnung finden Sie hier:",
            "Die Lotsen wollen mehr",
            "The latest figures show cargo rose by a third.",
            "Sie sagte, sie wolle mehr.",
            "Genauere Angaben zu den Fähren findest Du weiter unten auf der Seite.",
            "Auch auf der Fähre gilt die Maskenpflicht.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn skip_links_versions_counts_feeds_and_reading_times_are_navigation() {
        for line in [
            "Jump to Recipe",
            "PDF version",
            "Druckversion",
            "... weiter zu \"Die Fähre\"",
            "Mehr aus der SendungListe mit 24 Einträgen",
            "Pressemappe des Hafens | RSS-Feed abonnieren",
            "Erstellt am 6. Mai 2014 und abgelegt unter Hafen, Fähren",
            "Ten tekst przeczytasz w mniej niż minutę",
            "21 minutes - 4312 words",
            "Hafenordnung vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
            "pdf (83,14 KB)",
            "Telefon: +49 - (40) - 300 30 - 1141",
            "Fax: (030) 78 95 47 79",
            "Weitere Informationen zum Hafen in Emden:",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Navigation), "{line}");
        }
        for line in [
            "Weiter zu Fuß ging es zum Hafen.",
            "The ferry takes 21 minutes.",
            "Jump to the harbour's history and you find the same strikes in 1921.",
            "The new rules in this category of ships apply from May.",
            "The 12 MB file was sent as a PDF to the port authority on Monday and then leaked.",
            "Tel Aviv: 2,000,000 people",
            "Weitere Informationen zum Hafen gab es nicht.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}
