//! The analysis pipeline: clean documents in, structured evidence out.
//!
//! Order: entities over the whole corpus first (so that "Putin" in one
//! article can merge with "Vladimir Putin" in another), then per document
//! and paragraph: sentences, quotes, time expressions, numbers, and per
//! sentence and clause: attribution, stance, event date, entities; last,
//! event threads across documents. Everything is deterministic: the same
//! documents give byte-identical output.

use crate::attribution::{self, Context};
use crate::document::{
    AttributionKind, Claim, Corpus, Document, Entity, EntityKind, Part, Quote, Source,
    TimeExpression, TimeRef, SCHEMA,
};
use crate::entities::{self, ResolvedMention};
use crate::lexicon::{lexicon, name_key};
use crate::sentences::{self, SentenceSpan};
use crate::text::{fold_key, tokenize};
use crate::threads::{self, ClauseFacts, ClauseMention, Frame, Party, Signature};
use crate::{claims, numbers, quotes, stance, time, truecase};
use std::collections::HashMap;

/// Analyses documents (already ingested) into a corpus. Documents are
/// sorted by id first so that the result does not depend on input order.
pub fn analyse(mut documents: Vec<Document>) -> Corpus {
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    // Headline and standfirst are read after the body, as extra
    // paragraphs; their names count only when the body names them too (a
    // Title Case headline capitalises every word).
    let parts: Vec<Vec<(Part, &str)>> = documents.iter().map(parts_of).collect();
    let raw: Vec<(String, Vec<entities::RawMention>)> = documents
        .iter()
        .zip(&parts)
        .map(|(d, parts)| (d.id.clone(), headline_mentions_checked(parts)))
        .collect();
    let mut outlets: Vec<String> = documents
        .iter()
        .flat_map(|d| d.outlet.iter().chain(d.via.iter()).cloned())
        .collect();
    outlets.sort();
    outlets.dedup();
    let (mut entity_list, resolved) = entities::resolve(&raw, &outlets);
    let outlet_ids = add_outlets(&mut entity_list, &documents);
    drop_part_spans(&mut entity_list, &documents);
    let index: HashMap<String, usize> = entity_list
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let kind_of = |id: &str| index.get(id).map(|&i| entity_list[i].kind);
    let name_of = |id: &str| index.get(id).map(|&i| entity_list[i].name.clone());
    // A party of an event: a state, or a body acting in its own name
    // ("the European Union imposed sanctions").
    let state_of: HashMap<String, Option<String>> = entity_list
        .iter()
        .map(|e| {
            let party = entities::state_of(e).or_else(|| {
                (e.kind == EntityKind::Organisation && e.stands_for.is_none()).then(|| e.id.clone())
            });
            (e.id.clone(), party)
        })
        .collect();
    let category_of = |e: &Entity| -> Option<String> {
        if e.kind != EntityKind::Weapon {
            return None;
        }
        let key = name_key(tokenize(&e.name).iter().map(|t| t.text));
        lexicon().known(&key).and_then(|k| k.category.clone())
    };
    let categories: HashMap<String, Option<String>> = entity_list
        .iter()
        .map(|e| (e.id.clone(), category_of(e)))
        .collect();

    let mut all_quotes: Vec<Quote> = Vec::new();
    let mut all_claims: Vec<Claim> = Vec::new();
    let mut all_frames: Vec<Vec<Frame>> = Vec::new();
    let mut all_sigs: Vec<Signature> = Vec::new();
    let mut all_times: Vec<TimeExpression> = Vec::new();
    for ((doc, mentions), doc_parts) in documents.iter().zip(&resolved).zip(&parts) {
        let outlet_source = Source {
            name: doc.outlet.clone().unwrap_or_else(|| "the article".into()),
            kind: AttributionKind::Outlet,
            entity: doc.outlet.as_ref().and_then(|o| outlet_ids.get(o).cloned()),
        };
        let media_mentions: Vec<&ResolvedMention> = mentions
            .iter()
            .filter(|m| {
                kind_of(&m.entity) == Some(EntityKind::Media)
                    && Some(&m.entity) != outlet_source.entity.as_ref()
            })
            .collect();
        let person_mentions: Vec<&ResolvedMention> = mentions
            .iter()
            .filter(|m| kind_of(&m.entity) == Some(EntityKind::Person))
            .collect();
        let mut last_speaker: Option<(String, Option<String>, usize)> = None;
        let mut quote_counter = 0;
        let mut claim_counter = 0;
        let mut last_quarter = None;
        for (p, &(part, paragraph)) in doc_parts.iter().enumerate() {
            let tokens = tokenize(paragraph);
            let spans: Vec<SentenceSpan> = sentences::split_tokens(paragraph, &tokens);
            let para_mentions: Vec<&ResolvedMention> =
                mentions.iter().filter(|m| m.raw.paragraph == p).collect();
            let people_before = |offset: usize| -> Vec<String> {
                let mask_quotes = quotes::spans(paragraph);
                person_mentions
                    .iter()
                    .filter(|m| {
                        m.raw.paragraph < p
                            || (m.raw.paragraph == p
                                && m.raw.end <= offset
                                && !mask_quotes
                                    .iter()
                                    .any(|q| m.raw.start >= q.start && m.raw.end <= q.end))
                    })
                    .map(|m| m.entity.clone())
                    .collect()
            };
            let ctx_base = Context {
                mentions: &para_mentions,
                kind_of: &kind_of,
                name_of: &name_of,
                last_media: None,
                last_people: Vec::new(),
            };
            let para_quotes = if part != Part::Body {
                // Quotes are read in the body, where speakers are named.
                Vec::new()
            } else {
                quotes::find(
                    &doc.id,
                    p,
                    paragraph,
                    &tokens,
                    &spans,
                    &para_mentions,
                    &people_before,
                    &ctx_base,
                    &mut last_speaker,
                    &mut quote_counter,
                )
            };
            let sentence_ranges: Vec<(usize, usize)> =
                spans.iter().map(|s| (s.start, s.end)).collect();
            let expressions = time::find_all(
                paragraph,
                &tokens,
                &sentence_ranges,
                doc.published,
                &mut last_quarter,
            );
            // Spans of a headline or standfirst point into it, with
            // paragraph 0.
            let in_part = if part == Part::Body { p } else { 0 };
            all_times.extend(expressions.iter().map(|e| TimeExpression {
                doc: doc.id.clone(),
                paragraph: in_part,
                start: e.start,
                end: e.end,
                text: e.text.clone(),
                value: e.value.clone(),
                part,
            }));
            let times: Vec<TimeRef> = expressions
                .into_iter()
                .filter_map(|e| e.time)
                .map(|mut t| {
                    t.paragraph = p;
                    t
                })
                .collect();
            let time_spans: Vec<(usize, usize)> = times.iter().map(|t| (t.start, t.end)).collect();
            let nums = numbers::find(p, paragraph, &tokens, &time_spans);
            for (s_index, span) in spans.iter().enumerate() {
                let s_first = tokens
                    .iter()
                    .position(|t| t.start >= span.start)
                    .unwrap_or(0);
                let s_end = tokens
                    .iter()
                    .rposition(|t| t.end <= span.end)
                    .map_or(s_first, |i| i + 1);
                if s_end <= s_first {
                    continue;
                }
                let s_tokens = &tokens[s_first..s_end];
                let s_words: Vec<String> = s_tokens.iter().map(|t| t.text.to_lowercase()).collect();
                // Sentence-local mentions.
                let local: Vec<ResolvedMention> = para_mentions
                    .iter()
                    .filter(|m| m.raw.tok >= s_first && m.raw.tok_end <= s_end)
                    .map(|m| {
                        let mut m = (*m).clone();
                        m.raw.tok -= s_first;
                        m.raw.tok_end -= s_first;
                        m
                    })
                    .collect();
                let local_refs: Vec<&ResolvedMention> = local.iter().collect();
                let last_media = media_mentions
                    .iter()
                    .filter(|m| (m.raw.paragraph, m.raw.start) < (p, span.start))
                    .map(|m| m.entity.clone())
                    .next_back()
                    .or_else(|| media_mentions.first().map(|m| m.entity.clone()));
                let last_people = {
                    let before: Vec<&&ResolvedMention> = person_mentions
                        .iter()
                        .filter(|m| (m.raw.paragraph, m.raw.start) < (p, span.start))
                        .collect();
                    let prev_sentence: Vec<String> =
                        match s_index.checked_sub(1).and_then(|i| spans.get(i)) {
                            Some(prev) => before
                                .iter()
                                .filter(|m| m.raw.paragraph == p && m.raw.start >= prev.start)
                                .map(|m| m.entity.clone())
                                .collect(),
                            None => Vec::new(),
                        };
                    let mut unique: Vec<String> = Vec::new();
                    for id in prev_sentence {
                        if !unique.contains(&id) {
                            unique.push(id);
                        }
                    }
                    if unique.len() >= 2 {
                        unique
                    } else {
                        before
                            .last()
                            .map(|m| vec![m.entity.clone()])
                            .unwrap_or_default()
                    }
                };
                let ctx = Context {
                    mentions: &local_refs,
                    kind_of: &kind_of,
                    name_of: &name_of,
                    last_media,
                    last_people,
                };
                let last_media_c = ctx.last_media.clone();
                let last_people_c = ctx.last_people.clone();
                // A quote's speaker speaks for a sentence or clause with no
                // other source (or only an unnamed one, when the quote opens it).
                let with_quote = |found: Option<attribution::Attribution>,
                                  from: usize,
                                  to: usize|
                 -> Option<attribution::Attribution> {
                    let Some(q) = para_quotes
                        .iter()
                        .find(|q| q.start >= from && q.start < to && q.speaker.is_some())
                    else {
                        return found;
                    };
                    let opens = q.start <= from + 3;
                    let replace = found.is_none()
                        || opens
                            && found.as_ref().is_some_and(|a| {
                                a.kind == AttributionKind::Anonymous
                                    && a.entity.is_none()
                                    && q.speaker_entity.is_some()
                            });
                    if !replace {
                        return found;
                    }
                    let kind = match q.speaker_entity.as_deref().and_then(kind_of) {
                        Some(EntityKind::Media) => AttributionKind::Media,
                        Some(_) => AttributionKind::Named,
                        None => AttributionKind::Anonymous,
                    };
                    let entity_name = q.speaker_entity.as_deref().and_then(name_of);
                    Some(attribution::Attribution {
                        name: entity_name
                            .or_else(|| q.speaker.clone())
                            .unwrap_or_default(),
                        kind,
                        entity: q.speaker_entity.clone(),
                        chain: Vec::new(),
                        span: None,
                    })
                };
                let found = with_quote(
                    attribution::attribute(s_tokens, &s_words, paragraph, &ctx),
                    span.start,
                    span.end,
                );
                let clause_ranges = claims::clauses(s_tokens, 0, s_tokens.len());
                let mut previous: Option<attribution::Attribution> = None;
                for &(ca, cb) in &clause_ranges {
                    let c_tokens = &s_tokens[ca..cb];
                    let start = c_tokens[0].start;
                    let end = c_tokens[c_tokens.len() - 1].end;
                    // Each clause of a joined sentence has its own source; a
                    // clause without one keeps the previous clause's ("X
                    // denied it, but later admitted ...").
                    let found = if clause_ranges.len() == 1 {
                        found.clone()
                    } else {
                        let clause_mentions: Vec<ResolvedMention> = local
                            .iter()
                            .filter(|m| m.raw.tok >= ca && m.raw.tok_end <= cb)
                            .map(|m| {
                                let mut m = m.clone();
                                m.raw.tok -= ca;
                                m.raw.tok_end -= ca;
                                m
                            })
                            .collect();
                        let refs: Vec<&ResolvedMention> = clause_mentions.iter().collect();
                        let ctx_c = Context {
                            mentions: &refs,
                            kind_of: &kind_of,
                            name_of: &name_of,
                            last_media: last_media_c.clone(),
                            last_people: last_people_c.clone(),
                        };
                        let own =
                            attribution::attribute(c_tokens, &s_words[ca..cb], paragraph, &ctx_c);
                        with_quote(own, start, end).or_else(|| previous.clone())
                    };
                    previous = found.clone();
                    let statement = match part {
                        Part::Body => claims::is_statement(c_tokens),
                        Part::Headline | Part::Standfirst => claims::is_headline(c_tokens),
                    };
                    if !statement {
                        continue;
                    }
                    let c_words: Vec<String> = s_words[ca..cb].to_vec();
                    let (stance, stance_cue) = stance::classify(&c_words);
                    let (attribution, attribution_kind, attribution_entity, mut chain) =
                        match &found {
                            Some(a) => {
                                let mut chain = if a.chain.is_empty() {
                                    vec![Source {
                                        name: a.name.clone(),
                                        kind: a.kind,
                                        entity: a.entity.clone(),
                                    }]
                                } else {
                                    a.chain.clone()
                                };
                                if chain.last().is_some_and(|l| {
                                    l.entity.is_some() && l.entity == outlet_source.entity
                                }) {
                                    chain.pop();
                                }
                                (a.name.clone(), a.kind, a.entity.clone(), chain)
                            }
                            None => (
                                outlet_source.name.clone(),
                                AttributionKind::Outlet,
                                outlet_source.entity.clone(),
                                Vec::new(),
                            ),
                        };
                    chain.push(outlet_source.clone());
                    let c_times: Vec<_> = times
                        .iter()
                        .filter(|t| t.start >= start && t.end <= end)
                        .cloned()
                        .map(|mut t| {
                            t.paragraph = in_part;
                            t
                        })
                        .collect();
                    let chosen = c_times.iter().find(|t| !t.since).or(c_times.first());
                    let (event_date, event_date_precision, event_date_text) = match chosen {
                        Some(t) => (Some(t.date), Some(t.precision), Some(t.text.clone())),
                        None => (
                            doc.published.map(|d| d.date_only()),
                            doc.published.map(|d| d.date_only().precision()),
                            None,
                        ),
                    };
                    let c_numbers: Vec<_> = nums
                        .iter()
                        .filter(|n| n.start >= start && n.end <= end)
                        .cloned()
                        .map(|mut n| {
                            n.paragraph = in_part;
                            n
                        })
                        .collect();
                    let mut ids: Vec<String> = para_mentions
                        .iter()
                        .filter(|m| m.raw.start >= start && m.raw.end <= end)
                        .map(|m| m.entity.clone())
                        .collect();
                    if let Some(e) = &attribution_entity {
                        ids.push(e.clone());
                    }
                    ids.sort();
                    ids.dedup();
                    let quote_ids: Vec<String> = para_quotes
                        .iter()
                        .filter(|q| q.start < end && q.end > start)
                        .map(|q| q.id.clone())
                        .collect();
                    // Frames over the clause's mentions.
                    let parties: Vec<Party> = local
                        .iter()
                        .filter(|m| m.raw.tok >= ca && m.raw.tok_end <= cb)
                        .map(|m| Party {
                            tok: m.raw.tok - ca,
                            tok_end: m.raw.tok_end - ca,
                            state: state_of.get(&m.entity).cloned().flatten(),
                            adjective: m.raw.adjective,
                            category: categories.get(&m.entity).cloned().flatten(),
                            is_person: kind_of(&m.entity) == Some(EntityKind::Person),
                        })
                        .collect();
                    let frames = threads::frames(c_tokens, &c_words, &parties);
                    let clause_mentions: Vec<ClauseMention> = local
                        .iter()
                        .filter(|m| m.raw.tok >= ca && m.raw.tok_end <= cb)
                        .filter_map(|m| {
                            Some(ClauseMention {
                                tok: m.raw.tok - ca,
                                tok_end: m.raw.tok_end - ca,
                                entity: &m.entity,
                                kind: kind_of(&m.entity)?,
                            })
                        })
                        .collect();
                    all_sigs.push(threads::signature(&ClauseFacts {
                        tokens: c_tokens,
                        mentions: &clause_mentions,
                        speaker: attribution_entity.as_deref(),
                        times: &c_times,
                        numbers: &c_numbers,
                        published: doc.published,
                    }));
                    claim_counter += 1;
                    all_claims.push(Claim {
                        id: format!("{}#c{}", doc.id, claim_counter),
                        doc: doc.id.clone(),
                        text: paragraph.get(start..end).unwrap_or_default().to_string(),
                        paragraph: in_part,
                        sentence: s_index,
                        start,
                        end,
                        attribution,
                        attribution_kind,
                        attribution_entity,
                        chain,
                        stance,
                        stance_cue,
                        event_date,
                        event_date_precision,
                        event_date_text,
                        entities: ids,
                        numbers: c_numbers,
                        times: c_times,
                        quotes: quote_ids,
                        thread: None,
                        threads: Vec::new(),
                        part,
                    });
                    all_frames.push(frames);
                }
            }
            all_quotes.extend(para_quotes);
        }
        // A quote that runs over a paragraph break and is attributed only
        // at its end ("... / ... ," she said.) takes that speaker.
        let doc_quotes = all_quotes.len() - quote_counter;
        for i in (doc_quotes..all_quotes.len().saturating_sub(1)).rev() {
            let (head, tail) = all_quotes.split_at_mut(i + 1);
            let (q, next) = (&mut head[i], &tail[0]);
            if q.continues && q.speaker.is_none() && next.paragraph == q.paragraph + 1 {
                q.speaker = next.speaker.clone();
                q.speaker_entity = next.speaker_entity.clone();
            }
        }
    }
    let display = |id: &str| -> String {
        name_of(id).unwrap_or_else(|| id.split_once(':').map_or(id, |(_, r)| r).to_string())
    };
    let headlines: HashMap<&str, &str> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.headline.trim()))
        .filter(|(_, h)| !h.is_empty())
        .collect();
    let headline_of = |id: &str| headlines.get(id).map(|h| h.to_string());
    let threads = threads::build(
        &mut all_claims,
        all_frames,
        &all_sigs,
        &display,
        &headline_of,
    );
    Corpus {
        schema: SCHEMA.to_string(),
        documents,
        entities: entity_list,
        quotes: all_quotes,
        claims: all_claims,
        threads,
        times: all_times,
        skipped: Vec::new(),
    }
}

/// The parts of an article analysed, in order: the body's paragraphs,
/// then the headline and the standfirst when there are.
fn parts_of(doc: &Document) -> Vec<(Part, &str)> {
    let mut parts: Vec<(Part, &str)> = doc
        .paragraphs
        .iter()
        .map(|p| (Part::Body, p.as_str()))
        .collect();
    let headline = doc.headline.trim();
    if !headline.is_empty() {
        parts.push((Part::Headline, headline));
    }
    if let Some(dek) = doc.dek.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        parts.push((Part::Standfirst, dek));
    }
    parts
}

/// Names found in the document's parts, each Title Case or ALL CAPS line
/// read in the case the body gives its words ([`truecase`]); a name in the
/// headline or standfirst is kept only when the body has a name with the
/// same last word ("Lohan" in "Lohan Checks Into Rehab" for "Lindsay
/// Lohan").
fn headline_mentions_checked(parts: &[(Part, &str)]) -> Vec<entities::RawMention> {
    let body = parts.iter().filter(|(part, _)| *part == Part::Body).count();
    let case = truecase::BodyCase::of(parts[..body].iter().map(|&(_, text)| text));
    let cased: Vec<String> = parts
        .iter()
        .map(|&(_, text)| truecase::sentence_case(text, &case))
        .collect();
    let texts: Vec<&str> = cased.iter().map(String::as_str).collect();
    let found = entities::find_in_paragraphs(&texts);
    let last_word = |text: &str| text.split_whitespace().last().map(fold_key);
    let body_names: std::collections::HashSet<String> = found
        .iter()
        .filter(|m| m.paragraph < body)
        .filter_map(|m| last_word(&m.text))
        .collect();
    found
        .into_iter()
        .filter(|m| {
            m.paragraph < body || last_word(&m.text).is_some_and(|w| body_names.contains(&w))
        })
        .collect()
}

/// Entity spans index the body's paragraphs: names met in a headline or
/// standfirst link the claim to the entity but are not counted as spans.
fn drop_part_spans(entity_list: &mut [Entity], documents: &[Document]) {
    let body: HashMap<&str, usize> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.paragraphs.len()))
        .collect();
    for e in entity_list.iter_mut() {
        e.spans
            .retain(|s| body.get(s.doc.as_str()).is_some_and(|&n| s.paragraph < n));
        e.mentions = e.spans.len();
    }
}

/// Every outlet and host is a media entity, even if the text never names
/// it; returns outlet name to entity id.
fn add_outlets(entity_list: &mut Vec<Entity>, documents: &[Document]) -> HashMap<String, String> {
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut media: HashMap<String, usize> = HashMap::new();
    for (at, e) in entity_list.iter().enumerate() {
        if e.kind == EntityKind::Media {
            for form in std::iter::once(&e.name).chain(e.aliases.iter()) {
                media.entry(fold_key(form)).or_insert(at);
            }
        }
    }
    for doc in documents {
        for name in doc.outlet.iter().chain(doc.via.iter()) {
            if ids.contains_key(name) {
                continue;
            }
            let key = fold_key(name);
            let existing = media.get(&key).copied();
            let at = match existing {
                Some(at) => at,
                None => {
                    let known = lexicon()
                        .known(&name_key(tokenize(name).iter().map(|t| t.text)))
                        .filter(|k| k.kind == EntityKind::Media);
                    let canonical = known.map_or(name.clone(), |k| k.name.clone());
                    let id = entities::entity_id(EntityKind::Media, &canonical);
                    entity_list.push(Entity::new(id, canonical, EntityKind::Media));
                    media.insert(key, entity_list.len() - 1);
                    entity_list.len() - 1
                }
            };
            ids.insert(name.clone(), entity_list[at].id.clone());
        }
    }
    entity_list.sort_by(|a, b| a.id.cmp(&b.id));
    entity_list.dedup_by(|a, b| a.id == b.id);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use std::collections::BTreeMap;

    fn doc(id: &str, outlet: &str, published: &str, paragraphs: &[&str]) -> Document {
        Document {
            id: id.into(),
            file: format!("{id}.txt"),
            outlet: Some(outlet.into()),
            via: None,
            headline: String::new(),
            dek: None,
            summary: Vec::new(),
            authors: Vec::new(),
            published: PartialDate::parse_iso(published),
            url: None,
            provenance: BTreeMap::new(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            boilerplate: Vec::new(),
            conflicts: Vec::new(),
            notes: Vec::new(),
            word_count: 0,
        }
    }

    #[test]
    fn two_articles_on_one_delivery_share_a_thread_and_unrelated_claims_stay_apart() {
        let corpus = analyse(vec![
            doc("a", "Daily Ledger", "2023-05-10", &["Germany has sent 14 tanks to Poland, officials said on Monday.", "Floods closed schools in Lagos."]),
            doc("b", "Evening Courier", "2023-05-12", &["Poland received the German tanks last week, according to the defence ministry."]),
        ]);
        let thread = corpus
            .threads
            .iter()
            .find(|t| t.label == "Germany → Poland: tanks")
            .expect("a tanks thread");
        assert_eq!(thread.docs, ["a", "b"]);
        let floods = corpus
            .claims
            .iter()
            .find(|c| c.text.starts_with("Floods"))
            .unwrap();
        assert_eq!(floods.thread, None);
        assert_eq!(floods.attribution_kind, AttributionKind::Outlet);
    }

    /// Sentences written for these tests, modelled on port-strike, flood,
    /// sanctions, trial and election coverage (not copied from it).
    #[test]
    fn strikes_floods_sanctions_and_trials_are_read_like_the_seeds() {
        let corpus = analyse(vec![
            doc(
                "strike",
                "Harbour Times",
                "2024-10-01",
                &[
                    "About 45,000 dockworkers walked off the job at midnight, the union said on Tuesday.",
                    "Gov. Maria Santos said the port of Norfolk would stay shut. \"We will not reopen until a deal is signed,\" she said.",
                ],
            ),
            doc(
                "floods",
                "Valley Gazette",
                "2023-09-07",
                &["Floods killed at least 37 people and displaced 3,500 others in the south, the state Civil Defence agency said on Sunday."],
            ),
            doc(
                "sanctions",
                "Northern Post",
                "2024-08-05",
                &[
                    "The European Union imposed sanctions on Belarus on Monday, three EU diplomats said.",
                    "Russia's TASS and Interfax news agencies reported that the talks had failed.",
                ],
            ),
            doc(
                "trial",
                "City Tribune",
                "2024-03-15",
                &["A court in Lyon sentenced the former mayor to five years in prison last week, prosecutors said."],
            ),
        ]);
        let claim = |words: &str| {
            corpus
                .claims
                .iter()
                .find(|c| c.text.contains(words))
                .unwrap()
        };
        // Strike: an approximate count, an unnamed source, a governor quoted.
        let c = claim("45,000 dockworkers");
        assert_eq!(c.numbers[0].approx, crate::document::Approx::About);
        assert_eq!(c.numbers[0].unit, "dockworkers");
        assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
        let santos = corpus
            .entities
            .iter()
            .find(|e| e.name == "Maria Santos")
            .unwrap();
        assert_eq!(santos.kind, EntityKind::Person);
        assert_eq!(santos.roles, ["Gov."]);
        let q = &corpus.quotes[0];
        assert_eq!(q.speaker_entity.as_deref(), Some(santos.id.as_str()));
        // Floods: "at least".
        let c = claim("at least 37");
        assert_eq!(c.numbers[0].approx, crate::document::Approx::AtLeast);
        assert_eq!(c.numbers[0].unit, "people");
        assert_eq!(
            c.event_date.map(|d| d.to_string()).as_deref(),
            Some("2023-09-03")
        );
        // Sanctions: a body as the acting party, anonymous diplomats.
        let c = claim("imposed sanctions");
        assert_eq!(c.attribution, "three EU diplomats");
        assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
        let t = corpus
            .threads
            .iter()
            .find(|t| t.action == "sanction")
            .expect("a sanctions thread");
        assert_eq!(t.label, "European Union → Belarus: sanctions");
        let c = claim("TASS");
        assert_eq!(c.attribution_kind, AttributionKind::Media);
        assert_eq!(c.attribution, "TASS");
        // Trial: prosecutors are unnamed people; "last week" is a week.
        let c = claim("sentenced");
        assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
        assert_eq!(c.event_date_precision, Some(crate::date::Precision::Week));
        assert_eq!(c.thread, None);
    }

    /// An election story written for this test.
    #[test]
    fn an_election_story_gets_speakers_sources_and_places() {
        let corpus = analyse(vec![doc(
            "vote",
            "City Tribune",
            "2024-03-05",
            &[
                "Opposition leader Kwame Mensah said on Monday that his party had won at least 52% of the vote.",
                "\"We won this election. The people have spoken,\" Mensah told Reuters in Accra. \"Nobody can take it from us.\"",
                "The commission, which has yet to publish final results, said counting would end by Friday.",
                "President John Mahama, who is seeking a second term, dismissed the allegations as \"baseless lies\" and said the U.S. had no role in the vote.",
                "Police said 14 people were arrested in Kumasi on Sunday.",
                "Turnout was low in the north of the country, but observers said the count itself was fair.",
            ],
        )]);
        let claim = |words: &str| {
            corpus
                .claims
                .iter()
                .find(|c| c.text.contains(words))
                .unwrap()
        };
        let mensah = "person:kwame-mensah";
        assert!(corpus
            .quotes
            .iter()
            .take(2)
            .all(|q| q.speaker_entity.as_deref() == Some(mensah)));
        let c = claim("We won this election");
        assert_eq!(
            c.chain.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Kwame Mensah", "Reuters", "City Tribune"]
        );
        let c = claim("counting would end");
        assert_eq!(c.attribution, "The commission");
        // "by Friday" looks forward: 8 March 2024.
        assert_eq!(
            c.event_date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-08")
        );
        let q = corpus
            .quotes
            .iter()
            .find(|q| q.text == "baseless lies")
            .unwrap();
        assert_eq!(q.speaker_entity.as_deref(), Some("person:john-mahama"));
        assert_eq!(claim("baseless lies").attribution, "John Mahama");
        // Each clause of a joined sentence has its own source.
        assert_eq!(
            claim("Turnout was low").attribution_kind,
            AttributionKind::Outlet
        );
        assert_eq!(claim("but observers said").attribution, "observers");
        let kumasi = corpus.entities.iter().find(|e| e.name == "Kumasi").unwrap();
        assert_eq!(kumasi.kind, EntityKind::Place);
        // Accra points to Ghana, which exists even though it is never named.
        let accra = corpus.entities.iter().find(|e| e.name == "Accra").unwrap();
        assert_eq!(accra.stands_for.as_deref(), Some("country:ghana"));
        assert!(corpus
            .entities
            .iter()
            .any(|e| e.id == "country:ghana" && e.mentions == 0));
    }

    #[test]
    fn a_quote_over_a_paragraph_break_takes_the_speaker_named_at_its_end() {
        let corpus = analyse(vec![doc(
            "q",
            "Ledger",
            "2024-02-01",
            &[
                "The mayor spoke for an hour on Monday.",
                "\"The river has never been this high. We moved the first families out on Friday.",
                "\"We will move more tonight,\" Mayor Ana Lima said.",
            ],
        )]);
        assert_eq!(corpus.quotes.len(), 2);
        assert!(corpus.quotes[0].continues);
        assert_eq!(corpus.quotes[0].speaker.as_deref(), Some("Ana Lima"));
        assert_eq!(corpus.quotes[1].speaker.as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn spans_slice_the_paragraph_exactly() {
        let corpus = analyse(vec![doc("a", "Ledger", "2024-02-01", &["“We will not stop,” said Ana Lima, the union’s leader — and the strike went on in São Paulo."])]);
        for c in &corpus.claims {
            assert_eq!(
                &corpus.documents[0].paragraphs[c.paragraph][c.start..c.end],
                c.text
            );
        }
        for q in &corpus.quotes {
            assert_eq!(
                &corpus.documents[0].paragraphs[q.paragraph][q.start..q.end],
                q.text
            );
        }
        for e in &corpus.entities {
            for s in &e.spans {
                assert_eq!(
                    &corpus.documents[0].paragraphs[s.paragraph][s.start..s.end],
                    s.text
                );
            }
        }
    }
}
