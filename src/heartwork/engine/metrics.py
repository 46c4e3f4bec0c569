"""Multi-label scores: per-label precision/recall/F1, macro-F1 and the false-alarm rate."""

from __future__ import annotations

from dataclasses import dataclass

from heartwork.taxonomy import LABELS, REACTIVE


@dataclass(frozen=True)
class LabelScore:
    label: str
    support: int
    predicted: int
    tp: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    n: int
    labels: tuple[LabelScore, ...]
    kind_messages: int  # messages whose gold labels are only compassionate/neutral
    false_alarms: int  # of those, how many got a reactive label

    @property
    def macro_f1(self) -> float:
        scored = [s.f1 for s in self.labels if s.support]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.kind_messages if self.kind_messages else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "messages": self.n,
            "macro_f1": round(self.macro_f1, 4),
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "kind_messages": self.kind_messages,
            "false_alarms": self.false_alarms,
            "labels": {
                s.label: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "support": s.support,
                    "predicted": s.predicted,
                }
                for s in self.labels
            },
        }


def score(gold: list[set[str]], pred: list[set[str]], labels: tuple[str, ...] = LABELS) -> Report:
    if len(gold) != len(pred):
        raise ValueError("gold and predicted lists differ in length")
    rows = []
    for label in labels:
        support = sum(label in g for g in gold)
        predicted = sum(label in p for p in pred)
        tp = sum(label in g and label in p for g, p in zip(gold, pred, strict=True))
        rows.append(LabelScore(label, support, predicted, tp))
    reactive = set(REACTIVE) | {"safety_risk"}
    kind = [i for i, g in enumerate(gold) if not (g & reactive)]
    alarms = sum(1 for i in kind if pred[i] & set(REACTIVE))
    return Report(len(gold), tuple(rows), len(kind), alarms)
