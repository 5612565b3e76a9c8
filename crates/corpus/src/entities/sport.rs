//! Clubs named after their town: "Leeds United", "Leeds striker Ana
//! Lima", "Surrey are 88 for four", "Ana Lima (Leeds)". A city or county
//! written this way is a team, an organisation; states stay states
//! (national sides are named as their country).

use super::RawMention;
use crate::document::EntityKind;
use crate::text::Tok;

/// One word after a town that makes a club's name ("Leeds United").
const CLUB_WORDS: &[&str] = &[
    "United",
    "City",
    "Town",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "Hotspur",
    "Rangers",
    "FC",
];

/// A player's or coach's role written after the club ("Leeds striker").
const ROLES_AFTER_CLUB: &[&str] = &[
    "striker",
    "defender",
    "midfielder",
    "goalkeeper",
    "winger",
    "forward",
    "coach",
    "manager",
    "pitcher",
    "outfielder",
    "shortstop",
    "quarterback",
    "batsman",
    "bowler",
    "all-rounder",
    "skipper",
    "keeper",
];

/// Verbs in the plural after a singular town: British writing of a side
/// ("Surrey are", "Kent were frustrated").
const PLURAL_VERBS: &[&str] = &["are", "were", "have"];

/// The single word `tokens[a..b]` completes a town's club name.
pub fn is_club_word(tokens: &[Tok], a: usize, b: usize) -> bool {
    b - a == 1 && CLUB_WORDS.contains(&tokens[a].text)
}

/// Words before a town that make it something other than the subject of
/// the verb after it ("Paris and London are", "diplomats in Nairobi were").
const NOT_SUBJECT_BEFORE: &[&str] = &[
    "and", ",", "or", "of", "in", "from", "at", "to", "by", "for", "with", "on", "near", "into",
    "across", "over", "outside", "around", "than",
];

/// A town at `a..b` written as a side: a player's role after it, or a
/// plural verb when it is the subject.
pub fn is_side(tokens: &[Tok], a: usize, b: usize) -> bool {
    let next = tokens.get(b).map_or("", |t| t.text);
    let subject = a == 0 || !NOT_SUBJECT_BEFORE.contains(&tokens[a - 1].text);
    ROLES_AFTER_CLUB.contains(&next) || (PLURAL_VERBS.contains(&next) && subject)
}

/// "Velbrook were 88 for four": one unlisted singular word that a plural
/// verb follows as its subject is a side (a player would take "was"); a
/// plural ("Kurds are") is a people, not a side.
pub fn is_unlisted_side(tokens: &[Tok], a: usize, b: usize) -> bool {
    let word = tokens[a].text;
    b - a == 1
        && !word.ends_with('s')
        && word.chars().any(char::is_lowercase)
        && PLURAL_VERBS.contains(&tokens.get(b).map_or("", |t| t.text))
        && (a == 0 || !NOT_SUBJECT_BEFORE.contains(&tokens[a - 1].text))
}

/// "Velkoraz beat Dobrinka 2-1": an unlisted name that plays in a
/// sentence with a match score is a side. Set scores ("6-3", "7-5") are
/// left alone: those sides are tennis players.
pub fn is_unlisted_player_side(tokens: &[Tok], a: usize, b: usize) -> bool {
    super::context::plays(tokens, a, b) && has_match_score(tokens)
}

/// A "2-1" score in the sentence, and no set score of tennis.
fn has_match_score(tokens: &[Tok]) -> bool {
    let mut scores = (2..tokens.len()).filter_map(|i| {
        let number = |j: usize| tokens[j].text.parse::<u32>().ok();
        (tokens[i - 1].text == "-").then(|| number(i - 2).zip(number(i)))?
    });
    let mut any = false;
    let tennis = scores.any(|(x, y)| {
        any = true;
        matches!(x, 6 | 7) || matches!(y, 6 | 7)
    });
    any && !tennis
}

/// "Ana Lima (Leeds)": a town in brackets right after a person is their
/// club.
pub fn is_bracketed_after(tokens: &[Tok], prev_end: usize, a: usize, b: usize) -> bool {
    a >= 1 && prev_end + 1 == a && tokens[a - 1].is("(") && tokens.get(b).is_some_and(|t| t.is(")"))
}

/// "Velkoraz v Dobrinka", "Velkoraz vs. Dobrinka": the names either side
/// of "v" are sides; an unlisted name or a town is a club, a state stays
/// a state (a national side).
pub fn mark_sides_of_v(tokens: &[Tok], out: &mut [RawMention]) {
    let is_v = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.text, "v" | "vs" | "vs."))
    };
    for m in out.iter_mut() {
        let beside = is_v(m.tok_end) || (m.tok >= 1 && is_v(m.tok - 1));
        let side = m.kind == EntityKind::Other || (m.kind == EntityKind::Place && !m.adjective);
        if beside && side {
            m.kind = EntityKind::Organisation;
            m.known = None;
            m.weak = false;
        }
    }
}
