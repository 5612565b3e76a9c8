//! Typing an unlisted name from its shape and the words around it: an
//! initial before a surname, a nationality in brackets after a name, a
//! dateline, an acronym in running text, a company or club ending.
//! Each rule is one short function; `classify_run` asks them in order.

use crate::document::EntityKind;
use crate::lexicon::lexicon;
use crate::text::{Tok, TokKind};
use std::collections::BTreeSet;

/// Common nouns written as acronyms, never names.
pub const COMMON_ACRONYMS: &[&str] = &[
    "UAV", "UAVs", "GDP", "CEO", "CFO", "AI", "PM", "TV", "ID", "DNA", "HIV", "COVID", "NGO",
    "NGOs", "OK", "USD", "EUR", "SRBM", "SRBMs", "ICBM", "ICBMs", "AM", "EST", "GMT", "UTC", "IPO",
    "IPOs", "VAT", "CPI", "PPI", "EPS", "OTC", "ETF", "ADR", "ADRs", "LNG", "LPG", "HQ", "MP",
    "MPs", "PR", "SUV", "UFO", "WMD", "IED", "IEDs", "RPG", "AIDS", "CD", "CDs", "PC", "PCs",
    "BST", "EDT", "PDT", "CET", "MW", "KM", "NB", "AGM", "OPS", "ERA", "RBI", "PCT", "GB", "NO",
    "NOTE", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
];

/// Last words of company and club names ("Acme Holdings", "Barclays
/// Plc", "Leeds United").
pub const COMPANY_OR_CLUB_ENDINGS: &[&str] = &[
    "Inc",
    "Corp",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "Limited",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "GmbH",
    "Holdings",
    "Airlines",
    "Airways",
    "Bancorp",
    "Industries",
    "Motors",
    "Securities",
    "Telecom",
    "Petroleum",
    "Investments",
    "Enterprises",
    "Brothers",
    "Bros",
    "FC",
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Rangers",
];

/// Lower-case company endings after a name ("Barclays plc").
const LOWER_COMPANY_ENDINGS: &[&str] = &["plc", "inc", "ltd"];

/// A word in capitals only ("NEW", "OSCE"), at least two letters.
pub fn is_shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// "NEW" → "New": a shouted word as a name is written in running text.
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        // "O'NEILL" → "O'Neill", "ABU-DHABI" → "Abu-Dhabi".
        first = !c.is_alphabetic();
    }
    out
}

/// "G. Thorpe", "J. R. Ewing": initials then a surname are a person.
pub fn is_initial_and_surname(tokens: &[Tok]) -> bool {
    let is_initial = |t: &Tok| {
        let mut chars = t.text.chars();
        matches!((chars.next(), chars.next(), chars.next()),
            (Some(c), Some('.'), None) if c.is_uppercase())
    };
    let initials = tokens.iter().take_while(|t| is_initial(t)).count();
    initials >= 1
        && initials < tokens.len()
        && tokens[initials..]
            .iter()
            .all(|t| t.is_capitalised() && t.text.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// "BRUSSELS 1996-08-22", "LONDON (Reuters)": a paragraph that opens with
/// a shouted name followed by a date or a bracket is a dateline: a place.
pub fn is_dateline(tokens: &[Tok], a: usize, b: usize) -> bool {
    a == 0
        && tokens[a..b].iter().all(|t| is_shouted(t.text))
        && (tokens.get(b).is_some_and(|t| t.is("(")) || is_iso_date(tokens, b))
}

/// "1996-08-22" (the tokenizer splits it at the hyphens).
fn is_iso_date(tokens: &[Tok], at: usize) -> bool {
    let text = |i: usize| tokens.get(at + i).map_or("", |t| t.text);
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    digits(text(0), 4) && text(1) == "-" && digits(text(2), 2)
}

/// "OSCE", "USDA": a lone acronym in running text (a paragraph that has
/// lower-case words) that no list knows is most often an organisation.
pub fn is_organisation_acronym(tokens: &[Tok], a: usize, b: usize, text: &str) -> bool {
    let word = tokens[a].text;
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    b - a == 1
        && (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !COMMON_ACRONYMS.contains(&word)
        && text.chars().any(char::is_lowercase)
        // A roman numeral or a grade ("World War II", "grade A").
        && !tokens[..a].last().is_some_and(|t| t.is_capitalised() && !is_shouted(t.text))
}

/// A company or club by its last word, or a lower-case ending after it.
pub fn is_company_or_club(tokens: &[Tok], a: usize, b: usize) -> bool {
    let last = tokens[b - 1].text;
    (b - a >= 2 && COMPANY_OR_CLUB_ENDINGS.contains(&last))
        || tokens
            .get(b)
            .is_some_and(|t| LOWER_COMPANY_ENDINGS.contains(&t.text))
}

/// "Pete Sampras (U.S.)": the bracket after a name holds a nationality.
pub fn is_nationality_bracket(
    tokens: &[Tok],
    m_tok: usize,
    m_tok_end: usize,
    m_kind: EntityKind,
) -> bool {
    matches!(m_kind, EntityKind::Country | EntityKind::Place)
        && m_tok >= 1
        && tokens[m_tok - 1].is("(")
        && tokens.get(m_tok_end).is_some_and(|t| t.is(")"))
}

/// Words a results line may have besides names and numbers.
const RESULTS_WORDS: &[&str] = &[
    "at", "AT", "v", "vs", "vs.", "st", "nd", "rd", "th", "pen", "og",
];

/// Words of a cricket scorecard line ("Kent 214 and 167-6 (Ana Lima 64
/// not out)"); they keep a line a results line but do not make a slot.
const SCORECARD_WORDS: &[&str] = &["and", "not", "out", "dec", "for", "retired", "hurt"];

/// A line of results or standings: numbers and names, no running text.
pub fn is_results_line(tokens: &[Tok]) -> bool {
    let has_score = (0..tokens.len()).any(|i| is_score(tokens, i));
    let has_at = tokens.iter().any(|t| RESULTS_WORDS.contains(&t.text));
    let prose = tokens.iter().any(|t| {
        t.is_word()
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && !RESULTS_WORDS.contains(&t.text)
            && !SCORECARD_WORDS.contains(&t.text)
    });
    (has_score || has_at) && !prose
}

/// A name at `a..b` right before a score, or beside "at" / "v".
pub fn is_team_slot(tokens: &[Tok], a: usize, b: usize) -> bool {
    let score_after = is_score(tokens, b);
    let at_after = tokens
        .get(b)
        .is_some_and(|t| RESULTS_WORDS.contains(&t.text));
    let at_before = a >= 1 && RESULTS_WORDS.contains(&tokens[a - 1].text);
    score_after || at_after || at_before || is_last_side(tokens, a, b)
}

/// "Velkoraz (Norland) 0 Dobrinka": a name after a score that ends the
/// line is the second side.
fn is_last_side(tokens: &[Tok], a: usize, b: usize) -> bool {
    a >= 2 && b == tokens.len() && is_score(tokens, a - 1) && tokens[a - 2].text == ")"
}

/// A score or a count ("2", "3-1"), not a date ("1996-08-22") nor
/// bowling figures ("19-4-60-2").
fn is_score(tokens: &[Tok], at: usize) -> bool {
    let is = |i: usize, text: &str| tokens.get(at + i).is_some_and(|t| t.text == text);
    tokens.get(at).is_some_and(|t| t.kind == TokKind::Number)
        && !is_iso_date(tokens, at)
        && !(is(1, "-") && is(3, "-"))
}

/// "the Yankees", "the Greens": "the" before an unlisted plural name is a
/// team, a band or a party.
pub fn is_plural_group(tokens: &[Tok], a: usize, b: usize) -> bool {
    let word = tokens[b - 1].text;
    b - a == 1
        && a >= 1
        && tokens[a - 1].text == "the"
        && word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !is_shouted(word)
}

/// A month name or its abbreviation ("Aug", "AUGUST").
pub fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    crate::date::MONTH_NAMES.iter().any(|m| {
        let m = m.to_lowercase();
        m == word || (word.len() >= 3 && m.starts_with(&word))
    })
}

/// A day of the week, written out ("Friday").
pub fn is_weekday(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    DAYS.contains(&word)
}

/// Words that make a part of a place ("Greater London", "North Jakarta").
pub fn is_area_word(word: &str) -> bool {
    const AREA: &[&str] = &[
        "Greater", "Central", "North", "South", "East", "West", "Northern", "Southern", "Eastern",
        "Western", "Downtown", "Old", "New", "Upper", "Lower", "Inner", "Outer", "Metro", "Port",
        "Lake", "Mount", "Fort", "Saint", "St", "St.", "San", "Santa", "Los", "Las", "El", "La",
    ];
    AREA.contains(&word)
}

/// Cricket scorecard marks around a player's name: caught, bowled,
/// stumped, leg before ("A. Lewis c Ana Lima b Tomas Vrba 5").
const SCORECARD_MARKS: &[&str] = &["c", "b", "st", "lbw"];

/// A name in a scorecard: after or before a dismissal mark, or before
/// bowling figures ("Tomas Vrba 25-8-61-1").
pub fn is_scorecard_player(tokens: &[Tok], a: usize, b: usize) -> bool {
    let mark_before = a >= 1 && SCORECARD_MARKS.contains(&tokens[a - 1].text);
    let mark_after = tokens
        .get(b)
        .is_some_and(|t| SCORECARD_MARKS.contains(&t.text));
    let figures = (0..4).all(|k| {
        let t = tokens.get(b + 2 * k);
        let dash = k == 3 || tokens.get(b + 2 * k + 1).is_some_and(|t| t.is("-"));
        t.is_some_and(|t| t.kind == TokKind::Number) && dash
    });
    b - a <= 3 && (mark_before || mark_after || figures)
}

/// "the Giants", "Warriors": the last word of a name is a plural.
/// One plural name after "the" and a role: "the defending champion
/// Saints" is a team, not a person.
pub fn is_group_after_role(tokens: &[Tok], a: usize, b: usize) -> bool {
    b - a == 1
        && is_plural_name(&tokens[a..b])
        && tokens[a.saturating_sub(4)..a]
            .iter()
            .any(|t| t.text.eq_ignore_ascii_case("the"))
}

pub fn is_plural_name(tokens: &[Tok]) -> bool {
    tokens.last().is_some_and(|t| {
        t.text.len() >= 4 && t.text.ends_with('s') && !t.text.ends_with("ss") && !is_shouted(t.text)
    }) && tokens.iter().all(|t| t.is_capitalised())
}

/// Verbs of a match after a team ("Leeds beat Hull").
const PLAY_AFTER: &[&str] = &[
    "beat",
    "beats",
    "drew",
    "draw",
    "lost",
    "won",
    "defeated",
    "edged",
    "routed",
    "thrashed",
    "trounced",
    "crushed",
    "overcame",
    "outplayed",
    "eliminated",
    "knocked",
];
/// Words of a match before a team ("lost to Hull", "beat Hull").
const PLAY_BEFORE: &[&str] = &[
    "beat",
    "beating",
    "defeated",
    "defeating",
    "against",
    "edged",
    "routed",
    "thrashed",
    "trounced",
    "crushed",
    "overcame",
    "eliminated",
    "visiting",
    "host",
    "hosts",
];

/// A city as a side in a match: before a match verb, after one, or after
/// "lost to" / "drew with".
pub fn plays(tokens: &[Tok], a: usize, b: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text);
    let after = PLAY_AFTER.contains(&word(b));
    let before = a >= 1 && PLAY_BEFORE.contains(&word(a - 1));
    let lost_to = a >= 2
        && matches!(
            (word(a - 2), word(a - 1)),
            ("lost" | "losing", "to") | ("drew" | "draw", "with")
        );
    after || before || lost_to
}

/// Common nouns of a settlement or area before "of" and a name ("the town
/// of Kumasi", "north of Tunde").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "province",
    "state",
    "island",
    "port",
    "capital",
    "municipality",
    "region",
    "district",
    "county",
    "republic",
    "suburb",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// "the town of Kumasi": a name of up to three words right after a
/// settlement noun and "of" is a place.
pub fn is_place_after_noun(tokens: &[Tok], a: usize, b: usize) -> bool {
    b - a <= 3
        && a >= 2
        && tokens[a - 1].text == "of"
        && PLACE_NOUNS.contains(&tokens[a - 2].text)
        && tokens[a..b].iter().all(|t| !is_shouted(t.text))
}

/// "Top-seeded Ana Lima", "Dutchman Tomas Vrba", "Teenager Ana Lima": a
/// word before a given name and a surname that describes the person and
/// is no name itself: it opens a sentence or the article writes it in
/// lower case, or it is a demonym in "-man" or a hyphenated word.
pub fn is_descriptor_before_name(
    tokens: &[Tok],
    a: usize,
    b: usize,
    sentence_starts: &[usize],
    lower_words: &BTreeSet<String>,
) -> bool {
    if b < a + 3 {
        return false;
    }
    let lex = lexicon();
    let word = tokens[a].text;
    let describes = lower_words.contains(&word.to_lowercase())
        || (sentence_starts.contains(&tokens[a].start)
            && (word.ends_with("man") || word.ends_with("woman") || word.contains('-')));
    lex.is_given_name(tokens[a + 1].text)
        && !lex.is_given_name(word)
        && !is_shouted(word)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && describes
}

/// People whose workplace follows "at" ("an analyst at Velora"): there
/// "at" names a company, not a place.
const WORKERS: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "trader",
    "traders",
    "dealer",
    "dealers",
    "executive",
    "executives",
    "manager",
    "director",
    "engineer",
    "engineers",
    "professor",
    "researcher",
    "official",
    "officials",
    "coach",
    "spokesman",
    "spokeswoman",
    "chief",
    "head",
    "partner",
    "worker",
    "workers",
    "employee",
    "employees",
];

/// "at Velkoraz": an unlisted name of up to three words after "at" is a
/// place, unless a worker stands before "at" or a score follows the name.
pub fn is_place_after_at(tokens: &[Tok], a: usize, b: usize) -> bool {
    b - a <= 3
        && a >= 1
        && tokens[a - 1].text.eq_ignore_ascii_case("at")
        && !(a >= 2 && WORKERS.contains(&tokens[a - 2].text))
        && !tokens
            .get(b)
            .is_some_and(|t| t.kind == TokKind::Number || t.kind == TokKind::Possessive)
        && tokens[a..b].iter().all(|t| !is_shouted(t.text))
}
