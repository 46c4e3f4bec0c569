"""The default generator: a deterministic template/grammar composer grounded in the analysis.

For each kind of response it writes several candidates, most specific first (using the message's own topic
words, the moment it names, the likely feelings and needs), down to a plain fallback. The caller re-analyses
every candidate and shows the first one per kind that the analyzer reads as compassionate and not reactive.

Which kinds are offered depends on the stance (see reading.STANCE_ORDER):
- criticism and most complaints: core value response, validation, amends, curiosity (+ accountability for the
  part the user names);
- contempt: no accommodation — a need statement that names the hurt and asks for respect, validation of the
  upset (not of the insult), curiosity;
- defensiveness, invalidation, non-apology: the user's own need statement, plus validation and curiosity;
- stonewalling: validation of the need for space, reassurance, a request to come back later;
- self-criticism and placating from the partner: validation, reassurance, curiosity, amends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heartwork.coach.reading import CORE_VALUE, NEED_PHRASES, Reading

# Kinds in display order.
KINDS = ("core_value", "validation", "accountability", "amends", "curiosity", "need_statement")

# Kinds offered per stance, in display order. Accountability is added only when the user names their part.
KINDS_BY_STANCE: dict[str, tuple[str, ...]] = {
    "criticism": ("core_value", "validation", "amends", "curiosity"),
    "contempt": ("need_statement", "validation", "curiosity"),
    "defensiveness": ("validation", "need_statement", "curiosity", "core_value"),
    "invalidation": ("need_statement", "curiosity", "core_value", "validation"),
    "stonewalling": ("validation", "core_value", "need_statement", "curiosity"),
    "non_apology": ("need_statement", "validation", "curiosity"),
    "self_criticism": ("validation", "core_value", "curiosity", "amends"),
    "placating": ("curiosity", "core_value", "validation"),
    "neutral": ("curiosity", "core_value", "validation"),
    "unreadable": ("curiosity", "core_value", "amends"),
}
# Stances where taking on blame or offering repair would be accommodation (APPROACH.md §5).
NO_ACCOMMODATION = frozenset({"contempt"})

# Adjectives that read well in "I can see how {feeling} you are".
_ADJ_OK = re.compile(
    r"^(?:hurt|frustrated|lonely|exhausted|disappointed|sad|angry|upset|worried|anxious|scared|tired|"
    r"overwhelmed|resentful|ashamed|stressed|annoyed|irritated|confused|afraid|nervous|embarrassed|"
    r"discouraged|hopeless|helpless|jealous|insecure|unappreciated|disrespected|unheard|unseen|betrayed|"
    r"smothered|uncomfortable)$"
)


@dataclass(frozen=True)
class Candidate:
    kind: str
    text: str
    why: str


def _feeling(r: Reading) -> str:
    for f in r.feelings:
        if _ADJ_OK.match(f):
            return f
    return "hurt"


def _need(r: Reading) -> str:
    for n in r.needs:
        if n in CORE_VALUE:
            return n
    return "care"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _because(r: Reading) -> str:
    """'the hurt beneath "You never listen"' for the why-line of a suggestion."""
    if r.evidence:
        ev = r.evidence[0]
        if len(ev) > 50:
            ev = ev[:47].rstrip() + "…"
        return f"the {_feeling(r)} beneath “{ev}”"
    return "what your partner is feeling"


def normalise_part(part: str) -> str:
    """'I'm sorry I forgot to call.' -> 'forgot to call'."""
    p = part.strip().rstrip(".!")
    p = re.sub(r"^(?:i'?m\s+)?(?:so\s+|really\s+)?sorry\s+(?:that\s+)?", "", p, flags=re.IGNORECASE)
    p = re.sub(r"^(?:that\s+)?i\s+", "", p, flags=re.IGNORECASE)
    return p.strip()


def compose(r: Reading, my_part: str | None = None) -> dict[str, list[Candidate]]:
    """Candidates per kind, most specific first. Keys are in display order."""
    stance = r.stance if r.language == "en" else "unreadable"
    kinds = list(KINDS_BY_STANCE[stance])
    if my_part and stance not in NO_ACCOMMODATION:
        kinds.insert(1 if stance == "criticism" else min(2, len(kinds)), "accountability")
    out: dict[str, list[Candidate]] = {}
    for kind in kinds[:5]:
        writer = _WRITERS[kind]
        cands = [Candidate(kind, _tidy(t), why) for t, why in writer(r, stance, my_part or "")]
        out[kind] = list({c.text: c for c in cands if c.text}.values())
    return out


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.?!])", r"\1", text)
    return text


# --- writers: each yields (text, why), most specific first --------------------------------------------------


def _core_value(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    need = _need(r)
    fear, show = CORE_VALUE[need]
    why = f"Answers {_because(r)} with what you value, without arguing about the facts."
    out = []
    if stance == "self_criticism":
        fear, show = CORE_VALUE["acceptance"]
    elif stance == "placating":
        fear, show = CORE_VALUE["consideration"]
    elif stance == "stonewalling":
        out.append(
            (
                "I'm not going anywhere. I care about you, and I'm here whenever you're ready to talk.",
                "Reassures without pushing: your partner may be flooded, and care lowers the threat.",
            )
        )
    elif stance == "neutral":
        out.append(
            (
                f"I love you, and I'm glad we can talk about {r.topic}."
                if r.topic
                else "I love you. Thank you for telling me.",
                "Nothing to repair here: warmth in ordinary moments builds trust for the hard ones.",
            )
        )
    if r.topic and stance not in ("neutral", "unreadable"):
        out.append(
            (
                f"I don't want you to feel {fear}, especially about {r.topic}. What can I do to show you {show}?",
                why,
            )
        )
    if r.behaviour and stance == "criticism":
        out.append(
            (
                f"I don't want you to feel that I {r.behaviour}. I care about you, and I want to get this right with you.",
                why,
            )
        )
    out.append((f"I don't want you to feel {fear}. What can I do to show you {show}?", why))
    out.append(
        (
            "I don't want you to feel that I don't care about you. What can I do to show you that I care about you a great deal?",
            why,
        )
    )
    return out


def _validation(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    feel = _feeling(r)
    why = f"Acknowledges {_because(r)} as real, whatever the facts turn out to be."
    out: list[tuple[str, str]] = []
    if stance == "contempt":
        why = "Acknowledges the upset behind the words without accepting the insult."
        out.append(
            ("I can see that you're really upset, and I want to understand what's underneath it.", why)
        )
        out.append(("I can hear how upset you are.", why))
        return out
    if stance == "stonewalling":
        why = "Acknowledges the need for space instead of chasing, which helps a flooded partner come back."
        out.append(("I can see that you need some space right now, and that makes sense.", why))
        out.append(("I can see that this is a lot right now. That makes sense.", why))
        return out
    if stance == "self_criticism":
        why = "Meets the shame with understanding instead of arguing with it."
        out.append(
            ("I can see how hard you're being on yourself right now, and that sounds really painful.", why)
        )
        out.append(("I can hear how much pain you're in. That sounds really hard.", why))
        return out
    if stance == "placating":
        why = "Acknowledges the wish to keep the peace, while making room for what they actually want."
        out.append(("I can see that you want us to be okay, and I do too. Your feelings matter to me.", why))
        out.append(("I can see that you want us to be okay. That makes sense.", why))
        return out
    if stance in ("defensiveness", "invalidation", "non_apology"):
        why = "Acknowledges your partner's side without giving up your own feeling."
        if r.topic:
            out.append(
                (
                    f"I can see that you see {r.topic} differently, and that makes sense from where you are.",
                    why,
                )
            )
        out.append(("I can see that you see this differently, and that makes sense from where you are.", why))
        out.append(("I hear that this looks different to you. That makes sense.", why))
        return out
    if stance in ("neutral", "unreadable"):
        why = "Notices the feeling in the words, so your partner feels heard."
        if r.feelings and r.topic:
            out.append((f"I can hear that you're feeling {feel} about {r.topic}. That makes sense.", why))
        if r.feelings:
            out.append((f"I can hear that you're feeling {feel}. That makes sense.", why))
        out.append(("I hear you. Thank you for telling me.", why))
        out.append(("I can see that this matters to you.", why))
        return out
    if r.topic:
        out.append((f"I can see how {feel} you are about {r.topic}, and that makes sense.", why))
    if r.when:
        out.append((f"I can see how {feel} you felt {r.when}. That makes sense.", why))
    if r.behaviour:
        out.append(
            (f"I can see how {feel} you are when it feels like I {r.behaviour}. That makes sense.", why)
        )
    out.append((f"I can see how {feel} you are, and that makes sense.", why))
    out.append(("I can see how much this hurts. That makes sense.", why))
    return out


def _accountability(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    p = normalise_part(part)
    why = "Owns the specific part you named — only that part, not the whole conflict."
    out = [
        (f"I'm sorry I {p}. That was my part, and I can see that it hurt you.", why),
        (f"You're right that I {p}, and I'm sorry.", why),
        (f"I'm sorry I {p}. That was my mistake.", why),
    ]
    return out


def _amends(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    need = _need(r)
    why = "Offers repair by asking what would help, instead of guessing or defending."
    out: list[tuple[str, str]] = []
    if stance == "unreadable":
        return [
            (
                "What would help right now? I'm here for you.",
                "Offers support without guessing what went wrong.",
            )
        ]
    if stance == "self_criticism":
        out.append(
            ("What would help right now? I'm here for you.", "Offers support without fixing or arguing.")
        )
    if r.topic and need in ("support", "fairness"):
        out.append(
            (
                f"What would help most with {r.topic}? I'd like us to share it in a way that feels fair to you.",
                why,
            )
        )
    if r.topic and need in ("reliability", "trust"):
        out.append((f"What would help you feel you can count on me with {r.topic}?", why))
    if r.topic:
        out.append((f"What would help with {r.topic}? I'd like to make this better with you.", why))
    if part:
        out.append(("How can I make this right? I'd like to do something that helps.", why))
    phrase = NEED_PHRASES.get(need)
    if phrase and phrase.startswith("to "):
        out.append((f"What would help you {phrase[3:]} right now?", why))
    out.append(("What would help right now? I'd like to make this better with you.", why))
    return out


def _curiosity(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    why = "An open question about your partner's experience: curiosity often shows the fear you share."
    out: list[tuple[str, str]] = []
    if stance == "stonewalling":
        out.append(("When you're ready, I'd like to hear what is going on for you.", why))
        return out
    if stance == "placating":
        out.append(("I'd really like to know what you want too. What is going on for you?", why))
    if stance == "self_criticism":
        out.append(("Can you tell me more about what's been weighing on you?", why))
    if stance == "contempt":
        why = "Stays open to the pain behind the words, without taking the insult on."
        out.append(("Can you tell me more about what's hurting you right now?", why))
        return out
    if stance == "unreadable":
        out.append(("Can you tell me more about what you mean? I want to understand you.", why))
        out.append(("How are you feeling right now? I'd like to understand.", why))
        return out
    if stance == "neutral":
        why = "An open question that turns an ordinary moment into connection."
        if r.topic:
            out.append((f"How are you feeling about {r.topic}? I'd love to hear.", why))
        if r.when:
            out.append((f"How are you feeling about {r.when}? I'd love to hear.", why))
        out.append(("How are you feeling today? I'd love to hear.", why))
        return out
    if r.when:
        out.append((f"What was happening for you {r.when}? I'd really like to understand.", why))
    if r.topic:
        out.append((f"Can you tell me more about {r.topic} and what it's been like for you?", why))
    if r.behaviour and stance == "criticism":
        out.append((f"Help me understand what it's like for you when it seems I {r.behaviour}.", why))
    out.append(("Can you tell me more about what this has been like for you?", why))
    out.append(("Help me understand what this has been like for you.", why))
    return out


def _need_statement(r: Reading, stance: str, part: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if stance == "contempt":
        why = "Names the hurt and asks for respect from kindness — no apology for being insulted."
        out.append(
            (
                "I can hear that you're really upset, and I want to understand. I feel hurt when we talk to each "
                "other this way, and I need us to speak with respect. Can you tell me more about what's going on for you?",
                why,
            )
        )
        out.append(
            (
                "I care about you, and I feel hurt when you speak to me like this. I need us to speak with respect. "
                "Can we take a break and talk again in twenty minutes?",
                why,
            )
        )
        return out
    if stance == "stonewalling":
        why = "Asks for a way back — a time to continue — instead of chasing or shutting down too."
        out.append(
            (
                "I care about you, and I'd like us to talk again later tonight, when you're ready. Would that work?",
                why,
            )
        )
        out.append(("I care about you. Can we talk later tonight, when you're ready?", why))
        return out
    if stance == "invalidation":
        why = "Speaks up for your own feeling from kindness instead of arguing about whether it is allowed."
        subject = f" about {r.topic}" if r.topic else ""
        out.append(
            (
                f"I care about you, and I'd like us to understand each other. When my feelings{subject} get called "
                "too much, I feel hurt, because I need to be heard. Would you be willing to hear me out for a few minutes?",
                why,
            )
        )
        out.append(
            (
                "I care about you, and I feel hurt right now. I need to be heard. Could you listen for a few minutes?",
                why,
            )
        )
        return out
    if stance == "defensiveness":
        why = "Keeps your own need on the table without arguing about who is right."
        at = f" {r.when}" if r.when else ""
        out.append(
            (
                f"I'm not trying to prove who's right. I felt hurt{at}, and I need to feel understood. "
                "Can you tell me more about how it was for you, and then I'll share how it was for me?",
                why,
            )
        )
        out.append(
            (
                "I care about you, and I felt hurt. I need to feel understood. Could you hear how it was for me?",
                why,
            )
        )
        return out
    if stance == "non_apology":
        why = "Says what would make the apology land, from your own feeling rather than as an accusation."
        out.append(
            (
                "I care about you, and I appreciate you reaching out. I felt hurt, and I need to know you see how "
                "it landed for me. Could you tell me how you see your part in it?",
                why,
            )
        )
        out.append(
            (
                "I care about you, and I felt hurt. I need to feel understood. Could you tell me how you see it?",
                why,
            )
        )
        return out
    why = "Speaks from your own feeling and need, with a request, rooted in kindness."
    out.append(
        ("I care about you, and I'd like us to understand each other. Could you tell me how you see it?", why)
    )
    return out


_WRITERS = {
    "core_value": _core_value,
    "validation": _validation,
    "accountability": _accountability,
    "amends": _amends,
    "curiosity": _curiosity,
    "need_statement": _need_statement,
}
