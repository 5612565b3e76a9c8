//! Rules that tell a saved page's article from its chrome, each shown on a
//! small page written for the test (see `docs/rules.md`, "Saved web pages").

use crossread_corpus::{ingest, Document, RemovalReason};

const BODY: &str = "<p>The harbour board voted on Tuesday to reopen the northern quay, after three weeks of repairs to the sea wall.</p>\
<p>Fishing crews had moved their boats to the southern moorings, where space ran short and tempers, the skippers said, ran shorter.</p>\
<p>Repairs cost less than the board had feared, its chair said, because the old stone could be reused for most of the wall.</p>";

fn page(body: &str) -> Document {
    let html = format!(
        "<!doctype html><html><head><title>Quay reopens</title></head><body>{body}</body></html>"
    );
    ingest("quay.html", html.as_bytes(), None).expect("the page holds an article")
}

fn kept(document: &Document) -> String {
    document.paragraphs.join("\n")
}

/// Whether a line starting with `start` was set aside as related.
fn set_aside_as_related(document: &Document, start: &str) -> bool {
    document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Related && r.text.starts_with(start))
}

#[test]
fn site_wide_classes_on_html_and_body_say_nothing_about_the_text() {
    let html = format!(
        "<html class=\"ads-enabled share-on\"><body class=\"paywall social-bar\"><h1>Quay reopens</h1>{BODY}</body></html>"
    );
    let document = ingest("quay.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn a_wrapper_named_like_chrome_that_holds_the_article_is_kept() {
    let document = page(&format!(
        "<h1>Quay reopens</h1><div class=\"share-wrapper\"><ul><li>Share on Facebook</li></ul>{BODY}</div>\
         <div class=\"related\"><p>Ferry timetable changes for the summer, with earlier sailings.</p></div>"
    ));
    assert!(kept(&document).contains("northern quay"), "{document:?}");
    assert_eq!(document.paragraphs.len(), 3);
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Related && r.text.starts_with("Ferry timetable")));
}

#[test]
fn comments_stay_comments_however_long() {
    let comments = BODY.replace("<p>", "<p>Reader says: ");
    let document = page(&format!(
        "<h1>Quay reopens</h1><p>The northern quay reopens on Monday, the harbour board said, after repairs.</p><section id=\"comments\">{comments}</section>"
    ));
    assert_eq!(document.paragraphs.len(), 1, "{document:?}");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Comments));
}

#[test]
fn text_hidden_by_an_inline_style_is_never_shown() {
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<div style=\"display: none\"><p>Hidden teaser about the ferry timetable for next summer, never shown.</p></div>\
         <p style=\"color:red; visibility:hidden\">Another hidden line of text that the reader never sees at all.</p>"
    ));
    let everything = format!("{:?} {:?}", document.paragraphs, document.boilerplate);
    assert!(!everything.contains("hidden"), "{everything}");
    assert_eq!(document.paragraphs.len(), 3);
}

#[test]
fn a_page_without_body_text_is_refused_with_what_it_shows() {
    let error = ingest(
        "quay.html",
        b"<html><body><nav><a href=/>Home</a><a href=/news>News</a></nav><h1>Quay reopens</h1></body></html>",
        None,
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("a headline (\"Quay reopens\")"),
        "{message}"
    );
    assert!(message.contains("page navigation"), "{message}");
}

#[test]
fn a_page_built_by_scripts_gives_its_article_from_json_ld() {
    let body = "The harbour board voted on Tuesday to reopen the northern quay, after three weeks of repairs.\n\nFishing crews had moved their boats to the southern moorings, the skippers said.";
    let ld = serde_json::json!({
        "@type": "NewsArticle",
        "headline": "Quay reopens after repairs",
        "articleBody": body,
        "datePublished": "2025-04-01T09:30:00Z",
    });
    let html = format!(
        "<!doctype html><html><head><title>Quay</title>\
         <script type=\"application/ld+json\">{ld}</script></head>\
         <body><nav><a href=\"/\">Home</a></nav><div id=\"root\"></div></body></html>"
    );
    let document = ingest("quay.html", html.as_bytes(), None).expect("the article is in JSON-LD");
    assert_eq!(document.headline, "Quay reopens after repairs");
    assert_eq!(document.paragraphs.len(), 2, "{document:?}");
    assert!(document.paragraphs[0].starts_with("The harbour board voted"));
    assert_eq!(
        document.published.map(|d| d.to_string()).as_deref(),
        Some("2025-04-01T09:30+00:00")
    );
    // A page whose markup holds the body keeps its own text.
    let visible = format!(
        "<html><head><script type=\"application/ld+json\">{ld}</script></head><body><h1>Quay reopens</h1>{BODY}</body></html>"
    );
    let document = ingest("quay.html", visible.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs.len(), 3);
}

#[test]
fn a_page_whose_one_text_is_prose_keeps_it_as_its_body() {
    let prose = "The quay reopened on Tuesday after three weeks of repairs. Crews moved their boats back by the evening tide.";
    let html = format!("<!doctype html><html><body><div>{prose}</div></body></html>");
    let document = ingest("note.html", html.as_bytes(), None).expect("one paragraph is an article");
    assert_eq!(document.paragraphs, [prose]);
    // A lone title is still no article.
    let title_only = "<!doctype html><html><body><h1>Quay reopens</h1></body></html>";
    assert!(ingest("title.html", title_only.as_bytes(), None).is_err());
}

#[test]
fn related_and_navigation_headings_in_other_languages_are_chrome() {
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<h3>Mehr zum Thema</h3><h3>Zobacz także</h3><p>Drucken</p><p>Kontakt:</p>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    let reasons = |text: &str| {
        document
            .boilerplate
            .iter()
            .filter(|r| r.text.contains(text))
            .map(|r| r.reason)
            .collect::<Vec<_>>()
    };
    assert_eq!(reasons("Mehr zum Thema"), [RemovalReason::Related]);
    assert_eq!(reasons("Zobacz także"), [RemovalReason::Related]);
    assert_eq!(reasons("Drucken"), [RemovalReason::Navigation]);
    assert_eq!(reasons("Kontakt"), [RemovalReason::Navigation]);
}

#[test]
fn a_one_line_teaser_after_a_read_also_cue_is_a_related_link() {
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<p>Lea también: <a href=\"/ferry\">Ferry timetable changes for the summer</a></p>\
         <p>Read also: the board's full report, which runs to forty pages, is published online.</p>"
    ));
    assert!(!kept(&document).contains("Ferry timetable"), "{document:?}");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Related && r.text.contains("Ferry timetable")));
    assert_eq!(document.paragraphs.len(), 3);
}

#[test]
fn an_unmarked_list_of_links_is_set_aside_but_a_link_inside_prose_is_not() {
    // The list sits in plain <div>s with no telling class: only its
    // links say it is not the article. A link left open by broken markup
    // does not make the paragraphs after it links.
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}\
         <p>The board's <a href=\"/report\">full report on the sea wall</a> is online, with costs for each stage of the work.</p>\
         <div><div><a href=\"/a\">Ferry timetable changes for the summer season</a></div>\
         <div><a href=\"/b\">Lifeboat crew honoured for winter rescue off the point</a></div>\
         <div><a href=\"/c\">Harbour festival returns with tall ships in August</a></div></div>"
    ));
    assert_eq!(document.paragraphs.len(), 4, "{document:?}");
    assert!(kept(&document).contains("full report on the sea wall"));
    for teaser in ["Ferry timetable", "Lifeboat crew", "Harbour festival"] {
        assert!(
            set_aside_as_related(&document, teaser),
            "{teaser}: {document:?}"
        );
    }
    let unclosed = page(&format!("<h1>Quay reopens</h1><a name=\"top\">{BODY}"));
    assert_eq!(unclosed.paragraphs.len(), 3, "{unclosed:?}");
}

#[test]
fn a_page_whose_prose_is_all_links_keeps_them() {
    let links = BODY
        .replace("<p>", "<p><a href=\"/x\">")
        .replace("</p>", "</a></p>");
    let document = page(&format!("<h1>Quay reopens</h1>{links}"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn a_label_then_a_link_to_another_story_is_a_teaser_but_a_kicker_headline_is_not() {
    let document = page(&format!(
        "<h1>HARBOUR: Quay reopens after repairs</h1>{BODY}\
         <p>Boats return: crews moved back to the northern moorings on Wednesday morning.</p>\
         <p>SEE: <a href=\"/ferries\">Ferry timetable changes for the summer</a></p>"
    ));
    assert_eq!(document.headline, "HARBOUR: Quay reopens after repairs");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Related && r.text.starts_with("SEE:")));
    assert!(kept(&document).contains("Boats return:"), "{document:?}");
}

#[test]
fn follow_prompts_disclaimers_and_share_buttons_are_chrome() {
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}\
         <p>Follow the Quay Gazette on Twitter and Instagram for more harbour news.</p>\
         <p>Diese Seite teilen</p>\
         <p>The Quay Gazette is not responsible for the opinions of its contributors.</p>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    let reasons: Vec<RemovalReason> = document.boilerplate.iter().map(|r| r.reason).collect();
    for reason in [
        RemovalReason::Promo,
        RemovalReason::Navigation,
        RemovalReason::SiteBanner,
    ] {
        assert!(reasons.contains(&reason), "{reasons:?}");
    }
}

#[test]
fn teasers_marked_as_articles_do_not_push_out_an_unmarked_article() {
    let document = page(&format!(
        "<div id=\"content\"><h1>Quay reopens</h1>{BODY}</div>\
         <div class=\"sidebar-posts\"><article><p>Ferry timetable changes for the summer, with earlier sailings on weekdays.</p></article></div>"
    ));
    for part in ["northern quay", "southern moorings", "old stone"] {
        assert!(kept(&document).contains(part), "{document:?}");
    }
}

#[test]
fn a_form_that_wraps_the_whole_page_is_not_a_promo_but_a_search_form_is() {
    let document = page(&format!(
        "<form id=\"pageForm\" method=\"post\"><h1>Quay reopens</h1>{BODY}\
         <form class=\"search\"><label>Search the archive by keyword</label></form></form>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Promo && r.text.starts_with("Search the archive")));
}

#[test]
fn a_section_named_for_ads_that_holds_paragraphs_is_part_of_the_article() {
    let verdict = "<p>The verdict: the new quay wall is sturdier than the old one, the engineers found, and it cost the town less than the board had planned for when repairs began in spring.</p>\
                   <p>Skippers said the northern moorings were calmer in the first storm of the season, and the harbour master expects the repairs to last for another fifty years.</p>\
                   <p>The board will publish the engineers' full report next month, its chair said, together with the bill for the stone.</p>";
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<section class=\"report-section report-section--ads\">{verdict}</section>\
         <div class=\"ad-slot\"><p>Buy cheap ferry tickets today</p></div>"
    ));
    assert!(kept(&document).contains("The verdict:"), "{document:?}");
    assert!(!kept(&document).contains("cheap ferry"), "{document:?}");
}

#[test]
fn a_label_over_links_is_chrome_but_a_label_over_text_is_not() {
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<p>What the crews need:</p><ul><li>fresh water at the moorings</li><li>a second crane</li></ul>\
         <p>Filed by topic:</p><p><a href=\"/t/harbour\">Harbour and quay works</a></p>"
    ));
    assert!(
        kept(&document).contains("What the crews need:"),
        "{document:?}"
    );
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Navigation && r.text == "Filed by topic:"));
}

#[test]
fn teaser_cards_whose_link_opens_above_an_image_are_links() {
    // Each card is one link: an image block, then a headline and a blurb
    // on the line below it (rule `LinkCard`).
    let card = |href: &str, title: &str, blurb: &str| {
        format!(
            "<div class=\"item\"><a href=\"{href}\"><div class=\"img\"><img src=\"a.jpg\" alt=\"\"></div>\
             <span class=\"title\">{title}</span> <span class=\"summary\">{blurb}</span></a></div>"
        )
    };
    let cards = [
        card(
            "/a",
            "Ferry timetable changes",
            "The summer season brings two more sailings a day, and the last boat leaves at ten.",
        ),
        card(
            "/b",
            "Lifeboat crew honoured",
            "The volunteers who rescued two kayakers off the point in January were given medals.",
        ),
    ]
    .concat();
    let document = page(&format!(
        "<h1>Quay reopens</h1>{BODY}<div class=\"more\">{cards}</div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    for teaser in ["Ferry timetable", "Lifeboat crew"] {
        assert!(
            set_aside_as_related(&document, teaser),
            "{teaser}: {document:?}"
        );
    }
    // A link left open above the article makes no line after it link
    // text: it closes only with the page, holding far more than a card.
    let more = "<p>The northern quay had been closed since a storm in the first week of the month broke the wall.</p>\
        <p>Boats may moor there again from Friday, though the crane will not work until the spring.</p>";
    let unclosed = page(&format!(
        "<h1>Quay reopens</h1><div><a href=\"/\">Home<div>{BODY}{more}</div></div>"
    ));
    let article = unclosed.paragraphs.iter().filter(|p| p.ends_with('.'));
    assert_eq!(article.count(), 5, "{unclosed:?}");
}

#[test]
fn a_link_inside_a_paragraph_never_makes_the_paragraph_a_link() {
    // A link left open until its paragraph ends, and a link holding a
    // line break, close small: the prose before them stays prose.
    let open = BODY.replace(
        "the sea wall.</p>",
        "the sea wall, <a href=\"/r\">the report says.</p>",
    );
    let open = open.replace("ran shorter.</p>", "ran <a href=\"/s\">shorter.</p>");
    let document = page(&format!("<article><h1>Quay reopens</h1>{open}</article>"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    let broken = BODY.replace(
        "<p>The harbour board",
        "<p>The <a href=\"/b\">harbour<br>board</a>",
    );
    let broken = broken.replace(
        "<p>Fishing crews",
        "<p>Fishing <a href=\"/c\">crews<br>of the port</a>",
    );
    let document = page(&format!("<article><h1>Quay reopens</h1>{broken}</article>"));
    assert!(
        kept(&document).contains("The harbour") && kept(&document).contains("Fishing crews"),
        "{document:?}"
    );
}
