//! Reading an article: bytes → UTF-8 text, and the line index every reporter uses to turn
//! byte offsets into line/column numbers.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why an input could not be linted. Each maps to one clear line on stderr and exit status 2.
#[derive(Debug)]
pub enum SourceError {
    Io(std::io::Error),
    /// Not valid UTF-8: `offset` is the first bad byte, `line` its 1-based line.
    InvalidUtf8 {
        offset: usize,
        line: usize,
    },
    /// Looks binary (NUL bytes): not an article.
    Binary,
    /// Not a regular file (FIFO, socket, device): never opened, so never blocking.
    NotAFile,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Io(e) => write!(f, "{e}"),
            SourceError::InvalidUtf8 { offset, line } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}, line {line}); \
                 convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`"
            ),
            SourceError::Binary => {
                write!(f, "looks like a binary file (contains NUL bytes); skipped")
            }
            SourceError::NotAFile => {
                write!(f, "not a regular file (a FIFO, socket or device); skipped")
            }
        }
    }
}

/// Decodes raw bytes into text. UTF-8 (with or without BOM) is kept byte for byte, so spans
/// are offsets into the file as read. UTF-16 with a BOM is transcoded; `transcoded` is then
/// set so `--fix` refuses to write the file back.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, SourceError> {
    if let Some(text) = decode_utf16_bom(&bytes) {
        return Ok(Decoded {
            text,
            transcoded: true,
        });
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err(SourceError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            transcoded: false,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(SourceError::InvalidUtf8 { offset, line })
        }
    }
}

pub struct Decoded {
    pub text: String,
    pub transcoded: bool,
}

fn decode_utf16_bom(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Reads a named file. FIFOs and devices are refused before opening, so a stray pipe never blocks.
pub fn read_path(path: &Path) -> Result<Decoded, SourceError> {
    let meta = std::fs::metadata(path).map_err(SourceError::Io)?;
    if meta.is_dir() {
        return Err(SourceError::Io(std::io::Error::other("is a directory")));
    }
    if !meta.is_file() {
        return Err(SourceError::NotAFile);
    }
    let bytes = std::fs::read(path).map_err(SourceError::Io)?;
    decode(bytes)
}

pub fn read_stdin() -> Result<Decoded, SourceError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(SourceError::Io)?;
    decode(bytes)
}

/// Byte offset → line and column, computed once per file at the reporting edge.
///
/// A column is counted from the start of its line, which is cheap on ordinary lines; on a long
/// line (a whole article on one line, thousands of findings on it) counting from the line start
/// for every finding would be quadratic, so counts from checkpoints every [`CHECKPOINT`] bytes
/// are used instead (built on first need). An index belongs to one text: pass the same text to
/// every call.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters and UTF-16 units before each multiple of [`CHECKPOINT`] bytes.
    checkpoints: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between column checkpoints, and the prefix length from which they are used.
const CHECKPOINT: usize = 64;

/// A position for reporters: 1-based line; 1-based column in Unicode scalar values, in UTF-16
/// code units and in bytes (each consumer wants its own unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf16: usize,
    pub column_byte: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Room for lines of about sixty bytes, so that most texts never grow the vector.
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 2);
        line_starts.push(0);
        // A lone CR ends a line too (old Mac files); CRLF counts once, at the LF.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        LineIndex {
            line_starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let (chars, utf16) = if offset - start <= CHECKPOINT {
            units(&text.as_bytes()[start..offset])
        } else {
            let (c1, u1) = self.units_before(text, offset);
            let (c0, u0) = self.units_before(text, start);
            (c1 - c0, u1 - u0)
        };
        Position {
            line: line + 1,
            column: chars + 1,
            column_utf16: utf16 + 1,
            column_byte: offset - start + 1,
        }
    }

    /// Characters and UTF-16 units in `text[..offset]`, from the nearest checkpoint.
    fn units_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let table = self.checkpoints.get_or_init(|| {
            let mut table = vec![(0, 0)];
            let (mut c, mut u) = (0, 0);
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                let (dc, du) = units(chunk);
                c += dc;
                u += du;
                table.push((c, u));
            }
            table
        });
        let i = (offset / CHECKPOINT).min(table.len() - 1);
        let (c, u) = table[i];
        let (dc, du) = units(&text.as_bytes()[i * CHECKPOINT..offset]);
        (c + dc, u + du)
    }
}

/// Characters and UTF-16 code units in a run of UTF-8 bytes, which may start or end inside a
/// character: each character is counted at its first byte (a 4-byte one is 2 UTF-16 units).
pub fn units(bytes: &[u8]) -> (usize, usize) {
    // Eight bytes at a time: every finding's column is counted from a checkpoint (or its line
    // start), and the checkpoints from the text's start.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte, 1 for 0b10xx_xxxx (a continuation byte) and for 0b1111_xxxx (the first byte
    // of a 4-byte character), 0 otherwise (zero bytes too).
    let flags = |w: u64| {
        (
            (w & !(w << 1) & HIGH) >> 7,
            (w & (w << 1) & (w << 2) & (w << 3) & HIGH) >> 7,
        )
    };
    // The flags are added up per byte lane, and the lanes summed before one can overflow.
    let (mut continuation, mut wide) = (0, 0);
    let (mut lanes_c, mut lanes_w, mut added) = (0u64, 0u64, 0);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("chunks of 8"));
        // Eight ASCII bytes (most of an English text) add nothing.
        if w & HIGH == 0 {
            continue;
        }
        let (c, d) = flags(w);
        lanes_c += c;
        lanes_w += d;
        added += 1;
        if added == 255 {
            continuation += sum_lanes(lanes_c);
            wide += sum_lanes(lanes_w);
            (lanes_c, lanes_w, added) = (0, 0, 0);
        }
    }
    let rest = words.remainder().len();
    if rest > 0 {
        // The last bytes as one word: the run's last eight shifted past the counted ones, or
        // (in a shorter run) the bytes themselves, zero-padded.
        let w = match bytes.last_chunk::<8>() {
            Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - rest)),
            None => bytes.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
        };
        let (c, d) = flags(w);
        lanes_c += c;
        lanes_w += d;
    }
    continuation += sum_lanes(lanes_c);
    wide += sum_lanes(lanes_w);
    let chars = bytes.len() - continuation;
    (chars, chars + wide)
}

/// The sum of the eight byte lanes of `w` (each at most 255).
fn sum_lanes(w: u64) -> usize {
    const PAIRS: u64 = 0x00FF_00FF_00FF_00FF;
    // Four 16-bit lanes, then their sum in the top one.
    let pairs = (w & PAIRS) + ((w >> 8) & PAIRS);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_counts_like_chars_and_utf16() {
        // Mixed with ASCII runs long enough to fill whole eight-byte words.
        let text = "aé😀日\u{301}x, then sixteen ASCII ".repeat(5);
        // Every slice, including ones that start or end inside a character.
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                let wide = bytes.iter().filter(|&&b| b >= 0xF0).count();
                assert_eq!(units(bytes), (chars, chars + wide), "{start}..{end}");
            }
        }
    }

    #[test]
    fn units_counts_long_runs() {
        // Past the 255 words after which the per-lane sums are added up.
        for text in ["😀".repeat(1000), "é".repeat(3000), "x".repeat(5000)] {
            for end in [8, 2039, 2040, 2041, 2047, text.len()] {
                let bytes = &text.as_bytes()[..end];
                let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                let wide = bytes.iter().filter(|&&b| b >= 0xF0).count();
                assert_eq!(units(bytes), (chars, chars + wide), "{end}");
            }
        }
    }

    #[test]
    fn columns_in_every_unit() {
        let text = "ab\né😀x\r\ny";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let p = idx.position(text, x);
        assert_eq!(
            (p.line, p.column, p.column_utf16, p.column_byte),
            (2, 3, 4, 7)
        );
        let y = text.find('y').unwrap();
        assert_eq!(idx.position(text, y).line, 3);
    }

    #[test]
    fn columns_on_long_lines_match_counting_from_the_line_start() {
        // Far past several checkpoints, with multi-byte characters straddling them.
        let line: String = (0..5000).map(|i| ["a", "é", "東", "😀"][i % 4]).collect();
        let text = format!("first\r\n{line}\rlast");
        let idx = LineIndex::new(&text);
        let start = text.find('a').unwrap();
        for (offset, _) in text.char_indices().step_by(97) {
            let p = idx.position(&text, offset);
            let ls = idx.line_starts()[p.line - 1];
            let prefix = &text[ls..offset];
            assert_eq!(p.column, prefix.chars().count() + 1, "{offset}");
            assert_eq!(
                p.column_utf16,
                prefix.encode_utf16().count() + 1,
                "{offset}"
            );
            assert_eq!(p.column_byte, offset - ls + 1);
            if offset >= start && offset < start + line.len() {
                assert_eq!(p.line, 2);
            }
        }
        let end = idx.position(&text, text.len());
        assert_eq!((end.line, end.column), (3, 5));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let text = "a\rb";
        assert_eq!(LineIndex::new(text).position(text, 2).line, 2);
    }

    #[test]
    fn invalid_utf8_is_located() {
        match decode(b"ok\nbad \xff here".to_vec()) {
            Err(SourceError::InvalidUtf8 { offset, line }) => assert_eq!((offset, line), (7, 2)),
            _ => panic!("expected an UTF-8 error"),
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode(b"a\0b".to_vec()), Err(SourceError::Binary)));
    }

    #[test]
    fn utf16_with_bom_is_transcoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hé".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(bytes).ok().unwrap();
        assert_eq!(d.text, "Hé");
        assert!(d.transcoded);
    }
}
