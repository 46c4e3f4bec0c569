"""Feelings and needs beneath the words.

Three signals, each explainable: cue words from inventory.yaml (vocabulary after the CNVC Feelings and Needs
Inventories), the patterns found (criticism is usually hurt and a need to matter, expressed as an attack),
and a learned head over the message embedding trained on GoEmotions (Demszky et al. 2020, Apache-2.0).
Needs follow from the cues and from the feelings found (inventory ``from_feelings``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from heartwork.engine.embedding import MODELS, embed
from heartwork.engine.pipeline import Doc
from heartwork.engine.text import LiteralFilter, fold
from heartwork.model import Feeling, Need

INVENTORY = Path(__file__).with_name("inventory.yaml")
GOEMOTIONS_HEAD = MODELS / "goemotions_head.npz"
MIN_SCORE = 0.35  # below this a feeling/need is not shown
TOP = 4
CUE_SCORE = 0.6  # one cue hit; each further hit adds CUE_STEP
CUE_STEP = 0.1
HEAD_WEIGHT = 0.5  # a GoEmotions probability contributes at most this much

# What a pattern usually carries beneath it (the writer's likely feelings), per APPROACH.md §1.
PATTERN_FEELINGS: dict[str, dict[str, float]] = {
    "criticism": {"hurt": 0.55, "frustrated": 0.45, "uncared for": 0.4},
    "contempt": {"angry": 0.55, "hurt": 0.4},
    "defensiveness": {"defensive": 0.55, "hurt": 0.3},
    "stonewalling": {"overwhelmed": 0.55, "exhausted": 0.35},
    "invalidation": {"frustrated": 0.4, "defensive": 0.4},
    "self_criticism": {"ashamed": 0.6},
    "placating": {"anxious": 0.5, "scared": 0.35},
    "non_apology": {"defensive": 0.5},
    "validation": {"affectionate": 0.35},
    "accountability": {"guilty": 0.4, "hopeful": 0.3},
    "amends": {"hopeful": 0.45},
    "reassurance": {"affectionate": 0.55},
    "appreciation": {"grateful": 0.6},
    "self_kindness": {"calm": 0.4},
    "repair_attempt": {"hopeful": 0.5, "overwhelmed": 0.3},
    "safety_risk": {"scared": 0.6},
}
PATTERN_NEEDS: dict[str, dict[str, float]] = {
    "criticism": {"care": 0.45, "to matter": 0.4},
    "contempt": {"respect": 0.45},
    "defensiveness": {"understanding": 0.45},
    "stonewalling": {"rest": 0.35, "autonomy and space": 0.4},
    "invalidation": {"understanding": 0.4},
    "self_criticism": {"self-acceptance": 0.55},
    "placating": {"safety": 0.35, "to be seen and heard": 0.4},
    "non_apology": {"understanding": 0.4},
    "need_statement": {"consideration": 0.3},
    "repair_attempt": {"connection": 0.45, "rest": 0.3},
    "reassurance": {"connection": 0.45},
    "safety_risk": {"safety": 0.8},
}


@dataclass(frozen=True)
class Entry:
    name: str
    cues: tuple[re.Pattern[str], ...]
    goemotions: tuple[str, ...] = ()
    from_feelings: tuple[str, ...] = ()


@cache
def inventory() -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    import yaml

    raw = yaml.safe_load(INVENTORY.read_text(encoding="utf-8"))

    def entries(section: dict[str, dict[str, list[str]]]) -> tuple[Entry, ...]:
        return tuple(
            Entry(
                name,
                tuple(re.compile(c, re.IGNORECASE) for c in spec.get("cues", [])),
                tuple(spec.get("goemotions", [])),
                tuple(spec.get("from_feelings", [])),
            )
            for name, spec in section.items()
        )

    return entries(raw["feelings"]), entries(raw["needs"])


@cache
def goemotions_head() -> tuple[tuple[str, ...], np.ndarray, np.ndarray] | None:
    if not GOEMOTIONS_HEAD.exists():
        return None
    from heartwork.engine.manifest import check

    check(GOEMOTIONS_HEAD)
    npz = np.load(GOEMOTIONS_HEAD)
    return (
        tuple(str(x) for x in npz["emotions"]),
        npz["weights"].astype(np.float32),
        npz["bias"].astype(np.float32),
    )


@cache
def _cue_scanners() -> tuple[list[tuple[str, re.Pattern[str]]], LiteralFilter]:
    """One alternation per inventory entry: a message is scanned ~40 times instead of once per cue (~230),
    and only by the entries whose cue words it contains (the filter; the same counts, ~5x faster)."""
    feelings, needs = inventory()
    scanners = [
        (f"{kind}:{e.name}", re.compile("|".join(f"(?:{rx.pattern})" for rx in e.cues), re.IGNORECASE))
        for kind, entries in (("f", feelings), ("n", needs))
        for e in entries
        if e.cues
    ]
    return scanners, LiteralFilter([rx.pattern for _, rx in scanners])


def cue_scores(text: str) -> dict[str, float]:
    """{"f:hurt": score, "n:care": score, ...}: one cue match gives CUE_SCORE, each further one CUE_STEP."""
    scanners, literal_filter = _cue_scanners()
    possible = literal_filter.candidates(fold(text))
    out = {}
    for i, (key, rx) in enumerate(scanners):
        if i not in possible:
            continue
        hits = len(rx.findall(text))
        if hits:
            out[key] = min(0.9, CUE_SCORE + CUE_STEP * (hits - 1))
    return out


class FeelingsDetector:
    name = "feelings"
    order = 40
    needs = ("findings",)
    assigns = ("feelings", "needs")
    critical = False

    def run(self, docs: list[Doc]) -> None:
        feelings, needs = inventory()
        head = goemotions_head()
        boosted = [e for e in feelings if e.goemotions]  # the feelings GoEmotions emotions feed
        sources = {e.name: e.from_feelings for e in needs}
        follows: dict[str, list[str]] = {}  # feeling -> the needs that follow from it
        for entry in needs:
            for f in entry.from_feelings:
                follows.setdefault(f, []).append(entry.name)
        # Per doc, per boosted feeling: HEAD_WEIGHT x its strongest emotion's probability (``boost``), and
        # which feelings that alone lifts to MIN_SCORE, with their value min(0.95, boost) (``alone``). Taken
        # for the whole batch in numpy, in the same double arithmetic as the per-feeling formula below.
        boost: list[list[float]] = [[] for _ in docs]
        alone: list[list[tuple[int, float]]] = [[] for _ in docs]
        if head is not None and boosted:
            names, w, b = head
            vectors = np.vstack([d.vector if d.vector is not None else embed([d.text])[0] for d in docs])
            p = 1.0 / (1.0 + np.exp(-(vectors @ w + b)))
            col = {name: j for j, name in enumerate(names)}
            strongest = np.stack([p[:, [col[g] for g in e.goemotions]].max(axis=1) for e in boosted], axis=1)
            lift = HEAD_WEIGHT * strongest.astype(np.float64)
            boost = lift.tolist()
            capped = np.minimum(0.95, lift)
            rows, cols = np.nonzero(capped >= MIN_SCORE)
            for r, c, x in zip(rows.tolist(), cols.tolist(), capped[rows, cols].tolist(), strict=True):
                alone[r].append((c, x))
        boosted_index = {e.name: j for j, e in enumerate(boosted)}
        for doc, lifts, lifted in zip(docs, boost, alone, strict=True):
            labels = {f.label for f in doc.findings}
            cues = cue_scores(doc.text[:5000])
            fs = {k[2:]: v for k, v in cues.items() if k[0] == "f"}
            ns = {k[2:]: v for k, v in cues.items() if k[0] == "n"}
            for label in labels:
                _raise(fs, PATTERN_FEELINGS.get(label, {}))
                _raise(ns, PATTERN_NEEDS.get(label, {}))
            if lifts:  # fs[name] = min(0.95, fs.get(name, 0.0) + boost) for every boosted feeling
                for name in fs.keys() & boosted_index.keys():
                    fs[name] = min(0.95, fs[name] + lifts[boosted_index[name]])
                for j, value in lifted:
                    fs.setdefault(boosted[j].name, value)
            fs = {k: v for k, v in fs.items() if v >= MIN_SCORE}
            # a need none of whose feelings is present would get 0.0, which raises nothing: skip those
            for need in {n for f in fs for n in follows.get(f, ())}:
                value = 0.8 * max(fs.get(f, 0.0) for f in sources[need])
                if value > ns.get(need, 0.0):
                    ns[need] = value
            doc.feelings = [Feeling(n, round(s, 3)) for n, s in _top(fs)]
            doc.needs = [Need(n, round(s, 3)) for n, s in _top(ns)]


def _raise(scores: dict[str, float], priors: dict[str, float]) -> None:
    for name, value in priors.items():
        if value > scores.get(name, 0.0):
            scores[name] = value


def _top(scores: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(((n, s) for n, s in scores.items() if s >= MIN_SCORE), key=lambda t: (-t[1], t[0]))[:TOP]


def goemotions_rows(tsv_dir: Path, split: str = "train") -> list[tuple[str, set[str]]]:
    """Each comment of GoEmotions' ``{split}.tsv`` (text, label ids, comment id) with its emotion names."""
    labels = Path(tsv_dir, "labels.txt").read_text(encoding="utf-8").split()
    rows = []
    for line in Path(tsv_dir, f"{split}.tsv").read_text(encoding="utf-8").splitlines():
        if line:
            text, ids, _ = line.split("\t")
            rows.append((text, {labels[int(i)] for i in ids.split(",")}))
    return rows


def train_goemotions_head(tsv_dir: Path, log: Callable[[str], None] = print) -> None:
    """Fit one logistic head per GoEmotions emotion the inventory uses, over the static embedding."""
    from sklearn.linear_model import LogisticRegression

    from heartwork.engine.manifest import record

    feelings, _ = inventory()
    wanted = sorted({g for e in feelings for g in e.goemotions})
    rows = goemotions_rows(tsv_dir)
    texts, ys = [text for text, _ in rows], [emotions for _, emotions in rows]
    log(f"GoEmotions: {len(texts)} training comments, {len(wanted)} emotions")
    x = embed(texts)
    w = np.zeros((x.shape[1], len(wanted)), dtype=np.float32)
    b = np.zeros(len(wanted), dtype=np.float32)
    for j, emotion in enumerate(wanted):
        y = np.array([emotion in s for s in ys], dtype=np.int8)
        m = LogisticRegression(C=2.0, max_iter=2000)
        m.fit(x, y)
        w[:, j], b[j] = m.coef_[0], m.intercept_[0]
    np.savez_compressed(GOEMOTIONS_HEAD, emotions=np.array(wanted), weights=w.astype(np.float16), bias=b)
    record(GOEMOTIONS_HEAD)
