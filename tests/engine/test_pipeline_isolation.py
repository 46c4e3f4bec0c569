"""The pipeline isolates a failing detector, refuses mis-ordered ones, and takes plugin detectors."""

from __future__ import annotations

import pytest

from heartwork.engine.pipeline import Doc, Pipeline
from heartwork.engine.rules import RuleDetector
from heartwork.model import Finding, Span


class Boom:
    name, order, needs, assigns, critical = "boom", 15, (), ("findings",), False

    def run(self, docs: list[Doc]) -> None:
        raise RuntimeError("broken plugin")


class CriticalBoom(Boom):
    critical = True


class NeedsMissing(Boom):
    needs = ("nothing_assigns_this",)


class Shout:
    """A third-party detector: flags ALL-CAPS messages. Order 35: after the classifier, so its findings are
    final (detectors ordered before 20 only propose candidates that the classifier confirms)."""

    name, order, needs, assigns, critical = "shout", 35, (), ("findings",), False

    def run(self, docs: list[Doc]) -> None:
        for d in docs:
            if d.text.isupper():
                d.findings.append(
                    Finding("contempt", Span(0, len(d.text)), 0.6, d.text, "All capitals.", "shout")
                )


def test_pipeline_isolation_failing_detector_leaves_a_note_and_others_run() -> None:
    out = Pipeline([RuleDetector(), Boom()]).run(["You're so selfish."], [None])[0]
    assert "criticism" in out.labels  # the rules still ran
    assert any("boom" in n for n in out.notes)


def test_pipeline_isolation_critical_detector_failure_propagates() -> None:
    with pytest.raises(RuntimeError, match="broken plugin"):
        Pipeline([CriticalBoom()]).run(["hello"], [None])


def test_pipeline_isolation_unmet_need_fails_at_start() -> None:
    with pytest.raises(RuntimeError, match="needs"):
        Pipeline([NeedsMissing()])


def test_pipeline_isolation_plugin_detector_through_pluggy() -> None:
    from heartwork.plugins import hookimpl, manager

    class Plugin:
        @hookimpl
        def heartwork_detectors(self) -> list[object]:
            return [Shout()]

    pm = manager()
    plugin = Plugin()
    pm.register(plugin)
    try:
        detectors = [d for batch in pm.hook.heartwork_detectors() for d in batch]
        assert any(d.name == "shout" for d in detectors)
        out = Pipeline(detectors).run(["STOP IT NOW"], [None])[0]
        assert any(f.source == "shout" for f in out.patterns)
    finally:
        pm.unregister(plugin)
