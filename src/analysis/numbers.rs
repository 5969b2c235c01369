//! Numbers, ordinals, approximations and ages. (Placeholder: filled in by the counts work.)

use super::Analysis;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub value: f64,
}

pub(super) fn extract(_a: &Analysis) -> Vec<Quantity> {
    Vec::new()
}
