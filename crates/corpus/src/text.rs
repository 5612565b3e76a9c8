//! Word-level tokens with byte spans. Every analysis stage works on the same
//! tokens so that spans agree between stages, and every span is a valid
//! `&str` slice (token boundaries are always character boundaries).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with inner digits, hyphens, apostrophes or dots
    /// ("U.S.", "Su-35", "short-range", "didn't", "Gen.", "F.").
    Word,
    /// Digits with thousands separators or decimals ("1,000", "3.5").
    Number,
    /// The possessive "'s" / "’s" (or a lone "'" after a plural).
    Possessive,
    /// Anything else, one character at a time.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The text without a trailing abbreviation dot.
    pub fn bare(&self) -> &str {
        if self.text.len() > 1 {
            self.text.strip_suffix('.').unwrap_or(self.text)
        } else {
            self.text
        }
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is(&self, punct: &str) -> bool {
        self.text == punct
    }
}

/// Abbreviations whose dot belongs to the word (titles, months, company and
/// address forms). Kept short on purpose: a dotted acronym ("U.S.") and a
/// single initial ("F.") keep their dot by shape.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Brig",
    "Sen", "Rep", "Gov", "Rev", "St", "Mt", "Ft", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
    "Thurs", "Fri", "Sat", "Sun", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "vs", "etc", "approx",
    "est", "al", "Ave", "Blvd", "Dept", "Univ", "Gov't",
];

/// Titles whose abbreviation is never the last word of a sentence.
pub const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Brig",
    "Sen", "Rep", "Gov", "Rev", "St", "Mt", "Ft", "No", "Nos", "vs", "approx", "est",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits a paragraph into tokens. Whitespace is skipped.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut out = Vec::with_capacity(n / 4);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if (d == '-' || d == '.' || d == '&')
                    && at(j + 1).is_some_and(char::is_alphanumeric)
                {
                    // "Su-35", "U.S", "short-range"; not a dot before a
                    // capitalised next word after a lower-case run ("end.Next").
                    // A dot joins single letters ("U.S", "p.m", "e.g") but
                    // not words ("end.Next").
                    let segment = chars[start..j]
                        .iter()
                        .rev()
                        .take_while(|&&(_, c)| c != '.')
                        .count();
                    if d == '.'
                        && segment > 1
                        && !chars[start..j].iter().all(|&(_, c)| c.is_uppercase())
                    {
                        break;
                    }
                    j += 2;
                } else if is_apostrophe(d) && at(j + 1).is_some_and(char::is_alphabetic) {
                    let possessive = matches!(at(j + 1), Some('s' | 'S'))
                        && !at(j + 2).is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            // Keep the dot of a dotted acronym, an initial or an abbreviation.
            if at(j) == Some('.') {
                let word = &text[offset(start)..offset(j)];
                let dotted =
                    word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || initial || ABBREVIATIONS.contains(&word) {
                    j += 1;
                }
            }
            out.push(Tok {
                start: offset(start),
                end: offset(j),
                text: &text[offset(start)..offset(j)],
                kind: TokKind::Word,
            });
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_ascii_digit() {
                    j += 1;
                } else if (d == ',' || d == '.') && at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: offset(start),
                end: offset(j),
                text: &text[offset(start)..offset(j)],
                kind: TokKind::Number,
            });
            i = j;
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && out.last().is_some_and(|t: &Tok| t.end == offset(i))
        {
            out.push(Tok {
                start: offset(i),
                end: offset(i + 2),
                text: &text[offset(i)..offset(i + 2)],
                kind: TokKind::Possessive,
            });
            i += 2;
        } else {
            let kind = if is_apostrophe(c)
                && out
                    .last()
                    .is_some_and(|t: &Tok| t.end == offset(i) && t.text.ends_with(['s', 'S']))
                && !at(i + 1).is_some_and(char::is_alphanumeric)
            {
                TokKind::Possessive
            } else {
                TokKind::Punct
            };
            out.push(Tok {
                start: offset(i),
                end: offset(i + 1),
                text: &text[offset(i)..offset(i + 1)],
                kind,
            });
            i += 1;
        }
    }
    out
}

/// True for characters that open or close a quotation.
pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Lower-case words of a text, for phrase lookups.
pub fn lower_words(tokens: &[Tok]) -> Vec<String> {
    tokens.iter().map(|t| t.text.to_lowercase()).collect()
}

/// Finds `phrase` (lower-case words separated by single spaces) in `words`
/// starting at `from`; returns the token index where it starts.
pub fn find_phrase(words: &[String], phrase: &[&str], from: usize) -> Option<usize> {
    if phrase.is_empty() || words.len() < phrase.len() {
        return None;
    }
    (from..=words.len() - phrase.len())
        .find(|&i| phrase.iter().enumerate().all(|(k, p)| words[i + k] == *p))
}

/// A URL-safe slug: lower-case ASCII letters and digits joined by '-'.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '.' && c != '\'' && c != '’' {
            dash = true;
        }
    }
    out
}

/// Folds common Latin accented letters to ASCII for comparisons.
pub fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ş' | 'ș' => 's',
        'Ş' | 'Ș' => 'S',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

/// A comparison key: accents folded, lower-case, only letters and digits.
pub fn fold_key(text: &str) -> String {
    text.chars()
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Edit distance between two short strings (characters, not bytes).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn possessives_split_from_names() {
        assert_eq!(
            texts("Iran's and Russia’s"),
            ["Iran", "'s", "and", "Russia", "’s"]
        );
        assert_eq!(texts("didn't"), ["didn't"]);
    }

    #[test]
    fn acronyms_initials_and_titles_keep_their_dot() {
        assert_eq!(
            texts("U.S. and D.C. Gen. John F. Kennedy went."),
            ["U.S.", "and", "D.C.", "Gen.", "John", "F.", "Kennedy", "went", "."]
        );
    }

    #[test]
    fn lower_case_abbreviations_keep_their_dots() {
        assert_eq!(
            texts("at 5 p.m. Monday, e.g. here"),
            ["at", "5", "p.m.", "Monday", ",", "e.g.", "here"]
        );
        assert_eq!(texts("the end.Next"), ["the", "end", ".", "Next"]);
    }

    #[test]
    fn designations_hyphens_and_numbers_stay_whole() {
        assert_eq!(
            texts("Su-35 short-range 1,000 3.5 Sunday—citing"),
            [
                "Su-35",
                "short-range",
                "1,000",
                "3.5",
                "Sunday",
                "—",
                "citing"
            ]
        );
    }

    #[test]
    fn slugs_and_keys_fold_accents() {
        assert_eq!(slug("António Guterres"), "antonio-guterres");
        assert_eq!(slug("U.S."), "us");
        assert_eq!(fold_key("Élysée  Palace"), "elysee palace");
        assert_eq!(edit_distance("anthony", "antony"), 1);
    }

    #[test]
    fn every_token_is_a_valid_slice() {
        let s = "«Ça va»—dit-il. Ärger’s 12,5 €.";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
