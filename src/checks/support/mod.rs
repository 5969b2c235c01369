//! What several rule kinds share but is no kind itself: matching a rule's listed phrases,
//! the number and time checks' wording, and the entity lists every name check consults.
//! Facts about the article itself belong in [`crate::analysis`]; this is code that works
//! on a rule's own options or writes a kind's findings.

pub(crate) mod count_facts;
pub(crate) mod known;
pub(crate) mod name_variants;
pub(crate) mod numeric;
pub(crate) mod phrase_scan;
pub(crate) mod time;
