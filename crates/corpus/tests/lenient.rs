//! One bad file in a thousand never stops a corpus: markup in a text is set
//! aside with its reason and the rest is read, and a lenient build skips a
//! file that cannot be read, with its problem, while a strict one refuses
//! the corpus naming the file. The texts are invented for these tests.

use crossread_corpus::{
    build_corpus, build_corpus_with, ingest, sentences, Corpus, CorpusError, Problem,
    RemovalReason, SourceFile, Strictness,
};

/// A report with an embedded post (the embed code a social network hands
/// out: the post's words in a blockquote, then its script) and a stray
/// line break and picture.
const WITH_POST: &str = "Harbour reopens after storm\n\
\n\
By Lena Berg\n\
\n\
The harbour of Porto Vela reopened on Tuesday after a storm closed it for three days, the port authority said.<br>\n\
<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Ferries are sailing again, thank you all for waiting! <a href=\"https://t.co/abc\">pic.twitter.com/abc</a></p>&mdash; Porto Vela Ferries (@pvferries) <a href=\"https://twitter.com/pvferries/status/1\">March 4, 2025</a></blockquote> <script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\
<img src=\"harbour.jpg\" alt=\"\">\n\
Fishing boats left at dawn, and the first ferry sailed at nine, officials said.\n\
The authority said repairs to the northern pier would take a month.\n";

const GOOD_A: &[u8] = b"Bridge closes for repairs\n\nThe old river bridge in Tarsk closed on Monday for six weeks of repairs, the city said.\nDrivers were told to use the ring road.\n";
const GOOD_B: &[u8] = b"Library opens on Sundays\n\nThe central library in Tarsk will open on Sundays from May, the council said on Friday.\nStaff said the change followed a petition.\n";

fn file(name: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: bytes.to_vec(),
    }
}

fn one_of_each() -> Vec<SourceFile> {
    vec![
        file("b-library.txt", GOOD_B),
        file(
            "scan.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 1, 2],
        ),
        file("empty.txt", b"  \n"),
        file("a-bridge.txt", GOOD_A),
    ]
}

fn removed(corpus: &Corpus, reason: RemovalReason) -> Vec<&str> {
    corpus.documents[0].removed(reason).collect()
}

#[test]
fn an_embedded_post_is_set_aside_with_its_reason_and_the_article_is_read() {
    let corpus = build_corpus(vec![file("harbour.txt", WITH_POST.as_bytes())], None).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.headline, "Harbour reopens after storm");
    assert_eq!(document.authors, ["Lena Berg"]);
    assert_eq!(document.paragraphs.len(), 3, "{:?}", document.paragraphs);
    assert!(document.paragraphs[0].ends_with("the port authority said."));
    let posts = removed(&corpus, RemovalReason::EmbeddedPost);
    assert_eq!(posts.len(), 1);
    assert!(posts[0].contains("Ferries are sailing again"));
    let markup = removed(&corpus, RemovalReason::Markup);
    assert_eq!(
        markup,
        [
            "<br>",
            "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
            "<img src=\"harbour.jpg\" alt=\"\">"
        ]
    );
    assert_eq!(RemovalReason::EmbeddedPost.describe(), "embedded post");
    assert_eq!(RemovalReason::Markup.describe(), "embedded markup");
    // Neither the post's words nor any markup reach sentences or claims.
    for paragraph in &document.paragraphs {
        assert!(!paragraph.contains('<') && !paragraph.contains("Ferries are"));
        for span in sentences::split(paragraph) {
            assert!(!paragraph[span.start..span.end].contains("twitter"));
        }
    }
    assert!(!corpus.claims.is_empty());
    for claim in &corpus.claims {
        assert!(
            !claim.text.contains("Ferries are") && !claim.text.contains('<'),
            "{}",
            claim.text
        );
    }
}

#[test]
fn the_removed_parts_keep_page_order() {
    let document = ingest("harbour.txt", WITH_POST.as_bytes(), None).unwrap();
    let reasons: Vec<RemovalReason> = document.boilerplate.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        [
            RemovalReason::Headline,
            RemovalReason::Byline,
            RemovalReason::Markup,
            RemovalReason::EmbeddedPost,
            RemovalReason::Markup,
            RemovalReason::Markup,
        ]
    );
}

#[test]
fn markup_in_markdown_is_set_aside_too() {
    let text = format!(
        "# Harbour reopens\n\n{}",
        &WITH_POST[WITH_POST.find("The harbour").unwrap()..]
    );
    let document = ingest("harbour.md", text.as_bytes(), None).unwrap();
    assert_eq!(document.headline, "Harbour reopens");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::EmbeddedPost));
    assert!(document.paragraphs.iter().all(|p| !p.contains('<')));
}

#[test]
fn a_lenient_build_skips_the_files_it_cannot_read_and_says_why() {
    let corpus = build_corpus_with(one_of_each(), None, Strictness::Lenient).unwrap();
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["a-bridge.txt", "b-library.txt"]);
    let skipped: Vec<(&str, &str)> = corpus
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.problem.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0], ("empty.txt", "the file is empty"));
    assert_eq!(skipped[1].0, "scan.txt");
    assert!(skipped[1].1.contains("binary"), "{}", skipped[1].1);
    // The good files read exactly as they would alone.
    let good = vec![file("a-bridge.txt", GOOD_A), file("b-library.txt", GOOD_B)];
    let alone = build_corpus(good, None).unwrap();
    assert_eq!(corpus.documents, alone.documents);
    assert_eq!(corpus.claims, alone.claims);
    assert!(alone.skipped.is_empty());
}

#[test]
fn a_strict_build_refuses_the_corpus_naming_each_bad_file() {
    let error: CorpusError =
        build_corpus_with(one_of_each(), None, Strictness::Strict).unwrap_err();
    let files: Vec<&str> = error.problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files, ["empty.txt", "scan.txt"]);
    assert_eq!(error.problems[1].problem, Problem::Binary);
    let message = error.to_string();
    assert!(
        message.contains("empty.txt: the file is empty"),
        "{message}"
    );
    assert!(message.contains("scan.txt: "), "{message}");
    assert_eq!(build_corpus(one_of_each(), None).unwrap_err(), error);
}

#[test]
fn a_lenient_build_with_no_readable_file_fails() {
    let files = vec![file("empty.txt", b""), file("scan.txt", b"\x00\x01")];
    let error = build_corpus_with(files, None, Strictness::Lenient).unwrap_err();
    assert_eq!(error.problems.len(), 2);
}

#[test]
fn a_lenient_build_goes_past_a_catalog_it_cannot_use() {
    let catalog = "[[article]]\nfile = \"a-bridge.txt\"\noutlet = \"Tarsk Post\"\n\n[[article]]\nfile = \"gone.txt\"\n";
    let corpus = build_corpus_with(one_of_each(), Some(catalog), Strictness::Lenient).unwrap();
    assert_eq!(corpus.documents[0].outlet.as_deref(), Some("Tarsk Post"));
    assert_eq!(corpus.skipped[0].file, "gone.txt");
    let broken = build_corpus_with(one_of_each(), Some("[[article]"), Strictness::Lenient).unwrap();
    assert_eq!(broken.documents.len(), 2);
    assert_eq!(broken.skipped[0].file, "catalog.toml");
}
