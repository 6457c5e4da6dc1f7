//! [`EdgeFilter`]: a bit per (first byte, last byte) of the words in a table, so that most
//! words of a text are ruled out before they are lower-cased and hashed.

/// The (first byte, last byte) pairs of a set of words, for a look-up that may lower-case.
#[derive(Debug, Clone)]
pub(crate) struct EdgeFilter {
    bits: Box<[u64; 1024]>,
}

impl Default for EdgeFilter {
    fn default() -> EdgeFilter {
        EdgeFilter {
            bits: Box::new([0; 1024]),
        }
    }
}

impl EdgeFilter {
    /// Adds a word as the table holds it.
    pub(crate) fn insert(&mut self, word: &str) {
        if let (Some(&a), Some(&b)) = (word.as_bytes().first(), word.as_bytes().last()) {
            let i = index(a, b);
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }

    /// False when neither `word` nor its lower-case form (`lower`: ASCII letters lowered at
    /// both ends) can be in the table. A first or last byte outside ASCII always passes: a
    /// capital there may lower to other bytes.
    pub(crate) fn may_hold(&self, word: &str, lower: bool) -> bool {
        let (Some(&a), Some(&b)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return true;
        };
        if !a.is_ascii() || !b.is_ascii() {
            return true;
        }
        let (a, b) = if lower {
            (a.to_ascii_lowercase(), b.to_ascii_lowercase())
        } else {
            (a, b)
        };
        let i = index(a, b);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

fn index(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

#[cfg(test)]
mod tests {
    use super::EdgeFilter;

    #[test]
    fn rules_out_by_the_ends() {
        let mut f = EdgeFilter::default();
        f.insert("treffen");
        f.insert("über");
        assert!(f.may_hold("treffen", false));
        assert!(f.may_hold("Treffen", true));
        assert!(!f.may_hold("Treffen", false));
        assert!(!f.may_hold("Gipfel", true));
        assert!(f.may_hold("Über", true));
        assert!(f.may_hold("", true));
    }
}
