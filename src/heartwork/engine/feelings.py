"""Feelings and needs beneath the words (placeholder until the inventory-based detector lands)."""

from __future__ import annotations

from heartwork.engine.pipeline import Doc


class FeelingsDetector:
    name = "feelings"
    order = 40
    needs = ("findings",)
    assigns = ("feelings", "needs")
    critical = False

    def run(self, docs: list[Doc]) -> None:
        return None
