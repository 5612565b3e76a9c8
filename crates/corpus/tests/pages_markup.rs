//! Broken or unusual markup read as a browser reads it (rules
//! `HeadEndsAtBody`, foreign content and `ChromeLeftOpen` in
//! `html/mod.rs`), on pages written for the test.

use crossread_corpus::{ingest, Document};

mod ferry_page;
use ferry_page::{page, BODY};

fn saved(html: &str) -> Document {
    ingest("fares.html", html.as_bytes(), None).expect("the page holds an article")
}

#[test]
fn a_head_closed_by_a_wrong_end_tag_ends_where_the_body_begins() {
    let document = saved(&format!(
        "<!doctype html><html><head><title>Ferry fares rise</title></header>\
         <div><h1>Ferry fares rise</h1>{BODY}</div></html>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn a_self_closed_title_in_an_icon_hides_nothing() {
    let icon =
        "<a href=\"/share\"><svg viewBox=\"0 0 8 8\"><title/><path d=\"M0 0h8v8z\"/></svg></a>";
    let document = page(&format!("{icon}{BODY}"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}

#[test]
fn a_site_header_left_open_around_the_article_keeps_it() {
    let document = saved(&format!(
        "<!doctype html><html><body><header role=\"banner\"><a href=\"/\">Island Post</a>\
         <nav><a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Ferry fares rise</h1>{BODY}</article></body></html>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert!(
        document.boilerplate.iter().any(|r| r.text == "News Sport"),
        "{document:?}"
    );
}

#[test]
fn a_site_header_closed_in_time_stays_chrome() {
    let document = saved(&format!(
        "<!doctype html><html><body><header role=\"banner\">\
         <p>The Island Post has reported on the islands, their boats and their people, since 1921.</p></header>\
         <article><h1>Ferry fares rise</h1>{BODY}</article></body></html>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
}
