"""safety_risk detection: threats, intimidation, fear of the partner, coercive control, sexual coercion,
self-harm and suicide talk. Tuned for recall.

How it reads a message
----------------------
Each *cue* is a phrase pattern for one category (threat, physical harm, intimidation, fear, monitoring,
isolation, financial control, sexual coercion, self-harm). A cue fires on the exact words that show the risk
(the finding's span), and may be cancelled by a *guard* that reads the rest of the sentence:

* a figurative or playful guard ("this commute is killing me", "I'll kill you if you spoil the finale lol",
  "pushed me to apply for the job") — except when the same sentence also carries a *serious* marker
  ("if you leave", "the kids", "police"), which always wins, because recall matters more here;
* a negation right before a negatable cue ("he has never hit me", "I'm not scared of him");
* a benign frame ("can you check my phone?", "you can read my texts any time").

Self-harm cues are deliberately hard to cancel: "I want to die lol" is still flagged, because people often
wrap real despair in a joke; only explicit idioms (dying of embarrassment, killing myself laughing, "I'd rather
die than go to that party") are let through.

The detector is never skipped and never isolated: if it fails, the whole analysis fails
(pipeline: ``critical=True``). Tuning examples live in ``tests/safety/dev_cases.jsonl`` (written for this
detector); the independent evaluation set ``data/safety_eval.jsonl`` is never read while tuning
(``bench/eval_safety.py`` reports on it).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from heartwork.engine.pipeline import Doc
from heartwork.engine.safety_reader import GATE, READER_CUT, SURE, read, second_reading
from heartwork.engine.text import LiteralFilter, fold, sentences, spaced
from heartwork.model import Finding, Span
from heartwork.taxonomy import COMPASSIONATE, REACTIVE

__all__ = ["CATEGORIES", "EXPLANATIONS", "SafetyDetector", "category_of", "find_cues"]

# Score of a cue hit. Rules are exact-phrase evidence; the same value for every category on purpose: the score
# does not rank how dangerous something is (the policy treats every safety finding the same way: pause + help).
CUE_SCORE = 0.95
# How far (characters) a guard looks around a cue: longer than any sentence in the dev cases (max ~190), short
# enough that an unpunctuated 1 MB message is read in linear time.
GUARD_WINDOW = 400
# Recall backstop: the learned classifier's message-level probability for safety_risk (doc.probs, trained by
# the engine on data/train*.jsonl + shared dev). When no cue fired and no guard cancelled one, a
# probability at or above safety_reader.SURE flags the message, and one from safety_reader.GATE up to it gets
# the contextual second reading (safety_reader.py), which decides. Without that reading (train.py's folds) the
# cut-off is doc.safety_threshold, chosen by train.py on out-of-fold training scores with recall weighted 1.5x
# precision (F1.5). Neither is ever tuned on data/safety_eval.jsonl.
# A message read as kind (a kind label and no reactive one) needs this much more. A hard veto there cost 3.7%
# of the training positives at a 0.5 cut-off (writer-grouped out of fold, 2026-12-03): partners answering a
# disclosure ("thank you for telling me, are the tablets near you right now?"), control worded as love ("I only
# check your phone because I love you"). At 0.95 they gave back 73 of those 146 for 27 kind messages (precision
# 0.73, above the open backstop's 0.68 at its cut-off); at 0.9, 92 for 49. A third-party, consent, own-device or
# figurative frame (_backstop_quiet) was a hard veto until 2026-12-07 and cost 65 of the 9,261 training
# positives (writer-grouped out of fold, the head alone), control framed as agreed or as love among them; at 0.95
# they give back 32 for 7 other messages, worried reports about a friend's partner. A cue a guard cancelled ("he
# has never hit me") stays a veto: the shipped model scores that plain denial above 0.95 too.
GATED_CUT = 0.95
CLASSIFIER_SCORE_CAP = 0.9  # a model's guess is shown with less certainty than an exact phrase

CATEGORIES = (
    "threat",
    "physical",
    "intimidation",
    "fear",
    "monitoring",
    "isolation",
    "financial",
    "sexual",
    "self_harm",
)

# One calm sentence per category; "{evidence}" is the exact words found. No alarm, no blame, no diagnosis.
EXPLANATIONS: dict[str, str] = {
    "threat": "These words ('{evidence}') read as a threat. Threats are never an acceptable way to handle a "
    "conflict, and everyone deserves to feel safe; support is available if you want it.",
    "physical": "This describes physical harm ('{evidence}'). Nobody deserves to be hurt, it is not your fault, "
    "and you don't have to handle it alone.",
    "intimidation": "This describes frightening behaviour ('{evidence}'). Being made to feel afraid at home is a "
    "serious sign, and it is worth talking it through with someone trained to help.",
    "fear": "You mention being afraid ('{evidence}'). Fear of a partner is an important signal worth taking "
    "seriously; you deserve to feel safe.",
    "monitoring": "This describes being watched or checked on ('{evidence}'). Monitoring someone's phone, "
    "location or accounts is a form of control, not a sign of care.",
    "isolation": "This describes being kept from other people or places ('{evidence}'). Being cut off from "
    "friends and family is a common part of controlling relationships.",
    "financial": "This describes control over money or work ('{evidence}'). Keeping someone from their own "
    "money or job is a recognised form of abuse.",
    "sexual": "This describes pressure or force around sex ('{evidence}'). Sex should always be freely chosen; "
    "pressure or force is never okay and never your fault.",
    "self_harm": "These words ('{evidence}') sound like thoughts of hurting yourself or not wanting to live. "
    "You matter, and you don't have to carry this alone; people are ready to listen right now.",
    "model": "The overall wording here ('{evidence}') resembles messages about threats, control or self-harm. "
    "This comes from a learned model, not a specific phrase, so it may be wrong; if it is right, your safety comes "
    "first and help is available.",
    "other": "These words ('{evidence}') may point to a risk to someone's safety; your safety comes first, and "
    "help is available.",
}


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    rx: re.Pattern[str]
    unless: re.Pattern[str] | None = None  # searched in the sentence: figurative/benign frame cancels the cue
    unless_after: re.Pattern[str] | None = None  # matched right after the cue ("pushed me| to apply")
    unless_before: re.Pattern[str] | None = (
        None  # searched in the sentence before the cue, anchored at its end
    )
    negatable: bool = False  # "never/not/n't" just before the cue cancels it
    serious_overrides: bool = True  # a serious marker in the sentence re-enables a cancelled cue


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


# --- shared vocabulary -------------------------------------------------------------------------------------
_PARTNER = (
    r"(?:he|she|they|you|him|her|them|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|"
    r"spouse|other half))"
)
_OBJ = r"(?:him|her|them|you|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|spouse))"
_S = r"(?:he|she|they|you)"  # a subject pronoun
_WILL = r"(?:'ll|\s+will|\s+would|'d|\s+might|\s+could|\s+(?:is|are|'s|'re)\s+going\s+to|\s+gonna)"
_I_WILL = (
    r"(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|i\s+am\s+(?:going\s+to|gonna)|gonna|i\s+swear\s+i'?ll)"
)
_FRIENDS = (
    r"(?:my\s+)?(?:friends?|family|mom|mum|mother|dad|father|parents|sister|brother|sisters|brothers|siblings|"
    r"best\s+friend|bestie|mates|colleagues|coworkers|anyone|anybody|people|relatives|grandma|grandmother|"
    r"cousins?|aunt|uncle|therapist|doctor|neighbou?rs?)"
)
_PLAYFUL = (
    r"(?:\b(?:haha+|hah|hehe+|lol+|lmao+|lmfao|rofl|jk|j/k|just\s+kidding|kidding|teasing|joking)\b|😂|🤣|😜|😝|"
    r"😘|😆|😅|🙃|😉|😏|💀|😭|;\)|:p\b|:d\b|xd\b|\bxx+\b)"
)
# Things one "kills someone over" in jest: spoilers, leftovers, shows, snacks.
_TRIVIAL = (
    r"(?:spoil\w*|spoiler\w*|finale|episode|season|show|series|ending|movie|film|book|leftovers?|fries|chips|"
    r"snacks?|cake|cookies?|chocolate|pizza|last\s+(?:slice|piece|bite|one)|dessert|ice\s+cream|coffee|beer|"
    r"wine|remote|game|match|score|puns?|jokes?|dad\s+jokes?|tickl\w*|surprise|party|birthday|gift|present|"
    r"plants?|sweater|jumper|charger|mario\s*kart|fifa|chess|scrabble|monopoly|dishes|washing\s+up|next\s+(?:round|game|level|match)|the\s+last\s+of\s+the|bars?|biscuits?|socks|towels?|password\s+to\s+(?:netflix|spotify)|netflix|spotify|playlist|crossword|"
    r"wordle|sudoku|candy|the\s+dog|the\s+cat|late\s+again|forget\s+(?:the|my)\s+\w+|my\s+(?:hair|makeup|car))"
)
# Quoted fiction: a line from a show, film, book or song is not the writer's situation.
_FICTION = (
    r"\b(?:character|villain|the\s+(?:show|film|movie|book|series|song|episode|play)|lyrics?|on\s+tv|"
    r"in\s+(?:the|a)\s+(?:film|movie|book|novel|game|episode))\b"
)
_FICTION_RX = _rx(_FICTION)
_AFFECTION = r"(?:❤️|❤|♥️|♥|💕|💖|😘|😍|🥰|\bxx+\b|\blove\s+you\b)"
# If any of these is in the sentence, a "playful"/figurative guard does not cancel a threat.
_SERIOUS = _rx(
    r"\b(?:if\s+you\s+(?:ever\s+)?(?:(?:leave|left)(?!\s+(?:your|the|my|it|that|this|those|these|a|an|some|any|them)\b)|go|walk\s+out|break\s+up|dump|cheat|tell|call|report|see|talk\s+to|"
    r"text)|leave\s+me(?!\s+alone)|leaving\s+me|the\s+(?:kids|children)|our\s+(?:kids|children|son|daughter)|police|cops|"
    r"court|custody|divorce|restraining|gun|knife|knives|for\s+real|i\s+mean\s+it|not\s+joking|i'?m\s+serious|"
    r"swear\s+to\s+god)\b"
)
_NEG_BEFORE = _rx(
    r"\b(?:never|not|no\s+longer|isn'?t|wasn'?t|aren'?t|doesn'?t|didn'?t|don'?t|won'?t|wouldn'?t|hasn'?t|"
    r"haven'?t|hadn'?t|can'?t|couldn'?t|ain'?t|nobody|no\s+one|stopped)(?:\s+(?:ever|even|really|once|actually|"
    r"been|be|feel|felt|am|is|was|were|have|has|had|would|did|do|does|get|got|so|that|too|very|at\s+all))*\s*$"
)
_NEG_FEEL = _rx(
    r"\b(?:i'?m|i\s+am|i\s+was|i\s+feel|i\s+felt)\s+(?:not|never)\s+(?:\w+\s+){0,2}$|\bnot\s+(?:\w+\s+)?$|"
    r"\bnever\s+(?:\w+\s+)?$|\bn'?t\s+(?:\w+\s+)?$|\bno\s+longer\s+$"
)

# Idioms that look like self-harm talk but are not (dying of embarrassment, killing myself laughing...).
_SELF_HARM_IDIOMS = _rx(
    r"\b(?:ending\s+it\s+with\s+(?:that|the|this|my)\s+(?:podcast|show|series|book|gym|job|course|subscription|contract|phone|app)|without\s+me\s+(?:on|at|for|in)\s+(?:the|this|a|that|our|my)\s+(?:\w+\s+)?(?:team|quiz|trip|shift|project|meeting|party|match|game|weekend|night|holiday|day|rota)|can'?t\s+go\s+on\s+with\s+(?:this|the|that)\s+(?:series|show|book|game|diet|job|course|film|season)|end\s+it\s+all[.…\s]+(?:by|with)\s+\w+ing|laugh\w*|lmao|crack\w*\s+(?:me\s+)?up|of\s+(?:embarrassment|shame|cringe|boredom)|embarrass\w*|cringe|so\s+awkward|"
    r"(?:kill|killing)\s+myself\s+(?:at\s+(?:the\s+)?(?:gym|work|the\s+office)|to\s+(?:get|finish|make|meet|hit)|over\s+(?:this|that|the)|trying\s+to|for\s+(?:this|that)\s+(?:job|project|deadline))|"
    r"could\s+(?:just\s+)?kill\s+myself\s+for\s+(?:forgetting|missing|saying|doing|not)|"
    r"(?:rather|sooner)\s+die\s+than|die\s+(?:for|of)\s+(?:a|some|that|this|those|the)\s+(?:pizza|cake|coffee|shoes|bag|dress|nap|burger|chocolate)|"
    r"suicide\s+(?:prevention|awareness)\s+(?:\w+\s+)?(?:documentary|training|course|walk|month|day|week|charity|fundraiser|and)|(?:documentary|podcast|article|lecture)\s+(?:about|on)\s+suicide\s+prevention|suicide\s+(?:squad|doors?|run|sprints?|mission\s+(?:game|movie))|to\s+die\s+for\b(?!\s+(?:a\s+(?:few|couple|while|bit|long|year|month|week)|weeks|months|days|years|ages|so\s+long))|dying\s+to\s+(?:see|try|meet|know|hear|go|tell)|"
    r"end\s+it\s+all\s+(?:with\s+a|in\s+the\s+(?:finale|last\s+episode))|(?:prevention|awareness)\s+(?:training|course|walk|month|day|week|charity|fundraiser)|"
    r"(?:cut|cutting|burn|burning|hurt|hurting)\s+myself\s+(?:shaving|cooking|in\s+the\s+kitchen|on\s+(?:the|a)\s+\w+|with\s+the\s+(?:knife|iron|stove|oven|kettle|pan|scissors)|"
    r"(?:(?:while|when)\s+(?:cooking|chopping|shaving|ironing|baking|making|running|playing|training|lifting|climbing|cycling|skiing|gardening|moving)|chopping|cooking|ironing|baking)\b|at\s+(?:the\s+gym|work|football|training|practice))|"
    r"(?:end|ending)\s+myself\s+laughing|off\s+myself\s+lol\s+this\s+meeting|(?:battery|phone|plants?|game|character|movie|film|show|series|book|"
    r"season)\s+(?:wants?\s+to\s+die|is\s+dying|died))\b"
)

_CUES: tuple[Cue, ...] = (
    # --- threats (from either partner, including the writer) ---------------------------------------------
    Cue(
        "threat",
        _rx(
            rf"\b{_I_WILL}\s+(?:\w+\s+)?(?:make\s+(?:you|him|her|them)\s+(?:regret|pay|sorry|suffer)|"
            r"(?:hurt|kill|hit|slap|punch|strangle|choke|beat|stab|shoot|murder|destroy|end|ruin|get)\s+"
            r"(?:you|him|her|them|your|his|her)\b(?:\s+life)?|make\s+your\s+life\s+(?:a\s+)?(?:hell|misery|a\s+living\s+hell)|"
            r"make\s+sure\s+you\s+(?:never|regret|pay)|break\s+(?:your|his|her)\s+(?:neck|arm|legs?|face|jaw|nose)|"
            r"burn\s+(?:the|this|your)\s+(?:house|place|stuff|things)|take\s+(?:the|our|my)\s+(?:kids|children|son|daughter|baby)|"
            r"find\s+you|come\s+after\s+you|(?:post|share|send|leak)\s+(?:your|the|those)\s+(?:nudes|pictures|pics|photos|videos))"
        ),
        unless=_rx(
            rf"{_PLAYFUL}|{_FICTION}|\b(?:destroy|beat|kill|crush|murder|thrash|smash|end|ruin)\s+you\s+at\s+(?:mario|chess|cards|scrabble|fifa|monopoly|tennis|pool|darts|golf|uno|poker|pictionary|the\s+(?:quiz|game|match)|\w+\s+(?:kart|tonight|later))|\bcome\s+(?:and\s+)?find\s+you\s+(?:in|so|when|after|later|once|and\s+(?:we|talk))\b|\b{_TRIVIAL}\b|\b(?:take\s+the\s+kids\s+to|take\s+(?:the|our)\s+(?:kids|children|baby|son|daughter)\s+(?:at|to|for|so|out|while|tomorrow|tonight|this|in\s+the)\b|pick\s+up|find\s+you\s+(?:a|an|some|the|at|in|by|outside|near|there|later|after)\b|get\s+you\s+(?:a|an|some|the|something|anything|one|more|back|home|there|to|from|flowers|coffee|food|dinner|lunch|breakfast|tickets|tea))\b"
        ),
    ),
    Cue(
        "threat",
        _rx(
            r"\b(?:you'?ll|you\s+will|you'?re\s+(?:going\s+to|gonna)|you\s+are\s+(?:going\s+to|gonna))\s+"
            r"(?:\w+\s+)?(?:regret\s+(?:it|this|that|leaving|the\s+day|ever|telling|talking|crossing|lying|going|calling|opening)|be\s+sorry|pay\s+for\s+(?:this|that|it)|"
            r"wish\s+you\s+(?:had|hadn'?t|never|were)|never\s+see\s+(?:the|your|our|my)\s+(?:kids|children|son|daughter|baby|family)|"
            r"see\s+what\s+happens|get\s+what'?s\s+coming|end\s+up\s+(?:dead|hurt|in\s+hospital))"
        ),
        unless=_rx(
            rf"{_PLAYFUL}|\b{_TRIVIAL}\b|\b(?:not\s+(?:coming|going)|missing|skipping|eating|ordering|buying|staying\s+up)\b"
        ),
    ),
    Cue(
        "threat",
        _rx(
            r"\b(?:(?:do|say|try)\s+(?:that|this|it)\s+(?:one\s+more\s+time|again)\s+and\s+(?:see\s+what\s+happens|you'?ll\s+(?:see|regret|be\s+sorry))|"
            r"(?:he|she|they)\s*(?:'ll|will|'d|would|is\s+going\s+to|'s\s+going\s+to|are\s+going\s+to)\s+(?:\w+\s+)?(?:kill|hurt|beat|strangle|ruin|destroy)\s+me\b|"
            r"(?:he|she|they)\s*(?:'ll|will|'d|would)\s+make\s+sure\s+i\s+(?:never|regret|pay)|i'?(?:ll|d)\s+never\s+(?:see|find)\s+(?:them|the\s+kids|the\s+children|my\s+(?:kids|children|son|daughter|baby))|"
            r"watch\s+your\s+back|(?:i|we)\s+know\s+where\s+you\s+(?:live|work|sleep|are)|"
            r"if\s+i\s+can'?t\s+have\s+you,?\s+(?:no\s*one|nobody)|(?:no\s*one|nobody)\s+(?:will|would)\s+(?:ever\s+)?(?:find|miss)\s+you|"
            r"(?:no\s*one|nobody)\s+(?:will|would)\s+(?:ever\s+)?believe\s+you|you\s+can'?t\s+hide\s+from\s+me|"
            r"you'?(?:re|ll\s+be)\s+(?:so\s+)?dead\b(?!\s+to\s+me)|or\s+else\b|don'?t\s+make\s+me\s+(?:hurt|hit|do\s+something)|"
            r"you\s+(?:better|had\s+better|'d\s+better)\s+watch\s+(?:it|yourself|out)|one\s+day\s+i'?ll\s+snap|"
            r"(?:he|she|they)\s+(?:said|says|told\s+me|threatened)\s+(?:that\s+)?(?:he|she|they)'?(?:d|ll|\s+would|\s+will)\s+"
            r"(?:kill|hurt|hit|take|ruin|destroy|make\s+me|end|burn|find\s+me|come\s+after))"
        ),
        unless=_rx(rf"{_PLAYFUL}|\b{_TRIVIAL}\b|\bor\s+else\s+(?:we|i|it|the|you'?ll\s+be\s+late|what)\b"),
    ),
    Cue(
        "threat",
        _rx(
            r"\bthreat(?:en(?:s|ed|ing)?)?\s+(?:me|us|the\s+kids|my\s+\w+|to\s+(?:hurt|kill|hit|harm|take|throw|burn|"
            r"ruin|destroy|post|share|send|leak|report|call|tell|kick|end|beat|break|stab|shoot|leave\s+me\s+with\s+nothing|"
            r"kill\s+(?:him|her|them)sel(?:f|ves)|hurt\s+(?:him|her|them)sel(?:f|ves)))|\bthreats\b|\bblackmail\w*"
        ),
        unless=_rx(r"\b(?:weather|storm|rain|deadline|project|virus|game|team)\b"),
    ),
    Cue(
        "threat",
        _rx(
            r"\bif\s+you\s+(?:ever\s+)?(?:leave|left|go|walk\s+out|break\s+up|dump\s+me|cheat|tell\s+(?:anyone|anybody|someone|your|the)|"
            r"call\s+the\s+(?:police|cops)|report|try\s+to\s+leave)\b[^.!?\n]{0,60}?\b(?:regret|sorry|pay\b|hurt|kill|"
            r"never\s+see|ruin|destroy|make\s+sure|take\s+the\s+kids|lose\s+(?:everything|the\s+kids)|hell|dead|die|find\s+you|end\s+(?:it|you|me))(?:\s+(?:it|this|that))?"
        ),
        unless=_rx(rf"{_PLAYFUL}|{_FICTION}"),
        serious_overrides=False,
    ),
    # --- physical harm ---------------------------------------------------------------------------------
    Cue(
        "physical",
        _rx(
            r"\b(?:hit|hits|hitting|slapped|slaps|slapping|punched|punches|punching|kicked|kicks|kicking|"
            r"shoved|shoves|shoving|choked|chokes|choking|strangled|strangles|strangling|beat|beats|beating|beaten|"
            r"bit|bites|spat\s+(?:on|at)|spits\s+(?:on|at)|dragged|drags|pinned|pins|restrained|burned|burnt|"
            r"smacked|smacks|headbutted|elbowed|scratched|throttled|suffocated|tripped|hurt|hurts)\s+me\b"
        ),
        unless_after=_rx(
            r"\s+(?:up\b|with\s+(?:the|a|an|this|that|some|news|facts|questions)|at\s+(?:chess|cards|\w+\s+game|"
            r"tennis|the\s+game|scrabble|monopoly|mario|poker|pool|golf|running|racing)|to\s+(?:it|the|that)|in\s+(?:a|the)\s+"
            r"(?:race|game|match)|out\s+of\s+(?:the\s+)?(?:game|chat|group|lobby|league)|under\s+the\s+table|hard\b(?!\s+(?:in|on|across)))"
        ),
        unless_before=_rx(
            r"\b(?:it|that|this|reality|realisation|realization|news|ball|wave|truth|thought|idea|song|movie|film|"
            r"book|feeling|heat|sun|mosquito|dog|cat|puppy|kitten|baby|toddler|cold|traffic|car|bus|door|branch|"
            r"what\s+you\s+said|your\s+words|words|comment|joke|silence|that\s+comment|it\s+really|feelings|"
            r"(?:it|that|this|you|he|she|they)\s+(?:really\s+)?(?:emotionally|deeply|so\s+much))\s+(?:really\s+|just\s+|kind\s+of\s+|suddenly\s+|finally\s+|totally\s+)?$"
        ),
        unless=_rx(
            r"\b(?:hurt\s+me\s+(?:when|that|because|to\s+(?:hear|see|read|know)|so\s+much|a\s+lot|deeply|more)|"
            r"(?:feelings|emotionally|words)\b|bit\s+me\s+(?:on\s+the\s+(?:ear|lip|neck)\s+)?(?:playfully|gently)|"
            r"(?:dog|cat|puppy|kitten|mosquito|spider|bug|snake|baby|toddler)\b)"
        ),
        negatable=True,
    ),
    Cue(
        "physical",
        _rx(
            r"\b(?:pushed|pushes|pushing|grabbed|grabs|grabbing|shook|shakes|threw|throws|throwing)\s+me\b"
            r"(?!\s+(?:to\s+\w+|a|an|some|the\s+(?:ball|keys|remote)|into\s+(?:therapy|applying|trying|doing|it|this|that|"
            r"the\s+(?:job|program|course|role)|a\s+(?:new|better|job|course|class))|out\s+of\s+my\s+comfort|a\s+(?:bone|party|"
            r"surprise|lifeline)|off\s+(?:guard|balance\s+with)|for\s+a\s+loop|under\s+the\s+bus|towards?\s+(?:my|the)\s+goals?|"
            r"awake|up)\b)"
        ),
        unless=_rx(
            rf"{_PLAYFUL}|\b(?:hug|hugged|kiss|kissed|dance|danced|dancing|surprise\s+party|pool\s+party)\b"
        ),
        negatable=True,
    ),
    Cue(
        "physical",
        _rx(
            r"\b(?:put|puts|putting|had|has)\s+(?:his|her|their|your)\s+hands?\s+(?:on|around)\s+(?:me|my\s+(?:neck|throat))|"
            r"\bhands?\s+(?:around|on)\s+my\s+(?:neck|throat)|\bthrew\s+(?:a|the|his|her|my|your)\s+[\w ]{1,20}?\s+at\s+(?:me|my\s+head)|"
            r"\b(?:threw|throws|throwing)\s+(?:things|stuff|plates|dishes|glasses|a\s+glass|a\s+plate)\s+at\s+me|"
            r"\b(?:bruises?|black\s+eye|marks|a\s+split\s+lip|broken\s+(?:rib|nose|arm|wrist))\b[^.!?\n]{0,30}\b(?:he|she|they|you)\s+"
            r"(?:left|gave|caused)|\b(?:left|gave)\s+me\s+(?:with\s+)?(?:bruises|a\s+bruise|marks|a\s+black\s+eye)|"
            r"\b(?:physically|violently)\s+(?:hurt|attacked|assaulted|abused)|\bdomestic\s+(?:violence|abuse)|"
            r"\b(?:abuses?|abused)\s+(?:me|us)\b|\b(?:beats?|hits?|abuses?|abused|hurts?)\s+(?:the\s+kids|the\s+children|my\s+(?:son|daughter|kids|children))\b|"
            r"\braised\s+(?:his|her|their|your|a)\s+(?:hand|fist)\s+(?:to|at|against)\s+me|\bfeared\s+for\s+my\s+life|"
            r"\b(?:i'?m|i\s+am|i\s+was|i\s+got)\s+(?:being\s+)?(?:abused|beaten|hit|assaulted)\b"
        ),
        unless=_rx(
            r"\b(?:article|documentary|podcast|awareness|charity|volunteer|fundraiser|course|training)\b"
        ),
        negatable=True,
    ),
    # --- intimidation ------------------------------------------------------------------------------------
    Cue(
        "intimidation",
        _rx(
            r"\b(?:punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|hit(?:s|ting)?|smash(?:ed|es|ing)?|slam(?:med|s|ming)?)\s+"
            r"(?:a\s+hole\s+in\s+)?(?:the|a)\s+(?:wall|walls|door|table|window|mirror)\b(?:\s+(?:next\s+to|beside|behind|near)\s+(?:my|me))?|"
            r"\b(?<!\bi\s)(?:smash(?:ed|es|ing)?|broke|breaks|breaking|destroy(?:ed|s|ing)?|threw|throws|throwing)\s+my\s+"
            r"(?:phone|laptop|things|stuff|belongings|glasses|car|door|clothes|plants|guitar)|"
            r"\b(?:block(?:ed|s|ing)?|stood\s+in|stands\s+in)\s+(?:the|my)\s+(?:door|doorway|way\s+out|exit)|"
            r"\b(?:won'?t|wouldn'?t|didn'?t|doesn'?t|does\s+not|did\s+not)\s+let\s+me\s+(?:leave|out\s+of|get\s+out|go\s+out\s+of)\s*(?:the\s+(?:room|house|car|flat|apartment)|the\s+bedroom)?|"
            r"\block(?:ed|s|ing)?\s+me\s+(?:in|out)\b|\btrapped\s+me\b|\bcorner(?:ed|s)\s+me\b|"
            r"\b(?:screams?|screamed|yells?|yelled|shouts?|shouted)\s+(?:right\s+)?in\s+my\s+face|"
            r"\b(?:drives?|drove)\s+(?:\w+\s+)?(?:recklessly|like\s+a\s+maniac|really\s+fast|dangerously)\s+to\s+(?:scare|frighten)|"
            r"\b(?:pointed|points|waved|waves|held|holds|showed\s+me|pulled|pulls)\s+(?:a|the|his|her|their)\s+(?:gun|knife|weapon|rifle)|"
            r"\b(?:gun|knife)\s+(?:to|at)\s+my\b|\bkill(?:ed)?\s+(?:my|our)\s+(?:dog|cat|pet)|"
            r"\b(?:hurt|hurts|kicked|kicks|hits|hit|threw|throws)\s+(?:my|our|the)\s+(?:dog|cat|pet|puppy)\b|"
            r"\bthreatening\s+(?:me|way)|\bintimidat\w+|\bscare\s+me\s+into|\b(?:rages?|raging)\s+at\s+me"
        ),
        unless=_rx(
            rf"{_PLAYFUL}|\b(?:wind|draught|draft|storm|toddler|kid\s+slammed|accident(?:ally)?|escape\s+room|"
            r"movie|film|game|my\s+(?:son|daughter|teenager|teen|kid)|baby\s+gate|stair\s+gate|pet\s+gate|lock(?:ed)?\s+me\s+out\s+of\s+(?:my|the)\s+(?:account|laptop|computer|app))\b"
        ),
        negatable=True,
    ),
    # --- fear of the partner -------------------------------------------------------------------------------
    Cue(
        "fear",
        _rx(
            rf"\b(?:scared|afraid|terrified|frightened|fearful|petrified)\s+(?:of\s+{_OBJ}\b(?!\s+(?:\w+ing|getting|being|"
            r"leaving|losing|finding|thinking|not)\b)|(?:of|about)\s+what\s+(?:he|she|they|you)\s*(?:'ll|will|might|would|could|'d|is\s+going\s+to|are\s+going\s+to)\s+do|"
            r"(?:to|of)\s+(?:go(?:ing)?|come|coming)\s+home|(?:he|she|they|you)\s*(?:'ll|will|might|would|is\s+going\s+to|are\s+going\s+to)\s+"
            r"(?:hurt|hit|kill|snap|lose\s+it|explode|find\s+out|do\s+something|come\s+back|take\s+the\s+kids)|"
            r"for\s+my\s+(?:life|safety|kids|children)|of\s+(?:his|her|their|your)\s+(?:temper|anger|rage|reaction|moods?|fists?))"
        ),
        negatable=True,
        serious_overrides=False,
    ),
    Cue(
        "fear",
        _rx(
            r"\bwalk(?:ing|s)?\s+on\s+egg\s*shells|\bwatch\s+every\s+(?:single\s+)?word\s+i\s+say|"
            r"\b(?:scared|afraid|frightened|terrified)\s+of\s+how\s+(?:(?:angry|mad|violent|furious|rough|aggressive|scary)\s+)?(?:you|he|she|they)\s+(?:get|gets|become|becomes|acts?)\b|"
            r"\b(?:sick|frozen|shaking|paralys|paralyz)\w*\s+with\s+(?:fear|dread)|\bfear(?:ed|ing)?\s+for\s+my\s+(?:life|safety|kids'?\s+safety)|\b(?:i\s+)?(?:don'?t|do\s+not|never)\s+feel\s+safe\s+(?:at\s+home|with|around|"
            rf"in\s+(?:my|our|this)\s+(?:own\s+)?(?:home|house|flat|apartment|bed)|when\s+{_S}|anymore|here)|\bi\s+feel\s+unsafe|"
            rf"\bunsafe\s+(?:at\s+home|with\s+{_OBJ}|around\s+{_OBJ})|\b{_PARTNER}\s+(?:really\s+)?(?:scares|frightens|terrifies)\s+me|"
            rf"\b(?:you'?re|you\s+are)\s+(?:really\s+)?scaring\s+me|\bi\s+(?:flinch|freeze|shake|tremble)\s+(?:when|whenever|every\s+time)\s+{_S}|"
            r"\b(?:hide|hid|hiding|lock\s+myself)\s+(?:in\s+the\s+(?:bathroom|bedroom|car)|from\s+(?:him|her|them))|"
            r"\b(?:i'?m|i\s+am)\s+not\s+safe\s+(?:at\s+home|here|with\s+(?:him|her|them))\b|\bafraid\s+to\s+(?:say\s+no|disagree|speak\s+up|"
            r"leave|go\s+home|tell\s+(?:him|her|them)\s+no)\b|\bscared\s+to\s+(?:say\s+no|disagree|speak\s+up|leave|go\s+home)\b|"
            r"\bwhat\s+(?:mood|state)\s+(?:he|she|they)'?(?:ll|s|re)?\s+(?:be\s+)?in\b[^.!?\n]{0,40}\b(?:scared|afraid|dread|terrified)|"
            r"\bdread\s+(?:him|her|them)\s+coming\s+home|\bsafe\s+word\s+with\s+my\s+(?:friend|sister|neighbou?r)|\bnot\s+safe\s+at\s+home"
        ),
        unless=_rx(
            r"\b(?:roller\s*coaster|horror|movie|film|spider|spiders|heights|haunted|the\s+dark\b)|\b(?:never|not|n\'t)\s+(?:\w+\s+){0,2}(?:felt|feel|been|am|was)\s+unsafe\b|\b(?:never|n\'t)\s+(?:\w+\s+)?(?:scares|frightens|scared|frightened)\s+me\b"
        ),
        negatable=False,
    ),
    # --- monitoring ----------------------------------------------------------------------------------
    Cue(
        "monitoring",
        _rx(
            r"\b(?:check(?:s|ed|ing)?|go(?:es)?\s+through|went\s+through|going\s+through|look(?:s|ed|ing)?\s+through|"
            r"read(?:s|ing)?|snoop(?:s|ed|ing)?\s+(?:through|in|on)|search(?:es|ed|ing)?|scroll(?:s|ed|ing)?\s+through|"
            r"monitor(?:s|ed|ing)?|spy(?:ing)?\s+on|spies\s+on|spied\s+on)\s+(?:all\s+)?(?:of\s+)?my\s+"
            r"(?:phone|cell|mobile|messages|texts|dms|whatsapps?|chats|emails?|e-mails?|inbox|call\s+logs?|call\s+history|"
            r"browser\s+history|search\s+history|diary|journal|social\s+media|instagram|facebook|accounts?|bank\s+statements?|mail|post|bag|handbag|purse|wallet|pockets|car|laptop|drawers?|room|location|whereabouts)\b"
        ),
        unless_before=_rx(
            r"\b(?:can|could|would|will|pls|please|mind\s+if\s+you|do\s+you\s+want\s+to|want\s+to|need\s+you\s+to|"
            r"(?:you\s+can|feel\s+free\s+to|happy\s+for\s+you\s+to|i\s+let\s+you|you'?re\s+welcome\s+to|go\s+ahead\s+and)|"
            r"forgot\s+to|i\s+(?:need\s+to|have\s+to|should|gotta|must|will|'ll)|let\s+me|i'?m\s+going\s+to|i\s+keep|"
            r"(?:\bi|\bi'?m|\bi'?ve|\bi'?d|\bi'?ll)(?:\s+(?:kept|keep|was|am|been|just|always|also|then|finally|quickly|started|stopped|"
            r"spent\s+(?:the\s+)?\w+(?:\s+\w+)?))*|"
            r"i\s+(?:just\s+)?(?:checked|check|read|went\s+through|looked\s+through))\s+(?:(?:you|please|just|quickly|later|again)\s+)*$"
        ),
        unless=_rx(
            r"\b(?:battery|charg\w+|signal|the\s+weather|for\s+(?:typos|spelling|the\s+address|directions)|"
            r"read\s+my\s+(?:mind|essay|draft|cv|resume|poem|story|book|work)|check\s+my\s+(?:work|maths|math|essay))\b|\bmy\s+ex\b[^.!?]{0,30}\bused\s+to\b|\bif\s+(?:someone|somebody|anyone)\s+(?:\w+\s+)?(?:read|checked|went\s+through)\b"
        ),
        negatable=True,
    ),
    Cue(
        "monitoring",
        _rx(
            r"\b(?:track(?:s|ed|ing)?|follow(?:s|ed|ing)?|stalk(?:s|ed|ing)?)\s+(?:me|my\s+(?:location|phone|car|movements|every\s+move|whereabouts|steps))\b"
            r"(?!\s+(?:on|back)\b)|\b(?:tracker|tracking\s+(?:device|app)|airtag|gps)\b[^.!?\n]{0,30}\b(?:on|in)\s+my\s+(?:car|bag|phone|coat|purse)|"
            r"\b(?:put|installed|hid|hidden|puts)\s+(?:a\s+|an\s+)?(?:tracker|tracking\s+app|spyware|stalkerware|app|airtag|camera|cameras|gps)\b[^.!?\n]{0,30}\b(?:on|in)\s+(?:my|the)\s+(?:phone|car|bag|laptop|bedroom|house)|"
            r"\b(?:makes?|made|forces?|forced|wants?|demands?|demanded|insists?|insisted)\s+(?:me\s+)?(?:to\s+)?(?:share|turn\s+on|keep\s+on)\s+my\s+location|"
            r"\b(?:demands?|demanded|wants?|wanted|makes?\s+me\s+(?:give|tell|hand\s+over)|made\s+me\s+(?:give|tell|hand\s+over)|took|has|knows)\s+"
            r"(?:\w+\s+)?(?:all\s+)?my\s+passwords?\b|\bhave\s+to\s+give\s+(?:him|her|them)\s+my\s+passwords?|"
            r"\b(?:logs?|logged|logging)\s+(?:into|in\s+to|onto)\s+my\s+(?:email|accounts?|phone|facebook|instagram|bank|whatsapp|icloud)|"
            r"\b(?:changed|changes)\s+my\s+passwords?|"
            r"\b(?:needs?|has|wants?|have)\s+to\s+know\s+where\s+i\s+am\s+(?:at\s+all\s+times|every\s+(?:minute|second|hour)|all\s+the\s+time|24/7)|"
            r"\bknows\s+where\s+i\s+am\s+(?:at\s+all\s+times|every\s+(?:minute|second))|"
            r"\b(?:calls?|called|texts?|texted|rings?|rang)\s+(?:me\s+)?(?:\d{2,3}|twenty|thirty|forty|fifty|a\s+hundred|dozens\s+of|nonstop|non-stop|constantly)\s+"
            r"(?:times|calls|texts)?(?:\s+(?:a\s+day|if|when|until|whenever))?|"
            r"\b(?:have|had|has)\s+to\s+(?:send|show)\s+(?:him|her|them)\s+(?:a\s+)?(?:photos?|pictures?|pics?|selfies?|proof|screenshots?|video)|"
            r"\b(?:send|show)\s+(?:him|her|them)\s+(?:a\s+)?(?:photos?|pictures?|selfies?)\s+(?:to\s+prove|of\s+where|proving)|"
            r"\b(?:checks?|checked)\s+(?:the\s+)?(?:mileage|odometer|receipts)\s+(?:on\s+my|to\s+see\s+where)|"
            r"\bcheck(?:s|ing)?\s+up\s+on\s+me\s+(?:all\s+the\s+time|constantly|every)|\bkeeps?\s+tabs\s+on\s+(?:me|everything\s+i)|"
            r"\b(?:cameras?|recording)\s+(?:in|around)\s+the\s+house\s+to\s+(?:watch|see|check|record)\s+me|\bspy(?:ing|s)?\s+on\s+me\b|"
            r"\bshows?\s+up\s+(?:at\s+my\s+(?:work|job|office|gym|friend'?s)|wherever\s+i\s+(?:go|am))\s+(?:uninvited|unannounced|to\s+check)"
        ),
        unless=_rx(
            r"\b(?:airport|flight|parcel|package|delivery|order|fitness|steps\s+(?:app|goal)|run|running|twitter|instagram\s+follows|"
            r"spotify|both\s+(?:share|agreed)|we\s+both|each\s+other'?s|agreed\s+to\s+share|safe\s+on\s+the\s+hike|"
            r"for\s+the\s+(?:hike|road\s+trip|festival|concert))\b|" + _PLAYFUL
        ),
        negatable=True,
    ),
    # --- isolation and control of movement --------------------------------------------------------------
    Cue(
        "isolation",
        _rx(
            r"\b(?:won'?t|wouldn'?t|doesn'?t|does\s+not|didn'?t|did\s+not|will\s+not|never|no\s+longer)\s+let(?:s)?\s+me\s+"
            r"(?:see|visit|call|text|talk\s+to|speak\s+to|meet|hang\s+out\s+with|go\s+out\s+with|spend\s+time\s+with|go\s+(?:out|anywhere|to\s+work|to\s+my)|"
            r"leave\s+(?:the\s+house|home)|have\s+(?:friends|a\s+phone|my\s+(?:own\s+)?(?:phone|car|keys)|the\s+car)|use\s+(?:the|my)\s+(?:car|phone)|"
            r"drive|work|get\s+a\s+job|wear|go\s+back\s+to\s+(?:school|work|college|uni)|study)\b(?:\s+"
            + _FRIENDS
            + r")?"
        ),
        unless_before=_rx(
            r"\b(?:doctor|physio|nurse|surgeon|boss|manager|teacher|coach|mum|mom|dad|mother|father|parents|landlord|"
            r"the\s+(?:rain|weather|snow|traffic|school|rules|law|airline|gym|hospital|kids?|baby|dog|cat)|my\s+(?:knee|back|leg|ankle|body)|"
            r"the\s+(?:cold|flu|covid|injury|cast)|work|(?:my|our|the)\s+(?:budget|schedule|contract|visa|insurance))\b[^.!?\n]{0,30}$"
        ),
        unless=_rx(
            r"\b(?:(?:after|until|since)\s+(?:the|my)\s+(?:surgery|operation|injury|accident)|contagious|fever|covid|"
            r"pay\s+for|help\s+(?:with|out)|finish\s+(?:my|his|her|the)\s+sentence|over\s+the\s+limit|fair\s+enough|(?:had|been)\s+(?:\w+\s+){0,3}(?:drinks?|drinking|wine|beers?|pints?|glasses|drunk)\b|(?:he|she|they)\s+(?:was|were)\s+right|"
            + _PLAYFUL
            + r")"
        ),
    ),
    Cue(
        "isolation",
        _rx(
            r"\b(?:not|never)\s+allowed\s+to\s+(?:see|visit|call|text|talk\s+to|speak\s+to|meet|have\s+(?:friends|my\s+own|a\s+(?:phone|job|bank|car|card)|money|the\s+car|a\s+life)|"
            r"go\s+(?:out|anywhere|to\s+(?:work|my|the\s+(?:gym|shops|doctor)))|leave|drive|work|wear|use\s+(?:the|my)\s+(?:car|phone)|spend|go\s+back\s+to\s+(?:work|school))|"
            r"\b(?:he|she|they|you)\s+(?:forbids?|forbade|forbid|banned|bans)\s+me\s+from|"
            r"\b(?:made|makes|forced|forces|pressured|pressures)\s+me\s+(?:to\s+)?(?:stop|quit|cut\s+off|cut\s+ties\s+with|end\s+things\s+with|block|unfriend)\s+(?:seeing\s+|talking\s+to\s+|contact\s+with\s+)?"
            + _FRIENDS
            + r"|\bcut\s+me\s+off\s+from\s+(?:my\s+|all\s+(?:my\s+)?)?(?:friends|family|everyone|everybody|people|the\s+outside)|"
            r"\b(?:lost|have\s+lost|have\s+no)\s+(?:all\s+(?:of\s+)?)?my\s+friends\s+(?:because\s+of|since)\s+(?:him|her|them)|"
            r"\b(?:gets?|got|goes|went|becomes?)\s+(?:really\s+|so\s+|very\s+|super\s+)?(?:angry|furious|mad|jealous|crazy|violent|nasty|cold|upset)\s+"
            r"(?:when(?:ever)?|if|every\s+time)\s+i\s+(?:see|visit|call|text|talk\s+to|meet|go\s+out\s+with|spend\s+time\s+with|hang\s+out\s+with)\s+"
            + _FRIENDS
            + r"|\b(?:takes|took|hides|hid|keeps|kept|confiscat\w+)\s+(?:away\s+)?my\s+(?:car\s+keys|keys|phone|passport|id|documents|papers|visa)\b(?!\s+(?:by\s+mistake|accidentally|again\s+lol))|"
            r"\b(?:need|needs|have\s+to|had\s+to|must)\s+(?:ask\s+(?:for\s+)?)?(?:his|her|their|your)\s+permission\s+to|"
            r"\bhave\s+to\s+ask\s+(?:him|her|them)\s+(?:for\s+)?permission|\bcontrols?\s+(?:everything\s+i\s+do|what\s+i\s+(?:wear|eat|do|say)|"
            r"where\s+i\s+go|who\s+i\s+(?:see|talk\s+to|text)|my\s+(?:life|every\s+move))|\btells?\s+me\s+what\s+i\s+(?:[\w']+\s+){0,4}wear|"
            r"\b(?:makes?|made)\s+me\s+change\s+(?:my\s+clothes|what\s+i'?m\s+wearing|my\s+outfit)|"
            r"\b(?:isolat(?:e|es|ed|ing))\s+me\b|\bkeeps?\s+me\s+(?:away\s+from|from\s+seeing)\s+"
            + _FRIENDS
            + r"|\bwon'?t\s+let\s+me\s+leave\s+(?:him|her|them)"
        ),
        unless_before=_rx(
            r"\b(?:doctor|physio|nurse|boss|manager|teacher|coach|school|airline|gym|hospital|landlord|rules)\b[^.!?\n]{0,30}$"
        ),
        unless=_rx(
            r"\b(?:surgery|diet|contagious|covid|quarantine|fasting|exam|in\s+the\s+pool|kids'?\s+bedtime)\b|\bam\s+i\s+(?:not|never)\s+allowed\b|\bover\s+the\s+limit\b|\bfair\s+enough\b|\b(?:had|been)\s+(?:\w+\s+){0,3}(?:drinks?|drinking|wine|beers?|pints?|glasses|drunk)\b|\b(?:he|she|they)\s+(?:was|were)\s+right\b|"
            + _PLAYFUL
        ),
    ),
    # --- financial control ------------------------------------------------------------------------------
    Cue(
        "financial",
        _rx(
            r"\b(?:takes?|took|taking|keeps?|kept|holds?|held|controls?|controlled|controlling|confiscat\w+)\s+(?:all\s+(?:of\s+)?|(?:the\s+)?whole\s+|(?:the\s+)?entire\s+|half\s+(?:of\s+)?)?my\s+(?:whole\s+|entire\s+)?"
            r"(?:money|pay(?:check|cheque)?|wages?|salary|earnings|income|bank\s*cards?|debit\s+cards?|credit\s+cards?|cards|benefits|savings|tips)\b|"
            r"\bcontrols?\s+(?:all\s+(?:of\s+)?)?(?:the|our|my)\s+(?:money|finances|bank\s+accounts?|accounts|spending|budget)\b|"
            r"\b(?:gives?|gave)\s+me\s+(?:an?\s+)?(?:allowance|pocket\s+money|\$?\d+\s+(?:a|per)\s+week)|"
            r"\b(?:have|had|has)\s+to\s+(?:ask|beg)\s+(?:him|her|them|you)?\s*(?:for\s+)?(?:money|cash|permission\s+to\s+(?:buy|spend))|"
            r"\b(?:won'?t|doesn'?t|didn'?t|does\s+not|will\s+not|never)\s+let\s+me\s+(?:have|open|keep|get)\s+(?:my\s+own\s+|a\s+)?"
            r"(?:bank\s+account|account|money|card|credit\s+card|debit\s+card|job|cash|paycheck)|"
            r"\b(?:made|makes|forced|forces|pressured|pressures)\s+me\s+(?:to\s+)?(?:quit|give\s+up|leave)\s+my\s+(?:job|work|career|studies|course)|"
            r"\b(?:took|takes|opened|opens|ran|runs)\s+(?:out\s+)?(?:up\s+)?(?:a\s+|some\s+)?(?:loans?|debts?|credit\s+cards?|overdrafts?|bills?)\s+"
            r"(?:out\s+)?in\s+my\s+name|\bin\s+my\s+name\s+without\s+(?:asking|telling|my\s+(?:consent|permission|knowing))|"
            r"\b(?:have|has|had)\s+to\s+(?:show|hand\s+over|give)\s+(?:him|her|them|you)\s+(?:all\s+|every\s+|the\s+)?(?:my\s+)?receipts?|"
            r"\b(?:checks?|checked|goes\s+through|demands?)\s+(?:every|all\s+(?:of\s+)?my|my)\s+receipts?|"
            r"\b(?:no|don'?t\s+have|do\s+not\s+have|never\s+had)\s+(?:any\s+)?access\s+to\s+(?:any\s+(?:of\s+)?)?(?:money|our\s+money|the\s+money|our\s+(?:bank\s+)?accounts?|the\s+(?:bank\s+)?accounts?|my\s+(?:own\s+)?(?:money|account|wages))|"
            r"\b(?:cut\s+off|cuts\s+off|froze|freezes|blocked)\s+my\s+(?:cards?|bank\s+card|account|money|access)|"
            r"\b(?:financial|economic)\s+(?:abuse|control)|\bevery\s+(?:penny|cent|dollar)\s+i\s+spend\b|"
            r"\bsabotag\w+\s+my\s+(?:job|work|interviews?|career)"
        ),
        unless=_rx(
            r"\b(?:we\s+(?:both|agreed|decided)|together|joint\s+decision|budget(?:ing)?\s+app|saving\s+for|for\s+the\s+(?:holiday|wedding|house)|"
            r"mortgage\s+advisor|accountant|tax\s+return|by\s+mistake|accidentally|borrowed|borrow)\b|"
            + _PLAYFUL
        ),
        negatable=True,
    ),
    # --- sexual coercion ---------------------------------------------------------------------------------
    Cue(
        "sexual",
        _rx(
            r"\b(?:makes?|made|forces?|forced|pressures?|pressured|pressuring|pushes|pushed|guilts?|guilted|guilt[- ]trips?|"
            r"guilt[- ]tripped|coerc\w+|manipulates?|manipulated|bullies|bullied|talks?|talked)\s+me\s+(?:(?:in)?to\s+)?"
            r"(?:have\s+sex|having\s+sex|sex|sleep(?:ing)?\s+with|do(?:ing)?\s+(?:sexual\s+|things\s+in\s+bed|stuff\s+in\s+bed|it\b|things\s+i\s+don'?t)|"
            r"sexual|send(?:ing)?\s+(?:nudes|naked|photos\s+of\s+myself)|things\s+in\s+bed|a\s+threesome)|"
            r"\b(?:won'?t|doesn'?t|does\s+not|wouldn'?t|didn'?t)\s+(?:take|accept)\s+no\s+for\s+an\s+answer|"
            r"\b(?:didn'?t|did\s+not|wouldn'?t|won'?t|doesn'?t)\s+stop\s+when\s+i\s+(?:said|say|told\s+(?:him|her|them))\s+(?:no|to\s+stop|stop)|"
            r"\b(?:even\s+(?:though|when|after)|after)\s+i\s+(?:said|say|told\s+(?:him|her|them))\s+no\b[^.!?\n]{0,40}\b(?:sex|touch\w*|kept\s+going|did\s+it|anyway|in\s+bed)|"
            r"\b(?:sex|sleep\s+with\s+(?:him|her|them))\b[^.!?\n]{0,50}\b(?:or\s+(?:else|he'?ll|she'?ll|they'?ll)|(?:he|she|they)'?(?:ll|\s+will)\s+(?:leave|cheat|find\s+someone))|"
            r"\b(?:owe|owes|owed)\s+(?:him|her|them|you|me)\s+(?:sex|it\b)|\b(?:my|a\s+wife'?s|your)\s+(?:duty|job)\s+to\s+(?:have\s+sex|sleep\s+with|satisfy)|"
            r"\btouch(?:es|ed)?\s+me\s+(?:while|when)\s+i'?m?\s*(?:was\s+)?(?:asleep|sleeping|drunk|passed\s+out)|"
            r"\b(?:while|when)\s+i\s+was\s+(?:asleep|sleeping|passed\s+out|too\s+drunk)[^.!?\n]{0,40}\b(?:sex|touched|had\s+sex)|"
            r"\b(?:shar(?:e|es|ed)|post(?:s|ed)?|sen(?:d|ds|t)|leak(?:s|ed)?|show(?:s|ed)?)\s+(?:my|our)\s+(?:nudes|naked\s+(?:photos|pictures|pics)|"
            r"intimate\s+(?:photos|pictures|pics|videos?)|sex\s+tape|private\s+(?:photos|pictures|videos?))|"
            r"\brecord(?:s|ed)?\s+(?:us|me)\s+(?:having\s+sex|in\s+bed|naked|without\s+(?:my\s+)?(?:consent|asking|permission|knowing))|"
            r"\b(?:rape[ds]?|raping|sexual(?:ly)?\s+(?:assault\w*|abus\w*|coerc\w*)|marital\s+rape|non-?consensual)\b|"
            r"\b(?:sulks?|sulked|punish(?:es|ed)?\s+me|silent\s+treatment|gets?\s+(?:angry|nasty|furious|mad))\b[^.!?\n]{0,40}\b(?:(?:say|said)\s+no\s+to\s+sex|don'?t\s+want\s+(?:sex|to\s+have\s+sex)|not\s+in\s+the\s+mood|turn\s+(?:him|her|them)\s+down)|"
            r"\b(?:when|if)\s+i\s+(?:say|said)\s+no\s+to\s+sex\b[^.!?\n]{0,40}\b(?:sulk|punish|angry|furious|mad|silent|cold|nasty|leave|cheat)|"
            r"\b(?:had|have)\s+sex\s+(?:with\s+(?:him|her|them)\s+)?(?:even\s+though|when)\s+i\s+(?:didn'?t|did\s+not|don'?t)\s+want"
        ),
        unless=_rx(
            r"\b(?:documentary|podcast|article|news|trial|court\s+case|the\s+show|the\s+book|awareness|jury)\b"
        ),
        negatable=True,
    ),
    # --- the controlling partner's own voice, addressed to "you" ------------------------------------------
    # Many risky messages are not reports ("he checks my phone") but the control itself, said to the partner:
    # demands for the phone, orders not to see people, money handed out on conditions, veiled threats.
    Cue(
        "monitoring",
        _rx(
            r"\b(?:give|hand|pass)\s+me\s+your\s+phone\b(?=[^.!?\n]{0,60}\b(?:now|see|who|check|show|read|unlock|texting|messag)|\s*(?:[.!]|now))|"
            r"\b(?:show|unlock)\s+(?:me\s+)?your\s+phone\b(?=[^.!?\n]{0,40}\b(?:now|who|see|texting|messag|hiding))|"
            r"\bi\s+(?:want|need|get|have\s+a\s+right)\s+to\s+(?:see|know|read|check)\s+(?:exactly\s+)?(?:who|what|where)\s+you(?:'ve|\s+have|\s+are|'re)?\s+(?:been\s+)?(?:texting|messaging|talking|meeting|seeing|going|calling|with)|"
            r"\bi(?:'?ve|\s+have)?\s+(?:got|gotten|still\s+got|have|know)\s+your\s+(?:\w+\s+)?(?:password|passcode|pin|login)s?\b|"
            r"\byou(?:'ll|\s+will|\s+have\s+to|\s+need\s+to|\s+must|'re\s+going\s+to)\s+(?:share|keep)\s+your\s+location\b|"
            r"\b(?:read|went\s+through|looked\s+through|checked)\s+your\s+(?:phone|messages|texts|emails?|dms|chats|diary|journal)\s+while\s+you\s+(?:slept|were\s+(?:asleep|sleeping|in\s+the\s+shower|out|at\s+work))|"
            r"\bwho\s+the\s+(?:hell|fuck|heck)\s+is\s+\w+|"
            r"\b(?:i\s+)?(?:read|went\s+through|looked\s+through|checked|go\s+through|check)\s+your\s+(?:journal|diary|phone|messages|texts|emails?|dms|whatsapps?|chats|call\s+log|browser\s+history|search\s+history)\b"
            r"(?=[^\n]{0,100}?\b(?:right\s+to\s+know|my\s+house|don'?t\s+look|so\s+what|deal\s+with\s+it|caught|lying|who\s+is|who'?s|explain|hiding|because\s+you|every\s+(?:night|day)|again))|"
            r"\bi\s+know\s+(?:what\s+time|exactly\s+when|exactly\s+where|which\s+(?:road|way|route)|where)\s+you\s+(?:left|went|were|came|got|drove|parked|stopped)|"
            r"\byour\s+location\s+(?:was|is|went|has\s+been)\s+(?:off|turned\s+off|disabled|paused)|\bturn\s+(?:your\s+location|it|location\s+sharing)\s+(?:back\s+)?on\b(?=[^.!?\n]{0,40}\b(?:or|now|else))|"
            r"\bneed\s+to\s+(?:be\s+able\s+to\s+)?(?:reach|contact|see|track)\s+(?:you|u)\s+(?:at\s+all\s+times|24/7|every\s+(?:minute|second))|"
            r"\bwhy\s+(?:is|was|'s)\s*(?:your|ur)\s+(?:phone|location|find\s+my)\s+(?:on\s+(?:airplane|aeroplane|flight)\s+mode|on\s+silent|off|turned\s+off|locked|face\s+down)|"
            r"\b(?:don'?t\s+think\s+i\s+won'?t|i'?ll|i\s+will|i\s+always)\s+find\s+out\s+(?:who|where|what)\s+you'?(?:re|\s+are|'ve|\s+have)?\s+(?:\w+\s+)?(?:meeting|seeing|texting|doing|talking|been)|"
            r"\bi\s+(?:can|could)\s+see\s+(?:where|exactly\s+where)\s+you\s+(?:are|were|go)|\bi'?(?:ve|\s+have)\s+been\s+(?:tracking|following|watching)\s+(?:you|your)|"
            r"\bwho\s+(?:are|were)\s+you\s+(?:texting|messaging|talking\s+to)\b[^.!?\n]{0,30}\b(?:give|show|unlock|hand)\s+(?:me\s+)?(?:your|the)\s+phone|"
            r"\b(?:send|show)\s+me\s+(?:a\s+)?(?:photo|picture|pic|selfie|video)\s+(?:of\s+)?(?:where|who)\s+you(?:'re|\s+are)?\s+(?:with|are)\b[^.!?\n]{0,20}\b(?:now|prove|or)|"
            r"\bprove\s+(?:it|where\s+you\s+are|who\s+you'?re\s+with)\b[^.!?\n]{0,20}\b(?:photo|picture|pic|video|location)"
        ),
        unless=_rx(
            r"\b(?:because\s+you\s+(?:texted|told|said|called|messaged|sent)|silly|charge|charging|charger|battery|plug|update|fix|photos?|pictures?|videos?\s+(?:of|from)|meme|funny|directions|map|lol|haha|🙂|😊|❤️|love\s+you|"
            r"for\s+the\s+(?:hike|trip|festival)|so\s+i\s+can\s+(?:pick\s+you\s+up|meet\s+you)|safe\s+home|get\s+home\s+safe|emergenc\w+|i'?d\s+never\s+use|in\s+case\s+(?:of|you)|charger)\b|"
            + _PLAYFUL
        ),
    ),
    Cue(
        "isolation",
        _rx(
            r"\byou\s+(?:don'?t|do\s+not)\s+need\s+to\s+(?:speak|talk)\s+to\s+(?:her|him|them|your\s+\w+|anyone|anybody)\b[^.!?\n]{0,40}|"
            r"\byou'?ve\s+got\s+(?:no\s*one|nobody)\s+(?:but|except)\s+me|\byou\s+(?:have|need)\s+(?:no\s*one|nobody)\s+(?:but|except|else\s+but)\s+me|"
            r"\b(?:no\s*one|nobody)\s+else\s+(?:would|will|could)\s+(?:ever\s+)?(?:put\s+up\s+with|love|want|have)\s+you|\bwhere\s+would\s+you\s+(?:even\s+)?go\b|"
            r"\byou'?re\s+not\s+going\s+(?:to\s+(?:the|that|your|her|his)\s+[\w\s-]{1,20}?|out|anywhere)\b(?=[^.!?\n]{0,60}\b(?:friends|bad\s+influence|told\s+them|i\s+said|until|end\s+of|i'?ve\s+decided|not\s+allowed))|"
            r"\b(?:i'?ve|i\s+have)\s+(?:already\s+)?told\s+(?:them|her|him|everyone|your\s+\w+)\s+(?:that\s+)?you'?(?:re|\s+are)\s+(?:not\s+coming|busy|not\s+available|not\s+going|unwell|sick|ill|not\s+well|too\s+tired)|"
            r"\bi\s+told\s+(?:her|him|them|your\s+\w+)\s+you'?(?:re|\s+are)\s+(?:busy|not\s+(?:home|in|available))\b[^.!?\n]{0,80}\b(?:don'?t\s+need|you'?ve\s+got\s+me)|"
            r"\bi\s+(?:don'?t|do\s+not)\s+want\s+you\s+(?:talking|speaking|seeing|texting|messaging|hanging\s+out|going\s+out)\s+(?:to|with)?\s*(?:her|him|them|your\s+\w+|anyone|\w+)\b|"
            r"\bblock\s+(?:her|him|them|that\s+\w+)\s+(?:now|tonight|today|or)|"
            r"\byou\s+(?:don'?t|do\s+not|won'?t)\s+(?:talk|speak|go\s+out|leave\s+the\s+house|see\s+(?:your|them|her|him))\b[^.!?\n]{0,30}\bunless\s+i\s+(?:say|allow|let)|"
            r"\bunless\s+i\s+say\s+so\b|\byou'?re\s+not\s+going\s+anywhere\b(?=[^.!?\n]{0,60}\b(?:until|taken|keys|locked|i\s+say))|"
            r"\bi'?(?:ve|\s+have)\s+(?:taken|hidden|got|locked\s+away)\s+your\s+(?:car\s+)?(?:keys|phone|passport|cards?|purse|wallet)|"
            r"\bstop\s+(?:seeing|talking\s+to|texting)\s+(?:her|him|them|your\s+(?:friends|sister|brother|mum|mom|family))\s+(?:or|now|if\s+you)|"
            r"\b(?:choose|pick)\s+(?:between\s+)?(?:me|them)\s+or\s+(?:them|me|your\s+(?:friends|family))|"
            r"\b(?:it'?s|its)\s+(?:me|them|him|her)\s+or\s+(?:them|me|him|her|your\s+(?:friends|family|mum|mom|sister|brother|mates))\b|"
            r"\byou'?re\s+not\s+(?:seeing|visiting|meeting|calling|going\s+to\s+see)\s+(?:your|that|her|him|them)\b|"
            r"\bi'?ve\s+cancell?ed\s+your\s+plans\b|\byou\s+don'?t\s+need\s+(?:friends|people|them|her|him)\s+like\s+(?:that|them|her|him)\b|"
            r"\b(?:delete|block)\s+(?:his|her|their|that\s+\w+'?s?)\s+(?:number|contact|messages|account)\b[^.!?\n]{0,30}\bor\b|"
            r"\byou\s+(?:don'?t|do\s+not|won'?t|aren'?t\s+to)\s+(?:visit|see|go\s+out|go\s+anywhere|leave|call|talk\s+to)\b[^.!?\n]{0,30}\bwithout\s+me\b|"
            r"\byou'?re\s+not\s+(?:leaving|going\s+out\s+of|getting\s+out\s+of)\s+(?:this|the)\s+(?:house|room|flat|apartment|car)\b|"
            r"\bi(?:'?ve|\s+have)?\s+(?:taken|took|hidden|hid|locked\s+away|confiscated)\s+your\s+(?:car\s+)?(?:keys|phone|passport|cards?|purse|wallet)"
        ),
        unless=_rx(
            _PLAYFUL
            + r"|\b(?:surprise|birthday|party\s+planning|stay\s+in\s+bed|you'?re\s+sick|fever|rest\s+up|if\s+it\s+upsets\s+you|"
            r"if\s+you\s+don'?t\s+want\s+to|i'?ll\s+(?:handle|call|deal\s+with)|she'?s\s+away|he'?s\s+away|they'?re\s+away|cancelled\s+on\s+us|"
            r"scam|spam|by\s+mistake|to\s+be\s+safe|for\s+(?:you|us)\s+to\s+rest|charger|cable)\b"
        ),
    ),
    Cue(
        "financial",
        _rx(
            r"\byou'?ll\s+get\s+(?:money|cash|the\s+card|your\s+card|an?\s+allowance)\s+(?:for\s+[\w\s]{1,20}?\s+)?(?:when|once|if|after)\s+you|"
            r"\bshow\s+me\s+(?:every|all\s+(?:the|your)|your)\s+(?:single\s+)?receipts?|\bevery\s+single\s+receipt|"
            r"\bi'?(?:ve|\s+have)\s+(?:moved|transferred|put)\s+your\s+(?:wages|salary|pay|money|savings|paycheck)\s+(?:in)?to\s+my|"
            r"\bi'?(?:ll|\s+will)\s+(?:hold\s+on(?:to)?|keep|look\s+after|take)\s+your\s+(?:bank\s+)?(?:card|cards|wages|pay|money|salary)\b(?=[^.!?\n]{0,40}\b(?:waste|can'?t\s+be\s+trusted|useless|spend\s+too|irresponsible))|"
            r"\byou\s+(?:can|'ll|will)\s+(?:have|get)\s+(?:\$|£|€)?\w+\s+(?:quid|pounds|dollars|euros|bucks)?\s*(?:for|a|per)\s+(?:the\s+)?week\b|\bi\s+want\s+(?:the\s+)?change\s+back\b|"
            r"\byou\s+(?:don'?t|do\s+not)\s+need\s+(?:a|your\s+own)\s+(?:bank\s+)?(?:card|account|money|credit\s+card)|"
            r"\byou\s+(?:don'?t|do\s+not)\s+need\s+to\s+work\b(?!\s+(?:this|today|tonight|tomorrow|late|overtime|so\s+hard|weekends?|extra))|\b(?:hand|give)\s+(?:your|in\s+your)\s+notice\s+in\b|\bhand\s+in\s+your\s+notice|"
            r"\bquit\s+(?:your|that)\s+job\b(?=[^.!?\n]{0,60}\b(?:i\s+(?:don'?t\s+want|earn|said)|or\s+|other\s+men|other\s+women))|"
            r"\bi\s+(?:don'?t|do\s+not)\s+want\s+(?:other\s+(?:men|women|guys|girls|people))\s+looking\s+at\s+you|"
            r"\b(?:changed|changing)\s+the\s+(?:wifi|wi-fi|internet|tv|netflix)\s+password\b[^\n]{0,60}?\b(?:when|until|unless|once)\s+you|"
            r"\bi'?(?:ll|\s+will)\s+(?:cut\s+off|cancel|freeze|take\s+away)\s+your\s+(?:card|cards|money|allowance|phone|access)\b"
        ),
        unless=_rx(
            _PLAYFUL
            + r"|\b(?:we\s+agreed|together|for\s+the\s+tax|accountant|if\s+you\s+want|your\s+call|up\s+to\s+you)\b"
        ),
    ),
    Cue(
        "threat",
        _rx(
            r"\bor\s+i'?(?:ll|\s+will)\s+give\s+you\s+something\s+(?:to\s+)?(?:really\s+|actually\s+)?cry\s+about|\bgive\s+you\s+something\s+to\s+(?:actually\s+|really\s+)?cry\s+about|"
            r"\bwalk\s+out\s+(?:that|the|this)\s+door\s+and\s+(?:see|you'?ll|you\s+will|don'?t|never|that'?s\s+it|we'?re\s+(?:done|finished|over))|"
            r"\byou\s+(?:leave|go|walk\s+out)\s+and\s+i'?(?:ll|\s+will)\b|\b(?:try|go\s+ahead\s+and)\s+(?:calling|call|ringing|ring)\s+the\s+(?:police|cops)|"
            r"\bsee\s+who\s+(?:they|anyone|people|the\s+police)\s+(?:believe|believes)|"
            r"\byou'?ll\s+(?:find|see)\s+your\s+(?:stuff|things|clothes|bags?)\s+(?:on\s+the\s+(?:lawn|street|pavement|doorstep|curb|kerb)|outside|in\s+the\s+(?:bin|street|trash))|"
            r"\bi'?(?:ll|\s+will)\s+get\s+rid\s+of\s+(?:the|your|our)\s+(?:dog|cat|pet|puppy)|"
            r"\byou'?(?:ll|\s+will)\s+(?:do|eat|wear|say)\s+(?:what|as)\s+(?:i\s+(?:tell|say|put|want)|you'?re\s+told)|"
            r"\bor\s+i'?m\s+coming\s+to\s+find\s+you|\bdon'?t\s+make\s+me\s+(?:ask|tell|say\s+it|come)\s+(?:you\s+)?again|"
            r"\byou\s+know\s+better\s+than\s+to\s+(?:push|provoke|wind\s+up|test|answer\s+back|talk\s+back)\s+me|\byou\s+know\s+how\s+i\s+get\b|"
            r"\b(?:don'?t|do\s+not)\s+(?:go\s+)?(?:telling|tell)\s+(?:people|anyone|anybody|your\s+\w+|the\s+police)\s+(?:that\s+)?i\s+(?:hurt|hit|pushed|grabbed|touched)\s+you|"
            r"\bif\s+you\s+(?:tell|told)\s+(?:anyone|anybody|your\s+\w+|the\s+police)\b[^.!?\n]{0,40}\b(?:i'?ll|you'?ll|i\s+will)|"
            r"\byou'?re\s+going\s+to\s+(?:get|be)\s+(?:it|hurt)\s+(?:when|if)|\bwait\s+(?:till|until)\s+i\s+get\s+(?:you\s+)?home\b(?![^.!?\n]{0,40}(?:kiss|hug|cuddle|love|surprise|show\s+you|tell\s+you))"
        ),
        unless=_rx(
            _PLAYFUL
            + r"|\b(?:surprise|present|gift|kiss|hug|cuddle|spoil|love\s+you|can'?t\s+wait|excited|hungry|hangry|tired|sleepy|"
            r"before\s+(?:my\s+)?coffee|grumpy|in\s+the\s+mornings?)\b|\b(?:mum|mom|dad|mother|father|parents|gran|grandma|grandpa|teacher|coach)\s+"
            r"(?:used\s+to|would|always)\s+(?:say|shout|yell)"
        ),
        serious_overrides=False,
    ),
    Cue(
        "physical",
        _rx(
            r"\b(?:only|just)\s+a\s+(?:little\s+)?(?:shove|push|slap|smack|tap)\b|\bstop\s+being\s+dramatic\s+about\s+(?:the|your|a)\s+(?:bruise|mark|arm|face|lip)|"
            r"\b(?:i\s+)?didn'?t\s+mean\s+to\s+(?:push|hit|shove|grab|slap|kick|choke|throw\s+\w+\s+at)\s+you\b(?:\s+(?:that\s+hard|so\s+hard|like\s+that))?|"
            r"\bsorry\s+(?:that\s+)?i\s+(?:grabbed|pushed|hit|shoved|slapped|kicked|choked|threw\s+\w+\s+at)\s+you\b(?:r\s+(?:arm|wrist|neck|hair))?|"
            r"\bi'?d\s+never\s+actually\s+hurt\s+you|\byou\s+fell\s+(?:funny|awkwardly|badly)|\bi\s+(?:just\s+)?(?:lost\s+it|snapped)\b(?=[^.!?\n]{0,60}\b(?:grab|push|hit|hurt|you\s+(?:made|wouldn'?t)))|"
            r"\b(?:you\s+)?made\s+me\s+(?:hit|push|grab|hurt|slap|shove)\s+you|\blook\s+what\s+you\s+made\s+me\s+do"
        ),
        unless=_rx(
            r"\b(?:playing|game|tag|football|pillow\s+fight|dancing|tickl\w*|by\s+accident\s+on\s+the\s+(?:stairs|ice))\b"
        ),
    ),
    Cue(
        "sexual",
        _rx(
            r"\b(?:i\s+)?said\s+no\b[^.!?\n]{0,60}\b(?:you|he|she|they)\s+(?:kept\s+(?:on|going|asking|pushing)|went\s+ahead|did\s+it\s+anyway|wouldn'?t\s+stop)|"
            r"\bsend\s+me\s+(?:a\s+)?(?:video|photo|pic|picture|nudes?|something\s+sexy)\b[^.!?\n]{0,30}\bor\s+(?:i'?ll|else|we'?re)|"
            r"\bi\s+don'?t\s+care\s+(?:if|that)\s+you'?re\s+(?:tired|not\s+in\s+the\s+mood|sore|not\s+ready|on\s+your\s+period)|"
            r"\buntil\s+i\s+(?:gave\s+in|said\s+yes|let\s+(?:him|her|them|you))\b(?=[^.!?\n]{0,60}\b(?:didn'?t\s+want|no\s+means\s+no|sex|bed))|\bno\s+means\s+no\b|"
            r"\byou\s+(?:don'?t|do\s+not)\s+get\s+to\s+(?:keep\s+)?(?:say(?:ing)?\s+no|refuse|turn(?:ing)?\s+me\s+down)\s*(?:to\s+me)?|"
            r"\byou'?re\s+my\s+(?:wife|husband|girlfriend|boyfriend|partner)\b[^\n]{0,40}\b(?:say(?:ing)?\s+no|owe|duty|have\s+to|supposed\s+to)|"
            r"\bif\s+you\s+(?:actually\s+|really\s+|truly\s+)?loved\s+me\s+you'?d\s+(?:send|sleep|have\s+sex|do\s+it|let\s+me|show\s+me)\b"
            r"(?=[^.!?\n]{0,60}\b(?:pics|photos|pictures|nudes|sex|bed|body|it\b|everyone|girlfriend|boyfriend))"
        ),
        unless=_rx(r"\b(?:dessert|cake|pizza|dog|puppy|movie|film|show|game|holiday|trip)\b"),
    ),
    # --- self-harm and suicide -------------------------------------------------------------------------------
    Cue(
        "self_harm",
        _rx(
            r"\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|end|ending|unalive|off)\s+myself\b|"
            r"\bsuicid(?:e|al)\b|\bself[- ]?harm\w*|\bself[- ]injur\w*|"
            r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b|\bend\s+(?:it\s+all|everything|things\s+for\s+good)\b|"
            r"\b(?:i\s+)?(?:just\s+)?(?:want\s+to|wanna|wanted\s+to|need\s+to)\s+(?:die|be\s+dead|disappear\s+(?:forever|for\s+good|permanently)|not\s+exist|stop\s+existing|"
            r"go\s+to\s+sleep\s+(?:and|&)\s+(?:never|not)\s+wake\s+up|sleep\s+forever|end\s+it)\b|"
            r"\b(?:don'?t|do\s+not|no\s+longer)\s+(?:really\s+)?(?:want|wanna)\s+to\s+(?:be\s+(?:here|alive|around)|live|exist|wake\s+up|go\s+on|keep\s+going|do\s+this\s+anymore\s+(?:at\s+all|with\s+life))\b|"
            r"\bwish\s+i\s+(?:was|were|could\s+be)\s+dead|\bwish\s+i\s+(?:wasn'?t|weren'?t)\s+(?:alive|here|around|born)|\bwish\s+i'?d\s+never\s+been\s+born|"
            r"\bwish\s+i\s+(?:could\s+)?(?:just\s+)?(?:disappear|die|not\s+wake\s+up|fall\s+asleep\s+and\s+not\s+wake\s+up)\b|"
            r"\b(?:better\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were|wasn'?t|weren'?t)\s+(?:here|around|alive|gone|dead)))|"
            r"\b(?:everyone|everybody|you|they|the\s+kids|my\s+family)\s+(?:would|'d|will|'ll)\s+be\s+(?:happier|better)\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:was|were|'m|am)\s+gone)|"
            r"\b(?:no|not\s+(?:any|a\s+single))\s+(?:reason|point)\s+(?:to|in)\s+(?:living|live|keep\s+(?:going|living)|going\s+on|go\s+on|being\s+alive|being\s+here|carrying\s+on|waking\s+up)|"
            r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|life|being\s+alive|going\s+on|anything\s+anymore|even\s+being\s+here)|"
            r"\b(?:tired|sick)\s+of\s+(?:living|being\s+alive|life|existing)\b|\bcan'?t\s+(?:go\s+on|keep\s+going|do\s+(?:life|this\s+life))\s*(?:anymore|any\s+more|like\s+this)?\b|"
            r"\b(?:won'?t|will\s+not)\s+be\s+(?:around|here|a\s+(?:burden|problem))\s+(?:much\s+longer|for\s+(?:long|much\s+longer)|anymore|soon)|"
            r"\b(?:a|such\s+a)\s+burden\s+(?:to|on)\s+(?:everyone|you|my\s+family|everybody|them)|"
            r"\b(?:overdos\w+|take\s+all\s+(?:my|the|of\s+my)\s+pills|took\s+(?:all|too\s+many|a\s+(?:bunch|handful))\s+(?:of\s+)?(?:my\s+|the\s+)?pills|stockpil\w+\s+(?:my\s+)?(?:pills|meds|medication)|"
            r"jump\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:bridge|building|roof|train|cliff)|hang\s+myself|slit\s+my\s+wrists)\b|"
            r"\b(?:writ(?:e|ten|ing)|wrote|left)\s+(?:a\s+)?(?:goodbye|suicide)\s+(?:note|letter)s?|\bgiv(?:e|ing)\s+away\s+(?:all\s+)?my\s+(?:stuff|things|belongings)|"
            r"\b(?:thoughts?|thinking|thought)\s+(?:of|about)\s+(?:dying|death|ending\s+(?:it|my\s+life|things)|not\s+being\s+(?:here|alive|around)|killing\s+myself)|"
            r"\bkms\b|\bunalive\b|\bdon'?t\s+see\s+(?:a|any|the)\s+(?:way\s+out|future|point\s+(?:in\s+|of\s+)?(?:living|life|anymore|going\s+on|being\s+alive))|"
            r"\b(?:no\s*one|nobody)\s+(?:would|will)\s+(?:even\s+|really\s+)?(?:miss|notice|care)\s+(?:me\b|if\s+i\s+(?:was|were|'m|died|disappeared))|\bbe\s+gone\s+(?:for\s+good|soon)\b(?=[^.!?\n]{0,40}\b(?:miss|burden|better))|"
            r"\bthe\s+world\s+would\s+be\s+better\s+without\s+me|\b(?:can'?t|cannot|not\s+sure\s+i\s+can|don'?t\s+think\s+i\s+can)\s+keep\s+myself\s+safe|"
            r"\b(?:googl\w+|search\w*|look\w*\s+up|research\w*|read\w*\s+about)\s+(?:ways|how)\s+to\s+(?:die|end\s+(?:it|my\s+life|things)|kill\s+myself|overdose)|\bways\s+to\s+(?:die|kill\s+myself|end\s+my\s+life)\b|"
            r"\b(?:easier|better|simpler|kinder|happier)\b(?:\s+\w+){0,3}?\s+if\s+i\s+(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:around|here|alive|in\s+the\s+picture)|\bif\s+i\s+(?:was|were)\s+(?:gone|dead)\b|"
            r"\btell\s+(?:the\s+kids|my\s+(?:kids|mum|mom|family|parents|sister|brother)|everyone)\s+i\s+love\s+them\b(?=[^\n]{0,60}\b(?:sorry\s+for\s+everything|goodbye|forgive\s+me|won'?t\s+be))|\b(?:don'?t|do\s+not|can'?t)\s+trust\s+myself\s+(?:on\s+my\s+own|alone|tonight|to\s+be\s+(?:alone|safe)|not\s+to)|\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+(?:and|&)\s+(?:never|not)\s+wake\s+up|"
            r"\b(?:started|start|been|keep|kept|i'?m|am)\s+cutting\s+(?:again|myself)|\bcutting\s+again\b|"
            r"\b(?:saving|stockpiling|hoarding|collecting)\s+(?:up\s+)?(?:my\s+|the\s+)?(?:pills|meds|medication|tablets|sleeping\s+pills)|"
            r"\b(?:won'?t|will\s+not)\s+have\s+to\s+(?:deal\s+with|put\s+up\s+with|worry\s+about|see)\s+me\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|soon)|\bi\s+(?:just\s+)?want\s+(?:the\s+pain|it\s+all)\s+to\s+(?:stop|end)\s+(?:forever|for\s+good|permanently)"
        ),
        unless=_SELF_HARM_IDIOMS,
        serious_overrides=False,
    ),
)

# --- semantic families (data-driven) ----------------------------------------------------------------------
# Each row: category, the alternatives of one family of phrasings (joined into one pattern), and its guards.
# They generalise over verbs, objects and voices rather than listing sentences: a partner as the subject
# (_BY), a body part or possession as the object, a veiled consequence, a passive wish not to live.
_BY = (
    r"\b(?:he|she|they|my\s+(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|spouse))\s+"
    r"(?:\w+\s+){0,3}?"
)  # the partner as subject, up to three words before the verb ("he then just ...")
_BODY = (
    r"(?:arms?|hands?|wrists?|face|neck|throat|head|legs?|hair|back|chest|stomach|belly|fingers?|ribs?|jaw|"
    r"nose|eye|mouth|shoulders?|ankles?|thighs?|breasts?|skin)"
)
_WEAPON = r"(?:knife|knives|gun|rifle|shotgun|pistol|(?:baseball\s+)?bat|machete|axe|hammer|crowbar|weapon)"
_SELF_SUBJECT = _rx(r"\b(?:i|i'?ve|i'?d|i\s+(?:just|accidentally|finally|then))\s*$")


@dataclass(frozen=True, slots=True)
class Family:
    category: str
    alternatives: tuple[str, ...]
    unless: str | None = None
    unless_before: str | None = None
    negatable: bool = False
    serious_overrides: bool = True


FAMILIES: tuple[Family, ...] = (
    # menace toward what the partner loves, and "don't test me" warnings ("it'd be a shame if something happened
    # to that car of yours", "one phone call to the Home Office")
    Family(
        "threat",
        (
            r"\b(?:shame|pity)\s+if\s+(?:something|anything)\s+(?:were\s+to\s+)?happen(?:ed|s)?\s+to\b",
            r"\b(?:hate|not\s+want)\s+for\s+(?:something|anything)\s+to\s+happen\s+to\b",
            r"\bhow\s+long\s+(?:that|your|ur)\s+\w+(?:\s+of\s+yours)?\s+lasts\b",
            r"\bi'?m\s+watching\s+(?:you|u)\b(?!\s+(?:play|sleep|cook|dance|sing|on\s+tv|grow))",
            r"\bdon'?t\s+(?:test|push|try)\s+me\b(?!\s+(?:on|with)\s+(?:the|this|my)\s+(?:quiz|maths|swing|spelling))",
            r"\bdon'?t\s+think\s+i\s+won'?t\b",
            r"\bwhat\s+i'?m\s+like\s+when\s+i'?m\s+(?:pushed|angry|provoked|wound\s+up|crossed)\b",
            r"\bthink\s+(?:very\s+)?(?:carefully|twice|hard)\s+(?:about|before)\s+(?:who\s+you\s+tell|telling|showing\s+me\s+up|crossing\s+me|leaving|going\s+to\s+the\s+police)",
            r"\b(?:i'?ll|ill|i\s+will|i'?m\s+going\s+to)\s+(?:go|come)\s+after\s+(?:you|u|your|ur)\b",
            r"\b(?:i'?ll|ill|i\s+will)\s+tell\s+(?:your|ur|everyone|everybody|people)\b[^.!?\n]{0,30}\b(?:what\s+you\s+(?:really\s+)?are|about\s+your|you'?re\s+(?:a|an|crazy|unstable|mad))",
            r"\b(?:i'?ll|ill|i\s+will)\s+tell\s+(?:your|ur)\s+(?:boss|work|employer|manager|family|mum|mom|parents|kids|church)\s+(?:about|what|that)\b",
            r"\byour\s+career\s+(?:will\s+be|is)\s+(?:over|finished|done)\b",
            r"\b(?:one\s+(?:phone\s+)?call\s+to|i\s+(?:can|could|will|'ll)\s+call)\s+(?:the\s+)?(?:home\s+office|immigration|ice|border\s+force)\b",
            r"\bwho\s+sponsored\s+(?:your|ur)\s+visa\b|\byour\s+visa\s+depends\s+on\s+me\b",
            r"\b(?:until|till|til|'til)\s+(?:you|u)\s+learn\s+(?:to\s+behave|some\s+respect|your\s+lesson|to\s+respect|some\s+manners|your\s+place)\b",
            r"\bunder\s+my\s+roof\b",
            r"\bso\s+much\s+as\s+(?:look|looks|speak|talk|text|think|glance)\b[^.!?\n]{0,50}\b(?:i'?ll|ill|i\s+will|and\s+i)",
            r"\bbreak\s+(?:every\s+(?:one\s+of\s+)?|all\s+)?(?:your|ur)\s+(?:fingers|bones|teeth|ribs)\b",
            r"\bif\s+(?:u|you)\s+(?:leave|go|tell)\b[^.!?\n]{0,40}\b(?:i'?ll|ill|i\s+will)\s+(?:go\s+after|come\s+after|hurt|get|find|ruin|tell\s+everyone)",
            r"\b(?:ull|u'?ll|you'?ll|u\s+will)\s+never\s+see\s+(?:the|ur|your|our|my)\s+(?:kids|children|son|daughter|baby|family)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|{_AFFECTION}|\b(?:quiz|exam|recipe|diet|the\s+(?:game|match|series|show))\b",
    ),
    # control of daily life in the partner's voice ("from now on you ask me before you make plans")
    Family(
        "isolation",
        (
            r"\bfrom\s+now\s+on\b[^.!?\n]{0,50}\b(?:you\s+ask\s+me|(?:your|ur)\s+(?:phone|wages|money|card|pay|salary)|"
            r"you'?re\s+not\s+(?:allowed|going|seeing)|you\s+(?:don'?t|won'?t|can'?t)\s+(?:go|see|leave|call|text)|i\s+(?:want|need)\s+(?:your|ur)\s+(?:phone|password|location))",
            r"\b(?:your|ur)\s+phone\b[^.!?\n]{0,40}\bunlocked\b",
            r"\bi\s+(?:don'?t|do\s+not)\s+like\s+you\s+(?:seeing|texting|talking\s+to|going\s+out\s+with|meeting|calling|ringing|hanging\s+out\s+with|messaging)\b",
            r"\b(?:i'?d|i\s+would)\s+(?:prefer|rather)\s+(?:if\s+)?you\s+(?:didn'?t|did\s+not|don'?t|stopped)\s+(?:see|seeing|ring|ringing|call|calling|text|texting|visit|visiting|talk|talking)\b[^.!?\n]{0,40}\b(?:anymore|any\s+more|again|at\s+all)",
            r"\b(?:fill|fills|filled|filling)\s+(?:your|ur|my)\s+head\s+with\b",
            r"\bi\s+(?:deleted|blocked|removed)\s+(?:their|his|her|your\s+\w+'?s?)\s+(?:numbers?|contacts?)\b",
            r"\byou'?d\s+(?:have|be)\s+nothing\s+without\s+me\b",
            r"\b(?:asked|ask|asking)\s+the\s+kids\s+(?:who|where|what)\s+you\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:diet|doctor|dentist|school\s+rules|the\s+kids'?\s+(?:bedtime|homework)|new\s+rota|budget\s+we|we\s+agreed)\b",
    ),
    # surveillance in the partner's voice: dots on a map, trackers "now", nothing-to-hide justifications
    Family(
        "monitoring",
        (
            r"\b(?:your|ur)\s+(?:dot|pin|location|car)(?:'s|\s+has|\s+was|\s+is)?\s+(?:been\s+)?(?:at|in|sat|sitting|stuck|parked|stopped)\b[^.!?\n]{0,40}\b(?:for|since|hours?|minutes?|mins?)\b",
            r"\bwhy\s+did\s+(?:your|ur)\s+(?:location|dot|car|phone)\s+(?:stop|say|show|go)\b",
            r"\bcheck\s+(?:your|ur)\s+(?:find\s+my|location|life360|snap\s*map|dot)\b",
            r"\b(?:tracker|camera|cameras|airtag|gps)\b[^.!?\n]{0,40}\b(?:so\s+i\s+(?:know|can\s+see|can\s+check)|shouldn'?t\s+bother\s+you|if\s+you'?re\s+innocent|this\s+is\s+what\s+happens|what\s+you\s+get\s+up\s+to)",
            r"\bthere'?s\s+a\s+(?:tracker|camera|airtag)\s+(?:on|in)\s+(?:your|ur)\b",
            r"\bif\s+(?:you'?re|ur|you\s+are|you'?ve\s+got|you\s+have|u\s+have|ur\s+got)\s+(?:hiding\s+nothing|nothing\s+to\s+hide|innocent|not\s+hiding\s+anything)\b",
            r"\bi'?ll\s+know\s+if\s+(?:you|u)\s+(?:delete|lie|turn|switch|go|see|talk|text|leave)\b",
            r"\b(?:send|give|tell)\s+me\s+(?:your|ur)\s+(?:\w+\s+)?(?:password|passcode|pin|login)\b",
            r"\bswitch\s+(?:it|your\s+location|ur\s+location|location)\s+(?:back\s+)?on\b(?=[^\n]{0,30}\b(?:now|right\s+now|or\b))",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:wi-?fi|netflix|spotify|router|the\s+app\s+store|bank\s+(?:app|called)|fraud|scam|we\s+(?:both|agreed)|for\s+the\s+(?:hike|trip|festival|road\s+trip)|parcel|delivery|flight)\b",
    ),
    # money and sex as debts ("the bank statements are none of your concern", "you know what you owe me")
    Family(
        "financial",
        (
            r"\b(?:bank\s+statements?|money|finances|accounts?|spending|savings)\s+(?:are|is)\s+none\s+of\s+(?:your|ur)\s+(?:concern|business)\b",
            r"\b(?:having|have|had)\s+to\s+(?:show|hand\s+over|send)\s+(?:\w+\s+){0,2}receipts\b",
            r"\btransfer\s+my\s+allowance\b",
            r"\b(?:your|ur)\s+(?:wages|salary|pay|paycheck|paycheque)\s+(?:go|goes|going)\s+(?:in|into)\s+my\s+account\b",
        ),
        unless=rf"{_PLAYFUL}|\b(?:we\s+agreed|together|accountant|tax\s+return|expenses\s+claim|my\s+(?:son|daughter)|the\s+kids)\b",
    ),
    Family(
        "sexual",
        (
            r"\b(?:turn|turning|turns)\s+me\s+down\b[^.!?\n]{0,30}\b(?:never\s+loved|i'?ll|or\s+else|or\s+i)",
            r"\bwouldn'?t\s+have\s+to\s+beg\b",
            r"\bwhat\s+you\s+owe\s+me\b",
            r"\bfind\s+someone\s+(?:else\s+)?who\s+will\b",
            r"\b(?:don'?t|do\s+not)\s+feel\s+safe\s+(?:saying|to\s+say)\s+no\b",
            r"\bwent\s+along\s+with\s+it\b[^.!?\n]{0,40}\b(?:scared|afraid|didn'?t\s+want|frightened)",
            r"\b(?:isn'?t|is\s+not)\s+the\s+same\s+as\s+wanting\s+to\b",
        ),
        unless=rf"{_FICTION}|\b(?:pizza|dessert|game|quiz|karaoke|lend|loan|tenner|fiver|quid\s+back)\b",
    ),
    # fear of a repeat, and hiding from the partner
    Family(
        "fear",
        (
            r"\block(?:ed|ing)?\s+myself\s+in\s+(?:the\s+|my\s+)?(?:bathroom|bedroom|car|toilet|loo|room|spare\s+room)\b",
            r"\b(?:scared|afraid|terrified|frightened)\s+(?:it'?ll|it\s+will|he'?ll|she'?ll|they'?ll)\s+(?:end|happen|get\s+worse)\s+(?:like|again)\b",
            r"\b(?:scared|afraid|frightened|terrified)\s+when(?:ever)?\s+(?:you|he|she|they)\s+(?:talk|get|shout|yell|drink|drive|look|raise|start|come\s+home)\b",
            r"\bhow\s+(?:frightened|scared|afraid|terrified)\s+i'?d\s+been\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:spiders?|heights|flying|the\s+dark|horror|dentist|exam|interview|roller\s*coaster)\b",
        negatable=True,
    ),
    # self-harm said sideways: dialect and typos of "myself", methods by amount, farewells, burdens
    Family(
        "self_harm",
        (
            r"\b(?:kill|killin|killing|hurt|hurtin|hurting|harm|harmin|harming|cut|cuttin|cutting|end|endin|ending)\s+(?:masel|mysel|meself|mahself|myslef|mysefl|my\s+self)\b",
            r"\bdo\s+something\s+to\s+(?:myself|masel|meself|my\s+self)\b",
            r"\b(?:having|had|get|getting|been\s+having|keep\s+having)\s+(?:they\s+|the\s+|those\s+|these\s+|some\s+)?(?:dark|bad|scary)\s+thoughts\b",
            r"\b(?:take|taking|took|swallow\w*)\s+(?:the\s+)?(?:whole|entire|full)\s+(?:box|packet|bottle|strip|pack|tub)\b",
            r"\b(?:dose|amount|number)\s+of\s+(?:my\s+)?(?:tablets|pills|meds|insulin|paracetamol)\s+(?:would|it\s+would|to)\s+(?:be\s+enough|take|kill)\b",
            r"\bhow\s+much\s+(?:my\s+)?life\s+insurance\b|\blife\s+insurance\s+(?:pays?\s+out|would\s+(?:pay|cover))\b",
            r"\b(?:come|coming|go|going)\s+home\s+in\s+a\s+(?:box|bag|coffin)\b",
            r"\b(?:kindest|best)\s+thing\s+i\s+(?:could|can)\s+do\b[^.!?\n]{0,30}\b(?:not\s+(?:exist|be\s+here|be\s+around)|disappear|die)\b",
            r"\bstopped\s+wanting\s+to\s+(?:be\s+here|be\s+alive|live|go\s+on|wake\s+up)\b",
            r"\bjust\s+know\s+(?:that\s+)?i\s+(?:loved|love)\s+(?:you|u)\b",
            r"\b(?:i\s+)?loved\s+(?:you|u)\b[^\n]{0,40}\bsorry\s+for\s+everything\b",
            r"\bdon'?t\s+(?:read|open)\s+it\s+(?:til|till|until)\s+(?:after|i'?m\s+gone)\b",
            r"\bwearing\s+long\s+sleeves\b[^\n]{0,30}\b(?:again|you\s+know\s+why|so\s+(?:no\s*one|nobody))",
            r"\b(?:taking|take|took|holding|hold)\s+(?:my|the)\s+(?:\w+\s+)?(?:pistol|gun|rifle|revolver|shotgun)\s+out\b",
            r"\b(?:this|so)\s+much\s+of\s+a\s+burden\b|\bbeing\s+(?:a|such\s+a)\s+burden\b",
            r"\b(?:i'?ve|i\s+have|i)\s+(?:been\s+)?(?:cut|cutting|burn(?:ed|t|ing)?|hurt|hurting)\s+(?:myself\s+)?again\b",
            r"\b(?:thinking|thought)\s+about\s+not\s+waking\s+up\b",
        ),
        unless=_SELF_HARM_IDIOMS.pattern
        + r"|\b(?:cut|cutting|burn\w*|hurt|hurting)\s+(?:myself\s+)?again\s+(?:shaving|cooking|on\s+the|at\s+the|in\s+the\s+kitchen|with\s+the)"
        r"|\bbeing\s+a\s+burden\s+(?:on\s+the\s+(?:nhs|system|budget)|to\s+the\s+(?:team|project))|\b(?:isn'?t|is\s+not|not)\s+(?:the\s+same\s+as\s+)?being\s+a\s+burden|\byou'?re\s+not\s+a\s+burden|\bjust\s+know\s+i\s+love\s+(?:you|u)\s+(?:lots|loads|so\s+much)\b",
        serious_overrides=False,
    ),
    # veiled threats and threats in the partner's voice ("you know what happens when you push me")
    Family(
        "threat",
        (
            r"\byou\s+know\s+what\s+happens\s+when\s+(?:you|i)\b",
            r"\b(?:remember|you\s+remember)\s+what\s+happened\s+(?:the\s+)?last\s+time\b",
            r"\b(?:find\s+out|see|know)\s+what\s+i'?m\s+(?:really\s+)?capable\s+of\b",
            r"\bdon'?t\s+make\s+me\s+(?:do\s+)?(?:something|anything)\b",
            r"\bsomething\s+(?:we'?ll|we\s+will|you'?ll|you\s+will)\s+(?:both\s+|all\s+)?regret\b",
            r"\bsee\s+where\s+(?:it|that)\s+gets\s+you\b",
            r"\b(?:someone|somebody)(?:'s|\s+is)?\s+(?:going\s+to|gonna|will)\s+get\s+hurt\b",
            r"\b(?:won'?t|will\s+not|wouldn'?t)\s+(?:come|get|make\s+it)\s+home\s+in\s+one\s+piece\b",
            r"\bnothing\s+(?:left\s+)?to\s+lose\b",
            r"\bsleep\s+with\s+one\s+eye\s+open\b",
            r"\bnext\s+time\s+it\s+won'?t\s+(?:just\s+)?be\s+(?:words|a\s+warning|talk)\b",
            r"\b(?:there'?ll|there\s+will|there'?s\s+going\s+to)\s+be\s+consequences\b",
            r"\blearn\s+the\s+hard\s+way\b",
            r"\bend\s+up\s+(?:dead|in\s+(?:a|the)\s+(?:ditch|river|canal|hospital|morgue|grave|boot))\b",
            r"\bsorry\s+you\s+(?:were\s+)?(?:ever\s+)?born\b",
            r"\bi'?m\s+not\s+(?:going\s+to\s+|gonna\s+)?warn(?:ing)?\s+you\s+again\b",
            r"\bwhat\s+happens\s+to\s+(?:people|women|men|girls|anyone)\s+who\b",
            r"\b(?:make|making)\s+sure\s+(?:nobody|no\s*one)\s+(?:ever\s+)?finds\s+you\b",
            r"\b(?:you'?ll|you\s+will)\s+never\s+(?:be\s+able\s+to\s+)?show\s+your\s+face\b",
            r"\bkeep\s+(?:pushing|testing|talking|it\s+up)\b[^.!?\n]{0,30}\b(?:and\s+(?:see|you'?ll|someone)|get\s+hurt)",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|{_AFFECTION}|\b(?:quiz|game|match|exam|test|boss\s+level|hangover|spicy|curry|chilli)\b",
    ),
    # a partner's conditional threat, reported ("she'd tell my boss ... if I move out", "he'll take our daughter")
    Family(
        "threat",
        (
            r"\b(?:he|she|they)\s*(?:'ll|'d|\s+will|\s+would|\s+said\s+(?:he|she|they)'?d)\s+(?:\w+\s+){0,3}?"
            r"(?:tell\s+(?:my|the|everyone)|report\s+me|get\s+me\s+(?:deported|sacked|fired|arrested|sectioned)|have\s+me\s+"
            r"(?:deported|sectioned|arrested|committed|locked\s+up)|out\s+me|make\s+the\s+kids\s+hate\s+me|take\s+(?:our|my|the)\s+"
            r"(?:kids|children|son|daughter|baby|boys|girls)|burn\s+(?:my|the|our)\s+\w+|ruin\s+me|destroy\s+me)\b",
            r"\bthreat(?:en|ens|ened|ening)\s+to\s+(?:out\s+me|deport|section|report\s+me|tell\s+my)",
            r"\b(?:the|your|my|our)\s+(?:dog|cat|pet|puppy|kitten|horse|rabbit)\s+(?:goes|is\s+next|gets\s+it|disappears|"
            r"(?:would|will|might)\s+(?:have|meet)\s+(?:with\s+)?an?\s+\"?accident)",
            r"\b(?:your|my)\s+(?:sister|brother|mum|mom|dad|family|kids?)\s*(?:'s|\s+is|\s+will\s+be)\s+next\b",
            r"\b(?:put|stick)\s+a\s+knife\s+(?:through|in|into)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:to\s+(?:school|the\s+park|the\s+vet|swimming|football|the\s+dentist)|for\s+(?:a\s+walk|ice\s+cream))\b",
    ),
    # suicide threats used as control, and self-harm "methods" said as threats ("I'll drive into a wall")
    Family(
        "threat",
        (
            r"\b(?:he|she|they)\s*(?:'ll|'d|\s+will|\s+would|\s+says?\s+(?:he|she|they)'?(?:ll|d))\s+(?:\w+\s+){0,2}?"
            r"(?:kill|cut|hurt|harm|hang|stab|shoot)\s+(?:him|her|them)sel(?:f|ves)\b",
            r"\bi'?ll\s+(?:swallow|take|down|neck)\s+(?:every|all\s+(?:the|my|of\s+(?:the|my)))\s+(?:\w+\s+)?(?:pills?|tablets?|meds)\b",
        ),
        unless=rf"{_FICTION}",
        serious_overrides=False,
    ),
    # physical harm: a partner acting on the writer's body ("she bit my arm", "hit me with the hairbrush")
    Family(
        "physical",
        (
            rf"{_BY}(?:bit|bites|scratched|scratches|burned|burnt|burns|slammed|slams|twisted|twists|squeezed|squeezes|"
            rf"grabbed|grabs|yanked|yanks|pulled|pulls|kicked|kicks|hit|hits|punched|punches|slapped|slaps|choked|chokes|"
            rf"strangled|bruised|cut|stabbed|elbowed|kneed|stamped\s+on|sat\s+on|pinched|crushed)\s+my\s+{_BODY}\b",
            r"\b(?:hit|hits|punched|punches|kicked|kicks|slapped|slaps|beat|beats|burned|burnt|burns|smacked|struck|"
            r"whacked|hurt|hurts)\s+me\s+(?:with\s+(?:a|the|his|her|their|my)\s+\w+|in\s+the\s+(?:stomach|face|head|back|ribs|"
            r"chest|mouth|eye|belly|side|jaw)|across\s+the\s+(?:face|head|room)|where\s+it\s+(?:won'?t|doesn'?t|does\s+not)\s+show)",
            r"\b(?:squeezed|grabbed|held|gripped|squeezes|grabs|holds|grips)\s+(?:me\s+by\s+)?(?:my\s+)?(?:throat|neck)\b",
            r"\b(?:until|till|so)\s+i\s+(?:couldn'?t|could\s+not|can'?t|cannot)\s+breathe\b",
            r"\b(?:pillow|hand|hands)\s+over\s+my\s+(?:face|mouth|nose)\b",
            r"\b(?:so|because)\s+(?:nobody|no\s*one|people|anyone)\s+(?:can\s+|will\s+|would\s+)?(?:sees?|notices?|asks?\s+about)\s+the\s+(?:marks|bruises|bruising|cuts|burns)\b",
            r"\b(?:lied|lie|lying)\s+(?:for\s+(?:him|her|them)|about\s+(?:the|my)\s+(?:bruises|marks|black\s+eye|injuries))",
            r"\b(?:told|tell|said|say)\s+(?:\w+\s+){0,3}i\s+(?:walked|walk)\s+into\s+a\s+door\b",
            r"\b(?:a&e|the\s+er|emergency\s+room|hospital)\s+because\s+of\s+(?:what\s+)?(?:he|she|they)\b",
            r"\bwhat\s+(?:he|she|they)\s+did\s+to\s+my\s+" + _BODY + r"\b",
            r"\b(?:\"|')?(?:discipline|disciplines|disciplined|punish|punishes|punished)(?:\"|')?\s+me\b(?!\s+for\s+(?:being\s+late|missing\s+(?:training|practice)))",
            r"\bi\s+didn'?t\s+(?:hit|push|grab|shove|slap|kick|squeeze|choke)\s+you\s+(?:that|so|very)\s+hard\b",
            r"\bsorry\s+(?:that\s+)?i\s+(?:grabbed|pushed|hit|shoved|slapped|kicked|choked|squeezed|twisted)\s+your\s+"
            + _BODY,
            r"\b(?:shoved|pushed|threw|kicked|dragged)\s+me\s+(?:out\s+of|down|into|against|across|onto|to\s+the\s+(?:floor|ground))\s+(?:the\s+)?(?:\w+\s+)?(?:flat|house|stairs|wall|car|door|floor|ground|room|street|bed|table|fridge)\b",
        ),
        unless=r"\b(?:dog|cat|puppy|kitten|toddler|baby|mosquito|wasp|bee|ball|accident(?:ally)?|by\s+mistake|playing|game|"
        r"tickl\w*|pillow\s+fight|massage|physio|chiropractor|tattoo|dentist|hairdresser|wax\w*|boxing|sparring|judo|karate|"
        r"rugby|football|training|the\s+(?:wind|door|branch))\b|" + _FICTION,
        negatable=True,
    ),
    # intimidation: menace with objects, vehicles, weapons, bodies and sleep
    Family(
        "intimidation",
        (
            r"\bteach\s+me\s+(?:a\s+lesson|to\s+(?:shut\s+up|behave|respect|listen|keep\s+my\s+mouth\s+shut))\b",
            r"\b(?:left|dumped|kicked)\s+me\s+(?:out\s+)?(?:on|at|by)\s+the\s+side\s+of\s+the\s+(?:road|motorway|highway|freeway)\b",
            r"\bleft\s+me\s+(?:stranded|in\s+the\s+middle\s+of\s+nowhere)\b",
            r"\b(?:won'?t|doesn'?t|didn'?t|wouldn'?t)\s+let\s+me\s+sleep\b",
            r"\b(?:screams?|screamed|screaming|yells?|yelled|yelling|shouts?|shouted|shouting|rages?|raged)\s+at\s+me\s+(?:for\s+hours|all\s+night|until|till)\b",
            r"\b(?:stood|stands|standing|towered|towers|loomed|looms)\s+over\s+me\b",
            r"\b(?:clench(?:ed|es|ing)?\s+(?:his|her|their)\s+fists?|(?:his|her|their)\s+fists?\s+clenched|fists\s+clenched)\b",
            r"\b(?:throws?|threw|throwing|smash(?:es|ed|ing)?|hurl(?:s|ed|ing)?|break(?:s|ing)?|broke)\s+(?:plates|dishes|glasses|cups|mugs|bottles|chairs|furniture)\b",
            r"\b(?:smash(?:es|ed|ing)?|break(?:s|ing)?|broke|throws?|threw|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|hit(?:s|ting)?)\s+things\b(?=[^.!?\n]{0,40}\b(?:angry|mad|drunk|rage|argue|fight|row|temper|lose|lost))",
            r"\b(?:tore|tears|ripped|rips|cut|cuts|burned|burnt|burns|crushed|crushes|stamped\s+on|snapped)\s+(?:up\s+)?my\s+(?:passport|documents|papers|id|phone|glasses|clothes|photos|things|sim|cards?)\b",
            r"\b(?:poured|pours|flushed|flushes|threw\s+away|throws\s+away|hid|hides|binned|bins)\s+(?:away\s+)?my\s+(?:medication|meds|pills|tablets|inhaler|insulin|antidepressants)\b",
            rf"\b{_WEAPON}\b(?=[^.!?\n]{{0,60}}\b(?:star(?:e|es|ed|ing)\s+at\s+me|when\s+(?:we|i)\s+(?:argue|fight|row|disagree)|reminds?\s+me|it'?s\s+loaded|taps?\s+it|in\s+(?:one\s+of\s+)?(?:his|her|their)\s+moods|at\s+me\b))",
            rf"\b(?:sharpen\w*|clean(?:s|ed|ing)?|wav(?:e|es|ed|ing)|tap(?:s|ped|ping)?|point(?:s|ed|ing)?|brandish\w*)\s+(?:his|her|their|the|a)\s+(?:kitchen\s+|hunting\s+)?{_WEAPON}\b(?=[^.!?\n]{{0,60}}\b(?:me|moods?|argue|fight|angry|staring))",
            r"\bwhen\s+(?:he'?s|she'?s|they'?re)\s+in\s+one\s+of\s+(?:his|her|their)\s+moods\b[^.!?\n]{0,40}\b(?:gun|knife|rifle|bat|weapon|punch|smash|throw|break)",
            r"\b(?:slam(?:s|med|ming)?|bang(?:s|ed|ing)?|pound(?:s|ed|ing)?|smash(?:es|ed|ing)?)\s+(?:his|her|their)\s+fists?\s+(?:on|into|against|down)",
            r"\binches\s+from\s+my\s+(?:head|face|hand|body)\b",
            r"\b(?:fist|foot|head|hand)\s+through\s+(?:the|a|my)\s+(?:door|wall|window|wardrobe|plaster|plasterboard|glass|cupboard|screen|tv)\b",
            r"\b(?:ripped|rips|tore|tears|kicked|kicks)\s+(?:the|a)\s+(?:door|doors|cupboard|wardrobe)\s+off\b",
            r"\bsent\s+me\s+(?:a\s+)?(?:photo|picture|pic|video)\s+of\s+my\s+(?:front\s+door|house|flat|car|window|street|work|office)\b",
            r"\b(?:chased|chases|chasing)\s+me\s+(?:down|through|round|around|up|in\s+(?:his|her|their|the)\s+car)\b",
            r"\b(?:drove|drives|driving|swerved|swerves|swerving|accelerated|aimed\s+the\s+car)\s+(?:straight\s+)?at\s+me\b",
            r"\b(?:drives?|drove|driving)\s+(?:\w+\s+)?(?:drunk|high|after\s+drinking)\s+with\s+(?:me|the\s+(?:kids|children|baby)|our)\b",
            r"\b(?:rev(?:s|ved|ving)?\s+the\s+engine|swerv(?:es|ed|ing)|speeds?\s+up|sped\s+up|slams?\s+(?:on\s+)?the\s+brakes)\b(?=[^.!?\n]{0,40}\b(?:say\s+something|argue|disagree|scare|frighten|doesn'?t\s+like|angry))",
            r"\b(?:throws?|threw|chucks?|chucked|puts?|put)\s+(?:all\s+)?my\s+(?:stuff|things|clothes|bags?|belongings)\s+(?:out\s+)?"
            r"(?:on(?:to)?\s+the\s+(?:lawn|street|pavement|doorstep|curb|kerb|drive)|outside|in\s+the\s+(?:bin|street|trash|garden|rain))",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:pottery|greek\s+wedding|restaurant|kitchen\s+porter|dishwasher|movers|removal|"
        r"the\s+(?:dog|cat|toddler|kids?)\s+(?:broke|smashed|threw|chewed)|toddler|puppy|accident(?:ally)?|by\s+mistake|"
        r"cook(?:ing)?\s+(?:class|lesson)|for\s+(?:dinner|the\s+roast)|cleaning\s+the\s+(?:knife|knives)\s+after)\b",
        negatable=True,
    ),
    # fear of the partner: dread, appeasing, hiding, daring not to, a home that does not feel safe
    Family(
        "fear",
        (
            r"\b(?:scared|afraid|terrified|frightened|petrified|nervous)\s+(?:to|of)\s+(?:tell(?:ing)?|let(?:ting)?\s+(?:him|her|them)\s+know|"
            r"ask(?:ing)?|mention(?:ing)?|admit(?:ting)?|show(?:ing)?)\s+(?:him|her|them|my\s+(?:husband|wife|partner|boyfriend|girlfriend))\b",
            r"\btoo\s+(?:scared|afraid|frightened|terrified)\s+to\s+(?:let\s+(?:him|her|them)\s+know|tell\s+(?:him|her|them)|say\s+no|leave|speak)",
            r"\b(?:daren'?t|dare\s+not|(?:don'?t|dont|do\s+not|wouldn'?t|never)\s+dare)\s+(?:to\s+)?(?:\w+\s+)?(?:tell|ask|disagree|say\s+no|mention|argue|speak|question|contradict|leave|look\s+at)\b",
            r"\b(?:knot|pit)\s+in\s+my\s+stomach\b[^.!?\n]{0,40}\b(?:when(?:ever)?|every\s+time)\s+(?:i\s+hear\s+)?(?:he|she|they|his|her|their)\b",
            r"\b(?:go|goes|went|fall|falls)\s+(?:quiet|silent)\s+when(?:ever)?\s+(?:they|we|i)\s+hear\s+(?:him|her|them|his|her|their)\b",
            r"\b(?:tense\s+up|hold\s+my\s+breath|feel\s+sick|start\s+shaking|panic)\s+when(?:ever)?\s+i\s+hear\s+(?:his|her|their)\s+(?:car|key|keys|footsteps|voice|van|truck)",
            r"\bwhat\s+(?:kind|sort)\s+of\s+(?:night|evening|day|mood)\s+(?:it'?s|it'?ll|it\s+will|it\s+is|we'?re)\s+(?:going\s+to\s+)?(?:be|have|in\s+for)\b",
            r"\b(?:rehears\w+|practis\w+|practic\w+)\s+what\s+i'?m\s+(?:going\s+to|gonna)\s+say\b(?=[^.!?\n]{0,40}\b(?:he|she|they|him|her|them|home))",
            r"\b(?:with|behind)\s+the\s+door\s+locked\b",
            r"\b(?:have|had|need)\s+to\s+hide\s+(?:my|the|our)\s+\w+",
            r"\bhid(?:e|es|ing)?\s+(?:my\s+)?(?:\w+\s+){0,4}so\s+(?:he|she|they)\s+(?:won'?t|wouldn'?t|doesn'?t|can'?t|couldn'?t|don'?t)\s+(?:find|see|know|notice)",
            r"\b(?:just\s+)?(?:so|to\s+keep)\s+(?:he|she|they|him|her|them)\s+(?:stays?\s+)?calm\b",
            r"\bso\s+(?:he|she|they)\s+(?:doesn'?t|won'?t|don'?t)\s+(?:explode|kick\s+off|lose\s+it|go\s+off|blow\s+up|flip|snap|go\s+mad)\b",
            r"\bor\s+(?:he|she|they)\s+(?:explodes?|kicks?\s+off|loses?\s+it|goes?\s+(?:mad|off|crazy|ballistic)|blows?\s+up|flips?|snaps?|gets?\s+violent)\b",
            r"\bbe\s+careful\s+what\s+i\s+(?:say|do|wear)\b",
            r"\bif\s+(?:he|she|they)\s+(?:knew|found\s+out|finds\s+out|saw|sees)\b[^.!?\n]{0,40}\b(?:he|she|they)'?(?:d|ll|\s+would|\s+will)\s+"
            r"(?:go\s+mad|kill\s+me|lose\s+it|explode|go\s+crazy|flip|hurt\s+me|go\s+ballistic|go\s+nuts|snap)",
            r"\b(?:home|the\s+house|my\s+(?:own\s+)?(?:home|house|flat|bed|room))\s+(?:doesn'?t|does\s+not|never|no\s+longer)\s+feels?\s+safe\b",
            r"\bwaiting\s+for\s+the\s+day\s+(?:he|she|they)\b",
            r"\b(?:need|have|want)\s+to\s+(?:get\s+away|escape)\s+from\s+(?:him|her|them|my\s+(?:husband|wife|partner|boyfriend|girlfriend))\b",
            r"\bi\s+know\s+how\s+(?:he|she|they)'?(?:ll|\s+will|'d|\s+would)\s+react\b",
            r"\b(?:sleep|sleeping|slept)\s+in\s+(?:my|the)\s+car\s+because\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:surprise|present|gift|birthday|christmas|party|burglar\w*|break-?in|intruder|"
        r"thrilled|excited|delighted|over\s+the\s+moon|dentist|exam|results|spiders?|heights|flying|the\s+dark|horror)\b",
        negatable=True,
    ),
    # monitoring: trackers found, interrogation in the partner's voice, checking up through others
    Family(
        "monitoring",
        (
            r"\b(?:found|find|discovered|noticed)\s+(?:a|an|his|her|their)\s+(?:airtag|tracker|tracking\s+(?:device|app)|gps|tile|"
            r"camera|recording\s+device|spy\s+app|bug|spyware|stalkerware)\b",
            r"\b(?:airtag|tracker|gps\s+tracker|tracking\s+device)\s+(?:sewn|hidden|taped|stuck|tucked|in\s+the\s+lining)\b",
            r"\bwhere\s+were\s+you\s+(?:between|from|at|last\s+night|all\s+(?:day|night)|till|until)\b[^\n]{0,50}\b(?:don'?t\s+lie|i\s+checked|i\s+know|answer\s+me)",
            r"\bdon'?t\s+(?:you\s+(?:dare\s+)?)?lie(?:\s+to\s+me)?,?\s+i\s+(?:checked|saw|looked|know|tracked)\b",
            r"\bscreenshot\s+(?:the|your|that|those)\s+(?:chat|conversation|messages|texts|dms)\b",
            r"\bunlock\s+(?:it|your\s+phone|the\s+phone)\b[^\n]{0,20}\b(?:now|who)\b",
            r"\b(?:saw|seen|noticed|see)\s+(?:that\s+)?you\s+(?:were|was|are)\s+(?:online|active|typing|on\s+(?:whatsapp|instagram|snapchat))\s+at\b",
            r"\b(?:saw|seen|checked)\s+(?:it\s+)?(?:on|in)\s+your\s+(?:location|find\s+my|life360|snap\s*map|phone)\b",
            r"\b(?:time[sd]|timing)\s+how\s+long\s+(?:it\s+t(?:akes|ook)\s+me|i\s+(?:take|took|spend|spent|am|was))\b",
            r"\b(?:rings?|calls?|rang|called|phones?|phoned)\s+(?:reception\s+at\s+)?(?:my\s+(?:work|office|job|boss|manager|friends?|mum|mom|sister|gym)|reception)\b[^.!?\n]{0,40}\b(?:check|make\s+sure|see\s+if)",
            r"\btake\s+my\s+phone\s+and\s+(?:go|look|read|scroll)\s+through\b",
            r"\binterrogat\w+\s+me\b",
            r"\b(?:demands?|wants?|asks?)\s+to\s+know\s+(?:exactly\s+)?(?:why|where|who)\s+i\b",
            r"\bfollows?\s+my\s+(?:car|phone)\s+on\s+(?:an|the|his|her)\s+app\b",
            r"\b(?:selfie|photo|picture|pic)\s+every\s+(?:hour|half\s+hour|\d+\s+minutes)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:we\s+(?:both|agreed)|each\s+other'?s|for\s+the\s+(?:hike|trip|festival)|lost\s+(?:my|your)\s+(?:keys|bag|luggage)|"
        r"suitcase|luggage|the\s+cat|the\s+dog|airport|the\s+kids'?\s+(?:bags?|school)|fitness|steps)\b",
        negatable=True,
    ),
    # isolation: giving things up because of the partner, "only allowed", friends replaced by "me"
    Family(
        "isolation",
        (
            r"\b(?:stopped|quit|gave\s+up|had\s+to\s+(?:quit|stop|give\s+up))\s+(?:going\s+to\s+|seeing\s+|visiting\s+|calling\s+)?"
            r"[\w' ]{1,25}?\s+(?:because|cos|as|since)\s+(?:it\s+(?:wasn'?t|isn'?t)\s+worth\s+the\s+(?:fight|row|argument|grief|hassle)|"
            r"(?:he|she|they)\s+(?:said\s+i\s+was|says\s+i'?m|accused|didn'?t\s+like|doesn'?t\s+like|hates?|got\s+(?:jealous|angry)))",
            r"\bworth\s+the\s+(?:fight|row|grief|punishment)\s+(?:when|after)\s+i\s+(?:get|got|come|came)\s+(?:home|back)\b",
            r"\bwhy\s+do\s+you\s+need\s+(?:friends|them|anyone|anybody|your\s+\w+|other\s+people)\b[^.!?\n]{0,30}\b(?:have|got)\s+me\b",
            r"\bonly\s+allowed\s+(?:out|to\s+(?:go|leave|see|visit|call|text|talk|have|spend|use|wear))\b",
            r"\b(?:doesn'?t|does\s+not|don'?t|didn'?t)\s+like\s+me\s+(?:seeing|visiting|going\s+out|talking\s+to|spending\s+time|having\s+friends|meeting)\b",
            r"\baway\s+from\s+(?:everyone|everybody|all\s+(?:my\s+)?(?:friends|family))\s+i\s+(?:know|love)\b",
            r"\bmade\s+me\s+choose\b(?!\s+(?:the|a|an|what|which|where|when|between\s+(?:the|two)|from))",
            r"\bwon'?t\s+let\s+me\s+(?:learn|take\s+(?:any\s+)?(?:classes|a\s+class|lessons|a\s+course)|join|go\s+back)\b",
            r"\bso\s+i\s+(?:can'?t|couldn'?t|cannot|could\s+not)\s+(?:get|go)\s+(?:anywhere|out|to\s+(?:work|my|the|see))\b",
            r"\b(?:told|tells|convinced|convinces)\s+(?:everyone|everybody|people|my\s+\w+)\b[^.!?\n]{0,30}\bi'?m\s+(?:crazy|mad|unstable|mental|a\s+liar|lying|psycho|insane|unwell)\b",
            r"\btold\s+my\s+(?:family|friends|parents|mum|mom|sister|brother)\s+(?:that\s+)?i\s+(?:don'?t|didn'?t|do\s+not)\s+want\s+to\s+(?:see|talk\s+to|hear\s+from)\b",
            r"\b(?:takes?|took|removes?|removed|hides?|hid)\s+(?:out\s+)?my\s+sim(?:\s+card)?\b",
            r"\b(?:deleted|deletes|blocked|blocks)\s+my\s+(?:best\s+)?(?:friend|friends|sister|brother|mum|mom|family)(?:'s|s')?\s+(?:number|contact)",
            r"\b(?:not\s+allowed|banned)\s+(?:to\s+|from\s+)?(?:see|seeing|visit|visiting|lock|locking|password|have\s+a\s+password)\b",
            r"\bnot\s+to\s+see\s+(?:them|her|him|my\s+\w+)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:doctor|physio|surgery|contagious|covid|fever|quarantine|diet|budget|the\s+rain|"
        r"traffic|the\s+baby\s+gate|visiting\s+hours|ward|exam|revision)\b",
    ),
    # financial control: asking permission to spend, no card allowed, PINs and fares
    Family(
        "financial",
        (
            r"\bnot\s+allowed\s+(?:a|my\s+own|any|to\s+have\s+(?:a|my\s+own|any))\s+(?:bank\s+card|card|account|bank\s+account|money|cash|credit\s+card|debit\s+card|job)\b",
            r"\b(?:have|had|has)\s+to\s+(?:ask|beg)\s+(?:him|her|them)\s+for\s+(?:(?:the\s+)?(?:bus|train|taxi)\s+fare|petrol\s+money|lunch\s+money|a\s+(?:fiver|tenner)|"
            r"(?:a\s+)?few\s+quid|tampons|pads|food|nappies|diapers|essentials|every\s+penny|cash)\b",
            r"\b(?:have|had|need)\s+to\s+(?:ask|text|call|check\s+with|get\s+(?:the\s+)?(?:ok|okay|permission)\s+from)\s+(?:him|her|them)\s+(?:first\s+)?"
            r"before\s+i\s+(?:buy|spend|get|order|pay\s+for)\s+(?:anything|something|a\b|any)",
            r"\bchanged\s+the\s+pin\b",
            r"\b(?:takes?|took|keeps?|kept)\s+every\s+(?:penny|cent|pound|dollar)\s+i\s+(?:earn|make|get)\b",
            r"\b(?:everything|every\s+account|the\s+(?:house|car|accounts?))\b[^.!?\n]{0,30}\bin\s+(?:his|her|their)\s+name\s+only\b",
            r"\b(?:i'?m|i\s+am|i've\s+been|i\s+was|puts?\s+me|keeps?\s+me|kept\s+me)\s+on\s+an\s+allowance\b",
            r"\b(?:wages|salary|pay|paycheck|paycheque|benefits)\s+(?:go|goes|went|land|lands)\s+(?:straight\s+)?into\s+(?:his|her|their)\s+account\b",
            r"\b(?:make|made|makes)\s+sure\s+i'?m\s+(?:fired|sacked|let\s+go)\b",
            r"\b(?:stopped|stops|stop)\s+me\s+(?:from\s+)?(?:going\s+back\s+to\s+work|working|getting\s+a\s+job|taking\s+the\s+job)\b",
            r"\byour\s+(?:bank\s+)?card\s+stays\s+with\s+me\b",
        ),
        unless=rf"{_PLAYFUL}|\b(?:we\s+(?:both|agreed|decided)|together|joint\s+decision|i\s+asked|you\s+asked|if\s+you\s+want|up\s+to\s+you|"
        r"teenager|kids'?|pocket\s+money\s+for|my\s+(?:son|daughter)|self-?employed|pension)\b",
    ),
    # sexual and reproductive coercion
    Family(
        "sexual",
        (
            r"\b(?:wakes?|woke)\s+me\s+up\b[^.!?\n]{0,30}\btouch\w*",
            r"\bwoke\s+up\s+(?:and|to|with)\s+(?:him|her|them|he|she|they)\b[^.!?\n]{0,20}\b(?:on\s+top|having\s+sex|inside|touching)",
            r"\bsay(?:ing)?\s+yes\s+(?:because|cos|just\s+to)\b[^.!?\n]{0,40}\b(?:fight|fighting|sulk|row|worse|easier|angry|mad|scared|otherwise|stop)",
            r"\b(?:easier|quicker|safer)\s+(?:to\s+)?(?:just\s+)?(?:give\s+in|go\s+along\s+with\s+it|say\s+yes|let\s+(?:him|her|them))\b",
            r"\b(?:forced|forces|made|makes|pressured|pressures|pushing|pushed)\s+me\s+(?:to\s+|into\s+)?(?:have|having|get|getting)\s+(?:an?\s+)?(?:abortion|termination|pregnant)\b",
            r"\b(?:poke[sd]?|poking|put|puts)\s+holes?\s+in\s+(?:the\s+)?condoms?\b",
            r"\b(?:took|takes|pulled|slipped|taking)\s+(?:the\s+)?condom\s+off\b",
            r"\b(?:flush\w*|hid|hides|hiding|threw\s+away|throws\s+away|binned|swapped|tampered\s+with)\s+(?:away\s+)?my\s+(?:pills?|contraceptives?|contraception|birth\s+control|pill\s+packet)\b",
            r"\bwon'?t\s+let\s+me\s+(?:use|take|get|go\s+on)\s+(?:any\s+)?(?:contraception|birth\s+control|the\s+pill|condoms|protection)\b",
            r"\b(?:refuses?|refused|won'?t)\s+(?:to\s+)?(?:wear|use)\s+(?:a\s+)?(?:condom|protection)\b",
            r"\b(?:entitled\s+to\s+(?:it|sex|my\s+body)|if\s+i\s+loved\s+(?:him|her|them)\s+i\s+would)\b",
            r"\b(?:get|gets|getting)\s+it\s+(?:somewhere|from\s+someone)\s+else\b",
            r"\b(?:got|gets|getting)\s+me\s+drunk\s+so\b",
            r"\bguilt(?:s|ing|ed)?\s+me\s+into\s+it\b",
            r"\b(?:angry|cold|nasty|sulky)\s+for\s+days\s+(?:every\s+time|whenever|if|when)\s+i\s+turn\s+(?:him|her|them)\s+down\b",
            r"\b(?:won'?t|doesn'?t|wouldn'?t)\s+stop\s+until\s+i\s+(?:say|said)\s+yes\b",
            r"\b(?:calls?|called)\s+me\s+(?:names|frigid|a\s+prude)\b[^.!?\n]{0,30}\b(?:until\s+i|say\s+no|won'?t|give\s+in)",
            r"\b(?:not\s+up\s+for\s+it|say\s+no|said\s+no|not\s+in\s+the\s+mood)\b[^.!?\n]{0,30}\b(?:sulks?|sulked|punish\w*|silent\s+treatment)",
        ),
        unless=rf"{_FICTION}|\b(?:thank\s+you|another\s+time|when\s+i'?m\s+ready|documentary|podcast|article|news|trial|court\s+case|awareness|jury|dessert|cake|pizza|game|"
        r"quiz|karaoke|the\s+dog|the\s+cat)\b",
        negatable=True,
    ),
    # self-harm and suicide: passive wishes, farewells, methods, burdens, hopelessness (idioms guarded)
    Family(
        "self_harm",
        (
            r"\b(?:hope|hoping|pray|praying|wish|wishing)\s+(?:that\s+)?i\s+(?:don'?t|won'?t|never|do\s+not)\s+wake\s+up\b",
            r"\b(?:hope|hoping|pray|praying|wish|wishing)\s+(?:that\s+)?i\s+(?:get|got|would\s+get)\s+(?:hit|run\s+over|killed)\b",
            r"\b(?:stay|stayed|stays)\s+asleep\s+(?:for\s+good|forever|permanently)\b|\bsleep\s+(?:for\s+good|forever)\b",
            r"\b(?:burden|problem|bother)\b[^.!?\n]{0,30}\b(?:permanently|for\s+good|forever)\b",
            r"\b(?:would|will|'d|'ll)\s+(?:all\s+)?(?:be\s+(?:fine|okay|ok|happier|better)|carry\s+on(?:\s+fine)?|manage|cope)\s+without\s+me\b(?!\s+(?:on|at|for|in|tonight|today|tomorrow|this|next))",
            r"\b(?:picture|picturing|imagine|imagining|planning|plan)\s+my\s+(?:own\s+)?funeral\b",
            r"\b(?:step|stepping|jump|jumping|walk|walking|throw\s+myself)\s+(?:off|in\s+front\s+of|under)\s+(?:the|a)\s+(?:platform|train|bus|traffic|lorry|truck|ledge|edge|bridge|roof|cliff)\b",
            r"\b(?:driv(?:e|ing)|crash(?:ing)?|swerv(?:e|ing))\s+(?:the\s+car\s+|my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:wall|tree|bridge|central\s+reservation|barrier|lorry|river|cliff|oncoming)\b",
            r"\b(?:don'?t|do\s+not|can'?t|cannot)\s+see\s+(?:the|any)\s+point\s*(?:anymore|any\s+more|in\s+(?:anything|any\s+of\s+it|trying|carrying\s+on|going\s+on)|$|[.!?])",
            r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:trying|anything|any\s+of\s+(?:this|it))\b[^.!?\n]{0,20}(?:anymore|any\s+more)|\bwhat'?s\s+the\s+point\s+(?:anymore|any\s+more)\b",
            r"\b(?:no|only\s+one)\s+way\s+out\b(?!\s+(?:of\s+)?(?:the|this)\s+(?:car\s+park|room|building|traffic|contract|deal|meeting|lease|maze|level|estate|carpark))",
            r"\bhow\s+many\s+(?:pills|tablets|paracetamol|sleeping\s+pills|of\s+(?:these|my)\s+(?:pills|tablets))\s+(?:it\s+)?(?:would|it'?d|to)\s+(?:take|kill)\b",
            r"\b(?:not|won'?t)\s+(?:going\s+to\s+|gonna\s+)?be\s+(?:around|here|alive)\s+(?:to\s+see\s+(?:it|that)|much\s+longer|anyway|for\s+long|by\s+(?:then|christmas|next))",
            r"\b(?:soon|one\s+day)\b[^.!?\n]{0,20}\b(?:won'?t|will\s+not)\s+have\s+to\s+(?:worry\s+about|deal\s+with|put\s+up\s+with|see|look\s+after)\s+me\b",
            r"\b(?:won'?t|will\s+not|never)\s+have\s+to\s+worry\s+about\s+me\s+(?:again|anymore|any\s+more|much\s+longer|soon)\b",
            r"\b(?:punch|punching|hit|hitting|slap|slapping|scratch|scratching|bite|biting|starve|starving|bang|banging)\s+(?:myself|my\s+head\s+(?:on|against)\s+the\s+wall\s+until)\b",
            r"\b(?:tired|sick|done|finished|exhausted)\s+(?:of|with)\s+(?:living|being\s+alive|existing)\b",
            r"\b(?:wr[io]te|written|writing|left)\b[^.!?\n]{0,30}\bletters?\b[^.!?\n]{0,50}\b(?:just\s+)?in\s+case\b|\bletters?\s+for\s+(?:everyone|everybody|the\s+kids|each\s+of\s+you)\b",
            r"\bsorry\s+for\s+everything\b[^\n]{0,60}\b(?:look\s+after|take\s+care\s+of|goodbye|forgive|love\s+you\s+all)\b",
            r"\b(?:look\s+after|take\s+care\s+of)\s+(?:the\s+(?:dog|cat|kids)|my\s+(?:dog|cat|kids|babies))\s+for\s+me\b[^\n]{0,60}\b(?:sorry|goodbye|love\s+you|forgive)",
            r"\bdon'?t\s+blame\s+yourselves\b",
            r"\bcan'?t\s+see\s+myself\s+(?:being\s+)?(?:here|alive|around)\s+(?:next|in|by|for|much)\b",
            r"\b(?:scared|afraid|frightened)\s+of\s+how\s+much\s+i\s+want\s+to\s+(?:disappear|die|not\s+be\s+here|give\s+up)\b",
            r"\bi\s+(?:just\s+)?want\s+(?:everything|it\s+all|it|the\s+pain)\s+to\s+stop\b[^\n]{0,20}\b(?:for\s+good|forever|permanently)",
            r"\b(?:want|wanna)\s+to\s+not\s+(?:exist|be\s+here|be\s+alive|wake\s+up)\b",
            r"\b(?:crisis\s+(?:line|team|number)|samaritans|suicide\s+(?:hotline|helpline))\b",
            r"\babout\s+the\s+(?:cutting|self[- ]harm|overdose|pills)\b",
            r"\bare\s+you\s+safe\s+(?:right\s+)?now\b",
            r"\b(?:hurting|killing|harming)\s+yourself\b",
            r"\b(?:i'?m|i\s+am|i\s+feel\s+like)\s+(?:such\s+)?a\s+burden\s+(?:on|to)\b",
        ),
        unless=_SELF_HARM_IDIOMS.pattern
        + r"|\b(?:without\s+me\s+(?:on|at|for|in)\s+(?:the|this|a|that)\s+(?:team|quiz|trip|shift|project|meeting|party|match|game|weekend|night|holiday|day))\b"
        r"|\b(?:hurting|killing|harming)\s+yourself\s+(?:lifting|on\s+the|at\s+the\s+gym|with\s+(?:that|the)|doing|carrying|moving)"
        r"|\b(?:hit|hitting|slap|slapping)\s+myself\s+(?:for|on\s+the\s+forehead)|\bbite\s+myself\s+(?:a\s+)?(?:treat|snack)",
        serious_overrides=False,
    ),
    # third round: outing and exposure, arson, "if I catch you", "you know what you got last time"
    Family(
        "threat",
        (
            r"\btell\s+(?:your|ur|everyone|everybody|people)\b[^.!?\n]{0,40}\b(?:you'?re|ur|you\s+are)\s+(?:gay|bi|lesbian|trans|queer)\b",
            r"\b(?:i'?ll|ill|i\s+will)\s+tell\s+(?:everyone|everybody|people)\b[^.!?\n]{0,30}\bwhat\s+you\s+(?:did|really\s+are|said|do)\b",
            r"\b(?:i'?ll|ill|i\s+will|i'?m\s+going\s+to|i'?m\s+gonna)\s+(?:\w+\s+)?set\s+fire\s+to\b",
            r"\bwhat\s+you\s+got\s+(?:the\s+)?last\s+time\b",
            r"\bdon'?t\s+make\s+me\s+(?:repeat|do)\s+(?:it|that)\b",
            r"\bif\s+i\s+(?:ever\s+)?catch\s+(?:you|u)\s+(?:talking|texting|with|seeing|messaging|near|going|looking|lying|again)\b",
            r"\b(?:won'?t|will\s+not)\s+eat\s+(?:until|till|unless)\s+(?:you|u)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|{_AFFECTION}|\b(?:chocolate|biscuits?|cake|crisps|chips|sweets|snacks?|fridge)\b",
    ),
    # third round: isolation and control said to the partner
    Family(
        "isolation",
        (
            r"\b(?:i'?m|im|i\s+am)\s+not\s+letting\s+(?:you|u)\s+(?:go|see|leave|out|visit|have|keep)\b",
            r"\b(?:you|u)\s+(?:don'?t|dont|do\s+not)\s+need\s+(?:your|ur)\s+(?:friends|family|mates|mum|mom|sister|brother|parents)\b",
            r"\b(?:starts?|started|picks?|picked)\s+a\s+(?:row|fight|argument)\b[^.!?\n]{0,30}\b(?:so\s+i\s+(?:can'?t|couldn'?t|don'?t|stopped|gave\s+up|'ve\s+given\s+up|never)|every\s+time\s+i)\b",
            r"\bwithout\s+(?:him|her|them)\s+(?:knowing|finding\s+out|noticing)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:surprise|party|present|gift|birthday|christmas|proposal)\b",
    ),
    Family(
        "financial",
        (
            r"\b(?:you'?ll|you\s+will)\s+get\s+an?\s+allowance\b",
            r"\bi'?ll\s+decide\s+what'?s\s+(?:necessary|needed|essential)\b",
        ),
        unless=rf"{_PLAYFUL}|\b(?:kids?|son|daughter|pocket\s+money|chores)\b",
    ),
    Family(
        "sexual",
        (
            r"\b(?:your|ur)\s+(?:pills?|contraceptives?|birth\s+control|implant|coil|condoms)\s+(?:went|are|is|go|went\s+straight)\s+(?:in|into|down)\s+the\s+(?:bin|trash|toilet|sink)\b",
            r"\bswap(?:ping|ped|s)?\s+(?:your|ur|my)\s+(?:pills|contraceptives?|birth\s+control)\b",
            r"\b(?:baby|pregnant)\b[^.!?\n]{0,30}\b(?:whether\s+you'?re\s+ready\s+or\s+not|ready\s+or\s+not|whether\s+you\s+like\s+it\s+or\s+not)\b",
            r"\bnot\s+going\s+off\s+the\s+pill\b|\bchecking\s+the\s+(?:pill\s+)?pack\b",
            r"\bi\s+shouldn'?t\s+have\s+to\s+ask\b(?=[^\n]{0,10}$)|\byou'?re\s+my\s+(?:wife|husband|girlfriend|boyfriend|partner)\b[^\n]{0,20}\bshouldn'?t\s+have\s+to\s+ask\b",
        ),
        unless=rf"{_FICTION}|\b(?:documentary|article|podcast|chemist|pharmacy\s+mix-?up|by\s+mistake)\b",
    ),
    # third round: surveillance in the partner's voice
    Family(
        "monitoring",
        (
            r"\b(?:set\s+up|set|rigged|synced|linked)\s+(?:your|ur)\s+phone\s+so\b",
            r"\bcomes?\s+to\s+me\s+as\s+well\b",
            r"\binnocent\s+people\s+(?:don'?t|wouldn'?t)\s+mind\b",
            r"\bi'?ve\s+been\s+(?:reading|checking|going\s+through|looking\s+through)\s+(?:your|ur)\s+(?:emails?|messages|texts|phone|dms|chats|diary|journal|whatsapps?)\b",
            r"\bhand\s+(?:over\s+)?my\s+phone\s+(?:over\s+)?every\s+(?:time|night|day|evening)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:we\s+agreed|you\s+asked\s+me|the\s+kids'?\s+phone|parental\s+controls?|repair|backup|new\s+phone)\b",
    ),
    # third round: urges, wishes, farewells
    Family(
        "self_harm",
        (
            r"\burges?\s+to\s+(?:cut|hurt\s+myself|self[- ]harm|burn|die|end\s+it|disappear)\b",
            r"\b(?:feel|felt|feeling|feels)\s+like\s+ending\s+it\b",
            r"\b(?:end|ending|take|taking)\s+(?:your|ur)\s+(?:own\s+)?life\b",
            r"\bshould\s+(?:have|'ve)\s+died\b|\bshould'?ve\s+died\b",
            r"\b(?:sleep|asleep)\s+and\s+(?:stay\s+asleep|never\s+wake|not\s+wake)\b",
            r"\bdon'?t\s+(?:bother\s+)?(?:look|looking|come\s+looking)\s+for\s+me\b",
            r"\b(?:think|thinking|thought)\s+about\s+(?:just\s+)?not\s+waking\s+up\b",
            r"\bsorry\s+for\s+everything\b[^\n]{0,60}\btell\s+(?:the\s+kids|my\s+\w+|everyone|them)\s+i\s+love\b",
            r"\b(?:scratched|scratch(?:ing)?|cut|burned|burnt|bit|hit)\s+my\s+(?:arms?|wrists?|legs?|thighs?|skin)\s+(?:up\s+)?again\b",
            r"\b(?:stop|stopped|stopping)\s+taking\s+my\s+(?:tablets|meds|medication|pills|insulin|antidepressants)\b",
        ),
        unless=_SELF_HARM_IDIOMS.pattern
        + r"|\bdon'?t\s+(?:bother\s+)?(?:look|looking)\s+for\s+me\b[^.!?\n]{0,40}\b(?:pub|shop|work|gym|late|party|bar|library|at\s+the)\b"
        r"|\b(?:stop|stopped)\s+taking\s+my\s+\w+\s+(?:because|as|since|after)\s+(?:the\s+)?(?:doctor|gp|side\s+effects|consultant)",
        serious_overrides=False,
    ),
    # --- fourth round (2026-12-02): indirect phrasing the classifier missed on writers it had not seen --------
    # (writer-grouped out-of-fold misses on data/train*.jsonl; evaluation sets not read). Each line is a family of
    # phrasings, not one sentence: disclosures, minimising, the controlling partner's voice, farewells.
    Family(
        "physical",
        (
            r"\b(?:he|she|they|you)\s+(?:threw|throws|hurled|smashed)\s+(?:(?:a|the|my|his|her|one|another|something|things|stuff)\b[\w\s]{0,15}?\s*)?(?:at\s+me|across\s+the\s+room|at\s+my\s+head)\b",
            r"\b(?:he|she|they)\s+only\s+threw\s+(?:one|a\s+couple|two)(?:\s+(?:of\s+)?(?:things?|plates?|glass(?:es)?|cups?|mugs?))?\b",
            r"\b(?:knocked|pushed|shoved|threw)\s+me\s+(?:over|down|into\s+(?:the|a)\s+(?:wall|door|table|radiator|cupboard|fridge|counter|bath)|against|to\s+the\s+floor)\b",
            r"\b(?:held|pinned|holding|pinning)\s+me\s+down\b",
            r"\b(?:held|grabbed|squeezed)\s+my\s+(?:face|jaw|throat|neck|wrists?|arms?|hair)\b",
            r"\b(?:i|he|she|they)\s+(?:grabbed|pushed|shoved|hit|slapped|kicked|choked|strangled)\s+(?:you|me)\b(?!\s+(?:to|into)\b)(?!\s+(?:a|an|some|the)\s+(?:coffee|drink|tea|beer|snack|sandwich|seat|towel|plate|ticket|one))",
            r"\b(?:i|you)\s+(?:barely|only|just|never)\s+(?:pushed|touched|shoved|grabbed|hit|slapped)\s+(?:you|me)\b",
            r"\bdidn'?t\s+(?:push|hit|shove|grab|touch|slap)\s+(?:you|me)\b[^.!?\n]{0,40}\b(?:moved|tripped|fell|the\s+door|out\s+of\s+the\s+way|clumsy)",
            r"\bone\s+slap\b|\b(?:a|one)\s+(?:little\s+)?(?:slap|shove|push)\s+in\s+\w+\s+years\b",
            r"\bpunch(?:ed|es|ing)?\s+(?:the|a)\s+(?:wall|door|cupboard|window|mirror|table|fridge)\b",
            r"\bhole\s+in\s+the\s+(?:\w+\s+)?(?:door|wall)\b",
            r"\bmake-?up\s+that\s+covers\s+(?:most\s+of\s+)?(?:it|them|the\s+(?:bruises?|marks?))\b|\b(?:cover|covers|covering|hide|hides|hiding)\s+(?:up\s+)?the\s+(?:bruises?|marks?)\b",
            r"\bbruises?\s+(?:easy|easily)\b|\bi\s+bruise\s+easy\b",
            r"\bhad\s+a\s+bit\s+of\s+a\s+fall\b[^\n]{0,30}'fall'|\ba\s+'fall'",
            r"\bput\s+the\s+(?:knife|keys|bottle|glass|hammer|bat)\s+down\b",
            r"\b(?:tipped|kicked|pulled)\s+the\s+chair\b[^.!?\n]{0,30}\b(?:i\s+was|when\s+i|with\s+me)\b",
            r"\brough\s+me\s+up\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:in\s+(?:the\s+)?(?:game|match|training|class|practice|rugby|football|hockey|judo|karate|boxing)|sparring|tickl\w*|pillow|snowball|water\s+balloon|(?:foot)?ball|frisbee|previous\s+tenants?|landlord|not\s+like\s+i)\b",
    ),
    Family(
        "fear",
        (
            r"\b(?:(?:hands?|legs?|knees?|whole\s+body)\s+(?:shake|shook|shaking|trembles?|go(?:es)?\s+(?:shaky|weak|wobbly))|heart\s+(?:races|pounds|sinks|drops)|stomach\s+(?:drops|knots|turns))\s+when\s+i\s+(?:hear|see)\s+(?:his|her|their)\s+(?:car|key|keys|voice|footsteps|truck|van)\b",
            r"\btiptoe\w*\s+around\b[^.!?\n]{0,40}\b(?:he|she|they|his|her|him)\b",
            r"\b(?:feel|felt)\s+safer\s+when\s+(?:he|she|they)\s*(?:'s|is|are|'re|was|were)\s+(?:at\s+work|out|away|gone|not\s+(?:home|here|there)|asleep)\b",
            r"\bplan\s+my\s+(?:whole\s+)?(?:day|life|week|evenings?)\s+around\s+not\s+(?:upsetting|angering|annoying|setting\s+off)\b",
            r"\bbefore\s+(?:he|she|they)\s+notices?\s+i'?m\s+(?:out|gone|not\s+(?:home|there))\b",
            r"\b(?:can'?t|cannot)\s+(?:call|text|talk|message)\b[^.!?\n]{0,10}\b(?:he|she|they)\s*(?:'s|is|are|'re)\s+(?:home|back|here|awake)\b",
            r"\b(?:he|she|they)\s*(?:'s|is|are|'re)\s+back\.?\s+(?:can'?t|cannot)\s+(?:text|talk|call)\b",
            r"\bif\s+i\s+(?:don'?t|do\s+not)\s+(?:message|text|call|reply)\b[^.!?\n]{0,30}\b(?:call|ring|phone)\s+(?:someone|the\s+police|999|911|000|for\s+help)\b",
            r"\bif\s+anything\s+happens\s+to\s+me,?\s+it\s+was\s+(?:him|her|them)\b",
            r"\b(?:in\s+)?one\s+of\s+(?:his|her|their)\s+moods\b[^.!?\n]{0,50}\b(?:kids|quiet|upstairs|keeping|stay|out\s+of)\b",
            r"\bchair\s+under\s+the\s+(?:door\s*)?handle\b",
            r"\bsleep\w*\s+in\s+the\s+(?:spare\s+room|car|bathroom)\b[^.!?\n]{0,40}\b(?:lock|locked|when\s+(?:he|she|they)|drinking|drunk|safe|scared)",
            r"\bwhat\s+sets\s+(?:him|her|them)\s+off\b|\bi'?m\s+always\s+the\s+one\s+who\s+sets\s+(?:him|her|them)\s+off\b",
            r"\bplease\s+don'?t\s+be\s+like\s+last\s+time\b|\bdon'?t\s+forget\s+how\s+it\s+went\s+last\s+time\b",
            r"\b(?:sweet|nice|calm)\s+all\s+week\b[^.!?\n]{0,40}\bsomething'?s\s+coming\b",
            r"\bi\s+(?:stay|hide|keep\s+out\s+of\s+the\s+way)\s+(?:in\s+my\s+room|upstairs)\s+when\s+(?:he|she|they)\b",
            r"\bthe\s+(?:only\s+)?place\s+i\s+can\s+breathe\b",
            r"\b(?:please\s+)?(?:don'?t|do\s+not)\s+(?:share|give)\s+my\s+(?:new\s+)?(?:number|address)\s+(?:with|to)\b",
            r"\b(?:my\s+)?(?:new\s+)?address\s+(?:is\s+)?not\s+(?:be\s+)?disclosed\b",
            r"\b(?:from|at|in|staying\s+(?:at|in))\s+(?:the|a)\s+women'?s\s+(?:centre|center|refuge|shelter)\b",
            r"\bplease\s+do\s+not\s+release\s+(?:him|her|them)\s+to\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}",
    ),
    Family(
        "monitoring",
        (
            r"\b(?:snap\s*map|find\s+my\s+(?:friends|iphone|phone)?|life\s*360)\b[^.!?\n]{0,40}\b(?:all\s+night|hide|checking|so\s+(?:stop|don'?t)|always|every)\b",
            r"\b(?:i'?ve|i\s+have)\s+(?:turned\s+on|set\s+up|put)\s+(?:find\s+my|tracking|a\s+tracker|location\s+sharing)\s+on\s+your\b",
            r"\bi\s+can\s+see\s+(?:that\s+)?(?:you'?re|you\s+are|you\s+were|u\s+r|ur)\s+(?:at|in|online|not\s+at)\b",
            r"\bi\s+saw\s+(?:that\s+)?you\s+were\s+at\s+the\b[^.!?\n]{0,40}\bwhy\s+did\s+you\s+say\b",
            r"\bwhy\s+did\s+you\s+delete\b",
            r"\b(?:send|show)\s+me\s+a\s+video\s+of\s+the\s+room\b",
            r"\bscreenshot\s+(?:your|the)\s+(?:whole|entire|full)\s+(?:chat|conversation|thread)\b",
            r"\bsend\s+me\s+the\s+code\s+from\s+your\b|\b\d-digit\s+code\b[^\n]{0,40}\b(?:won'?t\s+say\s+why|now\b)",
            r"\bphoto\.\s+(?:right\s+)?now\b",
            r"\b(?:he|she|they)\s+(?:checks?|checked|goes\s+through|looks?\s+at)\s+(?:the\s+|my\s+)?bank\s+app\b|\b(?:checked|checks|checking)\s+my\s+bank\s+app\b",
            r"\b(?:looks?|checks?)\s+at\s+who'?s\s+(?:messaging|texting|calling)\b",
            r"\bphone\s+face\s+(?:up|down)\b[^.!?\n]{0,40}\b(?:hiding|have\s+to|apparently|means)\b",
            r"\b(?:turns?|turned|shows?|showed)\s+up\s+at\s+my\s+(?:office|work|job|gym|school)\b[^.!?\n]{0,30}\b(?:check|see\s+who|make\s+sure)\b",
            r"\b(?:rings?|calls?|rang|called)\s+the\s+(?:office|work)\s+(?:landline|phone)\s+to\s+check\b",
            r"\b(?:i'?m|i\s+am)\s+reading\s+your\s+(?:messages|texts|emails?|dms)\b",
            r"\b(?:likes?|wants?|needs?)\s+to\s+see\s+(?:that\s+)?i'?m\s+(?:actually|really)\s+(?:at|with|where)\b",
            r"\bfake-?tags?\s+me\b|\bso\s+(?:her|his|their)\s+mates\s+report\s+back\b",
            r"\bi'?ll\s+find\s+out\.\s+i\s+always\s+find\s+out\b",
            r"\b(?:correspondence|calls?|emails?|post|mail)\s+(?:to\s+my\s+\w+\s+)?(?:is|are)\s+(?:read|monitored|checked|opened)\b",
            r"\bi\s+(?:followed|follow)\s+you\s+to\b",
            r"\bwho'?s\s+the\s+(?:guy|man|woman|girl)\b[^\n]{0,60}\bzoom\s+in\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:we\s+(?:both|agreed)|each\s+other'?s|you\s+asked\s+me\s+to|for\s+the\s+(?:hike|trip|festival)|the\s+kids'?\s+(?:phone|tablet|ipad))\b",
    ),
    Family(
        "isolation",
        (
            r"\b(?:wasn'?t|was\s+not|am\s+not|i'?m\s+not|weren'?t)\s+allowed\s+(?:to\s+(?:go\s+to|come\s+to|attend|take\s+the|have\s+my\s+phone|drive|leave\s+the\s+house|work)|to\s+the\b|out\b)",
            r"\bcan'?t\s+tell\s+if\s+i'?m\s+allowed\b|\bafter\s+i'?ve\s+'asked'",
            r"\bonly\s+place\s+i'?m\s+allowed\b",
            r"\byou\s+will\s+not\s+be\s+(?:attending|going|seeing|visiting)\b",
            r"\b(?:cut\s+off|stop\s+seeing|drop)\s+[A-Z][a-z]+\b[^.!?\n]{0,30}\b(?:bad\s+for|protecting|toxic|influence)\b",
            r"\btell\s+(?:your|ur)\s+(?:friends|mates|family|mum|mom|sister)\s+you'?re\s+busy\b",
            r"\bwhy\s+did\s+you\s+need\s+to\s+go\s+(?:into\s+town|out|there)\b[^.!?\n]{0,40}\bwe\s+have\s+everything\b",
            r"\byou\s+don'?t\s+need\s+anyone\s+else\b|\bmoved\s+us\s+(?:out\s+)?(?:here|away)\b[^.!?\n]{0,30}\bjust\s+us\b",
            r"\b(?:my|your|our)\s+'curfew'\s+is\b",
            r"\bnext\s+time\s+you\s+ask\s+(?:me\s+)?first\b",
            r"\b(?:you'?re|you\s+are)\s+not\s+going\s+back\s+to\s+(?:college|uni|university|school|work|your\s+job)\b",
            r"\b(?:doesn'?t|does\s+not|don'?t)\s+like\s+(?:them|him|her|me)\s+being\s+out\b",
            r"\bi'?ve\s+(?:just\s+)?let\s+my\s+place\s+go\b|\b(?:lost|gave\s+up)\s+all\s+my\s+friends\b",
            r"\bevery\s+time\s+i\s+mention\s+(?:the\s+)?\w+\s+it\s+turns\s+into\s+a\s+(?:fight|row)\b",
            r"\bi'?d\s+sooner\s+see\s+you\s+with\s+no\s*one\b",
            r"\b(?:told|rang|called)\s+your\s+(?:boss|work|manager)\s+(?:that\s+)?you'?re\s+(?:sick|ill|not\s+coming)\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:doctor|physio|surgery|contagious|covid|fever|quarantine|diet|exam|revision|uniform|dress\s+code|age\s+limit|under\s+18|hospital\s+rules|visiting\s+hours|nda|(?:like|as)\s+you\s+asked)\b|\bso\s+(?:now\s+)?i'?m\s+not\s+allowed\b|\blike\s+i'?m\s+not\s+allowed\b",
    ),
    Family(
        "financial",
        (
            r"\bhand\s+over\s+(?:your|ur)\s+(?:wages|pay|salary|money|card|paycheck|paycheque)\b(?!\?)",
            r"\bon\s+an\s+allowance\b|\bpocket\s+money\?",
            r"\bevery\s+penny\s+you\s+(?:spent|spend|earn)\b",
            r"\bi\s+decide\s+(?:if|whether|what)\s+you\s+(?:get|buy|can\s+buy|spend)\b",
            r"\bi'?ll\s+hand\s+you\s+the\s+housekeeping\b|\bwhy\s+would\s+you\s+need\s+your\s+own\s+(?:card|account|money)\b",
            r"\bonly\s+(?:he|she|they)\s+(?:has|have)\s+the\s+(?:app|card|login|password)\b|\bi\s+get\s+told\s+the\s+balance\b",
            r"\byou\s+earn\s+nothing\b|\bmy\s+money,?\s+my\s+rules\b",
            r"\b(?:loan|debt|credit\s+card)s?\s+(?:taken\s+out\s+)?in\s+(?:my|your)\s+name\b[^.!?\n]{0,40}\b(?:didn'?t|did\s+not|never|without|afraid|relax|told\s+to)\b",
            r"\b(?:taking|take|took)\s+over\s+your\s+(?:mother'?s|mum'?s|father'?s|dad'?s|own)?\s*(?:pension|wages|savings|account|inheritance)\b",
            r"\bi'?m\s+not\s+paying\s+for\s+you\s+to\s+(?:meet|see|go|study)\b",
            r"\bapproves?\s+every\s+(?:purchase|payment|penny)\b",
            r"\byou\s+don'?t\s+need\s+a\s+job\b",
            r"\basking\s+(?:his|her|their)\s+permission\s+to\s+(?:buy|spend|get)\b",
            r"\bsign\s+the\s+(?:house|flat|car|business)\s+over\b",
            r"\b(?:your|ur)\s+visa\b[^.!?\n]{0,40}\b(?:only\s+i|worth\s+remembering|be\s+careful|talk\s+back|deport\w*)\b|\busing\s+your\s+visa\b",
        ),
        unless=rf"{_PLAYFUL}|\b(?:we\s+(?:both|agreed|decided)|joint\s+decision|i\s+asked\s+(?:you|him|her)\s+to|if\s+you\s+want|up\s+to\s+you|teenager|kids'?|for\s+the\s+kids|my\s+(?:son|daughter))\b",
    ),
    Family(
        "threat",
        (
            r"\bif\s+you\s+know\s+what'?s\s+good\s+for\s+you\b",
            r"\bbe\s+careful\s+how\s+you\s+(?:talk|speak)\s+to\s+me\b",
            r"\b(?:leave|walk\s+away|get\s+out)\s+in\s+one\s+piece\b",
            r"\b(?:track|hunt)\s+you\s+down\b",
            r"\bpeople\s+have\s+accidents\b",
            r"\bi\s+know\s+where\s+your\s+new\s+(?:place|flat|house|address|job)\b|\bi\s+know\s+your\s+(?:therapist'?s|lawyer'?s|solicitor'?s|mum'?s|sister'?s)\s+address\b",
            r"\bi\s+still\s+have\s+(?:those|the|your)\s+(?:pictures|photos|pics|videos)\b",
            r"\b(?:you'?ve|you\s+have)\s+got\s+a\s+lot\s+to\s+lose\b|\bthink\s+(?:very\s+)?carefully\s+about\s+your\s+next\s+move\b",
            r"\bwho\s+the\s+(?:court|police|judge)s?\s+(?:will|would)\s+believe\b",
            r"\bworth\s+remembering\s+when\s+you\b",
            r"\byou'?ll\s+be\s+the\s+one\s+answering\s+for\s+it\b",
            r"\bstart\s+looking\s+for\s+(?:another|a\s+new)\s+place\s+to\s+live\b",
            r"\bremember\s+(?:i'?ve|i\s+have)\s+got\s+the\s+(?:spare\s+)?key\b",
            r"\bwhen\s+you\s+get\s+the\s+(?:phone\s+)?call,?\s+remember\s+you\s+chose\s+this\b",
            r"\b(?:he'?ll|he\s+will|they'?ll|she'?ll)\s+send\s+my\s+brothers\b",
            r"\bturn\s+up\s+at\s+the\s+school\s+(?:gates?)?\b[^.!?\n]{0,30}\btake\s+(?:our|my|the)\s+(?:daughter|son|kids|children|baby)\b",
            r"\b(?:your|ur)\s+brakes\s+were\s+fine\b|\bdrive\s+carefully\s+🙂",
            r"\b(?:it'?d|it\s+would)\s+be\s+a\s+shame\s+if\s+your\b",
            r"(?<!dont )(?<!don't )\bkeep\s+your\s+mouth\s+shut\b",
            r"\bif\s+the\s+(?:social\s+worker|police|teacher|doctor)\s+asks\b[^.!?\n]{0,40}\b(?:fine|nothing|you\s+tell)\b",
            r"\bif\s+the\s+kids\s+tell\s+(?:their|the)\s+(?:teacher|school)\b",
            r"\bgoing\s+to\s+be\s+very\s+sorry\s+you\b|\byou'?re\s+going\s+to\s+be\s+very\s+sorry\b",
            r"\bit\s+better\s+have\s+been\b",
            r"\bnobody\s+else\s+will\s+ever\s+want\b[^.!?\n]{0,40}\b(?:think|careful|next\s+move|leave|leaving)\b",
            r"\byou'?re\s+not\s+leaving\b[^\n]{0,5}$",
            r"\binteresting\s+that\s+you\s+think\s+you\s+can\s+(?:just\s+)?leave\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b{_TRIVIAL}\b",
    ),
    Family(
        "sexual",
        (
            r"\bi\s+said\s+no\s+(?:three|two|four|several|many|a\s+few)\s+times\b",
            r"\bwent\s+along\s+with\s+it\s+because\s+i\s+was\s+(?:scared|afraid|frightened)\b|\bgoing\s+along\s+with\s+it\b",
            r"\bthe\s+least\s+you\s+could\s+do\s+is\s+(?:sleep\s+with|have\s+sex|fuck)\b",
            r"\b(?:my|your|her)\s+duty\s+as\s+(?:his|your|a)\s+wife\b",
            r"\byou\s+agreed\s+(?:last\s+\w+|before)\s+so\s+you\s+can'?t\s+say\s+no\b",
            r"\basking\s+every\s+night\s+isn'?t\s+asking\b",
            r"\b(?:kept|keep|keeps)\s+asking\s+(?:about|for)\s+sex\s+after\s+i'?d?\s+said\s+no\b",
            r"\bif\s+you\s+won'?t,?\s+(?:then\s+)?someone\s+else\s+will\b",
            r"\bjust\s+once\s+for\s+me\b[^\n]{0,5}$|\beveryone\s+does\s+it,?\s+just\s+once\b",
            r"\bno\s+turns\s+into\s+a\b",
            r"\bi\s+say\s+yes\s+(?:most\s+of\s+the\s+time\s+)?because\s+no\b",
            r"\bsorry\s+you\s+felt\s+pressured\b[^.!?\n]{0,10}\b(?:but|you\s+did\s+say\s+yes)\b",
            r"\bi'?ve\s+told\s+you\s+i\s+don'?t\s+want\s+to\s+film\s+it\b",
            r"\bi'?ll\s+do\s+whatever\s+(?:he|she|they)\s+wants?,?\s+it'?s\s+less\s+painful\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}",
    ),
    Family(
        "self_harm",
        (
            r"\b(?:keep|have)\s+(?:them|it|those)\b[^.!?\n]{0,20}[,.]\s*i\s+won'?t\s+(?:be\s+)?need(?:ing)?\s+(?:them|it|those)\b|\bi\s+won'?t\s+be\s+needing\s+(?:it|them)\b(?!\s+(?:today|tomorrow|tonight|this|for|until|till))",
            r"\b(?:who\s+should\s+get|gave|given|giving)\s+(?:the\s+|my\s+)?(?:dog|cat|pets?)\b[^.!?\n]{0,40}\b(?:easier|won'?t\s+need|fridge|for\s+good|this\s+way)\b|\bwho\s+should\s+get\s+the\s+(?:dog|cat)\b",
            r"\b(?:updated|written|wrote|changed|sorted)\s+my\s+will\b(?=[^\n]{0,60}\b(?:calm|peace|ready|goodbye|sorry|love\s+you)\b)",
            r"\b(?:the\s+)?password\s+to\s+everything\b[^.!?\n]{0,40}\b(?:so\s+you\s+have\s+it|no\s+reason|just\s+in\s+case)\b",
            r"\blook\s+after\s+[A-Z]?[a-z]+\s+for\s+me\b[^\n]{0,30}\b(?:generally|not\s+for\s+a\s+weekend|whatever\s+happens|for\s+good)\b|\blook\s+after\s+(?:mum|mom|dad|the\s+kids)\s+for\s+me,?\s+whatever\s+happens\b",
            r"\bwhen\s+i'?m\s+gone\b(?!\s+(?:this|that|so|for|on|away|at|to))|\bit'?ll\s+be\s+easier\s+for\s+(?:you|everyone)\s+soon\b",
            r"\bi'?ve\s+made\s+my\s+decision\s+and\s+i'?m\s+at\s+peace\b|\bat\s+peace\s+with\s+it\b[^.!?\n]{0,30}\b(?:don'?t\s+check|decision)\b",
            r"\bif\s+i\s+disappeared\b(?!\s+(?:for|to|into|under|off)\b)|\bi\s+want\s+to\s+disappear\b(?=\s*(?:[.!]|$))|\bdisappearing\s+and\s+i'?m\s+not\s+sure\s+i'?d\s+mind\b",
            r"\b(?:letting|let)\s+the\s+car\s+(?:drift|go)\s+off\s+the\s+road\b|\bdrive\s+(?:the\s+car\s+)?off\s+the\s+(?:road|bridge|cliff)\b",
            r"\b(?:the\s+)?(?:tablets|pills)\s+(?:you'?ve|i'?ve|you\s+have|i\s+have)\s+(?:saved|been\s+saving|stockpiled|kept)\b|\b(?:saving|stockpiling)\s+(?:up\s+)?(?:my\s+)?(?:tablets|pills|meds)\b",
            r"\btook\s+(?:a\s+few|some)\s+extra\s+(?:of\s+my\s+)?(?:meds|pills|tablets)\b",
            r"\bi\s+cut\.\s|\bi\s+cut\s+(?:again|myself)\b|\bthe\s+cuts\s+are\s+healing\b",
            r"\bi'?m\s+at\s+the\s+(?:cliffs?|bridge|edge)\b",
            r"\bi\s+had\s+a\s+plan\s+for\s+(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tonight|tomorrow|the\s+weekend)\b",
            r"\bwaste\s+of\s+(?:the\s+)?(?:air|oxygen)\b",
            r"\beverything\s+(?:just\s+)?feels\s+finished\b|\bwhat\s+is\s+the\s+(?:use|point)\s+of\s+getting\s+up\b",
            r"\bi'?ll\s+just\s+stop\s+being\s+a\s+problem\b",
            r"\bi\s+looked\s+up\s+how\s+(?:long|much|many)\b[^\n]{0,20}(?:never\s+mind|forget)",
            r"\bsleeping\s+in\s+the\s+car\s+with\s+the\s+engine\s+running\b",
            r"\bswitched\s+off\b[^.!?\n]{0,20}\bfor\s+good\b",
            r"\bi\s+can'?t\s+keep\s+being\s+me\b|\bbeing\s+around\s+at\s+all\b",
            r"\b(?:cleared|emptied)\s+my\s+desk\b[^.!?\n]{0,40}\b(?:it'?s\s+just\s+time|long\s+email|letter)\b",
            r"\bsorting\s+my\s+things\s+so\s+nobody\s+has\s+to\b",
            r"\b(?:left|leaving)\s+the\s+keys\s+with\b[^\n]{0,60}\bsorry\b",
        ),
        unless=_SELF_HARM_IDIOMS.pattern
        + rf"|{_FICTION}|\b(?:holiday|trip|move|moving\s+house|vacation|abroad|new\s+job|festival|camping)\b",
        serious_overrides=False,
    ),
    # second pass over the same misses: warnings deferred "till we're home", minimised injuries, receipts
    Family(
        "threat",
        (
            r"\bwe'?ll\s+(?:talk|finish|discuss|deal\s+with)\s+(?:about\s+)?(?:it|this|that|your\s+little\s+[\w\s]{1,15}?)\s+(?:properly\s+)?(?:at\s+home|when\s+(?:you\s+get|we(?:'re|\s+get))\s+(?:in|home|back)|later\s+when\s+it'?s\s+just\s+us)\b",
            r"\byou'?d\s+better\s+hope\s+i\s+calm\s+down\b",
            r"\bbe\s+very\s+careful\s+what\s+you\s+say\b",
            r"\b(?:you\s+needn'?t|don'?t\s+bother)\s+coming\s+(?:home|back)\b",
            r"\bi'?ll\s+out\s+you\b|\bi'?ll\s+tell\s+(?:them|everyone|your\s+\w+)\s+what\s+you\s+did\b",
            r"\b(?:police|court|judge|anyone)\s+(?:would|will)\s+believe\s+you\s+over\s+me\b",
            r"\bwon'?t\s+happen\s+again,?\s+will\s+it\b",
            r"\bdon'?t\s+test\s+it\b|\blike\s+my\s+dad\s+used\s+to\b[^.!?\n]{0,20}\btest\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b{_TRIVIAL}\b|\b(?:spoilers?|weather|traffic|the\s+road|ice|icy|slippery|hot|the\s+stairs\s+are)\b",
    ),
    Family(
        "physical",
        (
            r"\b(?:he|she|they)\s+only\s+(?:pinches|pinched|shoves|shoved|grabs|grabbed|slaps|slapped)\b",
            r"\bnot\s+like\s+proper\s+hitting\b|\bit\s+was\s+(?:just\s+|only\s+)?a\s+shove\b",
            r"\b(?:doesn'?t|didn'?t)\s+mean\s+to\s+hit\b",
            r"\bthe\s+(?:split\s+lip|black\s+eye|bruise)\b[^\n]{0,40}\b(?:netball|cupboard|door|the\s+cat|fell|walked\s+into|you\s+know\s+what\s+i'?m\s+saying|again)\b",
            r"\bangry\s+enough\s+to\s+(?:break|smash|throw|punch)\b",
            r"\bleft\s+me\s+at\s+(?:a|the)\s+(?:service\s+station|motorway|side\s+of\s+the\s+road|roadside)\b",
            r"\bstand\w*\s+in\s+the\s+doorway\b[^.!?\n]{0,40}\bcan'?t\s+leave\b",
            r"\bstands\s+really\s+close\s+and\s+doesn'?t\s+talk\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:in\s+(?:the\s+)?(?:game|match|training|class|practice)|sparring|tickl\w*|pillow)\b",
    ),
    Family(
        "monitoring",
        (
            r"\b(?:picture|photo|pic|selfie)\.\s+now\b",
            r"\bi\s+drove\s+past\s+your\s+(?:work|office|friend'?s|mum'?s|gym)\b[^\n]{0,60}\b(?:where\s+were\s+you|weren'?t\s+(?:there|at))\b",
            r"\bi\s+checked\s+the\s+(?:card|bank)\s+statement\b",
            r"\bthe\s+app'?s\s+very\s+accurate\b|\bthe\s+car\s+was\s+at\s+the\b[^.!?\n]{0,40}\bfor\s+(?:two|three|\d)\s+hours\b",
            r"\byour\s+phone\s+was\s+(?:in|on)\s+(?:airplane|aeroplane|flight)\s+mode\s+for\b",
            r"\bwhispering\s+on\s+the\s+phone\?\s+put\s+it\s+on\s+speaker\b",
            r"\bwatching\s+me\s+through\s+the\s+window\b|\bsat\s+in\s+the\s+car\s+park\s+the\s+whole\b",
            r"\btracking\s+your\s+(?:car|phone)\s+isn'?t\s+controlling\b",
            r"\bneed\s+to\s+know\s+where\s+you\s+are\s+every\s+(?:minute|second|hour)\b",
            r"\btable\s+by\s+the\s+window\s+was\s+it\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:we\s+agreed|you\s+asked\s+me\s+to)\b",
    ),
    Family(
        "financial",
        (
            r"\bi\s+want\s+the\s+receipts\b|\bwhere'?s\s+the\s+receipt\s+for\b[^.!?\n]{0,30}[.!?]\s*i'?m\s+not\s+asking\s+again\b",
            r"\bpayment\s+for\s+your\s+\w+\s+goes\s+to\s+me\b|\byou\s+don'?t\s+touch\s+it\b",
            r"\bi'?ll\s+stop\s+paying\s+the\s+(?:rent|bills|mortgage)\b",
            r"\bdon'?t\s+let\s+(?:her|him|them)\s+have\s+the\s+(?:wifi\s+password|car\s+keys|card|money|phone)\b",
            r"\b(?:the\s+)?savings\b[^.!?\n]{0,20}\bnot\s+your\s+concern\b",
            r"\brest\s+of\s+the\s+dowry\b",
        ),
        unless=rf"{_PLAYFUL}|\b(?:we\s+(?:both|agreed|decided)|teenager|kids'?|my\s+(?:son|daughter))\b",
    ),
    Family(
        "isolation",
        (
            r"\bquit\s+the\s+(?:gym|choir|team|club|class)\.\s+you\s+don'?t\s+need\s+it\b",
            r"\bforbidden\s+from\s+(?:going|seeing|visiting|leaving)\b",
            r"\bi'?ll\s+be\s+choosing\s+who\s+you\s+(?:talk|speak)\s+to\b",
            r"\b(?:husband|wife|partner|he|she)\s+prefers\s+i\s+don'?t\s+(?:attend|go|see)\b",
            r"\bi'?m\s+not\s+supposed\s+to\s+without\s+asking\b",
            r"\beasier\s+than\s+the\s+row\s+every\b",
            r"\bso\s+you\s+can'?t\s+meet\s+your\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}",
    ),
    Family(
        "sexual",
        (
            r"\byou\s+know\s+you\s+wanted\s+it\b|\bi\s+know\s+you\s+want\s+it\b",
            r"\bstop\s+saying\s+no\b",
            r"\bweren'?t\s+comfortable\s+with\s+it\s+but\s+you'?ll\s+get\s+used\s+to\s+it\b",
        ),
        unless=rf"{_PLAYFUL}|{_FICTION}|\b(?:cake|dessert|pizza|chocolate|the\s+last\s+slice|the\s+job|the\s+puppy|promotion)\b",
    ),
    Family(
        "self_harm",
        (
            r"\bmy\s+(?:brain|head|mind)\s+keeps\s+(?:saying|telling\s+me)\s+(?:it'?s\s+time\s*(?:[.!]|$)|to\s+end\s+it)",
            r"\bquiet,?\s+(?:properly\s+quiet,?\s+)?for\s+good\b",
            r"\bever\s+since\s+i\s+decided,?\s+i\s+feel\s+lighter\b",
            r"\bif\s+i'?m\s+not\s+(?:around|here)\s+tomorrow\b",
            r"\bi\s+can'?t\s+do\s+this\s+anymore\.\s+please\s+look\s+after\b",
            r"\btell\s+the\s+kids\s+i\s+love\s+them\.\s+i'?m\s+so\s+sorry\b",
            r"\bwouldn'?t\s+mind\s+if\s+the\s+plane\s+(?:just\s+)?(?:didn'?t\s+land|crashed)\b",
            r"\b(?:difficult|hard)\s+to\s+see\s+the\s+point\s+of\s+(?:continuing|going\s+on|living|carrying\s+on)\b",
            r"\bif\s+it\s+wasn'?t\s+for\s+the\s+kids\s+i'?d\s+(?:have\s+)?gone\s+already\b",
            r"\bif\s+you\s+go,?\s+there'?s\s+nothing\s+left\b",
            r"\bforever\s+tired\b",
            r"\bdone\s+fighting\s+it\b[^\n]{0,40}\ball\s+of\s+it\b",
            r"\bglad\s+you'?re\s+still\s+here\b",
            r"\b(?:staying|stay)\s+on\s+the\s+line\s+(?:till|until)\b",
        ),
        unless=_SELF_HARM_IDIOMS.pattern + rf"|{_FICTION}|\b(?:holiday|trip|festival|camping|party)\b",
        serious_overrides=False,
    ),
)

_CUES = _CUES + tuple(
    Cue(
        f.category,
        _rx("|".join(f"(?:{a})" for a in f.alternatives)),
        unless=_rx(f.unless) if f.unless else None,
        unless_before=_rx(f.unless_before) if f.unless_before else None,
        negatable=f.negatable,
        serious_overrides=f.serious_overrides,
    )
    for f in FAMILIES
)


# --- literal prefilter ---------------------------------------------------------------------------------------
# Most messages carry no safety cue at all, yet scanning every cue pattern costs far more than the rest of the
# rules. The engine's LiteralFilter (text.py) reads each cue's pattern once for literal strings of which every
# match must contain one ("threaten", "my phone", "hurt me"...); a cue none of whose strings occurs in the text
# cannot match, so it is skipped: the findings are identical by construction (bench/safety_speed.py and
# tests/safety check it on whole corpora too). The strings are looked up with whitespace runs as one space (what
# ``\s+`` matches), and small alternations are expanded ("(?:he|she)\s+checks" -> "he checks", "she checks"),
# which is what makes them selective enough here.
PREFILTER = True  # bench/safety_speed.py turns it off to time and compare the full scan
EXPAND = 16  # most alternative strings one stretch of a cue pattern may expand to


@cache  # built on first use, so importing the module stays cheap
def literal_filter() -> LiteralFilter:
    """The prefilter over ``_CUES`` (index i is cue i); give it ``spaced(fold(text))``."""
    return _build_filter(_cached_needs())


def _build_filter(needs: list[tuple[str, ...] | None] | None = None) -> LiteralFilter:
    return LiteralFilter([c.rx.pattern for c in _CUES], spaces=True, expand=EXPAND, needs=needs)


# Deriving the strings means parsing ~65 KB of cue patterns again (~0.15-0.3 s, more than the filter's own
# build), so they are kept in a generated module, used only if it was made from exactly these patterns.
KEYWORD_CACHE = Path(__file__).with_name("_safety_keywords.py")


def patterns_digest() -> str:
    """Identifies the cue patterns (and the filter's options) the keyword cache was derived from."""
    h = hashlib.sha256(f"spaces/{EXPAND}".encode())
    for c in _CUES:
        h.update(b"\0" + c.rx.pattern.encode() + str(c.rx.flags).encode())
    return h.hexdigest()


def _cached_needs() -> list[tuple[str, ...] | None] | None:
    """The cues' strings from the generated module, if it matches patterns_digest() (else None: derive them).
    Regenerate with ``.venv/bin/python bench/safety_speed.py --write-cache``."""
    try:
        from heartwork.engine import _safety_keywords as cache
    except ImportError:
        return None
    if getattr(cache, "DIGEST", None) != patterns_digest() or len(cache.KEYWORDS) != len(_CUES):
        return None
    return [None if k is None else tuple(k.split("\t")) for k in cache.KEYWORDS]


def _py_literal(keys: tuple[str, ...] | None) -> str:
    """A cue's strings as the Python literal ruff format would write (double quotes unless that adds escapes)."""
    if keys is None:
        return "None"
    text = "\t".join(keys)
    return repr(text) if text.count('"') > text.count("'") else json.dumps(text, ensure_ascii=False)


def write_keyword_cache(path: Path = KEYWORD_CACHE) -> None:
    lines = [
        '"""Generated by ``bench/safety_speed.py --write-cache`` from the cue patterns in safety.py: the literal',
        'strings every match of each cue contains (None: always scanned). Do not edit; a stale file is ignored."""',
        "",
        "# ruff: noqa: E501",
        f'DIGEST = "{patterns_digest()}"',
        "# one string per cue, its literals separated by tabs (whitespace inside a literal is always one space)",
        "KEYWORDS: tuple[str | None, ...] = (",
    ]
    lines += [f"    {_py_literal(k)}," for k in _build_filter().needs]
    lines.append(")")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- a finding the learned classifier produced: keep it (recall) unless the sentence is an explicit figure --
_FIGURATIVE_ONLY = _rx(
    r"\b(?:is|are|was|were|'s|'re)\s+killing\s+me\b|\bkilling\s+it\b|\bkilled\s+it\b|\bkill(?:ed)?\s+the\s+(?:lights?|engine|music|vibe|mood)|"
    r"\bdying\s+(?:of|from)\s+laughter|\bdied\s+laughing|\bi'?m\s+dead\s*(?:😂|🤣|💀|lol|lmao|haha)|\b(?:my\s+)?(?:feet|back|legs|head)\s+(?:are|is)\s+killing\s+me|"
    r"\bscared\s+of\s+(?:spiders|heights|the\s+dark|clowns|flying|needles)|\bafraid\s+of\s+(?:spiders|heights|the\s+dark|flying|needles)|"
    r"\bhair\s*cut\b|\bcut\s+(?:my|your|his|her)\s+hair\b|\bcut\s+(?:the\s+)?(?:grass|lawn|hedge|cake|costs?|back\s+on)\b"
)


# "if I don't sleep with her ..." is a condition, not a negation of what follows.
_IF_NOT = _rx(r"\bif\s+(?:i|you|we)\s+(?:don'?t|do\s+not|didn'?t|won'?t|can'?t)\s*$")


def _normalise(text: str) -> str:
    """Same length as text: curly quotes become straight ones so one pattern covers both spellings."""
    return text.translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"'})


@dataclass(frozen=True, slots=True)
class CueHit:
    category: str
    start: int
    end: int


def _sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Sentence starts and ends, from the engine's one sentence splitter."""
    sents = sentences(text)
    return [x.start for x in sents], [x.end for x in sents]


def _cancelled(cue: Cue, norm: str, m: re.Match[str], s0: int, s1: int) -> bool:
    sentence = norm[s0:s1]
    before = norm[s0 : m.start()]
    if cue.category != "self_harm" and _FICTION_RX.search(sentence):
        return True  # a line quoted from a show or book; no serious marker brings it back
    if cue.category != "self_harm" and _THIRD_PARTY.search(sentence) and not _WRITER_AT_RISK.search(sentence):
        return (
            True  # "my mate's bf checks her phone": someone else's relationship, told as concern (corpus: [])
        )
    cancelled = False
    if (
        cue.negatable
        and (_NEG_BEFORE.search(before) or _NEG_FEEL.search(before))
        and not _IF_NOT.search(before)
    ):
        cancelled = True
    if not cancelled and cue.unless_before is not None and cue.unless_before.search(before):
        cancelled = True
    if not cancelled and cue.unless_after is not None and cue.unless_after.match(norm, m.end(), s1):
        cancelled = True
    if not cancelled and cue.unless is not None and cue.unless.search(sentence):
        cancelled = True
    if cancelled and cue.serious_overrides and not cue.negatable and _SERIOUS.search(sentence):
        return False
    return cancelled


def find_cues(
    text: str, cancelled: list[CueHit] | None = None, *, prefilter: bool | None = None
) -> list[CueHit]:
    """Every safety cue in ``text`` that survives its guards, longest first where two overlap.
    ``cancelled`` (if given) collects the cues a guard ruled out (figurative, negated, benign).
    ``prefilter=False`` scans every cue (the same result, slower: kept for the equivalence check); None means
    the module setting ``PREFILTER``."""
    norm = _normalise(text)
    use = PREFILTER if prefilter is None else prefilter
    candidates = literal_filter().candidates(spaced(fold(norm))) if use else None
    bounds: tuple[list[int], list[int]] | None = None
    hits: list[CueHit] = []
    for index, cue in enumerate(_CUES):
        if candidates is not None and index not in candidates:
            continue  # none of the strings every match of this cue contains is in the text: it cannot match
        for m in cue.rx.finditer(norm):
            if m.end() <= m.start():
                continue
            if bounds is None:
                bounds = _sentence_bounds(norm)
            starts, ends = bounds
            i = bisect.bisect_right(starts, m.start()) - 1
            s0, s1 = (starts[i], max(ends[i], m.end())) if i >= 0 else (0, len(norm))
            # "you'll pay for this... with a foot massage 😜": an ellipsis trails into the next sentence, and a
            # question is often answered by a short next one ("You know what happens then? The alarm, lol."),
            # so the guards read both.
            # A "sentence" of only emoji or punctuation ("I will end you! 😂") belongs to the one before it.
            if i >= 0:
                j, tail = i, norm[s0:s1].rstrip()
                if j < len(starts) - 1 and (
                    tail.endswith(("...", "…")) or (tail.endswith("?") and ends[j + 1] - starts[j + 1] <= 40)
                ):
                    j += 1
                while j < len(starts) - 1 and not any(
                    ch.isalpha() for ch in norm[starts[j + 1] : ends[j + 1]]
                ):
                    j += 1
                s1 = max(s1, ends[j])
            # Guards read the sentence around the cue, but never more than GUARD_WINDOW characters either side,
            # so a message with no punctuation stays linear in its length.
            s0, s1 = max(s0, m.start() - GUARD_WINDOW), min(s1, m.end() + GUARD_WINDOW)
            if _cancelled(cue, norm, m, s0, s1):
                if cancelled is not None:
                    cancelled.append(CueHit(cue.category, m.start(), m.end()))
                continue
            start, end = m.start(), m.end()
            # trim surrounding spaces so evidence is just the words
            while start < end and norm[start].isspace():
                start += 1
            while end > start and norm[end - 1].isspace():
                end -= 1
            hits.append(CueHit(cue.category, start, end))
    return _non_overlapping(hits)


def _non_overlapping(hits: list[CueHit]) -> list[CueHit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[CueHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start and h.start == out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


def category_of(evidence: str) -> str:
    """Which category a piece of safety evidence belongs to ('other' if no cue recognises it)."""
    hits = find_cues(evidence)
    return hits[0].category if hits else "other"


def explanation(category: str, evidence: str) -> str:
    words = " ".join(evidence.split())
    if len(words) > 80:
        words = words[:77].rstrip() + "…"
    return EXPLANATIONS.get(category, EXPLANATIONS["other"]).format(evidence=words)


_KIND_MOVES = frozenset(COMPASSIONATE)
_REACTIVE = frozenset(REACTIVE)


# The model backstop stays quiet on a message about someone else's relationship ("my friend's partner reads her
# emails", the corpus convention labels these []) or one that states consent ("I asked him to", "only if you
# want to"): the classifier's n-grams cannot tell these from a disclosure. A cue still fires on real danger.
_THIRD_PARTY = _rx(
    r"\b(?:my|our|a|her|his|their)\s+(?:best\s+)?(?:friend|mate|sister|brother|cousin|colleague|co-?worker|"
    r"neighbou?r|flatmate|roommate|housemate|aunt|uncle|son|daughter|niece|nephew|client|patient|student|boss)(?:'s|s')\s+"
    r"(?:partner|husband|wife|boyfriend|girlfriend|ex|fianc\w*|spouse|bf|gf)\b|"
    r"\b(?:a|my|our)\s+(?:friend|colleague|co-?worker|mate|neighbou?r|cousin|sister|brother)\s+(?:told|tells|says|said)\s+"
    r"(?:me\s+)?(?:that\s+)?(?:her|his|their)\s+(?:partner|husband|wife|boyfriend|girlfriend|ex)\b|"
    r"(?:^|[.!?]\s+)[A-Z][a-z]+'s\s+(?:partner|husband|wife|boyfriend|girlfriend|ex)\b|\bour\s+neighbou?r'?s?\b"
)
# ...unless the writer (or their children) is in the same sentence: "my sister's husband threatened me".
_WRITER_AT_RISK = _rx(r"\b(?:me|myself|us|my\s+(?:kids|children|son|daughter|baby|family))\b")
_CONSENT = _rx(
    r"\b(?:i\s+asked\s+(?:him|her|them|you)\s+to|only\s+if\s+you\s+want|we\s+(?:both\s+)?agreed|i\s+don'?t\s+mind|"
    r"totally\s+fine|up\s+to\s+you|i\s+trust\s+you|you'?re\s+welcome\s+to)\b"
)


# ...or one about the partner's *own* screen ("you keep checking your phone while I'm talking"): the model reads
# "keep checking" + "phone" as monitoring, which is about the writer's device, messages or whereabouts.
_OWN_DEVICE = _rx(
    r"\b(?:check(?:s|ing|ed)?|look(?:s|ing)?\s+at|glanc(?:e|es|ing)\s+at|glued\s+to|on|scroll(?:s|ing)?(?:\s+through)?|"
    r"star(?:e|es|ing)\s+at|pick(?:s|ing)?\s+up)\s+(?:your|his|her)\s+(?:own\s+)?(?:phone|screen|emails?|messages|"
    r"texts|feed|socials|instagram|tiktok|work\s+phone|laptop)\b"
)
# ...but putting something on the partner's phone, or blocking people on it, is control, not their own screen
# time ("I've blocked your sister on your phone"): 9 training disclosures were silenced by the "on your phone"
# above and no training negative reads like this.
_CONTROL_ON_DEVICE = _rx(
    r"\b(?:blocked|muted|unfriended|deleted|installed|put\s+an?\s+(?:app|tracker)|passwords?|contract|"
    r"messages?\s+from)\b[^.!?]{0,40}\bon\s+(?:your|his|her)\s+(?:phone|laptop)\b"
)
_WRITER_DEVICE = _rx(
    r"\bmy\s+(?:phone|screen|messages|texts|emails?|location|whereabouts|accounts?|bank|passwords?|car|"
    r"laptop|socials|dms)\b|\bmine\b|\bwhere\s+i\s+(?:am|was|go)\b|\bwho\s+i\s+(?:text|talk|message|call|see)"
)


def _backstop_quiet(text: str) -> bool:
    norm = _normalise(text)
    own_device = (
        bool(_OWN_DEVICE.search(norm))
        and not _WRITER_DEVICE.search(norm)
        and not _CONTROL_ON_DEVICE.search(norm)
    )
    return bool(
        _FIGURATIVE_ONLY.search(norm) or _THIRD_PARTY.search(norm) or _CONSENT.search(norm) or own_device
    )


def _reads_kind(doc: Doc) -> bool:
    """The model-only backstop needs GATED_CUT on a message read as purely kind (a need statement, thanks...):
    its n-gram features mistook requests like "Would you be willing to check with me first?" for monitoring.
    A kind message that names real danger still carries a safety cue, which the rules catch."""
    labels = {f.label for f in doc.findings}
    return bool(labels & _KIND_MOVES) and not labels & _REACTIVE


class SafetyDetector:
    name = "safety"
    order = 30
    needs = ("findings",)
    assigns = ("safety", "findings")
    critical = True
    defer_second_reading = False  # set in batch helper processes: mark the message (doc.reread) instead

    def __init__(self, reader: Callable[[list[str]], np.ndarray] = read, second_reading: bool = True) -> None:
        self._reader = reader  # the shipped reader file (safety_reader.read); tests pass their own
        self._second_reading = second_reading  # off: the static score against its cut-off (train.py's folds)

    def run(self, docs: list[Doc]) -> None:
        backstop: list[tuple[Doc, float]] = []
        unsure: list[Doc] = []
        for doc in docs:
            text = doc.text
            taken: list[tuple[int, int]] = []
            ruled_out: list[CueHit] = []
            hits = find_cues(text, ruled_out)
            p = doc.probs.get("safety_risk", 0.0)
            cut = doc.safety_threshold
            if p >= min(GATE, cut) and not hits and not ruled_out:
                # a frame guard or a kind reading leaves the model only its near-certain calls (GATED_CUT);
                # checked here, off the common path
                if p >= GATED_CUT:
                    backstop.append((doc, p))
                elif not _backstop_quiet(text) and not _reads_kind(doc):
                    if p >= (SURE if self._second_reading else cut):
                        backstop.append((doc, p))
                    elif self._second_reading:
                        unsure.append(doc)  # the reader decides, either way
            for hit in hits:
                evidence = text[hit.start : hit.end]
                f = Finding(
                    "safety_risk",
                    Span(hit.start, hit.end),
                    CUE_SCORE,
                    evidence,
                    explanation(hit.category, evidence),
                    "safety",
                )
                doc.safety.append(f)
                doc.findings.append(f)
                taken.append((hit.start, hit.end))
            # A safety_risk another detector (the classifier, a plugin) put into findings also counts as a safety
            # finding, so Analysis.safety and Analysis.patterns never disagree; unless it sits on a clear figure of
            # speech and no cue of ours fired.
            for f in list(doc.findings):
                if f.label != "safety_risk" or f.source == "safety" or f in doc.safety:
                    continue
                overlaps = any(a < f.span.end and f.span.start < b for a, b in taken)
                if not taken and _FIGURATIVE_ONLY.search(_normalise(text[f.span.start : f.span.end] or text)):
                    doc.findings.remove(f)
                    doc.notes.append(
                        "The classifier's safety_risk suggestion was set aside: the words read as a figure of speech."
                    )
                    continue
                if overlaps:  # our exact-phrase finding already covers these words
                    doc.findings.remove(f)
                    continue
                doc.safety.append(f)
                taken.append((f.span.start, f.span.end))
        # the contextual second reading (safety_reader.py), only for the few messages the static score cannot settle
        if unsure and self.defer_second_reading:
            for d in unsure:
                d.reread = True
        elif unsure:
            static = [d.probs["safety_risk"] for d in unsure]
            scores = second_reading([d.text for d in unsure], static, self._reader)
            backstop += [(d, float(q)) for d, q in zip(unsure, scores, strict=True) if q >= READER_CUT]
        if backstop:
            self._flag_from_model(backstop)

    def _flag_from_model(self, flagged: list[tuple[Doc, float]]) -> None:
        """Flag messages the model judged risky with no cue (each with the score that decided): the span is
        the sentence the classifier rates highest."""
        from heartwork.engine.pipeline import get_pipeline

        earlier = [d for d in get_pipeline().detectors if d.order < self.order]
        docs = [doc for doc, _ in flagged]
        # Score every sentence of every multi-sentence message in one batch (not one pipeline run per message).
        per_doc = [[s for s in sentences(doc.text) if s.text.strip()] for doc in docs]
        subs = [Doc(s.text) for sents in per_doc if len(sents) > 1 for s in sents]
        try:
            for d in earlier:
                d.run(subs)
        except Exception:  # the backstop must not fail the analysis; fall back to whole texts
            subs = []
        offset = 0
        for (doc, prob), sents in zip(flagged, per_doc, strict=True):
            start, end = 0, len(doc.text)
            if len(sents) > 1 and subs:
                mine = subs[offset : offset + len(sents)]
                offset += len(sents)
                best = max(range(len(sents)), key=lambda i: mine[i].probs.get("safety_risk", 0.0))
                start, end = sents[best].start, sents[best].end
            while start < end and doc.text[start].isspace():
                start += 1
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            evidence = doc.text[start:end]
            f = Finding(
                "safety_risk",
                Span(start, end),
                min(prob, CLASSIFIER_SCORE_CAP),
                evidence,
                explanation("model", evidence),
                "safety",
            )
            doc.safety.append(f)
            doc.findings.append(f)
