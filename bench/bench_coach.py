"""Benchmark the coach: p50/p95 per respond() and review() call, against the bare analyze() call in the same run.

Target (issue 3): template composer p50 <= 50 ms per respond/review call.

    .venv/bin/python bench/bench_coach.py            # all messages of tests/coach/messages.jsonl, 3 rounds
    .venv/bin/python bench/bench_coach.py --rounds 5

Round 1 is "cold" (each message and its candidates are read for the first time); later rounds hit the
analyzer's cache for repeated texts, as a user asking again would. Both are reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0


def _load(name: str) -> list[dict[str, str]]:
    path = ROOT / "tests" / "coach" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _times(fn: Callable[[dict[str, str]], object], items: list[dict[str, str]]) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def _row(name: str, ms: list[float]) -> str:
    qs = statistics.quantiles(ms, n=20)
    return f"{name:<28} n={len(ms):>4}  p50={statistics.median(ms):7.2f} ms  p95={qs[18]:7.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import heartwork
    from heartwork.coach import respond, review

    messages = [m for m in _load("messages.jsonl")]
    drafts = _load("drafts.jsonl")
    heartwork.analyze("warm-up: load the models once")  # model loading is start-up cost, not per call

    # The baseline reads the same texts the coach is asked about, first time each (cold), like round 1.
    base = _times(lambda m: heartwork.analyze(m["text"] + " (baseline)"), messages)
    print(_row("baseline analyze()", base))
    for r in range(1, args.rounds + 1):
        label = "cold" if r == 1 else f"round {r}"
        rs = _times(lambda m: respond(m["text"], my_part=m.get("my_part"), backend="template"), messages)
        rv = _times(lambda d: review(d["to"], d["draft"]), drafts)
        print(_row(f"respond() [{label}]", rs))
        print(_row(f"review()  [{label}]", rv))
        if r == 1:
            cold_respond, cold_review = statistics.median(rs), statistics.median(rv)
    ok = cold_respond <= TARGET_MS and cold_review <= TARGET_MS
    print(
        f"target p50 <= {TARGET_MS:.0f} ms (cold): respond {cold_respond:.1f} ms, review {cold_review:.1f} ms -> "
        f"{'OK' if ok else 'OVER'}; respond = {cold_respond / statistics.median(base):.1f}x one analyze()"
    )


if __name__ == "__main__":
    main()
