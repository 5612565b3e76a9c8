//! Recognisers for page chrome: the parts of a captured web page that are not
//! the article. Each recogniser looks at one normalised line (and sometimes
//! its neighbours) and is written for news sites in general: cue phrases are
//! the ones sites commonly print (see `docs/rules.md` for sources and limits).

pub mod capture;
pub mod cues;
pub mod furniture;
pub mod markup;
pub mod pointers;

use crate::document::RemovalReason;
use crate::normalize::word_count;
use cues::Cues;

/// Browser and site notices shown above or around an article.
const BANNER_CUES: Cues = Cues::new(&[
    "older browser",
    "supported version",
    "update your browser",
    "enable javascript",
    "javascript is disabled",
    "uses cookies",
    "accept cookies",
    "ad blocker",
    "adblocker",
]);

/// Subscription and account prompts, recognised anywhere in a short line.
const PROMO_CUES: Cues = Cues::new(&[
    "subscribe now",
    "subscribe today",
    "subscribers can",
    "already a subscriber",
    "free trial",
    "unlimited access",
    "start your unlimited",
    "create an account",
    "support our journalism",
]);

/// Prompts that are also ordinary words ("a sign in the window"): chrome only
/// when a line, or a `|`-separated part of it, starts with them.
const PROMO_SEGMENT_STARTS: &[&str] = &[
    "sign in",
    "sign up",
    "log in",
    "subscribe",
    "get our newsletter",
    "register",
];

/// `lower`: the line in lower case (a part of it in lower case is the
/// part of the line in lower case: a `|` and spaces stay as they are).
fn is_promo(lower: &str) -> bool {
    PROMO_CUES.occur_in(lower)
        || lower.split('|').any(|segment| {
            let segment = segment.trim();
            PROMO_SEGMENT_STARTS
                .iter()
                .any(|cue| segment.starts_with(cue))
        })
}

/// Headings that open a block of links to other stories.
const RELATED_MARKERS: &[&str] = &[
    "related",
    "related articles",
    "related content",
    "related stories",
    "related coverage",
    "related news",
    "more on this topic",
    "more on this story",
    "more from",
    "read more",
    "read next",
    "recommended",
    "recommended stories",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "trending",
    "see also",
    "further reading",
    "related posts",
    "recent posts",
    "latest articles",
    // The same headings as sites in German, French, Spanish, Italian and
    // Polish print them.
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "auch interessant",
    "lesen sie auch",
    "verwandte artikel",
    "ähnliche artikel",
    "neueste artikel",
    "weitere artikel",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "temas relacionados",
    "noticias relacionadas",
    "artículos relacionados",
    "leggi anche",
    "articoli correlati",
    "zobacz także",
    "czytaj także",
    "related topics",
    "weitere nachrichten",
    "contenido relacionado",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "sie könnten auch an folgenden artikeln interessiert sein",
    "vous aimerez aussi",
    "zobacz również",
    "siehe auch",
    "empfehlungen aus der redaktion",
    "die meistgelesenen artikel",
    "meistgelesen",
    "meist gelesen",
    "viel gelesen",
    "aktuellste beiträge",
    "aktuelle beiträge",
    "neueste beiträge",
    "otras noticias",
    "lo último",
    "le puede interesar",
    "te puede interesar",
    "también te puede interesar",
    "explore further",
    "zum weiterlesen",
    "weiterlesen",
    "weiterführende informationen",
    "weiterführende links",
    "weiterführender link",
    "videos zum thema",
    "veja também",
    "en savoir plus",
    "à lire également",
    "lust auf mehr",
    "noch mehr infos für dich",
    "heute empfehlen wir",
    "more stories",
    "you may also be interested in",
    "ezek is érdekelhetnek",
    "über den autor",
    "über die autorin",
    "about the author",
    // The most-read lists, as sites in several languages head them.
    "most viewed",
    "most shared",
    "most commented",
    "most read stories",
    "las más leídas",
    "los más leídos",
    "lo más leído",
    "lo más visto",
    "más leídas",
    "más leídos",
    "les plus lus",
    "les plus partagés",
    "i più letti",
    "più letti",
    "mais lidas",
    "as mais lidas",
    "najczęściej czytane",
    "najpopularniejsze",
];

/// Cues that open a one-line teaser for another story ("Read also: Port
/// strike ends"), besides the related headings themselves.
const TEASER_CUES: &[&str] = &[
    "also read",
    "read also",
    "lies auch",
    "lea también",
    "lea más",
    "lea",
    "lee también",
    "leia também",
    "veja também",
    "zobacz też",
    "czytaj też",
    "mira",
    "le puede interesar",
    "te puede interesar",
    "también te puede interesar",
    "lee",
    "lea además",
    "ver también",
    "véase también",
    "read",
    "read more",
    "see also",
    "related",
    "lesen sie auch",
    "lesen sie",
    "weiterlesen",
    "auch interessant",
    "à lire aussi",
    "lire aussi",
    "voir aussi",
    "zobacz",
    "czytaj",
    "czytaj więcej",
    "zobacz także",
    "zobacz również",
    "leia",
    "veja",
    "veja também",
    "leggi anche",
    "vedi anche",
];

const NAVIGATION_CUES: &[&str] = &[
    "back to top",
    "back to top button",
    "skip to content",
    "skip to main content",
    "share this article",
    "share on facebook",
    "share on twitter",
    "advertisement",
    "scroll to continue",
    "continue reading",
    "comments",
    "print",
    "share",
    "tags",
    "contact",
    "back to overview",
    "drucken",
    "teilen",
    "kontakt",
    "themen",
    "zurück zur übersicht",
    "nach oben",
    "mehr",
    "more",
    "weiter",
    "permalink",
    "permalien",
];

/// Labels over a page's own sections beside the article: its contact,
/// the author's and the sources' headings, further information, a table
/// of contents, its partners. A line that is only such a label is page
/// furniture (what it labels is judged on its own).
const FURNITURE_LABELS: &[&str] = &[
    "about the author",
    "author",
    "authors",
    "contact",
    "contents",
    "further information",
    "more information",
    "references",
    "sources",
    "table of contents",
    "von",
    "autor",
    "autorin",
    "autoren",
    "ansprechpartner",
    "ansprechpartnerin",
    "aktuelle news",
    "downloads",
    "einzelnachweise",
    "externer inhalt",
    "inhaltsverzeichnis",
    "literatur",
    "mehr kolumnen",
    "mehr themen",
    "originalpublikation",
    "quelle",
    "quellen",
    "quellenangaben",
    "sponsoren",
    "sponsoren und partner",
    "unsere partner",
    "über diese reihe",
    "weblinks",
    "weitere informationen",
    "weiterführende informationen",
    "zusatzinformationen",
    "informations complémentaires",
    "pour aller plus loin",
    "réactions",
    "sommaire",
    "vos réactions",
    "contacto",
    "fuentes",
    "más información",
];

/// Credits printed under images.
const CREDIT_CUES: Cues = Cues::new(&[
    "getty images",
    "images source",
    "image source",
    "image credit",
    "photo credit",
    "photo:",
    "photograph:",
    "ap photo",
    "afp via",
    "/afp",
    "/reuters",
    "reuters/",
    "/ap",
    "shutterstock",
    "epa-efe",
    "©",
]);

const SOURCE_LINE_PREFIXES: &[&str] = &[
    "content retrieved from:",
    "retrieved from:",
    "source:",
    "originally published at",
    "this article originally appeared",
    "this story originally appeared",
];

/// Section labels sites print above a headline.
pub const SECTION_LABELS: &[&str] = &[
    "News",
    "World",
    "Politics",
    "Business",
    "Opinion",
    "Analysis",
    "Tech",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Sports",
    "Culture",
    "Entertainment",
    "Economy",
    "Markets",
    "Europe",
    "Asia",
    "Africa",
    "Americas",
    "Middle East",
    "US",
    "UK",
    "International",
    "National",
    "Local",
    "Breaking",
    "Exclusive",
    "Live",
    "Video",
    "Defense",
    "Defence",
    "Security",
    "Climate",
    "Environment",
    "Investigations",
    "Commentary",
];

fn normalised_heading(line: &str) -> String {
    line.trim_end_matches([':', '.', '!', '?', '›', '»', '>'])
        .trim()
        .to_lowercase()
}

/// A line that is page chrome wherever it appears, with the reason. The
/// line is lower-cased and its words counted once for every rule.
pub fn classify_line(line: &str) -> Option<RemovalReason> {
    let lower = line.to_lowercase();
    let words = word_count(line);
    if source_line(line, &lower) {
        return Some(RemovalReason::SourceLine);
    }
    if words <= 12 && is_tracking(&lower) {
        return Some(RemovalReason::Tracking);
    }
    if words <= 30 && BANNER_CUES.occur_in(&lower) {
        return Some(RemovalReason::SiteBanner);
    }
    if words <= 30 && is_promo(&lower) && !ends_like_reported_speech(&lower) {
        return Some(RemovalReason::Promo);
    }
    let heading = normalised_heading(line);
    if related_marker(&heading, words) || words <= 25 && is_teaser(line) {
        return Some(RemovalReason::Related);
    }
    if words <= 4 && NAVIGATION_CUES.contains(&heading.as_str()) {
        return Some(RemovalReason::Navigation);
    }
    if words <= 4 && FURNITURE_LABELS.contains(&heading.as_str()) {
        return Some(RemovalReason::Navigation);
    }
    if CREDIT_CUES.occur_in(&lower) || ends_with_upper_credit(line) {
        return Some(if words <= 10 {
            RemovalReason::Credit
        } else {
            RemovalReason::Caption
        });
    }
    if is_doubled(line) {
        return Some(RemovalReason::Duplicate);
    }
    if ends_like_reported_speech(&lower) {
        return None;
    }
    furniture::classify(&lower, words).or_else(|| pointers::classify(lower.trim(), words))
}

/// Body sentences that merely mention subscribing ("..., she said.") are
/// news: `lower` is the line in lower case.
fn ends_like_reported_speech(lower: &str) -> bool {
    const REPORTED_SPEECH: Cues = Cues::new(&[" said.", " says.", " told ", "according to"]);
    REPORTED_SPEECH.occur_in(lower)
}

/// "Lea también: Port strike ends", "À lire aussi » Port strike ends": a
/// teaser cue, a colon or a guillemet, and a headline of three words or
/// more.
fn is_teaser(line: &str) -> bool {
    let Some((cue, headline)) = line.split_once([':', '»', '›']) else {
        return false;
    };
    let cue = normalised_heading(cue);
    word_count(headline) >= 3
        && (TEASER_CUES.contains(&cue.as_str()) || RELATED_MARKERS.contains(&cue.as_str()))
}

pub fn is_related_marker(line: &str) -> bool {
    related_marker(&normalised_heading(line), word_count(line))
}

fn related_marker(heading: &str, words: usize) -> bool {
    words <= 8 && RELATED_MARKERS.contains(&heading) || words <= 4 && names_other_stories(heading)
}

/// Rule `OtherStoriesHeading`: a heading of two to four words that opens
/// with a word pointing elsewhere ("more", "other", "latest", "top",
/// "popular") and ends with a kind of piece ("stories", "columns",
/// "videos", "slide shows"): "Other Opinion Columns", "Top Stories",
/// "More Sports News", "Featured Slide Shows". Kinds an article may head
/// its own parts with ("top picks" of a buying guide, "featured photos")
/// are not among them. `heading` is lower-cased.
fn names_other_stories(heading: &str) -> bool {
    const OPENERS: &[&str] = &[
        "more",
        "other",
        "latest",
        "top",
        "popular",
        "featured",
        "recent",
        "trending",
        "related",
        "recommended",
        "editor's",
        "editors'",
        "editors",
    ];
    const KINDS: &[&str] = &[
        "stories",
        "news",
        "articles",
        "columns",
        "videos",
        "shows",
        "slideshows",
        "posts",
        "headlines",
        "galleries",
        "reads",
        "podcasts",
    ];
    let words: Vec<&str> = heading.split_whitespace().collect();
    words.len() >= 2
        && OPENERS.contains(&words[0])
        && words.last().is_some_and(|w| KINDS.contains(w))
}

pub fn is_source_line(line: &str) -> bool {
    source_line(line, &line.to_lowercase())
}

/// `lower`: the line in lower case.
fn source_line(line: &str, lower: &str) -> bool {
    let bare_address = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !line.trim().contains(char::is_whitespace);
    (bare_address || SOURCE_LINE_PREFIXES.iter().any(|p| lower.starts_with(p)))
        && source_url(line).is_some()
}

/// The first http(s) address in a line, without trailing punctuation and
/// without tracking parameters.
pub fn source_url(line: &str) -> Option<String> {
    let start = line.find("https://").or_else(|| line.find("http://"))?;
    let raw = line[start..].split_whitespace().next()?;
    let raw = raw.trim_end_matches(['.', ',', ';', ')', '"', '\'']);
    Some(strip_tracking_parameters(raw))
}

/// Drops click-tracking query parameters (`fbclid`, `utm_*`, ...).
pub fn strip_tracking_parameters(url: &str) -> String {
    const TRACKERS: &[&str] = &[
        "fbclid", "gclid", "dclid", "msclkid", "ocid", "mc_cid", "mc_eid", "igshid", "cmpid",
    ];
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let Some((path, query)) = base.split_once('?') else {
        return url.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
            !pair.is_empty() && !key.starts_with("utm_") && !TRACKERS.contains(&key.as_str())
        })
        .collect();
    let mut out = path.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Text of tracking pixels that leaks into captures ("image beaconimage
/// beacon"): `lower` is the line in lower case.
fn is_tracking(lower: &str) -> bool {
    lower.contains("beacon") || lower.contains("tracking pixel")
}

/// Agency credits in capitals after a caption: "... 2022. NAME SURNAME/AGENCY VIA GETTY IMAGES".
fn ends_with_upper_credit(line: &str) -> bool {
    let tail: Vec<&str> = line
        .rsplit(". ")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    // NAME/AGENCY: letters on both sides of the slash ("[M1 / MP]", a
    // reference in brackets, is not a credit).
    let name_slash_agency = |w: &&str| {
        w.contains('/')
            && w.split('/')
                .all(|part| part.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    };
    tail.len() >= 2
        && tail.iter().any(name_slash_agency)
        && tail.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// A line made of the same text twice ("Caption.Caption." or "A b A b").
pub fn is_doubled(line: &str) -> bool {
    doubled_half(line).is_some()
}

/// The first half of a doubled line.
pub fn doubled_half(line: &str) -> Option<&str> {
    let bytes = line.len();
    if word_count(line) < 4 {
        return None;
    }
    for (at, _) in line.char_indices().skip(1) {
        let (left, right) = line.split_at(at);
        if left.len() * 2 > bytes + 1 {
            break;
        }
        let right = right.trim_start();
        if left.trim_end() == right {
            return Some(left.trim_end());
        }
    }
    None
}

/// A section label glued to the headline without a space ("NewsRussia's ...").
/// Returns (label, headline).
pub fn split_glued_section_label(line: &str) -> Option<(&str, &str)> {
    SECTION_LABELS.iter().find_map(|label| {
        let rest = line.strip_prefix(label)?;
        let first = rest.chars().next()?;
        first.is_uppercase().then_some((&line[..label.len()], rest))
    })
}

/// A line that is only a section label ("World").
pub fn is_section_label(line: &str) -> bool {
    SECTION_LABELS
        .iter()
        .any(|label| label.eq_ignore_ascii_case(line.trim_end_matches(['.', ':'])))
}

/// A summary bullet ("- point", "• point").
pub fn bullet_text(line: &str) -> Option<&str> {
    ["- ", "• ", "* ", "– ", "· "]
        .iter()
        .find_map(|mark| line.strip_prefix(mark))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_banner_is_chrome() {
        assert_eq!(
            classify_line("You are using an older browser version. Please use a supported version for the best MSN experience."),
            Some(RemovalReason::SiteBanner)
        );
    }

    #[test]
    fn promos_and_trials_are_chrome() {
        assert_eq!(
            classify_line("Start your unlimited Newsweek trial"),
            Some(RemovalReason::Promo)
        );
        assert_eq!(
            classify_line("Sign up for our daily briefing newsletter"),
            Some(RemovalReason::Promo)
        );
    }

    #[test]
    fn a_body_sentence_about_subscribers_is_not_a_promo() {
        assert_eq!(
            classify_line(
                "The streaming service lost a million subscribers, its chief executive said."
            ),
            None
        );
    }

    #[test]
    fn related_headings_and_navigation() {
        assert_eq!(
            classify_line("Related Articles"),
            Some(RemovalReason::Related)
        );
        assert_eq!(
            classify_line("MORE ON THIS TOPIC"),
            Some(RemovalReason::Related)
        );
        assert_eq!(
            classify_line("Back to top button"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(classify_line("Mehr"), Some(RemovalReason::Navigation));
        assert_eq!(
            classify_line("Related officials said the talks went well."),
            None
        );
    }

    #[test]
    fn labels_of_a_page_s_own_sections_are_navigation() {
        for line in [
            "Weitere Informationen",
            "Ansprechpartner",
            "Quellenangaben:",
            "Autoren:",
            "Table of contents",
            "Vos réactions",
        ] {
            assert_eq!(
                classify_line(line),
                Some(RemovalReason::Navigation),
                "{line}"
            );
        }
        assert_eq!(
            classify_line("Sources close to the minister said the talks went well."),
            None
        );
    }

    #[test]
    fn teaser_labels_and_related_headings_in_more_forms() {
        for line in [
            "LE PUEDE INTERESAR: El puerto reabre tras la huelga",
            "MIRA: Los estibadores votan el fin de la huelga",
            "Related: Dockers vote to end the harbour strike",
            "À lire aussi » Les dockers votent la fin de la grève",
            "Das könnte Sie auch interessieren!",
            "Vous aimerez aussi",
            "Über den Autor",
        ] {
            assert_eq!(classify_line(line), Some(RemovalReason::Related), "{line}");
        }
        assert_eq!(
            classify_line("Mira Nair: the director returns to Kampala for her next film"),
            None
        );
    }

    #[test]
    fn credits_and_captions() {
        assert_eq!(
            classify_line("Images source: © Getty Images | Jane Roe"),
            Some(RemovalReason::Credit)
        );
        assert_eq!(
            classify_line("Firefighters work at the scene on June 2, 2021 in Lyon, France. JOHN DOE/AFP VIA GETTY IMAGES"),
            Some(RemovalReason::Caption)
        );
    }

    #[test]
    fn doubled_caption_is_found_with_or_without_a_space() {
        assert_eq!(
            doubled_half("Leaders meet in Rome.Leaders meet in Rome."),
            Some("Leaders meet in Rome.")
        );
        assert_eq!(
            doubled_half("Leaders meet in Rome. Leaders meet in Rome."),
            Some("Leaders meet in Rome.")
        );
        assert_eq!(
            doubled_half("Leaders meet in Rome. Leaders meet in Paris."),
            None
        );
    }

    #[test]
    fn source_line_url_loses_tracking_parameters() {
        let line = "Content retrieved from: https://example.com/2023/a-story/?fbclid=XYZ&page=2&utm_source=fb.";
        assert!(is_source_line(line));
        assert_eq!(
            source_url(line).unwrap(),
            "https://example.com/2023/a-story/?page=2"
        );
    }

    #[test]
    fn glued_section_label_splits_only_before_a_capital() {
        assert_eq!(
            split_glued_section_label("NewsFloods hit Lagos"),
            Some(("News", "Floods hit Lagos"))
        );
        assert_eq!(split_glued_section_label("Newsrooms are shrinking"), None);
        assert_eq!(split_glued_section_label("Worldwide sales fell"), None);
    }
}
