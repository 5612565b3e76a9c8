//! The URL is the serialised view state: `ViewState::from_hash` and
//! `ViewState::to_hash` are the only places that know the URL format, so
//! links, back/forward and reloads all work from one place.
//!
//! Format (hash routing, so any static host serves every view without
//! rewrites): `#/` for the library, `#/article/<id>` for the reader, with
//! query parameters `removed=1` (show removed page chrome) and `p=<n>`
//! (paragraph to scroll to).

/// Which page is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Library,
    Article { id: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub page: Page,
    /// The reader lists what ingestion removed from the page.
    pub show_removed: bool,
    /// Paragraph of the article to bring into view.
    pub paragraph: Option<usize>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            page: Page::Library,
            show_removed: false,
            paragraph: None,
        }
    }
}

/// What was wrong with a URL that had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlRepair(pub String);

impl ViewState {
    pub fn library() -> Self {
        ViewState::default()
    }

    pub fn article(id: &str) -> Self {
        ViewState {
            page: Page::Article { id: id.to_string() },
            ..ViewState::default()
        }
    }

    /// Parses a location hash (with or without the leading `#`). Anything it
    /// cannot read is dropped and reported, never an error.
    pub fn from_hash(hash: &str) -> (ViewState, Option<UrlRepair>) {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let mut repairs = Vec::new();
        let page = match segments.as_slice() {
            [] => Page::Library,
            [kind, id] if kind == "article" && !id.is_empty() => Page::Article { id: id.clone() },
            _ => {
                repairs.push(format!("the address “{path}” is not a view of this site"));
                Page::Library
            }
        };
        let mut state = ViewState {
            page,
            ..ViewState::default()
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("removed", "1") => state.show_removed = true,
                ("removed", "0") => {}
                ("p", n) if n.parse::<usize>().is_ok() => state.paragraph = n.parse().ok(),
                _ => repairs.push(format!(
                    "the setting “{}” was not understood",
                    percent_decode(pair)
                )),
            }
        }
        if state.page == Page::Library && (state.show_removed || state.paragraph.is_some()) {
            state.show_removed = false;
            state.paragraph = None;
        }
        let repair = (!repairs.is_empty()).then(|| {
            UrlRepair(format!(
                "{}; it was ignored.",
                capitalise(&repairs.join("; "))
            ))
        });
        (state, repair)
    }

    /// The hash for this state, starting with `#`.
    pub fn to_hash(&self) -> String {
        let mut hash = match &self.page {
            Page::Library => "#/".to_string(),
            Page::Article { id } => format!("#/article/{}", percent_encode(id)),
        };
        let mut params = Vec::new();
        if self.show_removed {
            params.push("removed=1".to_string());
        }
        if let Some(p) = self.paragraph {
            params.push(format!("p={p}"));
        }
        if !params.is_empty() {
            hash.push('?');
            hash.push_str(&params.join("&"));
        }
        hash
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Percent-encodes everything but unreserved URL characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space); invalid escapes are kept as text.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[at] {
            b'%' if at + 2 < bytes.len() => match (hex(bytes[at + 1]), hex(bytes[at + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    at += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_through_the_hash() {
        let states = [
            ViewState::library(),
            ViewState::article("000_49cd1af24962e648"),
            ViewState {
                show_removed: true,
                paragraph: Some(3),
                ..ViewState::article("a b/ü")
            },
        ];
        for state in states {
            let (parsed, repair) = ViewState::from_hash(&state.to_hash());
            assert_eq!(parsed, state);
            assert_eq!(repair, None);
        }
    }

    #[test]
    fn empty_and_bare_hashes_are_the_library() {
        assert_eq!(ViewState::from_hash("").0, ViewState::library());
        assert_eq!(ViewState::from_hash("#").0, ViewState::library());
        assert_eq!(ViewState::from_hash("#/").0, ViewState::library());
    }

    #[test]
    fn malformed_hash_is_repaired_with_a_notice() {
        let (state, repair) = ViewState::from_hash("#/nonsense/1/2?zoom=9");
        assert_eq!(state, ViewState::library());
        let notice = repair.unwrap().0;
        assert!(
            notice.contains("/nonsense/1/2") && notice.contains("zoom=9"),
            "{notice}"
        );
    }

    #[test]
    fn unknown_parameters_are_dropped_but_known_ones_kept() {
        let (state, repair) = ViewState::from_hash("#/article/x?removed=1&foo&p=two");
        assert!(state.show_removed);
        assert_eq!(state.paragraph, None);
        assert!(repair.is_some());
    }

    #[test]
    fn percent_decoding_never_panics_on_truncated_escapes() {
        for text in ["%", "%4", "%zz", "a%2", "%C3%A9", "%FF"] {
            let _ = percent_decode(text);
        }
        assert_eq!(percent_decode("%C3%A9t%C3%A9"), "été");
    }
}
