#!/usr/bin/env python3
"""Precision per rule on real copy, from the judgments kept in the repository.

usage: precision.py FINDINGS.tsv [--judgments tests/real/judgments.tsv]
                    [--sample N --seed S --out TODO.tsv] [--corpus ../shared/corpus/real]

FINDINGS.tsv is what `../shared/eval/real_copy.py BIN --corpus DIR --out OUT` writes to
OUT/findings.tsv (source, path, line, column, rule, severity, text, message). The judgments file
has the columns of ../shared/eval/JUDGING.md: path, line, column, rule, flagged_text, verdict,
reason. A judgment applies to a finding at the same path and line, within 3 columns, with the
same flagged text, whatever the rule is called now (rules get renamed; verdicts stay).

Prints, per rule and severity: findings now, how many are judged, TRUE / FALSE / DEBATABLE,
precision = TRUE / (TRUE + FALSE), and the unjudged count. With --sample, writes a stratified
random sample of the unjudged warnings and errors (every one of a rule with few; at most N per
rule) with their context, for judging; paste the judged rows into the judgments file.
"""
import argparse
import collections
import csv
import os
import random
import sys

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("findings")
ap.add_argument("--judgments", default=os.path.join(os.path.dirname(__file__), "..", "tests", "real", "judgments.tsv"))
ap.add_argument("--sample", type=int, default=0, help="unjudged findings to sample per rule")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", default="judge-todo.tsv")
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "real"))
ap.add_argument("--all-severities", action="store_true", help="sample infos too")
a = ap.parse_args()

Finding = collections.namedtuple("Finding", "source path line col rule severity text message")
findings = []
with open(a.findings, encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 8:
            continue
        row[2], row[3] = int(row[2]), int(row[3])
        findings.append(Finding(*row[:8]))

judged = collections.defaultdict(list)  # (path, line) -> [(col, text, verdict)]
if os.path.exists(a.judgments):
    with open(a.judgments, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows[1:]:
        if len(r) < 6 or not r[0]:
            continue
        judged[(r[0], int(r[1]))].append((int(r[2]), r[4], r[5]))


def verdict(f):
    for col, text, v in judged.get((f.path, f.line), []):
        if abs(col - f.col) <= 3 and text == f.text:
            return v
    return None


stats = collections.defaultdict(collections.Counter)
for f in findings:
    key = (f.rule, f.severity)
    stats[key]["n"] += 1
    stats[key][verdict(f) or "unjudged"] += 1


def line(label, c):
    t, fa, d = c["TRUE"], c["FALSE"], c["DEBATABLE"]
    p = f"{t / (t + fa):.2f}" if t + fa else "  - "
    print(f"{label:<44} {c['n']:>5} {t:>5} {fa:>5} {d:>5} {c['unjudged']:>8}   {p}")


print(f"{'rule (severity)':<44} {'found':>5} {'TRUE':>5} {'FALSE':>5} {'DEBAT':>5} {'unjudged':>8}   precision")
gated = collections.Counter()
for (rule, sev), c in sorted(stats.items()):
    line(f"{rule} ({sev})", c)
    if sev in ("warning", "error"):
        gated.update(c)
line("(warnings and errors)", gated)

if a.sample:
    rng = random.Random(a.seed)
    by_rule = collections.defaultdict(list)
    for f in findings:
        if verdict(f) is None and (a.all_severities or f.severity in ("warning", "error")):
            by_rule[f.rule].append(f)
    picked = []
    for rule in sorted(by_rule):
        fs = sorted(set(by_rule[rule]))
        rng.shuffle(fs)
        picked += fs[: a.sample]
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("path\tline\tcolumn\trule\tflagged_text\tverdict\treason\tmessage\tcontext\n")
        for f in sorted(picked, key=lambda f: (f.path, f.line, f.col)):
            try:
                text = open(os.path.join(a.corpus, f.path), encoding="utf-8").read().split("\n")[f.line - 1]
            except OSError:
                text = ""
            i = max(0, f.col - 1 - 200)
            ctx = text[i: f.col - 1 + 250].replace("\t", " ")
            out.write("\t".join([f.path, str(f.line), str(f.col), f.rule, f.text, "", "", f.message.replace("\t", " "), ctx]) + "\n")
    print(f"wrote {len(picked)} unjudged findings to {a.out}", file=sys.stderr)
