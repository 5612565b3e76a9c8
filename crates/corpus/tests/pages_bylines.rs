//! Who wrote a saved page: the meta tags that name the author, in the
//! order Readability trusts them, and the byline the page marks by its
//! class or id (rule `MarkedAuthor` in `html/mod.rs`), on small pages
//! written for the test.

use crossread_corpus::{ingest, Document};

mod ferry_page;
use ferry_page::{page, BODY};

/// A paragraph long enough to be the article's first paragraph of prose.
const LONG: &str = "<p>The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel and the cost of the new pier, and said the rise would hold until the autumn timetable.</p>";

fn with_head(head: &str) -> Document {
    let html = format!(
        "<!doctype html><html><head>{head}</head><body><h1>Ferry fares rise</h1>{LONG}{BODY}</body></html>"
    );
    ingest("fares.html", html.as_bytes(), None).expect("the page holds an article")
}

#[test]
fn a_byline_named_by_its_class_gives_the_author() {
    let document = page(&format!(
        "<p class=\"byline\">By <a href=\"/staff/ines-varga\">Ines Varga</a>, 4 May 2024, 8:02 pm</p>{LONG}{BODY}"
    ));
    assert_eq!(document.authors, ["Ines Varga"], "{document:?}");
}

#[test]
fn the_word_that_opens_a_byline_is_not_part_of_the_name() {
    let document = page(&format!(
        "<div class=\"pb-byline\">by Tomas Berg</div>{LONG}{BODY}"
    ));
    assert_eq!(document.authors, ["Tomas Berg"], "{document:?}");
    let document = page(&format!("<span class=\"byline\">By</span>{LONG}{BODY}"));
    assert!(document.authors.is_empty(), "{:?}", document.authors);
}

/// Teasers for other stories carry bylines of their own: the first byline
/// is the article's.
#[test]
fn only_the_first_byline_names_the_author() {
    let document = page(&format!(
        "<p class=\"byline\">Ines Varga</p>\
         <ul><li><a href=\"/a\">Harbour dues rise again</a></li><li><span class=\"byline\">Ola Lindqvist</span></li>\
         <li><a href=\"/b\">Pier repairs start</a></li><li><span class=\"byline\">Mia Holm</span></li></ul>{LONG}{BODY}"
    ));
    assert_eq!(document.authors, ["Ines Varga"], "{document:?}");
}

#[test]
fn dublin_core_names_the_author_before_the_generic_tag() {
    let document = with_head(
        "<meta name=\"author\" content=\"Web Desk\">\
         <meta name=\"DC.creator\" content=\"Ines Varga (name)\">\
         <meta property=\"dc:creator\" content=\"Ines Varga\">",
    );
    assert_eq!(document.authors, ["Ines Varga"], "{document:?}");
}

#[test]
fn a_parsely_author_tag_names_the_author() {
    let document = with_head("<meta name=\"parsely-author\" content=\"Tomas Berg\">");
    assert_eq!(document.authors, ["Tomas Berg"], "{document:?}");
}

#[test]
fn a_french_byline_names_the_author_by_its_class() {
    let document = page(&format!(
        "<p>Par <a class=\"auteur\" href=\"/j/ines-varga\">Ines Varga</a> (avec Tomas Berg et Mia Holm au port)</p>{LONG}{BODY}"
    ));
    assert_eq!(document.authors, ["Ines Varga"], "{document:?}");
}
