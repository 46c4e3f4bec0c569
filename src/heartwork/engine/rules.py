"""Phrase detectors with exact spans, and vetoes that rule a label out.

Rules give precision and exact spans on clear phrasing; the classifier adds recall on phrasing no rule
foresaw. A veto says "this looks like X but is not" (an affectionate "you always", a complaint about the
boss, a quoted insult) and stops the classifier from adding X for that message.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from heartwork.engine.pipeline import Doc
from heartwork.engine.text import LiteralFilter, Sentence, fold, inside, quoted_ranges, sentences
from heartwork.model import Finding, Span
from heartwork.taxonomy import explain

# A rule's score is its measured precision on the training corpus (models/rule_trust.json, written by
# train.py: correct / (hits + 1), shrunk toward caution for rarely seen rules). A rule never seen in training
# gets UNSEEN_SCORE, so only the classifier can confirm it.
UNSEEN_SCORE = 0.5
TRUST_FILE = Path(__file__).resolve().parent.parent / "models" / "rule_trust.json"


@dataclass(frozen=True, slots=True)
class Rule:
    """A phrase detector. ``key`` (label + pattern digest) is how rule_trust.json refers to it."""

    label: str
    rx: re.Pattern[str]
    unless: re.Pattern[str] | None = None  # the rule does not fire in a sentence where this matches

    @property
    def key(self) -> str:
        return f"{self.label}:{hashlib.sha1(self.rx.pattern.encode()).hexdigest()[:10]}"


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


# Words that make a "you always/never ..." sentence fond rather than critical.
_FOND = (
    r"(?:laugh|smile|crack me up|make me happy|feel (?:better|safe|loved|special)|know (?:just )?(?:what|how)|"
    r"the first|best|love|sweet|kind|beautiful|amazing|cute|funny|thoughtful|manage to|help|there for me|proud|"
    r"know|smell|look|nice|good|great|lovely|gorgeous|perfect|cuddle|hug|have to (?:explain|apologi[sz]e)|"
    r"been (?:too much|a burden)|❤|😍|🥰)"
)
# Owning, reassuring or logistical context: a "defensive" phrase inside it is not a defence against the partner.
_OWNING = (
    r"\byou'?re right\b|\bi get it\b|\bthat'?s on me\b|\b(?<!not )my (?:fault|bad|mistake)\b|\bdon'?t worry\b|"
    r"\byou(?:'re| are) not (?:a |too )|\bnot a bad\b|\bi'?ll (?:ring|call|text) you\b"
)
# Self-deprecation about a skill or a small thing ("I'm hopeless at names") is not global self-judgement.
_SKILL = (
    r"\b(?:bad|hopeless|useless|rubbish|terrible|awful|the worst|pathetic) at\b|"
    r"\bworst \w+ (?:driver|parker|cook|singer|speller|dancer)\b|\bit'?s a gift\b"
)
# Markers that a line is playful (shared jokes between partners).
_PLAYFUL = r"(?:\b(?:haha+|hehe+|lol|lmao|jk|just kidding|kidding|teasing)\b|😂|🤣|😜|😘|😝|;\)|:p\b|xx\b)"
# Another person is the subject: "my boss is so selfish" is not about the partner.
_THIRD = (
    r"\b(?:my|his|her|their|our|the) (?:boss|manager|mom|mum|mother|dad|father|sister|brother|ex|friend|"
    r"colleague|coworker|co-worker|neighbou?r|landlord|teacher|kids?|son|daughter|cousin|aunt|uncle|in-laws?)\b"
)

_RULES: tuple[Rule, ...] = (
    # --- criticism: globalising or character attacks on the partner -------------------------------------
    Rule(
        "criticism",
        _rx(r"\byou (?:always|never|constantly|keep)\b(?: \w+){0,6}"),
        unless=_rx(_FOND + "|" + _PLAYFUL),
    ),
    Rule(
        "criticism",
        _rx(
            r"\byou(?:'re| are) (?:so |such an? |really |just |always |completely |totally )*"
            r"(?:selfish|lazy|useless|careless|inconsiderate|thoughtless|cold|heartless|irresponsible|"
            r"immature|unreliable|self-centered|self-centred|controlling|impossible|clueless|hopeless|"
            r"a (?:terrible|horrible|awful|bad) (?:partner|husband|wife|boyfriend|girlfriend|father|mother))\b"
        ),
        unless=_rx(_PLAYFUL),
    ),
    Rule("criticism", _rx(r"\bwhat(?:'s| is) wrong with you\b")),
    Rule("criticism", _rx(r"\byou don'?t (?:care|love me|even care|give a)\b")),
    Rule("criticism", _rx(r"\b(?:typical|classic) you\b|\bthat'?s (?:so )?typical of you\b")),
    Rule("criticism", _rx(r"\byou only (?:ever )?(?:think|care) about yourself\b")),
    Rule("criticism", _rx(r"\bwhy (?:can'?t|do) you (?:ever|never|always)\b(?: \w+){0,5}")),
    # --- contempt: mockery, insults, disgust, superiority --------------------------------------------------
    Rule(
        "contempt",
        _rx(
            r"\b(?:you(?:'re| are)|you) (?:so |such an? |a |an |just |pathetic )*"
            r"(?:pathetic|idiot|moron|stupid|loser|joke|disgusting|worthless|dumb|a child|a baby|"
            r"embarrassing|ridiculous|psycho|crazy|bitch|bastard|dick|prick)\b"
        ),
        unless=_rx(r"\b(?:not|n't)\b.{0,12}$|" + _PLAYFUL),
    ),
    Rule("contempt", _rx(r"\bwhat are you,? (?:five|5|a child|twelve|12|ten|10)\b"), unless=_rx(_PLAYFUL)),
    Rule(
        "contempt",
        _rx(r"\b(?:oh,? )?(?:great|nice|good|brilliant) (?:job|work|one),? (?:genius|einstein|sherlock)\b"),
    ),
    Rule("contempt", _rx(r"\b(?:genius|einstein|sherlock)\b"), unless=_rx(_PLAYFUL)),
    Rule("contempt", _rx(r"\b(?:you )?disgust(?:s|ing)? me\b|\bmakes me sick\b|\bpathetic\b")),
    Rule("contempt", _rx(r"\b(?:eye ?roll|\*rolls eyes\*|🙄)")),
    Rule("contempt", _rx(r"\bshut up\b|\bgrow up\b|\bget a grip\b"), unless=_rx(_PLAYFUL)),
    Rule("contempt", _rx(r"\bcongratulations?,? you\b|\bwell done,? you\b")),
    Rule(
        "contempt",
        _rx(
            r"\b(?:want|need|deserve|expect) a (?:medal|cookie|trophy|gold star|parade|round of applause)\b|\bthrow you a parade\b"
        ),
    ),
    Rule(
        "contempt",
        _rx(
            r"\bcry me a river\b|\bboo-? ?hoo\b|\bpoor (?:little )?(?:baby|you|thing|princess)\b|\bmust be nice\b"
        ),
    ),
    Rule(
        "contempt",
        _rx(
            r"\b(?:as if|like) any(?:one|body) (?:else )?(?:would|could) (?:want|love|put up with) you\b|\bwho (?:would|could) (?:ever )?(?:want|love) you\b"
        ),
    ),
    Rule(
        "contempt",
        _rx(
            r"\b(?:spoil(?:ed|t) brat|drama queen|crybaby|cry-baby|princess|clown|slob|pig|manchild|man-child)\b"
        ),
        unless=_rx(_PLAYFUL + r"|\bi'?m (?:such )?a\b"),
    ),
    Rule(
        "contempt",
        _rx(
            r"\byou(?:'re| are) (?:honestly |actually |literally |just )?(?:embarrassing|unbelievable|a joke|an embarrassment|laughable)\b"
        ),
        unless=_rx(_PLAYFUL),
    ),
    Rule(
        "contempt",
        _rx(r"\b(?:mother|father|husband|wife|partner|boyfriend|girlfriend|employee) of the year\b"),
    ),
    Rule("contempt", _rx(r"\b(?:are|r) you (?:thick|stupid|dumb|deaf|blind|brain-?dead|kidding me)\b")),
    Rule(
        "contempt",
        _rx(r"\b(?:oh|yeah),? (?:sure|right|of course),? (?:because|cause|coz|'cause) you(?:'re| are)?\b"),
    ),
    Rule("contempt", _rx(r"\boh,? i'?m (?:SO|sooo+) sorry\b|\bheaven forbid\b|\bhow dare i\b")),
    # --- defensiveness -------------------------------------------------------------------------------------
    Rule("defensiveness", _rx(r"^\s*(?:that'?s|that is) (?:not true|a lie|not what happened|not fair)\b")),
    Rule(
        "defensiveness",
        _rx(r"\b(?:well,? )?you (?:never|don'?t) (?:help|do|listen|call)\b(?: \w+){0,3} either\b"),
    ),
    Rule("defensiveness", _rx(r"\bwhat (?:else )?(?:do|did) you want (?:from )?me\b")),
    Rule("defensiveness", _rx(r"\b(?:it'?s|it is|that'?s) not my fault\b|\bdon'?t blame (?:this on )?me\b")),
    Rule("defensiveness", _rx(r"\bi was (?:busy|working|tired|just)\b")),
    Rule(
        "defensiveness",
        _rx(r"\byou(?:'re| are) one to talk\b|\blook who'?s talking\b|\bwhat about (?:you|when you)\b"),
    ),
    Rule("defensiveness", _rx(r"\bi did(?:n'?t)? (?:too|so)\b|\bi did (?:call|text|tell|say|do)\b")),
    Rule("defensiveness", _rx(r"\bat least i\b|\bi'?m (?:the one|not the one) who\b|\bi do everything\b")),
    Rule(
        "defensiveness",
        _rx(
            r"\bthat'?s not (?:what happened|how it happened|true|fair)\b|\bi was only\b|\bit'?s hardly\b|\bhow (?:was|am) i supposed to know\b"
        ),
    ),
    Rule(
        "defensiveness",
        _rx(
            r"\bi'?m not (?:the one|the (?!only)\w+ (?:here|one))\b|\byou'?re the one who\b|\bso (?:now )?i'?m the (?:villain|bad guy|problem|monster)\b"
        ),
    ),
    Rule(
        "defensiveness",
        _rx(
            r"\b(?:it|that) was (?:just|only) (?:a joke|coffee|a drink|lunch|a game|one|a text)\b|\bi can'?t help (?:it|the|that)\b"
        ),
    ),
    Rule(
        "defensiveness",
        _rx(r"\bi'?m not (?:controlling|jealous|ignoring you|lazy|nagging|shouting|yelling|angry|being)\b"),
    ),
    Rule(
        "defensiveness",
        _rx(
            r"^\s*me\??,? (?:on my phone|\w+ing)\?|\bnothing i do (?:counts|is (?:ever )?good enough)\b|\bi'?ve told you (?:a (?:hundred|thousand|million)|\d+) times\b"
        ),
    ),
    Rule(
        "defensiveness",
        _rx(
            r"\byou never (?:said|told me|asked)\b|\bi didn'?t know\b(?! (?:how much|that it))|\bdon'?t start on\b|\bit'?s not (?:a )?personal\b"
        ),
    ),
    # --- stonewalling --------------------------------------------------------------------------------------
    Rule(
        "stonewalling",
        _rx(r"^\s*whatever\.?\s*$|\bwhatever\b(?=\W*$)"),
        unless=_rx(r"whatever you (?:want|like|need|think)"),
    ),
    Rule(
        "stonewalling",
        _rx(r"\bi'?m (?:done|finished) (?:talking|with this|discussing)\b|\bi'?m done\b(?=\W*$)"),
    ),
    Rule(
        "stonewalling",
        _rx(
            r"\bleave me alone\b|\bi don'?t want to talk(?: about it)?\b|\bforget it\b|\bnot talking about this\b"
        ),
        unless=_rx(
            r"\b(?:later|tomorrow|tonight|in (?:an|a|\d+|twenty|ten|half an) \w+|after|when i'?ve|once i)\b"
        ),
    ),
    Rule("stonewalling", _rx(r"\b(?:this conversation is|we'?re) over\b|\bnothing to (?:say|talk about)\b")),
    Rule("stonewalling", _rx(r"^\s*(?:k|kk)\.?\s*$")),
    Rule(
        "stonewalling",
        _rx(
            r"\bi'?m (?:hanging up|out(?: of here)?|going to bed|leaving)\b(?=\W*$)|\b(?:done|finished) with (?:this|you|it)\b"
        ),
        unless=_rx(r"\b(?:back|later|tomorrow|tonight|talk|when)\b"),
    ),
    Rule(
        "stonewalling",
        _rx(
            r"\bnot (?:doing|having) this(?! on purpose| to (?:you|hurt))(?: again| conversation| now| tonight)?\b|\bnot saying another word\b|\bnot wasting my (?:time|breath)\b|\bend of (?:discussion|story)\b"
        ),
    ),
    Rule(
        "stonewalling",
        _rx(
            r"\bi can'?t be bothered\b|\bdon'?t have the energy for (?:you|this)\b|\bblock(?:ing|ed) you\b|\bleaves? (?:you )?on read\b|\bsilent treatment\b|\btalk to the hand\b"
        ),
    ),
    Rule(
        "stonewalling",
        _rx(
            r"\b(?:bye|goodbye) then\b|\bthink what(?:ever)? you (?:like|want)\b|\byou do you\b|\bwhatever you say\b(?=\W*$)"
        ),
    ),
    # --- invalidation --------------------------------------------------------------------------------------
    Rule(
        "invalidation",
        _rx(
            r"\byou(?:'re| are) (?:over-?reacting|being (?:dramatic|ridiculous|hysterical|too sensitive|paranoid|crazy)|"
            r"too sensitive|so sensitive|imagining (?:it|things)|making (?:this|it) (?:up|a big deal)|exaggerating)\b"
        ),
    ),
    Rule(
        "invalidation",
        _rx(
            r"\b(?:it'?s|it is|that'?s|this is) (?:not (?:a |that )?big (?:deal)?|no big deal|not a big deal|nothing)\b"
        ),
        unless=_rx(r"\b(?:i|i'm|i am|my)\b.{0,25}(?:sorry|fault|mistake)|\bmine\b"),
    ),
    Rule(
        "invalidation",
        _rx(
            r"\b(?:calm down|relax|get over it|stop (?:being so )?(?:dramatic|crying|whining|complaining)|"
            r"stop milking it|you'?ll get over it)\b"
        ),
    ),
    Rule(
        "invalidation",
        _rx(r"\bthat never happened\b|\byou(?:'re| are) (?:remembering it wrong|making things up)\b"),
    ),
    Rule(
        "invalidation",
        _rx(
            r"\byou (?:shouldn'?t|have no (?:reason|right) to) (?:feel|be) (?:that way|upset|hurt|angry|sad|jealous)\b"
        ),
    ),
    # --- self_criticism ------------------------------------------------------------------------------------
    Rule(
        "self_criticism",
        _rx(r"\bi (?:always|ruin|mess up|screw up|wreck)\b(?: \w+){0,2} (?:everything|it all|things)\b"),
    ),
    Rule(
        "self_criticism",
        _rx(
            r"\bi'?m (?:such an? |so |a |an |just |the )*(?:terrible|horrible|awful|useless|worthless|stupid|idiot|failure|"
            r"mess|disaster|bad) ?(?:partner|person|wife|husband|girlfriend|boyfriend|mother|father)?\b"
        ),
        unless=_rx(_PLAYFUL + r"|\bnot\b"),
    ),
    Rule(
        "self_criticism",
        _rx(
            r"\b(?:something is|there'?s something) wrong with me\b|\bi hate myself\b|\bi can'?t do anything right\b"
        ),
    ),
    Rule(
        "self_criticism",
        _rx(r"\bi don'?t deserve (?:you|love|anyone|this)\b|\bno wonder (?:nobody|no one)\b"),
    ),
    Rule(
        "self_criticism",
        _rx(
            r"\bi'?m (?:so |such an? |just |a )*(?:exhausting|hopeless|pathetic|coward|burden|too much|annoying|unlovable|broken|disappointment)\b"
        ),
        unless=_rx(_PLAYFUL),
    ),
    Rule(
        "self_criticism",
        _rx(
            r"\b(?:of course|typical) i (?:screwed|messed|ruined|forgot|broke)\b|\bthat'?s what i do\b|\beverything i touch\b|\bsorry for (?:existing|being (?:born|alive|me))\b"
        ),
    ),
    Rule(
        "self_criticism",
        _rx(
            r"\bwhy would any(?:one|body) (?:want|love|stay with)\b|\bif i (?:were|was) a better\b|\bsomething (?:is )?(?:fundamentally |seriously )?wrong with me\b|\bi'?m not good enough\b"
        ),
    ),
    # --- placating -----------------------------------------------------------------------------------------
    Rule(
        "placating",
        _rx(r"\b(?:it'?s )?fine,? whatever you (?:want|say|think)\b|\bwhatever you (?:want|say)\b"),
    ),
    Rule("placating", _rx(r"\bmy (?:feelings|needs|opinion) (?:don'?t|doesn'?t) matter\b")),
    Rule(
        "placating",
        _rx(
            r"\bi'?ll do anything\b|\bjust don'?t be (?:mad|angry|upset)\b|\bplease don'?t be (?:mad|angry)\b"
        ),
    ),
    Rule(
        "placating",
        _rx(r"\byou'?re right,? (?:i'?m|it'?s) (?:always )?(?:wrong|my fault)\b|\bit'?s all my fault\b"),
    ),
    Rule("placating", _rx(r"\bi don'?t (?:mind|care),? (?:really|honestly)?,? (?:it'?s|whatever)\b")),
    # --- non_apology ---------------------------------------------------------------------------------------
    Rule("non_apology", _rx(r"\bsorry (?:if|that) you(?:'re| are| feel| felt| think| got)\b[^.!?]{0,40}")),
    Rule("non_apology", _rx(r"\bsorry,? but\b|\bi'?m sorry,? but\b")),
    Rule("non_apology", _rx(r"\bmistakes were made\b|\bsorry you (?:feel|think|took it)\b")),
    Rule(
        "non_apology",
        _rx(
            r"\b(?:ok(?:ay)?|fine),? (?:i'?m )?sorry,? (?:happy now|are you happy|jeez|god)\b|\bsorry i exist\b"
        ),
    ),
    Rule("non_apology", _rx(r"\bi (?:apologi[sz]e|'?m sorry) for (?:whatever|anything) i\b")),
    # --- validation ----------------------------------------------------------------------------------------
    Rule(
        "validation",
        _rx(r"\bi (?:can )?(?:see|hear|understand|get) (?:how|why|that) (?:you|that|this|it)\b[^.!?]{0,40}"),
    ),
    Rule("validation", _rx(r"\b(?:that|it) makes (?:total |complete |so much |a lot of )?sense\b")),
    Rule(
        "validation",
        _rx(
            r"\byou have every right to (?:feel|be)\b|\bof course you(?:'re| are| feel)\b|\bno wonder you(?:'re| feel)\b"
        ),
    ),
    Rule(
        "validation",
        _rx(
            r"\b(?:your feelings|that feeling|how you feel) (?:is|are) (?:valid|real|understandable)\b|\bthat sounds (?:really )?(?:hard|painful|awful|frustrating|scary|lonely)\b"
        ),
    ),
    # --- accountability ------------------------------------------------------------------------------------
    Rule(
        "accountability",
        _rx(r"\bi'?m (?:so |really |truly )?sorry (?:i|that i|for)\b(?! (?:whatever|anything))[^.!?,]{0,50}"),
        unless=_rx(r"\bsorry (?:if|that) you\b|\bbut\b"),
    ),
    Rule(
        "accountability",
        _rx(
            r"\b(?:that|it) was my (?:mistake|fault|bad)\b|\bi (?:messed|screwed) (?:up|that up)\b|\bmy bad\b"
        ),
    ),
    Rule(
        "accountability",
        _rx(r"\byou(?:'re| are) right(?:,| that) i\b[^.!?]{0,40}|\bi should(?:n'?t)? have\b[^.!?]{0,40}"),
    ),
    Rule("accountability", _rx(r"\bi (?:own|take responsibility for|apologi[sz]e for)\b[^.!?]{0,40}")),
    # --- amends --------------------------------------------------------------------------------------------
    Rule(
        "amends",
        _rx(
            r"\bwhat can i do to\b[^.!?]{0,40}|\bhow can i make (?:it|this) (?:up|right)\b|\bwhat would help\b"
        ),
    ),
    Rule("amends", _rx(r"\b(?:next time|from now on|going forward),? i(?:'ll| will)\b[^.!?]{0,50}")),
    Rule(
        "amends",
        _rx(r"\blet me make (?:it|this) up to you\b|\bi(?:'ll| will) make (?:it|this) (?:up to you|right)\b"),
    ),
    Rule(
        "amends",
        _rx(
            r"\bwhat would (?:make|help)\b[^.!?]{0,40}|\bwould (?:that|it) help\b|\bhow about i\b[^.!?]{0,40}|\bis there anything i can do\b"
        ),
    ),
    Rule(
        "amends",
        _rx(
            r"\blet me (?:fix|make|do|handle|sort|take care of)\b[^.!?]{0,40}|\btell me (?:how|what) (?:to|i can)\b[^.!?]{0,30}"
        ),
    ),
    Rule(
        "amends",
        _rx(
            r"\bi'?(?:m going to|ll) (?:call|tell|fix|make it|stop|start|leave|set|take care|handle|sort|apologi[sz]e|pay|replace|book)\b[^.!?]{0,40}"
        ),
    ),
    # --- reassurance ---------------------------------------------------------------------------------------
    Rule(
        "reassurance",
        _rx(r"\bi (?:really |truly )?(?:love|adore) you\b|\blove you\b"),
        unless=_rx(r"\bbut\b.{0,30}\b(?:never|always)\b"),
    ),
    Rule(
        "reassurance",
        _rx(
            r"\bi care about you\b[^.!?]{0,20}|\bi'?m not going anywhere\b|\bi'?m (?:always )?(?:here|on your side) for you\b|\bwe'?re a team\b"
        ),
    ),
    Rule("reassurance", _rx(r"\byou matter (?:to me|so much)\b|\bnothing could change how i feel\b")),
    # --- need_statement ------------------------------------------------------------------------------------
    Rule(
        "need_statement",
        _rx(
            r"\bi (?:felt|feel|get|got) (?:\w+ ){0,2}(?:hurt|lonely|unseen|invisible|ignored|left out|scared|anxious|"
            r"overwhelmed|unimportant|taken for granted|sad|worried|disrespected|unheard|alone|exhausted)\b[^.!?]{0,60}"
        ),
        unless=_rx(r"\bbecause you(?:'re| are) (?:so|such)\b"),
    ),
    Rule(
        "need_statement",
        _rx(
            r"\bi (?:need|would love|'?d love|would like|'?d like|really need) (?:some|more|you|us|to|a)\b[^.!?]{0,60}"
        ),
        unless=_rx(r"\bi need you to (?:stop|shut|get|grow)\b"),
    ),
    Rule(
        "need_statement",
        _rx(
            r"\b(?:could|would|can) you (?:please )?(?:check|let me know|text|tell|help|try|give)\b[^.!?]{0,50}"
        ),
    ),
    Rule(
        "need_statement",
        _rx(r"\bit (?:matters|means a lot) to me\b[^.!?]{0,40}|\bit'?s important to me\b[^.!?]{0,40}"),
    ),
    # --- curiosity -----------------------------------------------------------------------------------------
    Rule(
        "curiosity",
        _rx(
            r"\bwhat (?:was|is) (?:going on|happening) (?:for|with) you\b[^?]{0,40}\??|\bhow (?:are|were|did) you (?:feeling|feel)\b[^?]{0,40}\??"
        ),
    ),
    Rule(
        "curiosity",
        _rx(
            r"\bcan you (?:tell|help) me (?:more )?(?:about|understand)\b[^?]{0,40}\??|\bwhat (?:did|does) (?:that|it) (?:feel|mean) (?:like )?(?:for|to) you\b"
        ),
    ),
    Rule(
        "curiosity",
        _rx(r"\bhelp me understand\b[^.!?]{0,40}|\bi'?m curious\b[^.!?]{0,40}|\bwhat'?s on your mind\b"),
    ),
    # --- appreciation --------------------------------------------------------------------------------------
    Rule(
        "appreciation",
        _rx(
            r"\bthank(?:s| you)(?: so much| again)? for\b[^.!?]{0,50}|\bi (?:really )?appreciate\b[^.!?]{0,40}"
        ),
        unless=_rx(r"\bthanks? for nothing\b|\bthanks a lot\b.{0,10}(?:not|🙄)"),
    ),
    Rule(
        "appreciation",
        _rx(r"\bi'?m (?:so )?(?:proud of|grateful for) you\b|\byou did (?:so )?(?:great|amazing|well)\b"),
    ),
    # --- self_kindness -------------------------------------------------------------------------------------
    Rule(
        "self_kindness",
        _rx(
            r"\banyone would (?:feel|have)\b[^.!?]{0,40}|\beveryone makes mistakes\b|\bi'?m (?:only |just )?human\b"
        ),
    ),
    Rule(
        "self_kindness",
        _rx(
            r"\bit'?s (?:okay|ok|alright) (?:to|that i)\b[^.!?]{0,40}|\bi'?m (?:doing|trying) my best\b|\bbe (?:gentle|kind) (?:with|to) myself\b"
        ),
    ),
    Rule(
        "self_kindness",
        _rx(r"\bi (?:forgive|deserve kindness|am allowed to)\b[^.!?]{0,30}|\bmay i\b[^.!?]{0,40}"),
    ),
    # --- repair_attempt ------------------------------------------------------------------------------------
    Rule(
        "repair_attempt",
        _rx(
            r"\b(?:can|could) we (?:take a (?:break|breather|pause)|start (?:over|again)|pause|try again|talk (?:later|tomorrow|tonight))\b[^.!?]{0,40}"
        ),
    ),
    Rule(
        "repair_attempt",
        _rx(
            r"\blet'?s (?:start over|take a (?:break|breather)|pause|try (?:that )?again|not fight|calm down and)\b[^.!?]{0,40}"
        ),
    ),
    Rule(
        "repair_attempt",
        _rx(
            r"\bi need (?:a (?:few )?minutes|some time|a break)\b[^.!?]{0,30}(?:then|and (?:come back|we can)|later|back)\b[^.!?]{0,30}"
        ),
    ),
    Rule("repair_attempt", _rx(r"\b(?:i don'?t want to fight|we'?re on the same side|truce)\b")),
)

# Vetoes: when they match, the classifier may not add the label for this message.
_VETOES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("criticism", _rx(r"\byou (?:always|never) (?:\w+ ){0,3}" + _FOND)),
    ("criticism", _rx(_THIRD + r"[^.!?]{0,30}\b(?:is|was|are|were) (?:so |such |really )?(?:a )?\w+")),
    ("contempt", _rx(_PLAYFUL)),
    (
        "stonewalling",
        _rx(
            r"\b(?:call|talk to|text) you (?:at|later|tomorrow|tonight|in)\b|\bcan we (?:talk|pick this up) (?:later|tomorrow|tonight)\b"
        ),
    ),
    ("non_apology", _rx(r"\bi'?m sorry (?:i|that i)\b(?![^.!?]*\bbut\b)")),
    # sympathy or a quick correction, not an apology that dodges
    (
        "non_apology",
        _rx(
            r"\bsorry (?:to hear|about (?:your|the)|for your loss|your \w+ (?:got|was|is|has))\b|"
            r"\bsorry,? (?:i )?meant\b|\bcame out wrong\b"
        ),
    ),
    (
        "invalidation",
        _rx(
            r"\byou(?:'re| are) not (?:being )?(?:dramatic|overreacting|too sensitive|crazy|silly|paranoid)\b|"
            r"\bbig deal to me\b"
        ),
    ),
    ("self_criticism", _rx(r"\b(?:i messed up|my mistake|my fault)\b(?![^.!?]*\b(?:always|everything)\b)")),
)


def _reported(text: str, start: int) -> bool:
    """True when the words at ``start`` are someone else's, reported ('my mom said you're so selfish')."""
    before = text[max(0, start - 40) : start].lower()
    return bool(
        re.search(r"\b(?:said|says|told me|called me|telling me|tells me|goes|was like)[,:]?\s*$", before)
    )


# Sentence contexts that cancel every rule of a label (checked like Rule.unless).
_LABEL_UNLESS = {
    "defensiveness": _rx(_OWNING),
    "self_criticism": _rx(_SKILL + "|" + _PLAYFUL),
    "criticism": _rx(r"\blove you\b|❤|😍|🥰"),
}
# Rules are tried label by label, labels in the order of their first rule (the order findings are added in).
_FIRST_OF_LABEL: dict[str, int] = {}
for _i, _rule in enumerate(_RULES):
    _FIRST_OF_LABEL.setdefault(_rule.label, _i)
_RANK = {
    i: rank
    for rank, i in enumerate(sorted(range(len(_RULES)), key=lambda i: (_FIRST_OF_LABEL[_RULES[i].label], i)))
}
# Most messages contain the words of only a few rules: the others are skipped without running their regex
# (the rules pass is ~4x faster; results are identical, test_rules_prefilter_finds_the_same). One filter for
# rules and vetoes (indices past the rules are vetoes), so one scan of the message finds both.
_FILTER = LiteralFilter([r.rx.pattern for r in _RULES] + [rx.pattern for _, rx in _VETOES])


@cache
def shipped_trust() -> dict[str, float]:
    if not TRUST_FILE.exists():
        return {}
    from heartwork.engine.manifest import check

    check(TRUST_FILE)
    return dict(json.loads(TRUST_FILE.read_text()))


def rule_hits(text: str) -> set[str]:
    """Keys of the rules that fire anywhere in ``text`` (for measuring trust)."""
    doc = Doc(text)
    keys: set[str] = set()
    RuleDetector(trust={})._one(doc, keys)
    return keys


class RuleDetector:
    name = "rules"
    order = 10
    needs: tuple[str, ...] = ()
    assigns = ("findings", "vetoed")
    critical = False

    def __init__(self, trust: dict[str, float] | None = None) -> None:
        self._trust = trust  # None: the shipped rule_trust.json (train.py passes per-fold trust)

    def run(self, docs: list[Doc]) -> None:
        for doc in docs:
            self._one(doc)

    def _one(self, doc: Doc, fired: set[str] | None = None) -> None:
        trust = self._trust if self._trust is not None else shipped_trust()
        text = doc.text
        folded = fold(text)
        possible = _FILTER.candidates(folded)
        to_try = sorted((i for i in possible if i < len(_RULES)), key=_RANK.__getitem__)
        quotes = quoted_ranges(text)
        seen: set[tuple[str, int]] = set()
        sents = sentences(text) if to_try else []
        for k, sent in enumerate(sents):
            # with several sentences, a rule whose words are elsewhere in the message is not tried here
            span = folded[sent.start : sent.end] if len(sents) > 1 else None
            for rule, m in _sentence_hits(sents, k, to_try, span):
                start, end = sent.start + m.start(), sent.start + m.end()
                evidence = text[start:end].rstrip(" ,;:")
                end = start + len(evidence)
                if not evidence or inside(start, quotes) or _reported(text, start):
                    continue
                if (rule.label, start) in seen:
                    continue
                seen.add((rule.label, start))
                if fired is not None:
                    fired.add(rule.key)
                doc.findings.append(
                    Finding(
                        rule.label,
                        Span(start, end),
                        trust.get(rule.key, UNSEEN_SCORE),
                        evidence,
                        explain(rule.label, evidence),
                    )
                )
        found = {f.label for f in doc.findings}
        for j, (label, rx) in enumerate(_VETOES, start=len(_RULES)):
            if j in possible and label not in found and rx.search(text):
                doc.vetoed.add(label)


def _sentence_hits(
    sents: list[Sentence], k: int, to_try: list[int], folded: str | None
) -> Iterator[tuple[Rule, re.Match[str]]]:
    """The matches in sentence ``k`` of the rules ``to_try`` (indices, label by label), without the
    cancelled ones.

    Only rules that can match are tried (their words are in the message, and in the sentence when
    ``folded`` is given): a rule that cannot match adds nothing, so skipping it changes no finding. A
    label-wide cancel is read once a rule of that label matches; it reads this sentence and the next
    ("That's not true! You're NOT a bad cook").
    """
    sent = sents[k]
    cancelled: dict[str, bool] = {}
    for i in to_try:
        rule = _RULES[i]
        if cancelled.get(rule.label) or (folded is not None and not _FILTER.may_match(i, folded)):
            continue
        matches = list(rule.rx.finditer(sent.text))
        if not matches:
            continue
        if rule.label not in cancelled:
            around = sent.text if k + 1 == len(sents) else f"{sent.text} {sents[k + 1].text}"
            unless = _LABEL_UNLESS.get(rule.label)
            cancelled[rule.label] = unless is not None and unless.search(around) is not None
            if cancelled[rule.label]:
                continue
        if rule.unless is not None and rule.unless.search(sent.text):
            continue
        yield from ((rule, m) for m in matches)
