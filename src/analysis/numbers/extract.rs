//! Extraction: a scan over each sentence's tokens finds the figures (digits and number
//! words), then reads what stands around each: qualifier, determiner, noun, age, ordinal.

use super::*;

/// Cursor over one sentence's tokens.
pub(super) struct Scan<'x, 'a> {
    a: &'x Analysis<'a>,
    /// Token range of the sentence.
    start: usize,
    end: usize,
}

impl<'x> Scan<'x, '_> {
    /// The lower-case text of token `i`, if in the sentence.
    #[inline]
    fn w(&self, i: usize) -> Option<&'x str> {
        (i >= self.start && i < self.end).then(|| self.a.lower(i))
    }
    /// The bytes of `w(i)` (which must be in the sentence), read without making a `str`
    /// (no character-boundary checks): for the quick tests run on every token.
    #[inline]
    fn lower_bytes(&self, i: usize) -> &'x [u8] {
        let (start, end) = self.a.lower_at[i];
        &self.a.lower_buf.as_bytes()[start as usize..end as usize]
    }
    #[inline]
    fn is(&self, i: usize, s: &str) -> bool {
        i >= self.start && i < self.end && self.lower_bytes(i) == s.as_bytes()
    }
    fn is_word(&self, i: usize) -> bool {
        i >= self.start && i < self.end && self.a.tokens[i].kind == TokenKind::Word
    }
    fn is_number(&self, i: usize) -> bool {
        i >= self.start && i < self.end && self.a.tokens[i].kind == TokenKind::Number
    }
    fn glued(&self, i: usize) -> bool {
        i >= self.start && i < self.end && self.a.tokens[i].glued
    }
    /// `i` is a hyphen glued on both sides.
    fn hyphen(&self, i: usize) -> bool {
        self.glued(i)
            && self.glued(i + 1)
            // "-", "‐" (U+2010), "‑" (U+2011)
            && matches!(self.lower_bytes(i), b"-" | b"\xe2\x80\x90" | b"\xe2\x80\x91")
    }
}

// (Never inlined, so that a profile shows what it costs: it runs once per document.)
#[inline(never)]
pub(in crate::analysis) fn extract(a: &Analysis) -> Vec<Quantity> {
    // About one figure in ten tokens in news copy: room for them up front, since growing a
    // vector of these large records copies them all each time.
    let mut out = Vec::with_capacity(a.tokens.len() / 8 + 4);
    for (s_index, sentence) in a.sentences.iter().enumerate() {
        let scan = Scan {
            a,
            start: sentence.tokens.start,
            end: sentence.tokens.end,
        };
        let mut i = scan.start;
        loop {
            i = next_possible_figure(a, i, scan.end);
            if i == scan.end {
                break;
            }
            match figure(&scan, i) {
                Some(mut q) => {
                    q.sentence = s_index;
                    q.quoted = a.tokens[i].quoted;
                    let next = q.tokens.end.max(i + 1);
                    out.push(q);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    merge_years_and_months(a, &mut out);
    out
}

/// "eight years and six months" is one span of 8.5 years, not eight years and six months
/// apart: the months join the years before them.
fn merge_years_and_months(a: &Analysis, out: &mut Vec<Quantity>) {
    let joined = |x: &Quantity, y: &Quantity| {
        x.sentence == y.sentence
            && x.kind == QuantityKind::Cardinal
            && y.kind == QuantityKind::Cardinal
            && matches!(x.noun_lemma(), Some("year"))
            && matches!(y.noun_lemma(), Some("month"))
            && y.value < 12.0
            && x.noun
                .as_ref()
                .is_some_and(|n| n.token + 2 == y.tokens.start && a.lower(n.token + 1) == "and")
    };
    // One pass, each months figure folded into the years before it (no removal in place,
    // which would be quadratic on a long document).
    let mut merged: Vec<Quantity> = Vec::with_capacity(out.len());
    for q in out.drain(..) {
        match merged.last_mut() {
            Some(x) if joined(x, &q) => {
                x.value += q.value / 12.0;
                x.phrase.end = x.phrase.end.max(q.phrase.end);
                // The figure reads "eight years and six months" (the years' noun inside it).
                if let Some(n) = &q.noun {
                    x.span.end = n.span.end;
                }
            }
            _ => merged.push(q),
        }
    }
    *out = merged;
}

pub(super) fn blank(
    kind: QuantityKind,
    value: f64,
    tokens: Range<usize>,
    a: &Analysis,
) -> Quantity {
    Quantity {
        kind,
        value,
        span: a.tokens[tokens.start].span.start..a.tokens[tokens.end - 1].span.end,
        tokens,
        approx: Approx::Exact,
        qualifier: None,
        determiner: None,
        premodifier: None,
        noun: None,
        head: None,
        of_noun: None,
        phrase: 0..0,
        superlative: None,
        sentence: 0,
        quoted: false,
    }
}

/// The first token of `from..end` at which a figure may start, or `end`: digits, a word of
/// the shape of a number word, or punctuation that may be a currency sign. (The quick tests of
/// `figure`, run over the tokens in a small loop of their own: about one token in ten passes.)
pub(super) fn next_possible_figure(a: &Analysis, from: usize, end: usize) -> usize {
    let bytes = a.lower_buf.as_bytes();
    let possible = |(token, &(start, stop)): (&Token, &(u32, u32))| {
        let lower = &bytes[start as usize..stop as usize];
        match token.kind {
            TokenKind::Number => true,
            TokenKind::Word => has_shape(&NUMBER_WORD_SHAPES, lower),
            // (Every currency sign starts with one of these bytes.)
            TokenKind::Punct => matches!(lower.first(), Some(b'$' | 0xc2 | 0xe2)),
        }
    };
    a.tokens[from..end]
        .iter()
        .zip(&a.lower_at[from..end])
        .position(possible)
        .map_or(end, |k| from + k)
}

/// Parses a figure starting at token `i`, if there is one.
#[inline(never)]
pub(super) fn figure(s: &Scan, i: usize) -> Option<Quantity> {
    let a = s.a;
    let tok = &a.tokens[i];
    match tok.kind {
        TokenKind::Number => digit_figure(s, i),
        TokenKind::Word => word_figure(s, i),
        // (Every currency sign starts with one of these bytes: most punctuation is ruled out
        // before its text is taken.)
        TokenKind::Punct if !matches!(s.lower_bytes(i)[0], b'$' | 0xc2 | 0xe2) => None,
        TokenKind::Punct => {
            // A currency sign glued to the number: "$32,000".
            let sign = a.word(i);
            if matches!(sign, "$" | "€" | "£" | "¥" | "₹") && s.is_number(i + 1) && s.glued(i + 1)
            {
                let mut q = digit_figure(s, i + 1)?;
                if q.kind != QuantityKind::Cardinal {
                    return None;
                }
                q.tokens.start = i;
                q.span.start = a.tokens[i].span.start;
                q.noun = Some(Noun {
                    token: i,
                    span: a.tokens[i].span.clone(),
                    lemma: lemma(sign),
                });
                q.phrase = q.tokens.end..q.tokens.end;
                look_back(s, &mut q);
                Some(q)
            } else {
                None
            }
        }
    }
}

pub(super) fn digit_figure(s: &Scan, i: usize) -> Option<Quantity> {
    let a = s.a;
    let text = a.word(i);
    let (value, suffix) = digits_value(text)?;
    let prev = if i > s.start { s.w(i - 1) } else { None };
    let prev_is_month = prev.is_some_and(is_month_lower);
    let next_is_month = s.w(i + 1).is_some_and(is_month_lower);

    // Part of a clock time or a race time ("6:30", "2:08:33"), or after one.
    let colon_next = s.is(i + 1, ":") && s.glued(i + 1) && s.is_number(i + 2) && s.glued(i + 2);
    let colon_prev = i >= s.start + 2 && s.is(i - 1, ":") && s.glued(i) && s.glued(i - 1);
    if colon_next || colon_prev {
        let mut end = i + 1;
        while s.is(end, ":") && s.glued(end) && s.is_number(end + 1) && s.glued(end + 1) {
            end += 2;
        }
        return Some(blank(QuantityKind::Clock, value, i..end, a));
    }
    if is_clock_suffix(s, i + 1) {
        return Some(blank(QuantityKind::Clock, value, i..i + 1, a));
    }

    if let Some(sfx) = suffix {
        let sfx = sfx.to_lowercase();
        if matches!(sfx.as_str(), "st" | "nd" | "rd" | "th") {
            let day_like = (1.0..=31.0).contains(&value)
                && (prev_is_month
                    || next_is_month
                    || (s.is(i + 1, "of")
                        && (s.w(i + 2).is_some_and(is_month_lower)
                            || (matches!(s.w(i + 2), Some("last" | "this" | "next"))
                                && s.is(i + 3, "month")))));
            if day_like {
                return Some(blank(QuantityKind::Day, value, i..i + 1, a));
            }
            let mut q = blank(QuantityKind::Ordinal, value, i..i + 1, a);
            ordinal_tail(s, &mut q);
            look_back(s, &mut q);
            return Some(q);
        }
        if sfx == "s" && value >= 10.0 && value.fract() == 0.0 {
            // Decades: "the 1990s", "the 80s".
            return Some(blank(QuantityKind::Year, value, i..i + 1, a));
        }
        return Some(blank(QuantityKind::Other, value, i..i + 1, a));
    }

    // Days of the month: "May 9", "1 June", "October 4 and 5".
    if value.fract() == 0.0 && (1.0..=31.0).contains(&value) && !text.contains(',') {
        let after_and_day = i >= s.start + 2
            && s.is(i - 1, "and")
            && s.is_number(i - 2)
            && i >= s.start + 3
            && s.w(i - 3).is_some_and(is_month_lower);
        if prev_is_month || next_is_month || after_and_day {
            return Some(blank(QuantityKind::Day, value, i..i + 1, a));
        }
    }

    // Years: four digits, no separator, not followed by a plural count noun.
    let plain = text.bytes().all(|b| b.is_ascii_digit());
    if plain && text.len() == 4 && (1000.0..=2100.0).contains(&value) {
        let next_plural = s.is_word(i + 1)
            && !s.a.tokens[i + 1].capitalised
            && s.w(i + 1).is_some_and(is_plural_lower)
            && !s.glued(i + 1);
        if !next_plural {
            let mut q = blank(QuantityKind::Year, value, i..i + 1, a);
            // "2020-21", "2021-2027", the fiscal year "2025/26": the second year joins the
            // first.
            let slash = s.is(i + 1, "/") && s.glued(i + 1) && s.glued(i + 2);
            if (s.hyphen(i + 1) || slash) && s.is_number(i + 2) {
                let second = a.word(i + 2);
                if second.chars().all(|c| c.is_ascii_digit()) {
                    q.tokens.end = i + 3;
                    q.span.end = a.tokens[i + 2].span.end;
                }
            }
            return Some(q);
        }
    }

    // Scores and ranges between small numbers glued by a hyphen: "1-1 draw".
    if s.hyphen(i + 1) && s.is_number(i + 2) {
        return Some(blank(QuantityKind::Other, value, i..i + 3, a));
    }

    let mut q = blank(QuantityKind::Cardinal, value, i..i + 1, a);
    cardinal_tail(s, &mut q);
    look_back(s, &mut q);
    apposition_age(s, &mut q);
    Some(q)
}

/// "a.m.", "p.m.", "am", "pm", "noon", "GMT" after a number.
pub(super) fn is_clock_suffix(s: &Scan, j: usize) -> bool {
    match s.w(j) {
        Some("a" | "p") => s.is(j + 1, ".") && s.is(j + 2, "m"),
        Some("am" | "pm" | "noon" | "gmt" | "utc" | "hrs" | "midnight") => true,
        _ => false,
    }
}

pub(super) fn word_figure(s: &Scan, i: usize) -> Option<Quantity> {
    let a = s.a;
    // Could it be one of `NUMBER_WORDS`? (`has_shape` rules out nearly every other word,
    // "the", "said", "that", before the word lists are consulted.)
    if !has_shape(&NUMBER_WORD_SHAPES, s.lower_bytes(i)) {
        return None;
    }
    let w = s.w(i)?;
    // Capitalised ordinals and numbers inside a sentence are names ("First Nations", "the
    // Fourth of July", "Second World War", "Big Four").
    let inner_capital = a.tokens[i].capitalised && i > s.start && !after_opening(s, i);

    if let Some(value) = ordinal_word(w) {
        if inner_capital {
            return None;
        }
        // "Fourth of July" at the start of a sentence.
        if s.is(i + 1, "of") && s.w(i + 2).is_some_and(is_month_lower) {
            return None;
        }
        // "second" the unit of time: "a split second", "87 seconds" (plural is not ordinal),
        // "one second", "per second".
        if w == "second" && i > s.start {
            let p = s.w(i - 1).unwrap_or_default();
            if matches!(p, "per" | "split") || s.is_number(i - 1) || word_number(p).is_some() {
                return None;
            }
        }
        let mut end = i + 1;
        let mut value = value;
        // "twenty-first"
        if let Some(tens) = word_number(w).filter(|v| *v >= 20.0)
            && s.hyphen(i + 1)
            && let Some(o) = s.w(i + 2).and_then(ordinal_word)
        {
            value = tens + o;
            end = i + 3;
        }
        let mut q = blank(QuantityKind::Ordinal, value, i..end, a);
        ordinal_tail(s, &mut q);
        look_back(s, &mut q);
        return Some(q);
    }
    let cardinal = word_number(w);
    // "twenty-first" starts with a tens word.
    if let Some(tens) = cardinal.filter(|v| *v >= 20.0)
        && s.hyphen(i + 1)
        && let Some(o) = s.w(i + 2).and_then(ordinal_word)
    {
        if inner_capital {
            return None;
        }
        let mut q = blank(QuantityKind::Ordinal, tens + o, i..i + 3, a);
        ordinal_tail(s, &mut q);
        look_back(s, &mut q);
        return Some(q);
    }

    if let Some(&(_, v)) = VAGUE.iter().find(|(x, _)| *x == w) {
        // "dozens of towns": the noun follows "of".
        let mut q = blank(QuantityKind::Cardinal, v, i..i + 1, a);
        q.approx = Approx::Vague;
        if s.is(i + 1, "of") {
            let (phrase, noun) = noun_phrase(s, i + 2, false, v);
            q.phrase = phrase;
            q.noun = noun;
        }
        return Some(q);
    }

    if w == "dozen" && i > s.start && matches!(s.w(i - 1), Some("a" | "half")) {
        let mut q = blank(QuantityKind::Cardinal, 12.0, i - 1..i + 1, a);
        q.approx = Approx::About;
        cardinal_tail(s, &mut q);
        look_back(s, &mut q);
        return Some(q);
    }

    let mut value = cardinal?;
    if inner_capital {
        return None;
    }
    // "one" is often a pronoun: "one of them", "the one", "no one", "one another".
    if w == "one" {
        let p = if i > s.start { s.w(i - 1) } else { None };
        if matches!(
            p,
            Some("the" | "no" | "any" | "every" | "each" | "this" | "that" | "which" | "someone")
        ) || s.is(i + 1, "another")
        {
            return None;
        }
    }
    let mut end = i + 1;
    // "twenty-one"
    if value >= 20.0
        && s.hyphen(end)
        && let Some(u) = s.w(end + 1).and_then(word_number)
        && u < 10.0
    {
        value += u;
        end += 2;
    }
    // "two hundred", "three hundred and twenty"
    if s.is(end, "hundred") {
        value *= 100.0;
        end += 1;
        if s.is(end, "and")
            && let Some(u) = s.w(end + 1).and_then(word_number)
        {
            value += u;
            end += 2;
        }
    }
    let mut q = blank(QuantityKind::Cardinal, value, i..end, a);
    cardinal_tail(s, &mut q);
    look_back(s, &mut q);
    Some(q)
}

/// Every word `word_figure` reads as a number: cardinals, ordinals, vague counts, "dozen".
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth",
    "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth",
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "dozen",
];

/// `shapes` of `NUMBER_WORDS`, built when compiling.
pub(super) static NUMBER_WORD_SHAPES: [u16; 1024] = shapes(NUMBER_WORDS);

/// The token right after an opening quote or bracket counts as sentence-initial.
pub(super) fn after_opening(s: &Scan, i: usize) -> bool {
    let mut j = i;
    while j > s.start {
        j -= 1;
        let w = s.a.word(j);
        if matches!(w, "\"" | "“" | "'" | "‘" | "(" | "«" | "—" | ":") {
            continue;
        }
        return false;
    }
    true
}

/// After a cardinal: multiplier, percent sign, compound unit ("43,812-vote margin"), age
/// ("45-year-old", "58 years old"), and the noun counted.
pub(super) fn cardinal_tail(s: &Scan, q: &mut Quantity) {
    let a = s.a;
    let mut end = q.tokens.end;
    // "1.5 million", "420-million-pound", "4 lakh"
    loop {
        if let Some(m) = s.w(end).and_then(multiplier) {
            q.value *= m;
            end += 1;
            continue;
        }
        if s.hyphen(end)
            && let Some(m) = s.w(end + 1).and_then(multiplier)
        {
            q.value *= m;
            end += 2;
            continue;
        }
        break;
    }
    // "two and a half years", "a seven-and-a-half-year term".
    if q.kind == QuantityKind::Cardinal && q.value.fract() == 0.0 {
        let plain = s.is(end, "and") && s.is(end + 1, "a") && s.is(end + 2, "half");
        let hyphened = s.hyphen(end)
            && s.is(end + 1, "and")
            && s.hyphen(end + 2)
            && s.is(end + 3, "a")
            && s.hyphen(end + 4)
            && s.is(end + 5, "half");
        if plain || hyphened {
            q.value += 0.5;
            end += if plain { 3 } else { 6 };
        }
    }
    let set_end = |q: &mut Quantity, end: usize| {
        q.tokens.end = end;
        q.span.end = a.tokens[end - 1].span.end;
    };
    set_end(q, end);

    // "14%"
    if s.is(end, "%") && s.glued(end) {
        q.noun = Some(Noun {
            token: end,
            span: a.tokens[end].span.clone(),
            lemma: "percent".into(),
        });
        q.phrase = end..end + 1;
        return;
    }

    // Ages: "45-year-old", "45-years-old", "58 years old".
    let year_word = |j: usize| matches!(s.w(j), Some("year" | "years"));
    if s.hyphen(end)
        && year_word(end + 1)
        && s.hyphen(end + 2)
        && s.is(end + 3, "old")
        && q.value < 130.0
    {
        q.kind = QuantityKind::Age;
        set_end(q, end + 4);
        return;
    }
    if year_word(end) && s.is(end + 1, "old") && q.value < 130.0 {
        q.kind = QuantityKind::Age;
        set_end(q, end + 2);
        return;
    }

    // Compound: "43,812-vote margin", "14-month closure", "420-million-pound renovation".
    if s.hyphen(end) && s.is_word(end + 1) {
        let unit = end + 1;
        let mut after = unit + 1;
        // Multi-part compounds: "vote-counting", "year-long".
        while s.hyphen(after) && s.is_word(after + 1) {
            after += 2;
        }
        q.noun = Some(Noun {
            token: unit,
            span: a.tokens[unit].span.clone(),
            lemma: lemma_of_lower(a.lower(unit)).into_owned(),
        });
        let (phrase, head) = noun_phrase(s, after, true, q.value);
        q.phrase = phrase;
        q.head = head;
        return;
    }

    // "per cent"
    if s.is(end, "per") && s.is(end + 1, "cent") {
        q.noun = Some(Noun {
            token: end + 1,
            span: a.tokens[end].span.start..a.tokens[end + 1].span.end,
            lemma: "percent".into(),
        });
        q.phrase = end..end + 2;
        return;
    }
    let (phrase, noun) = noun_phrase(s, end, false, q.value);
    q.phrase = phrase;
    q.noun = noun;
}

/// After an ordinal: "third-worst" (superlative) and the noun ("fourth term").
pub(super) fn ordinal_tail(s: &Scan, q: &mut Quantity) {
    let a = s.a;
    let mut end = q.tokens.end;
    if s.hyphen(end) && s.is_word(end + 1) {
        let w = s.w(end + 1).unwrap_or_default();
        let superlative = w.ends_with("est") || matches!(w, "worst" | "best" | "most");
        if superlative {
            q.superlative = Some(w.to_string());
            end += 2;
            q.tokens.end = end;
            q.span.end = a.tokens[end - 1].span.end;
        } else {
            // "first-round", "second-half": the glued word is the noun.
            q.noun = Some(Noun {
                token: end + 1,
                span: a.tokens[end + 1].span.clone(),
                lemma: lemma_of_lower(w).into_owned(),
            });
            q.phrase = end + 1..end + 2;
            return;
        }
    }
    let (phrase, noun) = noun_phrase(s, end, true, 1.0);
    q.phrase = phrase;
    q.noun = noun;
}

/// The noun phrase starting at token `j`: words up to a stop word, punctuation or number
/// (at most four). With `last`, the head is the last word (ordinals, compounds: "11th
/// consecutive increase" → increase); otherwise the first plural ("18 police officers" →
/// officers), a measure word ("48 degree"), or for one thing the first word ("one week").
pub(super) fn noun_phrase(
    s: &Scan,
    j: usize,
    last: bool,
    value: f64,
) -> (Range<usize>, Option<Noun>) {
    let a = s.a;
    let mut k = j;
    let mut taken = 0;
    let mut skip = 0;
    // A superlative before the noun: "the five most affected districts".
    if matches!(s.w(k), Some("most" | "least"))
        && s.is_word(k + 1)
        && !s.is(k + 1, "of")
        && s.is_word(k + 2)
        && !STOP_SET.contains(s.w(k + 2).unwrap_or_default())
    {
        k += 2;
        taken = 2;
        skip = 2;
    }
    while k < s.end && taken < 4 && s.is_word(k) {
        let w = s.w(k).unwrap_or_default();
        if STOP_SET.contains(w) || month_number(w).is_some() || is_weekday_lower(w) {
            break;
        }
        // Verbs after the head end it; an -ing or -ed word right after the figure can still be
        // a noun ("a third meeting").
        if k > j + skip && (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 {
            break;
        }
        taken += 1;
        k += 1;
        // Hyphenated nouns: "vote-counting machines".
        while s.hyphen(k) && s.is_word(k + 1) {
            k += 2;
        }
        if s.glued(k) {
            break;
        }
    }
    // The words of the phrase (it may hold hyphens).
    let mut words = (j..k).filter(|&t| s.is_word(t));
    let Some(first) = words.next() else {
        return (j..j, None);
    };
    let chosen = if last {
        Some(words.next_back().unwrap_or(first))
    } else if value == 1.0 {
        // One thing: the first word, measure or not ("one week").
        Some(first)
    } else {
        std::iter::once(first)
            .chain(words)
            // (An apostrophe is one byte, found without a `memchr` call on a short word.)
            .find(|&t| is_plural_lower(a.lower(t)) && !a.word(t).bytes().any(|b| b == b'\''))
            .or_else(|| is_measure_word(a, first).then_some(first))
    };
    match chosen {
        Some(t) => (
            j..t + 1,
            Some(Noun {
                token: t,
                span: a.tokens[t].span.clone(),
                lemma: lemma_of_lower(a.lower(t)).into_owned(),
            }),
        ),
        None => (j..k, None),
    }
}

/// Is token `t` a unit of measure or money in the singular or plural ("percent", "euros")?
pub(super) fn is_measure_word(a: &Analysis, t: usize) -> bool {
    MEASURES_SET.contains(&lemma_of_lower(a.lower(t)))
}

/// Before a figure: the qualifier ("more than"), a premodifier ("remaining"), the
/// determiner ("the", "Dizon's"), and "a margin of" → of_noun.
pub(super) fn look_back(s: &Scan, q: &mut Quantity) {
    let a = s.a;
    let mut j = q.tokens.start; // first token not yet claimed
    // Qualifier.
    let before = if j > s.start { s.w(j - 1) } else { None };
    // Most figures have none: one look-up rules them out.
    let qualifiers = if before.is_some_and(|w| QUALIFIER_ENDS.contains(w)) {
        QUALIFIERS
    } else {
        &[]
    };
    for (words, approx) in qualifiers {
        // Cheap test first: the qualifier's last word is right before the figure.
        if before != words.last().copied() {
            continue;
        }
        let n = words.len();
        if j < s.start + n {
            continue;
        }
        let from = j - n;
        if words
            .iter()
            .enumerate()
            .all(|(k, w)| s.is(from + k, w) && a.tokens[from + k].kind == TokenKind::Word)
        {
            q.approx = *approx;
            q.qualifier = Some(a.tokens[from].span.start..a.tokens[j - 1].span.end);
            j = from;
            break;
        }
    }
    // Premodifier: "the remaining 31", "another 5".
    if j > s.start
        && let Some(w) = s.w(j - 1)
        && PREMODIFIERS_SET.contains(w)
    {
        q.premodifier = Some((listed(PREMODIFIERS, w), a.tokens[j - 1].span.clone()));
        j -= 1;
    }
    // Determiner.
    if j > s.start
        && let Some(w) = s.w(j - 1)
    {
        if DETERMINERS_SET.contains(w) {
            q.determiner = Some(listed(DETERMINERS, w));
        } else if a.tokens[j - 1].kind == TokenKind::Word
            && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"))
        {
            q.determiner = Some("'s");
        }
    }
    // "a margin of 48,312", "a bid of 85 million euros", "a total of 665".
    if j >= s.start + 2 && s.is(j - 1, "of") && s.is_word(j - 2) {
        let w = s.w(j - 2).unwrap_or_default();
        if !STOP_SET.contains(w) && !a.tokens[j - 2].capitalised {
            q.of_noun = Some(Noun {
                token: j - 2,
                span: a.tokens[j - 2].span.clone(),
                lemma: lemma_of_lower(w).into_owned(),
            });
        }
    }
    // "aged 58"
    if q.kind == QuantityKind::Cardinal
        && q.noun.is_none()
        && j > s.start
        && s.is(j - 1, "aged")
        && q.value < 130.0
    {
        q.kind = QuantityKind::Age;
        q.tokens.start = j - 1;
        q.span.start = a.tokens[j - 1].span.start;
    }
}

/// The entry of `list` that is `w` (which must be one).
pub(super) fn listed(list: &[&'static str], w: &str) -> &'static str {
    list.iter()
        .find(|&&x| x == w)
        .copied()
        .expect("a word of the list")
}

/// "Luka Modrić, 35, but…", "Tanui, 27, who…": a bare small number between commas right
/// after a capitalised name is an age.
pub(super) fn apposition_age(s: &Scan, q: &mut Quantity) {
    let a = s.a;
    let i = q.tokens.start;
    if q.kind != QuantityKind::Cardinal
        || q.noun.is_some()
        || q.qualifier.is_some()
        || q.value.fract() != 0.0
        || !(1.0..130.0).contains(&q.value)
        || i < s.start + 2
    {
        return;
    }
    let name_before = s.is(i - 1, ",")
        && s.is_word(i - 2)
        && a.tokens[i - 2].capitalised
        && !s
            .w(i - 2)
            .is_some_and(|w| is_month_lower(w) || is_weekday_lower(w));
    let closed = matches!(s.w(i + 1), Some("," | "." | ")" | ";")) || i + 1 >= s.end;
    if name_before && closed {
        q.kind = QuantityKind::Age;
    }
}
