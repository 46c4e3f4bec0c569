"""The safety detector's literal prefilter: same findings, less time.

1. Equivalence: ``find_cues`` with and without the prefilter returns identical hits *and* identical cancelled
   cues on every text of data/train*.jsonl, the shared dev set, tests/safety/dev_cases.jsonl and a 20,000-message
   corpus from ``heartwork bench``'s generator (the evaluation sets are never read). Exit code 1 on any difference.
2. Speed: ``SafetyDetector.run`` per message on the 20,000-message corpus, prefilter off and on, in the same run
   (best of ``--repeat``; the classifier probabilities are left at 0 so the model backstop never runs and the
   number is the phrase cues alone).

    .venv/bin/python bench/safety_speed.py [--messages 20000] [--repeat 3] [--baseline OLD_SAFETY.py] [--write-cache]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from heartwork.engine import safety
from heartwork.engine.bench import corpus
from heartwork.engine.paths import REPO, SHARED_DEV
from heartwork.engine.pipeline import Doc

NEVER = {"safety_eval.jsonl", "heldout.jsonl"}


def dev_texts() -> list[str]:
    paths = sorted((REPO / "data").glob("train*.jsonl"))
    paths += [
        SHARED_DEV,
        REPO / "tests/safety/dev_cases.jsonl",
    ]
    out: list[str] = []
    for p in paths:
        assert p.name not in NEVER
        if p.exists():
            out += [json.loads(x)["text"] for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


def differences(texts: list[str]) -> list[str]:
    bad = []
    for t in texts:
        ca: list[safety.CueHit] = []
        cb: list[safety.CueHit] = []
        if safety.find_cues(t, ca, prefilter=True) != safety.find_cues(t, cb, prefilter=False) or ca != cb:
            bad.append(t)
    return bad


def per_message(texts: list[str], prefilter: bool, repeat: int, module: ModuleType = safety) -> float:
    safety.PREFILTER = prefilter
    det = module.SafetyDetector()
    best = float("inf")
    try:
        for _ in range(repeat):
            docs = [Doc(t) for t in texts]
            t0 = time.perf_counter()
            for i in range(0, len(docs), 256):
                det.run(docs[i : i + 256])
            best = min(best, time.perf_counter() - t0)
    finally:
        safety.PREFILTER = True
    return best / len(texts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another safety.py (e.g. from git show) to time alongside")
    ap.add_argument("--write-cache", action="store_true", help="regenerate engine/_safety_keywords.py first")
    args = ap.parse_args()
    if args.write_cache:
        safety.write_keyword_cache()
        print(f"wrote {safety.KEYWORD_CACHE}")
    bench = corpus(args.messages)
    texts = list(dict.fromkeys(dev_texts() + bench))
    bad = differences(texts)
    print(f"equivalence: {len(texts)} texts, {len(bad)} differ")
    for t in bad[:20]:
        print("  DIFF", t[:120])
    if args.baseline:
        spec = importlib.util.spec_from_file_location("safety_baseline", args.baseline)
        assert spec and spec.loader
        base = importlib.util.module_from_spec(spec)
        sys.modules["safety_baseline"] = base
        spec.loader.exec_module(base)
        print(f"baseline {args.baseline}: {per_message(bench, False, args.repeat, base) * 1e3:.3f} ms/msg")
    off = per_message(bench, False, args.repeat)
    on = per_message(bench, True, args.repeat)
    skipped = sum(1 for t in bench if not safety.find_cues(t)) / len(bench)
    print(
        f"SafetyDetector.run on {len(bench)} messages: prefilter off {off * 1e3:.3f} ms/msg, "
        f"on {on * 1e3:.3f} ms/msg ({off / on:.1f}x); {skipped:.0%} of messages have no cue"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
