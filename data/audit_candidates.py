"""Lines of data/train*.jsonl whose labels the cross-validated heads most strongly doubt, for a second annotator.

    .venv/bin/python data/audit_candidates.py OUT_DIR [--top 4000] [--slices 5]   # ~4 minutes on 2 cores

Each training message is scored out of fold (the 5 random folds `heartwork train` uses). A line is a candidate
when a label the writer gave scores below DOUBT, or a label the writer did not give scores above SUGGEST; a
label a rule veto set to zero is not a doubt (the veto, not the writer, decided it). The most confident
disagreements are written in slices (OUT_DIR/audit_part_K.jsonl) with the writer's labels and note, for an
annotator who judges each line against shared/TAXONOMY.md and the conventions in data/DATA_CARD.md. The model
only points at lines; it decides nothing. The shared development set and the evaluation sets are not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from heartwork.engine import train as T
from heartwork.engine.paths import REPO
from heartwork.taxonomy import LABELS

DOUBT = 0.08  # a given label scoring below this out of fold
SUGGEST = 0.92  # a missing label scoring above this


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--top", type=int, default=4000)
    ap.add_argument("--slices", type=int, default=5)
    args = ap.parse_args(argv)
    examples, rows = [], []
    for path in sorted((REPO / "data").glob("train*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                examples.append(T.Example(row["text"], frozenset(row["labels"]), path.stem))
                rows.append({"file": path.name, "line": n, **row})
    oof = T.out_of_fold(examples)[0]
    found = []
    for i, row in enumerate(rows):
        given = set(row["labels"])
        doubts = {
            lab: 1 - p for lab, p in zip(LABELS, oof[i], strict=True) if lab in given and 0.0 < p < DOUBT
        }
        suggests = {lab: p for lab, p in zip(LABELS, oof[i], strict=True) if lab not in given and p > SUGGEST}
        if doubts or suggests:
            confidence = round(float(max([*doubts.values(), *suggests.values()])), 3)
            found.append(
                {**row, "model_doubts": [*doubts], "model_suggests": [*suggests], "confidence": confidence}
            )
    found.sort(key=lambda c: -c["confidence"])
    args.out.mkdir(parents=True, exist_ok=True)
    chosen = found[: args.top]
    for k in range(args.slices):
        with (args.out / f"audit_part_{k + 1}.jsonl").open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in chosen[k :: args.slices])
    print(
        f"{len(found)} candidate lines; the {len(chosen)} most confident written to {args.out} in {args.slices} slices"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
