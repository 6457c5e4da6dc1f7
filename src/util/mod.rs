//! Small helpers every stage may use: a fast hash for word tables ([`FastMap`]) and lower-casing
//! without allocation ([`with_lower`]). Nothing here knows about German or news.

mod case;
mod filter;
mod hash;
mod table;

pub(crate) use case::{is_lowercase_of, with_lower, with_to_lowercase};
pub(crate) use filter::EdgeFilter;
pub(crate) use hash::{FastMap, FastSet};
pub(crate) use table::WordTable;
