"""review(): feedback on a draft reply before it is sent, a before/after score and a rewrite that keeps the facts.

Each reactive span of the draft is shown with why it may land badly and what to try instead (lead with their
pain before any facts; turn "you always" into a specific moment and a feeling; replace "sorry if you feel" with
ownership). The rewrite keeps the draft's own content: sentences that read fine are kept word for word; a
reactive sentence is rewritten around its own words; facts the user wrote (names, times, amounts) are kept —
after the partner's pain, not before it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from heartwork.coach.composer import _ADJ_OK, compose, normalise_part
from heartwork.coach.reading import STANCE_ORDER, read
from heartwork.coach.respond import check_message, part_problem
from heartwork.coach.vetting import vet_many
from heartwork.model import Analysis
from heartwork.safety.notice import SafetyNotice, safety_notice
from heartwork.taxonomy import COMPASSIONATE, REACTIVE, TITLES

# Compassion score of a message, 0–100 (a transparent heuristic, not a validated scale): a plain message scores
# SCORE_BASE; each distinct compassionate move adds SCORE_PER_MOVE (counted up to three); each distinct reactive
# pattern takes off SCORE_PER_REACTIVE. A safety risk scores 0.
SCORE_BASE = 50
SCORE_PER_MOVE = 15
SCORE_PER_REACTIVE = 25

_BREAK = "I'm getting overwhelmed and need a short break"

# The tip for a draft too short to rewrite (e.g. one word): a kind, clear result instead of an empty rewrite.
NOTHING_TO_REWRITE = (
    "There is nothing in your draft for the coach to rewrite: once the words that may land badly are set aside, "
    "none of yours are left to keep. A kind start is to acknowledge how they feel, then say what you would like."
)

TRY_INSTEAD: dict[str, str] = {
    "criticism": "Turn “you always/never …” into one specific moment and how it felt: “When you …, I feel …”.",
    "contempt": "Leave out mockery and name-calling; say the hurt underneath instead.",
    "defensiveness": "Lead with their pain before any facts. Your side can come after they feel heard.",
    "stonewalling": "If you need a break, say so and say when you'll come back to it.",
    "invalidation": "Their feeling is real whatever the facts; acknowledge it (“I can see this upset you”).",
    "self_criticism": "Own the specific thing you did, without attacking yourself.",
    "placating": "Your needs matter too; say what you would actually like.",
    "non_apology": "Replace “sorry if you feel …” with ownership of your part: “I'm sorry I …”.",
}

_FACT_RX = re.compile(
    r"[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|"
    r"\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|euros|pounds|bucks|minutes|mins|hours|hrs|days|weeks|months|years|%|percent)\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|noon|midnight)\b|\b\d+(?:\.\d+)?\b",
    re.IGNORECASE,
)
_NAME_RX = re.compile(r"\b[A-Z][a-z]+(?:'s)?\b")
_NAME_STOPS = (
    "I I'm I'd I'll I've The A An And But Or So You Your Yours We Our It It's That That's This These Those What Why "
    "How When Where Who Which Well Oh Okay Ok Yes No Not Please Sorry Fine Whatever Maybe Just Also Then If Because "
    "My Me He She They Them His Her Their There Here Do Does Did Don't Didn't Can Can't Could Would Should Will "
    "Won't Let Let's Thanks Thank Hey Hi Look Listen Honestly Seriously Really Great Good Nice Come Stop Next "
    "After Before Again Every Everything Nothing Never Always Sometimes Today Tonight Tomorrow Yesterday"
)
_NOT_NAMES = frozenset(_NAME_STOPS.split())
_PRESENT_OF_DID = {
    "call": "called", "text": "texted", "tell": "told", "say": "said", "do": "did", "pay": "paid", "send": "sent",
    "ask": "asked", "try": "tried", "check": "checked", "clean": "cleaned", "pick": "picked", "book": "booked",
    "buy": "bought", "mention": "mentioned", "email": "emailed", "remember": "remembered", "help": "helped",
}  # fmt: skip
_MINIMISERS = re.compile(r"\b(?:only|just|even|literally|obviously|clearly|seriously)\s+", re.IGNORECASE)


def key_facts(text: str) -> list[str]:
    """Names, times and amounts in a text, in order (what a rewrite must keep).

    A capitalised word that opens a sentence and is followed by an object or a particle, as an imperative is
    ("Leave me alone.", "Calm down, …", "Forget it!"), is not taken for a name unless it is also capitalised in
    the middle of a sentence; "Tom paid …" and "Sam, …" still are names.
    """
    facts = [m.group(0) for m in _FACT_RX.finditer(text)]
    names = list(_NAME_RX.finditer(text))
    mid_sentence = {m.group(0).removesuffix("'s") for m in names if not _opens_sentence(text, m.start())}
    for m in names:
        word = m.group(0)
        base = word.removesuffix("'s")
        if base in _NOT_NAMES or _FACT_RX.fullmatch(base):
            continue
        if (
            _opens_sentence(text, m.start())
            and base not in mid_sentence
            and _IMPERATIVE_NEXT.match(text, m.end())
        ):
            continue
        facts.append(base)
    return list(dict.fromkeys(facts))


# What follows a sentence-opening imperative ("Leave me", "Calm down", "Forget it"), and rarely a name.
_IMPERATIVE_NEXT = re.compile(
    r"\s+(?:me|it|us|them|him|her|yourself|this|that|down|up|off|out|away|over|back)\b", re.IGNORECASE
)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?…\n"


def compassion_score(analysis: Analysis) -> int:
    if analysis.safety.risk:
        return 0
    labels = set(analysis.labels)
    moves = len(labels & set(COMPASSIONATE))
    reactive = len(labels & set(REACTIVE))
    return max(0, min(100, SCORE_BASE + SCORE_PER_MOVE * min(moves, 3) - SCORE_PER_REACTIVE * reactive))


@dataclass(frozen=True)
class DraftFinding:
    label: str
    start: int
    end: int
    evidence: str
    why: str  # why it may land badly (the analyzer's explanation)
    try_instead: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "why": self.why,
            "try_instead": self.try_instead,
        }


@dataclass(frozen=True)
class Review:
    to: str
    draft: str
    analysis: Analysis  # the draft, read as a reply to ``to``
    beneath: Analysis  # the partner's message
    findings: tuple[DraftFinding, ...]
    tips: tuple[str, ...]
    score_before: int
    score_after: int | None
    rewrite: str | None
    paused_for_safety: bool = False
    safety: SafetyNotice | None = None
    notices: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "draft": self.draft,
            "findings": [f.to_dict() for f in self.findings],
            "tips": list(self.tips),
            "score_before": self.score_before,
            "score_after": self.score_after,
            "rewrite": self.rewrite,
            "paused_for_safety": self.paused_for_safety,
            "safety": self.safety.to_dict() if self.safety else None,
            "beneath": self.beneath.to_dict(),
            "draft_analysis": self.analysis.to_dict(),
            "notices": list(self.notices),
        }


def review(to: str, draft: str, *, my_part: str | None = None, country: str | None = None) -> Review:
    """Feedback on ``draft`` (the user's reply) to ``to`` (the partner's message), with a rewrite.

    ``my_part`` (optional) is what the user owns; a non-apology is then rewritten as "I'm sorry I <my_part>".
    """
    from heartwork.engine import analyze

    check_message(to, "partner's message")
    check_message(draft, "draft")
    beneath = analyze(to)
    analysis = analyze(draft, context=to)
    score_before = compassion_score(analysis)
    findings = tuple(
        DraftFinding(f.label, f.span.start, f.span.end, f.evidence, f.explanation, TRY_INSTEAD[f.label])
        for f in analysis.patterns
        if f.label in REACTIVE
    )
    notices: list[str] = list(analysis.notes)
    if beneath.safety.risk or analysis.safety.risk:
        from heartwork import settings

        which = beneath if beneath.safety.risk else analysis
        return Review(
            to, draft, analysis, beneath, findings, (), score_before, None, None,
            paused_for_safety=True,
            safety=safety_notice(which, country or settings.load().country),
            notices=tuple(notices),
        )  # fmt: skip

    reading = read(beneath)
    tips: list[str] = []
    part = my_part.strip() if my_part else None
    if part and (problem := part_problem(part)):
        tips.append(problem)
        part = None
    leads_with_pain = _leads_with_pain(analysis)
    if reading.stance == "contempt":
        tips.append(
            "Their message carries contempt. You don't need to apologise for being insulted; you can stay open "
            "to their pain and still ask for respect."
        )
    elif not leads_with_pain and (reading.stance != "neutral" or findings):
        tips.append("Lead with their pain before any facts: start by acknowledging how they feel.")
    if any(f.label == "placating" for f in findings) or any(f.label == "self_criticism" for f in findings):
        tips.append("Own your part only — not the whole conflict, and not by attacking yourself.")
    if not findings:
        tips.append("No reactive pattern found in your draft.")

    rewrite: str | None = None
    score_after: int | None = None
    if findings or not leads_with_pain:
        rewrite = _rewrite(draft, analysis, beneath, reading, part, leads_with_pain)
        if rewrite == "":
            rewrite = None
            tips.append(NOTHING_TO_REWRITE)
        elif rewrite is None:
            notices.append(
                "The coach could not write a rewrite the analyzer reads as free of reactive patterns."
            )
        else:
            score_after = compassion_score(analyze(rewrite, context=to))
    else:
        score_after = score_before
    return Review(
        to, draft, analysis, beneath, findings, tuple(tips), score_before, score_after, rewrite,
        notices=tuple(notices),
    )  # fmt: skip


def _leads_with_pain(analysis: Analysis) -> bool:
    """Does the draft's first sentence acknowledge the partner (validation, reassurance, ownership, a question)?"""
    from heartwork.engine.text import sentences

    sents = sentences(analysis.text)
    if not sents:
        return False
    first = sents[0]
    leading = {"validation", "reassurance", "accountability", "curiosity"}
    if any(f.label in leading and f.span.start < first.end for f in analysis.patterns):
        return True
    if len(sents) == 1:
        return False
    from heartwork.engine import analyze

    return bool(leading & set(analyze(first.text).labels))  # the first sentence read on its own


def _feeling_word(analysis: Analysis) -> str:
    for f in sorted(analysis.feelings, key=lambda x: -x.score):
        if _ADJ_OK.match(f.name) and f.name not in ("defensive", "angry"):
            return f.name
    return "hurt"


def _clean(s: str) -> str:
    s = _MINIMISERS.sub("", s)
    s = re.sub(r"\b(?:again|always|never|ever)\b", "", s, flags=re.IGNORECASE)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.!?])", r"\1", s)
    s = s.strip(" ,;:-—!?.")
    s = re.sub(r"^(?:and|but|so|because|anyway|plus|also|then|like)\b[, ]*", "", s, flags=re.IGNORECASE)
    s = re.sub(
        r"\bI did (\w+)", lambda m: "I " + _PRESENT_OF_DID.get(m.group(1).lower(), "did " + m.group(1)), s
    )
    return s.strip(" ,;:-—!?.")


def _lower_first(s: str) -> str:
    """Lower-case the first letter unless the first word is "I…" or a name."""
    first = s.split()[0].strip(",.!?") if s.split() else ""
    if first == "I" or first.startswith("I'"):
        return s
    base = first[:-2] if first.endswith("'s") else first
    if base[:1].isupper() and base not in _NOT_NAMES:
        return s
    return s[:1].lower() + s[1:]


def _rewrite(
    draft: str, analysis: Analysis, beneath: Analysis, reading: Any, part: str | None, leads_with_pain: bool
) -> str | None:
    """The rewrite; "" when nothing of the draft is left to rewrite, None when no clean rewrite was found."""
    from heartwork.engine.text import sentences

    feel = _feeling_word(analysis)
    reactive = [f for f in analysis.patterns if f.label in REACTIVE]
    front: list[str] = []  # the user's own ownership / feelings, in order
    later: list[str] = []  # the user's facts, after the partner's pain
    for sent in sentences(draft):
        inside = [f for f in reactive if f.span.start < sent.end and f.span.end > sent.start]
        if not inside:
            front.append(sent.text)
            continue
        labels = [label for label in STANCE_ORDER if any(f.label == label for f in inside)]
        # Take out the reactive words, keeping the user's own content around them. A finding that covers
        # (nearly) the whole sentence says how the sentence reads; only smaller spans are cut out.
        partial = [f for f in inside if not (f.span.start <= sent.start and f.span.end >= sent.end - 1)]
        rest = sent.text
        done: list[tuple[int, int]] = []
        for f, (a, b) in reversed(_merge(partial, sent.start, sent.end)):
            done.append((a, b))
            words = rest[a:b]
            if f.label == "criticism" and labels[0] == "criticism":
                rest = rest[:a] + _when_you(words, feel) + rest[b:]
            elif f.label == "defensiveness" and re.match(r"^I did \w+", words, re.IGNORECASE):
                continue  # "I did call" -> "I called" (a fact, kept; _clean rephrases it)
            elif f.label == "non_apology" and re.search(r"\bbut\b", words, re.IGNORECASE):
                rest = (
                    rest[:a]
                    + " "
                    + re.split(r"\bbut\b", words, maxsplit=1, flags=re.IGNORECASE)[1]
                    + rest[b:]
                )
            else:
                rest = rest[:a] + " " + rest[b:]
        if not done and not key_facts(sent.text):
            rest = ""  # the whole sentence reads as reactive and carries no fact to keep
        rest = _clean(rest)
        rest = re.sub(r"^(?:I'?m|I am|I)\s+(?=I\b)", "", rest)
        if len(rest.split()) < 3 and not key_facts(rest):
            rest = ""
        main = labels[0]
        if main in ("defensiveness", "invalidation") and "non_apology" in labels:
            main = "non_apology"  # "Sorry if you feel hurt, but I had to…": the dodged apology is owned first
        if main == "criticism":
            if rest.lower().startswith("when you"):
                front.append(rest[:1].upper() + rest[1:] + ".")
            else:
                front.append(f"I feel {feel}, and I'd like to tell you what happened for me.")
                if rest:
                    later.append(_share(rest))
        elif main == "contempt":
            if re.match(r"^you\b", rest, re.IGNORECASE) and len(rest.split()) >= 3:
                front.append(f"When {_lower_first(rest)}, I felt {feel}.")
            elif rest and key_facts(rest):
                later.append(_share(rest))
        elif main == "stonewalling":
            about = re.match(r"^(?:talking |discussing )?about (.+)$", rest, re.IGNORECASE)
            topic = f"about {about.group(1)}" if about else "about this"
            front[:] = [x for x in front if not x.startswith(_BREAK)]  # one request for a break is enough
            front.append(f"{_BREAK} so I can really listen. Can we talk {topic} again in twenty minutes?")
            if rest and not about:
                later.append(_share(rest))
        elif main == "non_apology":
            front.append(f"I'm sorry I {normalise_part(part)}." if part else "I'm sorry for my part in this.")
            if rest:
                later.append(_share(rest))
        elif main == "self_criticism":
            front.append(
                f"I'm sorry I {normalise_part(part)}, and I want to make it right."
                if part
                else "I made a mistake, and I want to make it right."
            )
            if rest:
                later.append(_share(rest))
        elif main == "placating":
            front.append("I want us both to feel okay about this, so I'd like to say what I need too.")
            if rest:
                later.append(_share(rest))
        else:  # defensiveness, invalidation
            if main == "invalidation":
                front.append("I can see that this really upset you.")
            if rest:
                later.append(_share(rest))
    opener = [] if leads_with_pain else _opener(beneath, reading)
    body = _dedupe([*opener, *front, *later])
    text = _carry_facts(" ".join(body), draft)
    if not text:
        return ""  # nothing of the draft is left to keep (e.g. a one-word draft read as reactive)
    # Re-read the rewrite; drop any sentence that still reads as reactive (carrying its facts) and retry once.
    for _ in range(2):
        verdict = vet_many([text], beneath.text, require_grounding=False)[0]
        if verdict.ok:
            return text
        bad = [f for f in verdict.analysis.patterns if f.label in REACTIVE or f.label == "safety_risk"]
        kept = [
            s.text
            for s in sentences(text)
            if not any(f.span.start < s.end and f.span.end > s.start for f in bad)
        ]
        text = _carry_facts(" ".join(kept), draft)
        if not text:
            return None  # every sentence still read as reactive: no clean rewrite
    return text if vet_many([text], beneath.text, require_grounding=False)[0].ok else None


def _carry_facts(text: str, draft: str) -> str:
    """Make sure the draft's names, times and amounts are still in the rewrite (a name as an address)."""
    missing = [f for f in key_facts(draft) if f not in text]
    names = [f for f in missing if _NAME_RX.fullmatch(f) and not _FACT_RX.fullmatch(f)]
    others = [f for f in missing if f not in names]
    if names and text:
        text = f"{', '.join(names)}, {_lower_first(text)}"
    if others:
        text += f" I'd also like us to talk about {', '.join(others)}."
    return text.strip()


def _merge(findings: list[Any], lo: int, hi: int) -> list[tuple[Any, tuple[int, int]]]:
    """Overlapping spans merged into one interval (relative to ``lo``), represented by the longest finding."""
    groups: list[tuple[Any, tuple[int, int]]] = []
    for f in sorted(findings, key=lambda f: (f.span.start, -f.span.end)):
        a, b = max(f.span.start, lo) - lo, min(f.span.end, hi) - lo
        if groups and a < groups[-1][1][1]:
            rep, (ga, gb) = groups[-1]
            longest = f if (b - a) > (rep.span.end - rep.span.start) else rep
            groups[-1] = (longest, (ga, max(gb, b)))
        else:
            groups.append((f, (a, b)))
    return groups


def _analyze(text: str, context: str) -> Analysis:
    from heartwork.engine import analyze

    return analyze(text, context=context)


def _when_you(evidence: str, feel: str) -> str:
    """'You always come home late' -> 'When you come home late, I feel hurt'."""
    m = re.match(
        r"^(?:why (?:can'?t|do) )?you (always|never|constantly|keep) (.+)$", evidence.strip(), re.IGNORECASE
    )
    if not m:
        return " "
    adverb, what = m.group(1).lower(), m.group(2).strip(" ,")
    if adverb == "never":
        what = "don't " + what
    return f"when you {what}, I feel {feel}"


def _share(rest: str) -> str:
    return f"When you're ready, I'd like to share my side too: {_lower_first(rest)}."


def _opener(beneath: Analysis, reading: Any) -> list[str]:
    """Lead with their pain: the first validation the analyzer reads as clean, from the composer."""
    if reading.stance not in ("contempt", "criticism", "stonewalling", "self_criticism", "neutral"):
        reading = dataclasses.replace(reading, stance="criticism")  # their pain, not their defence
    cands = compose(reading).get("validation") or []
    texts = [c.text for c in cands][:3] or ["I can see how much this hurts, and that makes sense."]
    for text in texts:  # usually the first passes: read one at a time
        if vet_many([text], beneath.text)[0].ok:
            return [text]
    return []


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i.strip()))


def describe(label: str) -> str:
    return TITLES[label]
