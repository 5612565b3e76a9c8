//! A list of cue phrases searched in a line in one pass.
//!
//! Why: the chrome rules read every line of every page against dozens of
//! cue lists, and searching a line once per cue (a substring search each)
//! was a tenth of the whole analysis. A `Cues` list keeps, beside its
//! phrases, the pairs of bytes they open with (a 1,024-bit table built at
//! compile time), so a line is walked once and a phrase is compared only
//! where the line holds its first two bytes. What is found is exactly what
//! a search for each phrase finds (tests below, and `overlaps_itself`).

/// Cue phrases in lower case, with the pairs of bytes they start with.
pub struct Cues {
    phrases: &'static [&'static str],
    /// Bit `pair_slot(a, b)` is set when a phrase starts with bytes `a b`.
    starts: [u64; 16],
    /// Bit `i` is set when phrase `i` overlaps itself (`overlaps_itself`).
    overlapping: u64,
}

/// Where the byte pair `a b` is kept in `Cues::starts` (pairs of lower-case
/// letters never share a slot).
const fn pair_slot(a: u8, b: u8) -> usize {
    (((a as usize) << 5) ^ b as usize) & 1023
}

/// Does the phrase end with its own beginning after a byte that is not an
/// ASCII letter or digit ("no, no")? Then two of its occurrences can
/// overlap, the second starting a word, and a search that skips
/// overlapping occurrences (`str::match_indices`, which the rules use) can
/// miss one that a walk through every position finds.
const fn overlaps_itself(phrase: &[u8]) -> bool {
    let n = phrase.len();
    let mut border = 1;
    while border < n {
        let cut = n - border;
        let mut k = 0;
        while k < border && phrase[cut + k] == phrase[k] {
            k += 1;
        }
        if k == border && !phrase[cut - 1].is_ascii_alphanumeric() {
            return true;
        }
        border += 1;
    }
    false
}

impl Cues {
    /// Builds the table of opening byte pairs. Every phrase has at least
    /// two bytes, and one that overlaps itself is among the first 64
    /// (checked at compile time).
    pub const fn new(phrases: &'static [&'static str]) -> Self {
        let mut starts = [0u64; 16];
        let mut overlapping = 0;
        let mut i = 0;
        while i < phrases.len() {
            let bytes = phrases[i].as_bytes();
            assert!(bytes.len() >= 2, "a cue phrase has two bytes or more");
            let slot = pair_slot(bytes[0], bytes[1]);
            starts[slot / 64] |= 1 << (slot % 64);
            if overlaps_itself(bytes) {
                assert!(
                    i < 64,
                    "a phrase that overlaps itself is among the first 64"
                );
                overlapping |= 1 << i;
            }
            i += 1;
        }
        Cues {
            phrases,
            starts,
            overlapping,
        }
    }

    pub fn phrases(&self) -> &'static [&'static str] {
        self.phrases
    }

    /// Some phrase occurs in `lower`, anywhere ("adblocker" in
    /// "noadblocker").
    pub fn occur_in(&self, lower: &str) -> bool {
        self.find(lower, |_, _, _| true)
    }

    /// Some phrase occurs in `lower` as whole words: no letter or digit
    /// right before or after it ("our app" is not in "your apps").
    ///
    /// A phrase that overlaps itself is searched as the rules searched it
    /// before, skipping overlapping occurrences, so that what is found
    /// stays the same.
    pub fn occur_as_words_in(&self, lower: &str) -> bool {
        let whole_words = |at: usize, end: usize| {
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let overlaps = |i: usize| i < 64 && self.overlapping & (1 << i) != 0;
        self.find(lower, |i, at, end| !overlaps(i) && whole_words(at, end))
            || self.overlapping != 0
                && self
                    .phrases
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| overlaps(i))
                    .any(|(_, phrase)| {
                        lower
                            .match_indices(phrase)
                            .any(|(at, _)| whole_words(at, at + phrase.len()))
                    })
    }

    /// Some occurrence `at..end` of phrase `i` that `accept(i, at, end)`
    /// accepts.
    fn find(&self, lower: &str, accept: impl Fn(usize, usize, usize) -> bool) -> bool {
        let bytes = lower.as_bytes();
        bytes.windows(2).enumerate().any(|(at, pair)| {
            let slot = pair_slot(pair[0], pair[1]);
            self.starts[slot / 64] & (1 << (slot % 64)) != 0
                && self.phrases.iter().enumerate().any(|(i, phrase)| {
                    let phrase = phrase.as_bytes();
                    // The pair first: most phrases differ there.
                    phrase[0] == pair[0]
                        && phrase[1] == pair[1]
                        && bytes[at..].starts_with(phrase)
                        && accept(i, at, at + phrase.len())
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search the rules made before: each phrase on its own.
    fn each_phrase_contained(lower: &str, phrases: &[&str]) -> bool {
        phrases.iter().any(|cue| lower.contains(cue))
    }

    fn each_phrase_as_words(lower: &str, phrases: &[&str]) -> bool {
        phrases.iter().any(|cue| {
            lower.match_indices(cue).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + cue.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }

    const SAMPLE: Cues = Cues::new(&[
        "our app",
        "our newsletter",
        "sign up for",
        "sign in",
        "©",
        "/afp",
        "photo:",
        "follow ",
        "ne manquez rien",
        "zaloguj się",
        "únete",
        "lo último",
        "no, no",
    ]);

    const LINES: &[&str] = &[
        "",
        "o",
        "our app",
        "download our app.",
        "your apps are here",
        "our apps",
        "(our app)",
        "sign up for our newsletter",
        "sign inside",
        "sign in",
        "a sign in the window",
        "©2024",
        "x©y",
        "john doe/afp via getty",
        "john doe /afp",
        "photo: jane roe",
        "photo:jane",
        "photos: jane",
        "follow us",
        "followers",
        "ne manquez rien !",
        "zaloguj się.",
        "zaloguj sięx",
        "¡únete!",
        "reúnete",
        "lo último en noticias",
        "our our app app",
        "sign in sign up for",
        "„our app“",
        "no, no, no",
        "xno, no, no",
        "no, no, nox",
        "xno, no, no, no",
    ];

    #[test]
    fn finds_what_a_search_for_each_phrase_finds() {
        for line in LINES {
            assert_eq!(
                SAMPLE.occur_in(line),
                each_phrase_contained(line, SAMPLE.phrases()),
                "{line:?}"
            );
            assert_eq!(
                SAMPLE.occur_as_words_in(line),
                each_phrase_as_words(line, SAMPLE.phrases()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn phrases_sharing_their_first_bytes_are_all_tried() {
        const SHARED: Cues = Cues::new(&["sign in", "sign up", "signal"]);
        assert!(SHARED.occur_as_words_in("please sign up today"));
        assert!(SHARED.occur_as_words_in("a signal"));
        assert!(!SHARED.occur_as_words_in("signals"));
        assert!(SHARED.occur_in("signals"));
        assert!(!SHARED.occur_in("sig"));
    }

    #[test]
    fn a_phrase_that_can_overlap_itself_as_words_is_told() {
        assert!(overlaps_itself(b"no, no"));
        assert!(overlaps_itself(b"a-a"));
        assert!(!overlaps_itself(b"sources"));
        assert!(!overlaps_itself(b"our app"));
        assert!(!overlaps_itself(b"tagged with"));
    }

    #[test]
    fn whole_words_are_told_by_letters_and_digits_of_any_script() {
        const CUE: Cues = Cues::new(&["app"]);
        assert!(CUE.occur_as_words_in("app"));
        assert!(CUE.occur_as_words_in("the app."));
        assert!(!CUE.occur_as_words_in("éapp"));
        assert!(!CUE.occur_as_words_in("app2"));
        assert!(CUE.occur_as_words_in("«app»"));
    }
}
