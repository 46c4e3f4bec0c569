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
import re
from dataclasses import dataclass

from heartwork.engine.pipeline import Doc
from heartwork.engine.text import sentences
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
# the engine on data/train*.jsonl + shared dev). When no cue fired and no guard deliberately cancelled one, a
# probability at or above doc.safety_threshold flags the message. That cut-off is chosen by train.py on
# out-of-fold training scores with recall weighted twice precision (F2), so it moves with each retrain instead
# of drifting; never tuned on data/safety_eval.jsonl.
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
    r"plants?|sweater|jumper|charger|password\s+to\s+(?:netflix|spotify)|netflix|spotify|playlist|crossword|"
    r"wordle|sudoku|candy|the\s+dog|the\s+cat|late\s+again|forget\s+(?:the|my)\s+\w+|my\s+(?:hair|makeup|car))"
)
# If any of these is in the sentence, a "playful"/figurative guard does not cancel a threat.
_SERIOUS = _rx(
    r"\b(?:if\s+you\s+(?:ever\s+)?(?:leave|left|go|walk\s+out|break\s+up|dump|cheat|tell|call|report|see|talk\s+to|"
    r"text)|leave\s+me|leaving\s+me|the\s+(?:kids|children)|our\s+(?:kids|children|son|daughter)|police|cops|"
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
            rf"{_PLAYFUL}|\b{_TRIVIAL}\b|\b(?:take\s+the\s+kids\s+to|pick\s+up|find\s+you\s+(?:a|an|some|the)|get\s+you\s+(?:a|an|some|the|something|anything|one|more|back|home|there|to|from|flowers|coffee|food|dinner|lunch|breakfast|tickets|tea))\b"
        ),
    ),
    Cue(
        "threat",
        _rx(
            r"\b(?:you'?ll|you\s+will|you'?re\s+(?:going\s+to|gonna)|you\s+are\s+(?:going\s+to|gonna))\s+"
            r"(?:\w+\s+)?(?:regret\s+(?:it|this|that|leaving|the\s+day|ever)|be\s+sorry|pay\s+for\s+(?:this|that|it)|"
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
        unless=_rx(rf"{_PLAYFUL}"),
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
            r"\b(?:smash(?:ed|es|ing)?|broke|breaks|breaking|destroy(?:ed|s|ing)?|threw|throws|throwing)\s+my\s+"
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
            r"movie|film|game|lock(?:ed)?\s+me\s+out\s+of\s+(?:my|the)\s+(?:account|laptop|computer|app))\b"
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
        unless=_rx(r"\b(?:roller\s*coaster|horror|movie|film|spider|spiders|heights|haunted|the\s+dark\b)"),
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
            r"browser\s+history|search\s+history|diary|journal|social\s+media|instagram|facebook|accounts?|bank\s+statements?|mail|post)\b"
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
            r"read\s+my\s+(?:mind|essay|draft|cv|resume|poem|story|book|work)|check\s+my\s+(?:work|maths|math|essay))\b"
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
            r"pay\s+for|help\s+(?:with|out)|finish\s+(?:my|his|her|the)\s+sentence|" + _PLAYFUL + r")"
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
            r"\b(?:surgery|diet|contagious|covid|quarantine|fasting|exam|in\s+the\s+pool|kids'?\s+bedtime)\b|\bam\s+i\s+(?:not|never)\s+allowed\b|"
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
            r"\bwhy\s+(?:is|was)\s+(?:your|ur)\s+phone\s+(?:on\s+(?:airplane|aeroplane|flight)\s+mode|off|locked|face\s+down)|"
            r"\b(?:don'?t\s+think\s+i\s+won'?t|i'?ll|i\s+will|i\s+always)\s+find\s+out\s+(?:who|where|what)\s+you'?(?:re|\s+are|'ve|\s+have)?\s+(?:\w+\s+)?(?:meeting|seeing|texting|doing|talking|been)|"
            r"\bi\s+(?:can|could)\s+see\s+(?:where|exactly\s+where)\s+you\s+(?:are|were|go)|\bi'?(?:ve|\s+have)\s+been\s+(?:tracking|following|watching)\s+(?:you|your)|"
            r"\bwho\s+(?:are|were)\s+you\s+(?:texting|messaging|talking\s+to)\b[^.!?\n]{0,30}\b(?:give|show|unlock|hand)\s+(?:me\s+)?(?:your|the)\s+phone|"
            r"\b(?:send|show)\s+me\s+(?:a\s+)?(?:photo|picture|pic|selfie|video)\s+(?:of\s+)?(?:where|who)\s+you(?:'re|\s+are)?\s+(?:with|are)\b[^.!?\n]{0,20}\b(?:now|prove|or)|"
            r"\bprove\s+(?:it|where\s+you\s+are|who\s+you'?re\s+with)\b[^.!?\n]{0,20}\b(?:photo|picture|pic|video|location)"
        ),
        unless=_rx(
            r"\b(?:because\s+you\s+(?:texted|told|said|called|messaged|sent)|silly|charge|charging|charger|battery|plug|update|fix|photos?|pictures?|videos?\s+(?:of|from)|meme|funny|directions|map|lol|haha|🙂|😊|❤️|love\s+you|"
            r"for\s+the\s+(?:hike|trip|festival)|so\s+i\s+can\s+(?:pick\s+you\s+up|meet\s+you)|safe\s+home|get\s+home\s+safe)\b"
        ),
    ),
    Cue(
        "isolation",
        _rx(
            r"\byou\s+(?:don'?t|do\s+not)\s+need\s+to\s+(?:speak|talk)\s+to\s+(?:her|him|them|your\s+\w+|anyone|anybody)\b[^.!?\n]{0,40}|"
            r"\byou'?ve\s+got\s+(?:no\s*one|nobody)\s+(?:but|except)\s+me|\byou\s+(?:have|need)\s+(?:no\s*one|nobody)\s+(?:but|except|else\s+but)\s+me|"
            r"\b(?:no\s*one|nobody)\s+else\s+(?:would|will|could)\s+(?:ever\s+)?(?:put\s+up\s+with|love|want|have)\s+you|\bwhere\s+would\s+you\s+(?:even\s+)?go\b|"
            r"\byou'?re\s+not\s+going\s+(?:to\s+(?:the|that|your|her|his)\s+[\w\s-]{1,20}?|out|anywhere)\b(?=[^.!?\n]{0,60}\b(?:friends|bad\s+influence|told\s+them|i\s+said|until|end\s+of|i'?ve\s+decided|not\s+allowed))|"
            r"\b(?:i'?ve|i\s+have)\s+(?:already\s+)?told\s+(?:them|her|him|everyone|your\s+\w+)\s+(?:that\s+)?you'?(?:re|\s+are)\s+(?:not\s+coming|busy|not\s+available|not\s+going)|"
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
            r"scam|spam|by\s+mistake|to\s+be\s+safe|for\s+(?:you|us)\s+to\s+rest)\b"
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
            r"\byou'?(?:ll|\s+will)\s+do\s+(?:what|as)\s+i\s+(?:tell|say)|"
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
            r"\byou'?re\s+my\s+(?:wife|husband|girlfriend|boyfriend|partner)\b[^.!?\n]{0,40}\b(?:say(?:ing)?\s+no|owe|duty|have\s+to|supposed\s+to)|"
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
            r"\b(?:easier|better)\s+(?:for\s+(?:everyone|everybody|you)\s+)?if\s+i\s+(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not)\s+(?:around|here|alive)|\bif\s+i\s+(?:was|were)\s+(?:gone|dead)\b|"
            r"\btell\s+(?:the\s+kids|my\s+(?:kids|mum|mom|family|parents|sister|brother)|everyone)\s+i\s+love\s+them\b(?=[^\n]{0,60}\b(?:sorry\s+for\s+everything|goodbye|forgive\s+me|won'?t\s+be))|\b(?:don'?t|do\s+not|can'?t)\s+trust\s+myself\s+(?:on\s+my\s+own|alone|tonight|to\s+be\s+(?:alone|safe)|not\s+to)|\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+(?:and|&)\s+(?:never|not)\s+wake\s+up|"
            r"\b(?:started|start|been|keep|kept|i'?m|am)\s+cutting\s+(?:again|myself)|\bcutting\s+again\b|"
            r"\b(?:saving|stockpiling|hoarding|collecting)\s+(?:up\s+)?(?:my\s+|the\s+)?(?:pills|meds|medication|tablets|sleeping\s+pills)|"
            r"\b(?:won'?t|will\s+not)\s+have\s+to\s+(?:deal\s+with|put\s+up\s+with|worry\s+about|see)\s+me\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|soon)|\bi\s+(?:just\s+)?want\s+(?:the\s+pain|it\s+all)\s+to\s+(?:stop|end)\s+(?:forever|for\s+good|permanently)"
        ),
        unless=_rx(
            r"\b(?:laugh\w*|lmao|crack\w*\s+(?:me\s+)?up|of\s+(?:embarrassment|shame|cringe|boredom)|embarrass\w*|cringe|so\s+awkward|"
            r"(?:kill|killing)\s+myself\s+(?:at\s+(?:the\s+)?(?:gym|work|the\s+office)|to\s+(?:get|finish|make|meet|hit)|over\s+(?:this|that|the)|trying\s+to|for\s+(?:this|that)\s+(?:job|project|deadline))|"
            r"could\s+(?:just\s+)?kill\s+myself\s+for\s+(?:forgetting|missing|saying|doing|not)|"
            r"(?:rather|sooner)\s+die\s+than|die\s+(?:for|of)\s+(?:a|some|that|this|those|the)\s+(?:pizza|cake|coffee|shoes|bag|dress|nap|burger|chocolate)|"
            r"suicide\s+(?:prevention|awareness)\s+(?:\w+\s+)?(?:documentary|training|course|walk|month|day|week|charity|fundraiser|and)|(?:documentary|podcast|article|lecture)\s+(?:about|on)\s+suicide\s+prevention|suicide\s+(?:squad|doors?|run|sprints?|mission\s+(?:game|movie))|to\s+die\s+for\b|dying\s+to\s+(?:see|try|meet|know|hear|go|tell)|"
            r"end\s+it\s+all\s+(?:with\s+a|in\s+the\s+(?:finale|last\s+episode))|(?:prevention|awareness)\s+(?:training|course|walk|month|day|week|charity|fundraiser)|"
            r"(?:cut|cutting|burn|burning|hurt|hurting)\s+myself\s+(?:shaving|cooking|in\s+the\s+kitchen|on\s+(?:the|a)\s+\w+|with\s+the\s+(?:knife|iron|stove|oven|kettle|pan|scissors)|"
            r"(?:while|when|chopping|making|cooking|ironing|baking)\b|at\s+(?:the\s+gym|work|football|training|practice))|"
            r"(?:end|ending)\s+myself\s+laughing|off\s+myself\s+lol\s+this\s+meeting|(?:battery|phone|plants?|game|character|movie|film|show|series|book|"
            r"season)\s+(?:wants?\s+to\s+die|is\s+dying|died))\b"
        ),
        serious_overrides=False,
    ),
)

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


def find_cues(text: str, cancelled: list[CueHit] | None = None) -> list[CueHit]:
    """Every safety cue in ``text`` that survives its guards, longest first where two overlap.
    ``cancelled`` (if given) collects the cues a guard ruled out (figurative, negated, benign)."""
    norm = _normalise(text)
    starts, ends = _sentence_bounds(norm)
    hits: list[CueHit] = []
    for cue in _CUES:
        for m in cue.rx.finditer(norm):
            if m.end() <= m.start():
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            s0, s1 = (starts[i], max(ends[i], m.end())) if i >= 0 else (0, len(norm))
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


def _reads_kind(doc: Doc) -> bool:
    """The model-only backstop stays quiet on a message read as purely kind (a need statement, thanks...):
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

    def run(self, docs: list[Doc]) -> None:
        backstop: list[Doc] = []
        for doc in docs:
            text = doc.text
            taken: list[tuple[int, int]] = []
            ruled_out: list[CueHit] = []
            hits = find_cues(text, ruled_out)
            model_says = doc.probs.get("safety_risk", 0.0) >= doc.safety_threshold
            if (
                model_says
                and not hits
                and not ruled_out
                and not _reads_kind(doc)
                and not _FIGURATIVE_ONLY.search(_normalise(text))
            ):
                backstop.append(doc)
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
        if backstop:
            self._flag_from_model(backstop)

    def _flag_from_model(self, docs: list[Doc]) -> None:
        """Flag messages the classifier judged risky with no cue: the span is the sentence it rates highest."""
        from heartwork.engine.pipeline import get_pipeline

        earlier = [d for d in get_pipeline().detectors if d.order < self.order]
        # Score every sentence of every multi-sentence message in one batch (not one pipeline run per message).
        per_doc = [[s for s in sentences(doc.text) if s.text.strip()] for doc in docs]
        subs = [Doc(s.text) for sents in per_doc if len(sents) > 1 for s in sents]
        try:
            for d in earlier:
                d.run(subs)
        except Exception:  # the backstop must not fail the analysis; fall back to whole texts
            subs = []
        offset = 0
        for doc, sents in zip(docs, per_doc, strict=True):
            start, end, prob = 0, len(doc.text), doc.probs.get("safety_risk", 0.0)
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
