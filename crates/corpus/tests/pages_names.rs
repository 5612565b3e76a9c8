//! Page chrome a saved page names in its class or id (`reason_from_names`
//! in `html/mod.rs`), shown on small pages written for the test.

use crossread_corpus::RemovalReason;

mod ferry_page;
use ferry_page::{page, reason_of, BODY};

#[test]
fn a_sidebar_and_a_footer_named_so_are_chrome() {
    let document = page(&format!(
        "{BODY}<div id=\"sidebar\"><p>Our blog writes about island life, ferries and the weather since 2009.</p></div>\
         <div class=\"entry-footer\"><p>This post was filed under travel and shared by many readers.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "Our blog"),
        Some(RemovalReason::Related)
    );
    assert_eq!(
        reason_of(&document, "This post"),
        Some(RemovalReason::Navigation)
    );
}

#[test]
fn camel_case_names_are_read_word_by_word() {
    let document = page(&format!(
        "{BODY}<ul class=\"relatedArticlesList\"><li><p>Harbour dues go up again for the small fishing boats.</p></li></ul>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "Harbour dues"),
        Some(RemovalReason::Related)
    );
    // One word in lower case is one word: `relatedness` is not `related`.
    let document = page(&format!("<div class=\"relatedness\">{BODY}</div>"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn an_author_bio_box_is_not_the_article() {
    let document = page(&format!(
        "{BODY}<div class=\"author-bio\"><p>Jane Roe has written about the islands for ten years, and sails.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "Jane Roe has"),
        Some(RemovalReason::Related)
    );
}

#[test]
fn an_article_wrapped_in_a_sidebar_layout_is_kept() {
    let document = page(&format!("<div class=\"content-sidebar-wrap\">{BODY}</div>"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn a_box_about_the_author_is_set_aside_but_a_byline_is_not() {
    let document = page(&format!(
        "<p class=\"author\">By Jane Roe</p>{BODY}\
         <div class=\"about-author\"><p>Jane Roe has written about the islands for ten years, and sails.</p></div>\
         <div id=\"authorDescription\"><p>She also runs a small bakery by the harbour, open on weekdays.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(document.authors, ["Jane Roe"], "{document:?}");
    assert_eq!(
        reason_of(&document, "Jane Roe has"),
        Some(RemovalReason::Related)
    );
    assert_eq!(
        reason_of(&document, "She also runs"),
        Some(RemovalReason::Related)
    );
}

/// Rule `MarkedAuthor`: with no author in the page's meta tags or JSON-LD,
/// the names it marks as author (`rel=author`, `itemprop=author`) above
/// the article are its authors; those marked in a list of other articles
/// below it are not.
#[test]
fn authors_marked_above_the_article_are_its_authors() {
    let long = "The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel and the cost of the new pier, and said the rise would hold until the autumn timetable.";
    let document = page(&format!(
        "<div class=\"meta\"><a rel=\"author\" href=\"/staff/ines-varga\">Ines Varga</a> \
         <span itemprop=\"author\">Tomas Berg —</span></div><p>{long}</p>{BODY}\
         <ul><li><p>Harbour dues rise again</p><a rel=\"author\" href=\"/staff/ola\">Ola Lindqvist</a></li></ul>"
    ));
    assert_eq!(
        document.authors,
        ["Ines Varga", "Tomas Berg"],
        "{document:?}"
    );
}

#[test]
fn a_marked_author_that_is_no_name_is_not_taken() {
    let long = "The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel and the cost of the new pier, and said the rise would hold until the autumn timetable.";
    let document = page(&format!(
        "<p><a rel=\"author\" href=\"/staff\">More from this author</a> <a rel=\"author\" href=\"/x\">12 articles</a></p><p>{long}</p>{BODY}"
    ));
    assert!(document.authors.is_empty(), "{:?}", document.authors);
}

#[test]
fn blocks_the_site_leaves_out_of_print_are_set_aside() {
    let document = page(&format!(
        "<div class=\"story\">{BODY}</div>\
         <div class=\"block u-no-print\"><h4>Top stories today</h4>\
         <p>The mayor opens the new library in the old fish market on Saturday.</p></div>\
         <ul class=\"tools d-print-none\"><li><p>Send this story to a friend who takes the ferry.</p></li></ul>\
         <div class=\"rating noPrint\"><p>Rate this report: useful, or not useful to you at all.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    for start in ["The mayor", "Send this", "Rate this"] {
        assert_eq!(
            reason_of(&document, start),
            Some(RemovalReason::NotPrinted),
            "{start}"
        );
    }
    assert_eq!(
        RemovalReason::NotPrinted.describe(),
        "left out of print by the site"
    );
    // A print button's own class is no sign: `print-link` is printed.
    let document = page(&format!(
        "{BODY}<div class=\"print-link\"><p>Print this report for the notice board at the quay.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 4, "{document:?}");
    // Comments stay comments, printed or not.
    let document = page(&format!(
        "{BODY}<div id=\"comments\" class=\"comments-area d-print-none\">\
         <p>About time someone asked the company why the fares keep going up.</p></div>"
    ));
    assert_eq!(
        reason_of(&document, "About time"),
        Some(RemovalReason::Comments)
    );
}

#[test]
fn a_print_hidden_mark_inside_a_paragraph_is_dropped_without_cutting_it() {
    let document = page(
        "<p>The ferry company raised its fares by a tenth<sup class=\"noprint\">[citation needed]</sup>, \
         the harbour board said on Monday, citing the price of fuel.</p>\
         <p>Islanders who cross daily said the rise would cost them more than a week's wages.</p>",
    );
    assert_eq!(
        document.paragraphs[0],
        "The ferry company raised its fares by a tenth, the harbour board said on Monday, citing the price of fuel."
    );
    assert_eq!(document.paragraphs.len(), 2, "{document:?}");
}

#[test]
fn a_page_wrapped_whole_in_a_no_print_region_keeps_its_article() {
    let document = page(&format!("<div class=\"region hidden-print\">{BODY}</div>"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn names_written_as_one_word_for_other_stories_are_related() {
    for class in ["jp-relatedposts", "morestories", "recommendedarticles"] {
        let document = page(&format!(
            "{BODY}<div class=\"{class}\"><p>Harbour dues go up again for the small fishing boats, the board says.</p></div>"
        ));
        assert_eq!(document.paragraphs.len(), 3, "{class}: {document:?}");
        assert_eq!(
            reason_of(&document, "Harbour dues"),
            Some(RemovalReason::Related),
            "{class}"
        );
    }
    // The pointer alone, or with another word, is no such name; "more
    // content" is a "read more" expander holding the article's rest.
    for class in ["relatedness", "moreover", "storyline", "morecontent"] {
        let document = page(&format!(
            "{BODY}<div class=\"{class}\"><p>The new timetable starts in May, with a later last boat on Fridays.</p></div>"
        ));
        assert_eq!(document.paragraphs.len(), 4, "{class}: {document:?}");
    }
}
