//! SARIF 2.1.0, as GitHub code scanning and SARIF viewers read it. Columns are UTF-16 code units
//! (`columnKind: utf16CodeUnits`); every region also carries `byteOffset`/`byteLength` into the
//! file as stored, which SARIF allows alongside text properties when both agree.
//!
//! Streamed: the header (tool and rules) is written with the first file, results follow one by
//! one, and `finish` closes the run.

use super::{FileResult, Reporter, Summary};
use crate::baseline;
use crate::diagnostic::{Applicability, Severity};
use crate::kind_doc;
use crate::meta_rules;
use crate::ruleset::Rule;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

pub(super) struct Sarif {
    rules: Vec<Value>,
    index: HashMap<String, usize>,
    started: bool,
    first_result: bool,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule's metadata from its rule-set entry and its kind's page (the help is the page that
/// `factlint explain` prints, as text and as Markdown).
fn rule_descriptor(r: &Rule) -> Value {
    let d = r.kind.doc.parsed();
    let short = r.description.clone().unwrap_or_else(|| d.summary.clone());
    let what = kind_doc::to_text(d.body(kind_doc::Section::What));
    let full = match &r.description {
        Some(desc) => format!("{desc}\n\n{what}"),
        None => what,
    };
    let help_md = d.page(Some(r));
    let help_text = kind_doc::to_text(&help_md);
    json!({
        "id": r.id,
        "name": pascal(&r.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": level(r.severity), "enabled": r.enabled},
        "properties": {"tags": [r.set, d.name], "kind": d.name, "source": r.source},
        // The kind's page, which documents a desk's rules of that kind as well as built-in ones.
        "helpUri": format!("{REPOSITORY}/blob/HEAD/docs/kinds/{}.md", d.name),
    })
}

/// The project's home (Cargo.toml's `repository`): the tool's `informationUri`.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
/// The base that relative artifact URIs are resolved against: the folder factlint ran in.
const SRCROOT: &str = "%SRCROOT%";

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `style.repetition` → `StyleRepetition` (SARIF's `name` is an identifier-like label).
fn pascal(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .map(capitalise)
        .collect()
}

/// A relative URI reference for a path: `/` separators, reserved and non-ASCII bytes
/// percent-encoded, `./` dropped; absolute paths become `file://` URIs.
pub(super) fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::new();
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p)
    } else if p.len() > 2 && p.as_bytes()[1] == b':' && p.as_bytes()[2] == b'/' {
        ("file:///", p) // C:/…
    } else {
        ("", p)
    };
    out.push_str(prefix);
    for b in rest.bytes() {
        let keep =
            b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && !prefix.is_empty());
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An `artifactLocation`: a relative path is anchored at [`SRCROOT`].
fn artifact(path: &str) -> Value {
    let u = uri(path);
    if u.starts_with("file:") {
        json!({"uri": u})
    } else {
        json!({"uri": u, "uriBaseId": SRCROOT})
    }
}

fn region(f: &FileResult, r: &Range<usize>) -> Value {
    let (s, e) = f.span_positions(r);
    json!({
        "startLine": s.line,
        "startColumn": s.column_utf16,
        "endLine": e.line,
        "endColumn": e.column_utf16,
        "byteOffset": r.start,
        "byteLength": r.end - r.start,
    })
}

impl Sarif {
    pub(super) fn new(rules: &[Rule]) -> Sarif {
        let mut descriptors: Vec<Value> = rules.iter().map(rule_descriptor).collect();
        // The linter's own rules are described even when the caller did not load them.
        descriptors.extend(
            meta_rules::rules()
                .iter()
                .filter(|m| !rules.iter().any(|r| r.id == m.id))
                .map(rule_descriptor),
        );
        let index = descriptors
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d["id"].as_str().map(|id| (id.to_string(), i)))
            .collect();
        Sarif {
            rules: descriptors,
            index,
            started: false,
            first_result: true,
        }
    }

    fn header(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let driver = json!({
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": REPOSITORY,
            "rules": self.rules,
        });
        // Paths are reported as given, relative to the folder factlint ran in.
        let root = std::env::current_dir()
            .ok()
            .and_then(|d| {
                d.to_str()
                    .map(|d| uri(d).trim_end_matches('/').to_string() + "/")
            })
            .filter(|u| u.starts_with("file:"));
        let bases = match root {
            Some(u) => {
                json!({SRCROOT: {"uri": u, "description": {"text": "The folder factlint ran in."}}})
            }
            None => json!({}),
        };
        write!(
            out,
            "{{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n\
             \"runs\": [{{\"tool\": {{\"driver\": {driver}}},\n\
             \"originalUriBaseIds\": {bases},\n\
             \"columnKind\": \"utf16CodeUnits\",\n\"results\": ["
        )
    }

    fn result(&self, f: &FileResult, d: &crate::diagnostic::Diagnostic, fp: String) -> Value {
        let artifact = artifact(f.path);
        let location =
            |span: &Range<usize>| json!({"artifactLocation": artifact, "region": region(f, span)});
        let mut primary = location(&d.span);
        primary["region"]["snippet"] = json!({"text": f.slice(&d.span)});
        if let Some(l) = &d.primary_label {
            primary["region"]["message"] = json!({"text": l});
        }
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!(" (help: {h})"));
        }
        let mut v = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": {"text": message},
            "locations": [{"physicalLocation": primary}],
            "partialFingerprints": {"factlintFingerprint/v1": fp},
        });
        if let Some(&i) = self.index.get(&d.rule) {
            v["ruleIndex"] = json!(i);
        }
        if !d.labels.is_empty() {
            v["relatedLocations"] = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({"id": i, "physicalLocation": location(&l.span), "message": {"text": l.message}})
                })
                .collect();
        }
        if !d.fixes.is_empty() {
            // Each fix is an alternative; SARIF's `fixes` array has the same meaning.
            v["fixes"] = d
                .fixes
                .iter()
                .map(|x| {
                    let what = if x.replacement.is_empty() {
                        format!("delete '{}'", f.slice(&x.span))
                    } else {
                        format!("replace '{}' with '{}'", f.slice(&x.span), x.replacement)
                    };
                    let safety = match x.applicability {
                        Applicability::Safe => "safe",
                        Applicability::Unsafe => "unsafe",
                    };
                    json!({
                        "description": {"text": format!("{what} ({safety} fix)")},
                        "artifactChanges": [{
                            "artifactLocation": artifact,
                            "replacements": [{
                                "deletedRegion": region(f, &x.span),
                                "insertedContent": {"text": x.replacement},
                            }],
                        }],
                        "properties": {"applicability": safety},
                    })
                })
                .collect();
        }
        v
    }
}

impl Reporter for Sarif {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        self.header(out)?;
        let keys = baseline::keys(f.path, f.text, f.diagnostics);
        for (d, (key, occurrence)) in f.diagnostics.iter().zip(keys) {
            let v = self.result(f, d, baseline::fingerprint(&key, occurrence));
            let sep = if self.first_result { "\n" } else { ",\n" };
            self.first_result = false;
            write!(out, "{sep}{v}")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        self.header(out)?;
        let invocation = json!({
            "executionSuccessful": s.failed_files == 0,
            "properties": {"files": s.files, "failedFiles": s.failed_files},
        });
        writeln!(out, "\n],\n\"invocations\": [{invocation}]}}]}}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::Format;
    use super::super::tests::render;
    use super::*;

    #[test]
    fn columns_are_utf16_and_bytes_index_the_file() {
        for bom in [false, true] {
            let out = render(Format::Sarif, bom);
            let v: Value = serde_json::from_str(&out).unwrap();
            let run = &v["runs"][0];
            assert_eq!(run["columnKind"], "utf16CodeUnits");
            let r = &run["results"][0];
            let region = &r["locations"][0]["physicalLocation"]["region"];
            assert_eq!(region["startLine"], 2);
            assert_eq!(region["startColumn"], 12);
            assert_eq!(region["endColumn"], 19);
            let text = super::super::tests::text(bom);
            let start = region["byteOffset"].as_u64().unwrap() as usize;
            let len = region["byteLength"].as_u64().unwrap() as usize;
            assert_eq!(&text[start..start + len], "the the");
            assert_eq!(region["snippet"]["text"], "the the");
            // The label on line 1 and the fix (deleting " the").
            let related = &r["relatedLocations"][0]["physicalLocation"]["region"];
            assert_eq!(
                (related["startLine"].clone(), related["startColumn"].clone()),
                (json!(1), json!(1))
            );
            let del = &r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
            assert_eq!(
                (del["startColumn"].clone(), del["endColumn"].clone()),
                (json!(15), json!(19))
            );
            assert_eq!(
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                "dir%20with%20space/caf%C3%A9.md"
            );
            let rule = &run["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
            assert_eq!(rule["id"], "style.repetition");
            assert!(
                rule["help"]["text"]
                    .as_str()
                    .unwrap()
                    .contains("Fix safety")
            );
            assert_eq!(run["results"][1]["level"], "error");
            // Relative paths are anchored at the folder factlint ran in.
            let location = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(location["uriBaseId"], SRCROOT);
            let base = run["originalUriBaseIds"][SRCROOT]["uri"].as_str().unwrap();
            assert!(
                base.starts_with("file:///") && base.ends_with('/'),
                "{base}"
            );
            let driver = &run["tool"]["driver"];
            assert!(
                driver["informationUri"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://")
            );
            assert!(rule["helpUri"].as_str().unwrap().starts_with("https://"));
        }
    }

    #[test]
    fn uris() {
        assert_eq!(uri("./a b/c#d.md"), "a%20b/c%23d.md");
        assert_eq!(uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
