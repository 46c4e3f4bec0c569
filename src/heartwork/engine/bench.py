"""``heartwork bench``: speed and memory of the reading engine, each next to a baseline from the same run.

Baseline: a rules-only pass (the regex detectors + safety, no classifier, no feelings) over the same corpus.
Corpus: >= 20,000 distinct messages — the project's partner messages plus GoEmotions Reddit comments
(varied real-world phrasing), all unique, so the repeated-text cache gives no free speed.
Each measurement runs in a fresh subprocess so one cannot warm up another, and peak RSS is its own.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from heartwork.engine.paths import REPO, SHARED_DEV

SOURCES = (REPO / "data" / "train.jsonl", SHARED_DEV)
GOEMOTIONS = REPO.parent / "shared" / "data" / "goemotions" / "train.tsv"


def corpus(n: int) -> list[str]:
    texts: list[str] = []
    for path in SOURCES:
        if path.exists():
            texts += [
                json.loads(line)["text"]
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
    if GOEMOTIONS.exists():
        texts += [line.split("\t")[0] for line in GOEMOTIONS.read_text(encoding="utf-8").splitlines()]
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    if len(unique) < n:  # without the shared data: vary the project's own messages so they stay distinct
        base = unique or ["You never listen to me.", "Thank you for dinner."]
        unique += [f"{base[i % len(base)]} ({i})" for i in range(n - len(unique))]
    return unique[:n]


# Run inside a child process: prints one JSON object with the measurements.
_CHILD = r"""
import json, resource, sys, time
mode, path, single = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = json.load(open(path))
out = {}
if mode == "rules":
    from heartwork.engine.pipeline import Doc
    from heartwork.engine.rules import RuleDetector
    from heartwork.engine.safety import SafetyDetector
    dets = [RuleDetector(), SafetyDetector()]
    def batch(chunk):
        docs = [Doc(t) for t in chunk]
        for d in dets: d.run(docs)
    def one(t): batch([t])
else:
    from heartwork.engine import analyze, analyze_many
    analyze("warm up the models")
    def batch(chunk): analyze_many(chunk)
    def one(t): analyze(t)
t0 = time.perf_counter()
batch(texts[: len(texts) - single])
out["batch_seconds"] = time.perf_counter() - t0
out["batch_messages"] = len(texts) - single
lat = []
for t in texts[-single:]:
    s = time.perf_counter(); one(t); lat.append((time.perf_counter() - s) * 1000)
lat.sort()
out["p50_ms"] = lat[len(lat) // 2]
out["p95_ms"] = lat[int(len(lat) * 0.95)]
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# batch helper processes (one per further core): add the largest one's peak once per helper, an upper bound
from heartwork.engine.pipeline import _pool, _workers
helpers = _workers() - 1 if mode == "full" else 0
if helpers:
    _pool(helpers).shutdown(wait=True)  # joined helpers count in RUSAGE_CHILDREN
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
out["peak_rss_mb"] += kids * helpers
print(json.dumps(out))
"""


def _child(mode: str, path: Path, single: int) -> dict[str, float]:
    res = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(path), str(single)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def _cold(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run(messages: int = 20_000, single: int = 300) -> dict[str, dict[str, float]]:
    import tempfile

    console = Console()
    texts = corpus(messages + single)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.json"
        path.write_text(json.dumps(texts))
        with console.status(f"rules-only baseline over {messages:,} messages…"):
            base = _child("rules", path, single)
        with console.status(f"full analyzer over {messages:,} messages…"):
            full = _child("full", path, single)
    exe = str(Path(sys.executable).with_name("heartwork"))
    with console.status("cold starts…"):
        cold_full = _cold([exe, "analyze", "You never listen to me."])
        cold_base = _cold([sys.executable, "-c", "import heartwork.engine.rules"])
    for r in (base, full):
        r["throughput"] = r["batch_messages"] / r["batch_seconds"]
    table = Table(title=f"heartwork bench — {messages:,} distinct messages, this machine")
    for col in ("measure", "full analyzer", "baseline (rules only)", "ratio", "target"):
        table.add_column(col, justify="right" if col != "measure" else "left")
    rows = [
        ("batch throughput (msg/s)", full["throughput"], base["throughput"], ">= 2,500"),
        ("warm latency p50 (ms)", full["p50_ms"], base["p50_ms"], "<= 15"),
        ("warm latency p95 (ms)", full["p95_ms"], base["p95_ms"], ""),
        ("cold start (s)", cold_full, cold_base, "<= 1.5 (full)"),
        ("peak RSS, all processes (MB)", full["peak_rss_mb"], base["peak_rss_mb"], "<= 400"),
    ]
    for name, a, b, target in rows:
        table.add_row(name, f"{a:,.2f}", f"{b:,.2f}", f"{a / b:.2f}x" if b else "-", target)
    console.print(table)
    console.print(
        "cold start baseline = importing the rules module alone; "
        'full = `heartwork analyze "You never listen to me."` end to end.'
    )
    return {"full": full, "baseline": base, "cold": {"full": cold_full, "baseline": cold_base}}
