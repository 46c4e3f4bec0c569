"""Benchmark: a 100,000-message WhatsApp export -> report (target: <= 60 s and peak RSS <= 500 MB on 2 cores).

Generates a realistic export on the fly (heartwork.history.synthetic), then times, in this one process:

* baseline parse: reading the file and splitting each line with one regex (the floor for any parser),
* parse: heartwork's importer (format detection, system lines, multi-line messages, chronological order),
* baseline analysis: one ``heartwork.analyze_many`` call over all texts (the engine alone),
* analysis: the history analysis (batched analyze_many with contexts + conversations, chains, repairs),
* report: the HTML and JSON files.

Usage: .venv/bin/python bench/bench_history.py [--messages 100000] [--keep DIR] [--unique]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["honestly", "anyway", "today", "again", "right now", "by the way", "later", "tbh", "really", "still"]
TARGET_SECONDS = 60.0
TARGET_RSS_MB = 500.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument(
        "--keep", type=Path, default=None, help="write the export and report here (default: temp)"
    )
    ap.add_argument(
        "--unique",
        action="store_true",
        help="make every message text unique (no help from the engine's cache: the worst case; real chats "
        "repeat short replies, the synthetic one repeats more)",
    )
    args = ap.parse_args()

    from heartwork.history.synthetic import conversation, write_whatsapp

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="heartwork-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    export = workdir / "WhatsApp Chat with Maya.txt"

    def limited():  # type: ignore[no-untyped-def]
        for i, m in enumerate(conversation(days=100_000, busy=4.0, seed=11)):
            if i >= args.messages:
                return
            if args.unique:
                m = type(m)(m.when, m.author, f"{m.text} ({WORDS[i % len(WORDS)]} {i})")
            yield m

    t = time.perf_counter()
    written = write_whatsapp(limited(), export, style="android", media_every=50)
    size_mb = export.stat().st_size / 1e6
    print(f"generated {written:,} messages ({size_mb:.1f} MB) in {time.perf_counter() - t:.1f} s -> {export}")

    # -- baseline parse: one regex per line, nothing else
    line_re = re.compile(r"^(\d{1,2}/\d{1,2}/\d{4}), (\d{2}:\d{2}) - ([^:]+): (.*)$")
    t = time.perf_counter()
    n_base = 0
    with export.open(encoding="utf-8") as fh:
        for line in fh:
            if line_re.match(line):
                n_base += 1
    base_parse = time.perf_counter() - t

    # -- heartwork parse
    from heartwork.history.importing import import_chat

    total_start = time.perf_counter()
    t = time.perf_counter()
    result = import_chat(export)
    parse = time.perf_counter() - t
    n = result.count

    # -- history analysis + report (the real pipeline; peak memory is read right after it)
    from heartwork.engine.pipeline import get_pipeline
    from heartwork.history.analysis import analyse_history
    from heartwork.history.report import build_summary, write_report

    t = time.perf_counter()
    analysis = analyse_history(result.messages)
    analysis_s = time.perf_counter() - t
    t = time.perf_counter()
    summary = build_summary(result.summary(), analysis, me="Maya")
    write_report(summary, analysis, workdir / "report.html", workdir / "summary.json")
    report_s = time.perf_counter() - t
    total = time.perf_counter() - total_start
    rss = peak_rss_mb()

    # -- baseline analysis: the engine alone over all texts in one call (no contexts, no history logic)
    import heartwork

    texts = [m.text for m in result.messages]
    result.close()
    get_pipeline()._cache.clear()  # no head start from the run above
    t = time.perf_counter()
    heartwork.analyze_many(texts)
    base_analysis = time.perf_counter() - t

    print(f"messages parsed:        {n:,} (baseline regex matched {n_base:,} lines)")
    print(f"parse:                  {n / parse:,.0f} messages/s ({parse:.2f} s)")
    print(
        f"  baseline (regex):     {n_base / base_parse:,.0f} lines/s ({base_parse:.2f} s)  -> importer is "
        f"{parse / base_parse:.1f}x the bare regex"
    )
    print(f"analysis:               {n / analysis_s:,.0f} messages/s ({analysis_s:.2f} s)")
    print(
        f"  baseline (analyze_many, all at once): {n / base_analysis:,.0f} messages/s ({base_analysis:.2f} s)  "
        f"-> history analysis is {analysis_s / base_analysis:.2f}x the engine alone"
    )
    print(f"report (HTML + JSON):   {report_s:.2f} s  -> {workdir / 'report.html'}")
    print(f"total parse->report:    {total:.1f} s (target <= {TARGET_SECONDS:.0f} s)")
    print(
        f"peak RSS:               {rss:.0f} MB after the report (target <= {TARGET_RSS_MB:.0f} MB); "
        f"{peak_rss_mb():.0f} MB after the baseline too"
    )
    ok = total <= TARGET_SECONDS and rss <= TARGET_RSS_MB
    print("RESULT:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
