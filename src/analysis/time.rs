//! Dates, weekdays and relative time expressions. (Placeholder: filled in by the time work.)

use super::Analysis;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub span: Range<usize>,
}

pub(super) fn extract(_a: &Analysis) -> Vec<TimeExpr> {
    Vec::new()
}
