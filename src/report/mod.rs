//! Output formats. Each reporter receives files one at a time (results stream; nothing holds
//! every article) and writes to the given sink. Line/column conversion happens here, at the edge.

mod human;
mod json;
mod short;

use crate::diagnostic::Diagnostic;
use crate::ruleset::Rule;
use crate::source::{LineIndex, Position};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets (codespan-reporting).
    Human,
    /// `path:line:col: severity[rule]: message`, one per line.
    Short,
    /// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
    Json,
    /// One JSON diagnostic per line.
    Jsonl,
}

/// One linted file, as reporters see it.
pub struct FileResult<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub diagnostics: &'a [Diagnostic],
}

impl FileResult<'_> {
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub failed_files: usize,
}

pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

pub struct Options {
    pub color: bool,
}

pub fn reporter(format: Format, options: &Options, _rules: &[Rule]) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(options.color)),
        Format::Short => Box::new(short::Short),
        Format::Json => Box::new(json::Json::new(false)),
        Format::Jsonl => Box::new(json::Json::new(true)),
    }
}
