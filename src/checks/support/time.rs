//! What the time checks (`vague-time`, `bare-weekday`, `weekday-date`, `impossible-date`,
//! `future-event`) share: wording, the note on supplying a publication date, and how a
//! resolved date is put back into a sentence.

use crate::analysis::time::{Resolution, TimeExpr, format_date};
use jiff::civil::Date;

/// Told when a relative expression cannot be resolved for want of a publication date.
pub(crate) const NO_DATE_NOTE: &str = "the publication date is not known: pass `--date YYYY-MM-DD` \
                                or add `date: YYYY-MM-DD` to the front matter to see the \
                                absolute date";

/// Prepositions after which a resolved date reads without one of its own ("since October 23",
/// "by December 2019", "the end of 2018").
const OWN_PREPOSITIONS: &[&str] = &[
    "on", "since", "until", "till", "by", "from", "before", "after", "of", "through", "to",
    "between", "for", "in", "during", "than",
];

/// The words that replace `t.core` in the sentence: "October 20, 2019" after "on", "on or
/// about October 26, 2019" where the expression was an adverb, "since October 23, 2019" for
/// "since 17 days". Capitalised like the original. `described` is what `r.describe()` says
/// (a caller that has it spells no date twice).
pub(crate) fn replacement_of(
    t: &TimeExpr,
    r: &Resolution,
    described: String,
    original: &str,
    since: bool,
) -> String {
    let text = if since {
        format!("since {described}")
    } else if t
        .prep
        .as_deref()
        .is_some_and(|p| OWN_PREPOSITIONS.contains(&p))
    {
        described
    } else {
        r.adverbial_of(described)
    };
    // An original starting in lower case asks for no change of case (see `match_case`).
    if original.starts_with(char::is_lowercase) {
        return text;
    }
    crate::checks::match_case(original, &text)
}

/// "November 9, 2019".
pub(crate) fn published(d: Date) -> String {
    format_date(d)
}

/// The time kinds' tests run a kind the way every kind's tests do.
#[cfg(test)]
pub(crate) mod testing {
    pub(crate) use crate::checks::tests_support::{diagnostics as run, run_kind as hits};
}
