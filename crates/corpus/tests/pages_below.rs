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

#[test]
fn unmarked_comments_under_a_count_of_replies_are_comments() {
    let comments = "<div><h3>2 Responses to \"Ferry fares rise\"</h3>\
        <div><div>Mary K. says:</div><div>May 2, 2021 at 10:14 am</div>\
        <p>This is outrageous, we already pay too much for a boat that is late half of the time.</p><div>Reply</div></div>\
        <div><div>John says:</div><div>May 2, 2021 at 11:20 am</div>\
        <p>I agree with Mary, the council should have done something about it years ago.</p><div>Reply</div></div></div>";
    let document = page(&format!("<div>{BODY}</div>{comments}"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    for start in [
        "2 Responses",
        "Mary K. says",
        "This is outrageous",
        "I agree",
    ] {
        assert_eq!(
            ferry_page::reason_of(&document, start),
            Some(crossread_corpus::RemovalReason::Comments),
            "{start}: {document:?}"
        );
    }
}
