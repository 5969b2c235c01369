//! Diacritic-stripping tables used by `fold` (Latin-1 Supplement, Latin Extended-A/B and
//! Latin Extended Additional). Generated once from Python's `unicodedata` NFKD decomposition
//! plus special cases for letters that do not decompose (ß, æ, œ, ø, ł, đ, ð, þ, ı, ħ, ŋ…).

/// Marker for "no mapping".
pub(super) const X: &str = "\u{0}";

/// U+00C0..U+0250; `X` = no mapping (keep the lower-cased char).
pub(super) static LATIN_C0_24F: [&str; 400] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", X, "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", X, "o",
    "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
    "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
    "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n",
    "n", "n", "n", "n", "n", X, "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r",
    "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z",
    "z", "z", "s", "b", "b", X, X, X, X, "o", "c", "c", X, "d", X, X, X, "e", "e", "e", "f", "f",
    "g", X, "hv", X, "i", "k", "k", "l", X, X, X, "n", X, "o", "o", "oi", "oi", "p", "p", X, X, X,
    X, "", "t", "t", "t", "t", "u", "u", X, X, "y", "y", "z", "z", X, "", "", "", "", X, X, "",
    "w", "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i", "i",
    "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a", "a", "a", X, X, "g",
    "g", "g", "g", "k", "k", "o", "o", "o", "o", X, X, "j", "dz", "dz", "dz", "g", "g", "hv", "w",
    "n", "n", "a", "a", X, X, X, X, "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i",
    "o", "o", "o", "o", "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", X, X, "h", "h",
    "n", "d", "ou", "ou", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o", "o", "o",
    "y", "y", "l", "n", "t", "j", "db", "qp", X, "c", "c", "l", X, X, X, "", "", "b", X, X, "e",
    "e", "j", "j", X, X, "r", "r", "y", "y",
];

/// U+1E00..U+1F00; `X` = no mapping (keep the lower-cased char).
pub(super) static LATIN_1E00_1EFF: [&str; 256] = [
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d",
    "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h",
    "h", "h", "h", "h", "h", "h", "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l",
    "l", "l", "l", "l", "l", "m", "m", "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n",
    "o", "o", "o", "o", "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r",
    "r", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", "w", "w", "w", "w", "w",
    "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t",
    "w", "y", X, "s", "s", "s", "ss", X, "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "y", "y", "y", "y", "y",
    "y", "y", "y", "ll", "ll", "v", "v", "y", "y",
];
