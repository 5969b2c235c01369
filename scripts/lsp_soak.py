#!/usr/bin/env python3
"""Soak test of `factlint lsp`: memory must stay flat over many full-text edits.

    scripts/lsp_soak.py [--bin PATH] [--edits 10000] [--lint-every 1] [--limit 60] [ARTICLE...]

Starts `factlint lsp` on stdio, initializes, opens one article, then sends EDITS
`textDocument/didChange` notifications, each replacing the whole text with a different real
article (the files named, else tests/articles/*.md and tests/corpus/*/*.md), cut at a varying
length and carrying the edit's number, so no two texts are the same. The server debounces
linting, so after every LINT_EVERY edits (default: every edit) a `textDocument/hover` request,
which lints the pending text first, is sent and its answer awaited. The server's resident memory (VmRSS from /proc) is
sampled every 500 edits and printed. Fails (exit 1) when memory grows: the median of the last
five samples is more than max(4 MB, 10%) above the median of the first five taken after the
first 1,000 edits (warm-up), or when the whole soak takes longer than LIMIT seconds.

Standard library only. The binary defaults to target/{release,eval,debug}/factlint, whichever
exists first (build one with `cargo build --profile eval`).
"""

import argparse
import glob
import json
import os
import pathlib
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE_EVERY = 500
WARMUP = 1000
WAIT = 30.0


def default_binary():
    for profile in ("release", "eval", "debug"):
        p = ROOT / "target" / profile / "factlint"
        if p.exists():
            return str(p)
    sys.exit("lsp_soak: no factlint binary under target/; build one or pass --bin")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Client:
    def __init__(self, binary, cwd):
        self.proc = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd
        )
        self.responses = queue.Queue()
        self.notifications = 0
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.responses.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            msg = json.loads(out.read(length))
            if "id" in msg and "method" not in msg:
                self.responses.put(msg)
            elif "id" in msg:
                # A request from the server (watcher registration): answer it.
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            else:
                self.notifications += 1

    def _send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        msg = self.responses.get(timeout=WAIT)
        if msg is None:
            raise RuntimeError("the server closed its output")
        if msg.get("id") != self.next_id:
            raise RuntimeError(f"unexpected answer {msg!r}")
        if "error" in msg:
            raise RuntimeError(f"{method} failed: {msg['error']}")
        return msg.get("result")


def texts(paths):
    out = []
    for p in paths:
        t = pathlib.Path(p).read_text(encoding="utf-8", errors="replace")
        if t.strip():
            out.append(t)
    if not out:
        sys.exit("lsp_soak: no article text")
    return out


def edit_text(articles, n):
    """Edit n: an article cut at a varying length, with a sentence that carries n."""
    a = articles[n % len(articles)]
    cut = len(a) - (n * 37) % max(1, len(a) // 3)
    return a[:cut] + f"\n\nEdit {n}: on March {n % 28 + 1}, 2024, {n * 7} people marched.\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--edits", type=int, default=10_000)
    ap.add_argument("--lint-every", type=int, default=1)
    ap.add_argument("--limit", type=float, default=60.0, help="seconds allowed in all")
    ap.add_argument("articles", nargs="*")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin) if args.bin else default_binary()
    paths = args.articles or sorted(
        glob.glob(str(ROOT / "tests/articles/*.md")) + glob.glob(str(ROOT / "tests/corpus/*/*.md"))
    )
    articles = texts(paths)

    work = tempfile.mkdtemp(prefix="factlint-soak-")
    article = pathlib.Path(work) / "article.md"
    article.write_text(articles[0], encoding="utf-8")
    uri = article.as_uri()
    start = time.monotonic()
    client = Client(binary, work)
    pid = client.proc.pid
    samples = []  # (edits done, seconds, RSS KB)
    ok = False
    try:
        client.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": pathlib.Path(work).as_uri(), "capabilities": {}},
        )
        client.notify("initialized", {})
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": articles[0]}},
        )
        hover = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
        client.request("textDocument/hover", hover)
        samples.append((0, time.monotonic() - start, rss_kb(pid)))
        for n in range(1, args.edits + 1):
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": n + 1},
                    "contentChanges": [{"text": edit_text(articles, n)}],
                },
            )
            if n % args.lint_every == 0:
                client.request("textDocument/hover", hover)
            if n % SAMPLE_EVERY == 0:
                samples.append((n, time.monotonic() - start, rss_kb(pid)))
            if time.monotonic() - start > args.limit:
                break
        client.request("shutdown", None)
        client.notify("exit", None)
        status = client.proc.wait(timeout=WAIT)
        ok = status == 0
        if not ok:
            print(f"lsp_soak: the server exited with status {status}")
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
    elapsed = time.monotonic() - start

    print(f"{'edits':>6} {'seconds':>8} {'RSS MB':>8}")
    for n, t, kb in samples:
        print(f"{n:>6} {t:>8.1f} {kb / 1024:>8.1f}")
    done = samples[-1][0]
    print(
        f"{done} full-text edits ({len(articles)} articles), a lint every {args.lint_every}, "
        f"{client.notifications} notifications, in {elapsed:.1f} s"
    )
    after = [kb for n, _, kb in samples if n >= WARMUP]
    if done < args.edits or elapsed > args.limit:
        print(f"lsp_soak: FAILED: over the {args.limit:.0f} s limit ({done} of {args.edits} edits)")
        ok = False
    elif len(after) >= 10:
        first, last = statistics.median(after[:5]), statistics.median(after[-5:])
        allowed = max(4096, first * 0.10)
        verdict = "flat" if last - first <= allowed else "GROWING"
        print(
            f"RSS after warm-up: {first / 1024:.1f} MB, at the end: {last / 1024:.1f} MB "
            f"({(last - first) / 1024:+.1f} MB, {allowed / 1024:.1f} MB allowed): {verdict}"
        )
        ok = ok and verdict == "flat"
    else:
        print("lsp_soak: too few samples to judge (use --edits 6000 or more)")
        ok = False
    print("lsp_soak: ok" if ok else "lsp_soak: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
