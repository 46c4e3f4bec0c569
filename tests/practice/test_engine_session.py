"""The UI-independent step model: parsing, re-asking, branching, notices, safety pauses, drafts, resume."""

from __future__ import annotations

import pytest
from practice_helpers import PLAIN, fake_analyzer

from heartwork.model import Analysis
from heartwork.practice.engine import (
    COMPLETE,
    DRAFT,
    PAUSED_SAFETY,
    Session,
    compose_need_statement,
    parse_choice,
    parse_scale,
)
from heartwork.practice.schema import load_all, load_practice, parse_practice


def quiet(text: str) -> Analysis:
    return Analysis(text=text)


def test_engine_every_practice_completes_with_a_record() -> None:
    for practice in load_all():
        s = Session(practice, analyzer=quiet)
        while (step := s.current) is not None:
            if step.type in ("prompt",):
                assert s.submit(PLAIN).ok
            elif step.type == "choice":
                assert s.submit("1").ok
            elif step.type == "scale":
                assert s.submit(str(step.min)).ok
            else:
                s.acknowledge()
        assert s.status == COMPLETE, practice.id
        rec = s.record()
        assert rec["status"] == "complete" and rec["practice"] == practice.id
        assert rec["transcript"] and all(row["answer"] for row in rec["transcript"])


def test_engine_scale_parsing_is_strict_and_kind() -> None:
    step = load_practice("self-compassion-break").step("intensity_before")
    assert parse_scale(" 7 ", step) == 7
    for raw, msg in [
        ("eleven", "whole number from 0 to 10"),
        ("11", "11 is outside the scale"),
        ("4.5", "whole number"),
    ]:
        with pytest.raises(ValueError, match=msg):
            parse_scale(raw, step)


def test_engine_choice_parsing_numbers_values_labels_and_multiple() -> None:
    rc = load_practice("reactivity-check-in")
    multi = rc.step("response")
    assert parse_choice("1,3", multi) == ["fight", "freeze"]
    assert parse_choice("placate", multi) == ["placate"]
    assert parse_choice("2 4", multi) == ["flight", "placate"]
    single = rc.step("unsafe")
    assert parse_choice("No", single) == "no"
    with pytest.raises(ValueError, match="just one"):
        parse_choice("1,2", single)
    with pytest.raises(ValueError, match="9 isn't one of the choices"):
        parse_choice("9", multi)
    with pytest.raises(ValueError, match="didn't recognise 'dance'"):
        parse_choice("dance", multi)


def test_engine_bad_input_is_re_asked_and_nothing_is_lost() -> None:
    s = Session(load_practice("self-compassion-break"), analyzer=quiet)
    s.acknowledge()  # intro text
    first = s.current
    out = s.submit("   ")
    assert not out.ok and "A few words are enough" in out.error and s.current is first
    assert s.submit("It was a hard evening").ok
    out = s.submit("42")  # intensity 0-10
    assert not out.ok and "outside the scale" in out.error
    assert s.current.id == "intensity_before" and s.answers["situation"] == "It was a hard evening"


def test_engine_optional_steps_accept_empty_and_defaults_fill_in() -> None:
    p = load_practice("speaking-up")
    s = Session(p, analyzer=quiet)
    s.acknowledge()
    s.submit("you made plans for both of us without asking me")
    s.submit("hurt")
    s.submit("2")  # consideration
    s.submit("check with me first")
    assert s.current.type == "compose"
    composed = s.answers["statement"]
    # built by the coach's need-statement builder (heartwork.coach.builders), with its self-kindness step first
    assert s.builder_source == "coach"
    assert composed == (
        "When you made plans for both of us without asking me, I felt hurt, because I need consideration. "
        "Would you be willing to check with me first?"
    )
    assert any("turn toward your own feeling" in n for n in s.compose_notes["statement"])
    s.acknowledge()
    assert s.default_for(s.current) == composed
    assert s.submit("").ok  # Enter keeps the composed statement
    assert s.answers["final"] == composed
    assert s.submit("").ok  # the optional curiosity question
    assert s.answers["curiosity"] is None and s.status == COMPLETE


def test_engine_when_branches_follow_earlier_answers() -> None:
    p = load_practice("reactivity-check-in")
    s = Session(p, analyzer=quiet)
    s.acknowledge()
    for _ in range(4):
        s.submit(PLAIN)
    s.submit("4")  # placate
    assert s.current.type == "text" and "Placating" in s.render(s.current)
    s.acknowledge()
    assert s.current.id == "unsafe"  # the fight / flight notes were skipped


def test_engine_text_fills_in_earlier_answers() -> None:
    p = load_practice("unmet-needs")
    s = Session(p, analyzer=quiet)
    s.acknowledge()
    s.submit("I wanted a quiet night, they wanted friends over")
    s.submit("tired")
    s.submit("12,5")  # rest, connection
    assert s.render(s.current).startswith("It makes sense to need rest and connection.")


def test_engine_notices_come_from_the_analysis_of_the_answer() -> None:
    analyzer = fake_analyzer({"always mess": "self_criticism"})
    s = Session(load_practice("own-my-part"), analyzer=analyzer)
    s.acknowledge()  # intro
    s.acknowledge()  # breath
    s.submit("We fought about money")
    out = s.submit("I always mess everything up")
    assert out.ok and any("not your part" in n for n in out.notes)
    assert s.labels["my_part"] == ["self_criticism"]


def test_engine_real_reader_notices_harsh_self_talk() -> None:
    s = Session(load_practice("own-my-part"))  # the real heartwork.analyze
    s.acknowledge()
    s.acknowledge()
    s.submit("We fought about money")
    out = s.submit("I always mess everything up. I'm a terrible partner.")
    assert "self_criticism" in s.labels["my_part"]
    assert out.notes


@pytest.mark.parametrize(
    "text", ["He checks my phone and won't let me see my friends.", "I don't want to be here anymore."]
)
def test_engine_safety_risk_in_words_pauses_with_the_answer_kept(text: str) -> None:
    s = Session(load_practice("reactivity-check-in"))  # real reader: these are clear safety signals
    s.acknowledge()
    out = s.submit(text)
    assert out.ok and out.safety
    assert s.status == PAUSED_SAFETY and s.current is None
    rec = s.record()
    assert rec["status"] == "draft" and rec["safety"] is True and rec["answers"]["trigger"] == text
    with pytest.raises(RuntimeError):
        s.submit("more")


def test_engine_safety_choice_pauses() -> None:
    p = load_practice("reactivity-check-in")
    s = Session(p, analyzer=quiet)
    s.acknowledge()
    for _ in range(4):
        s.submit(PLAIN)
    s.submit("1")
    s.acknowledge()  # the fight note
    out = s.submit("2")  # yes, afraid
    assert out.safety and s.status == PAUSED_SAFETY and s.answers["unsafe"] == "yes"


def test_engine_stop_keeps_a_draft_and_resume_continues_it() -> None:
    p = load_practice("core-value")
    s = Session(p, analyzer=quiet)
    s.acknowledge()
    s.submit("She said I never listen")
    s.stop("interrupted")
    rec = s.record()
    assert rec["status"] == DRAFT and rec["reason"] == "interrupted" and rec["answers"]["conflict"]
    again = Session.resume(p, rec, analyzer=quiet)
    assert again.current.id == "felt_about_me" and again.answers["conflict"] == "She said I never listen"
    with pytest.raises(ValueError, match="belongs to"):
        Session.resume(load_practice("soothing-touch"), rec)


def test_engine_reader_failure_does_not_stop_the_practice() -> None:
    def broken(text: str) -> Analysis:
        raise RuntimeError("model file missing")

    s = Session(load_practice("letter-to-myself"), analyzer=broken)
    s.acknowledge()
    assert s.submit("I keep snapping at home").ok
    assert any("reading this answer failed" in n for n in s.notes)


def test_engine_overlong_answer_is_refused_kindly() -> None:
    s = Session(load_practice("letter-to-myself"), analyzer=quiet)
    s.acknowledge()
    out = s.submit("x" * 20_001)
    assert not out.ok and "limit is 20000" in out.error


def test_engine_compose_need_statement_fallback_tidies_input() -> None:
    assert (
        compose_need_statement(
            "I felt lonely.",
            "When you worked late all week",
            ["connection", "support"],
            "Could you plan one evening for us?",
        )
        == "I felt lonely when you worked late all week. I need connection and support. Could you plan one evening for us?"
    )
    assert compose_need_statement("hurt", "", "respect", "") == "I felt hurt. I need respect."


def test_engine_steps_must_be_answered_the_right_way() -> None:
    p = parse_practice(
        {
            "id": "t",
            "title": "T",
            "summary": "S",
            "steps": [{"type": "text", "text": "hi"}, {"id": "a", "type": "prompt", "text": "?"}],
        }
    )
    s = Session(p, analyzer=quiet)
    with pytest.raises(RuntimeError, match="takes no answer"):
        s.submit("x")
    s.acknowledge()
    with pytest.raises(RuntimeError, match="needs an answer"):
        s.acknowledge()


def _walk_speaking_up(situation: str) -> Session:
    s = Session(load_practice("speaking-up"), analyzer=quiet)
    s.acknowledge()
    s.submit(situation)
    s.submit("hurt")
    s.submit("2")
    s.submit("check with me first")
    return s


def test_engine_need_statement_falls_back_when_the_coach_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "heartwork.coach.builders", None)  # import now raises ImportError
    s = _walk_speaking_up("you made plans for both of us without asking me")
    assert s.builder_source == "practice"
    assert s.answers["statement"] == (
        "I felt hurt when you made plans for both of us without asking me. I need consideration. "
        "Could you check with me first?"
    )


def test_engine_need_statement_shows_the_coach_advice_when_it_cannot_use_an_answer() -> None:
    s = _walk_speaking_up("you always make plans without me")
    assert s.builder_source == "practice"  # the simple composition still gives a starting point to edit
    assert s.answers["statement"].startswith("I felt hurt when you always make plans without me.")
    assert any("generalises" in n for n in s.compose_notes["statement"])
