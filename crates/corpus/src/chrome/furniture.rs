//! Page furniture recognised by what the line looks like: a short line that
//! asks the reader to do something (share, print, follow, subscribe,
//! donate), states the site's terms, counts comments, files the article
//! under tags, or introduces a link to another story with a label and a
//! colon (see also `html`, rule `LabelThenLink`). Each rule is a small function over one normalised line; the cues
//! are phrases sites print in English, German, French, Spanish, Portuguese,
//! Italian and Polish.

use super::cues::Cues;
use crate::document::RemovalReason;

/// The reason a line is furniture, if it is: `lower` is the line in
/// lower case, `words` its word count.
pub fn classify(lower: &str, words: usize) -> Option<RemovalReason> {
    if words <= 30 && (is_self_promotion(lower) || is_app_or_follow_prompt(lower)) {
        return Some(RemovalReason::Promo);
    }
    if words <= 30 && (is_account_prompt(lower) || is_shop_prompt(lower)) || is_ad_label(lower) {
        return Some(RemovalReason::Promo);
    }
    if is_reader_appeal(lower, words) || is_members_only(lower, words) {
        return Some(RemovalReason::Promo);
    }
    if words <= 60 && has_any(lower, &DISCLAIMER_CUES) || is_server_warning(lower) {
        return Some(RemovalReason::SiteBanner);
    }
    if is_cookie_question(lower, words) {
        return Some(RemovalReason::SiteBanner);
    }
    if is_bare_stamp(lower, words) {
        return Some(RemovalReason::Dateline);
    }
    if is_figure_label(lower, words) {
        return Some(RemovalReason::Caption);
    }
    if is_first_printed_note(lower, words) {
        return Some(RemovalReason::SourceLine);
    }
    if is_comment_status(lower, words) {
        return Some(RemovalReason::Comments);
    }
    if is_related_prefix(lower, words) {
        return Some(RemovalReason::Related);
    }
    let navigation = is_action_button(lower, words)
        || is_next_or_previous(lower, words)
        || is_reading_time(lower, words)
        || is_site_counter(lower, words)
        || is_list_count(lower, words)
        || is_filing(lower, words)
        || words <= 6 && BACK_LINKS.contains(&trimmed(lower))
        || words <= 3 && (lower.starts_with("permalink") || lower.starts_with("permalien"));
    navigation.then_some(RemovalReason::Navigation)
}

/// Some cue of `cues` in `lower` as whole words ("our app" is not in
/// "your apps").
pub(super) fn has_any(lower: &str, cues: &Cues) -> bool {
    cues.occur_as_words_in(lower)
}

fn trimmed(lower: &str) -> &str {
    lower
        .trim_end_matches([':', '.', '!', '›', '»', '>'])
        .trim()
}

/// Appeals to subscribe, register, donate or sign up for a newsletter.
const SELF_PROMOTION_CUES: Cues = Cues::new(&[
    "our newsletter",
    "newsletter abonnieren",
    "newsletter anmelden",
    "zum newsletter",
    "unseren newsletter",
    "mit unserem newsletter",
    "sign up for",
    "by signing up",
    "never miss",
    "stay up-to-date",
    "stay up to date",
    "jetzt registrieren",
    "jetzt abonnieren",
    "abonniere",
    "abonnieren sie",
    "abonnez-vous",
    "suscríbete",
    "subskrypcji",
    "support our work",
    "support us",
    "unterstützen sie",
    "unterstütze das",
    "jede kleine spende",
    "become a member",
    "werden sie mitglied",
    "hacer periodismo",
    "rely on your support",
    "your support helps",
    "ihr beitrag hilft",
    "ihre unterstützung hilft",
    "als e-paper",
    "bahnhofskiosk",
    "einzelheft",
    "vorteile sichern",
    "exklusive angebote",
    "nichts mehr verpassen",
    "nichts mehr versäumen",
    "ne manquez rien",
    "no te pierdas nada",
]);

fn is_self_promotion(lower: &str) -> bool {
    has_any(lower, &SELF_PROMOTION_CUES)
}

/// Social networks a site asks the reader to follow it on.
const NETWORKS: Cues = Cues::new(&[
    "twitter",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "telegram",
    "whatsapp",
    "linkedin",
]);

/// "Follow The Courier on Twitter", "download our app for iOS and Android".
fn is_app_or_follow_prompt(lower: &str) -> bool {
    let follow = [
        "follow ",
        "síguenos",
        "folgen sie ",
        "folge uns",
        "suivez-nous",
        "obserwuj",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue));
    const APP: Cues = Cues::new(&[
        "our app",
        "apps for ios",
        "app for ios",
        "unsere app",
        "nuestra app",
        "straight to your phone",
        "straight to your inbox",
    ]);
    (follow || is_join_prompt(lower)) && has_any(lower, &NETWORKS)
        || has_any(lower, &APP)
        || lower.starts_with("follow us")
}

/// "Join our Telegram channel", "Únete a nuestro canal de WhatsApp": an
/// invitation to the site's channel on a network.
fn is_join_prompt(lower: &str) -> bool {
    const JOIN: Cues = Cues::new(&[
        "join us",
        "join our",
        "únete",
        "únase",
        "tritt unserem",
        "rejoignez-nous",
        "rejoignez notre",
        "dołącz",
    ]);
    has_any(lower, &JOIN)
}

/// The site's terms, copyright and liability notices.
const DISCLAIMER_CUES: Cues = Cues::new(&[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "is not responsible for the opinions",
    "are not responsible for the opinions",
    "do not necessarily reflect",
    "n'engagent que leurs auteurs",
    "engagent que leurs auteurs",
    "vervielfältigung nur mit",
    "materiał chroniony prawem",
    "unless otherwise stated, the content",
    "sofern nicht anders angegeben",
    "sofern nicht anders ausgewiesen",
    "enthält werbung",
    "affiliate link",
    "affiliatelink",
    "advertising fees by advertising",
    "our terms and conditions",
    "our terms of use",
    "some rights reserved",
    "einige rechte vorbehalten",
    "affiliate links",
    "affiliate-links",
    "affiliatelinks",
    "we may receive compensation",
    "we may earn a commission",
    "we may earn a small commission",
    "as an amazon associate",
    "advertiser disclosure",
    "gibt die meinung des autors wieder",
    "gibt die meinung der autorin wieder",
    "nicht notwendigerweise die",
    "does not apply to this article",
    "veröffentlicht unter der lizenz",
    "medically reviewed",
    "fact checked by",
    "fact-checked by",
    "von medizinern geprüft",
    "ärztlich geprüft",
]);

/// Prompts to log in or register before taking part ("You must be logged
/// in to post a comment", "Sie sind nicht eingeloggt").
const ACCOUNT_CUES: Cues = Cues::new(&[
    "must be logged in",
    "need to be logged in",
    "you are not logged in",
    "logged in to comment",
    "log in to comment",
    "eingeloggt sein",
    "nicht eingeloggt",
    "sich einloggen",
    "loggen sie sich ein",
    "sie sind nicht verbunden",
    "connectez-vous pour",
    "inicia sesión para",
    "zaloguj się",
]);

fn is_account_prompt(lower: &str) -> bool {
    has_any(lower, &ACCOUNT_CUES)
}

/// A shop's basket and buttons ("Your cart is empty", "In den Warenkorb").
const SHOP_CUES: Cues = Cues::new(&[
    "your cart is empty",
    "your basket is empty",
    "add to cart",
    "add to basket",
    "warenkorb ist leer",
    "in den warenkorb",
    "votre panier est vide",
    "tu carrito está vacío",
    "to your basket",
    "to your cart",
    "zum warenkorb",
]);

fn is_shop_prompt(lower: &str) -> bool {
    has_any(lower, &SHOP_CUES)
}

/// The site speaking to its reader, at more length than a button: asking
/// whether they like the site (before a support appeal), for letters and
/// corrections.
const READER_QUESTIONS: Cues = Cues::new(&[
    "like what you read",
    "sie lesen gern",
    "gefällt dir unser",
    "gefällt ihnen unser",
    "kennt ihr schon unser",
    "kennt ihr schon unseren",
    "kennen sie schon unser",
    "kennen sie schon unseren",
    "kennst du schon unser",
    "kennst du schon unseren",
]);

const READER_APPEALS: Cues = Cues::new(&[
    "keine bezahlschranke",
    "submit your letter",
    "fragen und anregungen zu diesem",
    "teilen sie uns ihre erfahrungen mit",
    "los invitamos a reportar",
]);

fn is_reader_appeal(lower: &str, words: usize) -> bool {
    let question = || lower.contains('?') && has_any(lower, &READER_QUESTIONS);
    words <= 60 && (question() || has_any(lower, &READER_APPEALS))
}

/// Paywall labels ("Nur für Abonnenten", "Pour accéder en illimité").
const MEMBERS_ONLY: Cues = Cues::new(&[
    "members only",
    "subscribers only",
    "for subscribers",
    "nur für abonnenten",
    "réservé aux abonnés",
    "accéder en illimité",
    "accès illimité",
    "unlimited access",
    "solo para suscriptores",
    "exclusivo para suscriptores",
    "tylko dla prenumeratorów",
]);

/// A short paywall label, or "Nur für …-Mitglieder".
fn is_members_only(lower: &str, words: usize) -> bool {
    let members = lower.starts_with("nur für ") && trimmed(lower).ends_with("mitglieder");
    words <= 8 && (members || has_any(lower, &MEMBERS_ONLY))
}

/// The label sites print over an ad ("Anzeige", "- Werbung -").
const AD_LABELS: &[&str] = &[
    "anzeige",
    "werbung",
    "advertisement",
    "publicidad",
    "publicité",
    "pubblicità",
    "reklama",
    "gesponsert",
];

fn is_ad_label(lower: &str) -> bool {
    AD_LABELS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// When a post or comment was written, alone on its line: a clock time
/// ("3:59 PM", "19:49") or a Q&A site's stamp ("asked Feb 6, 2014 at
/// 20:37", "answered …", "edited …").
fn is_bare_stamp(lower: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    let clock = |text: &str| {
        let text = ["am", "pm", "uhr", "h"]
            .iter()
            .find_map(|suffix| text.strip_suffix(suffix))
            .unwrap_or(text)
            .trim_end();
        // A colon: "12.50" is as often a price.
        let (hours, minutes) = text.split_once(':').unwrap_or(("", ""));
        let digits = |part: &str, max: usize| {
            (1..=max).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())
        };
        digits(hours, 2) && minutes.len() == 2 && digits(minutes, 2)
    };
    let qa = ["asked ", "answered ", "edited "]
        .iter()
        .any(|cue| lower.starts_with(cue));
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4);
    words <= 3 && clock(lower.trim()) || words <= 8 && qa && year
}

/// A figure's label and caption ("Abbildung 4: …", "Figure 2: …").
fn is_figure_label(lower: &str, words: usize) -> bool {
    let labels = [
        "abbildung",
        "abb.",
        "figure",
        "fig.",
        "grafik",
        "rysunek",
        "tabelle",
    ];
    let Some((label, _)) = lower.split_once(':') else {
        return false;
    };
    let mut parts = label.split_whitespace();
    let named = parts.next().is_some_and(|w| labels.contains(&w));
    let numbered = parts.all(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    words <= 40 && named && numbered
}

/// Where the article was first printed ("Dieser Beitrag stammt aus Ausgabe
/// 7/2019 der …", "This article first appeared in …").
const FIRST_PRINTED: &[&str] = &[
    "dieser beitrag stammt aus",
    "dieser artikel stammt aus",
    "dieser artikel erschien zuerst",
    "dieser beitrag erschien zuerst",
    "this article first appeared",
    "this story first appeared",
    "cet article a été publié initialement",
    "publicado originalmente en",
];

fn is_first_printed_note(lower: &str, words: usize) -> bool {
    words <= 40 && FIRST_PRINTED.iter().any(|cue| lower.starts_with(cue))
}

/// The heading of a cookie notice ("Was sind Cookies?", "What are cookies?").
fn is_cookie_question(lower: &str, words: usize) -> bool {
    let question = lower.trim_end_matches('?').trim_end();
    words <= 6 && question.len() < lower.len() && question.ends_with("cookies")
}

/// A server's warning printed into the page ("Warning: Creating default
/// object from empty value in /www/wp-includes/classes.php on line 407").
fn is_server_warning(lower: &str) -> bool {
    let labelled = ["warning:", "notice:", "deprecated:", "fatal error:"]
        .iter()
        .any(|label| lower.starts_with(label));
    labelled && lower.contains(".php")
}

/// A site's counters and empty widgets: visitors online, no ratings yet.
const COUNTER_CUES: Cues = Cues::new(&[
    "users online",
    "visitors online",
    "besucher sind online",
    "gäste online",
    "no ratings yet",
    "noch keine bewertungen",
    "keine bewertungen",
]);

fn is_site_counter(lower: &str, words: usize) -> bool {
    words <= 15 && has_any(lower, &COUNTER_CUES)
}

/// "Showing 1 to 10 of 19", "Es werden die Weine 1 bis 10 von insgesamt
/// 19 angezeigt!": a list's count of its items (a sentence that gives such
/// figures ends with a full stop).
fn is_list_count(lower: &str, words: usize) -> bool {
    if words > 15 {
        return false;
    }
    let tokens: Vec<&str> = lower
        .split_whitespace()
        .filter(|t| *t != "insgesamt" && *t != "total")
        .collect();
    let number = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .parse::<u32>()
            .is_ok()
    };
    words <= 15
        && !lower.ends_with('.')
        && tokens.windows(5).any(|w| {
            number(w[0])
                && ["to", "bis", "-", "–", "à", "a"].contains(&w[1])
                && number(w[2])
                && ["of", "von", "sur", "de"].contains(&w[3])
                && number(w[4])
        })
}

/// "No comments yet", "Comments are closed.", "120 Kommentare".
fn is_comment_status(lower: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let names_comments = [
        "comment",
        "kommentar",
        "commentaire",
        "komentarz",
        "comentario",
    ]
    .iter()
    .any(|stem| lower.contains(stem));
    const CLOSED: Cues = Cues::new(&["closed", "geschlossen", "fermés"]);
    let closed = has_any(lower, &CLOSED);
    let sentence = lower.ends_with(['.', '?', '"', '”']);
    let none_yet = ["no comments", "keine kommentare", "noch keine kommentare"]
        .iter()
        .any(|cue| lower.starts_with(cue));
    words <= 5 && names_comments && (closed || !sentence) || words <= 12 && none_yet
}

/// Verbs a button ends with in languages that put the verb last ("Seite
/// teilen", "Rezept drucken", "Artikel als PDF herunterladen").
const BUTTON_LAST_WORDS: &[&str] = &[
    "teilen",
    "drucken",
    "herunterladen",
    "bewerten",
    "pinnen",
    "merken",
    "pdf",
    "compartir",
    "imprimir",
    "partager",
    "imprimer",
    "udostępnij",
    "drukuj",
    "kommentieren",
    "ausblenden",
    "einblenden",
    "schließen",
    "bestellen",
];

/// Verbs a two-word button starts with ("Print recipe", "Share this").
const BUTTON_FIRST_WORDS: &[&str] = &[
    "share", "print", "download", "tweet", "email", "pin", "save", "teilen", "drucken",
];

fn is_action_button(lower: &str, words: usize) -> bool {
    if words > 5 {
        return false;
    }
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let list: Vec<String> = lower.split_whitespace().map(bare).collect();
    let last = list
        .last()
        .is_some_and(|w| BUTTON_LAST_WORDS.contains(&w.as_str()));
    let first = list
        .first()
        .is_some_and(|w| BUTTON_FIRST_WORDS.contains(&w.as_str()));
    words <= 5 && last || words <= 2 && first
}

/// "5 min read", "Lesezeit: 3 Minuten", "11 minut czytania".
fn is_reading_time(lower: &str, words: usize) -> bool {
    const READING_TIME: Cues = Cues::new(&[
        "min read",
        "minute read",
        "minutes read",
        "reading time",
        "lesezeit",
        "czytania",
        "de lectura",
        "de lecture",
    ]);
    words <= 5 && has_any(lower, &READING_TIME) && lower.contains(|c: char| c.is_ascii_digit())
}

/// Labels that file the article: "Tags: ports, strikes", "Filed under".
const FILING_LABELS: &[&str] = &[
    "tags",
    "tagged",
    "tagged with",
    "filed under",
    "posted in",
    "category",
    "categories",
    "kategorie",
    "kategorien",
    "schlagwörter",
    "schlagworte",
    "stichwörter",
    "themen",
    "topics",
    "etiquetas",
    "tagi",
    "this entry was posted",
];

fn is_filing(lower: &str, words: usize) -> bool {
    let label = lower.split(':').next().unwrap_or("").trim();
    let alone_or_labelled = lower.contains(':') || trimmed(lower) == label;
    words <= 15
        && (alone_or_labelled && FILING_LABELS.contains(&label)
            || lower.starts_with("this entry was posted"))
}

/// Links back to the site's start or list pages.
const BACK_LINKS: &[&str] = &[
    "zurück zur startseite",
    "zur startseite",
    "zurück zur listenansicht",
    "zurück zur vorherigen seite",
    "zurück zum anfang",
    "back to home",
    "back to homepage",
    "back to the homepage",
    "back to list",
    "return to homepage",
    "nächster artikel",
    "vorheriger artikel",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "older post",
    "newer post",
    "older posts",
    "newer posts",
    "ältere beiträge",
    "neuere beiträge",
    "alle anzeigen",
    "view all",
    "see all",
    "show all",
    "mehr anzeigen",
    "load more",
    "der nächste beitrag",
    "nächster beitrag",
    "vorheriger beitrag",
    "artículo siguiente",
    "artículo anterior",
    "newer post older post home",
];

/// Links to the next or the previous post, with its headline after them
/// or glued to them ("Artículo siguienteSanciones afectan a Europa").
const NEXT_OR_PREVIOUS: &[&str] = &[
    "next article",
    "previous article",
    "next post",
    "previous post",
    "next story",
    "previous story",
    "nächster artikel",
    "vorheriger artikel",
    "nächster beitrag",
    "vorheriger beitrag",
    "article suivant",
    "article précédent",
    "artículo siguiente",
    "artículo anterior",
    "articolo successivo",
    "articolo precedente",
    "następny artykuł",
    "poprzedni artykuł",
    "vorschau auf den nächsten",
];

fn is_next_or_previous(lower: &str, words: usize) -> bool {
    words <= 30
        && NEXT_OR_PREVIOUS
            .iter()
            .any(|label| lower.starts_with(label))
}

/// Headings that open a list of other stories by their first words
/// ("More from Business", "Mehr aus der Sendung").
const RELATED_PREFIXES: &[&str] = &[
    "more from ",
    "more stories",
    "more news",
    "mehr aus ",
    "mehr zum thema",
    "mehr zu ",
    "weitere artikel",
    "weitere beiträge",
    "weitere nachrichten",
    "weitere meldungen",
    "weitere pressemitteilungen",
    "plus de ",
    "más noticias",
    "otras noticias",
    "więcej ",
    "most read in ",
    "viel gelesen in ",
    "am meisten gelesen",
    "meistgelesen",
    "meistkommentiert",
    "meist kommentiert",
    "beliebteste artikel",
    "beliebteste beiträge",
    "die neuesten meldungen",
    "die neuesten artikel",
    "die neuesten beiträge",
    "neueste meldungen",
    "verwandte themen",
    "weitere aktuelle themen",
];

fn is_related_prefix(lower: &str, words: usize) -> bool {
    words <= 6
        && !lower.ends_with(['.', '?', '!'])
        && RELATED_PREFIXES.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::word_count;

    fn reason(line: &str) -> Option<RemovalReason> {
        classify(&line.to_lowercase(), word_count(line))
    }

    #[test]
    fn appeals_to_follow_download_and_subscribe_are_promos() {
        for line in [
            "Follow The Harbour Courier on Twitter and Instagram @HarbourCourier.",
            "For breaking news download our app for iOS and Android.",
            "Stay up to date with our newsletter",
            "Abonniere unseren Newsletter",
            "Never miss a story by signing up to our morning briefing",
            "Jede kleine Spende hilft uns weiter",
            "We rely on your support to keep the harbour news free for all",
            "Ihr Beitrag hilft, unsere Berichterstattung kostenlos zu halten.",
            "Did you know the Courier has a Telegram channel? Join us from your phone.",
            "¿Ya conoces nuestro canal de WhatsApp? Únete aquí.",
            "Get the harbour news straight to your phone with the Courier's free reader.",
            "Die aktuelle Ausgabe jetzt an jedem Bahnhofskiosk und als e-Paper.",
            "Den Courier lesen oder verschenken und Vorteile sichern!",
            "Sie lesen gern den Courier? Dann unterstützen Sie uns.",
            "Bei Fragen und Anregungen zu diesem Artikel schreiben Sie uns.",
            "Nur für Vereins-Mitglieder",
            "Pour accéder en illimité",
            "Like the recipe? Add the ingredients to your basket.",
            "Mit dem Hafenbrief 2023 nichts mehr versäumen!",
            "Kennt ihr schon unseren Hafenfinder? Ab sofort findet ihr alle Fähren.",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Promo), "{line}");
        }
    }

    #[test]
    fn account_and_shop_prompts_and_ad_labels_are_promos() {
        for line in [
            "You must be logged in to post a comment.",
            "Sie sind aktuell nicht eingeloggt.",
            "Your cart is empty",
            "- Anzeige -",
            "Werbung",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Promo), "{line}");
        }
        for line in [
            "The minister logged in to the new system for the first time on Monday.",
            "The shop said sales of cartwheels doubled.",
            "Die Anzeige ging am Montag bei der Polizei ein.",
            "Nur für die Mitglieder des Rates galt die Regel nicht, sagte sie, und das seit Jahren.",
            "Sie lesen gern Krimis, sagte die Buchhändlerin.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn disclosures_licences_and_server_warnings_are_site_notices() {
        for line in [
            "Some rights reserved 2019 by the Harbour Courier.",
            "We may earn a commission when you buy through links on our site.",
            "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
            "Warning: Creating default object from empty value in /www/site/classes.php on line 40",
            "Medically reviewed by Dr. Ana Lima",
            "Was sind Cookies?",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::SiteBanner), "{line}");
        }
        assert_eq!(
            reason("A warning: the harbour will close at noon on Friday."),
            None
        );
    }

    #[test]
    fn counters_list_counts_and_toggles_are_navigation() {
        for line in [
            "13 Besucher sind online",
            "(Noch keine Bewertungen)",
            "Showing 1 to 10 of 19 results",
            "Es werden die Artikel 1 bis 10 von insgesamt 19 angezeigt!",
            "Quellen ausblenden",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Navigation), "{line}");
        }
        assert_eq!(
            reason("Between 1 to 10 of 19 boats were late, the harbour master said."),
            None
        );
        assert_eq!(
            reason("Keine Kommentare (Kommentare erscheinen nach Freigabe)"),
            Some(RemovalReason::Comments)
        );
    }

    #[test]
    fn news_about_apps_and_followers_is_not_a_promo() {
        for line in [
            "The minister has two million followers on Twitter and uses it daily.",
            "Regulators want to know who can download the app and what it stores.",
            "Stop your app, launch the tool, then restart your application.",
            "Ana Ruiz covers shipping. Follow her on Twitter.",
            "Protesters asked passers-by to join them, and the videos spread on Telegram.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn terms_and_disclaimers_are_site_notices() {
        assert_eq!(
            reason("The Harbour Courier is not responsible for the opinions of its contributors."),
            Some(RemovalReason::SiteBanner)
        );
        assert_eq!(
            reason("© 2024 Harbour Media. All rights reserved."),
            Some(RemovalReason::SiteBanner)
        );
    }

    #[test]
    fn comment_counts_and_states_are_comments() {
        for line in [
            "Comments are closed.",
            "Noch keine Kommentare",
            "12 comments",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Comments), "{line}");
        }
        assert_eq!(reason("The ministry declined to comment."), None);
    }

    #[test]
    fn buttons_reading_times_and_tags_are_navigation() {
        for line in [
            "Diese Seite teilen",
            "Rezept drucken",
            "Print recipe",
            "Artikel als PDF herunterladen",
            "6 min read",
            "Tags: harbour, strike, cargo",
            "Filed under",
            "Zurück zur Startseite",
            "Older post",
            "Permalink https://example.org/p/12",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Navigation), "{line}");
        }
        for line in [
            "Its market share fell to a record low last year.",
            "Print media declines",
            "Tags on the crates showed where they came from.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn headings_that_open_other_stories_are_related() {
        assert_eq!(reason("More from Business"), Some(RemovalReason::Related));
        assert_eq!(reason("Mehr aus der Sendung"), Some(RemovalReason::Related));
        assert_eq!(reason("More from the harbour was shipped on Monday."), None);
        for line in [
            "Most read in Sport",
            "Viel gelesen in Politik",
            "Meistkommentiert",
            "Die neuesten Meldungen",
            "Verwandte Themenbereiche",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Related), "{line}");
        }
        assert_eq!(reason("Die neuesten Zahlen des Hafens"), None);
    }

    #[test]
    fn links_to_the_next_post_and_a_blog_s_filing_line_are_navigation() {
        for line in [
            "Der nächste Beitrag",
            "Vorschau auf den nächsten Artikel",
            "Buch bestellen",
            "Artículo siguiente",
            "Newer Post Older Post Home",
            "Artículo siguienteSanciones contra el puerto afectan a los pescadores",
            "This entry was posted in Harbour news. Bookmark the permalink.",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Navigation), "{line}");
        }
    }

    #[test]
    fn a_bare_clock_time_and_a_q_and_a_stamp_are_datelines() {
        for line in ["3:59 PM", "19:49", "asked Feb 6, 2014 at 20:37"] {
            assert_eq!(reason(line), Some(RemovalReason::Dateline), "{line}");
        }
        for line in [
            "3:59 PM was when the ferry left.",
            "12.50",
            "asked for help",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn figure_labels_are_captions_and_first_print_notes_are_source_lines() {
        for line in [
            "Abbildung 4: Die Schleuse bei Niedrigwasser.",
            "Figure 2: Cargo handled per month",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Caption), "{line}");
        }
        assert_eq!(
            reason("Dieser Beitrag stammt aus Ausgabe 7/2019 des Hafenmagazins."),
            Some(RemovalReason::SourceLine)
        );
        for line in [
            "Figure skating: the harbour rink reopens on Monday.",
            "Grafik und Text kamen von der Hafenbehörde: sie zeigen den Umschlag.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}
