//! The analysis pipeline: clean documents in, structured evidence out.
//!
//! Four stages, two per document and two over the corpus:
//! 1. [`find_names`], per document: the names in its body, headline and
//!    standfirst.
//! 2. [`resolve_entities`], over the corpus: names merged into entities
//!    (so that "Putin" in one article can merge with "Vladimir Putin" in
//!    another), outlets added as media.
//! 3. [`read_document`], per document, given the entities: per paragraph
//!    sentences, quotes, time expressions, numbers, and per sentence and
//!    clause the claims with their attribution, stance, event date,
//!    entities, frames and signatures.
//! 4. [`link_threads`], over the corpus: event threads across documents.
//!
//! The per-document stages read one document (and the entities, read
//! only), so with the `parallel` feature native callers spread them over
//! threads ([`analyse_in_parallel`]); their results are put back in
//! document order, so the output does not depend on the number of threads.
//! Everything is deterministic: the same documents give byte-identical
//! output.

use crate::attribution::{self, Attribution, Context};
use crate::document::{
    AttributionKind, Claim, Corpus, Document, Entity, EntityKind, Number, Part, Quote, Source,
    TimeExpression, TimeRef, SCHEMA,
};
use crate::entities::{self, RawMention, ResolvedMention};
use crate::lexicon::{lexicon, name_key};
use crate::parallel::map_in_order;
use crate::sentences::{self, SentenceSpan};
use crate::text::{fold_key, tokenize, Tok};
use crate::threads::{self, ClauseFacts, ClauseMention, Frame, Party, Signature};
use crate::{claims, numbers, quotes, stance, time, truecase};
use std::collections::HashMap;

/// Analyses documents (already ingested) into a corpus. Documents are
/// sorted by id first so that the result does not depend on input order.
pub fn analyse(documents: Vec<Document>) -> Corpus {
    analyse_with_workers(documents, 1)
}

/// [`analyse`] with the per-document stages spread over `workers` threads
/// (the caller picks the number, e.g. from
/// `std::thread::available_parallelism`). Gives the same corpus as
/// [`analyse`], byte for byte.
#[cfg(feature = "parallel")]
pub fn analyse_in_parallel(documents: Vec<Document>, workers: std::num::NonZeroUsize) -> Corpus {
    analyse_with_workers(documents, workers.get())
}

pub(crate) fn analyse_with_workers(mut documents: Vec<Document>, workers: usize) -> Corpus {
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let names = map_in_order(&documents, workers, find_names);
    let (entities, resolved) = resolve_entities(&documents, names);
    let inputs: Vec<(&Document, &[ResolvedMention])> = documents
        .iter()
        .zip(&resolved)
        .map(|(doc, mentions)| (doc, mentions.as_slice()))
        .collect();
    let read = map_in_order(&inputs, workers, |&(doc, mentions)| {
        read_document(doc, mentions, &entities)
    });
    let mut evidence = DocumentEvidence::default();
    for one in read {
        evidence.append(one);
    }
    let threads = link_threads(&documents, &entities, &mut evidence, workers);
    Corpus {
        schema: SCHEMA.to_string(),
        documents,
        entities: entities.list,
        quotes: evidence.quotes,
        claims: evidence.claims,
        threads,
        times: evidence.times,
        skipped: Vec::new(),
    }
}

/// Stage 1: the names of one document, headline and standfirst read after
/// the body as extra paragraphs; their names count only when the body
/// names them too (a Title Case headline capitalises every word).
fn find_names(doc: &Document) -> Vec<RawMention> {
    headline_mentions_checked(&parts_of(doc))
}

/// The corpus's entities and what the per-document stage looks up in them.
struct Entities {
    list: Vec<Entity>,
    index: HashMap<String, usize>,
    /// A party of an event: a state, or a body acting in its own name
    /// ("the European Union imposed sanctions").
    state_of: HashMap<String, Option<String>>,
    /// A weapon's category in the gazetteer.
    categories: HashMap<String, Option<String>>,
    /// Outlet name to its media entity.
    outlet_ids: HashMap<String, String>,
}

impl Entities {
    fn kind_of(&self, id: &str) -> Option<EntityKind> {
        self.index.get(id).map(|&i| self.list[i].kind)
    }

    fn name_of(&self, id: &str) -> Option<String> {
        self.index.get(id).map(|&i| self.list[i].name.clone())
    }
}

/// Stage 2: every document's names merged into the corpus's entities, with
/// each document's mentions resolved to them.
fn resolve_entities(
    documents: &[Document],
    names: Vec<Vec<RawMention>>,
) -> (Entities, Vec<Vec<ResolvedMention>>) {
    let raw: Vec<(String, Vec<RawMention>)> =
        documents.iter().map(|d| d.id.clone()).zip(names).collect();
    let mut outlets: Vec<String> = documents
        .iter()
        .flat_map(|d| d.outlet.iter().chain(d.via.iter()).cloned())
        .collect();
    outlets.sort();
    outlets.dedup();
    let (mut list, resolved) = entities::resolve(&raw, &outlets);
    let outlet_ids = add_outlets(&mut list, documents);
    drop_part_spans(&mut list, documents);
    let index = list
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let state_of = list
        .iter()
        .map(|e| {
            let party = entities::state_of(e).or_else(|| {
                (e.kind == EntityKind::Organisation && e.stands_for.is_none()).then(|| e.id.clone())
            });
            (e.id.clone(), party)
        })
        .collect();
    let categories = list
        .iter()
        .map(|e| (e.id.clone(), category_of(e)))
        .collect();
    let entities = Entities {
        list,
        index,
        state_of,
        categories,
        outlet_ids,
    };
    (entities, resolved)
}

/// A weapon's category in the gazetteer ("ballistic missiles").
fn category_of(e: &Entity) -> Option<String> {
    if e.kind != EntityKind::Weapon {
        return None;
    }
    let key = name_key(tokenize(&e.name).iter().map(|t| t.text));
    lexicon().known(&key).and_then(|k| k.category.clone())
}

/// What the per-document stage finds in one document, and, appended in
/// document order, in the corpus. `frames[i]` and `sigs[i]` belong to
/// `claims[i]`.
#[derive(Default)]
struct DocumentEvidence {
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
    frames: Vec<Vec<Frame>>,
    sigs: Vec<Signature>,
    times: Vec<TimeExpression>,
}

impl DocumentEvidence {
    fn append(&mut self, mut other: DocumentEvidence) {
        self.quotes.append(&mut other.quotes);
        self.claims.append(&mut other.claims);
        self.frames.append(&mut other.frames);
        self.sigs.append(&mut other.sigs);
        self.times.append(&mut other.times);
    }
}

/// One document being read: what every paragraph of it needs.
struct Reader<'a> {
    doc: &'a Document,
    entities: &'a Entities,
    kind_of: &'a dyn Fn(&str) -> Option<EntityKind>,
    name_of: &'a dyn Fn(&str) -> Option<String>,
    mentions: &'a [ResolvedMention],
    /// Media named in the text, other than the outlet itself.
    media_mentions: Vec<&'a ResolvedMention>,
    person_mentions: Vec<&'a ResolvedMention>,
    /// The source of what the article states in its own voice.
    outlet_source: Source,
}

/// What carries over from one paragraph to the next.
#[derive(Default)]
struct ReadingState {
    last_speaker: Option<(String, Option<String>, usize)>,
    quote_counter: usize,
    claim_counter: usize,
    /// The last quarter named ("the third quarter"), as (year, quarter).
    last_quarter: Option<(i32, u8)>,
}

/// Stage 3: the quotes, claims and time expressions of one document, with
/// its mentions resolved to the corpus's entities.
fn read_document(
    doc: &Document,
    mentions: &[ResolvedMention],
    entities: &Entities,
) -> DocumentEvidence {
    let kind_of = |id: &str| entities.kind_of(id);
    let name_of = |id: &str| entities.name_of(id);
    let outlet_source = Source {
        name: doc.outlet.clone().unwrap_or_else(|| "the article".into()),
        kind: AttributionKind::Outlet,
        entity: doc
            .outlet
            .as_ref()
            .and_then(|o| entities.outlet_ids.get(o).cloned()),
    };
    let media_mentions = mentions
        .iter()
        .filter(|m| {
            kind_of(&m.entity) == Some(EntityKind::Media)
                && Some(&m.entity) != outlet_source.entity.as_ref()
        })
        .collect();
    let person_mentions = mentions
        .iter()
        .filter(|m| kind_of(&m.entity) == Some(EntityKind::Person))
        .collect();
    let reader = Reader {
        doc,
        entities,
        kind_of: &kind_of,
        name_of: &name_of,
        mentions,
        media_mentions,
        person_mentions,
        outlet_source,
    };
    let mut state = ReadingState::default();
    let mut evidence = DocumentEvidence::default();
    for (p, &(part, text)) in parts_of(doc).iter().enumerate() {
        read_paragraph(&reader, p, part, text, &mut state, &mut evidence);
    }
    carry_speakers_over_breaks(&mut evidence.quotes);
    evidence
}

/// A quote that runs over a paragraph break and is attributed only at its
/// end ("... / ... ," she said.) takes that speaker.
fn carry_speakers_over_breaks(quotes: &mut [Quote]) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (head, tail) = quotes.split_at_mut(i + 1);
        let (q, next) = (&mut head[i], &tail[0]);
        if q.continues && q.speaker.is_none() && next.paragraph == q.paragraph + 1 {
            q.speaker = next.speaker.clone();
            q.speaker_entity = next.speaker_entity.clone();
        }
    }
}

/// One paragraph (or headline, or standfirst) and what was found in it.
struct Paragraph<'a> {
    /// Index among the document's parts.
    p: usize,
    part: Part,
    /// Spans of a headline or standfirst point into it, with paragraph 0.
    in_part: usize,
    text: &'a str,
    tokens: &'a [Tok<'a>],
    spans: &'a [SentenceSpan],
    mentions: &'a [&'a ResolvedMention],
    quotes: &'a [Quote],
    times: &'a [TimeRef],
    numbers: &'a [Number],
}

fn read_paragraph(
    reader: &Reader,
    p: usize,
    part: Part,
    text: &str,
    state: &mut ReadingState,
    evidence: &mut DocumentEvidence,
) {
    let tokens = tokenize(text);
    let spans: Vec<SentenceSpan> = sentences::split_tokens(text, &tokens);
    let mentions: Vec<&ResolvedMention> = reader
        .mentions
        .iter()
        .filter(|m| m.raw.paragraph == p)
        .collect();
    let quotes = if part != Part::Body {
        // Quotes are read in the body, where speakers are named.
        Vec::new()
    } else {
        find_quotes(reader, p, text, &tokens, &spans, &mentions, state)
    };
    let in_part = if part == Part::Body { p } else { 0 };
    let times = find_times(
        reader.doc, p, part, in_part, text, &tokens, &spans, state, evidence,
    );
    let time_spans: Vec<(usize, usize)> = times.iter().map(|t| (t.start, t.end)).collect();
    let nums = numbers::find(p, text, &tokens, &time_spans);
    let paragraph = Paragraph {
        p,
        part,
        in_part,
        text,
        tokens: &tokens,
        spans: &spans,
        mentions: &mentions,
        quotes: &quotes,
        times: &times,
        numbers: &nums,
    };
    for (s_index, span) in spans.iter().enumerate() {
        read_sentence(reader, &paragraph, s_index, span, state, evidence);
    }
    evidence.quotes.extend(quotes);
}

/// The quotes of a body paragraph, each with its speaker.
fn find_quotes(
    reader: &Reader,
    p: usize,
    text: &str,
    tokens: &[Tok],
    spans: &[SentenceSpan],
    mentions: &[&ResolvedMention],
    state: &mut ReadingState,
) -> Vec<Quote> {
    let people_before = |offset: usize| -> Vec<String> {
        let mask_quotes = quotes::spans(text);
        reader
            .person_mentions
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
    let ctx = Context {
        mentions,
        kind_of: reader.kind_of,
        name_of: reader.name_of,
        last_media: None,
        last_people: Vec::new(),
    };
    quotes::find(
        &reader.doc.id,
        p,
        text,
        tokens,
        spans,
        mentions,
        &people_before,
        &ctx,
        &mut state.last_speaker,
        &mut state.quote_counter,
    )
}

/// The time expressions of a paragraph: every one is exported, and those
/// that date something are returned to date the claims.
#[allow(clippy::too_many_arguments)]
fn find_times(
    doc: &Document,
    p: usize,
    part: Part,
    in_part: usize,
    text: &str,
    tokens: &[Tok],
    spans: &[SentenceSpan],
    state: &mut ReadingState,
    evidence: &mut DocumentEvidence,
) -> Vec<TimeRef> {
    let sentence_ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
    let expressions = time::find_all(
        text,
        tokens,
        &sentence_ranges,
        doc.published,
        &mut state.last_quarter,
    );
    evidence
        .times
        .extend(expressions.iter().map(|e| TimeExpression {
            doc: doc.id.clone(),
            paragraph: in_part,
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            value: e.value.clone(),
            part,
        }));
    expressions
        .into_iter()
        .filter_map(|e| e.time)
        .map(|mut t| {
            t.paragraph = p;
            t
        })
        .collect()
}

/// One sentence and its context for attribution.
struct Sentence<'a> {
    index: usize,
    tokens: &'a [Tok<'a>],
    words: Vec<String>,
    /// Mentions inside the sentence, token positions counted from its start.
    mentions: Vec<ResolvedMention>,
    last_media: Option<String>,
    last_people: Vec<String>,
}

fn read_sentence(
    reader: &Reader,
    para: &Paragraph,
    s_index: usize,
    span: &SentenceSpan,
    state: &mut ReadingState,
    evidence: &mut DocumentEvidence,
) {
    let Some((s_first, s_end)) = token_range(para.tokens, span) else {
        return;
    };
    let tokens = &para.tokens[s_first..s_end];
    let sentence = Sentence {
        index: s_index,
        tokens,
        words: tokens.iter().map(|t| t.text.to_lowercase()).collect(),
        mentions: shifted(para.mentions.iter().copied(), s_first, s_end),
        last_media: last_media_before(reader, para.p, span.start),
        last_people: last_people_before(reader, para, s_index, span.start),
    };
    let local_refs: Vec<&ResolvedMention> = sentence.mentions.iter().collect();
    let ctx = Context {
        mentions: &local_refs,
        kind_of: reader.kind_of,
        name_of: reader.name_of,
        last_media: sentence.last_media.clone(),
        last_people: sentence.last_people.clone(),
    };
    let found = with_quote(
        reader,
        para,
        attribution::attribute(tokens, &sentence.words, para.text, &ctx),
        span.start,
        span.end,
    );
    let clause_ranges = claims::clauses(tokens, 0, tokens.len());
    let mut previous: Option<Attribution> = None;
    for &(ca, cb) in &clause_ranges {
        // Each clause of a joined sentence has its own source; a clause
        // without one keeps the previous clause's ("X denied it, but
        // later admitted ...").
        let found = if clause_ranges.len() == 1 {
            found.clone()
        } else {
            clause_attribution(reader, para, &sentence, ca, cb).or_else(|| previous.clone())
        };
        previous = found.clone();
        let c_tokens = &tokens[ca..cb];
        let statement = match para.part {
            Part::Body => claims::is_statement(c_tokens),
            Part::Headline | Part::Standfirst => claims::is_headline(c_tokens),
        };
        if statement {
            add_claim(reader, para, &sentence, (ca, cb), found, state, evidence);
        }
    }
}

/// The sentence's tokens, as a range of the paragraph's; `None` when it has
/// none.
fn token_range(tokens: &[Tok], span: &SentenceSpan) -> Option<(usize, usize)> {
    let first = tokens
        .iter()
        .position(|t| t.start >= span.start)
        .unwrap_or(0);
    let end = tokens
        .iter()
        .rposition(|t| t.end <= span.end)
        .map_or(first, |i| i + 1);
    (end > first).then_some((first, end))
}

/// The mentions within tokens `from..to`, their token positions counted
/// from `from`.
fn shifted<'a>(
    mentions: impl Iterator<Item = &'a ResolvedMention>,
    from: usize,
    to: usize,
) -> Vec<ResolvedMention> {
    mentions
        .filter(|m| m.raw.tok >= from && m.raw.tok_end <= to)
        .map(|m| {
            let mut m = m.clone();
            m.raw.tok -= from;
            m.raw.tok_end -= from;
            m
        })
        .collect()
}

/// The media entity last named before `start` in paragraph `p`, else the
/// first named in the document.
fn last_media_before(reader: &Reader, p: usize, start: usize) -> Option<String> {
    let media = &reader.media_mentions;
    media
        .iter()
        .filter(|m| (m.raw.paragraph, m.raw.start) < (p, start))
        .map(|m| m.entity.clone())
        .next_back()
        .or_else(|| media.first().map(|m| m.entity.clone()))
}

/// The people "they" or "she" may stand for: two or more named in the
/// previous sentence, else the last person named before this one.
fn last_people_before(
    reader: &Reader,
    para: &Paragraph,
    s_index: usize,
    start: usize,
) -> Vec<String> {
    let p = para.p;
    let before: Vec<&&ResolvedMention> = reader
        .person_mentions
        .iter()
        .filter(|m| (m.raw.paragraph, m.raw.start) < (p, start))
        .collect();
    let prev_sentence: Vec<String> = match s_index.checked_sub(1).and_then(|i| para.spans.get(i)) {
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
}

/// The source of one clause of a sentence with several, from the clause's
/// own words and quotes.
fn clause_attribution(
    reader: &Reader,
    para: &Paragraph,
    sentence: &Sentence,
    ca: usize,
    cb: usize,
) -> Option<Attribution> {
    let c_tokens = &sentence.tokens[ca..cb];
    let clause_mentions = shifted(sentence.mentions.iter(), ca, cb);
    let refs: Vec<&ResolvedMention> = clause_mentions.iter().collect();
    let ctx = Context {
        mentions: &refs,
        kind_of: reader.kind_of,
        name_of: reader.name_of,
        last_media: sentence.last_media.clone(),
        last_people: sentence.last_people.clone(),
    };
    let own = attribution::attribute(c_tokens, &sentence.words[ca..cb], para.text, &ctx);
    with_quote(
        reader,
        para,
        own,
        c_tokens[0].start,
        c_tokens[c_tokens.len() - 1].end,
    )
}

/// A quote's speaker speaks for a sentence or clause (`from..to`) with no
/// other source (or only an unnamed one, when the quote opens it).
fn with_quote(
    reader: &Reader,
    para: &Paragraph,
    found: Option<Attribution>,
    from: usize,
    to: usize,
) -> Option<Attribution> {
    let Some(q) = para
        .quotes
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
    let kind = match q.speaker_entity.as_deref().and_then(reader.kind_of) {
        Some(EntityKind::Media) => AttributionKind::Media,
        Some(_) => AttributionKind::Named,
        None => AttributionKind::Anonymous,
    };
    let entity_name = q.speaker_entity.as_deref().and_then(reader.name_of);
    Some(Attribution {
        name: entity_name
            .or_else(|| q.speaker.clone())
            .unwrap_or_default(),
        kind,
        entity: q.speaker_entity.clone(),
        chain: Vec::new(),
        span: None,
    })
}

/// A claim's source as exported: name, kind, entity and the chain of
/// sources up to the outlet.
struct ClaimSource {
    name: String,
    kind: AttributionKind,
    entity: Option<String>,
    chain: Vec<Source>,
}

fn claim_source(found: Option<Attribution>, outlet: &Source) -> ClaimSource {
    let mut source = match found {
        Some(a) => {
            let mut chain = if a.chain.is_empty() {
                vec![Source {
                    name: a.name.clone(),
                    kind: a.kind,
                    entity: a.entity.clone(),
                }]
            } else {
                a.chain
            };
            if chain
                .last()
                .is_some_and(|l| l.entity.is_some() && l.entity == outlet.entity)
            {
                chain.pop();
            }
            ClaimSource {
                name: a.name,
                kind: a.kind,
                entity: a.entity,
                chain,
            }
        }
        None => ClaimSource {
            name: outlet.name.clone(),
            kind: AttributionKind::Outlet,
            entity: outlet.entity.clone(),
            chain: Vec::new(),
        },
    };
    source.chain.push(outlet.clone());
    source
}

/// The claim of one clause (tokens `ca..cb` of the sentence), with its
/// frames and signature.
fn add_claim(
    reader: &Reader,
    para: &Paragraph,
    sentence: &Sentence,
    (ca, cb): (usize, usize),
    found: Option<Attribution>,
    state: &mut ReadingState,
    evidence: &mut DocumentEvidence,
) {
    let doc = reader.doc;
    let c_tokens = &sentence.tokens[ca..cb];
    let start = c_tokens[0].start;
    let end = c_tokens[c_tokens.len() - 1].end;
    let c_words: Vec<String> = sentence.words[ca..cb].to_vec();
    let (stance, stance_cue) = stance::classify(&c_words);
    let source = claim_source(found, &reader.outlet_source);
    let (c_times, c_numbers) = clause_times_and_numbers(para, start, end);
    let (event_date, event_date_precision, event_date_text) = event_date(&c_times, doc);
    let ids = clause_entities(para, start, end, source.entity.as_ref());
    let quote_ids: Vec<String> = para
        .quotes
        .iter()
        .filter(|q| q.start < end && q.end > start)
        .map(|q| q.id.clone())
        .collect();
    let clause_mentions = shifted(sentence.mentions.iter(), ca, cb);
    let frames = threads::frames(c_tokens, &c_words, &parties(reader, &clause_mentions));
    let signature_mentions: Vec<ClauseMention> = clause_mentions
        .iter()
        .filter_map(|m| {
            Some(ClauseMention {
                tok: m.raw.tok,
                tok_end: m.raw.tok_end,
                entity: &m.entity,
                kind: (reader.kind_of)(&m.entity)?,
            })
        })
        .collect();
    evidence.sigs.push(threads::signature(&ClauseFacts {
        tokens: c_tokens,
        mentions: &signature_mentions,
        speaker: source.entity.as_deref(),
        times: &c_times,
        numbers: &c_numbers,
        published: doc.published,
    }));
    state.claim_counter += 1;
    evidence.claims.push(Claim {
        id: format!("{}#c{}", doc.id, state.claim_counter),
        doc: doc.id.clone(),
        text: para.text.get(start..end).unwrap_or_default().to_string(),
        paragraph: para.in_part,
        sentence: sentence.index,
        start,
        end,
        attribution: source.name,
        attribution_kind: source.kind,
        attribution_entity: source.entity,
        chain: source.chain,
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
        part: para.part,
    });
    evidence.frames.push(frames);
}

/// The times and numbers stated within a clause (bytes `start..end`), their
/// paragraph as exported.
fn clause_times_and_numbers(
    para: &Paragraph,
    start: usize,
    end: usize,
) -> (Vec<TimeRef>, Vec<Number>) {
    let times = para
        .times
        .iter()
        .filter(|t| t.start >= start && t.end <= end)
        .cloned()
        .map(|mut t| {
            t.paragraph = para.in_part;
            t
        })
        .collect();
    let numbers = para
        .numbers
        .iter()
        .filter(|n| n.start >= start && n.end <= end)
        .cloned()
        .map(|mut n| {
            n.paragraph = para.in_part;
            n
        })
        .collect();
    (times, numbers)
}

/// The entities a clause names, and its source's, sorted without repeats.
fn clause_entities(
    para: &Paragraph,
    start: usize,
    end: usize,
    source: Option<&String>,
) -> Vec<String> {
    let mut ids: Vec<String> = para
        .mentions
        .iter()
        .filter(|m| m.raw.start >= start && m.raw.end <= end)
        .map(|m| m.entity.clone())
        .chain(source.cloned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The date a claim's event is given: its first stated time that is not a
/// "since", else its first, else the day of publication.
fn event_date(
    times: &[TimeRef],
    doc: &Document,
) -> (
    Option<crate::date::PartialDate>,
    Option<crate::date::Precision>,
    Option<String>,
) {
    match times.iter().find(|t| !t.since).or(times.first()) {
        Some(t) => (Some(t.date), Some(t.precision), Some(t.text.clone())),
        None => (
            doc.published.map(|d| d.date_only()),
            doc.published.map(|d| d.date_only().precision()),
            None,
        ),
    }
}

/// The parties a clause's frames may name: its mentions, with the state or
/// body each acts for and a weapon's category.
fn parties(reader: &Reader, clause_mentions: &[ResolvedMention]) -> Vec<Party> {
    let entities = reader.entities;
    clause_mentions
        .iter()
        .map(|m| Party {
            tok: m.raw.tok,
            tok_end: m.raw.tok_end,
            state: entities.state_of.get(&m.entity).cloned().flatten(),
            adjective: m.raw.adjective,
            category: entities.categories.get(&m.entity).cloned().flatten(),
            is_person: (reader.kind_of)(&m.entity) == Some(EntityKind::Person),
        })
        .collect()
}

/// Stage 4: event threads over every document's claims (sets each claim's
/// `thread` and `threads`).
fn link_threads(
    documents: &[Document],
    entities: &Entities,
    evidence: &mut DocumentEvidence,
    workers: usize,
) -> Vec<crate::document::Thread> {
    let display = |id: &str| -> String {
        entities
            .name_of(id)
            .unwrap_or_else(|| id.split_once(':').map_or(id, |(_, r)| r).to_string())
    };
    let headlines: HashMap<&str, &str> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.headline.trim()))
        .filter(|(_, h)| !h.is_empty())
        .collect();
    let headline_of = |id: &str| headlines.get(id).map(|h| h.to_string());
    threads::build(
        &mut evidence.claims,
        std::mem::take(&mut evidence.frames),
        &evidence.sigs,
        &display,
        &headline_of,
        workers,
    )
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
            updated: None,
            language: None,
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
