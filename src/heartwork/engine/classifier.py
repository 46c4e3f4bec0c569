"""Learned classifier (placeholder until the trained heads land)."""

from __future__ import annotations

from heartwork.engine.pipeline import Doc


class ClassifierDetector:
    name = "classifier"
    order = 20
    needs = ("findings", "vetoed")
    assigns = ("probs", "findings")
    critical = False

    def run(self, docs: list[Doc]) -> None:
        return None
