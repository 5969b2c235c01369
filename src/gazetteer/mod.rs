//! TEMPORARY STUB of the world gazetteer (built in parallel on another branch).
//!
//! It has exactly the public API of the real module so that the name checks build and can be
//! tested; the integrator replaces this whole folder with the real `src/gazetteer/`. The data
//! here is a handful of places used by the tests and the `names` rule set's examples (all of
//! them places the real gazetteer knows).
//!
//! For measuring precision locally against a realistic gazetteer, the stub loads extra places
//! from the tab-separated file named by `FACTLINT_STUB_GAZETTEER` (canonical, kind, country,
//! population, forms separated by `;`). That hook exists only in this stub.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone)]
pub struct NearPlace {
    pub canonical: &'static str,
    pub form: &'static str,
    pub kind: PlaceKind,
    pub country: &'static str,
    pub population: u32,
    pub distance: u32,
}

struct Place {
    canonical: &'static str,
    kind: PlaceKind,
    country: &'static str,
    population: u32,
}

pub struct Gazetteer {
    places: Vec<Place>,
    /// (folded form, form as written, place index)
    forms: Vec<(String, &'static str, usize)>,
    by_folded: HashMap<String, Vec<usize>>,
    /// First folded letter → form indices (the stub's crude index).
    by_initial: HashMap<char, Vec<usize>>,
}

const STUB: &[(&str, PlaceKind, &str, u32, &[&str])] = &[
    (
        "Santa Cruz de la Sierra",
        PlaceKind::City,
        "BO",
        1_364_389,
        &["Santa Cruz"],
    ),
    ("Santa Cruz", PlaceKind::Region, "BO", 2_655_084, &[]),
    ("Buenos Aires", PlaceKind::City, "AR", 13_076_300, &[]),
    ("Johannesburg", PlaceKind::City, "ZA", 2_026_469, &[]),
    ("Philippines", PlaceKind::Country, "PH", 109_581_085, &[]),
    ("Kuala Lumpur", PlaceKind::City, "MY", 1_453_975, &[]),
    ("Santa Catarina", PlaceKind::Region, "BR", 7_610_361, &[]),
    ("Antofagasta", PlaceKind::City, "CL", 309_832, &[]),
    ("Vilnius", PlaceKind::City, "LT", 542_366, &[]),
    ("Stuttgart", PlaceKind::City, "DE", 589_793, &[]),
    ("Iloilo", PlaceKind::City, "PH", 457_626, &["Iloilo City"]),
    ("Saskatchewan", PlaceKind::Region, "CA", 1_132_505, &[]),
    ("Rajasthan", PlaceKind::Region, "IN", 68_548_437, &[]),
    ("Bolivia", PlaceKind::Country, "BO", 11_353_142, &[]),
    ("La Paz", PlaceKind::City, "BO", 812_799, &[]),
    ("Cochabamba", PlaceKind::City, "BO", 841_276, &[]),
    ("Manila", PlaceKind::City, "PH", 1_600_000, &[]),
    ("Cebu City", PlaceKind::City, "PH", 798_634, &["Cebu"]),
    ("Brazil", PlaceKind::Country, "BR", 209_469_333, &[]),
    ("Chile", PlaceKind::Country, "CL", 18_729_160, &[]),
    ("Austria", PlaceKind::Country, "AT", 8_847_037, &[]),
    ("Australia", PlaceKind::Country, "AU", 24_992_369, &[]),
    ("Gambia", PlaceKind::Country, "GM", 2_280_102, &[]),
    ("Zambia", PlaceKind::Country, "ZM", 17_351_822, &[]),
    ("Dijon", PlaceKind::City, "FR", 151_212, &[]),
    ("Canada", PlaceKind::Country, "CA", 37_058_856, &[]),
    ("Manitoba", PlaceKind::Region, "CA", 1_278_365, &[]),
    ("Kelowna", PlaceKind::City, "CA", 125_109, &[]),
    ("Kenya", PlaceKind::Country, "KE", 51_393_010, &[]),
    ("Nairobi", PlaceKind::City, "KE", 2_750_547, &[]),
    ("Eldoret", PlaceKind::City, "KE", 218_446, &[]),
    ("Munich", PlaceKind::City, "DE", 1_260_391, &["München"]),
    ("Brussels", PlaceKind::City, "BE", 1_019_022, &["Bruxelles"]),
    ("Porto Alegre", PlaceKind::City, "BR", 1_372_741, &[]),
    (
        "Rio Grande do Sul",
        PlaceKind::Region,
        "BR",
        11_329_605,
        &[],
    ),
    ("Delhi", PlaceKind::City, "IN", 10_927_986, &[]),
    ("Jaipur", PlaceKind::City, "IN", 2_711_758, &[]),
    ("Seattle", PlaceKind::City, "US", 608_660, &[]),
    ("Warsaw", PlaceKind::City, "PL", 1_702_139, &["Warszawa"]),
    ("Poland", PlaceKind::Country, "PL", 37_978_548, &[]),
    ("Cairo", PlaceKind::City, "EG", 7_734_614, &[]),
    ("Cotia", PlaceKind::City, "BR", 253_608, &[]),
    ("Madrid", PlaceKind::City, "ES", 3_255_944, &[]),
    ("Lisbon", PlaceKind::City, "PT", 517_802, &["Lisboa"]),
    ("Oslo", PlaceKind::City, "NO", 580_000, &[]),
    ("Slovyansk", PlaceKind::City, "UA", 106_972, &["Sloviansk"]),
    ("Kramatorsk", PlaceKind::City, "UA", 150_084, &[]),
    ("Thembisa", PlaceKind::City, "ZA", 511_655, &[]),
    ("Soweto", PlaceKind::City, "ZA", 1_695_047, &[]),
    ("Jafarabad", PlaceKind::City, "IN", 54_601, &[]),
    ("Jauharabad", PlaceKind::City, "PK", 113_188, &[]),
    ("Belarus", PlaceKind::Country, "BY", 9_485_386, &[]),
    ("Chur", PlaceKind::City, "CH", 35_373, &[]),
];

/// English words that are written capitalised only at the start of a sentence (the real
/// module ships a full dictionary list).
const COMMON: &[&str] = &[
    "about",
    "after",
    "again",
    "also",
    "among",
    "and",
    "another",
    "before",
    "both",
    "but",
    "city",
    "council",
    "court",
    "during",
    "each",
    "even",
    "from",
    "general",
    "minister",
    "president",
    "province",
    "region",
    "senator",
    "state",
    "still",
    "that",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "under",
    "when",
    "where",
    "while",
    "with",
    "market",
    "union",
    "united",
    "national",
    "officials",
    "police",
    "critics",
    "farmers",
    "defense",
    "chief",
    "mayor",
    "governor",
    "deputy",
    "vice",
    "director",
    "agent",
    "coach",
    "tickets",
    "tourism",
    "vote",
    "counting",
    "since",
    "during",
    "simultaneously",
    "demonstrations",
    "according",
    "severe",
    "senior",
    "hospitals",
    "outside",
    "agriculture",
    "net",
    "leaders",
    "rain",
    "thick",
    "consumer",
    "core",
    "real",
    "old",
    "mesa",
    "baker",
    "barker",
    "argentine",
    "the",
    "in",
    "on",
    "at",
    "a",
    "an",
    "of",
    "he",
    "she",
    "it",
    "we",
    "you",
    "i",
    "rescue",
    "moral",
    "police",
    "talks",
    "later",
    "yes",
    "no",
    "his",
    "her",
    "its",
    "our",
    "west",
    "south",
    "north",
    "east",
    "lake",
    "street",
    "new",
    "rain",
    "support",
];

fn load_dev_file(g: &mut Gazetteer) {
    let Some(path) = std::env::var_os("FACTLINT_STUB_GAZETTEER") else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let text: &'static str = Box::leak(text.into_boxed_str());
    for line in text.lines() {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let kind = match f[1] {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            _ => PlaceKind::City,
        };
        let forms: Vec<&'static str> = f[4].split(';').filter(|s| !s.is_empty()).collect();
        g.add(f[0], kind, f[2], f[3].parse().unwrap_or(0), &forms);
    }
}

impl Gazetteer {
    fn add(
        &mut self,
        canonical: &'static str,
        kind: PlaceKind,
        country: &'static str,
        population: u32,
        forms: &[&'static str],
    ) {
        let p = self.places.len();
        self.places.push(Place {
            canonical,
            kind,
            country,
            population,
        });
        let mut seen = HashSet::new();
        for form in std::iter::once(&canonical).chain(forms) {
            let folded = fold(form);
            if folded.is_empty() || !seen.insert(folded.clone()) {
                continue;
            }
            let i = self.forms.len();
            self.by_folded.entry(folded.clone()).or_default().push(i);
            if let Some(c) = folded.chars().next() {
                self.by_initial.entry(c).or_default().push(i);
            }
            self.forms.push((folded, form, p));
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn is_known(&self, phrase: &str) -> bool {
        self.by_folded.contains_key(&fold(phrase))
    }

    pub fn lookup(&self, phrase: &str) -> Option<&'static str> {
        let forms = self.by_folded.get(&fold(phrase))?;
        forms
            .iter()
            .map(|&i| &self.places[self.forms[i].2])
            .max_by_key(|p| p.population)
            .map(|p| p.canonical)
    }

    /// Places whose name is within `max_edits` of `phrase`, best first (fewest edits, then
    /// largest population); never an exact match. The stub only looks at names that share the
    /// first letter or the second one.
    pub fn near(&self, phrase: &str, max_edits: u32) -> Vec<NearPlace> {
        let q = fold(phrase);
        let mut initials: Vec<char> = q.chars().take(2).collect();
        initials.dedup();
        let mut best: HashMap<usize, NearPlace> = HashMap::new();
        for c in initials {
            for &i in self.by_initial.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
                let (folded, form, p) = &self.forms[i];
                if folded.len().abs_diff(q.len()) > max_edits as usize {
                    continue;
                }
                let d = damerau_levenshtein(&q, folded);
                if d == 0 || d > max_edits {
                    continue;
                }
                let place = &self.places[*p];
                let entry = best.entry(*p).or_insert(NearPlace {
                    canonical: place.canonical,
                    form,
                    kind: place.kind,
                    country: place.country,
                    population: place.population,
                    distance: d,
                });
                if d < entry.distance {
                    entry.distance = d;
                    entry.form = form;
                }
            }
        }
        if self.by_folded.contains_key(&q) {
            return Vec::new();
        }
        let mut out: Vec<NearPlace> = best.into_values().collect();
        out.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.population.cmp(&a.population))
                .then(a.canonical.cmp(b.canonical))
        });
        out
    }
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            places: Vec::new(),
            forms: Vec::new(),
            by_folded: HashMap::new(),
            by_initial: HashMap::new(),
        };
        for &(canonical, kind, country, population, forms) in STUB {
            g.add(canonical, kind, country, population, forms);
        }
        load_dev_file(&mut g);
        g
    })
}

/// Is `word` an ordinary English word (so a capital on it says nothing about a name)?
pub fn is_common_word(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut set: HashSet<String> = COMMON.iter().map(|w| w.to_string()).collect();
        if let Some(path) = std::env::var_os("FACTLINT_STUB_WORDS")
            && let Ok(text) = std::fs::read_to_string(path)
        {
            set.extend(
                text.lines()
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .map(str::to_string),
            );
        }
        set
    });
    words.contains(&word.to_lowercase())
}

/// Lower-case, strip diacritics, hyphens to spaces.
pub fn fold(s: &str) -> String {
    const MAP: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņň", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if s.is_ascii() {
        return s.to_ascii_lowercase().replace('-', " ");
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\u{300}'..='\u{36f}') {
            continue;
        }
        if c == '-' {
            out.push(' ');
        } else if let Some(&(_, to)) = MAP.iter().find(|(from, _)| from.contains(c)) {
            out.push(to);
        } else {
            out.push(c);
        }
    }
    out
}

/// Optimal-string-alignment Damerau–Levenshtein distance over characters.
pub fn damerau_levenshtein(a: &str, b: &str) -> u32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0u32; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i as u32;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j as u32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = u32::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}
