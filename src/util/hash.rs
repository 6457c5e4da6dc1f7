//! Hash maps keyed by words. The standard library's SipHash defends against chosen keys, which
//! a table built from our own data does not need; foldhash is several times faster on the short
//! strings that every look-up of every word hashes. The seed is fixed, so iteration order is the
//! same in every run (no output may depend on it anyway).

/// A `HashMap` with foldhash.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A `HashSet` with foldhash.
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
