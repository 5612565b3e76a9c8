//! Page furniture a saved page prints around its article, recognised by
//! what the line says (`chrome/furniture.rs`, `FURNITURE_LABELS` in
//! `chrome.rs`), on small pages written for the test.

use crossread_corpus::RemovalReason;

mod ferry_page;
use ferry_page::{page, reason_of, BODY};

#[test]
fn login_prompts_ad_labels_and_disclosures_below_the_article_are_set_aside() {
    let document = page(&format!(
        "<div class=\"entry\">{BODY}\
         <p>- Anzeige -</p>\
         <p>We may earn a commission when you buy through the links in this story.</p>\
         <p>You must be logged in to post a reply.</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "- Anzeige"),
        Some(RemovalReason::Promo)
    );
    assert_eq!(
        reason_of(&document, "We may earn"),
        Some(RemovalReason::SiteBanner)
    );
    assert_eq!(
        reason_of(&document, "You must be logged"),
        Some(RemovalReason::Promo)
    );
}

#[test]
fn labels_of_the_page_s_own_sections_are_navigation() {
    let document = page(&format!(
        "<div class=\"entry\">{BODY}<h3>Weitere Informationen</h3><h3>Ansprechpartner</h3>\
         <p>(Noch keine Bewertungen)</p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    for start in ["Weitere Informationen", "Ansprechpartner", "(Noch keine"] {
        assert_eq!(
            reason_of(&document, start),
            Some(RemovalReason::Navigation),
            "{start}"
        );
    }
}

#[test]
fn a_link_to_the_next_post_and_a_read_also_teaser_are_set_aside() {
    let document = page(&format!(
        "<div class=\"entry\">{BODY}\
         <p>À lire aussi » Les dockers votent la fin de la grève au port</p>\
         <p><a href=\"/n\">Next postHarbour dues rise again for the fishing boats</a></p></div>"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "À lire aussi"),
        Some(RemovalReason::Related)
    );
    assert_eq!(
        reason_of(&document, "Next post"),
        Some(RemovalReason::Navigation)
    );
}
