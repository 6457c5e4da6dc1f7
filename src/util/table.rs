//! [`WordTable`]: a map from lower-case words to small values, built for the look-up every word
//! of every text makes. A word of up to 16 ASCII bytes is lower-cased and hashed as two machine
//! words without leaving registers; other words go through [`with_lower`] and a hash map.

use super::{FastMap, with_lower};

/// Lower-case words to `u32` values (indices, bit sets).
#[derive(Debug, Clone, Default)]
pub(crate) struct WordTable {
    /// Open addressing over the packed short ASCII keys: (first 8 bytes, next 8 bytes, value).
    /// A slot with both halves zero is empty (no key is empty).
    slots: Vec<(u64, u64, u32)>,
    /// Every key, for the words the short table does not take.
    long: FastMap<String, u32>,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `s` (1 to 16) as two little-endian words, zero-padded, by overlapping loads.
fn pack(s: &[u8]) -> (u64, u64) {
    let n = s.len();
    let u64_at = |i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u32::from_le_bytes(s[i..i + 4].try_into().expect("4 bytes")) as u64;
    match n {
        8..=16 => {
            let b = if n > 8 {
                u64_at(n - 8) >> ((16 - n) * 8)
            } else {
                0
            };
            (u64_at(0), b)
        }
        4..=7 => (u32_at(0) | u32_at(n - 4) << ((n - 4) * 8), 0),
        _ => {
            let a = s.iter().rev().fold(0u64, |acc, &c| acc << 8 | c as u64);
            (a, 0)
        }
    }
}

/// ASCII capitals of a packed word in lower case (every byte below 0x80).
fn fold(x: u64) -> u64 {
    let at_least_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let above_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = at_least_a & !above_z & HIGH;
    x | (upper >> 2)
}

fn slot_of(a: u64, b: u64, mask: usize) -> usize {
    let h = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 32) as usize & mask
}

impl WordTable {
    /// A table of `map`'s lower-case words and values.
    pub(crate) fn new(map: FastMap<String, u32>) -> WordTable {
        let size = (map.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0, 0, 0); size];
        let mask = size - 1;
        for (word, &value) in &map {
            if word.is_empty() || word.len() > 16 || !word.is_ascii() {
                continue;
            }
            let (a, b) = pack(word.as_bytes());
            let mut i = slot_of(a, b, mask);
            while slots[i].0 | slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (a, b, value);
        }
        WordTable { slots, long: map }
    }

    /// The value of `word` lower-cased (as `data::lower_case` does it).
    pub(crate) fn get_lower(&self, word: &str) -> Option<u32> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > 16 {
            return with_lower(word, |w| self.long.get(w).copied());
        }
        let (a, b) = pack(bytes);
        if (a | b) & HIGH != 0 {
            return with_lower(word, |w| self.long.get(w).copied());
        }
        self.probe(fold(a), fold(b))
    }

    /// The value of `word` as written.
    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > 16 {
            return self.long.get(word).copied();
        }
        let (a, b) = pack(bytes);
        if (a | b) & HIGH != 0 {
            return self.long.get(word).copied();
        }
        self.probe(a, b)
    }

    fn probe(&self, a: u64, b: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(a, b, mask);
        loop {
            let (x, y, value) = self.slots[i];
            if x == a && y == b {
                return Some(value);
            }
            if x | y == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WordTable;

    #[test]
    fn packs_like_a_padded_copy() {
        let text = b"abcdefghijklmnop";
        for n in 1..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text[..n]);
            let a = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let b = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(super::pack(&text[..n]), (a, b), "{n}");
        }
    }

    #[test]
    fn finds_words_in_any_case() {
        let mut map = super::FastMap::default();
        for (i, w) in [
            "die",
            "treffen",
            "außenminister",
            "zusammenarbeitsabkommen",
            "z",
        ]
        .iter()
        .enumerate()
        {
            map.insert(w.to_string(), i as u32);
        }
        *map.get_mut("die").unwrap() |= 8;
        let t = WordTable::new(map);
        assert_eq!(t.get_lower("Die"), Some(8));
        assert_eq!(t.get_lower("TREFFEN"), Some(1));
        assert_eq!(t.get("Treffen"), None);
        assert_eq!(t.get("treffen"), Some(1));
        assert_eq!(t.get_lower("Außenminister"), Some(2));
        assert_eq!(t.get_lower("Zusammenarbeitsabkommen"), Some(3));
        assert_eq!(t.get_lower("Z"), Some(4));
        assert_eq!(t.get_lower("[die"), None);
        assert_eq!(t.get_lower("@"), None);
        assert_eq!(t.get_lower(""), None);
        assert_eq!(t.get_lower("trEffen"), Some(1));
    }
}
