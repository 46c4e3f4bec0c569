"""Small text helpers shared by detectors: sentence splitting and quoted-speech masking."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Sentence ends: . ! ? … or a newline, keeping offsets into the original text.
_SENT = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”’)]*|\n|$)")
# Text inside double or curly quotes is someone else's words (reported speech), not the writer's own move.
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


# The rules, the classifier and the safety detector each split the same message: the split of recent
# messages is remembered (a fresh list each call, so callers may change theirs). Long texts are not kept.
SPLIT_CACHE = 8_192
SPLIT_CACHE_MAX_CHARS = 2_000


def sentences(text: str) -> list[Sentence]:
    if len(text) > SPLIT_CACHE_MAX_CHARS:
        return list(_split(text))
    return list(_split_cached(text))


@lru_cache(maxsize=SPLIT_CACHE)
def _split_cached(text: str) -> tuple[Sentence, ...]:
    return _split(text)


def _split(text: str) -> tuple[Sentence, ...]:
    out = []
    for m in _SENT.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Sentence(start, start + len(stripped), stripped))
    return tuple(out)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


# --- literal prefilters --------------------------------------------------------------------------------------
# Most rule and cue patterns can only match where one of a few fixed words occurs ("\byou (?:always|never)\b"
# needs "always" or "never"). A substring test on the lower-cased text is far cheaper than running the regex,
# so detectors skip a pattern whose required words are absent; its result is the same, because such a
# pattern cannot match there. The safety cues are long phrases: their filter also reads whitespace as one space
# and expands small alternations (spaces=True, expand=16), so it looks for "checks my phone", not "phone".

# The only non-ASCII characters that re.IGNORECASE lets match an ASCII letter (checked over all of Unicode:
# test_text_fold_matches_ignorecase); str.lower() leaves the last two alone and turns "İ" into two characters.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})  # İ, dotless ı, long ſ


def fold(text: str) -> str:
    """``text`` lower-cased the way re.IGNORECASE compares it with ASCII (same length, same offsets)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def _plain(ch: str) -> bool:
    # A literal character that fold() treats exactly as re.IGNORECASE does: ASCII, or uncased (emoji, ’, …).
    return ch.isascii() or ch.lower() == ch.upper() == ch


# The stdlib's own regex parser (what re.compile runs), so patterns are read exactly as re reads them.
_SRE_PARSER: Any = importlib.import_module("re._parser")
_SRE_CONSTANTS: Any = importlib.import_module("re._constants")


def required_literals(pattern: str, *, spaces: bool = False, expand: int = 1) -> frozenset[str] | None:
    """Lower-cased strings, at least one of which is in every match of ``pattern`` compiled with
    re.IGNORECASE (and no other flags); None when no such set is known and the pattern must always run.

    ``spaces``: the strings are looked for in spaced(text), where every whitespace run is one space, so a
    pattern's whitespace (``\\s+``, ``\\s``, a literal space) counts as one space inside a string.
    ``expand``: a stretch of small pieces ("(?:he|she)\\s+checks") may be read as up to this many alternative
    strings ("he checks", "she checks"), which is more selective than any one piece; 1 reads literal runs only.
    """
    return _best(_needs(_SRE_PARSER.parse(pattern, re.IGNORECASE), _Reader(spaces, expand)))


def spaced(folded: str) -> str:
    """``folded`` with each whitespace run as one space, padded with one space each side: the text that
    ``required_literals(..., spaces=True)`` strings are looked for in (offsets are not kept)."""
    return " " + " ".join(folded.split()) + " "


class _Reader:
    """Reads one parse tree: small() results are remembered per node (by identity, while the tree lives)."""

    def __init__(self, spaces: bool, expand: int) -> None:
        self.spaces, self.expand = spaces, expand
        self.memo: dict[int, frozenset[str] | None] = {}
        self.seq_memo: dict[int, list[tuple[frozenset[str] | None, Any]]] = {}

    def char(self, ch: str) -> str:
        return " " if self.spaces and ch.isspace() else ch.lower()

    def join(self, a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
        out = frozenset(x + y for x in a for y in b)
        return frozenset(_one_space(x) for x in out) if self.spaces else out

    def small(self, node: Any) -> frozenset[str] | None:
        """Every string ``node`` can match (folded; zero-width nodes match ""), or None if not few."""
        key = id(node)
        if key not in self.memo:
            self.memo[key] = self._small(node)
        return self.memo[key]

    def _small(self, node: Any) -> frozenset[str] | None:
        c = _SRE_CONSTANTS
        op, av = node
        out: frozenset[str] | None = None
        if op is c.LITERAL:
            if _plain(chr(av)):
                out = frozenset({self.char(chr(av))})
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            out = frozenset({""})
        elif op is c.IN:
            if self.spaces and list(av) == [(c.CATEGORY, c.CATEGORY_SPACE)]:
                out = frozenset({" "})
            elif all(o is c.LITERAL and _plain(chr(v)) for o, v in av):
                out = frozenset(self.char(chr(v)) for _, v in av)
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                out = self.small_seq(sub)
        elif op is c.ATOMIC_GROUP:
            out = self.small_seq(av)
        elif op is c.BRANCH:
            acc: set[str] = set()
            for alt in av[1]:
                a = self.small_seq(alt)
                if a is None:
                    break
                acc |= a
                if len(acc) > self.expand:
                    break
            else:
                out = frozenset(acc)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            inner = self.small_seq(sub)
            if self.spaces and inner == {" "}:
                out = (
                    frozenset({" "}) if low >= 1 else frozenset({"", " "})
                )  # \\s+ is one space, \\s* none or one
            elif inner is not None and low == high == 1:
                out = inner
            elif inner is not None and low == 0 and high == 1:
                out = inner | {""}
        return out if out is not None and len(out) <= self.expand else None

    def pieces(self, seq: Any) -> list[tuple[frozenset[str] | None, Any]]:
        """``seq`` as (small(node), node) pairs, a run of literal characters as one piece."""
        key = id(seq)
        if key in self.seq_memo:
            return self.seq_memo[key]
        out: list[tuple[frozenset[str] | None, Any]] = []
        self.seq_memo[key] = out
        run: list[str] = []
        for node in getattr(seq, "data", seq):  # a SubPattern's list (its __getitem__ is slow)
            if node[0] is _SRE_CONSTANTS.LITERAL and _plain(chr(node[1])):
                run.append(self.char(chr(node[1])))
                continue
            if run:
                out.append((frozenset({_one_space("".join(run)) if self.spaces else "".join(run)}), None))
                run = []
            out.append((self.small(node), node))
        if run:
            out.append((frozenset({_one_space("".join(run)) if self.spaces else "".join(run)}), None))
        return out

    def small_seq(self, seq: Any) -> frozenset[str] | None:
        acc = frozenset({""})
        for e, _node in self.pieces(seq):
            if e is None:
                return None
            acc = self.join(acc, e)
            if len(acc) > self.expand:
                return None
        return acc


def _one_space(s: str) -> str:
    while "  " in s:
        s = s.replace("  ", " ")
    return s


def _needs(seq: Any, r: _Reader) -> list[frozenset[str]]:
    """Every set returned is a requirement of ``seq`` on its own (a match contains one of its strings)."""
    c = _SRE_CONSTANTS
    out: list[frozenset[str]] = []
    # consecutive small nodes, expanded: every match contains one of these strings verbatim
    stretch: frozenset[str] = frozenset({""})
    for e, node in r.pieces(seq):
        if e is not None:
            grown = r.join(stretch, e)
            if len(grown) <= r.expand:
                stretch = grown
                continue
            out.append(stretch)
            stretch = e
            continue
        out.append(stretch)
        stretch = frozenset({""})
        op, av = node
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                out.extend(_needs(sub, r))
        elif op is c.ATOMIC_GROUP:
            out.extend(_needs(av, r))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1 and len(sub) == 1 and sub[0][0] is c.LITERAL and _plain(chr(sub[0][1])):
                ch = r.char(chr(sub[0][1]))
                out.append(frozenset({ch if ch == " " else ch * low}))  # "!{2,}" needs "!!"
            elif low >= 1:
                out.extend(_needs(sub, r))
        elif op is c.BRANCH:
            alts = [_best(_needs(alt, r)) for alt in av[1]]
            if all(a is not None for a in alts):
                out.append(frozenset().union(*(a for a in alts if a is not None)))
        elif op is c.IN and all(o is c.LITERAL and _plain(chr(v)) for o, v in av):
            out.append(frozenset(r.char(chr(v)) for _, v in av))  # a class of single characters: [!?], ❤|😘
        # anything else (classes, lookarounds, back-references) requires no fixed string
    out.append(stretch)
    return [s for s in out if "" not in s]


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    # the most selective requirement: longest shortest string, then fewest strings
    return max(options, key=lambda s: (min(len(x.strip(" '")) for x in s), -len(s)), default=None)


class LiteralFilter:
    """Which of a list of IGNORECASE patterns could match a text, judged by their required literals.

    One regex scan finds every required literal in the text: a trie of all literals inside a lookahead, so
    it reports the longest literal starting at each position (~13 µs for a chat message, against ~50 µs
    for one substring test per literal); the shorter literals starting there are its prefixes.
    """

    def __init__(
        self,
        patterns: list[str],
        *,
        spaces: bool = False,
        expand: int = 1,
        needs: list[tuple[str, ...] | None] | None = None,
    ) -> None:
        """``spaces``/``expand``: see required_literals (with spaces=True, give candidates() and may_match()
        spaced(fold(text))). ``needs``: the ``.needs`` of a filter built earlier from the same patterns and
        options (a cache, so they need not be derived again)."""
        if needs is None:
            needs = []
            for p in patterns:
                lits = required_literals(p, spaces=spaces, expand=expand)
                # a string containing another required string adds nothing: drop it (fewer substring tests)
                needs.append(
                    None
                    if lits is None
                    else tuple(sorted(x for x in lits if not any(y != x and y in x for y in lits)))
                )
        assert len(needs) == len(patterns)
        self.needs: list[tuple[str, ...] | None] = needs
        users: dict[str, set[int]] = {}
        for i, lits_i in enumerate(self.needs):
            for x in lits_i or ():
                users.setdefault(x, set()).add(i)
        # finding a literal means every literal that is a prefix of it is there too
        self._enables = {
            x: frozenset().union(*(users.get(x[:k], ()) for k in range(1, len(x) + 1))) for x in users
        }
        self._scan = re.compile(f"(?=({_trie(list(users))}))") if users else None
        self._always = frozenset(i for i, lits_i in enumerate(self.needs) if lits_i is None)

    def candidates(self, folded: str) -> set[int]:
        """Indices of the patterns that may match ``fold(text)``; every other one cannot."""
        out = set(self._always)
        if self._scan is not None:
            for x in set(self._scan.findall(folded)):
                out |= self._enables[x]
        return out

    def may_match(self, i: int, folded: str) -> bool:
        lits = self.needs[i]
        return lits is None or any(x in folded for x in lits)


def _trie(words: list[str]) -> str:
    """A regex matching the longest of ``words`` at a position (greedy optional tails)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
