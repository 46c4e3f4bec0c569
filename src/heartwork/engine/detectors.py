"""The built-in detectors, in the order the pipeline runs them."""

from __future__ import annotations

from typing import Any


def builtin_detectors() -> list[Any]:
    from heartwork.engine.classifier import ClassifierDetector
    from heartwork.engine.feelings import FeelingsDetector
    from heartwork.engine.rules import RuleDetector
    from heartwork.engine.safety import SafetyDetector

    return [RuleDetector(), ClassifierDetector(), SafetyDetector(), FeelingsDetector()]
