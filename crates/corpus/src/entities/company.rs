//! Companies and other bodies known by the words around an unlisted
//! name: "Velora said it would", "Velora shares rose", "Velora's
//! chief executive", "shares in Velora", "Velora, a Dutch chemicals
//! group". Asked only when no given name makes the name a person's.

use crate::text::{Tok, TokKind};

/// Nouns after the name that only a body has ("Velora shares", "a
/// Velora spokesman", "the Velora party").
const AFTER: &[&str] = &[
    "shares",
    "stock",
    "spokesman",
    "spokeswoman",
    "officials",
    "party",
    "unit",
    "television",
];

/// Nouns after "'s" that only a body has ("Velora's chief executive").
const AFTER_POSSESSIVE: &[&str] = &[
    "shares",
    "stock",
    "chairman",
    "board",
    "subsidiary",
    "unit",
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "shareholders",
    "headquarters",
];

/// Nouns of an apposition that name a body ("Velora, a chemicals group").
const APPOSITION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "maker",
    "bank",
    "airline",
    "carrier",
    "insurer",
    "retailer",
    "conglomerate",
    "producer",
    "manufacturer",
    "subsidiary",
    "unit",
    "operator",
    "utility",
    "brokerage",
    "exporter",
    "supplier",
    "distributor",
    "club",
    "party",
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
];

/// The words around the unlisted name `tokens[a..b]` make it a body.
pub fn has_company_cue(tokens: &[Tok], a: usize, b: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text);
    let said_it = matches!(word(b), "said" | "says") && word(b + 1) == "it";
    let possessive = tokens.get(b).is_some_and(|t| t.kind == TokKind::Possessive);
    let owned = possessive && AFTER_POSSESSIVE.contains(&word(b + 1));
    let shares_in = a >= 2 && word(a - 2) == "shares" && matches!(word(a - 1), "in" | "of");
    said_it || AFTER.contains(&word(b)) || owned || shares_in || is_body_apposition(tokens, b)
}

/// ", a Dutch chemicals group": a comma, an article, up to three words,
/// then a body's noun.
fn is_body_apposition(tokens: &[Tok], b: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text);
    if word(b) != "," || !matches!(word(b + 1), "a" | "an" | "the") {
        return false;
    }
    (b + 2..b + 6)
        .take_while(|&i| tokens.get(i).is_some_and(|t| t.is_word()))
        .any(|i| APPOSITION_NOUNS.contains(&word(i)) && ends_noun_phrase(tokens, i + 1))
}

/// Words that may follow the head noun of an apposition ("a group based
/// in", "the club he led"); a noun there would be the head instead ("the
/// party leader").
const AFTER_HEAD: &[&str] = &[
    "in", "of", "that", "which", "whose", "based", "with", "and", "for", "from", "to", "he", "she",
    "it", "they", "said",
];

fn ends_noun_phrase(tokens: &[Tok], at: usize) -> bool {
    tokens
        .get(at)
        .is_none_or(|t| !t.is_word() || AFTER_HEAD.contains(&t.text))
}

/// Nouns after "'s" that only a person has ("Velbrook's widow").
const PERSONAL_AFTER_POSSESSIVE: &[&str] = &[
    "wife",
    "husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "father",
    "mother",
    "brother",
    "sister",
    "widow",
    "family",
    "girlfriend",
    "boyfriend",
    "funeral",
    "birthday",
    "lawyer",
    "lawyers",
];

/// "Velbrook's widow": a word after the possessive makes it a person.
pub fn has_person_cue(tokens: &[Tok], b: usize) -> bool {
    tokens.get(b).is_some_and(|t| t.kind == TokKind::Possessive)
        && tokens
            .get(b + 1)
            .is_some_and(|t| PERSONAL_AFTER_POSSESSIVE.contains(&t.text))
}

/// Media nouns written right before a title ("the newspaper Resalat").
const MEDIA_BEFORE: &[&str] = &[
    "newspaper",
    "agency",
    "daily",
    "weekly",
    "magazine",
    "broadcaster",
];

/// "the state news agency Velka", "the weekly Dobrin", "Velka magazine":
/// a lower-case media noun right before the name, or "magazine" after
/// it, makes it a paper, an agency or a broadcaster.
pub fn is_named_by_media_noun(tokens: &[Tok], a: usize, b: usize) -> bool {
    let before = a >= 1 && MEDIA_BEFORE.contains(&tokens[a - 1].text);
    let after = tokens.get(b).is_some_and(|t| t.text == "magazine");
    before || after
}
