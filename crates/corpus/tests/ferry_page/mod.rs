//! The article page the saved-page rule tests wrap their chrome around.

use crossread_corpus::{ingest, Document, RemovalReason};

/// Three paragraphs of an invented report.
pub const BODY: &str = "<p>The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel.</p>\
<p>Islanders who cross daily said the rise would cost them more than a week's wages over the year.</p>\
<p>The council will ask the company to keep a cheaper ticket for pupils and for patients.</p>";

/// `body` under the headline "Ferry fares rise", ingested as a saved page.
pub fn page(body: &str) -> Document {
    let html = format!("<!doctype html><html><body><h1>Ferry fares rise</h1>{body}</body></html>");
    ingest("fares.html", html.as_bytes(), None).expect("the page holds an article")
}

/// Why the line of `document` set aside that starts with `start` was set
/// aside (not every test file asks).
#[allow(dead_code)]
pub fn reason_of(document: &Document, start: &str) -> Option<RemovalReason> {
    document
        .boilerplate
        .iter()
        .find(|r| r.text.starts_with(start))
        .map(|r| r.reason)
}
