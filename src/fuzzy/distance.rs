//! Damerau–Levenshtein distance (optimal string alignment: adjacent transpositions count 1,
//! no substring is edited twice), the one edit distance of every name check and of the
//! gazetteer's look-up.
//!
//! Nearly every pair compared is further apart than the caller cares about, so the distance
//! is worked out only within a band around the table's diagonal: a cell more than `max` off
//! it holds more than `max` (each step off it is an edit), so the cells just outside count as
//! `max + 1`; and a cell is never below the smallest of the row above (a transposition comes
//! from two rows up, but then the row above holds a substitution no dearer), so a row with no
//! cell within `max` ends the work.

/// Names up to this many characters are compared without allocating.
const STACK_CHARS: usize = 32;

/// The distance between `a` and `b`; names up to 31 characters are compared without
/// allocating (this is the name checks' inner loop).
pub(crate) fn distance(a: &str, b: &str) -> u32 {
    // No two strings are further apart than the longer one's length (in bytes, at least).
    bounded(a, b, a.len().max(b.len()) as u32)
}

/// [`distance`] when it is at most `max`, else `None`.
pub(crate) fn distance_at_most(a: &str, b: &str, max: u32) -> Option<u32> {
    Some(bounded(a, b, max)).filter(|&d| d <= max)
}

/// [`distance`], or some value above `max` once it is sure to exceed it; on the stack when
/// both strings fit.
fn bounded(a: &str, b: &str, max: u32) -> u32 {
    let (mut ca, mut cb) = (['\0'; STACK_CHARS], ['\0'; STACK_CHARS]);
    let (Some(n), Some(m)) = (chars_into(a, &mut ca), chars_into(b, &mut cb)) else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        return Rows::default().bounded(&a, &b, max);
    };
    let mut rows = [[0u32; STACK_CHARS + 1]; 3];
    let [r0, r1, r2] = &mut rows;
    banded(&ca[..n], &cb[..m], max, [r0, r1, r2])
}

/// Copies the characters of `s` into `buf`; `None` when they do not fit.
fn chars_into(s: &str, buf: &mut [char; STACK_CHARS]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// The rows of the table kept between calls, for a caller comparing one query with many
/// strings of any length (the gazetteer's candidates), so that no comparison allocates.
#[derive(Default)]
pub(crate) struct Rows {
    rows: [Vec<u32>; 3],
}

impl Rows {
    /// The distance between the characters `a` and `b`, or some value above `max` once it is
    /// sure to exceed it.
    pub(crate) fn bounded(&mut self, a: &[char], b: &[char], max: u32) -> u32 {
        for row in &mut self.rows {
            row.clear();
            row.resize(b.len() + 1, 0);
        }
        let [r0, r1, r2] = &mut self.rows;
        banded(a, b, max, [r0, r1, r2])
    }
}

/// The banded table itself, over three rows of at least `b.len() + 1` cells: the one before
/// the previous one (for transpositions), the previous one and the current one, rotated by
/// swapping references.
fn banded(a: &[char], b: &[char], max: u32, rows: [&mut [u32]; 3]) -> u32 {
    let (n, m) = (a.len(), b.len());
    let (over, band) = (max.saturating_add(1), max as usize);
    if n.abs_diff(m) > band {
        return over;
    }
    let [back2, prev, cur] = rows;
    let (mut back2, mut prev, mut cur) = (back2, prev, cur);
    for (j, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = j as u32;
    }
    for i in 1..=n {
        let (low, high) = (i.saturating_sub(band).max(1), i.saturating_add(band).min(m));
        cur[low - 1] = if low == 1 { i as u32 } else { over };
        let mut row_min = cur[low - 1];
        let c = a[i - 1];
        for j in low..=high {
            let cost = u32::from(c != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && c == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(back2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if high < m {
            cur[high + 1] = over;
        }
        if row_min > max {
            return over;
        }
        (back2, prev, cur) = (prev, cur, back2);
    }
    prev[m]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, plainly: what the banded one must agree with.
    fn full(a: &str, b: &str) -> u32 {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i as u32;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j as u32;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = u32::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn known_distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("vilnuis", "vilnius"), 1);
        assert_eq!(distance("phillipines", "philippines"), 2);
        assert_eq!(distance("austria", "australia"), 2);
        assert_eq!(distance("ca", "abc"), 3); // OSA, not unrestricted DL
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("Łódź", "Lodz"), 3); // raw chars, no folding
        let long = "a".repeat(40);
        assert_eq!(distance(&long, "a"), 39);
        assert_eq!(distance(&long, &"b".repeat(45)), 45);
    }

    #[test]
    fn banded_agrees_with_the_full_table() {
        // Transpositions, repeats, non-ASCII letters, and lengths on both sides of the stack
        // limit.
        let words: Vec<String> = (0..300u32)
            .map(|k| {
                let len = (k * 7 % 37) as usize;
                (0..len)
                    .map(|i| ['a', 'b', 'r', 'é'][((k >> (i % 7)) as usize + i * i) % 4])
                    .collect()
            })
            .collect();
        let mut rows = Rows::default();
        for a in &words {
            for b in words.iter().step_by(7) {
                let d = full(a, b);
                assert_eq!(distance(a, b), d, "{a} {b}");
                for max in 0..=4 {
                    let want = (d <= max).then_some(d);
                    assert_eq!(distance_at_most(a, b, max), want, "{a} {b} {max}");
                    let (ca, cb): (Vec<char>, Vec<char>) =
                        (a.chars().collect(), b.chars().collect());
                    let got = rows.bounded(&ca, &cb, max);
                    assert!(if d <= max { got == d } else { got > max }, "{a} {b} {max}");
                }
            }
        }
    }
}
