#!/usr/bin/env python3
"""Writes rules/lexicon/antonyms.txt: every English word that WordNet 3.0 gives a direct
antonym (rural/urban, hawk/dove, public/private, male/female), lower-case, one per line, sorted
byte-wise. A phrase repeated across 'and'/'or' whose first word has an opposite ("rural and
rural", "hawks and hawks") was almost surely meant as the pair ("urban and rural").

    apt-get install -y wordnet-base    # WordNet 3.0 (Debian 1:3.0-37)
    python3 scripts/gen_antonyms.py

WordNet 3.0 licence (Princeton University, permissive): see rules/lexicon/SOURCES.md."""
import os
import sys

WORDNET = "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "lexicon", "antonyms.txt")


def main():
    words = set()
    for pos in ("adj", "adv", "noun", "verb"):
        with open(os.path.join(WORDNET, f"data.{pos}"), encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):  # the licence header
                    continue
                fields = line.split(" | ")[0].split()
                count = int(fields[3], 16)
                lemmas = [fields[4 + 2 * i] for i in range(count)]
                k = 4 + 2 * count
                pointers = int(fields[k])
                k += 1
                for _ in range(pointers):
                    symbol, _offset, _pos, source_target = fields[k:k + 4]
                    k += 4
                    if symbol != "!":
                        continue
                    source = int(source_target[:2], 16)
                    # Adjective lemmas carry a syntactic marker: "public(a)".
                    lemma = lemmas[source - 1].split("(")[0].lower()
                    if "_" not in lemma and lemma.isalpha():
                        words.add(lemma)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(words, key=lambda w: w.encode()):
            fh.write(w + "\n")
    print(f"antonyms.txt: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
