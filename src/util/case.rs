//! Lower-casing a word for a table look-up without allocating: ASCII and most German words are
//! lowered into a buffer on the stack.

/// Calls `f` with `word` in lower case: `word` itself when it has no upper-case letter, else
/// exactly what [`str::to_lowercase`] gives (as `data::lower_case`), in a stack buffer for words
/// up to 64 bytes (longer words, and words with `Σ`, take an allocation).
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 64;
    let bytes = word.as_bytes();
    if word.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        if word.len() <= MAX {
            let mut buf = [0u8; MAX];
            for (b, w) in buf.iter_mut().zip(bytes) {
                *b = w.to_ascii_lowercase();
            }
            return f(std::str::from_utf8(&buf[..word.len()]).expect("ASCII is UTF-8"));
        }
        return f(&word.to_ascii_lowercase());
    }
    if !word.chars().any(char::is_uppercase) {
        return f(word);
    }
    // `Σ` depends on its neighbours in `str::to_lowercase`
    let mut buf = [0u8; 2 * MAX];
    if word.len() <= MAX && !word.contains('Σ') {
        let mut n = 0;
        let fits = word.chars().flat_map(char::to_lowercase).all(|l| {
            let ok = n + l.len_utf8() <= buf.len();
            if ok {
                n += l.encode_utf8(&mut buf[n..]).len();
            }
            ok
        });
        if fits {
            return f(std::str::from_utf8(&buf[..n]).expect("encoded chars are UTF-8"));
        }
    }
    f(&word.to_lowercase())
}

/// Calls `f` with exactly `word.to_lowercase()` (titlecase letters too, unlike
/// [`with_lower`]), in a stack buffer for words up to 64 bytes without `Σ`.
pub(crate) fn with_to_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        return with_lower(word, f);
    }
    let mut buf = [0u8; 128];
    if word.len() <= 64 && !word.contains('Σ') {
        let mut n = 0;
        let fits = word.chars().flat_map(char::to_lowercase).all(|l| {
            let ok = n + l.len_utf8() <= buf.len();
            if ok {
                n += l.encode_utf8(&mut buf[n..]).len();
            }
            ok
        });
        if fits {
            return f(std::str::from_utf8(&buf[..n]).expect("encoded chars are UTF-8"));
        }
    }
    f(&word.to_lowercase())
}

/// `word.to_lowercase() == lower`, without allocating (but for words with `Σ`).
pub(crate) fn is_lowercase_of(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        return word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b);
    }
    if word.contains('Σ') {
        return word.to_lowercase() == lower;
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

#[cfg(test)]
mod tests {
    use super::{is_lowercase_of, with_lower, with_to_lowercase};

    #[test]
    fn to_lowercase_exactly() {
        for word in [
            "",
            "Treffen",
            "USA",
            "Außenminister",
            "ǅemal",
            "İstanbul",
            "ΣΟΦΊΑΣ",
            "für",
        ] {
            with_to_lowercase(word, |w| assert_eq!(w, word.to_lowercase(), "{word}"));
            assert!(is_lowercase_of(word, &word.to_lowercase()), "{word}");
            assert!(!is_lowercase_of(word, "x"), "{word}");
        }
        assert!(!is_lowercase_of("Treffen", "treffe"));
    }

    #[test]
    fn lowers_like_the_standard_library() {
        let long = "A".repeat(100) + "Ä";
        for word in [
            "",
            "treffen",
            "Treffen",
            "USA",
            "Außenminister",
            "ÖSTERREICH",
            "für",
            "İstanbul",
            "ΣΟΦΊΑΣ",
            "ǅemal",
            long.as_str(),
        ] {
            with_lower(word, |w| {
                assert_eq!(w, crate::data::lower_case(word), "{word}")
            });
        }
    }
}
