"""Practice: runs the practice engine's steps (heartwork.practice.engine.Session) one page per step.

A run is a private journal entry (kind "practice") whose ``data`` is the engine's record; every answer
updates it, so closing the tab keeps a draft. Pacing (breath and timer steps) is shown by the browser;
the Continue button waits for the pace, and can be skipped.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heartwork.web.config import MAX_TEXT_CHARS
from heartwork.web.deps import Problem, Viewer, check_csrf, render, require_user, session, web

router = APIRouter(prefix="/practice", dependencies=[Depends(check_csrf)], include_in_schema=False)
User = Annotated[Viewer, Depends(require_user)]


def _practice(practice_id: str) -> Any:
    from heartwork.practice.schema import PracticeNotFoundError, load_practice

    try:
        return load_practice(practice_id)
    except PracticeNotFoundError as exc:
        raise Problem(str(exc), status=404, back="/practice") from exc


def _load_run(request: Request, viewer: Viewer, entry_id: int) -> tuple[Any, Any, dict[str, Any]]:
    """The run's journal entry (only its owner may open it), its practice and engine session."""
    from heartwork.practice.engine import Session
    from heartwork.store import journal
    from heartwork.store.errors import NotFound

    with web(request).data.session(write=False) as s:
        try:
            entry = journal.get_entry(s, entry_id)
        except NotFound as exc:
            raise Problem("There is no such practice run.", status=404, back="/practice") from exc
        if entry.user_id != viewer.id or entry.kind != "practice":
            raise Problem("There is no such practice run.", status=404, back="/practice")
        record = dict(entry.data or {})
    practice = _practice(str(record.get("practice", "")))
    run = Session.resume(practice, record)
    if record.get("status") == "complete":
        run.status = "complete"
    if record.get("safety"):
        run.status = "paused_safety"
    run.notes = list(record.get("notes") or [])
    run.started_at = record.get("started_at") or run.started_at
    return entry, run, record


def _save(request: Request, viewer: Viewer, entry_id: int, run: Any) -> None:
    from heartwork.store import journal
    from heartwork.store.models import JournalEntry

    record = run.record()
    with web(request).data.session() as s:
        journal.update_entry(s, entry_id, viewer.id, data=record, body=run.text())
        if run.safety:  # safety-related: never shareable, never visible to a partner
            entry = s.get(JournalEntry, entry_id)
            assert entry is not None
            entry.shared = False
            entry.sensitive = True


@router.get("")
def practice_list(request: Request, viewer: User) -> Response:
    from heartwork.practice.schema import load_all
    from heartwork.store import journal

    with web(request).data.session(write=False) as s:
        runs = [
            {"id": e.id, "title": e.title, "status": (e.data or {}).get("status", ""), "when": e.created_at}
            for e in journal.list_entries(s, viewer.id, kind="practice", limit=10)
        ]
    return render(
        request,
        "practice_list.html",
        practices=load_all(),
        runs=runs,
        flash=session(request).pop("flash", None),
    )


@router.post("/{practice_id}/start")
def practice_start(request: Request, practice_id: str, viewer: User) -> Response:
    from heartwork.practice.engine import Session
    from heartwork.safety import policy
    from heartwork.store import journal
    from heartwork.web import queries

    practice = _practice(practice_id)
    with web(request).data.session(write=False) as s:
        checkin = queries.latest_checkin(s, viewer.id)
    if checkin is not None and checkin.at_risk:
        # The one safety policy: practices that soften toward the partner pause after a check-in shows risk;
        # self-directed care (self-compassion break, soothing touch, a letter to myself) stays open.
        decision = policy.assess(checkin, country=web(request).config.settings.country)
        allowed, message = policy.practice_allowed(practice.id, decision)
        if not allowed:
            raise Problem(message, status=409, back="/safety")
    run = Session(practice)
    with web(request).data.session() as s:
        entry = journal.add_entry(s, viewer.id, "practice", title=practice.title, data=run.record())
        entry_id = entry.id
    return RedirectResponse(f"/practice/run/{entry_id}", status_code=303)


@router.get("/run/{entry_id}")
def practice_step(request: Request, entry_id: int, viewer: User) -> Response:
    from heartwork.web.helpers import pace_seconds

    _, run, _ = _load_run(request, viewer, entry_id)
    step = run.current
    done, total = run.progress
    flash = session(request).pop("flash", None)
    return render(
        request,
        "practice_step.html",
        entry_id=entry_id,
        practice=run.practice,
        run=run,
        step=step,
        text=run.render(step) if step else "",
        default=(run.default_for(step) or "") if step else "",
        pace=pace_seconds(step) if step else 0,
        done=done,
        total=total,
        flash=flash if isinstance(flash, dict) else None,
        transcript=run.transcript() if step is None else [],
    )


@router.post("/run/{entry_id}")
def practice_answer(
    request: Request,
    entry_id: int,
    viewer: User,
    answer: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
    choice: Annotated[list[str] | None, Form()] = None,
    action: Annotated[str, Form(max_length=20)] = "continue",
    step_index: Annotated[int, Form()] = -1,
) -> Response:
    _, run, _ = _load_run(request, viewer, entry_id)
    step = run.current
    if step is None:
        return RedirectResponse(f"/practice/run/{entry_id}", status_code=303)
    if step_index != run.index:  # a double-submit or an old tab: show where the run really is
        return RedirectResponse(f"/practice/run/{entry_id}", status_code=303)
    flash: dict[str, Any] = {}
    if action == "stop":  # keep the answers so far as a draft; the list offers to continue it
        session(request)["flash"] = {"notes": [f"Saved. You can continue “{run.practice.title}” any time."]}
        return RedirectResponse("/practice", status_code=303)
    if step.takes_answer and step.type != "compose":
        raw = answer
        if step.type == "choice":
            raw = ",".join(choice or [])
        outcome = run.submit(raw)
        if not outcome.ok:
            flash = {"error": outcome.error, "answer": answer[:2000]}
        elif outcome.notes:
            flash = {"notes": list(outcome.notes)}
    else:
        run.acknowledge()
    _save(request, viewer, entry_id, run)
    if flash:
        session(request)["flash"] = flash
    return RedirectResponse(f"/practice/run/{entry_id}", status_code=303)
