//! Markdown → prose view, with pulldown-cmark's source offsets.

use super::{Block, BlockKind, Comment};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

pub(super) fn extract(
    text: &str,
    body_start: usize,
    prose: &mut [u8],
    blocks: &mut Vec<Block>,
    comments: &mut Vec<Comment>,
) {
    // Most articles are plain paragraphs under a heading or two; for those the full parser
    // would say exactly what `extract_plain` says, at several times the cost.
    if is_plain(&text.as_bytes()[body_start..]) {
        extract_plain(text, body_start, prose, blocks);
    } else {
        extract_full(text, body_start, prose, blocks, comments);
    }
}

/// Bytes that may begin Markdown syntax inside a line, or change which bytes of a line are
/// text: escapes, code, emphasis, strikethrough, links and footnotes, HTML and autolinks,
/// entities, tables, block quotes, tabs, and control characters (NUL is replaced, CR ends a
/// line).
static SYNTAX: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize;
        b += 1;
    }
    t[0x7f] = true;
    let listed = b"\\`*_[]<>&~|";
    let mut i = 0;
    while i < listed.len() {
        t[listed[i] as usize] = true;
        i += 1;
    }
    t
};

/// The length of the marker of an ATX heading line ("# " to "###### "), when the line is one
/// whose text is simply the rest of the line: one space after the marker, and no closing
/// `#` sequence.
fn heading_marker(line: &[u8]) -> Option<usize> {
    let level = line.iter().take_while(|&&b| b == b'#').count();
    let marker = level + 1;
    let plain = (1..=6).contains(&level)
        && line.get(level) == Some(&b' ')
        && line.get(marker).is_some_and(|&b| b != b' ')
        && line.last() != Some(&b'#');
    plain.then_some(marker)
}

/// Could this non-empty line begin a block other than a paragraph, or continue one in another
/// way (indented code, lists, thematic breaks, setext underlines)? Headings are checked
/// apart.
fn starts_other_block(line: &[u8]) -> bool {
    match line[0] {
        b' ' | b'-' | b'+' | b'=' => true,
        b'0'..=b'9' => {
            let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(line.get(digits), Some(b'.' | b')'))
        }
        _ => false,
    }
}

/// Is the body only paragraphs of plain text and ATX headings, separated by empty lines? Then
/// every line's text is the whole line: no syntax byte, no leading or trailing spaces, no
/// line that could open another kind of block.
fn is_plain(body: &[u8]) -> bool {
    // The parser skips a byte order mark that starts the text.
    if body.starts_with("\u{feff}".as_bytes()) || has_syntax_byte(body) {
        return false;
    }
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', body).chain([body.len()]) {
        let line = &body[start..end];
        start = end + 1;
        let plain = match line {
            [] => true,
            [.., b' '] => false,
            [b'#', ..] => heading_marker(line).is_some(),
            _ => !starts_other_block(line),
        };
        if !plain {
            return false;
        }
    }
    true
}

/// Does any byte of `bytes` belong to [`SYNTAX`]? Sixteen bytes at a time without a branch per
/// byte: prose rarely has one, so the loop almost always runs to the end.
fn has_syntax_byte(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(16);
    let found = |chunk: &[u8]| chunk.iter().fold(false, |any, &b| any | SYNTAX[b as usize]);
    chunks.by_ref().any(found) || found(chunks.remainder())
}

/// [`extract`] for a body [`is_plain`] accepts, giving what pulldown-cmark gives: a paragraph
/// runs from its first line to the start of the line that ends it (an empty line or a
/// heading), a heading is its whole line, and each line's text is the line (after a
/// heading's marker).
fn extract_plain(text: &str, body_start: usize, prose: &mut [u8], blocks: &mut Vec<Block>) {
    let bytes = text.as_bytes();
    let mut paragraph: Option<usize> = None;
    let mut start = body_start;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let next = (end + 1).min(bytes.len());
        let line = &bytes[start..end];
        let heading = line.first() == Some(&b'#');
        if (line.is_empty() || heading)
            && let Some(first) = paragraph.take()
        {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                range: first..start,
            });
        }
        if heading {
            let marker = heading_marker(line).unwrap_or(0);
            copy(text, prose, start + marker..end);
            blocks.push(Block {
                kind: BlockKind::Heading,
                range: start..next,
            });
        } else if !line.is_empty() {
            paragraph.get_or_insert(start);
            copy(text, prose, start..end);
        }
        start = next;
    }
    if let Some(first) = paragraph {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            range: first..bytes.len(),
        });
    }
}

/// [`extract`] by pulldown-cmark, for any Markdown.
fn extract_full(
    text: &str,
    body_start: usize,
    prose: &mut [u8],
    blocks: &mut Vec<Block>,
    comments: &mut Vec<Comment>,
) {
    let body = &text[body_start..];
    // No smart punctuation: it changes what text events say (curly quotes, dashes), never
    // which source bytes they cover, and only those are copied; without it the parser stops
    // at fewer bytes.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // Containers that receive text directly; a text event belongs to the innermost one.
    let mut containers: Vec<(BlockKind, usize, bool)> = Vec::new();
    let mut skip_depth = 0usize; // inside code blocks, images' alt text stays prose
    let mut autolink_depth = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => skip_depth += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => autolink_depth += 1,
                Tag::Paragraph => containers.push((BlockKind::Paragraph, range.start, false)),
                Tag::Heading { .. } => containers.push((BlockKind::Heading, range.start, false)),
                Tag::Item => containers.push((BlockKind::ListItem, range.start, false)),
                Tag::TableCell => containers.push((BlockKind::TableCell, range.start, false)),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                TagEnd::Link if autolink_depth > 0 => autolink_depth -= 1,
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    if let Some((kind, start, true)) = containers.pop() {
                        blocks.push(Block {
                            kind,
                            range: start..range.end,
                        });
                    }
                }
                _ => {}
            },
            Event::Text(_) if skip_depth == 0 && autolink_depth == 0 => {
                copy(text, prose, range);
                if let Some(top) = containers.last_mut() {
                    top.2 = true;
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                collect_comments(&raw, range.start, text, comments);
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| (b.range.start, b.range.end));
    // A list item that holds paragraphs is reported through them (blocks are sorted by start,
    // so a container is followed directly by its first inner block).
    let mut keep = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let holds_inner = b.kind == BlockKind::ListItem
            && blocks
                .get(i + 1)
                .is_some_and(|n| n.range.start < b.range.end);
        keep.push(!holds_inner);
    }
    let mut keep = keep.into_iter();
    blocks.retain(|_| keep.next().unwrap_or(true));
}

/// Copies prose bytes from the source. A Text event's range may include escapes (`\*`), which
/// are then copied too; they are punctuation and harmless to the extractors.
fn copy(text: &str, prose: &mut [u8], range: std::ops::Range<usize>) {
    if range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
    {
        prose[range.clone()].copy_from_slice(&text.as_bytes()[range]);
    }
}

fn collect_comments(raw: &str, start: usize, text: &str, comments: &mut Vec<Comment>) {
    let mut from = 0;
    while let Some(open) = raw[from..].find("<!--") {
        let open = from + open;
        let Some(close) = raw[open + 4..].find("-->") else {
            break;
        };
        let close = open + 4 + close;
        let abs = start + open..start + close + 3;
        if abs.end <= text.len() {
            comments.push(Comment {
                range: abs,
                body: raw[open + 4..close].trim().to_string(),
            });
        }
        from = close + 3;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Prose, blocks (kind and range) and the number of comments.
    type Extracted = (Vec<u8>, Vec<(BlockKind, std::ops::Range<usize>)>, usize);

    /// What the given extractor finds.
    fn run(text: &str, body_start: usize, plain: bool) -> Extracted {
        let mut prose = vec![b' '; text.len()];
        let (mut blocks, mut comments) = (Vec::new(), Vec::new());
        if plain {
            extract_plain(text, body_start, &mut prose, &mut blocks);
        } else {
            extract_full(text, body_start, &mut prose, &mut blocks, &mut comments);
        }
        let blocks = blocks.into_iter().map(|b| (b.kind, b.range)).collect();
        (prose, blocks, comments.len())
    }

    fn same_as_parser(text: &str, body_start: usize) {
        assert_eq!(
            run(text, body_start, true),
            run(text, body_start, false),
            "{text:?}"
        );
    }

    #[test]
    fn an_article_of_headings_and_paragraphs_takes_the_fast_path() {
        let text = "---\ntitle: x\n---\n\n# Floods in Bahia\n\nRains hit 2,000 homes, \"officials\" said.\nA second line: 40% (est.) of them.\n\n\n## Later\nJoão Silva, 45, said… #MeToo!\n";
        let body_start = "---\ntitle: x\n---\n".len();
        assert!(is_plain(&text.as_bytes()[body_start..]));
        same_as_parser(text, body_start);
        let (_, blocks, _) = run(text, body_start, true);
        let kinds: Vec<_> = blocks.iter().map(|b| b.0).collect();
        use BlockKind::*;
        assert_eq!(kinds, [Heading, Paragraph, Heading, Paragraph]);
    }

    #[test]
    fn any_other_markdown_goes_to_the_parser() {
        for body in [
            "Some *emphasis*.",
            "A [link](x).",
            "Code `x`.",
            "A & B",
            "a <b> c",
            "> quote",
            "- item",
            "+ item",
            "1. item",
            "12) item",
            "    indented",
            " one space",
            "trailing  \nbreak",
            "trailing \n",
            "Title\n===",
            "Title\n---",
            "#Tag line",
            "# Closed #",
            "#######  seven",
            "#  two spaces",
            "a | b",
            "~~gone~~",
            "back\\slash",
            "tab\there",
            "cr\r\nlf",
            "\u{feff}bom",
            "nul\0",
        ] {
            assert!(!is_plain(body.as_bytes()), "{body:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whenever the fast path is taken, it says what the parser says.
        #[test]
        fn the_fast_path_agrees_with_the_parser(
            parts in prop::collection::vec(prop::sample::select(vec![
                "word", "Word", " ", "  ", "\n", "\n\n", "#", "# ", "## ", "-", "+", "=", "1",
                "1.", "2)", ".", ")", "*", "_", "`", "[", "]", "(", "!", "<", ">", "&", "|", "~",
                "\\", "\t", "\r", "é", "—", "\u{feff}", "\u{a0}", "\0", ":", "'", "\"",
                "---", "***", "    ", "www.x.org", "http://x.org", "[^1]",
            ]), 0..40),
            body_start in 0usize..3,
        ) {
            let text: String = parts.concat();
            let body_start = body_start.min(text.len());
            if text.is_char_boundary(body_start) && is_plain(&text.as_bytes()[body_start..]) {
                same_as_parser(&text, body_start);
            }
        }

        /// The same on text made mostly of what the fast path takes, near what it does not.
        #[test]
        fn the_fast_path_agrees_with_the_parser_near_its_edges(
            parts in prop::collection::vec(prop::sample::select(vec![
                "word", "Word", " ", "\n", "\n\n", "# ", "## ", "###### ", "####### ", "#", ".",
                "1", "2.", "3)", "-", "=", "é", "—", ":", "(", ")", "'", "\"", "!", "www.x.org",
                "\n- ", "\n1. ", "\n# ", "\n## x #", "\n===", "\n---", "\n ",
            ]), 0..40),
        ) {
            let text: String = parts.concat();
            if is_plain(text.as_bytes()) {
                same_as_parser(&text, 0);
            }
        }
    }
}
