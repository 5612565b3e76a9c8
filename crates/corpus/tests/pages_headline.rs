//! Which title a saved page gives its article (rule `DeclaredTitle` in
//! `html/meta.rs`), shown on small pages written for the test.

use crossread_corpus::ingest;

const BODY: &str = "<p>The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel.</p>\
<p>Islanders who cross daily said the rise would cost them more than a week's wages over the year.</p>";

fn headline(head: &str, body: &str) -> String {
    let html = format!("<!doctype html><html><head>{head}</head><body>{body}{BODY}</body></html>");
    ingest("fares.html", html.as_bytes(), None)
        .expect("the page holds an article")
        .headline
}

#[test]
fn the_declared_title_wins_over_an_h1_that_names_the_site() {
    let title = headline(
        "<title>Ferry fares rise | Island Post</title><meta property=\"og:title\" content=\"Ferry fares rise by a tenth\">",
        "<h1>Island Post</h1>",
    );
    assert_eq!(title, "Ferry fares rise by a tenth");
}

#[test]
fn dublin_core_comes_first_and_a_property_beats_a_name() {
    let head = "<title>Title element</title>\
        <meta name=\"og:title\" content=\"Named open graph\">\
        <meta name=\"DC.title\" content=\"Named dublin core\">\
        <meta property=\"og:title\" content=\"Open graph\">\
        <meta property=\"x:title dc:title\" content=\"Ferry fares rise\">";
    assert_eq!(headline(head, ""), "Ferry fares rise");
    let head = "<meta name=\"DC.title\" content=\"Ferry fares rise\"><meta name=\"parsely-title\" content=\"Other\">";
    assert_eq!(headline(head, ""), "Ferry fares rise");
    let head = "<meta name=\"parsely-title\" content=\"Ferry fares rise again\">";
    assert_eq!(headline(head, "<h1>Fares</h1>"), "Ferry fares rise again");
}

#[test]
fn json_ld_wrapped_for_old_parsers_is_read() {
    let head = "<meta property=\"og:title\" content=\"Fares up | Island Post\">\
        <script type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Ferry fares rise by a tenth\"}\n]]>\n</script>";
    assert_eq!(headline(head, ""), "Ferry fares rise by a tenth");
    let head = "<script type=\"application/ld+json\"><!-- {\"headline\":\"Ferry fares rise\"} --></script>";
    assert_eq!(headline(head, ""), "Ferry fares rise");
}

#[test]
fn a_title_too_short_for_a_headline_gives_way_to_a_headline_h1() {
    let title = headline(
        "<title>Island Post</title>",
        "<h1>Ferry fares rise by a tenth on the island routes</h1>",
    );
    assert_eq!(title, "Ferry fares rise by a tenth on the island routes");
    // A short h1 ("Fares") is no headline either: the title stands.
    assert_eq!(
        headline("<title>Fares rise</title>", "<h1>Fares</h1>"),
        "Fares rise"
    );
    // No title at all: the h1.
    assert_eq!(headline("", "<h1>Fares</h1>"), "Fares");
}

#[test]
fn an_h1_in_a_sidebar_does_not_make_the_article_above_it_furniture() {
    let html = format!(
        "<!doctype html><html><head><title>Ferry fares rise | Island Post</title></head><body>\
         <div class=\"post\"><h2>Ferry fares rise</h2>{BODY}</div>\
         <div class=\"sidebar\"><h4>Donate</h4><a href=\"/d5\"><h1>€5</h1></a><a href=\"/d10\"><h1>€10</h1></a></div>\
         </body></html>"
    );
    let document = ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.headline, "Ferry fares rise");
    assert_eq!(document.paragraphs.len(), 2, "{document:?}");
    assert!(document.paragraphs[1].starts_with("Islanders"));
}

#[test]
fn an_h1_repeated_in_the_share_bar_under_the_article_heads_nothing() {
    let html = format!(
        "<!doctype html><html><head><meta property=\"og:title\" content=\"Ferry fares rise\"></head><body>\
         <div class=\"story\"><h2>Ferry fares rise</h2>{BODY}</div>\
         <div class=\"share-bar\"><h3>Share this article</h3><h1>Ferry fares rise</h1><a href=\"/x\">X</a></div>\
         </body></html>"
    );
    let document = ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.headline, "Ferry fares rise");
    assert_eq!(document.paragraphs.len(), 2, "{document:?}");
}

#[test]
fn a_paragraph_is_not_taken_for_the_headline_when_the_h1_is_set_aside() {
    let lead = "Fares on the island ferries rise by a tenth from Monday. The company blames the price of fuel, which has doubled since the spring, and the cost of two new boats.";
    let html = format!(
        "<!doctype html><html><head><meta property=\"og:title\" content=\"Ferry fares rise\"></head><body>\
         <figure><img src=\"a.jpg\"><figcaption>A ferry leaves the harbour at dawn.</figcaption></figure>\
         <div>Photo agency / Jane Roe</div>\
         <h1>Ferry fares rise</h1><div>Spokesperson</div>\
         <aside><div>Dr. Ann Lee</div><div><a href=\"/lee\">Learn more</a></div></aside>\
         <p>{lead}</p>{BODY}</body></html>"
    );
    let document = ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.headline, "Ferry fares rise");
    assert_eq!(
        document.paragraphs.first().map(String::as_str),
        Some(lead),
        "{document:?}"
    );
}

#[test]
fn text_for_screen_readers_only_is_not_part_of_the_headline_or_body() {
    let title = headline(
        "",
        "<h1><span class=\"visually-hidden\">Headline:</span> Ferry fares rise</h1>\
         <a class=\"share\" href=\"/s\">Share<span class=\"sr-only\"> on a social network, opens in a new window</span></a>",
    );
    assert_eq!(title, "Ferry fares rise");
}
