//! Saved pages that are not valid UTF-8, decoded as a browser decodes
//! them when the page declares its encoding in a `<meta>` tag in its first
//! 4 KiB (`<meta charset>` or `content="...; charset=..."`):
//!
//! - a label the WHATWG Encoding standard maps to windows-1252
//!   (`iso-8859-1`, `latin1`, `us-ascii`, `windows-1252`, ...);
//! - windows-1250 and ISO-8859-2, the Central European encodings (Polish,
//!   Czech, Hungarian pages);
//! - UTF-8 itself: a page that says UTF-8 but holds a stray byte of another
//!   encoding (a template written in Latin-1) is read with U+FFFD for each
//!   bad sequence, as every browser shows it.
//!
//! Any other label of the WHATWG Encoding standard (GBK, Big5, Shift_JIS,
//! EUC-KR, KOI8-R, windows-125x, ISO-8859-x, ...) is decoded by
//! `encoding_rs` in native builds (feature `encodings`), and in the page by
//! the browser's `TextDecoder` before ingestion ([`label_not_decoded_here`]
//! gives the worker the label): both implement the same standard, and the
//! wasm build stays without the CJK tables (docs/rules.md).
//!
//! An unknown declaration, or none, keeps the refusal: guessing an encoding
//! would put wrong letters in the reader's text. A `charset` attribute of
//! a `<script>` says how that script is encoded, not the page.

/// Labels of windows-1252 in the Encoding standard.
const WINDOWS_1252: &[&str] = &[
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// windows-1252 bytes 0x80..=0x9F (the rest of the range is Latin-1).
const HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// Labels of UTF-8 in the Encoding standard.
const UTF_8: &[&str] = &[
    "unicode-1-1-utf-8",
    "unicode11utf8",
    "unicode20utf8",
    "utf-8",
    "utf8",
    "x-unicode20utf8",
];

/// Labels of windows-1250 in the Encoding standard.
const WINDOWS_1250: &[&str] = &["cp1250", "windows-1250", "x-cp1250"];

/// Labels of ISO-8859-2 in the Encoding standard.
const ISO_8859_2: &[&str] = &[
    "csisolatin2",
    "iso-8859-2",
    "iso-ir-101",
    "iso8859-2",
    "iso88592",
    "iso_8859-2",
    "iso_8859-2:1987",
    "l2",
    "latin2",
];

/// Bytes searched first for a `<meta charset>`, as a browser prescans.
const PRESCAN: usize = 4096;

/// Labels of UTF-16 in the Encoding standard: in a `<meta>` they mean
/// UTF-8, as the HTML standard says (the tag itself is ASCII).
const UTF_16: &[&str] = &[
    "csunicode",
    "iso-10646-ucs-2",
    "ucs-2",
    "unicode",
    "unicode11utf16",
    "unicodefeff",
    "unicodefffe",
    "utf-16",
    "utf-16be",
    "utf-16le",
];

/// The label of windows-1252 in a `<meta>`, as the HTML standard says.
const X_USER_DEFINED: &str = "x-user-defined";

/// The page decoded as its `<meta>` declares, else `None`. The
/// declaration is looked for in the first bytes, then anywhere before
/// `<body` (a browser that meets it later in the head switches encoding:
/// some pages put it after long inline scripts).
pub fn legacy_html(bytes: &[u8]) -> Option<String> {
    let label = page_label(bytes)?;
    by_table(&label, bytes).or_else(|| by_standard(&label, bytes))
}

/// The label a page declares (lower-cased) when the tables here do not
/// decode it, else `None`: the page's worker decodes such a page with the
/// browser's `TextDecoder`, as native builds do with `encoding_rs`.
pub fn label_not_decoded_here(bytes: &[u8]) -> Option<String> {
    page_label(bytes).filter(|label| by_table(label, b"").is_none())
}

/// The label declared in the page's head.
fn page_label(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..head_end(bytes)];
    declared(&head[..head.len().min(PRESCAN)]).or_else(|| declared(head))
}

/// The page decoded by a hand table, if `label` names one.
fn by_table(label: &str, bytes: &[u8]) -> Option<String> {
    let decode = |byte: fn(u8) -> char| Some(bytes.iter().map(|&b| byte(b)).collect());
    if UTF_8.contains(&label) || UTF_16.contains(&label) {
        Some(String::from_utf8_lossy(bytes).into_owned())
    } else if WINDOWS_1252.contains(&label) || label == X_USER_DEFINED {
        decode(windows_1252)
    } else if WINDOWS_1250.contains(&label) {
        decode(windows_1250)
    } else if ISO_8859_2.contains(&label) {
        decode(iso_8859_2)
    } else {
        None
    }
}

/// The page decoded by `encoding_rs` for any other label of the standard;
/// its "replacement" labels (`iso-2022-kr`, `hz-gb-2312`) are refused, as
/// the browser's `TextDecoder` refuses them.
#[cfg(feature = "encodings")]
fn by_standard(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())?;
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}

/// Without the feature (the wasm build), the caller decodes first.
#[cfg(not(feature = "encodings"))]
fn by_standard(_label: &str, _bytes: &[u8]) -> Option<String> {
    None
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => {
            char::from_u32(u32::from(HIGH[usize::from(byte - 0x80)])).unwrap_or('\u{FFFD}')
        }
        _ => char::from(byte),
    }
}

/// windows-1250 bytes 0x80..=0xBF (bytes it leaves undefined map to the
/// control of the same number, as the Encoding standard says).
const WINDOWS_1250_HIGH: [u16; 64] = [
    0x20AC, 0x0081, 0x201A, 0x0083, 0x201E, 0x2026, 0x2020, 0x2021, 0x0088, 0x2030, 0x0160, 0x2039,
    0x015A, 0x0164, 0x017D, 0x0179, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0098, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141,
    0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB,
    0x013D, 0x02DD, 0x013E, 0x017C,
];

/// ISO-8859-2 bytes 0xA0..=0xBF (below, Latin-1; above, as windows-1250).
const ISO_8859_2_HIGH: [u16; 32] = [
    0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164,
    0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
    0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,
];

/// Bytes 0xC0..=0xFF, the same letters in windows-1250 and ISO-8859-2.
const CENTRAL_LETTERS: [u16; 64] = [
    0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB,
    0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
    0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2, 0x0103,
    0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171,
    0x00FC, 0x00FD, 0x0163, 0x02D9,
];

fn from_table(table: &[u16], at: u8) -> char {
    char::from_u32(u32::from(table[usize::from(at)])).unwrap_or('\u{FFFD}')
}

fn windows_1250(byte: u8) -> char {
    match byte {
        0x80..=0xBF => from_table(&WINDOWS_1250_HIGH, byte - 0x80),
        0xC0..=0xFF => from_table(&CENTRAL_LETTERS, byte - 0xC0),
        _ => char::from(byte),
    }
}

fn iso_8859_2(byte: u8) -> char {
    match byte {
        0xA0..=0xBF => from_table(&ISO_8859_2_HIGH, byte - 0xA0),
        0xC0..=0xFF => from_table(&CENTRAL_LETTERS, byte - 0xC0),
        _ => char::from(byte),
    }
}

/// The first `charset=` label inside a `<meta>` tag, lower-cased.
fn declared(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(offset) = find(&lower[from..], b"<meta") {
        let start = from + offset;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(label) = label_in(&lower[start..end]) {
            return Some(label);
        }
        from = end;
    }
    None
}

/// Where the page's body starts (`<body`, any case), or its end.
fn head_end(bytes: &[u8]) -> usize {
    bytes
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<body"))
        .unwrap_or(bytes.len())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The label after `charset=` in one tag.
fn label_in(tag: &[u8]) -> Option<String> {
    let at = find(tag, b"charset=")? + 8;
    let rest = &tag[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    Some(String::from_utf8_lossy(&rest[..end]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_latin1_decodes_as_windows_1252() {
        let page = b"<meta charset=\"ISO-8859-1\"><p>Gr\xfc\xdfe \x93so\x94</p>";
        assert_eq!(
            legacy_html(page).as_deref(),
            Some("<meta charset=\"ISO-8859-1\"><p>Grüße “so”</p>")
        );
    }

    #[test]
    fn a_declaration_after_long_head_scripts_still_counts() {
        let mut page = b"<html><head><script>".to_vec();
        page.extend(std::iter::repeat_n(b'x', 3 * PRESCAN));
        page.extend(b"</script><meta charset=iso-8859-1></head><body><p>Caf\xe9 cr\xe8me</p>");
        let text = legacy_html(&page).unwrap();
        assert!(text.contains("Café crème"), "{}", &text[text.len() - 30..]);
        let in_body = b"<html><head></head><body><p>\xe9</p><meta charset=iso-8859-1>";
        assert_eq!(
            legacy_html(in_body),
            None,
            "a declaration in the body is not one"
        );
    }

    #[test]
    fn other_or_missing_declarations_are_not_guessed() {
        assert_eq!(legacy_html(b"<meta charset=x-klingon><p>\xb9</p>"), None);
        assert_eq!(
            legacy_html(b"<meta charset=iso-2022-kr><p>\xb9</p>"),
            None,
            "the standard's replacement labels are refused, as TextDecoder refuses them"
        );
        assert_eq!(legacy_html(b"<p>\xfc</p>"), None);
        assert_eq!(
            legacy_html(b"<script charset=\"utf-8\"></script><p>\xfc</p>"),
            None
        );
    }

    #[test]
    fn central_european_pages_decode_by_their_declaration() {
        assert_eq!(
            legacy_html(b"<meta charset=\"windows-1250\"><p>\xa3\xf3d\x9f \x9cpi</p>").as_deref(),
            Some("<meta charset=\"windows-1250\"><p>\u{141}\u{f3}d\u{17a} \u{15b}pi</p>")
        );
        assert_eq!(
            legacy_html(b"<meta content=\"text/html; charset=ISO-8859-2\"><p>\xa3\xf3d\xbc \xb6pi</p>").as_deref(),
            Some("<meta content=\"text/html; charset=ISO-8859-2\"><p>\u{141}\u{f3}d\u{17a} \u{15b}pi</p>")
        );
    }

    #[test]
    fn a_stray_byte_in_a_declared_utf8_page_shows_as_a_replacement() {
        assert_eq!(
            legacy_html(b"<meta charset=utf-8><p>Caf\xc3\xa9 K\xfcche</p>").as_deref(),
            Some("<meta charset=utf-8><p>Caf\u{e9} K\u{FFFD}che</p>")
        );
    }

    #[test]
    fn utf16_and_user_defined_labels_mean_what_html_says() {
        assert_eq!(
            legacy_html(b"<meta charset=utf-16><p>Caf\xc3\xa9 \xfc</p>").as_deref(),
            Some("<meta charset=utf-16><p>Caf\u{e9} \u{FFFD}</p>")
        );
        assert_eq!(
            legacy_html(b"<meta charset=x-user-defined><p>\x93so\x94</p>").as_deref(),
            Some("<meta charset=x-user-defined><p>\u{201c}so\u{201d}</p>")
        );
    }

    #[test]
    fn only_labels_beyond_the_tables_are_left_to_the_caller() {
        let gbk =
            b"<meta http-equiv=Content-Type content=\"text/html; charset=GB2312\"><p>\xd0\xc2</p>";
        assert_eq!(label_not_decoded_here(gbk).as_deref(), Some("gb2312"));
        assert_eq!(
            label_not_decoded_here(b"<meta charset=x-klingon>").as_deref(),
            Some("x-klingon")
        );
        assert_eq!(
            label_not_decoded_here(b"<meta charset=latin1><p>\xfc</p>"),
            None
        );
        assert_eq!(label_not_decoded_here(b"<meta charset=utf-8>"), None);
        assert_eq!(label_not_decoded_here(b"<p>\xd0\xc2</p>"), None);
    }

    #[cfg(not(feature = "encodings"))]
    #[test]
    fn without_the_feature_other_labels_are_left_to_the_caller() {
        assert_eq!(legacy_html(b"<meta charset=koi8-r><p>\xee</p>"), None);
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn chinese_japanese_and_korean_pages_decode_by_their_declaration() {
        let page = |label: &str, text: &[u8]| {
            let mut page = format!("<meta charset=\"{label}\"><p>").into_bytes();
            page.extend(text);
            let decoded = legacy_html(&page).unwrap();
            decoded[decoded.find("<p>").unwrap() + 3..].to_string()
        };
        assert_eq!(
            page("GB2312", b"\xd0\xc2\xce\xc5\xb1\xa8\xb5\xc0"),
            "新闻报道"
        );
        assert_eq!(page("gbk", b"\xd0\xc2\xce\xc5"), "新闻");
        assert_eq!(page("big5", b"\xb7\x73\xbb\x44"), "新聞");
        assert_eq!(
            page(
                "Shift_JIS",
                b"\x83\x6a\x83\x85\x81\x5b\x83\x58\x91\xac\x95\xf1"
            ),
            "ニュース速報"
        );
        assert_eq!(page("euc-kr", b"\xb4\xba\xbd\xba"), "뉴스");
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn other_single_byte_pages_decode_by_their_declaration() {
        assert_eq!(
            legacy_html(b"<meta charset=koi8-r><p>\xee\xcf\xd7\xcf\xd3\xd4\xc9</p>").as_deref(),
            Some("<meta charset=koi8-r><p>Новости</p>")
        );
    }
}
