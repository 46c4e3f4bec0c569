"""The safety_risk detector: recall on its own development cases, exact spans, calm explanations, hard negatives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import heartwork
from heartwork.engine.pipeline import Doc
from heartwork.engine.safety import CATEGORIES, GATED_CUT, SafetyDetector, category_of, find_cues
from heartwork.model import Finding, Span

DEV_CASES = Path(__file__).with_name("dev_cases.jsonl")
CASES = [json.loads(x) for x in DEV_CASES.read_text(encoding="utf-8").splitlines() if x.strip()]
POSITIVES = [c for c in CASES if "safety_risk" in c["labels"]]  # type: ignore[operator]
NEGATIVES = [c for c in CASES if "safety_risk" not in c["labels"]]  # type: ignore[operator]


def test_safety_dev_cases_cover_every_category_and_hard_negatives() -> None:
    notes = " ".join(str(c["note"]) for c in POSITIVES)
    for cat in CATEGORIES:
        assert f"safety: {cat}" in notes, f"no dev case for {cat}"
    assert len(POSITIVES) >= 150 and len(NEGATIVES) >= 100


def test_safety_detector_recall_on_dev_cases_at_least_095() -> None:
    analyses = heartwork.analyze_many([str(c["text"]) for c in POSITIVES])
    missed = [c["text"] for c, a in zip(POSITIVES, analyses, strict=True) if not a.safety.risk]
    recall = 1 - len(missed) / len(POSITIVES)
    assert recall >= 0.95, f"recall {recall:.3f}; missed: {missed}"


def test_safety_detector_precision_on_dev_hard_negatives() -> None:
    # The phrase cues alone stay precise on the hard negatives...
    rule_fp = [c["text"] for c in NEGATIVES if find_cues(str(c["text"]))]
    assert len(rule_fp) <= 0.05 * len(NEGATIVES), f"cue false positives: {rule_fp}"
    # ...the learned backstop trades some precision for recall (threshold chosen on these cases): bounded here,
    # and every false positive is listed by bench/eval_safety.py with its explanation.
    analyses = heartwork.analyze_many([str(c["text"]) for c in NEGATIVES])
    flagged = [c["text"] for c, a in zip(NEGATIVES, analyses, strict=True) if a.safety.risk]
    assert len(flagged) <= 0.15 * len(NEGATIVES), f"false positives: {flagged}"


def test_safety_model_backstop_finding_is_exact_and_says_it_is_a_model() -> None:
    from heartwork.engine.safety import CLASSIFIER_SCORE_CAP

    analyses = heartwork.analyze_many([str(c["text"]) for c in CASES])
    model = [(a, f) for a in analyses for f in a.safety.findings if "learned model" in f.explanation]
    assert model, "expected the classifier backstop to flag at least one dev case"
    for a, f in model:
        assert a.text[f.span.start : f.span.end] == f.evidence and f.score <= CLASSIFIER_SCORE_CAP
        assert not find_cues(a.text)


@pytest.mark.parametrize(
    "text",
    [
        "this commute is killing me",
        "I'll kill you if you spoil the finale lol",
        "My feet are killing me.",
        "I died laughing at that video",
        "I'm scared of spiders",
        "Can you check my phone? It won't charge.",
        "It hurt me when you forgot my birthday.",
        "The doctor won't let me drive for a week.",
        "You killed it at the gig!",
    ],
)
def test_safety_detector_figurative_and_everyday_hard_negatives(text: str) -> None:
    a = heartwork.analyze(text)
    assert not a.safety.risk, [f.evidence for f in a.safety.findings]


@pytest.mark.parametrize(
    ("text", "evidence", "category"),
    [
        ("If you leave me, I swear you'll regret it.", "you'll regret it", "threat"),
        ("He checks my phone every night.", "checks my phone", "monitoring"),
        ("She won't let me see my friends anymore.", "won't let me see my friends", "isolation"),
        ("He takes my whole paycheck.", "takes my whole paycheck", None),
        ("I don't want to be here anymore.", "don't want to be here", "self_harm"),
        ("He pushed me against the wall.", "pushed me", "physical"),
        ("I'm scared of him when he drinks.", "scared of him", "fear"),
        ("He pressures me into sex when I'm tired.", "pressures me into sex", "sexual"),
        ("I wanna die lol", "wanna die", "self_harm"),
    ],
)
def test_safety_detector_exact_span_evidence_and_category(
    text: str, evidence: str, category: str | None
) -> None:
    a = heartwork.analyze(text)
    assert a.safety.risk, text
    for f in a.safety.findings:
        assert f.evidence == text[f.span.start : f.span.end]
        assert f.label == "safety_risk" and f.source == "safety"
        assert f.evidence in f.explanation
    evidences = [f.evidence for f in a.safety.findings]
    assert any(evidence.lower() in e.lower() for e in evidences), evidences
    if category:
        assert category in [category_of(e) for e in evidences]


def test_safety_detector_handles_negation() -> None:
    assert not heartwork.analyze("He has never hit me.").safety.risk
    assert not heartwork.analyze("I'm not scared of him anymore, we're in a good place.").safety.risk
    assert heartwork.analyze("He hit me again last night.").safety.risk


def test_safety_detector_serious_marker_beats_playful_marker() -> None:
    # "lol" does not hide a threat that names leaving; and "lol" never hides self-harm talk.
    assert heartwork.analyze("if you leave me I'll kill you lol").safety.risk
    assert heartwork.analyze("honestly I want to die lol").safety.risk


def test_safety_detector_curly_apostrophes() -> None:
    a = heartwork.analyze("He won’t let me see my sister.")
    assert a.safety.risk
    f = a.safety.findings[0]
    assert "won’t" in f.evidence  # evidence is the original text, not the normalised copy


def test_safety_detector_interface_appends_to_safety_and_findings() -> None:
    d = SafetyDetector()
    assert d.critical is True and d.name == "safety"
    assert "safety" in d.assigns and "findings" in d.assigns
    doc = Doc("She reads my messages and tracks my location.")
    d.run([doc])
    assert doc.safety and all(f in doc.findings for f in doc.safety)
    assert [f.evidence for f in doc.safety] == ["reads my messages", "tracks my location"]


def test_backstop_asks_more_of_a_message_read_as_kind() -> None:
    # A kind reply to a disclosure is often where risk shows ("thank you for telling me, are the pills near
    # you?"): the model backstop still flags it, but only when it is very sure (GATED_CUT), not at the plain
    # cut-off, because kind words like "scared" and "alone" mislead it.
    text = "Thank you for telling me. Are the pills still next to you? I'm staying on the phone with you."
    kind = Finding("reassurance", Span(0, 25), 0.9, text[:25], "reassures", "classifier")

    def flagged(prob: float, findings: list[Finding]) -> bool:
        doc = Doc(text, findings=list(findings), probs={"safety_risk": prob}, safety_threshold=0.5)
        SafetyDetector().run([doc])
        return bool(doc.safety)

    assert flagged(0.6, []) and not flagged(0.6, [kind])
    assert not flagged(GATED_CUT - 0.01, [kind]) and flagged(GATED_CUT, [kind])


def test_backstop_reads_control_of_the_partners_phone_apart_from_their_own_screen_time() -> None:
    # "you were on your phone all dinner" is about the partner's own screen, so the model backstop stays quiet;
    # blocking people or installing things on the partner's phone is control, so it may speak.
    def flagged(text: str) -> bool:
        doc = Doc(text, probs={"safety_risk": 0.9}, safety_threshold=0.5)
        SafetyDetector().run([doc])
        return bool(doc.safety)

    assert not flagged("You were on your phone all through dinner again.")
    assert flagged("I've blocked your cousin on your phone, he's a bad influence on you.")
    assert flagged("I've put an app on your phone, just so I know you're alright.")


def test_safety_detector_consistent_analysis_fields() -> None:
    a = heartwork.analyze("I've been thinking about ending my life.")
    assert a.has("safety_risk")
    assert set(a.safety.findings) == {f for f in a.patterns if f.label == "safety_risk"}


def test_safety_find_cues_non_overlapping_and_sorted() -> None:
    hits = find_cues("He hit me. He hit me again. I want to die. He checks my phone.")
    starts = [h.start for h in hits]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))
