"""A generator of realistic, varied two-person chat histories (for demos, tests and benchmarks).

Everyday logistics and affection, occasional disagreements that escalate or get repaired, both people in
both roles (with mild individual tendencies, as in real couples), and - by default - disagreements that
become gentler over the months. Deterministic for a given seed. Nothing here is real data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ITEMS = [
    "milk",
    "bread",
    "oat milk",
    "coffee beans",
    "bin bags",
    "tomatoes",
    "eggs",
    "dish soap",
    "bananas",
    "the dry cleaning",
    "a birthday card",
    "batteries",
    "cat food",
    "toothpaste",
]
FOODS = [
    "pasta",
    "curry",
    "tacos",
    "soup",
    "that thai place",
    "pizza",
    "risotto",
    "leftovers",
    "a salad",
    "dumplings",
    "shakshuka",
]
FRIENDS = ["Lena", "Tom", "Priya", "Marco", "Aisha", "Ben", "your sister", "my mum", "Sofia", "Dan"]
PLACES = [
    "the station",
    "the supermarket",
    "the gym",
    "the café on the corner",
    "the office",
    "the park",
    "the pharmacy",
    "the bakery",
]
SHOWS = ["the new season", "that documentary", "a film", "the baking show", "the crime series"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CHORES = ["the dishes", "the laundry", "the bins", "the bathroom", "the shopping", "the kitchen"]
EVENTS = [
    "you made plans for Saturday without asking me",
    "you were on your phone all through dinner",
    "you didn't call when you were running late",
    "you joked about me in front of your friends",
    "the rent came up again",
    "you forgot we had dinner with my parents",
]
ANIMALS = ["dog", "cat", "seagull", "baby goat", "hedgehog"]

EVERYDAY = [
    "Can you grab {item} on the way home?",
    "I'll be home around {hour}",
    "Running {n} minutes late, sorry!",
    "What do you want for dinner? I was thinking {food}",
    "Don't forget {friend}'s birthday on {day}",
    "Leaving work now",
    "Train is delayed again 🙄",
    "Parking is a nightmare at {place}",
    "Got the tickets for {day}!",
    "How was the meeting?",
    "{friend} says hi",
    "Look at this {animal} 😂",
    "I'm so tired today",
    "Want to watch {show} tonight?",
    "The boiler guy is coming {day} morning",
    "Guess who I ran into at {place}",
    "Did you see the message from the landlord?",
    "Just landed ✈️",
    "Can we move dinner with {friend} to {day}?",
    "Are we still on for the walk later?",
    "Do we need anything from {place}?",
    "I'm at {place}, want anything?",
    "Home in 10",
    "Remind me to call the dentist tomorrow",
    "It's pouring here, did you take an umbrella?",
    "My phone is about to die, see you at {hour}",
    "Just finished, heading to {place}",
]
REPLIES = [
    "Sure",
    "ok 👍",
    "Sounds good",
    "Yes please",
    "Perfect",
    "haha ok",
    "On it",
    "No worries",
    "Ok see you soon",
    "Will do",
    "Great, thanks",
    "Yep",
    "Noted",
    "Haha amazing",
    "Oh no 😅",
    "Sure, {food} sounds good",
    "Already got {item}",
    "Ok, text me when you're close",
    "Not sure yet",
    "Let me check and get back to you",
    "Yes! Finally",
    "It was fine, long though",
]
AFFECTION = [
    ("Miss you", ["Miss you more", "Home soon ❤️"]),
    ("Love you ❤️", ["Love you too", "❤️"]),
    ("Good morning ☀️", ["Good morning! Slept well?", "Morning 😘"]),
    ("Sleep well x", ["You too x"]),
    ("Can't wait to see you", ["Me neither!", "Soon 🥰"]),
    ("Thinking of you today", ["Aw, thank you ❤️"]),
    ("Good luck with the presentation! You've got this", ["Thank you, I'm nervous", "Thanks love"]),
    ("Good night, love", ["Night night x"]),
    ("Hope your day gets better", ["Thanks, it already has"]),
]
APPRECIATION = [
    "Thank you for cooking tonight, it was lovely",
    "Thanks for picking up {item}, you're a star",
    "I really appreciated you listening yesterday",
    "Thank you for handling the landlord",
    "Thanks for taking care of {chore}, it made my day easier",
    "I love how you made {friend} feel welcome",
]

CRITICISM = [
    "You always leave {chore} for me.",
    "You never think about anyone but yourself.",
    "Why are you always late? It's so selfish.",
    "You're so careless with money.",
    "What's wrong with you? You said you'd do it.",
    "You never listen to me.",
    "You always have to have the last word.",
    "You never ask how my day was.",
]
DEFENSIVE = [
    "That's not true, I did them on {day}!",
    "Well, you never help with {chore} either.",
    "I was busy, what do you want from me?",
    "I'm not the one who forgot {friend}'s birthday.",
    "It's not my fault the train was late.",
    "That's not true, I did call!",
    "Well you never tell me anything either.",
]
CONTEMPT = [
    "Oh great job, genius.",
    "What are you, five?",
    "You're pathetic.",
    "Wow, real mature.",
    "Sure, because you're always so perfect 🙄",
    "Oh please, spare me the drama.",
]
STONEWALL = ["Whatever.", "I'm done talking.", "Leave me alone.", "Forget it. Whatever."]
INVALIDATE = ["You're overreacting.", "It's not a big deal.", "You're being too sensitive about this."]
NON_APOLOGY = ["I'm sorry if you feel that way.", "Sorry, but you started it."]
SELF_CRIT = ["I always mess everything up.", "I'm a terrible partner."]
PLACATE = ["It's fine, whatever you want.", "My feelings don't matter, forget it."]
NEED = [
    "I felt hurt when {event}. Could we talk about it tonight?",
    "I feel overwhelmed with {chore}. Could you take it on this week?",
    "I felt unseen when {event}. Could you check with me first next time?",
    "I feel lonely when {event}. I need us to have some time together.",
]
VALIDATE = [
    "I can see how hurt you are.",
    "That makes sense, given what happened.",
    "I get it, that must have been really frustrating.",
]
ACCOUNT = [
    "I'm sorry I forgot; that was my mistake.",
    "You're right that I didn't check with you.",
    "I'm sorry I snapped at you. That wasn't fair.",
]
AMENDS = [
    "What can I do to make it up to you?",
    "Next time I'll text you first.",
    "I'll take care of {chore} this week.",
]
REPAIR = [
    "Can we take a break and come back in twenty minutes?",
    "Let's start over.",
    "Can we pause? I don't want to fight with you.",
]
REASSURE = ["I care about you a great deal.", "I'm not going anywhere.", "I love you, even when we fight."]
CURIOUS = ["What was happening for you when you said that?", "What was the hardest part for you?"]
FILLER = ["Seriously?", "I don't know what to say", "ok", "...", "Right.", "Can we not do this now"]
SAFETY = ["If you leave I'll make you regret it."]


@dataclass(frozen=True)
class Msg:
    when: datetime
    author: str
    text: str


def _slots(rng: random.Random) -> dict[str, object]:
    return {
        "item": rng.choice(ITEMS),
        "food": rng.choice(FOODS),
        "friend": rng.choice(FRIENDS),
        "place": rng.choice(PLACES),
        "show": rng.choice(SHOWS),
        "day": rng.choice(DAYS),
        "chore": rng.choice(CHORES),
        "event": rng.choice(EVENTS),
        "animal": rng.choice(ANIMALS),
        "n": rng.choice([5, 10, 15, 20]),
        "hour": f"{rng.randint(5, 8)}:{rng.choice(['00', '15', '30', '45'])}",
    }


def _fill(rng: random.Random, template: str, slots: dict[str, object] | None = None) -> str:
    return template.format(**(slots or _slots(rng)))


# Everyday exchanges: turns alternate between the two people; the slots stay the same within an exchange.
EXCHANGES = [
    ["Can you grab {item} on the way home?", "Sure, anything else?", "That's it, thanks!"],
    ["I'll be home around {hour}", "Ok, I'll start dinner. {food}?", "Perfect 👍"],
    ["Running {n} minutes late, sorry!", "No worries, I'll wait at {place}"],
    [
        "What do you want for dinner? I was thinking {food}",
        "Sounds good to me",
        "Great, I'll get what we need",
    ],
    ["Don't forget {friend}'s birthday on {day}", "Oh, thanks for reminding me! I'll get a card"],
    ["Train is delayed again 🙄", "Ugh. Text me when you're moving", "Will do"],
    [
        "How was the meeting?",
        "Long. Nobody agreed on anything",
        "Sounds exhausting. Tell me tonight?",
        "Yes please",
    ],
    ["Look at this {animal} 😂", "Haha that's the best thing I've seen all day"],
    ["I'm so tired today", "Early night tonight?", "Definitely"],
    ["Want to watch {show} tonight?", "Yes! I'll make popcorn"],
    ["The boiler guy is coming {day} morning", "Ok, can you be home for it?", "I'll work from home that day"],
    ["Guess who I ran into at {place}", "Who??", "{friend}! They say hi", "No way, we should have them over"],
    ["Did you pay the electricity bill?", "Yes, did it yesterday", "Thank you 🙏"],
    ["Are we still on for the walk later?", "Yes, 6ish?", "Perfect"],
    ["I'm at {place}, want anything?", "Could you get {item}?", "Got it"],
    ["Just landed ✈️", "Yay! See you soon", "Home in an hour"],
    [
        "It's pouring here, did you take an umbrella?",
        "Nope 😅",
        "I'll pick you up from {place}",
        "You're the best",
    ],
    ["Can we move dinner with {friend} to {day}?", "Should be fine, I'll check with them"],
    ["Remind me to call the dentist tomorrow", "Will do. 9am?", "Yes please"],
    ["{friend} invited us for {day}, are you free?", "I think so, what time?", "Around 7", "Ok, count me in"],
    ["Leaving work now", "Ok! Dinner's almost ready"],
    ["My phone is about to die, see you at {hour}", "Ok, see you then"],
    ["Do we still have {item}?", "I think we're out", "I'll get some"],
    ["The landlord finally fixed the window", "Finally!! 🎉"],
]


def conversation(
    names: tuple[str, str] = ("Maya", "Jonas"),
    start: datetime = datetime(2024, 1, 8, 7, 30),
    days: int = 182,
    seed: int = 7,
    safety: bool = False,
    busy: float = 1.0,
    improving: bool = True,
) -> Iterator[Msg]:
    """Yield messages in chronological order. ``busy`` scales how many everyday exchanges a day has."""
    rng = random.Random(seed)
    a, b = names
    safety_day = days * 2 // 3 if safety else -1
    for day in range(days):
        base = start + timedelta(days=day)
        progress = day / max(1, days - 1) if improving else 0.3
        t = base.replace(hour=7, minute=rng.randint(0, 50))
        exchanges = max(1, int(rng.gauss(3.0 * busy, 1.0)))
        conflict_at = rng.randrange(exchanges + 1) if rng.random() < 0.20 - 0.08 * progress else -1
        for ex in range(exchanges):
            t += timedelta(minutes=rng.randint(40, 200))
            if ex == conflict_at:
                for when_author_text in _conflict(rng, t, names, progress):
                    yield when_author_text
                    t = when_author_text.when
                t += timedelta(hours=2)  # after a disagreement people usually go quiet for a while
            else:
                for m in _everyday(rng, t, names):
                    yield m
                    t = m.when
        if day == safety_day:
            t += timedelta(minutes=30)
            yield Msg(t, b if rng.random() < 0.5 else a, SAFETY[0])


def _everyday(rng: random.Random, t: datetime, names: tuple[str, str]) -> Iterator[Msg]:
    first = rng.choice(names)
    other = names[1] if first == names[0] else names[0]
    kind = rng.random()
    if kind < 0.15:
        msg, answers = rng.choice(AFFECTION)
        yield Msg(t, first, msg)
        t += timedelta(minutes=rng.randint(1, 30))
        yield Msg(t, other, rng.choice(answers))
        return
    if kind < 0.25:
        yield Msg(t, first, _fill(rng, rng.choice(APPRECIATION)))
        t += timedelta(minutes=rng.randint(1, 20))
        yield Msg(t, other, rng.choice(["Of course ❤️", "Anytime", "Aw, thank you", "😊"]))
        return
    if kind < 0.4:
        yield Msg(t, first, _fill(rng, rng.choice(EVERYDAY)))
        t += timedelta(minutes=rng.randint(1, 12), seconds=rng.randint(0, 59))
        yield Msg(t, other, _fill(rng, rng.choice(REPLIES)))
        return
    slots = _slots(rng)
    speaker = first
    for turn in rng.choice(EXCHANGES):
        yield Msg(t, speaker, _fill(rng, turn, slots))
        t += timedelta(minutes=rng.randint(1, 12), seconds=rng.randint(0, 59))
        speaker = first if speaker == other else other


def _conflict(rng: random.Random, t: datetime, names: tuple[str, str], progress: float) -> Iterator[Msg]:
    a = rng.choice(names)
    b = names[1] if a == names[0] else names[0]
    # Mild tendencies: the first person reaches for criticism a little more, the second for withdrawing.
    lean = {names[0]: (CRITICISM, DEFENSIVE), names[1]: (DEFENSIVE, STONEWALL)}

    def step(author: str, pool: list[str], gap: tuple[int, int] = (1, 6)) -> Msg:
        nonlocal t
        t += timedelta(minutes=rng.randint(*gap), seconds=rng.randint(0, 59))
        return Msg(t, author, _fill(rng, rng.choice(pool)))

    gentle = rng.random() < 0.25 + 0.5 * progress
    yield step(a, NEED if gentle else (CRITICISM if rng.random() < 0.7 else lean[a][0]))
    if gentle and rng.random() < 0.55 + 0.3 * progress:
        yield step(b, rng.choice([VALIDATE, ACCOUNT, CURIOUS]))
        yield step(a, rng.choice([["Thank you. That means a lot."], ["Thanks for hearing me."], AMENDS]))
        yield step(b, rng.choice([REASSURE, AMENDS, ["❤️"]]))
        return
    yield step(b, rng.choice([DEFENSIVE, DEFENSIVE, INVALIDATE, NON_APOLOGY, lean[b][1]]))
    speaker, other = a, b
    rounds = rng.randint(1, 4)
    for _ in range(rounds):
        if rng.random() < 0.15:
            yield step(speaker, FILLER)
        if rng.random() < 0.45 - 0.25 * progress:
            yield step(speaker, rng.choice([CONTEMPT, CRITICISM, lean[speaker][0]]))
        else:
            yield step(speaker, rng.choice([DEFENSIVE, CRITICISM, INVALIDATE, lean[speaker][1]]))
        speaker, other = other, speaker
        if rng.random() < 0.25:
            break
    if rng.random() < 0.1:
        yield step(speaker, rng.choice([SELF_CRIT, PLACATE]))
    if rng.random() < 0.45 + 0.4 * progress:
        yield step(speaker, rng.choice([REPAIR, ACCOUNT, VALIDATE]), gap=(2, 40))
        if rng.random() < 0.5 + 0.4 * progress:
            yield step(other, rng.choice([ACCOUNT, REASSURE, VALIDATE, ["Ok. Thank you for saying that."]]))
            yield step(speaker, rng.choice([REASSURE, AMENDS, ["Love you", "Let's get pizza and reset 🍕"]]))
        else:
            yield step(other, rng.choice([STONEWALL, DEFENSIVE, NON_APOLOGY]))
    else:
        yield step(speaker, STONEWALL)


def write_whatsapp(
    messages: Iterator[Msg] | list[Msg],
    path: Path,
    style: str = "android",
    date_order: str = "dmy",
    clock: str = "24h",
    system_lines: bool = True,
    media_every: int = 0,
) -> int:
    """Write messages as a WhatsApp export (android dash style or ios bracketed style). Returns messages written."""
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i, m in enumerate(messages):
            stamp = _wa_stamp(m.when, style, date_order, clock)
            if i == 0 and system_lines:
                if style == "ios":
                    fh.write(
                        f"{stamp} {m.author}: \u200eMessages and calls are end-to-end encrypted. No one outside "
                        "of this chat, not even WhatsApp, can read or listen to them.\n"
                    )
                else:
                    fh.write(
                        f"{stamp} - Messages and calls are end-to-end encrypted. No one outside of this chat, "
                        "not even WhatsApp, can read or listen to them. Tap to learn more.\n"
                    )
            sep = " " if style == "ios" else " - "
            fh.write(f"{stamp}{sep}{m.author}: {m.text}\n")
            n += 1
            if media_every and i % media_every == media_every - 1:
                body = "\u200eimage omitted" if style == "ios" else "<Media omitted>"
                fh.write(f"{stamp}{sep}{m.author}: {body}\n")
    return n


def _wa_stamp(when: datetime, style: str, order: str, clock: str) -> str:
    if order == "dmy":
        d = f"{when.day:02d}/{when.month:02d}/{when.year}"
    elif order == "mdy":
        d = f"{when.month}/{when.day}/{when.year % 100:02d}"
    else:
        d = f"{when.year}-{when.month:02d}-{when.day:02d}"
    if clock == "12h":
        h = when.hour % 12 or 12
        ampm = "AM" if when.hour < 12 else "PM"
        tm = (
            f"{h}:{when.minute:02d}:{when.second:02d}\u202f{ampm}"
            if style == "ios"
            else f"{h}:{when.minute:02d}\u202f{ampm.lower()}"
        )
    else:
        tm = (
            f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}"
            if style == "ios"
            else f"{when.hour:02d}:{when.minute:02d}"
        )
    return f"[{d}, {tm}]" if style == "ios" else f"{d}, {tm}"
