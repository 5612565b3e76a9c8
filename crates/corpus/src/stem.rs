//! A light English stemmer, shared by the analysis (event threads) and the
//! app's search, so that both fold word forms the same way.

/// A light English stemmer after Porter's first steps: plural endings,
/// then verb endings, then a final silent `e` or `y`. "missiles"/"missile",
/// "deliveries"/"delivery", "supplied"/"supplying"/"supplies" meet. It is
/// conservative: short words, numbers and a few words that only look plural
/// ("news", "this") are left alone.
pub fn stem(word: &str) -> String {
    const KEEP: &[&str] = &[
        "news", "this", "thus", "series", "species", "means", "lens", "always", "perhaps",
    ];
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) || KEEP.contains(&word)
    {
        return word.to_string();
    }
    let long_enough = |base: &str| base.chars().count() >= 3;
    let has_vowel = |base: &str| base.chars().any(|c| "aeiouy".contains(c));
    let mut stem = word.to_string();
    // Plurals.
    if let Some(base) = stem.strip_suffix("sses") {
        stem = format!("{base}ss");
    } else if let Some(base) = stem.strip_suffix("ies").filter(|b| long_enough(b)) {
        stem = format!("{base}y");
    } else if let Some(base) = stem
        .strip_suffix('s')
        .filter(|b| long_enough(b) && !b.ends_with(['s', 'u', 'i']))
    {
        stem = base.to_string();
    }
    // Verb endings.
    if stem.ends_with("eed") {
        // "speed", "agreed": keep.
    } else if let Some(base) = stem
        .strip_suffix("ing")
        .or_else(|| stem.strip_suffix("ed"))
        .filter(|b| long_enough(b) && has_vowel(b))
    {
        let mut base = base.to_string();
        let chars: Vec<char> = base.chars().collect();
        let n = chars.len();
        // "shipping" -> "shipp" -> "ship"; "planned" -> "plan".
        if n >= 4 && chars[n - 1] == chars[n - 2] && !"aeiouylsz".contains(chars[n - 1]) {
            base.pop();
        }
        stem = base;
    }
    // Final silent e ("missile" / "missil-es") and y/i ("supply" / "suppli-ed").
    if stem.ends_with('e') && stem.chars().count() > 4 {
        stem.pop();
    }
    if let Some(base) = stem.strip_suffix('y').filter(|b| long_enough(b)) {
        stem = format!("{base}i");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn word_forms_meet() {
        for (a, b) in [
            ("arrested", "arrests"),
            ("resigned", "resigning"),
            ("earthquakes", "earthquake"),
            ("recalled", "recall"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("news"), "news");
    }
}
