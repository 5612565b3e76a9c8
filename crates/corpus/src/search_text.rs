//! The words of a text as the reader's search sees them: folded (case and
//! accents), cut at anything that is not a letter or digit, and stemmed, each
//! remembering its byte span so matches can be highlighted. The page's search
//! and the search index of a big site's data files (`parts::words`) share it.

use crate::stem::stem;
use std::ops::Range;

/// A word of a text: its stem and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub stem: String,
    pub span: Range<usize>,
}

/// Lowercases and strips accents from Latin letters ("Zolfaghār" → "zolfaghar").
pub fn fold(ch: char) -> char {
    let lower = ch.to_lowercase().next().unwrap_or(ch);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | 'ʼ' | '‘' => '\'',
        other => other,
    }
}

/// Cuts text into folded, stemmed words with their byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let flush = |word: &mut String, start: usize, end: usize, tokens: &mut Vec<Token>| {
        let trimmed = word.trim_matches('\'');
        if !trimmed.is_empty() {
            let base = trimmed.strip_suffix("'s").unwrap_or(trimmed);
            tokens.push(Token {
                stem: stem(base),
                span: start..end,
            });
        }
        word.clear();
    };
    for (at, ch) in text.char_indices() {
        let folded = fold(ch);
        if folded.is_alphanumeric() || (folded == '\'' && !word.is_empty()) {
            if word.is_empty() {
                start = at;
            }
            word.push(folded);
        } else if !word.is_empty() {
            flush(&mut word, start, at, &mut tokens);
        }
    }
    if !word.is_empty() {
        flush(&mut word, start, text.len(), &mut tokens);
    }
    tokens
}
