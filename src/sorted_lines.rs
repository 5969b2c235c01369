//! Binary search over embedded text sorted by line (byte order): the generated word and name
//! lists are searched in place, with no table built at start-up (splitting tens of thousands of
//! lines costs more than all the look-ups of a run).

/// Byte offset of the first line of `text` for which `before(line)` is false, where `before`
/// holds for a prefix of the lines (the lines that sort before the one sought); the text's
/// length when it holds for every line.
pub(crate) fn first_line(text: &str, before: impl Fn(&str) -> bool) -> usize {
    let b = text.as_bytes();
    // `lo` and `hi` are always at the start of a line (or at the end of the text).
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = b[lo..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = b[start..hi]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(hi, |i| start + i);
        if before(&text[start..end]) {
            lo = end + 1;
        } else {
            hi = start;
        }
    }
    lo.min(b.len())
}

/// Is `line` a line of `text` (sorted by line)?
pub(crate) fn contains(text: &str, line: &str) -> bool {
    let at = first_line(text, |l| l < line);
    text[at..].lines().next() == Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_and_their_place() {
        let text = "apple\nbanana\ncherry\n";
        for (i, w) in ["apple", "banana", "cherry"].iter().enumerate() {
            assert!(contains(text, w));
            assert_eq!(first_line(text, |l| l < *w), [0, 6, 13][i]);
        }
        for w in ["", "aardvark", "apples", "blueberry", "date"] {
            assert!(!contains(text, w), "{w}");
        }
        assert_eq!(first_line(text, |_| true), text.len());
        assert_eq!(first_line("", |_| true), 0);
        assert!(!contains("", "a"));
    }
}
