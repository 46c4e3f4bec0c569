"""safety_risk detection: threats, fear, coercive control, sexual coercion, self-harm. Tuned for recall.

Never skipped and never isolated: if it fails, the whole analysis fails (pipeline: critical=True).
"""

from __future__ import annotations

import re

from heartwork.engine.pipeline import Doc
from heartwork.model import Finding, Span
from heartwork.taxonomy import explain

_PATTERNS = [
    r"\b(?:i'?ll|i will|gonna|going to) (?:make you (?:regret|pay|sorry)|hurt you|kill (?:you|myself)|end it)\b",
    r"\byou'?ll regret (?:it|this|leaving)\b",
    r"\b(?:checks?|checking|goes? through|read(?:s|ing)?) my (?:phone|messages|texts|emails?)\b",
    r"\b(?:won'?t|doesn'?t|does not|will not) let me (?:see|go|leave|talk|have|use|work)\b",
    r"\b(?:i'?m|i am) (?:scared|afraid|terrified) (?:of (?:him|her|them|you)|to go home|what (?:he|she|they)'?ll do)\b",
    r"\b(?:i )?(?:don'?t|do not) want to (?:be here|live|exist) any ?more\b",
    r"\b(?:kill|hurt|harm) myself\b",
    r"\bsuicid\w*\b",
    r"\b(?:hit|hits|hitting|slapped|pushed|shoved|choked|strangled) me\b",
]
_RX = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


class SafetyDetector:
    name = "safety"
    order = 30
    needs = ("findings",)
    assigns = ("safety", "findings")
    critical = True

    def run(self, docs: list[Doc]) -> None:
        for doc in docs:
            for m in _RX.finditer(doc.text):
                f = Finding(
                    "safety_risk",
                    Span(m.start(), m.end()),
                    0.95,
                    m.group(0),
                    explain("safety_risk", m.group(0)),
                    "safety",
                )
                doc.safety.append(f)
                doc.findings.append(f)
