"""The schema of a practice script and its loader.

A practice is one YAML file in ``heartwork/practice/scripts/``. It is data, not code: the engine
(:mod:`heartwork.practice.engine`) runs any valid script, and both the terminal and the web app use it.
Validation happens on load and reports every problem with the file name and the step, so a broken
script never reaches a user half-way through a practice.

A script looks like this (see the shipped scripts for complete examples)::

    id: self-compassion-break          # lowercase words joined by '-'; also the file name
    title: Self-compassion break
    summary: One line for the list of practices.
    approach: "APPROACH.md §4"         # where the idea comes from
    minutes: 5
    steps:
      - type: text                     # show words, wait for Enter
        text: ...
      - id: situation                  # steps that take an answer need an id
        type: prompt                   # free text (analysed: safety first, then notices)
        text: What happened?
        multiline: false
        required: true
        notice:                        # label -> a gentle note when the answer shows that label
          self_criticism: ...
      - id: intensity
        type: scale                    # a whole number from min to max
        min: 0
        max: 10
        labels: {0: calm, 10: overwhelming}
      - id: response
        type: choice                   # one (or several, multiple: true) of the options
        options:
          - {value: fight, label: "Fight: ..."}
          - {value: unsafe, label: "...", safety: true}   # choosing it pauses the practice for safety
      - type: breath                   # paced breathing; skippable, and instant with HEARTWORK_PACE=0
        count: 3
        inhale: 4
        exhale: 6
      - type: timer                    # a quiet pause of some seconds
        seconds: 30
      - id: statement
        type: compose                  # builds text from earlier answers (e.g. a need statement)
        builder: need_statement
        inputs: {feeling: feeling, situation: situation, need: need, request: request}
      - type: text
        when: {answer: response, in: [placate]}   # shown only for some earlier answers
        text: ...

Text may refer to earlier answers as ``{answer_id}``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final

from heartwork.taxonomy import LABELS

__all__ = [
    "BUILDERS",
    "INPUT_TYPES",
    "STEP_TYPES",
    "Option",
    "Practice",
    "PracticeNotFoundError",
    "ScriptError",
    "Step",
    "When",
    "load_all",
    "load_practice",
    "load_script",
    "parse_practice",
    "practice_ids",
]

STEP_TYPES: Final = ("text", "prompt", "choice", "scale", "breath", "timer", "compose")
#: Steps whose answer is kept (and so need an ``id``).
INPUT_TYPES: Final = ("prompt", "choice", "scale", "compose")
#: Builders a ``compose`` step may name, with the inputs each needs.
BUILDERS: Final[dict[str, tuple[str, ...]]] = {
    "need_statement": ("feeling", "situation", "need", "request"),
}

_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_TOP_KEYS = {"id", "title", "summary", "approach", "minutes", "version", "steps", "closing"}
_STEP_KEYS: dict[str, set[str]] = {
    "text": {"text", "when"},
    "prompt": {
        "id",
        "text",
        "hint",
        "when",
        "required",
        "multiline",
        "notice",
        "default_from",
        "placeholder",
    },
    "choice": {"id", "text", "hint", "when", "required", "options", "multiple"},
    "scale": {"id", "text", "hint", "when", "required", "min", "max", "labels"},
    "breath": {"text", "when", "count", "inhale", "hold", "exhale"},
    "timer": {"text", "when", "seconds"},
    "compose": {"id", "text", "when", "builder", "inputs"},
}
# Upper bounds that keep pacing humane and scripts sane.
MAX_BREATHS: Final = 20
MAX_PHASE_SECONDS: Final = 12
MAX_TIMER_SECONDS: Final = 600
MAX_SCALE_SPAN: Final = 20
# Words about how to answer in one face (a key, a click, a blank line) belong to the runner, not to a script:
# the terminal says "Press Enter to go on", the web app shows a button. A script says only what a person reads.
_UI_WORDS = re.compile(
    r"\b(?:press|hit|type)\s+(?:enter|return)\b|\bctrl-?c\b|\bclick\b|\b(?:empty|blank)\s+line\b",
    re.IGNORECASE,
)


class ScriptError(ValueError):
    """A practice script is not valid. The message lists every problem found."""


class PracticeNotFoundError(LookupError):
    """No practice of that name; the message lists the available ones."""


@dataclass(frozen=True, slots=True)
class When:
    """Show a step only when an earlier answer is (or includes) one of ``values``."""

    answer: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    safety: bool = False  # choosing it pauses the practice and shows help


@dataclass(frozen=True, slots=True)
class Step:
    type: str
    text: str = ""
    id: str | None = None
    hint: str = ""
    required: bool = True
    when: When | None = None
    # prompt
    multiline: bool = False
    notice: dict[str, str] = field(default_factory=dict)
    default_from: str | None = None
    placeholder: str = ""
    # choice
    options: tuple[Option, ...] = ()
    multiple: bool = False
    # scale
    min: int = 0
    max: int = 10
    labels: dict[int, str] = field(default_factory=dict)
    # breath
    count: int = 3
    inhale: float = 4.0
    hold: float = 0.0
    exhale: float = 6.0
    # timer
    seconds: float = 0.0
    # compose
    builder: str = ""
    inputs: dict[str, str] = field(default_factory=dict)

    @property
    def takes_answer(self) -> bool:
        return self.type in INPUT_TYPES


@dataclass(frozen=True, slots=True)
class Practice:
    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    approach: str = ""
    minutes: int = 5
    version: int = 1
    closing: str = ""

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    @property
    def answer_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps if s.id)


def _paragraphs(text: str) -> str:
    """Join the lines of each paragraph (YAML block text keeps line breaks); keep blank-line paragraph breaks."""
    paras = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in paras)


def _fields(text: str) -> list[str]:
    """The ``{name}`` placeholders in a text (format-spec free)."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name]
    except ValueError as exc:
        raise ValueError(f"bad braces in text ({exc}); write '{{{{' for a literal brace") from exc


def parse_practice(data: Any, source: str = "<script>") -> Practice:
    """Validate one loaded YAML document and build a :class:`Practice`. Raises :class:`ScriptError`."""
    errors: list[str] = []

    def err(where: str, msg: str) -> None:
        errors.append(f"{where}: {msg}")

    if not isinstance(data, dict):
        raise ScriptError(f"{source}: a practice script must be a mapping with id, title, summary and steps.")
    for key in sorted(set(data) - _TOP_KEYS):
        err("top level", f"unknown key {key!r}; allowed: {', '.join(sorted(_TOP_KEYS))}")
    pid = data.get("id")
    if not isinstance(pid, str) or not _ID_RE.match(pid):
        err("id", "required; lowercase letters/digits joined by '-' (e.g. self-compassion-break)")
    for key in ("title", "summary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            err(key, "required text")
    minutes = data.get("minutes", 5)
    if not isinstance(minutes, int) or not 1 <= minutes <= 60:
        err("minutes", "a whole number from 1 to 60")
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        err("version", "a whole number >= 1")
    raw_steps = data.get("steps")
    steps: list[Step] = []
    seen: set[str] = set()
    if not isinstance(raw_steps, list) or not raw_steps:
        err("steps", "required: a non-empty list of steps")
        raw_steps = []
    for i, raw in enumerate(raw_steps, start=1):
        where = f"step {i}"
        if not isinstance(raw, dict):
            err(where, "must be a mapping with a 'type'")
            continue
        stype = raw.get("type")
        if stype not in STEP_TYPES:
            err(where, f"type {stype!r} is not one of: {', '.join(STEP_TYPES)}")
            continue
        where = f"step {i} ({stype}{' ' + str(raw['id']) if 'id' in raw else ''})"
        for key in sorted(set(raw) - _STEP_KEYS[stype] - {"type"}):
            err(
                where,
                f"unknown key {key!r} for a {stype} step; allowed: {', '.join(sorted(_STEP_KEYS[stype]))}",
            )
        kw: dict[str, Any] = {"type": stype}
        text = raw.get("text", "")
        if not isinstance(text, str):
            err(where, "text must be text")
            text = ""
        kw["text"] = _paragraphs(text)
        if stype in ("text", "prompt", "choice", "scale") and not kw["text"]:
            err(where, "needs a 'text'")
        try:
            for name in _fields(kw["text"]):
                if name not in seen:
                    err(where, f"text refers to {{{name}}} but no earlier step has that id")
        except ValueError as exc:
            err(where, str(exc))
        sid = raw.get("id")
        if stype in INPUT_TYPES:
            if not isinstance(sid, str) or not _ID_RE.match(sid):
                err(where, "needs an 'id' (lowercase words joined by '_' or '-')")
            elif sid in seen:
                err(where, f"id {sid!r} is used twice")
            else:
                kw["id"] = sid
        if "hint" in raw:
            kw["hint"] = str(raw["hint"]).strip()
        if "required" in raw:
            if not isinstance(raw["required"], bool):
                err(where, "required must be true or false")
            else:
                kw["required"] = raw["required"]
        if "when" in raw:
            w = raw["when"]
            if not isinstance(w, dict) or set(w) != {"answer", "in"} or not isinstance(w.get("in"), list):
                err(where, "when must be {answer: <earlier id>, in: [values]}")
            elif w["answer"] not in seen:
                err(where, f"when refers to {w['answer']!r}, which is not an earlier step's id")
            else:
                kw["when"] = When(str(w["answer"]), tuple(str(v) for v in w["in"]))
        if stype == "prompt":
            kw["multiline"] = bool(raw.get("multiline", False))
            kw["placeholder"] = str(raw.get("placeholder", ""))
            notice = raw.get("notice", {}) or {}
            if not isinstance(notice, dict):
                err(where, "notice must map a label id to a note")
                notice = {}
            for label in notice:
                if label not in LABELS:
                    err(where, f"notice label {label!r} is not a taxonomy label; valid: {', '.join(LABELS)}")
            kw["notice"] = {str(k): str(v).strip() for k, v in notice.items()}
            if "default_from" in raw:
                if raw["default_from"] not in seen:
                    err(where, f"default_from refers to {raw['default_from']!r}, not an earlier step's id")
                else:
                    kw["default_from"] = str(raw["default_from"])
        elif stype == "choice":
            opts = raw.get("options")
            parsed: list[Option] = []
            if not isinstance(opts, list) or len(opts) < 2:
                err(where, "needs at least two options, each {value, label}")
                opts = []
            for o in opts:
                if (
                    not isinstance(o, dict)
                    or not {"value", "label"} <= set(o)
                    or set(o) - {"value", "label", "safety"}
                ):
                    err(where, f"option {o!r} must be {{value, label}} (optionally safety: true)")
                    continue
                parsed.append(Option(str(o["value"]), str(o["label"]).strip(), bool(o.get("safety", False))))
            values = [o.value for o in parsed]
            if len(set(values)) != len(values):
                err(where, "option values must be distinct")
            kw["options"] = tuple(parsed)
            kw["multiple"] = bool(raw.get("multiple", False))
        elif stype == "scale":
            lo, hi = raw.get("min", 0), raw.get("max", 10)
            if not (isinstance(lo, int) and isinstance(hi, int) and lo < hi and hi - lo <= MAX_SCALE_SPAN):
                err(
                    where,
                    f"min and max must be whole numbers with min < max and at most {MAX_SCALE_SPAN} apart",
                )
            else:
                kw["min"], kw["max"] = lo, hi
            labels = raw.get("labels", {}) or {}
            if not isinstance(labels, dict) or not all(isinstance(k, int) for k in labels):
                err(where, "labels must map whole numbers to words")
                labels = {}
            kw["labels"] = {int(k): str(v) for k, v in labels.items()}
        elif stype == "breath":
            count = raw.get("count", 3)
            if not isinstance(count, int) or not 1 <= count <= MAX_BREATHS:
                err(where, f"count must be a whole number from 1 to {MAX_BREATHS}")
            else:
                kw["count"] = count
            for phase, default in (("inhale", 4.0), ("hold", 0.0), ("exhale", 6.0)):
                v = raw.get(phase, default)
                if not isinstance(v, int | float) or not 0 <= v <= MAX_PHASE_SECONDS:
                    err(where, f"{phase} must be seconds from 0 to {MAX_PHASE_SECONDS}")
                else:
                    kw[phase] = float(v)
        elif stype == "timer":
            secs = raw.get("seconds")
            if not isinstance(secs, int | float) or not 0 < secs <= MAX_TIMER_SECONDS:
                err(where, f"seconds must be a number from 1 to {MAX_TIMER_SECONDS}")
            else:
                kw["seconds"] = float(secs)
        elif stype == "compose":
            builder = raw.get("builder")
            if builder not in BUILDERS:
                err(where, f"builder {builder!r} is not one of: {', '.join(BUILDERS)}")
            else:
                kw["builder"] = builder
                inputs = raw.get("inputs")
                if not isinstance(inputs, dict) or set(inputs) != set(BUILDERS[builder]):
                    err(where, f"inputs must map exactly {', '.join(BUILDERS[builder])} to earlier ids")
                else:
                    for k, v in inputs.items():
                        if v not in seen:
                            err(where, f"input {k!r} refers to {v!r}, not an earlier step's id")
                    kw["inputs"] = {str(k): str(v) for k, v in inputs.items()}
        words = [kw["text"], kw.get("hint", ""), kw.get("placeholder", ""), *kw.get("notice", {}).values()]
        words += [o.label for o in kw.get("options", ())] + list(kw.get("labels", {}).values())
        for found in sorted({m.group(0) for w in words for m in _UI_WORDS.finditer(w)}):
            err(
                where,
                f"says {found!r}: how to answer is the runner's to say (the terminal adds 'Press Enter "
                "to go on', the web app shows a button); write only what the person reads",
            )
        if kw.get("id"):
            seen.add(kw["id"])
        steps.append(Step(**kw))
    if steps and not any(s.takes_answer for s in steps):
        err("steps", "a practice needs at least one step that takes an answer (prompt, choice, scale)")
    closing = data.get("closing", "")
    if not isinstance(closing, str):
        err("closing", "must be text")
        closing = ""
    for key, value in (("summary", data.get("summary")), ("closing", closing)):
        for found in sorted(
            {m.group(0) for m in _UI_WORDS.finditer(value if isinstance(value, str) else "")}
        ):
            err(
                key, f"says {found!r}: how to answer is the runner's to say; write only what the person reads"
            )
    if errors:
        raise ScriptError(f"{source} is not a valid practice script:\n  - " + "\n  - ".join(errors))
    return Practice(
        id=str(pid),
        title=str(data["title"]).strip(),
        summary=" ".join(str(data["summary"]).split()),
        steps=tuple(steps),
        approach=str(data.get("approach", "")),
        minutes=int(minutes),
        version=int(version),
        closing=_paragraphs(closing),
    )


def load_script(path: Path | str) -> Practice:
    """Load and validate one script file. Raises :class:`ScriptError` with every problem found."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScriptError(f"{path.name}: not valid YAML: {exc}") from exc
    practice = parse_practice(data, source=path.name)
    if practice.id != path.stem:
        raise ScriptError(f"{path.name}: id {practice.id!r} must match the file name ({path.stem!r}).")
    return practice


def _script_dir() -> Path:
    return Path(str(resources.files("heartwork.practice") / "scripts"))


def practice_ids() -> list[str]:
    """Ids of the shipped practices, in the order the list shows them."""
    return [p.id for p in load_all()]


_ORDER: Final = (
    "self-compassion-break",
    "soothing-touch",
    "reactivity-check-in",
    "own-my-part",
    "core-value",
    "unmet-needs",
    "speaking-up",
    "letter-to-myself",
)
_CACHE: dict[str, Practice] = {}


def load_all() -> list[Practice]:
    """Every shipped practice (validated), in a sensible teaching order."""
    if not _CACHE:
        for path in sorted(_script_dir().glob("*.yaml")):
            p = load_script(path)
            _CACHE[p.id] = p
    rank = {pid: i for i, pid in enumerate(_ORDER)}
    return sorted(_CACHE.values(), key=lambda p: (rank.get(p.id, len(rank)), p.id))


def load_practice(name: str) -> Practice:
    """The practice called ``name`` (its id; case and spaces forgiven)."""
    wanted = name.strip().lower().replace(" ", "-").replace("_", "-")
    practices = {p.id: p for p in load_all()}
    if wanted in practices:
        return practices[wanted]
    import difflib

    squashed = {pid.replace("-", ""): pid for pid in practices}
    close = [pid for pid in practices if wanted and wanted in pid]
    close += [
        squashed[m]
        for m in difflib.get_close_matches(wanted.replace("-", ""), list(squashed), n=1, cutoff=0.6)
    ]
    hint = f" Did you mean {close[0]}?" if close else ""
    raise PracticeNotFoundError(f"Unknown practice {name!r}.{hint} Available: {', '.join(practices)}.")
