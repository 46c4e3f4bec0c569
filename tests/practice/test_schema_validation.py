"""Practice scripts are validated on load; every problem is reported with its step."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from heartwork.practice.schema import (
    PracticeNotFoundError,
    ScriptError,
    load_all,
    load_practice,
    load_script,
    parse_practice,
)

REQUIRED = {
    "self-compassion-break",
    "soothing-touch",
    "own-my-part",
    "core-value",
    "unmet-needs",
    "speaking-up",
    "reactivity-check-in",
    "letter-to-myself",
}


def test_schema_all_shipped_scripts_are_valid_and_present() -> None:
    practices = {p.id: p for p in load_all()}
    assert set(practices) >= REQUIRED
    for p in practices.values():
        assert p.title and p.summary and p.approach.startswith("APPROACH.md")
        assert any(s.takes_answer for s in p.steps)


def test_schema_practices_carry_their_key_parts() -> None:
    scb = load_practice("self-compassion-break")
    texts = " ".join(s.text for s in scb.steps)
    assert "Mindfulness" in texts and "Common humanity" in texts and "Kindness" in texts
    rc = load_practice("reactivity-check-in")
    assert {"trigger", "body", "urge", "did", "wish"} <= set(rc.answer_ids)
    assert [o.value for o in rc.step("response").options] == ["fight", "flight", "freeze", "placate"]
    assert any(o.safety for o in rc.step("unsafe").options)
    own = load_practice("own-my-part")
    ids = list(own.answer_ids)
    assert ids.index("my_part") < ids.index("not_mine") < ids.index("repair")
    assert own.steps[1].type == "breath"  # kindness first, before looking at one's part
    assert load_practice("speaking-up").step("statement").builder == "need_statement"


def test_schema_names_are_forgiving_and_errors_list_choices() -> None:
    assert load_practice("Self Compassion Break").id == "self-compassion-break"
    with pytest.raises(PracticeNotFoundError) as exc:
        load_practice("selfcompassion")
    msg = str(exc.value)
    assert "Did you mean self-compassion-break?" in msg and "Available:" in msg and "soothing-touch" in msg


GOOD = {
    "id": "tiny",
    "title": "Tiny",
    "summary": "A tiny practice.",
    "steps": [{"type": "text", "text": "Hello"}, {"id": "a", "type": "prompt", "text": "What?"}],
}


def _with_steps(*steps: dict) -> dict:
    return {**GOOD, "steps": [*GOOD["steps"], *steps]}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_with_steps({"type": "dance"}), "type 'dance' is not one of"),
        (_with_steps({"type": "prompt", "text": "No id"}), "needs an 'id'"),
        (_with_steps({"id": "a", "type": "prompt", "text": "Again"}), "id 'a' is used twice"),
        (_with_steps({"id": "b", "type": "scale", "text": "S", "min": 5, "max": 1}), "min < max"),
        (
            _with_steps(
                {"id": "c", "type": "choice", "text": "C", "options": [{"value": "x", "label": "X"}]}
            ),
            "at least two options",
        ),
        (_with_steps({"type": "text", "text": "Hi {later}"}), "refers to {later}"),
        (
            _with_steps({"type": "text", "text": "x", "when": {"answer": "zzz", "in": ["y"]}}),
            "not an earlier step's id",
        ),
        (
            _with_steps({"id": "d", "type": "prompt", "text": "D", "notice": {"rudeness": "x"}}),
            "not a taxonomy label",
        ),
        (_with_steps({"type": "breath", "count": 99}), "count must be a whole number from 1 to 20"),
        (_with_steps({"type": "timer", "seconds": 0}), "seconds must be a number"),
        (
            _with_steps({"id": "e", "type": "compose", "builder": "poem", "inputs": {}}),
            "builder 'poem' is not one of",
        ),
        (_with_steps({"type": "text", "text": "x", "colour": "red"}), "unknown key 'colour'"),
        ({**GOOD, "id": "Not Valid"}, "id: required; lowercase"),
        (
            {**GOOD, "steps": [{"type": "text", "text": "only words"}]},
            "at least one step that takes an answer",
        ),
    ],
)
def test_schema_rejects_invalid_scripts_with_a_clear_message(data: dict, expected: str) -> None:
    with pytest.raises(ScriptError) as exc:
        parse_practice(data, source="tiny.yaml")
    assert "tiny.yaml is not a valid practice script" in str(exc.value)
    assert expected in str(exc.value)


def test_schema_reports_every_problem_at_once() -> None:
    data = _with_steps({"type": "dance"}, {"type": "prompt", "text": "no id"})
    with pytest.raises(ScriptError) as exc:
        parse_practice(data)
    assert "step 3" in str(exc.value) and "step 4" in str(exc.value)


def test_schema_file_level_errors(tmp_path: Path) -> None:
    bad_yaml = tmp_path / "tiny.yaml"
    bad_yaml.write_text("id: tiny\nsteps: [\n", encoding="utf-8")
    with pytest.raises(ScriptError, match="not valid YAML"):
        load_script(bad_yaml)
    wrong_name = tmp_path / "other.yaml"
    wrong_name.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    with pytest.raises(ScriptError, match="must match the file name"):
        load_script(wrong_name)
    # the comma-inside-an-unquoted-flow-label mistake is caught as an invalid option, not silently mangled
    flow = tmp_path / "tiny.yaml"
    flow.write_text(
        "id: tiny\ntitle: T\nsummary: S\nsteps:\n  - id: c\n    type: choice\n    text: C\n    options:\n"
        "      - {value: a, label: One, two}\n      - {value: b, label: Three}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScriptError, match="must be \\{value, label\\}"):
        load_script(flow)


def test_schema_paragraphs_are_joined_for_wrapping() -> None:
    p = parse_practice({**GOOD, "steps": [{"type": "text", "text": "one\ntwo\n\nthree"}, GOOD["steps"][1]]})
    assert p.steps[0].text == "one two\n\nthree"
