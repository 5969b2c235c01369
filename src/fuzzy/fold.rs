//! Folding: what makes two spellings of a name comparable (case, diacritics, hyphens, the
//! letters English copy spells in plain letters).

use super::fold_table;

/// Folds a name for comparison: lower case, no diacritics, hyphens as spaces, and the Nordic
/// and Slavic letters that carry no diacritic in Unicode (`æ`, `ø`, `ł`, `ß`…) spelled the way
/// English copy writes them, so "Solskjaer" and "Solskjær" compare equal (the fold
/// tables spell those: a name with other letters than ASCII is folded as [`fold_phrase`] does;
/// an ASCII one, a token of the article, only has its case and hyphens changed, where
/// [`fold_phrase`] also drops periods and collapses spaces).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        // A plain loop: names are too short for `memchr` to pay for its set-up.
        if s.bytes().any(|b| b == b'-') {
            out = out.replace('-', " ");
        }
        return out;
    }
    fold_phrase(s)
}

/// Normalises a phrase for comparison, as the gazetteer keys its names: lower-case, strip diacritics (é→e, ñ→n, ł→l, ø→o,
/// ß→ss, æ→ae…), hyphens and dashes→space, typographic apostrophes→`'`, drop periods
/// ("St. Louis" = "St Louis"), collapse and trim spaces.
pub(crate) fn fold_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |out: &mut String, piece: Piece| match piece {
        Piece::Space => space = true,
        Piece::Skip => {}
        Piece::Char(c) => {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
        Piece::Str(t) => {
            if t.is_empty() {
                return;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(t);
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            let piece = match c {
                '-' | '_' => Piece::Space,
                '.' => Piece::Skip,
                '`' => Piece::Char('\''),
                c if c.is_ascii_whitespace() => Piece::Space,
                c => Piece::Char(c.to_ascii_lowercase()),
            };
            push(&mut out, piece);
        } else if let Some(plain) = latin_letter(c) {
            // A Latin letter folds the same in either case: no case mapping to look up.
            push(&mut out, Piece::Str(plain));
        } else {
            for lc in c.to_lowercase() {
                push(&mut out, fold_char(lc));
            }
        }
    }
    out
}

/// The plain letters of a Latin letter with a diacritic (or a ligature) in the fold tables,
/// for the blocks where both cases of a letter fold alike (Latin-1, Extended-A, Extended
/// Additional; in Extended-B some capitals fold and their small letters do not).
fn latin_letter(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let mapped = match cp {
        0xC0..=0x17F => fold_table::LATIN_C0_24F[(cp - 0xC0) as usize],
        0x1E00..=0x1EFF => fold_table::LATIN_1E00_1EFF[(cp - 0x1E00) as usize],
        _ => return None,
    };
    (mapped != fold_table::X).then_some(mapped)
}

enum Piece {
    Space,
    Skip,
    Char(char),
    Str(&'static str),
}

fn fold_char(c: char) -> Piece {
    let cp = c as u32;
    let mapped = match cp {
        0xC0..=0x24F => fold_table::LATIN_C0_24F[(cp - 0xC0) as usize],
        0x1E00..=0x1EFF => fold_table::LATIN_1E00_1EFF[(cp - 0x1E00) as usize],
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F => {
            return Piece::Skip; // combining marks
        }
        0x2018 | 0x2019 | 0x201B | 0x02BB | 0x02BC | 0x02B9 | 0x00B4 | 0x2032 => {
            return Piece::Char('\'');
        }
        0x2010..=0x2015 | 0x2212 | 0x00AD => return Piece::Space, // dashes, soft hyphen
        _ if c.is_whitespace() => return Piece::Space,
        _ => return Piece::Char(c),
    };
    if mapped == fold_table::X {
        Piece::Char(c)
    } else {
        Piece::Str(mapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_handles_letters_without_decomposition() {
        assert_eq!(fold("Solskjær"), "solskjaer");
        assert_eq!(fold("Núñez"), "nunez");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Copa-Cogeca"), "copa cogeca");
        assert_eq!(fold("Morales’s"), "morales's");
    }

    #[test]
    fn other_letters_than_ascii_fold_as_english_copy_spells_them() {
        // What the name fold once spelled itself, before it used the phrase fold's tables.
        let english = |c: char| match c {
            'æ' | 'Æ' => "ae".to_string(),
            'œ' | 'Œ' => "oe".to_string(),
            'ø' | 'Ø' => "o".to_string(),
            'ł' | 'Ł' => "l".to_string(),
            'đ' | 'Đ' | 'ð' | 'Ð' => "d".to_string(),
            'þ' | 'Þ' => "th".to_string(),
            'ß' => "ss".to_string(),
            'ı' => "i".to_string(),
            '’' => "'".to_string(),
            c => c.to_string(),
        };
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let word = format!("x{c}y");
            let spelled = format!("x{}y", english(c));
            assert_eq!(fold(&word), fold_phrase(&spelled), "{c:?}");
        }
    }

    /// Folding a tabled Latin letter directly gives what lower-casing it first would.
    #[test]
    fn latin_letters_fold_alike_in_either_case() {
        for c in (0xC0..=0x24F)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
        {
            let Some(plain) = latin_letter(c) else {
                continue;
            };
            let mut via_lower = String::new();
            for lc in c.to_lowercase() {
                match fold_char(lc) {
                    Piece::Char(x) => via_lower.push(x),
                    Piece::Str(x) => via_lower.push_str(x),
                    Piece::Skip => {}
                    Piece::Space => via_lower.push(' '),
                }
            }
            assert_eq!(plain, via_lower, "{c:?}");
        }
    }

    #[test]
    fn fold_cases() {
        assert_eq!(fold_phrase("São Paulo"), "sao paulo");
        assert_eq!(fold_phrase("  Guinea-Bissau "), "guinea bissau");
        assert_eq!(fold_phrase("Łódź"), "lodz");
        assert_eq!(fold_phrase("Tromsø"), "tromso");
        assert_eq!(fold_phrase("Straße"), "strasse");
        assert_eq!(fold_phrase("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold_phrase("Zürich"), "zurich");
        assert_eq!(fold_phrase("Rājasthān"), "rajasthan");
        assert_eq!(fold_phrase("Hồ Chí Minh"), "ho chi minh");
        assert_eq!(fold_phrase("İstanbul"), "istanbul");
        assert_eq!(fold_phrase("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold_phrase("St. Louis"), "st louis");
        assert_eq!(fold_phrase("Castilla–La Mancha"), "castilla la mancha");
        assert_eq!(fold_phrase("Bà Rịa - Vũng Tàu"), "ba ria vung tau");
        assert_eq!(fold_phrase("Cafe\u{301}"), "cafe"); // decomposed accent
        assert_eq!(fold_phrase("Киев"), "киев"); // non-Latin scripts are only lower-cased
        assert_eq!(fold_phrase(""), "");
    }
}
