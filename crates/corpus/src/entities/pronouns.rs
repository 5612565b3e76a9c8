//! "Officials expect that Velbrook will resign before he turns 60": an
//! unlisted name that a personal pronoun soon refers back to is a
//! person's. Only the words up to the next name or the end of the
//! sentence are read, so the pronoun has no other name to refer to.

use super::RawMention;
use crate::document::EntityKind;
use crate::text::Tok;
use std::collections::BTreeSet;

const PERSONAL: &[&str] = &["he", "his", "him", "himself", "she", "her", "herself"];

/// Words read after the name for a pronoun.
const WINDOW: usize = 6;

/// Words before a name that make it no subject ("at Velbrook", "the
/// Open"): a pronoun after it most often refers to someone else.
const NOT_SUBJECT_BEFORE: &[&str] = &[
    "the", "a", "an", "of", "in", "at", "from", "to", "for", "on", "by", "with", "into", "near",
    "over", "against",
];

/// Types as people the unlisted names of up to three plain words, none
/// written in lower case in the article, not after a preposition or an
/// article, that a personal pronoun follows before any other capitalised
/// word.
pub fn mark_people_by_pronoun(
    tokens: &[Tok],
    out: &mut [RawMention],
    lower_words: &BTreeSet<String>,
) {
    for m in out.iter_mut() {
        // "the Open", "Superior": a word the article writes in lower case.
        let common = tokens[m.tok..m.tok_end]
            .iter()
            .any(|t| lower_words.contains(&t.text.to_lowercase()));
        let plain = m.tok_end - m.tok <= 3
            && tokens[m.tok..m.tok_end].iter().all(|t| {
                t.is_capitalised() && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            && !tokens[m.tok..m.tok_end]
                .iter()
                .all(|t| t.text.chars().all(|c| !c.is_lowercase()));
        // "British Open champion": a capitalised word before it qualifies it.
        let subject = m.tok == 0
            || !(NOT_SUBJECT_BEFORE.contains(&tokens[m.tok - 1].text)
                || tokens[m.tok - 1].is_capitalised());
        let untyped = m.kind == EntityKind::Other && m.known.is_none();
        if untyped && plain && subject && !common && pronoun_follows(tokens, m.tok_end) {
            m.kind = EntityKind::Person;
        }
    }
}

fn pronoun_follows(tokens: &[Tok], from: usize) -> bool {
    for t in tokens.iter().skip(from).take(WINDOW) {
        if PERSONAL.contains(&t.text) {
            return true;
        }
        if t.is_capitalised() || matches!(t.text, "." | ";" | "?" | "!") {
            return false;
        }
    }
    false
}
