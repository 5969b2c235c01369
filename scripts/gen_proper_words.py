#!/usr/bin/env python3
"""Writes rules/gazetteer/proper_words.txt: the capitalised words of SCOWL's standard American
English list (Debian `wamerican`, /usr/share/dict/american-english), lower-cased, one per line,
sorted. They are well-known proper words: demonyms and adjectives of places (Argentine, Swedes,
Filipinos), languages (Hindi, Arabic), given names (Susan, Herman), surnames and names of
institutions. Two of them a letter apart are two words, not one name misspelt (Arabic/Arabia,
Reagan/Regan), and one of them is no misspelt place.

    apt-get install -y wamerican   # SCOWL 2020.12.07
    python3 scripts/gen_proper_words.py

Licence: SCOWL's (see rules/gazetteer/SOURCES.md)."""
import os
import sys
import unicodedata

WORDS_FILE = "/usr/share/dict/american-english"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "gazetteer", "proper_words.txt")


def fold(s):
    """As the Rust side folds a name: no accents, lower case."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main():
    words = set()
    with open(WORDS_FILE, encoding="utf-8") as fh:
        for w in fh:
            w = w.strip()
            # Capitalised, not an acronym (AIDS, ASCII), not a possessive or a phrase.
            if len(w) < 3 or not w[0].isupper() or w.isupper() or "'" in w or " " in w:
                continue
            words.add(fold(w))
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(words):
            fh.write(w + "\n")
    print(f"proper_words.txt: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
