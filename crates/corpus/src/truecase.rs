//! Title Case and ALL CAPS lines back to the case of running text, for
//! the name finder.
//!
//! Why: a headline in Title Case ("Ellen Park To Host Awards Night")
//! capitalises every word, so a name finder that reads capitals sees one
//! long name and no words; in ALL CAPS ("TRIAL DATE SET FOR MAN ACCUSED")
//! it sees nothing it can trust. Truecasers used by taggers restore the
//! case a word has in running text; here the running text is the
//! article's own body: a word the body writes in lower case, in any of
//! its forms ("host", "hosting"), is a common word, a closed-class word ("to", "for") always
//! is, and any other word keeps its capital (a name), as does a word the
//! body writes capitalised next to the same neighbour inside a sentence
//! ("New Orleans", though the body also writes "a new coach"). An ALL CAPS word the
//! body does not write in capitals ("MILLOM") becomes "Millom"; one it
//! does ("NATO") stays.
//!
//! Only ASCII letters change case, so the result has the same length and
//! every span found in it points into the original text.

use crate::lexicon::lexicon;
use crate::stem::stem;
use crate::text::tokenize;
use std::collections::HashSet;

/// Words a Title Case or ALL CAPS line must have to be read as one.
const MIN_WORDS: usize = 3;

/// How the body writes its words.
#[derive(Debug, Default)]
pub struct BodyCase {
    /// Stems of the words written in lower case somewhere ("nominated"
    /// makes "Nominates" a common word).
    lower: HashSet<String>,
    /// Words written in capitals throughout a word of two letters or more
    /// ("NATO", "FBI").
    upper: HashSet<String>,
    /// Pairs of capitalised words the body writes together inside a
    /// sentence ("New Orleans"): parts of one name, kept whatever case
    /// the body gives each word alone ("a new coach").
    names: HashSet<(String, String)>,
}

impl BodyCase {
    /// Reads the case of every word of the body's paragraphs.
    pub fn of<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> BodyCase {
        let mut case = BodyCase::default();
        for p in paragraphs {
            if headline_case(p).is_some() {
                continue;
            }
            let tokens = tokenize(p);
            for t in tokens.iter().filter(|t| t.is_word()) {
                let first = t.text.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    case.lower.insert(stem(&t.text.to_lowercase()));
                } else if is_all_caps(t.text) {
                    case.upper.insert(t.text.to_string());
                }
            }
            case.names.extend(name_pairs(&tokens));
        }
        case
    }

    fn is_name_pair(&self, a: &str, b: &str) -> bool {
        self.names.contains(&(a.to_string(), b.to_string()))
    }

    fn is_common(&self, word: &str) -> bool {
        self.lower.contains(&stem(&word.to_lowercase()))
            || lexicon().is_function_word(&capitalised(word))
    }
}

/// How a line is cased when it is not running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadlineCase {
    /// Every word of three letters or more starts with a capital, but
    /// closed-class words may not.
    Title,
    /// No lower-case letter at all.
    AllCaps,
}

/// Is the line in Title Case (every word of three letters or more but
/// closed-class ones capitalised) or ALL CAPS, and long enough to tell?
pub fn headline_case(text: &str) -> Option<HeadlineCase> {
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word() && t.text.chars().any(char::is_alphabetic))
        .map(|t| t.text)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    if words.iter().all(|w| is_all_caps(w) || !has_letters(w)) {
        return Some(HeadlineCase::AllCaps);
    }
    // Title Case leaves short closed-class words in lower case ("Patch
    // for Internet Explorer", "Man and His Dog"). Running text is told at
    // its first long word in lower case: every paragraph is asked.
    let long = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .filter(|w| !lexicon().is_function_word(&capitalised(w)));
    let mut long_words = 0;
    for word in long {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        long_words += 1;
    }
    (long_words >= MIN_WORDS).then_some(HeadlineCase::Title)
}

/// The line as running text would case it (unchanged when it is running
/// text already). The first word keeps its capital.
pub fn sentence_case(text: &str, body: &BodyCase) -> String {
    let Some(case) = headline_case(text) else {
        return text.to_string();
    };
    let mut out = text.to_string();
    let tokens = tokenize(text);
    let words: Vec<&crate::text::Tok> = tokens.iter().filter(|t| t.is_word()).collect();
    let mut first = true;
    for (k, t) in words.iter().enumerate() {
        if !has_letters(t.text) {
            continue;
        }
        let in_name = k
            .checked_sub(1)
            .is_some_and(|p| body.is_name_pair(words[p].text, t.text))
            || words
                .get(k + 1)
                .is_some_and(|n| body.is_name_pair(t.text, n.text));
        let cased = match case {
            HeadlineCase::Title if first || in_name => None,
            HeadlineCase::Title => body.is_common(t.text).then(|| t.text.to_ascii_lowercase()),
            HeadlineCase::AllCaps if first || !body.is_common(t.text) => {
                (!body.upper.contains(t.text)).then(|| capitalised(t.text))
            }
            HeadlineCase::AllCaps => Some(t.text.to_ascii_lowercase()),
        };
        first = false;
        if let Some(word) = cased {
            out.replace_range(t.start..t.end, &word);
        }
    }
    out
}

/// Adjacent capitalised words inside a sentence (not its first word).
fn name_pairs(tokens: &[crate::text::Tok]) -> Vec<(String, String)> {
    let starts_capitalised =
        |t: &crate::text::Tok| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    tokens
        .windows(3)
        .filter(|w| !w[0].text.ends_with(['.', '!', '?', ':']) && w[0].text != "\"")
        .filter(|w| starts_capitalised(&w[1]) && starts_capitalised(&w[2]))
        .map(|w| (w[1].text.to_string(), w[2].text.to_string()))
        .collect()
}

fn has_letters(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// "MILLOM" → "Millom" (ASCII letters only, so the length stays).
fn capitalised(word: &str) -> String {
    let mut out = word.to_ascii_lowercase();
    if let Some(c) = out.get(0..1) {
        let upper = c.to_ascii_uppercase();
        out.replace_range(0..1, &upper);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> BodyCase {
        BodyCase::of([
            "The council will be hosting the awards night in the old town hall.",
            "A trial date was set for the man accused of the fire at the NATO depot.",
        ])
    }

    #[test]
    fn title_case_headline_keeps_names_and_lowers_common_words() {
        assert_eq!(
            sentence_case("Ellen Park To Host Awards Night", &body()),
            "Ellen Park to host awards night"
        );
    }

    #[test]
    fn title_case_may_leave_short_closed_class_words_in_lower_case() {
        assert_eq!(
            sentence_case(
                "Ellen Park Set to Host Awards Night for the Council",
                &body()
            ),
            "Ellen Park set to host awards night for the council"
        );
        assert_eq!(
            headline_case("Fire at the Town Hall"),
            Some(HeadlineCase::Title)
        );
    }

    #[test]
    fn a_name_the_body_writes_whole_keeps_a_word_it_writes_alone_in_lower_case() {
        let body = BodyCase::of([
            "The New Haven Rovers signed a new goalkeeper on Monday.",
            "New players arrive in May.",
        ]);
        assert_eq!(
            sentence_case("Keeper Joins New Haven Rovers", &body),
            "Keeper Joins New Haven Rovers"
        );
        assert_eq!(
            sentence_case("Rovers Sign New Keeper", &body),
            "Rovers sign new Keeper"
        );
    }

    #[test]
    fn all_caps_headline_lowers_common_words_and_capitalises_the_rest() {
        assert_eq!(
            sentence_case(
                "TRIAL DATE SET FOR MAN ACCUSED OF FIRE IN MILLBROOK",
                &body()
            ),
            "Trial date set for man accused of fire in Millbrook"
        );
    }

    #[test]
    fn an_acronym_the_body_writes_in_capitals_stays() {
        assert_eq!(
            sentence_case("FIRE AT NATO DEPOT", &body()),
            "Fire at NATO depot"
        );
    }

    #[test]
    fn running_text_and_short_lines_are_left_alone() {
        let text = "Ellen Park will host the awards night, the council said.";
        assert_eq!(sentence_case(text, &body()), text);
        assert_eq!(headline_case("Quake Hits"), None);
    }

    #[test]
    fn the_length_never_changes() {
        let text = "ÉLECTION À PARIS: MAYOR WINS AGAIN";
        assert_eq!(sentence_case(text, &body()).len(), text.len());
    }
}
