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

#[cfg(test)]
mod tests {
    use super::with_lower;

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
