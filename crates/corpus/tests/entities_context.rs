//! Names typed from context when no list names them: each rule of
//! `entities` and `entities::context` on invented news sentences.

use crossread_corpus::document::EntityKind;
mod common;

use crossread_corpus::entities;

use common::{assert_kind, has, kinds};

#[test]
fn cities_and_small_states_are_places_and_countries() {
    let p = ["Flights from Porto Alegre to Jamaica and Costa Rica resumed on Monday."];
    assert_kind(&p, "Porto Alegre", EntityKind::Place);
    assert_kind(&p, "Jamaica", EntityKind::Country);
    assert_kind(&p, "Costa Rica", EntityKind::Country);
}

#[test]
fn the_nations_of_the_united_kingdom_are_countries() {
    let p = ["Wales and Scotland drew their friendly on a wet evening."];
    assert_kind(&p, "Wales", EntityKind::Country);
    assert_kind(&p, "Scotland", EntityKind::Country);
}

#[test]
fn a_frequent_first_name_makes_a_person() {
    assert_kind(
        &["The fair was opened by Kenneth Mbeki on a sunny morning."],
        "Kenneth Mbeki",
        EntityKind::Person,
    );
}

#[test]
fn names_in_capitals_are_looked_up_as_running_text() {
    let found = kinds(&["STORM CUTS POWER ACROSS NEW YORK"]);
    assert!(has(&found, "NEW YORK", EntityKind::Place), "{found:?}");
    // The other words of a line in capitals are no people or bodies.
    assert!(
        found
            .iter()
            .all(|(_, k)| !matches!(k, EntityKind::Person | EntityKind::Organisation)),
        "{found:?}"
    );
}

#[test]
fn a_line_in_capitals_gives_no_roles() {
    let found = kinds(&["MAJOR LEAGUE STANDINGS AFTER FRIDAY"]);
    assert!(
        found.iter().all(|(_, k)| *k != EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn a_dateline_names_a_place() {
    let p = [
        "ZORVAK 2026-03-04",
        "Farmers in the valley began the harvest early this year.",
    ];
    assert_kind(&p, "ZORVAK", EntityKind::Place);
}

#[test]
fn initials_before_a_surname_make_a_person() {
    assert_kind(
        &["The second goal came from K. Mbatha after the break."],
        "K. Mbatha",
        EntityKind::Person,
    );
}

#[test]
fn a_state_in_brackets_after_a_name_is_a_nationality() {
    let p = ["Tomas Vrbek (Norway) won the sprint ahead of the field."];
    assert_kind(&p, "Tomas Vrbek", EntityKind::Person);
    assert_kind(&p, "Norway", EntityKind::Country);
}

#[test]
fn an_unlisted_acronym_in_running_text_is_an_organisation() {
    let found = kinds(&["Officials of the ZKPA said the GDP figures were late."]);
    assert!(has(&found, "ZKPA", EntityKind::Organisation), "{found:?}");
    assert!(found.iter().all(|(t, _)| t != "GDP"), "{found:?}");
}

#[test]
fn company_and_club_endings_make_organisations() {
    let p = ["Velora Holdings and Brantley United signed a deal, and Harrow plc bought shares."];
    assert_kind(&p, "Velora Holdings", EntityKind::Organisation);
    assert_kind(&p, "Brantley United", EntityKind::Organisation);
    assert_kind(&p, "Harrow", EntityKind::Organisation);
}

#[test]
fn the_before_a_plural_name_is_a_team_or_party() {
    assert_kind(
        &["Fans cheered as the Harriers came back in the last minute."],
        "Harriers",
        EntityKind::Organisation,
    );
}

#[test]
fn teams_in_a_results_line_are_organisations() {
    let p = [
        "Results of the weekend games:",
        "Brantford 2 Porto Alegre 1",
        "Attendance 30,000",
    ];
    let found = kinds(&p);
    assert!(
        has(&found, "Brantford", EntityKind::Organisation),
        "{found:?}"
    );
    assert!(
        has(&found, "Porto Alegre", EntityKind::Organisation),
        "{found:?}"
    );
    assert!(
        !has(&found, "Attendance", EntityKind::Organisation),
        "{found:?}"
    );
}

#[test]
fn a_club_named_with_its_city_is_one_organisation() {
    assert_kind(
        &["Dynamo Kyiv were held at home on Sunday."],
        "Dynamo Kyiv",
        EntityKind::Organisation,
    );
}

#[test]
fn an_unlisted_name_in_brackets_after_a_person_is_an_affiliation() {
    let p = ["The top scorer was Kenneth Maric (Zeljeznik) with nine goals."];
    assert_kind(&p, "Zeljeznik", EntityKind::Organisation);
}

#[test]
fn roles_of_sport_and_culture_make_people() {
    let p = ["The club said striker Ivo Maric and composer Tibor Halasz will attend."];
    assert_kind(&p, "Ivo Maric", EntityKind::Person);
    assert_kind(&p, "Tibor Halasz", EntityKind::Person);
    assert_kind(
        &["Mr Oyelaran declined to comment."],
        "Oyelaran",
        EntityKind::Person,
    );
}

#[test]
fn a_name_alone_on_a_line_is_a_byline() {
    let p = [
        "Bridge reopens after repairs",
        "Zoltan Kiraly",
        "The bridge reopened on Monday.",
    ];
    assert_kind(&p, "Zoltan Kiraly", EntityKind::Person);
}

#[test]
fn names_listed_with_a_person_are_people() {
    let p = ["The squad: Ana Lima, Zoltan Kiraly and Ewa Nowakowska were picked."];
    assert_kind(&p, "Zoltan Kiraly", EntityKind::Person);
    assert_kind(&p, "Ewa Nowakowska", EntityKind::Person);
}

#[test]
fn scorecard_marks_and_bowling_figures_name_players() {
    let p = [
        "A. Lewis c Zoltan Kiraly b Ewa Nowakowska 5",
        "Bowling: Tibor Halasz 25-8-61-1",
    ];
    assert_kind(&p, "Zoltan Kiraly", EntityKind::Person);
    assert_kind(&p, "Ewa Nowakowska", EntityKind::Person);
    assert_kind(&p, "Tibor Halasz", EntityKind::Person);
}

#[test]
fn a_place_before_an_unlisted_body_is_part_of_its_name() {
    let p = ["The Ohio Growers Association and the Porto Alegre Pumas both objected."];
    assert_kind(&p, "Ohio Growers Association", EntityKind::Organisation);
    assert_kind(&p, "Porto Alegre Pumas", EntityKind::Organisation);
}

#[test]
fn a_city_that_plays_a_match_is_its_team() {
    let found = kinds(&["Leeds beat the visitors, who had lost to Porto Alegre last week."]);
    assert!(has(&found, "Leeds", EntityKind::Organisation), "{found:?}");
    assert!(
        has(&found, "Porto Alegre", EntityKind::Organisation),
        "{found:?}"
    );
    // A city in ordinary prose stays a place.
    assert_kind(
        &["Rain fell on Leeds overnight."],
        "Leeds",
        EntityKind::Place,
    );
}

#[test]
fn a_plain_name_whose_surname_stands_alone_is_a_person() {
    let p = [
        "Talks were led by Oduya Ekwueme on Tuesday.",
        "Later, Ekwueme told the committee the plan was ready.",
    ];
    let found = kinds(&p);
    assert!(
        has(&found, "Oduya Ekwueme", EntityKind::Person),
        "{found:?}"
    );
    assert!(has(&found, "Ekwueme", EntityKind::Person), "{found:?}");
}

#[test]
fn a_demonym_is_no_country_mention_to_score_but_stays_an_adjective() {
    let raw = entities::find_in_paragraphs(&["German officials met Dutch farmers."]);
    assert!(raw
        .iter()
        .filter(|m| m.text == "German")
        .all(|m| m.adjective));
}

#[test]
fn roads_are_places_and_a_patrol_is_a_body_even_when_it_speaks() {
    let p = [
        "Officers stopped the van on State Route 41 near Lakeview Avenue, the Highway Patrol said.",
        "The Highway Patrol said State Route 41 reopened at noon.",
    ];
    assert_kind(&p, "State Route", EntityKind::Place);
    assert_kind(&p, "Lakeview Avenue", EntityKind::Place);
    assert_kind(&p, "Highway Patrol", EntityKind::Organisation);
}

#[test]
fn a_title_with_of_names_its_domain_not_a_person() {
    let p = ["The Governor of Palwick said the ferry would sail again on Monday."];
    let found = kinds(&p);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityKind::Person),
        "no person in {found:?}"
    );
    assert!(has(&found, "Palwick", EntityKind::Other), "{found:?}");
    let p = ["The Minister of Fisheries Kenneth Oduya resigned on Monday."];
    assert_kind(&p, "Kenneth Oduya", EntityKind::Person);
    assert!(!kinds(&p)
        .iter()
        .any(|(t, _)| t.contains("Fisheries Kenneth")));
}

#[test]
fn a_weekday_after_a_name_is_not_part_of_it() {
    let p = ["Police arrested Kenneth Oduya Friday at his home in the hills."];
    assert_kind(&p, "Kenneth Oduya", EntityKind::Person);
    assert!(!kinds(&p).iter().any(|(t, _)| t.contains("Friday")));
}

#[test]
fn a_name_that_ends_with_a_persons_full_name_is_that_person() {
    let p = [
        "Picking Kenneth Oduya as host was a safe choice, the academy said.",
        "Kenneth Oduya said he was delighted.",
    ];
    let found = kinds(&p);
    assert!(
        has(&found, "Picking Kenneth Oduya", EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn a_surname_joins_a_full_name_typed_as_a_person_in_one_place_only() {
    let p = [
        "Health minister Zorinde Brenholt opened the clinic on Monday.",
        "Zorinde Brenholt toured the wards in March.",
        "Later, Brenholt thanked the nurses.",
    ];
    assert_kind(&p, "Brenholt", EntityKind::Person);
}

#[test]
fn one_plural_name_after_the_and_a_role_is_a_team() {
    let p = ["The defending champion Harriers lost their opening game on Sunday."];
    let found = kinds(&p);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityKind::Person),
        "{found:?}"
    );
    assert_kind(
        &["Defending champion Ana Lima lost her opening match."],
        "Ana Lima",
        EntityKind::Person,
    );
}
