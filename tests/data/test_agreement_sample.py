"""data/agreement.jsonl (bench/agreement.py) stays a faithful sample of the training corpus."""

from __future__ import annotations

import json

from heartwork.engine.paths import REPO, SHARED_DEV
from heartwork.engine.train import training_examples
from heartwork.taxonomy import LABELS

SAMPLE = REPO / "data" / "agreement.jsonl"


def test_agreement_sample_matches_the_training_corpus_and_the_taxonomy() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 600
    assert len({r["id"] for r in rows}) == len(rows)
    corpus = {(e.text, e.source): e.labels for e in training_examples()}
    if not SHARED_DEV.exists():  # a clone without ../shared beside it: its sampled lines cannot be checked
        rows = [r for r in rows if r["source"] != "heartwork_dev"]
    for r in rows:
        for key in ("labels", "labels_a", "labels_b"):
            assert set(r[key]) <= set(LABELS), (r["id"], key)
            assert r[key] == sorted(r[key]), (r["id"], key)
        # the writer's labels are the corpus's current ones: an audit that changes a sampled line must update
        # the sample too, or the agreement figures would compare against labels no longer trained on
        assert (r["text"], r["source"]) in corpus, r["id"]
        assert set(r["labels"]) == corpus[(r["text"], r["source"])], r["id"]
