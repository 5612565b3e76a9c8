//! Saved pages in the Web's legacy Western encoding. A page that is not
//! UTF-8 but declares a label the WHATWG Encoding standard maps to
//! windows-1252 (`iso-8859-1`, `latin1`, `us-ascii`, `windows-1252`, ...)
//! in its first 4 KiB (`<meta charset>` or `content="...; charset=..."`)
//! is decoded as a browser decodes it. Any other declaration, or none,
//! keeps the refusal: guessing an encoding would put wrong letters in
//! the reader's text.

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

/// The page decoded from windows-1252 when it declares it, else `None`.
pub fn legacy_html(bytes: &[u8]) -> Option<String> {
    let label = declared(&bytes[..bytes.len().min(4096)])?;
    if !WINDOWS_1252.contains(&label.as_str()) {
        return None;
    }
    Some(bytes.iter().map(|&b| windows_1252(b)).collect())
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => {
            char::from_u32(u32::from(HIGH[usize::from(byte - 0x80)])).unwrap_or('\u{FFFD}')
        }
        _ => char::from(byte),
    }
}

/// The first `charset=` label in the head, lower-cased.
fn declared(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
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
    fn other_or_missing_declarations_are_not_guessed() {
        assert_eq!(legacy_html(b"<meta charset=windows-1250><p>\xb9</p>"), None);
        assert_eq!(legacy_html(b"<p>\xfc</p>"), None);
    }
}
