//! Text captures of web pages (the visible text a reader copies from the
//! browser, one line per block) read as `.txt` articles: the body is the
//! densest run of prose, and the page chrome around it is set aside with a
//! reason. The captures under `tests/captures/` are invented for these
//! tests, each in the style of a different kind of site.

use crossread_corpus::document::RemovalReason;
use crossread_corpus::error::Problem;
use crossread_corpus::{ingest, Document};

fn capture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/captures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Document {
    ingest(name, &capture(name), None).unwrap_or_else(|e| panic!("{e}"))
}

fn reason_of(document: &Document, text: &str) -> Option<RemovalReason> {
    document
        .boilerplate
        .iter()
        .find(|r| r.text == text)
        .map(|r| r.reason)
}

fn starts(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .map(|p| p.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every line of the capture is the headline, the standfirst, a byline or
/// dateline, a paragraph, or set aside with a reason.
fn every_line_accounted_for(name: &str, document: &Document) {
    let text = String::from_utf8(capture(name)).unwrap();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let kept = document.headline == line
            || document.dek.as_deref() == Some(line)
            || document.paragraphs.iter().any(|p| p == line)
            || document.boilerplate.iter().any(|r| r.text == line);
        assert!(kept, "{name}: line neither kept nor set aside: {line:?}");
    }
}

#[test]
fn news_site_body_header_and_chrome() {
    let d = read("harbour-gazette.txt");
    assert_eq!(
        d.headline,
        "Ferry Strike Halts Crossings to the Northern Isles"
    );
    assert_eq!(d.authors, ["Maria Olsen"]);
    assert_eq!(d.published.unwrap().to_string(), "2031-03-04");
    assert_eq!(
        starts(&d.paragraphs),
        [
            "Ferry crews walked",
            "The union said",
            "A spokesman for",
            "Talks to resume",
            "Both sides are",
            "Islanders who depend",
            "\"We cannot keep",
        ]
    );
    every_line_accounted_for("harbour-gazette.txt", &d);
}

#[test]
fn menus_above_the_headline_are_navigation() {
    let d = read("harbour-gazette.txt");
    for line in ["Skip to main content", "Home", "Weather", "Opinion"] {
        assert_eq!(
            reason_of(&d, line),
            Some(RemovalReason::Navigation),
            "{line}"
        );
    }
    assert_eq!(reason_of(&d, "Subscribe"), Some(RemovalReason::Promo));
    let d = read("markets-daily.txt");
    for line in ["Menu", "Search", "Companies"] {
        assert_eq!(
            reason_of(&d, line),
            Some(RemovalReason::Navigation),
            "{line}"
        );
    }
}

#[test]
fn share_bars_and_social_handles_are_navigation() {
    let d = read("harbour-gazette.txt");
    for line in ["Share", "Tweet", "Email", "Advertisement"] {
        assert_eq!(
            reason_of(&d, line),
            Some(RemovalReason::Navigation),
            "{line}"
        );
    }
    let d = read("night-sky-blog.txt");
    assert_eq!(
        reason_of(&d, "@nightskynotes"),
        Some(RemovalReason::Navigation)
    );
    assert_eq!(reason_of(&d, "@tomreyes"), Some(RemovalReason::Navigation));
    assert_eq!(reason_of(&d, "5 min read"), Some(RemovalReason::Navigation));
    let d = read("markets-daily.txt");
    assert_eq!(
        reason_of(&d, "Follow @marketsdaily"),
        Some(RemovalReason::Navigation)
    );
}

#[test]
fn captions_and_credits_in_their_forms() {
    let d = read("harbour-gazette.txt");
    assert_eq!(
        reason_of(
            &d,
            "Passengers wait at the terminal on Tuesday. Photo: Lena Berg"
        ),
        Some(RemovalReason::Credit)
    );
    // The paragraph above a caption that carries its own credit stays.
    assert!(d.paragraphs.iter().any(|p| p.starts_with("Islanders who")));
    assert_eq!(
        reason_of(&d, "© 2031 Harbour Gazette. All rights reserved."),
        Some(RemovalReason::Credit)
    );
}

#[test]
fn teasers_and_related_lists_are_related() {
    let d = read("harbour-gazette.txt");
    for line in [
        "Related stories",
        "Council approves new berth for cargo ships",
        "Fishing fleet returns early as storms close in",
    ] {
        assert_eq!(reason_of(&d, line), Some(RemovalReason::Related), "{line}");
    }
    // A "Most read" list inside the body, and teasers with blurbs after it.
    let d = read("markets-daily.txt");
    for line in [
        "Most read",
        "Steel maker to close two plants",
        "Airline shares fall on fuel costs",
        "Copper hits a record high",
    ] {
        assert_eq!(reason_of(&d, line), Some(RemovalReason::Related), "{line}");
    }
    assert!(d.paragraphs.iter().all(|p| !p.contains("oil price")));
    assert_eq!(d.paragraphs.len(), 4);
}

#[test]
fn subscription_and_donation_appeals_are_promos() {
    let d = read("harbour-gazette.txt");
    for line in [
        "Get the Harbour Gazette newsletter in your inbox every morning",
        "Donate to support local journalism",
    ] {
        assert_eq!(reason_of(&d, line), Some(RemovalReason::Promo), "{line}");
    }
    let d = read("night-sky-blog.txt");
    assert_eq!(
        reason_of(&d, "Support Night Sky Notes"),
        Some(RemovalReason::Promo)
    );
    assert_eq!(reason_of(&d, "Become a member"), Some(RemovalReason::Promo));
    let d = read("markets-daily.txt");
    assert_eq!(
        reason_of(&d, "Sign up for our morning briefing"),
        Some(RemovalReason::Promo)
    );
}

#[test]
fn blog_author_box_and_comments_are_set_aside() {
    let d = read("night-sky-blog.txt");
    assert_eq!(
        d.headline,
        "A Bright Comet Will Be Visible Before Dawn This Month"
    );
    assert_eq!(d.published.unwrap().to_string(), "2030-09-12");
    assert_eq!(d.paragraphs.len(), 4);
    assert!(d.paragraphs[3].starts_with("A pair of binoculars"));
    assert!(reason_of(
        &d,
        "Tom Reyes writes about the night sky for Night Sky Notes."
    )
    .is_some());
    for line in [
        "12 Comments",
        "Does anyone know if it will be visible from the north of the country as well?",
        "Leave a comment",
    ] {
        assert_eq!(reason_of(&d, line), Some(RemovalReason::Comments), "{line}");
    }
    every_line_accounted_for("night-sky-blog.txt", &d);
}

#[test]
fn standfirst_and_byline_under_the_headline_stay_header() {
    let d = read("markets-daily.txt");
    assert_eq!(
        d.headline,
        "Grain Prices Climb as Dry Weather Hits the Plains"
    );
    assert_eq!(
        d.dek.as_deref(),
        Some("Farmers have cut their harvest forecasts after the driest summer in a decade")
    );
    assert_eq!(d.authors, ["Ade Bello", "Karin Holt"]);
    assert!(d
        .published
        .unwrap()
        .to_string()
        .starts_with("2031-06-02T08:30"));
    every_line_accounted_for("markets-daily.txt", &d);
}

#[test]
fn a_short_clean_article_is_kept_whole() {
    let d = read("city-wire.txt");
    assert_eq!(d.headline, "Library Reopens After Two-Year Repair");
    assert_eq!(d.paragraphs.len(), 2);
    assert_eq!(d.boilerplate.len(), 1);
}

#[test]
fn a_page_of_menus_only_is_refused_with_what_it_holds() {
    let error = ingest("menus-only.txt", &capture("menus-only.txt"), None).unwrap_err();
    let Problem::NoText { found } = &error.problem else {
        panic!("{error}");
    };
    assert!(found.contains("12 lines of page chrome"), "{found}");
    assert!(found.contains("page navigation"), "{found}");
    assert!(found.contains("subscription promo"), "{found}");
}

#[test]
fn a_text_that_is_one_paragraph_is_its_body() {
    let text = "Storm warnings were lifted on Friday across the coast. Ferries will sail again from Saturday morning, the harbour office said.";
    let d = ingest("note.txt", text.as_bytes(), None).unwrap();
    assert_eq!(d.paragraphs, [text]);
    let sentence = "Ferries will sail again from Saturday morning.";
    let d = ingest("note.txt", sentence.as_bytes(), None).unwrap();
    assert_eq!(d.paragraphs, [sentence]);
    // A headline alone is not an article.
    let error = ingest("note.txt", b"Ferries Sail Again", None).unwrap_err();
    assert!(matches!(error.problem, Problem::NoText { .. }));
}

#[test]
fn a_paragraph_printed_twice_is_kept_twice_but_a_caption_is_not() {
    let paragraph = "The council voted on Monday to keep the old market hall open for another ten years, after traders collected more than four thousand signatures and the mayor said the building was part of the town's history and its future as a place where farmers sell what they grow, and the council promised to repair the roof, the clock and the old stone stairs before the winter markets open in November.";
    let text = format!("Market hall saved\n{paragraph}\n{paragraph}\nTraders celebrate outside the hall.\nTraders celebrate outside the hall.\nThe hall opens on Saturdays and Wednesdays, and from next spring on Sunday mornings as well, when a flower market will fill the ground floor.");
    let d = ingest("market.txt", text.as_bytes(), None).unwrap();
    assert_eq!(d.paragraphs.iter().filter(|p| *p == paragraph).count(), 2);
    assert_eq!(
        reason_of(&d, "Traders celebrate outside the hall."),
        Some(RemovalReason::Duplicate)
    );
}

#[test]
fn a_capture_quoting_a_few_tags_is_read_with_the_tags_set_aside() {
    let mut text = String::from("Testing Front-End Code\n");
    for _ in 0..12 {
        text.push_str("Coverage tools record which lines of your code ran during the tests, and a report shows the lines that never ran so that you can write a test for them.\n");
    }
    text.push_str("Add <script src=\"vendor/cover.js\"></script> to the page, then <div id=\"report\"></div> where the report goes.\n");
    let d = ingest("code.txt", text.as_bytes(), None).unwrap();
    assert_eq!(
        d.paragraphs.last().map(String::as_str),
        Some("Add to the page, then where the report goes.")
    );
    assert_eq!(
        reason_of(
            &d,
            "<script src=\"vendor/cover.js\"></script> <div id=\"report\"> </div>"
        ),
        Some(RemovalReason::Markup)
    );
}

#[test]
fn the_default_corpus_reads_the_same_as_before() {
    // The seeds hold clean captures; the capture rules leave their body and
    // header exactly as the plain segmentation (the Markdown path) reads it.
    let dir = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = ingest("a.txt", &bytes, None).unwrap();
        let plain = ingest("a.md", &bytes, None).unwrap();
        assert_eq!(text.paragraphs, plain.paragraphs, "{}", path.display());
        assert_eq!(text.headline, plain.headline);
        assert_eq!(text.dek, plain.dek);
        assert_eq!(text.authors, plain.authors);
        assert_eq!(text.boilerplate, plain.boilerplate);
        seen += 1;
    }
    assert!(seen >= 5);
}

#[test]
fn a_plain_article_keeps_its_headline_its_short_sentences_and_its_last_line() {
    let text = "\
https://www.example.org/news/2024/05/ferry-service-resumes

Ferry service resumes after storm

Harbour authority says all routes will run by Friday

The ferry between Port Alden and Kessel Island resumed on Tuesday after a storm closed the harbour for three days, the harbour authority said.

It was the longest closure in a decade.

Engineers checked the piers and the fuel depot before the first boat left at seven in the morning, and the operator added two evening crossings for stranded travellers.

Tickets bought for the cancelled crossings remain valid until the end of the month, the operator said in a statement on its website.

Repairs will cost about 40,000 euros.
";
    let document = ingest("ferry.txt", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(document.headline, "Ferry service resumes after storm");
    // The line under the headline is kept (as the first paragraph: it has
    // no full stop to mark it a standfirst sentence).
    assert_eq!(
        starts(&document.paragraphs),
        [
            "Harbour authority says",
            "The ferry between",
            "It was the",
            "Engineers checked the",
            "Tickets bought for",
            "Repairs will cost"
        ]
    );
}

#[test]
fn a_lead_paragraph_above_a_photo_credit_is_no_caption() {
    let lead = "The national coach has named his squad for the qualifiers against Chile on 4 and 5 March in Santiago. Besides the three regulars, he picked two newcomers from the junior team.";
    let caption = "The coach at a training session in Halle on Tuesday.";
    let text = format!(
        "Two newcomers in the squad\n\n{lead}\n\n© Federation\n\n{caption}\n\n© Federation\n\n\
         Both newcomers won their first senior titles this winter, the federation said in a statement on Monday.\n\n\
         The team travels to Santiago a week before the first match to get used to the altitude and the heat.\n"
    );
    let document = ingest("squad.txt", text.as_bytes(), None).unwrap();
    assert_eq!(
        document.paragraphs.first().map(String::as_str),
        Some(lead),
        "{document:?}"
    );
    assert_eq!(reason_of(&document, caption), Some(RemovalReason::Caption));
}

#[test]
fn a_blog_heading_that_counts_replies_to_the_post_opens_its_comments_and_its_byline_follows_the_date(
) {
    // Rule `RepliesHeading`: the comments are prose too, so only their
    // heading ends the article.
    let d = read("allotment-blog.txt");
    assert_eq!(d.headline, "Frost Came Early to the Allotments This Year");
    // "Posted on DATE by NAME" gives both.
    assert_eq!(d.authors, ["Ruth Calder"]);
    assert_eq!(d.published.unwrap().to_string(), "2031-10-03");
    assert_eq!(d.paragraphs.len(), 4, "{:?}", d.paragraphs);
    assert!(d.paragraphs[3].starts_with("We will hold the seed swap"));
    for line in [
        "3 thoughts on “Frost Came Early to the Allotments This Year”",
        "Thank you for the reminder about the seed swap, I will bring the purple beans my grandfather grew in the same plot for forty years.",
        "Leave a Reply",
    ] {
        assert_eq!(reason_of(&d, line), Some(RemovalReason::Comments), "{line}");
    }
    every_line_accounted_for("allotment-blog.txt", &d);
}
