"""Metrics against hand-worked numbers, and the eval command on a real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heartwork.cli import app
from heartwork.engine.metrics import score


def test_eval_metrics_hand_worked_example() -> None:
    gold = [{"criticism"}, {"criticism", "contempt"}, set(), {"validation"}, {"validation"}]
    pred = [{"criticism"}, {"contempt"}, {"criticism"}, {"validation", "defensiveness"}, set()]
    r = score(gold, pred, labels=("criticism", "contempt", "validation"))
    crit, cont, val = r.labels
    # criticism: tp=1 (msg 1), predicted 2 (msgs 1, 3), support 2 (msgs 1, 2) -> P 0.5, R 0.5, F1 0.5
    assert (crit.tp, crit.predicted, crit.support) == (1, 2, 2) and crit.f1 == pytest.approx(0.5)
    # contempt: tp=1, predicted 1, support 1 -> F1 1.0; validation: tp 1, predicted 1, support 2 -> F1 2/3
    assert cont.f1 == pytest.approx(1.0) and val.f1 == pytest.approx(2 / 3)
    assert r.macro_f1 == pytest.approx((0.5 + 1.0 + 2 / 3) / 3)
    # kind/neutral messages: 3, 4, 5 (no reactive gold); reactive predicted on 3 and 4 -> 2/3
    assert (r.kind_messages, r.false_alarms) == (3, 2)
    assert r.false_alarm_rate == pytest.approx(2 / 3)


def test_eval_metrics_cli_scores_a_file_and_reports_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "gold.jsonl"
    good.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"text": "You're so selfish.", "labels": ["criticism"]},
                {"text": "Thank you for dinner tonight.", "labels": ["appreciation"]},
            ]
        )
        + "\n"
    )
    res = CliRunner().invoke(app, ["eval", str(good), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["messages"] == 2 and 0 <= report["macro_f1"] <= 1
    assert report["labels"]["criticism"]["support"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "labels": ["not_a_label"]}\n')
    res = CliRunner().invoke(app, ["eval", str(bad)])
    assert res.exit_code == 2 and "unknown labels" in res.output and "Traceback" not in res.output
