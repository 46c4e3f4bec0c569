"""What the coach reads in a message beyond the analyzer's labels: topic words, likely feelings and needs.

Everything here is grounded in the message itself or in :class:`heartwork.model.Analysis`. When the analyzer
names feelings and needs, the coach uses them; when it names none (or only some), the coach adds *likely*
ones inferred from the pattern and from plain keywords, and says they are inferred.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from heartwork.model import Analysis
from heartwork.taxonomy import REACTIVE

# Order in which a message's reactive patterns decide the coach's stance (most serious first): contempt changes
# what is coached (no accommodation), so it wins over criticism, and so on.
STANCE_ORDER = (
    "contempt",
    "criticism",
    "defensiveness",
    "invalidation",
    "stonewalling",
    "non_apology",
    "self_criticism",
    "placating",
)
assert set(STANCE_ORDER) == set(REACTIVE)

# Likely feelings/needs behind each reactive pattern: the usual reading in couples work (APPROACH.md §1: anger
# is a cry for understanding; stonewalling is flooding; self-criticism is shame). Used only when the analyzer
# names none.
_LIKELY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "criticism": (("hurt", "frustrated"), ("care", "consideration")),
    "contempt": (("angry", "resentful"), ("respect", "appreciation")),
    "defensiveness": (("defensive", "worried"), ("understanding", "fairness")),
    "stonewalling": (("overwhelmed", "exhausted"), ("space", "rest")),
    "invalidation": (("uncomfortable", "overwhelmed"), ("ease", "understanding")),
    "self_criticism": (("ashamed", "sad"), ("acceptance", "support")),
    "placating": (("anxious", "worried"), ("safety", "connection")),
    "non_apology": (("defensive", "uncomfortable"), ("understanding", "acceptance")),
}

# Plain keywords that point at a feeling and a need (checked on word boundaries, lower case).
_KEYWORDS: tuple[tuple[str, str, str], ...] = (
    (r"alone|lonely|by myself", "lonely", "connection"),
    (r"listen|hear me|ignor\w*|heard", "unheard", "to be heard"),
    (r"care|love me|matter", "hurt", "care"),
    (r"dishes|laundry|chores|cleaning|clean up|cook\w*|housework|help", "exhausted", "support"),
    (r"late|forgot|forget|promised|on time|show up|showed up|cancel\w*", "disappointed", "reliability"),
    (r"respect|talk to me like|tone", "disrespected", "respect"),
    (r"tired|exhausted|worn out|sleep", "exhausted", "rest"),
    (r"space|breathe|controlling|control|decide for me", "smothered", "autonomy"),
    (r"thank|appreciat\w*|notice\w*|credit", "unappreciated", "appreciation"),
    (r"phone|screen|game|games|tv|work", "lonely", "connection"),
    (r"without (?:asking|checking|telling) me|check with me|ask me", "unseen", "consideration"),
    (r"fair|my turn|always me|everything myself|all myself", "resentful", "fairness"),
    (r"trust|lie|lied|lying|hide|hiding|secret", "betrayed", "trust"),
    (r"money|spent|spend|\$|bills?|rent", "worried", "security"),
)
_KEYWORD_RX = tuple((re.compile(rf"(?:{p})\b", re.IGNORECASE), f, n) for p, f, n in _KEYWORDS)

# How a need reads in a sentence: "a need to feel cared for" / "feel ... by me".
NEED_PHRASES: dict[str, str] = {
    "care": "to feel cared for",
    "consideration": "for consideration",
    "to be heard": "to be heard",
    "to be seen": "to be seen",
    "to be seen/heard": "to be seen and heard",
    "seen": "to be seen",
    "heard": "to be heard",
    "understanding": "to be understood",
    "connection": "for connection",
    "respect": "for respect",
    "trust": "for trust",
    "reliability": "to be able to rely on you",
    "trust/reliability": "to be able to rely on you",
    "support": "for support",
    "appreciation": "to feel appreciated",
    "autonomy": "for some space and choice",
    "space": "for some space",
    "autonomy/space": "for some space and choice",
    "safety": "to feel safe",
    "rest": "for rest",
    "fairness": "for fairness",
    "partnership": "for partnership",
    "fairness/partnership": "for partnership",
    "acceptance": "for acceptance",
    "ease": "for ease",
    "security": "for security",
}

# The core value response per need: what the partner may fear, and what the user wants to show instead.
# "I don't want you to feel {fear}. What can I do to show you {show}?"
CORE_VALUE: dict[str, tuple[str, str]] = {
    "care": ("that I don't care about you", "that I care about you a great deal"),
    "consideration": ("that you don't count with me", "that you matter to me"),
    "to be heard": ("unheard by me", "that I'm really listening"),
    "to be seen": ("invisible to me", "that I see you"),
    "understanding": ("misunderstood by me", "that I want to understand you"),
    "connection": ("alone with this", "that I'm here with you"),
    "respect": ("that I don't respect you", "that I respect you"),
    "trust": ("that you can't count on me", "that you can count on me"),
    "reliability": ("that you can't count on me", "that you can count on me"),
    "support": ("that you're carrying this alone", "that we're a team"),
    "appreciation": ("taken for granted by me", "how much I appreciate you"),
    "autonomy": ("that I don't trust your choices", "that I respect your choices"),
    "space": ("crowded by me", "that I respect what you need"),
    "safety": ("unsafe with me", "that you're safe with me"),
    "rest": ("that your tiredness doesn't matter to me", "that I care about you getting some rest"),
    "fairness": ("that this is all on you", "that we're a team"),
    "acceptance": ("that you're not enough for me", "that I love you as you are"),
    "ease": ("that I'm piling things on you", "that I care about you"),
    "security": ("that I'm careless with our future", "that I care about our future"),
}

# Analyzer need names (the NVC-based inventory of heartwork.engine) -> the coach's keys above.
_NEED_KEYS: tuple[tuple[str, str], ...] = (
    ("self-accept", "acceptance"),
    ("accept", "acceptance"),
    ("reassur", "care"),
    ("care", "care"),
    ("matter", "consideration"),
    ("consider", "consideration"),
    ("heard", "to be heard"),
    ("seen", "to be seen"),
    ("understand", "understanding"),
    ("connect", "connection"),
    ("respect", "respect"),
    ("reliab", "reliability"),
    ("trust", "trust"),
    ("support", "support"),
    ("appreciat", "appreciation"),
    ("autonomy", "autonomy"),
    ("space", "space"),
    ("safe", "safety"),
    ("rest", "rest"),
    ("fair", "fairness"),
    ("partner", "fairness"),
    ("ease", "ease"),
    ("secur", "security"),
)
# Pleasant feelings are not what lies beneath a reactive message; the analyzer may still score them.
_PLEASANT = {
    "grateful",
    "affectionate",
    "hopeful",
    "calm",
    "joyful",
    "happy",
    "content",
    "relieved",
    "loving",
}


def canonical_need(name: str) -> str:
    low = name.lower()
    for key, canon in _NEED_KEYS:
        if key in low:
            return canon
    return low


_STOP_NOUNS = {
    "way", "time", "thing", "things", "point", "fact", "same", "one", "whole", "other", "only", "first",
    "last", "next", "end", "rest", "problem", "issue", "least", "most", "moment", "reason", "truth", "idea",
}  # fmt: skip
_TIME_RX = re.compile(
    r"\b(?:last (?:night|week|weekend|time|month|year)|this (?:morning|afternoon|evening|weekend|week)|"
    r"yesterday|tonight|today|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"at (?:the|your|my|our) [a-z]+(?: [a-z]+)?|"
    r"(?:on|at|for) (?:the )?(?:party|dinner|wedding|birthday|anniversary))\b",
    re.IGNORECASE,
)
_DET_NOUN_RX = re.compile(
    r"\b(my|your|our|the|his|her|their)\s+([a-z][a-z'-]+)(?:\s+([a-z][a-z'-]+))?", re.IGNORECASE
)
_BEHAVIOUR_RX = re.compile(
    r"\byou\s+((?:always|never|constantly|just|even|still|again|keep|didn'?t|don'?t|won'?t|can'?t|couldn'?t|"
    r"wouldn'?t|forgot|left|spent|said|made|promised|ignored|missed|went|chose|told|walked|booked|invited|"
    r"agreed|cancel+ed|decided|bought|skipped|brushed|interrupted|laughed|rolled)\b[^.!?,;:]{0,60})",
    re.IGNORECASE,
)
_CUT_RX = re.compile(r"\s+(?:and|but|so|because|while|when|then|like|even though|if|or)\b.*$", re.IGNORECASE)
_SECOND_WORDS = {
    "birthday", "anniversary", "party", "dinner", "lunch", "mom", "mum", "dad", "mother", "father", "sister",
    "brother", "friends", "friend", "parents", "family", "kids", "car", "dishes", "laundry", "phone", "keys",
    "plans", "trip", "weekend", "job", "work", "boss", "appointment", "money", "bills", "rent", "card", "room",
    "house", "flat", "apartment", "dog", "cat", "garden", "garbage", "trash", "bin", "bins", "groceries",
    "shopping", "wedding", "holiday", "vacation", "game", "games", "message", "messages", "texts", "calls",
}  # fmt: skip
_NOT_NOUNS = {
    "same", "whole", "only", "other", "first", "last", "next", "most", "least", "best", "worst", "very",
    "own", "so", "too", "just", "really", "always", "never", "one", "fault", "problem", "god", "feelings",
}  # fmt: skip

_REFLECT = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "you": "me", "your": "my",
    "yours": "mine", "yourself": "myself", "i'm": "you're", "you're": "I'm", "i've": "you've",
    "you've": "I've", "i'll": "you'll", "you'll": "I'll", "i'd": "you'd", "you'd": "I'd", "am": "are",
    "we": "we", "us": "us",
}  # fmt: skip

# Words that must never be carried from the partner's message into a suggestion (they would make the
# suggestion itself globalising or insulting).
_HOT_WORDS = re.compile(
    r"\b(?:always|never|constantly|ever|even|still|again|stupid|idiot|pathetic|selfish|lazy|useless|"
    r"fucking|fuck|damn|bloody|shit|hell|crap)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    """The coach's reading of one message (on top of the analysis)."""

    stance: str  # the reactive label that decides what is coached, or "neutral"
    reactive: tuple[str, ...]
    feelings: tuple[str, ...]
    needs: tuple[str, ...]
    inferred: bool  # True when feelings/needs came from the coach, not the analyzer
    topic: str | None  # e.g. "your birthday" (reflected to the user's point of view)
    behaviour: str | None  # e.g. "don't listen to you" (reflected, hot words removed)
    when: str | None  # e.g. "last night"
    evidence: tuple[str, ...]  # the words the analyzer pointed at
    language: str = "en"  # "en", "other" (not English) or "none" (no words at all)
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """One sentence: 'This is likely hurt and a need to feel cared for, expressed as criticism.'"""
        feel = " and ".join(self.feelings[:2]) if self.feelings else ""
        need = NEED_PHRASES.get(self.needs[0], f"for {self.needs[0]}") if self.needs else ""
        if self.language != "en":
            return "The coach can't read what lies beneath this message (it has no English words to go on)."
        if self.stance == "neutral":
            if feel and need:
                return f"No reactive pattern here. There may be some {feel} feeling, and a need {need}."
            return "No reactive pattern here: nothing to repair, just a chance to connect."
        how = {
            "criticism": "expressed as criticism",
            "contempt": "expressed as contempt",
            "defensiveness": "expressed as defensiveness",
            "stonewalling": "expressed by shutting down",
            "invalidation": "expressed by dismissing a feeling",
            "self_criticism": "turned against themselves as self-criticism",
            "placating": "expressed by giving in (placating)",
            "non_apology": "wrapped in an apology that doesn't quite own it",
        }[self.stance]
        parts = [p for p in (f"feeling {feel}" if feel else "", f"a need {need}" if need else "") if p]
        likely = ", and ".join(parts) if parts else "pain"
        return f"This is likely {likely}, {how}."


def language_of(text: str) -> str:
    """'none' when there are no letters at all (only emoji/symbols), 'other' when it does not look English."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "none"
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    if latin / len(letters) < 0.5:
        return "other"
    words = re.findall(r"[a-z']+", text.lower())
    if len(words) >= 4:
        common = sum(1 for w in words if w in _ENGLISH_COMMON)
        if common / len(words) < 0.15:
            return "other"
    return "en"


_COMMON_WORDS = (
    "i you he she it we they me my your our the a an and but or so to of in on at for with is are was were be "
    "been do does did don't didn't not no never always just that this what why how when can could would will "
    "i'm you're it's that's have has had about feel felt care love like want need again me him her them"
)
_ENGLISH_COMMON = frozenset(_COMMON_WORDS.split())


def reflect(phrase: str) -> str:
    """Swap the point of view: 'listen to me' (partner speaking) -> 'listen to you' (user speaking)."""
    out = []
    for word in phrase.split():
        core = word.strip(",.!?;:\"'()")
        low = core.lower()
        if low in _REFLECT:
            rep = _REFLECT[low]
            word = word.replace(core, rep)
        out.append(word)
    return " ".join(out)


def _clean(phrase: str) -> str:
    phrase = _HOT_WORDS.sub("", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.-!?")
    return phrase


def find_topic(text: str) -> str | None:
    """A concrete noun phrase the message is about ('the dishes', 'my mom' -> 'your mom'), reflected.

    Preference: a known everyday noun with a determiner, then a bare known noun ('dinner'), then any other
    noun phrase. Phrases that end up as the user's own things ('my phone') read badly in a reply and are used
    only as a last resort by being skipped here.
    """
    known: str | None = None
    other: str | None = None
    for m in _DET_NOUN_RX.finditer(text[:2000]):
        det, w1, w2 = m.group(1), m.group(2), m.group(3)
        if w1.lower() in _STOP_NOUNS or w1.lower() in _NOT_NOUNS or _HOT_WORDS.fullmatch(w1):
            continue
        words = [det, w1]
        if w2 and w2.lower() in _SECOND_WORDS:
            words.append(w2)
        phrase = reflect(" ".join(words))
        if phrase.lower().startswith("my "):
            continue
        if w1.lower() in _SECOND_WORDS or (w2 and w2.lower() in _SECOND_WORDS):
            known = known or phrase
        else:
            other = other or phrase
    if known:
        return known
    for w in re.findall(r"[a-z]+", text[:2000].lower()):
        if w in _BARE_NOUNS:
            return w
    return other


_BARE_NOUNS = frozenset(
    {"dinner", "lunch", "breakfast", "money", "work", "christmas", "thanksgiving", "sex", "chores"}
)


def find_behaviour(text: str) -> str | None:
    """What the partner says the user does, in the user's words: 'You never listen to me' -> 'never listen to
    you' -> cleaned to 'don't listen to you'. Character judgements ('you're selfish') are not behaviour."""
    m = _BEHAVIOUR_RX.search(text[:2000])
    if not m:
        return None
    raw = _CUT_RX.sub("", m.group(1))
    raw = re.sub(r"^(?:never|don'?t)\s+", "don't ", raw, flags=re.IGNORECASE)
    raw = re.sub(r"^(?:always|constantly|keep)\s+", "", raw, flags=re.IGNORECASE)
    phrase = _clean(reflect(raw))
    if len(phrase.split()) < 2 or len(phrase) > 60:
        return None
    return phrase


def find_when(text: str) -> str | None:
    m = _TIME_RX.search(text[:2000])
    return reflect(m.group(0)).lower() if m else None


def read(analysis: Analysis) -> Reading:
    text = analysis.text
    reactive = tuple(label for label in STANCE_ORDER if analysis.has(label))
    stance = reactive[0] if reactive else "neutral"
    feelings = [f.name for f in sorted(analysis.feelings, key=lambda f: -f.score)]
    if reactive:
        feelings = [f for f in feelings if f.lower() not in _PLEASANT]
    needs = list(
        dict.fromkeys(canonical_need(n.name) for n in sorted(analysis.needs, key=lambda n: -n.score))
    )
    if reactive and "appreciation" in needs[:1] and "contempt" not in reactive:
        needs = needs[1:] + needs[:1]  # scored from pleasant cues; rarely the first need behind a complaint
    inferred = not (feelings and needs)
    if inferred:
        kw_feel, kw_need = [], []
        for rx, feel, need in _KEYWORD_RX:
            if rx.search(text[:2000]):
                kw_feel.append(feel)
                kw_need.append(need)
        base_feel, base_need = _LIKELY.get(stance, ((), ()))
        if not feelings:
            feelings = list(dict.fromkeys([*kw_feel[:1], *base_feel, *kw_feel[1:]]))
        if stance == "neutral" and not kw_feel:
            feelings = []  # nothing in the words to go on: don't invent a feeling
        if not needs:
            needs = list(dict.fromkeys([*kw_need[:1], *base_need, *kw_need[1:]]))
    evidence = tuple(f.evidence for f in analysis.patterns if f.label in REACTIVE)
    return Reading(
        stance=stance,
        reactive=reactive,
        feelings=tuple(feelings[:3]),
        needs=tuple(needs[:3]),
        inferred=inferred,
        topic=find_topic(text),
        behaviour=find_behaviour(text),
        when=find_when(text),
        evidence=evidence,
        language=language_of(text),
    )
