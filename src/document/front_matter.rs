//! YAML front matter: `---` on the first line, closed by `---` or `...` on a line of its own.

use crate::yaml;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The whole block including both delimiter lines; None when there is none (or it never closes).
    pub range: Option<Range<usize>>,
    pub date: Option<jiff::civil::Date>,
    /// Problems worth telling the user (a `date:` that does not parse, bad YAML, no closing line).
    pub problems: Vec<String>,
    /// Words and names accepted for this article only (`factlint: {accept: [...]}`).
    pub accept: Vec<String>,
}

impl FrontMatter {
    pub fn parse(text: &str) -> FrontMatter {
        let mut fm = FrontMatter::default();
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let rest = &text[start..];
        let Some(after_open) = rest
            .strip_prefix("---\n")
            .or_else(|| rest.strip_prefix("---\r\n"))
        else {
            return fm;
        };
        let body_start = text.len() - after_open.len();
        let mut offset = body_start;
        for line in after_open.split_inclusive('\n') {
            let trimmed = line.trim_end();
            if trimmed == "---" || trimmed == "..." {
                let yaml_text = &text[body_start..offset];
                fm.range = Some(start..offset + line.len());
                fm.read_yaml(yaml_text);
                return fm;
            }
            offset += line.len();
        }
        fm.problems.push(
            "front matter opened with `---` on line 1 is never closed; treating the file as body text"
                .to_string(),
        );
        fm
    }

    fn read_yaml(&mut self, yaml_text: &str) {
        let value: yaml::Value = match yaml::from_str(yaml_text) {
            Ok(v) => v,
            Err(e) => {
                self.problems.push(format!(
                    "front matter is not valid YAML ({}, line {})",
                    e.message,
                    e.line.map_or(0, |l| l + 1)
                ));
                return;
            }
        };
        let Some(map) = value.as_mapping() else {
            return;
        };
        if let Some(date) = map.get("date") {
            let raw = match date {
                yaml::Value::String(s) => s.clone(),
                other => yaml::to_string(other).trim().to_string(),
            };
            match parse_publication_date(&raw) {
                Some(d) => self.date = Some(d),
                None => self.problems.push(format!(
                    "front matter `date: {raw}` is not a date factlint understands (use YYYY-MM-DD); \
                     relative times will not be resolved"
                )),
            }
        }
        if let Some(accept) = map
            .get("factlint")
            .and_then(|v| v.get("accept"))
            .and_then(|v| v.as_sequence())
        {
            self.accept = accept
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
        }
    }
}

/// `2019-11-09`, `2019-11-09T10:00:00Z`, `2019-11-09 10:00`, `November 9, 2019`, `9 November 2019`.
pub fn parse_publication_date(raw: &str) -> Option<jiff::civil::Date> {
    let raw = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    if let Some(Ok(d)) = raw.get(..10).map(str::parse::<jiff::civil::Date>) {
        return Some(d);
    }
    for fmt in ["%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"] {
        if let Ok(d) = jiff::civil::Date::strptime(fmt, raw) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        for raw in [
            "2019-11-09",
            "2019-11-09T10:00:00Z",
            "November 9, 2019",
            "9 November 2019",
        ] {
            assert_eq!(
                parse_publication_date(raw).unwrap().to_string(),
                "2019-11-09",
                "{raw}"
            );
        }
        assert!(parse_publication_date("yesterday").is_none());
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let fm = FrontMatter::parse("---\ndate: 2020-01-01\nno end\n");
        assert!(fm.range.is_none());
        assert!(fm.date.is_none());
        assert_eq!(fm.problems.len(), 1);
    }

    #[test]
    fn bad_date_is_reported() {
        let fm = FrontMatter::parse("---\ndate: soon\n---\n");
        assert!(fm.date.is_none());
        assert!(fm.problems[0].contains("soon"));
    }

    #[test]
    fn accept_list() {
        let fm = FrontMatter::parse("---\nfactlint:\n  accept: [Zabaleta]\n---\n");
        assert_eq!(fm.accept, vec!["Zabaleta"]);
    }
}
