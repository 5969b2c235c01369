#!/usr/bin/env python3
"""Generate factlint's embedded list of people in public office, rules/people/.

Python 3 standard library only. Input: the raw officeholder lists described in
`../shared/data/people/README.md` (public-domain works of the US government):

    factbook-officeholders-1990-2026.tsv   name, countries, first_year, last_year, sources, fields
    cia-world-leaders-2019.tsv             name, office, country

Usage (from the repository root):

    python3 scripts/gen_people.py [--data DIR]           # writes rules/people/*.tsv, *.txt
    python3 scripts/gen_people.py [--data DIR] --check   # exit 1 if those files are stale

DIR defaults to $FACTLINT_PEOPLE_DATA, else ../shared/data/people beside the repository.
Country names are mapped to ISO 3166-1 codes with the gazetteer's own country forms
(rules/gazetteer/places.tsv, checked in) and a short hand list of the Factbook's spellings.

Output: people.tsv (below); given_names.txt, the folded given names held by COMMON_GIVEN people or
more (a name in its own right, so a near miss of another is held to one edit); countries.tsv,
`code<TAB>name` for the codes used; surnames.txt, the distinct folded surnames sorted by first
letter, then length, then surname (for the cheap look-ups). people.tsv has one line per person, no header, sorted (by
code point, which is UTF-8 byte order, so the Rust side can binary-search the embedded text):

    key <TAB> surname <TAB> given <TAB> after <TAB> countries <TAB> roles <TAB> first <TAB> last <TAB> office

* key: the surname folded as factlint folds names (lower case, no diacritics, hyphens as
  spaces): what an article's words are looked up by;
* surname: the part the sources print in capitals ("Juan Evo MORALES Ayma" -> "Morales"), in
  title case, with accents when any source printed them;
* given: the words before it ("Juan Evo"); after: the words after it ("Ayma"; for names written
  surname first, "XI Jinping", the personal name);
* countries: ISO 3166-1 alpha-2 codes, comma-separated (a few historical states keep the codes
  ISO reserved for them: SU, YU, CS for Czechoslovakia, DD; Serbia and Montenegro is RS and ME;
  a US ambassador abroad gets the host country, where articles name him or her);
* roles: letters, see ROLE_LETTERS;
* first, last: the first and last edition year that printed the person;
* office: the office in the CIA's 2019 directory, when listed there.

Cleaning (each step says why):
* fields that are not offices (national anthem composers, country-name etymologies, capitals,
  the 2024+ Factbook's bare party lists, pressure groups) are dropped: they name no officeholder,
  or name parties rather than people;
* titles and sentence-splitting fragments around a name ("Ambassador", "Government--Prime
  Minister", "e ", " el") are stripped, and rows left with no capitalised surname, or that are a
  party acronym with a word of its name ("AAA Besa", "MDC Alliance"), are dropped;
* a spelling is admitted when printed in at least two editions (first < last) or by two sources;
  the CIA's 2019 directory, a structured list printed once and the only source for most
  ministers and central-bank governors, is admitted too (see the next rule for its typos);
* a spelling that is a slip of a far better attested one of the same person (same country,
  overlapping years, each word a letter or two off) is a typo in the source (JUNKER for JUNCKER,
  VUSIC for VUCIC) and dropped; see `drop_typos` for the distinct people this keeps apart;
* the 2021-2025 yearly editions lost accented letters ("FERN NDEZ"): their rows printed by no
  other source are dropped (factbook.json prints the same editions with the accents);
* rows that differ only in accents are merged, keeping the accented spelling; rows of one country
  whose given names are a subset of another's with the same surname are one person ("Evo MORALES"
  and "Juan Evo MORALES Ayma").
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "rules", "people", "people.tsv")
GIVEN_OUT = os.path.join(ROOT, "rules", "people", "given_names.txt")
COUNTRIES_OUT = os.path.join(ROOT, "rules", "people", "countries.tsv")
SURNAMES_OUT = os.path.join(ROOT, "rules", "people", "surnames.txt")
# A given name held by this many listed people is a name in its own right, not a slip.
COMMON_GIVEN = 3
PLACES = os.path.join(ROOT, "rules", "gazetteer", "places.tsv")
FACTBOOK = "factbook-officeholders-1990-2026.tsv"
DIRECTORY = "cia-world-leaders-2019.tsv"
DIRECTORY_SOURCE = "cia-world-leaders-2019"

# Role letters, most specific first (the Rust side reads the same letters).
ROLE_LETTERS = {
    "H": "head of state",
    "G": "head of government",
    "M": "minister or cabinet member",
    "B": "central bank governor",
    "X": "executive (head of state or government, cabinet member or candidate)",
    "P": "party leader or legislator",
    "J": "judge",
    "A": "ambassador",
}

# ---------------------------------------------------------------------------
# Folding, as Rust's `fuzzy::fold` does it for the letters these lists use
# ---------------------------------------------------------------------------
_SPECIAL = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'",
    "´": "'",
}


def fold(s):
    s = s.lower()
    s = "".join(_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("-", " ").replace(".", "")
    return " ".join(s.split())


def accents(s):
    return sum(1 for ch in s if ord(ch) > 127)


def osa(a, b):
    """Optimal-string-alignment Damerau-Levenshtein distance."""
    n, m = len(a), len(b)
    prev2, prev = None, list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[m]


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------
# The Factbook's names that the gazetteer's forms do not cover (folded name -> code); None drops
# the name (extraction debris, or a place of no country).
COUNTRY_ALIASES = {
    "korea, south": "KR", "korea, north": "KP", "north korea": "KP", "south korea": "KR",
    "burma": "MM", "burma (myanmar)": "MM", "congo, democratic republic of the": "CD",
    "drc": "CD", "zaire": "CD", "congo, republic of the": "CG", "congo": "CG",
    "the dominican": "DO", "dominican republic": "DO", "turkey (turkiye)": "TR", "turkiye": "TR",
    "macedonia,": "MK", "macedonia, the former yugoslav republic of": "MK",
    "the former yugoslav republic of macedonia": "MK", "north macedonia": "MK",
    "gambia, the": "GM", "the gambia": "GM", "bahamas, the": "BS", "the bahamas": "BS",
    "laos or lao pdr": "LA", "laos&nbsp;": "LA", "laos": "LA", "c&ocirc;te d'ivoire": "CI",
    "cote d'ivoire": "CI", "ivory coast": "CI", "kazakstan": "KZ", "east timor": "TL",
    "timor leste": "TL", "micronesia, federated states of": "FM", "micronesia": "FM",
    "western samoa": "WS", "burkina": "BF", "burkina faso": "BF", "holy see (vatican city)": "VA",
    "vatican city)": "VA", "vatican city": "VA", "holy see": "VA", "man, isle of": "IM",
    "isle of man": "IM", "st helena": "SH", "saint helena": "SH",
    "saint helena, ascension, and tristan da cunha": "SH", "st lucia": "LC",
    "st kitts and nevis": "KN", "st vincent and the grenadines": "VC",
    "st pierre and miquelon": "PM", "falkland islands (islas malvinas)": "FK",
    "cocos (keeling) islands": "CC", "svalbard": "SJ", "jan mayen": "SJ",
    "svalbard (sometimes referred to as spitsbergen, the largest island in the archipelago)": "SJ",
    "european union": "EU", "soviet union": "SU", "yugoslavia": "YU",
    "serbia and montenegro": "RS,ME", "czechoslovakia": "CS", "german democratic republic": "DD",
    "germany, federal republic of": "DE", "yemen arab republic": "YE",
    "yemen, people's democratic republic of": "YE", "netherlands antilles": "AN",
    "pacific islands, trust territory of the (palau)": "PW",
    "pacific islands (palau), trust territory of the": "PW",
    "pacific islands, trust territory of the": "PW", "reunion": "RE", "curacao": "CW",
    "saint barthelemy": "BL", "saint martin": "MF", "sint maarten": "SX",
    "guinea bissau": "GW", "sao tome and principe": "ST", "west bank": "PS", "gaza strip": "PS",
    "taiwan": "TW", "hong kong": "HK", "macau": "MO", "kosovo": "XK", "russia": "RU",
    "united states": "US", "united kingdom": "GB", "virgin islands": "VI",
    "british virgin islands": "VG", "wallis and futuna": "WF", "western sahara": "EH",
    "world": None, "none": None, "at": None, "countries": None, "antarctica": None,
}


# Names for the codes the gazetteer has no country for (historical states, the EU).
COUNTRY_NAMES = {
    "EU": "the European Union", "SU": "the Soviet Union", "YU": "Yugoslavia",
    "CS": "Czechoslovakia", "DD": "East Germany", "AN": "the Netherlands Antilles",
}


def country_codes():
    """Folded country name -> ISO codes (comma-separated), from the gazetteer's forms and
    COUNTRY_ALIASES."""
    codes = {}
    with open(PLACES, encoding="utf-8") as f:
        for line in f:
            _, form, kind, cc, _ = line.rstrip("\n").split("\t")
            if kind == "country" and cc:
                codes.setdefault(fold(form), cc)
    codes.update(COUNTRY_ALIASES)
    return codes


def with_article(name):
    """'United States' -> 'the United States', 'The Netherlands' -> 'the Netherlands' (the
    names are used in running text: 'President of the Philippines')."""
    if name.startswith(("The ", "the ")):
        return "the " + name[4:]
    plural = re.search(r"(Islands|Republic|Emirates|States|Kingdom|Congo|Territory|Antilles)$", name)
    if plural or name in ("Bahamas", "Gambia", "Philippines", "Maldives", "Comoros", "Vatican",
                          "Seychelles"):
        return "the " + name
    return name


def country_names(people):
    """`code<TAB>English name` for every code the people use: the gazetteer's canonical
    country name, or COUNTRY_NAMES."""
    names = dict(COUNTRY_NAMES)
    with open(PLACES, encoding="utf-8") as f:
        for line in f:
            canonical, _, kind, cc, _ = line.rstrip("\n").split("\t")
            if kind == "country" and cc:
                names.setdefault(cc, canonical)
    for cc, name in names.items():
        names[cc] = with_article(name)
    used = sorted({cc for p in people for cc in p.countries})
    missing = [cc for cc in used if cc not in names]
    if missing:
        sys.exit(f"no country name for {missing}: add them to COUNTRY_NAMES")
    return "".join(f"{cc}\t{names[cc]}\n" for cc in used)


# ---------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------
FIELD_ROLES = {
    "Executive branch": "X",
    "Political parties and leaders": "P",
    "Legislative branch": "P",
    "Legislative branch - lower chamber": "P",
    "Judicial branch": "J",
    "Diplomatic representation": "A",
    "Diplomatic representation in US": "A",
    "Diplomatic representation in the US": "A",
    "Diplomatic representation from the US": "A",
}
# Fields of the 2019 directory rows are its office titles (classified by `office_role`); every
# other Factbook field (anthems, capitals, country names, pressure groups, the 2024+ party lists)
# names no officeholder.


def office_role(office):
    o = office.lower()
    if "central bank" in o or "reserve bank" in o or "national bank" in o or "monetary" in o:
        return "B"
    if re.match(r"(ambassador|permanent representative|charge d'affaires|deputy permanent)", o):
        return "A"
    if re.match(r"(prime minister|premier|chancellor|chief executive|head of government|"
                r"chairman of the council of ministers|president of the government)", o):
        return "G"
    if re.match(r"(president|king|queen|emperor|amir|emir|sultan|chief of state|co-prince|"
                r"captain regent|grand duke|prince|governor general|supreme leader|pope)\b", o):
        return "H"
    return "M"


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------
# Titles, offices and section debris around a name ("Ambassador", "Consul General", "Dr.",
# "Minister of Foreign Affairs", "High Commissioner"): a given name never is one of these.
NOT_NAMES = {
    "ambassador", "ambassador-designate", "affaires", "charge", "chargé", "d'affaires",
    "consul", "general", "mission", "minister", "ministers", "prime", "president", "presidents",
    "premier", "premiers", "government", "state", "heir", "apparent", "dr", "sir", "dame", "lord",
    "lady", "gen", "adm", "lt", "col", "maj", "brig", "prof", "mr", "mrs", "ms", "sheikh", "sheik",
    "shaykh", "tan", "sri", "datuk", "dato", "dato'", "seri", "tun", "haji", "hajji", "alhaji",
    "ratu", "rev", "reverend", "bishop", "archbishop", "cardinal", "chief", "hon", "honorable",
    "justice", "judge", "king", "queen", "prince", "princess", "emir", "amir", "sultan", "crown",
    "captain", "capt", "commander", "colonel", "marshal", "field", "admiral", "lieutenant",
    "deputy", "vice", "acting", "interim", "former", "british", "french", "english", "danish",
    "spanish", "portuguese", "dutch", "us", "chairman", "leader", "governor", "secretary",
    "cabinet", "council", "executive", "speaker", "head", "first", "second", "co-chairmen",
    "co-chairs", "chairperson", "chairwoman", "elder", "senator", "engineer", "eng", "pastor",
    "imam", "ayatollah", "hojjat", "ol-eslam", "mullah", "maulana", "pehin", "high",
    "commissioner", "prefect", "territorial", "street", "avenue", "road", "place", "lane",
    "administrator", "republic", "assembly", "affairs", "bailiff", "confederation", "regent",
    "principal", "officer", "regional", "apostolic", "nuncio", "presidency", "paramount", "ruler",
    "party", "assistant", "national", "foreign", "episcopal", "political", "coalition",
    "transition", "interior", "professor", "development", "congress", "the", "social",
    "director", "commission", "army", "superior", "financial", "alliance", "movement", "federal",
    "international", "freedom", "defense", "defence", "socialist", "education", "rabbi", "mint",
    "of", "and", "for", "in", "on", "to", "with", "union", "front", "democratic", "liberal",
    "people's", "peoples", "popular", "workers", "labor", "labour", "green", "greens",
    "independent", "independents", "list", "bloc", "forum", "new", "united", "unity", "royal",
    "ministry", "office", "department", "court", "supreme", "constitutional", "tribunal",
    "senate", "parliament", "legislative", "house", "chamber", "member", "members", "delegate",
    "representative", "permanent", "embassy", "consulate", "mayor", "vice-president", "finance",
    "economy", "health", "trade", "industry", "agriculture", "energy",
}
# Debris after a name: bits of the next sentence or the next word ("el", "Mauritian").
CONNECTORS = {"de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du", "la",
              "le", "van", "von", "y", "e", "al", "bin", "bint", "ibn", "el", "zu", "ter", "ten",
              "ould", "ben", "abu", "binti", "van der", "af"}
UPPER = "A-Z\u00c0-\u00de\u0100-\u017f"
CAPS_WORD = re.compile(r"^[%s][%s'’\-]*[%s.]?$" % (UPPER, UPPER, UPPER))
ROMAN = re.compile(r"^[IVX]+$")
NAME_WORD = re.compile(r"^[%s][^\s\d]*$" % UPPER)
INITIAL = re.compile(r"^[%s]\.$|^[%s]\.[%s]\.$" % (UPPER, UPPER, UPPER))


def is_caps(word):
    """A word the sources print in capitals as a surname (two letters or more, any case-less
    punctuation), not a roman numeral after a monarch's name."""
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)
            and CAPS_WORD.match(word) is not None)


def title_case(word):
    """'MORALES' -> 'Morales', 'AL-AZIZ' -> 'Al-Aziz', "O'BRIEN" -> "O'Brien", 'MCDONALD' ->
    'McDonald'; connectors inside a surname stay lower case ('DE LA TORRE' -> 'de la Torre')."""
    parts = re.split(r"([-'’])", word)
    out = []
    for p in parts:
        if p in "-'’" or not p:
            out.append(p)
            continue
        t = p[0].upper() + p[1:].lower()
        if len(t) > 3 and t.startswith("Mc"):
            t = "Mc" + t[2].upper() + t[3:]
        out.append(t)
    return "".join(out)


def parse_name(raw, countries=()):
    """(given words, surname words, words after) of a raw name, or None when it holds no
    person's name. `countries`: folded country names, never a given name ("President of China
    XI Jinping")."""
    name = raw.replace("’", "'").replace("--", " -- ")
    words = name.split()
    # A section prefix ("Government -- Prime Minister Umar KARAMI") ends at its "--".
    if "--" in words:
        words = words[len(words) - 1 - words[::-1].index("--") + 1:]
    # A roman numeral after a capitalised name is a monarch's number ("ABDALLAH II"), not a
    # surname; first in a name it is one ("XI Jinping").
    caps = [i for i, w in enumerate(words)
            if is_caps(w) and not (ROMAN.match(w) and i > 0 and is_caps(words[i - 1]))]
    if not caps:
        return None
    # The surname: the first run of capitalised words (with connectors inside it).
    start = caps[0]
    end = start + 1
    while end < len(words):
        w = words[end]
        if is_caps(w) and not ROMAN.match(w):
            end += 1
        elif w.lower() in CONNECTORS and end + 1 < len(words) and is_caps(words[end + 1]):
            end += 2
        else:
            break
    # Given names: the run of name words right before the surname (titles, offices and debris
    # before them are dropped); after it, the run of name words up to the first that is not.
    given = []
    for w in reversed(words[:start]):
        if (not (NAME_WORD.match(w) or INITIAL.match(w)) or w.lower().rstrip(".") in NOT_NAMES
                or fold(w) in countries):
            break
        given.insert(0, w)
    while given and given[0].lower() in CONNECTORS:
        given.pop(0)
    after = []
    for i, w in enumerate(words[end:]):
        if w.lower().rstrip(".") in NOT_NAMES and w.lower() not in CONNECTORS:
            break
        if NAME_WORD.match(w) and not w.startswith("-"):
            after.append(w)
        elif w.lower() in CONNECTORS and i + 1 < len(words) - end and NAME_WORD.match(words[end + i + 1]):
            after.append(w)
        else:
            break
    while after and after[-1].lower() in CONNECTORS:
        after.pop()
    surname = words[start:end]
    if any(w.endswith(".") and len(w) > 2 for w in surname):
        return None
    return given, surname, after


def display_surname(words):
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        out.append(lw if i > 0 and lw in CONNECTORS else title_case(w))
    return " ".join(out)


def looks_like_party(given, surname, after, english, words, is_name):
    """'AAA Besa', 'MDC Alliance', 'AKP Albanian', 'APO Miami': an acronym (a short capitalised
    word) with a word of the party's name or a place after it, or a surname that is an English
    word ('A TEACHER'). `english`: folded English words; `words`: those and place names;
    `is_name(w)`: the folded word is a given name of several listed people ('Ahmed')."""
    # "NA" is the Factbook's "not available", and a month after a capitalised word a date.
    if surname == ["NA"] or any(w in MONTHS for w in after):
        return True
    if len(surname) == 1 and not given:
        s = surname[0].replace("-", "")
        vowels = sum(1 for c in s if c in "AEIOUY")
        short = len(s) <= 5 and (vowels == 0 or len(s) >= 4 and vowels <= 1 or s[0] == s[1:2])
        if short or "-" in surname[0] and len(surname[0]) <= 12 and vowels <= 2:
            return True
        last = fold(after[0]) if len(after) == 1 else None
        if last and not is_name(last) and (last in words or len(s) <= 3 and demonym_like(last)):
            return True
    if all(fold(w) in english and len(w) >= 4 for w in surname) and not given:
        return True
    return False


def demonym_like(word):
    """A demonym is one word: 'myung bak' (of LEE Myung-bak) is a given name."""
    return " " not in word and re.search(r"(an|ian|ese|ish|i|ak)$", word) is not None


def english_and_places():
    """(folded English common words, folded English words and place names) from the
    gazetteer's lists, to tell a party's, an address's or a date's words from a person's."""
    path = os.path.join(ROOT, "rules", "gazetteer", "common_words.txt")
    with open(path, encoding="utf-8") as f:
        english = {line.strip() for line in f if line.strip()}
    words = set(english)
    with open(PLACES, encoding="utf-8") as f:
        for line in f:
            words.add(fold(line.split("\t")[1]))
    words.update(m.lower() for m in MONTHS)
    return english, words


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------
class Person:
    __slots__ = ("given", "surname", "after", "countries", "roles", "first", "last", "sources",
                 "offices", "years_seen")

    def key(self):
        return fold(" ".join(self.surname))

    def given_key(self):
        return tuple(fold(w) for w in self.given if not INITIAL.match(w))

    def attestation(self):
        return (self.last - self.first + 1) + 2 * (len(self.sources) - 1)


def read_rows(data):
    codes = country_codes()
    english, words = english_and_places()
    offices = {}
    with open(os.path.join(data, DIRECTORY), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            offices.setdefault(row["name"], []).append((row["office"], row["country"]))
    people = []
    with open(os.path.join(data, FACTBOOK), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            sources = set(row["sources"].split("|"))
            first, last = int(row["first_year"]), int(row["last_year"])
            fields = set(row["fields"].split("|"))
            roles = {FIELD_ROLES[x] for x in fields if x in FIELD_ROLES}
            listed = offices.get(row["name"], []) if DIRECTORY_SOURCE in sources else []
            roles |= {office_role(o) for o, _ in listed}
            if not roles:
                continue
            # Admitted: two editions, two sources, or the 2019 directory (see the module docs).
            if first == last and len(sources) < 2 and DIRECTORY_SOURCE not in sources:
                continue
            # The yearly editions of 2021-2025 lost accented letters ("FERN NDEZ").
            if sources == {"fb-archive"} and first >= 2021:
                continue
            parsed = parse_name(row["name"], codes)
            if parsed is None:
                continue
            given, surname, after = parsed
            # A lone capitalised word is an acronym as often as a one-word name ("ANC",
            # "SWAPO", "FELIPE"), and gives a near miss nothing to compare but itself.
            if not given and not after and len(surname) == 1:
                continue
            countries = set()
            for c in row["countries"].split("|") + [c for _, c in listed]:
                cc = codes.get(fold(c), codes.get(fold(c).removeprefix("the ")))
                if cc:
                    countries.update(cc.split(","))
            # No officeholder serves a dozen countries: an address or a footnote does.
            if not countries or len(countries) > 8:
                continue
            p = Person()
            p.given, p.surname, p.after = given, surname, after
            p.countries, p.roles = countries, roles
            p.first, p.last, p.sources = first, last, sources
            p.offices = sorted({o for o, _ in listed})
            people.append(p)
    return drop_non_people(people, english, words)


def drop_non_people(people, english, words):
    """Drops parties and acronyms (`looks_like_party`) and rows whose given names or following
    words hold an English word or a place that is not a given name of several listed people
    ("NA Movements", "NA Deliberation"): extraction debris around an acronym or an office.
    'John', 'Grace' and 'Victor' are English words too, but given names of many people here."""
    seen = {}
    for p in people:
        for w in set(fold(w) for w in p.given + p.after):
            seen[w] = seen.get(w, 0) + 1

    def is_name(f):
        return seen.get(f, 0) >= COMMON_GIVEN

    def stray(w):
        f = fold(w)
        return len(f) > 2 and f in words and not is_name(f) and f not in CONNECTORS

    return [p for p in people
            if not looks_like_party(p.given, p.surname, p.after, english, words, is_name)
            and not any(stray(w) for w in p.given + p.after)]


def full_key(p):
    return fold(" ".join(p.given + p.surname + p.after))


def close_words(a, b):
    """Two lists of folded name words, word for word a slip apart: each pair one edit apart
    or equal (two edits in a word of seven letters or more)."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        d = osa(x, y)
        if d > (2 if min(len(x), len(y)) >= 7 else 1):
            return False
    return True


def drop_typos(people, report=None):
    """Drops a spelling that is a slip from a far better attested one of the same person: same
    country, years overlapping (give or take two), the surname one edit away at most, each
    other word a slip apart (`close_words`), the whole name within three edits, and printed a
    third as long or less, and no accent the other lacks: a typo in the source (JUNKER for
    JUNCKER, VUSIC for VUCIC, "Sviatana TSIKHANOUSKAYA" beside "Svyatlana TSIKHANOWSKAYA").
    Real people that close are rarer than typos: "Safet" and "Sefer HALILOVIC", "Abdoulaye
    WADE" and "BALDE", "MUHAMMAD bin Zayid" and "bin Rashid" are all kept. `report`, if given,
    collects the (dropped, kept) names."""
    # Names of one country and first letter, with what the tests need worked out once.
    groups = {}
    facts = {}
    for p in people:
        name = full_key(p)
        facts[id(p)] = (name, p.key(), [fold(w) for w in p.given + p.after], p.attestation(),
                        accents(" ".join(p.given + p.after)))
        for cc in p.countries:
            groups.setdefault((cc, name[:1]), []).append(p)
    dropped = set()
    for group in groups.values():
        for p in group:
            name, key, words, att, acc = facts[id(p)]
            for q in group:
                if p is q or id(q) in dropped:
                    continue
                qname, qkey, qwords, qatt, qacc = facts[id(q)]
                if (3 * att > qatt or p.first > q.last + 2 or q.first > p.last + 2 or acc > qacc
                        or abs(len(name) - len(qname)) > 3 or len(words) != len(qwords)):
                    continue
                if osa(key, qkey) <= 1 and close_words(words, qwords) and 1 <= osa(name, qname) <= 3:
                    dropped.add(id(p))
                    if report is not None:
                        report.append((" ".join(p.given + p.surname + p.after),
                                       " ".join(q.given + q.surname + q.after)))
                    break
    return [p for p in people if id(p) not in dropped]


def merge(people):
    """One entry per person: rows equal but for accents, or of one country with the same surname
    and given names one a subset of the other's, are merged (the accented, fuller form kept)."""
    groups = {}
    for p in people:
        groups.setdefault(p.key(), []).append(p)
    out = []
    for key, group in sorted(groups.items()):
        # Fullest names first, so that shorter ones merge into them.
        group.sort(key=lambda p: (-len(p.given_key()), -len(p.after), -accents(" ".join(
            p.given + p.surname + p.after)), -p.attestation(), " ".join(p.given)))
        kept = []
        for p in group:
            for q in kept:
                same_given = set(p.given_key()) <= set(q.given_key())
                same_after = [fold(w) for w in p.after] == [fold(w) for w in q.after[:len(p.after)]]
                if same_given and same_after and p.countries & q.countries:
                    q.countries |= p.countries
                    q.roles |= p.roles
                    q.first, q.last = min(q.first, p.first), max(q.last, p.last)
                    q.sources |= p.sources
                    q.offices = sorted(set(q.offices) | set(p.offices))
                    # Prefer accents wherever the two spell a word alike.
                    for attr in ("given", "surname", "after"):
                        mine, theirs = getattr(q, attr), getattr(p, attr)
                        setattr(q, attr, [
                            t if fold(t) == fold(m) and accents(t) > accents(m) else m
                            for m, t in zip(mine, theirs + mine[len(theirs):])
                        ] if len(theirs) <= len(mine) else mine)
                    break
            else:
                kept.append(p)
        out.extend(kept)
    return out


ROLE_ORDER = "HGMBXPJA"


def lines(people):
    rows = []
    for p in people:
        roles = "".join(r for r in ROLE_ORDER if r in p.roles)
        # The most senior office ("President", not "Chairman of Central Military Commission").
        offices = sorted(p.offices, key=lambda o: (ROLE_ORDER.index(office_role(o)), o))
        office = offices[0] if offices else ""
        rows.append("\t".join([
            p.key(), display_surname(p.surname), " ".join(p.given), " ".join(p.after),
            ",".join(sorted(p.countries)), roles, str(p.first), str(p.last), office,
        ]))
    rows = sorted(set(rows))
    return "".join(r + "\n" for r in rows)


def surnames(people):
    """The distinct folded surnames, sorted by first letter, then length, then surname: the
    binary finds a surname, or the few of a shape (those a one-letter slip can be), by a binary
    search in this short table, with no index to build at start-up."""
    keys = {p.key() for p in people}
    return "".join(k + "\n" for k in sorted(keys, key=lambda k: (k[0], len(k), k)))


def given_names(people):
    """Folded given names held by at least COMMON_GIVEN listed people, one a line, sorted."""
    count = {}
    for p in people:
        for w in set(fold(w) for w in p.given + (p.after if not p.given else [])):
            if len(w) > 1 and " " not in w:
                count[w] = count.get(w, 0) + 1
    return "".join(w + "\n" for w in sorted(w for w, n in count.items() if n >= COMMON_GIVEN))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("FACTLINT_PEOPLE_DATA",
                             os.path.join(ROOT, "..", "shared", "data", "people"))
    ap.add_argument("--data", default=default, help="folder of the raw lists")
    ap.add_argument("--check", action="store_true", help="exit 1 if people.tsv is stale")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--given-out", default=GIVEN_OUT)
    ap.add_argument("--countries-out", default=COUNTRIES_OUT)
    ap.add_argument("--surnames-out", default=SURNAMES_OUT)
    a = ap.parse_args()
    people = merge(drop_typos(read_rows(a.data)))
    outputs = [(a.out, lines(people)), (a.given_out, given_names(people)),
               (a.countries_out, country_names(people)), (a.surnames_out, surnames(people))]
    if a.check:
        for path, text in outputs:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    sys.exit(f"{path} is stale: run python3 scripts/gen_people.py")
        return
    for path, text in outputs:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {path}: {text.count(chr(10))} lines, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
