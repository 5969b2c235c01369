//! The fact sheet of an article, for the fact-checker and as the debugging view of what the
//! count checks see: every name with its spellings and mentions, every figure with what it
//! counts and where, every vote tally, and every date or relative time resolved against the
//! publication date. `factlint facts` prints it as a table or as JSON.

use super::super::Analysis;
use super::super::numbers::Approx;
use super::{Fact, Named};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Serialize)]
pub(crate) struct Sheet {
    pub(crate) file: String,
    /// The publication date times are resolved against (YYYY-MM-DD).
    pub(crate) date: Option<String>,
    pub(crate) names: Vec<NameRow>,
    pub(crate) figures: Vec<FigureRow>,
    pub(crate) tallies: Vec<TallyRow>,
    pub(crate) times: Vec<TimeRow>,
}

#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Loc {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct NameRow {
    /// The fullest spelling.
    pub(crate) name: String,
    /// Every spelling, the fullest first.
    pub(crate) spellings: Vec<String>,
    pub(crate) mentions: Vec<Loc>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FigureRow {
    pub(crate) text: String,
    #[serde(flatten)]
    pub(crate) at: Loc,
    /// The fact as the model has it, but for its group: given only when it differs from the
    /// noun.
    #[serde(flatten)]
    pub(crate) fact: Fact,
}

#[derive(Debug, Serialize)]
pub(crate) struct TallyRow {
    pub(crate) text: String,
    #[serde(flatten)]
    pub(crate) at: Loc,
    #[serde(rename = "for")]
    pub(crate) for_: u32,
    pub(crate) against: u32,
    pub(crate) abstentions: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct TimeRow {
    pub(crate) text: String,
    #[serde(flatten)]
    pub(crate) at: Loc,
    /// The family of a relative expression (day, period, weekday, ago, since…), or "date" /
    /// "weekday" for absolute dates and bare weekdays.
    pub(crate) kind: &'static str,
    /// What it denotes, given the publication date.
    pub(crate) resolved: Option<String>,
}

/// Line and column (1-based, columns in characters) of byte offsets.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    fn at(&self, offset: usize) -> Loc {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        Loc {
            line: line + 1,
            column,
        }
    }
}

/// The fact sheet of the analysed article, times resolved against `date`.
pub(crate) fn build(a: &Analysis, file: &str, date: Option<jiff::civil::Date>) -> Sheet {
    let lines = Lines::new(a.text);
    Sheet {
        file: file.to_string(),
        date: date.map(|d| d.to_string()),
        names: names(a, &lines),
        figures: a
            .facts()
            .facts
            .iter()
            .map(|f| {
                let mut fact = f.clone();
                if fact.group.is_some() && fact.group == fact.noun {
                    fact.group = None;
                }
                FigureRow {
                    text: a.slice(f.span.clone()).to_string(),
                    at: lines.at(f.span.start),
                    fact,
                }
            })
            .collect(),
        tallies: a
            .facts()
            .tallies
            .iter()
            .map(|t| TallyRow {
                text: a.slice(t.span.clone()).to_string(),
                at: lines.at(t.span.start),
                for_: t.for_,
                against: t.against,
                abstentions: t.abstentions,
            })
            .collect(),
        times: a
            .times()
            .iter()
            .map(|t| TimeRow {
                text: a.slice(t.core.clone()).to_string(),
                at: lines.at(t.core.start),
                kind: t.category().unwrap_or(match t.kind {
                    super::super::time::TimeKind::Weekdays { .. } => "weekday",
                    _ => "date",
                }),
                resolved: t.resolve(date).map(|r| r.describe()),
            })
            .collect(),
    }
}

/// Names: capitalised mentions grouped by spelling (case and accents aside), a lone surname
/// joined to the one full name it ends; a sentence's first word counts only if it is also
/// capitalised elsewhere.
/// Titles before a name, left out of its key ("President Ivor Morales" is "Ivor Morales").
const TITLES: &[&str] = &[
    "president",
    "senator",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "professor",
    "judge",
    "justice",
    "governor",
    "mayor",
    "general",
    "gen.",
    "colonel",
    "captain",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "reverend",
    "chancellor",
    "premier",
    "councillor",
    "councilor",
    "deputy",
    "sheikh",
    "former",
    "interim",
    "acting",
    "vice",
];

fn strip_titles(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut i = 0;
    while i + 1 < words.len() && TITLES.contains(&words[i]) {
        i += 1;
    }
    words[i..].join(" ")
}

fn names(a: &Analysis, lines: &Lines) -> Vec<NameRow> {
    let key = |s: &str| strip_titles(&fold(s));
    let mut non_initial = std::collections::HashSet::new();
    for m in &a.mentions {
        if !m.sentence_initial || m.tokens.len() > 1 {
            let k = key(a.slice(m.span.clone()));
            // A surname that opens a sentence is a name if the full name is one.
            non_initial.extend(k.split(' ').map(String::from));
            non_initial.insert(k);
        }
    }
    // key → (spellings with counts, mentions)
    let mut groups: BTreeMap<String, (BTreeMap<String, usize>, Vec<Loc>)> = BTreeMap::new();
    for m in &a.mentions {
        let text = a.slice(m.span.clone());
        let k = key(text);
        if m.sentence_initial && m.tokens.len() == 1 && !non_initial.contains(&k) {
            continue;
        }
        // Days and months are dates, listed under times.
        if m.tokens.len() == 1
            && (crate::analysis::numbers::is_weekday(text)
                || crate::analysis::numbers::is_month(text))
        {
            continue;
        }
        let entry = groups.entry(k).or_default();
        *entry.0.entry(text.to_string()).or_default() += 1;
        entry.1.push(lines.at(m.span.start));
    }
    // A one-word group joins the only longer name that ends with it ("Ortega" → "Teresa
    // Ortega").
    let keys: Vec<String> = groups.keys().cloned().collect();
    for k in &keys {
        if k.contains(' ') {
            continue;
        }
        let suffix = format!(" {k}");
        let longer: Vec<&String> = keys.iter().filter(|l| l.ends_with(&suffix)).collect();
        if let [full] = longer[..] {
            let full = full.clone();
            if let Some((spellings, mentions)) = groups.remove(k) {
                let target = groups.get_mut(&full).expect("present");
                for (s, n) in spellings {
                    *target.0.entry(s).or_default() += n;
                }
                target.1.extend(mentions);
            }
        }
    }
    let mut rows: Vec<NameRow> = groups
        .into_values()
        .map(|(spellings, mut mentions)| {
            mentions.sort();
            let mut spellings: Vec<(String, usize)> = spellings.into_iter().collect();
            spellings.sort_by(|x, y| {
                y.0.len()
                    .cmp(&x.0.len())
                    .then(y.1.cmp(&x.1))
                    .then(x.0.cmp(&y.0))
            });
            NameRow {
                name: spellings[0].0.clone(),
                spellings: spellings.into_iter().map(|(s, _)| s).collect(),
                mentions,
            }
        })
        .collect();
    rows.sort_by(|x, y| x.mentions[0].cmp(&y.mentions[0]));
    rows
}

/// Lower case without the commonest accents, for grouping spellings.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ş' => 's',
            'ğ' => 'g',
            c => c,
        })
        .collect()
}

impl Sheet {
    /// The human table.
    pub(crate) fn human(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Fact sheet: {}", self.file);
        let _ = writeln!(
            out,
            "Published: {}",
            self.date
                .as_deref()
                .unwrap_or("unknown (times are not resolved)")
        );
        let _ = writeln!(out, "\nNames ({})", self.names.len());
        for n in &self.names {
            let at: Vec<String> = n
                .mentions
                .iter()
                .map(|l| format!("{}:{}", l.line, l.column))
                .collect();
            let other = if n.spellings.len() > 1 {
                format!("  spellings: {}", n.spellings.join(" | "))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {:<32} ×{:<3} {}{}",
                n.name,
                n.mentions.len(),
                at.join(" "),
                other
            );
        }
        let _ = writeln!(out, "\nFigures ({})", self.figures.len());
        let _ = writeln!(
            out,
            "  {:<9} {:<22} {:<9} {:<22} {:<22} {:<9} time",
            "where", "figure", "kind", "counts", "subject", "role"
        );
        for row in &self.figures {
            let f = &row.fact;
            let mut counts = f.noun.clone().unwrap_or_else(|| "-".into());
            if let Some(g) = &f.group {
                counts = format!("{counts} ({g})");
            }
            if let Some(of) = &f.of {
                counts = format!("{counts} of {of}");
            }
            let mut time = Vec::new();
            if let Some(y) = f.year {
                time.push(format!("in {y}"));
            }
            if let Some(s) = &f.since {
                time.push(format!("since {s}"));
            }
            let role = if f.approx == Approx::Exact {
                f.role.name().to_string()
            } else {
                format!("{} ~{}", f.role.name(), f.approx.name())
            };
            let _ = writeln!(
                out,
                "  {:<9} {:<22} {:<9} {:<22} {:<22} {:<9} {}",
                format!("{}:{}", row.at.line, row.at.column),
                clip(&row.text, 22),
                f.kind.name(),
                clip(&counts, 22),
                clip(f.subject.as_deref().unwrap_or("-"), 22),
                role,
                time.join(", ")
            );
        }
        if !self.tallies.is_empty() {
            let _ = writeln!(out, "\nTallies ({})", self.tallies.len());
            for t in &self.tallies {
                let _ = writeln!(
                    out,
                    "  {:<9} {:<12} for {}, against {}, abstaining {} (total {})",
                    format!("{}:{}", t.at.line, t.at.column),
                    t.text,
                    t.for_,
                    t.against,
                    t.abstentions,
                    t.for_ + t.against + t.abstentions
                );
            }
        }
        let _ = writeln!(out, "\nDates and times ({})", self.times.len());
        for t in &self.times {
            let _ = writeln!(
                out,
                "  {:<9} {:<28} {:<10} {}",
                format!("{}:{}", t.at.line, t.at.column),
                clip(&t.text, 28),
                t.kind,
                t.resolved.as_deref().unwrap_or("-")
            );
        }
        out
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(width - 1).collect();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    #[test]
    fn sheet_lists_names_figures_tallies_and_times() {
        let doc = Document::parse(
            "t.md",
            "Mayor Ana Lindqvist said on Monday the 11-member council voted 7-4. Lindqvist \
             said 300 residents came, up from 250 last month."
                .to_string(),
            Format::Markdown,
        );
        let a = Analysis::new(&doc);
        let date = "2024-03-07".parse().ok();
        let sheet = build(&a, "t.md", date);
        let lindqvist = sheet
            .names
            .iter()
            .find(|n| n.name.contains("Lindqvist"))
            .unwrap();
        assert_eq!(lindqvist.mentions.len(), 2);
        let residents = sheet.figures.iter().find(|f| f.text == "300").unwrap();
        assert_eq!(residents.fact.noun.as_deref(), Some("resident"));
        assert_eq!(residents.fact.subject.as_deref(), Some("Lindqvist"));
        let council = sheet
            .figures
            .iter()
            .find(|f| f.fact.kind == super::super::FactKind::BodySize)
            .unwrap();
        assert_eq!(council.fact.noun.as_deref(), Some("council"));
        assert_eq!(sheet.tallies.len(), 1);
        let monday = sheet.times.iter().find(|t| t.text == "Monday").unwrap();
        assert!(
            monday
                .resolved
                .as_deref()
                .unwrap()
                .contains("March 4, 2024"),
            "{monday:?}"
        );
        let human = sheet.human();
        assert!(human.contains("Figures"), "{human}");
        let json = serde_json::to_string(&sheet).unwrap();
        assert!(json.contains("\"role\""), "{json}");
    }
}
