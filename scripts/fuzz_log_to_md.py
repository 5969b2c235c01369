#!/usr/bin/env python3
"""Prints the runs logged by `FUZZ_TSV=FILE scripts/fuzz.sh` as rows of the table in
docs/robustness.md ("Fuzzing"), then the total time and executions per target.

    scripts/fuzz_log_to_md.py [RUNS_TSV=/work/fuzzlog/runs.tsv]

Columns: date, commit, target, seconds, CPU seconds, executions, result. Paste the rows under
the table.
"""

import collections
import csv
import sys


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/fuzzlog/runs.tsv"
    with open(path, newline="") as f:
        runs = list(csv.DictReader(f, delimiter="\t"))
    totals = collections.defaultdict(lambda: [0, 0, 0])
    for r in runs:
        secs, cpu, execs = int(r["seconds"]), int(r["cpu_seconds"]), int(r["executions"])
        print(
            f"| {r['start'][:10]} | {r['commit']} | {r['target']} | {secs:,} | {cpu:,} "
            f"| {execs:,} | {r['result']} |"
        )
        if r["result"] == "clean":
            for i, n in enumerate((secs, cpu, execs)):
                totals[r["target"]][i] += n
    for target, (secs, cpu, execs) in sorted(totals.items()):
        print(
            f"clean {target}: {secs / 3600:.2f} h ({cpu / 3600:.2f} CPU-hours), "
            f"{execs:,} executions",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
