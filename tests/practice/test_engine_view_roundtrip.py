"""What the web app reuses: each step as plain data, and a run carried between requests as its record."""

from __future__ import annotations

import json

from heartwork.model import Analysis
from heartwork.practice.engine import Session
from heartwork.practice.schema import load_practice


def quiet(text: str) -> Analysis:
    return Analysis(text=text)


def test_engine_view_describes_each_step_type() -> None:
    s = Session(load_practice("soothing-touch"), analyzer=quiet)
    seen = {}
    while (v := s.view()) is not None:
        seen.setdefault(v["type"], v)
        if v["type"] == "scale":
            s.submit(str(v["max"]))
        elif v["type"] == "choice":
            s.submit(v["options"][0]["value"])
        elif v["type"] == "prompt":
            s.submit("")  # optional
        else:
            s.acknowledge()
    assert seen["scale"]["min"] == 0 and seen["scale"]["labels"]["10"] == "completely settled"
    assert seen["choice"]["options"][0] == {"value": "heart", "label": "One hand on my heart"}
    assert seen["breath"]["count"] == 5 and seen["timer"]["seconds"] == 30
    assert seen["prompt"]["required"] is False
    json.dumps(seen)  # plain data all the way down


def test_engine_run_survives_being_stored_between_requests() -> None:
    """A stateless face keeps only the JSON record between steps and resumes each time."""
    practice = load_practice("speaking-up")
    record = Session(practice, analyzer=quiet).record()
    typed = iter(
        ["you said yes to dinner without checking with me", "unseen", "3", "check with me first", "", ""]
    )
    composed = None
    for _ in range(50):
        s = Session.resume(practice, json.loads(json.dumps(record)), analyzer=quiet)
        v = s.view()
        if v is None:
            break
        if v["type"] in ("text", "compose"):
            composed = v.get("result") or composed
            s.acknowledge()
        else:
            assert s.submit(next(typed)).ok
        record = s.record()
    assert s.status == "complete"
    assert composed and "I felt unseen" in composed
    assert record["answers"]["final"] == composed
