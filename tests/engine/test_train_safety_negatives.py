"""The safety head's out-of-domain negatives (engine/train.py): what is kept out, and how they weigh."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

from heartwork.engine import train as T
from heartwork.engine.paths import SHARED_GOEMOTIONS
from heartwork.engine.safety import find_cues


@pytest.mark.skipif(
    not (SHARED_GOEMOTIONS / "train.tsv").exists(), reason="GoEmotions is not beside this checkout"
)
def test_safety_negatives_leave_out_distress_and_every_comment_a_cue_reads() -> None:
    names = (SHARED_GOEMOTIONS / "labels.txt").read_text(encoding="utf-8").split()
    rows = [r.split("\t") for r in (SHARED_GOEMOTIONS / "train.tsv").read_text(encoding="utf-8").splitlines()]
    distressed = {t for t, ids, _ in rows if {names[int(i)] for i in ids.split(",")} & T.DISTRESS_EMOTIONS}
    kept = T.safety_negatives()
    assert 30_000 < len(kept) < len(rows)
    assert not distressed & set(kept)
    assert not any(find_cues(t) for t in kept[::50])
    dev = {r.split("\t")[0] for r in (SHARED_GOEMOTIONS / "dev.tsv").read_text(encoding="utf-8").splitlines()}
    assert not dev & set(kept)  # the dev split that bench/safety_threshold.py reads stays unseen


def test_fit_head_weighs_extra_negatives_as_a_share_of_a_training_negative(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(0)
    x = sp.csr_matrix(rng.normal(size=(200, 5)))
    y = (x.toarray()[:, 0] > 0.5).astype(np.int8)
    balanced = LogisticRegression(C=T.C, class_weight="balanced", max_iter=3000).fit(x, y)
    w, b = T._fit_head(x, y, T.C)  # no extra rows: exactly class_weight="balanced"
    assert np.allclose(w, balanced.coef_[0]) and np.isclose(b, balanced.intercept_[0])
    # negatives that look like positives pull the head down, and more so the more they weigh
    extra = sp.csr_matrix(np.tile([[2.0, 0, 0, 0, 0]], (100, 1)))
    light, _ = T._fit_head(x, y, T.C, extra)
    monkeypatch.setattr(T, "SAFETY_NEGATIVE_WEIGHT", 1.0)
    heavy, _ = T._fit_head(x, y, T.C, extra)
    assert heavy[0] < light[0] < w[0]
