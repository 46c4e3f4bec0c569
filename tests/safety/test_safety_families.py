"""The safety detector's semantic cue families, their guards, and the literal prefilter.

The phrases here were written for these tests (not taken from any evaluation set, nor from
data/train_safety.jsonl): other wordings of the same families, so a rule that only memorised its development
sentences would fail them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import heartwork
from heartwork.engine import safety
from heartwork.engine.bench import corpus
from heartwork.engine.safety import EXPLANATIONS, find_cues
from heartwork.engine.text import fold, spaced

REPO = Path(__file__).resolve().parents[2]

FAMILY_POSITIVES = [
    ("You know what happens when you start crying, so stop.", "threat"),
    ("Remember what happened the last time you went out without asking.", "threat"),
    ("He said the cat will have an accident if I go to my sister's.", "threat"),
    ("She says she'll hurt herself if I go on the work trip.", "threat"),
    ("If I leave, he'll have me deported. He reminds me every week.", "threat"),
    ("There'll be consequences if you embarrass me at the barbecue.", "threat"),
    ("My boyfriend twisted my wrist until I cried.", "physical"),
    ("He held me down until I couldn't breathe.", "physical"),
    ("I tell people I fell off my bike so nobody asks about the bruises.", "physical"),
    ("i didn't push you that hard, get up", "physical"),
    ("She left me on the side of the road at midnight after the argument.", "intimidation"),
    ("He cleans his rifle in front of me when he's sulking.", "intimidation"),
    ("He swerves at cyclists to scare me when I argue.", "intimidation"),
    ("I hide my bank card so he won't find it.", "fear"),
    ("I have to be careful what I wear or he goes mad.", "fear"),
    ("I daren't mention my mum in front of him.", "fear"),
    ("I discovered a GPS tracker under my car.", "monitoring"),
    ("Don't lie to me, I checked your location.", "monitoring"),
    ("She phones my mum to make sure I'm really there.", "monitoring"),
    ("I had to give up netball because he said I was showing off.", "isolation"),
    ("I'm only allowed to see my sister on Sundays.", "isolation"),
    ("He made me choose between him and my mates.", "isolation"),
    ("I have to ask her before I buy anything for myself.", "financial"),
    ("He says I'm not allowed my own bank account.", "financial"),
    ("He poked holes in the condoms so I'd get pregnant.", "sexual"),
    ("She binned my birth control and said it was for us.", "sexual"),
    ("Some days I pray I won't wake up in the morning.", "self_harm"),
    ("Everyone would cope without me, honestly.", "self_harm"),
    ("I've been thinking about stepping in front of a train.", "self_harm"),
    ("what's the point anymore", "self_harm"),
    ("I keep planning my own funeral in my head.", "self_harm"),
    # second round: menace in the partner's voice, control, surveillance, debts, dialect
    ("Be a shame if something happened to that bike of yours.", "threat"),
    ("Go on, tell your brother. Don't think I won't find out.", "threat"),
    ("You'll stay in the spare room till you learn some respect.", "threat"),
    ("One call to immigration and you're gone, remember that.", "threat"),
    ("From now on you ask me before you spend a penny.", "isolation"),
    ("Your friends fill your head with lies about me.", "isolation"),
    ("Your dot has been at the gym for three hours. Explain.", "monitoring"),
    ("If you've got nothing to hide, hand it over.", "monitoring"),
    ("My spending is none of your business, the accounts are none of your concern.", "financial"),
    ("Dinner was on me, so you know what you owe me.", "sexual"),
    ("been thinkin about hurtin mysel again", "self_harm"),
    ("I looked up what dose of my pills would be enough.", "self_harm"),
    # third round
    ("Dump me and I'll tell your boss you're gay.", "threat"),
    ("If I catch you texting him again, you'll see.", "threat"),
    ("im not letting u go to that gig, end of", "isolation"),
    ("Your coil is going in the bin, we're having a baby ready or not.", "sexual"),
    ("I've set up your phone so your messages come to me as well.", "monitoring"),
    ("the urge to cut is so strong tonight", "self_harm"),
    ("I scratched my wrists up again after he left.", "self_harm"),
    # fourth round: minimised injuries, deferred warnings, receipts, farewells
    ("She pinned me down on the sofa till I stopped talking.", "physical"),
    ("Relax, I barely shoved you. Stop crying.", "physical"),
    ("There's a hole in the kitchen wall where he punched it on Sunday.", "physical"),
    ("Honestly he only slapped me the once.", "physical"),
    ("My legs go shaky when I hear her key in the door.", "fear"),
    ("I feel safer when he's away on shifts, is that awful", "fear"),
    ("I'm texting from my sister's. If I don't message by six, ring someone.", "fear"),
    ("Why did you delete that chat with Tom?", "monitoring"),
    ("Screenshot your entire conversation with him and send it over.", "monitoring"),
    ("He looks at who's calling me before he lets me answer.", "monitoring"),
    ("I wasn't allowed to go to my nephew's christening.", "isolation"),
    ("You will not be seeing your sister this weekend. Don't ask again.", "isolation"),
    ("From Friday you hand over your wages and I'll sort the bills.", "financial"),
    ("My money, my rules. You don't need a new phone.", "financial"),
    ("Keep your mouth shut at the barbecue if you know what's good for you.", "threat"),
    ("I'll track you down wherever you go with the baby.", "threat"),
    ("We'll talk about your little outfit when you get home.", "threat"),
    ("I said no twice and he just kept going. I went along with it because I was frightened.", "sexual"),
    ("Stop saying no, you know you want it.", "sexual"),
    ("I've written my will. It's strange how calm I feel.", "self_harm"),
    ("Please keep them, I won't be needing them.", "self_harm"),
    ("I took a few extra tablets tonight to make the thinking stop.", "self_harm"),
]

FAMILY_NEGATIVES = [
    "You know what happens when you leave the oven on? The smoke alarm, lol.",
    "Remember what happened last time we left the dog alone? The sofa! 😂",
    "The villain in the film says \"don't make me do something we'll both regret\" and I got chills.",
    "touch my chips again and there will be consequences ❤️",
    "I hid the present so he won't find it before his birthday.",
    "The toddler threw plates on the floor again.",
    "I don't see the point of buying a new sofa this year.",
    "There's no way out of this car park except past the barrier.",
    "The team will be fine without me on Friday.",
    "I could hit myself for forgetting your birthday.",
    "We agreed to keep our locations on while you're driving at night.",
    "My friend's husband takes all her wages and I'm worried about her.",
    "I've never felt unsafe with him, not once.",
    "He took my car keys because I'd had four drinks, and he was right.",
    "you'll pay for this... with breakfast in bed 😜",
    "I'm watching you play, you're so good at this!",
    "If you leave your boots in the hall again I'll scream, honestly x",
    "My mate's girlfriend reads all his texts and he's scared of her. What should I tell him?",
    "Needing help isn't the same as being a burden. I'd do it in a heartbeat.",
    "I'll find you at the station, I'm by the ticket machines.",
    "If I catch you eating my chocolate again there'll be trouble 😂",
    "Let's plan his surprise party without him knowing!",
    "Don't bother looking for me tonight, I'm at the pub with the team.",
    # fourth round guards: holidays, sport, apologies for pushing someone to go out, everyday requests
    "I want to disappear to a cabin in the woods with you for a week.",
    "I pushed you to go to the party and I'm sorry, that wasn't fair.",
    "I barely touched you with the ball, you big baby!",
    "The hole in the door is from the previous tenants.",
    "Put it on speaker so Grandad can hear the kids sing.",
    "My curfew is midnight because the last train goes at 12:10.",
    "Hand over your wages? In your dreams, but you can buy me dinner.",
    "I've updated my will now we've bought the flat. Very grown up.",
    "We're giving the baby clothes to the women's refuge charity shop.",
    "can you send me the code they texted? I'm logging into our Netflix",
    "Don't keep your mouth shut, tell them what you think!",
    "You're always checking the bank app, want to go over the budget together?",
    "I'm a waste of space today, I've done nothing but nap.",
    "my brain keeps saying it's time for cake",
]


@pytest.mark.parametrize(("text", "category"), FAMILY_POSITIVES)
def test_safety_family_phrasing_is_flagged_with_exact_span_and_category(text: str, category: str) -> None:
    hits = find_cues(text)
    assert hits, f"no cue for: {text}"
    assert category in {h.category for h in hits}, [(text[h.start : h.end], h.category) for h in hits]
    a = heartwork.analyze(text)
    assert a.safety.risk
    prefix = EXPLANATIONS[category].split("'{evidence}'")[0]
    for f in a.safety.findings:
        assert a.text[f.span.start : f.span.end] == f.evidence
    assert any(f.explanation.startswith(prefix) for f in a.safety.findings)


@pytest.mark.parametrize("text", FAMILY_NEGATIVES)
def test_safety_family_guards_keep_figures_consent_and_third_parties_quiet(text: str) -> None:
    assert not find_cues(text), [(text[h.start : h.end], h.category) for h in find_cues(text)]


@pytest.mark.parametrize(
    "text",
    [
        "My sister's boyfriend reads all her messages. I gave her the helpline number.",
        "A colleague told me her husband tracks her car; we walk her to the bus now.",
        "You can read my texts whenever, only if you want to.",
        "you keep scrolling your phone while I talk, it makes me feel like background noise",
        "Honestly, he's glued to his phone all evening and I'm lonely.",
    ],
)
def test_safety_backstop_quiet_on_third_party_and_consent_frames(text: str) -> None:
    assert safety._backstop_quiet(text)
    assert not heartwork.analyze(text).safety.risk


@pytest.mark.parametrize(
    "text",
    [
        "You keep checking my phone and my location. It has to stop.",
        "you check my location every hour and ask where I was",
        "He keeps looking at his phone, then at mine, and asks who I text.",
    ],
)
def test_safety_backstop_own_device_frame_needs_the_writer_left_out(text: str) -> None:
    # the partner's own screen quiets the model-only flag; the writer's device or whereabouts does not
    assert not safety._backstop_quiet(text)


def test_safety_checking_my_location_is_monitoring() -> None:
    hits = find_cues("she checks my location all day")
    assert [h.category for h in hits] == ["monitoring"]
    assert not find_cues("can you check my location, am I near the station?")


def _sample_texts() -> list[str]:
    texts: list[str] = []
    for path in (
        REPO / "data" / "train_safety.jsonl",
        REPO / "tests" / "safety" / "dev_cases.jsonl",
    ):
        texts += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts += corpus(3000)
    texts += [p for p, _ in FAMILY_POSITIVES] + FAMILY_NEGATIVES
    texts += [
        "HE   CHECKS\tMY\nPHONE",
        "Ｈe checks my phone",
        "he\u00a0checks my phone",
        "ſuicide",
        "I'm ſcared of him",
    ]
    return texts


def test_safety_prefilter_gives_identical_hits_and_cancellations() -> None:
    for text in _sample_texts():
        kept_a: list[safety.CueHit] = []
        kept_b: list[safety.CueHit] = []
        with_pf = find_cues(text, kept_a, prefilter=True)
        without = find_cues(text, kept_b, prefilter=False)
        assert with_pf == without and kept_a == kept_b, text


def test_safety_prefilter_skips_every_cue_on_an_ordinary_message() -> None:
    lf = safety.literal_filter()
    folded = spaced(fold(safety._normalise("Thanks for picking up the groceries, see you at six.")))
    always = {i for i, needs in enumerate(lf.needs) if needs is None}
    assert lf.candidates(folded) == always
    assert len(always) <= 3  # nearly every cue has literal strings to look for


def test_safety_prefilter_strings_occur_in_every_match() -> None:
    # Every cue hit in the sample contains one of its cue's required strings (after the prefilter's folding).
    lf = safety.literal_filter()
    for text in [p for p, _ in FAMILY_POSITIVES]:
        norm = safety._normalise(text)
        for i, cue in enumerate(safety._CUES):
            for m in cue.rx.finditer(norm):
                keys = lf.needs[i]
                folded = spaced(fold(m.group(0)))
                assert keys is None or any(k.strip() in folded for k in keys), (text, i)


def test_safety_keyword_cache_matches_the_cue_patterns() -> None:
    # A stale cache is ignored at run time (derived again), but it should be regenerated:
    # .venv/bin/python bench/safety_speed.py --write-cache
    assert safety._cached_needs() == safety._build_filter().needs
