//! Named entities: people, countries, places, organisations, media outlets
//! and weapon systems, found in each paragraph and then merged across the
//! corpus so that one real-world referent is one entity.
//!
//! Why: every later stage (quotes, attribution, threads) needs to know who
//! and what a sentence is about, and the comparison view needs "Blinken" in
//! one article and "Antony Blinken" in another to be the same person.
//!
//! Finding: gazetteer names first (longest match, `data/*.txt`), then runs
//! of capitalised words. A run is split at titles ("Under Secretary of
//! Defense for Policy" + "Colin Kahl"), typed by its last word (Council,
//! Ministry → organisation; Province, Region → place; News, Times → media),
//! by a title or a known given name before it (person), by a weapon noun
//! after it ("the Ababil missiles") or by a designation shape ("Su-35").
//! A sentence-initial single word is a name only if the article never
//! writes it in lower case ("Drones have ..." is not a name).
//!
//! Merging: gazetteer aliases (WSJ, DPRK, Kyiv/Kiev), definitions in
//! brackets ("Democratic People's Republic of Korea (DPRK)"), acronyms that
//! spell a known name's initials, a surname alone after the full name, and
//! near-spellings of the same surname ("Anthony"/"Antony"). Capitals and
//! institutions are never merged into their state: they point to it with
//! `stands_for`.

use crate::document::{Entity, EntityKind, Mention};
use crate::lexicon::{lexicon, name_key, Known};
use crate::text::{edit_distance, fold_key, slug, tokenize, Tok, TokKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod bodies;
mod company;
mod context;
mod pronouns;
mod sport;
use context::COMMON_ACRONYMS;

/// One mention found in a paragraph, before corpus-wide merging.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// Token indices in the paragraph, `tok..tok_end`.
    pub tok: usize,
    pub tok_end: usize,
    pub text: String,
    pub kind: EntityKind,
    pub known: Option<Known>,
    pub role: Option<String>,
    /// A demonym or adjective ("Iranian").
    pub adjective: bool,
    /// Defined in brackets right after another name: merge with that one.
    pub defines: Option<String>,
    /// Sentence-initial with nothing else to support it.
    pub weak: bool,
}

/// A mention with its merged entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMention {
    pub raw: RawMention,
    pub entity: String,
}

pub(crate) const ORG_HEADS: &[&str] = &[
    "Council",
    "Ministry",
    "Agency",
    "Institute",
    "Department",
    "Party",
    "Bank",
    "Commission",
    "Committee",
    "Court",
    "Army",
    "Navy",
    "Forces",
    "Force",
    "Guard",
    "Guards",
    "Corps",
    "Union",
    "Association",
    "Organization",
    "Organisation",
    "Company",
    "Corporation",
    "Corp.",
    "Inc.",
    "Ltd",
    "Group",
    "University",
    "Center",
    "Centre",
    "Foundation",
    "Parliament",
    "Assembly",
    "Office",
    "Service",
    "Services",
    "Authority",
    "Administration",
    "Bureau",
    "Command",
    "Fund",
    "League",
    "Movement",
    "Front",
    "Coalition",
    "Alliance",
    "Brigade",
    "Battalion",
    "Regiment",
    "Police",
    "Patrol",
    "Cabinet",
    "Senate",
    "Congress",
    "Government",
    "Institution",
    "Program",
    "Programme",
    "Board",
    "Federation",
    "Society",
    "Club",
    "Network",
    "Initiative",
    "Mission",
    "Newsroom",
    "Newsdesk",
    "Desk",
    "Exchange",
    "Treasury",
    "School",
    "College",
];
const MEDIA_HEADS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Daily",
    "Radio",
    "TV",
    "Television",
    "Press",
    "Chronicle",
    "Observer",
    "Mail",
    "Express",
    "Review",
];
const PLACE_HEADS: &[&str] = &[
    "Province",
    "Region",
    "Oblast",
    "Island",
    "Islands",
    "Sea",
    "River",
    "Mountains",
    "Valley",
    "Strait",
    "Gulf",
    "City",
    "County",
    "District",
    "Peninsula",
    "Lake",
    "Desert",
    "Bay",
    "Coast",
    "Square",
    "Street",
    "Avenue",
    "Road",
    "Route",
    "Highway",
    "Boulevard",
    "Bridge",
    "Airport",
    "Port",
    "Base",
    "Ocean",
    "Reef",
    "Canyon",
    "Plains",
    "Heights",
    "Hills",
    "Canal",
    "Falls",
    "Harbour",
    "Harbor",
    "Mountain",
    "Glacier",
    "Pass",
];
/// First words of a place's name ("Mount Kenya", "Lake Chad").
const PLACE_FIRST: &[&str] = &["Mount", "Lake", "Cape", "Fort", "Isle"];
const LOWER_PLACE_HEADS: &[&str] = &["province", "region", "oblast", "city", "district", "county"];
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "al", "al-", "bin", "van", "von", "der", "la", "du", "del", "da",
    "and",
];
pub const WEAPON_NOUNS: &[&str] = &[
    "missile",
    "missiles",
    "drone",
    "drones",
    "rocket",
    "rockets",
    "fighter",
    "fighters",
    "jet",
    "jets",
    "tank",
    "tanks",
    "helicopter",
    "helicopters",
    "system",
    "systems",
    "UAV",
    "UAVs",
    "launcher",
    "launchers",
    "howitzer",
    "howitzers",
    "warplane",
    "warplanes",
    "bomber",
    "bombers",
    "submarine",
    "submarines",
    "interceptor",
    "interceptors",
];
const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "noted",
    "stated",
    "wrote",
    "explained",
    "argued",
    "insisted",
    "announced",
    "claimed",
    "tweeted",
    "declared",
];

/// Finds the mentions in one paragraph. `lower_words` holds every word the
/// article writes in lower case (to reject sentence-initial common words).
pub fn find_in_paragraph(
    paragraph_index: usize,
    text: &str,
    tokens: &[Tok],
    sentence_starts: &[usize],
    lower_words: &BTreeSet<String>,
) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    let mut i = 0;
    let mut pending_role: Option<(usize, String)> = None;
    while i < tokens.len() {
        let t = tokens[i];
        if let Some(parts) = hyphenated_states(t) {
            for (start, end, known) in parts {
                out.push(RawMention {
                    paragraph: paragraph_index,
                    start,
                    end,
                    tok: i,
                    tok_end: i + 1,
                    text: text.get(start..end).unwrap_or_default().to_string(),
                    kind: known.kind,
                    adjective: known.adjective,
                    known: Some(known),
                    role: None,
                    defines: None,
                    weak: false,
                });
            }
            i += 1;
            continue;
        }
        if let Some((len, known)) = gazetteer_at(tokens, i) {
            let mut m = mention(paragraph_index, text, tokens, i, i + len, known.kind);
            m.adjective = known.adjective;
            if known.kind == EntityKind::Person {
                m.role =
                    take_role(&mut pending_role, i).or_else(|| lower_role_before(tokens, i, &out));
            }
            m.known = Some(known);
            out.push(m);
            i += len;
            continue;
        }
        if !t.is_capitalised() && !is_designation(t.text) {
            i += 1;
            continue;
        }
        // A run of capitalised words (with inner connectors), stopping where
        // a gazetteer name starts.
        let mut j = i + 1;
        while j < tokens.len() {
            let u = tokens[j];
            if let Some((len, known)) = gazetteer_at(tokens, j) {
                // "Supreme National Security Council": a listed body inside
                // a longer capitalised name belongs to that name.
                let inner_body = known.kind == EntityKind::Organisation
                    && !known.metonym
                    && tokens[i..j]
                        .iter()
                        .all(|t| t.is_capitalised() && !lexicon().is_function_word(t.text))
                    && title_at(tokens, i, j).is_none();
                // "Ana Lima", "Paris Hilton": a given name followed by a
                // place name is a person's name.
                let surname = len == 1
                    && matches!(known.kind, EntityKind::Place | EntityKind::Country)
                    && !known.adjective
                    && lexicon().is_given_name(tokens[j - 1].text);
                if inner_body || surname {
                    j += len;
                    continue;
                }
                break;
            }
            // "and" joins two names; "the" after a name is an apposition
            // ("Bernie Sanders the Democratic candidate"), not inside one.
            let joins_and = u.text == "and" && bodies::and_inside_body(tokens, i, j);
            let connector = CONNECTORS.contains(&u.text)
                && (!matches!(u.text, "and" | "the") || joins_and)
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| n.is_capitalised() && gazetteer_at(tokens, j + 1).is_none());
            if u.is_capitalised() || is_designation(u.text) || connector {
                j += 1;
            } else {
                break;
            }
        }
        let run_start = i;
        i = j;
        classify_run(
            paragraph_index,
            text,
            tokens,
            run_start,
            j,
            sentence_starts,
            lower_words,
            &mut out,
            &mut pending_role,
        );
    }
    mark_bracket_definitions(tokens, &mut out);
    join_city_clubs(tokens, text, &mut out);
    join_place_bodies(tokens, text, &mut out);
    bodies::join_demonym_bodies(tokens, text, &mut out);
    mark_city_teams_in_play(tokens, &mut out);
    share_person_in_lists(tokens, &mut out);
    mark_affiliations(tokens, &mut out);
    mark_teams(tokens, &mut out);
    sport::mark_sides_of_v(tokens, &mut out);
    pronouns::mark_people_by_pronoun(tokens, &mut out, lower_words);
    trim_sentence_stops(tokens, sentence_starts, text, &mut out);
    out
}

/// "... bought by Velora Inc.": the stop of an abbreviation that ends the
/// sentence ends the sentence, not the name ("Inc", not "Inc."). Initials
/// keep theirs ("U.S.").
fn trim_sentence_stops(
    tokens: &[Tok],
    sentence_starts: &[usize],
    text: &str,
    out: &mut [RawMention],
) {
    for m in out.iter_mut() {
        let last = tokens[m.tok_end - 1].text;
        let abbreviation =
            last.len() >= 3 && last.ends_with('.') && !last[..last.len() - 1].contains('.');
        let ends_sentence = tokens
            .get(m.tok_end)
            .is_none_or(|t| sentence_starts.contains(&t.start));
        if abbreviation && ends_sentence && m.end > m.start + 1 {
            m.end -= 1;
            m.text = text.get(m.start..m.end).unwrap_or_default().to_string();
        }
    }
}

/// "Leeds 2 Hartlepool 0", "OAKLAND AT BOSTON": in a results line (names,
/// numbers and "at" or "v" only), a city or an unlisted name just before
/// a score or beside "at" is a team, an organisation. States stay states
/// (national teams are named as their country).
fn mark_teams(tokens: &[Tok], out: &mut [RawMention]) {
    if !context::is_results_line(tokens) {
        return;
    }
    // "Attendance 30,000", "Halftime 1-0": a lone label opens the line; a
    // table row has two teams or a row of figures.
    let slots = out
        .iter()
        .filter(|m| context::is_team_slot(tokens, m.tok, m.tok_end))
        .count();
    let figures = tokens.iter().filter(|t| t.kind == TokKind::Number).count();
    let table_row = slots >= 2 || figures >= 3;
    for m in out.iter_mut() {
        let city = m.kind == EntityKind::Place && !m.adjective;
        let unlisted =
            m.kind == EntityKind::Other && (!m.weak || table_row) && !context::is_month(&m.text);
        let dateline = context::is_dateline(tokens, m.tok, m.tok_end);
        if (city || unlisted) && !dateline && context::is_team_slot(tokens, m.tok, m.tok_end) {
            m.kind = EntityKind::Organisation;
            m.known = None;
            m.weak = false;
        }
    }
}

fn take_role(pending: &mut Option<(usize, String)>, at: usize) -> Option<String> {
    match pending.take() {
        Some((end, role)) if end == at => Some(role),
        _ => None,
    }
}

/// "Russia-Iran" (two states) or "Iranian-made" / "Russian-backed" (an
/// origin): the parts that name states, with their byte spans.
fn hyphenated_states(t: Tok) -> Option<Vec<(usize, usize, Known)>> {
    if !t.is_word() || !t.text.contains('-') {
        return None;
    }
    let lex = lexicon();
    let mut parts = Vec::new();
    let mut offset = t.start;
    let pieces: Vec<&str> = t.text.split('-').collect();
    for piece in &pieces {
        parts.push((offset, offset + piece.len(), *piece));
        offset += piece.len() + 1;
    }
    let known = |p: &str| {
        lex.known(&name_key([p]))
            .filter(|k| k.kind == EntityKind::Country || k.metonym)
            .cloned()
    };
    const ORIGIN: &[&str] = &[
        "made",
        "backed",
        "built",
        "produced",
        "led",
        "based",
        "supplied",
        "funded",
        "owned",
        "operated",
        "designed",
        "allied",
        "aligned",
        "controlled",
    ];
    if pieces.len() == 2 && ORIGIN.contains(&pieces[1]) {
        let k = known(pieces[0])?;
        let (s, e, _) = parts[0];
        return Some(vec![(
            s,
            e,
            Known {
                adjective: true,
                ..k
            },
        )]);
    }
    if pieces.len() >= 2
        && pieces
            .iter()
            .all(|p| known(p).is_some_and(|k| !k.adjective))
    {
        return Some(
            parts
                .into_iter()
                .filter_map(|(s, e, p)| known(p).map(|k| (s, e, k)))
                .collect(),
        );
    }
    None
}

/// A designation such as "Su-35", "KN-23", "F-16", "Shahed-136".
pub fn is_designation(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else {
        return false;
    };
    !head.is_empty()
        && head.chars().next().is_some_and(char::is_uppercase)
        && head.chars().all(char::is_alphabetic)
        && head.chars().count() <= 8
        && tail.chars().next().is_some_and(|c| c.is_ascii_digit())
        && tail.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Longest gazetteer match starting at token `i`.
fn gazetteer_at(tokens: &[Tok], i: usize) -> Option<(usize, Known)> {
    let lex = lexicon();
    let first = tokens.get(i)?;
    let first_char = first.text.chars().next()?;
    if !(first_char.is_uppercase() || first_char.is_ascii_digit()) {
        return None;
    }
    // No name is longer than the longest that opens with this token, as
    // written or, shouted, as running text writes it (`shouted_known`).
    let shouted = context::is_shouted(first.text) && !first.text.contains('.');
    let longest = lex.longest_name_from(first.text).max(if shouted {
        lex.longest_name_from(&context::title_case(first.text))
    } else {
        0
    });
    let max = lex.max_name_tokens.min(tokens.len() - i).min(longest);
    for len in (1..=max).rev() {
        let key = name_key(tokens[i..i + len].iter().map(|t| t.text));
        if let Some(known) = lex.known(&key) {
            // "May" the month, "Georgia" the US state: accept anyway; the
            // gazetteer avoids the worst clashes.
            return Some((len, known.clone()));
        }
        if let Some(known) = shouted_known(&tokens[i..i + len]) {
            return Some((len, known.clone()));
        }
    }
    None
}

/// "NEW YORK" in a headline or dateline: a name in capitals is looked up
/// as running text writes it ("New York").
fn shouted_known(tokens: &[Tok]) -> Option<&'static Known> {
    if !tokens.iter().any(|t| context::is_shouted(t.text)) {
        return None;
    }
    let words: Vec<String> = tokens
        .iter()
        .map(|t| {
            if context::is_shouted(t.text) && !t.text.contains('.') {
                context::title_case(t.text)
            } else {
                t.text.to_string()
            }
        })
        .collect();
    lexicon().known(&name_key(words.iter().map(String::as_str)))
}

fn mention(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    a: usize,
    b: usize,
    kind: EntityKind,
) -> RawMention {
    let start = tokens[a].start;
    let end = tokens[b - 1].end;
    RawMention {
        paragraph,
        start,
        end,
        tok: a,
        tok_end: b,
        text: text.get(start..end).unwrap_or_default().to_string(),
        kind,
        known: None,
        role: None,
        adjective: false,
        defines: None,
        weak: false,
    }
}

/// Longest title among `tokens[a..b]` starting at `a`, case-insensitively.
fn title_at(tokens: &[Tok], a: usize, b: usize) -> Option<usize> {
    let lex = lexicon();
    let max = lex.max_title_tokens.min(b.saturating_sub(a));
    (1..=max).rev().find(|&len| {
        let words: Vec<String> = tokens[a..a + len]
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        lex.is_title(&words)
    })
}

/// A lower-case role just before token `at` ("spy chief", "leader"),
/// extended over a country or organisation mention before it.
fn lower_role_before(tokens: &[Tok], at: usize, found: &[RawMention]) -> Option<String> {
    let lex = lexicon();
    for len in (1..=lex.max_title_tokens.min(at)).rev() {
        let a = at - len;
        if tokens[a..at].iter().any(|t| !t.is_word()) {
            continue;
        }
        let words: Vec<String> = tokens[a..at]
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        if lex.is_title(&words) {
            let mut role: Vec<&str> = Vec::new();
            if let Some(prev) = found
                .last()
                .filter(|m| m.tok_end == a && m.kind != EntityKind::Person)
            {
                role.push(&prev.text);
            }
            role.extend(tokens[a..at].iter().map(|t| t.text));
            return Some(role.join(" "));
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn classify_run(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    mut a: usize,
    b: usize,
    sentence_starts: &[usize],
    lower_words: &BTreeSet<String>,
    out: &mut Vec<RawMention>,
    pending_role: &mut Option<(usize, String)>,
) {
    let lex = lexicon();
    let run_start = a;
    // Drop leading words that are not names ("The", "According", "In").
    while a < b && is_function_word(tokens[a].text) && title_at(tokens, a, b).is_none() {
        a += 1;
    }
    // "Top-seeded Ana Lima", "Teenager Ana Lima": a describing word opens it.
    if context::is_descriptor_before_name(tokens, a, b, sentence_starts, lower_words) {
        a += 1;
    }
    // "Anthony Lasalle Friday": a weekday after a name dates it.
    let trailing_day = b > a + 1 && context::is_weekday(tokens[b - 1].text);
    if b > a && (CONNECTORS.contains(&tokens[b - 1].text) || trailing_day) {
        return classify_run(
            paragraph,
            text,
            tokens,
            a,
            b - 1,
            sentence_starts,
            lower_words,
            out,
            pending_role,
        );
    }
    if a >= b {
        return;
    }
    // A line in capitals ("LEAGUE STANDINGS AFTER FRIDAY") says nothing of
    // titles or roles: its unlisted names are datelines or stay untyped.
    if !text.chars().any(char::is_lowercase) {
        out.extend(shouted_mention(paragraph, text, tokens, a, b));
        return;
    }
    // Titles inside the run: the name is what follows the last title.
    let mut k = a;
    let mut last_title: Option<(usize, usize)> = None;
    while k < b {
        if let Some(len) = title_at(tokens, k, b) {
            last_title = Some((k, k + len));
            k += len;
        } else {
            k += 1;
        }
    }
    // "Major League": a title before a body's name is part of that name.
    let last_title = last_title.filter(|&(_, te)| te == b || run_kind(tokens, te, b).is_none());
    if let Some((ts, te)) = last_title {
        let mut role_start = tokens[a].start;
        if let Some(prev) = out
            .iter()
            .rev()
            .find(|m| m.tok_end == a && m.kind != EntityKind::Person)
        {
            role_start = prev.start;
        } else if let Some(prev) = out
            .last()
            .filter(|m| m.tok_end + 1 == a && tokens[m.tok_end].kind == TokKind::Possessive)
        {
            role_start = prev.start;
        }
        // What precedes the title qualifies it: an organisation ("Supreme
        // National Security Council Secretary").
        if ts > a {
            let qualifier_is_title = title_at(tokens, a, ts) == Some(ts - a);
            if !qualifier_is_title {
                let mut m = mention(paragraph, text, tokens, a, ts, EntityKind::Organisation);
                m.kind = run_kind(tokens, a, ts).unwrap_or(EntityKind::Organisation);
                out.push(m);
            }
        }
        let role = text
            .get(role_start..tokens[te - 1].end)
            .unwrap_or_default()
            .to_string();
        if te < b && CONNECTORS.contains(&tokens[te].text) {
            // "Governor of Qeshm", "Minister of Defence": what follows the
            // title is its domain, not a person.
            title_domain(paragraph, text, tokens, (ts, te, b), out);
        } else if te < b {
            let mut m = mention(paragraph, text, tokens, te, b, EntityKind::Person);
            m.role = Some(role);
            out.push(m);
        } else {
            *pending_role = Some((b, role));
        }
        return;
    }
    // A single sentence-initial word that the article also writes in lower
    // case is a common word.
    let initial = sentence_starts.contains(&tokens[run_start].start)
        || sentence_starts.contains(&tokens[a].start)
        || tokens[..a]
            .last()
            .is_some_and(|t| crate::text::is_quote_char(t.text.chars().next().unwrap_or(' ')));
    let word = tokens[a].text;
    if b - a == 1 {
        if lex.is_function_word(word) || COMMON_ACRONYMS.contains(&word) {
            return;
        }
        if initial && lower_words.contains(&word.to_lowercase()) {
            return;
        }
    }
    let kind = run_kind(tokens, a, b)
        .or_else(|| context_kind(tokens, a, b, text))
        .unwrap_or_else(|| neighbour_kind(tokens, a, b, lower_words));
    // "the Foo and Bar missiles": Foo is a weapon too.
    if kind == EntityKind::Weapon {
        if let Some(prev) = out.last_mut() {
            if prev.tok_end + 1 == a
                && tokens[prev.tok_end].text == "and"
                && prev.kind == EntityKind::Other
            {
                prev.kind = EntityKind::Weapon;
            }
        }
    }
    let mut m = mention(paragraph, text, tokens, a, b, kind);
    if kind == EntityKind::Person {
        m.role = take_role(pending_role, a).or_else(|| lower_role_before(tokens, a, out));
    } else if let Some(role) = lower_role_before(tokens, a, out) {
        // "leader Kim Jong Un" with an unknown name: a role makes a person;
        // not one plural word after "the" ("the defending champion Saints").
        if b - a <= 4 && !context::is_group_after_role(tokens, a, b) {
            m.kind = EntityKind::Person;
            m.role = Some(role);
        }
    }
    // "in Kumasi", "near Tunde": an unknown single name after "in" or
    // "near" is a place; so is one after "the town of".
    let after_in = b - a == 1
        && a > 0
        && matches!(tokens[a - 1].text, "in" | "near" | "outside")
        && !tokens[a]
            .text
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic());
    let place_context =
        context::is_place_after_noun(tokens, a, b) || context::is_place_after_at(tokens, a, b);
    if m.kind == EntityKind::Other && (after_in || place_context) {
        m.kind = EntityKind::Place;
    }
    m.weak = initial && b - a == 1 && m.kind == EntityKind::Other;
    out.push(m);
}

/// The domain after a title and its connector ("Governor of Qeshm"): a
/// body or place named by its own words, else an untyped name. A known
/// given name inside it starts the person who holds the title ("Minister
/// of Defence Ana Lima").
fn title_domain(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    (ts, te, b): (usize, usize, usize),
    out: &mut Vec<RawMention>,
) {
    let mut a = te;
    while a < b && CONNECTORS.contains(&tokens[a].text) {
        a += 1;
    }
    let person = (a + 1..b.saturating_sub(1)).find(|&p| lexicon().is_given_name(tokens[p].text));
    let end = person.unwrap_or(b);
    if a < end {
        let kind = run_kind(tokens, a, end).unwrap_or(EntityKind::Other);
        out.push(mention(paragraph, text, tokens, a, end, kind));
    }
    if let Some(p) = person {
        let mut m = mention(paragraph, text, tokens, p, b, EntityKind::Person);
        m.role = text
            .get(tokens[ts].start..tokens[p - 1].end)
            .map(str::to_string);
        out.push(m);
    }
}

/// Kind of an unlisted run from the words next to it: a lower-case
/// place head after it ("Kursk region"), a weapon noun, a known given
/// name, a speech verb ("Ana Lima said", "Ana Lima, who"), a byline.
fn neighbour_kind(
    tokens: &[Tok],
    a: usize,
    b: usize,
    lower_words: &BTreeSet<String>,
) -> EntityKind {
    let word = tokens[a].text;
    let after = tokens.get(b);
    if tokens[a..b].iter().all(|t| t.is_capitalised())
        && after.is_some_and(|t| LOWER_PLACE_HEADS.contains(&t.text))
    {
        return EntityKind::Place;
    }
    if is_weapon_context(tokens, b) || (b - a == 1 && is_designation(word)) {
        return EntityKind::Weapon;
    }
    let given_name = lexicon().is_given_name(word) && b - a >= 2;
    let speaks = (2..=4).contains(&(b - a))
        && (after.is_some_and(|t| SPEECH_AFTER.contains(&t.text))
            || tokens.get(b).is_some_and(|t| t.is(","))
                && tokens.get(b + 1).is_some_and(|t| t.text == "who"));
    if given_name || company::has_person_cue(tokens, b) {
        EntityKind::Person
    } else if company::has_company_cue(tokens, a, b) {
        EntityKind::Organisation
    } else if speaks || is_byline(tokens, a, b, lower_words) {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

/// "Peter Novak" alone on a line: a byline names a person. Its words
/// are never written in lower case in the article ("Market Report" is a
/// heading).
fn is_byline(tokens: &[Tok], a: usize, b: usize, lower_words: &BTreeSet<String>) -> bool {
    a == 0
        && b == tokens.len()
        && (2..=3).contains(&b)
        && tokens.iter().all(|t| {
            t.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !t.text.chars().skip(1).any(char::is_uppercase)
                && !lower_words.contains(&t.text.to_lowercase())
        })
}

/// An unlisted name in a line in capitals: a dateline's place, or an
/// untyped name (a function word alone is none).
fn shouted_mention(
    paragraph: usize,
    text: &str,
    tokens: &[Tok],
    a: usize,
    b: usize,
) -> Option<RawMention> {
    if b - a == 1 && is_function_word(tokens[a].text) {
        return None;
    }
    let kind = if context::is_dateline(tokens, a, b) {
        EntityKind::Place
    } else {
        EntityKind::Other
    };
    let mut m = mention(paragraph, text, tokens, a, b, kind);
    m.weak = b - a == 1 && kind == EntityKind::Other;
    Some(m)
}

/// A function word, also in capitals ("AT" in "OAKLAND AT BOSTON").
fn is_function_word(word: &str) -> bool {
    let lex = lexicon();
    lex.is_function_word(word)
        || (context::is_shouted(word) && lex.is_function_word(&context::title_case(word)))
}

/// Kind from the run's shape and neighbours (see `context`).
fn context_kind(tokens: &[Tok], a: usize, b: usize, text: &str) -> Option<EntityKind> {
    if context::is_initial_and_surname(&tokens[a..b]) || context::is_scorecard_player(tokens, a, b)
    {
        Some(EntityKind::Person)
    } else if context::is_dateline(tokens, a, b) {
        Some(EntityKind::Place)
    } else if context::is_company_or_club(tokens, a, b)
        || context::is_organisation_acronym(tokens, a, b, text)
        || context::is_plural_group(tokens, a, b)
    {
        Some(EntityKind::Organisation)
    } else {
        None
    }
}

/// Kind by the run's last word.
fn run_kind(tokens: &[Tok], a: usize, b: usize) -> Option<EntityKind> {
    let last = tokens[b - 1].text;
    if MEDIA_HEADS.contains(&last) && b - a >= 2 {
        return Some(EntityKind::Media);
    }
    if tokens
        .get(b)
        .is_some_and(|t| t.text == "news" || t.text == "newspaper")
        || tokens.get(b).is_some_and(|t| t.text == "agency")
        || company::is_named_by_media_noun(tokens, a, b)
    {
        return Some(EntityKind::Media);
    }
    if tokens[a..b].iter().any(|t| ORG_HEADS.contains(&t.text)) {
        return Some(EntityKind::Organisation);
    }
    let first = tokens[a].text;
    if (PLACE_HEADS.contains(&last) || PLACE_FIRST.contains(&first)) && b - a >= 2 {
        return Some(EntityKind::Place);
    }
    None
}

/// A weapon noun follows token `b` ("... missiles", "... drones").
fn is_weapon_context(tokens: &[Tok], b: usize) -> bool {
    tokens
        .get(b)
        .is_some_and(|t| WEAPON_NOUNS.contains(&t.text))
        || (tokens.get(b).is_some_and(|t| t.is("-"))
            && tokens
                .get(b + 1)
                .is_some_and(|t| WEAPON_NOUNS.contains(&t.text)))
}

/// "Long Name (ABBR)": the abbreviation is defined as the long name.
/// "defense industrial base (DIB)": an acronym of common words is no name.
fn mark_bracket_definitions(tokens: &[Tok], out: &mut Vec<RawMention>) {
    let mut drop = Vec::new();
    for idx in 0..out.len() {
        if mark_nationality(tokens, out, idx) {
            continue;
        }
        let m = &out[idx];
        let is_acronym = m.tok_end - m.tok == 1
            && m.text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && m.text.chars().count() >= 2;
        let bracketed = m.tok >= 1
            && tokens.get(m.tok - 1).is_some_and(|t| t.is("("))
            && tokens.get(m.tok_end).is_some_and(|t| t.is(")"));
        if !is_acronym || !bracketed {
            continue;
        }
        let before = m.tok - 1;
        if let Some(prev) = out[..idx].iter().rev().find(|p| p.tok_end == before) {
            let name = prev
                .known
                .as_ref()
                .map_or(prev.text.clone(), |k| k.name.clone());
            let kind = prev.kind;
            let known = prev.known.clone();
            let m = &mut out[idx];
            m.defines = Some(name);
            m.kind = kind;
            m.known = known.map(|k| Known {
                adjective: false,
                ..k
            });
            m.adjective = false;
        } else {
            // Initials of the lower-case words before the bracket.
            let letters: Vec<char> = m.text.chars().filter(|c| c.is_alphabetic()).collect();
            if before >= letters.len() {
                let words = &tokens[before - letters.len()..before];
                let matches = words.iter().zip(&letters).all(|(w, l)| {
                    w.is_word()
                        && w.text
                            .chars()
                            .next()
                            .is_some_and(|c| c.to_ascii_uppercase() == *l)
                });
                if matches && m.known.is_none() {
                    drop.push(idx);
                }
            }
        }
    }
    for idx in drop.into_iter().rev() {
        out.remove(idx);
    }
}

/// "Pete Sampras (U.S.)": a state or place in brackets right after a name
/// is a nationality, not its abbreviation, and makes an unknown two- or
/// three-word name a person. True when `out[idx]` is such a bracket.
fn mark_nationality(tokens: &[Tok], out: &mut [RawMention], idx: usize) -> bool {
    let m = &out[idx];
    if m.adjective || !context::is_nationality_bracket(tokens, m.tok, m.tok_end, m.kind) {
        return false;
    }
    let before = m.tok - 1;
    let Some(prev) = out[..idx].iter_mut().rev().find(|p| p.tok_end == before) else {
        return false;
    };
    if prev.kind == EntityKind::Other && prev.known.is_none() && is_plain_full_name(&prev.text) {
        prev.kind = EntityKind::Person;
    }
    true
}

/// "Bayern Munich", "Dynamo Kiev": an unlisted name just before a city
/// joins it as one club or company name (not "Greater London").
fn join_city_clubs(tokens: &[Tok], text: &str, out: &mut Vec<RawMention>) {
    let mut idx = 1;
    while idx < out.len() {
        let (prev, m) = (&out[idx - 1], &out[idx]);
        // One or two words, in capitals only when an acronym ("PSV").
        let club_word = |t: &Tok| !context::is_shouted(t.text) || t.text.len() <= 4;
        let joins = prev.tok_end == m.tok
            && prev.tok_end - prev.tok <= 2
            && tokens[prev.tok..prev.tok_end].iter().all(club_word)
            && matches!(prev.kind, EntityKind::Other | EntityKind::Organisation)
            && prev.known.is_none()
            && m.kind == EntityKind::Place
            && !m.adjective
            && !context::is_area_word(prev.text.split_whitespace().last().unwrap_or(""))
            && !is_function_word(&prev.text);
        if joins {
            merge_with_previous(out, idx, text);
            out[idx - 1].kind = EntityKind::Organisation;
        } else {
            idx += 1;
        }
    }
}

/// Mention `idx` joins the one before it (one name across both spans, no
/// longer weak); returns the mention taken in.
fn merge_with_previous(out: &mut Vec<RawMention>, idx: usize, text: &str) -> RawMention {
    let m = out.remove(idx);
    let prev = &mut out[idx - 1];
    prev.end = m.end;
    prev.tok_end = m.tok_end;
    prev.text = text
        .get(prev.start..prev.end)
        .unwrap_or_default()
        .to_string();
    prev.weak = false;
    m
}

/// "Bangladesh Nationalist Party", "San Francisco Giants": a state or city
/// right before an unlisted body (or a plural name) is part of its name.
fn join_place_bodies(tokens: &[Tok], text: &str, out: &mut Vec<RawMention>) {
    let mut idx = 1;
    while idx < out.len() {
        let (prev, m) = (&out[idx - 1], &out[idx]);
        let named_like_a_body = context::is_plural_name(&tokens[m.tok..m.tok_end])
            || sport::is_club_word(tokens, m.tok, m.tok_end);
        let body = matches!(m.kind, EntityKind::Organisation | EntityKind::Media)
            || (m.kind == EntityKind::Other && named_like_a_body);
        let joins = prev.tok_end == m.tok
            && matches!(prev.kind, EntityKind::Place | EntityKind::Country)
            && !prev.adjective
            && m.known.is_none()
            && body;
        if joins {
            let m = merge_with_previous(out, idx, text);
            let prev = &mut out[idx - 1];
            prev.kind = match m.kind {
                EntityKind::Media => EntityKind::Media,
                _ => EntityKind::Organisation,
            };
            prev.known = None;
        } else {
            idx += 1;
        }
    }
}

/// "Leeds beat Hull", "lost to Leeds": a city that plays is its team.
fn mark_city_teams_in_play(tokens: &[Tok], out: &mut [RawMention]) {
    for m in out.iter_mut() {
        let side =
            context::plays(tokens, m.tok, m.tok_end) || sport::is_side(tokens, m.tok, m.tok_end);
        if m.kind == EntityKind::Place && !m.adjective && side {
            m.kind = EntityKind::Organisation;
            m.known = None;
        }
        let unlisted_side = sport::is_unlisted_side(tokens, m.tok, m.tok_end)
            || sport::is_unlisted_player_side(tokens, m.tok, m.tok_end);
        if m.kind == EntityKind::Other && unlisted_side {
            m.kind = EntityKind::Organisation;
            m.weak = false;
        }
    }
}

/// "Ana Lima, Tomas Vrba and Ewa Nowak": unlisted names listed with a
/// person (commas and "and" only between them) are people too.
fn share_person_in_lists(tokens: &[Tok], out: &mut [RawMention]) {
    let joined = |a: &RawMention, b: &RawMention| {
        b.tok > a.tok_end && b.tok - a.tok_end == 1 && matches!(tokens[a.tok_end].text, "," | "and")
    };
    let mut start = 0;
    while start < out.len() {
        let mut end = start + 1;
        while end < out.len() && joined(&out[end - 1], &out[end]) {
            end += 1;
        }
        let list = &mut out[start..end];
        if list.len() >= 2 && list.iter().any(|m| m.kind == EntityKind::Person) {
            for m in list.iter_mut() {
                let name_like = is_plain_full_name(&m.text)
                    || context::is_initial_and_surname(&tokens[m.tok..m.tok_end]);
                if m.kind == EntityKind::Other && m.known.is_none() && name_like {
                    m.kind = EntityKind::Person;
                }
            }
        }
        start = end;
    }
}

/// "Vladimir Petrov (Dynamo)": an unlisted name in brackets right after a
/// person is the club, party or company they belong to.
fn mark_affiliations(tokens: &[Tok], out: &mut [RawMention]) {
    for idx in 1..out.len() {
        let (head, tail) = out.split_at_mut(idx);
        let (prev, m) = (&head[idx - 1], &mut tail[0]);
        let bracketed = sport::is_bracketed_after(tokens, prev.tok_end, m.tok, m.tok_end);
        // A town, not a territory or a capital ("(Hong Kong)" is a flag).
        let town = m.kind == EntityKind::Place
            && !m.adjective
            && m.known.as_ref().is_some_and(|k| k.state.is_none());
        let club = m.kind == EntityKind::Other || town;
        if bracketed && prev.kind == EntityKind::Person && club {
            m.kind = EntityKind::Organisation;
            m.known = None;
            m.weak = false;
        }
    }
}

/// Every mention of one document, per paragraph (the analysis passes the
/// body's paragraphs, then headline and standfirst).
pub fn find_in_paragraphs(paragraphs: &[&str]) -> Vec<RawMention> {
    let lower_words: BTreeSet<String> = paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect();
    let mut out = Vec::new();
    for (index, &paragraph) in paragraphs.iter().enumerate() {
        let tokens = tokenize(paragraph);
        let starts: Vec<usize> = crate::sentences::split_tokens(paragraph, &tokens)
            .iter()
            .map(|s| s.start)
            .collect();
        out.extend(find_in_paragraph(
            index,
            paragraph,
            &tokens,
            &starts,
            &lower_words,
        ));
    }
    out
}

/// Merge key before corpus-wide merging.
fn base_key(m: &RawMention) -> (EntityKind, String) {
    match &m.known {
        Some(k) => (k.kind, k.name.clone()),
        None => match &m.defines {
            Some(name) => (m.kind, name.clone()),
            None => (m.kind, m.text.clone()),
        },
    }
}

/// What the merging knows about one cluster.
#[derive(Debug, Clone)]
struct Cluster {
    name: String,
    kind: EntityKind,
    known: Option<Known>,
    forms: BTreeMap<String, usize>,
    /// Mentions that are not weak (sentence-initial single words).
    strong: usize,
}

/// Merges the mentions of every document into entities. `docs` pairs a
/// document id with its mentions; `outlets` are names of outlets that
/// published documents (always media).
pub fn resolve(
    docs: &[(String, Vec<RawMention>)],
    outlets: &[String],
) -> (Vec<Entity>, Vec<Vec<ResolvedMention>>) {
    let lex = lexicon();
    // 1. Clusters by base key.
    let mut clusters: BTreeMap<(EntityKind, String), Cluster> = BTreeMap::new();
    let outlet_keys: BTreeSet<String> = outlets.iter().map(|o| fold_key(o)).collect();
    let key_of = |m: &RawMention| -> (EntityKind, String) {
        let (mut kind, name) = base_key(m);
        if m.known.is_none() && outlet_keys.contains(&fold_key(&name)) {
            kind = EntityKind::Media;
        }
        (kind, name)
    };
    for (_, mentions) in docs {
        for m in mentions {
            let key = key_of(m);
            let c = clusters.entry(key.clone()).or_insert_with(|| Cluster {
                name: key.1.clone(),
                kind: key.0,
                known: m.known.clone().map(|k| Known {
                    adjective: false,
                    ..k
                }),
                forms: BTreeMap::new(),
                strong: 0,
            });
            *c.forms.entry(m.text.clone()).or_default() += 1;
            c.strong += usize::from(!m.weak);
        }
    }
    // 2. Redirects between clusters: `from` key -> `to` key.
    let mut redirect: HashMap<(EntityKind, String), (EntityKind, String)> = HashMap::new();
    let keys: Vec<(EntityKind, String)> = clusters.keys().cloned().collect();
    // Kind-insensitive lookups for unknown names.
    let persons: Vec<&(EntityKind, String)> = keys
        .iter()
        .filter(|k| k.0 == EntityKind::Person && k.1.contains(' '))
        .collect();
    // Near-spellings of unknown full names, and unknown names matching a
    // known person's variant. Only names whose surnames share their first
    // two letters are compared, so the cost stays near-linear.
    let mut blocks: BTreeMap<String, Vec<&(EntityKind, String)>> = BTreeMap::new();
    for key in &persons {
        let surname = key
            .1
            .split_whitespace()
            .last()
            .map(fold_key)
            .unwrap_or_default();
        blocks
            .entry(surname.chars().take(2).collect())
            .or_default()
            .push(key);
    }
    for block in blocks.values() {
        for (i, a) in block.iter().enumerate() {
            for b in &block[i + 1..] {
                if redirect.contains_key(*a) || redirect.contains_key(*b) {
                    continue;
                }
                if near_same_person(&a.1, &b.1) {
                    let a_known = clusters[*a].known.is_some();
                    let b_known = clusters[*b].known.is_some();
                    let a_bigger = clusters[*a].forms.values().sum::<usize>()
                        >= clusters[*b].forms.values().sum::<usize>();
                    let keep_a = if a_known != b_known {
                        a_known
                    } else {
                        a_bigger
                    };
                    let (from, to) = if keep_a { (b, a) } else { (a, b) };
                    if a_known && b_known {
                        continue;
                    }
                    redirect.insert((*from).clone(), (*to).clone());
                }
            }
        }
    }
    let resolve_key = |key: &(EntityKind, String),
                       redirect: &HashMap<(EntityKind, String), (EntityKind, String)>|
     -> (EntityKind, String) {
        let mut k = key.clone();
        for _ in 0..4 {
            match redirect.get(&k) {
                Some(next) => k = next.clone(),
                None => break,
            }
        }
        k
    };
    for (from, to) in names_ending_with_a_person(&keys, &persons) {
        if clusters[&from].known.is_none() {
            redirect.entry(from).or_insert(to);
        }
    }
    // Surnames of full person names (after near-spelling merges), and of
    // untyped names of two or three plain words, most often people no list
    // knows ("Budi Santoso" ... "Santoso was held").
    let mut surnames: BTreeMap<String, BTreeSet<(EntityKind, String)>> = BTreeMap::new();
    let untyped_names = keys
        .iter()
        .filter(|k| k.0 == EntityKind::Other && is_plain_full_name(&k.1));
    for key in persons.iter().copied().chain(untyped_names) {
        let target = resolve_key(key, &redirect);
        if let Some(last) = key.1.split_whitespace().last() {
            surnames.entry(fold_key(last)).or_default().insert(target);
        }
    }
    // Initials of multi-word names, for unknown acronyms.
    let mut initials: BTreeMap<String, BTreeSet<(EntityKind, String)>> = BTreeMap::new();
    for key in &keys {
        let words: Vec<&str> = key
            .1
            .split_whitespace()
            .filter(|w| !CONNECTORS.contains(w))
            .collect();
        if words.len() >= 2 {
            let acronym: String = words.iter().filter_map(|w| w.chars().next()).collect();
            if acronym.chars().all(char::is_uppercase) {
                initials.entry(acronym).or_default().insert(key.clone());
            }
        }
    }
    let mut promoted: BTreeSet<(EntityKind, String)> = BTreeSet::new();
    for key in &keys {
        let c = &clusters[key];
        if c.known.is_some() || redirect.contains_key(key) || key.1.contains(' ') {
            continue;
        }
        if let Some(t) = surnames.get(&fold_key(&key.1)).and_then(one_name) {
            // "Velora said it" typed a body; "Ana Velora" is a person.
            let person_named = key.0 == EntityKind::Organisation && t.0 == EntityKind::Person;
            if matches!(key.0, EntityKind::Other | EntityKind::Person) || person_named {
                redirect.insert(key.clone(), t.clone());
                // "Budi Santoso ... Santoso said": a plain name whose last
                // word stands alone for it is a person's.
                if t.0 == EntityKind::Other && c.strong > 0 {
                    promoted.insert(t.clone());
                }
                continue;
            }
        }
        let is_acronym = key.1.chars().count() >= 2 && key.1.chars().all(char::is_uppercase);
        if is_acronym {
            if let Some(targets) = initials.get(&key.1) {
                if targets.len() == 1 {
                    if let Some(t) = targets.iter().next() {
                        redirect.insert(key.clone(), t.clone());
                    }
                }
            }
        }
    }
    for key in &promoted {
        if let Some(c) = clusters.get_mut(key) {
            c.kind = EntityKind::Person;
        }
    }
    // A name typed differently in two places (Other here, Person there).
    let by_name: BTreeMap<String, Vec<(EntityKind, String)>> =
        keys.iter().fold(BTreeMap::new(), |mut acc, k| {
            acc.entry(k.1.clone())
                .or_insert_with(Vec::new)
                .push(k.clone());
            acc
        });
    for same in by_name.values().filter(|v| v.len() > 1) {
        let best = same
            .iter()
            .max_by_key(|k| (kind_rank(k.0), clusters[*k].forms.values().sum::<usize>()))
            .cloned();
        if let Some(best) = best {
            for k in same {
                if *k != best && !redirect.contains_key(k) && clusters[k].known.is_none() {
                    redirect.insert(k.clone(), best.clone());
                }
            }
        }
    }
    for (from, to) in shouted_to_written(&keys, &clusters) {
        redirect.entry(from).or_insert(to);
    }
    // Surnames of gazetteer people that never appear in full ("Putin").
    for key in &keys {
        let c = &clusters[key];
        if c.known.is_some() || redirect.contains_key(key) || key.1.contains(' ') {
            continue;
        }
        if let Some(person) = known_person_by_surname(&key.1) {
            let target = (EntityKind::Person, person.name.clone());
            clusters.entry(target.clone()).or_insert_with(|| Cluster {
                name: person.name.clone(),
                kind: EntityKind::Person,
                known: Some(person.clone()),
                forms: BTreeMap::new(),
                strong: 1,
            });
            redirect.insert(key.clone(), target);
        }
    }
    let _ = lex;

    // 3. Entities.
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut id_of: HashMap<(EntityKind, String), String> = HashMap::new();
    let mut resolved_docs = Vec::with_capacity(docs.len());
    for (doc_id, mentions) in docs {
        let mut resolved = Vec::with_capacity(mentions.len());
        for m in mentions {
            let target = resolve_key(&key_of(m), &redirect);
            // A capitalised word seen only at sentence starts, merged with
            // nothing: a common word ("Concerns reported by ...").
            if clusters[&target].strong == 0 && clusters[&target].known.is_none() {
                continue;
            }
            let id = id_of
                .entry(target.clone())
                .or_insert_with(|| {
                    let cluster = &clusters[&target];
                    entity_id(cluster.kind, &cluster.name)
                })
                .clone();
            let cluster = &clusters[&target];
            let e = entities
                .entry(id.clone())
                .or_insert_with(|| Entity::new(id.clone(), cluster.name.clone(), cluster.kind));
            e.mentions += 1;
            if !e.aliases.contains(&m.text) {
                e.aliases.push(m.text.clone());
            }
            if let Some(role) = &m.role {
                if !e.roles.contains(role) {
                    e.roles.push(role.clone());
                }
            }
            // Mentions come in document order: a new document is last.
            if e.docs.last() != Some(doc_id) {
                e.docs.push(doc_id.clone());
            }
            e.spans.push(Mention {
                doc: doc_id.clone(),
                paragraph: m.paragraph,
                start: m.start,
                end: m.end,
                text: m.text.clone(),
            });
            resolved.push(ResolvedMention {
                raw: m.clone(),
                entity: id,
            });
        }
        resolved_docs.push(resolved);
    }
    // Names of unknown clusters: the most frequent full form.
    let known_ids: BTreeSet<String> = clusters
        .values()
        .filter(|c| c.known.is_some())
        .map(|c| entity_id(c.kind, &c.name))
        .collect();
    for e in entities.values_mut() {
        let is_known = known_ids.contains(&e.id);
        if !is_known {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for s in &e.spans {
                *counts.entry(s.text.as_str()).or_default() += 1;
            }
            if let Some((best, _)) = counts.iter().max_by_key(|(form, n)| {
                (
                    form.split_whitespace().count().min(3),
                    **n,
                    std::cmp::Reverse(*form),
                )
            }) {
                e.name = best.to_string();
            }
        }
        e.aliases.retain(|a| *a != e.name);
        e.aliases.sort();
        e.roles.sort();
        e.docs.sort();
        e.docs.dedup();
    }
    // stands_for: capitals and institutions point to their state's entity.
    let states: HashMap<String, String> = entities
        .values()
        .filter(|e| e.kind == EntityKind::Country)
        .map(|e| (e.name.clone(), e.id.clone()))
        .collect();
    let mut missing: Vec<(String, String)> = Vec::new();
    for cluster in clusters.values() {
        if let Some(known) = cluster.known.as_ref().filter(|k| k.metonym) {
            let id = entity_id(cluster.kind, &cluster.name);
            if let (Some(e), Some(state)) = (entities.get_mut(&id), known.state.as_ref()) {
                match states.get(state) {
                    Some(state_id) => e.stands_for = Some(state_id.clone()),
                    None => {
                        // The state is never named: it still exists, with
                        // no mentions, so the link resolves.
                        let state_id = entity_id(EntityKind::Country, state);
                        e.stands_for = Some(state_id.clone());
                        missing.push((state_id, state.clone()));
                    }
                }
            }
        }
    }
    for (id, name) in missing {
        entities
            .entry(id.clone())
            .or_insert_with(|| Entity::new(id, name, EntityKind::Country));
    }
    (entities.into_values().collect(), resolved_docs)
}

/// The one name among `targets`, however it was typed ("Sanjay Gupta" a
/// person here, untyped there): the best-typed key, or None when the
/// targets are two names.
fn one_name(targets: &BTreeSet<(EntityKind, String)>) -> Option<&(EntityKind, String)> {
    let first = targets.iter().next()?;
    targets
        .iter()
        .all(|t| t.1 == first.1)
        .then(|| targets.iter().max_by_key(|t| kind_rank(t.0)))
        .flatten()
}

/// "Comedian Ellen DeGeneres": an untyped name whose last words are a
/// person's full name is that person with a word before it (a role, or a
/// verb of a headline), not a second person. Pairs (from, to).
fn names_ending_with_a_person(
    keys: &[(EntityKind, String)],
    persons: &[&(EntityKind, String)],
) -> Vec<((EntityKind, String), (EntityKind, String))> {
    let by_name: HashMap<&str, &(EntityKind, String)> =
        persons.iter().map(|k| (k.1.as_str(), *k)).collect();
    let mut out = Vec::new();
    for key in keys.iter().filter(|k| k.0 == EntityKind::Other) {
        let words: Vec<&str> = key.1.split_whitespace().collect();
        let person = (1..words.len().saturating_sub(1))
            .find_map(|start| by_name.get(words[start..].join(" ").as_str()));
        if let Some(person) = person {
            out.push((key.clone(), (*person).clone()));
        }
    }
    out
}

/// "DALGLISH SAD OVER BLACKBURN": an untyped name in capitals is the
/// typed name written the same in running text ("Blackburn"), the one
/// mentioned most when several are. Pairs (from, to).
fn shouted_to_written(
    keys: &[(EntityKind, String)],
    clusters: &BTreeMap<(EntityKind, String), Cluster>,
) -> Vec<((EntityKind, String), (EntityKind, String))> {
    let mention_count = |k: &(EntityKind, String)| clusters[k].forms.values().sum::<usize>();
    let mut written: HashMap<String, &(EntityKind, String)> = HashMap::new();
    for key in keys.iter().filter(|k| k.0 != EntityKind::Other) {
        if key.1.chars().any(char::is_lowercase) {
            let best = written.entry(fold_key(&key.1)).or_insert(key);
            if mention_count(key) > mention_count(best) {
                *best = key;
            }
        }
    }
    keys.iter()
        .filter(|k| k.0 == EntityKind::Other && !k.1.chars().any(char::is_lowercase))
        .filter_map(|k| {
            written
                .get(&fold_key(&k.1))
                .map(|to| (k.clone(), (*to).clone()))
        })
        .collect()
}

/// Two or three capitalised words of letters, no connector: the shape of
/// a person's full name.
fn is_plain_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !CONNECTORS.contains(w)
        })
}

fn kind_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Other => 0,
        EntityKind::Place => 1,
        EntityKind::Weapon => 2,
        EntityKind::Organisation => 3,
        EntityKind::Media => 4,
        EntityKind::Country => 5,
        EntityKind::Person => 6,
    }
}

pub fn entity_id(kind: EntityKind, name: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(name))
}

/// The state (as a country entity id) an entity stands for or belongs to:
/// a country is itself; a capital or institution its state; a known person
/// or weapon the country the gazetteer gives.
pub fn state_of(entity: &Entity) -> Option<String> {
    match entity.kind {
        EntityKind::Country => Some(entity.id.clone()),
        _ => {
            if let Some(s) = &entity.stands_for {
                return Some(s.clone());
            }
            let key = name_key(tokenize(&entity.name).iter().map(|t| t.text));
            lexicon()
                .known(&key)
                .and_then(|k| k.state.as_ref())
                .filter(|_| matches!(entity.kind, EntityKind::Weapon | EntityKind::Person))
                .map(|s| entity_id(EntityKind::Country, s))
        }
    }
}

fn known_person_by_surname(word: &str) -> Option<&'static Known> {
    static SURNAMES: std::sync::OnceLock<HashMap<String, Option<Known>>> =
        std::sync::OnceLock::new();
    let map = SURNAMES.get_or_init(|| {
        let mut map: HashMap<String, Option<Known>> = HashMap::new();
        for line in include_str!("../data/people.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some(name) = line.split('|').next().map(str::trim) else {
                continue;
            };
            let key = name_key(tokenize(name).iter().map(|t| t.text));
            let Some(known) = lexicon().known(&key) else {
                continue;
            };
            if let Some(last) = name.split_whitespace().last() {
                map.entry(fold_key(last))
                    .and_modify(|v| *v = None)
                    .or_insert_with(|| Some(known.clone()));
            }
        }
        map
    });
    map.get(&fold_key(word)).and_then(Option::as_ref)
}

/// Same surname and first names one or two edits apart, or one is the
/// other's initial: "Anthony Blinken" / "Antony Blinken", "J. Smith".
pub fn near_same_person(a: &str, b: &str) -> bool {
    let a: Vec<String> = a.split_whitespace().map(fold_key).collect();
    let b: Vec<String> = b.split_whitespace().map(fold_key).collect();
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let surname_close = la == lb || (la.chars().count() >= 6 && edit_distance(la, lb) <= 1);
    if !surname_close {
        return false;
    }
    let (fa, fb) = (&a[0], &b[0]);
    if fa == fb {
        return true;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    if initial(fa, fb) || initial(fb, fa) {
        return true;
    }
    let limit = if fa.chars().count().min(fb.chars().count()) >= 6 {
        2
    } else {
        1
    };
    la == lb && fa.chars().next() == fb.chars().next() && edit_distance(fa, fb) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let tokens = tokenize(text);
        let starts: Vec<usize> = crate::sentences::split_tokens(text, &tokens)
            .iter()
            .map(|s| s.start)
            .collect();
        let lower: BTreeSet<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(str::to_string)
            .collect();
        find_in_paragraph(0, text, &tokens, &starts, &lower)
            .into_iter()
            .map(|m| (m.text, m.kind, m.role))
            .collect()
    }

    #[test]
    fn an_apposition_after_the_is_not_part_of_the_name_and_states_are_places() {
        let found = find("Many Ohio voters backed Bernie Sanders the Democratic candidate.");
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "Bernie Sanders" && *k == EntityKind::Person));
        assert!(
            found.iter().all(|(t, _, _)| !t.contains("the")),
            "{found:?}"
        );
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "Ohio" && *k == EntityKind::Place));
    }

    #[test]
    fn titles_are_split_from_names_and_kept_as_roles() {
        let found = find("Under Secretary of Defense for Policy Colin Kahl and CIA Director William Burns spoke.");
        assert!(found.contains(&(
            "Colin Kahl".into(),
            EntityKind::Person,
            Some("Under Secretary of Defense for Policy".into())
        )));
        assert!(found.iter().any(|(t, k, r)| t == "William Burns"
            && *k == EntityKind::Person
            && r.as_deref() == Some("CIA Director")));
    }

    #[test]
    fn an_organisation_before_a_title_is_found_too() {
        let found =
            find("She met the National Electoral Council Chairman Pedro Alvarado on Friday.");
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "National Electoral Council" && *k == EntityKind::Organisation));
        assert!(found.iter().any(|(t, k, r)| t == "Pedro Alvarado"
            && *k == EntityKind::Person
            && r.as_deref() == Some("National Electoral Council Chairman")));
    }

    #[test]
    fn lower_case_roles_make_unknown_names_people() {
        let found = find("Ghanaian opposition leader Kwame Mensah rejected the count.");
        assert!(found.iter().any(|(t, k, r)| t == "Kwame Mensah"
            && *k == EntityKind::Person
            && r.as_deref() == Some("Ghanaian opposition leader")));
    }

    #[test]
    fn unknown_names_are_still_found_and_typed_by_their_last_word() {
        let found = find("The strike at the Port of Santos spread, the Dockers Union of Brazil said, and Lagos State Police arrested Tunde Bakare.");
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "Dockers Union" && *k == EntityKind::Organisation));
        assert!(found.iter().any(|(t, _, _)| t == "Tunde Bakare"));
        assert!(found.iter().any(|(t, _, _)| t.contains("Santos")));
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let found = find("Floods closed roads. Floods are rare here, and the floods may return.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn weapons_by_designation_and_by_noun() {
        let found = find("They want the Qaher and Tondar missiles and more Ka-99 helicopters.");
        assert!(
            found
                .iter()
                .any(|(t, k, _)| t == "Qaher" && *k == EntityKind::Weapon),
            "{found:?}"
        );
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "Tondar" && *k == EntityKind::Weapon));
        assert!(found
            .iter()
            .any(|(t, k, _)| t == "Ka-99" && *k == EntityKind::Weapon));
    }

    #[test]
    fn bracket_acronym_of_common_words_is_dropped() {
        let found = find("It props up the defense industrial base (DIB) of the country.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn near_spellings_of_a_person_merge() {
        assert!(near_same_person("Anthony Blinken", "Antony Blinken"));
        assert!(near_same_person(
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky"
        ));
        assert!(near_same_person("J. Smith", "John Smith"));
        assert!(!near_same_person("John Smith", "Mary Smith"));
        assert!(!near_same_person("Joe Biden", "Hunter Biden"));
    }

    fn raw(text: &str, kind: EntityKind) -> RawMention {
        RawMention {
            paragraph: 0,
            start: 0,
            end: text.len(),
            tok: 0,
            tok_end: 1,
            text: text.into(),
            kind,
            known: None,
            role: None,
            adjective: false,
            defines: None,
            weak: false,
        }
    }

    #[test]
    fn surnames_and_spelling_variants_resolve_to_one_person_across_documents() {
        let docs = vec![
            (
                "a".to_string(),
                vec![
                    raw("Maria Okonkwo", EntityKind::Person),
                    raw("Okonkwo", EntityKind::Other),
                ],
            ),
            (
                "b".to_string(),
                vec![raw("Mariah Okonkwo", EntityKind::Person)],
            ),
        ];
        let (entities, resolved) = resolve(&docs, &[]);
        assert_eq!(entities.len(), 1, "{entities:?}");
        assert_eq!(entities[0].name, "Maria Okonkwo");
        assert_eq!(entities[0].mentions, 3);
        assert_eq!(resolved[1][0].entity, "person:maria-okonkwo");
    }

    #[test]
    fn a_surname_alone_joins_an_untyped_full_name_but_not_a_longer_name() {
        let text = "Police arrested Budi Santoso on Monday. Santoso was held in Padang. \
                    The Bank of Padang Raya closed. Raya said nothing.";
        let tokens = tokenize(text);
        let starts: Vec<usize> = crate::sentences::split_tokens(text, &tokens)
            .iter()
            .map(|s| s.start)
            .collect();
        let found = find_in_paragraph(0, text, &tokens, &starts, &BTreeSet::new());
        let (entities, resolved) = resolve(&[("d".into(), found)], &[]);
        let budi = entities.iter().find(|e| e.name == "Budi Santoso").unwrap();
        assert_eq!(budi.mentions, 2, "{entities:?}");
        let santoso = resolved[0]
            .iter()
            .find(|m| m.raw.text == "Santoso")
            .unwrap();
        assert_eq!(santoso.entity, budi.id);
        // "Bank of Padang Raya" is no person's full name.
        assert!(resolved[0]
            .iter()
            .filter(|m| m.raw.text == "Raya")
            .all(|m| !m.entity.contains("bank")));
    }

    #[test]
    fn capitals_link_to_their_state_without_merging() {
        let text = "Tehran and the Kremlin agreed; Iran said so.";
        let tokens = tokenize(text);
        let found = find_in_paragraph(0, text, &tokens, &[0], &BTreeSet::new());
        let (entities, _) = resolve(&[("d".into(), found)], &[]);
        let tehran = entities.iter().find(|e| e.name == "Tehran").unwrap();
        assert_eq!(tehran.kind, EntityKind::Place);
        assert_eq!(tehran.stands_for.as_deref(), Some("country:iran"));
        let kremlin = entities.iter().find(|e| e.name == "Kremlin").unwrap();
        assert_eq!(kremlin.stands_for.as_deref(), Some("country:russia"));
        assert!(entities.iter().any(|e| e.id == "country:iran"));
    }
}
