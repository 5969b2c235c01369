#!/usr/bin/env python3
"""Writes pathological articles for timing factlint (scripts/robustness.sh uses them).

    scripts/pathological.py OUT_DIR SCALE

SCALE multiplies every size, so running at SCALE and 4*SCALE shows whether time grows linearly
(4x) or worse. Deterministic; no network.
"""
import os
import sys

out, scale = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)

SENTENCE = ("The minister said on Monday, March 4, 2024, that 1,100 people marched in La Paz "
            "against Evo Morales, who won a fourth term. ")


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


n = 10_000 * scale  # repetitions
write("one-line.md", SENTENCE * n + "\n")  # ~1 MB per scale, one line, one paragraph
write("one-paragraph.md", (SENTENCE + "\n") * n)  # one paragraph of many lines
write("many-paragraphs.md", (SENTENCE + "\n\n") * n)
write("repetition-one-line.md", "the " * (20 * n) + "\n")  # many findings on one line
write("misspelling-one-line.md", "goverment " * (10 * n) + "\n")
write("variants-one-line.md", "Kiev Kyiv " * (10 * n) + "\n")
write("one-word.md", "a" * (100 * n) + "\n")
write("digits.md", "1," * (50 * n) + "1\n")
write("names.md", " ".join(f"Name{i} Surname{i % 97}" for i in range(5 * n)) + "\n")
write("capitalised.md", "Evo Morales " * (10 * n) + "\n")
write("acronyms.md", "The OAS met. " * (5 * n) + "the Organization of American States (OAS).\n")
write("dates.md", "On Monday, March 5, 2024, and yesterday, " * (2 * n) + "it rained.\n")
write("quotes.md", '"' * (50 * n) + "\n")
write("emphasis.md", "*a " * (30 * n) + "\n")
write("brackets.md", "[" * (30 * n) + "\n")
write("backticks.md", "`a ``b " * (15 * n) + "\n")
write("html-comments.md", "<!-- x " * (15 * n) + "\n")
write("disable-next-line.md", "<!-- factlint-disable-next-line -->\n" * (n // 4)
      + "\n" * (10 * n) + "the the\n")
write("disable-many.md", "".join(f"<!-- factlint-disable r{i} -->\n" for i in range(n // 4))
      + "the the\n")
write("disable-line-findings.md", "".join("the the <!-- factlint-disable-line -->\n"
                                          for _ in range(n // 2)))
write("front-matter-open.md", "---\n" + "key: value\n" * (10 * n))
write("crlf.md", (SENTENCE + "\r\n") * n)
write("lone-cr.md", (SENTENCE + "\r") * n)
write("table.md", "| a | b |\n|---|---|\n" + "| the the | x |\n" * n)
write("list.md", "- the the\n" * (5 * n))
