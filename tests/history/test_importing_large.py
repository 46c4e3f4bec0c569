"""A 200 MB WhatsApp export streams through with bounded memory, in order, with progress reported."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from heartwork.history.synthetic import CRITICISM, EVERYDAY, REPLIES, VALIDATE

TARGET_BYTES = 200 * 1024 * 1024
# Far below what holding 200 MB of messages as Python objects would take (several GB).
MAX_RSS_MB = 450


def _write_big_export(path: Path) -> int:
    rng = random.Random(5)
    pool = [t.replace("{", "(").replace("}", ")") for t in EVERYDAY + REPLIES + CRITICISM + VALIDATE]
    when = datetime(2015, 1, 1, 8, 0)
    n = 0
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        while written < TARGET_BYTES:
            block = []
            for _ in range(5000):
                when += timedelta(seconds=rng.randint(20, 400))
                author = "Maya" if rng.random() < 0.5 else "Jonas 🌙"
                text = rng.choice(pool)
                if rng.random() < 0.05:
                    text += "\nand a second line"
                block.append(f"{when:%d/%m/%Y, %H:%M} - {author}: {text}\n")
                n += 1
            chunk = "".join(block)
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
    return n


@pytest.mark.slow
def test_200mb_export_streams_with_bounded_memory(tmp_path: Path) -> None:
    export = tmp_path / "big.txt"
    expected = _write_big_export(export)
    assert export.stat().st_size >= TARGET_BYTES
    out = tmp_path / "out.jsonl"
    code = (
        "import sys, json\n"
        # VmHWM, not getrusage: Linux carries ru_maxrss across fork+exec, so the child would report the
        # pytest process's own peak (641 MB in a full run); VmHWM belongs to the new address space alone
        "def hwm_kb():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1])\n"
        "from heartwork.history.importing import import_chat\n"
        "seen = [0]\n"
        "with import_chat(sys.argv[1], progress=lambda n: seen.__setitem__(0, seen[0] + n)) as r, "
        "open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
        "    for m in r.messages:\n"
        "        out.write(json.dumps(m.to_dict(), ensure_ascii=False) + '\\n')\n"
        "    print(json.dumps({'count': r.count, 'bytes_seen': seen[0], 'skipped': r.log.skipped_count,\n"
        "                      'peak_kb': hwm_kb()}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(export), str(out)], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    # the importing process's own peak (RUSAGE_CHILDREN in this process would be the largest of every child
    # the test session ever ran, e.g. a CLI that loaded the engine)
    peak_mb = info["peak_kb"] / 1024
    assert info["count"] == expected  # nothing lost
    assert info["skipped"] == 0
    assert info["bytes_seen"] == export.stat().st_size  # progress covers the whole file
    assert peak_mb < MAX_RSS_MB, f"peak RSS {peak_mb:.0f} MB"
    # chronological, and multi-line messages intact
    prev = ""
    lines = 0
    multi = 0
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            assert m["timestamp"] >= prev
            prev = m["timestamp"]
            multi += m["text"].endswith("\nand a second line")
            lines += 1
    assert lines == expected and multi > 0
