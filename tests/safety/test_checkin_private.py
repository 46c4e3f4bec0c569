"""The private safety check-in: scoring, safety plan, storage as a sensitive entry a partner never sees."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from heartwork.cli import app
from heartwork.safety.checkin import QUESTIONS, InvalidAnswerError, latest_result, safety_plan, save, score
from heartwork.safety.policy import assess


def test_checkin_scoring() -> None:
    r = score({q.id: "no" for q in QUESTIONS} | {"safe_now": "yes"})
    assert not r.at_risk and r.areas == ()
    r = score({"fear": "sometimes", "safe_now": "y"})
    assert r.at_risk and r.areas == ("fear",)
    r = score({"self_harm": "yes", "safe_now": "no"})
    assert r.self_harm and r.unsafe_now
    with pytest.raises(InvalidAnswerError, match="Answer one of: yes, sometimes, no, not sure, skip"):
        score({"fear": "perhaps"})
    with pytest.raises(InvalidAnswerError, match="Unknown question"):
        score({"colour": "yes"})


def test_checkin_plan_treats_leaving_as_legitimate_and_matches_answers() -> None:
    plan = " ".join(safety_plan(score({"control": "yes"})))
    assert "Leaving is a legitimate choice" in plan and "code word" in plan
    plan = " ".join(safety_plan(score({"self_harm": "yes"})))
    assert "crisis line" in plan
    assert "Nothing in your answers" in " ".join(safety_plan(score({})))
    assert "emergency" in safety_plan(score({"safe_now": "no"}))[0]


def test_checkin_result_feeds_the_policy() -> None:
    d = assess(score({"isolation": "yes"}), country="UK")
    assert d.paused and "checkin" in d.categories
    assert not assess(score({"isolation": "no"})).paused


def test_checkin_saved_as_sensitive_entry_never_visible_to_partner(sqlite_store: Any) -> None:
    from heartwork.store import NotShareable, journal, pairs, users

    result = score({"fear": "yes", "safe_now": "no"})
    entry_id = save(result, sqlite_store)
    with sqlite_store.session() as s:
        me = users.local_user(s)
        partner = users.create_user(s, "partner")
        code = pairs.create_invite(s, me)
        pairs.accept_invite(s, partner, code)
        assert pairs.are_paired(s, me, partner)
        entry = journal.get_entry(s, entry_id)
        assert entry.sensitive and entry.kind == "safety_checkin" and not entry.shared
        assert not journal.can_view(s, partner, entry)
        assert journal.visible_entries(s, partner, me) == []
        with pytest.raises(NotShareable):
            journal.set_shared(s, entry, me, True)
    again = latest_result(sqlite_store, 1)
    assert again is not None and again.areas == result.areas


def test_checkin_cli_runs_saves_and_shows_plan() -> None:
    runner = CliRunner()
    answers = "yes\nno\nno\nno\nno\nno\nyes\n"
    res = runner.invoke(app, ["safety-check", "--country", "UK"], input=answers)
    assert res.exit_code == 0, res.output
    assert "Coaching is paused" in res.output
    assert "0808 2000 247" in res.output
    assert "never visible to a partner" in res.output
    res = runner.invoke(app, ["safety-check", "--no-save", "--json"], input="\n" * len(QUESTIONS))
    assert res.exit_code == 0, res.output
    out = json.loads(res.output[res.output.index("{") :])
    assert out["result"]["at_risk"] is False and out["saved_entry"] is None


def test_checkin_cli_reasks_on_bad_answer() -> None:
    res = CliRunner().invoke(app, ["safety-check", "--no-save"], input="maybe\nno\n" + "no\n" * 5 + "yes\n")
    assert res.exit_code == 0, res.output
    assert "Unknown answer 'maybe'" in res.output
