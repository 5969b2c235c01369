use super::{FileResult, Reporter, Summary};
use std::io::{self, Write};

/// `path:line:col: severity[rule]: message`
pub struct Short;

impl Reporter for Short {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            let p = f.position(d.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                f.path,
                p.line,
                p.column,
                d.severity.as_str(),
                d.rule,
                d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
