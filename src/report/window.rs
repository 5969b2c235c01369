//! Fitting the human format into a terminal: which part of a source line a snippet shows, and
//! where messages and notes break. News paragraphs are single lines of 300 to 800 characters;
//! printed whole, every snippet wraps and the `^^^` under it no longer line up.
//!
//! Widths are display columns (`unicode-width`, as codespan-reporting counts them when it
//! draws the carets): a CJK character or an emoji takes two, a combining accent none.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Columns of a `…` and the space beside it, where a window cuts a line.
const ELLIPSIS: usize = 2;
/// Lines longer than this (bytes) are never shown whole: measuring them for every finding
/// would make an article pasted as one line quadratic.
pub(super) const LONG_LINE: usize = 1000;

/// Display columns of `s` (a tab counts as 4, codespan's default tab stop, at most).
pub(super) fn columns(s: &str) -> usize {
    s.chars().map(char_columns).sum()
}

/// `columns(s).min(cap)`, without reading much past the first `cap` columns.
fn columns_capped(s: &str, cap: usize) -> usize {
    let mut used = 0;
    for c in s.chars() {
        used += char_columns(c);
        if used >= cap {
            return cap;
        }
    }
    used
}

fn char_columns(c: char) -> usize {
    if c == '\t' { 4 } else { c.width().unwrap_or(0) }
}

/// A label on a line: its span (bytes of the whole text, inside the line) and the columns of
/// its message.
#[derive(Debug, Clone)]
pub(super) struct Mark {
    pub span: Range<usize>,
    pub message: usize,
}

/// The columns a mark takes under a snippet line that starts at `from`: the text before it,
/// its carets and its message after them. (codespan puts one message per line after the
/// carets and hangs the others below their label's start, which takes fewer columns.)
fn need(text: &str, from: usize, m: &Mark) -> usize {
    let message = if m.message > 0 { 1 + m.message } else { 0 };
    columns(&text[from..m.span.start]) + columns(&text[m.span.clone()]) + message
}

/// Does the whole `line` fit in `budget` columns, with every mark's carets and message?
/// Never for a line over [`LONG_LINE`] bytes.
pub(super) fn line_fits(text: &str, line: &Range<usize>, marks: &[Mark], budget: usize) -> bool {
    line.len() <= LONG_LINE
        && columns(&text[line.clone()]) <= budget
        && marks.iter().all(|m| need(text, line.start, m) <= budget)
}

/// The windows of one line to show, in order, and for each mark the window it is drawn in.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Plan {
    pub windows: Vec<Range<usize>>,
    pub of_mark: Vec<usize>,
}

/// Plans the windows of `line` (its content, without the line break; bytes of `text`) that
/// show `marks` (each inside the line) in `budget` columns: the whole line when it fits, else
/// one window around the marks, cut at word boundaries, with as much context on each side as
/// fits; marks too far apart to share a window (with their messages) get one window each.
/// A window is never narrower than the marks in it, so an enormous span still overflows.
pub(super) fn plan(text: &str, line: Range<usize>, marks: &[Mark], budget: usize) -> Plan {
    if line_fits(text, &line, marks, budget) {
        return Plan {
            windows: vec![line],
            of_mark: vec![0; marks.len()],
        };
    }
    // Marks in order of their start, grouped while the group and every message still fit.
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| (marks[i].span.start, marks[i].span.end));
    let mut groups: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for i in order {
        let m = &marks[i];
        if let Some((core, members)) = groups.last_mut() {
            let end = core.end.max(m.span.end);
            let fits = columns_capped(&text[core.start..end], budget) + 2 * ELLIPSIS <= budget
                && members
                    .iter()
                    .chain([&i])
                    .all(|&j| need(text, core.start, &marks[j]) + ELLIPSIS <= budget);
            if fits {
                core.end = end;
                members.push(i);
                continue;
            }
        }
        groups.push((m.span.clone(), vec![i]));
    }
    let mut windows = Vec::with_capacity(groups.len());
    let mut of_mark = vec![0; marks.len()];
    let mut lo = line.start;
    for (g, (core, members)) in groups.iter().enumerate() {
        // Context stops where the next group begins, so no text is shown twice.
        let hi = groups.get(g + 1).map_or(line.end, |(next, _)| next.start);
        let widest = members
            .iter()
            .map(|&j| need(text, core.start, &marks[j]))
            .max()
            .unwrap_or(0);
        let w = window(
            text,
            &line,
            core,
            lo.min(core.start),
            hi.max(core.end),
            budget,
            widest,
        );
        lo = w.end;
        for &j in members {
            of_mark[j] = windows.len();
        }
        windows.push(w);
    }
    Plan { windows, of_mark }
}

/// One window around `core`, within `lo..hi`: the columns left after the core and the cut
/// marks are shared between the two sides (half each; what one side cannot use goes to the
/// other), the left side no wider than keeps the widest mark (`widest` columns from the core's
/// start) in the budget.
fn window(
    text: &str,
    line: &Range<usize>,
    core: &Range<usize>,
    lo: usize,
    hi: usize,
    budget: usize,
    widest: usize,
) -> Range<usize> {
    let spare = budget.saturating_sub(columns(&text[core.clone()]) + 2 * ELLIPSIS);
    let left_max = budget.saturating_sub(widest + ELLIPSIS);
    let left_text = columns_capped(&text[lo..core.start], spare);
    let right_text = columns_capped(&text[core.end..hi], spare);
    let mut left = left_max.min(spare / 2).min(left_text);
    let right = (spare - left).min(right_text);
    left = left_max.min(spare - right).min(left_text);
    let mut start = back(text, lo, core.start, left);
    if start > line.start && start < core.start {
        start = word_start(text, start, core.start);
    }
    let mut end = forward(text, core.end, hi, right);
    if end < line.end && end > core.end {
        end = word_end(text, core.end, end);
    }
    start..end
}

/// The earliest position in `lo..=to` whose text up to `to` takes at most `cols` columns.
fn back(text: &str, lo: usize, to: usize, cols: usize) -> usize {
    let mut used = 0;
    let mut at = to;
    for (i, c) in text[lo..to].char_indices().rev() {
        used += char_columns(c);
        if used > cols {
            break;
        }
        at = lo + i;
    }
    at
}

/// The latest position in `from..=hi` whose text from `from` takes at most `cols` columns.
fn forward(text: &str, from: usize, hi: usize, cols: usize) -> usize {
    let mut used = 0;
    let mut at = from;
    for (i, c) in text[from..hi].char_indices() {
        used += char_columns(c);
        if used > cols {
            break;
        }
        at = from + i + c.len_utf8();
    }
    at
}

/// The first word start in `at..=limit` (a position after white space); `limit` if none.
fn word_start(text: &str, at: usize, limit: usize) -> usize {
    if text[..at].ends_with(char::is_whitespace) && !text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    text[at..limit]
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace() && !text[at + i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map_or(limit, |(i, c)| (at + i + c.len_utf8()).min(limit))
}

/// The last word end in `limit..=at` (a position before white space); `limit` if none.
fn word_end(text: &str, limit: usize, at: usize) -> usize {
    if text[at..].starts_with(char::is_whitespace) && !text[..at].ends_with(char::is_whitespace) {
        return at;
    }
    text[limit..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| c.is_whitespace() && !text[..limit + i].ends_with(char::is_whitespace))
        .map_or(limit, |(i, _)| (limit + i).max(limit))
}

/// Breaks `s` at spaces into lines of at most `first` columns (the first line) and `rest`
/// columns (the others); a word longer than a line stands alone on its line.
pub(super) fn wrap(s: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for word in s.split(' ') {
        let w = columns(word);
        let room = if lines.is_empty() { first } else { rest };
        if !current.is_empty() && used + 1 + w > room {
            lines.push(std::mem::take(&mut current));
            used = 0;
        }
        if !current.is_empty() {
            current.push(' ');
            used += 1;
        }
        current.push_str(word);
        used += w;
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str, what: &str, message: usize) -> Mark {
        let at = text.find(what).unwrap();
        Mark {
            span: at..at + what.len(),
            message,
        }
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let text = "The the end.";
        let p = plan(text, 0..text.len(), &[mark(text, "The the", 10)], 40);
        assert_eq!(p.windows, vec![0..text.len()]);
    }

    #[test]
    fn a_long_line_is_cut_at_words_around_the_mark() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let m = mark(text, "seven", 4);
        let p = plan(text, 0..text.len(), std::slice::from_ref(&m), 30);
        let w = &text[p.windows[0].clone()];
        assert!(w.contains("seven"), "{w:?}");
        assert!(!w.starts_with(' ') && !w.ends_with(' '), "{w:?}");
        // Whole words only, and the cut marks fit.
        assert!(text.split(' ').any(|word| w.starts_with(word)), "{w:?}");
        assert!(text.split(' ').any(|word| w.ends_with(word)), "{w:?}");
        assert!(columns(w) + 2 * ELLIPSIS <= 30, "{w:?}");
    }

    #[test]
    fn the_left_side_leaves_room_for_the_message() {
        let text = format!("{} target {}", "word ".repeat(30), "word ".repeat(30));
        let m = mark(&text, "target", 40);
        let p = plan(&text, 0..text.len(), std::slice::from_ref(&m), 60);
        let w = p.windows[0].clone();
        assert!(ELLIPSIS + need(&text, w.start, &m) <= 60, "{:?}", &text[w]);
    }

    #[test]
    fn marks_too_far_apart_get_a_window_each() {
        let text = format!("alpha {} omega", "filler ".repeat(40));
        let (a, z) = (mark(&text, "alpha", 5), mark(&text, "omega", 5));
        let p = plan(&text, 0..text.len(), &[z, a], 50);
        assert_eq!(p.windows.len(), 2);
        assert_eq!(p.of_mark, [1, 0]);
        assert!(p.windows[0].end <= p.windows[1].start);
        assert!(p.windows[0].start == 0 && p.windows[1].end == text.len());
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(columns("東京😀é"), 7);
        let text = format!("{}x{}", "東".repeat(60), "京".repeat(60));
        let m = mark(&text, "x", 0);
        let p = plan(&text, 0..text.len(), &[m], 41);
        assert!(columns(&text[p.windows[0].clone()]) <= 41 - 2 * ELLIPSIS);
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("a bb ccc dd", 4, 6), ["a bb", "ccc dd"]);
        assert_eq!(wrap("enormousword x", 3, 3), ["enormousword", "x"]);
        assert_eq!(wrap("", 3, 3), [""]);
    }
}
