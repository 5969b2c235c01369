//! The commands of the binary, as library code: the binary parses flags and maps the result
//! to an exit status; what a command does lives here.

pub mod check;
pub mod explain;
pub mod facts;
pub mod names;
pub mod rules;
pub mod test_rules;
