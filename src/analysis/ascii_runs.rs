//! The runs of ASCII letters and digits of an article's prose, in order: where a listed word
//! or phrase of the phrase checks (`checks::support::phrase_scan`) can begin. Found once per article
//! and shared by every phrase set, instead of each set classifying every byte again.

use std::ops::Range;

/// The maximal runs of ASCII letters and digits of a text.
pub(crate) struct AsciiRuns {
    runs: Vec<Run>,
}

/// One run of ASCII letters and digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub range: Range<usize>,
    /// See [`shape`]: computed once here rather than by every phrase set.
    pub shape: u16,
}

/// What the phrase sets filter a run by: its length (up to 63) in bits 10 and up, and the
/// low five bits of its first and last bytes (the same for either case of a letter).
#[inline]
pub(crate) fn shape(len: usize, first: u8, last: u8) -> u16 {
    (len.min(63) << 10 | (first as usize & 31) << 5 | (last as usize & 31)) as u16
}

impl AsciiRuns {
    pub(crate) fn new(bytes: &[u8]) -> AsciiRuns {
        // News prose runs to five or six bytes a word.
        let mut runs = Vec::with_capacity(bytes.len() / 5 + 1);
        let mut open = 0;
        // Was the byte before the block a letter or digit?
        let mut carry = 0;
        for (block, at) in bytes.chunks(64).zip((0..).step_by(64)) {
            let alnum = alnum_bits(block);
            // Bit i: byte i starts a run (if a letter or digit) or ends one (if not).
            let mut edges = alnum ^ (alnum << 1 | carry);
            while edges != 0 {
                let i = edges.trailing_zeros() as usize;
                edges &= edges - 1;
                if alnum >> i & 1 == 1 {
                    open = at + i;
                } else {
                    runs.push(run(bytes, open..at + i));
                }
            }
            carry = alnum >> 63;
        }
        if carry == 1 {
            runs.push(run(bytes, open..bytes.len()));
        }
        AsciiRuns { runs }
    }

    pub(crate) fn runs(&self) -> &[Run] {
        &self.runs
    }
}

fn run(bytes: &[u8], range: Range<usize>) -> Run {
    let shape = shape(range.len(), bytes[range.start], bytes[range.end - 1]);
    Run { range, shape }
}

/// ASCII letters and digits, by byte: a look-up is cheaper than the two range tests of
/// `u8::is_ascii_alphanumeric`.
pub(crate) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits from `p` (for the rare word longer than
/// what is left of its 64-byte block).
pub(crate) fn run_end(bytes: &[u8], mut p: usize) -> usize {
    while p < bytes.len() && ALNUM[bytes[p] as usize] {
        p += 1;
    }
    p
}

/// Bit `i` set when `block[i]` (at most 64 bytes) is an ASCII letter or digit. A short last
/// block is copied into one padded with zeros.
#[inline]
pub(crate) fn alnum_bits(block: &[u8]) -> u64 {
    match <&[u8; 64]>::try_from(block) {
        Ok(full) => alnum_bits_64(full),
        Err(_) => {
            let mut padded = [0u8; 64];
            padded[..block.len()].copy_from_slice(block);
            alnum_bits_64(&padded)
        }
    }
}

/// [`alnum_bits`] of a whole block: eight bytes at a time, each at a fixed shift.
#[inline]
fn alnum_bits_64(block: &[u8; 64]) -> u64 {
    let mut bits = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        bits |= alnum_bytes(x) << (8 * k);
    }
    bits
}

/// Bit `i` (of the low eight) set when byte `i` of `x` (little-endian) is an ASCII letter or
/// digit. Each range test adds a constant to the low seven bits of every byte, which cannot
/// carry into the next byte; shifts then gather the eight high bits into the low byte.
#[inline]
fn alnum_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let in_range =
        |v: u64, lo: u8, hi: u8| (v + ONES * (0x80 - lo as u64)) & !(v + ONES * (0x7f - hi as u64));
    let low7 = x & !HIGH;
    let digit = in_range(low7, b'0', b'9');
    // Setting bit 5 lower-cases ASCII letters (and maps no other byte into a..z).
    let letter = in_range((x | (ONES * 0x20)) & !HIGH, b'a', b'z');
    // Bit 8i holds byte i's answer; fold pairs, then fours, then eights together.
    let mut b = ((digit | letter) & !x & HIGH) >> 7;
    b = (b | b >> 7) & 0x0003_0003_0003_0003;
    b = (b | b >> 14) & 0x0000_000f_0000_000f;
    (b | b >> 28) & 0xff
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_bit_per_letter_or_digit() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(alnum_bits(b""), 0);
        for len in 1..=64 {
            for block in all.windows(len).step_by(7).chain(all.rchunks(len)) {
                let bits = alnum_bits(block);
                for (i, b) in block.iter().enumerate() {
                    let letter_or_digit = bits >> i & 1 == 1;
                    assert_eq!(letter_or_digit, b.is_ascii_alphanumeric(), "{b:#x} at {i}");
                }
                if block.len() < 64 {
                    assert_eq!(bits >> block.len(), 0, "nothing past the end");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn runs_are_the_maximal_runs_of_letters_and_digits(
            text in "[a-z0-9 é.\\-]{0,200}",
        ) {
            let bytes = text.as_bytes();
            let mut expected = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphanumeric() {
                    let start = i;
                    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    expected.push(start..i);
                } else {
                    i += 1;
                }
            }
            let found: Vec<_> = AsciiRuns::new(bytes).runs().iter().map(|r| r.range.clone()).collect();
            prop_assert_eq!(found, expected);
        }
    }
}
