//! Event frames: typed transfers, visits and sanctions between states,
//! grouped and labelled ("Iran → Russia: ballistic missiles").
//!
//! A claim yields event frames: an action (`supply`, `visit`, `sanction`,
//! from `data/events.txt`), who acts, who receives, and what (an item
//! category from `data/items.txt`, or a weapon system's category). Parties
//! are states: a country, a capital or institution standing for one
//! (Tehran, the Kremlin), a demonym ("Iranian drones", "Russian-made"),
//! a known person's or weapon's country. Direction comes from the verb:
//! give-verbs (send, supply, deliver) put the subject on the giving side and
//! "to X" on the receiving side; get-verbs (acquire, receive, buy, seek)
//! the reverse with "from X"; "lobbied X to provide" makes X the giver.
//! Frames missing both parties inherit them from the last frame of the same
//! article about a related item (a follow-up sentence such as "the earliest
//! deliveries could be expected in spring"). A generic item ("missiles")
//! joins the specific thread ("ballistic missiles") when the pair of
//! parties has exactly one specific thread under it. Visits are split by
//! month, since two visits months apart are two events.

use crate::document::{Claim, Thread};
use crate::lexicon::{lexicon, phrase_at};
use crate::text::Tok;
use std::collections::BTreeMap;

/// A party or item mention inside a clause, for frame extraction.
#[derive(Debug, Clone)]
pub struct Party {
    pub tok: usize,
    pub tok_end: usize,
    /// Country entity id the mention stands for.
    pub state: Option<String>,
    pub adjective: bool,
    /// Item category, for weapon systems.
    pub category: Option<String>,
    pub is_person: bool,
}

/// One event read from a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub action: String,
    pub giver: Option<String>,
    pub receiver: Option<String>,
    pub item: Option<String>,
    /// Token index where the item (or action) was found: orders frames.
    pub at: usize,
    /// Every state the clause names (to check inherited parties).
    pub states: Vec<String>,
}

const NOMINAL_BEFORE: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "its",
    "their",
    "his",
    "her",
    "'s",
    "’s",
    "this",
    "that",
    "new",
    "first",
    "latest",
    "last",
    "missile",
    "drone",
    "weapons",
    "arms",
    "potential",
    "friendly",
    "earliest",
    "any",
    "further",
    "additional",
    "possible",
    "regular",
    "imminent",
    "future",
    "expected",
];
const ITEM_BLOCKERS: &[&str] = &[
    "program",
    "programme",
    "production",
    "test",
    "site",
    "capabilities",
    "industry",
    "factory",
    "factories",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "launch",
    "launches",
    "defense",
    "technology",
    "deal",
    "range",
];
const SUBJECT_LEFT: &[&str] = &[
    "that", "as", "while", "when", "because", "if", "since", "and", "but", "of", "whether",
    "after", "before", "although", "though", "where", "once", "unless", "until", "how", "why",
];
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "might", "may",
    "can", "did", "does", "do", "shall", "should", "must",
];
const ASKING: &[&str] = &[
    "lobbied",
    "asked",
    "pressed",
    "urged",
    "pushed",
    "requested",
];

fn item_at(words: &[String], at: usize) -> Option<(String, usize)> {
    let lex = lexicon();
    let mut best: Option<(String, usize)> = None;
    for (cat, phrase) in lex.items_opening_with(words.get(at)?) {
        if phrase_at(words, at, phrase) && best.as_ref().is_none_or(|(_, len)| phrase.len() > *len)
        {
            best = Some((cat.name.clone(), phrase.len()));
        }
    }
    let (name, len) = best?;
    const TRANSFER_NOUNS: &[&str] = &[
        "deliveries",
        "delivery",
        "shipments",
        "shipment",
        "purchases",
        "purchase",
        "sales",
        "sale",
        "transfers",
        "transfer",
        "supplies",
        "exports",
        "imports",
        "systems",
        "system",
    ];
    if words
        .get(at + len)
        .is_some_and(|w| TRANSFER_NOUNS.contains(&w.as_str()))
    {
        return Some((name, len + 1));
    }
    // "missile program", "drone factory": a modifier, not the item.
    let singular = !words[at + len - 1].ends_with('s') || words[at + len - 1].ends_with("ss");
    if singular
        && words.get(at + len).is_some_and(|w| {
            ITEM_BLOCKERS.contains(&w.as_str())
                || w.chars().all(char::is_alphabetic)
                    && ![
                        "and", "or", "to", "from", "for", "in", "with", "at", "on", "by", "of",
                    ]
                    .contains(&w.as_str())
                    && words[at + len - 1] != "ammunition"
                    && words[at + len - 1] != "aircraft"
                    && words[at + len - 1] != "equipment"
                    && words[at + len - 1] != "weaponry"
        })
    {
        return None;
    }
    if words
        .get(at + len)
        .is_some_and(|w| ITEM_BLOCKERS.contains(&w.as_str()))
    {
        return None;
    }
    Some((name, len))
}

/// The event frames of a clause.
pub fn frames(tokens: &[Tok], words: &[String], parties: &[Party]) -> Vec<Frame> {
    let clause = Clause {
        tokens,
        words,
        parties,
    };
    let mut out = clause.supplies();
    out.extend(clause.visits());
    out.extend(clause.sanctions());
    let mut states: Vec<String> = parties
        .iter()
        .filter(|p| !p.is_person)
        .filter_map(|p| p.state.clone())
        .collect();
    states.sort();
    states.dedup();
    for f in &mut out {
        f.states = states.clone();
    }
    out.sort_by_key(|f| f.at);
    out.dedup_by(|a, b| {
        a.action == b.action && a.giver == b.giver && a.receiver == b.receiver && a.item == b.item
    });
    out
}

/// What the frame rules read in a clause: its tokens, its lower-cased
/// words and the parties (states, bodies, weapon systems) named in it.
struct Clause<'a> {
    tokens: &'a [Tok<'a>],
    words: &'a [String],
    parties: &'a [Party],
}

/// Where an item's states may come from: "from X" and "to X" after the
/// item or anywhere in the clause, and the item's origin.
struct Ends {
    from_after: Option<String>,
    to_after: Option<String>,
    clause_from: Option<String>,
    clause_to: Option<String>,
    origin: Option<String>,
}

impl Ends {
    /// The giver the item's surroundings name.
    fn giver(&self) -> Option<String> {
        self.from_after
            .clone()
            .or(self.origin.clone())
            .or(self.clause_from.clone())
    }
}

impl Clause<'_> {
    fn len(&self) -> usize {
        self.words.len()
    }

    /// Where the phrases of an `events.txt` section start, with their
    /// length.
    fn actions(&self, section: &str) -> Vec<(usize, usize)> {
        let phrases = lexicon().events(section);
        (0..self.len())
            .filter_map(|at| phrases.at(self.words, at).map(|p| (at, p.len())))
            .collect()
    }

    /// A state named at token `k` (not a demonym, not a person).
    fn state_at(&self, k: usize) -> Option<&Party> {
        self.parties
            .iter()
            .find(|p| p.tok == k && p.state.is_some() && !p.adjective && !p.is_person)
    }

    /// The state named from token `k` on: "to Russia", "from the DPRK".
    fn state_after(&self, k: usize) -> Option<String> {
        let mut j = k;
        while j < self.len()
            && matches!(
                self.words[j].as_str(),
                "the"
                    | "\""
                    | "“"
                    | "neighboring"
                    | "neighbouring"
                    | "nearby"
                    | "allied"
                    | "fellow"
            )
        {
            j += 1;
        }
        self.state_at(j).and_then(|p| p.state.clone())
    }

    /// The first state named after `word` ("from", "to") at or after
    /// token `from`.
    fn first_after(&self, word: &str, from: usize) -> Option<String> {
        (from..self.len().saturating_sub(1))
            .find(|&j| self.words[j] == word && self.state_after(j + 1).is_some())
            .and_then(|j| self.state_after(j + 1))
    }

    /// The state acting before token `k`: one that opens a clause ("that
    /// Iran had sent", ", Russia received"), follows a reporting verb ("say
    /// Moscow acquired") or stands right before the verb ("Iran sending");
    /// an object ("protecting Iran from") does not.
    fn subject_before(&self, k: usize) -> Option<String> {
        let words = self.words;
        self.parties
            .iter()
            // "Iranians sending weapons": a plural demonym is a subject.
            .filter(|p| {
                p.tok_end <= k
                    && p.state.is_some()
                    && !p.is_person
                    && (!p.adjective || words[p.tok].ends_with('s'))
            })
            .filter(|p| {
                p.tok == 0
                    || !matches!(
                        words[p.tok - 1].as_str(),
                        "to" | "from" | "against" | "in" | "on" | "with" | "for" | "into"
                    )
            })
            .filter(|p| {
                !(p.tok >= 2
                    && matches!(words[p.tok - 1].as_str(), "the")
                    && matches!(words[p.tok - 2].as_str(), "to" | "from" | "in" | "against"))
            })
            .rfind(|p| opens_clause(words, p, k))
            .and_then(|p| p.state.clone())
    }

    /// Items with their token range: weapon systems by their category,
    /// then the item words of `items.txt`.
    fn items(&self) -> Vec<(usize, usize, String)> {
        let mut items: Vec<(usize, usize, String)> = Vec::new();
        let mut k = 0;
        while k < self.len() {
            if let Some(p) = self
                .parties
                .iter()
                .find(|p| p.tok == k && p.category.is_some())
            {
                items.push((k, p.tok_end, p.category.clone().unwrap_or_default()));
                k = p.tok_end.max(k + 1);
                continue;
            }
            if let Some((name, len)) = item_at(self.words, k) {
                // A weapon system right before ("Su-35 fighters") already counts.
                if items.last().is_none_or(|(_, e, _)| *e != k) {
                    items.push((k, k + len, name));
                }
                k += len;
                continue;
            }
            k += 1;
        }
        // "weapons" only when nothing more specific is named.
        let has_specific = items.iter().any(|(_, _, c)| c != "weapons");
        items.retain(|(_, _, c)| !has_specific || c != "weapons");
        items
    }

    /// Supply frames: who gives which item to whom.
    fn supplies(&self) -> Vec<Frame> {
        let give = self.actions("give");
        let get = self.actions("get");
        let specific = self.items();
        let mut out = Vec::new();
        if (give.is_empty() && get.is_empty()) || specific.is_empty() {
            return out;
        }
        let clause_from = self.first_after("from", 0);
        let clause_to = self.first_after("to", 0);
        for (a, e, item) in &specific {
            let verb_give = give
                .iter()
                .rfind(|(v, _)| v < a)
                .or_else(|| give.first())
                .copied();
            let verb_get = get
                .iter()
                .rfind(|(v, _)| v < a)
                .or_else(|| get.first())
                .copied();
            // The nearest verb before the item decides the direction.
            let use_get = match (verb_give, verb_get) {
                // The get-verb is the last verb before the item.
                (Some((g, _)), Some((r, _))) => r < *a && (r > g || g > *a),
                (None, Some(_)) => true,
                _ => false,
            };
            let ends = Ends {
                from_after: self.first_after("from", *e),
                to_after: self.first_after("to", *e),
                clause_from: clause_from.clone(),
                clause_to: clause_to.clone(),
                origin: self.origin(*a),
            };
            let (giver, mut receiver) = if use_get {
                self.received(verb_get.unwrap_or((0, 0)), &ends)
            } else {
                self.given(verb_give.unwrap_or((0, 0)), *a, &ends)
            };
            if giver.is_some() && giver == receiver {
                receiver = None;
            }
            let from_all = self.sources(*e, &specific);
            let mut givers = vec![giver.clone()];
            if from_all.len() > 1 && giver.as_ref().is_some_and(|g| from_all.contains(g)) {
                givers = from_all.iter().cloned().map(Some).collect();
            }
            for giver in givers {
                let receiver = receiver.clone().filter(|r| Some(r) != giver.as_ref());
                out.push(Frame {
                    action: "supply".into(),
                    giver,
                    receiver,
                    item: Some(item.clone()),
                    at: *a,
                    states: Vec::new(),
                });
            }
        }
        out
    }

    /// "from Belarus, from Iran and North Korea, and from China" after the
    /// item ending at `e`: every listed source is a giver (up to the next
    /// item, whose sources are its own).
    fn sources(&self, e: usize, items: &[(usize, usize, String)]) -> Vec<String> {
        let n = self.len();
        let mut all: Vec<String> = Vec::new();
        let next_item = items
            .iter()
            .map(|(s, _, _)| *s)
            .find(|s| *s >= e)
            .unwrap_or(n);
        let mut j = e;
        while j + 1 < n.min(next_item) {
            if self.words[j] == "from" {
                let mut k = j + 1;
                while let Some(s) = self.state_after(k) {
                    if !all.contains(&s) {
                        all.push(s);
                    }
                    let Some(p) = self
                        .parties
                        .iter()
                        .find(|p| p.tok >= k && p.state.is_some())
                    else {
                        break;
                    };
                    k = p.tok_end;
                    if self.words.get(k).is_some_and(|w| w == "and" || w == "or") {
                        k += 1;
                    } else {
                        break;
                    }
                }
            }
            j += 1;
        }
        all
    }

    /// A demonym or "-made" right before the item at `a`, or the weapon
    /// system's own country.
    fn origin(&self, a: usize) -> Option<String> {
        self.parties
            .iter()
            .rfind(|p| p.tok < a && p.tok + 4 >= a && p.adjective)
            .and_then(|p| p.state.clone())
            .or_else(|| made_in(self.tokens, a, self.parties))
            .or_else(|| {
                self.parties
                    .iter()
                    .find(|p| p.tok == a && p.category.is_some())
                    .and_then(|p| p.state.clone())
            })
    }

    /// Giver and receiver of a get verb ("Russia acquired drones from
    /// Iran"): the subject receives.
    fn received(&self, (v, len): (usize, usize), ends: &Ends) -> (Option<String>, Option<String>) {
        let words = self.words;
        let nominal = v > 0 && NOMINAL_BEFORE.contains(&words[v - 1].as_str());
        let mut giver = ends.giver();
        let receiver = if nominal {
            possessor_before(words, self.parties, v)
        } else if ASKING.contains(&words[v].as_str()) {
            // "X lobbied Y to provide": Y gives, X receives.
            giver = self.state_after(v + len).or(giver);
            self.subject_before(v)
        } else {
            self.subject_before(v)
        };
        (giver, receiver)
    }

    /// Giver and receiver of a give verb ("Iran sent drones to Russia"):
    /// the subject gives, "to X" or "X with" receives.
    fn given(
        &self,
        (v, len): (usize, usize),
        a: usize,
        ends: &Ends,
    ) -> (Option<String>, Option<String>) {
        let words = self.words;
        let nominal = v > 0 && NOMINAL_BEFORE.contains(&words[v - 1].as_str())
            || words.get(v + len).is_some_and(|w| w == "of");
        // "X lobbied Y to provide ...", "supplied Y with ..."
        let asked = (0..v)
            .rev()
            .take(6)
            .find(|&j| ASKING.contains(&words[j].as_str()));
        // "supplied Russia with drones", "sending Iran new weapons".
        let with_object = self.state_after(v + len).filter(|_| {
            (v + len..self.len()).take(4).any(|j| words[j] == "with")
                || (v + len + 1..=a).contains(&a) && a <= v + len + 4
        });
        let mut receiver = with_object
            .clone()
            .or(ends.to_after.clone())
            .or(ends.clause_to.clone());
        let mut giver = ends.giver();
        if let Some(j) = asked {
            giver = self.state_after(j + 1).or(giver);
            receiver = self.subject_before(j).or(receiver);
        } else if giver.is_none() && !nominal {
            giver = self.subject_before(v);
        }
        if with_object.is_some() && giver.is_none() {
            giver = self.subject_before(v);
        }
        (giver, receiver)
    }

    /// Visits: "X visited Y", "X traveled to Y".
    fn visits(&self) -> Vec<Frame> {
        let mut out = Vec::new();
        for (v, len) in self.actions("visit") {
            let subject = self
                .parties
                .iter()
                .rfind(|p| p.tok_end <= v && p.state.is_some())
                .and_then(|p| p.state.clone());
            let object = self
                .parties
                .iter()
                .find(|p| p.tok >= v + len && p.tok <= v + len + 3 && p.state.is_some())
                .and_then(|p| p.state.clone());
            if let (Some(s), Some(o)) = (subject, object) {
                if s != o {
                    out.push(Frame {
                        action: "visit".into(),
                        giver: Some(s),
                        receiver: Some(o),
                        item: None,
                        at: v,
                        states: Vec::new(),
                    });
                }
            }
        }
        out
    }

    /// Sanctions: "X imposed sanctions on Y".
    fn sanctions(&self) -> Vec<Frame> {
        let mut out = Vec::new();
        for (v, _) in self.actions("sanction") {
            let target = (v..self.len().saturating_sub(1))
                .find(|&j| {
                    matches!(self.words[j].as_str(), "on" | "against")
                        && self.state_after(j + 1).is_some()
                })
                .and_then(|j| self.state_after(j + 1));
            if let (Some(s), Some(t)) = (self.subject_before(v), target) {
                if s != t {
                    out.push(Frame {
                        action: "sanction".into(),
                        giver: Some(s),
                        receiver: Some(t),
                        item: None,
                        at: v,
                        states: Vec::new(),
                    });
                }
            }
        }
        out
    }
}

/// Does party `p` stand where a subject of the verb at `k` stands?
fn opens_clause(words: &[String], p: &Party, k: usize) -> bool {
    let mut left = p.tok;
    if left >= 1 && words[left - 1] == "the" {
        left -= 1;
    }
    let next = words.get(p.tok_end).map(String::as_str).unwrap_or("");
    left == 0
        || p.tok_end == k
        // "castigated Iran for supplying", "accused X of sending"
        || (p.tok_end + 1 == k && matches!(next, "for" | "of"))
        // "the suggestion Iran is preparing": a clause subject
        || AUXILIARIES.contains(&next)
        || SUBJECT_LEFT.contains(&words[left - 1].as_str())
        || words[left - 1].chars().all(|c| !c.is_alphanumeric())
        || lexicon().cues("speech").has_word(&words[left - 1])
}

/// "Russian-made" right before the item (within three words).
fn made_in(tokens: &[Tok], at: usize, parties: &[Party]) -> Option<String> {
    let from = at.saturating_sub(4);
    (from..at).rev().find_map(|k| {
        let t = tokens.get(k)?;
        let (head, tail) = t.text.split_once('-')?;
        if tail != "made" && tail != "built" && tail != "produced" {
            return None;
        }
        let key = crate::lexicon::name_key([head]);
        let known = lexicon().known(&key)?;
        let _ = parties;
        Some(crate::entities::entity_id(
            crate::document::EntityKind::Country,
            known.state.as_deref().unwrap_or(&known.name),
        ))
        .filter(|_| known.kind == crate::document::EntityKind::Country)
    })
}

/// "Russia's potential acquisition": the possessor before a nominal verb.
fn possessor_before(words: &[String], parties: &[Party], v: usize) -> Option<String> {
    parties
        .iter()
        .rfind(|p| {
            p.tok_end < v
                && p.tok_end + 4 >= v
                && p.state.is_some()
                && words.get(p.tok_end).is_some_and(|w| w == "'s" || w == "’s")
        })
        .and_then(|p| p.state.clone())
}

/// Groups the claims' frames into threads (their claims, articles and
/// dates left empty: [`super::build`] fills them for every thread) and
/// sets each claim's `thread` and `threads`. `frames[i]` are the frames of `claims[i]`; `name_of`
/// gives a display name for an entity id.
pub fn build(
    claims: &mut [Claim],
    mut frames: Vec<Vec<Frame>>,
    name_of: &dyn Fn(&str) -> String,
) -> Vec<Thread> {
    let lex = lexicon();
    // Inherit parties within an article.
    let mut last: Option<(String, Frame, usize)> = None;
    for (i, claim) in claims.iter().enumerate() {
        for f in frames[i].iter_mut() {
            if f.action != "supply" {
                continue;
            }
            if let Some((doc, prev, para)) = &last {
                let related = match (&f.item, &prev.item) {
                    (Some(a), Some(b)) => {
                        lex.item_ancestors(a).contains(b) || lex.item_ancestors(b).contains(a)
                    }
                    _ => false,
                };
                if *doc == claim.doc && related && claim.paragraph <= para + 2 {
                    let fits = f.states.iter().all(|s| {
                        prev.giver.as_ref() == Some(s) || prev.receiver.as_ref() == Some(s)
                    });
                    if f.giver.is_none() && f.receiver.is_none() {
                        if !fits {
                            continue;
                        }
                        f.giver = prev.giver.clone();
                        f.receiver = prev.receiver.clone();
                    } else if claim.paragraph != *para {
                        // One party known: only a neighbour in the same
                        // paragraph may complete it.
                    } else if f.giver.is_none() && f.receiver == prev.receiver {
                        f.giver = prev.giver.clone();
                    } else if f.receiver.is_none() && f.giver == prev.giver {
                        f.receiver = prev.receiver.clone();
                    }
                }
            }
            if f.giver.is_some() && f.receiver.is_some() {
                last = Some((claim.doc.clone(), f.clone(), claim.paragraph));
            }
        }
    }
    // Complete frames define the threads.
    let key = |f: &Frame, item: &str| -> String {
        let part = |id: &Option<String>| {
            id.as_deref()
                .map(|s| s.split_once(':').map_or(s, |(_, r)| r).to_string())
                .unwrap_or_default()
        };
        format!(
            "{}:{}>{}:{}",
            f.action,
            part(&f.giver),
            part(&f.receiver),
            crate::text::slug(item)
        )
    };
    let mut pairs_items: BTreeMap<(Option<String>, Option<String>), Vec<String>> = BTreeMap::new();
    for fs in &frames {
        for f in fs
            .iter()
            .filter(|f| f.action == "supply" && f.giver.is_some() && f.receiver.is_some())
        {
            let entry = pairs_items
                .entry((f.giver.clone(), f.receiver.clone()))
                .or_default();
            if let Some(item) = &f.item {
                if !entry.contains(item) {
                    entry.push(item.clone());
                }
            }
        }
    }
    // A generic item joins its only specific child for the same pair.
    let refine = |f: &Frame| -> Option<String> {
        let item = f.item.clone()?;
        let items = pairs_items.get(&(f.giver.clone(), f.receiver.clone()))?;
        let children: Vec<&String> = items
            .iter()
            .filter(|c| **c != item && lex.item_ancestors(c).contains(&item))
            .collect();
        match children.as_slice() {
            [only] if item != "weapons" => Some((*only).clone()),
            _ => Some(item),
        }
    };
    let mut threads: BTreeMap<String, Thread> = BTreeMap::new();
    for (i, claim) in claims.iter_mut().enumerate() {
        let mut ids: Vec<String> = Vec::new();
        for f in &frames[i] {
            let (Some(giver), Some(receiver)) = (&f.giver, &f.receiver) else {
                continue;
            };
            let (id, item, label) = match f.action.as_str() {
                "supply" => {
                    let item = refine(f).unwrap_or_else(|| "weapons".into());
                    (
                        key(f, &item),
                        Some(item.clone()),
                        format!("{} → {}: {}", name_of(giver), name_of(receiver), item),
                    )
                }
                "visit" => {
                    let month = claim.event_date.map(|d| match d.month {
                        Some(m) => format!("{}-{m:02}", d.year),
                        None => d.year.to_string(),
                    });
                    let month = month.unwrap_or_default();
                    (
                        key(f, &month),
                        None,
                        format!(
                            "{} → {}: visit{}",
                            name_of(giver),
                            name_of(receiver),
                            if month.is_empty() {
                                String::new()
                            } else {
                                format!(" ({month})")
                            }
                        ),
                    )
                }
                other => (
                    key(f, ""),
                    None,
                    format!(
                        "{} → {}: {}",
                        name_of(giver),
                        name_of(receiver),
                        if other == "sanction" {
                            "sanctions"
                        } else {
                            other
                        }
                    ),
                ),
            };
            // Claims, articles and dates are filled in for every thread at
            // the end (`threads::fill`).
            threads.entry(id.clone()).or_insert_with(|| Thread {
                id: id.clone(),
                label,
                action: f.action.clone(),
                subject: Some(giver.clone()),
                object: Some(receiver.clone()),
                item,
                claims: Vec::new(),
                docs: Vec::new(),
                first_date: None,
                last_date: None,
            });
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        claim.thread = ids.first().cloned();
        ids.sort();
        claim.threads = ids;
    }
    threads.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Parties by looking words up in the gazetteer (enough for tests).
    fn parties(tokens: &[Tok]) -> Vec<Party> {
        let lex = lexicon();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = false;
            for len in (1..=3.min(tokens.len() - i)).rev() {
                let key = crate::lexicon::name_key(tokens[i..i + len].iter().map(|t| t.text));
                if let Some(k) = lex.known(&key) {
                    let state = match k.kind {
                        crate::document::EntityKind::Country => Some(k.name.clone()),
                        _ => k.state.clone(),
                    }
                    .map(|s| crate::entities::entity_id(crate::document::EntityKind::Country, &s));
                    out.push(Party {
                        tok: i,
                        tok_end: i + len,
                        state,
                        adjective: k.adjective,
                        category: k.category.clone(),
                        is_person: false,
                    });
                    i += len;
                    matched = true;
                    break;
                }
            }
            if !matched {
                i += 1;
            }
        }
        out
    }

    fn frames_of(text: &str) -> Vec<(String, String, String)> {
        let tokens = tokenize(text);
        let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        frames(&tokens, &words, &parties(&tokens))
            .into_iter()
            .map(|f| {
                (
                    f.giver.unwrap_or_default(),
                    f.receiver.unwrap_or_default(),
                    f.item.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn give_verbs_put_the_subject_on_the_giving_side() {
        assert_eq!(
            frames_of("Germany has sent 14 tanks to Poland."),
            [(
                "country:germany".into(),
                "country:poland".into(),
                "tanks".into()
            )]
        );
        assert_eq!(
            frames_of("France supplied Chad with helicopters."),
            [(
                "country:france".into(),
                "country:chad".into(),
                "helicopters".into()
            )]
        );
    }

    #[test]
    fn get_verbs_and_capitals_reverse_the_direction() {
        assert_eq!(
            frames_of("Hanoi bought grain from Canberra last year."),
            [(
                "country:australia".into(),
                "country:vietnam".into(),
                "grain".into()
            )]
        );
        assert_eq!(
            frames_of("Cairo has lobbied Ankara to provide drones."),
            [(
                "country:turkey".into(),
                "country:egypt".into(),
                "drones".into()
            )]
        );
    }

    #[test]
    fn demonyms_and_made_in_name_the_origin() {
        assert_eq!(
            frames_of("The delivery of Chinese drones to Serbia was confirmed."),
            [(
                "country:china".into(),
                "country:serbia".into(),
                "drones".into()
            )]
        );
        assert_eq!(
            frames_of("Egypt will receive Russian-made Su-35 fighters."),
            [(
                "country:russia".into(),
                "country:egypt".into(),
                "fighter jets".into()
            )]
        );
    }

    #[test]
    fn every_listed_source_gives_and_objects_are_not_subjects() {
        let f = frames_of("Caracas is buying grain from neighboring Colombia, from Peru and Chile, officials said.");
        let givers: Vec<&str> = f.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            givers,
            ["country:colombia", "country:peru", "country:chile"]
        );
        assert!(f.iter().all(|f| f.1 == "country:venezuela"));
        assert_eq!(
            frames_of("Critics have faulted Kenya for supplying Uganda with helicopters."),
            [(
                "country:kenya".into(),
                "country:uganda".into(),
                "helicopters".into()
            )]
        );
        assert_eq!(
            frames_of("Nobody confirmed the claim Ghana is sending tanks to Mali."),
            [(
                "country:ghana".into(),
                "country:mali".into(),
                "tanks".into()
            )]
        );
        assert_eq!(
            frames_of(
                "Paris may reward Rome by shielding Spain from fines and sending Rome new jets."
            ),
            [(
                "country:france".into(),
                "country:italy".into(),
                "aircraft".into()
            )]
        );
    }

    #[test]
    fn modifiers_are_not_items_and_unrelated_sentences_give_nothing() {
        assert!(frames_of("Iran expanded its missile program.").is_empty());
        assert!(frames_of("Floods closed schools in Lagos.").is_empty());
    }
}
