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
