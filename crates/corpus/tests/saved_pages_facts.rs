//! Saved pages of the kinds issue 15 names beyond plain markup: pages built
//! by scripts whose article is in their state data, AMP pages, and the
//! facts a page states about itself (update date with its time zone,
//! language), each with its provenance. Every page is written for the test.

use crossread_corpus::{ingest, Provenance};

const PARAGRAPHS: [&str; 3] = [
    "The regional water board declared a drought on Thursday, the first in the valley for eleven years, after a dry winter left reservoirs at a third of their usual level.",
    "Farmers will be asked to cut irrigation by a fifth from next month, the board's chair said, while households face a ban on garden hoses.",
    "\u{201c}We cannot make it rain, but we can make what we have last until autumn,\u{201d} said Marta Ilves, who chairs the board.",
];

#[test]
fn a_page_built_by_scripts_gives_its_article_from_its_state_data() {
    let html_body: String = PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{}</p>", p.replace('&', "&amp;")))
        .collect();
    let state = serde_json::json!({
        "props": {"pageProps": {"article": {
            "title": "Valley declares its first drought in eleven years",
            "teaser": "Reservoirs are at a third of their level.",
            "body": html_body,
        }}},
        "page": "/news/drought",
    });
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><title>Valley declares its first drought in eleven years | The Valley Post</title></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div id=\"__next\"></div>\
         <script id=\"__NEXT_DATA__\" type=\"application/json\">{state}</script></body></html>"
    );
    let document =
        ingest("drought.html", html.as_bytes(), None).expect("the article is in the state data");
    assert_eq!(document.paragraphs, PARAGRAPHS, "{document:?}");

    // The same article in a `window.__STATE__ = {...};` assignment, as a
    // list of blocks with an image between them.
    let blocks: Vec<serde_json::Value> = PARAGRAPHS
        .iter()
        .map(|p| serde_json::json!({"type": "paragraph", "text": p}))
        .collect();
    let state = serde_json::json!({"story": {"blocks": [blocks[0].clone(), {"type": "image", "url": "/a.jpg"}, blocks[1].clone(), blocks[2].clone()]}});
    let html = format!(
        "<html><head><title>Drought declared</title></head><body><div id=\"app\"></div>\
         <script>window.__PRELOADED_STATE__ = {state};</script></body></html>"
    );
    let document =
        ingest("drought.html", html.as_bytes(), None).expect("the article is in the state data");
    assert_eq!(document.paragraphs, PARAGRAPHS, "{document:?}");
}

#[test]
fn state_data_never_replaces_an_article_the_markup_shows() {
    let visible: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let state = serde_json::json!({"other": {"body": format!("<p>{}</p>", ["An unrelated story about a football transfer that the site keeps in its state for the next page. It has several sentences."; 6].join(" "))}});
    let html = format!(
        "<html><body><h1>Drought declared</h1><article>{visible}</article>\
         <script type=\"application/json\">{state}</script></body></html>"
    );
    let document = ingest("drought.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs, PARAGRAPHS);
}

#[test]
fn an_amp_page_gives_its_article_without_its_components() {
    let body: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<!doctype html><html \u{26a1} lang=\"en\"><head><meta charset=\"utf-8\">\
         <script async src=\"https://cdn.ampproject.org/v0.js\"></script>\
         <script async custom-element=\"amp-social-share\" src=\"https://cdn.ampproject.org/v0/amp-social-share-0.1.js\"></script>\
         <style amp-custom>body {{ font-family: serif; }}</style>\
         <link rel=\"canonical\" href=\"https://valleypost.example/news/drought\">\
         <title>Valley declares drought</title></head><body>\
         <header><amp-sidebar id=\"menu\" layout=\"nodisplay\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></amp-sidebar></header>\
         <article><h1>Valley declares its first drought in eleven years</h1>\
         <amp-img src=\"/dam.jpg\" width=\"800\" height=\"450\" layout=\"responsive\" alt=\"The dam\"></amp-img>\
         {body}\
         <amp-social-share type=\"twitter\"></amp-social-share><amp-ad width=\"300\" height=\"250\" type=\"doubleclick\"></amp-ad>\
         </article></body></html>"
    );
    let document =
        ingest("drought-amp.html", html.as_bytes(), None).expect("an AMP page is a page");
    assert_eq!(
        document.headline,
        "Valley declares its first drought in eleven years"
    );
    assert_eq!(document.paragraphs, PARAGRAPHS, "{document:?}");
    assert_eq!(
        document.url.as_deref(),
        Some("https://valleypost.example/news/drought")
    );
}

#[test]
fn the_update_date_and_the_language_are_read_with_their_provenance() {
    let body: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<!doctype html><html lang=\"en-GB\"><head>\
         <meta property=\"article:published_time\" content=\"2025-07-03T08:15:00+01:00\">\
         <meta property=\"article:modified_time\" content=\"2025-07-04T17:40:00+01:00\">\
         <title>Drought declared</title></head>\
         <body><h1>Valley declares its first drought in eleven years</h1>{body}</body></html>"
    );
    let document = ingest("drought.html", html.as_bytes(), None).unwrap();
    assert_eq!(
        document.updated.map(|d| d.to_string()).as_deref(),
        Some("2025-07-04T17:40+01:00")
    );
    assert_eq!(document.language.as_deref(), Some("en-GB"));
    assert_eq!(
        document.provenance.get("updated"),
        Some(&Provenance::HtmlMeta)
    );
    assert_eq!(
        document.provenance.get("language"),
        Some(&Provenance::HtmlMeta)
    );

    // JSON-LD's dateModified when the page has no such meta; an update
    // that is not later than publication is no update.
    let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Drought declared", "datePublished": "2025-07-03T08:15:00Z", "dateModified": "2025-07-03T08:15:00Z"});
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{ld}</script></head><body><h1>Drought declared</h1>{body}</body></html>"
    );
    let document = ingest("drought.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.updated, None);
    assert_eq!(document.language, None);
    let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Drought declared", "datePublished": "2025-07-03T08:15:00Z", "dateModified": "2025-07-05T10:00:00Z"});
    let html = format!(
        "<html lang=\"de\"><head><script type=\"application/ld+json\">{ld}</script></head><body><h1>Drought declared</h1>{body}</body></html>"
    );
    let document = ingest("drought.html", html.as_bytes(), None).unwrap();
    assert_eq!(
        document.updated.map(|d| d.to_string()).as_deref(),
        Some("2025-07-05T10:00+00:00")
    );
    assert_eq!(document.language.as_deref(), Some("de"));
}

#[test]
fn the_headline_is_the_declared_title_as_the_page_prints_it() {
    let body: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let page = |og_title: &str, title: &str, article_h1: &str| {
        let html = format!(
            "<html><head><meta property=\"og:title\" content=\"{og_title}\"><title>{title}</title></head>\
             <body><h1>The Valley Post</h1><article>{article_h1}{body}</article></body></html>"
        );
        ingest("drought.html", html.as_bytes(), None)
            .unwrap()
            .headline
    };
    let printed = "<h1>Valley declares its first drought in eleven years</h1>";
    // An SEO form of the printed headline: the page prints the <h1>.
    assert_eq!(
        page(
            "Drought declared: valley declares its first drought in 11 years",
            "x",
            printed
        ),
        "Valley declares its first drought in eleven years"
    );
    // A declared title that the <title> repeats and no <h1> prints stays;
    // the site's name in an <h1> is not a headline.
    assert_eq!(
        page(
            "Farmers face irrigation cuts as reservoirs run low",
            "Farmers face irrigation cuts as reservoirs run low | The Valley Post",
            ""
        ),
        "Farmers face irrigation cuts as reservoirs run low"
    );
    // A declared title that nothing on the page repeats (a description)
    // gives way to the headline the page prints.
    assert_eq!(
        page("The latest news from the valley and beyond", "x", printed),
        "Valley declares its first drought in eleven years"
    );
}
