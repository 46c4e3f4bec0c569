"""Runs the detectors in order over a batch of messages, merges their findings, isolates failures.

A detector declares what it ``needs`` (fields of :class:`Doc` filled by earlier detectors) and what it
``assigns``; the pipeline orders nothing implicitly — detectors run in the order of their ``order`` value —
but checks that every need is assigned by an earlier detector, so a mis-ordered plugin fails loudly at
start-up instead of silently reading empty fields. A detector that raises while running is skipped for that
batch and the analysis carries a note; the safety detector is the exception: if it fails, the error
propagates, because a silent safety failure is worse than no answer.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import get_context
from typing import Any, Protocol

from heartwork.model import Analysis, Feeling, Finding, Need, Safety
from heartwork.taxonomy import LABELS

log = logging.getLogger(__name__)

# Messages longer than this are analysed in full by the rules and safety detectors, but the classifier
# reads only the first MAX_CLASSIFIER_CHARS (its features saturate long before; keeps a 1 MB message fast).
MAX_CLASSIFIER_CHARS = 5_000
# Repeated texts (quick replies, "ok", "love you") are common in chat histories; cache their analyses.
CACHE_SIZE = 50_000
# Batches at least this large are split across processes: this one plus a helper per further core
# (HEARTWORK_WORKERS overrides the count, this process included). Below it, starting helpers (~1 s each,
# once) costs more than it saves.
PARALLEL_MIN = 2_000
# Chunks queued per helper process: enough that a helper never waits while this process works on a chunk.
HELPER_QUEUE = 2
# Detectors see at most this many messages at once, so their per-chunk arrays (embeddings ~1 KB per message,
# n-gram cells, sentence lists) stay bounded whatever the batch size.
CHUNK = 1_000


class EmptyMessageError(ValueError):
    """The message has no words to read."""


@dataclass
class Doc:
    """Working state for one message while detectors run."""

    text: str
    context: str | None = None
    findings: list[Finding] = field(default_factory=list)  # candidates; the decider keeps or drops them
    vetoed: set[str] = field(default_factory=set)  # labels a rule judged absent (e.g. "always" said fondly)
    probs: dict[str, float] = field(default_factory=dict)  # classifier probability per label
    safety_threshold: float = 1.0  # the classifier's tuned cut-off for its safety_risk probability
    vector: Any = None  # the message embedding (numpy row), shared by the classifier and feelings heads
    feelings: list[Feeling] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    safety: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reread: bool = False  # a helper process left its safety second reading to the caller (_helper_started)


class Detector(Protocol):
    """Built-ins: rules 10, classifier 20, safety 30, feelings 40. Findings added before the classifier are
    candidates it confirms or drops; findings added after it are final."""

    name: str
    order: int  # lower runs first
    needs: tuple[str, ...]  # Doc fields it reads besides text/context
    assigns: tuple[str, ...]  # Doc fields it writes
    critical: bool  # a failure propagates instead of being isolated

    def run(self, docs: list[Doc]) -> None: ...


class Pipeline:
    def __init__(self, detectors: list[Detector]) -> None:
        self.detectors = sorted(detectors, key=lambda d: d.order)
        available = {"text", "context"}
        for d in self.detectors:
            missing = set(d.needs) - available
            if missing:
                raise RuntimeError(
                    f"Detector {d.name!r} needs {sorted(missing)}, which no earlier detector assigns."
                )
            available |= set(d.assigns)
        self._cache: OrderedDict[tuple[str, str | None], Analysis] = OrderedDict()

    def run(self, texts: list[str], contexts: list[str | None]) -> list[Analysis]:
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"A message must be text (str), not {type(t).__name__}.")
            if not t.strip():
                raise EmptyMessageError("Nothing to read: the message is empty.")
        results: list[Analysis | None] = [
            self._cache.get((t, c)) for t, c in zip(texts, contexts, strict=True)
        ]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            fresh = self._analyze([texts[i] for i in todo], [contexts[i] for i in todo])
            for i, analysis in zip(todo, fresh, strict=True):
                results[i] = self._remember((texts[i], contexts[i]), analysis)
        return [r for r in results if r is not None]

    def _analyze(self, texts: list[str], contexts: list[str | None]) -> list[Analysis]:
        helpers = _workers() - 1
        if len(texts) >= PARALLEL_MIN and helpers > 0:
            try:
                return self._analyze_parallel(texts, contexts, helpers)
            except BrokenProcessPool:  # e.g. the parent's __main__ cannot be re-imported: work serially
                log.warning("worker processes unavailable; analysing in this process")
                _pool.cache_clear()
                os.environ["HEARTWORK_WORKERS"] = "1"
        return self.analyze_serial(texts, contexts)

    def _analyze_parallel(self, texts: list[str], contexts: list[str | None], helpers: int) -> list[Analysis]:
        """One process per core, this one included: helper processes take chunks from the back of the
        batch while this process works through the front, until they meet.

        This process working (instead of waiting for one more helper) saves a helper's start-up (~1 s of
        imports and model loading), starts at once while the helpers are still starting, and halves the
        results to unpickle here. Each helper is kept HELPER_QUEUE chunks ahead so it never waits, also while
        this process does the second readings a helper left to it (_helper_started) as each chunk comes back.
        """
        chunks = [(texts[i : i + CHUNK], contexts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
        done: dict[int, list[Analysis]] = {}
        pending: dict[Future[list[Analysis | None]], int] = {}
        front, back = 0, len(chunks)  # chunks[front:back] are neither done nor handed to a helper
        pool = _pool(helpers)
        while front < back:
            while front < back and len(pending) < HELPER_QUEUE * helpers:
                back -= 1
                pending[pool.submit(_analyze_chunk, *chunks[back])] = back
            if front < back:
                done[front] = self.analyze_serial(*chunks[front])
                front += 1
            for future in [f for f in pending if f.done()]:
                k = pending.pop(future)
                done[k] = self._reread(*chunks[k], future.result())
        for future in as_completed(pending):
            k = pending[future]
            done[k] = self._reread(*chunks[k], future.result())
        return [a for k in range(len(chunks)) for a in done[k]]

    def _reread(
        self, texts: list[str], contexts: list[str | None], part: list[Analysis | None]
    ) -> list[Analysis]:
        """A helper's chunk, with the messages it left to this process (None) analysed here in full."""
        todo = [i for i, a in enumerate(part) if a is None]
        again = iter(self.analyze_serial([texts[i] for i in todo], [contexts[i] for i in todo]))
        return [next(again) if a is None else a for a in part]

    def analyze_serial(self, texts: list[str], contexts: list[str | None]) -> list[Analysis]:
        out: list[Analysis] = []
        for i in range(0, len(texts), CHUNK):
            docs = [Doc(t, c) for t, c in zip(texts[i : i + CHUNK], contexts[i : i + CHUNK], strict=True)]
            self._run_detectors(docs)
            out.extend(_freeze(d) for d in docs)
        return out

    def _run_detectors(self, docs: list[Doc]) -> None:
        for d in self.detectors:
            try:
                d.run(docs)
            except Exception as exc:
                if d.critical:
                    raise
                log.exception("detector %s failed", d.name)
                for doc in docs:
                    doc.notes.append(
                        f"The {d.name} detector failed ({type(exc).__name__}); results may be incomplete."
                    )

    def _remember(self, key: tuple[str, str | None], analysis: Analysis) -> Analysis:
        if not analysis.notes:  # never cache a partial result
            self._cache[key] = analysis
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return analysis


_ORDER = {label: i for i, label in enumerate(LABELS)}


def _freeze(doc: Doc) -> Analysis:
    patterns = sorted(doc.findings, key=lambda f: (f.span.start, _ORDER[f.label]))
    return Analysis(
        text=doc.text,
        patterns=tuple(patterns),
        feelings=tuple(doc.feelings),
        needs=tuple(doc.needs),
        safety=Safety(risk=bool(doc.safety), findings=tuple(doc.safety)),
        notes=tuple(doc.notes),
    )


def _workers() -> int:
    """Processes a large batch is spread over, this one included."""
    env = os.environ.get("HEARTWORK_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    return os.cpu_count() or 1


@cache
def _pool(helpers: int) -> ProcessPoolExecutor:
    # spawn, not fork: forking a process that may hold threads (web server, onnx) is unsafe.
    return ProcessPoolExecutor(
        max_workers=helpers, mp_context=get_context("spawn"), initializer=_helper_started
    )


def _helper_started() -> None:
    """A helper process never loads the safety reader (its transformer, ~57 MB per process): a message that
    needs that second reading comes back from _analyze_chunk as None, and the calling process analyses it again
    in full as each chunk comes back (Pipeline._reread)."""
    from heartwork.engine.safety import SafetyDetector

    SafetyDetector.defer_second_reading = True  # for every instance in this process


def _analyze_chunk(texts: list[str], contexts: list[str | None]) -> list[Analysis | None]:
    """Runs in a helper process (_helper_started)."""
    docs = [Doc(t, c) for t, c in zip(texts, contexts, strict=True)]
    get_pipeline()._run_detectors(docs)
    return [None if d.reread else _freeze(d) for d in docs]


@cache
def get_pipeline() -> Pipeline:
    from threadpoolctl import threadpool_limits

    from heartwork.plugins import manager

    # The engine's matrix products are small (a batch x a few thousand features); BLAS threads only add
    # contention (measured: p95 of a respond() call 470 ms with threads vs 49 ms without, under load), and
    # the batch path uses one process per core instead.
    threadpool_limits(1)
    detectors: list[Detector] = []
    for batch in manager().hook.heartwork_detectors():
        detectors.extend(batch)
    return Pipeline(detectors)
