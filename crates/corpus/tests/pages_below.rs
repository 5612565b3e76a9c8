//! What follows the article on a saved page (rule `BelowTheArticle` in
//! `html/blocks.rs`), on pages written for the test.

mod ferry_page;
use ferry_page::{page, BODY};

const FARES: &str = "<table><tr><td>Adult</td><td>12 euros</td></tr>\
    <tr><td>Pupil</td><td>6 euros</td></tr></table>";

const BELOW: &str = "<div><p>Lifeboat crew rescues two kayakers off the north point</p>\
    <p>Harbour dues go up again for the small boats</p>\
    <p>Weather</p><p>Tides and timetables</p><p>Contact the newsroom</p></div>";

#[test]
fn unmarked_teasers_below_the_article_are_set_aside() {
    let document = page(&format!("<div class=\"story\">{BODY}</div>{BELOW}"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert!(
        document
            .boilerplate
            .iter()
            .any(|r| r.text.starts_with("Lifeboat crew")),
        "{document:?}"
    );
}

#[test]
fn a_table_closing_the_article_stays_with_it() {
    let document = page(&format!("<div class=\"story\">{BODY}{FARES}</div>{BELOW}"));
    assert!(
        document.paragraphs.iter().any(|p| p == "Pupil"),
        "{document:?}"
    );
    assert!(
        !document
            .paragraphs
            .iter()
            .any(|p| p.starts_with("Harbour dues")),
        "{document:?}"
    );
}
