//! An article as the checks see it: the original text, a same-length "prose" view in which every
//! byte that is not prose (code, HTML, URLs, Markdown syntax, front matter) is blanked, the prose
//! blocks (paragraphs, headings, list items), the front matter and the suppression comments.
//!
//! Because the prose view keeps every byte offset, extractors scan it and their spans point
//! straight into the file as read.

pub mod dateline;
mod front_matter;
mod markdown;

pub use front_matter::FrontMatter;

use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// Markdown unless the extension says plain text.
    pub fn for_path(path: &str) -> Format {
        match Path::new(path).extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("text") => {
                Format::Plain
            }
            _ => Format::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// A comment in the article (`<!-- ... -->` in Markdown, a `factlint-` line in plain text):
/// the raw body, used for suppressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub range: Range<usize>,
    pub body: String,
}

/// Texts longer than this are analysed a piece at a time ([`Document::segments`]).
pub const SEGMENTED_ABOVE: usize = 4 << 20;
/// The length a piece of a very long text aims for.
const SEGMENT: usize = 1 << 20;

#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub format: Format,
    pub text: String,
    /// Same length as `text`; non-prose bytes replaced by ASCII spaces (line breaks kept).
    pub prose: String,
    pub blocks: Vec<Block>,
    pub front_matter: FrontMatter,
    pub comments: Vec<Comment>,
}

impl Document {
    pub fn parse(path: impl Into<String>, text: String, format: Format) -> Document {
        let front_matter = FrontMatter::parse(&text);
        let body_start = front_matter.range.as_ref().map_or(0, |r| r.end);
        let mut prose = blank_copy(&text);
        let mut blocks = Vec::new();
        let mut comments = Vec::new();
        match format {
            Format::Markdown => {
                markdown::extract(&text, body_start, &mut prose, &mut blocks, &mut comments)
            }
            Format::Plain => {
                plain_extract(&text, body_start, &mut prose, &mut blocks, &mut comments)
            }
        }
        // SAFETY of the byte surgery: only whole UTF-8 sequences were copied or blanked with ASCII.
        let mut prose = String::from_utf8(prose)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        blank_urls(&mut prose);
        Document {
            path: path.into(),
            format,
            text,
            prose,
            blocks,
            front_matter,
            comments,
        }
    }

    /// The ranges of the text to analyse one at a time. An article is analysed whole; a text
    /// longer than [`SEGMENTED_ABOVE`] (an archive pasted into one file, a 50 MB line) is cut
    /// into pieces of about [`SEGMENT`] bytes, each ending at a line break or a sentence end, so
    /// that the analysis (every token, number and time of the text) never holds more than one
    /// piece: memory stays bounded. Checks then compare mentions within a piece only.
    pub fn segments(&self) -> Vec<Range<usize>> {
        let len = self.text.len();
        let mut out = Vec::new();
        if len <= SEGMENTED_ABOVE {
            out.push(0..len);
            return out;
        }
        let bytes = self.prose.as_bytes();
        let mut start = 0;
        while len - start > SEGMENT + SEGMENT / 2 {
            let from = start + SEGMENT;
            let window = &bytes[from..(from + SEGMENT / 2).min(len)];
            // After a line break, else after a sentence end, else after any space; positions
            // after an ASCII byte are always character boundaries.
            let cut = window
                .iter()
                .position(|&b| b == b'\n')
                .or_else(|| {
                    window
                        .windows(2)
                        .position(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
                        .map(|i| i + 1)
                })
                .or_else(|| window.iter().position(|&b| b == b' '));
            let Some(cut) = cut else { break };
            let end = from + cut + 1;
            out.push(start..end);
            start = end;
        }
        out.push(start..len);
        out
    }

    /// The piece `range` of this document on its own: its text, prose and blocks, with
    /// offsets counted from `range.start` (shift findings back with [`Diagnostic::shift`]).
    /// The front matter's date and problems stay; its span only if it lies inside the piece.
    ///
    /// [`Diagnostic::shift`]: crate::diagnostic::Diagnostic::shift
    pub fn segment(&self, range: Range<usize>) -> Document {
        let shift = |r: &Range<usize>| r.start - range.start..r.end - range.start;
        let blocks = self
            .blocks
            .iter()
            .filter_map(|b| {
                let r = b.range.start.max(range.start)..b.range.end.min(range.end);
                (r.start < r.end).then(|| Block {
                    kind: b.kind,
                    range: shift(&r),
                })
            })
            .collect();
        let mut front_matter = self.front_matter.clone();
        front_matter.range = front_matter
            .range
            .filter(|r| range.start <= r.start && r.end <= range.end)
            .map(|r| shift(&r));
        Document {
            path: self.path.clone(),
            format: self.format,
            // Segment ends are character boundaries: after an ASCII byte, or the text's ends.
            text: self.text[range.clone()].to_string(),
            prose: self.prose[range].to_string(),
            blocks,
            front_matter,
            comments: Vec::new(),
        }
    }

    /// The publication date from front matter (`--date` overrides it in the linter).
    pub fn date(&self) -> Option<jiff::civil::Date> {
        self.front_matter.date
    }

    /// The date of the dateline that opens the story ("LUSAKA, April 5, 2019 (Reuters) -"),
    /// after a headline; a yearless one takes the year that puts it nearest `near`.
    pub fn dateline_date(&self, near: Option<jiff::civil::Date>) -> Option<jiff::civil::Date> {
        let first = self
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)?;
        dateline::date(&self.prose[first.range.clone()], near)
    }
}

/// Spaces everywhere but line breaks, so blank prose keeps the line structure.
fn blank_copy(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

/// URLs and e-mail addresses in running text are not prose either.
fn blank_urls(prose: &mut String) {
    use std::sync::{LazyLock, OnceLock};
    // Most articles have none: a substring search is far cheaper than the regex.
    static PROBES: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new(b"://"),
            memchr::memmem::Finder::new(b"www."),
        ]
    });
    let bytes = prose.as_bytes();
    if memchr::memchr(b'@', bytes).is_none() && PROBES.iter().all(|f| f.find(bytes).is_none()) {
        return;
    }
    static URL: OnceLock<regex::Regex> = OnceLock::new();
    let re = URL.get_or_init(|| {
        // ASCII word characters in addresses: Unicode `\w` made this pattern take a millisecond
        // to compile, and addresses are written in ASCII.
        regex::Regex::new(
            r"(?:https?://|www\.)[^\s<>()]+|(?-u:[\w.+-])+@(?-u:[\w-])+\.(?-u:[\w.-])+",
        )
        .unwrap()
    });
    let ranges: Vec<Range<usize>> = re.find_iter(prose).map(|m| m.range()).collect();
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(prose).into_bytes();
    for r in ranges {
        bytes[r].fill(b' ');
    }
    *prose = String::from_utf8(bytes).unwrap_or_default();
}

/// The first paragraph of a plain-text story is its headline when it is one short line without
/// a full stop, with more text after it: headlines are written in title case and in their own
/// shorthand ("Morales to resign tomorrow"), so the checks read them as headings.
fn mark_headline(text: &str, blocks: &mut [Block]) {
    const MAX_HEADLINE: usize = 200;
    if blocks.len() < 2 {
        return;
    }
    let line = text[blocks[0].range.clone()].trim();
    if line.len() <= MAX_HEADLINE && !line.contains('\n') && !line.ends_with('.') {
        blocks[0].kind = BlockKind::Heading;
    }
}

/// Plain text: everything after the front matter is prose, paragraphs are split at blank lines,
/// and whole lines that start with `factlint-` directives (e.g. `# factlint-disable-next-line`)
/// are comments.
fn plain_extract(
    text: &str,
    body_start: usize,
    prose: &mut [u8],
    blocks: &mut Vec<Block>,
    comments: &mut Vec<Comment>,
) {
    let mut para_start: Option<usize> = None;
    let mut offset = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let directive = trimmed
            .strip_prefix('#')
            .or_else(|| trimmed.strip_prefix("//"))
            .map(str::trim_start)
            .filter(|rest| rest.starts_with("factlint-"));
        if let Some(body) = directive {
            comments.push(Comment {
                range: start..start + line.trim_end().len(),
                body: body.to_string(),
            });
            if let Some(s) = para_start.take() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    range: s..start,
                });
            }
            continue;
        }
        if trimmed.is_empty() {
            if let Some(s) = para_start.take() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    range: s..start,
                });
            }
            continue;
        }
        prose[start..offset].copy_from_slice(line.as_bytes());
        para_start.get_or_insert(start);
    }
    if let Some(s) = para_start {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            range: s..text.len(),
        });
    }
    mark_headline(text, blocks);
    // A UTF-8 byte-order mark is not prose.
    if text.starts_with('\u{feff}') {
        prose[..3].fill(b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Document {
        Document::parse("a.md", text.to_string(), Format::Markdown)
    }

    #[test]
    fn prose_keeps_offsets_and_blanks_code() {
        let text = "Hello `code` *world* [link](http://x.y).\n\n```\nthe the\n```\n";
        let doc = md(text);
        assert_eq!(doc.prose.len(), text.len());
        assert!(doc.prose.contains("Hello"));
        assert!(!doc.prose.contains("code"));
        assert!(!doc.prose.contains("the the"));
        assert!(!doc.prose.contains("http"));
        let w = doc.prose.find("world").unwrap();
        assert_eq!(&text[w..w + 5], "world");
        assert!(doc.prose.contains("link"));
    }

    #[test]
    fn a_plain_text_story_opens_with_its_headline() {
        let doc = Document::parse(
            "a.txt",
            "Morales to resign tomorrow\n\nLA PAZ - The president said so.\n".into(),
            Format::Plain,
        );
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Heading, BlockKind::Paragraph]);
        // A first sentence, or a lone line, is no headline.
        for text in ["The president resigned.\n\nMore.\n", "Only a line\n"] {
            let doc = Document::parse("a.txt", text.into(), Format::Plain);
            assert_eq!(doc.blocks[0].kind, BlockKind::Paragraph, "{text}");
        }
    }

    #[test]
    fn front_matter_is_skipped_and_read() {
        let doc = md("---\ntitle: The the\ndate: 2019-11-09\n---\nBody text.\n");
        assert_eq!(doc.date().unwrap().to_string(), "2019-11-09");
        assert!(!doc.prose.contains("The the"));
        assert!(doc.prose.contains("Body text."));
    }

    #[test]
    fn html_comments_are_collected_not_prose() {
        let doc = md("Text <!-- factlint-disable x.y --> more.\n\n<!-- block -->\n");
        assert!(!doc.prose.contains("factlint"));
        assert_eq!(doc.comments.len(), 2);
        assert!(doc.comments[0].body.contains("factlint-disable x.y"));
    }

    #[test]
    fn bare_urls_are_blanked() {
        let doc = md("See https://example.com/the/the page.\n");
        assert!(!doc.prose.contains("example"));
    }

    #[test]
    fn plain_text_paragraphs() {
        let doc = Document::parse("a.txt", "One.\nTwo.\n\nThree.\n".into(), Format::Plain);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.prose, doc.text);
    }

    #[test]
    fn blocks_cover_paragraphs_and_headings() {
        let doc = md("# Title\n\nPara one.\n\n- item one\n- item two\n");
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
    }
}

#[cfg(test)]
mod segment_tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_into_contiguous_pieces_at_sentence_ends() {
        let sentence = "The mayor of Santa Cruz, Bolivia, said 1,200 people marched. ";
        let text = sentence.repeat(SEGMENTED_ABOVE / sentence.len() * 2) + "\nEnd.";
        let doc = Document::parse("long.md", text.clone(), Format::Markdown);
        let pieces = doc.segments();
        assert!(pieces.len() >= 6, "{}", pieces.len());
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces.last().unwrap().end, text.len());
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with(". "), "cut mid-sentence");
            assert!(w[0].len() <= SEGMENT + SEGMENT / 2 + 1);
        }
        // A piece on its own: same bytes, offsets from its start.
        let piece = doc.segment(pieces[1].clone());
        assert_eq!(piece.text, text[pieces[1].clone()]);
        assert_eq!(piece.blocks.len(), 1);
        assert_eq!(piece.blocks[0].range.start, 0);
    }

    #[test]
    fn an_article_is_one_piece() {
        let doc = Document::parse("a.md", "Short text.".into(), Format::Markdown);
        let pieces = doc.segments();
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0], 0..11);
    }
}
