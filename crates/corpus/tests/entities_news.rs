//! Names typed by news conventions: desks and exchanges named after their
//! city, clubs named after their town, places after "the town of". Each
//! rule on invented sentences.

use crossread_corpus::document::EntityKind;
mod common;

use common::{assert_kind, kinds};

#[test]
fn a_city_newsroom_desk_or_exchange_is_one_organisation() {
    let p = [
        "Shares fell on the Madrid Stock Exchange, the Treasury said.",
        "-- Lisbon Newsroom +351 1 555 0100",
        "Contact the Chicago Grains Desk for prices.",
    ];
    assert_kind(&p, "Madrid Stock Exchange", EntityKind::Organisation);
    assert_kind(&p, "Treasury", EntityKind::Organisation);
    assert_kind(&p, "Lisbon Newsroom", EntityKind::Organisation);
    assert_kind(&p, "Chicago Grains Desk", EntityKind::Organisation);
}

#[test]
fn a_town_and_a_club_word_is_a_club() {
    let p = ["Toulouse United drew with Bristol City on Sunday, and fans in Bristol cheered."];
    assert_kind(&p, "Toulouse United", EntityKind::Organisation);
    assert_kind(&p, "Bristol City", EntityKind::Organisation);
    assert_kind(&p, "Bristol", EntityKind::Place);
}

#[test]
fn a_town_with_a_players_role_or_a_plural_verb_is_a_side() {
    let p = [
        "Lyon striker Ana Lima scored twice.",
        "Leicester were 90 for three at lunch.",
    ];
    assert_kind(&p, "Lyon", EntityKind::Organisation);
    assert_kind(&p, "Leicester", EntityKind::Organisation);
}

#[test]
fn a_town_that_is_not_the_subject_stays_a_place() {
    let p = ["Officials in Lyon were not available, and Paris and Leicester are far apart."];
    assert_kind(&p, "Lyon", EntityKind::Place);
    assert_kind(&p, "Leicester", EntityKind::Place);
}

#[test]
fn a_town_in_brackets_after_a_player_is_the_club_but_a_territory_stays() {
    let p = ["Scorers: Tomas Vrba (Lyon), Ana Lima (Hong Kong)."];
    assert_kind(&p, "Lyon", EntityKind::Organisation);
    assert_kind(&p, "Hong Kong", EntityKind::Place);
}

#[test]
fn a_name_after_the_town_of_is_a_place() {
    let p = ["Troops entered the town of Velkoraz and villages south of Dobrinka Polje."];
    assert_kind(&p, "Velkoraz", EntityKind::Place);
    assert_kind(&p, "Dobrinka Polje", EntityKind::Place);
}

#[test]
fn common_given_names_of_many_regions_make_a_person() {
    let p = ["Radek Vomacka, Giorgos Pelekanos and Sekou Tarawally scored."];
    assert_kind(&p, "Radek Vomacka", EntityKind::Person);
    assert_kind(&p, "Giorgos Pelekanos", EntityKind::Person);
    assert_kind(&p, "Sekou Tarawally", EntityKind::Person);
}

#[test]
fn and_inside_a_bodys_name_keeps_it_whole() {
    let p = ["The Ministry of Fisheries and Forestry and the Water and Sanitation Board met."];
    assert_kind(
        &p,
        "Ministry of Fisheries and Forestry",
        EntityKind::Organisation,
    );
    assert_kind(&p, "Water and Sanitation Board", EntityKind::Organisation);
}

#[test]
fn and_between_two_complete_bodies_or_companies_splits_them() {
    let p =
        ["The Trade Commission and Justice Department sued Velora and Brantley Corp. on Monday."];
    assert_kind(&p, "Trade Commission", EntityKind::Organisation);
    assert_kind(&p, "Justice Department", EntityKind::Organisation);
    assert_kind(&p, "Brantley Corp.", EntityKind::Organisation);
}

#[test]
fn a_describing_word_before_a_full_name_is_not_part_of_it() {
    let p = [
        "Top-seeded Radek Vomacka won in three sets.",
        "Dutchman Pieter Smolders lost, and the teenager cried.",
        "Teenager Ana Lima reached the final.",
    ];
    assert_kind(&p, "Radek Vomacka", EntityKind::Person);
    assert_kind(&p, "Pieter Smolders", EntityKind::Person);
    assert_kind(&p, "Ana Lima", EntityKind::Person);
}

#[test]
fn words_only_a_company_has_make_an_unlisted_name_a_body() {
    let p = [
        "Velbrook said it would cut 300 jobs.",
        "Tarnovia shares rose 4 percent, and Corvello's chairman resigned.",
        "Brokers bought shares in Ostrada on Monday.",
        "Demarel, a Dutch chemicals group based in Delft, agreed.",
    ];
    for name in ["Velbrook", "Tarnovia", "Corvello", "Ostrada", "Demarel"] {
        assert_kind(&p, name, EntityKind::Organisation);
    }
}

#[test]
fn an_apposition_whose_noun_qualifies_another_is_no_body() {
    let found = kinds(&["Talbrek, the party leader, spoke."]);
    assert!(
        !found
            .iter()
            .any(|(t, k)| t == "Talbrek" && *k == EntityKind::Organisation),
        "{found:?}"
    );
}

#[test]
fn a_surname_that_said_it_is_still_the_person_named_in_full() {
    let p = [
        "Opposition leader Radek Vomacka met voters.",
        "Vomacka said it was too early to talk of a coalition.",
    ];
    assert_kind(&p, "Vomacka", EntityKind::Person);
}

#[test]
fn an_unlisted_name_after_at_is_a_place_but_not_a_workplace() {
    let p = [
        "The talks were held at Velkoraz on Friday.",
        "An analyst at Tarnovia said prices would fall.",
    ];
    assert_kind(&p, "Velkoraz", EntityKind::Place);
    let found = kinds(&p);
    assert!(
        !found
            .iter()
            .any(|(t, k)| t == "Tarnovia" && *k == EntityKind::Place),
        "{found:?}"
    );
}

#[test]
fn the_names_either_side_of_v_are_sides_and_states_stay_states() {
    let p = ["Cricket: Velbrook v Lyon, and Belgium v Dorsington at Lyon."];
    assert_kind(&p, "Velbrook", EntityKind::Organisation);
    assert_kind(&p, "Dorsington", EntityKind::Organisation);
    assert_kind(&p, "Belgium", EntityKind::Country);
}

#[test]
fn a_school_or_college_is_a_body() {
    assert_kind(
        &["She teaches at Parkhill Middle School."],
        "Parkhill Middle School",
        EntityKind::Organisation,
    );
}

#[test]
fn a_name_a_personal_pronoun_refers_back_to_is_a_person() {
    let p = ["Officials expect that Velbrook will resign before he turns sixty."];
    assert_kind(&p, "Velbrook", EntityKind::Person);
}

#[test]
fn a_pronoun_after_a_name_that_is_no_subject_types_nothing() {
    let p = [
        "Talks at Dorsington ended, and he left.",
        "A Grand Tarnovia champion, he won.",
    ];
    let found = kinds(&p);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn a_demonym_before_a_party_or_association_is_part_of_its_name() {
    let p = ["The Indonesian Farmers Party and the German Foreign Ministry disagreed."];
    assert_kind(&p, "Indonesian Farmers Party", EntityKind::Organisation);
    assert_kind(&p, "Foreign Ministry", EntityKind::Organisation);
}

#[test]
fn the_stop_that_ends_a_sentence_is_not_part_of_a_company_name() {
    let p = [
        "The unit was sold to Velora Holdings Inc.",
        "Talks with Brantley Corp. ended.",
    ];
    assert_kind(&p, "Velora Holdings Inc", EntityKind::Organisation);
    assert_kind(&p, "Brantley Corp.", EntityKind::Organisation);
}

#[test]
fn one_unlisted_singular_name_with_a_plural_verb_is_a_side() {
    let p = ["Velbrookshire were 88 for four at lunch, while Kurds are wary."];
    assert_kind(&p, "Velbrookshire", EntityKind::Organisation);
    let found = kinds(&p);
    assert!(
        !found
            .iter()
            .any(|(t, k)| t == "Kurds" && *k == EntityKind::Organisation),
        "{found:?}"
    );
}

#[test]
fn oceans_reefs_passes_and_mounts_are_places() {
    let p = ["Ships crossed the Velorian Ocean near Tarn Reef, below Mount Dorsk and Kaldo Pass."];
    assert_kind(&p, "Velorian Ocean", EntityKind::Place);
    assert_kind(&p, "Tarn Reef", EntityKind::Place);
    assert_kind(&p, "Mount Dorsk", EntityKind::Place);
    assert_kind(&p, "Kaldo Pass", EntityKind::Place);
}

#[test]
fn a_name_in_capitals_takes_the_kind_of_the_same_name_in_running_text() {
    let p = ["Floods hit TARNOVIA.", "Rain fell in Tarnovia on Monday."];
    assert_kind(&p, "TARNOVIA", EntityKind::Place);
}

#[test]
fn a_name_with_a_widow_or_a_family_is_a_person() {
    let p = ["Mourners joined Velbrook's widow at the service."];
    assert_kind(&p, "Velbrook", EntityKind::Person);
}

#[test]
fn sides_on_a_cricket_scorecard_line_and_after_a_last_score_are_clubs() {
    let p = [
        "At Velmouth: Dorrowshire 214 and 167-6 (A. Velk 64 not out), Tarnshire 244 (B. Osk 58)",
        "In Velmouth: Korva Boltfelag (Norland) 0 Drevanik",
    ];
    assert_kind(&p, "Dorrowshire", EntityKind::Organisation);
    assert_kind(&p, "Tarnshire", EntityKind::Organisation);
    assert_kind(&p, "Drevanik", EntityKind::Organisation);
}

#[test]
fn unlisted_names_that_beat_each_other_by_a_match_score_are_sides() {
    let p = ["Soccer - Velkoraz beat Drobnik 2-1 in the cup on Saturday."];
    assert_kind(&p, "Velkoraz", EntityKind::Organisation);
    assert_kind(&p, "Drobnik", EntityKind::Organisation);
    let tennis = ["Velkoraz beat Drobnik 6-3 in the first round."];
    assert!(!common::has(
        &kinds(&tennis),
        "Velkoraz",
        EntityKind::Organisation
    ));
}

#[test]
fn a_name_after_a_media_noun_is_a_paper_or_an_agency() {
    let p = [
        "Floods hit the north, the state news agency Velka reported.",
        "The weekly Dobrinets said prices rose, Tarnow magazine reported.",
    ];
    assert_kind(&p, "Velka", EntityKind::Media);
    assert_kind(&p, "Dobrinets", EntityKind::Media);
    assert_kind(&p, "Tarnow", EntityKind::Media);
}

#[test]
fn a_name_before_spokesman_officials_or_party_is_a_body() {
    let p = [
        "A Dravenko spokesman declined to comment.",
        "Tarvelo officials were not available, and the Oskarin party walked out.",
    ];
    assert_kind(&p, "Dravenko", EntityKind::Organisation);
    assert_kind(&p, "Tarvelo", EntityKind::Organisation);
    assert_kind(&p, "Oskarin", EntityKind::Organisation);
}
