//! Names of bodies with "and" inside them: "Securities and Exchange
//! Commission", "Ministry of Trade and Industry". Elsewhere "and" joins
//! two names, so it stays inside a run only when the name around it is
//! a body's.

use super::context::COMPANY_OR_CLUB_ENDINGS;
use super::{merge_with_previous, RawMention, ORG_HEADS};
use crate::document::EntityKind;
use crate::text::Tok;

/// Words a body's name may run through after "and" ("Human Services",
/// "Exchange Commission"): capitalised words and "of" / "for".
const MAX_AFTER: usize = 6;

/// Heads of companies: "Continental and Acme Corp" are most often two.
const COMPANY_HEADS: &[&str] = &["Corp.", "Inc.", "Ltd", "Company", "Corporation", "Group"];

fn is_head(word: &str) -> bool {
    ORG_HEADS.contains(&word) || COMPANY_OR_CLUB_ENDINGS.contains(&word)
}

fn is_company_head(word: &str) -> bool {
    COMPANY_HEADS.contains(&word) || COMPANY_OR_CLUB_ENDINGS.contains(&word)
}

/// "and" at `at` inside the run that starts at `start` continues one
/// body's name: the name so far is a body with "of" or "for" ("Ministry
/// of Trade and Industry"), or a head word of a body other than a company
/// follows it ("Truth and Reconciliation Commission"); not when the name
/// so far is complete ("Trade Commission and Justice Department").
pub fn and_inside_body(tokens: &[Tok], start: usize, at: usize) -> bool {
    let before = &tokens[start..at];
    if before.is_empty() || before.last().is_some_and(|t| is_head(t.text)) {
        return false;
    }
    let body_of = before.iter().any(|t| is_head(t.text))
        && before.iter().any(|t| matches!(t.text, "of" | "for"));
    let head_after = tokens[at + 1..]
        .iter()
        .take(MAX_AFTER)
        .take_while(|t| t.is_capitalised() || matches!(t.text, "of" | "for"))
        .any(|t| is_head(t.text) && !is_company_head(t.text));
    body_of || head_after
}

/// Bodies of a state's government: "the German Foreign Ministry" is the
/// Foreign Ministry of Germany, the demonym no part of its name.
const STATE_BODIES: &[&str] = &[
    "Ministry",
    "Police",
    "Army",
    "Navy",
    "Government",
    "Cabinet",
];

/// "Palestinian Authority", "Indonesian Democratic Party": a demonym right
/// before an unlisted body named by its head word is the first word of
/// its name, except before a state's ministry or force.
pub fn join_demonym_bodies(tokens: &[Tok], text: &str, out: &mut Vec<RawMention>) {
    let mut idx = 1;
    while idx < out.len() {
        let (prev, m) = (&out[idx - 1], &out[idx]);
        let words = &tokens[m.tok..m.tok_end];
        let headed = words.iter().any(|t| is_head(t.text))
            && !words.iter().any(|t| STATE_BODIES.contains(&t.text));
        let joins = prev.adjective
            && prev.tok_end == m.tok
            && matches!(m.kind, EntityKind::Organisation | EntityKind::Media)
            && m.known.is_none()
            && headed;
        if joins {
            let m = merge_with_previous(out, idx, text);
            let prev = &mut out[idx - 1];
            prev.kind = m.kind;
            prev.known = None;
            prev.adjective = false;
        } else {
            idx += 1;
        }
    }
}
