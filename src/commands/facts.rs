//! `factlint facts ARTICLE`: the article's fact sheet (names, figures with what they count,
//! tallies, times resolved against the publication date), as a table or as JSON.

use crate::Linter;
use crate::analysis::Analysis;
use crate::analysis::facts::sheet;
use crate::document::{Document, Format};

/// The fact sheet of `text` (read from `name`), as the command prints it. The publication date
/// is `date`, else the front matter's, else the dateline's.
pub fn render(name: &str, text: String, date: Option<jiff::civil::Date>, json: bool) -> String {
    let doc = Document::parse(name, text, Format::for_path(name));
    let date = Linter::new(Vec::new()).publication_date(&doc, date);
    let analysis = Analysis::new(&doc);
    let sheet = sheet::build(&analysis, name, date);
    if json {
        let mut s = serde_json::to_string_pretty(&sheet).expect("a sheet serialises");
        s.push('\n');
        s
    } else {
        sheet.human()
    }
}
