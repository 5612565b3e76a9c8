//! Speakers of direct quotations through the public analysis path, on
//! invented sentences: one test per rule of `quotes::speaker`.

use crossread_corpus::{analyse, Document};
use std::collections::BTreeMap;

fn document(paragraphs: &[&str]) -> Document {
    Document {
        id: "d".into(),
        file: "d.txt".into(),
        outlet: None,
        via: None,
        headline: String::new(),
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        published: None,
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

/// (quoted words, speaker) of every quote of the paragraphs.
fn speakers(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
    analyse(vec![document(paragraphs)])
        .quotes
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

/// The speaker of the quote whose words start with `start`.
fn speaker_of(paragraphs: &[&str], start: &str) -> Option<String> {
    let all = speakers(paragraphs);
    all.iter()
        .find(|(text, _)| text.starts_with(start))
        .unwrap_or_else(|| panic!("no quote {start:?} in {all:?}"))
        .1
        .clone()
}

fn said(paragraphs: &[&str], start: &str) -> Option<String> {
    speaker_of(paragraphs, start)
}

#[test]
fn speaker_after_the_quote() {
    let p = ["\"We will reopen the ferry by spring,\" Mayor Ana Lindqvist said."];
    assert_eq!(said(&p, "We will"), Some("Ana Lindqvist".into()));
    let p = ["\"The tolls stay as they are,\" said the harbour master."];
    assert_eq!(said(&p, "The tolls"), Some("the harbour master".into()));
}

#[test]
fn speaker_before_an_apposition_or_a_party_label() {
    let p = ["\"The contract was never signed,\" Tomas Berglund, a lawyer for the port authority, said on Friday."];
    assert_eq!(said(&p, "The contract"), Some("Tomas Berglund".into()));
    let p = ["\"This budget hurts rural schools,\" Sen. Ada Quintero (D-Ohio) said."];
    assert_eq!(said(&p, "This budget"), Some("Ada Quintero".into()));
}

#[test]
fn the_person_heading_a_phrase_speaks() {
    let p = [
        "Tomas Berglund has led the union since 2019.",
        "\"We are not done,\" Berglund spokesman Ivo Marsh said.",
    ];
    assert_eq!(said(&p, "We are not"), Some("Ivo Marsh".into()));
}

#[test]
fn speaker_before_the_quote_and_partial_quotes() {
    let p = ["Ada Quintero said: \"The bridge will not close.\""];
    assert_eq!(said(&p, "The bridge"), Some("Ada Quintero".into()));
    let p = ["Ada Quintero called the toll plan \"a tax on the poor.\""];
    assert_eq!(said(&p, "a tax"), Some("Ada Quintero".into()));
}

#[test]
fn a_time_between_subject_and_verb_is_not_the_speaker() {
    let p = ["Ada Quintero on Tuesday told reporters, \"We need a second ferry.\""];
    assert_eq!(said(&p, "We need"), Some("Ada Quintero".into()));
    let p = ["Ada Quintero later Thursday told the council: \"The money is there.\""];
    assert_eq!(said(&p, "The money"), Some("Ada Quintero".into()));
}

#[test]
fn a_clause_with_saying_takes_the_sentence_subject() {
    let p = ["On Monday, Ada Quintero rejected the offer, saying \"it would bankrupt the town.\""];
    assert_eq!(said(&p, "it would"), Some("Ada Quintero".into()));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_next_quote() {
    let p = [
        "\"The vote was fair,\" Tomas Berglund said.",
        "Ada Quintero, who lost the vote, replied:",
        "\"The count was wrong in three wards and everyone knows it.\"",
    ];
    assert_eq!(said(&p, "The count"), Some("Ada Quintero".into()));
}

#[test]
fn a_name_between_commas_speaks() {
    let p = ["The lawyer for the town, Ivo Marsh, said the lease was \"void from the start.\""];
    assert_eq!(said(&p, "void"), Some("Ivo Marsh".into()));
}

#[test]
fn a_partial_quote_takes_the_named_subject_of_its_clause() {
    let p = ["Ada Quintero shrugged off the criticism as \"a storm in a teacup.\""];
    assert_eq!(said(&p, "a storm"), Some("Ada Quintero".into()));
    // A possessive is not the subject.
    let p = ["Ada Quintero's aides dismissed the report as \"pure fiction.\""];
    assert_ne!(said(&p, "pure"), Some("Ada Quintero".into()));
}

#[test]
fn a_name_right_after_the_quote_with_an_unlisted_verb() {
    let p = [
        "\"Look at the empty shops,\" Ada Quintero said.",
        "\"They closed because of the rents,\" Tomas Berglund shot back.",
    ];
    assert_eq!(said(&p, "They closed"), Some("Tomas Berglund".into()));
}

#[test]
fn a_denial_belongs_to_the_person_who_denies() {
    let p = [
        "Ada Quintero accused Tomas Berglund of hiding the accounts.",
        "\"I never saw those accounts,\" Berglund replied.",
    ];
    assert_eq!(said(&p, "I never"), Some("Berglund".into()));
    let p = ["Ada Quintero accused Tomas Berglund of lying. Berglund denied it: \"I never saw the money.\""];
    assert_eq!(said(&p, "I never"), Some("Berglund".into()));
}

#[test]
fn according_to_names_the_speaker() {
    let p = ["\"Prices will fall next year,\" according to Ivo Marsh."];
    assert_eq!(said(&p, "Prices"), Some("Ivo Marsh".into()));
}

#[test]
fn pronouns_resolve_to_the_person_named_before() {
    let p = ["Ada Quintero spoke after the vote. \"We are ready to govern,\" she said."];
    assert_eq!(said(&p, "We are ready"), Some("Ada Quintero".into()));
    // "they" names no one person; nobody named before: no speaker.
    let p = ["\"We are ready to govern,\" they said."];
    assert_eq!(said(&p, "We are ready"), None);
    let p = ["\"Enough is enough,\" she wrote on Instagram."];
    assert_eq!(said(&p, "Enough"), None);
}

#[test]
fn continued_quotes_keep_their_speaker() {
    // Mixed straight and curly marks, as pasted copy has them.
    let p = ["\u{201c}We cut the tolls for everyone,\" Ada Quintero said. \"Nobody pays more now.\u{201d}"];
    let all = speakers(&p);
    assert_eq!(all.len(), 2);
    assert!(all
        .iter()
        .all(|(_, s)| s.as_deref() == Some("Ada Quintero")));
}

#[test]
fn never_a_date_a_function_word_a_platform_or_a_manner() {
    let cases = [
        "\"Open the gate,\" he said in a low voice.",
        "On Tuesday, \"the vote is off,\" the notice read.",
        "He knocked four times in quick succession and said \"open up now.\"",
        "\"We are closing the shop,\" the owner wrote on Instagram on Tuesday.",
        "A March memo called the merger \"a risk to the whole region.\"",
    ];
    for text in cases {
        for (quote, speaker) in speakers(&[text]) {
            let Some(speaker) = speaker else { continue };
            let lower = speaker.to_lowercase();
            for bad in [
                "on",
                "tuesday",
                "the",
                "a march",
                "a low voice",
                "instagram",
                "and",
            ] {
                assert!(
                    lower != bad && !lower.ends_with(" and"),
                    "{text:?}: {quote:?} said by {speaker:?}"
                );
            }
        }
    }
}

#[test]
fn a_second_verb_of_the_subject_keeps_the_subject() {
    let p = ["Ivo Marsh said he welcomed the ruling and added, \"We will appeal anyway.\""];
    assert_eq!(said(&p, "We will appeal"), Some("Ivo Marsh".into()));
}

#[test]
fn a_party_label_and_a_stray_comma_before_the_verb() {
    let p = ["On Friday, Gov. Ada Quintero (R-Ohio), said, \"The levy is dead.\""];
    assert_eq!(said(&p, "The levy"), Some("Ada Quintero".into()));
}

#[test]
fn a_statement_introduced_by_a_colon_paragraph() {
    let p = [
        "In response, Mayor Ada Quintero issued the following statement:",
        "\"Our thoughts are with the families of the fishermen tonight.\"",
    ];
    assert_eq!(said(&p, "Our thoughts"), Some("Ada Quintero".into()));
}

#[test]
fn a_title_joins_the_name_it_precedes() {
    let p = ["Former Quintero spokesman Ivo Marsh derided the plan as \"a fantasy on paper.\""];
    assert_eq!(said(&p, "a fantasy"), Some("Ivo Marsh".into()));
}

#[test]
fn an_opening_phrase_with_a_name_is_not_the_subject() {
    let p = ["In an interview with reporter Tomas Berglund, Ada Quintero said she had \"no regrets at all.\""];
    assert_eq!(said(&p, "no regrets"), Some("Ada Quintero".into()));
}

#[test]
fn a_question_then_its_attribution() {
    let p = ["\"Who pays for the new bridge?\" Ada Quintero asked."];
    assert_eq!(said(&p, "Who pays"), Some("Ada Quintero".into()));
    // A new sentence with its own subject is not an attribution.
    let p = ["\"The bridge will open in May.\" Tomas Berglund left the room before the vote."];
    assert_eq!(said(&p, "The bridge"), None);
}

#[test]
fn a_modal_that_is_a_first_name() {
    let p =
        ["\"The rent has doubled,\" said Will Okafor, a tenant organiser in the east district."];
    assert_eq!(said(&p, "The rent"), Some("Will Okafor".into()));
    // A lower-case modal is still a clause, not a name.
    let p = ["\"Prices will rise,\" analysts will say."];
    assert_eq!(said(&p, "Prices"), None);
}

#[test]
fn a_clause_after_the_quote_with_its_own_subject() {
    let p = [
        "Ada Quintero says the plan was \"only half finished\" until Ivo Marsh said it was done.",
    ];
    assert_eq!(said(&p, "only half"), Some("Ada Quintero".into()));
    let p = ["\"Nothing moves\" until the inspector said so."];
    assert_eq!(said(&p, "Nothing moves"), None);
}

#[test]
fn an_opening_participle_phrase_is_not_the_subject() {
    let p = ["Speaking to Harbour Radio on Monday, Ada Quintero described the ferry deal as \"a gift to the town.\""];
    assert_eq!(said(&p, "a gift"), Some("Ada Quintero".into()));
    let p = ["Speaking to Harbour Radio on Monday, the plan was called \"a gift to the town.\""];
    assert_eq!(said(&p, "a gift"), None);
}

#[test]
fn a_partial_quote_after_a_subject_and_its_apposition() {
    let p = ["Ivo Marsh, a ferry captain from the north coast, called the new timetable \"a gamble with lives.\""];
    assert_eq!(said(&p, "a gamble"), Some("Ivo Marsh".into()));
    let p = ["Ada Quintero \u{2014} a teacher from Lund \u{2014} is promising to \"fix every leaking roof.\""];
    assert_eq!(said(&p, "fix every"), Some("Ada Quintero".into()));
    // A list, not an apposition: no verb follows the second comma.
    let p = ["Ivo Marsh, a pilot, Ada Quintero and two deckhands were aboard when someone yelled \"turn back now.\""];
    assert_eq!(said(&p, "turn back"), None);
}

#[test]
fn a_name_after_and_speaks() {
    let p = ["At the gate, a guard waved the crowd on and Ada Quintero said, \"the ferry leaves at noon.\""];
    assert_eq!(said(&p, "the ferry"), Some("Ada Quintero".into()));
    let p =
        ["At the gate, a guard waved the crowd on and they said, \"the ferry leaves at noon.\""];
    assert_eq!(said(&p, "the ferry"), None);
}

#[test]
fn the_last_clause_before_the_quote_has_its_own_subject() {
    let p = ["After Ivo Marsh criticized the timetable, Ada Quintero shot back, \"Nobody asked you to sail.\""];
    assert_eq!(said(&p, "Nobody asked"), Some("Ada Quintero".into()));
    // Not the subject of the earlier clause's verb.
    let p = [
        "After Ivo Marsh criticized the timetable, they shot back, \"Nobody asked you to sail.\"",
    ];
    assert_eq!(said(&p, "Nobody asked"), None);
}

#[test]
fn an_inverted_subject_with_a_lower_case_title() {
    let p =
        ["\"The ferry is safe,\" said retired harbour pilot Ivo Marsh, who sailed it for years."];
    assert_eq!(said(&p, "The ferry"), Some("Ivo Marsh".into()));
    // Lower-case words and no name: not a subject.
    let p = ["\"The ferry is safe,\" said harbour staff on the quay."];
    assert_eq!(said(&p, "The ferry"), None);
}

#[test]
fn more_verbs_of_saying_after_the_quote() {
    let p = ["\"I am a voter,\" declares Ada Quintero, 34, a nurse from the harbour district."];
    assert_eq!(said(&p, "I am a voter"), Some("Ada Quintero".into()));
    let p = ["\"The tolls are fair,\" agrees Ivo Marsh."];
    assert_eq!(said(&p, "The tolls"), Some("Ivo Marsh".into()));
}

#[test]
fn the_phrase_after_a_verb_that_takes_an_object_is_not_the_speaker() {
    // The subject is cut off by a long relative clause; the phrase after
    // "described" is its object, not its speaker.
    let p = ["The mayor, who ran the port for a decade and who still chairs two of its boards and one trust and the rowing club and the choir and the committee that plans the summer fair every single year, described the harbour board as \"a relic of another age.\""];
    assert_eq!(said(&p, "a relic"), None);
    let p = ["\"We sail at dawn,\" wrote the captain of the ferry."];
    assert_eq!(said(&p, "We sail"), Some("the captain of the ferry".into()));
}

#[test]
fn an_opening_adverb_and_a_long_apposition_are_passed() {
    let p = ["Still, Ivo Marsh called the new timetable \"much, much better.\""];
    assert_eq!(said(&p, "much, much"), Some("Ivo Marsh".into()));
    let p = ["Ada Quintero, a nurse who has worked nights at the harbour clinic for nearly twenty years and trained most of its staff, says the plan is \"a step back.\""];
    assert_eq!(said(&p, "a step back"), Some("Ada Quintero".into()));
    let p = ["Still, the new timetable was called \"much, much better.\""];
    assert_eq!(said(&p, "much, much"), None);
}

#[test]
fn a_lower_case_title_after_the_name_is_not_the_speaker() {
    let p = ["Ivo Marsh, president and chief executive of the Harbour Guild said, \"We were never asked.\""];
    assert_eq!(said(&p, "We were never"), Some("Ivo Marsh".into()));
    // A name in an opening phrase is not the subject.
    let p = ["In a talk with Ivo Marsh, the chair of the guild said, \"We were never asked.\""];
    assert_ne!(said(&p, "We were never"), Some("Ivo Marsh".into()));
}

#[test]
fn a_name_before_an_ing_verb_speaks_only_after_with() {
    let p = [
        "The plan passed, with Ada Quintero telling the council, \"This is the best we could do.\"",
    ];
    assert_eq!(said(&p, "This is the best"), Some("Ada Quintero".into()));
    // Not after "with": the name before "calling" does not speak.
    let p = ["Ada Quintero argued that remarks by Ivo Marsh calling for a toll make him \"the best friend of the rich.\""];
    assert_eq!(said(&p, "the best friend"), Some("Ada Quintero".into()));
}

#[test]
fn the_person_after_a_possessive_name_heads_the_phrase() {
    let p = ["Ada Quintero's campaign manager Ivo Marsh spoke later, arguing that the port \"cannot wait another year.\""];
    assert_eq!(said(&p, "cannot wait"), Some("Ivo Marsh".into()));
}

#[test]
fn a_long_apposition_before_the_verb() {
    let p = ["Ivo Marsh, a pilot who has steered ferries across the bay for nearly thirty years and trained half the crews, said: \"The new timetable is unsafe.\""];
    assert_eq!(said(&p, "The new timetable"), Some("Ivo Marsh".into()));
}

#[test]
fn a_party_word_and_a_title_before_the_name() {
    let p = ["Harbour Party presidential front-runner Ada Quintero is insisting that she has \"won the argument.\""];
    assert_eq!(said(&p, "won the argument"), Some("Ada Quintero".into()));
    // Not a title between them: the later name is an object.
    let p = ["Harbour Party members met Ada Quintero and called her plan \"a mirage.\""];
    assert_ne!(said(&p, "a mirage"), Some("Ada Quintero".into()));
}

#[test]
fn a_continued_quote_may_run_on_in_lower_case() {
    let p = ["\"The ferry is late,\" Ada Quintero said. \"Nobody told the passengers\" and the queue grew longer."];
    assert_eq!(said(&p, "Nobody told"), Some("Ada Quintero".into()));
    // A name after the quote is someone the rules could not read.
    let p = [
        "\"The ferry is late,\" Ada Quintero said. \"Nobody told us\" was the cry of Ivo Marsh.",
    ];
    assert_eq!(said(&p, "Nobody told"), None);
}

#[test]
fn the_sentence_before_the_quote_names_its_speaker() {
    let p = ["Ivo Marsh argues that the count was wrong. \"Three wards were never counted.\""];
    assert_eq!(said(&p, "Three wards"), Some("Ivo Marsh".into()));
    // No verb of saying in the sentence before: no speaker.
    let p = ["Ivo Marsh has run the port since 2019. \"Three wards were never counted.\""];
    assert_eq!(said(&p, "Three wards"), None);
}

#[test]
fn an_infinitive_of_saying_takes_the_sentence_subject() {
    let p = ["Ivo Marsh paused, then went on to say, \"The ferry will run all winter.\""];
    assert_eq!(said(&p, "The ferry will"), Some("Ivo Marsh".into()));
    let p = ["There was little left to say, \"the meeting is over.\""];
    assert_eq!(said(&p, "the meeting"), None);
}

#[test]
fn a_name_and_an_unlisted_verb_before_a_comma_and_the_quote() {
    let p = ["The debate turned to the tolls \u{2014} Ada Quintero shot back, \"Nobody asked you to raise them.\""];
    assert_eq!(said(&p, "Nobody asked"), Some("Ada Quintero".into()));
    let p = ["At the harbour in Lund on a grey morning, \"the water is rising.\""];
    assert_eq!(said(&p, "the water"), None);
}

#[test]
fn as_someone_put_it() {
    let p = ["As the harbour master Ivo Marsh put it, \"the sea does not read timetables.\""];
    assert_eq!(said(&p, "the sea"), Some("Ivo Marsh".into()));
    let p = ["Ada Quintero emphasized, \"We will not raise the tolls.\""];
    assert_eq!(said(&p, "We will not"), Some("Ada Quintero".into()));
}

#[test]
fn a_dash_and_a_name_sign_the_quote() {
    let p = ["\u{201c}The tolls are far too high for families.\u{201d} \u{2015} Ada Quintero \u{201c}We cannot afford the ferry any more.\u{201d} \u{2015} Ivo Marsh"];
    assert_eq!(said(&p, "The tolls"), Some("Ada Quintero".into()));
    assert_eq!(said(&p, "We cannot"), Some("Ivo Marsh".into()));
    // A dash and no name: no speaker.
    let p = ["\"The tolls are far too high\" \u{2014} a view the board rejects."];
    assert_eq!(said(&p, "The tolls"), None);
}

#[test]
fn the_phrase_after_said_is_a_subject_only_up_to_a_comma() {
    let p = ["In the harbour office, said Ivo Marsh, \"nothing works on Mondays.\""];
    assert_eq!(said(&p, "nothing works"), Some("Ivo Marsh".into()));
    // "said the days when ...": the start of what was said.
    let p = ["Ivo Marsh, the author of \"Salt Roads,\" said the days when ferries ran on time were \"long gone.\""];
    assert_ne!(said(&p, "long gone"), Some("the days".into()));
}
